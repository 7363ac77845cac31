//! A .docx holding the text: paragraphs, and tables for tab-separated lines.
//!
//! Word splits a paragraph's text into runs wherever formatting, spell-checking or editing
//! history changed, often inside a word; a reader that takes one run for one word or one
//! paragraph is wrong on real files. The runs here are cut at points that vary from 7 to 40
//! characters, mid-word included, and every other run carries formatting.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="fr-FR"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>"#;

const DOCUMENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#;

const DOCUMENT_END: &str = r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// The width of the printable part of an A4 page with Word's default margins, in twentieths of
/// a point: table columns share it.
const TEXT_WIDTH: usize = 9072;

pub fn render(text: &str) -> Vec<u8> {
    let document = document_xml(text);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", document.as_str()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", STYLES),
    ] {
        // Writing into memory cannot fail short of running out of it.
        zip.start_file(name, options)
            .expect("a zip entry in memory");
        zip.write_all(content.as_bytes())
            .expect("a zip entry in memory");
    }
    zip.finish().expect("a zip archive in memory").into_inner()
}

/// The body of word/document.xml: one paragraph per line, one table per run of lines holding
/// tabs.
pub fn document_xml(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    // A file's final line end does not open one more paragraph.
    let lines = match lines.split_last() {
        Some((last, rest)) if last.is_empty() && !rest.is_empty() => rest,
        _ => &lines[..],
    };
    let mut runs = RunCutter::default();
    let mut xml = String::with_capacity(text.len() * 3);
    xml.push_str(DOCUMENT_START);
    let mut last_was_table = false;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].contains('\t') {
            let end = lines[i..]
                .iter()
                .position(|l| !l.contains('\t'))
                .map_or(lines.len(), |n| i + n);
            table(&mut xml, &lines[i..end], &mut runs);
            last_was_table = true;
            i = end;
        } else {
            paragraph(&mut xml, lines[i], &mut runs);
            last_was_table = false;
            i += 1;
        }
    }
    // Word requires a paragraph between the last table and the section properties.
    if last_was_table {
        xml.push_str("<w:p/>");
    }
    xml.push_str(DOCUMENT_END);
    xml
}

