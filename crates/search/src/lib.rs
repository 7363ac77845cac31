//! French full-text search over minutes, discussion points, action points and recommendations.
//!
//! The index lives in a directory and follows the database through a change sequence number:
//! the caller gives the documents of the meetings that changed since [`SearchIndex::last_change`]
//! to [`SearchIndex::apply`] (or everything to [`SearchIndex::rebuild`]), and the number travels
//! with the commit, so a crash between the two can never leave them out of step.
//!
//! Several processes may share one directory (the server reading while `cadre reindex` or an
//! import writes): a writer is taken only for the time of one `apply`/`rebuild`, and readers pick
//! up other processes' commits by themselves within about half a second ([`SearchIndex::reload`]
//! makes it immediate).
//!
//! Query syntax, for people: words (all must match, accents, case and plural ignored, ranked by
//! relevance), `"quoted phrases"`, a leading `-` (or `NOT`) to exclude a word or phrase. Nothing a
//! user types is a syntax error: stray quotes, brackets and operators are read as plain text.

mod analyzer;
mod query;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::directory::error::LockError;
use tantivy::schema::{
    Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
    Value,
};
use tantivy::snippet::{SnippetGenerator, collapse_overlapped_ranges};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument,
    TantivyError, Term,
};

pub use query::MAX_QUERY_CHARS;

/// Bump when the schema or the analysis changes: an index of another version is left aside and
/// a new one started empty, whose [`SearchIndex::last_change`] of 0 tells the caller to rebuild.
pub const SCHEMA_VERSION: u32 = 2;

/// Memory the writer may fill before flushing a segment to disk. Imports of a few meetings use
/// far less; a full rebuild of 100,000 documents flushes a few times.
const WRITER_MEMORY_BYTES: usize = 15_000_000;

/// How long `apply`/`rebuild` wait for another process's writer (an import, a reindex).
const WRITER_WAIT: Duration = Duration::from_secs(10);

/// The most hits one page may ask for.
pub const MAX_LIMIT: usize = 100;

/// The result window: hits beyond the first `MAX_WINDOW` (`offset + limit`) are never served.
/// Ranking keeps `offset + limit` candidates in memory, so an unbounded offset would let one
/// request allocate without limit; [`SearchIndex::search`] refuses such a page with
/// [`SearchError::BeyondWindow`]. People refine their search long before this.
pub const MAX_WINDOW: usize = 10_000;

/// Length of an excerpt, in characters, before the ellipses.
const EXCERPT_CHARS: usize = 200;

/// What a searchable unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    /// The meeting itself: its title, place, attendance, next steps.
    Meeting,
    /// The key discussion points of one agenda item.
    Discussion,
    ActionPoint,
    Recommendation,
}

impl DocKind {
    pub const ALL: [DocKind; 4] = [
        DocKind::Meeting,
        DocKind::Discussion,
        DocKind::ActionPoint,
        DocKind::Recommendation,
    ];

    /// The name used in the index, in URLs and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DocKind::Meeting => "meeting",
            DocKind::Discussion => "discussion",
            DocKind::ActionPoint => "actionpoint",
            DocKind::Recommendation => "recommendation",
        }
    }

    /// The kind named `name` (as [`DocKind::as_str`] writes it), if any.
    pub fn parse(name: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// One searchable unit, as the caller builds it from the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDocument {
    /// Stable and unique, e.g. "meeting:12", "agenda:12:3", "action:45", "recommendation:7".
    pub key: String,
    pub meeting_id: i64,
    pub kind: DocKind,
    /// The body's code, for the filter (e.g. "gtm-niamey").
    pub body_code: String,
    /// The body's name, for display.
    pub body_name: String,
    pub year: i32,
    pub date: NaiveDate,
    /// Meeting title, agenda item title, "Point d'action"…: searched, weighted above the text.
    pub title: String,
    pub text: String,
    /// Where the hit is shown, e.g. "/meetings/12#point-3" (the anchor is the agenda item's id).
    pub url: String,
    /// Whether the minutes it comes from are published (the public finds only those).
    pub published: bool,
}

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub text: String,
    pub body_code: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<DocKind>,
    /// Whether minutes not yet published are searched too (signed-in readers); by default
    /// only published ones are.
    pub include_drafts: bool,
    /// Hits to skip; `offset + limit` may not exceed [`MAX_WINDOW`].
    pub offset: usize,
    /// Hits on this page, at most [`MAX_LIMIT`]; 0 only counts.
    pub limit: usize,
}

