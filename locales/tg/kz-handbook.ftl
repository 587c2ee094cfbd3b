### draft: machine-assisted translation; it needs review by a native speaker before use in the field.
### Tajik (Cyrillic script) texts of the rule set "kz-handbook", translated from
### locales/en/kz-handbook.ftl and locales/ru/kz-handbook.ftl. A partial, person-facing language
### (`screen --with-lang tg`): only what the person sees, the questions (q-...), hints (q-...-hint)
### and answer options (opt-...). Interviewer notes, indicators, dimensions and outcomes are for
### the officer and stay in en, ru, kk.
### Style: plain, short, polite, formal "Шумо"; questions about facts, never labels.
### Letters ғ ӣ қ ӯ ҳ ҷ.

## Section: safety

q-feels_safe_now = Оё Шумо ҳозир худро дар амният ҳис мекунед?
q-feels_safe_now-hint = Дар бораи ҳамин ҷой ва ҷое, ки имшаб дар он хоб мекунед, фикр кунед.

q-needs_medical_help = Оё ҳозир ба Шумо духтур ё дигар ёрии тиббӣ лозим аст?
q-needs_medical_help-hint = Масалан, аз сабаби ҷароҳат, дард, беморӣ ё ҳомиладорӣ, ё агар ба Шумо дору лозим бошад.

q-with_parent_or_guardian = Оё яке аз падару модаратон ё дигар шахси калонсоле, ки барои Шумо масъул аст, ҳозир дар ин ҷо бо Шумост?
q-with_parent_or_guardian-hint = Масалан, васӣ ё хешовандатон, ки дар бораи Шумо ғамхорӣ мекунад.

## Section: profile

q-age = Шумо чандсолаед?
q-age-hint = Шумораи солҳои пурра. Агар дақиқ намедонед, метавонед ҳаминро гӯед.

q-appears_under_18 = Оё ин шахс аз 18-сола хурдтар менамояд?

q-gender = Ҷинси Шумо кадом аст?
opt-gender-female = Зан
opt-gender-male = Мард
opt-gender-other = Дигар

q-citizenship = Шумо шаҳрванди кадом давлат ҳастед?
q-citizenship-hint = Агар Шумо зиёда аз як шаҳрвандӣ дошта бошед, ҳамонеро интихоб кунед, ки бо шиносномаи он сафар кардаед.
opt-citizenship-kazakhstan = Қазоқистон
opt-citizenship-uzbekistan = Ӯзбекистон
opt-citizenship-tajikistan = Тоҷикистон
opt-citizenship-kyrgyzstan = Қирғизистон
opt-citizenship-russia = Русия
opt-citizenship-china = Чин
opt-citizenship-other = Кишвари дигар
opt-citizenship-stateless = Шаҳрвандӣ надорам (шахси бешаҳрванд)

q-region = Шумо дар кадом вилоят ё шаҳр кор мекунед ё кор кардаед?
q-region-hint = Агар кор дар кишвари дигар бошад ё буда бошад, «Берун аз Қазоқистон»-ро интихоб кунед.
opt-region-abai = Вилояти Абай
opt-region-akmola = Вилояти Ақмола
opt-region-aktobe = Вилояти Ақтӯбе
opt-region-almaty_region = Вилояти Алмато
opt-region-atyrau = Вилояти Атирау
opt-region-east_kazakhstan = Вилояти Қазоқистони Шарқӣ
opt-region-jambyl = Вилояти Ҷамбил
opt-region-jetisu = Вилояти Ҷетису
opt-region-karaganda = Вилояти Қарағанда
opt-region-kostanay = Вилояти Қостанай
opt-region-kyzylorda = Вилояти Қизилӯрда
opt-region-mangystau = Вилояти Манғистау
opt-region-north_kazakhstan = Вилояти Қазоқистони Шимолӣ
opt-region-pavlodar = Вилояти Павлодар
opt-region-turkistan = Вилояти Туркистон
opt-region-ulytau = Вилояти Улитау
opt-region-west_kazakhstan = Вилояти Қазоқистони Ғарбӣ
opt-region-astana = Шаҳри Остона
opt-region-almaty_city = Шаҳри Алмато
opt-region-shymkent = Шаҳри Шимкент
opt-region-outside_kazakhstan = Берун аз Қазоқистон

