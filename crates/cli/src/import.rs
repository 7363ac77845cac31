//! `cadre import`: every file of a batch gets a line saying what became of it; one bad file never
//! stops the others, and a document already imported is recognised by its content hash.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use cadre_domain::{ImportWarning, NewBody, dates::format_date_fr, privacy::redact_contacts};
use cadre_ingest::isolated::Setup;
use cadre_storage::{ImportOutcome, Store};
use serde::Serialize;

pub struct Options {
    body: Option<NewBody>,
    json: bool,
}

impl Options {
    pub fn new(body: Option<&str>, json: bool) -> anyhow::Result<Options> {
        let body = match body {
            Some(name) => Some(NewBody::from_user_name(name).with_context(|| {
                format!("unknown body {name:?}: write e.g. \"GTM Niamey\", \"GTM Tahoua\", \"CRCM Zinder\" or \"CCM\"")
            })?),
            None => None,
        };
        Ok(Options { body, json })
    }
}

#[derive(Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Status {
    Created,
    AlreadyImported,
    Error,
}

#[derive(Serialize)]
struct FileReport {
    path: String,
    status: Status,
    meeting_id: Option<cadre_domain::MeetingId>,
    kind: Option<&'static str>,
    body: Option<String>,
    date: Option<chrono::NaiveDate>,
    agenda_items: usize,
    action_points: usize,
    recommendations: usize,
    warnings: Vec<WarningReport>,
    error: Option<String>,
}

#[derive(Serialize)]
struct WarningReport {
    field: String,
    message: String,
    /// The text concerned, with any phone number or e-mail address masked.
    text: Option<String>,
}

impl From<&ImportWarning> for WarningReport {
    fn from(w: &ImportWarning) -> Self {
        WarningReport {
            field: w.field.clone(),
            message: redact_contacts(&w.message),
            text: w.text.as_deref().map(redact_contacts),
        }
    }
}

#[derive(Serialize, Default)]
struct Totals {
    files: usize,
    created: usize,
    already_imported: usize,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct Summary {
    totals: Totals,
    files: Vec<FileReport>,
}

impl FileReport {
    fn error(path: &Path, error: String) -> Self {
        FileReport {
            path: path.display().to_string(),
            status: Status::Error,
            meeting_id: None,
            kind: None,
            body: None,
            date: None,
            agenda_items: 0,
            action_points: 0,
            recommendations: 0,
            warnings: vec![],
            error: Some(error),
        }
    }
}

/// Expands folders (recursively, in name order, hidden files skipped) into files.
fn collect_files(paths: &[PathBuf], reports: &mut Vec<FileReport>) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>, reports: &mut Vec<FileReport>) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
            Err(e) => {
                reports.push(FileReport::error(dir, format!("cannot read folder: {e}")));
                return;
            }
        };
        entries.sort();
        for path in entries {
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if path.is_dir() {
                walk(&path, out, reports);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out, reports);
        } else if path.exists() {
            out.push(path.clone());
        } else {
            reports.push(FileReport::error(path, "no such file or folder".into()));
        }
    }
    out
}

