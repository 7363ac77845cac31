# Cadre — common messages (English). Keep in step with ../fr/common.ftl.

age-open-months = { $months ->
    [one] open for { $months } month
   *[other] open for { $months } months
}
results-count = { $n ->
    [one] { $n } result
   *[other] { $n } results
}

## Labels of the things Cadre names: <family>-<value as stored, "_" written "-">.

body-level-national = national
body-level-regional = regional
role-administrator = administrator
role-secretariat = secretariat
role-regional-focal-point = regional focal point
role-partner-editor = partner editor
role-internal-reader = internal reader
organisation-kind-government = government
organisation-kind-un-agency = UN agency
organisation-kind-ngo = NGO / civil society
organisation-kind-donor = donor
organisation-kind-red-cross = Red Cross movement
organisation-kind-local-authority = local authority
organisation-kind-other = other
recommendation-scope-general = general
recommendation-scope-specific = specific
recommendation-status-not-started = not started
recommendation-status-in-progress = in progress
recommendation-status-implemented = implemented
recommendation-status-abandoned = abandoned
recommendation-status-to-reformulate = to be reformulated
session-kind-national-session = national CCM session
session-kind-preparatory-meeting = preparatory meeting
session-kind-regional-session = regional CRCM session
meeting-kind-working-group-minutes = Working group minutes
meeting-kind-session-report = Session report
meeting-kind-regional-session = Regional session
modality-in-person = in person
modality-virtual = online
action-status-open = open
action-status-in-progress = in progress
action-status-done = done
action-status-dropped = dropped
meeting-status-draft = draft
meeting-status-validated = validated
meeting-status-published = published
