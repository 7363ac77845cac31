//! Field-level accuracy: what the reader found in a document, field by field, against what a
//! person checked the document says (the labels, `crates/ingest/tests/labels/seeds.json`).
//!
//! Free text (titles, presenters, what an action point asks, recommendations, the rapporteur) is labelled
//! by a fingerprint, never as written, so that no sentence of the seeds enters the repository.
//! Values are compared without regard to spaces, case, accents or punctuation (see
//! [`same_value`]): a rendering that lost its spaces is read correctly when the reader finds
//! the same words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use cadre_domain::organisation::{
    KNOWN_ORGANISATIONS, candidate_keys, clean_written_name, person_function,
};
use cadre_domain::recommendation::THEMATIC_GROUPS;
use cadre_domain::text::match_key;
use cadre_domain::{DeadlineMeaning, NewMeeting, RecommendationScope};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The value of a field the document leaves empty.
pub const NONE: &str = "(none)";
/// Between the items of a field holding a list (responsible organisations).
pub const LIST_SEPARATOR: &str = " | ";

/// The labelled set kept with the ingest tests.
pub fn labels_path() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ingest/tests/labels/seeds.json"
    ))
}

/// The seeds shared with the project: `CADRE_SEEDS`, else `shared/seeds` beside the checkout.
pub fn default_seeds_dir() -> PathBuf {
    match std::env::var_os("CADRE_SEEDS") {
        Some(dir) => dir.into(),
        None => concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds").into(),
    }
}

/// First 12 hex digits of the SHA-256 of the text's [`match_key`]: the same for the same words
/// whatever their spacing, case, accents or punctuation.
pub fn fingerprint(text: &str) -> String {
    let digest = Sha256::digest(match_key(text).as_bytes());
    hex::encode(&digest[..6])
}

/// The organisation a written name stands for, as storage resolves it: the canonical name of a
/// known organisation, else the name as written without list punctuation.
pub fn organisation_name(written: &str) -> String {
    // A function held in an organisation ("SG/CR/Zinder") stands for it, as in storage.
    let held_in = person_function(written).and_then(|(_, organisation)| organisation);
    let written = held_in.as_deref().unwrap_or(written);
    for key in candidate_keys(written) {
        let known = KNOWN_ORGANISATIONS.iter().find(|o| {
            match_key(o.name) == key
                || o.acronym.is_some_and(|a| match_key(a) == key)
                || o.aliases.iter().any(|a| match_key(a) == key)
        });
        if let Some(o) = known {
            return o.name.to_owned();
        }
    }
    clean_written_name(written)
}

/// One field of a meeting: its path ("agenda.02.title"), its value as labelled, and the text
/// behind a fingerprint (never stored, shown to whoever investigates a wrong field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub path: String,
    pub value: String,
    pub text: Option<String>,
}

/// Every labelled field of a meeting, in the canevas' order.
pub fn fields(meeting: &NewMeeting) -> Vec<(String, String)> {
    fields_explained(meeting)
        .into_iter()
        .map(|f| (f.path, f.value))
        .collect()
}

