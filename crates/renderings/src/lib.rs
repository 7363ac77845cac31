//! One text document rendered the ways the archive holds documents. The input is text as the
//! readers produce it: one line per paragraph, table cells separated by tabs.

pub mod accuracy;
pub mod docx;
pub mod evalset;
pub mod hostile;
pub mod pdf;

use pdf::PdfOptions;

/// The renderings the accuracy benchmark reads each seed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Plain,
    SpacesRemoved,
    Docx,
    Pdf,
    /// A PDF whose text layer has no space characters between words.
    PdfSpacesLost,
    Windows1252,
    Utf16,
}

impl Rendering {
    pub const ALL: [Rendering; 7] = [
        Rendering::Plain,
        Rendering::SpacesRemoved,
        Rendering::Docx,
        Rendering::Pdf,
        Rendering::PdfSpacesLost,
        Rendering::Windows1252,
        Rendering::Utf16,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rendering::Plain => "plain",
            Rendering::SpacesRemoved => "spaces-removed",
            Rendering::Docx => "docx",
            Rendering::Pdf => "pdf",
            Rendering::PdfSpacesLost => "pdf-spaces-lost",
            Rendering::Windows1252 => "windows-1252",
            Rendering::Utf16 => "utf-16",
        }
    }

    /// The rendering a user names on a command line ("docx", "pdf-spaces-lost", …).
    pub fn from_name(name: &str) -> Option<Rendering> {
        Rendering::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The file name and bytes of `text` in this rendering; `stem` names the document.
    pub fn render(self, stem: &str, text: &str) -> (String, Vec<u8>) {
        match self {
            Rendering::Plain => (format!("{stem}.txt"), text.as_bytes().to_vec()),
            Rendering::SpacesRemoved => (format!("{stem}.txt"), spaces_removed(text).into_bytes()),
            Rendering::Docx => (format!("{stem}.docx"), docx::render(text)),
            Rendering::Pdf => (
                format!("{stem}.pdf"),
                pdf::render(text, PdfOptions::default()),
            ),
            Rendering::PdfSpacesLost => (
                format!("{stem}.pdf"),
                pdf::render(
                    text,
                    PdfOptions {
                        without_space_characters: true,
                    },
                ),
            ),
            Rendering::Windows1252 => (format!("{stem}.txt"), windows_1252(text)),
            Rendering::Utf16 => (format!("{stem}.txt"), utf16_le_with_bom(text)),
        }
    }
}

/// Every space inside a table cell or paragraph removed, as some PDF tools do; tabs and line
/// ends stay.
pub fn spaces_removed(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}'))
        .collect()
}

/// The characters the seeds hold that Windows-1252 has no code for, and what an editor saving
/// as "ANSI" would sensibly write instead. Seed 000 uses check marks (U+2713) as bullets: the
/// bullet keeps their role. Anything else unknown becomes '?', as Windows' own conversion does.
pub(crate) fn closest_in_windows_1252(c: char) -> char {
    match c {
        '\u{2713}' | '\u{2714}' | '\u{25AA}' | '\u{25CF}' | '\u{F000}'..='\u{F0FF}' => '\u{2022}',
        '\u{2010}' | '\u{2011}' => '-',
        '\u{202F}' => '\u{00A0}',
        _ => '?',
    }
}

/// `text` as a Windows "ANSI" (Windows-1252) file.
pub fn windows_1252(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        if unmappable {
            let (bytes, _, _) =
                encoding_rs::WINDOWS_1252.encode(closest_in_windows_1252(c).encode_utf8(&mut buf));
            out.extend_from_slice(&bytes);
        } else {
            out.extend_from_slice(&bytes);
        }
    }
    out
}

/// `text` as Notepad's "Unicode" files: UTF-16 little-endian with a byte-order mark.
pub fn utf16_le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        out.extend_from_slice(&unit.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_go_tabs_and_line_ends_stay() {
        assert_eq!(
            spaces_removed("Points inscrits\u{a0}à l'ordre\tDate limite \r\nN/A  x"),
            "Pointsinscritsàl'ordre\tDatelimite\r\nN/Ax"
        );
    }

    #[test]
    fn windows_1252_encodes_french_and_replaces_what_it_cannot() {
        let bytes = windows_1252("é’œ€\u{a0}✓ x");
        assert_eq!(bytes, vec![0xE9, 0x92, 0x9C, 0x80, 0xA0, 0x95, b' ', b'x']);
        let (back, _, errors) = encoding_rs::WINDOWS_1252.decode(&bytes);
        assert!(!errors);
        assert_eq!(back, "é’œ€\u{a0}• x");
    }

    #[test]
    fn utf16_has_a_bom_and_little_endian_units() {
        assert_eq!(
            utf16_le_with_bom("é\t€"),
            vec![0xFF, 0xFE, 0xE9, 0x00, 0x09, 0x00, 0xAC, 0x20]
        );
    }

    #[test]
    fn file_names_announce_the_format() {
        for r in Rendering::ALL {
            assert_eq!(Rendering::from_name(r.name()), Some(r));
        }
        assert_eq!(Rendering::Docx.render("s", "a").0, "s.docx");
        assert_eq!(Rendering::Utf16.render("s", "a").0, "s.txt");
        assert_eq!(Rendering::SpacesRemoved.render("s", "a b").1, b"ab");
        assert_eq!(Rendering::Plain.render("s", "é").1, "é".as_bytes());
        assert_ne!(
            Rendering::Pdf.render("s", "a b").1,
            Rendering::PdfSpacesLost.render("s", "a b").1,
            "the PDF that lost its spaces is drawn differently"
        );
    }
}
