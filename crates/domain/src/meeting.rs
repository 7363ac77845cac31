//! Meetings laid out like the canevas: header, attendance, agenda, discussion, action points,
//! next meeting.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::labels::labels;
use crate::{ActionPointId, AgendaItemId, MeetingId, OrganisationId, SourceDocumentId};
use crate::{Body, Deadline, NewBody, NewRecommendation, NextMeeting};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A GTM meeting written in the canevas.
    WorkingGroupMinutes,
    /// The report of a CCM session or of its preparatory meeting.
    SessionReport,
    /// A CRCM session.
    RegionalSession,
}

labels! {
    MeetingKind {
        WorkingGroupMinutes => "working_group_minutes", "Compte-rendu de GTM",
        SessionReport => "session_report", "Rapport de session",
        RegionalSession => "regional_session", "Session régionale",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    InPerson,
    Virtual,
}

labels! {
    Modality {
        InPerson => "in_person", "en présentiel",
        Virtual => "virtual", "virtuelle",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

labels! {
    ActionStatus {
        Open => "open", "ouvert",
        InProgress => "in_progress", "en cours",
        Done => "done", "réalisé",
        Dropped => "dropped", "abandonné",
    }
}

impl ActionStatus {
    /// Still to be done: counts towards overdue and due-soon.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// Where minutes stand: imported or written minutes are drafts until someone checks them
/// against the document and validates them; the secretariat then publishes them. Only
/// published minutes, and what comes from them, are shown to the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    #[default]
    Draft,
    Validated,
    Published,
}

labels! {
    MeetingStatus {
        Draft => "draft", "brouillon",
        Validated => "validated", "validé",
        Published => "published", "publié",
    }
}

/// Whom a read is for. The public sees published minutes only, and the action points and
/// recommendations that come from them; anyone signed in sees drafts too, marked as such.
/// Public is the default so that a read that forgets to say is never too wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Audience {
    #[default]
    Public,
    Internal,
}

impl Audience {
    pub fn is_public(self) -> bool {
        self == Audience::Public
    }
}

impl MeetingStatus {
    /// Whether the public may read the minutes.
    pub fn is_public(self) -> bool {
        self == MeetingStatus::Published
    }
}

/// How the reader found a field's value, so that a person validating a draft checks first what
/// was guessed: written under its label, read in a sentence ("Le jeudi 3 février 2022 s'est
/// tenue dans la salle …"), inferred from clues elsewhere in the document, or a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundBy {
    Label,
    Sentence,
    Inference,
    Default,
}

impl FoundBy {
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Label => "label",
            FoundBy::Sentence => "sentence",
            FoundBy::Inference => "inference",
            FoundBy::Default => "default",
        }
    }

    pub fn parse(s: &str) -> Option<FoundBy> {
        [
            FoundBy::Label,
            FoundBy::Sentence,
            FoundBy::Inference,
            FoundBy::Default,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }

    /// Whether a person should check the value before anything else.
    pub fn needs_checking(self) -> bool {
        matches!(self, FoundBy::Inference | FoundBy::Default)
    }
}

/// What the reader found for one field of the canevas, as the document wrote it: the person
/// who validates a draft checks each finding against the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldFinding {
    /// The canevas field ("date", "time", "place", "attendance", "agenda", "action_points",
    /// "next_meeting", …), the same names as warnings use.
    pub field: String,
    /// What was found, in French, as the reader wrote it at import.
    pub found: String,
    /// The finding as a message of the catalogues (`finding-<code>`) with its data, so that
    /// pages show it in their own language; none for findings stored before codes existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl FieldFinding {
    /// How the value was found, when the reader said (the `found_by` argument).
    pub fn found_by(&self) -> Option<FoundBy> {
        self.args.get("found_by").and_then(|s| FoundBy::parse(s))
    }

    pub fn new(field: &str, found: impl Into<String>) -> Self {
        FieldFinding {
            field: field.into(),
            found: found.into(),
            code: None,
            args: BTreeMap::new(),
        }
    }

    /// The same finding, with the catalogue message that says it in any language.
    pub fn coded<'a>(
        mut self,
        code: &str,
        args: impl IntoIterator<Item = (&'a str, String)>,
    ) -> Self {
        (self.code, self.args) = coded(code, args);
        self
    }
}

/// A note's code and arguments, as findings and warnings store them.
fn coded<'a>(
    code: &str,
    args: impl IntoIterator<Item = (&'a str, String)>,
) -> (Option<String>, BTreeMap<String, String>) {
    let args = args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    (Some(code.to_owned()), args)
}

