# English texts of the test rule set `child-in-show-if`.
ruleset-title = Test corpus: child-in-show-if
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-age = Age?
q-paid = Paid?
q-parents_know = Parents know?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
