//! The Word minutes, opened by parsers that are not Cadre's: the package with zip and
//! quick-xml, the document with docx-rs's reader.

mod common;

use common::*;

use cadre_i18n::Lang;
use quick_xml::Reader;
use quick_xml::events::Event;

/// What a reader sees in the body: per top-level block, a paragraph's style and text, or a
/// table's rows of cells (each cell its paragraphs' texts joined by '\n').
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Paragraph(Option<String>, String),
    Table(Vec<Vec<String>>),
}

fn blocks(document: &str) -> Vec<Block> {
    let mut reader = Reader::from_str(document);
    let mut out = Vec::new();
    let mut depth_tbl = 0;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<Vec<String>> = None;
    let mut text = String::new();
    let mut style: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => match e.name().as_ref() {
                "w:tbl" => {
                    depth_tbl += 1;
                    assert_eq!(depth_tbl, 1, "no nested tables");
                    rows.clear();
                }
                "w:tr" => rows.push(Vec::new()),
                "w:tc" => cell = Some(Vec::new()),
                "w:p" => {
                    text.clear();
                    style = None;
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:pStyle" => {
                    style = e
                        .attributes()
                        .filter_map(Result::ok)
                        .find(|a| a.key.as_ref() == "w:val")
                        .map(|a| a.value.to_string());
                }
                "w:br" => text.push('\n'),
                "w:p" => match cell.as_mut() {
                    Some(c) => c.push(String::new()),
                    None => out.push(Block::Paragraph(None, String::new())),
                },
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                text.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => match cell.as_mut() {
                    Some(c) => c.push(std::mem::take(&mut text)),
                    None => out.push(Block::Paragraph(style.take(), std::mem::take(&mut text))),
                },
                "w:tc" => {
                    let c = cell.take().unwrap();
                    rows.last_mut().unwrap().push(c.join("\n"));
                }
                "w:tbl" => {
                    depth_tbl -= 1;
                    out.push(Block::Table(std::mem::take(&mut rows)));
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn tables(blocks: &[Block]) -> Vec<&Vec<Vec<String>>> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(rows) => Some(rows),
            _ => None,
        })
        .collect()
}

/// Where a typographic apostrophe and a straight one are the same.
fn same(a: &str, b: &str) -> bool {
    a.replace('’', "'") == b.replace('’', "'")
}

#[test]
fn the_package_has_the_parts_word_needs_and_every_part_is_well_formed() {
    let m = gtm();
    let bytes = cadre_outputs::docx::minutes(&input(&m, &[], &[], Lang::Fr));
    assert!(bytes.starts_with(b"PK"));
    let entries = zip_entries(&bytes);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "docProps/core.xml",
    ] {
        assert!(names.contains(&part), "{part} missing: {names:?}");
    }
    for (name, content) in &entries {
        let mut reader = Reader::from_str(content);
        loop {
            match reader.read_event() {
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{name}: {e}"),
            }
        }
    }
    let styles = part(&bytes, "word/styles.xml");
    for id in ["Heading1", "Heading2", "Title", "CadreTable"] {
        assert!(styles.contains(&format!("w:styleId=\"{id}\"")), "{id}");
    }
    assert!(styles.contains("<w:tblBorders>"));
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("2026-12-15T00:00:00Z"), "{core}");
    assert!(core.contains("Compte-rendu de la réunion du Groupe Technique"));
}

