# English texts of the test rule set `unknown-field-typo`.
ruleset-title = Test corpus: unknown-field-typo
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
q-paid_on_time = Paid on time?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
