# Cadre — what the reader found and warned about at import (English; `cadre import` prints these).
# Keep in step with ../fr/ingest.ftl. Arguments are stored with each warning.

warning-body-inferred-gtm = the document does not name its body: inferred GTM { $region } from { $clues } and { $n } mentions of { $region }
warning-body-assumed-gtm-niamey = nothing in the document names the body that met: assumed GTM Niamey (the national GTM); use --body to say otherwise
warning-body-new-from-title = the title names a body Cadre does not know: "{ $name }" created as a new body; check that it is not an existing one
warning-body-inferred-crcm = the report does not name its region in its heading: inferred CRCM { $region } from { $n } mentions in the text
warning-body-assumed-crcm-niamey = the report names no region: assumed CRCM Niamey; use --body to say otherwise
warning-label-without-value = the '{ $label }' label has no value
warning-date-unreadable = the 'Date' value is not a date Cadre can read; took the first date in the text
warning-date-no-label = no 'Date' label: took the first date written in the document
warning-time-unreadable = the time is not written in a form Cadre can read
warning-time-no-label = no 'Heure' label: the meeting time is unknown
warning-place-no-label = no 'Lieu' label: the place is unknown
warning-attendance-none = no attendance list ('Présence') found
warning-attendance-functions = { $n } attendance entr(y/ies) name a person's function, not an organisation: kept among the people present by their function, not counted among the organisations present
warning-actions-outside-agenda = an action table stands outside any agenda item
warning-agenda-none = no agenda found ('Points inscrits à l'ordre du jour')
warning-title-none = the document has no title: named it '{ $title }'
warning-next-meeting-no-date = the next steps name no date for the next meeting
warning-unplaced-text = text the importer could not place ({ $place ->
        [header] in the header
        [before-sections] between the agenda and the first section
        [after-table] in section “{ $section }”, after its action table
        [odd-row] a row of the action table of section “{ $section }” that says nothing to do
        [odd-row-outside] a row of an action table outside any section that says nothing to do
        [second-label] the label “{ $label }” given a second time
        [discussion-label] a “Points de discussion clés” label outside any section
       *[outside-sections] outside any section
    }); kept here
warning-agenda-from-sections = no agenda list ('Points inscrits à l'ordre du jour'): the sections were taken as the agenda
warning-section-attached-by-position = section '{ $section }' does not share its words with any agenda item: attached to '{ $item }' by its position
warning-section-added-to-agenda = section '{ $section }' is not in the agenda list: added as an agenda item
warning-report-no-place = the report does not say where the meeting was held
warning-report-cover-text = text of the cover page (letterhead, document status) that fits no field; kept here
warning-report-no-cover-date = the cover page gives no date: took the first date in the text
warning-report-no-time = the report does not say when the meeting started
warning-report-no-agenda = the report lists no agenda ('ordre du jour')
warning-report-no-attendance = no attendance list found
warning-report-no-recommendations = no recommendation table found ('Recommandation <année>')
warning-report-title-none = the report has no title: named it '{ $title }'
warning-report-unknown-group = unknown thematic group: kept as written
warning-report-row-without-text = a row of the { $roadmap } roadmap has no recommendation text
warning-report-cells-beyond-columns = recommendation { $position } of the { $roadmap } roadmap has cells beyond the table's columns
warning-report-row-without-institution = a row of the attendance list names no institution
warning-report-cells-unknown-column = cells of the attendance list in no known column
warning-attendance-row-contacts-only = a row of the attendance list names no institution (its contact details were kept private, the row was left out)

## Findings: what the reader found, field by field

finding-not-found = not found
finding-as-read = { $text }
finding-quoted = “{ $text }”
finding-date = { $the_date }
finding-time-range = { $start_time }–{ $end_time }
finding-time-start = { $start_time }
finding-modality = { $modality ->
    [virtual] online
   *[other] in person
}
finding-attendance = { $n ->
    [0] no participant
    [one] 1 participant
   *[other] { $n } participants
}{ $people ->
    [0] {""}
   *[other] { " " }of whom { $people } named
}{ $n ->
    [0] {""}
   *[other] { ": " }{ $names }
}
finding-agenda = { $n ->
    [one] 1 item
   *[other] { $n } items
}: { $titles }
finding-action-points = { $n ->
    [0] no action point
    [one] 1 action point ({ $dated } with a dated deadline, { $unassigned } without a responsible)
   *[other] { $n } action points ({ $dated } with a dated deadline, { $unassigned } without a responsible)
}
finding-next-meeting-dated = { $the_date } (“{ $text }”)
finding-recommendations = { $n ->
    [one] 1 recommendation
   *[other] { $n } recommendations
} (roadmaps { $roadmaps })

warning-report-opening = the opening of the report presents no agenda item; kept here
warning-report-annex-heading = the heading of the annex presents no agenda item; kept here
warning-report-part = part '{ $part }' presents no agenda item; kept here
report-section-opening = Opening
report-section-annex = Annex

## How a file was read

warning-decoded-utf16 = decoded as { $encoding }
warning-decoded-utf16-no-bom = decoded as { $encoding } (the file has no byte order mark)
warning-decoded-windows-1252 = decoded as Windows-1252 (the file is not UTF-8)
warning-accents-repaired = accents repaired: the text had been read as Windows-1252 although it was UTF-8, then saved again ("rÃ©union" for "réunion")
warning-read-from-word = read from Word: { $paragraphs ->
    [one] { $paragraphs } paragraph
   *[other] { $paragraphs } paragraphs
}, { $tables ->
    [one] { $tables } table
   *[other] { $tables } tables
}
warning-tracked-changes = tracked changes: deleted text left out, inserted text kept (the text as last edited)
warning-read-from-pdf = read from PDF: { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
warning-pdf-encrypted = the PDF is encrypted without a password to open it
warning-pdf-claims-pages = the PDF claims { $claimed } pages, more than it can hold; at most { $possible } were looked for
warning-pdf-reading-stopped = reading stopped at page { $page }: the { $failing } pages before it could not be read
warning-pdf-pages-unreadable = the text of { $n } page(s) could not be read and is missing (page { $pages })
warning-pdf-rotated-left-out = { $n } character(s) drawn at an angle (a watermark or a note in the margin?) were left out
warning-spaces-restored = spaces restored on { $n } line(s) where they had been lost
warning-page-furniture-removed = { $n } line(s) of page furniture removed (page numbers, running title, web-page links); kept here