/// The action points stand in real Word table cells, in their columns, in both languages.
#[test]
fn action_points_are_word_table_cells_in_their_columns() {
    let m = gtm();
    let previous = previous_pending();
    for lang in [Lang::Fr, Lang::En] {
        let bytes = cadre_outputs::docx::minutes(&input(&m, &[], &previous, lang));
        let blocks = blocks(&part(&bytes, "word/document.xml"));
        let tables = tables(&blocks);
        // Header, follow-up, one action table per agenda item.
        assert_eq!(tables.len(), 2 + 3, "{lang:?}");
        let (action_header, responsible_header, deadline_header, status_header) = match lang {
            Lang::Fr => (
                "Points d’action",
                "Personnes/agences responsables",
                "Date limite",
                "Statut",
            ),
            Lang::En => (
                "Action points",
                "Responsible persons/agencies",
                "Deadline",
                "Status",
            ),
        };
        let action_tables = &tables[2..];
        for t in action_tables {
            assert_eq!(
                t[0],
                vec![
                    action_header,
                    responsible_header,
                    deadline_header,
                    status_header
                ],
                "{lang:?}"
            );
        }
        let rows: Vec<&Vec<String>> = action_tables
            .iter()
            .flat_map(|t| t.iter().skip(1))
            .collect();
        let expected = expected_points();
        assert_eq!(rows.len(), expected.len());
        let (no_date, not_specified) = match lang {
            Lang::Fr => ("sans date", "non précisé"),
            Lang::En => ("no date", "not specified"),
        };
        for (row, e) in rows.iter().zip(&expected) {
            assert_eq!(row.len(), 4);
            assert!(same(&row[0], e.what), "{row:?}");
            let responsible = if e.responsible_as_written.is_empty() {
                not_specified
            } else {
                e.responsible_as_written
            };
            assert_eq!(row[1], responsible);
            let deadline = if ["/", "N/A", ""].contains(&e.deadline_as_written) {
                no_date
            } else {
                e.deadline_as_written
            };
            assert_eq!(row[2], deadline, "{lang:?}");
        }
        // Statuses in the language of the document.
        let statuses: Vec<&str> = rows.iter().map(|r| r[3].as_str()).collect();
        match lang {
            Lang::Fr => assert_eq!(
                statuses,
                [
                    "ouvert",
                    "en cours",
                    "ouvert",
                    "ouvert",
                    "ouvert",
                    "réalisé"
                ]
            ),
            Lang::En => assert_eq!(
                statuses,
                ["open", "in progress", "open", "open", "open", "done"]
            ),
        }
        // "Le plus tôt possible" as written; "/" as "sans date".
        assert_eq!(rows[0][2], "Le plus tôt possible");
        assert_eq!(rows[1][2], no_date);
        // One to three responsible organisations in one cell.
        assert_eq!(rows[3][1], "DRECM-R Agadez, INS, OIM");

        // The header table: labels in the first column, the attendance one paragraph per
        // organisation.
        let header = tables[0];
        let labels: Vec<&str> = header.iter().map(|r| r[0].as_str()).collect();
        match lang {
            Lang::Fr => assert_eq!(labels, ["Date", "Heure", "Lieu", "Instance", "Présence"]),
            Lang::En => assert_eq!(labels, ["Date", "Time", "Place", "Body", "Attendance"]),
        }
        let date = match lang {
            Lang::Fr => "1er décembre 2026",
            Lang::En => "1 December 2026",
        };
        assert_eq!(header[0][1], date);
        assert_eq!(header[2][1], "Salle de réunion de la DGECM-R, Niamey");
        let attendance: Vec<&str> = header[4][1].lines().collect();
        // Seven organisations, then the person present by their function.
        assert_eq!(attendance.len(), 8, "{attendance:?}");
        assert_eq!(attendance[7], "Modérateur – Ousmane Hamidou");
        assert!(attendance[1].starts_with(
            "Organisation internationale pour les migrations (OIM) – Aïcha Moussa, Jean-François Côté"
        ));
        assert!(!header[4][1].contains('@'));

        // The follow-up table of the previous meeting.
        let follow_up = tables[1];
        assert_eq!(follow_up.len(), 3);
        assert_eq!(follow_up[2][2], "OIM, HCR");
        assert_eq!(follow_up[2][3], no_date);
        let follow_title = match lang {
            Lang::Fr => "Suivi des points d’action de la rencontre précédente",
            Lang::En => "Follow-up of the previous meeting’s action points",
        };
        assert!(blocks.contains(&Block::Paragraph(
            Some("Heading1".into()),
            follow_title.into()
        )));
        // Numbered agenda headings, with their presenter.
        assert!(blocks.contains(&Block::Paragraph(
            Some("Heading2".into()),
            "2. Synthèse des recommandations des CRCM d’Agadez et de Zinder (SP/CCM)".into()
        )));
    }
}

#[test]
fn header_rows_repeat_and_rows_do_not_break_across_pages() {
    let m = gtm();
    let bytes = cadre_outputs::docx::minutes(&input(&m, &[], &[], Lang::Fr));
    let document = part(&bytes, "word/document.xml");
    assert_eq!(document.matches("<w:tblHeader/>").count(), 3);
    assert_eq!(
        document.matches("<w:tr>").count(),
        document.matches("<w:cantSplit/>").count()
    );
}

