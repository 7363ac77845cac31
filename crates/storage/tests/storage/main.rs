//! The store, on both engines: every test runs on SQLite and on PostgreSQL. One module per
//! capability, like `src/`.

use cadre_domain::meeting::NewSourceDocument;
use cadre_domain::{
    ActionPointId, ActionStatus, Audience, BodyLevel, Deadline, DeadlineMeaning, FieldFinding,
    ImportWarning, MeetingId, MeetingKind, MeetingStatus, Modality, NewActionPoint, NewAgendaItem,
    NewAttendee, NewBody, NewFunctionAttendee, NewMeeting, NewRecommendation, NextMeeting,
    OrganisationId, OrganisationKind, RecommendationScope, SourceDocumentId,
};
use cadre_storage::{
    ActionPointFilter, ImportOutcome, LifecycleOutcome, MeetingFilter, Paging,
    RecommendationFilter, StorageError, Transition,
};
use cadre_storage::{Pool, Store};
use cadre_testkit::both_engines;
use chrono::{NaiveDate, NaiveTime};

mod accounts;
mod action_points;
mod curation;
mod engine;
mod follow_up;
mod import;
mod meetings;
mod organisations;
mod recommendations;

/// Reports a new status on a point, as of its current version, as the command line would.
async fn set_status(
    db: &Store,
    point: cadre_domain::ActionPointId,
    status: ActionStatus,
) -> cadre_storage::Result<()> {
    let version = match db.action_points().get(point).await? {
        Some(p) => p.version,
        None => return Err(cadre_storage::StorageError::NotFound),
    };
    let report = cadre_storage::action_points::StatusReport {
        status,
        comment: "test".into(),
        reported_on: d(2026, 1, 1),
    };
    db.action_points()
        .report(
            point,
            version,
            &report,
            &cadre_domain::Actor::command_line("test"),
            chrono::Utc::now(),
        )
        .await
        .map(|_| ())
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn source(name: &str, content: Vec<u8>) -> NewSourceDocument {
    // Not a real SHA-256: storage only needs it to be unique per document.
    let sha256 = format!(
        "{:0>64}",
        name.bytes().map(|b| format!("{b:02x}")).collect::<String>()
    );
    NewSourceDocument {
        file_name: format!("{name}.docx"),
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            .into(),
        sha256: sha256[sha256.len() - 64..].to_owned(),
        personal_data: name == "full",
        content,
    }
}

fn attendee(org: &str) -> NewAttendee {
    NewAttendee::organisation(org)
}

fn person(org: &str, name: &str, phone: &str, email: &str) -> NewAttendee {
    NewAttendee {
        organisation: org.into(),
        person_name: Some(name.into()),
        phone: Some(phone.into()),
        email: Some(email.into()),
    }
}

fn action(
    what: &str,
    responsible: &[&str],
    deadline: &str,
    status: ActionStatus,
) -> NewActionPoint {
    NewActionPoint {
        what: what.into(),
        responsible: responsible.iter().map(|s| s.to_string()).collect(),
        deadline: Deadline::parse(deadline),
        status,
    }
}

fn item(number: u32, title: &str, action_points: Vec<NewActionPoint>) -> NewAgendaItem {
    NewAgendaItem {
        number,
        title: title.into(),
        presenter: None,
        discussion: String::new(),
        action_points,
    }
}

/// A meeting with nothing but its header.
fn bare(body: NewBody, date: NaiveDate, src: Option<&str>) -> NewMeeting {
    NewMeeting {
        source: src.map(|s| source(s, s.as_bytes().to_vec())),
        ..NewMeeting::new(
            body,
            MeetingKind::WorkingGroupMinutes,
            format!("Réunion du {date}"),
            date,
        )
    }
}

const PHONE: &str = "+227 96 97 25 39";

const EMAIL: &str = "a.issoufou@example.org";

const DRIVER_PHONE: &str = "+227 91 44 55 66";

/// Every field filled in.
fn full_meeting() -> NewMeeting {
    NewMeeting {
        body: NewBody::gtm("Tahoua"),
        kind: MeetingKind::WorkingGroupMinutes,
        title: "Compte-rendu de la réunion du GTM Tahoua".into(),
        date: d(2023, 2, 16),
        start_time: Some(t(9, 30)),
        end_time: Some(t(12, 15)),
        place: Some("Salle de réunion du Gouvernorat".into()),
        modality: Modality::Virtual,
        attendance: vec![
            person("DRECM-R/Tahoua", "Aïcha Issoufou", PHONE, EMAIL),
            attendee("OIM"),
            attendee("Croix-Rouge Nigérienne"),
        ],
        function_attendees: vec![
            NewFunctionAttendee {
                person_name: Some("Issa Garba".into()),
                phone: Some(DRIVER_PHONE.into()),
                ..NewFunctionAttendee::function("Chauffeur Tahoua")
            },
            NewFunctionAttendee::function("Garde"),
        ],
        agenda: vec![
            NewAgendaItem {
                number: 0,
                title: "Mot d'ouverture".into(),
                presenter: None,
                discussion: "Le DRECM-R ouvre la séance.".into(),
                action_points: vec![],
            },
            NewAgendaItem {
                number: 1,
                title: "Point sur les retours".into(),
                presenter: Some("OIM".into()),
                discussion: "- 120 migrants accueillis\n- 3 convois".into(),
                action_points: vec![
                    action(
                        "Partager le rapport",
                        &["OIM", "SP/CCM"],
                        "28 février 2023",
                        ActionStatus::Open,
                    ),
                    action(
                        "Organiser l'atelier",
                        &["DRECM-R"],
                        "Mars 2023",
                        ActionStatus::InProgress,
                    ),
                ],
            },
        ],
        next_meeting: Some(NextMeeting {
            as_written: "Jeudi 16 mars 2023 à 10h".into(),
            date: Some(d(2023, 3, 16)),
            time: Some(t(10, 0)),
            month: None,
        }),
        rapporteur: Some("DRECM-R Tahoua".into()),
        recommendations: vec![NewRecommendation {
            roadmap: "2023".into(),
            position: 1,
            text: "Renforcer la coordination".into(),
            scope: RecommendationScope::General,
            thematic_group: None,
            implementation_status: Some("En cours".into()),
            challenges: Some("Financement".into()),
            perspectives: None,
            pnm: None,
        }],
        annexed_session: None,
        warnings: vec![
            ImportWarning::with_text("unplaced_text", "Texte non placé", "Divers"),
            ImportWarning::new("date", "Date lue dans le titre"),
        ],
        findings: vec![
            FieldFinding::new("date", "16 février 2023"),
            FieldFinding::new("place", "Salle de réunion DGECM-R"),
        ],
        source: Some(source(
            "full",
            vec![0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00, 0x7f],
        )),
    }
}
