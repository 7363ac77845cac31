//! Generated canevas minutes written as text files: the corpus the import benchmark reads.

use anyhow::Context;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let (Some(dir), Some(count)) = (args.first(), args.get(1)) else {
        anyhow::bail!("usage: cadre-bench corpus DIR COUNT");
    };
    let count: usize = count.parse().context("COUNT must be a number")?;
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir)?;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
    let meetings = cadre_demo::generate(cadre_demo::DemoOptions {
        today,
        meetings: count,
        seed: 42,
    });
    let mut bytes = 0;
    for (i, meeting) in meetings.iter().enumerate() {
        let text = cadre_ingest::render_canevas(meeting);
        bytes += text.len();
        std::fs::write(dir.join(format!("cr-{i:05}.txt")), text)?;
    }
    println!(
        "wrote {count} minutes ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(())
}
