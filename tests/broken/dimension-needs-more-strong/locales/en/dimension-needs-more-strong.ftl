# English texts of the test rule set `dimension-needs-more-strong`.
ruleset-title = Test corpus: dimension-needs-more-strong
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
