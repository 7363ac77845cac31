//! Hostile documents, generated here and never stored: originals hiding contacts where the
//! extracted text does not show them (security review, issue 7), and PDF bombs.

mod common;

use std::time::{Duration, Instant};

use cadre_domain::privacy::contains_contact;
use cadre_ingest::formats::{
    Format, MAX_GLYPHS_PER_PAGE, MAX_NESTING, MAX_PATHS_PER_PAGE, MAX_STREAM_BYTES,
    MAX_STREAMS_BYTES, extract, original_holds_contacts,
};
use cadre_ingest::{IngestError, ReadOptions, read_text};
use cadre_renderings::hostile::{
    flate_bomb_pdf, form_flood_pdf, glyph_flood_pdf, nested_arrays_pdf, pdf, pdf_with_content,
    pdf_with_trailer, stream, unclosed_string_pdf, with_parts, zlib,
};
use cadre_renderings::pdf::PdfOptions;

/// Minutes free of any contact.
const CLEAN: &str = "Compte rendu de la réunion du Groupe de Travail Migration de Tahoua\n\
Date : 16 février 2023, de 10h00 à 12h30, salle de réunion du Gouvernorat\n\
Points inscrits à l'ordre du jour\n\
1. Ouverture\n\
2. Situation des retours (147 000 personnes en 2022)\n\
N°\tActivité\tResponsable\tÉchéance\n\
1\tRecenser les migrants de retour\tDRECM/R\t31/03/2023\n\
2\tPartager le rapport 2020-2035\tOIM\tLe plus tôt possible\n\
Prochaine réunion : 16 mars 2023";

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// ---------------------------------------------------------------------------------------------
// Word documents.

/// The clean minutes as a .docx, with `parts` added or replacing the rendered ones.
fn docx_with(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    with_parts(&cadre_renderings::docx::render(CLEAN), parts)
}

/// The clean minutes' document.xml with `extra` (body XML) before the section properties.
fn document_with(extra: &str) -> Vec<u8> {
    cadre_renderings::docx::document_xml(CLEAN)
        .replace("<w:sectPr>", &format!("{extra}<w:sectPr>"))
        .into_bytes()
}

fn part(xml: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{xml}"#).into_bytes()
}

fn docx_holds(bytes: &[u8]) -> bool {
    original_holds_contacts(Format::Docx, bytes)
}

const CORE: &str = r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Compte rendu GTM Tahoua</dc:title><dc:creator>CREATOR</dc:creator><cp:lastModifiedBy>Secrétariat SP/CCM</cp:lastModifiedBy><cp:revision>12</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">2023-02-16T10:30:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2023-02-17T08:05:00Z</dcterms:modified></cp:coreProperties>"#;

const APP: &str = r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template><TotalTime>134</TotalTime><Pages>3</Pages><Words>1234</Words><Characters>6789</Characters><Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><Lines>56</Lines><Paragraphs>15</Paragraphs><ScaleCrop>false</ScaleCrop><Company>SP/CCM</Company><CharactersWithSpaces>8011</CharactersWithSpaces><AppVersion>16.0000</AppVersion></Properties>"#;

fn settings() -> String {
    format!(
        r#"<w:settings xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:zoom w:percent="100"/><w:defaultTabStop w:val="708"/><w:rsids><w:rsidRoot w:val="00972539"/><w:rsid w:val="00123456"/><w:rsid w:val="96972539"/><w:rsid w:val="20230216"/></w:rsids><w14:docId w14:val="5B2C7E1A"/><w15:docId w15:val="{{3A1C5D2E-1234-5678-9ABC-123456789012}}"/></w:settings>"#
    )
}

fn footer(text: &str) -> String {
    format!(
        r#"<w:ftr xmlns:w="{W}"><w:p><w:r><w:t xml:space="preserve">{text} Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>"#
    )
}

/// A small PNG: noise for pixels, a text chunk naming the software (and `author`, if any).
fn png(author: Option<&str>) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0, 0, 0, 0]);
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&128u32.to_be_bytes());
    ihdr.extend_from_slice(&128u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"tEXt", b"Software\0GIMP 2.10.34");
    if let Some(author) = author {
        chunk(&mut out, b"tEXt", format!("Author\0{author}").as_bytes());
    }
    chunk(&mut out, b"IDAT", &zlib(&noise(128 * (128 * 3 + 1))));
    chunk(&mut out, b"IEND", b"");
    out
}

