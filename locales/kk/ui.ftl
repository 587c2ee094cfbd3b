### tipscreen user interface, Kazakh (Cyrillic). Translation of locales/en/ui.ftl.
### Every message here must also exist in en and ru with the same variables.
### Plain words for NGO volunteers; never labels such as "victim" for the person being screened.

## Risk levels

level-none = Белгілер жоқ
level-low = Төмен
level-medium = Орташа
level-high = Жоғары
level-urgent = Шұғыл

## Dimension states and indicator strengths

state-present = бар
state-absent = жоқ
state-undetermined = әзірге анық емес
strength-strong = күшті
strength-medium = орташа
strength-weak = әлсіз

## One-line summary of a result

summary-settled = { $level }
summary-open = Қазір: { $now }; { $upper } болуы мүмкін: { $count ->
    [one] ашық қалған { $count } сұрақ
   *[other] ашық қалған { $count } сұрақ
} (бөлімдер: { $sections })
summary-error = { $line }-жолдағы жазбаны оқу мүмкін болмады
age-unknown-short = (Жасы анықталмаған: ересектерге де, балаларға да арналған ережелер қолданылды.)
age-appears-minor-short = (Жасы анықталмаған, 18 жасқа толмаған сияқты: балаларға арналған ережелер қолданылды.)
safety-not-checked-short = (Адамның қазіргі қауіпсіздігі тексерілмеген.)
summary-not-applicable = Қолданылмайды: { $reason }
# draft
applicability-open-short = (Бұл бағалаудың қолданылатыны әзірге белгісіз: жасы анықталмаған.)

## Notices that every summary carries

disclaimer-screening = Бұл — сәйкестендіру емес, алдын ала бағалау (скрининг). Адам саудасының құрбанын ресми түрде тек уәкілетті органдар ғана сәйкестендіре алады.
disclaimer-non-punishment = Адам саудасының құрбаны болуы мүмкін адамға құқық бұзушы ретінде қарауға болмайды, соның ішінде елде заңсыз болғаны, рұқсатсыз жұмыс істегені немесе мәжбүрлікпен жасаған әрекеттері үшін де.

## Score table

table-record = №
table-case = Іс
# draft
table-present = Анықталған элементтер
table-summary = Нәтиже
table-indicators = Белгілер саны
table-notes = Ескертпелер
totals-level = Деңгей
totals-records = Жазбалар
totals-errors = Оқылмады
totals-line = { $count ->
    [one] { $count } жазба бағаланды.
   *[other] { $count } жазба бағаланды.
}
totals-unsettled = { $count ->
    [one] { $count } жазба ашық қалған сұрақтарға жауап алынғаннан кейін жоғарырақ деңгейге көтерілуі мүмкін.
   *[other] { $count } жазба ашық қалған сұрақтарға жауап алынғаннан кейін жоғарырақ деңгейге көтерілуі мүмкін.
}
totals-safety-unchecked = { $count ->
    [one] { $count } жазбада адамның қазіргі қауіпсіздігі тексерілмеген.
   *[other] { $count } жазбада адамның қазіргі қауіпсіздігі тексерілмеген.
}
totals-warnings = { $count ->
    [one] { $count } жазбада жарамсыз мәндер болды; олар белгісіз деп есептелді.
   *[other] { $count } жазбада жарамсыз мәндер болды; олар белгісіз деп есептелді.
}

## Markdown report

md-title = Алдын ала бағалау нәтижелері
md-ruleset = Ережелер жинағы { $id } { $version } (sha256 { $hash }…), tipscreen { $tool }
md-record = Жазба № { $number } (іс: { $case }, жол: { $line })
md-interview = Сұхбат { $case }
md-level = Нәтиже
md-action = Ұсынылатын әрекет
md-dimension = Құрамдас бөлік
md-state = Күйі
md-indicators = Анықталған белгілер
md-no-indicators = Ешқандай белгі анықталмады.
md-deciding-not-asked = Әлі қойылмаған, бірақ нәтижені өзгертуі мүмкін сұрақтар
md-deciding-unknown = «Білмеймін» немесе «Айтқым келмейді» деп жауап берілген, бірақ нәтижені өзгертуі мүмкін сұрақтар
md-safety-unanswered = Жауап берілмеген, бірақ шұғыл жағдайды анықтауы мүмкін сұрақтар
md-warnings = Ескертулер
md-fields = Басқа өрістер

