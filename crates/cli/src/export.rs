//! `cadre export`: meetings, action points or recommendations as JSON or CSV on standard output.
//! Exports carry no personal data: the domain types read back from storage hold no attendee's
//! phone number or e-mail address, free text is read through `cadre_services::publication` like the web, and
//! every JSON string and CSV cell is masked once more on the way out (`publish_json`,
//! `spreadsheet_cell`, which also keeps spreadsheets from reading a cell as a formula).
//! Exports hold published minutes only, unless `--include-drafts` asks for every status (each
//! meeting's JSON says its status).

use std::io::Write;
use std::process::ExitCode;

use cadre_domain::Audience;
use cadre_domain::privacy::{publish_json, spreadsheet_cell};
use cadre_services::publication;
use cadre_storage::{ActionPointFilter, MeetingFilter, Paging, RecommendationFilter, Store};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum What {
    Meetings,
    Actions,
    Recommendations,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

pub async fn run(
    db: Store,
    what: What,
    format: Format,
    audience: Audience,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    match (what, format) {
        (What::Meetings, Format::Json) => {
            let summaries = db
                .meetings()
                .list(&MeetingFilter {
                    audience,
                    paging: Paging::all(),
                    ..Default::default()
                })
                .await?;
            // A JSON array written meeting by meeting, so memory stays flat on large databases.
            writeln!(out, "[")?;
            for (i, summary) in summaries.items.iter().enumerate() {
                let meeting = publication::meeting(&db, summary.id, audience)
                    .await?
                    .ok_or_else(|| {
                        anyhow::anyhow!("meeting {} vanished during export", summary.id)
                    })?;
                if i > 0 {
                    writeln!(out, ",")?;
                }
                serde_json::to_writer(&mut *out, &publish_json(&meeting)?)?;
            }
            writeln!(out, "\n]")?;
        }
        (What::Meetings, Format::Csv) => {
            let page = db
                .meetings()
                .list(&MeetingFilter {
                    audience,
                    paging: Paging::all(),
                    ..Default::default()
                })
                .await?;
            let header = [
                "id",
                "date",
                "body",
                "kind",
                "title",
                "place",
                "modality",
                "organisations_present",
                "agenda_items",
                "action_points",
                "next_meeting_date",
            ];
            write_csv(
                out,
                &header,
                page.items.into_iter().map(|m| {
                    vec![
                        m.id.to_string(),
                        m.date.to_string(),
                        m.body,
                        m.kind.as_str().into(),
                        m.title,
                        m.place.unwrap_or_default(),
                        m.modality.as_str().into(),
                        m.attendance_count.to_string(),
                        m.agenda_count.to_string(),
                        m.action_point_count.to_string(),
                        m.next_meeting_date
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    ]
                }),
            )?;
        }
        (What::Actions, format) => {
            let page = publication::action_points(
                &db,
                &ActionPointFilter {
                    audience,
                    paging: Paging::all(),
                    ..Default::default()
                },
            )
            .await?;
            let items = page.items.into_iter();
            match format {
                Format::Json => serde_json::to_writer_pretty(
                    &mut *out,
                    &publish_json(&items.collect::<Vec<_>>())?,
                )?,
                Format::Csv => {
                    let header = [
                        "id",
                        "meeting_id",
                        "meeting_date",
                        "body",
                        "agenda_item",
                        "what",
                        "responsible",
                        "responsible_as_written",
                        "deadline_as_written",
                        "deadline_kind",
                        "due_by",
                        "status",
                    ];
                    write_csv(
                        out,
                        &header,
                        items.map(|a| {
                            vec![
                                a.id.to_string(),
                                a.meeting_id.to_string(),
                                a.meeting_date.to_string(),
                                a.body.clone(),
                                a.agenda_item_title.clone(),
                                a.what.clone(),
                                a.responsible
                                    .iter()
                                    .map(|o| o.short().to_owned())
                                    .collect::<Vec<_>>()
                                    .join("; "),
                                a.responsible_as_written.clone(),
                                a.deadline.as_written.clone(),
                                a.deadline.meaning.kind().into(),
                                a.due_on().map(|d| d.to_string()).unwrap_or_default(),
                                a.status.as_str().into(),
                            ]
                        }),
                    )?;
                }
            }
        }
        (What::Recommendations, format) => {
            let page = publication::recommendations(
                &db,
                &RecommendationFilter {
                    audience,
                    paging: Paging::all(),
                    ..Default::default()
                },
            )
            .await?;
            let items = page.items.into_iter();
            match format {
                Format::Json => serde_json::to_writer_pretty(
                    &mut *out,
                    &publish_json(&items.collect::<Vec<_>>())?,
                )?,
                Format::Csv => {
                    let header = [
                        "id",
                        "meeting_id",
                        "meeting_date",
                        "body",
                        "roadmap",
                        "position",
                        "scope",
                        "thematic_group",
                        "text",
                        "implementation_status",
                        "challenges",
                        "perspectives",
                        "status",
                    ];
                    write_csv(
                        out,
                        &header,
                        items.map(|r| {
                            vec![
                                r.id.to_string(),
                                r.meeting_id.map(|m| m.to_string()).unwrap_or_default(),
                                r.meeting_date.map(|d| d.to_string()).unwrap_or_default(),
                                r.body,
                                r.roadmap,
                                r.position.to_string(),
                                r.scope.as_str().into(),
                                r.thematic_group.unwrap_or_default(),
                                r.text,
                                r.implementation_status.unwrap_or_default(),
                                r.challenges.unwrap_or_default(),
                                r.perspectives.unwrap_or_default(),
                                r.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
                            ]
                        }),
                    )?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn write_csv(
    out: &mut impl Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|cell| spreadsheet_cell(cell).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}
