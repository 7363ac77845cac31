//! Helvetica and Helvetica-Bold, two of the fourteen fonts every PDF reader has: nothing is
//! embedded, the file stays small. Text is drawn in WinAnsiEncoding (Windows-1252 as PDF
//! defines it), which holds every character French needs: accents, œ, ’, « », –, —, €.

/// The two faces the minutes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    /// The font's resource name in the page's resources.
    pub(crate) fn resource(self) -> &'static str {
        match self {
            Face::Regular => "F1",
            Face::Bold => "F2",
        }
    }

    pub(crate) fn base_font(self) -> &'static str {
        match self {
            Face::Regular => "Helvetica",
            Face::Bold => "Helvetica-Bold",
        }
    }

    pub(crate) fn widths(self) -> &'static [u16; 224] {
        match self {
            Face::Regular => &HELVETICA,
            Face::Bold => &HELVETICA_BOLD,
        }
    }
}

/// The advance width of `c` at `size` points: the width of the glyph drawn for it (a '?'
/// for what WinAnsi cannot show).
pub(crate) fn char_width(face: Face, c: char, size: f32) -> f32 {
    let code = win_ansi(c).unwrap_or(b'?');
    if code < 32 {
        return 0.0;
    }
    f32::from(face.widths()[usize::from(code - 32)]) * size / 1000.0
}

pub(crate) fn text_width(face: Face, text: &str, size: f32) -> f32 {
    text.chars().map(|c| char_width(face, c, size)).sum()
}

/// The WinAnsiEncoding byte of `c`; `None` for a character Helvetica cannot show there.
pub(crate) fn win_ansi(c: char) -> Option<u8> {
    let code = u32::from(c);
    match code {
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(code).ok(),
        // Spaces the font lacks (the narrow no-break space of French typography, figure and
        // thin spaces) are drawn as the no-break space; no-break hyphens as hyphens.
        0x2007 | 0x2009 | 0x202F => Some(0xA0),
        0x2010 | 0x2011 => Some(b'-'),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        }),
    }
}

/// The bytes of `text` in WinAnsi: what the font cannot show becomes '?', control
/// characters are dropped.
pub(crate) fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| win_ansi(c).unwrap_or(b'?'))
        .collect()
}

/// Helvetica's advance widths (thousandths of the font size) for WinAnsi codes 32 to 255,
/// from Adobe's AFM metrics; codes the encoding leaves unused take the bullet's width.
#[rustfmt::skip]
const HELVETICA: [u16; 224] = [
    // 32..=63: space ! " # $ % & ' ( ) * + , - . / 0-9 : ; < = > ?
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    // 64..=95: @ A-Z [ \ ] ^ _
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    // 96..=127: ` a-z { | } ~ (127 unused)
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350,
    // 128..=159: € (129) ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ (141) Ž (143) (144) ‘ ’ “ ” • – — ˜ ™ š › œ (157) ž Ÿ
    556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,
    350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667,
    // 160..=191: nbsp ¡ ¢ £ ¤ ¥ ¦ § ¨ © ª « ¬ shy ® ¯ ° ± ² ³ ´ µ ¶ · ¸ ¹ º » ¼ ½ ¾ ¿
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    // 192..=223: À-Ö × Ø-Ý Þ ß
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    // 224..=255: à-ö ÷ ø-ý þ ÿ
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

/// Helvetica-Bold's advance widths, laid out as [`HELVETICA`].
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 224] = [
    // 32..=63
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    // 64..=95
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    // 96..=127
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350,
    // 128..=159
    556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350,
    350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667,
    // 160..=191
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    // 192..=223
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    // 224..=255
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_adobe_metrics() {
        assert_eq!(char_width(Face::Regular, 'i', 10.0), 2.22);
        assert_eq!(char_width(Face::Bold, 'i', 10.0), 2.78);
        assert_eq!(char_width(Face::Bold, 'W', 10.0), 9.44);
        assert_eq!(char_width(Face::Regular, 'é', 10.0), 5.56);
        assert_eq!(char_width(Face::Bold, 'é', 10.0), 5.56);
        assert_eq!(char_width(Face::Bold, 'ç', 10.0), 5.56);
        assert_eq!(char_width(Face::Regular, 'œ', 10.0), 9.44);
        assert_eq!(char_width(Face::Bold, '—', 10.0), 10.0);
        // What WinAnsi lacks is drawn, and measured, as '?'.
        assert_eq!(
            char_width(Face::Regular, '☺', 10.0),
            char_width(Face::Regular, '?', 10.0)
        );
    }

    #[test]
    fn french_text_is_encoded_in_win_ansi() {
        assert_eq!(
            encode("l’œuvre « été » – 5\u{202f}€ ☺"),
            b"l\x92\x9cuvre \xab \xe9t\xe9 \xbb \x96 5\xa0\x80 ?".to_vec()
        );
    }
}