impl SearchQuery {
    /// The first `limit` hits for `text`, no filter.
    pub fn new(text: impl Into<String>, limit: usize) -> Self {
        SearchQuery {
            text: text.into(),
            limit,
            ..SearchQuery::default()
        }
    }
}

/// A page of hits and how many there are in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<SearchHit>,
}

/// One hit, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub key: String,
    pub meeting_id: i64,
    pub kind: DocKind,
    pub body_code: String,
    pub body_name: String,
    pub date: NaiveDate,
    pub title: String,
    pub url: String,
    /// A passage of the text around the matched words, cut into pieces: the web layer escapes
    /// each piece and wraps the highlighted ones in `<mark>`. Starts or ends with an "…" piece
    /// when the passage is cut from a longer text.
    pub excerpt: Vec<Fragment>,
    pub score: f32,
}

/// A piece of an excerpt: plain document text, never HTML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub text: String,
    /// True for the words that matched the query.
    pub highlighted: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Nothing to look for: no word left once punctuation, common words ("de", "la"…) and
    /// excluded words are set aside. The page says "type at least one word".
    #[error(
        "the search has no word to look for (common words such as \"de\" or \"la\" and excluded words do not count)"
    )]
    EmptyQuery,
    /// The page asked for lies beyond the first [`MAX_WINDOW`] hits (`offset + limit`).
    #[error(
        "hits {offset} to {offset}+{limit} lie beyond the first {MAX_WINDOW}: refine the search"
    )]
    BeyondWindow { offset: usize, limit: usize },
    #[error(
        "the search index in {dir} is being written by another process (an import or a reindex) and stayed busy for {waited:?}; try again in a moment"
    )]
    Busy { dir: String, waited: Duration },
    #[error(
        "document {key} belongs to meeting {meeting_id}, which is not among the meetings being replaced"
    )]
    DocumentOutsideMeetings { key: String, meeting_id: i64 },
    #[error("search index in {dir}: cannot {action}: {source}")]
    Index {
        dir: String,
        action: &'static str,
        #[source]
        source: TantivyError,
    },
    #[error("search index in {dir}: cannot {action}: {source}")]
    Io {
        dir: String,
        action: &'static str,
        #[source]
        source: std::io::Error,
    },
}

/// The fields of the schema.
#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    meeting_id: Field,
    kind: Field,
    body_code: Field,
    body_name: Field,
    year: Field,
    date: Field,
    title: Field,
    text: Field,
    url: Field,
    published: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let french = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer::FRENCH)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        key: builder.add_text_field("key", STRING | STORED),
        meeting_id: builder.add_i64_field("meeting_id", INDEXED | STORED),
        kind: builder.add_text_field("kind", STRING | STORED),
        body_code: builder.add_text_field("body_code", STRING | STORED),
        body_name: builder.add_text_field("body_name", STORED),
        year: builder.add_i64_field("year", INDEXED | STORED),
        date: builder.add_text_field("date", STORED),
        title: builder.add_text_field("title", french.clone()),
        text: builder.add_text_field("text", french),
        url: builder.add_text_field("url", STORED),
        published: builder.add_text_field("published", STRING),
    };
    (builder.build(), fields)
}

/// What the commit carries besides the documents.
#[derive(Serialize, Deserialize)]
struct Payload {
    last_change: i64,
}

/// A search index in a directory or in memory. Cheap to clone; every clone shares one reader.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// For messages: the directory, or "memory".
    place: String,
}

