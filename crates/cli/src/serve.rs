//! `cadre serve`: the web site and the API on one address.

use std::process::ExitCode;

use anyhow::Context;
use cadre_storage::Database;

pub async fn run<D: Database>(db: D, addr: &str) -> anyhow::Result<ExitCode> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    // Tests and scripts read this line to learn the port when --addr ends in :0.
    println!("Cadre listening on http://{local}/");
    tracing::info!(%local, "serving");
    cadre_web::serve(db, listener)
        .await
        .context("the server stopped")?;
    Ok(ExitCode::SUCCESS)
}
