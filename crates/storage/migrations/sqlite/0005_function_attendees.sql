-- People an attendance list names by a function where the institution was expected
-- ("Chauffeur Dosso", "Garde", "Modérateur"): present, but for no organisation, so kept apart
-- from the attendances (organisations present). Their names are shown like attendees' names;
-- phone and e-mail are personal data, never published (see PersonContact).
-- Keep in step with postgres/0005.
CREATE TABLE function_attendees (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    function TEXT NOT NULL,
    person_name TEXT,
    phone TEXT,
    email TEXT
);
CREATE INDEX function_attendees_by_meeting ON function_attendees (meeting_id, position);