/// [`fields`], with the text behind each fingerprint.
pub fn fields_explained(m: &NewMeeting) -> Vec<Field> {
    let mut out = Fields::default();
    out.plain("body", &m.body.code);
    out.plain("kind", m.kind.as_str());
    out.text("title", &m.title);
    out.plain("date", &m.date.format("%Y-%m-%d").to_string());
    out.plain("start_time", &time(m.start_time));
    out.plain("end_time", &time(m.end_time));
    out.plain("place", m.place.as_deref().unwrap_or(NONE));
    out.plain("modality", m.modality.as_str());
    match &m.rapporteur {
        // The rapporteur may be a person: fingerprinted like free text.
        Some(r) => out.text("rapporteur", r),
        None => out.plain("rapporteur", NONE),
    }

    let a = &m.attendance;
    out.count("attendance.count", a.len());
    out.count(
        "attendance.with_person",
        a.iter().filter(|a| a.person_name.is_some()).count(),
    );
    out.count(
        "attendance.with_phone",
        a.iter().filter(|a| a.phone.is_some()).count(),
    );
    out.count(
        "attendance.with_email",
        a.iter().filter(|a| a.email.is_some()).count(),
    );
    let organisations: BTreeSet<(String, String)> = a
        .iter()
        .map(|a| organisation_name(&a.organisation))
        .map(|name| (organisation_key(&name), name))
        .collect();
    out.count("attendance.organisations", organisations.len());
    for (key, name) in &organisations {
        out.plain(&format!("attendance.organisation.{key}"), name);
    }
    // People present by their function: what they are, and whether their name was read.
    let f = &m.function_attendees;
    out.count("attendance.functions", f.len());
    for (i, f) in f.iter().enumerate() {
        out.plain(&format!("attendance.function.{i:02}"), &f.function);
        out.plain(
            &format!("attendance.function.{i:02}.named"),
            if f.person_name.is_some() { "yes" } else { "no" },
        );
    }

    out.count("agenda.count", m.agenda.len());
    for (i, item) in m.agenda.iter().enumerate() {
        let at = format!("agenda.{i:02}");
        out.plain(&format!("{at}.number"), &item.number.to_string());
        out.text(&format!("{at}.title"), &item.title);
        // Session reports name the presenting person: fingerprinted like free text.
        match &item.presenter {
            Some(p) => out.text(&format!("{at}.presenter"), p),
            None => out.plain(&format!("{at}.presenter"), NONE),
        }
    }

    let points: Vec<_> = m
        .agenda
        .iter()
        .flat_map(|item| item.action_points.iter().map(move |p| (item.number, p)))
        .collect();
    out.count("action_points.count", points.len());
    for (i, (number, point)) in points.iter().enumerate() {
        let at = format!("action_points.{i:02}");
        out.plain(&format!("{at}.item"), &number.to_string());
        out.text(&format!("{at}.what"), &point.what);
        let responsible = if point.responsible.is_empty() {
            NONE.to_owned()
        } else {
            point.responsible.join(LIST_SEPARATOR)
        };
        out.plain(&format!("{at}.responsible"), &responsible);
        out.plain(
            &format!("{at}.deadline"),
            &deadline(&point.deadline.meaning),
        );
    }

    let next = m.next_meeting.as_ref();
    out.plain(
        "next_meeting.date",
        &next
            .and_then(|n| n.date)
            .map_or(NONE.to_owned(), |d| d.format("%Y-%m-%d").to_string()),
    );
    out.plain("next_meeting.time", &time(next.and_then(|n| n.time)));

    out.count("recommendations.count", m.recommendations.len());
    let roadmaps: BTreeSet<&str> = m
        .recommendations
        .iter()
        .map(|r| r.roadmap.as_str())
        .collect();
    for roadmap in roadmaps {
        let rs: Vec<_> = m
            .recommendations
            .iter()
            .filter(|r| r.roadmap == roadmap)
            .collect();
        let at = format!("recommendations.{roadmap}");
        out.count(&format!("{at}.count"), rs.len());
        out.count(
            &format!("{at}.general"),
            rs.iter()
                .filter(|r| r.scope == RecommendationScope::General)
                .count(),
        );
        for group in THEMATIC_GROUPS {
            out.count(
                &format!("{at}.group.{}", match_key(group)),
                rs.iter()
                    .filter(|r| {
                        r.scope == RecommendationScope::Specific
                            && r.thematic_group.as_deref() == Some(group)
                    })
                    .count(),
            );
        }
        for (i, r) in rs.iter().enumerate() {
            out.text(&format!("{at}.{:02}.text", i + 1), &r.text);
        }
    }
    out.0
}

