# English texts of the test rule set `locales-without-en`.
ruleset-title = Test corpus: locales-without-en
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-paid = Paid?
ind-exploitation-unpaid = Unpaid
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