## Interview prompts

answer-yes = Иә
answer-no = Жоқ
answer-dont-know = Білмеймін
answer-declined = Айтқым келмейді
answer-back = ← Алдыңғы сұраққа оралу
# draft
prompt-keys = Көрсеткі пернелері және Enter: таңдау · Esc: артқа · Ctrl-C: үзіліс. Жауапты пернетақтамен теретін сұрақтарда ештеңе термей Enter пернесін бассаңыз, «білмеймін» немесе «айтқым келмейді» деген жауапты таңдауға не артқа оралуға болады.
prompt-progress = { $section } · { $position }-сұрақ, барлығы шамамен { $about }
invalid-not-a-number = Сан енгізіңіз, мысалы: 12.
invalid-out-of-range = Сан енгізіңіз: ең азы { $min }, ең көбі { $max }.
# draft
form-exclusive-answers = «Білмеймін» және «Айтқым келмейді» жауаптарын басқа жауаптармен бірге таңдауға болмайды.
invalid-not-whole = Бүтін сан енгізіңіз.
invalid-empty = Жауапты теріңіз немесе басқа нұсқаларды көру үшін ештеңе термей Enter пернесін басыңыз.
# draft
invalid-none-selected = Сәйкес келетін әр жауапты Бос орын (Space) пернесімен белгілеп, Enter пернесімен растаңыз. Ештеңе белгілемей растасаңыз, «білмеймін» немесе «айтқым келмейді» деген жауапты таңдауға не артқа оралуға болады.

## Interview record and consent

record-title = Сұхбат туралы мәліметтер
record-interviewer = Сұхбат алушы (аты-жөні)
record-agency = Мекеме немесе ұйым
record-date = Күні (YYYY-MM-DD)
record-place = Сұхбат өтетін орын
record-region = Сұхбат өтіп жатқан өңір (іздеу үшін атауын тере бастаңыз)
record-region-skip = Тізімде жоқ / өткізіп жіберу
record-interpreter = Аудармашы қатысып отыр ма?
record-interpreter-independent = Аудармашы жұмыс берушіден және делдалдан тәуелсіз бе?
# draft
record-private = Сұхбат оңаша өтіп жатыр ма, яғни қасында жұмыс беруші, «ертіп жүрген адам» немесе адамды бақылауы мүмкін басқа ешкім жоқ па?
warning-not-private = Сұхбат оңаша өтіп жатқан жоқ. Мүмкін болса, сұхбатты тоқтатып, адамды бақылауы мүмкін ешкім көрмейтін және естімейтін жерде жалғастырыңыз.
warning-interpreter = Аудармашы жұмыс берушімен немесе делдалмен байланысты болуы мүмкін. Мүмкін болса, тәуелсіз аудармашы шақырыңыз.
consent-title = Бастамас бұрын
# draft
consent-intro = Менің атым { $interviewer }, мен «{ $agency }» ұйымынанмын.
# draft
consent-script = Жағдайыңызды түсініп, қажет болса, сізге көмектесу үшін жұмысыңыз туралы және осында қалай келгеніңіз туралы бірнеше сұрақ қойғым келеді. Жауап беру — өз еркіңізде: кез келген сұраққа жауап бермеуіңізге, білмейтініңізді айтуыңызға немесе әңгімені кез келген уақытта тоқтатуыңызға болады. Жауаптарыңыз осы құрылғыда сақталады және басқаларға тек сізге көмектесу үшін ғана беріледі.
consent-question = Адам сұрақтарға жауап беруге келісті ме?
consent-refused = Адам келісім бермеді. Ештеңе сақталған жоқ. Көмек қажет болып қалса, адамға төмендегі байланыс деректерін беріңіз.

## During the interview

