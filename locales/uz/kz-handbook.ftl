### draft: machine-assisted translation; it needs review by a native speaker before use in the field.
### Uzbek (Latin script) texts of the rule set "kz-handbook", translated from locales/en/kz-handbook.ftl
### and locales/ru/kz-handbook.ftl. A partial, person-facing language (`screen --with-lang uz`):
### only what the person sees, the questions (q-...), hints (q-...-hint) and answer options (opt-...).
### Interviewer notes, indicators, dimensions and outcomes are for the officer and stay in en, ru, kk.
### Style: plain, short, polite, formal "siz"; questions about facts, never labels.
### Spelling: oʻ and gʻ with U+02BB (ʻ), the tutuq belgisi with U+02BC (ʼ), never an ASCII apostrophe.

## Section: safety

q-feels_safe_now = Hozir oʻzingizni xavfsiz his qilyapsizmi?
q-feels_safe_now-hint = Shu joy haqida va bugun kechasi uxlaydigan joyingiz haqida oʻylab koʻring.

q-needs_medical_help = Hozir sizga shifokor yoki boshqa tibbiy yordam kerakmi?
q-needs_medical_help-hint = Masalan, jarohat, ogʻriq, kasallik yoki homiladorlik sababli, yoki sizga dori kerak boʻlsa.

q-with_parent_or_guardian = Ota-onangizdan biri yoki siz uchun javobgar boʻlgan boshqa katta yoshli kishi hozir shu yerda siz bilan birgami?
q-with_parent_or_guardian-hint = Masalan, vasiyingiz yoki sizga gʻamxoʻrlik qiladigan qarindoshingiz.

## Section: profile

q-age = Yoshingiz nechada?
q-age-hint = Toʻliq yillar hisobida. Aniq bilmasangiz, shuni aytishingiz mumkin.

q-appears_under_18 = Bu kishi 18 yoshdan kichik koʻrinadimi?

q-gender = Jinsingiz qanday?
opt-gender-female = Ayol
opt-gender-male = Erkak
opt-gender-other = Boshqa

q-citizenship = Qaysi davlat fuqarosisiz?
q-citizenship-hint = Agar bir nechta fuqaroligingiz boʻlsa, qaysi davlat pasporti bilan yoʻlga chiqqan boʻlsangiz, shuni tanlang.
opt-citizenship-kazakhstan = Qozogʻiston
opt-citizenship-uzbekistan = Oʻzbekiston
opt-citizenship-tajikistan = Tojikiston
opt-citizenship-kyrgyzstan = Qirgʻiziston
opt-citizenship-russia = Rossiya
opt-citizenship-china = Xitoy
opt-citizenship-other = Boshqa davlat
opt-citizenship-stateless = Fuqaroligim yoʻq (fuqaroligi boʻlmagan shaxs)

q-region = Qaysi viloyat yoki shaharda ishlayapsiz yoki ishlagansiz?
q-region-hint = Agar ish boshqa davlatda boʻlsa yoki boʻlgan boʻlsa, «Qozogʻistondan tashqarida» javobini tanlang.
opt-region-abai = Abay viloyati
opt-region-akmola = Aqmola viloyati
opt-region-aktobe = Aqtoʻbe viloyati
opt-region-almaty_region = Olmaota viloyati
opt-region-atyrau = Atirau viloyati
opt-region-east_kazakhstan = Sharqiy Qozogʻiston viloyati
opt-region-jambyl = Jambil viloyati
opt-region-jetisu = Jetisu (Yettisuv) viloyati
opt-region-karaganda = Qaragʻandi viloyati
opt-region-kostanay = Qostanay viloyati
opt-region-kyzylorda = Qiziloʻrda viloyati
opt-region-mangystau = Mangʻistau viloyati
opt-region-north_kazakhstan = Shimoliy Qozogʻiston viloyati
opt-region-pavlodar = Pavlodar viloyati
opt-region-turkistan = Turkiston viloyati
opt-region-ulytau = Ulitau viloyati
opt-region-west_kazakhstan = Gʻarbiy Qozogʻiston viloyati
opt-region-astana = Astana shahri
opt-region-almaty_city = Olmaota shahri
opt-region-shymkent = Chimkent shahri
opt-region-outside_kazakhstan = Qozogʻistondan tashqarida

