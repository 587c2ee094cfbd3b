# English texts of the test rule set `dimension-in-indicator-when`.
ruleset-title = Test corpus: dimension-in-indicator-when
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
q-has_contract = Has contract?
ind-exploitation-unpaid = Unpaid
ind-exploitation-no_contract = No contract
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