impl SearchIndex {
    /// Opens the index kept in `dir`, creating it (and `dir`) if missing. The files go in a
    /// subdirectory named after [`SCHEMA_VERSION`] ("v1"); those of other versions are removed.
    pub fn open(dir: &Path) -> Result<Self, SearchError> {
        let place = dir.display().to_string();
        let io = |action: &'static str| {
            let place = place.clone();
            move |source| SearchError::Io {
                dir: place,
                action,
                source,
            }
        };
        let versioned = dir.join(format!("v{SCHEMA_VERSION}"));
        claim(&versioned).map_err(io("create the directory"))?;
        remove_other_versions(dir);
        let (schema, fields) = schema();
        let index = match Index::open_in_dir(&versioned) {
            Ok(index) if index.schema() == schema => index,
            Ok(_) => {
                // Same version number, different schema: only a development build can do this.
                std::fs::remove_dir_all(&versioned).map_err(io("remove an outdated index"))?;
                std::fs::create_dir_all(&versioned).map_err(io("create the directory"))?;
                create_in_dir(&versioned, schema, &place)?
            }
            Err(TantivyError::OpenDirectoryError(_)) | Err(TantivyError::OpenReadError(_)) => {
                create_in_dir(&versioned, schema, &place)?
            }
            Err(source) => {
                return Err(SearchError::Index {
                    dir: place,
                    action: "open the index",
                    source,
                });
            }
        };
        Self::from_index(index, fields, place)
    }

    /// An index that lives and dies with this value (tests, previews).
    pub fn in_memory() -> Result<Self, SearchError> {
        let (schema, fields) = schema();
        Self::from_index(Index::create_in_ram(schema), fields, "memory".into())
    }

    fn from_index(index: Index, fields: Fields, place: String) -> Result<Self, SearchError> {
        index
            .tokenizers()
            .register(analyzer::FRENCH, analyzer::FrenchAnalyzer);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(|source| SearchError::Index {
                dir: place.clone(),
                action: "open a reader",
                source,
            })?;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                index,
                reader,
                fields,
                place,
            }),
        })
    }

    /// Replaces every document of `meetings` by `documents` (a deleted meeting: list it and give
    /// no document for it), and records `upto` as the last change applied, in one commit.
    pub fn apply(
        &self,
        meetings: &[i64],
        documents: Vec<SearchDocument>,
        upto: i64,
    ) -> Result<(), SearchError> {
        if let Some(stray) = documents.iter().find(|d| !meetings.contains(&d.meeting_id)) {
            return Err(SearchError::DocumentOutsideMeetings {
                key: stray.key.clone(),
                meeting_id: stray.meeting_id,
            });
        }
        self.write(
            |writer, fields| {
                for &meeting in meetings {
                    writer.delete_term(Term::from_field_i64(fields.meeting_id, meeting));
                }
                for document in documents {
                    writer.add_document(to_tantivy(&document, fields))?;
                }
                Ok(())
            },
            upto,
        )
    }

    /// Empties the index, adds all `documents`, and records `upto` as the last change applied,
    /// in one commit: readers see the old index until the new one is complete.
    pub fn rebuild(
        &self,
        documents: impl Iterator<Item = SearchDocument>,
        upto: i64,
    ) -> Result<(), SearchError> {
        self.write(
            |writer, fields| {
                writer.delete_all_documents()?;
                for document in documents {
                    writer.add_document(to_tantivy(&document, fields))?;
                }
                Ok(())
            },
            upto,
        )
    }

    fn write(
        &self,
        change: impl FnOnce(&mut IndexWriter, &Fields) -> tantivy::Result<()>,
        upto: i64,
    ) -> Result<(), SearchError> {
        let mut writer = self.writer()?;
        let fail = |action| self.index_error(action);
        // On failure the writer is dropped without committing: the index stays as it was.
        change(&mut writer, &self.inner.fields).map_err(fail("add the documents"))?;
        let payload =
            serde_json::to_string(&Payload { last_change: upto }).expect("a number serializes");
        let mut commit = writer
            .prepare_commit()
            .map_err(fail("prepare the commit"))?;
        commit.set_payload(&payload);
        commit.commit().map_err(fail("commit"))?;
        // Merges started by the commit finish before the directory lock is released.
        writer
            .wait_merging_threads()
            .map_err(fail("finish merging segments"))?;
        self.reload()
    }

    /// Takes the directory's writer lock, waiting while another process holds it.
    fn writer(&self) -> Result<IndexWriter, SearchError> {
        let start = Instant::now();
        let mut pause = Duration::from_millis(20);
        loop {
            match self
                .inner
                .index
                .writer_with_num_threads(1, WRITER_MEMORY_BYTES)
            {
                Ok(writer) => return Ok(writer),
                Err(TantivyError::LockFailure(LockError::LockBusy, _))
                    if start.elapsed() < WRITER_WAIT =>
                {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(Duration::from_millis(500));
                }
                Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                    return Err(SearchError::Busy {
                        dir: self.inner.place.clone(),
                        waited: start.elapsed(),
                    });
                }
                Err(source) => {
                    return Err(SearchError::Index {
                        dir: self.inner.place.clone(),
                        action: "open a writer",
                        source,
                    });
                }
            }
        }
    }

    /// Makes commits from any process visible now rather than within about half a second.
    /// Turns a tantivy error into one that says which index and what was being done.
    fn index_error(&self, action: &'static str) -> impl FnOnce(TantivyError) -> SearchError {
        let dir = self.inner.place.clone();
        move |source| SearchError::Index {
            dir,
            action,
            source,
        }
    }

    pub fn reload(&self) -> Result<(), SearchError> {
        self.inner
            .reader
            .reload()
            .map_err(|source| SearchError::Index {
                dir: self.inner.place.clone(),
                action: "reload the reader",
                source,
            })
    }

    /// The last change applied, as given to the last `apply` or `rebuild` committed by any
    /// process; 0 for a new index. Unreadable metadata also gives 0, so the caller rebuilds.
    pub fn last_change(&self) -> i64 {
        self.inner
            .index
            .load_metas()
            .ok()
            .and_then(|metas| metas.payload)
            .and_then(|payload| serde_json::from_str::<Payload>(&payload).ok())
            .map_or(0, |payload| payload.last_change)
    }

    /// How many documents the reader currently sees.
    pub fn document_count(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// A page of hits, best first, with the total count. A page beyond the first
    /// [`MAX_WINDOW`] hits is refused ([`SearchError::BeyondWindow`]) before anything is
    /// allocated for it; a count alone (`limit` 0) takes any offset.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let limit = q.limit.min(MAX_LIMIT);
        if limit > 0 && q.offset.saturating_add(limit) > MAX_WINDOW {
            return Err(SearchError::BeyondWindow {
                offset: q.offset,
                limit,
            });
        }
        let fields = &self.inner.fields;
        let query = query::build(q, fields)?;
        let searcher = self.inner.reader.searcher();
        let fail = |action| self.index_error(action);
        if limit == 0 {
            let total = searcher.search(&query, &Count).map_err(fail("search"))?;
            return Ok(SearchResults {
                total,
                hits: vec![],
            });
        }
        let top = TopDocs::with_limit(limit)
            .and_offset(q.offset)
            .order_by_score();
        let (total, top) = searcher
            .search(&query, &(Count, top))
            .map_err(fail("search"))?;
        let mut snippets = SnippetGenerator::create(&searcher, &query, fields.text)
            .map_err(fail("prepare excerpts"))?;
        snippets.set_max_num_chars(EXCERPT_CHARS);
        let hits = top
            .into_iter()
            .map(|(score, address)| self.hit(&searcher, &snippets, score, address))
            .collect::<Result<_, _>>()
            .map_err(fail("read a found document"))?;
        Ok(SearchResults { total, hits })
    }

    /// The keys of every matching document, unranked and unpaged: for checks and exports, not
    /// for pages (it reads every match).
    pub fn matching_keys(&self, q: &SearchQuery) -> Result<Vec<String>, SearchError> {
        let query = query::build(q, &self.inner.fields)?;
        let searcher = self.inner.reader.searcher();
        let fail = |source| SearchError::Index {
            dir: self.inner.place.clone(),
            action: "search",
            source,
        };
        let addresses = searcher.search(&query, &DocSetCollector).map_err(fail)?;
        addresses
            .into_iter()
            .map(|address| {
                let doc: TantivyDocument = searcher.doc(address).map_err(fail)?;
                Ok(text_of(&doc, self.inner.fields.key))
            })
            .collect()
    }

    fn hit(
        &self,
        searcher: &Searcher,
        snippets: &SnippetGenerator,
        score: f32,
        address: DocAddress,
    ) -> tantivy::Result<SearchHit> {
        let f = &self.inner.fields;
        let doc: TantivyDocument = searcher.doc(address)?;
        let text = text_of(&doc, f.text);
        Ok(SearchHit {
            key: text_of(&doc, f.key),
            meeting_id: doc
                .get_first(f.meeting_id)
                .and_then(|v| v.as_i64())
                .unwrap_or(0),
            kind: DocKind::parse(&text_of(&doc, f.kind)).unwrap_or(DocKind::Meeting),
            body_code: text_of(&doc, f.body_code),
            body_name: text_of(&doc, f.body_name),
            date: text_of(&doc, f.date).parse().unwrap_or_default(),
            title: text_of(&doc, f.title),
            url: text_of(&doc, f.url),
            excerpt: excerpt(snippets, &text),
            score,
        })
    }
}

