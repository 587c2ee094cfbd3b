### draft: machine-assisted translation; it needs review by a native speaker before use in the field.
### tipscreen user interface, Tajik (Cyrillic script), translated from locales/en/ui.ftl and
### locales/ru/ui.ftl. A partial, person-facing language (`screen --with-lang tg`): only the
### messages the person sees under the interviewer's language. Everything else falls back to the
### interviewer's language; the officer's summary is never in Tajik.

## Answers

answer-yes = Ҳа
answer-no = Не
answer-dont-know = Намедонам
answer-declined = Намехоҳам бигӯям

## Consent

consent-title = Пеш аз оғоз
consent-intro = Номи ман { $interviewer } аст, ман аз ташкилоти «{ $agency }» ҳастам.
consent-script = Ман мехоҳам ба Шумо дар бораи коратон ва дар бораи он ки чӣ тавр ба ин ҷо омадед, якчанд савол диҳам, то вазъи Шуморо фаҳмем ва агар лозим бошад, ба Шумо кӯмак кунем. Ҷавоб додан ихтиёрист: Шумо метавонед ҳар саволро гузаронед, бигӯед, ки намедонед, ё сӯҳбатро ҳар вақт қатъ кунед. Ҷавобҳои Шумо дар ҳамин дастгоҳ нигоҳ дошта мешаванд ва ба дигарон танҳо барои он дода мешаванд, ки ба Шумо кӯмак расонанд.
consent-question = Оё ин шахс ба саволҳо ҷавоб доданро розӣ шуд?

## The contact card shown to the person at the end

summary-card-title = Барои кӯмак ба куҷо муроҷиат кардан мумкин
