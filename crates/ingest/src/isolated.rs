//! Documents read in a child process, so that no document can take the importer down.
//!
//! The readers are careful (limits on sizes, nesting, glyphs), but they sit on large parsers
//! fed with files from anywhere: a stack overflow or an allocation failure aborts a process,
//! and no `catch_unwind` stops that. So an import hands each document to a worker process
//! (the `cadre` binary itself, started with a hidden subcommand that calls [`serve_worker`]),
//! which runs under an address-space limit and answers within a time limit. A worker that
//! dies, overruns or answers too much costs exactly the document it was reading: it is
//! reported with a clear message, the worker is replaced, and the batch goes on.
//!
//! One worker reads document after document (starting one, with its lexicon, per document
//! would cost more than reading most minutes). The protocol on its standard input and output
//! is private to this module: a request is a JSON line followed by the document's bytes; an
//! answer is a little-endian `u64` length followed by that many bytes of JSON.

use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cadre_domain::{NewBody, NewMeeting};
use serde::{Deserialize, Serialize};

use crate::{Format, Ingested, Lexicon, ReadOptions, ReadText};

/// What one document may cost the worker reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Address space of the worker process (`RLIMIT_AS`): the parsers, the lexicon and the
    /// document together.
    pub memory_bytes: u64,
    /// Wall-clock time to read one document.
    pub time: Duration,
    /// Size of one answer (the meeting read, or the text), beyond which it is refused.
    pub output_bytes: u64,
    /// What the PDF parser may decompress from one stream, in MiB: the pre-scan's bound, so
    /// that the parser and the pre-scan agree.
    pub pdf_stream_mib: u64,
}

impl Default for Limits {
    /// Generous for any real minutes (the largest seen read in under a second and 150 MB),
    /// small enough that a bomb is stopped long before the machine suffers.
    fn default() -> Self {
        Limits {
            memory_bytes: 1536 * 1024 * 1024,
            time: Duration::from_secs(60),
            output_bytes: 96 * 1024 * 1024,
            pdf_stream_mib: (crate::formats::MAX_STREAM_BYTES >> 20) as u64,
        }
    }
}

impl Limits {
    /// The defaults, overridden by `CADRE_READER_MEMORY_MB` and `CADRE_READER_SECONDS` when
    /// set (an office with little memory, or a very large archive).
    pub fn from_env() -> Limits {
        let mut limits = Limits::default();
        let number = |name: &str| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .filter(|v| *v > 0)
        };
        if let Some(mb) = number("CADRE_READER_MEMORY_MB") {
            limits.memory_bytes = mb * 1024 * 1024;
        }
        if let Some(s) = number("CADRE_READER_SECONDS") {
            limits.time = Duration::from_secs(s);
        }
        limits
    }
}

/// Why a document could not be read in isolation. `Refused` is the reader's own verdict
/// ([`crate::IngestError`]'s message); the others say what the worker ran into.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadFailure {
    #[error("{0}")]
    Refused(String),
    #[error(
        "reading it needed more than {} MB of memory, the limit for one document: a bomb, or a document Cadre cannot read",
        .0 / (1024 * 1024)
    )]
    OutOfMemory(u64),
    #[error(
        "reading it took longer than {} s, the limit for one document: it was stopped",
        .0.as_secs()
    )]
    TimedOut(Duration),
    #[error("the reader crashed on it ({0}); the rest of the batch was read by a fresh reader")]
    Crashed(String),
    #[error(
        "what was read from it is larger than {} MB, the limit for one document",
        .0 / (1024 * 1024)
    )]
    OutputTooLarge(u64),
    #[error("the document reader could not be started: {0}")]
    Unavailable(String),
}

/// The worker's program: the `cadre` binary and the hidden subcommand that serves requests.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    pub program: PathBuf,
    pub args: Vec<OsString>,
    /// Variables that tell the program to serve as a worker, when arguments cannot (a fuzz
    /// target's own binary).
    pub env: Vec<(OsString, OsString)>,
}

impl WorkerCommand {
    /// The running executable with `args` (for `cadre`: `["read-worker"]`).
    pub fn current_exe(args: &[&str]) -> io::Result<WorkerCommand> {
        Ok(WorkerCommand {
            program: std::env::current_exe()?,
            args: args.iter().map(OsString::from).collect(),
            env: Vec::new(),
        })
    }
}

