//! Word documents and plain text in every encoding, read through the public entry points.
//! The .docx files are built here from small XML strings; the end-to-end tests build them from
//! the seeds read from disk, so that a Word version of each real document must read like its
//! text version.

mod common;

use common::seeds_dir;
use std::io::{Cursor, Write};

use cadre_domain::NewMeeting;
use cadre_ingest::formats::{MAX_NESTING, MAX_TEXT_BYTES, extract};
use cadre_ingest::{IngestError, ReadOptions, read_document, read_text};
use encoding_rs::WINDOWS_1252;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const WPS: &str = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";

// ---------------------------------------------------------------------------------------------
// Building .docx files.

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="{WPS}" mc:Ignorable="wps"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    )
}

fn docx(body: &str) -> Vec<u8> {
    zip_of(&[("word/document.xml", document_xml(body).as_bytes())])
}

fn docx_with_numbering(body: &str, numbering: &str) -> Vec<u8> {
    let numbering = format!(r#"<w:numbering xmlns:w="{W}">{numbering}</w:numbering>"#);
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document_xml(body).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ])
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
        escape(text)
    )
}

fn p(text: &str) -> String {
    format!("<w:p>{}</w:p>", run(text))
}

fn list_p(num_id: u32, level: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{}</w:p>"#,
        run(text)
    )
}

fn cell(paragraphs: &[&str]) -> String {
    let inner: String = paragraphs.iter().map(|t| p(t)).collect();
    format!("<w:tc><w:tcPr/>{inner}</w:tc>")
}

fn row(cells: &[&[&str]]) -> String {
    let inner: String = cells.iter().map(|c| cell(c)).collect();
    format!("<w:tr>{inner}</w:tr>")
}

fn table(rows: &[String]) -> String {
    format!("<w:tbl><w:tblPr/>{}</w:tbl>", rows.concat())
}

fn word(bytes: &[u8]) -> Result<(String, Vec<String>), IngestError> {
    extract("minutes.docx", bytes)
        .map(|e| (e.text, e.notes.into_iter().map(|n| n.message).collect()))
}

fn word_text(body: &str) -> String {
    word(&docx(body)).unwrap_or_else(|e| panic!("{e}")).0
}

