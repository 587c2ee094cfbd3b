### tipscreen user interface, English (the reference language).
### Every message here must also exist in ru and kk with the same variables.
### Plain words for NGO volunteers; never labels such as "victim" for the person being screened.

## Risk levels

level-none = No indicators
level-low = Low
level-medium = Medium
level-high = High
level-urgent = Urgent

## Dimension states and indicator strengths

state-present = present
state-absent = absent
state-undetermined = not yet clear
strength-strong = strong
strength-medium = medium
strength-weak = weak

## One-line summary of a result

summary-settled = { $level }
summary-open = { $now } now; could be { $upper }: { $count ->
    [one] one open question
   *[other] { $count } open questions
} in { $sections }
summary-error = The record on line { $line } could not be read
age-unknown-short = (Age not established: adult and child rules both applied.)
age-appears-minor-short = (Age not established; appears to be under 18: child rules applied.)
safety-not-checked-short = (Immediate safety not checked.)
summary-not-applicable = Not applicable: { $reason }
applicability-open-short = (Whether this assessment applies is not yet clear: age not established.)

## Notices that every summary carries

disclaimer-screening = This is a screening, not an identification. Only the competent authorities can formally identify a victim of trafficking.
disclaimer-non-punishment = A person who may be a victim must not be treated as an offender, including for irregular stay, work without a permit or acts they were forced to commit.

## Score table

table-record = No.
table-case = Case
table-present = Elements present
table-summary = Result
table-indicators = Indicators
table-notes = Notes
totals-level = Level
totals-records = Records
totals-errors = Could not be read
totals-line = { $count ->
    [one] One record scored.
   *[other] { $count } records scored.
}
totals-unsettled = { $count ->
    [one] One record could reach a higher level once open questions are answered.
   *[other] { $count } records could reach a higher level once open questions are answered.
}
totals-safety-unchecked = { $count ->
    [one] In one record, immediate safety was not checked.
   *[other] In { $count } records, immediate safety was not checked.
}
totals-warnings = { $count ->
    [one] One record had invalid values; they were counted as unknown.
   *[other] { $count } records had invalid values; they were counted as unknown.
}

## Markdown report

md-title = Screening results
md-ruleset = Rule set { $id } { $version } (sha256 { $hash }…), tipscreen { $tool }
md-record = Record { $number } (case { $case }, line { $line })
md-level = Result
md-action = Recommended action
md-dimension = Element
md-state = State
md-indicators = Indicators found
md-no-indicators = No indicator was found.
md-deciding-not-asked = Questions not asked yet that could change the result
md-deciding-unknown = Questions answered "don't know" or "prefers not to say" that could change the result
md-safety-unanswered = Questions not answered that could show an urgent situation
md-warnings = Warnings
md-fields = Other fields
