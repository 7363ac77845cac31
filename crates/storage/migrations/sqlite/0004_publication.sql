-- Minutes are published by the secretariat: the public sees published minutes only, and the
-- action points and recommendations that come from them. Keep in step with postgres/0004.

ALTER TABLE meetings ADD COLUMN published_at TEXT;
-- For optimistic concurrency when minutes are corrected in Cadre.
ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- A copy of "the meeting is published" on the rows public lists read, so that those lists stay
-- index-ordered scans with no join; set in the transaction that publishes or withdraws.
ALTER TABLE action_points ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
ALTER TABLE recommendations ADD COLUMN published INTEGER NOT NULL DEFAULT 0;

-- Minutes checked before publication existed were public and checked: they stay public.
UPDATE meetings SET status = 'published', published_at = validated_at WHERE status = 'validated';
UPDATE action_points SET published = 1
    WHERE meeting_id IN (SELECT id FROM meetings WHERE status = 'published');
UPDATE recommendations SET published = 1
    WHERE meeting_id IN (SELECT id FROM meetings WHERE status = 'published');
CREATE INDEX meetings_by_status_date ON meetings (status, date DESC, id DESC);

-- Warnings and findings of the import as catalogue messages with their data (JSON), so that
-- pages say them in their visitor's language; older rows keep their text only.
ALTER TABLE import_warnings ADD COLUMN code TEXT;
ALTER TABLE import_warnings ADD COLUMN args TEXT;
ALTER TABLE field_findings ADD COLUMN code TEXT;
ALTER TABLE field_findings ADD COLUMN args TEXT;
