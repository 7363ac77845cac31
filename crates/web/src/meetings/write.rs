//! Minutes written in Cadre, in the canevas: `GET /meetings/new` shows the form, `POST
//! /meetings/new` saves a draft (or, for the buttons that add a row, shows the form again with
//! one more agenda item or action point: no script needed). The secretariat writes for every
//! body, a regional focal point for its region's; the minutes start as a draft, to be
//! validated and published like imported ones.
//!
//! Field names: `body`, `title`, `date`, `start`, `end`, `modality`, `place`, `attendance`
//! (one organisation per line, "Organisation — Person" when a person is named), `next`,
//! `rapporteur`; agenda items `item-{i}-title|presenter|discussion`, their action points
//! `item-{i}-ap-{j}-what|who|deadline`; `items` and `item-{i}-aps` count the rows shown.

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cadre_domain::{
    ActionStatus, Audience, Deadline, DeadlineMeaning, MeetingKind, Modality, NewActionPoint,
    NewAgendaItem, NewAttendee, NewBody, NewMeeting, NextMeeting,
};
use cadre_storage::{ActionPointFilter, BodyWithCount, MeetingFilter, Paging};
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;

use crate::AppState;
use crate::accounts::Who;
use crate::error::WebError;
use crate::language::t;
use crate::published::render_private;
use crate::view::{ActionRow, Choice};

/// Rows a form may hold: far more than any minutes, few enough to bound a request.
const MAX_ITEMS: usize = 40;
const MAX_ACTIONS: usize = 40;
const MAX_FIELD_CHARS: usize = 20_000;

/// One action point as typed.
#[derive(Debug, Clone, Default)]
struct ActionDraft {
    what: String,
    who: String,
    deadline: String,
}

/// One agenda item as typed.
#[derive(Debug, Clone, Default)]
struct ItemDraft {
    title: String,
    presenter: String,
    discussion: String,
    actions: Vec<ActionDraft>,
}

/// The form as typed: kept whole when it is shown again.
#[derive(Debug, Clone, Default)]
struct MinutesDraft {
    body: String,
    title: String,
    date: String,
    start: String,
    end: String,
    modality: String,
    place: String,
    attendance: String,
    next: String,
    rapporteur: String,
    items: Vec<ItemDraft>,
}

impl MinutesDraft {
    /// Reads the form's fields; rows beyond the limits are dropped.
    fn read(fields: &HashMap<String, String>) -> MinutesDraft {
        let get = |name: &str| -> String {
            fields
                .get(name)
                .map(|v| v.chars().take(MAX_FIELD_CHARS).collect())
                .unwrap_or_default()
        };
        let count = |name: &str, max: usize| -> usize {
            fields
                .get(name)
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, max)
        };
        let items = (0..count("items", MAX_ITEMS))
            .map(|i| ItemDraft {
                title: get(&format!("item-{i}-title")),
                presenter: get(&format!("item-{i}-presenter")),
                discussion: get(&format!("item-{i}-discussion")),
                actions: (0..count(&format!("item-{i}-aps"), MAX_ACTIONS))
                    .map(|j| ActionDraft {
                        what: get(&format!("item-{i}-ap-{j}-what")),
                        who: get(&format!("item-{i}-ap-{j}-who")),
                        deadline: get(&format!("item-{i}-ap-{j}-deadline")),
                    })
                    .collect(),
            })
            .collect();
        MinutesDraft {
            body: get("body"),
            title: get("title"),
            date: get("date"),
            start: get("start"),
            end: get("end"),
            modality: get("modality"),
            place: get("place"),
            attendance: get("attendance"),
            next: get("next"),
            rapporteur: get("rapporteur"),
            items,
        }
    }
}

impl MinutesDraft {
    /// Adds the row a button asked for (`add=item`, `add=ap-{i}`); false when the form was
    /// submitted to be saved.
    fn add_row(&mut self, add: Option<&str>) -> bool {
        match add {
            None => false,
            Some("item") => {
                if self.items.len() < MAX_ITEMS {
                    self.items.push(ItemDraft {
                        actions: vec![ActionDraft::default()],
                        ..Default::default()
                    });
                }
                true
            }
            Some(add) => {
                if let Some(item) = add
                    .strip_prefix("ap-")
                    .and_then(|i| i.parse::<usize>().ok())
                    .and_then(|i| self.items.get_mut(i))
                    && item.actions.len() < MAX_ACTIONS
                {
                    item.actions.push(ActionDraft::default());
                }
                true
            }
        }
    }

