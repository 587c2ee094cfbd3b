ruleset-title = Minimal example
ruleset-description = A complete rule set with every kind of entry, for the format documentation.
section-safety = Safety
section-work = Work

q-feels_safe_now = Do you feel safe right now?
q-age = How old are you?
q-documents_held_by = Who keeps your passport or ID card now?
opt-documents_held_by-self = I do
opt-documents_held_by-employer = The employer
opt-documents_held_by-someone_else = Someone else
q-can_get_documents = Can you get it back when you want?
q-hours_per_day = How many hours do you work on a usual day?
q-sectors = What kind of work do you do?
opt-sectors-construction = Construction
opt-sectors-agriculture = Agriculture
opt-sectors-other = Other work

dim-coercion = Coercion at the place of work
ind-coercion-documents_confiscated = Someone else keeps the person's documents and will not give them back.
ind-coercion-long_days = Very long working days on a construction site.

flag-danger_now = The person does not feel safe now: stop and help them get to safety.

out-coerced_child = A child under coercion.
out-coerced_child-action = Contact the police and child protection now.
out-coerced = Signs of coercion at the place of work.
out-coerced-action = Refer for a full assessment.
out-documents = The person's documents are kept from them.
out-documents-action = Explain the person's rights and offer help to get the documents back.
out-nothing = No indicators were found.
out-nothing-action = Give the person the contacts in case they need help later.
