# English texts of the test rule set `unknown-indicator-dimension`.
ruleset-title = Test corpus: unknown-indicator-dimension
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
q-has_contract = Has contract?
ind-exploitation-unpaid = Unpaid
ind-exploitaton-no_contract = No contract
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
