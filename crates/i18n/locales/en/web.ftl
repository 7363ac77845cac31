# Cadre — the web interface (English). Keep in step with ../fr/web.ftl.

## The frame of every page

site-skip = Skip to content
site-tagline = Coordination and information sharing on migration – Niger
site-footer = Cadre — SP/CCM and technical working groups on migration. Open data:
site-api = JSON API (OpenAPI)
nav-label = Main navigation
nav-dashboard = Dashboard
nav-meetings = Meetings
nav-actions = Action points
nav-organisations = Organisations
nav-recommendations = Recommendations
nav-search = Search
nav-accounts = Accounts
nav-sign-in = Sign in
nav-sign-out = Sign out
error-back = Back to the dashboard
pager-label = Pages
pager-previous = Previous page
pager-next = Next page
pager-summary = { $first }–{ $last } of { $total } · page { $page } / { $pages }

## Shared words

colon = { ": " }
filter-body = Body
filter-year = Year
filter-all-f = All
filter-all-m = All
filter-apply = Filter
filter-clear = Clear filters
col-date = Date
col-body = Body
col-title = Title
col-place = Place
col-present = Present
col-agenda-items = Agenda items
col-action-points = Action points
late = overdue
not-specified-m = not specified
not-specified-f = not specified

## Dashboard

dash-as-of = As of { $day }.
dash-meetings = { $n ->
    [one] meeting
   *[other] meetings
}
dash-pending = { $total ->
    [one] pending action point (of { $total })
   *[other] pending action points (of { $total })
}
dash-overdue = overdue
dash-organisations = { $n ->
    [one] organisation
   *[other] organisations
}
dash-recommendations = { $n ->
    [one] recommendation
   *[other] recommendations
}
dash-upcoming = Next meetings
dash-no-upcoming = No next meeting announced.
dash-announced-in = announced in these minutes
dash-overdue-heading = Overdue action points
dash-no-overdue = No overdue action point.
dash-see-overdue = See the { $n } overdue action points
dash-due-soon = Due within { $days } days
dash-no-due-soon = No action point due soon.
dash-see-due-soon = See the { $n } action points due soon
dash-latest = Latest minutes
dash-no-meeting = No meeting recorded.
dash-all-meetings = All meetings
calendar-all = Calendar of the next meetings (iCalendar)

## Meetings and their lifecycle

meetings-none = No meeting matches these criteria.
lifecycle-ticked = Ticked meetings:
lifecycle-validate = Validate
lifecycle-publish = Publish
lifecycle-withdraw = Withdraw from publication
lifecycle-choose = Choose
lifecycle-choose-meeting = Choose the meeting of { $date }
lifecycle-unpublished-badge = validated, not published
lifecycle-meeting = Meeting { $id }
lifecycle-back = Back to the meetings
lifecycle-title-validate = Validation
lifecycle-title-publish = Publication
lifecycle-title-withdraw = Withdrawal from publication
lifecycle-now = now { $status }
lifecycle-unchanged = unchanged ({ $status })
lifecycle-not-validated = still a draft: validate it before publishing it
lifecycle-not-found = unknown meeting
lifecycle-forbidden = only the secretariat validates and publishes minutes
lifecycle-none-chosen = choose at least one meeting

## Words of the canevas

canevas-date = Date
canevas-time = Time
canevas-place = Place
canevas-body = Body
canevas-attendance = Attendance
canevas-follow-up = Follow-up of the action points of the previous meeting
canevas-agenda = Agenda items
canevas-discussion = Key discussion points
canevas-next-steps = Coordination next steps
canevas-rapporteur = Rapporteur
hours-from = from { $time }
hours-until = until { $time }

## Columns and fields

col-action-point = Action point
col-responsible = Responsible persons/agencies
col-deadline = Deadline
col-status = Status
col-meeting = Meeting
col-name = Name
col-organisation = Organisation
col-phone = Phone
col-email = E-mail
col-acronym = Acronym
col-kind = Type
col-aliases = Other names
col-number = No.
col-recommendation = Recommendation
col-implementation = Implementation status
col-challenges = Challenges
col-perspectives = Next steps
col-roadmap = Roadmap
col-thematic-group = Thematic group
col-session = Session
col-field = Field
col-found = Found
col-warnings = Warnings
filter-organisation = Responsible organisation
filter-region = Region
filter-due = Due
history = History
by = by { $who }
save = Save
choose = choose
none-f = none
to-review = to review

## Deadlines

