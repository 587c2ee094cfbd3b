# English texts of the test rule set `count-in-show-if`.
ruleset-title = Test corpus: count-in-show-if
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
q-paid_in_cash = Paid in cash?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