fn unreadable_reason(result: Result<(String, Vec<String>), IngestError>) -> String {
    match result {
        Err(IngestError::Unreadable { format, reason }) => {
            assert_eq!(format, "Word");
            reason
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and runs.

#[test]
fn paragraphs_runs_tabs_and_breaks() {
    let body = concat!(
        // A tab stop definition in the paragraph properties is not a tab.
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
        r#"<w:r><w:t>Date</w:t></w:r><w:r><w:tab/><w:t>16 f</w:t></w:r><w:r><w:t>évrier 2023</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>Heure</w:t><w:br/><w:t>9H15</w:t><w:cr/><w:t>fin</w:t></w:r></w:p>"#,
        r#"<w:p/>"#,
        r#"<w:p><w:r><w:t>GTM</w:t><w:noBreakHyphen/><w:t>Tahoua, r</w:t><w:softHyphen/><w:t>éunion</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> CICR &amp; CRN &#233;t&#xE9; &lt;ok&gt;</w:t></w:r></w:p>"#,
    );
    assert_eq!(
        word_text(body),
        "Date\t16 février 2023\nHeure\n9H15\nfin\n\nGTM-Tahoua, réunion\n• CICR & CRN été <ok>\n"
    );
}

#[test]
fn hyperlinks_smart_tags_content_controls_and_fields() {
    let body = concat!(
        r#"<w:p><w:hyperlink r:id="rId4" xmlns:r="urn:r"><w:r><w:t>site du SP/CCM</w:t></w:r></w:hyperlink>"#,
        r#"<w:smartTag w:element="place"><w:r><w:t xml:space="preserve"> à Niamey</w:t></w:r></w:smartTag></w:p>"#,
        r#"<w:sdt><w:sdtPr><w:alias w:val="Date"/><w:placeholder><w:docPart w:val="X"/></w:placeholder></w:sdtPr>"#,
        r#"<w:sdtContent><w:p><w:r><w:t>28 Janvier 2021</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
        // A complex field: its instruction is left out, its result kept.
        r#"<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        r#"<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        r#"<w:p><w:fldSimple w:instr=" DATE "><w:r><w:t>12/06/2019</w:t></w:r></w:fldSimple></w:p>"#,
    );
    assert_eq!(
        word_text(body),
        "site du SP/CCM à Niamey\n28 Janvier 2021\nPage 3\n12/06/2019\n"
    );
}

#[test]
fn tracked_changes_keep_the_text_as_last_edited() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Prochaine réunion le </w:t></w:r>"#,
        r#"<w:del w:id="1" w:author="A"><w:r><w:delText>4 mars</w:delText></w:r></w:del>"#,
        r#"<w:ins w:id="2" w:author="A"><w:r><w:t>11 mars</w:t></w:r></w:ins></w:p>"#,
        r#"<w:p><w:moveFrom w:id="3"><w:r><w:t>Divers</w:t></w:r></w:moveFrom></w:p>"#,
        r#"<w:p><w:moveTo w:id="4"><w:r><w:t>Divers</w:t></w:r></w:moveTo>"#,
        // The former formatting of a run holds no text, but must not confuse the reader.
        r#"<w:r><w:rPr><w:b/><w:rPrChange w:id="5"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t> ;</w:t></w:r></w:p>"#,
    );
    let (text, notes) = word(&docx(body)).unwrap();
    assert_eq!(text, "Prochaine réunion le 11 mars\n\nDivers ;\n");
    assert!(
        notes.iter().any(|n| n.contains("deleted text left out")),
        "{notes:?}"
    );
    let (_, notes) = word(&docx(&p("rien de supprimé"))).unwrap();
    assert!(!notes.iter().any(|n| n.contains("deleted")), "{notes:?}");
}

#[test]
fn text_boxes_are_read_once() {
    let text_box = |words: &str| format!("<w:txbxContent>{}</w:txbxContent>", p(words));
    let body = format!(
        concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">Avant </w:t></w:r><w:r><mc:AlternateContent>"#,
            r#"<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{choice}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:pict><v:shape xmlns:v="urn:v"><v:textbox>{fallback}</v:textbox></v:shape></w:pict></mc:Fallback>"#,
            r#"</mc:AlternateContent></w:r><w:r><w:t>après</w:t></w:r></w:p>"#
        ),
        choice = text_box("Encadré DRECM"),
        fallback = text_box("Encadré DRECM"),
    );
    let text = word_text(&body);
    assert_eq!(text.matches("Encadré DRECM").count(), 1, "{text:?}");
    assert_eq!(text, "Encadré DRECM\nAvant après\n");
    // Without a choice Word could read, the fallback is the text.
    let fallback_only = format!(
        "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        text_box("Seul")
    );
    assert_eq!(word_text(&fallback_only), "Seul\n\n");
}

