# English texts of the test rule set `fluent-syntax-error`.
ruleset-title = Test corpus: fluent-syntax-error
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.

# DEFECT: `=` is missing after the message id.
q-paid-hint Any money counts
