### English texts of the rule set "kz-handbook" (rules/kz-handbook).
###
### A short screening interview for signs of human trafficking in Kazakhstan, for police,
### migration service, labour inspectors and NGO volunteers. Questions are put to the person
### being interviewed; hints are shown under a question; notes (q-...-note) are for the
### interviewer only. Options are opt-<question>-<option>, indicators ind-<dimension>-<id>,
### dimensions dim-<id>, outcomes out-<id> and out-<id>-action, red flags flag-<id>.
###
### Style: plain, short, polite words; questions ask about facts, never about labels.
### This file is the source for the Russian and Kazakh translations.
### The result is a screening, not an identification: formal identification of a victim
### is made by the competent authorities.

## Rule set

ruleset-title = Kazakhstan screening interview (IOM handbook themes)
ruleset-description = A short interview to screen for signs of human trafficking and forced labour in Kazakhstan. It follows the themes of the IOM Kazakhstan identification handbook and the ILO operational indicators. Before you start, explain who you are and why you ask, and that the person may skip any question or stop at any time. Ask for consent. Talk in private, never in front of an employer or anyone who may control the person. If the person has already left the work, ask about that work. The result is a screening, not an identification.

## Sections

section-safety = Safety first
section-profile = About you
section-recruitment = How you found this work
section-documents = Your documents
section-debt = Debts and money
section-work = Your work
section-movement = Moving freely and keeping in touch
section-violence = Threats and harm
section-living = Where you live
section-status = Papers and the authorities

## Section: safety

q-feels_safe_now = Do you feel safe right now?
q-feels_safe_now-hint = Think about this place, and the place where you will sleep tonight.
q-feels_safe_now-note = If the answer is no, or the person seems afraid: stop the interview and make sure the person is safe. Help them get to a safe place where nobody can overhear you. If there is danger, call the emergency number 112 or the police (102). Do not send the person back to the employer.

q-needs_medical_help = Do you need a doctor or other medical help now?
q-needs_medical_help-hint = For example, for an injury, pain, an illness, a pregnancy, or medicine you need.
q-needs_medical_help-note = If yes, arrange medical help first. The interview can wait.

q-with_parent_or_guardian = Is one of your parents, or another adult who is responsible for you, here with you?
q-with_parent_or_guardian-hint = For example, a legal guardian or a relative who looks after you.
q-with_parent_or_guardian-note = Ask this if the person is or may be under 18. An adult who says they are a relative may be the person who controls the child: check who they are, and talk to the child in private.

## Section: profile

q-age = How old are you?
q-age-hint = In years. If you are not sure, you can say so.
q-age-note = Write down the age the person tells you. If they do not know or prefer not to say, do not guess here: answer the next question instead.

q-appears_under_18 = Does the person look younger than 18?
q-appears_under_18-note = Answer this yourself, from what you see. Do not ask the person. Choose "don't know" if you cannot tell.

q-gender = What is your gender?
opt-gender-female = Female
opt-gender-male = Male
opt-gender-other = Other

q-citizenship = What is your citizenship?
q-citizenship-hint = If you have more than one, choose the one you travelled with.
opt-citizenship-kazakhstan = Kazakhstan
opt-citizenship-uzbekistan = Uzbekistan
opt-citizenship-tajikistan = Tajikistan
opt-citizenship-kyrgyzstan = Kyrgyzstan
opt-citizenship-russia = Russia
opt-citizenship-china = China
opt-citizenship-other = Another country
opt-citizenship-stateless = No citizenship (stateless)

q-region = In which region or city do you work, or did you work?
q-region-hint = If the work is or was in another country, choose "Outside Kazakhstan".
opt-region-abai = Abai Region
opt-region-akmola = Akmola Region
opt-region-aktobe = Aktobe Region
opt-region-almaty_region = Almaty Region
opt-region-atyrau = Atyrau Region
opt-region-east_kazakhstan = East Kazakhstan Region
opt-region-jambyl = Jambyl Region
opt-region-jetisu = Jetisu Region
opt-region-karaganda = Karaganda Region
opt-region-kostanay = Kostanay Region
opt-region-kyzylorda = Kyzylorda Region
opt-region-mangystau = Mangystau Region
opt-region-north_kazakhstan = North Kazakhstan Region
opt-region-pavlodar = Pavlodar Region
opt-region-turkistan = Turkistan Region
opt-region-ulytau = Ulytau Region
opt-region-west_kazakhstan = West Kazakhstan Region
opt-region-astana = Astana (city)
opt-region-almaty_city = Almaty (city)
opt-region-shymkent = Shymkent (city)
opt-region-outside_kazakhstan = Outside Kazakhstan

## Section: recruitment

