//! `cadre-bench corpus DIR COUNT`: writes COUNT generated GTM minutes in the canevas as text
//! files, the corpus the import benchmark reads.

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some("corpus"), Some(dir), Some(count)) =
        (args.get(1).map(String::as_str), args.get(2), args.get(3))
    else {
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
