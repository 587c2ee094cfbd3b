### draft: machine-assisted translation; it needs review by a native speaker before use in the field.
### Kyrgyz (Cyrillic script) texts of the rule set "kz-handbook", translated from
### locales/en/kz-handbook.ftl and locales/ru/kz-handbook.ftl. A partial, person-facing language
### (`screen --with-lang ky`): only what the person sees, the questions (q-...), hints (q-...-hint)
### and answer options (opt-...). Interviewer notes, indicators, dimensions and outcomes are for
### the officer and stay in en, ru, kk.
### Style: plain, short, polite, formal "Сиз"; questions about facts, never labels. Letters ң ө ү.

## Section: safety

q-feels_safe_now = Азыр өзүңүздү коопсуз сезип жатасызбы?
q-feels_safe_now-hint = Ушул жер жөнүндө жана бүгүн түнү уктай турган жериңиз жөнүндө ойлонуп көрүңүз.

q-needs_medical_help = Азыр Сизге дарыгер же башка медициналык жардам керекпи?
q-needs_medical_help-hint = Мисалы, жаракат алсаңыз, бир жериңиз ооруса, ооруп калсаңыз, кош бойлуу болсоңуз же Сизге дары керек болсо.

q-with_parent_or_guardian = Ата-энеңиздин бири же Сиз үчүн жооптуу башка чоң киши азыр ушул жерде Сиз мененби?
q-with_parent_or_guardian-hint = Мисалы, камкорчуңуз же Сизге кам көргөн тууганыңыз.

## Section: profile

q-age = Сиз канча жаштасыз?
q-age-hint = Толук жашыңызды айтыңыз. Так билбесеңиз, ошону айтсаңыз болот.

q-appears_under_18 = Бул адам 18 жаштан кичүү көрүнөбү?

q-gender = Жынысыңыз кандай?
opt-gender-female = Аял
opt-gender-male = Эркек
opt-gender-other = Башка

q-citizenship = Кайсы өлкөнүн жаранысыз?
q-citizenship-hint = Эгер бир нече жарандыгыңыз болсо, кайсы өлкөнүн паспорту менен жолго чыккан болсоңуз, ошону тандаңыз.
opt-citizenship-kazakhstan = Казакстан
opt-citizenship-uzbekistan = Өзбекстан
opt-citizenship-tajikistan = Тажикстан
opt-citizenship-kyrgyzstan = Кыргызстан
opt-citizenship-russia = Орусия
opt-citizenship-china = Кытай
opt-citizenship-other = Башка өлкө
opt-citizenship-stateless = Жарандыгым жок (жарандыгы жок адам)

q-region = Кайсы облуста же шаарда иштейсиз же иштегенсиз?
q-region-hint = Эгер жумуш башка өлкөдө болсо же болгон болсо, «Казакстандан тышкары» дегенди тандаңыз.
opt-region-abai = Абай облусу
opt-region-akmola = Акмола облусу
opt-region-aktobe = Актөбө облусу
opt-region-almaty_region = Алматы облусу
opt-region-atyrau = Атырау облусу
opt-region-east_kazakhstan = Чыгыш Казакстан облусу
opt-region-jambyl = Жамбыл облусу
opt-region-jetisu = Жетисуу облусу
opt-region-karaganda = Караганды облусу
opt-region-kostanay = Костанай облусу
opt-region-kyzylorda = Кызылорда облусу
opt-region-mangystau = Маңгыстау облусу
opt-region-north_kazakhstan = Түндүк Казакстан облусу
opt-region-pavlodar = Павлодар облусу
opt-region-turkistan = Түркстан облусу
opt-region-ulytau = Улытау облусу
opt-region-west_kazakhstan = Батыш Казакстан облусу
opt-region-astana = Астана шаары
opt-region-almaty_city = Алматы шаары
opt-region-shymkent = Шымкент шаары
opt-region-outside_kazakhstan = Казакстандан тышкары

## Section: recruitment

q-found_job_how = Бул жумушту кантип таптыңыз?
opt-found_job_how-friends_or_relatives = Досторум, туугандарым же тааныштарым аркылуу
opt-found_job_how-employment_agency = Жумушка орноштуруучу же туристтик агенттик аркылуу
opt-found_job_how-advertisement = Кулактандыруу аркылуу — интернетте же башка жерде
opt-found_job_how-approached_by_stranger = Аны мага тааныбаган адам сунуштады
opt-found_job_how-employer_directly = Иш берүүчүгө өзүм бардым
opt-found_job_how-other = Башка жол менен

q-travel_paid_by = Бул жумуш ордуна чейинки жол кирени ким төлөгөн?
opt-travel_paid_by-self = Өзүм төлөдүм
opt-travel_paid_by-family = Үй-бүлөм
opt-travel_paid_by-employer = Иш берүүчү
opt-travel_paid_by-recruiter = Мага бул жумушту таап берген адам же агенттик
opt-travel_paid_by-someone_else = Башка бирөө
opt-travel_paid_by-no_travel = Бул жумуш үчүн эч жакка барган эмесмин