## Section: recruitment

q-found_job_how = Bu ishni qanday topdingiz?
opt-found_job_how-friends_or_relatives = Doʻstlar, qarindoshlar yoki tanishlar orqali
opt-found_job_how-employment_agency = Ishga joylashtirish yoki sayyohlik agentligi orqali
opt-found_job_how-advertisement = Eʼlon orqali — internetda yoki boshqa joyda
opt-found_job_how-approached_by_stranger = Uni menga notanish odam taklif qildi
opt-found_job_how-employer_directly = Ish beruvchining oʻziga bordim
opt-found_job_how-other = Boshqa yoʻl bilan

q-travel_paid_by = Bu ish joyigacha boʻlgan yoʻl xarajatlaringizni kim toʻlagan?
opt-travel_paid_by-self = Oʻzim toʻlaganman
opt-travel_paid_by-family = Oilam
opt-travel_paid_by-employer = Ish beruvchi
opt-travel_paid_by-recruiter = Menga bu ishni topib bergan odam yoki agentlik
opt-travel_paid_by-someone_else = Boshqa birov
opt-travel_paid_by-no_travel = Bu ish uchun hech qayerga bormaganman

q-how_decided = Bu ishga qanday qilib kelib qolgansiz?
q-how_decided-hint = Bir nechta javobni tanlashingiz mumkin.
opt-how_decided-own_decision = Oʻzim qaror qilganman
opt-how_decided-family_decided = Oilam qaror qilgan
opt-how_decided-money_given_for_me = Men ketishim uchun kimgadir pul berilgan
opt-how_decided-threatened = Kimdir menga tahdid qilgan
opt-how_decided-taken_by_force = Meni majburan olib ketishgan
opt-how_decided-other = Boshqacha

q-job_as_told = Ishingiz ishni boshlashdan oldin sizga aytilganidek boʻlib chiqdimi: ish turi, joyi va ish beruvchi?
q-job_as_told-hint = Joy — bu shahar yoki davlat. Agar shulardan birortasi boshqacha boʻlsa, «Boshqacha» javobini tanlang.
opt-job_as_told-same = Aytilganidek
opt-job_as_told-different = Boshqacha
opt-job_as_told-not_told = Bu haqda menga hech narsa aytilmagan

q-pay_as_told = Ish haqingiz ishni boshlashdan oldin sizga aytilgani bilan bir xilmi?
q-pay_as_told-hint = Pul miqdori va uning qanchalik tez-tez toʻlanishi haqida oʻylab koʻring.
opt-pay_as_told-same = Bir xil
opt-pay_as_told-less = Kamroq
opt-pay_as_told-more = Koʻproq
opt-pay_as_told-not_told = Bu haqda menga hech narsa aytilmagan

q-conditions_as_told = Ishni boshlashdan oldin sizga aytilganiga qaraganda ish vaqtingiz, dam olish kunlaringiz va yashash sharoitingiz qanday?
q-conditions_as_told-hint = Agar shulardan birortasi sizga aytilganidan yomonroq boʻlsa, «Yomonroq» javobini tanlang.
opt-conditions_as_told-same = Aytilganidek
opt-conditions_as_told-worse = Yomonroq
opt-conditions_as_told-better = Yaxshiroq
opt-conditions_as_told-not_told = Bu haqda menga hech narsa aytilmagan

## Section: documents

q-documents_held_by = Pasportingiz yoki ID-kartangiz hozir kimda?
opt-documents_held_by-self = Oʻzimda
opt-documents_held_by-employer = Ish beruvchida
opt-documents_held_by-recruiter = Menga bu ishni topib bergan odam yoki agentlikda
opt-documents_held_by-someone_else = Boshqa birovda
opt-documents_held_by-lost_or_stolen = Yoʻqolgan yoki oʻgʻirlangan
opt-documents_held_by-no_documents = Menda pasport ham, ID-karta ham yoʻq