pub async fn run(db: Store, paths: &[PathBuf], options: &Options) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    let files = collect_files(paths, &mut reports);
    let progress = if files.len() > 20 && !options.json {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} documents ({per_sec}, {eta} left)",
            )
            .expect("valid template"),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };

    // Reading and parsing run on a blocking thread while this task writes to the database, so
    // both cores work; the bounded channel keeps memory flat on large archives.
    let (tx, mut rx) = tokio::sync::mpsc::channel(BATCH);
    // Each document is read in a child process (cadre_ingest::isolated): a document that
    // crashes, exhausts memory or time costs only itself, and the batch goes on. One reader
    // and its worker per core, so that isolation costs no throughput; what they read is put
    // back in file order before it is stored, so meetings are numbered as their files sort.
    let setup = Setup {
        body: options.body.clone(),
        vocabulary: crate::extract::vocabulary_of(&db).await?,
        ..Setup::default()
    };
    let readers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_READERS)
        .min(files.len().max(1));
    let window = Arc::new(Window::new(files));
    let mut tasks = Vec::with_capacity(readers);
    for _ in 0..readers {
        let mut reader = crate::extract::isolated_reader(setup.clone())?;
        let (window, tx) = (window.clone(), tx.clone());
        tasks.push(tokio::task::spawn_blocking(move || {
            while let Some((index, path)) = window.take() {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let result = crate::extract::read_bounded(&path).and_then(|bytes| {
                    reader
                        .read_document(&name, &bytes)
                        .map_err(|e| e.to_string())
                });
                if tx.blocking_send((index, path, result)).is_err() {
                    break;
                }
            }
        }));
    }
    drop(tx);

    // Documents are stored in batches, one transaction each; a batch that fails is retried
    // document by document, so only the faulty document is reported and the others are kept.
    let mut batch: Vec<(PathBuf, cadre_ingest::Ingested)> = Vec::new();
    let mut pending = std::collections::BTreeMap::new();
    let mut next_index = 0;
    while let Some(first) = rx.recv().await {
        let mut next = Some(first);
        while let Some((index, path, result)) = next.take() {
            pending.insert(index, (path, result));
            while let Some((path, result)) = pending.remove(&next_index) {
                next_index += 1;
                progress.inc(1);
                match result {
                    Err(error) => reports.push(FileReport::error(&path, error)),
                    Ok(ingested) => batch.push((path, ingested)),
                }
            }
            window.advance(next_index);
            if batch.len() < BATCH {
                next = rx.try_recv().ok();
            }
        }
        store_batch(&db, std::mem::take(&mut batch), &mut reports).await;
    }
    window.close();
    for task in tasks {
        task.await
            .context("the document reader stopped unexpectedly")?;
    }
    progress.finish_and_clear();
    // Parse errors are reported as they come and stored documents by batch: back to file order.
    reports.sort_by(|a, b| a.path.cmp(&b.path));

    let mut totals = Totals {
        files: reports.len(),
        ..Totals::default()
    };
    for r in &reports {
        match r.status {
            Status::Created => totals.created += 1,
            Status::AlreadyImported => totals.already_imported += 1,
            Status::Error => totals.errors += 1,
        }
        if r.status == Status::Created {
            totals.warnings += r.warnings.len();
        }
    }
    if totals.created > 0 {
        // Fresh rows leave PostgreSQL's planner without statistics until autovacuum runs.
        if let Err(e) = db.refresh_statistics().await {
            tracing::warn!("could not refresh the planner's statistics: {e}");
        }
    }
    let failed = totals.errors > 0;
    let summary = Summary {
        totals,
        files: reports,
    };
    if options.json {
        serde_json::to_writer_pretty(std::io::stdout().lock(), &summary)?;
        println!();
    } else {
        print_human(&summary);
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// How many documents one transaction stores at most.
const BATCH: usize = 256;

/// Readers (worker processes) at most, however many cores.
const MAX_READERS: usize = 4;

/// The files still to read, handed out in order, never more than [`BATCH`] ahead of the
/// first one not yet stored: a reader stuck on a slow document cannot make the others pile up
/// documents in memory while they wait to be stored in order.
struct Window {
    state: std::sync::Mutex<WindowState>,
    moved: std::sync::Condvar,
}

struct WindowState {
    files: std::vec::IntoIter<PathBuf>,
    next: usize,
    stored: usize,
    closed: bool,
}

impl Window {
    fn new(files: Vec<PathBuf>) -> Window {
        Window {
            state: std::sync::Mutex::new(WindowState {
                files: files.into_iter(),
                next: 0,
                stored: 0,
                closed: false,
            }),
            moved: std::sync::Condvar::new(),
        }
    }

    /// The next file to read and its position, waiting while the window is full.
    fn take(&self) -> Option<(usize, PathBuf)> {
        let mut state = self.state.lock().expect("window");
        while !state.closed && state.next >= state.stored + BATCH {
            state = self.moved.wait(state).expect("window");
        }
        if state.closed {
            return None;
        }
        let path = state.files.next()?;
        state.next += 1;
        Some((state.next - 1, path))
    }

    /// Every file before `stored` has left the readers' hands.
    fn advance(&self, stored: usize) {
        self.state.lock().expect("window").stored = stored;
        self.moved.notify_all();
    }

    fn close(&self) {
        self.state.lock().expect("window").closed = true;
        self.moved.notify_all();
    }
}

async fn store_batch(
    db: &Store,
    batch: Vec<(PathBuf, cadre_ingest::Ingested)>,
    reports: &mut Vec<FileReport>,
) {
    if batch.is_empty() {
        return;
    }
    let (paths, meetings): (Vec<PathBuf>, Vec<cadre_domain::NewMeeting>) =
        batch.into_iter().map(|(p, i)| (p, i.meeting)).unzip();
    let outcomes: Vec<Result<ImportOutcome, String>> = match db
        .meetings()
        .import_batch(&meetings, &crate::user::actor())
        .await
    {
        Ok(outcomes) => outcomes.into_iter().map(Ok).collect(),
        Err(_) => {
            let mut one_by_one = Vec::with_capacity(meetings.len());
            for (m, path) in meetings.iter().zip(&paths) {
                one_by_one.push(
                    db.meetings()
                        .import(m, &crate::user::actor())
                        .await
                        .map_err(|e| {
                            tracing::error!(file = %path.display(), "import failed: {e}");
                            format!("could not be stored: {e}")
                        }),
                );
            }
            one_by_one
        }
    };
    for ((path, m), outcome) in paths.into_iter().zip(&meetings).zip(outcomes) {
        reports.push(match outcome {
            Err(error) => FileReport::error(&path, error),
            Ok(outcome) => FileReport {
                path: path.display().to_string(),
                status: match outcome {
                    ImportOutcome::Created(_) => Status::Created,
                    ImportOutcome::AlreadyImported(_) => Status::AlreadyImported,
                },
                meeting_id: Some(outcome.meeting_id()),
                kind: Some(m.kind.as_str()),
                body: Some(m.body.name.clone()),
                date: Some(m.date),
                agenda_items: m.agenda.len(),
                action_points: m.action_points().count(),
                recommendations: m.recommendations.len(),
                warnings: m.warnings.iter().map(WarningReport::from).collect(),
                error: None,
            },
        });
    }
}

fn print_human(summary: &Summary) {
    // Past a few dozen files, only errors are listed one by one; --json has everything.
    let detailed = summary.files.len() <= 50;
    for r in &summary.files {
        match r.status {
            Status::Error => println!("✗ {}: {}", r.path, r.error.as_deref().unwrap_or("error")),
            _ if !detailed => {}
            status => {
                let what = if status == Status::Created {
                    "imported as"
                } else {
                    "already imported as"
                };
                println!(
                    "✓ {}: {what} meeting {} — {}, {}; {} agenda items, {} action points{}",
                    r.path,
                    r.meeting_id.map_or(0, |id| id.get()),
                    r.body.as_deref().unwrap_or("?"),
                    r.date.map(format_date_fr).unwrap_or_default(),
                    r.agenda_items,
                    r.action_points,
                    if r.recommendations > 0 {
                        format!(", {} recommendations", r.recommendations)
                    } else {
                        String::new()
                    },
                );
                if status == Status::Created {
                    for w in &r.warnings {
                        match &w.text {
                            Some(text) => println!(
                                "    warning [{}] {}: {}",
                                w.field,
                                w.message,
                                shorten(text, 160)
                            ),
                            None => println!("    warning [{}] {}", w.field, w.message),
                        }
                    }
                }
            }
        }
    }
    let t = &summary.totals;
    println!(
        "{} files: {} imported, {} already imported, {} errors, {} warnings",
        t.files, t.created, t.already_imported, t.errors, t.warnings
    );
}

fn shorten(text: &str, max: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}