fn time(t: Option<chrono::NaiveTime>) -> String {
    t.map_or(NONE.to_owned(), |t| t.format("%H:%M").to_string())
}

/// The deadline's kind and, when it names one, the day the action is due by.
fn deadline(meaning: &DeadlineMeaning) -> String {
    match meaning.due_by() {
        Some(due) => format!("{} {}", meaning.kind(), due.format("%Y-%m-%d")),
        None => meaning.kind().to_owned(),
    }
}

/// A short, stable path segment for an organisation: its acronym when it has one.
fn organisation_key(name: &str) -> String {
    let acronym = KNOWN_ORGANISATIONS
        .iter()
        .find(|o| o.name == name)
        .and_then(|o| o.acronym);
    match_key(acronym.unwrap_or(name))
}

#[derive(Default)]
struct Fields(Vec<Field>);

impl Fields {
    fn plain(&mut self, path: &str, value: &str) {
        self.0.push(Field {
            path: path.to_owned(),
            value: value.to_owned(),
            text: None,
        });
    }
    fn count(&mut self, path: &str, n: usize) {
        self.plain(path, &n.to_string());
    }
    fn text(&mut self, path: &str, text: &str) {
        self.0.push(Field {
            path: path.to_owned(),
            value: fingerprint(text),
            text: Some(text.to_owned()),
        });
    }
}

/// Whether a found value is the labelled one: item by item for lists, each compared by its
/// [`match_key`], so that spacing, case, accents and punctuation do not count but a missing or
/// extra list item does.
pub fn same_value(expected: &str, found: &str) -> bool {
    let e: Vec<&str> = expected.split(LIST_SEPARATOR).collect();
    let f: Vec<&str> = found.split(LIST_SEPARATOR).collect();
    e.len() == f.len() && e.iter().zip(&f).all(|(e, f)| match_key(e) == match_key(f))
}

/// One labelled field checked against what the reader found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCheck {
    pub path: String,
    pub expected: String,
    /// `None` when the reader did not produce the field at all.
    pub found: Option<String>,
    /// The text behind a found fingerprint.
    pub found_text: Option<String>,
}

impl FieldCheck {
    pub fn is_correct(&self) -> bool {
        self.found
            .as_deref()
            .is_some_and(|f| same_value(&self.expected, f))
    }

    /// "agenda.02.title: expected 1a2b…, found 3c4d… ("Divers")", at most `width` characters per
    /// value.
    pub fn describe(&self, width: usize) -> String {
        let found = match (&self.found, &self.found_text) {
            (None, _) => "nothing".to_owned(),
            (Some(f), Some(t)) => format!("{} ({:?})", truncate(f, width), truncate(t, width)),
            (Some(f), None) => truncate(f, width),
        };
        format!(
            "{}: expected {}, found {found}",
            self.path,
            truncate(&self.expected, width)
        )
    }
}

impl Field {
    /// "attendance.organisation.x = X", at most `width` characters per value.
    pub fn describe(&self, width: usize) -> String {
        match &self.text {
            Some(t) => format!("{} = {} ({:?})", self.path, self.value, truncate(t, width)),
            None => format!("{} = {}", self.path, truncate(&self.value, width)),
        }
    }
}

fn truncate(s: &str, width: usize) -> String {
    match s.char_indices().nth(width) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

/// The checks of one document in one rendering.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub checks: Vec<FieldCheck>,
    /// Found fields that no label expects (an organisation too many, a sixth agenda item):
    /// not scored, since a labelled count is already wrong, but shown to whoever investigates.
    pub extra: Vec<Field>,
}

impl Score {
    pub fn correct(&self) -> usize {
        self.checks.iter().filter(|c| c.is_correct()).count()
    }
    pub fn total(&self) -> usize {
        self.checks.len()
    }
    /// Correct fields over labelled fields, in per cent (100 for no labelled field).
    pub fn percent(&self) -> f64 {
        percent(self.correct(), self.total())
    }
    pub fn wrong(&self) -> impl Iterator<Item = &FieldCheck> {
        self.checks.iter().filter(|c| !c.is_correct())
    }
}

