### English texts of the rule set "ilo-2009-adult-labour" (rules/ilo-2009-adult-labour).
###
### The ILO / European Commission operational indicators of trafficking in human beings (2009),
### list for adults and labour exploitation, as a checklist that an assessor fills in from what
### is known about the case (interviews, documents, other information). Questions are put to the
### assessor, never to the person. Hints (q-...-hint) explain each indicator in plain words; they
### are not ILO definitions. Indicators are ind-<dimension>-<id>, dimensions dim-<id>, outcomes
### out-<id> and out-<id>-action.
###
### Style: plain, professional, non-judgemental English; facts, never labels for the person.
### This file is the source for the Russian and Kazakh translations.
### The result is a screening, not an identification: formal identification of a victim is made
### by the competent authorities.

## Rule set

ruleset-title = ILO/EC operational indicators (2009): adults, labour exploitation
ruleset-description = An assessment checklist based on the 67 operational indicators of trafficking for labour exploitation of adults published by the ILO and the European Commission in 2009. Fill it in from everything you know about the case: what the person told you, documents, and other information. Answer "yes" only when the information you have shows that the indicator applies, "no" when it shows that it does not, and "don't know" when it is not established. All questions are about the same work situation: how the person was recruited for it, and the place of work (the destination). The questions are in the past tense; they also cover a situation that is still going on. The indicators are grouped in six elements; the result follows the ILO rule that combines them. The list is for adults: for a person under 18 use a child screening. The indicator list, strengths and rule were transcribed from secondary sources and must be checked against the original before official use. The result is a screening, not an identification.

## Sections

section-profile = The person
section-deceptive_recruitment = Deceptive recruitment (including transfer and transport)
section-coercive_recruitment = Coercive recruitment
section-recruitment_vulnerability = Recruitment by abuse of vulnerability
section-exploitation = Exploitative conditions of work
section-coercion_destination = Coercion at destination
section-vulnerability_destination = Abuse of vulnerability at destination

## Section: profile

q-age = How old is the person?
q-age-hint = In years. If the age is not known or not established, leave this unanswered and answer the next question.

q-appears_under_18 = Does the person appear to be under 18?
q-appears_under_18-hint = Answer from what you see and know, only when the age is not known. If yes, this checklist does not apply: use a child screening.

## Section: deceptive_recruitment

q-dr_nature_of_job = Was the person deceived about the nature of the job, the location or the employer?
q-dr_nature_of_job-hint = Yes if the work, the place of work or the employer turned out to be different from what the person was told when recruited. For example, the person was promised work in a shop and was put to work on a farm, or was taken to another town or country than agreed.

q-dr_conditions_of_work = Was the person deceived about the conditions of work?
q-dr_conditions_of_work-hint = Yes if the working hours, days off, workload or safety at work turned out to be worse than the person was told when recruited.

q-dr_work_contract = Was the person deceived about the content or the legality of a work contract?
q-dr_work_contract-hint = Yes if the contract the person was shown or signed did not say what they were told, was replaced by another one, or turned out not to be valid, for example because it does not allow the person to work legally.

q-dr_family_reunification = Was the person deceived about being able to be together with their family at the destination?
q-dr_family_reunification-hint = Family reunification: the person was told that family members could join them, or that they would join family members, at the destination, and this was not true.

q-dr_housing_living_conditions = Was the person deceived about housing and living conditions?
q-dr_housing_living_conditions-hint = Yes if the accommodation, food or other living conditions turned out to be worse than the person was told, or the promised housing did not exist.

q-dr_legal_documentation = Was the person deceived about legal documents, or about obtaining a legal migration status?
q-dr_legal_documentation-hint = Yes if the person was told that they would get a visa, a work permit, a registration or other papers, or that their stay and work would be legal, and this was not true.

q-dr_travel_recruitment_conditions = Was the person deceived about the conditions of the travel or of the recruitment?
q-dr_travel_recruitment_conditions-hint = Yes if the route, the means of transport, the cost of the travel or of the recruitment, or who would pay for it, turned out to be different from what the person was told. For example, travel presented as free was later counted as a debt.

