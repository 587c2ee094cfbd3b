# English texts of the test rule set `missing-question-message`.
ruleset-title = Test corpus: missing-question-message
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