pub fn percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        100.0
    } else {
        correct as f64 * 100.0 / total as f64
    }
}

/// Checks every labelled field against the found ones. Found fields without a label (an extra
/// agenda item, say) are not scored themselves: the labelled counts catch them.
pub fn compare(expected: &BTreeMap<String, String>, found: &[(String, String)]) -> Score {
    let found: BTreeMap<&str, &str> = found
        .iter()
        .map(|(p, v)| (p.as_str(), v.as_str()))
        .collect();
    Score {
        checks: expected
            .iter()
            .map(|(path, value)| FieldCheck {
                path: path.clone(),
                expected: value.clone(),
                found: found.get(path.as_str()).map(|v| (*v).to_owned()),
                found_text: None,
            })
            .collect(),
        extra: Vec::new(),
    }
}

/// [`compare`] for a meeting, keeping the text behind each found fingerprint.
pub fn check(expected: &BTreeMap<String, String>, meeting: &NewMeeting) -> Score {
    let explained = fields_explained(meeting);
    let pairs: Vec<(String, String)> = explained
        .iter()
        .map(|f| (f.path.clone(), f.value.clone()))
        .collect();
    let texts: BTreeMap<&str, &str> = explained
        .iter()
        .filter_map(|f| Some((f.path.as_str(), f.text.as_deref()?)))
        .collect();
    let mut score = compare(expected, &pairs);
    for c in &mut score.checks {
        c.found_text = texts.get(c.path.as_str()).map(|t| (*t).to_owned());
    }
    score.extra = explained
        .into_iter()
        .filter(|f| !expected.contains_key(&f.path))
        .collect();
    score
}

/// The score of a document the reader could not read: every labelled field missed.
pub fn unread(expected: &BTreeMap<String, String>) -> Score {
    compare(expected, &[])
}

/// The labelled set: for each seed (by its number, "000"), every field's expected value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Labels {
    /// How the labels were made and checked, for whoever edits them.
    pub about: Vec<String>,
    pub seeds: BTreeMap<String, BTreeMap<String, String>>,
}

impl Labels {
    pub fn load(path: &Path) -> Result<Labels, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the labels at {}: {e}", path.display()))?;
        serde_json::from_str(&text)
            .map_err(|e| format!("the labels at {} are not valid: {e}", path.display()))
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("labels serialise");
        s.push('\n');
        s
    }
}

/// A seed document: its number ("000"), its file stem, and its text.
#[derive(Debug, Clone)]
pub struct Seed {
    pub number: String,
    pub stem: String,
    pub text: String,
}