q-found_job_how = How did you find this job?
q-found_job_how-note = From here on, all questions are about this job. If the person has already left it, ask about that job.
opt-found_job_how-friends_or_relatives = Through friends, relatives or people I know
opt-found_job_how-employment_agency = Through an employment or travel agency
opt-found_job_how-advertisement = From an advertisement, on the internet or elsewhere
opt-found_job_how-approached_by_stranger = Someone I did not know offered it to me
opt-found_job_how-employer_directly = I went to the employer myself
opt-found_job_how-other = Another way

q-travel_paid_by = Who paid for your travel to the place of this job?
opt-travel_paid_by-self = I paid myself
opt-travel_paid_by-family = My family
opt-travel_paid_by-employer = The employer
opt-travel_paid_by-recruiter = The person or agency who found me the job
opt-travel_paid_by-someone_else = Someone else
opt-travel_paid_by-no_travel = I did not travel for this job

q-how_decided = How did it come about that you are in this work?
q-how_decided-hint = You can choose more than one answer.
q-how_decided-note = Listen without judging and do not suggest answers. A family's decision is common and is not a sign by itself.
opt-how_decided-own_decision = I decided myself
opt-how_decided-family_decided = My family decided
opt-how_decided-money_given_for_me = Someone was given money so that I would go
opt-how_decided-threatened = Someone threatened me
opt-how_decided-taken_by_force = I was taken by force
opt-how_decided-other = Another way

q-job_as_told = Is your work the same as you were told before you started: the kind of work, the place and the employer?
q-job_as_told-hint = The place means the town or the country. If any one of these is different, choose "Different".
opt-job_as_told-same = The same
opt-job_as_told-different = Different
opt-job_as_told-not_told = I was told nothing about it

q-pay_as_told = Is your pay the same as you were told before you started?
q-pay_as_told-hint = Think of the amount, and how often you are paid.
opt-pay_as_told-same = The same
opt-pay_as_told-less = Less
opt-pay_as_told-more = More
opt-pay_as_told-not_told = I was told nothing about it

q-conditions_as_told = Compared with what you were told before you started, how are your working hours, days off and living conditions?
q-conditions_as_told-hint = If any one of these is worse than you were told, choose "Worse".
opt-conditions_as_told-same = The same
opt-conditions_as_told-worse = Worse
opt-conditions_as_told-better = Better
opt-conditions_as_told-not_told = I was told nothing about it

## Section: documents

q-documents_held_by = Who keeps your passport or ID card now?
q-documents_held_by-note = Ask where the document is, not whether it was taken.
opt-documents_held_by-self = I keep it myself
opt-documents_held_by-employer = The employer
opt-documents_held_by-recruiter = The person or agency who found me the job
opt-documents_held_by-someone_else = Someone else
opt-documents_held_by-lost_or_stolen = It is lost or was stolen
opt-documents_held_by-no_documents = I have no passport or ID card

q-can_get_documents = Can you get it back whenever you want?
q-can_get_documents-hint = For example, if you wanted to leave or go home tomorrow.

## Section: debts and money

q-owes_money = Do you owe money to your employer, to the person who found you this job, or to someone connected with them?
q-owes_money-hint = For example, for travel, documents, housing, food, or money paid to you in advance.

q-can_leave_before_repaying = Could you stop this work and leave before the money is paid back?

q-debt_grows = Has the amount you owe gone up since you started working?
q-debt_grows-hint = For example, because of charges for food or housing, fines, or interest.

q-other_way_to_live = If you left this job, would you have another way to pay for food and a place to stay?
q-other_way_to_live-hint = For example, your own savings, other work, or family or friends who could help.

## Section: work

q-sectors = What kind of work do you do?
q-sectors-hint = You can choose more than one answer.
opt-sectors-construction = Construction
opt-sectors-agriculture = Farm or field work (for example tobacco, cotton, vegetables)
opt-sectors-meat_processing = Meat processing
opt-sectors-domestic_work = Work in a private home (cleaning, cooking, looking after children or older people)
opt-sectors-trade_market = Trade, a market or a shop
opt-sectors-cafe_restaurant = Cafe or restaurant
opt-sectors-entertainment_sex_industry = Entertainment or sex work (for example bars, saunas, nightclubs)
opt-sectors-begging = Begging
opt-sectors-other = Other work

q-hours_per_day = On a usual working day, how many hours do you work?
q-hours_per_day-hint = Count all the hours, including extra hours.

q-days_off_per_week = In a usual week, how many days off do you have?
q-days_off_per_week-hint = A day off is a whole day when you do not have to work.

q-pay_received = Do you get the pay that was agreed?
q-pay_received-hint = Think of the last month you worked.
opt-pay_received-as_agreed = Yes, all of the agreed pay
opt-pay_received-less = Less than agreed
opt-pay_received-none = No pay at all

