//! The reader on the evaluation set (`cadre_renderings::evalset`): 64 generated minutes in
//! eight styles, each read in six renderings, every labelled field checked.
//!
//! `cadre-bench evalset` prints field accuracy per style, per field and per rendering, the
//! development documents and the held-out quarter apart, then the wrong fields of the
//! development documents (never those of the held-out ones). `--write DIR` writes the
//! documents and their labels instead, for reading. `--all` also lists the wrong fields of
//! every rendering, not only the plain text. `--show NAME [RENDERING] [--text]` prints what the
//! reader made of one development document (and the text it read).

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use cadre_ingest::{ReadOptions, read_document};
use cadre_renderings::Rendering;
use cadre_renderings::evalset::score::{self, Group, Reading, Tally};
use cadre_renderings::evalset::{self, Style};

const WIDTH: usize = 70;

pub fn run(args: &[String]) -> anyhow::Result<()> {
    if args.first().map(String::as_str) == Some("--write") {
        let dir = args.get(1).context("--write needs a directory")?;
        return write(Path::new(dir));
    }
    if args.first().map(String::as_str) == Some("--show") {
        let name = args
            .get(1)
            .context("--show needs a document name (07-prose)")?;
        let rendering = match args.get(2).filter(|a| !a.starts_with("--")) {
            Some(r) => Rendering::from_name(r).context("unknown rendering")?,
            None => Rendering::Plain,
        };
        return show(name, rendering, args.iter().any(|a| a == "--text"));
    }
    let all = args.iter().any(|a| a == "--all");
    let docs = evalset::documents();
    let read = |name: &str, bytes: &[u8]| {
        read_document(name, bytes, &ReadOptions::default())
            .map(|r| r.meeting)
            .map_err(|e| e.to_string())
    };
    let started = std::time::Instant::now();
    let mut readings: Vec<Reading> = Vec::new();
    for doc in &docs {
        for rendering in score::RENDERINGS {
            readings.push(score::read_one(doc, rendering, &read));
        }
    }
    let elapsed = started.elapsed();
    println!(
        "{} documents ({} held out) × {} renderings read in {:.2} s",
        docs.len(),
        docs.iter().filter(|d| d.held_out).count(),
        score::RENDERINGS.len(),
        elapsed.as_secs_f64()
    );
    for held_out in [false, true] {
        let part = if held_out {
            "HELD-OUT quarter"
        } else {
            "development set"
        };
        let keep = |r: &Reading| r.held_out == held_out;
        println!("\n== {part} ==");
        let groups = [Group::Header, Group::ActionPoints, Group::Other];
        println!(
            "{:<16} {:>16} {:>16} {:>16}",
            "style",
            groups[0].name(),
            groups[1].name(),
            groups[2].name()
        );
        let by_style = score::tally_by(&readings, keep, |r, c| Some((r.style, Group::of(&c.path))));
        for style in Style::ALL {
            let cell = |g: Group| fmt(by_style.get(&(style, g)).copied().unwrap_or_default());
            println!(
                "{:<16} {:>16} {:>16} {:>16}",
                style.name(),
                cell(groups[0]),
                cell(groups[1]),
                cell(groups[2])
            );
        }
        let by_group = score::tally_by(&readings, keep, |_, c| Some(Group::of(&c.path)));
        let cell = |g: Group| fmt(by_group.get(&g).copied().unwrap_or_default());
        println!(
            "{:<16} {:>16} {:>16} {:>16}",
            "ALL",
            cell(groups[0]),
            cell(groups[1]),
            cell(groups[2])
        );
        println!("\nper field:");
        let by_field = score::tally_by(&readings, keep, |_, c| Some(score::field_name(&c.path)));
        for (field, t) in &by_field {
            println!("  {field:<28} {:>16}", fmt(*t));
        }
        println!("\nper rendering (header · action points):");
        let by_rendering = score::tally_by(&readings, keep, |r, c| {
            Some((r.rendering.name(), Group::of(&c.path)))
        });
        for rendering in score::RENDERINGS {
            let cell = |g: Group| {
                fmt(by_rendering
                    .get(&(rendering.name(), g))
                    .copied()
                    .unwrap_or_default())
            };
            println!(
                "  {:<16} {:>16} {:>16}",
                rendering.name(),
                cell(Group::Header),
                cell(Group::ActionPoints)
            );
        }
        let invented: usize = readings
            .iter()
            .filter(|r| keep(r))
            .map(|r| r.invented().count())
            .sum();
        let refused = readings
            .iter()
            .filter(|r| keep(r) && r.error.is_some())
            .count();
        println!(
            "\nwrong values that are not empty (invented or misplaced): {invented}; documents refused: {refused}"
        );
    }
    println!(
        "\n== wrong fields, development documents{} ==",
        if all { "" } else { ", plain text" }
    );
    let mut per_doc: BTreeMap<(&str, &str), Vec<String>> = BTreeMap::new();
    for r in readings
        .iter()
        .filter(|r| !r.held_out && (all || r.rendering == Rendering::Plain))
    {
        let lines = per_doc
            .entry((r.document.as_str(), r.rendering.name()))
            .or_default();
        if let Some(e) = &r.error {
            lines.push(format!("refused: {e}"));
            continue;
        }
        for c in r.checks.iter().filter(|c| !c.is_correct()) {
            lines.push(c.describe(WIDTH));
        }
    }
    for ((doc, rendering), lines) in per_doc.iter().filter(|(_, l)| !l.is_empty()) {
        println!("{doc} [{rendering}]");
        for l in lines {
            println!("    {l}");
        }
    }
    Ok(())
}