/// A JPEG: JFIF and EXIF segments (with `artist` in the latter), then noise for image data.
fn jpeg(artist: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    let mut segment = |marker: u8, payload: &[u8]| {
        out.extend_from_slice(&[0xFF, marker]);
        out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(payload);
    };
    segment(0xE0, b"JFIF\0\x01\x01\0\0\x48\0\x48\0\0");
    segment(
        0xE1,
        format!("Exif\0\0MM\0\x2a\0\0\0\x08Canon EOS 5D\0{artist}\0").as_bytes(),
    );
    segment(0xDA, b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00");
    out.extend_from_slice(
        &noise(20_000)
            .iter()
            .map(|&b| if b == 0xFF { 0 } else { b })
            .collect::<Vec<u8>>(),
    );
    out.extend_from_slice(&[0xFF, 0xD9]);
    out
}

/// Bytes that look like compressed data (an xorshift generator).
fn noise(len: usize) -> Vec<u8> {
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

/// A header with a logo anchored near the foot of the page (its offset, in EMUs, has eight
/// digits).
fn logo_header() -> String {
    format!(
        r#"<w:hdr xmlns:w="{W}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"><w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00972539" w:rsidRDefault="96972539"><w:r><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1" wp14:anchorId="5B2C7E1A" wp14:editId="12345678"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>5943600</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>10058400</wp:posOffset></wp:positionV><wp:extent cx="1080000" cy="540000"/><wp:docPr id="1" name="Image 1" descr="Logo du SP/CCM"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><a:blip r:embed="rId1"><a:extLst><a:ext uri="{{28A0092B-C50C-407E-A947-70E740481C1C}}"/></a:extLst></a:blip></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r><w:r><w:t>Secrétariat permanent</w:t></w:r></w:p></w:hdr>"#
    )
}

const ITEM_PROPS: &str = r#"<ds:datastoreItem ds:itemID="{A1B2C3D4-1234-5678-9ABC-DEF012345678}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.microsoft.com/sharepoint/v3"/></ds:schemaRefs><ds:guid>{12345678-1234-5678-9012-123456789012}</ds:guid></ds:datastoreItem>"#;

fn font_table() -> String {
    format!(
        r#"<w:fonts xmlns:w="{W}"><w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/><w:sig w:usb0="E4002EFF" w:usb1="C000247B" w:usb2="00000009" w:usb3="00000000" w:csb0="000001FF" w:csb1="00000000"/></w:font></w:fonts>"#
    )
}

/// A .docx as an editor would save it, every part free of contacts.
fn clean_docx() -> Vec<u8> {
    docx_with(&[
        (
            "docProps/core.xml",
            part(&CORE.replace("CREATOR", "SP/CCM")),
        ),
        ("docProps/app.xml", part(APP)),
        ("word/settings.xml", part(&settings())),
        ("word/footer1.xml", part(&footer("GTM Tahoua"))),
        ("word/media/image1.png", png(None)),
        ("docProps/thumbnail.jpeg", jpeg("SP-CCM")),
        ("word/header1.xml", part(&logo_header())),
        ("customXml/itemProps1.xml", part(ITEM_PROPS)),
        ("word/fontTable.xml", part(&font_table())),
    ])
}

/// The document `make` builds holds a contact when given one, and none when given a name in
/// its place: what is found is the contact, not a part that could not be read.
fn found_only_with_contact(
    make: impl Fn(&str) -> Vec<u8>,
    holds: fn(&[u8]) -> bool,
    contact: &str,
) {
    assert!(holds(&make(contact)), "{contact} not found");
    assert!(!holds(&make("Secrétariat")), "found without {contact}");
}

#[test]
fn a_clean_docx_holds_no_contact() {
    assert!(!docx_holds(&cadre_renderings::docx::render(CLEAN)));
    assert!(!docx_holds(&clean_docx()));
}

#[test]
fn a_contact_in_a_tracked_deletion_is_found() {
    let make = |contact: &str| {
        let deleted = format!(
            r#"<w:p><w:del w:id="1" w:author="Moussa" w:date="2023-02-16T10:00:00Z"><w:r><w:delText>Joindre Moussa au {contact}</w:delText></w:r></w:del></w:p>"#
        );
        docx_with(&[("word/document.xml", document_with(&deleted))])
    };
    found_only_with_contact(make, docx_holds, "96 97 25 39");
    let bytes = make("96 97 25 39");
    // The text Cadre reads leaves deletions out…
    let read = read_text("cr.docx", &bytes, &ReadOptions::default()).unwrap();
    assert!(!contains_contact(&read.text), "{}", read.text);
    // … the original still holds it.
    assert!(docx_holds(&bytes));
}

#[test]
fn a_contact_in_a_footer_is_found() {
    let make = |contact: &str| {
        docx_with(&[(
            "word/footer1.xml",
            part(&footer(&format!("Contact : {contact}"))),
        )])
    };
    found_only_with_contact(make, docx_holds, "sp.ccm@interieur.gouv.ne");
}

#[test]
fn a_contact_in_a_comment_is_found() {
    let make = |contact: &str| {
        let comments = format!(
            r#"<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="Ali" w:date="2023-02-16T10:00:00Z" w:initials="A"><w:p><w:r><w:t>Appeler le point focal au {contact}</w:t></w:r></w:p></w:comment></w:comments>"#
        );
        docx_with(&[("word/comments.xml", part(&comments))])
    };
    found_only_with_contact(make, docx_holds, "+227 90 12 34 56");
}

#[test]
fn a_contact_in_the_document_properties_is_found() {
    let core = |contact: &str| {
        docx_with(&[("docProps/core.xml", part(&CORE.replace("CREATOR", contact)))])
    };
    found_only_with_contact(core, docx_holds, "ali.moussa@gmail.com");
    let custom = |contact: &str| {
        let xml = format!(
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="Contact"><vt:lpwstr>{contact}</vt:lpwstr></property></Properties>"#
        );
        docx_with(&[("docProps/custom.xml", part(&xml))])
    };
    found_only_with_contact(custom, docx_holds, "96 97 25 39");
}

#[test]
fn a_mailto_hyperlink_is_found() {
    let make = |address: &str| {
        let rels = format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:{address}?subject=GTM" TargetMode="External"/></Relationships>"#
        );
        let link = r#"<w:p><w:hyperlink r:id="rId9"><w:r><w:t>Écrire au secrétariat</w:t></w:r></w:hyperlink></w:p>"#;
        docx_with(&[
            ("word/_rels/document.xml.rels", part(&rels)),
            ("word/document.xml", document_with(link)),
        ])
    };
    found_only_with_contact(make, docx_holds, "ali.moussa%40mail.ne");
    let bytes = make("ali.moussa%40mail.ne");
    let read = read_text("cr.docx", &bytes, &ReadOptions::default()).unwrap();
    assert!(!contains_contact(&read.text));
    assert!(docx_holds(&bytes));
}

#[test]
fn a_contact_split_over_runs_is_found() {
    // In a footnote, with an entity and formatting between the runs.
    let footnotes = format!(
        r#"<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>Tél. 96 97</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 25 39</w:t></w:r></w:p><w:p><w:r><w:t>ali.moussa&#64;mail</w:t></w:r><w:r><w:t>.ne</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    assert!(docx_holds(&docx_with(&[(
        "word/footnotes.xml",
        part(&footnotes)
    )])));
    // Numbers in separate paragraphs are not one number.
    let apart = format!(
        r#"<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>Effectif 96 97</w:t></w:r></w:p><w:p><w:r><w:t>25 39 ans</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    assert!(!docx_holds(&docx_with(&[(
        "word/footnotes.xml",
        part(&apart)
    )])));
}

