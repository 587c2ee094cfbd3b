# English texts of the test rule set `invalid-question-id`.
ruleset-title = Test corpus: invalid-question-id
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
q-Bad-Id = Bad id?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
