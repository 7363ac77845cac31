//! `cadre extract FILE`: the text exactly as Cadre reads it, after decoding and repair. The
//! first thing to run when an import looks wrong: if a word is wrong here, the reader is at
//! fault; if it is right here, the parser is.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use cadre_ingest::{Lexicon, ReadOptions, read_text};
use cadre_storage::Database;

/// Words that lost-space repair may use beyond the French list: the organisations Cadre knows
/// and the words of the most recent meetings, as an import uses them.
pub async fn lexicon_of<D: Database>(db: &D) -> anyhow::Result<Arc<Lexicon>> {
    let texts = db
        .known_texts(500)
        .await
        .context("cannot read the vocabulary of imported documents")?;
    let words = texts.iter().flat_map(|t| {
        t.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(|w| w.trim_matches('-'))
            .filter(|w| w.chars().count() >= 2)
    });
    Ok(Arc::new(Lexicon::with_vocabulary(words)))
}

pub fn run(path: &Path, lexicon: Option<Arc<Lexicon>>) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let options = ReadOptions {
        lexicon,
        ..ReadOptions::default()
    };
    let read = match read_text(&name, &bytes, &options) {
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