/// What every document of a batch shares: sent once to each worker.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Setup {
    /// The body that met (`--body`), when the person importing says.
    pub body: Option<NewBody>,
    /// Words lost-space repair may use beyond the French list (see [`Lexicon::with_vocabulary`]).
    pub vocabulary: Vec<String>,
    /// The address-space limit the worker puts on itself before reading anything.
    pub memory_bytes: u64,
}

/// Reads documents in a worker process. Not shared between threads: a batch owns one.
pub struct IsolatedReader {
    command: WorkerCommand,
    setup: Setup,
    limits: Limits,
    worker: Option<Worker>,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    answers: Receiver<Answer>,
    stderr_tail: Arc<Mutex<Vec<u8>>>,
}

enum Answer {
    Frame(Vec<u8>),
    TooLarge,
    Closed,
}

#[derive(Serialize, Deserialize)]
struct Request {
    op: Op,
    file_name: String,
    len: u64,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Op {
    Document,
    Text,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Reply {
    /// The meeting read, without the document's bytes (the caller has them).
    Meeting(Box<NewMeeting>),
    Text(TextReply),
    Refused(String),
}

#[derive(Serialize, Deserialize)]
struct TextReply {
    media_type: String,
    text: String,
    notes: Vec<crate::notes::Note>,
    lines_repaired: usize,
}

/// The last bytes a worker wrote on its standard error: enough to tell why it died.
const STDERR_TAIL: usize = 8 * 1024;

impl IsolatedReader {
    pub fn new(command: WorkerCommand, mut setup: Setup, limits: Limits) -> IsolatedReader {
        setup.memory_bytes = limits.memory_bytes;
        IsolatedReader {
            command,
            setup,
            limits,
            worker: None,
        }
    }

    /// Reads one document into a meeting, as [`crate::read_document`] does in process.
    pub fn read_document(
        &mut self,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Ingested, ReadFailure> {
        match self.ask(Op::Document, file_name, bytes)? {
            Reply::Meeting(meeting) => {
                let mut meeting = *meeting;
                if let Some(source) = meeting.source.as_mut() {
                    source.content = bytes.to_vec();
                }
                Ok(Ingested { meeting })
            }
            Reply::Refused(message) => Err(ReadFailure::Refused(message)),
            Reply::Text(_) => Err(self.protocol_error("a text where a meeting was expected")),
        }
    }

    /// The text of one document, as [`crate::read_text`] gives it in process.
    pub fn read_text(&mut self, file_name: &str, bytes: &[u8]) -> Result<ReadText, ReadFailure> {
        match self.ask(Op::Text, file_name, bytes)? {
            Reply::Text(t) => Ok(ReadText {
                format: format_of(&t.media_type)
                    .ok_or_else(|| self.protocol_error("an unknown format"))?,
                text: t.text,
                notes: t.notes,
                lines_repaired: t.lines_repaired,
            }),
            Reply::Refused(message) => Err(ReadFailure::Refused(message)),
            Reply::Meeting(_) => Err(self.protocol_error("a meeting where a text was expected")),
        }
    }

    fn protocol_error(&mut self, what: &str) -> ReadFailure {
        self.stop();
        ReadFailure::Crashed(format!("it answered {what}"))
    }

    fn ask(&mut self, op: Op, file_name: &str, bytes: &[u8]) -> Result<Reply, ReadFailure> {
        if self.worker.is_none() {
            self.worker = Some(self.start()?);
        }
        let worker = self.worker.as_mut().expect("started above");
        let request = Request {
            op,
            file_name: file_name.to_owned(),
            len: bytes.len() as u64,
        };
        let mut line = serde_json::to_vec(&request).expect("a request serialises");
        line.push(b'\n');
        let sent = worker
            .stdin
            .write_all(&line)
            .and_then(|()| worker.stdin.write_all(bytes))
            .and_then(|()| worker.stdin.flush());
        let answer = match sent {
            // A worker that died while reading the request says why on its way out.
            Err(_) => Answer::Closed,
            Ok(()) => match worker.answers.recv_timeout(self.limits.time) {
                Ok(answer) => answer,
                Err(RecvTimeoutError::Timeout) => {
                    self.stop();
                    return Err(ReadFailure::TimedOut(self.limits.time));
                }
                Err(RecvTimeoutError::Disconnected) => Answer::Closed,
            },
        };
        match answer {
            Answer::Frame(frame) => serde_json::from_slice::<Reply>(&frame)
                .map_err(|e| self.protocol_error(&format!("something unreadable ({e})"))),
            Answer::TooLarge => {
                self.stop();
                Err(ReadFailure::OutputTooLarge(self.limits.output_bytes))
            }
            Answer::Closed => Err(self.death()),
        }
    }

    fn start(&self) -> Result<Worker, ReadFailure> {
        let unavailable = |e: io::Error| {
            ReadFailure::Unavailable(format!("{} ({e})", self.command.program.display()))
        };
        let mut child = Command::new(&self.command.program)
            .args(&self.command.args)
            .envs(self.command.env.iter().map(|(k, v)| (k, v)))
            .env(
                "PDF_OXIDE_MAX_DECOMPRESS_MB",
                self.limits.pdf_stream_mib.to_string(),
            )
            // The worker's own log lines would only repeat what the answer says.
            .env("CADRE_LOG", "off")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(unavailable)?;
        let mut stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let stderr = child.stderr.take().expect("piped");
        let stderr_tail = Arc::new(Mutex::new(Vec::new()));
        {
            let tail = stderr_tail.clone();
            std::thread::spawn(move || keep_tail(stderr, &tail));
        }
        let (tx, answers) = sync_channel(1);
        let output_limit = self.limits.output_bytes;
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            loop {
                let answer = read_frame(&mut stdout, output_limit);
                let last = !matches!(answer, Answer::Frame(_));
                if tx.send(answer).is_err() || last {
                    break;
                }
            }
        });
        let mut setup = serde_json::to_vec(&self.setup).expect("the setup serialises");
        setup.push(b'\n');
        if stdin
            .write_all(&setup)
            .and_then(|()| stdin.flush())
            .is_err()
        {
            let _ = child.kill();
            let status = child.wait().map_err(unavailable)?;
            return Err(ReadFailure::Unavailable(format!(
                "{} stopped at once ({status}): {}",
                self.command.program.display(),
                String::from_utf8_lossy(&stderr_tail.lock().expect("tail").clone()).trim()
            )));
        }
        Ok(Worker {
            child,
            stdin,
            answers,
            stderr_tail,
        })
    }

    /// Why the worker is gone, once it is.
    fn death(&mut self) -> ReadFailure {
        let Some(mut worker) = self.worker.take() else {
            return ReadFailure::Crashed("no reader was running".into());
        };
        drop(worker.stdin);
        let status = wait_briefly(&mut worker.child);
        // The stderr thread may still be copying the last words.
        std::thread::sleep(Duration::from_millis(20));
        let tail = String::from_utf8_lossy(&worker.stderr_tail.lock().expect("tail")).into_owned();
        classify(status, &tail, self.limits.memory_bytes)
    }

    fn stop(&mut self) {
        if let Some(mut worker) = self.worker.take() {
            let _ = worker.child.kill();
            let _ = worker.child.wait();
        }
    }
}

impl Drop for IsolatedReader {
    fn drop(&mut self) {
        if let Some(mut worker) = self.worker.take() {
            // Closing its input lets the worker finish; a stuck one is killed.
            drop(worker.stdin);
            if wait_briefly(&mut worker.child).is_none() {
                let _ = worker.child.kill();
                let _ = worker.child.wait();
            }
        }
    }
}

fn wait_briefly(child: &mut Child) -> Option<ExitStatus> {
    for _ in 0..200 {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(_) => return None,
        }
    }
    let _ = child.kill();
    child.wait().ok()
}

