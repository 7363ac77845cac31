//! Plain text in whatever encoding it was saved in: UTF-8 (with or without BOM), UTF-16 (with
//! or without BOM), Windows-1252 — and UTF-8 that an editor once read as Windows-1252 and saved
//! again ("rÃ©union"), which is repaired rather than passed on.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::IngestError;

/// Bytes to text, refusing what is not a text document with a reason a person understands.
pub(super) fn decode(bytes: &[u8]) -> Result<(String, Vec<crate::notes::Note>), IngestError> {
    let mut notes = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        refuse_binary_bytes(rest, 3)?;
        // The BOM promises UTF-8: bytes that break the promise are a damaged file, and
        // guessing another encoding would only turn the damage into mojibake.
        std::str::from_utf8(rest)
            .map_err(|e| IngestError::InvalidUtf8 {
                offset: e.valid_up_to() + 3,
            })?
            .to_owned()
    } else if let Some(encoding) = utf16_bom(bytes) {
        notes.push(crate::notes::Note::new(
            "decoded-utf16",
            &[("encoding", encoding_label(encoding).to_string())],
        ));
        utf16(&bytes[2..], encoding, 2)?
    } else if let Some(encoding) = sniff_utf16(bytes) {
        // Without a BOM, UTF-16 shows itself by its NUL bytes: look for it before refusing
        // NUL bytes as the mark of a binary file.
        notes.push(crate::notes::Note::new(
            "decoded-utf16-no-bom",
            &[("encoding", encoding_label(encoding).to_string())],
        ));
        utf16(bytes, encoding, 0)?
    } else {
        refuse_binary_bytes(bytes, 0)?;
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(e) => {
                let text = windows_1252(bytes).ok_or(IngestError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                })?;
                notes.push(crate::notes::Note::new("decoded-windows-1252", &[]));
                text
            }
        }
    };
    if let Some(repaired) = repair_mojibake(&text) {
        notes.push(crate::notes::Note::new("accents-repaired", &[]));
        return Ok((repaired, notes));
    }
    Ok((text, notes))
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

fn encoding_label(encoding: &'static Encoding) -> &'static str {
    if encoding == UTF_16LE {
        "UTF-16 LE"
    } else {
        "UTF-16 BE"
    }
}

/// The refusals that work on bytes: empty, NUL bytes, control characters. `offset` is where
/// `bytes` starts in the file, so that the offset in the message is the file's.
fn refuse_binary_bytes(bytes: &[u8], offset: usize) -> Result<(), IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::BinaryNul {
            offset: at + offset,
        });
    }
    let control = bytes.iter().filter(|&&b| is_control(b.into())).count();
    refuse_control(control, bytes.len())
}

fn is_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x09 | 0x0a | 0x0d | 0x0c)) || c == 0x7f
}

fn refuse_control(control: usize, total: usize) -> Result<(), IngestError> {
    // A few stray control bytes happen in exported text; a document made of them is not text.
    if control * 4 > total {
        return Err(IngestError::BinaryControl {
            percent: control * 100 / total.max(1),
        });
    }
    Ok(())
}

/// Latin text in UTF-16 has a NUL in the high byte of almost every character and almost never
/// in the low byte: that pattern, over the first 64 KiB, tells the byte order.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let pairs = sample.len() / 2;
    let (mut first_zero, mut second_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        first_zero += usize::from(pair[0] == 0);
        second_zero += usize::from(pair[1] == 0);
    }
    let mostly = |n: usize| n * 10 >= pairs * 4;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(second_zero) && rarely(first_zero) {
        Some(UTF_16LE)
    } else if mostly(first_zero) && rarely(second_zero) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-16 without its BOM (`offset` bytes before `bytes` in the file).
fn utf16(bytes: &[u8], encoding: &'static Encoding, offset: usize) -> Result<String, IngestError> {
    let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes) else {
        let name = encoding_label(encoding);
        return Err(IngestError::Unreadable {
            format: "text",
            reason: format!(
                "it is not valid {name} (an odd number of bytes or a broken surrogate pair)"
            ),
        });
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    if let Some(at) = bytes.chunks_exact(2).position(|p| p == [0, 0]) {
        return Err(IngestError::BinaryNul {
            offset: at * 2 + offset,
        });
    }
    let control = text.chars().filter(|&c| is_control(c.into())).count();
    refuse_control(control, text.chars().count())?;
    Ok(text.into_owned())
}