fn table(xml: &mut String, lines: &[&str], runs: &mut RunCutter) {
    let rows: Vec<Vec<&str>> = lines.iter().map(|l| l.split('\t').collect()).collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
    let width = TEXT_WIDTH / columns;
    xml.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>"#);
    for _ in 0..columns {
        let _ = write!(xml, r#"<w:gridCol w:w="{width}"/>"#);
    }
    xml.push_str("</w:tblGrid>");
    for row in &rows {
        xml.push_str("<w:tr>");
        for c in 0..columns {
            match row.get(c) {
                Some(cell) if !cell.is_empty() => {
                    xml.push_str("<w:tc>");
                    paragraph(xml, cell, runs);
                    xml.push_str("</w:tc>");
                }
                _ => xml.push_str("<w:tc><w:p/></w:tc>"),
            }
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
}

fn paragraph(xml: &mut String, text: &str, runs: &mut RunCutter) {
    if text.is_empty() {
        xml.push_str("<w:p/>");
        return;
    }
    xml.push_str("<w:p>");
    let mut rest = text;
    while !rest.is_empty() {
        let take = runs.next_length();
        let end = rest.char_indices().nth(take).map_or(rest.len(), |(i, _)| i);
        let (run, after) = rest.split_at(end);
        xml.push_str("<w:r>");
        if runs.formatted() {
            xml.push_str(r#"<w:rPr><w:lang w:val="fr-FR"/></w:rPr>"#);
        }
        xml.push_str(r#"<w:t xml:space="preserve">"#);
        escape_into(xml, run);
        xml.push_str("</w:t></w:r>");
        rest = after;
    }
    xml.push_str("</w:p>");
}

/// Where runs end: a fixed pseudo-random sequence, so that the same text always gives the same
/// file.
#[derive(Default)]
struct RunCutter {
    state: u32,
    count: u32,
}

impl RunCutter {
    fn next_length(&mut self) -> usize {
        self.state = self
            .state
            .wrapping_mul(1_664_525)
            .wrapping_add(1_013_904_223);
        self.count += 1;
        7 + (self.state >> 16) as usize % 34
    }

    fn formatted(&self) -> bool {
        self.count.is_multiple_of(2)
    }
}

/// Text as XML character data. Characters XML 1.0 forbids (control characters other than tab,
/// line feed and carriage return) have no place in a Word file and are dropped, as Word does.
fn escape_into(xml: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\'' => xml.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => xml.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::Event;
    use std::io::Read as _;

    fn entries(bytes: &[u8]) -> Vec<(String, String)> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).unwrap();
                let mut content = String::new();
                file.read_to_string(&mut content).unwrap();
                (file.name().unwrap().into_owned(), content)
            })
            .collect()
    }

    /// What a reader sees in the body: per top-level block, either a paragraph's text or a
    /// table's rows of cell texts, with the number of runs met.
    #[derive(Debug, PartialEq)]
    enum Block {
        Paragraph(String),
        Table(Vec<Vec<String>>),
    }

    fn blocks(document: &str) -> (Vec<Block>, usize) {
        let mut reader = Reader::from_str(document);
        let mut out = Vec::new();
        let mut runs = 0;
        let mut text = String::new();
        let mut in_text = false;
        let mut table: Option<Vec<Vec<String>>> = None;
        let mut seen_body = false;
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) => match e.name().as_ref() {
                    "w:body" => seen_body = true,
                    "w:tbl" => table = Some(Vec::new()),
                    "w:tr" => table.as_mut().unwrap().push(Vec::new()),
                    "w:p" => text.clear(),
                    "w:r" => runs += 1,
                    "w:t" => {
                        in_text = true;
                        let preserve = e.attributes().any(|a| {
                            let a = a.unwrap();
                            a.key.as_ref() == "xml:space" && a.value.as_ref() == "preserve"
                        });
                        assert!(preserve, "every w:t preserves spaces");
                    }
                    _ => {}
                },
                Event::Empty(e) if e.name().as_ref() == "w:p" => match table.as_mut() {
                    Some(rows) => rows.last_mut().unwrap().push(String::new()),
                    None => out.push(Block::Paragraph(String::new())),
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
                    "w:p" => match table.as_mut() {
                        Some(rows) => rows.last_mut().unwrap().push(std::mem::take(&mut text)),
                        None => out.push(Block::Paragraph(std::mem::take(&mut text))),
                    },
                    "w:tbl" => out.push(Block::Table(table.take().unwrap())),
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        assert!(seen_body);
        (out, runs)
    }

    #[test]
    fn the_package_has_the_parts_word_needs() {
        let names: Vec<String> = entries(&render("x")).into_iter().map(|(n, _)| n).collect();
        for part in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
        ] {
            assert!(names.iter().any(|n| n == part), "{part} missing: {names:?}");
        }
        for (name, content) in entries(&render("x")) {
            let mut reader = Reader::from_str(&content);
            while reader
                .read_event()
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                != Event::Eof
            {}
        }
    }

    #[test]
    fn lines_become_paragraphs_and_tab_lines_tables() {
        let long = "Présentation du projet de la Croix Rouge Danoise dans le domaine de la migration & <autres> \"sujets\"";
        let text = format!(
            "Titre\n\nDate\t16 février 2023\nLieu\tSalle  A\nPoints d'action\tResponsables\tDate limite\n{long}\nFin\tx\n"
        );
        let bytes = render(&text);
        let document = entries(&bytes)
            .into_iter()
            .find(|(n, _)| n == "word/document.xml")
            .unwrap()
            .1;
        let (blocks, runs) = blocks(&document);
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph("Titre".into()),
                Block::Paragraph(String::new()),
                Block::Table(vec![
                    row(&["Date", "16 février 2023", ""]),
                    row(&["Lieu", "Salle  A", ""]),
                    row(&["Points d'action", "Responsables", "Date limite"]),
                ]),
                Block::Paragraph(long.into()),
                Block::Table(vec![row(&["Fin", "x"])]),
                // Word's paragraph after a closing table.
                Block::Paragraph(String::new()),
            ]
        );
        // The long paragraph alone needs at least three runs of at most 40 characters.
        assert!(runs >= 3 + 8, "{runs} runs");
        assert!(document.contains("<w:tc><w:p/></w:tc>"));
    }

    #[test]
    fn runs_split_words_somewhere() {
        let text = "Coordination prochaines étapes et partage de l'information entre les acteurs de la migration au Niger";
        let document = document_xml(text);
        let pieces: Vec<&str> = document
            .split(r#"<w:t xml:space="preserve">"#)
            .skip(1)
            .map(|p| p.split("</w:t>").next().unwrap())
            .collect();
        assert!(pieces.len() > 2, "{pieces:?}");
        assert_eq!(pieces.concat(), text.replace('\'', "&apos;"));
        let mid_word = pieces.windows(2).any(|w| {
            w[0].ends_with(|c: char| c.is_alphabetic())
                && w[1].starts_with(|c: char| c.is_alphabetic())
        });
        assert!(mid_word, "{pieces:?}");
    }

    #[test]
    fn the_same_text_gives_the_same_file() {
        assert_eq!(render("a\tb\nc"), render("a\tb\nc"));
    }
}