fn fmt(t: Tally) -> String {
    format!("{:.1} % ({}/{})", t.percent(), t.correct, t.total)
}

fn write(dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let docs = evalset::documents();
    for doc in &docs {
        let part = if doc.held_out { "held-out" } else { "dev" };
        std::fs::write(dir.join(format!("{}.{part}.txt", doc.name)), &doc.text)?;
        let labels: Vec<String> = doc
            .labels()
            .into_iter()
            .map(|(k, v)| format!("{k}\t{v}"))
            .collect();
        std::fs::write(
            dir.join(format!("{}.{part}.labels.tsv", doc.name)),
            labels.join("\n") + "\n",
        )?;
    }
    println!(
        "wrote {} documents and their labels to {}",
        docs.len(),
        dir.display()
    );
    Ok(())
}

/// What the reader made of one development document, plain text: for investigating.
fn show(name: &str, rendering: Rendering, text: bool) -> anyhow::Result<()> {
    let docs = evalset::documents();
    let doc = docs
        .iter()
        .find(|d| d.name == name && !d.held_out)
        .context("no development document of that name")?;
    let (file, bytes) = rendering.render(name, &doc.text);
    if text {
        let read = cadre_ingest::read_text(&file, &bytes, &ReadOptions::default())?;
        println!("{}\n-----", read.text);
    }
    let read = read_document(&file, &bytes, &ReadOptions::default())?;
    let m = read.meeting;
    println!(
        "title: {}\nbody: {}\ndate: {} {:?}-{:?}\nplace: {:?}",
        m.title, m.body.name, m.date, m.start_time, m.end_time, m.place
    );
    println!(
        "attendance: {:?}",
        m.attendance
            .iter()
            .map(|a| &a.organisation)
            .collect::<Vec<_>>()
    );
    for item in &m.agenda {
        println!("{}. {} ({:?})", item.number, item.title, item.presenter);
        for p in &item.action_points {
            println!(
                "    -> {} | {:?} | {}",
                p.what, p.responsible, p.deadline.as_written
            );
        }
    }
    println!("next: {:?}\nrapporteur: {:?}", m.next_meeting, m.rapporteur);
    for w in &m.warnings {
        println!("warning [{}] {} {:?}", w.field, w.message, w.text);
    }
    Ok(())
}