## Section: recruitment

q-found_job_how = Шумо ин корро чӣ тавр ёфтед?
opt-found_job_how-friends_or_relatives = Тавассути дӯстон, хешовандон ё шиносҳо
opt-found_job_how-employment_agency = Тавассути агентии ба кор ҷойгиркунӣ ё агентии сайёҳӣ
opt-found_job_how-advertisement = Аз эълон — дар интернет ё ҷои дигар
opt-found_job_how-approached_by_stranger = Онро ба ман шахси ношинос пешниҳод кард
opt-found_job_how-employer_directly = Худам ба назди корфармо рафтам
opt-found_job_how-other = Бо роҳи дигар

q-travel_paid_by = Хароҷоти роҳи Шуморо то ҷои ин кор кӣ пардохт кардааст?
opt-travel_paid_by-self = Худам пардохт кардам
opt-travel_paid_by-family = Оилаам
opt-travel_paid_by-employer = Корфармо
opt-travel_paid_by-recruiter = Шахс ё агентие, ки ин корро барои ман ёфт
opt-travel_paid_by-someone_else = Каси дигар
opt-travel_paid_by-no_travel = Барои ин кор ба ҷое сафар накардаам

q-how_decided = Чӣ тавр шуд, ки Шумо ба ин кор омадед?
q-how_decided-hint = Шумо метавонед якчанд ҷавобро интихоб кунед.
opt-how_decided-own_decision = Худам қарор додам
opt-how_decided-family_decided = Оилаам қарор дод
opt-how_decided-money_given_for_me = Ба касе пул доданд, то ки ман равам
opt-how_decided-threatened = Касе ба ман таҳдид кард
opt-how_decided-taken_by_force = Маро маҷбуран бурданд
opt-how_decided-other = Тарзи дигар

q-job_as_told = Оё кори Шумо ҳамон тавр аст, ки пеш аз оғози кор ба Шумо гуфта буданд: навъи кор, ҷой ва корфармо?
q-job_as_told-hint = Ҷой яъне шаҳр ё кишвар. Агар ягонтои инҳо дигар бошад, «Дигар аст»-ро интихоб кунед.
opt-job_as_told-same = Ҳамон тавр аст
opt-job_as_told-different = Дигар аст
opt-job_as_told-not_told = Ба ман дар ин бора ҳеҷ чиз нагуфта буданд

q-pay_as_told = Оё музди кори Шумо ҳамон тавр аст, ки пеш аз оғози кор ба Шумо гуфта буданд?
q-pay_as_told-hint = Дар бораи маблағ ва ҳар чанд вақт як бор пардохт шудани он фикр кунед.
opt-pay_as_told-same = Ҳамон тавр аст
opt-pay_as_told-less = Камтар
opt-pay_as_told-more = Бештар
opt-pay_as_told-not_told = Ба ман дар ин бора ҳеҷ чиз нагуфта буданд

q-conditions_as_told = Соатҳои корӣ, рӯзҳои истироҳат ва шароити зисти Шумо нисбат ба он чизе, ки пеш аз оғози кор ба Шумо гуфта буданд, чӣ гунаанд?
q-conditions_as_told-hint = Агар ягонтои инҳо аз он чи ба Шумо гуфта буданд бадтар бошад, «Бадтар»-ро интихоб кунед.
opt-conditions_as_told-same = Ҳамон тавр
opt-conditions_as_told-worse = Бадтар
opt-conditions_as_told-better = Беҳтар
opt-conditions_as_told-not_told = Ба ман дар ин бора ҳеҷ чиз нагуфта буданд

## Section: documents

q-documents_held_by = Ҳозир шиноснома ё дигар ҳуҷҷати тасдиқкунандаи шахсияти Шумо дар дасти кист?
opt-documents_held_by-self = Дар дасти худам
opt-documents_held_by-employer = Дар дасти корфармо
opt-documents_held_by-recruiter = Дар дасти шахс ё агентие, ки ин корро барои ман ёфт
opt-documents_held_by-someone_else = Дар дасти каси дигар
opt-documents_held_by-lost_or_stolen = Гум шудааст ё дуздидаанд
opt-documents_held_by-no_documents = Ман шиноснома ё ҳуҷҷати тасдиқкунандаи шахсият надорам

