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