fn create_in_dir(dir: &Path, schema: Schema, place: &str) -> Result<Index, SearchError> {
    match Index::create_in_dir(dir, schema) {
        Ok(index) => Ok(index),
        // Another process created it between our look and our creation.
        Err(TantivyError::IndexAlreadyExists) => Index::open_in_dir(dir),
        Err(other) => Err(other),
    }
    .map_err(|source| SearchError::Index {
        dir: place.to_string(),
        action: "create the index",
        source,
    })
}

/// The file that marks a folder as one of Cadre's indexes: only such folders are ever removed.
const MARKER: &str = "cadre-search-index";

/// Makes `versioned` Cadre's index folder: created with its marker, or already Cadre's (its
/// marker, or tantivy's `meta.json` for indexes made before markers). A folder of the same
/// name holding anything else is someone else's and is refused, never emptied.
fn claim(versioned: &Path) -> std::io::Result<()> {
    let marker = versioned.join(MARKER);
    if versioned.is_dir() && !marker.exists() && !versioned.join("meta.json").exists() {
        let mut entries = std::fs::read_dir(versioned)?;
        if entries.next().is_some() {
            return Err(std::io::Error::other(format!(
                "{} holds files that are not a Cadre search index; give --index a folder of its own",
                versioned.display()
            )));
        }
    }
    std::fs::create_dir_all(versioned)?;
    if !marker.exists() {
        std::fs::write(
            &marker,
            "Cadre's full-text index: rebuilt by `cadre reindex`.\n",
        )?;
    }
    Ok(())
}