deadline-none = no date
deadline-due-by = due: { $day }
deadline-asap-late-after = overdue after { $day }
deadline-at-event = at the event named
deadline-ongoing = ongoing
age-today = { $status } since today
age-days = { $n ->
    [one] { $status } for { $n } day
   *[other] { $status } for { $n } days
}
age-months = { $n ->
    [one] { $status } for { $n } month
   *[other] { $status } for { $n } months
}
age-years = { $n ->
    [one] { $status } for { $n } year
   *[other] { $status } for { $n } years
}

## A meeting's page

meeting-draft-strong = Draft
meeting-draft-banner = minutes not yet validated: check each field against the original (see the extraction report at the foot of the page).
meeting-unpublished-banner = Validated, not published: visible to Cadre accounts only.
meeting-download = Download the minutes:
meeting-modality = { $modality } meeting
meeting-no-attendance = list not available
meeting-function-attendees = Other people present
meeting-follow-up-from = Points still open or in progress from the meeting of
meeting-contacts = Participants’ contact details
meeting-contacts-who = visible to the secretariat only
meeting-no-agenda = Agenda not available.
meeting-next = Next meeting
meeting-recommendations = Recommendations of the session
meeting-recommendations-shown = { $shown } recommendations shown of { $total }.
meeting-roadmap = Roadmap { $roadmap }
meeting-source = Source document
meeting-bytes = { $n ->
    [one] { $n } byte
   *[other] { $n } bytes
}
meeting-download-original = Download the original document
meeting-original-withheld = The original document is not published: it names people with their contact details. The secretariat keeps it.
meeting-findings = Extraction report: what Cadre read, field by field
meeting-history-import = imported
meeting-history-validate = validated
meeting-history-publish = published
meeting-history-withdraw = withdrawn from publication
meeting-history-edit = corrected
meeting-history-other = changed

## Action points

actions-mine = My action points
actions-none = No action point matches these criteria.
actions-download = Download this list:
point-decided-at = Decided at
point-follow-up = Follow-up
point-changed-meanwhile = Changed meanwhile
point-as-of = As of
point-comment = Comment
point-save = Save the report
point-no-report = No report yet.
point-withdrawn = withdrawn
point-withdraw = Withdraw
point-restore = Restore

## Organisations

orgs-intro = Each organisation gathers the different ways the minutes name it (OIM = IOM, D.U.E = DUE…).
orgs-to-review = { $n ->
    [one] { $n } organisation created at import is to review.
   *[other] { $n } organisations created at import are to review.
}
orgs-none = No organisation recorded.
org-merged-into = Merged into
org-is-role = This entry names a role, not an organisation: it is no longer listed among the organisations.
org-unit-of = Unit of
org-units = Units
org-its-actions = Its action points
org-focal-points = Focal points
org-focal-points-who = contact details visible to the secretariat and the organisation only
org-no-focal-point = No focal point recorded.
org-function = Function
org-add-focal-point = Add the focal point
org-update = Update
org-rename = Rename
org-rename-hint = Former names are still recognised at import.
org-unit-of-hint = Unit of (for instance a regional directorate of its national directorate)
org-save-kind = Save the type and the parent
org-unrole = This is not a role: put it back among the organisations
org-role-people = This is a role (“Driver”, “Moderator”…): attach its people to
org-no-organisation = no organisation
org-mark-role = Mark as a role
org-duplicate-of = Duplicate of
org-merge = Merge into this organisation
org-merge-hint = Attendance, responsibilities, names and accounts follow; the merge can be undone.
org-unmerge = Undo the merge

## Recommendations

recs-none = No recommendation matches these criteria.
recs-roadmap-example = e.g. 2021

## Search

search-words = Words
search-go = Search
search-hint = Accents and capitals do not matter; “migrations” also finds “migration”. Every word must appear; "in quotes" for a phrase, -word to exclude.
search-updating = The search index is being updated after an import: recent results may be missing.
search-empty = Give at least one word to search for (common words such as “de” or “la” do not count).
search-no-result = No result.
search-beyond-window = Only the first 10,000 results can be browsed: narrow the search (one more word, a body, a year or a type).

## Accounts