q-can_get_documents = Uni xohlagan paytingizda qaytarib ola olasizmi?
q-can_get_documents-hint = Masalan, ertaga ketmoqchi yoki uyingizga qaytmoqchi boʻlsangiz.

## Section: debts and money

q-owes_money = Ish beruvchingizga, sizga bu ishni topib bergan odamga yoki ular bilan bogʻliq boshqa birovga qarzingiz bormi?
q-owes_money-hint = Masalan, yoʻl, hujjatlar, turar joy, ovqat uchun yoki sizga oldindan berilgan pul uchun.

q-can_leave_before_repaying = Bu pulni qaytarmasdan turib, bu ishni tashlab keta olasizmi?

q-debt_grows = Ishlay boshlaganingizdan beri qarzingiz koʻpaydimi?
q-debt_grows-hint = Masalan, ovqat yoki turar joy uchun toʻlovlar, jarimalar yoki foizlar sababli.

q-other_way_to_live = Agar bu ishdan ketsangiz, ovqat va yashash joyi uchun pul toʻlashga boshqa imkoniyatingiz bormi?
q-other_way_to_live-hint = Masalan, oʻz jamgʻarmangiz, boshqa ish, yoki yordam bera oladigan oilangiz yoki doʻstlaringiz.

## Section: work

q-sectors = Qanday ish qilasiz?
q-sectors-hint = Bir nechta javobni tanlashingiz mumkin.
opt-sectors-construction = Qurilish
opt-sectors-agriculture = Fermada yoki dalada ishlash (masalan, tamaki, paxta, sabzavot)
opt-sectors-meat_processing = Goʻshtni qayta ishlash
opt-sectors-domestic_work = Xususiy uyda ishlash (tozalash, ovqat pishirish, bolalar yoki keksalarga qarash)
opt-sectors-trade_market = Savdo, bozor yoki doʻkon
opt-sectors-cafe_restaurant = Kafe yoki restoran
opt-sectors-entertainment_sex_industry = Koʻngilochar joylar yoki jinsiy xizmatlar (masalan, barlar, saunalar, tungi klublar)
opt-sectors-begging = Tilanchilik
opt-sectors-other = Boshqa ish

q-hours_per_day = Odatdagi ish kunida necha soat ishlaysiz?
q-hours_per_day-hint = Barcha soatlarni, qoʻshimcha soatlarni ham qoʻshib hisoblang.

q-days_off_per_week = Odatdagi haftada nechta dam olish kuningiz boʻladi?
q-days_off_per_week-hint = Dam olish kuni — ishlashingiz shart boʻlmagan butun bir kun.

q-pay_received = Kelishilgan ish haqini olyapsizmi?
q-pay_received-hint = Oxirgi ishlagan oyingizni eslang.
opt-pay_received-as_agreed = Ha, kelishilgan haqning hammasini
opt-pay_received-less = Kelishilganidan kamroq
opt-pay_received-none = Umuman hech narsa olmayman

q-wages_held_back = Kimdir ish haqingizni yoki uning bir qismini «keyinroq olasiz» deb ushlab turadimi?
q-wages_held_back-hint = Masalan, mavsum oxirigacha, siz ketguningizcha yoki qarz toʻlanguncha.

q-work_dangerous = Ishingiz sogʻligʻingiz yoki xavfsizligingiz uchun xavflimi?
q-work_dangerous-hint = Masalan, juda ogʻir yuklar, xavfli mashinalar yoki kimyoviy moddalar, balandlikda ishlash yoki himoya kiyimisiz ishlash.

q-child_attends_school = Hozir maktabga borasizmi?

q-child_hands_over_money = Topgan pulingizni yoki sizga berilgan pulni boshqa birovga berishingiz kerakmi?
q-child_hands_over_money-hint = Masalan, tilanchilikdan, narsa sotishdan yoki boshqa ishdan tushgan pul.

