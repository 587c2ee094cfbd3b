# English texts of the test rule set `invalid-option-name`.
ruleset-title = Test corpus: invalid-option-name
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid_by = Paid by?
opt-paid_by-self = Self
opt-paid_by-Employer = Employer
opt-paid_by-recruiter = Recruiter
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