account-mine = My account
account-username = User name
account-password = Password
account-role = Role
account-scope = Attached to
account-state = State
account-active = active
account-disabled = disabled
account-title = Account { $name }
account-change-password = Change password
account-current-password = Current password
account-new-password = New password (at least { $n } characters)
account-initial-password = Initial password (at least { $n } characters)
account-change-password-button = Change the password
account-change-password-hint = Changing your password closes all your open sessions, on all your devices.
account-role-and-scope = Role and attachment
account-sessions-closed = The open sessions of this account are closed.
account-access = Access
account-enable = Enable the account
account-disable = Disable the account
account-disable-hint = Its sessions are closed; it can be enabled again.
account-new = New account
account-create = Create the account
account-organisation-hint = Organisation (partner editor)
account-region-hint = Region (regional focal point)
login-hint = Accounts are created by Cadre’s administrator at the SP/CCM. The public reads the site without an account.
actions-region-of = { $region } region
at-time = { $day } at { $time }

## Errors

error-not-found = Page not found
error-not-found-text = The page or item asked for does not exist (or no longer does).
error-bad-request = Invalid request
error-bad-param = Invalid parameter “{ $param }”: { $message }
error-uri-too-long = Address too long
error-uri-too-long-text = The address asked for is over { $max } bytes: shorten the search or the filters.
error-withheld = Document not published
error-sign-in = Sign-in required.
error-forbidden = Action not allowed
error-forbidden-text = Your role does not allow this action: { $why }.
error-csrf = Form expired
error-csrf-text = This form has expired or does not come from Cadre: nothing was saved. Reload the page and try again.
error-internal = Internal error
error-internal-text = An internal error occurred. Please try again later.

## Parameters of pages and of the API

param-query = query
param-unreadable = unreadable query string ({ $detail })
param-not-year = “{ $value }” is not a year (example: 2023)
param-not-status = “{ $value }” is not a status; possible values: open, in_progress, done, dropped
param-not-id = “{ $value }” is not an identifier (positive integer)
param-missing-id = missing identifier
param-not-bool = “{ $value }” is not a boolean (true/false, 1/0)
param-not-page = “{ $value }” is not a page number (integer from 1 to 1,000,000)
param-not-limit = “{ $value }” must be an integer between 1 and { $max }
param-not-offset = “{ $value }” must be an integer between 0 and 1,000,000
param-beyond-window = beyond the first 10,000 results, narrow the search (add a word, a body, a year or a type)
param-too-long = value too long (200 characters at most)
param-not-rec-status = "{ $value }" is not a recommendation status; possible values: none, not_started, in_progress, implemented, abandoned, to_reformulate
param-not-pnm = "{ $value }" is neither a PNM axis nor a sub-programme (for example: 2 or 2.3)
param-not-objective = "{ $value }" is not a Global Compact objective (1 to 23)
param-not-years = "{ $value }" must be a number of years between 1 and 50
meeting-next-in-month = in { $month }
recs-section = { $scope } recommendations
recs-section-group = { $scope } recommendations – { $group }
original-secretariat-only = the original document names people with their contact details: only the secretariat downloads it
original-withheld = The original document names people with their contact details (phone, e-mail): the secretariat keeps it but it is not published. The structured minutes above hold all its public content.
search-kind-discussion = Discussion points
field-body = Body
field-title = Title
field-date = Date
field-time = Time
field-place = Place
field-modality = Modality
field-attendance = Attendance
field-agenda = Agenda
field-action-points = Action points
field-next-meeting = Next meeting
field-rapporteur = Rapporteur
field-recommendations = Recommendations
field-document = Document
field-unplaced-text = Unplaced text
field-other = Other

## Forms

