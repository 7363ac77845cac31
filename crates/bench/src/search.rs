//! Search over generated documents: latency (target p99 < 10 ms over 100,000) and recall on French morphology queries, beside SQLite FTS5.

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("not written yet")
}
