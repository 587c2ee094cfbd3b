# Байланыстар анықтамалығының жазулары (`tipscreen contacts`). Байланыстардың өздері және
# олардың әр тілдегі атаулары rules/contacts/kz.toml файлында.

# draft
contacts-title = Көмек көрсететін ұйымдардың байланыстары
contacts-intro = Сұхбаттан кейін кімге хабарласу керек. Әр жазбада мәліметтердің дереккөзі және соңғы рет тексерілген күні көрсетілген: нөмірді адамға бермес бұрын тексеріңіз.
# draft
contacts-no-hotline = Адам саудасына қарсы ұлттық жедел желінің нөмірін растау мүмкін болмады, сондықтан ол көрсетілмейді.
contacts-count = { $count } байланыс
contacts-none = Сәйкес келетін байланыс жоқ.

contacts-organisation = Ұйым
contacts-services = Қызметтер
contacts-phones = Телефондар
contacts-hours = Жұмыс уақыты
contacts-regions = Өңірлер
contacts-eligible = Кімге көмектеседі
contacts-languages = Тілдер
contacts-source = Дереккөз
contacts-verified = Тексерілген күні
contacts-note = Ескертпе

contacts-no-phone = тексерілген телефон нөмірі жоқ
contacts-all-regions = барлық өңірлер
# draft
contacts-not-in-seeds = жобаның бастапқы құжаттарында жоқ
contacts-from-organisation = мәліметтерді ұйымның өзі берген
contacts-stale = Соңғы тексеру: { $date }, 12 айдан астам уақыт бұрын. Пайдаланбас бұрын жазбаны тексеріңіз.

contacts-citizens = Қазақстан азаматтары: { $answer }
contacts-foreign-citizens = Шетел азаматтары мен азаматтығы жоқ адамдар: { $answer }
contacts-yes = иә
contacts-no = жоқ
contacts-not-stated = дереккөзде көрсетілмеген
contacts-any-gender = жынысына қарамастан
contacts-any-age = жасына қарамастан
contacts-only-women = тек әйелдерге
contacts-only-men = тек ерлерге
contacts-only-adults = тек ересектерге (18 жас және одан жоғары)
contacts-only-children = тек балаларға (18 жасқа дейін)
contacts-only-groups = тек мына санаттарға: { $groups }
contacts-only-citizens = тек Қазақстан азаматтарына
contacts-only-foreign = тек Қазақстан азаматы емес адамдарға
# draft
contacts-ask-foreign = дереккөзде шетел азаматтарын қабылдайтыны көрсетілмеген: жібермес бұрын нақтылаңыз (мемлекет қаржыландыратын баспаналар оларды қабылдамайды)
contacts-if-child = егер адам 18 жасқа толмаса
contacts-if-adult = егер адам 18 жаста немесе одан үлкен болса
contacts-if-foreign = егер адам Қазақстан азаматы болмаса
contacts-if-citizen = егер адам Қазақстан азаматы болса

# draft
contacts-service-emergency = шұғыл көмек
contacts-service-police = полиция
# draft
contacts-service-shelter = баспана
# draft
contacts-service-hotline = жедел желі
contacts-service-legal_aid = заң көмегі
contacts-service-medical = медициналық көмек
contacts-service-psychological = психологиялық көмек
# draft
contacts-service-return_reintegration = елге оралу және қайта бейімделу
contacts-service-child_protection = бала құқықтарын қорғау
contacts-service-consular = консулдық көмек

# draft
contacts-group-asylum_seekers = пана іздеген адамдар
contacts-group-refugees = босқындар
contacts-group-stateless_persons = азаматтығы жоқ адамдар
contacts-group-returning_compatriots = Қазақстанға оралған отандастар
