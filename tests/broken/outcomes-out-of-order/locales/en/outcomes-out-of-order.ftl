# English texts of the test rule set `outcomes-out-of-order`.
ruleset-title = Test corpus: outcomes-out-of-order
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-some_signs = Some signs
out-some_signs-action = Act on it.
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