    /// Stored minutes, as the form shows them for correction.
    fn from_meeting(m: &cadre_domain::Meeting) -> MinutesDraft {
        let hm =
            |t: Option<NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
        MinutesDraft {
            body: m.body.code.clone(),
            title: m.title.clone(),
            date: m.date.format("%Y-%m-%d").to_string(),
            start: hm(m.start_time),
            end: hm(m.end_time),
            modality: m.modality.as_str().to_owned(),
            place: m.place.clone().unwrap_or_default(),
            attendance: m
                .attendance
                .iter()
                .map(|a| match &a.person_name {
                    Some(p) => format!("{} — {p}", a.as_written),
                    None => a.as_written.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
            next: m
                .next_meeting
                .as_ref()
                .map(|n| n.as_written.clone())
                .unwrap_or_default(),
            rapporteur: m.rapporteur.clone().unwrap_or_default(),
            items: m
                .agenda
                .iter()
                .map(|i| ItemDraft {
                    title: i.title.clone(),
                    presenter: i.presenter.clone().unwrap_or_default(),
                    discussion: i.discussion.clone(),
                    actions: if i.action_points.is_empty() {
                        vec![ActionDraft::default()]
                    } else {
                        i.action_points
                            .iter()
                            .map(|a| ActionDraft {
                                what: a.what.clone(),
                                who: a.responsible_as_written.clone(),
                                deadline: a.deadline.as_written.clone(),
                            })
                            .collect()
                    },
                })
                .collect(),
        }
    }
}

/// Correcting stored minutes: which, on which version, and what the import noted, field by
/// field, to show beside each field.
struct Correction {
    id: i64,
    version: i64,
    /// (field, what the reader found and warned about).
    notes: Vec<(&'static str, Vec<String>)>,
    /// The fields the import inferred or assumed rather than read under their label.
    check_first: Vec<&'static str>,
    has_original: bool,
    /// Why the save was refused (changed meanwhile, no longer a draft…).
    refusal: Option<String>,
}

/// A field the form could not take, and why (in the page's language).
#[derive(Debug, Clone)]
struct FieldError {
    field: &'static str,
    message: String,
}

fn time_of(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .ok()
        .or_else(|| cadre_domain::parse_time_range(text).0)
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The responsible organisations of a cell as typed: "SP/CCM, DRECM-R et OIM".
fn responsible(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .flat_map(|part| part.split(" et "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What the typed deadline will be read as, said back beside the field.
fn deadline_meaning(text: &str, meeting: Option<NaiveDate>) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let lang = crate::language::current();
    let deadline = Deadline::parse(text);
    Some(match deadline.meaning {
        DeadlineMeaning::None => t("deadline-none").to_owned(),
        DeadlineMeaning::AsSoonAsPossible => match meeting
            .map(|d| d + chrono::Duration::days(cadre_domain::dates::AS_SOON_AS_POSSIBLE_DAYS))
        {
            Some(day) => cadre_i18n::tf(
                lang,
                "deadline-asap-late-after",
                &[("day", cadre_i18n::date(lang, day).into())],
            ),
            None => t("write-deadline-asap").to_owned(),
        },
        DeadlineMeaning::AtEvent => t("deadline-at-event").to_owned(),
        DeadlineMeaning::Ongoing => t("deadline-ongoing").to_owned(),
        _ => match deadline.due_by() {
            Some(day) => cadre_i18n::tf(
                lang,
                "deadline-due-by",
                &[("day", cadre_i18n::date(lang, day).into())],
            ),
            None => t("deadline-none").to_owned(),
        },
    })
}

/// The minutes to store, or what is wrong with the form.
fn to_meeting(draft: &MinutesDraft, bodies: &[NewBody]) -> Result<NewMeeting, Vec<FieldError>> {
    let mut errors = Vec::new();
    let body = bodies.iter().find(|b| b.code == draft.body.trim());
    if body.is_none() {
        errors.push(FieldError {
            field: "body",
            message: t("write-error-body").to_owned(),
        });
    }
    let date = NaiveDate::parse_from_str(draft.date.trim(), "%Y-%m-%d").ok();
    if date.is_none() {
        errors.push(FieldError {
            field: "date",
            message: t("write-error-date").to_owned(),
        });
    }
    let (start, end) = (time_of(&draft.start), time_of(&draft.end));
    for (field, text, parsed) in [("start", &draft.start, start), ("end", &draft.end, end)] {
        if !text.trim().is_empty() && parsed.is_none() {
            errors.push(FieldError {
                field,
                message: t("write-error-time").to_owned(),
            });
        }
    }
    let modality = Modality::parse(draft.modality.trim()).unwrap_or(Modality::InPerson);
    for (i, item) in draft.items.iter().enumerate() {
        let has_actions = item.actions.iter().any(|a| !a.what.trim().is_empty());
        if item.title.trim().is_empty() && (has_actions || !item.discussion.trim().is_empty()) {
            errors.push(FieldError {
                field: ITEM_TITLE_FIELDS[i.min(ITEM_TITLE_FIELDS.len() - 1)],
                message: t("write-error-item-title").to_owned(),
            });
        }
    }
    let (Some(body), Some(date), true) = (body, date, errors.is_empty()) else {
        return Err(errors);
    };
    let new_body = body.clone();
    let kind = if body.code == "ccm" {
        MeetingKind::SessionReport
    } else if body.code.starts_with("crcm") {
        MeetingKind::RegionalSession
    } else {
        MeetingKind::WorkingGroupMinutes
    };
    let title = optional(&draft.title).unwrap_or_else(|| {
        cadre_i18n::tf(
            cadre_i18n::Lang::Fr,
            "write-default-title",
            &[
                ("body", body.name.as_str().into()),
                ("day", cadre_i18n::date(cadre_i18n::Lang::Fr, date).into()),
            ],
        )
    });
    let mut m = NewMeeting::new(new_body, kind, title, date);
    m.start_time = start;
    m.end_time = end;
    m.modality = modality;
    m.place = optional(&draft.place);
    m.attendance = draft
        .attendance
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (organisation, person) = match line.split_once(['—', '–']) {
                Some((o, p)) => (o.trim(), optional(p)),
                None => (line, None),
            };
            NewAttendee {
                person_name: person,
                ..NewAttendee::organisation(organisation)
            }
        })
        .collect();
    let mut number = 0;
    m.agenda = draft
        .items
        .iter()
        .filter(|i| !i.title.trim().is_empty())
        .map(|item| {
            number += 1;
            NewAgendaItem {
                number,
                title: item.title.trim().to_owned(),
                presenter: optional(&item.presenter),
                discussion: item.discussion.trim().to_owned(),
                action_points: item
                    .actions
                    .iter()
                    .filter(|a| !a.what.trim().is_empty())
                    .map(|a| NewActionPoint {
                        what: a.what.trim().to_owned(),
                        responsible: responsible(&a.who),
                        deadline: Deadline::parse(a.deadline.trim()),
                        status: ActionStatus::Open,
                    })
                    .collect(),
            }
        })
        .collect();
    m.next_meeting = optional(&draft.next).map(|n| NextMeeting::parse_after(&n, date));
    m.rapporteur = optional(&draft.rapporteur);
    Ok(m)
}

/// Field names of the first agenda items' titles, for error messages that point at them.
const ITEM_TITLE_FIELDS: [&str; 4] = [
    "item-0-title",
    "item-1-title",
    "item-2-title",
    "item-n-title",
];

struct ActionView {
    what: String,
    who: String,
    deadline: String,
    /// What the deadline will be read as.
    meaning: Option<String>,
}

struct ItemView {
    index: usize,
    title: String,
    presenter: String,
    discussion: String,
    actions: Vec<ActionView>,
}

#[derive(Template)]
#[template(path = "meetings/write.html")]
struct WritePage {
    title: &'static str,
    nav: &'static str,
    ui: crate::accounts::Ui,
    bodies: Vec<Choice>,
    draft: MinutesDraft,
    in_person: bool,
    items: Vec<ItemView>,
    errors: Vec<FieldError>,
    /// The chosen body's previous meeting's pending action points.
    follow_up: Vec<ActionRow>,
    follow_up_from: Option<(i64, String)>,
    correction: Option<Correction>,
    /// Known organisations, offered as one types a responsible organisation.
    organisations: Vec<String>,
}

impl WritePage {
    /// What the import read and warned about for a field, when correcting.
    fn notes(&self, field: &str) -> Vec<String> {
        self.correction
            .as_ref()
            .and_then(|c| c.notes.iter().find(|(f, _)| *f == field))
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }

    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

#[derive(Deserialize)]
pub struct NewQuery {
    body: Option<String>,
}

/// The bodies the viewer writes minutes for: those Cadre knows, and the GTM of every region
/// (a region's first minutes create its GTM).
async fn writable_bodies(state: &AppState, who: &Who) -> Result<Vec<NewBody>, WebError> {
    who.require()?;
    let mut bodies: Vec<NewBody> = state
        .store
        .bodies()
        .list(Audience::Internal)
        .await?
        .into_iter()
        .map(|b: BodyWithCount| NewBody {
            code: b.body.code,
            name: b.body.name,
            level: b.body.level,
            region: b.body.region,
        })
        .collect();
    for region in cadre_domain::REGIONS {
        let gtm = NewBody::gtm(region);
        if !bodies.iter().any(|b| b.code == gtm.code) {
            bodies.push(gtm);
        }
    }
    bodies.sort_by(|a, b| a.name.cmp(&b.name));
    bodies.retain(|b| who.viewer().may_write_minutes(b.region.as_deref()));
    if bodies.is_empty() {
        return Err(WebError::Forbidden(t("write-forbidden").to_owned()));
    }
    Ok(bodies)
}

async fn page(
    state: &AppState,
    who: &Who,
    bodies: &[NewBody],
    draft: MinutesDraft,
    errors: Vec<FieldError>,
    status: StatusCode,
    correction: Option<Correction>,
) -> Result<Response, WebError> {
    let meeting_date = NaiveDate::parse_from_str(draft.date.trim(), "%Y-%m-%d").ok();
    // The follow-up table: the still-pending points of the body's latest meeting.
    let (follow_up, follow_up_from) = match bodies.iter().find(|b| b.code == draft.body) {
        Some(b) => {
            let latest = state
                .store
                .meetings()
                .list(&MeetingFilter {
                    body: Some(b.code.clone()),
                    audience: Audience::Internal,
                    paging: Paging::page(1, 0),
                    ..Default::default()
                })
                .await?;
            match latest.items.first() {
                Some(previous) => {
                    let points = state
                        .store
                        .action_points()
                        .list(&ActionPointFilter {
                            meeting: Some(previous.id),
                            audience: Audience::Internal,
                            paging: Paging::all(),
                            ..Default::default()
                        })
                        .await?;
                    let today = crate::today();
                    (
                        points
                            .items
                            .into_iter()
                            .filter(|p| p.status.is_pending())
                            .map(|p| ActionRow::new(&p.for_publication(), today))
                            .collect(),
                        Some((previous.id.get(), crate::view::date_text(previous.date))),
                    )
                }
                None => (Vec::new(), None),
            }
        }
        None => (Vec::new(), None),
    };
    let items = draft
        .items
        .iter()
        .enumerate()
        .map(|(index, item)| ItemView {
            index,
            title: item.title.clone(),
            presenter: item.presenter.clone(),
            discussion: item.discussion.clone(),
            actions: item
                .actions
                .iter()
                .map(|a| ActionView {
                    what: a.what.clone(),
                    who: a.who.clone(),
                    deadline: a.deadline.clone(),
                    meaning: deadline_meaning(&a.deadline, meeting_date),
                })
                .collect(),
        })
        .collect();
    let page = WritePage {
        title: if correction.is_some() {
            t("correct-title")
        } else {
            t("write-title")
        },
        nav: "meetings",
        ui: who.ui(),
        bodies: bodies
            .iter()
            .map(|b| Choice {
                value: b.code.clone(),
                label: b.name.clone(),
                selected: b.code == draft.body,
            })
            .collect(),
        in_person: draft.modality != "virtual",
        items,
        errors,
        follow_up,
        follow_up_from,
        correction,
        organisations: state
            .store
            .organisations()
            .list(Audience::Internal)
            .await?
            .into_iter()
            .map(|o| o.organisation.acronym.unwrap_or(o.organisation.name))
            .collect(),
        draft,
    };
    // The form shows the writer what they typed, contacts included.
    Ok((status, render_private(&page, true)?).into_response())
}

pub async fn form(
    State(state): State<AppState>,
    who: Who,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let bodies = writable_bodies(&state, &who).await?;
    let draft = MinutesDraft {
        body: q.body.unwrap_or_default(),
        date: crate::today().format("%Y-%m-%d").to_string(),
        items: vec![ItemDraft {
            actions: vec![ActionDraft::default()],
            ..Default::default()
        }],
        ..Default::default()
    };
    page(
        &state,
        &who,
        &bodies,
        draft,
        Vec::new(),
        StatusCode::OK,
        None,
    )
    .await
}

pub async fn save(
    State(state): State<AppState>,
    who: Who,
    body: Bytes,
) -> Result<Response, WebError> {
    let fields: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    who.check_csrf(fields.get("csrf").map_or("", String::as_str))?;
    let bodies = writable_bodies(&state, &who).await?;
    let mut draft = MinutesDraft::read(&fields);
    // A button that adds a row shows the form again, with everything typed kept.
    if draft.add_row(fields.get("add").map(String::as_str)) {
        return page(
            &state,
            &who,
            &bodies,
            draft,
            Vec::new(),
            StatusCode::OK,
            None,
        )
        .await;
    }
    let meeting = match to_meeting(&draft, &bodies) {
        Ok(m) => m,
        Err(errors) => {
            return page(
                &state,
                &who,
                &bodies,
                draft,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await;
        }
    };
    let id = state
        .store
        .meetings()
        .import(&meeting, &who.actor()?)
        .await?
        .meeting_id();
    let mut r = Redirect::to(&format!("/meetings/{id}")).into_response();
    *r.status_mut() = StatusCode::SEE_OTHER;
    Ok(r)
}

/// The draft to correct, if the viewer may: the secretariat, or the focal point of its region.
async fn correctable(
    state: &AppState,
    who: &Who,
    id: &str,
) -> Result<cadre_domain::Meeting, WebError> {
    who.require()?;
    let id = crate::params::path_id("id", id.to_owned()).map_err(|_| WebError::NotFound)?;
    let meeting = state
        .store
        .meetings()
        .get(id)
        .await?
        .ok_or(WebError::NotFound)?;
    if !who
        .viewer()
        .may_write_minutes(meeting.body.region.as_deref())
    {
        return Err(WebError::Forbidden(t("write-forbidden").to_owned()));
    }
    Ok(meeting)
}

/// What the import noted for each field of the form (its findings, then its warnings), in
/// the page's language.
fn import_notes(m: &cadre_domain::Meeting) -> Vec<(&'static str, Vec<String>)> {
    let lang = crate::language::current();
    // The form's fields and the canevas fields the import notes on.
    const FIELDS: [(&str, &[&str]); 8] = [
        ("body", &["body"]),
        ("title", &["title"]),
        ("date", &["date"]),
        ("start", &["time"]),
        ("place", &["place", "modality"]),
        ("attendance", &["attendance"]),
        ("agenda", &["agenda", "action_points", "unplaced_text"]),
        ("next", &["next_meeting", "rapporteur"]),
    ];
    FIELDS
        .iter()
        .map(|(form_field, fields)| {
            let mut notes: Vec<String> = m
                .findings
                .iter()
                .filter(|f| fields.contains(&f.field.as_str()))
                .map(|f| {
                    cadre_i18n::tf(
                        lang,
                        "correct-read",
                        &[("found", super::pages::with_how(f).into())],
                    )
                })
                .collect();
            notes.extend(
                m.warnings
                    .iter()
                    .filter(|w| fields.contains(&w.field.as_str()))
                    .map(|w| {
                        crate::view::note_text("warning", w.code.as_deref(), &w.args, &w.message)
                    }),
            );
            (*form_field, notes)
        })
        .collect()
}

/// The fields whose value the import inferred or assumed: a person checks them first.
fn check_first(m: &cadre_domain::Meeting) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for f in &m.findings {
        if f.found_by().is_some_and(|h| h.needs_checking()) {
            let label = super::pages::field_label(&f.field);
            if !out.contains(&label) {
                out.push(label);
            }
        }
    }
    out
}

fn correction_of(m: &cadre_domain::Meeting, version: i64, refusal: Option<String>) -> Correction {
    Correction {
        id: m.id.get(),
        version,
        check_first: check_first(m),
        notes: import_notes(m),
        has_original: m.source.is_some(),
        refusal,
    }
}

pub async fn correct_form(
    State(state): State<AppState>,
    who: Who,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Response, WebError> {
    let meeting = correctable(&state, &who, &id).await?;
    let bodies = writable_bodies(&state, &who).await?;
    let draft = MinutesDraft::from_meeting(&meeting);
    let correction = correction_of(&meeting, meeting.version, None);
    page(
        &state,
        &who,
        &bodies,
        draft,
        Vec::new(),
        StatusCode::OK,
        Some(correction),
    )
    .await
}

pub async fn correct(
    State(state): State<AppState>,
    who: Who,
    axum::extract::Path(id): axum::extract::Path<String>,
    body: Bytes,
) -> Result<Response, WebError> {
    let fields: HashMap<String, String> = form_urlencoded::parse(&body).into_owned().collect();
    who.check_csrf(fields.get("csrf").map_or("", String::as_str))?;
    let meeting = correctable(&state, &who, &id).await?;
    let bodies = writable_bodies(&state, &who).await?;
    let version: i64 = fields
        .get("version")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| WebError::bad_param("version", t("form-version-unreadable")))?;
    let mut draft = MinutesDraft::read(&fields);
    let again = |draft, errors, status, refusal, version| {
        let correction = correction_of(&meeting, version, refusal);
        page(
            &state,
            &who,
            &bodies,
            draft,
            errors,
            status,
            Some(correction),
        )
    };
    if draft.add_row(fields.get("add").map(String::as_str)) {
        return again(draft, Vec::new(), StatusCode::OK, None, version).await;
    }
    let mut corrected = match to_meeting(&draft, &bodies) {
        Ok(m) => m,
        Err(errors) => {
            return again(
                draft,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                version,
            )
            .await;
        }
    };
    // The kind of minutes stays what the document was.
    corrected.kind = meeting.kind;
    match state
        .store
        .meetings()
        .correct_draft(
            meeting.id,
            version,
            &corrected,
            &who.actor()?,
            chrono::Utc::now(),
        )
        .await
    {
        Ok(()) => {
            let mut r = Redirect::to(&format!("/meetings/{}", meeting.id)).into_response();
            *r.status_mut() = StatusCode::SEE_OTHER;
            Ok(r)
        }
        // Someone saved first: nothing overwritten; the form comes back with what this person
        // typed, on the new version, so that saving again is a deliberate choice.
        Err(cadre_storage::StorageError::Stale { current_version }) => {
            again(
                draft,
                Vec::new(),
                StatusCode::CONFLICT,
                Some(t("correct-stale").to_owned()),
                current_version,
            )
            .await
        }
        Err(cadre_storage::StorageError::Refused(why)) => {
            again(
                draft,
                Vec::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(cadre_i18n::tf(
                    crate::language::current(),
                    "refused",
                    &[("why", why.into())],
                )),
                version,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responsible_organisations_are_split_as_people_write_them() {
        assert_eq!(
            responsible("SP/CCM, DRECM/R et Partenaires"),
            ["SP/CCM", "DRECM/R", "Partenaires"]
        );
        assert_eq!(responsible(" OIM ; HCR\nUNICEF "), ["OIM", "HCR", "UNICEF"]);
        assert!(responsible("  ").is_empty());
    }

    #[test]
    fn empty_rows_are_left_out_and_titles_are_required() {
        let mut fields = HashMap::new();
        for (k, v) in [
            ("body", "gtm-tahoua"),
            ("date", "2026-11-20"),
            ("start", "9h15"),
            ("items", "2"),
            ("item-0-title", "Tendances migratoires"),
            ("item-0-aps", "2"),
            ("item-0-ap-0-what", "Partager la note"),
            ("item-0-ap-0-who", "OIM et DRECM-R"),
            ("item-0-ap-0-deadline", "Le plus tôt possible"),
            ("item-1-discussion", "Sans titre"),
        ] {
            fields.insert(k.to_owned(), v.to_owned());
        }
        let draft = MinutesDraft::read(&fields);
        assert_eq!(draft.items.len(), 2);
        assert_eq!(draft.items[0].actions.len(), 2);
        let body = NewBody::gtm("Tahoua");
        let errors = to_meeting(&draft, std::slice::from_ref(&body)).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "item-1-title");
        fields.remove("item-1-discussion");
        let m = to_meeting(&MinutesDraft::read(&fields), &[body]).unwrap();
        assert_eq!(m.agenda.len(), 1, "the empty row is left out");
        let ap = &m.agenda[0].action_points;
        assert_eq!(ap.len(), 1);
        assert_eq!(ap[0].responsible, ["OIM", "DRECM-R"]);
        assert_eq!(ap[0].deadline.meaning, DeadlineMeaning::AsSoonAsPossible);
        assert_eq!(m.start_time, NaiveTime::from_hms_opt(9, 15, 0));
        assert_eq!(
            m.title,
            "Compte rendu de la réunion du GTM Tahoua du 20 novembre 2026"
        );
    }
}
