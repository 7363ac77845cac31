-- Imported minutes are drafts until someone validates them; what the reader found for each
-- field is kept beside the warnings. Keep in step with storage-postgres/migrations/0002.

ALTER TABLE meetings ADD COLUMN status TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE meetings ADD COLUMN validated_at TEXT;
-- A next meeting announced for a month only ("prévue pour le mois de mai"): YYYY-MM.
ALTER TABLE meetings ADD COLUMN next_meeting_month TEXT;

-- Documents naming people with their contacts are kept but never published as they are.
-- Documents imported before this column existed are presumed to (nobody checked them).
ALTER TABLE source_documents ADD COLUMN personal_data INTEGER NOT NULL DEFAULT 1;

CREATE TABLE field_findings (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    field TEXT NOT NULL,
    found TEXT NOT NULL
);
CREATE INDEX field_findings_by_meeting ON field_findings (meeting_id, position);

-- Every change to a meeting, in commit order: the search index (one per server instance)
-- catches up by reading the changes after the last one it applied.
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL
);
INSERT INTO changes (meeting_id) SELECT id FROM meetings ORDER BY id;
