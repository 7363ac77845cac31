# Cadre — documents Cadre writes: minutes as Word and PDF, calendars, spreadsheets (English).
# Keep in step with ../fr/outputs.ftl.

## Minutes (Word and PDF), laid out like the canevas.

out-minutes-title = Minutes of the { $body } meeting of { $date }
out-date = Date
out-time = Time
out-place = Place
out-body = Body
out-attendance = Attendance
out-time-range = { $start } – { $end }
out-time-from = from { $start }
out-time-unknown = not specified
out-place-unknown = not specified
out-place-virtual = Online meeting
out-place-virtual-link = Online meeting – { $link }
out-follow-up = Follow-up of the previous meeting’s action points
out-follow-up-meeting = Meeting of
out-agenda = Agenda
out-discussion = Key discussion points
out-action-points = Action points
out-responsible = Responsible persons/agencies
out-deadline = Deadline
out-status = Status
out-no-action = None
out-no-date = no date
out-not-specified = not specified
out-recommendations = Recommendations
out-roadmap = Roadmap { $roadmap }
out-recommendations-scope = Recommendations: { $scope }
out-thematic-group = Thematic group: { $group }
out-number = No.
out-recommendation = Recommendation
out-implementation = Implementation status
out-challenges = Challenges
out-perspectives = Outlook
out-next-meeting = Next meeting
out-next-meeting-on = The next meeting is planned for { $date }.
out-next-meeting-on-at = The next meeting is planned for { $date } at { $time }.
out-next-meeting-in = The next meeting is planned for { $month }.
out-rapporteur = Rapporteur

## Action points as a spreadsheet (CSV, Excel).

out-sheet-action-points = Action points
out-col-meeting-date = Meeting date
out-col-body = Body
out-col-agenda-item = Agenda item
out-col-action-point = Action point
out-col-responsible-organisations = Responsible organisations
out-col-responsible-as-written = Responsible (as written)
out-col-deadline-as-written = Deadline (as written)
out-col-due-date = Due date
out-col-status = Status
out-col-age = Age (days)

## Implementation of recommendations

out-rec-title = Implementation of recommendations
out-rec-as-of = As of { $date }, according to the implementation reports recorded in Cadre.
out-rec-none = No recommendation matches these criteria.
out-rec-unreported = no report yet
out-sheet-recommendations = Recommendations
out-col-roadmap = Roadmap
out-col-scope = Scope
out-col-thematic-group = Thematic group
out-col-pnm = PNM (axis or sub-programme)
out-col-gcm = Global Compact objectives
out-col-status-date = Status date
out-col-address = Address in Cadre
out-rec-unstated = not stated
out-rec-responsible = Responsible
