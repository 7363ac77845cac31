-- The recommendations tracker: the sessions that adopt recommendations, and each
-- recommendation followed from adoption to implementation (responsible organisations, PNM and
-- Global Compact alignment, dated implementation reports, earlier forms). Keep in step with
-- postgres/0006.

-- Sessions of bodies (not sign-in sessions): national CCM sessions, their preparatory meetings
-- and regional CRCM sessions. A session may
-- be known only by the roadmap it adopted ("2018"): its date and number stay empty. Its report,
-- when Cadre holds it, is a meeting.
CREATE TABLE body_sessions (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL,
    number INTEGER,
    title TEXT NOT NULL,
    date TEXT,
    year INTEGER,
    roadmap TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL
);
CREATE INDEX body_sessions_by_body_roadmap ON body_sessions (body_id, roadmap);
CREATE INDEX body_sessions_by_meeting ON body_sessions (meeting_id);

-- Recommendations so far were read from session reports only, one roadmap table at a time:
-- each roadmap of a body becomes a session known by its roadmap.
INSERT INTO body_sessions (body_id, kind, title, year, roadmap)
SELECT DISTINCT m.body_id,
       CASE b.level WHEN 'regional' THEN 'regional_session' ELSE 'national_session' END,
       'Feuille de route ' || r.roadmap,
       CASE WHEN r.roadmap GLOB '[12][0-9][0-9][0-9]*' THEN CAST(substr(r.roadmap, 1, 4) AS INTEGER) END,
       r.roadmap
FROM recommendations r JOIN meetings m ON m.id = r.meeting_id JOIN bodies b ON b.id = m.body_id;

-- Rebuilt: a recommendation belongs to the session that adopted it, and is read from a
-- document (meeting_id) or entered in Cadre (none). Its status is its latest report's.
CREATE TABLE recommendations_tracked (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES body_sessions (id),
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    -- The date of the meeting it was read from, or of its session: lists sort by it.
    meeting_date TEXT,
    roadmap TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    scope TEXT NOT NULL,
    thematic_group TEXT,
    pnm_code TEXT,
    target_date TEXT,
    target_text TEXT,
    -- "Défis" and "Perspectives" as adopted with the roadmap.
    challenges TEXT,
    perspectives TEXT,
    status TEXT,
    status_date TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    published INTEGER NOT NULL DEFAULT 0
);
INSERT INTO recommendations_tracked (id, session_id, meeting_id, meeting_date, roadmap, position, text,
    scope, thematic_group, challenges, perspectives, published)
SELECT r.id, s.id, r.meeting_id, r.meeting_date, r.roadmap, r.position, r.text, r.scope,
       r.thematic_group, r.challenges, r.perspectives, r.published
FROM recommendations r JOIN meetings m ON m.id = r.meeting_id
JOIN body_sessions s ON s.body_id = m.body_id AND s.roadmap = r.roadmap;
ALTER TABLE recommendations RENAME TO recommendations_read;
ALTER TABLE recommendations_tracked RENAME TO recommendations;

-- Organisations responsible for a recommendation, and partners.
CREATE TABLE recommendation_organisations (
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (recommendation_id, organisation_id)
);
CREATE INDEX recommendation_organisations_by_organisation ON recommendation_organisations (organisation_id, recommendation_id);

-- The Global Compact objectives (1 to 23) a recommendation serves.
CREATE TABLE recommendation_objectives (
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    objective INTEGER NOT NULL,
    PRIMARY KEY (recommendation_id, objective)
);
CREATE INDEX recommendation_objectives_by_objective ON recommendation_objectives (objective, recommendation_id);

-- Implementation reports ("état de mise en œuvre"), each kept in the recommendation's history.
-- A report read from a document may state no status (a list of what was done): status is
-- then empty.
CREATE TABLE recommendation_reports (
    id INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    status TEXT,
    previous_status TEXT,
    done TEXT NOT NULL,
    challenges TEXT,
    perspectives TEXT,
    reported_on TEXT NOT NULL,
    -- The document it was read from, if any.
    meeting_id INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
    account_id INTEGER REFERENCES accounts (id),
    actor TEXT NOT NULL,
    version INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recommendation_reports_by_recommendation ON recommendation_reports (recommendation_id, id);
CREATE INDEX recommendation_reports_by_meeting ON recommendation_reports (meeting_id);

INSERT INTO recommendation_reports (recommendation_id, status, done, reported_on, meeting_id, actor,
    version, recorded_at)
SELECT r.id,
       CASE WHEN lower(ltrim(r.implementation_status)) LIKE 'a reformuler%'
              OR lower(ltrim(r.implementation_status)) LIKE 'à reformuler%' THEN 'to_reformulate' END,
       r.implementation_status, r.meeting_date, r.meeting_id, 'import', 1,
       strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM recommendations_read r WHERE r.implementation_status IS NOT NULL;
UPDATE recommendations SET status = 'to_reformulate', status_date = meeting_date
    WHERE id IN (SELECT recommendation_id FROM recommendation_reports WHERE status = 'to_reformulate');
-- Its indexes go with it; the rebuilt table gets them under the same names.
DROP TABLE recommendations_read;
CREATE INDEX recommendations_by_meeting ON recommendations (meeting_id, roadmap, position);
CREATE INDEX recommendations_by_date ON recommendations (meeting_date DESC, meeting_id DESC, roadmap, position);
CREATE INDEX recommendations_by_session ON recommendations (session_id, position);
CREATE INDEX recommendations_by_status ON recommendations (status, meeting_date DESC);
CREATE INDEX recommendations_by_pnm ON recommendations (pnm_code);

-- A recommendation carried over from an earlier one: proposed by Cadre (with its similarity),
-- then confirmed or rejected by the secretariat.
CREATE TABLE recommendation_links (
    id INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    earlier_id INTEGER NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    -- Similarity of the two texts, in thousandths.
    score INTEGER,
    decided_by TEXT,
    decided_at TEXT,
    UNIQUE (recommendation_id, earlier_id)
);
CREATE INDEX recommendation_links_by_earlier ON recommendation_links (earlier_id, recommendation_id);
CREATE INDEX recommendation_links_by_state ON recommendation_links (state, recommendation_id);

-- The recommendation an action point serves.
ALTER TABLE action_points ADD COLUMN recommendation_id INTEGER REFERENCES recommendations (id) ON DELETE SET NULL;
-- Partial: most action points serve no recommendation, and importing minutes should not pay
-- for indexing them (a full index cost 12 % of the import throughput).
CREATE INDEX action_points_by_recommendation ON action_points (recommendation_id)
    WHERE recommendation_id IS NOT NULL;