q-dr_wages_earnings = Was the person deceived about wages or earnings?
q-dr_wages_earnings-hint = Yes if the pay turned out to be lower than the person was told, was paid in another way or at other times, or was cut by deductions nobody had mentioned.

q-dr_marriage_adoption = Was the person deceived by a promise of marriage or of adoption?
q-dr_marriage_adoption-hint = Yes if a promise of marriage or of adoption was used to bring the person to the destination or into the work, and the promise was false.

q-dr_education_opportunities = Was the person deceived about access to education?
q-dr_education_opportunities-hint = Yes if the person was promised the chance to study, to train or to learn a trade, and this did not happen.

## Section: coercive_recruitment

q-cr_violence_on_victims = Was violence used against the person to recruit them or to move them?
q-cr_violence_on_victims-hint = Physical or sexual violence against the person by the recruiter, or by anyone acting with them, during the recruitment, the transfer or the transport.

q-cr_abduction_marriage_adoption_selling = Was the person abducted, forced into a marriage or an adoption, or sold?
q-cr_abduction_marriage_adoption_selling-hint = Yes if the person was taken away against their will, was married or adopted against their will as a way of bringing them into the work, or if someone was paid or given something in exchange for the person.

q-cr_confiscation_of_documents = Were the person's identity or travel documents taken from them during the recruitment or the travel?
q-cr_confiscation_of_documents-hint = Yes if the recruiter, a driver or anyone acting with them took the passport, ID card or other papers and did not give them back when the person asked for them.

q-cr_debt_bondage = Was the person put into debt at recruitment, so that they had to accept the work to pay it off?
q-cr_debt_bondage-hint = Debt bondage: a debt, for example for the travel, a recruitment fee or papers, obliges the person to work for the recruiter or the employer until it is paid. The amount is often unclear or keeps growing.

q-cr_isolation_confinement_surveillance = Was the person isolated, confined or kept under watch during the recruitment or the travel?
q-cr_isolation_confinement_surveillance-hint = Yes if the person was locked in, not allowed to go anywhere alone, watched or escorted all the time, or kept from contacting family or friends.

q-cr_threat_of_denunciation = Was the person threatened with being reported to the authorities, to make them accept the work or the travel?
q-cr_threat_of_denunciation-hint = For example, threats to tell the police or the migration service about the person, or to have them arrested or sent back.

q-cr_threats_of_violence = Was the person threatened with violence, to make them accept the work or the travel?
q-cr_threats_of_violence-hint = Threats to hurt the person, in words or in any other way.

q-cr_threats_to_inform_family = Was the person threatened that their family, their community or the public would be told about them, to make them accept the work or the travel?
q-cr_threats_to_inform_family-hint = For example, threats to tell the family about the person's situation, or to make public something the person would feel ashamed of.

q-cr_violence_on_family = Was violence used or threatened against the person's family, to make the person accept the work or the travel?
q-cr_violence_on_family-hint = Yes both for violence that actually happened to family members and for threats of it.

q-cr_withholding_of_money = Was the person's money taken or held back during the recruitment or the travel?
q-cr_withholding_of_money-hint = Yes if the recruiter or anyone acting with them took or kept the person's money, so that the person could not pay their own way or go back.

## Section: recruitment_vulnerability

q-rv_difficult_family_situation = Did the recruiter take advantage of a difficult situation in the person's family?
q-rv_difficult_family_situation-hint = For example, the recruiter knew about debts, illness or conflict in the family and used it to press the person to accept the offer.

q-rv_illegal_status = Did the recruiter take advantage of the person's irregular migration status?
q-rv_illegal_status-hint = Yes if the person had no valid permission to stay or to work, and the recruiter used this, for example by offering work that needs no papers or by playing on the person's fear of being found. The person must not be treated as an offender because of their status.

q-rv_lack_of_education = Did the recruiter take advantage of the person's limited education or limited knowledge of the language?
q-rv_lack_of_education-hint = For example, the person could not read the contract, or did not speak the language used at the destination, and the recruiter used this.

