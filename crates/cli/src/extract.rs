//! `cadre extract FILE`: the text exactly as Cadre reads it, after decoding and repair. The
//! first thing to run when an import looks wrong: if a word is wrong here, the reader is at
//! fault; if it is right here, the parser is.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use cadre_ingest::IngestError;
use cadre_ingest::isolated::{IsolatedReader, Limits, Setup, WorkerCommand};
use cadre_storage::Store;

/// Words that lost-space repair may use beyond the French list: the organisations Cadre knows
/// and the words of the most recent meetings, as an import uses them.
pub async fn vocabulary_of(db: &Store) -> anyhow::Result<Vec<String>> {
    let texts = db
        .meetings()
        .known_texts(500)
        .await
        .context("cannot read the vocabulary of imported documents")?;
    Ok(texts
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .map(|w| w.trim_matches('-'))
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_owned)
        })
        .collect())
}

/// A document's bytes, refused before reading when the file is over the size limit (a 50 GB
/// file must not be read into memory to learn that it is too large).
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let limit = cadre_ingest::formats::MAX_FILE_BYTES as u64;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > limit {
        return Err(IngestError::TooLarge {
            bytes: size as usize,
            limit: limit as usize,
        }
        .to_string());
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            bytes: bytes.len(),
            limit: limit as usize,
        }
        .to_string());
    }
    Ok(bytes)
}

/// Documents are read by a `cadre read-worker` child process (see `cadre_ingest::isolated`).
pub fn isolated_reader(setup: Setup) -> anyhow::Result<IsolatedReader> {
    let command = WorkerCommand::current_exe(&["read-worker"])
        .context("cannot find the cadre executable to read documents with")?;
    Ok(IsolatedReader::new(command, setup, Limits::from_env()))
}

pub fn run(path: &Path, vocabulary: Vec<String>) -> anyhow::Result<ExitCode> {
    let bytes = match read_bounded(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return Ok(ExitCode::FAILURE);
        }
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut reader = isolated_reader(Setup {
        vocabulary,
        ..Setup::default()
    })?;
    let read = match reader.read_text(&name, &bytes) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("{}: {e}", path.display());
            return Ok(ExitCode::FAILURE);
        }
    };
    // The notes go to standard error so that standard output is the text alone, fit for diff.
    eprintln!("{}: read as {}", path.display(), read.format.media_type());
    for note in &read.notes {
        eprintln!("{}: {note}", path.display());
    }
    let mut out = std::io::stdout().lock();
    out.write_all(read.text.as_bytes())?;
    if !read.text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    Ok(ExitCode::SUCCESS)
}
