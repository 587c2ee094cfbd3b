### draft: machine-assisted translation; it needs review by a native speaker before use in the field.
### tipscreen user interface, Uzbek (Latin script), translated from locales/en/ui.ftl and
### locales/ru/ui.ftl. A partial, person-facing language (`screen --with-lang uz`): only the messages
### the person sees under the interviewer's language. Everything else falls back to the
### interviewer's language; the officer's summary is never in Uzbek.
### Spelling: oʻ and gʻ with U+02BB (ʻ), the tutuq belgisi with U+02BC (ʼ).

## Answers

answer-yes = Ha
answer-no = Yoʻq
answer-dont-know = Bilmayman
answer-declined = Aytishni xohlamayman

## Consent

consent-title = Boshlashdan oldin
consent-intro = Mening ismim { $interviewer }, men «{ $agency }» tashkilotidanman.
consent-script = Vaziyatingizni tushunish va kerak boʻlsa sizga yordam berish uchun ishingiz va bu yerga qanday kelganingiz haqida bir nechta savol bermoqchiman. Javob berish ixtiyoriy: istalgan savolni oʻtkazib yuborishingiz, bilmasligingizni aytishingiz yoki suhbatni istalgan paytda toʻxtatishingiz mumkin. Javoblaringiz shu qurilmada saqlanadi va boshqalarga faqat sizga yordam olib berish uchun beriladi.
consent-question = Bu kishi savollarga javob berishga rozi boʻldimi?

## The contact card shown to the person at the end

summary-card-title = Yordam uchun qayerga murojaat qilish mumkin