/// Windows-1252 (a superset of Latin-1 for printable text), when it reads as text: not when
/// the bytes give C1 control characters (bytes 1252 leaves undefined) or symbols wedged inside
/// words, the mark of another code page (DOS 850 writes "é" where 1252 reads "‚").
fn windows_1252(bytes: &[u8]) -> Option<String> {
    let text = WINDOWS_1252
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    plausible(&text).then_some(text)
}

fn plausible(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut wedged = 0usize;
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if ('\u{80}'..='\u{9f}').contains(&c) {
            return false;
        }
        if !c.is_ascii() {
            non_ascii += 1;
            let next = chars.peek().copied().unwrap_or(' ');
            if is_odd_symbol(c) && prev.is_alphabetic() && next.is_alphabetic() {
                wedged += 1;
            }
        }
        prev = c;
    }
    wedged * 4 <= non_ascii
}

/// Characters of Windows-1252 that French text never places between two letters.
fn is_odd_symbol(c: char) -> bool {
    matches!(
        c,
        '‚' | '„'
            | '†'
            | '‡'
            | 'ˆ'
            | '‰'
            | '‹'
            | '›'
            | '˜'
            | '™'
            | '•'
            | '¡'..='©' | '«'..='±' | '´'..='¶' | '¸' | '»'..='¿' | '×' | '÷'
    )
}

