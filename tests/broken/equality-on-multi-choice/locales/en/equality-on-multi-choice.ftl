# English texts of the test rule set `equality-on-multi-choice`.
ruleset-title = Test corpus: equality-on-multi-choice
ruleset-description = A broken rule set with one defect, for tests.
section-main = Main
q-signs = Signs?
opt-signs-threats = Threats
opt-signs-locked_in = Locked in
opt-signs-no_pay = No pay
ind-exploitation-threatened = Threatened
dim-exploitation = Exploitation
out-exploited = Exploited
out-exploited-action = Act on it.
out-nothing_found = Nothing found
out-nothing_found-action = Act on it.