#[test]
fn another_prefix_for_the_same_namespace_reads_the_same() {
    let xml = format!(
        r#"<doc:document xmlns:doc="{W}"><doc:body><doc:p><doc:r><doc:t>Lieu</doc:t><doc:tab/><doc:t>Salle A</doc:t></doc:r></doc:p></doc:body></doc:document>"#
    );
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
    assert_eq!(word(&bytes).unwrap().0, "Lieu\tSalle A\n");
    // Elements of other vocabularies (DrawingML's a:t) are not Word text.
    let other = format!(
        r#"<w:document xmlns:w="{W}" xmlns:a="urn:a"><w:body><w:p><w:r><a:t>caché</a:t><w:t>vu</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = zip_of(&[("word/document.xml", other.as_bytes())]);
    assert_eq!(word(&bytes).unwrap().0, "vu\n");
}

// ---------------------------------------------------------------------------------------------
// Tables.

#[test]
fn action_table_rows_are_tab_separated_lines() {
    let body = [
        p("Points de discussion clés"),
        table(&[
            row(&[
                &["Points d’action"],
                &["Personnes/agences responsables"],
                &["Date limite"],
            ]),
            row(&[
                &["Partage de la fiche d’orientation"],
                &["Croix Rouge Danoise"],
                &["/"],
            ]),
            row(&[&["N/A"], &[], &[""]]),
        ]),
        p("Après"),
    ]
    .concat();
    let (text, notes) = word(&docx(&body)).unwrap();
    assert_eq!(
        text,
        "Points de discussion clés\n\
         Points d’action\tPersonnes/agences responsables\tDate limite\n\
         Partage de la fiche d’orientation\tCroix Rouge Danoise\t/\n\
         N/A\t\t\n\
         Après\n"
    );
    assert_eq!(notes[0], "read from Word: 10 paragraphs, 1 table");
    // The same table read by the parser: the action point and its responsible body.
    let minutes = [
        p("Date\t16 février 2023"),
        p("Points inscrits à l’ordre du jour"),
        p("1- Présentation du projet"),
        p("1. Présentation du projet"),
        p("Points de discussion clés"),
        p("Le projet est présenté."),
        table(&[
            row(&[
                &["Points d’action"],
                &["Personnes/agences responsables"],
                &["Date limite"],
            ]),
            row(&[
                &["Partage de la fiche d’orientation"],
                &["Croix Rouge Danoise"],
                &["/"],
            ]),
        ]),
    ]
    .concat();
    let m = read_document("cr.docx", &docx(&minutes), &ReadOptions::default())
        .unwrap()
        .meeting;
    let points = &m.agenda[0].action_points;
    assert_eq!(points.len(), 1, "{:?}", m.agenda);
    assert_eq!(points[0].what, "Partage de la fiche d'orientation");
    assert_eq!(points[0].responsible, ["Croix Rouge Danoise"]);
}

#[test]
fn merged_cells_keep_columns_in_place() {
    let body = table(&[
        // A title across the three columns.
        r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>Points d'action</w:t></w:r></w:p></w:tc></w:tr>"#.to_owned(),
        r#"<w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>OIM</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2023</w:t></w:r></w:p></w:tc></w:tr>"#.to_owned(),
        // The merged cell continues: empty, though Word repeats nothing here.
        r#"<w:tr><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>reste</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2024</w:t></w:r></w:p></w:tc></w:tr>"#.to_owned(),
        // A forged span is bounded.
        r#"<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4000000000"/></w:tcPr><w:p/></w:tc></w:tr>"#.to_owned(),
    ]);
    let text = word_text(&body);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[..3],
        ["Points d'action\t\t", "A\tOIM\t2023", "B\t\t2024"]
    );
    assert_eq!(lines[3].len(), 62, "63 columns at most");
}

#[test]
fn cells_of_several_paragraphs_are_written_one_cell_per_line() {
    let body = [
        table(&[
            row(&[
                &["Points d’action"],
                &["Personnes/agences responsables"],
                &["Date limite"],
            ]),
            row(&[
                &["Prise de contact avec OCHA", "", "Partage du rapport"],
                &["SP/CCM", "DRC/MMC"],
                &["///"],
            ]),
            row(&[&["N/A"], &[], &[]]),
        ]),
        p("Fin"),
    ]
    .concat();
    assert_eq!(
        word_text(&body),
        "\tPoints d’action\n\tPersonnes/agences responsables\n\tDate limite\n\n\
         \tPrise de contact avec OCHA\nPartage du rapport\n\tSP/CCM\nDRC/MMC\n\t///\n\n\
         \tN/A\n\t\n\t\n\n\
         Fin\n"
    );
}

/// The shape above is seed 001's; the action-table parser still splits such a row by counting
/// lines rather than by the tab that starts each cell.
#[test]
fn action_points_of_cells_with_several_paragraphs() {
    let minutes = [
        p("Date\t28 Janvier 2021"),
        p("Points inscrits à l’ordre du jour"),
        p("1- Divers"),
        p("1. Divers"),
        p("Points de discussion clés"),
        p("Rien."),
        table(&[
            row(&[
                &["Points d’action"],
                &["Personnes/Agence Responsable"],
                &["Date limite"],
            ]),
            row(&[
                &["Prise de contact avec OCHA pour la création du pont"],
                &["SP/CCM", "DRC/MMC"],
                &["///"],
            ]),
        ]),
    ]
    .concat();
    let m = read_document("cr.docx", &docx(&minutes), &ReadOptions::default())
        .unwrap()
        .meeting;
    let points = &m.agenda[0].action_points;
    assert_eq!(points.len(), 1, "{:?}", m.agenda);
    assert!(points[0].what.starts_with("Prise de contact avec OCHA"));
    assert_eq!(points[0].responsible, ["SP/CCM", "DRC/MMC"]);
}