q-wages_held_back = Does someone keep your pay, or part of it, and say you will get it later?
q-wages_held_back-hint = For example, at the end of the season, when you leave, or when a debt is paid.

q-work_dangerous = Is your work dangerous for your health or safety?
q-work_dangerous-hint = For example, very heavy loads, dangerous machines or chemicals, work at height, or no protective clothing.

q-child_attends_school = Do you go to school now?
q-child_attends_school-note = Ask this only if the person is or may be under 18.

q-child_hands_over_money = Do you have to give the money you earn or are given to someone else?
q-child_hands_over_money-hint = For example, money from begging, from selling things or from other work.
q-child_hands_over_money-note = Ask this only if the person is or may be under 18.

## Section: movement

q-leaving_freely = Can you leave your workplace or the place where you live when you want to?
q-leaving_freely-note = Ask about both the workplace and the place where the person sleeps.
opt-leaving_freely-freely = Yes, when I want
opt-leaving_freely-with_permission = Only if I am given permission
opt-leaving_freely-only_accompanied = Only with someone who goes with me or watches me
opt-leaving_freely-not_allowed = No, I am not allowed to leave
opt-leaving_freely-locked_in = No, I am locked in

q-contact_family = Can you contact your family or friends when you want?
q-contact_family-hint = By phone, by messages or by visits.

## Section: threats and harm

q-threatened_with_harm = Has anyone connected with this work or your travel threatened to hurt you or your family?
q-threatened_with_harm-note = Ask in private. Do not ask for details now.

q-threatened_with_authorities = Has anyone connected with this work threatened you with the police or the migration service?
q-threatened_with_authorities-hint = For example, they said they would report you, or have you sent home.

q-violence_experienced = Has anyone connected with this work or your travel hit you or hurt you?
q-violence_experienced-hint = You do not have to give any details.
q-violence_experienced-note = Do not ask for details now. If the person is hurt, offer medical help.

q-forced_sexual_acts = Has anyone made you do sexual things that you did not want to do?
q-forced_sexual_acts-hint = You do not have to give any details. You can choose not to answer.
q-forced_sexual_acts-note = Ask only in private and do not ask for details. If possible, let the person choose the gender of the interviewer. If the person is a child and says yes, this is urgent.

q-forced_illegal_acts = Have you been made to do things that are against the law?
q-forced_illegal_acts-hint = For example, stealing, or carrying or selling drugs.
q-forced_illegal_acts-note = Do not treat the person as an offender for things they were made to do.

## Section: where you live

q-lives_where = Where do you sleep at night?
opt-lives_where-workplace = At the workplace
opt-lives_where-employer_housing = In housing the employer gives me
opt-lives_where-own_or_rented = In a place I rent or own myself
opt-lives_where-family_or_friends = With family or friends
opt-lives_where-no_fixed_place = I have no fixed place
opt-lives_where-other = Somewhere else

q-basic_needs_met = Where you live, do you have enough food, clean water, heating, a bed and a toilet?
q-basic_needs_met-hint = Answer no if any of these is missing.

q-knows_address = Do you know the address or the name of the place where you live?
q-knows_address-hint = For example, the street, the village or the town.

## Section: papers and the authorities

q-legal_status = Do you have the papers you need to stay and to work in the country where this work is?
q-legal_status-hint = For example, registration at the place where you stay, or a work permit. If you have left this work, answer for the time when you did it.
q-legal_status-note = This question is about the person's situation, not an accusation. A person without papers may still be a victim: do not treat them as an offender.
opt-legal_status-stay_and_work = Yes, to stay and to work
opt-legal_status-stay_only = Only to stay, not to work
opt-legal_status-no_papers = No

q-afraid_of_authorities = Are you afraid to ask the police or other officials for help?
q-afraid_of_authorities-note = If yes, explain again what you will do with the answers, and that the person can stop at any time.

## Dimensions

dim-recruitment = Deceptive or coercive recruitment, or recruitment by abuse of vulnerability
dim-exploitation = Exploitative conditions of work
dim-coercion = Coercion at the place of work
dim-vulnerability = Abuse of vulnerability at the place of work

## Indicators: recruitment

ind-recruitment-deceived_job_place_employer = The work, the place or the employer is different from what the person was told.
ind-recruitment-deceived_wages = The pay is less than the person was told.
ind-recruitment-deceived_conditions = Working hours, days off or living conditions are worse than the person was told.
ind-recruitment-debt_at_recruitment = The employer or recruiter paid for the travel, and the person now owes them money.
ind-recruitment-sold_or_abducted = Someone was given money for the person to go, or the person was taken by force.
ind-recruitment-threatened_at_recruitment = The person was threatened into taking the job.
ind-recruitment-travel_organised_by_recruiter = The employer or recruiter paid for the travel.

