//! Minutes as a Word document (.docx), written by hand: the smallest valid package Word,
//! LibreOffice and Cadre's own reader open, with no template file.
//!
//! Parts: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
//! `word/_rels/document.xml.rels`, `word/styles.xml` (Title, Heading1–3, a bordered table
//! style), `word/footer1.xml` (page "1 / 3" as Word fields) and `docProps/core.xml`.
//!
//! Tables are real Word tables (`w:tbl`): the action points of each agenda item, the header,
//! the follow-up and the recommendations. Header rows repeat on each page (`w:tblHeader`) and
//! no row breaks across pages (`w:cantSplit`). A cell holds one paragraph except the
//! attendance, one paragraph per organisation.

use std::fmt::Write as _;
use std::io::Write as _;

use cadre_i18n::Lang;
use chrono::Datelike;
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use crate::model::{self, Block, Table};
use crate::{Document, MinutesInput};

/// A4 less 2 cm margins, in twentieths of a point: the width table columns share.
const TEXT_WIDTH: u32 = 11906 - 2 * 1134;

/// The minutes as a .docx file.
pub fn minutes(input: &MinutesInput) -> Vec<u8> {
    write(&Document {
        title: model::title(input),
        blocks: model::minutes(input),
        lang: input.lang,
        today: input.today,
    })
}

/// Any of Cadre's documents as a .docx file.
pub(crate) fn write(doc: &Document) -> Vec<u8> {
    let document = document_xml(&doc.blocks);
    let core = core_xml(&doc.title, doc);
    let styles = styles_xml(doc.lang);
    // The archive's entries are dated `today`, at midnight: the same input gives the same
    // bytes.
    let d = doc.today;
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(d.year().clamp(1980, 2107)).unwrap_or(1980),
        d.month() as u8,
        d.day() as u8,
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(stamp);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", core.as_str()),
        ("word/document.xml", document.as_str()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles.as_str()),
        ("word/footer1.xml", FOOTER),
    ] {
        // Writing into memory cannot fail short of running out of it.
        zip.start_file(name, options)
            .expect("a zip entry in memory");
        zip.write_all(content.as_bytes())
            .expect("a zip entry in memory");
    }
    zip.finish().expect("a zip archive in memory").into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// "PAGE / NUMPAGES", centred: Word fills the fields in as it lays the pages out.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> / </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>"#;

/// Calibri 11 pt in the document's language; headings bold and kept with the next
/// paragraph; "CadreTable" with single borders and cell margins.
fn styles_xml(lang: Lang) -> String {
    let lang = match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    };
    let heading = |id: &str, name: &str, level: u8, size: u32, color: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:b/><w:color w:val="{color}"/><w:sz w:val="{size}"/></w:rPr></w:style>"#
        )
    };
    let border =
        |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/></w:rPr></w:style>"#,
            "{h1}{h2}{h3}",
            r#"<w:style w:type="paragraph" w:styleId="Label"><w:name w:val="Label"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>"#,
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            r#"<w:style w:type="table" w:styleId="CadreTable"><w:name w:val="Cadre Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>{borders}</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            "</w:styles>"
        ),
        lang = lang,
        h1 = heading("Heading1", "heading 1", 0, 28, "1F3864"),
        h2 = heading("Heading2", "heading 2", 1, 24, "2F5496"),
        h3 = heading("Heading3", "heading 3", 2, 22, "2F5496"),
        borders = borders,
    )
}

/// Title, language, author and dates (midnight UTC of `today`) of the document.
fn core_xml(title: &str, input: &Document) -> String {
    let stamp = format!("{}T00:00:00Z", input.today.format("%Y-%m-%d"));
    let lang = match input.lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    };
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>"#,
    );
    escape_into(&mut xml, title);
    let _ = write!(
        xml,
        r#"</dc:title><dc:creator>Cadre</dc:creator><cp:lastModifiedBy>Cadre</cp:lastModifiedBy><dc:language>{lang}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#
    );
    xml
}

const DOCUMENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#;

/// A4, 2 cm margins, the footer with the page numbers.
const DOCUMENT_END: &str = r#"<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