## Section: movement

q-leaving_freely = Ish joyingizdan yoki yashaydigan joyingizdan xohlagan paytingizda chiqib keta olasizmi?
opt-leaving_freely-freely = Ha, xohlagan paytimda
opt-leaving_freely-with_permission = Faqat ruxsat berishsa
opt-leaving_freely-only_accompanied = Faqat men bilan birga boradigan yoki meni kuzatib turadigan kishi bilan
opt-leaving_freely-not_allowed = Yoʻq, chiqishimga ruxsat berishmaydi
opt-leaving_freely-locked_in = Yoʻq, meni qulflab qoʻyishadi

q-contact_family = Oilangiz yoki doʻstlaringiz bilan xohlagan paytingizda bogʻlana olasizmi?
q-contact_family-hint = Telefon orqali, xabar yozib yoki uchrashib.

## Section: threats and harm

q-threatened_with_harm = Bu ish yoki safaringiz bilan bogʻliq kimdir sizga yoki oilangizga zarar yetkazaman deb tahdid qilganmi?

q-threatened_with_authorities = Bu ish bilan bogʻliq kimdir sizni politsiya yoki migratsiya xizmati bilan qoʻrqitganmi?
q-threatened_with_authorities-hint = Masalan, siz haqingizda xabar beraman yoki sizni yurtingizga joʻnatib yuboraman, degan.

q-violence_experienced = Bu ish yoki safaringiz bilan bogʻliq kimdir sizni urganmi yoki sizga jismoniy zarar yetkazganmi?
q-violence_experienced-hint = Hech qanday tafsilot aytishingiz shart emas.

q-forced_sexual_acts = Kimdir sizni oʻzingiz xohlamagan jinsiy harakatlarni qilishga majburlaganmi?
q-forced_sexual_acts-hint = Hech qanday tafsilot aytishingiz shart emas. Bu savolga javob bermasligingiz ham mumkin.

q-forced_illegal_acts = Sizni qonunga xilof ishlarni qilishga majburlashganmi?
q-forced_illegal_acts-hint = Masalan, oʻgʻirlik qilish yoki giyohvand moddalarni tashish yoki sotish.

## Section: where you live

q-lives_where = Kechasi qayerda uxlaysiz?
opt-lives_where-workplace = Ish joyida
opt-lives_where-employer_housing = Ish beruvchi bergan turar joyda
opt-lives_where-own_or_rented = Oʻzim ijaraga olgan yoki oʻzimga tegishli joyda
opt-lives_where-family_or_friends = Qarindoshlarim yoki doʻstlarimnikida
opt-lives_where-no_fixed_place = Doimiy joyim yoʻq
opt-lives_where-other = Boshqa joyda

q-basic_needs_met = Yashaydigan joyingizda yetarli ovqat, toza suv, isitish, karavot va hojatxona bormi?
q-basic_needs_met-hint = Agar shulardan birortasi boʻlmasa, «Yoʻq» deb javob bering.

q-knows_address = Yashaydigan joyingizning manzilini yoki nomini bilasizmi?
q-knows_address-hint = Masalan, koʻcha, qishloq yoki shahar nomini.

## Section: papers and the authorities

q-legal_status = Bu ish joylashgan davlatda yashash va ishlash uchun kerakli hujjatlaringiz bormi?
q-legal_status-hint = Masalan, turgan joyingiz boʻyicha roʻyxatdan oʻtganlik yoki ishlash uchun ruxsatnoma. Agar bu ishdan ketgan boʻlsangiz, oʻsha yerda ishlagan vaqtingiz haqida javob bering.
opt-legal_status-stay_and_work = Ha, yashash uchun ham, ishlash uchun ham
opt-legal_status-stay_only = Faqat yashash uchun, ishlash uchun emas
opt-legal_status-no_papers = Yoʻq

q-afraid_of_authorities = Politsiya yoki boshqa davlat idoralaridan yordam soʻrashdan qoʻrqasizmi?
