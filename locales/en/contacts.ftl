# Labels of the referral directory (`tipscreen contacts`). The contacts themselves, with their
# names in each language, are in rules/contacts/kz.toml.

contacts-title = Referral contacts
contacts-intro = Whom to call after the interview. Every entry shows where its facts come from and when they were last verified: check a number before you give it to the person.
contacts-no-hotline = No national anti-trafficking hotline number could be confirmed, so none is listed.
contacts-count = { $count ->
    [one] { $count } contact
   *[other] { $count } contacts
}
contacts-none = No contact matches.

contacts-organisation = Organisation
contacts-services = Services
contacts-phones = Phones
contacts-hours = Hours
contacts-regions = Regions
contacts-eligible = Who can get help
contacts-languages = Languages
contacts-source = Source
contacts-verified = Verified
contacts-note = Note

contacts-no-phone = no verified phone number
contacts-all-regions = all regions
contacts-not-in-seeds = not in the seed sources
contacts-from-organisation = provided by the organisation
contacts-stale = Last verified { $date }, more than 12 months ago: check this entry before you use it.

contacts-citizens = Citizens of Kazakhstan: { $answer }
contacts-foreign-citizens = Foreign citizens and stateless persons: { $answer }
contacts-yes = yes
contacts-no = no
contacts-not-stated = not stated in the source
contacts-any-gender = regardless of gender
contacts-any-age = regardless of age
contacts-only-women = women only
contacts-only-men = men only
contacts-only-adults = adults only (18 and over)
contacts-only-children = children only (under 18)
contacts-only-groups = only for: { $groups }
contacts-only-citizens = only for citizens of Kazakhstan
contacts-only-foreign = only for people who are not citizens of Kazakhstan
contacts-ask-foreign = the source does not say whether foreign citizens are accepted: ask before you refer the person (state-funded shelters do not accept them)
contacts-if-child = if the person is under 18
contacts-if-adult = if the person is 18 or over
contacts-if-foreign = if the person is not a citizen of Kazakhstan
contacts-if-citizen = if the person is a citizen of Kazakhstan

contacts-service-emergency = emergency
contacts-service-police = police
contacts-service-shelter = shelter
contacts-service-hotline = hotline
contacts-service-legal_aid = legal aid
contacts-service-medical = medical help
contacts-service-psychological = psychological help
contacts-service-return_reintegration = return and reintegration
contacts-service-child_protection = child protection
contacts-service-consular = consular help

contacts-group-asylum_seekers = asylum seekers
contacts-group-refugees = refugees
contacts-group-stateless_persons = stateless persons
contacts-group-returning_compatriots = compatriots who have returned to Kazakhstan