/// Removes indexes of other schema versions ("v" and digits, with Cadre's marker) left in
/// `dir`; folders without the marker are not Cadre's and are left alone. A process still
/// reading one keeps its open files (they are only unlinked), so this is safe at any time.
fn remove_other_versions(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let current = format!("v{SCHEMA_VERSION}");
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let is_version = name.len() > 1
            && name.starts_with('v')
            && name[1..].bytes().all(|b| b.is_ascii_digit());
        if is_version && name != current && entry.path().join(MARKER).is_file() {
            let path: PathBuf = entry.path();
            let _ = std::fs::remove_dir_all(path);
        }
    }
}

fn to_tantivy(d: &SearchDocument, f: &Fields) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.key, &d.key);
    doc.add_i64(f.meeting_id, d.meeting_id);
    doc.add_text(f.kind, d.kind.as_str());
    doc.add_text(f.body_code, &d.body_code);
    doc.add_text(f.body_name, &d.body_name);
    doc.add_i64(f.year, i64::from(d.year));
    doc.add_text(f.date, d.date.to_string());
    doc.add_text(f.title, &d.title);
    doc.add_text(f.text, &d.text);
    doc.add_text(f.url, &d.url);
    doc.add_text(f.published, if d.published { "yes" } else { "no" });
    doc
}

fn text_of(doc: &TantivyDocument, field: Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

/// The best passage of `text` for the query, in pieces; the start of the text when the query
/// matched only the title.
fn excerpt(snippets: &SnippetGenerator, text: &str) -> Vec<Fragment> {
    let snippet = snippets.snippet(text);
    let mut pieces = Vec::new();
    let plain = |s: &str| Fragment {
        text: s.to_string(),
        highlighted: false,
    };
    if snippet.highlighted().is_empty() {
        let cut = text
            .char_indices()
            .nth(EXCERPT_CHARS)
            .map_or(text.len(), |(i, _)| i);
        // End on a word boundary when there is one in the last part.
        let cut = match text[..cut].rfind(char::is_whitespace) {
            Some(space) if cut < text.len() && space > cut / 2 => space,
            _ => cut,
        };
        if !text[..cut].trim().is_empty() {
            pieces.push(plain(text[..cut].trim_end()));
        }
        if cut < text.len() {
            pieces.push(plain("…"));
        }
        return pieces;
    }
    let fragment = snippet.fragment();
    let range = snippet.fragment_range();
    // Punctuation alone between the passage and the text's ends is kept rather than elided.
    let only_punctuation = |s: &str| !s.chars().any(char::is_alphanumeric);
    let (before, after) = (&text[..range.start], &text[range.end..]);
    if only_punctuation(before) {
        if !before.is_empty() {
            pieces.push(plain(before));
        }
    } else {
        pieces.push(plain("…"));
    }
    let mut at = 0;
    // A word matched through both of its stems is marked twice.
    for mark in collapse_overlapped_ranges(snippet.highlighted()) {
        if mark.start > at {
            pieces.push(plain(&fragment[at..mark.start]));
        }
        pieces.push(Fragment {
            text: fragment[mark.start..mark.end].to_string(),
            highlighted: true,
        });
        at = mark.end;
    }
    if at < fragment.len() {
        pieces.push(plain(&fragment[at..]));
    }
    if only_punctuation(after) {
        if !after.is_empty() {
            pieces.push(plain(after));
        }
    } else {
        pieces.push(plain("…"));
    }
    pieces
}