/// The `.txt` seeds of a directory, in name order.
pub fn read_seeds(dir: &Path) -> Result<Vec<Seed>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the seeds directory {}: {e}", dir.display()))?;
    let mut seeds = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: the file name is not UTF-8", path.display()))?
            .to_owned();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read the seed {}: {e}", path.display()))?;
        let number = stem.split('_').next().unwrap_or(&stem).to_owned();
        seeds.push(Seed { number, stem, text });
    }
    if seeds.is_empty() {
        return Err(format!("no .txt seed in {}", dir.display()));
    }
    seeds.sort_by(|a, b| a.stem.cmp(&b.stem));
    Ok(seeds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cadre_domain::meeting::{NewActionPoint, NewAgendaItem, NewAttendee};
    use cadre_domain::{Deadline, MeetingKind, NewBody};
    use chrono::NaiveDate;

    fn meeting() -> NewMeeting {
        let mut m = NewMeeting::new(
            NewBody::gtm("Tahoua"),
            MeetingKind::WorkingGroupMinutes,
            "Compte-rendu",
            NaiveDate::from_ymd_opt(2022, 5, 17).unwrap(),
        );
        m.attendance = vec![
            NewAttendee::organisation("OIM/Niger"),
            NewAttendee::organisation("IOM"),
            NewAttendee::organisation("Association jamais vue ;"),
        ];
        m.agenda = vec![NewAgendaItem {
            number: 1,
            title: "Présentation des axes".into(),
            presenter: Some("SP/CCM".into()),
            discussion: String::new(),
            action_points: vec![NewActionPoint {
                what: "Choix des axes".into(),
                responsible: vec!["DRECM/R".into(), "OIM".into()],
                deadline: Deadline::parse("Le plus tôt possible"),
                status: Default::default(),
            }],
        }];
        m
    }

    fn labelled(m: &NewMeeting) -> BTreeMap<String, String> {
        fields(m).into_iter().collect()
    }

    #[test]
    fn fingerprints_ignore_lost_spaces_but_not_words() {
        assert_eq!(
            fingerprint("Points inscrits à l'ordre du jour"),
            fingerprint("Pointsinscritsàl'ordredujour")
        );
        assert_ne!(
            fingerprint("Choix des axes"),
            fingerprint("Choix des acteurs")
        );
        assert_eq!(fingerprint("x").len(), 12);
    }

    #[test]
    fn organisations_resolve_to_one_name_each() {
        let f = labelled(&meeting());
        assert_eq!(f["attendance.count"], "3");
        assert_eq!(f["attendance.organisations"], "2", "{f:?}");
        assert_eq!(
            f["attendance.organisation.associationjamaisvue"],
            "Association jamais vue"
        );
        assert!(
            f.keys().any(|k| k == "attendance.organisation.oim"),
            "{f:?}"
        );
        assert_eq!(f["action_points.00.deadline"], "as_soon_as_possible");
        assert_eq!(f["action_points.00.responsible"], "DRECM/R | OIM");
        assert_eq!(f["agenda.00.title"], fingerprint("Présentation des axes"));
        assert!(
            !f.values().any(|v| v.contains("Choix")),
            "no free text stored"
        );
    }

    #[test]
    fn the_same_meeting_scores_everything_and_a_changed_one_does_not() {
        let m = meeting();
        let expected = labelled(&m);
        let score = check(&expected, &m);
        assert_eq!(score.correct(), score.total());

        let mut wrong = m.clone();
        wrong.agenda[0].action_points[0].responsible.pop();
        wrong.agenda[0].title = "Présentation des acteurs".into();
        wrong.start_time = chrono::NaiveTime::from_hms_opt(9, 0, 0);
        let score = check(&expected, &wrong);
        let paths: Vec<&str> = score.wrong().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "action_points.00.responsible",
                "agenda.00.title",
                "start_time"
            ]
        );
        assert!(
            score
                .wrong()
                .nth(1)
                .unwrap()
                .describe(40)
                .contains("acteurs"),
            "the text behind a wrong fingerprint is shown"
        );
        assert_eq!(unread(&expected).correct(), 0);

        let mut more = m.clone();
        more.attendance
            .push(cadre_domain::meeting::NewAttendee::organisation("UNICEF"));
        let score = check(&expected, &more);
        let extra: Vec<String> = score.extra.iter().map(|f| f.describe(40)).collect();
        assert_eq!(
            extra,
            vec!["attendance.organisation.unicef = Fonds des Nations Unies pour l'Enfance"]
        );
    }

    #[test]
    fn values_compare_without_spaces_but_lists_keep_their_items() {
        assert!(same_value(
            "Salle de réunion DGECM-R",
            "SallederéunionDGECM-R"
        ));
        assert!(same_value("SP/CCM | DRC/MMC", "SP/CCM | DRCMMC"));
        assert!(!same_value("SP/CCM | DRC/MMC", "SP/CCMDRC/MMC"));
        assert!(!same_value("2023-02-16", "2023-02-17"));
    }
}