report-forbidden = only the secretariat, the editors of the responsible organisations and the region's focal point report on this action point
report-comment-needed = Add a comment: what was done, what remains, what is blocking.
report-stale = This action point changed while you were reading it: your report was not saved. Here is what changed; your text is kept below, check it and save again.
report-withdraw-forbidden = only the secretariat withdraws or restores a report
report-withdraw-stale = This action point changed meanwhile: nothing was changed. Check the history below and try again.
report-choose-status = Choose a status.
form-version-unreadable = Unreadable form version: reload the page.
form-date-unreadable = Unreadable date: use the format YYYY-MM-DD.
org-forbidden = only the secretariat changes organisations
org-name-required = The name is required (200 characters at most).
org-acronym-too-long = The acronym is over 40 characters.
org-merge-choose = Choose the organisation to merge into.
org-stale = This organisation changed meanwhile: nothing was changed. Here is its current state and history; try again if needed.
org-chosen-not-found = The chosen organisation cannot be found.
focal-forbidden = only the secretariat and the organisation's editors keep its focal points
focal-invalid = The focal point's name is required; each field is 200 characters at most.
focal-stale = This focal point changed meanwhile: nothing was changed.
accounts-forbidden = only administrators manage accounts
account-stale = This account was changed meanwhile by someone else: nothing was changed. Here is its current state; try again if needed.
account-unknown-organisation = Unknown organisation.
login-form-expired = The form has expired or does not come from Cadre. Enter your credentials again.
login-wrong = Wrong user name or password.
password-current-wrong = The current password is wrong.
report-comment-too-long = The comment is over { $max } characters.
report-date-range = The report's date must be between the meeting ({ $meeting }) and today.
refused = Refused: { $why }.
org-history-rename = renamed
org-history-set-kind = type or parent changed
org-history-mark-role = marked as a role
org-history-unmark-role = no longer marked as a role
org-history-merge = merged
org-history-unmerge = merge undone
org-history-absorb = received a merged organisation
org-history-other = changed
org-history-people-to = people attached to { $name }
org-history-kind-unit = { $kind }, unit of { $parent }
account-history-create = creation
account-history-disable = disabling
account-history-enable = enabling
account-history-set-role = change of role
account-history-disabled-suffix = { ", disabled" }
account-choose-role = choose a role
login-throttled = Too many failed sign-in attempts. Try again in { $minutes } minutes.
account-history-set-password = new password
account-history-other = change
lifecycle-too-many = at most { $max } meetings at once
region-unknown = unknown region
calendar-name-all = next meetings
calendar-summary = { $body } meeting
calendar-body = Calendar of this body (iCalendar)
meeting-history-create = written in Cadre

## Writing minutes

write-title = Write minutes
write-intro = The minutes follow the canevas. They are saved as a draft, then validated and published by the secretariat.
write-errors = The minutes were not saved: correct these fields.
write-header = Header
write-title-hint = left empty: “Compte rendu de la réunion du …”
write-start = Start
write-end = End
write-modality = Modality
write-place = Place, or link of the online meeting
write-attendance-hint = One organisation per line; “Organisation — Name” to name a person. An unknown organisation is created and marked to review.
write-item = Agenda item { $n }
write-presenter = Presented by
write-who-hint = Responsible: separate organisations with a comma or “et” (“SP/CCM, DRECM-R et OIM”).
write-read-as = read as:
write-add-action = Add an action point
write-add-item = Add an agenda item
write-next-hint = e.g. “La prochaine réunion est prévue le 15 janvier 2027 à 9h”
write-save = Save the draft
write-save-hint = Empty rows are left out.
write-default-title = Minutes of the { $body } meeting of { $day }
write-deadline-asap = from the meeting on
write-error-body = choose the body that met
write-error-date = give the meeting's date (YYYY-MM-DD)
write-error-time = unreadable time: write it like 09:30
write-error-item-title = this agenda item has content but no title
write-forbidden = only the secretariat and regional focal points write minutes
write-link = Write minutes
correct-title = Correct the draft
correct-intro = Check each field against the original document; what the import read there and its warnings are shown under each field.
correct-original = Open the original document
correct-read = read in the document: { $found }
correct-check-first = Check these first (inferred from other clues, or a default):
finding-with-how = { $found } ({ $how })
found-by-label = under its label
found-by-sentence = in a sentence
found-by-inference = inferred from other clues, check it
found-by-default = default value, check it
correct-save = Save the corrections
correct-stale = These minutes were changed meanwhile: your corrections were not saved. They are kept below; check the current version, then save again.
correct-link = Correct
correct-current = See the current version
import-title = Import minutes
import-intro = Word (.docx), PDF or text; at most { $max } files per upload. Each document becomes a draft to check and validate; a file already imported is not imported twice, an unreadable file does not stop the others.
import-files = Documents
import-go = Import
import-report = Import report
import-file = File
import-outcome = Outcome
import-done = imported as meeting { $id } (draft)
import-already = already imported (meeting { $id })
import-no-file = choose at least one document
import-forbidden = only the secretariat imports documents
import-unavailable = This server does not read documents: import them with “cadre import”.
import-link = Import documents

## One recommendation