fn classify(status: Option<ExitStatus>, stderr: &str, memory_bytes: u64) -> ReadFailure {
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        return ReadFailure::OutOfMemory(memory_bytes);
    }
    if stderr.contains("has overflowed its stack") {
        return ReadFailure::Crashed("stack overflow".into());
    }
    let Some(status) = status else {
        return ReadFailure::Crashed("it stopped answering".into());
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                4 => "illegal instruction",
                6 => "aborted",
                7 | 10 => "bus error",
                9 => "killed",
                11 => "segmentation fault",
                24 => "CPU time limit",
                _ => "signal",
            };
            return ReadFailure::Crashed(format!("{name}, signal {signal}"));
        }
    }
    ReadFailure::Crashed(format!("exit status {}", status.code().unwrap_or(-1)))
}

fn keep_tail(mut stderr: impl Read, tail: &Mutex<Vec<u8>>) {
    let mut buf = [0u8; 4096];
    loop {
        match stderr.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                let mut t = tail.lock().expect("tail");
                t.extend_from_slice(&buf[..n]);
                if t.len() > STDERR_TAIL {
                    let cut = t.len() - STDERR_TAIL;
                    t.drain(..cut);
                }
            }
        }
    }
}

fn read_frame(input: &mut impl Read, limit: u64) -> Answer {
    let mut len = [0u8; 8];
    if input.read_exact(&mut len).is_err() {
        return Answer::Closed;
    }
    let len = u64::from_le_bytes(len);
    if len > limit {
        return Answer::TooLarge;
    }
    let mut frame = Vec::new();
    match input.take(len).read_to_end(&mut frame) {
        Ok(n) if n as u64 == len => Answer::Frame(frame),
        _ => Answer::Closed,
    }
}

