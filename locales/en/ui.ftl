### tipscreen user interface, English (the reference language).
### Every message here must also exist in ru and kk with the same variables.
### Plain words for NGO volunteers. Texts read to the person never use labels such as "victim";
### texts for the officer may use the legal terms ("presumed victim").

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
md-interview = Interview { $case }
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

## Interview prompts

answer-yes = Yes
answer-no = No
answer-dont-know = Don't know
answer-declined = Prefers not to say
answer-back = ← Back to the previous question
prompt-keys = Arrow keys and Enter to choose · Esc: back · Ctrl-C: pause. In typed answers, press Enter on an empty answer for "don't know", "prefers not to say" or back.
prompt-progress = { $section } · question { $position } of about { $about }
invalid-not-a-number = Please enter a number, for example 12.
invalid-out-of-range = Please enter a number from { $min } to { $max }.
form-exclusive-answers = “Don't know” and “Prefers not to say” cannot be chosen together with other answers.
invalid-not-whole = Please enter a whole number.
invalid-empty = Please type an answer, or press Enter on an empty answer for more choices.
invalid-none-selected = Space to mark each answer that applies, Enter to confirm. Confirm with nothing marked for "don't know", "prefers not to say" or back.

## Interview record and consent

record-title = Interview record
record-interviewer = Interviewer (name)
record-agency = Agency or organisation
record-date = Date (YYYY-MM-DD)
record-place = Place of the interview
record-region = Region where the interview takes place (type to search)
record-region-skip = Not in this list / skip
record-interpreter = Is an interpreter present?
record-interpreter-independent = Is the interpreter independent of the employer and the recruiter?
record-private = Is the interview private (no employer, "escort" or other person who may control the person present)?
warning-not-private = The interview is not private. If possible, stop and continue where nobody who may control the person can see or hear.
warning-interpreter = The interpreter may be connected to the employer or recruiter. If possible, use an independent interpreter.
consent-title = Before we start
consent-intro = My name is { $interviewer }, from { $agency }.
consent-script = I would like to ask you some questions about your work and how you came here, so that we can understand your situation and help you if you need it. Answering is voluntary: you can skip any question, say that you don't know, or stop at any time. Your answers are saved on this device and are shared only to get you help.
consent-question = Did the person agree to answer the questions?
consent-refused = The person did not agree. Nothing was saved. Give the person the contacts below in case they need help.

## During the interview

alert-red-flag = Urgent: act now, before the interview goes on.
alert-continue = Continue the interview only when the person is safe.
screen-save-and-quit = Pause the interview? The answers so far are saved and you can continue later.
screen-paused = Interview paused and saved. Continue with: tipscreen screen --resume { $id }
screen-resumed = Continuing interview { $id }.
screen-answer-dropped = An earlier answer could not be used and was left out
screen-cancelled = The interview was cancelled before it started; nothing was saved.
screen-report-written = Result written to { $file }.

## Summary at the end of an interview

summary-title = Screening result
summary-level-now = Level now: { $level }
summary-level-upper = Could still become: { $level }, once the open questions below are answered
level-meaning-none = No indicators of trafficking were found in the answers given.
level-meaning-low = Some signs were found. They do not show trafficking on their own; stay in contact and give information about help.
level-meaning-medium = Strong signs were found. Refer the person for a full assessment by a specialised organisation.
level-meaning-high = The answers show the elements of trafficking. Treat the person as a presumed victim and refer now.
level-meaning-urgent = The person may be in danger or need help now. Act at once.
summary-red-flags = Act now:
summary-action = Recommended action
summary-safety-not-checked = Immediate safety was not checked: ask the safety questions.
summary-open-questions = { $count ->
    [one] One open question could change the result:
   *[other] { $count } open questions could change the result:
}
summary-contacts = Whom to contact
summary-col-organisation = Organisation
summary-col-phones = Phone
summary-col-why = For what
summary-card-title = Contacts for help

## Saved interviews

sessions-none = No saved interviews.
sessions-none-open = No unfinished interview to continue.
sessions-pick = Which interview do you want to continue?
sessions-set-aside = the file was set aside as *.corrupt; the other interviews are not affected
sessions-id = ID
sessions-updated = Last saved
sessions-ruleset = Rule set
sessions-answered = Answers
sessions-state = State
sessions-label = Interviewer, place
sessions-finished = finished
sessions-open = unfinished
sessions-where = Saved interviews are in:
sessions-deleted = Deleted

## Passphrase of the saved interviews

passphrase-new = New passphrase for the saved interviews (it cannot be recovered: keep it safe)
passphrase-enter = Passphrase of the saved interviews
passphrase-again = The same passphrase again
passphrase-differ = The two passphrases differ; once more.
passphrase-wrong = Wrong passphrase; try again

## HTML report (`score --format html`, `screen --report FILE.html`)

html-totals-title = Results by level
html-footer = Rule set { $id }, version { $version }, sha256 { $hash }. Made with tipscreen { $tool }.
