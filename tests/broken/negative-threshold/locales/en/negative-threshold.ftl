# English texts of the test rule set `negative-threshold`.
ruleset-title = Test corpus: negative-threshold
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-hours = Hours?
ind-exploitation-long_days = Long days
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