alert-red-flag = Шұғыл: сұхбатты жалғастырмас бұрын дереу әрекет етіңіз.
alert-continue = Сұхбатты адам қауіпсіз болғанда ғана жалғастырыңыз.
screen-save-and-quit = Сұхбатты уақытша тоқтатасыз ба? Осы уақытқа дейінгі жауаптар сақталған, кейін жалғастыра аласыз.
screen-paused = Сұхбат уақытша тоқтатылып, сақталды. Жалғастыру үшін: tipscreen screen --resume { $id }
screen-resumed = Сұхбат жалғасады: { $id }.
screen-answer-dropped = Бұрынғы жауаптардың бірін пайдалану мүмкін болмады, ол есепке алынбады
screen-cancelled = Сұхбат басталмай жатып тоқтатылды; ештеңе сақталған жоқ.
screen-report-written = Нәтиже файлға жазылды: { $file }.

## Summary at the end of an interview

summary-title = Алдын ала бағалау нәтижесі
summary-level-now = Қазіргі деңгей: { $level }
summary-level-upper = Төмендегі ашық қалған сұрақтарға жауап алынғаннан кейін деңгей мынаған көтерілуі мүмкін: { $level }
level-meaning-none = Берілген жауаптардан адам саудасының белгілері табылған жоқ.
level-meaning-low = Кейбір белгілер анықталды. Олар өздігінен адам саудасын көрсетпейді; адаммен байланысты үзбеңіз және оған қайдан көмек алуға болатынын айтыңыз.
level-meaning-medium = Айқын белгілер анықталды. Толық бағалау үшін адамды мамандандырылған ұйымға жолдаңыз.
# draft
level-meaning-high = Жауаптар адам саудасының құрамдас бөліктерін көрсетеді. Адамға адам саудасының болжамды құрбаны ретінде қарап, оны дереу көмекке жолдаңыз.
level-meaning-urgent = Адам қазір қауіпте болуы немесе оған дереу көмек қажет болуы мүмкін. Дереу әрекет етіңіз.
summary-red-flags = Дереу әрекет етіңіз:
summary-action = Ұсынылатын әрекет
summary-safety-not-checked = Адамның қазіргі қауіпсіздігі тексерілмеген: қауіпсіздік туралы сұрақтарды қойыңыз.
summary-open-questions = { $count ->
    [one] Ашық қалған { $count } сұрақ нәтижені өзгертуі мүмкін:
   *[other] Ашық қалған { $count } сұрақ нәтижені өзгертуі мүмкін:
}
summary-contacts = Кімге хабарласу керек
summary-col-organisation = Ұйым
summary-col-phones = Телефон
summary-col-why = Қандай көмек көрсетеді
summary-card-title = Көмек алу үшін байланыс деректері

## Saved interviews

sessions-none = Сақталған сұхбаттар жоқ.
sessions-none-open = Жалғастыруға болатын аяқталмаған сұхбат жоқ.
sessions-pick = Қай сұхбатты жалғастырғыңыз келеді?
sessions-set-aside = файл *.corrupt деп қайта аталып, бөлек қойылды; басқа сұхбаттарға әсер етпейді
sessions-id = ID
sessions-updated = Соңғы сақталған уақыты
sessions-ruleset = Ережелер жинағы
sessions-answered = Жауаптар
sessions-state = Күйі
sessions-label = Сұхбат алушы, орын
sessions-finished = аяқталған
sessions-open = аяқталмаған
sessions-where = Сақталған сұхбаттар мына қалтада:
sessions-deleted = Жойылды

## Passphrase of the saved interviews

# draft
passphrase-new = Сақталған сұхбаттарға арналған жаңа құпия сөз тіркесі (оны қалпына келтіру мүмкін емес — сенімді сақтаңыз)
# draft
passphrase-enter = Сақталған сұхбаттардың құпия сөз тіркесі
# draft
passphrase-again = Сол құпия сөз тіркесін қайта енгізіңіз
# draft
passphrase-differ = Құпия сөз тіркестері сәйкес келмейді; қайталап көріңіз.
# draft
passphrase-wrong = Құпия сөз тіркесі қате; қайталап көріңіз

## HTML report (`score --format html`, `screen --report FILE.html`)

html-totals-title = Деңгейлер бойынша нәтижелер
# draft
html-footer = Ережелер жинағы { $id }, нұсқасы { $version }, sha256 { $hash }. tipscreen { $tool } арқылы дайындалды.
