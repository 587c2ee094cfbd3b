### draft: machine-assisted translation; it needs review by a native speaker before use in the field.
### tipscreen user interface, Kyrgyz (Cyrillic script), translated from locales/en/ui.ftl and
### locales/ru/ui.ftl. A partial, person-facing language (`screen --with-lang ky`): only the
### messages the person sees under the interviewer's language. Everything else falls back to the
### interviewer's language; the officer's summary is never in Kyrgyz.

## Answers

answer-yes = Ооба
answer-no = Жок
answer-dont-know = Билбейм
answer-declined = Айткым келбейт

## Consent

consent-title = Баштаардан мурун
consent-intro = Менин атым { $interviewer }, мен «{ $agency }» уюмунанмын.
consent-script = Абалыңызды түшүнүү жана керек болсо Сизге жардам берүү үчүн жумушуңуз жана бул жакка кантип келгениңиз тууралуу бир нече суроо бергим келет. Жооп берүү — өз ыктыярыңыз: каалаган суроону өткөрүп жиберсеңиз, билбей турганыңызды айтсаңыз же маекти каалаган убакта токтотсоңуз болот. Жоопторуңуз ушул түзмөктө сакталат жана башкаларга Сизге жардам алып берүү үчүн гана берилет.
consent-question = Бул адам суроолорго жооп берүүгө макул болдубу?

## The contact card shown to the person at the end

summary-card-title = Жардам алуу үчүн кайда кайрылса болот
