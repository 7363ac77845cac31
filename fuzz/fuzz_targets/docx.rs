//! Word documents. Random bytes never get past the zip reader, so two markers let the fuzzer
//! write the XML itself:
//! - `B` + bytes: the bytes are the body of word/document.xml (namespaces declared for it);
//! - `X` + bytes: the bytes are word/document.xml, and after a 0xFF byte word/numbering.xml;
//! - anything else: the bytes are the .docx file.
//!
//! The archive is written here (stored, no compression) so that the target needs nothing but
//! the reader.
#![no_main]

use libfuzzer_sys::fuzz_target;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((b'B', body)) => {
            let mut xml =
                format!(r#"<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>"#).into_bytes();
            xml.extend_from_slice(body);
            xml.extend_from_slice(b"</w:body></w:document>");
            stored_zip(&[("word/document.xml", &xml)])
        }
        Some((b'X', parts)) => match parts.iter().position(|&b| b == 0xFF) {
            Some(at) => stored_zip(&[
                ("word/document.xml", &parts[..at]),
                ("word/numbering.xml", &parts[at + 1..]),
            ]),
            None => stored_zip(&[("word/document.xml", parts)]),
        },
        _ => data.to_vec(),
    };
    let _ = cadre_ingest::formats::extract("f.docx", &bytes);
});

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip archive of uncompressed entries: local headers, central directory, end record.
fn stored_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, content) in entries {
        let offset = out.len() as u32;
        let crc = crc32(content);
        let size = content.len() as u32;
        let name_len = name.len() as u16;
        // Local file header.
        out.extend(0x0403_4b50u32.to_le_bytes());
        out.extend(20u16.to_le_bytes()); // version needed
        out.extend(0u16.to_le_bytes()); // flags
        out.extend(0u16.to_le_bytes()); // stored
        out.extend(0u16.to_le_bytes()); // time
        out.extend(0x21u16.to_le_bytes()); // date: 1980-01-01
        out.extend(crc.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(size.to_le_bytes());
        out.extend(name_len.to_le_bytes());
        out.extend(0u16.to_le_bytes()); // extra length
        out.extend(name.as_bytes());
        out.extend(*content);
        // Its central directory entry.
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes()); // made by
        central.extend(20u16.to_le_bytes()); // needed
        central.extend(0u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0u16.to_le_bytes());
        central.extend(0x21u16.to_le_bytes());
        central.extend(crc.to_le_bytes());
        central.extend(size.to_le_bytes());
        central.extend(size.to_le_bytes());
        central.extend(name_len.to_le_bytes());
        central.extend([0u8; 12]); // extra, comment, disk, internal and external attributes
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let central_offset = out.len() as u32;
    let central_size = central.len() as u32;
    out.extend(central);
    let count = entries.len() as u16;
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]); // disk numbers
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(central_size.to_le_bytes());
    out.extend(central_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes()); // comment length
    out
}