/// Something the importer noticed: a field it could not read, or text it could not place.
/// Kept with the meeting so that nobody loses what the document said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportWarning {
    /// The canevas field concerned ("date", "attendance", "body", "unplaced_text", …).
    pub field: String,
    /// In English, as `cadre import` prints it.
    pub message: String,
    /// The text concerned, as written, when there is one.
    pub text: Option<String>,
    /// The warning as a message of the catalogues (`warning-<code>`) with its data, so that
    /// pages show it in their own language; none for warnings stored before codes existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
}

impl ImportWarning {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        ImportWarning {
            field: field.into(),
            message: message.into(),
            text: None,
            code: None,
            args: BTreeMap::new(),
        }
    }
    pub fn with_text(field: &str, message: impl Into<String>, text: impl Into<String>) -> Self {
        ImportWarning {
            text: Some(text.into()),
            ..ImportWarning::new(field, message)
        }
    }

    /// The same warning, with the catalogue message that says it in any language.
    pub fn coded<'a>(
        mut self,
        code: &str,
        args: impl IntoIterator<Item = (&'a str, String)>,
    ) -> Self {
        (self.code, self.args) = coded(code, args);
        self
    }
}

/// One line of an attendance list: an organisation, and a person when the list names one.
/// The phone and e-mail are personal data: they are stored, never published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAttendee {
    /// The institution as written ("OIM/Niger", "D.U.E").
    pub organisation: String,
    pub person_name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl NewAttendee {
    pub fn organisation(name: impl Into<String>) -> Self {
        NewAttendee {
            organisation: name.into(),
            person_name: None,
            phone: None,
            email: None,
        }
    }
}