q-how_decided = Бул жумушка кантип келип калдыңыз?
q-how_decided-hint = Бир нече жоопту тандасаңыз болот.
opt-how_decided-own_decision = Өзүм чечтим
opt-how_decided-family_decided = Үй-бүлөм чечти
opt-how_decided-money_given_for_me = Мен кетишим үчүн бирөөгө акча берилген
opt-how_decided-threatened = Бирөө мени коркуткан
opt-how_decided-taken_by_force = Мени күч менен алып кетишкен
opt-how_decided-other = Башкача

q-job_as_told = Жумушуңуз иштей баштаганга чейин Сизге айтылгандай эле болуп чыктыбы: жумуштун түрү, жери жана иш берүүчү?
q-job_as_told-hint = Жер дегенде шаар же өлкө айтылат. Булардын бирөө эле башкача болсо, «Башкача» дегенди тандаңыз.
opt-job_as_told-same = Айтылгандай эле
opt-job_as_told-different = Башкача
opt-job_as_told-not_told = Бул тууралуу мага эч нерсе айтылган эмес

q-pay_as_told = Эмгек акыңыз иштей баштаганга чейин Сизге айтылгандай элеби?
q-pay_as_told-hint = Акынын өлчөмүн жана ал канча убакытта бир төлөнөрүн эске алыңыз.
opt-pay_as_told-same = Айтылгандай эле
opt-pay_as_told-less = Азыраак
opt-pay_as_told-more = Көбүрөөк
opt-pay_as_told-not_told = Бул тууралуу мага эч нерсе айтылган эмес

q-conditions_as_told = Иштей баштаганга чейин Сизге айтылганга салыштырмалуу иш убактыңыз, дем алыш күндөрүңүз жана жашоо шартыңыз кандай?
q-conditions_as_told-hint = Булардын бирөө эле Сизге айтылгандан начар болсо, «Начарыраак» дегенди тандаңыз.
opt-conditions_as_told-same = Айтылгандай эле
opt-conditions_as_told-worse = Начарыраак
opt-conditions_as_told-better = Жакшыраак
opt-conditions_as_told-not_told = Бул тууралуу мага эч нерсе айтылган эмес

## Section: documents

q-documents_held_by = Паспортуңуз же инсандыгыңызды тастыктаган документиңиз азыр кимде?
opt-documents_held_by-self = Өзүмдө
opt-documents_held_by-employer = Иш берүүчүдө
opt-documents_held_by-recruiter = Мага бул жумушту таап берген адамда же агенттикте
opt-documents_held_by-someone_else = Башка бирөөдө
opt-documents_held_by-lost_or_stolen = Жоголгон же уурдалган
opt-documents_held_by-no_documents = Менде паспорт да, инсандыгымды тастыктаган документ да жок

q-can_get_documents = Аны каалаган убакта кайра ала аласызбы?
q-can_get_documents-hint = Мисалы, эртең кеткиңиз же үйүңүзгө кайткыңыз келсе.

## Section: debts and money

q-owes_money = Иш берүүчүгө, Сизге бул жумушту таап берген адамга же алар менен байланышы бар бирөөгө карызыңыз барбы?
q-owes_money-hint = Мисалы, жол, документтер, турак жай, тамак-аш үчүн же Сизге алдын ала берилген акча үчүн.

q-can_leave_before_repaying = Бул акчаны кайтарбай туруп, бул жумушту таштап кете аласызбы?

q-debt_grows = Иштей баштагандан бери карызыңыз көбөйдүбү?
q-debt_grows-hint = Мисалы, тамак-аш же турак жай үчүн төлөмдөрдөн, айыптардан же пайыздардан улам.

q-other_way_to_live = Эгер бул жумуштан кетсеңиз, тамак-аш жана жашаган жер үчүн төлөөгө башка мүмкүнчүлүгүңүз барбы?
q-other_way_to_live-hint = Мисалы, өзүңүздүн топтогон акчаңыз, башка жумуш, же жардам бере ала турган үй-бүлөңүз же досторуңуз.

## Section: work

q-sectors = Кандай жумуш кыласыз?
q-sectors-hint = Бир нече жоопту тандасаңыз болот.
opt-sectors-construction = Курулуш
opt-sectors-agriculture = Фермада же талаада иштөө (мисалы, тамеки, пахта, жашылча)
opt-sectors-meat_processing = Этти кайра иштетүү
opt-sectors-domestic_work = Жеке үйдө иштөө (тазалоо, тамак бышыруу, балдарды же улгайган адамдарды кароо)
opt-sectors-trade_market = Соода, базар же дүкөн
opt-sectors-cafe_restaurant = Кафе же ресторан
opt-sectors-entertainment_sex_industry = Көңүл ачуу жайлары же сексуалдык кызматтар (мисалы, барлар, сауналар, түнкү клубдар)
opt-sectors-begging = Тиленчилик
opt-sectors-other = Башка жумуш

q-hours_per_day = Кадимки иш күнүндө канча саат иштейсиз?
q-hours_per_day-hint = Кошумча сааттарды кошо алганда, бардык сааттарды эсептеңиз.