q-can_get_documents = Оё Шумо метавонед онро ҳар вақте ки хоҳед, баргардонда гиред?
q-can_get_documents-hint = Масалан, агар фардо рафтан ё ба хона баргаштан хоҳед.

## Section: debts and money

q-owes_money = Оё Шумо аз корфармо, аз шахсе, ки ин корро барои Шумо ёфт, ё аз касе, ки бо онҳо алоқаманд аст, қарздор ҳастед?
q-owes_money-hint = Масалан, барои роҳ, ҳуҷҷатҳо, манзил, хӯрок ё барои пуле, ки пешакӣ ба Шумо дода буданд.

q-can_leave_before_repaying = Оё Шумо метавонед пеш аз баргардондани ин пул ин корро партофта равед?

q-debt_grows = Аз вақте ки ба кор сар кардед, қарзи Шумо зиёд шудааст?
q-debt_grows-hint = Масалан, аз ҳисоби пардохт барои хӯрок ё манзил, ҷарима ё фоиз.

q-other_way_to_live = Агар Шумо аз ин кор равед, барои пардохти хӯрок ва ҷои зист роҳи дигар доред?
q-other_way_to_live-hint = Масалан, пасандози худатон, кори дигар, ё оила ва дӯстоне, ки метавонанд кӯмак кунанд.

## Section: work

q-sectors = Шумо чӣ кор мекунед?
q-sectors-hint = Шумо метавонед якчанд ҷавобро интихоб кунед.
opt-sectors-construction = Сохтмон
opt-sectors-agriculture = Кор дар ферма ё саҳро (масалан, тамоку, пахта, сабзавот)
opt-sectors-meat_processing = Коркарди гӯшт
opt-sectors-domestic_work = Кор дар хонаи шахсӣ (тозакунӣ, хӯрокпазӣ, нигоҳубини кӯдакон ё пиронсолон)
opt-sectors-trade_market = Савдо, бозор ё мағоза
opt-sectors-cafe_restaurant = Қаҳвахона ё тарабхона
opt-sectors-entertainment_sex_industry = Соҳаи фароғат ё хизматрасонии ҷинсӣ (масалан, барҳо, саунаҳо, клубҳои шабона)
opt-sectors-begging = Гадоӣ
opt-sectors-other = Кори дигар

q-hours_per_day = Дар як рӯзи кории муқаррарӣ Шумо чанд соат кор мекунед?
q-hours_per_day-hint = Ҳамаи соатҳоро, аз ҷумла соатҳои иловагиро ҳисоб кунед.

q-days_off_per_week = Дар як ҳафтаи муқаррарӣ Шумо чанд рӯзи истироҳат доред?
q-days_off_per_week-hint = Рӯзи истироҳат як рӯзи пурраест, ки Шумо набояд кор кунед.

q-pay_received = Оё Шумо музди мувофиқашударо мегиред?
q-pay_received-hint = Моҳи охиринеро, ки кор кардед, ба ёд оред.
opt-pay_received-as_agreed = Ҳа, тамоми музди мувофиқашударо
opt-pay_received-less = Камтар аз мувофиқашуда
opt-pay_received-none = Тамоман ҳеҷ чиз намегирам

q-wages_held_back = Оё касе музди кори Шумо ё қисми онро нигоҳ медорад ва мегӯяд, ки онро баъдтар мегиред?
q-wages_held_back-hint = Масалан, то охири мавсим, то рафтани Шумо ё то пардохт шудани қарз.

q-work_dangerous = Оё кори Шумо барои саломатӣ ё амнияти Шумо хатарнок аст?
q-work_dangerous-hint = Масалан, борҳои хеле вазнин, мошинҳо ё моддаҳои кимиёвии хатарнок, кор дар баландӣ ё кор бе либоси муҳофизатӣ.

q-child_attends_school = Шумо ҳозир ба мактаб меравед?

q-child_hands_over_money = Оё Шумо маҷбуред пулеро, ки кор карда ба даст меоред ё ба Шумо медиҳанд, ба каси дигар супоред?
q-child_hands_over_money-hint = Масалан, пул аз гадоӣ, аз фурӯши чизҳо ё аз кори дигар.