q-rv_lack_of_information = Did the recruiter take advantage of the person's lack of information?
q-rv_lack_of_information-hint = For example, the person did not know the usual pay and conditions, their rights, the rules for migrants at the destination, or where to get help, and the recruiter used this.

q-rv_control_of_exploiters = Was the person already under the control of the exploiters when they were recruited?
q-rv_control_of_exploiters-hint = For example, the recruiter or the people behind the work already had power over the person's life, through a relationship, a debt, housing or money, and used it to bring the person into the work.

q-rv_economic_reasons = Did economic hardship lead the person to accept the offer?
q-rv_economic_reasons-hint = For example, poverty, no work or income at home, or debts, so that the person had little real choice but to accept.

q-rv_false_information_law = Was the person given false information about the law or about how the authorities would treat them?
q-rv_false_information_law-hint = For example, the person was told that the police would arrest them if they went to them for help, or that work without papers was allowed.

q-rv_false_information_migration = Was the person given false information about how successful migration would be?
q-rv_false_information_migration-hint = For example, stories that everyone who goes earns well, or that good work and legal stay are easy to get at the destination, used to persuade the person to go.

q-rv_family_situation = Did the person's family situation make them vulnerable when they were recruited?
q-rv_family_situation-hint = For example, the person had to support children or other family members alone, had no family to rely on, or the family pressed them to go and earn money.

q-rv_personal_situation = Did the person's personal situation make them vulnerable when they were recruited?
q-rv_personal_situation-hint = For example, illness or disability, pregnancy, having no home, addiction, or being alone in a new place.

q-rv_emotional_dependency = Was the person psychologically or emotionally dependent on the recruiter?
q-rv_emotional_dependency-hint = For example, the recruiter was a partner, a relative or someone the person loved or trusted deeply, so that it was hard for the person to refuse or to question the offer.

q-rv_relationship_with_authorities = Did the person's relationship with the authorities, or their legal status, make them vulnerable when they were recruited?
q-rv_relationship_with_authorities-hint = For example, the person had no valid papers or no citizenship, or feared or mistrusted the police or other officials, and so could not turn to them for help.

q-rv_cultural_religious_beliefs = Did the recruiter take advantage of the person's cultural or religious beliefs?
q-rv_cultural_religious_beliefs-hint = For example, beliefs about duty to the family, obedience or shame, or a religious ceremony or oath, used to press the person to go or to obey.

q-rv_difficulties_in_the_past = Had the person had difficulties in the past that made them vulnerable when they were recruited?
q-rv_difficulties_in_the_past-hint = For example, violence or abuse, growing up in an orphanage or in care, or an earlier experience of exploitation.

q-rv_difficulty_organising_travel = Was it difficult for the person to organise the travel on their own?
q-rv_difficulty_organising_travel-hint = For example, the person could not arrange the documents, the tickets or the route themselves, and had to rely on the recruiter.

q-rv_general_context = Did the general situation in the person's home area make them vulnerable?
q-rv_general_context-hint = For example, armed conflict, a natural disaster, widespread poverty or unemployment, or discrimination against the person's group.

## Section: exploitation

q-ex_excessive_hours = Did the person work excessive days or hours?
q-ex_excessive_hours-hint = Very long working days, work without days off, or being on call day and night, far beyond what is usual. The ILO list gives no number of hours: judge from what you know about the work.

q-ex_bad_living_conditions = Were the person's living conditions bad?
q-ex_bad_living_conditions-hint = For example, overcrowded or unsafe housing, or no proper bed, heating, clean water, toilet or enough food.

q-ex_hazardous_work = Was the work hazardous?
q-ex_hazardous_work-hint = Work that puts the person's health or safety at risk, for example with dangerous machines, chemicals, heights, or extreme heat or cold, without training or protection.

q-ex_low_or_no_salary = Was the person paid very little, or nothing at all?
q-ex_low_or_no_salary-hint = Pay far below what is usual for such work, or no pay at all.

