//! `/meetings` (list with filters and pages) and `/meetings/{id}` (one meeting laid out like the
//! canevas).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use cadre_domain::{Meeting, MeetingKind, MeetingStatus, Recommendation};
use cadre_storage::{MeetingFilter, Page, Paging, RecommendationFilter};
use serde::Deserialize;

use crate::AppState;
use crate::error::WebError;
use crate::meetings::MeetingRow;
use crate::params::{self, PageQuery};
use crate::published::render;
use crate::view::{ActionRow, Choice, Pager, date_text, hours, note_text, time_text};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/meetings", get(list))
        .route("/meetings/{id}", get(show))
        .route("/meetings/{id}/original", get(original))
}

/// The original document, as imported. One that names people with their contacts is given to
/// the secretariat only (signed in, or `cadre original ID` on the server).
async fn original(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let id = params::path_id("id", id).map_err(|_| WebError::NotFound)?;
    let db = &state.store;
    let meeting = db
        .meetings()
        .get(id)
        .await?
        .filter(|m| m.status.is_public() || !who.audience().is_public())
        .ok_or(WebError::NotFound)?;
    let source = meeting.source.ok_or(WebError::NotFound)?;
    if source.personal_data && !who.viewer().sees_personal_contacts() {
        if who.account().is_some() {
            return Err(WebError::Forbidden(
                crate::language::t("original-secretariat-only").to_owned(),
            ));
        }
        return Err(WebError::Withheld(
            crate::language::t("original-withheld").to_owned(),
        ));
    }
    let (doc, bytes) = db
        .source_documents()
        .get(source.id)
        .await?
        .ok_or(WebError::NotFound)?;
    // The name as stored came from a file system: keep it to safe characters in the header.
    let safe: String = doc
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let media_type = match doc.media_type.as_str() {
        "text/plain" | "text/markdown" => format!("{}; charset=utf-8", doc.media_type),
        other => other.to_owned(),
    };
    // Text imported in another encoding is served as stored: the bytes are the original.
    let media_type = if doc.media_type.starts_with("text/") && std::str::from_utf8(&bytes).is_err()
    {
        "application/octet-stream".to_owned()
    } else {
        media_type
    };
    Ok((
        [
            (header::CONTENT_TYPE, media_type),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{safe}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

pub const PER_PAGE: i64 = 50;

#[derive(Deserialize)]
pub struct ListQuery {
    body: Option<String>,
    year: Option<String>,
    page: Option<String>,
}

#[derive(Template)]
#[template(path = "meetings/list.html")]
struct ListPage {
    title: &'static str,
    /// Tick boxes and lifecycle buttons (the secretariat).
    bulk: bool,
    /// The chosen body's calendar of upcoming meetings.
    calendar_href: Option<String>,
    /// The viewer writes minutes (the secretariat, regional focal points).
    may_write: bool,
    nav: &'static str,
    ui: crate::accounts::Ui,
    bodies: Vec<Choice>,
    years: Vec<Choice>,
    filtered: bool,
    meetings: Vec<MeetingRow>,
    pager: Pager,
}

async fn list(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    PageQuery(q): PageQuery<ListQuery>,
) -> Result<Html<String>, WebError> {
    let body = params::text("body", &q.body)?;
    let year = params::year("year", &q.year)?;
    let page = params::page("page", &q.page)?;
    let filter = MeetingFilter {
        body: body.clone(),
        year,
        audience: who.audience(),
        paging: Paging::page(PER_PAGE, Pager::offset(page, PER_PAGE)),
    };
    let db = &state.store;
    let (choices, meetings) = tokio::try_join!(
        state.cache.meeting_choices(db, who.audience()),
        db.meetings().list(&filter)
    )?;
    let filters = [
        ("body", body.clone().unwrap_or_default()),
        ("year", year.map(|y| y.to_string()).unwrap_or_default()),
    ];
    let page = ListPage {
        title: crate::language::t("nav-meetings"),
        nav: "meetings",
        bulk: who.viewer().is_secretariat(),
        may_write: who.account().is_some_and(|a| {
            matches!(
                a.role,
                cadre_domain::Role::Administrator
                    | cadre_domain::Role::Secretariat
                    | cadre_domain::Role::RegionalFocalPoint
            ) && !a.disabled
        }),
        calendar_href: body.as_ref().and_then(|code| {
            choices
                .bodies
                .iter()
                .any(|b| &b.body.code == code)
                .then(|| format!("/calendar/{}.ics", crate::view::url_encode(code)))
        }),
        ui: who.ui(),
        bodies: choices.body_options(body.as_deref(), true),
        years: choices.year_options(year),
        filtered: body.is_some() || year.is_some(),
        pager: Pager::new(
            "/meetings",
            &filters,
            page,
            PER_PAGE,
            meetings.total,
            meetings.items.len(),
        ),
        meetings: meetings.items.iter().map(MeetingRow::new).collect(),
    };
    render(&page)
}

struct AttendeeRow {
    organisation_id: i64,
    organisation: String,
    acronym: Option<String>,
    person_name: Option<String>,
}

struct AgendaRow {
    id: i64,
    /// "1." or nothing for the opening item.
    number: String,
    title: String,
    presenter: Option<String>,
    discussion: String,
    actions: Vec<ActionRow>,
    /// The canevas' own "Coordination prochaines étapes", written as an agenda item: the next
    /// meeting is shown in it rather than under a second heading of the same name.
    next_steps: bool,
}

/// A narrative part of a session report (opening, a part with no agenda item of its own).
struct NarrativeSection {
    heading: String,
    text: String,
}

struct RecommendationRow {
    id: i64,
    position: u32,
    text: String,
    implementation_status: Option<String>,
    challenges: Option<String>,
    perspectives: Option<String>,
}

/// Recommendations of one scope and thematic group within a roadmap.
struct RecommendationSection {
    heading: String,
    has_status: bool,
    has_challenges: bool,
    has_perspectives: bool,
    items: Vec<RecommendationRow>,
}

struct RoadmapGroup {
    roadmap: String,
    sections: Vec<RecommendationSection>,
}

struct SourceRow {
    file_name: String,
    media_type: String,
    sha256: String,
    size: i64,
    published: bool,
}

/// One canevas field of a draft: what the reader found and what it warned about.
struct FindingRow {
    field: &'static str,
    found: String,
    warnings: Vec<String>,
}

/// A canevas field's name in the page's language.
/// A finding as the page shows it, with how the value was found when the import said.
pub(crate) fn with_how(f: &cadre_domain::FieldFinding) -> String {
    let found = note_text("finding", f.code.as_deref(), &f.args, &f.found);
    match f.found_by() {
        Some(how) => cadre_i18n::tf(
            crate::language::current(),
            "finding-with-how",
            &[
                ("found", found.into()),
                (
                    "how",
                    crate::language::t(&format!("found-by-{}", how.as_str())).into(),
                ),
            ],
        ),
        None => found,
    }
}

pub(crate) fn field_label(field: &str) -> &'static str {
    let key = match field {
        "body" | "title" | "date" | "time" | "place" | "modality" | "attendance" | "agenda"
        | "action_points" | "next_meeting" | "rapporteur" | "recommendations" | "document"
        | "unplaced_text" => format!("field-{}", field.replace('_', "-")),
        _ => "field-other".to_owned(),
    };
    crate::language::t(&key)
}

/// Codes of the warnings that keep a session report's narrative parts: shown as sections.
const NARRATIVE: [&str; 3] = ["report-opening", "report-part", "report-annex-heading"];

fn narrative_sections(m: &Meeting) -> Vec<NarrativeSection> {
    m.warnings
        .iter()
        .filter(|w| w.code.as_deref().is_some_and(|c| NARRATIVE.contains(&c)))
        .filter_map(|w| {
            let heading = match w.code.as_deref() {
                Some("report-part") => w.args.get("part")?.clone(),
                Some("report-opening") => crate::language::t("report-section-opening").to_owned(),
                _ => crate::language::t("report-section-annex").to_owned(),
            };
            Some(NarrativeSection {
                heading,
                text: w.text.clone()?,
            })
        })
        .collect()
}

fn finding_rows(m: &Meeting) -> Vec<FindingRow> {
    let mut rows: Vec<FindingRow> = m
        .findings
        .iter()
        .map(|f| FindingRow {
            field: field_label(&f.field),
            found: with_how(f),
            warnings: Vec::new(),
        })
        .collect();
    for w in &m.warnings {
        if w.code.as_deref().is_some_and(|c| NARRATIVE.contains(&c)) {
            continue;
        }
        let label = field_label(&w.field);
        let message = note_text("warning", w.code.as_deref(), &w.args, &w.message);
        let text = match &w.text {
            Some(t) => format!("{message} « {t} »"),
            None => message,
        };
        match rows.iter_mut().find(|r| r.field == label) {
            Some(row) => row.warnings.push(text),
            None => rows.push(FindingRow {
                field: label,
                found: String::new(),
                warnings: vec![text],
            }),
        }
    }
    rows
}

/// Whether an agenda item is the canevas' "Coordination prochaines étapes".
fn is_next_steps(title: &str) -> bool {
    let folded = cadre_domain::text::match_key(title);
    folded.contains("prochainesetapes") || folded.contains("nextsteps")
}

#[derive(Template)]
#[template(path = "meetings/meeting.html")]
struct ShowPage {
    title: String,
    /// The meeting's own title, as the document wrote it.
    heading: String,
    nav: &'static str,
    ui: crate::accounts::Ui,
    kind: &'static str,
    body: String,
    body_code: String,
    date: String,
    hours: Option<String>,
    place: Option<String>,
    modality: &'static str,
    attendance: Vec<AttendeeRow>,
    function_attendees: Vec<cadre_domain::FunctionAttendee>,
    agenda: Vec<AgendaRow>,
    next_meeting_as_written: Option<String>,
    next_meeting_date: Option<String>,
    rapporteur: Option<String>,
    roadmaps: Vec<RoadmapGroup>,
    recommendations_total: i64,
    recommendations_shown: usize,
    /// "40 recommandations affichées sur 61."
    recommendations_note: String,
    source: Option<SourceRow>,
    id: i64,
    draft: bool,
    /// Validated, not yet published.
    unpublished: bool,
    published: bool,
    findings: Vec<FindingRow>,
    narrative: Vec<NarrativeSection>,
    /// An agenda item is the canevas' "Coordination prochaines étapes": the next meeting is
    /// shown there, not under a heading of its own.
    next_steps_in_agenda: bool,
    /// The still-pending action points of the body's previous meeting.
    previous_pending: Vec<ActionRow>,
    /// Attendees' contacts: filled for the secretariat only.
    contacts: Vec<cadre_domain::Person>,
    /// Whether the viewer may download an original that names people.
    sees_contacts: bool,
    /// A draft the viewer may correct (the secretariat, its region's focal point).
    may_correct: bool,
    /// The meeting's history (import, validation…), for signed-in readers.
    history: Vec<HistoryRow>,
}

/// One entry of a record's history as shown.
pub struct HistoryRow {
    pub at: String,
    pub actor: String,
    pub action: &'static str,
}

fn history_label(action: &str) -> &'static str {
    crate::language::t(match action {
        "import" => "meeting-history-import",
        "create" => "meeting-history-create",
        "validate" => "meeting-history-validate",
        "publish" => "meeting-history-publish",
        "withdraw" => "meeting-history-withdraw",
        "edit" => "meeting-history-edit",
        _ => "meeting-history-other",
    })
}

/// Everything a meeting's minutes show, as the audience may read it.
pub(super) struct Minutes {
    pub meeting: Meeting,
    pub recommendations: Page<Recommendation>,
    /// The previous meeting's pending action points, as published.
    pub previous_pending: Vec<cadre_domain::ActionPoint>,
}

pub(super) async fn load_minutes(
    db: &cadre_storage::Store,
    id: cadre_domain::MeetingId,
    audience: cadre_domain::Audience,
    filter: &RecommendationFilter,
) -> Result<Minutes, WebError> {
    let (meeting, previous_pending) = tokio::try_join!(
        crate::published::meeting(db, id, audience),
        db.action_points()
            .pending_from_previous_meeting(id, audience)
    )?;
    let meeting = meeting.ok_or(WebError::NotFound)?;
    // Sessions adopt recommendations; GTM minutes have action points instead. Most pages are
    // minutes, so they skip a query (two statements) that could only come back empty.
    let recommendations = if meeting.kind == MeetingKind::WorkingGroupMinutes {
        Page {
            items: Vec::new(),
            total: 0,
        }
    } else {
        crate::published::recommendations(db, filter).await?
    };
    Ok(Minutes {
        meeting,
        recommendations,
        previous_pending: previous_pending
            .into_iter()
            .map(cadre_domain::ActionPoint::for_publication)
            .collect(),
    })
}

/// At most this many recommendations on one meeting's page (a session adopts a few dozen).
pub(super) const MAX_RECOMMENDATIONS: i64 = 500;

async fn show(
    State(state): State<AppState>,
    who: crate::accounts::Who,
    Path(id): Path<String>,
) -> Result<Html<String>, WebError> {
    // A malformed id names no meeting: 404, as for an unknown one.
    let id = params::path_id("id", id).map_err(|_| WebError::NotFound)?;
    let db = &state.store;
    let filter = RecommendationFilter {
        meeting: Some(id),
        audience: who.audience(),
        paging: Paging::page(MAX_RECOMMENDATIONS, 0),
        ..Default::default()
    };
    let Minutes {
        meeting,
        recommendations,
        previous_pending,
    } = load_minutes(db, id, who.audience(), &filter).await?;
    let minutes_region = meeting.body.region.clone();
    let today = crate::today();
    let previous_pending = previous_pending
        .iter()
        .map(|a| ActionRow::new(a, today))
        .collect();
    let shown = recommendations.items.len();
    let mut page = show_page(
        &who,
        meeting,
        group_recommendations(&recommendations.items),
        recommendations.total,
        shown,
    );
    page.may_correct = page.draft && who.viewer().may_write_minutes(minutes_region.as_deref());
    page.previous_pending = previous_pending;
    if who.viewer().is_signed_in() {
        page.history = db
            .audit()
            .history(cadre_storage::RecordKind::Meeting, id.get())
            .await?
            .iter()
            .rev()
            .map(|e| HistoryRow {
                at: e.at.format("%d/%m/%Y %H:%M UTC").to_string(),
                actor: e.actor.clone(),
                action: history_label(&e.action),
            })
            .collect();
    }
    if who.viewer().sees_personal_contacts() {
        // The secretariat's own page: contacts shown as stored, never cached (signed in).
        page.contacts = db.meetings().attendee_contacts(id).await?;
        page.sees_contacts = true;
        return crate::published::render_private(&page, true);
    }
    render(&page)
}

fn show_page(
    who: &crate::accounts::Who,
    m: Meeting,
    roadmaps: Vec<RoadmapGroup>,
    total: i64,
    shown: usize,
) -> ShowPage {
    let today = crate::today();
    ShowPage {
        title: format!("{} – {}", m.body.name, date_text(m.date)),
        heading: m.title.clone(),
        nav: "meetings",
        ui: who.ui(),
        kind: crate::language::label("meeting-kind", m.kind.as_str()),
        body: m.body.name.clone(),
        body_code: m.body.code.clone(),
        date: date_text(m.date),
        hours: hours(m.start_time, m.end_time),
        place: m.place.clone(),
        modality: crate::language::label("modality", m.modality.as_str()),
        attendance: m
            .attendance
            .iter()
            .map(|a| AttendeeRow {
                organisation_id: a.organisation_id.get(),
                organisation: a.organisation.clone(),
                acronym: a.organisation_acronym.clone(),
                person_name: a.person_name.clone(),
            })
            .collect(),
        function_attendees: m.function_attendees.clone(),
        agenda: m
            .agenda
            .iter()
            .map(|item| AgendaRow {
                id: item.id.get(),
                number: if item.number == 0 {
                    String::new()
                } else {
                    format!("{}.", item.number)
                },
                next_steps: is_next_steps(&item.title),
                title: item.title.clone(),
                presenter: item.presenter.clone(),
                discussion: item.discussion.trim().to_owned(),
                actions: item
                    .action_points
                    .iter()
                    .map(|a| ActionRow::new(a, today))
                    .collect(),
            })
            .collect(),
        next_meeting_as_written: m
            .next_meeting
            .as_ref()
            .map(|n| n.as_written.clone())
            .filter(|s| !s.is_empty()),
        next_meeting_date: m.next_meeting.as_ref().and_then(|n| {
            n.date
                .map(|d| match n.time {
                    Some(t) => cadre_i18n::tf(
                        crate::language::current(),
                        "at-time",
                        &[("day", date_text(d).into()), ("time", time_text(t).into())],
                    ),
                    None => date_text(d),
                })
                .or_else(|| {
                    n.month.map(|m| {
                        cadre_i18n::tf(
                            crate::language::current(),
                            "meeting-next-in-month",
                            &[(
                                "month",
                                cadre_i18n::month_year(
                                    crate::language::current(),
                                    m.year,
                                    m.month - 1,
                                )
                                .into(),
                            )],
                        )
                    })
                })
        }),
        rapporteur: m.rapporteur.clone(),
        roadmaps,
        recommendations_total: total,
        recommendations_shown: shown,
        recommendations_note: cadre_i18n::tf(
            crate::language::current(),
            "meeting-recommendations-shown",
            &[("shown", shown.into()), ("total", total.into())],
        ),
        source: m.source.as_ref().map(|s| SourceRow {
            file_name: s.file_name.clone(),
            media_type: s.media_type.clone(),
            sha256: s.sha256.clone(),
            size: s.size,
            published: !s.personal_data,
        }),
        id: m.id.get(),
        draft: m.status == MeetingStatus::Draft,
        unpublished: m.status == MeetingStatus::Validated,
        published: m.status == MeetingStatus::Published,
        findings: finding_rows(&m),
        narrative: narrative_sections(&m),
        next_steps_in_agenda: m.agenda.iter().any(|i| is_next_steps(&i.title)),
        previous_pending: Vec::new(),
        contacts: Vec::new(),
        sees_contacts: false,
        may_correct: false,
        history: Vec::new(),
    }
}

/// Groups recommendations (already ordered by roadmap and position) by roadmap, then by scope and
/// thematic group, keeping the order in which they come.
fn group_recommendations(items: &[Recommendation]) -> Vec<RoadmapGroup> {
    let mut groups: Vec<RoadmapGroup> = Vec::new();
    for r in items {
        let lang = crate::language::current();
        let scope = crate::language::label("recommendation-scope", r.scope.as_str());
        let heading = match r.thematic_group.as_deref() {
            Some(g) => cadre_i18n::tf(
                lang,
                "recs-section-group",
                &[("scope", scope.into()), ("group", g.into())],
            ),
            None => cadre_i18n::tf(lang, "recs-section", &[("scope", scope.into())]),
        };
        let group = match groups.iter_mut().position(|g| g.roadmap == r.roadmap) {
            Some(i) => &mut groups[i],
            None => {
                groups.push(RoadmapGroup {
                    roadmap: r.roadmap.clone(),
                    sections: Vec::new(),
                });
                groups.last_mut().expect("just pushed")
            }
        };
        let section = match group.sections.iter().position(|s| s.heading == heading) {
            Some(i) => &mut group.sections[i],
            None => {
                group.sections.push(RecommendationSection {
                    heading,
                    has_status: false,
                    has_challenges: false,
                    has_perspectives: false,
                    items: Vec::new(),
                });
                group.sections.last_mut().expect("just pushed")
            }
        };
        section.has_status |= r.implementation_status.is_some();
        section.has_challenges |= r.challenges.is_some();
        section.has_perspectives |= r.perspectives.is_some();
        section.items.push(RecommendationRow {
            id: r.id.get(),
            position: r.position,
            text: r.text.clone(),
            implementation_status: r.implementation_status.clone(),
            challenges: r.challenges.clone(),
            perspectives: r.perspectives.clone(),
        });
    }
    groups
}