rec-roadmap = roadmap { $roadmap }
rec-adopted-by = Adopted by
rec-as-of = as of { $day }
rec-no-status = no implementation report gives one yet
rec-age = Age
rec-first-adopted = first adopted in { $year }
rec-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
rec-years-without-progress = { $n ->
    [0] less than a year without reported progress
    [one] { $n } year without reported progress
   *[other] { $n } years without reported progress
}
rec-as-adopted = What the document says
rec-history = Implementation
rec-no-report = No implementation report yet.
rec-status-unstated = status not stated
rec-read-from-minutes = read from the minutes
rec-earlier-forms = Earlier forms
rec-later-forms = Carried over later
rec-proposed = proposed by Cadre ({ $score } % similar), to be confirmed
rec-ties = Responsibility and alignment
rec-not-set = not set
rec-partners = Partners
rec-pnm = National migration policy (axis or sub-programme)
rec-gcm = Global Compact objectives
rec-target = Target
rec-target-date = Target (date)
rec-target-text = Target in words (if not a date)
rec-align-edit = Edit responsibility and alignment
rec-align-orgs-help = Acronyms or names of organisations, separated by commas: for example IOM, UNHCR, DRECM Agadez.
rec-align-save = Save
rec-report-new = Add an implementation report
rec-serving-points = Action points serving it
rec-link-confirm = Confirm
rec-link-reject = Reject
rec-report-forbidden = only the secretariat, editors of the responsible organisations and the region's focal point report on this recommendation
rec-report-done-needed = Describe the state of implementation: what was done, what remains.
rec-report-too-long = The field "{ $field }" is longer than { $max } characters.
rec-report-date-range = The report's date must be between the adoption ({ $adopted }) and today.
rec-report-date-future = The report's date cannot be in the future.
rec-report-stale = This recommendation changed while you were reading it: your report was not saved. Here is what changed; your text is kept below, check it and save again.
rec-withdraw-stale = This recommendation changed meanwhile: nothing was changed. Check the history below and try again.
rec-link-forbidden = only the secretariat confirms or rejects earlier forms of a recommendation
rec-link-decision = expected decision: confirm or reject
rec-align-forbidden = only the secretariat sets a recommendation's responsible organisations and alignment
rec-align-unknown-organisation = Unknown organisation: "{ $name }". Check the acronym or add it to the directory of organisations first.
rec-align-unknown-pnm = Unknown PNM axis or sub-programme: "{ $code }".
rec-align-unknown-objective = Unknown Global Compact objective: "{ $number }" (1 to 23).
rec-align-target-too-long = The target in words is longer than { $max } characters.
rec-align-stale = This recommendation changed while you were reading it: nothing was saved. Check what is shown and try again.
serve-title = Recommendation served
serve-none = This action point serves no recommendation.
serve-edit = Tie to a recommendation
serve-choose = Recommendations whose text is like this point's
serve-other = Another one, by its number
serve-other-number = The recommendation's number (in its address /recommendations/…)
serve-no-recommendation = None
serve-forbidden = only the secretariat and the region's focal point tie an action point to a recommendation
serve-number-unreadable = unreadable recommendation number
serve-unknown = No recommendation has this number: nothing was changed.
serve-stale = This action point changed while you were reading it: nothing was changed. Check and try again.
rec-unreported = no report yet
rec-stalled-years = { $n ->
    [one] at least { $n } year
   *[other] at least { $n } years
}
rec-filter-pnm = PNM axis or sub-programme
rec-filter-objective = Global Compact objective
rec-filter-stalled = No progress reported for
rec-matrix-link = See the roadmap as a matrix (groups × statuses)
rec-download = Implementation table:
rec-matrix-title = Roadmap: thematic groups × statuses
rec-matrix-total = { $n ->
    [one] { $n } recommendation
   *[other] { $n } recommendations
}
rec-matrix-list = see the list
rec-matrix-row-total = Total
rec-row-general = General recommendations
rec-row-axis = PNM axis { $axis }
rec-row-unclassified = Unclassified
rec-chart-title = Recommendations by group and status
rec-alignment-title = Alignment report (PNM and Global Compact)
rec-alignment-all-objectives = Each of the 23 Global Compact objectives is served by at least one recommendation.
rec-alignment-nobody = Objectives nobody serves: { $objectives }.
rec-alignment-without-objective = { $n ->
    [0] Every recommendation is tied to an objective.
    [one] { $n } recommendation is tied to no objective.
   *[other] { $n } recommendations are tied to no objective.
}
rec-alignment-without-pnm = { $n ->
    [0] Every recommendation is tied to the PNM.
    [one] { $n } recommendation is tied to no PNM axis.
   *[other] { $n } recommendations are tied to no PNM axis.
}
rec-alignment-implemented = Implemented
rec-alignment-none = none