q-ex_labour_laws_not_respected = Did the employer fail to respect labour laws, or the contract the person signed?
q-ex_labour_laws_not_respected-hint = For example, the employer did not keep to the agreed hours, pay or tasks, or ignored the basic rules that protect workers.

q-ex_no_social_protection = Did the person work without social protection, such as a contract or social insurance?
q-ex_no_social_protection-hint = For example, no written contract, no health or accident insurance, no sick leave or paid holidays.

q-ex_very_bad_working_conditions = Were the working conditions very bad?
q-ex_very_bad_working_conditions-hint = For example, no breaks, no drinking water or toilet at work, or degrading treatment of the workers.

q-ex_wage_manipulation = Were the person's wages manipulated?
q-ex_wage_manipulation-hint = For example, unexplained or excessive deductions and fines, pay calculated differently from what was agreed, or charges for housing, food or tools that take most of the pay.

q-ex_no_access_to_education = Did the work keep the person from access to education?
q-ex_no_access_to_education-hint = For example, the work or the employer made it impossible for the person to attend school, courses or training.

## Section: coercion_destination

q-cd_confiscation_of_documents = Were the person's identity or travel documents taken from them at the destination?
q-cd_confiscation_of_documents-hint = Yes if the employer or anyone connected with the work kept the passport, ID card or other papers, and the person could not get them back when they wanted. Holding them "for safe keeping" counts too if the person could not get them freely.

q-cd_debt_bondage = Was the person kept in the work by a debt?
q-cd_debt_bondage-hint = Debt bondage: the person owed money to the employer, the recruiter or someone connected with them, and had to keep working to pay it off. Such a debt is often unclear, keeps growing or can never really be repaid.

q-cd_isolation_confinement_surveillance = Was the person isolated, confined or kept under watch at the destination?
q-cd_isolation_confinement_surveillance-hint = For example, the person was locked in, could not leave the workplace or the housing freely, was watched or escorted, or was kept from contacting family, friends or others.

q-cd_violence_on_victims = Was violence used against the person at the destination?
q-cd_violence_on_victims-hint = Physical or sexual violence by the employer or by anyone connected with the work.

q-cd_forced_illicit_activities = Was the person forced into illicit or criminal activities?
q-cd_forced_illicit_activities-hint = For example, made to steal, to sell or carry drugs or other illegal goods. A person forced into such acts must not be treated as an offender for them.

q-cd_forced_tasks_or_clients = Was the person forced to do tasks, or to serve clients, against their will?
q-cd_forced_tasks_or_clients-hint = Yes if the person was made to do work, or to serve people, that they had not agreed to and could not refuse.

q-cd_forced_to_act_against_peers = Was the person forced to act against other workers in the same situation?
q-cd_forced_to_act_against_peers-hint = For example, made to watch, control or punish other workers, or to recruit others.

q-cd_forced_to_lie = Was the person forced to lie to the authorities or to their family?
q-cd_forced_to_lie-hint = For example, told what to say to the police, labour inspectors or migration officials, or made to tell the family that all is well.

q-cd_threat_of_denunciation = Was the person threatened with being reported to the authorities?
q-cd_threat_of_denunciation-hint = For example, threats to tell the police or the migration service about the person, or to have them arrested or sent back, to keep them in the work.

q-cd_threat_of_worse_conditions = Was the person threatened with even worse working conditions?
q-cd_threat_of_worse_conditions-hint = For example, threats of harder work, longer hours, less food or pay, or being sent to a worse place, to make the person obey.

q-cd_threats_of_violence = Was the person threatened with violence at the destination?
q-cd_threats_of_violence-hint = Threats to hurt the person, in words or in any other way, by the employer or anyone connected with the work.

q-cd_under_strong_influence = Was the person under the strong influence of the people who controlled the work?
q-cd_under_strong_influence-hint = The people who controlled the work had so much power over what the person thought and decided that the person did not feel able to refuse or to leave, for example through fear, manipulation, a relationship, or alcohol or drugs.

q-cd_violence_on_family = Was violence used or threatened against the person's family, to keep the person in the work?
q-cd_violence_on_family-hint = Yes both for violence that actually happened to family members and for threats of it.