fn document_xml(blocks: &[Block]) -> String {
    let mut xml = String::with_capacity(16 * 1024);
    xml.push_str(DOCUMENT_START);
    for block in blocks {
        match block {
            Block::Title(text) => paragraph(&mut xml, Some("Title"), false, text),
            Block::Heading(level, text) => {
                let style = match level {
                    1 => "Heading1",
                    2 => "Heading2",
                    _ => "Heading3",
                };
                paragraph(&mut xml, Some(style), false, text);
            }
            Block::Label(text) => paragraph(&mut xml, Some("Label"), false, text),
            Block::Paragraph(text) => paragraph(&mut xml, None, false, text),
            Block::Table(table) => {
                write_table(&mut xml, table);
                // Two tables in a row would merge into one, and Word wants a paragraph
                // between the last table and the section properties.
                xml.push_str("<w:p/>");
            }
        }
    }
    xml.push_str(DOCUMENT_END);
    xml
}

fn paragraph(xml: &mut String, style: Option<&str>, bold: bool, text: &str) {
    xml.push_str("<w:p>");
    if let Some(style) = style {
        let _ = write!(xml, r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#);
    }
    if !text.is_empty() {
        xml.push_str("<w:r>");
        if bold {
            xml.push_str("<w:rPr><w:b/></w:rPr>");
        }
        // Line breaks inside a paragraph become Word line breaks; tabs would shift a
        // reader's columns and become spaces.
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                xml.push_str("<w:br/>");
            }
            xml.push_str(r#"<w:t xml:space="preserve">"#);
            escape_into(xml, &line.replace('\t', " "));
            xml.push_str("</w:t>");
        }
        xml.push_str("</w:r>");
    }
    xml.push_str("</w:p>");
}

fn write_table(xml: &mut String, table: &Table) {
    let total: u32 = table.widths.iter().sum::<u32>().max(1);
    let widths: Vec<u32> = table
        .widths
        .iter()
        .map(|w| TEXT_WIDTH * w / total)
        .collect();
    xml.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="CadreTable"/>"#);
    let _ = write!(
        xml,
        r#"<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="{}" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
        u8::from(table.first_column_bold)
    );
    for w in &widths {
        let _ = write!(xml, r#"<w:gridCol w:w="{w}"/>"#);
    }
    xml.push_str("</w:tblGrid>");
    if let Some(header) = &table.header {
        xml.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (cell, w) in header.iter().zip(&widths) {
            cell_xml(xml, *w, Some("D9E2F3"), true, std::slice::from_ref(cell));
        }
        xml.push_str("</w:tr>");
    }
    for row in &table.rows {
        xml.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for (c, w) in widths.iter().enumerate() {
            let paragraphs = row.get(c).map(Vec::as_slice).unwrap_or(&[]);
            let first = c == 0 && table.first_column_bold;
            cell_xml(xml, *w, first.then_some("F2F2F2"), first, paragraphs);
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
}

fn cell_xml(xml: &mut String, width: u32, fill: Option<&str>, bold: bool, paragraphs: &[String]) {
    let _ = write!(xml, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
    if let Some(fill) = fill {
        let _ = write!(
            xml,
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>"#
        );
    }
    xml.push_str("</w:tcPr>");
    // A cell holds at least one paragraph, even when empty.
    let empty = [String::new()];
    let paragraphs = if paragraphs.is_empty() {
        &empty[..]
    } else {
        paragraphs
    };
    for p in paragraphs {
        paragraph(xml, Some("TableText"), bold, p);
    }
    xml.push_str("</w:tc>");
}

/// Text as XML character data. Characters XML 1.0 forbids (control characters other than
/// tab, line feed and carriage return, and U+FFFE/U+FFFF) are dropped, as Word does.
fn escape_into(xml: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => xml.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        let mut s = String::new();
        escape_into(&mut s, "a<b>&\"c\u{1}d\u{FFFF}");
        assert_eq!(s, "a&lt;b&gt;&amp;&quot;cd");
    }

    #[test]
    fn paragraphs_keep_line_breaks_and_lose_tabs() {
        let mut s = String::new();
        paragraph(&mut s, None, true, "un\tdeux\ntrois");
        assert_eq!(
            s,
            r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">un deux</w:t><w:br/><w:t xml:space="preserve">trois</w:t></w:r></w:p>"#
        );
    }
}