## Section: movement

q-leaving_freely = Оё Шумо метавонед ҳар вақте ки хоҳед, аз ҷои кор ё ҷои зистатон берун равед?
opt-leaving_freely-freely = Ҳа, ҳар вақте ки хоҳам
opt-leaving_freely-with_permission = Танҳо агар иҷозат диҳанд
opt-leaving_freely-only_accompanied = Танҳо бо касе, ки ҳамроҳи ман меравад ё маро назорат мекунад
opt-leaving_freely-not_allowed = Не, ба ман рафтан иҷозат намедиҳанд
opt-leaving_freely-locked_in = Не, маро дар дарун қулф мекунанд

q-contact_family = Оё Шумо метавонед ҳар вақте ки хоҳед, бо оила ё дӯстонатон тамос гиред?
q-contact_family-hint = Тавассути телефон, паём ё дидор.

## Section: threats and harm

q-threatened_with_harm = Оё касе, ки бо ин кор ё сафари Шумо алоқаманд аст, таҳдид кардааст, ки ба Шумо ё оилаатон зарар мерасонад?

q-threatened_with_authorities = Оё касе, ки бо ин кор алоқаманд аст, Шуморо бо полис ё хадамоти муҳоҷират тарсондааст?
q-threatened_with_authorities-hint = Масалан, гуфтааст, ки дар бораи Шумо хабар медиҳад ё Шуморо ба ватанатон бармегардонад.

q-violence_experienced = Оё касе, ки бо ин кор ё сафари Шумо алоқаманд аст, Шуморо задааст ё ба Шумо осеб расондааст?
q-violence_experienced-hint = Лозим нест, ки ягон тафсилот гӯед.

q-forced_sexual_acts = Оё касе Шуморо маҷбур кардааст, ки амалҳои ҷинсиеро, ки худатон намехостед, анҷом диҳед?
q-forced_sexual_acts-hint = Лозим нест, ки ягон тафсилот гӯед. Шумо метавонед ба ин савол ҷавоб надиҳед.

q-forced_illegal_acts = Оё Шуморо маҷбур кардаанд, ки корҳои хилофи қонунро анҷом диҳед?
q-forced_illegal_acts-hint = Масалан, дуздӣ кардан, ё бурдан ё фурӯхтани маводи мухаддир.

## Section: where you live

q-lives_where = Шумо шабона дар куҷо хоб мекунед?
opt-lives_where-workplace = Дар ҷои кор
opt-lives_where-employer_housing = Дар манзиле, ки корфармо додааст
opt-lives_where-own_or_rented = Дар манзили худам ё манзиле, ки иҷора гирифтаам
opt-lives_where-family_or_friends = Дар хонаи хешовандон ё дӯстон
opt-lives_where-no_fixed_place = Ҷои доимӣ надорам
opt-lives_where-other = Дар ҷои дигар

q-basic_needs_met = Дар ҷое ки зиндагӣ мекунед, хӯроки кофӣ, оби тоза, гармидиҳӣ, ҷойи хоб ва ҳоҷатхона ҳаст?
q-basic_needs_met-hint = Агар ягонтои инҳо набошад, «Не» ҷавоб диҳед.

q-knows_address = Оё Шумо суроға ё номи ҷоеро, ки дар он зиндагӣ мекунед, медонед?
q-knows_address-hint = Масалан, кӯча, деҳа ё шаҳрро.

## Section: papers and the authorities

q-legal_status = Оё Шумо ҳуҷҷатҳоеро доред, ки барои будан ва кор кардан дар кишваре, ки ин кор дар он ҷост, лозиманд?
q-legal_status-hint = Масалан, бақайдгирӣ дар ҷои будубош ё иҷозатнома барои кор. Агар Шумо аллакай аз ин кор рафта бошед, дар бораи вақте ҷавоб диҳед, ки дар он ҷо кор мекардед.
opt-legal_status-stay_and_work = Ҳа, ҳам барои будан, ҳам барои кор кардан
opt-legal_status-stay_only = Танҳо барои будан, на барои кор кардан
opt-legal_status-no_papers = Не

q-afraid_of_authorities = Оё Шумо метарсед, ки барои кӯмак ба полис ё дигар мақомоти давлатӣ муроҷиат кунед?