fn format_of(media_type: &str) -> Option<Format> {
    [Format::Text, Format::Markdown, Format::Docx, Format::Pdf]
        .into_iter()
        .find(|f| f.media_type() == media_type)
}

/// The worker's side: limits itself, reads the setup, then answers requests until its input
/// closes. `cadre read-worker` calls this and nothing else.
pub fn serve_worker(input: impl Read, mut output: impl Write) -> io::Result<()> {
    let mut input = BufReader::new(input);
    let mut line = Vec::new();
    if input.read_until(b'\n', &mut line)? == 0 {
        return Ok(());
    }
    let setup: Setup =
        serde_json::from_slice(&line).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    limit_address_space(setup.memory_bytes)?;
    let options = ReadOptions {
        body: setup.body,
        lexicon: (!setup.vocabulary.is_empty())
            .then(|| Arc::new(Lexicon::with_vocabulary(&setup.vocabulary))),
    };
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        let request: Request = serde_json::from_slice(&line)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let mut bytes = Vec::new();
        (&mut input).take(request.len).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != request.len {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let reply = answer(&request, &bytes, &options);
        drop(bytes);
        let frame = serde_json::to_vec(&reply)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        output.write_all(&(frame.len() as u64).to_le_bytes())?;
        output.write_all(&frame)?;
        output.flush()?;
    }
}

fn answer(request: &Request, bytes: &[u8], options: &ReadOptions) -> Reply {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match request.op {
        Op::Document => crate::read_document(&request.file_name, bytes, options).map(|i| {
            let mut meeting = i.meeting;
            if let Some(source) = meeting.source.as_mut() {
                source.content = Vec::new();
            }
            Reply::Meeting(Box::new(meeting))
        }),
        Op::Text => crate::read_text(&request.file_name, bytes, options).map(|t| {
            Reply::Text(TextReply {
                media_type: t.format.media_type().to_owned(),
                text: t.text,
                notes: t.notes,
                lines_repaired: t.lines_repaired,
            })
        }),
    }));
    match read {
        Ok(Ok(reply)) => reply,
        Ok(Err(e)) => Reply::Refused(e.to_string()),
        Err(_) => Reply::Refused(
            "the reader failed on this document (an internal error, reported to the developers)"
                .into(),
        ),
    }
}

/// Puts `RLIMIT_AS` on this process: past it an allocation fails and the process aborts,
/// which the importer reports as the document needing too much memory. Core dumps are off:
/// a bomb must not leave gigabytes on the disk.
#[cfg(unix)]
fn limit_address_space(bytes: u64) -> io::Result<()> {
    let set = |resource, value: u64| {
        let limit = libc::rlimit {
            rlim_cur: value as libc::rlim_t,
            rlim_max: value as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct we pass and touches no memory of ours.
        if unsafe { libc::setrlimit(resource, &limit) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    };
    set(libc::RLIMIT_CORE, 0)?;
    if bytes > 0 {
        set(libc::RLIMIT_AS, bytes)?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn limit_address_space(_bytes: u64) -> io::Result<()> {
    Ok(())
}
