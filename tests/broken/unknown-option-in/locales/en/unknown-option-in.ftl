# English texts of the test rule set `unknown-option-in`.
ruleset-title = Test corpus: unknown-option-in
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid_by = Paid by?
opt-paid_by-self = Self
opt-paid_by-employer = Employer
opt-paid_by-recruiter = Recruiter
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
