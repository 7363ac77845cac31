//! A PDF whose text layer lays the text out as a word processor would print it.

/// How the PDF is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfOptions {
    /// Draw each word at its position with no space characters between words, as the tools
    /// that lose spaces do.
    pub without_space_characters: bool,
}

pub fn render(text: &str, options: PdfOptions) -> Vec<u8> {
    todo!("{text} {options:?}")
}