#[test]
fn a_virtual_meeting_says_so_with_its_link() {
    let m = gtm_virtual();
    for (lang, place) in [
        (
            Lang::Fr,
            "Réunion virtuelle – https://meet.example.org/gtm-niamey",
        ),
        (
            Lang::En,
            "Online meeting – https://meet.example.org/gtm-niamey",
        ),
    ] {
        let bytes = cadre_outputs::docx::minutes(&input(&m, &[], &[], lang));
        let blocks = blocks(&part(&bytes, "word/document.xml"));
        assert_eq!(tables(&blocks)[0][2][1], place);
    }
}

#[test]
fn recommendations_are_grouped_by_roadmap_scope_and_thematic_group() {
    let (m, recs) = session_report();
    let bytes = cadre_outputs::docx::minutes(&input(&m, &recs, &[], Lang::Fr));
    let blocks = blocks(&part(&bytes, "word/document.xml"));
    let headings: Vec<String> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(Some(s), t) if s.starts_with("Heading") || s == "Label" => {
                Some(format!("{s}: {t}"))
            }
            _ => None,
        })
        .collect();
    let from = headings
        .iter()
        .position(|h| h == "Heading1: Recommandations")
        .unwrap();
    assert_eq!(
        headings[from..from + 9],
        [
            "Heading1: Recommandations",
            "Heading2: Feuille de route 2018",
            "Heading3: Recommandations d’ordre général",
            "Heading3: Recommandations d’ordre spécifique",
            "Label: Groupe thématique\u{a0}: Protection",
            "Heading2: Feuille de route 2021",
            "Heading3: Recommandations d’ordre spécifique",
            "Label: Groupe thématique\u{a0}: Economie alternative",
            "Label: Groupe thématique\u{a0}: Migration irrégulière",
        ]
    );
    let tables = tables(&blocks);
    // Header, one action table (none: "Néant"), then four recommendation tables.
    assert_eq!(tables.len(), 6);
    assert_eq!(tables[1][1][0], "Néant");
    assert_eq!(
        tables[2][0],
        ["N°", "Recommandation", "État de mise en œuvre"]
    );
    assert_eq!(tables[2][2][0], "2");
    assert_eq!(tables[2][2][2], "Partiellement réalisé");
    assert_eq!(
        tables[5][0],
        ["N°", "Recommandation", "Défis", "Perspectives"]
    );
    assert_eq!(tables[5][1][3], "Former les agents ; équiper les postes");
}

/// An independent reader: docx-rs opens the package and finds the same tables.
#[test]
fn docx_rs_reads_the_document() {
    use docx_rs::{DocumentChild, TableCellContent, TableChild, TableRowChild};
    let m = gtm();
    let previous = previous_pending();
    let bytes = cadre_outputs::docx::minutes(&input(&m, &[], &previous, Lang::Fr));
    let docx = docx_rs::read_docx(&bytes).expect("docx-rs reads the file");
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    for child in &docx.document.children {
        if let DocumentChild::Table(table) = child {
            let mut rows = Vec::new();
            for TableChild::TableRow(row) in &table.rows {
                let mut cells = Vec::new();
                for TableRowChild::TableCell(cell) in &row.cells {
                    let texts: Vec<String> = cell
                        .children
                        .iter()
                        .filter_map(|c| match c {
                            TableCellContent::Paragraph(p) => Some(p.raw_text()),
                            _ => None,
                        })
                        .collect();
                    cells.push(texts.join("\n"));
                }
                rows.push(cells);
            }
            tables.push(rows);
        }
    }
    assert_eq!(tables.len(), 5);
    let points: Vec<&Vec<String>> = tables[2..].iter().flat_map(|t| t.iter().skip(1)).collect();
    let expected = expected_points();
    assert_eq!(points.len(), expected.len());
    for (row, e) in points.iter().zip(&expected) {
        assert!(same(&row[0], e.what), "{row:?}");
    }
    assert_eq!(points[0][2], "Le plus tôt possible");
    assert_eq!(points[1][1], "Nexus, SP/CCM");
    assert_eq!(points[1][2], "sans date");
    assert_eq!(tables[0][0], ["Date", "1er décembre 2026"]);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let m = gtm();
    let previous = previous_pending();
    let (s, recs) = session_report();
    for lang in [Lang::Fr, Lang::En] {
        let a = cadre_outputs::docx::minutes(&input(&m, &[], &previous, lang));
        let b = cadre_outputs::docx::minutes(&input(&m, &[], &previous, lang));
        assert_eq!(a, b);
        let a = cadre_outputs::docx::minutes(&input(&s, &recs, &[], lang));
        let b = cadre_outputs::docx::minutes(&input(&s, &recs, &[], lang));
        assert_eq!(a, b);
    }
}