q-cd_withholding_of_wages = Were the person's wages held back?
q-cd_withholding_of_wages-hint = The employer kept all or part of the pay, for example until the end of the season or until a debt was paid, so that the person could not leave without losing it.

q-cd_threats_to_inform_family = Was the person threatened that their family, their community or the public would be told about them?
q-cd_threats_to_inform_family-hint = For example, threats to tell the family about the kind of work the person did, or to make public something the person would feel ashamed of.

## Section: vulnerability_destination

q-vd_dependency_on_exploiters = Did the person depend on the exploiters?
q-vd_dependency_on_exploiters-hint = For example, the employer provided the person's housing, food, transport or papers, so that the person could not manage without them.

q-vd_unknown_area = Was it difficult for the person to live in an area they did not know?
q-vd_unknown_area-hint = For example, the person did not know the place, the language or the address where they lived, or how to find help there.

q-vd_economic_reasons = Did economic reasons keep the person in the situation?
q-vd_economic_reasons-hint = For example, the person had no money, had to send money home or pay debts, and saw no other way to earn a living.

q-vd_family_situation = Did the person's family situation keep them in the situation?
q-vd_family_situation-hint = For example, the family depended on the money the person sent, or the person could not go home because of how the family would react.

q-vd_relationship_with_authorities = Did the person's relationship with the authorities, or their legal status, make them vulnerable at the destination?
q-vd_relationship_with_authorities-hint = For example, the person had no valid papers to stay or to work, or feared or mistrusted the police or other officials, and so could not turn to them for help.

q-vd_difficulties_in_the_past = Did difficulties in the person's past make them vulnerable at the destination?
q-vd_difficulties_in_the_past-hint = For example, violence or abuse, growing up in an orphanage or in care, or an earlier experience of exploitation.

q-vd_personal_characteristics = Did the person's personal characteristics make them vulnerable at the destination?
q-vd_personal_characteristics-hint = For example, young age, illness or disability, or belonging to a group that faces discrimination.

## Dimensions (the six ILO elements)

dim-deceptive_recruitment = Deceptive recruitment (including transfer and transport)
dim-coercive_recruitment = Coercive recruitment
dim-recruitment_vulnerability = Recruitment by abuse of vulnerability
dim-exploitation = Exploitative conditions of work
dim-coercion_destination = Coercion at destination
dim-vulnerability_destination = Abuse of vulnerability at destination

## Indicators (what was observed), by dimension

ind-deceptive_recruitment-nature_of_job = Deceived about the nature of the job, the location or the employer.
ind-deceptive_recruitment-conditions_of_work = Deceived about the conditions of work.
ind-deceptive_recruitment-work_contract = Deceived about the content or the legality of the work contract.
ind-deceptive_recruitment-family_reunification = Deceived about family reunification.
ind-deceptive_recruitment-housing_and_living_conditions = Deceived about housing and living conditions.
ind-deceptive_recruitment-legal_documentation = Deceived about legal documents or about obtaining a legal migration status.
ind-deceptive_recruitment-travel_and_recruitment_conditions = Deceived about the conditions of the travel or of the recruitment.
ind-deceptive_recruitment-wages_earnings = Deceived about wages or earnings.
ind-deceptive_recruitment-marriage_or_adoption = Deceived by a promise of marriage or of adoption.
ind-deceptive_recruitment-education_opportunities = Deceived about access to education.

ind-coercive_recruitment-violence_on_victims = Violence was used against the person during recruitment or travel.
ind-coercive_recruitment-abduction_marriage_adoption_selling = Abduction, forced marriage, forced adoption or selling of the person.
ind-coercive_recruitment-confiscation_of_documents = The person's documents were taken during recruitment or travel.
ind-coercive_recruitment-debt_bondage = Debt bondage at recruitment.
ind-coercive_recruitment-isolation_confinement_surveillance = Isolation, confinement or surveillance during recruitment or travel.
ind-coercive_recruitment-threat_of_denunciation = Threat of being reported to the authorities, at recruitment.
ind-coercive_recruitment-threats_of_violence = Threats of violence against the person, at recruitment.
ind-coercive_recruitment-threats_to_inform_family = Threats to inform the person's family, community or the public, at recruitment.
ind-coercive_recruitment-violence_on_family = Violence or threats of violence against the person's family, at recruitment.
ind-coercive_recruitment-withholding_of_money = The person's money was held back during recruitment or travel.