## Indicators: exploitation

ind-exploitation-excessive_hours = Very long working days, or no day off in a usual week.
ind-exploitation-low_or_no_pay = The person gets no pay, or (a child) has to hand over the money they earn.
ind-exploitation-wage_manipulation = The person gets less pay than agreed, or a debt to the employer keeps growing.
ind-exploitation-hazardous_work = The work is dangerous for health or safety.
ind-exploitation-no_access_to_education = The child does not go to school.
ind-exploitation-bad_living_conditions = The person lacks food, clean water, heating, a bed or a toilet.

## Indicators: coercion

ind-coercion-documents_confiscated = Someone else keeps the person's passport or ID card, and the person cannot get it back.
ind-coercion-debt_bondage = The person owes money to the employer or recruiter and cannot leave before paying, or the debt keeps growing.
ind-coercion-isolation_confinement_surveillance = The person cannot leave freely, is watched or locked in, or cannot contact family or friends.
ind-coercion-violence_on_victim = Someone connected with the work hurt the person, or made them do sexual things.
ind-coercion-threats_of_violence = Someone threatened to hurt the person or their family.
ind-coercion-threat_of_denunciation = Someone threatened the person with the police or the migration service, for example to report them or to have them sent home.
ind-coercion-forced_illicit_activities = The person was made to do things that are against the law.
ind-coercion-withholding_of_wages = Someone keeps the person's pay and promises it for later.

## Indicators: vulnerability

ind-vulnerability-economic_reasons = The person would have no other way to pay for food and a place to stay.
ind-vulnerability-dependency_on_exploiters = The person lives at the workplace or in housing provided by the employer, and at the same time gets no pay, has pay held back, or owes money to the employer or recruiter.
ind-vulnerability-unknown_area = The person does not know the address or the name of the place where they live.
ind-vulnerability-authorities_legal_status = The person has no papers to stay or to work, or is afraid to ask officials for help.

## Red flags

flag-danger_now = The person does not feel safe right now. Stop the interview and help the person get to a safe place. If there is danger, call the emergency number 112 or the police (102).
flag-medical_emergency = The person needs medical help now. Arrange medical help first; the interview can wait.
flag-child_without_guardian = A child is here without a parent or another responsible adult. Do not leave the child alone; call the police (102), or contact an organisation that helps children.
flag-child_sexual_exploitation = A child may be sexually exploited. Do not leave the child with the people who brought them; call the police (102) or the emergency number 112 now.

## Outcomes

out-presumed_victim_adult = Strong signs of trafficking: the person was deceived or coerced when recruited, works in exploitative conditions, and is coerced or kept dependent at the place of work. This is a screening result, not an identification: only the competent authorities can formally identify a victim.
out-presumed_victim_adult-action = Refer the person now, for example to the police (102) or to IOM. Offer a safe place to stay, medical and legal help. Do not treat the person as an offender, for example for irregular stay or work without a permit. If the person is a foreign citizen, choose an organisation that helps foreign citizens: in 2020, state-funded shelters did not accept foreign citizens staying temporarily.

out-presumed_victim_child = Strong signs that this child is a victim of trafficking: the child was recruited or moved and is exploited. For a child, no threat, force or deception is needed. This is a screening result, not an identification.
out-presumed_victim_child-action = Refer the child now to the police (102) or to an organisation that helps children. Keep the child safe and do not leave the child with the people who brought them. Do not treat the child as an offender.

out-child_exploitation = This child is exploited: the child works in exploitative conditions, or has to beg and hand over the money, or is made to do things against the law. How the child came to this is not yet clear.
out-child_exploitation-action = Make sure the child is safe, then call the police (102) or contact an organisation that helps children. Find out, in private, how the child came to this work.

out-strong_signs = Strong signs that need follow-up: two of the three parts of trafficking (recruitment, exploitative work, coercion or dependency) are present, or the person is under strong coercion.
out-strong_signs-action = Before the person goes back to the work or to the place where they live, offer help, for example a safe place to stay, and tell them to call the emergency number 112 or the police (102) if they are in danger. The person decides whether to go back; do not send them back to the employer. For a fuller assessment, contact the police or a support organisation. If the person agrees, ask the questions that were not answered.

out-some_signs = Some signs of trafficking or forced labour. They are not enough for a conclusion.
out-some_signs-action = Tell the person where they can get help: give them the contacts of support organisations and the emergency number 112. If they agree, ask the questions that were not answered, or arrange a longer interview with a specialist organisation.

out-no_signs = No signs of trafficking were found in these answers. This does not prove that there is no problem: people often do not tell everything in a first interview.
out-no_signs-action = Give the person the contacts of support organisations and the emergency number 112, in case they need help later.