/// UTF-8 that was read once as Windows-1252 and saved again: every character maps back to one
/// Windows-1252 byte and those bytes are UTF-8. Only that unambiguous case is repaired — any
/// character outside Windows-1252, or one accent written correctly, and the text is left alone.
fn repair_mojibake(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    // The lead bytes of two- and three-byte UTF-8 read as Windows-1252: Â Ã Å â …
    if !text.contains(|c: char| ('\u{c2}'..='\u{ef}').contains(&c)) {
        return None;
    }
    let (bytes, _, unmappable) = WINDOWS_1252.encode(text);
    if unmappable {
        return None;
    }
    let repaired = std::str::from_utf8(&bytes).ok()?;
    if repaired.len() == text.len() || !plausible(repaired) {
        return None;
    }
    Some(repaired.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, Vec<crate::notes::Note>) {
        decode(bytes).unwrap_or_else(|e| panic!("{bytes:?}: {e}"))
    }

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    const SAMPLE: &str =
        "Compte-rendu de la réunion\nDate\t16 février 2023\nL’ordre du jour – œuvre…";

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok(SAMPLE.as_bytes()), (SAMPLE.to_owned(), vec![]));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(SAMPLE.as_bytes());
        assert_eq!(ok(&bom).0, SAMPLE);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = b"\xFF\xFE".to_vec();
        le.extend(utf16le(SAMPLE));
        let (text, notes) = ok(&le);
        assert_eq!(text, SAMPLE);
        assert_eq!(notes, ["decoded as UTF-16 LE"]);
        let mut be = b"\xFE\xFF".to_vec();
        be.extend(utf16be(SAMPLE));
        let (text, notes) = ok(&be);
        assert_eq!((text.as_str(), notes.len()), (SAMPLE, 1));
        assert_eq!(notes[0], "decoded as UTF-16 BE");
        assert_eq!(notes[0].code, "decoded-utf16");
    }

    #[test]
    fn utf16_without_bom_is_recognised_by_its_nul_bytes() {
        let (text, notes) = ok(&utf16le(SAMPLE));
        assert_eq!(text, SAMPLE);
        assert!(notes[0].starts_with("decoded as UTF-16 LE"), "{notes:?}");
        let (text, notes) = ok(&utf16be(SAMPLE));
        assert_eq!(text, SAMPLE);
        assert!(notes[0].starts_with("decoded as UTF-16 BE"), "{notes:?}");
    }

    #[test]
    fn broken_utf16_is_refused() {
        let mut le = b"\xFF\xFE".to_vec();
        le.extend(utf16le("abc"));
        le.push(b'd');
        assert!(matches!(decode(&le), Err(IngestError::Unreadable { .. })));
        let mut lone_surrogate = b"\xFF\xFE".to_vec();
        lone_surrogate.extend([b'a', 0, 0x00, 0xD8, b'b', 0]);
        assert!(matches!(
            decode(&lone_surrogate),
            Err(IngestError::Unreadable { .. })
        ));
        let mut nul = b"\xFF\xFE".to_vec();
        nul.extend(utf16le("ab\0c"));
        assert_eq!(decode(&nul), Err(IngestError::BinaryNul { offset: 6 }));
        assert_eq!(decode(b"\xFF\xFE \0\n\0"), Err(IngestError::Empty));
    }

    #[test]
    fn windows_1252_is_decoded_with_a_note() {
        let (bytes, _, unmappable) = WINDOWS_1252.encode(SAMPLE);
        assert!(!unmappable);
        let (text, notes) = ok(&bytes);
        assert_eq!(text, SAMPLE);
        assert_eq!(notes, ["decoded as Windows-1252 (the file is not UTF-8)"]);
    }

    #[test]
    fn other_code_pages_are_not_turned_into_mojibake() {
        // DOS 850: "é" is 0x82, which Windows-1252 reads as a low quote inside the word.
        let dos = b"Compte-rendu de la r\x82union du 16 f\x82vrier, pr\x82sence";
        assert!(matches!(
            decode(dos),
            Err(IngestError::InvalidUtf8 { offset: 20 })
        ));
        // Bytes Windows-1252 leaves undefined.
        assert!(matches!(
            decode(b"Date 16 f\x81vrier"),
            Err(IngestError::InvalidUtf8 { offset: 9 })
        ));
        // A UTF-8 BOM followed by something else is a damaged file.
        assert_eq!(
            decode(b"\xEF\xBB\xBFDate f\xe9vrier"),
            Err(IngestError::InvalidUtf8 { offset: 9 })
        );
    }

    #[test]
    fn utf8_read_once_as_1252_is_repaired() {
        let (bytes, _, _) = WINDOWS_1252.encode(SAMPLE);
        assert!(std::str::from_utf8(&bytes).is_err());
        // SAMPLE's UTF-8 bytes shown as Windows-1252: what a wrong "open, save" leaves.
        let garbled = WINDOWS_1252
            .decode_without_bom_handling(SAMPLE.as_bytes())
            .0
            .into_owned();
        assert!(
            garbled.contains("rÃ©union") && garbled.contains("â€™"),
            "{garbled}"
        );
        let (text, notes) = ok(garbled.as_bytes());
        assert_eq!(text, SAMPLE);
        assert!(notes[0].starts_with("accents repaired"), "{notes:?}");
        // Also once encoded again in UTF-16.
        let (text, _) = ok(&utf16le(&garbled));
        assert_eq!(text, SAMPLE);
    }

    #[test]
    fn mixed_or_legitimate_text_is_not_repaired() {
        // One accent written correctly next to the garbled ones: ambiguous, left alone.
        let mixed = "rÃ©union du 16 février";
        assert_eq!(ok(mixed.as_bytes()), (mixed.to_owned(), vec![]));
        // Real text: accented capitals and ellipses never pair up into UTF-8 for a whole text.
        for s in ["CRÉÉ… le 3 mai", "À l’écoute", "Ã"] {
            assert_eq!(ok(s.as_bytes()).0, s);
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(IngestError::Empty));
        assert_eq!(decode(b" \r\n\t"), Err(IngestError::Empty));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err(IngestError::Empty));
        assert_eq!(decode(b"ab\0cd"), Err(IngestError::BinaryNul { offset: 2 }));
        // A binary file whose NULs do not fall into the UTF-16 pattern.
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"),
            Err(IngestError::BinaryNul { offset: 7 })
        );
        assert!(matches!(
            decode(&[1, 2, 3, 4, 5, b'a']),
            Err(IngestError::BinaryControl { percent: 83 })
        ));
        // UTF-16 pattern, but control characters once decoded.
        assert!(matches!(
            decode(&utf16le("\u{1}\u{2}\u{3}a")),
            Err(IngestError::BinaryControl { .. })
        ));
    }
}