ind-recruitment_vulnerability-difficult_family_situation = Abuse of a difficult family situation.
ind-recruitment_vulnerability-illegal_status = Abuse of the person's irregular status.
ind-recruitment_vulnerability-lack_of_education = Abuse of lack of education or of language skills.
ind-recruitment_vulnerability-lack_of_information = Abuse of lack of information.
ind-recruitment_vulnerability-control_of_exploiters = The person was under the control of the exploiters at recruitment.
ind-recruitment_vulnerability-economic_reasons = Economic reasons made the person vulnerable at recruitment.
ind-recruitment_vulnerability-false_information_law_authorities = False information about the law or the attitude of the authorities.
ind-recruitment_vulnerability-false_information_migration = False information about successful migration.
ind-recruitment_vulnerability-family_situation = The person's family situation made them vulnerable at recruitment.
ind-recruitment_vulnerability-personal_situation = The person's personal situation made them vulnerable at recruitment.
ind-recruitment_vulnerability-psychological_emotional_dependency = Psychological or emotional dependency on the recruiter.
ind-recruitment_vulnerability-relationship_with_authorities = The person's relationship with the authorities or legal status made them vulnerable at recruitment.
ind-recruitment_vulnerability-cultural_religious_beliefs = Abuse of cultural or religious beliefs.
ind-recruitment_vulnerability-difficulties_in_the_past = Difficulties in the past made the person vulnerable at recruitment.
ind-recruitment_vulnerability-difficulty_to_organise_travel = Difficulty to organise the travel.
ind-recruitment_vulnerability-general_context = The general context made the person vulnerable at recruitment.

ind-exploitation-excessive_working_days_or_hours = Excessive working days or hours.
ind-exploitation-bad_living_conditions = Bad living conditions.
ind-exploitation-hazardous_work = Hazardous work.
ind-exploitation-low_or_no_salary = Low or no salary.
ind-exploitation-no_respect_of_labour_laws = No respect of labour laws or of the contract signed.
ind-exploitation-no_social_protection = No social protection (contract, social insurance).
ind-exploitation-very_bad_working_conditions = Very bad working conditions.
ind-exploitation-wage_manipulation = Wage manipulation.
ind-exploitation-no_access_to_education = No access to education.

ind-coercion_destination-confiscation_of_documents = The person's documents were taken at the destination.
ind-coercion_destination-debt_bondage = Debt bondage at the destination.
ind-coercion_destination-isolation_confinement_surveillance = Isolation, confinement or surveillance at the destination.
ind-coercion_destination-violence_on_victims = Violence against the person at the destination.
ind-coercion_destination-forced_illicit_activities = Forced into illicit or criminal activities.
ind-coercion_destination-forced_tasks_or_clients = Forced tasks or clients.
ind-coercion_destination-forced_to_act_against_peers = Forced to act against peers.
ind-coercion_destination-forced_to_lie = Forced to lie to the authorities or to the family.
ind-coercion_destination-threat_of_denunciation = Threat of being reported to the authorities, at the destination.
ind-coercion_destination-threat_of_worse_conditions = Threat of even worse working conditions.
ind-coercion_destination-threats_of_violence = Threats of violence against the person, at the destination.
ind-coercion_destination-under_strong_influence = The person was under strong influence.
ind-coercion_destination-violence_on_family = Violence or threats of violence against the person's family, at the destination.
ind-coercion_destination-withholding_of_wages = Withholding of wages.
ind-coercion_destination-threats_to_inform_family = Threats to inform the person's family, community or the public, at the destination.