/// Seed 001's header: a table of label and value, the attendees one paragraph each.
#[test]
fn header_table_with_an_attendee_list_is_read() {
    let header = table(&[
        row(&[&["Date"], &["28 Janvier 2021"]]),
        row(&[&["Time"], &["9h30 - 11h20"]]),
        row(&[&["Lieu"], &["Virtuelle (skype)"]]),
        row(&[
            &["Présence"],
            &[
                "· Ministère de l’Intérieur (MI)",
                "· CICR",
                "· OIM",
                "· UNICEF",
            ],
        ]),
    ]);
    let body = [
        p("Compte-rendu de la réunion du Groupe de Travail sur la Migration"),
        header,
        p(""),
        p("Points inscrits à l’ordre du jour"),
        p("1- Divers ;"),
        p(""),
        p("1. Divers"),
        p("Points de discussion clés"),
        p("Rien."),
    ]
    .concat();
    let bytes = docx(&body);
    let text = word(&bytes).unwrap().0;
    assert!(
        text.contains("\tPrésence\n\t· Ministère de l’Intérieur (MI)\n· CICR\n· OIM\n· UNICEF\n\n"),
        "{text}"
    );
    let m = read_document("cr.docx", &bytes, &ReadOptions::default())
        .unwrap()
        .meeting;
    assert_eq!(m.date.to_string(), "2021-01-28");
    assert_eq!(m.place.as_deref(), Some("Virtuelle (skype)"));
    let organisations: Vec<&str> = m
        .attendance
        .iter()
        .map(|a| a.organisation.as_str())
        .collect();
    assert_eq!(organisations.len(), 4, "{organisations:?}");
    assert_eq!(m.agenda.len(), 1);
}

#[test]
fn tabs_inside_cells_do_not_shift_columns() {
    let body = table(&[row(&[&["1.\tOuverture"], &["SP/CCM"]])]);
    assert_eq!(word_text(&body), "1. Ouverture\tSP/CCM\n");
}

#[test]
fn nested_tables_give_their_paragraphs_to_the_enclosing_cell() {
    let inner = table(&[row(&[&["OIM"], &["Niamey"]]), row(&[&["UNHCR"], &[""]])]);
    let body = table(&[format!(
        "<w:tr>{}<w:tc>{}{inner}</w:tc></w:tr>",
        cell(&["Présence"]),
        p("Liste :")
    )]);
    let (text, notes) = word(&docx(&body)).unwrap();
    assert_eq!(text, "\tPrésence\n\tListe :\nOIM\nNiamey\nUNHCR\n\n");
    assert!(notes[0].ends_with("2 tables"), "{notes:?}");
}

fn nested_tables(depth: usize) -> String {
    let mut body = p("au fond");
    for _ in 0..depth {
        body = format!("<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>");
    }
    body
}

#[test]
fn tables_nested_beyond_the_limit_are_refused() {
    let (text, _) = word(&docx(&nested_tables(MAX_NESTING))).unwrap();
    assert_eq!(text, "au fond\n");
    assert_eq!(
        word(&docx(&nested_tables(MAX_NESTING + 1))),
        Err(IngestError::TooDeeplyNested { limit: MAX_NESTING })
    );
}

