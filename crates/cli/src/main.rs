//! `cadre`: import the minutes they already have, serve them, export them, or try it all on
//! generated data.

mod demo;
mod export;
mod extract;
mod import;
mod review;
mod serve;
mod user;

use std::path::PathBuf;
use std::process::ExitCode;

use cadre_domain::Audience;
use cadre_storage::{Engine, Store, redact_url};
use clap::{Parser, Subcommand};

/// The default database: one SQLite file in the current folder.
pub const DEFAULT_DATABASE: &str = "sqlite://cadre.db";

#[derive(Parser)]
#[command(
    name = "cadre",
    version,
    about = "Coordination and information system of Niger's migration-governance bodies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct DbArg {
    /// Database URL: sqlite://FILE (the default, cadre.db) or postgres://USER@HOST/DB.
    #[arg(long = "db", env = "CADRE_DATABASE_URL", default_value = DEFAULT_DATABASE)]
    url: String,
}

#[derive(clap::Args, Clone)]
struct IndexArg {
    /// Folder of the search index; by default beside the SQLite file (cadre.db.search), in
    /// memory for an in-memory SQLite database, or cadre-search-<DATABASE>/ in the current folder
    /// for PostgreSQL.
    #[arg(long = "index", env = "CADRE_INDEX_DIR")]
    dir: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Import minutes and session reports (.docx, .pdf, .txt, .md): files or folders. They
    /// become drafts until validated.
    Import {
        #[command(flatten)]
        db: DbArg,
        /// The body that met, when the documents do not say ("GTM Tahoua", "CCM", "CRCM Zinder").
        #[arg(long)]
        body: Option<String>,
        /// Print a machine-readable summary on standard output.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Serve the web site and the JSON API.
    Serve {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        index: IndexArg,
        /// Address to listen on; port 0 picks a free port.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Rebuild the search index from the database (a running server picks it up).
    Reindex {
        #[command(flatten)]
        db: DbArg,
        #[command(flatten)]
        index: IndexArg,
    },
    /// Export to standard output.
    Export {
        #[command(flatten)]
        db: DbArg,
        what: export::What,
        #[arg(long, default_value = "json")]
        format: export::Format,
        /// Also export minutes not yet published (drafts, validated).
        #[arg(long)]
        include_drafts: bool,
    },
    /// Print the text of a document exactly as Cadre reads it, after decoding and repair
    /// (notes on standard error). Run it first when an import looks wrong.
    Extract {
        /// Also use the vocabulary of the documents in this database, as an import does.
        #[arg(long = "db", env = "CADRE_DATABASE_URL")]
        url: Option<String>,
        file: PathBuf,
    },
    /// Mark imported minutes as checked against their document: they are no longer drafts.
    Validate {
        #[command(flatten)]
        db: DbArg,
        #[arg(required = true)]
        meetings: Vec<i64>,
    },
    /// Publish validated minutes: the public then sees them (pages, API, search, exports).
    Publish {
        #[command(flatten)]
        db: DbArg,
        /// Every meeting not yet published.
        #[arg(long, conflicts_with = "meetings")]
        all: bool,
        /// Validate drafts in the same step (minutes already checked outside Cadre).
        #[arg(long)]
        validate: bool,
        #[arg(required_unless_present = "all")]
        meetings: Vec<i64>,
    },
    /// Take published minutes back from the public: they are validated again, not published.
    Withdraw {
        #[command(flatten)]
        db: DbArg,
        #[arg(required = true)]
        meetings: Vec<i64>,
    },
    /// Write the original document a meeting was imported from (standard output by default).
    Original {
        #[command(flatten)]
        db: DbArg,
        meeting: i64,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Manage accounts: add, list, disable, set-password.
    User {
        /// Database URL: sqlite://FILE (the default, cadre.db) or postgres://USER@HOST/DB.
        #[arg(long = "db", env = "CADRE_DATABASE_URL", default_value = DEFAULT_DATABASE, global = true)]
        db: String,
        #[command(subcommand)]
        command: user::UserCommand,
    },
    /// Create a database of generated sample data and serve it.
    Demo {
        /// Database to fill; by default a fresh cadre-demo.db, replaced at each run.
        #[arg(long = "db", env = "CADRE_DEMO_DATABASE_URL")]
        url: Option<String>,
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Generate this many meetings instead of two years of them (for benchmarks).
        #[arg(long)]
        meetings: Option<usize>,
        /// Only create the database.
        #[arg(long)]
        no_serve: bool,
    },
    /// Reads documents sent on standard input and answers on standard output: the child
    /// process `import` and `extract` read each document in (see cadre_ingest::isolated).
    #[command(hide = true)]
    ReadWorker,
}

/// glibc gives threads that allocate their own heap arenas (up to 8 per core) and keeps what
/// each frees: after a burst of requests, the server's threads (tokio's, SQLite's, searches')
/// each held freed pages, most of its resident memory. Four arenas keep parallel searches from
/// queueing on the allocator's locks.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn limit_malloc_arenas() {
    // SAFETY: mallopt only changes the allocator's tuning; called before any other thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 4);
        // A fixed threshold: blocks of 1 MiB and more (Argon2's 19 MiB for each sign-in) are
        // mapped and given back to the system when freed. With glibc's default, freeing such a
        // block raises the threshold, and later ones stay in the arenas (a burst of sign-ins
        // left the server at 350 MB).
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

/// Opens the database a command names (the engine is the URL's scheme).
async fn open(url: &str) -> anyhow::Result<Store> {
    if Engine::of(url).is_err() {
        anyhow::bail!(
            "unsupported database URL {:?}: use sqlite://FILE or postgres://USER@HOST/DATABASE",
            redact_url(url)
        );
    }
    Store::connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", redact_url(url)))
}

fn main() -> ExitCode {
    // The document reader's child process: no runtime, no logging, nothing but reading.
    if std::env::args_os()
        .nth(1)
        .is_some_and(|a| a == "read-worker")
    {
        return match cadre_ingest::isolated::serve_worker(
            std::io::stdin().lock(),
            std::io::stdout().lock(),
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("read-worker: {e}");
                ExitCode::FAILURE
            }
        };
    }
    limit_malloc_arenas();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CADRE_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // Searches and import steps run on blocking threads: a burst of them must queue rather
        // than grow hundreds of threads, each with its own stack and heap.
        .max_blocking_threads(32)
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Import {
                db,
                body,
                json,
                paths,
            } => {
                let options = import::Options::new(body.as_deref(), json)?;
                {
                    let store = open(&db.url).await?;
                    import::run(store, &paths, &options).await
                }
            }
            Command::Serve { db, index, addr } => {
                let search = serve::open_index(&db.url, index.dir.as_deref())?;
                serve::run(open(&db.url).await?, search, &addr).await
            }
            Command::Reindex { db, index } => {
                let search = serve::open_index(&db.url, index.dir.as_deref())?;
                serve::reindex(open(&db.url).await?, search).await
            }
            Command::Export {
                db,
                what,
                format,
                include_drafts,
            } => {
                let store = open(&db.url).await?;
                let audience = if include_drafts {
                    Audience::Internal
                } else {
                    Audience::Public
                };
                export::run(store, what, format, audience, &mut std::io::stdout().lock()).await
            }
            Command::Extract { url, file } => {
                let vocabulary = match url {
                    Some(url) => extract::vocabulary_of(&open(&url).await?).await?,
                    None => Vec::new(),
                };
                extract::run(&file, vocabulary)
            }
            Command::Validate { db, meetings } => {
                let store = open(&db.url).await?;
                review::validate(store, &meetings).await
            }
            Command::Publish {
                db,
                all,
                validate,
                meetings,
            } => {
                let store = open(&db.url).await?;
                review::publish(store, &meetings, all, validate).await
            }
            Command::Withdraw { db, meetings } => {
                let store = open(&db.url).await?;
                review::withdraw(store, &meetings).await
            }
            Command::Original {
                db,
                meeting,
                output,
            } => {
                let store = open(&db.url).await?;
                review::original(store, meeting, output.as_deref()).await
            }
            Command::User { db, command } => user::run(open(&db).await?, command).await,
            Command::Demo {
                url,
                addr,
                meetings,
                no_serve,
            } => demo::run(url, &addr, meetings, no_serve).await,
            Command::ReadWorker => unreachable!("served before the runtime starts"),
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
