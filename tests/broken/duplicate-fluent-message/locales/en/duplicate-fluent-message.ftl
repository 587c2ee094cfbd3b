# English texts of the test rule set `duplicate-fluent-message`.
ruleset-title = Test corpus: duplicate-fluent-message
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.

# DEFECT: `q-paid` is defined above already.
q-paid = Were you paid at all?