ind-vulnerability_destination-dependency_on_exploiters = Dependency on the exploiters.
ind-vulnerability_destination-difficulty_unknown_area = Difficulty to live in an unknown area.
ind-vulnerability_destination-economic_reasons = Economic reasons kept the person in the situation.
ind-vulnerability_destination-family_situation = The person's family situation kept them in the situation.
ind-vulnerability_destination-relationship_with_authorities = The person's relationship with the authorities or legal status made them vulnerable at the destination.
ind-vulnerability_destination-difficulties_in_the_past = Difficulties in the past made the person vulnerable at the destination.
ind-vulnerability_destination-personal_characteristics = Personal characteristics made the person vulnerable at the destination.

## Outcomes

out-not_applicable_child = The person is under 18, or appears to be under 18. This checklist covers adults only; for children the indicators and the rule are different.
out-not_applicable_child-action = Use a child screening instead, and refer the child to child protection services. For a child, recruitment for exploitation is enough: no threat, force or deception is needed. Do not leave the child with the people who brought them to the work.

out-trafficking_indicated = All three parts of the ILO rule are present: a recruitment element (deception, coercion or abuse of vulnerability), exploitative conditions of work, and coercion or abuse of vulnerability at the destination. Under the ILO/EC operational indicators the person is a presumed victim of trafficking for labour exploitation. This is a screening result, not an identification: only the competent authorities can formally identify a victim.
out-trafficking_indicated-action = Refer the case to the competent authorities for formal identification, and offer assistance now: a safe place to stay, and medical, psychological and legal help. Do not treat the person as an offender for acts that result from their situation, such as irregular stay or work without a permit.

out-exploitation_with_coercion = Exploitative conditions of work and coercion or abuse of vulnerability at the destination are present. No recruitment element is established, so the ILO rule for a presumed victim is not met, or not yet.
out-exploitation_with_coercion-action = Find out more about how the person was recruited, starting with the open recruitment questions. Offer assistance now, and refer the case for a full assessment.

out-recruitment_and_exploitation = A recruitment element and exploitative conditions of work are present. Coercion or abuse of vulnerability at the destination is not established, so the ILO rule for a presumed victim is not met, or not yet.
out-recruitment_and_exploitation-action = Find out more about what keeps the person in the work, starting with the open questions on coercion and vulnerability at the destination. Offer assistance now, and refer the case for a full assessment.

out-recruitment_and_destination = A recruitment element and coercion or abuse of vulnerability at the destination are present. Exploitative conditions of work are not established, so the ILO rule for a presumed victim is not met, or not yet.
out-recruitment_and_destination-action = Find out more about the conditions of work and of living, starting with the open questions on exploitative conditions. Offer assistance now, and refer the case for a full assessment.

out-exploitation_only = Exploitative conditions of work are present, but no other part of the ILO rule is established. This may be a serious breach of labour rights rather than trafficking, or the other parts may not be known yet.
out-exploitation_only-action = Find out more about the recruitment and about coercion or vulnerability at the destination, starting with the open questions. Tell the person where they can get help with their rights at work.

out-recruitment_only = A recruitment element is present (deception, coercion or abuse of vulnerability), but neither exploitative conditions of work nor coercion or abuse of vulnerability at the destination is established.
out-recruitment_only-action = Find out more about the conditions of work and the situation at the destination, starting with the open questions. Tell the person where they can get help if their situation changes.

out-destination_only = Coercion or abuse of vulnerability at the destination is present, but neither a recruitment element nor exploitative conditions of work is established.
out-destination_only-action = Find out more about the recruitment and the conditions of work, starting with the open questions. Check whether the person is safe, and tell them where they can get help.

out-strong_indicator_only = At least one strong indicator was observed, but no element of the ILO rule is present: one strong indicator alone is not enough for an element.
out-strong_indicator_only-action = Look for further indicators, in the same element and in the others, starting with the open questions. Tell the person where they can get help.

out-no_element = No element of the ILO rule and no strong indicator were found in this assessment. Medium or weak indicators, if any, are listed, but they are not enough for an element. This does not prove that there is no problem: information may be missing.
out-no_element-action = This checklist does not call for a referral. Make sure the person knows where to get help if they need it later, and update the assessment if new information comes to light.
