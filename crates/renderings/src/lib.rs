//! One text document rendered the ways the archive holds documents. The input is text as the
//! readers produce it: one line per paragraph, table cells separated by tabs.

pub mod docx;
pub mod pdf;

/// The renderings the accuracy benchmark reads each seed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Plain,
    SpacesRemoved,
    Docx,
    Pdf,
    Windows1252,
    Utf16,
}

impl Rendering {
    pub const ALL: [Rendering; 6] = [
        Rendering::Plain,
        Rendering::SpacesRemoved,
        Rendering::Docx,
        Rendering::Pdf,
        Rendering::Windows1252,
        Rendering::Utf16,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rendering::Plain => "plain",
            Rendering::SpacesRemoved => "spaces-removed",
            Rendering::Docx => "docx",
            Rendering::Pdf => "pdf",
            Rendering::Windows1252 => "windows-1252",
            Rendering::Utf16 => "utf-16",
        }
    }

    /// The file name and bytes of `text` in this rendering; `stem` names the document.
    pub fn render(self, stem: &str, text: &str) -> (String, Vec<u8>) {
        todo!("{stem} {text} {:?}", self)
    }
}

/// Every space inside a table cell or paragraph removed, as some PDF tools do; tabs and line
/// ends stay.
pub fn spaces_removed(text: &str) -> String {
    todo!("{text}")
}