#[test]
fn xml_nested_beyond_a_sane_depth_is_refused() {
    let depth = 5000;
    let body = format!(
        "{}{}{}",
        "<w:customXml>".repeat(depth),
        p("x"),
        "</w:customXml>".repeat(depth)
    );
    let err = word(&docx(&body)).unwrap_err();
    assert!(
        matches!(err, IngestError::TooDeeplyNested { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("nested more than"));
    // Reasonable wrapping is read.
    let body = format!(
        "{}{}{}",
        "<w:customXml>".repeat(50),
        p("x"),
        "</w:customXml>".repeat(50)
    );
    assert_eq!(word_text(&body), "x\n");
}

// ---------------------------------------------------------------------------------------------
// Numbering.

const AGENDA_NUMBERING: &str = concat!(
    r#"<w:abstractNum w:abstractNumId="10">"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-"/></w:lvl>"#,
    r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>"#,
    r#"<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>"#,
    r#"</w:abstractNum>"#,
    r#"<w:abstractNum w:abstractNumId="20">"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>"#,
    r#"</w:abstractNum>"#,
    r#"<w:abstractNum w:abstractNumId="30">"#,
    r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>"#,
    r#"</w:abstractNum>"#,
    r#"<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>"#,
    r#"<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>"#,
    r#"<w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>"#,
    // A second list of the same definition, restarting at 1.
    r#"<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
);

#[test]
fn list_paragraphs_carry_their_numbers() {
    let body = [
        p("Points inscrits à l’ordre du jour"),
        list_p(2, 0, "Ouverture (SP/CCM) ;"),
        list_p(1, 0, "Présentation du projet (Nexus) ;"),
        list_p(1, 1, "volet santé"),
        list_p(1, 1, "volet emploi"),
        list_p(1, 2, "détail"),
        p("Un paragraphe entre deux points de la même liste."),
        list_p(1, 0, "Divers ;"),
        list_p(1, 1, "premier sous-point"),
        list_p(4, 0, "Nouvelle liste"),
        list_p(3, 0, "La rencontre"),
        list_p(3, 0, "La réunion"),
        list_p(3, 0, "Suivi"),
        list_p(3, 0, "Suivi"),
        // numId 0 is "no numbering"; an unknown list gives no label.
        list_p(0, 0, "Sans numéro"),
        list_p(99, 0, "Liste inconnue"),
        // An empty list paragraph shows no lone number.
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>"#
            .to_owned(),
        list_p(1, 0, "Coordination prochaines étapes."),
    ]
    .concat();
    let (text, _) = word(&docx_with_numbering(&body, AGENDA_NUMBERING)).unwrap();
    assert_eq!(
        text,
        "Points inscrits à l’ordre du jour\n\
         - Ouverture (SP/CCM) ;\n\
         1- Présentation du projet (Nexus) ;\n\
         a) volet santé\n\
         b) volet emploi\n\
         1.b.i détail\n\
         Un paragraphe entre deux points de la même liste.\n\
         2- Divers ;\n\
         a) premier sous-point\n\
         1- Nouvelle liste\n\
         I. La rencontre\n\
         II. La réunion\n\
         III. Suivi\n\
         IV. Suivi\n\
         Sans numéro\n\
         Liste inconnue\n\
         \n\
         4- Coordination prochaines étapes.\n"
    );
}

#[test]
fn numbering_given_by_a_paragraph_style() {
    let styles = format!(
        concat!(
            r#"<w:styles xmlns:w="{W}">"#,
            r#"<w:style w:type="paragraph" w:styleId="ListeNum"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Agenda"><w:basedOn w:val="ListeNum"/></w:style>"#,
            r#"</w:styles>"#
        ),
        W = W
    );
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
            run(text)
        )
    };
    let body = [
        styled("Agenda", "Ouverture"),
        styled("Normal", "Texte"),
        styled("ListeNum", "Divers"),
    ]
    .concat();
    let bytes = zip_of(&[
        ("word/document.xml", document_xml(&body).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    assert_eq!(word(&bytes).unwrap().0, "1. Ouverture\nTexte\n2. Divers\n");
}

#[test]
fn numbered_agenda_is_read_with_its_numbers() {
    let body = [
        p("Date\t17/05/2022"),
        p("Points inscrits à l’ordre du jour"),
        list_p(1, 0, "Présentation du compte rendu ;"),
        list_p(1, 0, "Divers ;"),
        p(""),
        p("1. Présentation du compte rendu"),
        p("Points de discussion clés"),
        p("Adopté."),
        p("2. Divers"),
        p("Points de discussion clés"),
        p("Rien."),
    ]
    .concat();
    let m = read_document(
        "cr.docx",
        &docx_with_numbering(&body, AGENDA_NUMBERING),
        &ReadOptions::default(),
    )
    .unwrap()
    .meeting;
    let agenda: Vec<(u32, &str)> = m
        .agenda
        .iter()
        .map(|i| (i.number, i.title.as_str()))
        .collect();
    assert_eq!(agenda, [(1, "Présentation du compte rendu"), (2, "Divers")]);
}

// ---------------------------------------------------------------------------------------------
// Refusals and limits.

#[test]
fn old_doc_rtf_and_garbage_are_refused_with_the_reason() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    assert_eq!(
        unreadable_reason(word(&ole)),
        "this is an old Word 97-2003 .doc (or an encrypted document): save it as .docx"
    );
    assert!(unreadable_reason(word(b"{\\rtf1\\ansi Bonjour}")).contains("RTF"));
    assert!(unreadable_reason(word(b"Compte rendu de la reunion")).contains("not a zip archive"));
    assert!(unreadable_reason(word(b"PK\x03\x04 cut short")).contains("damaged"));
    let mut truncated = docx(&p("Bonjour"));
    truncated.truncate(truncated.len() / 2);
    assert!(matches!(
        word(&truncated),
        Err(IngestError::Unreadable { .. })
    ));
    let err = read_document("a.docx", &ole, &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "this is not a readable Word document: this is an old Word 97-2003 .doc (or an encrypted document): save it as .docx"
    );
}

#[test]
fn archives_that_are_not_word_documents_are_refused() {
    let xlsx = zip_of(&[("xl/workbook.xml", b"<workbook/>")]);
    assert!(unreadable_reason(word(&xlsx)).contains("word/document.xml"));
    let broken = zip_of(&[(
        "word/document.xml",
        format!(r#"<w:document xmlns:w="{W}"><w:body><w:p></w:body></w:document>"#).as_bytes(),
    )]);
    let reason = unreadable_reason(word(&broken));
    assert!(
        reason.starts_with("word/document.xml is not well-formed XML"),
        "{reason}"
    );
    let cut = zip_of(&[(
        "word/document.xml",
        format!(r#"<w:document xmlns:w="{W}"><w:body><w:p>"#).as_bytes(),
    )]);
    assert!(unreadable_reason(word(&cut)).contains("cut short"));
    let bad_numbering = zip_of(&[
        ("word/document.xml", document_xml(&p("x")).as_bytes()),
        ("word/numbering.xml", b"<w:numbering><oops></w:numbering>"),
    ]);
    assert!(unreadable_reason(word(&bad_numbering)).starts_with("word/numbering.xml"));
    let latin1 = zip_of(&[("word/document.xml", b"<w:document>r\xe9union</w:document>")]);
    assert!(unreadable_reason(word(&latin1)).contains("not valid UTF-8"));
}

#[test]
fn archives_of_too_many_files_are_refused() {
    let names: Vec<String> = (0..10_001).map(|i| format!("f{i}")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let document = document_xml(&p("x"));
    parts.push(("word/document.xml", document.as_bytes()));
    assert!(unreadable_reason(word(&zip_of(&parts))).contains("more than 10000 files"));
    // Ten thousand is still a (strange) document.
    parts.drain(..2);
    assert_eq!(word(&zip_of(&parts)).unwrap().0, "x\n");
}

#[test]
fn decompression_bombs_are_refused_whatever_the_archive_declares() {
    // Small once compressed, over the limit once expanded.
    let head = format!(r#"<w:document xmlns:w="{W}"><w:body>"#);
    let mut xml = head.into_bytes();
    xml.resize(MAX_TEXT_BYTES + 10, b' ');
    xml.extend(b"</w:body></w:document>");
    let bomb = zip_of(&[("word/document.xml", &xml)]);
    assert!(bomb.len() < MAX_TEXT_BYTES / 100);
    assert_eq!(
        word(&bomb),
        Err(IngestError::DecompressionBomb {
            entry: "word/document.xml".into(),
            limit: MAX_TEXT_BYTES,
        })
    );
}

/// Damaged copies of a real-looking document: every one is read or refused, none panics.
#[test]
fn damaged_documents_never_panic() {
    let body = [
        p("Date\t16 février 2023"),
        list_p(1, 0, "Ouverture"),
        table(&[row(&[&["a", "b"], &["c"]]), row(&[&["d"], &["e"]])]),
    ]
    .concat();
    let original = docx_with_numbering(&body, AGENDA_NUMBERING);
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut read = 0;
    for _ in 0..3000 {
        let mut bytes = original.clone();
        for _ in 0..1 + next() % 4 {
            let at = (next() % bytes.len() as u64) as usize;
            bytes[at] = next() as u8;
        }
        if next() % 5 == 0 {
            bytes.truncate((next() % bytes.len() as u64) as usize);
        }
        read += usize::from(word(&bytes).is_ok());
    }
    // Most damage falls in compressed data, caught by its checksum; some copies still read.
    assert!(read > 0);
}

// ---------------------------------------------------------------------------------------------
// The seeds, as Word documents and in other encodings.

fn seeds() -> Vec<(String, String)> {
    let dir = seeds_dir();
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read seeds at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("seeds are UTF-8");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 4, "seeds missing in {}", dir.display());
    seeds
}

/// A Word document saying what `text` says: lines with tabs become table rows (consecutive
/// ones one table), "- " lines bullet paragraphs, "1- "/"1. " lines numbered paragraphs whose
/// numbers Word computes (a list continues across other paragraphs, as agenda headings do).
/// Also says how many paragraphs were made bullets and numbered items.
fn docx_from_text(text: &str) -> (Vec<u8>, usize, usize) {
    let (mut bullets, mut numbered_items) = (0, 0);
    let mut body = String::new();
    let mut rows: Vec<String> = Vec::new();
    let mut nums = String::new();
    let mut next_num = 10;
    // For each separator: the list in progress and its last number.
    let mut lists: [(u32, u32); 2] = [(0, 0); 2];
    for line in text.lines() {
        if line.contains('\t') {
            let cells: String = line
                .split('\t')
                .map(|c| format!("<w:tc>{}</w:tc>", p(c)))
                .collect();
            rows.push(format!("<w:tr>{cells}</w:tr>"));
            continue;
        }
        if !rows.is_empty() {
            body.push_str(&table(&rows));
            rows.clear();
        }
        let numbered = line
            .split_once(['-', '.'])
            .filter(|(n, rest)| {
                !n.is_empty()
                    && n.len() <= 2
                    && n.bytes().all(|b| b.is_ascii_digit())
                    && rest.starts_with(' ')
                    && !rest[1..].starts_with(' ')
                    && !rest.trim().is_empty()
            })
            .map(|(n, rest)| {
                let sep = line.as_bytes()[n.len()];
                (n.parse::<u32>().unwrap(), sep, &rest[1..])
            });
        match numbered {
            Some((n, sep, rest)) => {
                let which = usize::from(sep == b'.');
                let (num_id, last) = &mut lists[which];
                if *num_id != 0 && n == *last + 1 {
                    *last = n;
                    numbered_items += 1;
                    body.push_str(&list_p(*num_id, 0, rest));
                } else if n == 1 {
                    next_num += 1;
                    *num_id = next_num;
                    *last = 1;
                    nums.push_str(&format!(
                        r#"<w:num w:numId="{next_num}"><w:abstractNumId w:val="{abs}"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#,
                        abs = 1 + which
                    ));
                    body.push_str(&list_p(next_num, 0, rest));
                    numbered_items += 1;
                } else {
                    body.push_str(&p(line));
                }
            }
            None => match line.strip_prefix("- ") {
                Some(rest) if !rest.trim().is_empty() && !rest.starts_with(' ') => {
                    body.push_str(&list_p(3, 0, rest));
                    bullets += 1;
                }
                _ => body.push_str(&p(line)),
            },
        }
    }
    if !rows.is_empty() {
        body.push_str(&table(&rows));
    }
    let numbering = format!(
        concat!(
            r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1-"/></w:lvl></w:abstractNum>"#,
            r#"<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>"#,
            r#"<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>"#,
            r#"<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>{nums}"#
        ),
        nums = nums
    );
    (
        docx_with_numbering(&body, &numbering),
        bullets,
        numbered_items,
    )
}

/// The meeting without what depends on the file itself: its bytes and the reading notes.
fn comparable(mut m: NewMeeting) -> NewMeeting {
    m.source = None;
    m.warnings.retain(|w| w.field != "document");
    m
}

fn meeting(name: &str, bytes: &[u8]) -> NewMeeting {
    let m = read_document(name, bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .meeting;
    comparable(m)
}

fn assert_same_meeting(what: &str, expected: &NewMeeting, got: &NewMeeting) {
    assert!(!expected.agenda.is_empty() || !expected.recommendations.is_empty());
    assert_eq!(got.date, expected.date, "{what}: date");
    assert_eq!(got.place, expected.place, "{what}: place");
    assert_eq!(
        got.attendance.len(),
        expected.attendance.len(),
        "{what}: attendance"
    );
    let titles = |m: &NewMeeting| m.agenda.iter().map(|i| i.title.clone()).collect::<Vec<_>>();
    assert_eq!(titles(got), titles(expected), "{what}: agenda titles");
    let points = |m: &NewMeeting| {
        m.agenda
            .iter()
            .flat_map(|i| i.action_points.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(points(got), points(expected), "{what}: action points");
    assert_eq!(got, expected, "{what}: the rest of the meeting");
}

#[test]
fn seeds_read_the_same_as_word_documents() {
    let (mut bullets, mut numbered_items) = (0, 0);
    for (name, text) in seeds() {
        let expected = meeting(&name, text.as_bytes());
        let (bytes, b, n) = docx_from_text(&text);
        bullets += b;
        numbered_items += n;
        let as_text = read_text(&name, text.as_bytes(), &ReadOptions::default()).unwrap();
        let as_word = read_text("x.docx", &bytes, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{name} as .docx: {e}"));
        assert_eq!(as_word.text.trim_end(), as_text.text.trim_end(), "{name}");
        assert!(as_word.notes[0].starts_with("read from Word"));
        let got = meeting("x.docx", &bytes);
        assert_same_meeting(&format!("{name} as .docx"), &expected, &got);
    }
    // The seeds' lists went through Word numbering, not only plain paragraphs.
    assert!(
        bullets > 20 && numbered_items > 10,
        "{bullets} {numbered_items}"
    );
}

/// The seed with what Windows-1252 cannot write (a check mark) replaced, so that all
/// encodings hold the same text.
fn in_1252_repertoire(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut buf = [0; 4];
            if WINDOWS_1252.encode(c.encode_utf8(&mut buf)).2 {
                '?'
            } else {
                c
            }
        })
        .collect()
}

#[test]
fn seeds_read_the_same_in_every_encoding() {
    for (name, text) in seeds() {
        let text = in_1252_repertoire(&text);
        let expected = meeting(&name, text.as_bytes());
        let (latin, _, unmappable) = WINDOWS_1252.encode(&text);
        assert!(!unmappable);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (encoding, bytes, note) in [
            (
                "Windows-1252",
                latin.into_owned(),
                "decoded as Windows-1252",
            ),
            ("UTF-16 LE with BOM", le, "decoded as UTF-16 LE"),
            ("UTF-16 BE without BOM", be, "decoded as UTF-16 BE"),
        ] {
            let what = format!("{name} in {encoding}");
            let read = read_text("x.txt", &bytes, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            assert!(
                read.notes.iter().any(|n| n.starts_with(note)),
                "{what}: {:?}",
                read.notes
            );
            assert_same_meeting(&what, &expected, &meeting("x.txt", &bytes));
        }
    }
}

#[test]
fn a_seed_garbled_by_a_wrong_encoding_is_repaired() {
    let (name, text) = seeds().swap_remove(0);
    let text = in_1252_repertoire(&text);
    let garbled = WINDOWS_1252
        .decode_without_bom_handling(text.as_bytes())
        .0
        .into_owned();
    assert!(garbled.contains("Ã©"));
    let read = read_text("x.txt", garbled.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(read.notes.iter().any(|n| n.starts_with("accents repaired")));
    assert_same_meeting(
        &format!("{name} garbled"),
        &meeting(&name, text.as_bytes()),
        &meeting("x.txt", garbled.as_bytes()),
    );
}