/// A person an attendance list names by a function where the institution was expected
/// ("Chauffeur Dosso", "Garde", "Modérateur"): present, but for no organisation the list names,
/// so never counted among the organisations present. Phone and e-mail are personal data, as
/// for [`NewAttendee`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFunctionAttendee {
    /// The function as written, with what follows it ("Chauffeur Dosso").
    pub function: String,
    pub person_name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl NewFunctionAttendee {
    pub fn function(written: impl Into<String>) -> Self {
        NewFunctionAttendee {
            function: written.into(),
            person_name: None,
            phone: None,
            email: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewActionPoint {
    pub what: String,
    /// Responsible organisations as written, one per entry ("SP/CCM", "DRC/MMC").
    pub responsible: Vec<String>,
    pub deadline: Deadline,
    pub status: ActionStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAgendaItem {
    /// 0 for an unnumbered opening item, then 1, 2, 3… in agenda order.
    pub number: u32,
    pub title: String,
    /// The presenting organisation as written, usually in parentheses after the title.
    pub presenter: Option<String>,
    /// Key discussion points, as written (bullets kept one per line).
    pub discussion: String,
    pub action_points: Vec<NewActionPoint>,
}

/// The original document a meeting was read from. Its bytes are stored with the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSourceDocument {
    pub file_name: String,
    pub media_type: String,
    /// Hex SHA-256 of the bytes: the same document is imported only once.
    pub sha256: String,
    pub content: Vec<u8>,
    /// The document names people with their phone numbers or e-mail addresses: it is kept,
    /// but never published as it is.
    pub personal_data: bool,
}

/// A meeting as read from a document or written by hand, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMeeting {
    pub body: NewBody,
    pub kind: MeetingKind,
    pub title: String,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub place: Option<String>,
    pub modality: Modality,
    pub attendance: Vec<NewAttendee>,
    /// People present by their function, not for an organisation.
    #[serde(default)]
    pub function_attendees: Vec<NewFunctionAttendee>,
    pub agenda: Vec<NewAgendaItem>,
    pub next_meeting: Option<NextMeeting>,
    pub rapporteur: Option<String>,
    pub recommendations: Vec<NewRecommendation>,
    /// When the recommendations come from an annex: the session that adopted them.
    #[serde(default)]
    pub annexed_session: Option<crate::recommendation::AnnexedSession>,
    pub warnings: Vec<ImportWarning>,
    /// What the reader found, field by field (empty for minutes not read from a document).
    pub findings: Vec<FieldFinding>,
    pub source: Option<NewSourceDocument>,
}

impl NewMeeting {
    /// A meeting with its header essentials and nothing else yet: no times, place, attendance,
    /// agenda, recommendations, warnings or source document.
    pub fn new(
        body: NewBody,
        kind: MeetingKind,
        title: impl Into<String>,
        date: NaiveDate,
    ) -> NewMeeting {
        NewMeeting {
            body,
            kind,
            title: title.into(),
            date,
            start_time: None,
            end_time: None,
            place: None,
            modality: Modality::InPerson,
            attendance: Vec::new(),
            function_attendees: Vec::new(),
            agenda: Vec::new(),
            next_meeting: None,
            rapporteur: None,
            recommendations: Vec::new(),
            annexed_session: None,
            warnings: Vec::new(),
            findings: Vec::new(),
            source: None,
        }
    }

    pub fn action_points(&self) -> impl Iterator<Item = &NewActionPoint> {
        self.agenda.iter().flat_map(|a| a.action_points.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceDocument {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: SourceDocumentId,
    pub file_name: String,
    pub media_type: String,
    pub sha256: String,
    pub size: i64,
    pub personal_data: bool,
}

/// A present organisation, and the person when the list names one (never their contacts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Attendee {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub organisation_id: OrganisationId,
    /// The organisation's canonical name.
    pub organisation: String,
    pub organisation_acronym: Option<String>,
    /// The institution as the document wrote it.
    pub as_written: String,
    pub person_name: Option<String>,
}

/// A person present by their function, not for an organisation (see [`NewFunctionAttendee`]);
/// never their contacts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FunctionAttendee {
    /// The function as written ("Chauffeur Dosso").
    pub function: String,
    pub person_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationRef {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: OrganisationId,
    pub name: String,
    pub acronym: Option<String>,
}

impl OrganisationRef {
    pub fn short(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionPoint {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: ActionPointId,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub meeting_id: MeetingId,
    pub meeting_date: NaiveDate,
    pub body: String,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub agenda_item_id: AgendaItemId,
    pub agenda_item_title: String,
    pub what: String,
    pub responsible: Vec<OrganisationRef>,
    /// The responsible cell as written, kept beside the resolved organisations.
    pub responsible_as_written: String,
    pub deadline: Deadline,
    pub status: ActionStatus,
}

impl ActionPoint {
    /// The last day it is due (see [`crate::DeadlineMeaning::due_after`]).
    pub fn due_on(&self) -> Option<NaiveDate> {
        self.deadline.meaning.due_after(self.meeting_date)
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_pending() && self.due_on().is_some_and(|d| d < today)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgendaItem {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: AgendaItemId,
    pub number: u32,
    pub title: String,
    pub presenter: Option<String>,
    pub discussion: String,
    pub action_points: Vec<ActionPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Meeting {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: MeetingId,
    pub body: Body,
    pub kind: MeetingKind,
    pub title: String,
    pub date: NaiveDate,
    pub start_time: Option<NaiveTime>,
    pub end_time: Option<NaiveTime>,
    pub place: Option<String>,
    pub modality: Modality,
    pub attendance: Vec<Attendee>,
    /// People present by their function, not for an organisation.
    #[serde(default)]
    pub function_attendees: Vec<FunctionAttendee>,
    pub agenda: Vec<AgendaItem>,
    pub next_meeting: Option<NextMeeting>,
    pub rapporteur: Option<String>,
    pub status: MeetingStatus,
    /// Changes each time the minutes are corrected or move in their lifecycle: a correction
    /// is saved on the version it was made from (optimistic concurrency).
    #[serde(default)]
    pub version: i64,
    pub warnings: Vec<ImportWarning>,
    pub findings: Vec<FieldFinding>,
    pub source: Option<SourceDocument>,
}

/// One line of a list of meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MeetingSummary {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: MeetingId,
    pub body: String,
    pub body_code: String,
    pub kind: MeetingKind,
    pub title: String,
    pub date: NaiveDate,
    pub place: Option<String>,
    pub modality: Modality,
    pub attendance_count: i64,
    pub agenda_count: i64,
    pub action_point_count: i64,
    pub next_meeting_date: Option<NaiveDate>,
    pub status: MeetingStatus,
}

/// A person named in an attendance list, with their contact details. Personal data: this type
/// deliberately does not implement `Serialize`, so that no API response, page or export can
/// carry it by accident; only authorised staff screens (with accounts, later) will read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// The organisation's canonical name, or the person's function when the list gave a
    /// function where the institution was expected.
    pub organisation: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}
