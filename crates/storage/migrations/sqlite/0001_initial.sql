-- Cadre's schema on SQLite. Keep it in step with storage-postgres/migrations/0001_initial.sql:
-- the same tables and columns, SQLite types (INTEGER keys, TEXT dates and times, BLOB).

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    region TEXT
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    acronym TEXT,
    kind TEXT NOT NULL,
    needs_review INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX organisations_by_name ON organisations (name);

CREATE TABLE organisation_aliases (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    alias TEXT NOT NULL
);
CREATE INDEX organisation_aliases_by_organisation ON organisation_aliases (organisation_id);

CREATE TABLE source_documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    imported_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    year INTEGER NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    modality TEXT NOT NULL,
    next_meeting_text TEXT,
    next_meeting_date TEXT,
    next_meeting_time TEXT,
    rapporteur TEXT,
    source_document_id INTEGER REFERENCES source_documents (id),
    attendance_count INTEGER NOT NULL DEFAULT 0,
    agenda_count INTEGER NOT NULL DEFAULT 0,
    action_point_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meetings_by_date ON meetings (date DESC, id DESC);
CREATE INDEX meetings_by_body_date ON meetings (body_id, date DESC, id DESC);
CREATE INDEX meetings_by_year_date ON meetings (year, date DESC, id DESC);
CREATE INDEX meetings_by_next_meeting ON meetings (next_meeting_date);
CREATE INDEX meetings_by_source ON meetings (source_document_id);

CREATE TABLE attendances (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    as_written TEXT NOT NULL
);
CREATE INDEX attendances_by_meeting ON attendances (meeting_id, position);
CREATE INDEX attendances_by_organisation ON attendances (organisation_id, meeting_id);

-- Personal data: never published (see PersonContact). One row per attendance line naming a
-- person.
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    attendance_id INTEGER NOT NULL UNIQUE REFERENCES attendances (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    organisation_id INTEGER REFERENCES organisations (id),
    phone TEXT,
    email TEXT
);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    presenter TEXT,
    discussion TEXT NOT NULL
);
CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, position);

-- body_id and meeting_date repeat the meeting's (a meeting never changes) so that lists filter
-- and sort on one table; sort_date is due_date, or 9999-12-31 when there is none.
CREATE TABLE action_points (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    meeting_date TEXT NOT NULL,
    position INTEGER NOT NULL,
    what TEXT NOT NULL,
    responsible_as_written TEXT NOT NULL,
    deadline_text TEXT NOT NULL,
    deadline_kind TEXT NOT NULL,
    due_date TEXT,
    sort_date TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX action_points_by_meeting ON action_points (meeting_id, position);
CREATE INDEX action_points_by_deadline ON action_points (sort_date, meeting_date, meeting_id, position);
CREATE INDEX action_points_by_status_due ON action_points (status, due_date);
CREATE INDEX action_points_by_body ON action_points (body_id, sort_date);

CREATE TABLE action_point_organisations (
    action_point_id INTEGER NOT NULL REFERENCES action_points (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (action_point_id, organisation_id)
);
CREATE INDEX action_point_organisations_by_organisation ON action_point_organisations (organisation_id, action_point_id);

CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    meeting_date TEXT NOT NULL,
    roadmap TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    scope TEXT NOT NULL,
    thematic_group TEXT,
    implementation_status TEXT,
    challenges TEXT,
    perspectives TEXT
);
CREATE INDEX recommendations_by_meeting ON recommendations (meeting_id, roadmap, position);
CREATE INDEX recommendations_by_date ON recommendations (meeting_date DESC, meeting_id DESC, roadmap, position);

CREATE TABLE import_warnings (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    field TEXT NOT NULL,
    message TEXT NOT NULL,
    text TEXT
);
CREATE INDEX import_warnings_by_meeting ON import_warnings (meeting_id, position);
