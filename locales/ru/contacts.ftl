# Подписи справочника контактов (`tipscreen contacts`). Сами контакты с названиями на каждом
# языке находятся в rules/contacts/kz.toml.

# draft
contacts-title = Контакты для перенаправления
contacts-intro = Куда обратиться после беседы. У каждой записи указаны источник сведений и дата последней проверки: проверьте номер, прежде чем передать его человеку.
contacts-no-hotline = Номер национальной горячей линии по противодействию торговле людьми подтвердить не удалось, поэтому он не приводится.
contacts-count = { $count ->
    [one] { $count } контакт
    [few] { $count } контакта
    [many] { $count } контактов
   *[other] { $count } контакта
}
contacts-none = Подходящих контактов нет.

contacts-organisation = Организация
contacts-services = Услуги
contacts-phones = Телефоны
contacts-hours = Часы работы
contacts-regions = Регионы
contacts-eligible = Кому помогают
contacts-languages = Языки
contacts-source = Источник
contacts-verified = Проверено
contacts-note = Примечание

contacts-no-phone = проверенного номера телефона нет
contacts-all-regions = все регионы
# draft
contacts-not-in-seeds = нет в исходных документах проекта
contacts-from-organisation = сведения предоставлены самой организацией
contacts-stale = Последняя проверка: { $date }, более 12 месяцев назад. Проверьте запись, прежде чем ею пользоваться.

contacts-citizens = Граждане Казахстана: { $answer }
contacts-foreign-citizens = Иностранные граждане и лица без гражданства: { $answer }
contacts-yes = да
contacts-no = нет
contacts-not-stated = в источнике не указано
contacts-any-gender = независимо от пола
contacts-any-age = независимо от возраста
contacts-only-women = только для женщин
contacts-only-men = только для мужчин
contacts-only-adults = только для взрослых (18 лет и старше)
contacts-only-children = только для детей (до 18 лет)
contacts-only-groups = только для следующих категорий: { $groups }
contacts-only-citizens = только для граждан Казахстана
contacts-only-foreign = только для лиц, не являющихся гражданами Казахстана
contacts-ask-foreign = в источнике не указано, принимают ли иностранных граждан: уточните до перенаправления (приюты, финансируемые государством, их не принимают)
contacts-if-child = если человеку нет 18 лет
contacts-if-adult = если человеку 18 лет или больше
contacts-if-foreign = если человек не является гражданином Казахстана
contacts-if-citizen = если человек — гражданин Казахстана

contacts-service-emergency = экстренная помощь
contacts-service-police = полиция
contacts-service-shelter = приют
contacts-service-hotline = горячая линия
contacts-service-legal_aid = юридическая помощь
contacts-service-medical = медицинская помощь
contacts-service-psychological = психологическая помощь
contacts-service-return_reintegration = возвращение и реинтеграция
contacts-service-child_protection = защита прав детей
contacts-service-consular = консульская помощь

contacts-group-asylum_seekers = лица, ищущие убежище
contacts-group-refugees = беженцы
contacts-group-stateless_persons = лица без гражданства
contacts-group-returning_compatriots = соотечественники, вернувшиеся в Казахстан