#[test]
fn a_contact_in_an_image_or_a_part_name_is_found() {
    let png_author = |author: &str| docx_with(&[("word/media/image1.png", png(Some(author)))]);
    found_only_with_contact(png_author, docx_holds, "ali.moussa@mail.ne");
    let jpeg_artist = |artist: &str| docx_with(&[("word/media/image2.jpeg", jpeg(artist))]);
    found_only_with_contact(jpeg_artist, docx_holds, "Moussa 96972539");
    // A metafile draws its text in UTF-16.
    let emf = |text: &str| {
        let mut emf = vec![1, 0, 0, 0, 0x6C, 0, 0, 0];
        for unit in format!("Tel {text}").encode_utf16() {
            emf.extend_from_slice(&unit.to_le_bytes());
        }
        emf.extend_from_slice(&noise(4096));
        docx_with(&[("word/media/image3.emf", emf)])
    };
    found_only_with_contact(emf, docx_holds, "96 97 25 39");
    let named = |name: &str| docx_with(&[(&*format!("word/media/{name}.png"), png(None))]);
    found_only_with_contact(named, docx_holds, "96972539");
}

#[test]
fn what_cannot_be_read_counts_as_a_contact() {
    assert!(docx_holds(&docx_with(&[(
        "word/embeddings/oleObject1.bin",
        vec![0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3]
    )])));
    assert!(docx_holds(&docx_with(&[(
        "word/vbaProject.bin",
        vec![1, 2, 3]
    )])));
    assert!(docx_holds(&docx_with(&[(
        "word/media/image1.png",
        docx_with(&[])
    )])));
    assert!(docx_holds(&docx_with(&[(
        "word/footer1.xml",
        part("<w:ftr><w:p>")
    )])));
    assert!(docx_holds(b"PK\x03\x04 cut short"));
    assert!(docx_holds(b"not a zip at all"));
    let bomb = vec![b' '; cadre_ingest::formats::MAX_TEXT_BYTES + 1];
    assert!(docx_holds(&docx_with(&[("word/footer2.xml", bomb)])));
}

#[test]
fn text_files_are_read_whole() {
    assert!(!original_holds_contacts(Format::Text, CLEAN.as_bytes()));
    let mut latin = cadre_renderings::windows_1252(CLEAN);
    latin.extend_from_slice(b"\nContact: ali@mail.ne\n");
    assert!(original_holds_contacts(Format::Text, &latin));
    assert!(original_holds_contacts(
        Format::Markdown,
        b"Date\x00 binary"
    ));
}