q-days_off_per_week = Кадимки жумада канча дем алыш күнүңүз болот?
q-days_off_per_week-hint = Дем алыш күн — бул Сиз иштебесеңиз боло турган толук бир күн.

q-pay_received = Макулдашылган эмгек акыны алып жатасызбы?
q-pay_received-hint = Акыркы иштеген айыңызды эстеңиз.
opt-pay_received-as_agreed = Ооба, макулдашылган акынын баарын
opt-pay_received-less = Макулдашылгандан азыраак
opt-pay_received-none = Таптакыр эч нерсе албайм

q-wages_held_back = Бирөө эмгек акыңызды же анын бир бөлүгүн «кийин аласыз» деп кармап турабы?
q-wages_held_back-hint = Мисалы, сезондун аягына чейин, Сиз кеткенге чейин же карыз төлөнгөнгө чейин.

q-work_dangerous = Жумушуңуз ден соолугуңуз же коопсуздугуңуз үчүн кооптуубу?
q-work_dangerous-hint = Мисалы, өтө оор жүктөр, кооптуу машиналар же химиялык заттар, бийиктикте иштөө же коргоочу кийимсиз иштөө.

q-child_attends_school = Азыр мектепке барасызбы?

q-child_hands_over_money = Тапкан акчаңызды же Сизге берилген акчаны башка бирөөгө берүүгө туура келеби?
q-child_hands_over_money-hint = Мисалы, тиленчиликтен, буюм сатуудан же башка жумуштан түшкөн акча.

## Section: movement

q-leaving_freely = Иштеген же жашаган жериңизден каалаган убакта чыгып кете аласызбы?
opt-leaving_freely-freely = Ооба, каалаган убакта
opt-leaving_freely-with_permission = Уруксат беришсе гана
opt-leaving_freely-only_accompanied = Мени менен бирге барган же мени карап турган бирөө менен гана
opt-leaving_freely-not_allowed = Жок, мага чыгууга уруксат беришпейт
opt-leaving_freely-locked_in = Жок, мени кулпулап коюшат

q-contact_family = Үй-бүлөңүз же досторуңуз менен каалаган убакта байланыша аласызбы?
q-contact_family-hint = Телефон аркылуу, кабар жазып же жолугушуп.

## Section: threats and harm

q-threatened_with_harm = Бул жумушка же жол жүрүүңүзгө байланыштуу бирөө Сизге же үй-бүлөңүзгө зыян келтирем деп коркуткан беле?

q-threatened_with_authorities = Бул жумушка байланыштуу бирөө Сизди полиция же миграция кызматы менен коркуткан беле?
q-threatened_with_authorities-hint = Мисалы, Сиз жөнүндө кабарлайм же Сизди өлкөңүзгө кайтартып жиберем деген.

q-violence_experienced = Бул жумушка же жол жүрүүңүзгө байланыштуу бирөө Сизди урган же Сизге залал келтирген беле?
q-violence_experienced-hint = Эч кандай чоо-жайын айтуунун кереги жок.

q-forced_sexual_acts = Бирөө Сизди өзүңүз каалабаган сексуалдык аракеттерди жасоого мажбурлаган беле?
q-forced_sexual_acts-hint = Эч кандай чоо-жайын айтуунун кереги жок. Бул суроого жооп бербесеңиз да болот.

q-forced_illegal_acts = Сизди мыйзамга каршы иштерди жасоого мажбурлашкан беле?
q-forced_illegal_acts-hint = Мисалы, уурдоо, баңгизат ташуу же сатуу.

## Section: where you live

q-lives_where = Түнү кайда уктайсыз?
opt-lives_where-workplace = Жумуш ордунда
opt-lives_where-employer_housing = Иш берүүчү берген турак жайда
opt-lives_where-own_or_rented = Өзүм ижарага алган же өзүмдүн турак жайымда
opt-lives_where-family_or_friends = Туугандарымдыкында же досторумдукунда
opt-lives_where-no_fixed_place = Туруктуу жашаган жерим жок
opt-lives_where-other = Башка жерде

q-basic_needs_met = Жашаган жериңизде жетиштүү тамак-аш, таза суу, жылытуу, керебет жана даараткана барбы?
q-basic_needs_met-hint = Булардын бирөө эле жок болсо, «Жок» деп жооп бериңиз.

q-knows_address = Жашаган жериңиздин дарегин же аталышын билесизби?
q-knows_address-hint = Мисалы, көчөнү, айылды же шаарды.

## Section: papers and the authorities

q-legal_status = Бул жумуш жайгашкан өлкөдө жашоо жана иштөө үчүн керектүү документтериңиз барбы?
q-legal_status-hint = Мисалы, турган жериңиз боюнча каттоо же иштөөгө уруксат. Эгер бул жумуштан кетип калган болсоңуз, ошол жерде иштеген убагыңыз боюнча жооп бериңиз.
opt-legal_status-stay_and_work = Ооба, жашоого да, иштөөгө да
opt-legal_status-stay_only = Жашоого гана, иштөөгө эмес
opt-legal_status-no_papers = Жок

q-afraid_of_authorities = Полициядан же башка мамлекеттик органдардан жардам суроодон коркосузбу?
