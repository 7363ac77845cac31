//! `cadre serve`: the web site and the API on one address; `cadre reindex`: the search index
//! rebuilt from the database.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use cadre_search::SearchIndex;
use cadre_services::Search;
use cadre_storage::Store;

/// Where the search index of a database lives unless `--index` says otherwise: beside a SQLite
/// file (`cadre.db` → `cadre.db.search/`), in memory for an in-memory database, and in
/// `cadre-search-DATABASE/` in the current folder for PostgreSQL (each server instance keeps
/// its own index and catches up with the database's change log).
pub fn default_index_dir(url: &str) -> Option<PathBuf> {
    if let Some(rest) = url.strip_prefix("sqlite:") {
        if rest.contains(":memory:") || rest.contains("mode=memory") {
            return None;
        }
        let path = rest.trim_start_matches("//");
        let path = path.split('?').next().unwrap_or(path);
        return Some(PathBuf::from(format!("{path}.search")));
    }
    let name = url
        .rsplit('/')
        .next()
        .and_then(|n| n.split('?').next())
        .filter(|n| !n.is_empty())
        .unwrap_or("postgres");
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Some(PathBuf::from(format!("cadre-search-{safe}")))
}

pub fn open_index(url: &str, index: Option<&Path>) -> anyhow::Result<Search> {
    let dir = match index {
        Some(dir) => Some(dir.to_path_buf()),
        None => default_index_dir(url),
    };
    let index = match &dir {
        Some(dir) => SearchIndex::open(dir)
            .with_context(|| format!("cannot open the search index in {}", dir.display()))?,
        None => SearchIndex::in_memory()?,
    };
    Ok(Search::new(index))
}

pub async fn run(db: Store, search: Search, addr: &str) -> anyhow::Result<ExitCode> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    // Tests and scripts read this line to learn the port when --addr ends in :0.
    println!("Cadre listening on http://{local}/");
    tracing::info!(%local, "serving");
    let documents = IsolatedDocuments::new(&db).await?;
    cadre_web::serve(db, search, listener, Some(std::sync::Arc::new(documents)))
        .await
        .context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}

pub async fn reindex(db: Store, search: Search) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let meetings = search
        .rebuild(&db)
        .await
        .context("cannot rebuild the search index")?;
    println!(
        "search index rebuilt: {meetings} meetings, {} searchable documents, in {:.1} s",
        search.index.document_count(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The web's document reader: each uploaded document is read in a child process (the same
/// isolation as `cadre import`), one at a time; uploads are rare and small.
struct IsolatedDocuments {
    reader: std::sync::Mutex<cadre_ingest::isolated::IsolatedReader>,
}

impl IsolatedDocuments {
    async fn new(db: &Store) -> anyhow::Result<IsolatedDocuments> {
        let setup = cadre_ingest::isolated::Setup {
            vocabulary: crate::extract::vocabulary_of(db).await?,
            ..Default::default()
        };
        Ok(IsolatedDocuments {
            reader: std::sync::Mutex::new(crate::extract::isolated_reader(setup)?),
        })
    }
}

impl cadre_web::meetings::DocumentReader for IsolatedDocuments {
    fn read(
        &self,
        file_name: &str,
        bytes: &[u8],
        _body: Option<&cadre_domain::NewBody>,
    ) -> Result<cadre_domain::NewMeeting, String> {
        let mut reader = self.reader.lock().unwrap_or_else(|e| e.into_inner());
        reader
            .read_document(file_name, bytes)
            .map(|read| read.meeting)
            .map_err(|e| e.to_string())
    }
}