/// The seeds' own contacts are found in every rendering, and no other.
#[test]
fn renderings_of_the_seeds_agree_with_their_text() {
    for prefix in ["000", "001", "002", "004"] {
        let (_, bytes) = common::seed(prefix);
        let text = String::from_utf8(bytes).expect("UTF-8 seeds");
        let expected = contains_contact(&text);
        let docx = cadre_renderings::docx::render(&text);
        assert_eq!(docx_holds(&docx), expected, "seed {prefix} as docx");
        for options in [
            PdfOptions::default(),
            PdfOptions {
                without_space_characters: true,
            },
        ] {
            let pdf = cadre_renderings::pdf::render(&text, options);
            assert_eq!(
                pdf_holds(&pdf),
                expected,
                "seed {prefix} as PDF {options:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// PDFs.

/// One page whose content is object 4, font object 5, then `extra` objects from 6 on.
/// `catalog` and `resources` are added to the catalog and the page's resources.
fn page_pdf(
    content: Vec<u8>,
    extra: Vec<Vec<u8>>,
    catalog: &str,
    resources: &str,
    trailer: &str,
) -> Vec<u8> {
    let mut objects = vec![
        format!("<< /Type /Catalog /Pages 2 0 R {catalog} >>").into_bytes(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
             /Resources << /Font << /F1 5 0 R >> {resources} >> /Contents 4 0 R >>"
        )
        .into_bytes(),
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    objects.extend(extra);
    pdf_with_trailer(&objects, trailer)
}

const TEXT: &str = "BT /F1 12 Tf 72 700 Td (Compte rendu de la r\\351union du 16/02/2023) Tj \
                    0 -14 Td [(Effectif ) -250 (147 000)] TJ ET\n\
                    q 0.5 0 0 0.5 72 500 cm 1 0 0 1 0 0 cm Q";

fn simple_page() -> Vec<u8> {
    stream("", TEXT.as_bytes(), true)
}

fn split_near(s: &str, at: usize) -> (&str, &str) {
    let at = (at..=s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    s.split_at(at)
}

fn pdf_holds(bytes: &[u8]) -> bool {
    original_holds_contacts(Format::Pdf, bytes)
}

fn xmp(creator: &str) -> String {
    format!(
        r#"<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><xmp:CreateDate>2023-02-16T10:30:00+01:00</xmp:CreateDate><xmpMM:DocumentID>uuid:12345678-1234-5678-9012-123456789012</xmpMM:DocumentID><xmpMM:InstanceID>uuid:5D2F8E12-3B4C-4D5E-8F90-123456789012</xmpMM:InstanceID><dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"#
    )
}

/// A PDF as a word processor saves it, free of contacts: Info dictionary with dates,
/// compressed contents, XMP metadata, a JPEG image, a form drawn twice.
fn clean_pdf() -> Vec<u8> {
    let content = stream(
        "",
        format!("{TEXT}\nq 200 0 0 100 72 300 cm /Im1 Do Q /Fm1 Do q 1 0 0 1 0 -50 cm /Fm1 Do Q")
            .as_bytes(),
        true,
    );
    page_pdf(
        content,
        vec![
            b"<< /Title (Compte rendu GTM Tahoua) /Author (SP/CCM) /Producer (Microsoft\xAE Word 2016) \
              /CreationDate (D:20230216103000+01'00') /ModDate (D:20230217080500Z) >>"
                .to_vec(),
            stream("/Type /Metadata /Subtype /XML", xmp("SP/CCM").as_bytes(), true),
            stream(
                "/Type /XObject /Subtype /Image /Width 10 /Height 10 /ColorSpace /DeviceRGB \
                 /BitsPerComponent 8 /Filter /DCTDecode",
                &jpeg("SP-CCM"),
                false,
            ),
            stream(
                "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
                b"BT /F1 9 Tf 72 30 Td (GTM Tahoua - 2023) Tj ET",
                true,
            ),
        ],
        "/Metadata 7 0 R",
        "/XObject << /Im1 8 0 R /Fm1 9 0 R >>",
        "/Info 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]",
    )
}

#[test]
fn a_clean_pdf_holds_no_contact() {
    let pdf = clean_pdf();
    assert!(
        extract("cr.pdf", &pdf).is_ok(),
        "{:?}",
        extract("cr.pdf", &pdf)
    );
    assert!(!pdf_holds(&pdf));
    assert!(!pdf_holds(&cadre_renderings::pdf::render(
        CLEAN,
        PdfOptions::default()
    )));
    // An image in a format Cadre does not decode is only pixels.
    let jbig2 = page_pdf(
        simple_page(),
        vec![stream(
            "/Type /XObject /Subtype /Image /Width 8 /Height 8 /Filter /JBIG2Decode",
            &noise(64),
            false,
        )],
        "",
        "/XObject << /Im1 6 0 R >>",
        "",
    );
    assert!(!pdf_holds(&jbig2));
}

#[test]
fn a_contact_in_the_info_dictionary_is_found() {
    let make = |author: &str| {
        page_pdf(
            simple_page(),
            vec![format!("<< /Title (Compte rendu) /Author (Moussa {author}) /CreationDate (D:20230216103000+01'00') >>").into_bytes()],
            "",
            "",
            "/Info 6 0 R",
        )
    };
    found_only_with_contact(make, pdf_holds, "96 97 25 39");
    assert!(!contains_contact(
        &extract("cr.pdf", &make("96 97 25 39")).unwrap().text
    ));
}

#[test]
fn a_contact_in_a_compressed_content_stream_is_found() {
    // Drawn white on white in a form: the page's text does not show it whatever the reader.
    let hidden = |contact: &str| {
        let (a, b) = split_near(contact, contact.len() / 2);
        let form = stream(
            "/Type /XObject /Subtype /Form /BBox [0 0 595 842]",
            format!("BT 1 1 1 rg /F1 4 Tf 72 20 Td [(Contact : {a}) 12 ({b})] TJ ET").as_bytes(),
            true,
        );
        page_pdf(simple_page(), vec![form], "", "", "")
    };
    found_only_with_contact(hidden, pdf_holds, "ali.moussa@mail.ne");
    // And a phone shown by two strings of one text object.
    let shown = |contact: &str| {
        let (a, b) = split_near(contact, 5);
        let content = stream(
            "",
            format!("BT /F1 12 Tf 72 700 Td (T\\351l. {a}) Tj 60 0 Td ({b}) Tj ET").as_bytes(),
            true,
        );
        page_pdf(content, vec![], "", "", "")
    };
    found_only_with_contact(shown, pdf_holds, "96 97 25 39");
}

#[test]
fn a_utf16_hex_string_is_found() {
    let title = |text: &str| {
        let hex: String = format!("Tél. {text}")
            .encode_utf16()
            .map(|u| format!("{u:04X}"))
            .collect();
        page_pdf(
            simple_page(),
            vec![format!("<< /Title <FEFF{hex}> >>").into_bytes()],
            "",
            "",
            "/Info 6 0 R",
        )
    };
    found_only_with_contact(title, pdf_holds, "96 97 25 39");
    // A link annotation's target, in an object stream.
    let link = |address: &str| {
        let annotation = format!(
            "7 0 << /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (mailto:{address}) >> >>"
        );
        let objstm = stream("/Type /ObjStm /N 1 /First 4", annotation.as_bytes(), true);
        page_pdf(simple_page(), vec![objstm], "", "", "")
    };
    found_only_with_contact(link, pdf_holds, "ali.moussa@mail.ne");
}

#[test]
fn a_contact_in_xmp_metadata_is_found() {
    let make = |creator: &str| {
        let metadata = stream(
            "/Type /Metadata /Subtype /XML",
            xmp(creator).as_bytes(),
            true,
        );
        page_pdf(simple_page(), vec![metadata], "/Metadata 6 0 R", "", "")
    };
    found_only_with_contact(make, pdf_holds, "ali.moussa@mail.ne");
}

#[test]
fn an_undecodable_stream_counts_as_a_contact() {
    for dict in [
        "/Filter /FlateDecode",
        "/Filter /NoSuchDecode",
        "/Filter /Crypt",
    ] {
        let broken = stream(dict, b"\x78\x9c\xff\xff\xff\xff garbage", false);
        let pdf = page_pdf(simple_page(), vec![broken], "", "", "");
        assert!(pdf_holds(&pdf), "{dict}");
    }
    let encrypted = page_pdf(
        simple_page(),
        vec![],
        "",
        "",
        "/Encrypt << /Filter /Standard /V 2 >>",
    );
    assert!(pdf_holds(&encrypted));
    let attachment = page_pdf(
        simple_page(),
        vec![stream("/Type /EmbeddedFile", b"hello", false)],
        "",
        "",
        "",
    );
    assert!(pdf_holds(&attachment));
    assert!(pdf_holds(b"Compte rendu, not a PDF"));
}

#[test]
fn streams_in_other_encodings_and_behind_broken_syntax_are_read() {
    let hex = |contact: &str| {
        let content = format!("BT /F1 12 Tf 72 700 Td (Contact {contact}) Tj ET");
        let encoded: String = content.bytes().map(|b| format!("{b:02x}")).collect();
        let form = stream(
            "/Type /XObject /Subtype /Form /Filter [/ASCIIHexDecode]",
            format!("{encoded}>").as_bytes(),
            false,
        );
        page_pdf(simple_page(), vec![form], "", "", "")
    };
    found_only_with_contact(hex, pdf_holds, "ali.moussa@mail.ne");
    // A string left open swallows the syntax after it, streams included: they are still
    // found, as the parser finds them through the cross-reference table.
    let behind = page_pdf(
        simple_page(),
        vec![
            b"<< /Title (left open >>".to_vec(),
            stream(
                "/Length1 1 /Filter /FlateDecode",
                &zlib_spaces(32 << 20),
                false,
            ),
        ],
        "",
        "",
        "",
    );
    assert!(matches!(
        extract("cr.pdf", &behind),
        Err(IngestError::DecompressionBomb { entry, .. }) if entry == "PDF stream in object 7 0"
    ));
    assert!(pdf_holds(&behind));
}

// ---------------------------------------------------------------------------------------------
// PDF bombs.

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// Text, then 100,000 brackets left open, in a compressed content stream.
fn nested_brackets_compressed() -> Vec<u8> {
    let content = format!(
        "BT /F1 12 Tf 72 700 Td (Lieu) Tj ET {}",
        "[".repeat(100_000)
    );
    page_pdf(stream("", content.as_bytes(), true), vec![], "", "", "")
}

/// Arrays and dictionaries nested in a text object, as operands of `TJ` and `BDC`.
fn nested_in_text() -> Vec<u8> {
    let content = format!(
        "BT /F1 12 Tf 72 700 Td {}(Lieu){} TJ /Span {}>> BDC (x) Tj EMC ET",
        "[".repeat(50_000),
        "]".repeat(50_000),
        "<< /A ".repeat(50_000),
    );
    page_pdf(stream("", content.as_bytes(), true), vec![], "", "", "")
}

/// A zlib stream of `total` spaces, made without compressing them all: a sync-flushed
/// deflate block of 1 MiB of spaces, repeated.
fn zlib_spaces(total: usize) -> Vec<u8> {
    const CHUNK: usize = 1 << 20;
    let mut compress = flate2::Compress::new(flate2::Compression::best(), false);
    let mut block = Vec::with_capacity(64 * 1024);
    compress
        .compress_vec(&vec![b' '; CHUNK], &mut block, flate2::FlushCompress::Sync)
        .expect("in memory");
    assert_eq!(compress.total_in(), CHUNK as u64);
    let mut out = vec![0x78, 0xDA];
    for _ in 0..total / CHUNK {
        out.extend_from_slice(&block);
    }
    // A final empty block, then the Adler-32 of the spaces.
    out.extend_from_slice(&[0x03, 0x00]);
    let n = (total / CHUNK * CHUNK) as u128;
    let a = (1 + 32 * n) % 65521;
    let b = (n + 32 * n * (n + 1) / 2) % 65521;
    out.extend_from_slice(&((b << 16 | a) as u32).to_be_bytes());
    out
}

/// 20 font programs of 12 MiB each: each under the per-stream cap, 240 MiB together.
fn many_streams_bomb() -> Vec<u8> {
    let font = stream(
        "/Length1 1 /Filter /FlateDecode",
        &zlib_spaces(12 << 20),
        false,
    );
    page_pdf(simple_page(), vec![font; 20], "", "", "")
}

/// `count` lines of a thousand characters, each line somewhere else.
fn lines_of_text(count: usize) -> String {
    let text = "a".repeat(1000);
    (0..count)
        .map(|i| {
            format!(
                "BT /F1 1 Tf {} {} Td ({text}) Tj ET\n",
                10 + i / 800,
                10 + i % 800
            )
        })
        .collect()
}

/// The PDF with the checksum of its compressed content stream wrong: a strict inflater gives
/// up on it, pdf_oxide recovers the data and parses it (found by the `pdf` fuzz target: 20,000
/// nested arrays behind a bad checksum kept the parser busy for 6 s).
fn damaged_checksum(mut pdf: Vec<u8>) -> Vec<u8> {
    let end = pdf
        .windows(10)
        .position(|w| w == b"\nendstream")
        .expect("a stream");
    pdf[end - 1] ^= 0xFF;
    pdf
}

#[test]
fn brackets_nested_in_a_content_stream_are_refused_not_a_crash() {
    for pdf in [
        nested_arrays_pdf(100_000, false),
        nested_brackets_compressed(),
        nested_in_text(),
        damaged_checksum(nested_arrays_pdf(20_000, true)),
    ] {
        let (result, took) = timed(|| extract("cr.pdf", &pdf));
        assert_eq!(
            result.unwrap_err(),
            IngestError::TooDeeplyNested { limit: MAX_NESTING }
        );
        assert!(took < Duration::from_secs(2), "{took:?}");
    }
}

#[test]
fn a_string_that_never_closes_is_refused_quickly() {
    let unclosed = unclosed_string_pdf(2 << 10);
    let (result, took) = timed(|| extract("cr.pdf", &unclosed));
    let err = result.unwrap_err().to_string();
    assert!(err.contains("never ends"), "{err}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    // Content no page names (a damaged file's page tree) is held to the same limits: a
    // lenient parser may still find and read it.
    let mut orphan = "BT /F1 12 Tf 72 720 Td (".to_owned();
    while orphan.len() < 256 << 10 {
        orphan.push_str("a(b(c) ");
    }
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        stream("", b"BT /F1 12 Tf 72 720 Td (Date 16/02/2023) Tj ET", true),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        stream("", orphan.as_bytes(), true),
    ];
    let err = extract("cr.pdf", &pdf(&objects)).unwrap_err().to_string();
    assert!(err.contains("never ends"), "{err}");
    // A file cut short inside its last string is only damaged: still read.
    let mut cut =
        b"BT /F1 12 Tf 72 720 Td (Date 16 f\xe9vrier 2023) Tj ET BT 72 700 Td (Lieu".to_vec();
    cut.extend_from_slice(b" : Salle");
    assert!(extract("cr.pdf", &pdf_with_content(&cut, true, None)).is_ok());
}

#[test]
fn an_object_hidden_in_another_streams_data_is_measured_too() {
    // Object 4 declares a compressed stream that does not decompress and whose length runs
    // past its data; inside that data stands a second object 4, whose content leaves a
    // string open, after a harmless one that runs on over it. A parser rebuilding the
    // damaged file finds the last one.
    let mut open = b"BT /F1 12 Tf 72 720 Td (".to_vec();
    while open.len() < 128 << 10 {
        open.extend_from_slice(b"a(b(c) ");
    }
    let mut file = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
        2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
        3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
        /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n\
        4 0 obj\n<< /Length 4628 /Filter /FlateDecode >>\nstream\nx\x9c\xed\xd0\xab\x15\x80\n"
        .to_vec();
    file.extend_from_slice(b"4 0 obj\n<< /Length 9 >>\nstream\nBT 1 0 0 1 72 700 Tm ET\n");
    file.extend_from_slice(b"4 0 obj\n<< /Length 4628 /Filter /FlateDecode >>\nstream\n");
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut z, &open).unwrap();
    file.extend(z.finish().unwrap());
    file.extend_from_slice(
        b"\nendstream\nendobj\n5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\n\
        endobj\ntrailer\n<< /Size 6 /Root 1 0 R >>\n%%EOF\n",
    );
    let (result, took) = timed(|| extract("cr.pdf", &file));
    let err = result.unwrap_err().to_string();
    assert!(err.contains("never ends"), "{err}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_string_too_long_for_a_line_is_refused_quickly() {
    // Closed at last, but 400 KB long with thousands of parentheses inside: the parser would
    // look for its end from each of them.
    let n = 50_000;
    let mut content = b"BT /F1 12 Tf 72 720 Td (".to_vec();
    content.extend(b"a(b ".repeat(n));
    content.extend(b")".repeat(n));
    content.extend(b") Tj ET");
    let (result, took) = timed(|| extract("cr.pdf", &pdf_with_content(&content, true, None)));
    let err = result.unwrap_err().to_string();
    assert!(
        err.contains("runs over") && !err.contains("never ends"),
        "{err}"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    // A long line of text is still read.
    let mut line = b"BT /F1 12 Tf 72 720 Td (".to_vec();
    line.extend(b"Date 16 f\\351vrier 2023 (a) ".repeat(300));
    line.extend(b") Tj ET");
    assert!(extract("cr.pdf", &pdf_with_content(&line, true, None)).is_ok());
}

#[test]
fn garbled_operands_are_refused_quickly() {
    // A text object whose names run on for 150 KB without an operator, then a stray `)`:
    // the parser would read the rest of the run again from every name.
    let mut content = b"BT /F1 12 Tf 72 720 Td (Lieu) Tj ".to_vec();
    content.extend(b"/TTTTTT ".repeat(20_000));
    content.extend(b") Tj ET");
    let (result, took) = timed(|| extract("cr.pdf", &pdf_with_content(&content, true, None)));
    let err = result.unwrap_err().to_string();
    assert!(err.contains("garbled"), "{err}");
    assert!(took < Duration::from_secs(2), "{took:?}");
    // The two inputs the fuzz target found, behind a damaged checksum: refused, not read
    // for seconds.
    let kept = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions/pdf");
    for name in [
        "slow-1mb-garbled-content.pdf",
        "slow-1mb-stray-parentheses.pdf",
    ] {
        let bytes = std::fs::read(kept.join(name)).expect(name);
        let (result, took) = timed(|| extract(name, &bytes));
        let err = result.unwrap_err().to_string();
        assert!(err.contains("garbled"), "{name}: {err}");
        assert!(took < Duration::from_secs(2), "{name}: {took:?}");
    }
    // Stray delimiters here and there cost a few bytes: the page is read.
    let sloppy = b"BT /F1 12 Tf 72 720 Td ) (Date 16/02/2023) Tj ] 0 -14 Td } (Lieu INS) Tj ET";
    let text = extract("cr.pdf", &pdf_with_content(sloppy, true, None))
        .expect("read")
        .text;
    assert!(text.contains("Lieu INS"), "{text}");
}

#[test]
fn a_page_of_countless_strings_is_refused_quickly() {
    let content = "(a) ".repeat(60_000);
    let pdf = pdf_with_content(content.as_bytes(), true, None);
    let (result, took) = timed(|| extract("cr.pdf", &pdf));
    let err = result.unwrap_err().to_string();
    assert!(err.contains("text strings"), "{err}");
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[test]
fn a_flate_bomb_is_refused_quickly() {
    let pdf = flate_bomb_pdf(300);
    assert!(pdf.len() < 1 << 20, "{} bytes", pdf.len());
    let (result, took) = timed(|| extract("cr.pdf", &pdf));
    assert_eq!(
        result.unwrap_err(),
        IngestError::DecompressionBomb {
            entry: "PDF stream in object 4 0".into(),
            limit: MAX_STREAM_BYTES
        }
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert!(pdf_holds(&pdf));
}

#[test]
fn streams_are_bounded_together_too() {
    let (result, took) = timed(|| extract("cr.pdf", &many_streams_bomb()));
    match result.unwrap_err() {
        IngestError::DecompressionBomb { entry, limit } => {
            assert_eq!(limit, MAX_STREAMS_BYTES);
            assert!(entry.contains("together"), "{entry}");
        }
        other => panic!("{other:?}"),
    }
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[test]
fn a_page_drawing_a_million_characters_is_refused() {
    for pdf in [glyph_flood_pdf(1_000_000), form_flood_pdf(10_000, 100)] {
        let (result, took) = timed(|| extract("cr.pdf", &pdf));
        let err = result.unwrap_err();
        assert!(
            err.to_string().contains(&format!(
                "a page draws more than {MAX_GLYPHS_PER_PAGE} characters"
            )),
            "{err}"
        );
        assert!(took < Duration::from_secs(2), "{took:?}");
    }
}

#[test]
fn a_page_drawing_millions_of_lines_is_refused() {
    for pdf in [path_bomb(), form_path_bomb()] {
        let (result, took) = timed(|| extract("cr.pdf", &pdf));
        let err = result.unwrap_err();
        assert!(
            err.to_string().contains(&format!(
                "a page draws more than {MAX_PATHS_PER_PAGE} lines and curves"
            )),
            "{err}"
        );
        assert!(took < Duration::from_secs(2), "{took:?}");
    }
}

#[test]
fn a_form_drawn_a_few_times_is_read() {
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
        b"BT /F1 9 Tf 72 30 Td (Pied de page) Tj ET",
        true,
    );
    let pdf = page_pdf(
        stream("", format!("{TEXT} /Fm1 Do").as_bytes(), true),
        vec![form],
        "",
        "/XObject << /Fm1 6 0 R >>",
        "",
    );
    let read = extract("cr.pdf", &pdf).expect("read");
    assert!(read.text.contains("Compte rendu"), "{}", read.text);
}

/// `count` pages, each drawing `per_page` characters (under the per-page limit).
fn many_pages(count: usize, per_page: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..count).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {count} >>",
            kids.join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    let content = stream("", lines_of_text(per_page / 1000).as_bytes(), true);
    for i in 0..count {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
                 /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                5 + 2 * i
            )
            .into_bytes(),
        );
        objects.push(content.clone());
    }
    pdf(&objects)
}

/// A page of a million line segments.
fn path_bomb() -> Vec<u8> {
    let content = "0 0 m 10 10 l S\n".repeat(1_000_000);
    page_pdf(stream("", content.as_bytes(), true), vec![], "", "", "")
}

/// A form of 100,000 line segments drawn 100 times.
fn form_path_bomb() -> Vec<u8> {
    let form = stream(
        "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << >>",
        "0 0 m 10 10 l S\n".repeat(100_000).as_bytes(),
        true,
    );
    let content: String = (0..100)
        .map(|i| format!("q 1 0 0 1 0 {i} cm /Fm1 Do Q\n"))
        .collect();
    page_pdf(
        stream("", format!("{TEXT}\n{content}").as_bytes(), true),
        vec![form],
        "",
        "/XObject << /Fm1 6 0 R >>",
        "",
    )
}

/// `HOSTILE_PDF=<name> cargo test -p cadre-ingest --test hostile -- --ignored --nocapture measure`
/// reads one hostile PDF through `extract` and prints the time it took; run the test binary
/// under `/usr/bin/time -v` for the peak memory.
#[test]
#[ignore]
fn measure() {
    let name = std::env::var("HOSTILE_PDF").unwrap_or_else(|_| "flate_bomb".into());
    let pdf = match name.as_str() {
        "nested_brackets" => nested_arrays_pdf(100_000, false),
        "nested_brackets_compressed" => nested_brackets_compressed(),
        "nested_in_text" => nested_in_text(),
        "flate_bomb" => flate_bomb_pdf(300),
        "many_streams_bomb" => many_streams_bomb(),
        "glyph_bomb" => glyph_flood_pdf(1_000_000),
        "form_glyph_bomb" => form_flood_pdf(10_000, 100),
        "clean" => clean_pdf(),
        "many_pages" => many_pages(10, 190_000),
        "path_bomb" => path_bomb(),
        "form_path_bomb" => form_path_bomb(),
        other => panic!("no hostile PDF named {other}"),
    };
    if std::env::var_os("HOSTILE_WITHOUT_PRESCAN").is_some() {
        // What the parser alone does with the file, as `extract` used it before the pre-scan.
        let (pages, took) = timed(|| {
            let doc = pdf_oxide::PdfDocument::from_bytes(pdf.clone()).expect("parsed");
            let count = doc.page_count().expect("pages");
            (0..count)
                .map(|i| {
                    let chars = doc.extract_chars(i).map_or(0, |c| c.len());
                    let paths = doc.extract_paths(i).map_or(0, |p| p.len());
                    (chars, paths)
                })
                .collect::<Vec<_>>()
        });
        println!(
            "{name} without the pre-scan: {} bytes, {took:?}: (characters, paths) per page {pages:?}",
            pdf.len()
        );
        return;
    }
    let (result, took) = timed(|| extract("cr.pdf", &pdf));
    println!(
        "{name}: {} bytes, {took:?}: {}",
        pdf.len(),
        match result {
            Ok(read) => format!("read, {} characters", read.text.len()),
            Err(e) => format!("refused: {e}"),
        }
    );
}

/// `CONTACT_FILES=a.pdf:b.docx cargo test -p cadre-ingest --test hostile -- --ignored --nocapture files`
/// prints, for real files, whether their original counts as holding contacts, and what
/// `extract` makes of them.
#[test]
#[ignore]
fn files() {
    let list = std::env::var("CONTACT_FILES").unwrap_or_default();
    for path in list.split(':').filter(|p| !p.is_empty()) {
        let bytes = std::fs::read(path).expect("readable");
        let format = Format::from_file_name(path).expect("a known format");
        let (holds, took) = timed(|| original_holds_contacts(format, &bytes));
        let (read, read_took) = timed(|| extract(path, &bytes));
        let text_holds = read.as_ref().map(|r| contains_contact(&r.text));
        println!(
            "{path}: holds contacts {holds} ({took:?}); extracted text holds contacts {text_holds:?} ({read_took:?}{})",
            read.as_ref()
                .err()
                .map(|e| format!(", {e}"))
                .unwrap_or_default()
        );
    }
}
