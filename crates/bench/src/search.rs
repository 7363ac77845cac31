//! Search over generated documents: latency (target p99 < 10 ms over 100,000) and recall on French morphology queries, beside SQLite FTS5.
//!
//! `cadre-bench search [COUNT]` generates COUNT documents (discussion paragraphs, action points,
//! recommendations, meetings) from a vocabulary of inflected forms, indexes them with
//! `cadre-search` and with FTS5 (`unicode61 remove_diacritics 2`, the best FTS5 offers French
//! without a stemmer), runs a fixed set of queries many times as the search page does (top 10
//! with excerpts, plus the total), and prints build time, size, latency percentiles, and recall
//! and precision against ground truth: documents containing any inflected form of the query's
//! word, found by scanning. `SEARCH_RUNS` sets the repetitions (default 30).

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use cadre_search::{DocKind, SearchDocument, SearchIndex, SearchQuery};
use chrono::{Datelike, NaiveDate};
use rand::{Rng, SeedableRng, rngs::SmallRng, seq::IndexedRandom};

pub fn run(args: &[String]) -> anyhow::Result<()> {
    if args.first().map(String::as_str) == Some("--memory-probe") {
        let dir = args
            .get(1)
            .context("--memory-probe needs the index directory")?;
        return memory_probe(Path::new(dir));
    }
    let count: usize = match args.first() {
        Some(n) => n.parse().context("COUNT must be a number of documents")?,
        None => 100_000,
    };
    let runs: usize = match std::env::var("SEARCH_RUNS") {
        Ok(n) => n.parse().context("SEARCH_RUNS must be a number")?,
        Err(_) => 30,
    };
    let work = tempfile::tempdir()?;

    let start = Instant::now();
    let documents = generate(count, 2026);
    let bytes: usize = documents.iter().map(|d| d.title.len() + d.text.len()).sum();
    println!(
        "generated {count} documents ({:.1} MB of text) in {:.1} s",
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );

    let tantivy_dir = work.path().join("tantivy");
    let start = Instant::now();
    let index = SearchIndex::open(&tantivy_dir)?;
    index.rebuild(documents.iter().cloned(), 1)?;
    let tantivy_build = start.elapsed();
    let tantivy_size = dir_size(&tantivy_dir)?;

    let sqlite_path = work.path().join("fts5.db");
    let start = Instant::now();
    let fts = Fts5::build(&sqlite_path, &documents)?;
    let fts_build = start.elapsed();
    let fts_size = std::fs::metadata(&sqlite_path)?.len();

    let queries = queries();
    println!(
        "{} queries ({} with ground truth), each run {runs} times per engine after one warm-up round",
        queries.len(),
        queries.iter().filter(|q| q.family.is_some()).count()
    );

    // Latency: the page's work, top 10 with excerpts and the total count.
    let mut tantivy_times = Vec::new();
    let mut fts_times = Vec::new();
    let mut per_query = Vec::new();
    for round in 0..=runs {
        for (i, q) in queries.iter().enumerate() {
            let t = Instant::now();
            let page = index.search(&q.search_query(10))?;
            let tantivy_time = t.elapsed();
            let t = Instant::now();
            let fts_total = fts.page(q)?;
            let fts_time = t.elapsed();
            if round == 0 {
                per_query.push((page.total, fts_total, Vec::new(), Vec::new()));
                continue;
            }
            tantivy_times.push(tantivy_time);
            fts_times.push(fts_time);
            per_query[i].2.push(tantivy_time);
            per_query[i].3.push(fts_time);
        }
    }

    // Recall and precision on the morphology queries.
    println!();
    println!(
        "{:<34} {:>7} | {:>8} {:>6} {:>6} {:>11} | {:>8} {:>6} {:>6} {:>11}",
        "query",
        "truth",
        "tantivy",
        "recall",
        "prec.",
        "p50/p99 ms",
        "FTS5",
        "recall",
        "prec.",
        "p50/p99 ms"
    );
    let (mut t_recall, mut f_recall, mut t_prec, mut f_prec, mut judged) = (0.0, 0.0, 0.0, 0.0, 0);
    for (q, (t_total, f_total, t_times, f_times)) in queries.iter().zip(&per_query) {
        let latency = |times: &[Duration]| {
            format!(
                "{:.2}/{:.2}",
                ms(percentile(times, 50.0)),
                ms(percentile(times, 99.0))
            )
        };
        let (t_med, f_med) = (latency(t_times), latency(f_times));
        let Some(family) = q.family else {
            println!(
                "{:<34} {:>7} | {:>8} {:>6} {:>6} {:>11} | {:>8} {:>6} {:>6} {:>11}",
                q.label(),
                "",
                t_total,
                "",
                "",
                t_med,
                f_total,
                "",
                "",
                f_med
            );
            continue;
        };
        let truth = ground_truth(&documents, family);
        let tantivy_found: HashSet<String> = index
            .matching_keys(&q.search_query(0))?
            .into_iter()
            .collect();
        let fts_found = fts.all_keys(q)?;
        let (tr, tp) = recall_precision(&truth, &tantivy_found);
        let (fr, fp) = recall_precision(&truth, &fts_found);
        t_recall += tr;
        t_prec += tp;
        f_recall += fr;
        f_prec += fp;
        judged += 1;
        println!(
            "{:<34} {:>7} | {:>8} {:>5.0}% {:>5.0}% {:>11} | {:>8} {:>5.0}% {:>5.0}% {:>11}",
            q.label(),
            truth.len(),
            t_total,
            tr * 100.0,
            tp * 100.0,
            t_med,
            f_total,
            fr * 100.0,
            fp * 100.0,
            f_med
        );
    }
    let judged = f64::from(judged);

    println!();
    println!(
        "{count} documents             {:>14} {:>14}",
        "cadre-search", "SQLite FTS5"
    );
    let row = |label: &str, a: String, b: String| println!("{label:<26}{a:>14} {b:>14}");
    row(
        "index build",
        format!("{:.1} s", tantivy_build.as_secs_f64()),
        format!("{:.1} s", fts_build.as_secs_f64()),
    );
    row(
        "index size",
        format!("{:.1} MB", tantivy_size as f64 / 1e6),
        format!("{:.1} MB", fts_size as f64 / 1e6),
    );
    for p in [50.0, 95.0, 99.0] {
        row(
            &format!("latency p{p} (top 10+total)"),
            format!("{:.2} ms", ms(percentile(&tantivy_times, p))),
            format!("{:.2} ms", ms(percentile(&fts_times, p))),
        );
    }
    row(
        "latency max",
        format!(
            "{:.2} ms",
            ms(tantivy_times.iter().max().copied().unwrap_or_default())
        ),
        format!(
            "{:.2} ms",
            ms(fts_times.iter().max().copied().unwrap_or_default())
        ),
    );
    row(
        "recall (morphology, mean)",
        format!("{:.1} %", 100.0 * t_recall / judged),
        format!("{:.1} %", 100.0 * f_recall / judged),
    );
    row(
        "precision (mean)",
        format!("{:.1} %", 100.0 * t_prec / judged),
        format!("{:.1} %", 100.0 * f_prec / judged),
    );
    let p99 = ms(percentile(&tantivy_times, 99.0));
    println!(
        "target tantivy p99 < 10 ms: {} ({p99:.2} ms)",
        if p99 < 10.0 { "met" } else { "NOT met" }
    );

    // Memory the index adds to a process that only searches, measured in a fresh process.
    drop(index);
    let probe = std::process::Command::new(std::env::current_exe()?)
        .args(["search", "--memory-probe"])
        .arg(&tantivy_dir)
        .output()
        .context("running the memory probe")?;
    print!("{}", String::from_utf8_lossy(&probe.stdout));
    if !probe.status.success() {
        anyhow::bail!(
            "memory probe failed: {}",
            String::from_utf8_lossy(&probe.stderr)
        );
    }
    Ok(())
}

/// Opens an existing index and searches it, printing resident memory before and after.
fn memory_probe(dir: &Path) -> anyhow::Result<()> {
    let before = rss();
    let index = SearchIndex::open(dir)?;
    let opened = rss();
    for _ in 0..3 {
        for q in queries() {
            index.search(&q.search_query(10))?;
        }
    }
    let searched = rss();
    println!(
        "memory of a searching process (VmRSS / anonymous / file-backed mmap, MB): before open {} ; after open {} ; after 3 rounds of queries {}",
        before, opened, searched
    );
    Ok(())
}

fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or("?".to_string(), |kb| format!("{:.1}", kb / 1024.0))
    };
    format!(
        "{} / {} / {}",
        field("VmRSS:"),
        field("RssAnon:"),
        field("RssFile:")
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(times: &[Duration], p: f64) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn recall_precision(truth: &HashSet<String>, found: &HashSet<String>) -> (f64, f64) {
    let hit = truth.intersection(found).count() as f64;
    let recall = if truth.is_empty() {
        1.0
    } else {
        hit / truth.len() as f64
    };
    let precision = if found.is_empty() {
        1.0
    } else {
        hit / found.len() as f64
    };
    (recall, precision)
}

fn dir_size(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            dir_size(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}

/// Keys of documents whose title or text has a word among `family` (lower-case, accented).
fn ground_truth(documents: &[SearchDocument], family: &[&str]) -> HashSet<String> {
    documents
        .iter()
        .filter(|d| {
            [&d.title, &d.text].iter().any(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .any(|w| family.contains(&w.to_lowercase().as_str()))
            })
        })
        .map(|d| d.key.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Queries

struct BenchQuery {
    text: &'static str,
    body: Option<&'static str>,
    year: Option<i32>,
    /// The inflected forms that make a document relevant, for the morphology queries.
    family: Option<&'static [&'static str]>,
}

impl BenchQuery {
    fn search_query(&self, limit: usize) -> SearchQuery {
        SearchQuery {
            body_code: self.body.map(String::from),
            year: self.year,
            ..SearchQuery::new(self.text, limit)
        }
    }

    fn label(&self) -> String {
        let mut label = self.text.to_string();
        if let Some(body) = self.body {
            label.push_str(&format!(" [{body}]"));
        }
        if let Some(year) = self.year {
            label.push_str(&format!(" [{year}]"));
        }
        label
    }

    /// The same query in FTS5 syntax: every word quoted (no operator can slip in), phrases
    /// kept, exclusions as NOT.
    fn fts_match(&self) -> String {
        let mut wanted = Vec::new();
        let mut excluded = Vec::new();
        let mut rest = self.text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            let exclude = rest.starts_with('-');
            if exclude {
                rest = &rest[1..];
            }
            let (words, after) = if let Some(inner) = rest.strip_prefix('"') {
                let end = inner.find('"').unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or(""))
            } else {
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            };
            let quoted = format!("\"{}\"", words.replace('"', ""));
            if exclude {
                excluded.push(quoted);
            } else {
                wanted.push(quoted);
            }
            rest = after;
        }
        let mut query = wanted.join(" AND ");
        for e in excluded {
            query.push_str(" NOT ");
            query.push_str(&e);
        }
        query
    }
}

const MIGRATION: &[&str] = &["migration", "migrations"];
const REUNION: &[&str] = &["réunion", "réunions"];
const RECOMMANDATION: &[&str] = &["recommandation", "recommandations"];
const REFOULE: &[&str] = &["refoulé", "refoulée", "refoulés", "refoulées"];
const FEMME: &[&str] = &["femme", "femmes"];
const ENFANT: &[&str] = &["enfant", "enfants"];
const SENSIBILISATION: &[&str] = &["sensibilisation", "sensibilisations"];
const RAPATRIEMENT: &[&str] = &["rapatriement", "rapatriements"];
const MIGRANT: &[&str] = &["migrant", "migrants", "migrante", "migrantes"];
const DONNEE: &[&str] = &["donnée", "données"];
const VULNERABLE: &[&str] = &["vulnérable", "vulnérables"];
const FRONTIERE: &[&str] = &["frontière", "frontières"];
const IRREGULIER: &[&str] = &["irrégulier", "irrégulière", "irréguliers", "irrégulières"];
const HEBERGEMENT: &[&str] = &["hébergement", "hébergements"];
const RAPATRIE: &[&str] = &["rapatrié", "rapatriée", "rapatriés", "rapatriées"];
const REGIONAL: &[&str] = &["régional", "régionale", "régionaux", "régionales"];
const REFUGIE: &[&str] = &["réfugié", "réfugiée", "réfugiés", "réfugiées"];
const COMMUNAUTE: &[&str] = &["communauté", "communautés"];
const PASSEUR: &[&str] = &["passeur", "passeurs"];
const RECOMMANDER: &[&str] = &[
    "recommande",
    "recommandent",
    "recommandé",
    "recommandée",
    "recommandés",
    "recommandées",
    "recommander",
    "recommandons",
];

fn queries() -> Vec<BenchQuery> {
    let m = |text, family| BenchQuery {
        text,
        body: None,
        year: None,
        family: Some(family),
    };
    let q = |text| BenchQuery {
        text,
        body: None,
        year: None,
        family: None,
    };
    let f = |text, body, year| BenchQuery {
        text,
        body,
        year,
        family: None,
    };
    vec![
        m("migrations", MIGRATION),
        m("reunion", REUNION),
        m("recommandations", RECOMMANDATION),
        m("refoulés", REFOULE),
        m("refoulees", REFOULE),
        m("femme", FEMME),
        m("enfants", ENFANT),
        m("sensibilisation", SENSIBILISATION),
        m("rapatriement", RAPATRIEMENT),
        m("migrant", MIGRANT),
        m("donnees", DONNEE),
        m("vulnerable", VULNERABLE),
        m("frontieres", FRONTIERE),
        m("irreguliere", IRREGULIER),
        m("hebergement", HEBERGEMENT),
        m("rapatries", RAPATRIE),
        m("regionaux", REGIONAL),
        m("refugiee", REFUGIE),
        m("communautes", COMMUNAUTE),
        m("passeur", PASSEUR),
        m("recommandé", RECOMMANDER),
        q("enfants non accompagnés"),
        q("\"prise en charge\""),
        q("\"centre de transit\""),
        q("migrants -Agadez"),
        q("sensibilisation femmes"),
        q("données désagrégées"),
        q("rapatriement volontaire"),
        q("victimes traite"),
        q("atelier formation"),
        q("\"migration irrégulière\" -passeurs"),
        q("OIM"),
        q("hébergement enfants vulnérables"),
        f("migration", Some("gtm-niamey"), None),
        f("réunion", None, Some(2023)),
        f("sécurité frontière", Some("gtm-agadez"), Some(2024)),
    ]
}

// ---------------------------------------------------------------------------------------------
// SQLite FTS5

struct Fts5 {
    db: rusqlite::Connection,
}

impl Fts5 {
    fn build(path: &Path, documents: &[SearchDocument]) -> anyhow::Result<Self> {
        let mut db = rusqlite::Connection::open(path)?;
        db.execute_batch(
            "PRAGMA journal_mode = WAL;
             CREATE VIRTUAL TABLE docs USING fts5(
                 key UNINDEXED, meeting_id UNINDEXED, kind UNINDEXED, body_code UNINDEXED,
                 body_name UNINDEXED, year UNINDEXED, date UNINDEXED, url UNINDEXED,
                 title, text,
                 tokenize = 'unicode61 remove_diacritics 2');",
        )?;
        let tx = db.transaction()?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO docs (key, meeting_id, kind, body_code, body_name, year, date, url, title, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for d in documents {
                insert.execute(rusqlite::params![
                    d.key,
                    d.meeting_id,
                    d.kind.as_str(),
                    d.body_code,
                    d.body_name,
                    d.year,
                    d.date.to_string(),
                    d.url,
                    d.title,
                    d.text
                ])?;
            }
        }
        tx.commit()?;
        db.execute_batch(
            "INSERT INTO docs(docs) VALUES ('optimize'); PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        Ok(Fts5 { db })
    }

    fn filters(q: &BenchQuery) -> String {
        let mut sql = String::new();
        if let Some(body) = q.body {
            sql.push_str(&format!(" AND body_code = '{body}'"));
        }
        if let Some(year) = q.year {
            sql.push_str(&format!(" AND year = {year}"));
        }
        sql
    }

    /// The page's work: top 10 by bm25 with a highlighted excerpt, then the total.
    fn page(&self, q: &BenchQuery) -> anyhow::Result<usize> {
        let filters = Self::filters(q);
        let mut top = self.db.prepare_cached(&format!(
            "SELECT key, meeting_id, kind, body_code, body_name, date, title, url,
                    snippet(docs, 9, '[', ']', '…', 24)
             FROM docs WHERE docs MATCH ?1{filters} ORDER BY rank LIMIT 10"
        ))?;
        let rows = top
            .query_map([q.fts_match()], |row| row.get::<_, String>(8))?
            .collect::<Result<Vec<_>, _>>()?;
        std::hint::black_box(rows);
        let mut count = self.db.prepare_cached(&format!(
            "SELECT count(*) FROM docs WHERE docs MATCH ?1{filters}"
        ))?;
        let total: i64 = count.query_row([q.fts_match()], |row| row.get(0))?;
        Ok(total as usize)
    }

    fn all_keys(&self, q: &BenchQuery) -> anyhow::Result<HashSet<String>> {
        let filters = Self::filters(q);
        let mut all = self.db.prepare(&format!(
            "SELECT key FROM docs WHERE docs MATCH ?1{filters}"
        ))?;
        let keys = all
            .query_map([q.fts_match()], |row| row.get::<_, String>(0))?
            .collect::<Result<HashSet<_>, _>>()?;
        Ok(keys)
    }
}

// ---------------------------------------------------------------------------------------------
// Generated documents: a small French grammar over the migration vocabulary, so that every
// word appears in its inflected forms. Written for this benchmark.

struct Noun {
    singular: &'static str,
    plural: &'static str,
    feminine: bool,
}

const fn n(singular: &'static str, plural: &'static str, feminine: bool) -> Noun {
    Noun {
        singular,
        plural,
        feminine,
    }
}

/// People: the subjects of "ont été accueillis".
const PEOPLE: &[Noun] = &[
    n("migrant", "migrants", false),
    n("migrante", "migrantes", true),
    n("femme", "femmes", true),
    n("enfant", "enfants", false),
    n("jeune", "jeunes", false),
    n("réfugié", "réfugiés", false),
    n("réfugiée", "réfugiées", true),
    n("victime", "victimes", true),
    n("personne", "personnes", true),
    n("passeur", "passeurs", false),
    n("rapatrié", "rapatriés", false),
];

const THINGS: &[Noun] = &[
    n("migration", "migrations", true),
    n("réunion", "réunions", true),
    n("recommandation", "recommandations", true),
    n("sensibilisation", "sensibilisations", true),
    n("rapatriement", "rapatriements", false),
    n("retour", "retours", false),
    n("frontière", "frontières", true),
    n("donnée", "données", true),
    n("projet", "projets", false),
    n("atelier", "ateliers", false),
    n("mission", "missions", true),
    n("commune", "communes", true),
    n("autorité", "autorités", true),
    n("formation", "formations", true),
    n("hébergement", "hébergements", false),
    n("communauté", "communautés", true),
    n("activité", "activités", true),
    n("besoin", "besoins", false),
    n("protection", "protections", true),
    n("sécurité", "sécurités", true),
    n("traite", "traites", true),
    n("route", "routes", true),
    n("document", "documents", false),
    n("campagne", "campagnes", true),
];

/// Adjectives: masculine singular, feminine singular, masculine plural, feminine plural.
type Adjective = [&'static str; 4];
const PEOPLE_ADJECTIVES: &[Adjective] = &[
    ["refoulé", "refoulée", "refoulés", "refoulées"],
    ["rapatrié", "rapatriée", "rapatriés", "rapatriées"],
    ["vulnérable", "vulnérable", "vulnérables", "vulnérables"],
    [
        "non accompagné",
        "non accompagnée",
        "non accompagnés",
        "non accompagnées",
    ],
    ["déplacé", "déplacée", "déplacés", "déplacées"],
    ["expulsé", "expulsée", "expulsés", "expulsées"],
    ["blessé", "blessée", "blessés", "blessées"],
];
const THING_ADJECTIVES: &[Adjective] = &[
    ["irrégulier", "irrégulière", "irréguliers", "irrégulières"],
    ["migratoire", "migratoire", "migratoires", "migratoires"],
    ["régional", "régionale", "régionaux", "régionales"],
    ["économique", "économique", "économiques", "économiques"],
    ["désagrégé", "désagrégée", "désagrégés", "désagrégées"],
    ["volontaire", "volontaire", "volontaires", "volontaires"],
    ["humanitaire", "humanitaire", "humanitaires", "humanitaires"],
    [
        "communautaire",
        "communautaire",
        "communautaires",
        "communautaires",
    ],
];

const ORGANISATIONS: &[&str] = &[
    "L'OIM",
    "Le HCR",
    "L'UNICEF",
    "La CRN",
    "Le CICR",
    "La DRECM-R",
    "Le SP/CCM",
    "La GIZ",
    "L'INS",
    "La mairie",
    "ONU Femmes",
    "Le gouvernorat",
];
const REGIONS: &[&str] = &[
    "Niamey",
    "Agadez",
    "Tahoua",
    "Zinder",
    "Dosso",
    "Diffa",
    "Maradi",
    "Tillabéri",
];
const INFINITIVES: &[&str] = &[
    "renforcer",
    "sensibiliser",
    "rapatrier",
    "former",
    "recenser",
    "accompagner",
    "protéger",
    "appuyer",
    "identifier",
    "orienter",
    "héberger",
    "réintégrer",
];
const RECOMMENDS: &[&str] = &[
    "recommande",
    "recommandent",
    "a recommandé",
    "ont recommandé",
    "recommandons",
];
const AGENDA_TITLES: &[&str] = &[
    "Suivi des points d'action de la réunion précédente",
    "Situation des migrants refoulés",
    "Protection des enfants en mobilité",
    "Présentation des données migratoires du trimestre",
    "Appui aux retours volontaires",
    "Campagne de sensibilisation sur la migration irrégulière",
    "Suivi des recommandations du CRCM",
    "Lutte contre la traite des personnes",
    "Prise en charge des victimes",
    "Divers",
];

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn starts_with_vowel(word: &str) -> bool {
    word.starts_with(['a', 'e', 'é', 'è', 'ê', 'i', 'o', 'u', 'h', 'â'])
}

/// A noun phrase; `case` is "" (le/la/les), "de" (du/de la/des) or "à" (au/à la/aux).
struct Phrase {
    words: String,
    plural: bool,
    feminine: bool,
}

fn phrase<R: Rng>(rng: &mut R, nouns: &[Noun], adjectives: &[Adjective], case: &str) -> Phrase {
    let noun = nouns.choose(rng).expect("nouns");
    let plural = rng.random_bool(0.5);
    let word = if plural { noun.plural } else { noun.singular };
    let article = match (case, plural, noun.feminine, starts_with_vowel(word)) {
        ("", true, ..) => "les ",
        ("", false, _, true) => "l'",
        ("", false, true, false) => "la ",
        ("", false, false, false) => "le ",
        ("de", true, ..) => "des ",
        ("de", false, _, true) => "de l'",
        ("de", false, true, false) => "de la ",
        ("de", false, false, false) => "du ",
        (_, true, ..) => "aux ",
        (_, false, _, true) => "à l'",
        (_, false, true, false) => "à la ",
        (_, false, false, false) => "au ",
    };
    let mut words = format!("{article}{word}");
    if rng.random_bool(0.5) {
        let adjective = adjectives.choose(rng).expect("adjectives");
        let form = adjective[usize::from(noun.feminine) + 2 * usize::from(plural)];
        words.push(' ');
        words.push_str(form);
    }
    Phrase {
        words,
        plural,
        feminine: noun.feminine,
    }
}

fn people<R: Rng>(rng: &mut R, case: &str) -> Phrase {
    phrase(rng, PEOPLE, PEOPLE_ADJECTIVES, case)
}

fn thing<R: Rng>(rng: &mut R, case: &str) -> Phrase {
    phrase(rng, THINGS, THING_ADJECTIVES, case)
}

fn any<R: Rng>(rng: &mut R, case: &str) -> Phrase {
    if rng.random_bool(0.5) {
        people(rng, case)
    } else {
        thing(rng, case)
    }
}

/// Past participle agreeing with a phrase: "accueilli" → "accueillies".
fn agree(participle: &str, p: &Phrase) -> String {
    let mut s = participle.to_string();
    if p.feminine {
        s.push('e');
    }
    if p.plural {
        s.push('s');
    }
    s
}

fn discussion_sentence<R: Rng>(rng: &mut R) -> String {
    let region = *REGIONS.choose(rng).expect("regions");
    let org = *ORGANISATIONS.choose(rng).expect("organisations");
    match rng.random_range(0..16) {
        0 => format!(
            "Les participants ont souligné l'importance {} dans la région de {region}.",
            any(rng, "de").words
        ),
        1 => {
            let p = any(rng, "");
            let verb = if p.plural { "restent" } else { "reste" };
            format!(
                "{} {verb} une préoccupation majeure pour les partenaires.",
                capitalise(&p.words)
            )
        }
        2 => format!(
            "La question {} a été longuement débattue.",
            any(rng, "de").words
        ),
        3 => format!(
            "{org} a présenté la situation {} au cours du dernier trimestre.",
            people(rng, "de").words
        ),
        4 => {
            let number = rng.random_range(12..900);
            let noun = PEOPLE[..9].choose(rng).expect("people");
            let group = Phrase {
                words: String::new(),
                plural: true,
                feminine: noun.feminine,
            };
            let adjective = PEOPLE_ADJECTIVES.choose(rng).expect("adjectives");
            let form = adjective[usize::from(noun.feminine) + 2];
            let verb = agree("accueilli", &group);
            format!(
                "{number} {} {form} ont été {verb} au centre de transit de {region}.",
                noun.plural
            )
        }
        5 => format!(
            "Un point a été fait sur {} et sur {}.",
            thing(rng, "").words,
            people(rng, "").words
        ),
        6 => format!(
            "Le groupe {} de {} {}.",
            RECOMMENDS.choose(rng).expect("verbs"),
            INFINITIVES.choose(rng).expect("verbs"),
            any(rng, "").words
        ),
        7 => format!(
            "Les campagnes de sensibilisation sur {} se poursuivent dans les communes.",
            thing(rng, "").words
        ),
        8 => format!(
            "Des séances de formation ont été organisées à l'intention {}.",
            people(rng, "de").words
        ),
        9 => format!("Les données sur {} restent partielles.", any(rng, "").words),
        10 => format!(
            "{org} signale des difficultés liées {}.",
            any(rng, "à").words
        ),
        11 => format!(
            "Le rapatriement {} est prévu avant la fin de l'année.",
            people(rng, "de").words
        ),
        12 => format!(
            "La prise en charge {} demeure insuffisante faute de moyens.",
            people(rng, "de").words
        ),
        13 => {
            let p = people(rng, "");
            let auxiliary = if p.plural { "ont" } else { "a" };
            let verb = agree("sensibilisé", &p);
            format!(
                "{} {auxiliary} été {verb} par les relais communautaires de {region}.",
                capitalise(&p.words)
            )
        }
        14 => format!(
            "Il est recommandé de mieux coordonner {} entre les acteurs.",
            thing(rng, "").words
        ),
        _ => format!(
            "La mission conjointe à {region} a permis d'identifier {}.",
            any(rng, "").words
        ),
    }
}

fn action_text<R: Rng>(rng: &mut R) -> String {
    let infinitive = capitalise(INFINITIVES.choose(rng).expect("verbs"));
    let region = *REGIONS.choose(rng).expect("regions");
    match rng.random_range(0..4) {
        0 => format!(
            "{infinitive} {} de la région de {region}",
            any(rng, "").words
        ),
        1 => format!("Transmettre les données sur {} à l'INS", any(rng, "").words),
        2 => format!(
            "Organiser un atelier sur {} à {region}",
            thing(rng, "").words
        ),
        _ => format!(
            "{infinitive} {} avant la prochaine réunion",
            people(rng, "").words
        ),
    }
}

fn recommendation_text<R: Rng>(rng: &mut R) -> String {
    match rng.random_range(0..3) {
        0 => format!(
            "{} {} dans les zones de départ et de transit",
            capitalise(INFINITIVES.choose(rng).expect("verbs")),
            any(rng, "").words
        ),
        1 => format!(
            "Accroître les capacités d'accueil {}",
            people(rng, "de").words
        ),
        _ => format!(
            "Mettre en place un mécanisme de suivi {} au niveau de chaque commune",
            thing(rng, "de").words
        ),
    }
}

const BODIES: &[(&str, &str)] = &[
    ("gtm-niamey", "GTM Niamey"),
    ("gtm-agadez", "GTM Agadez"),
    ("gtm-tahoua", "GTM Tahoua"),
    ("gtm-zinder", "GTM Zinder"),
    ("crcm-agadez", "CRCM Agadez"),
    ("crcm-zinder", "CRCM Zinder"),
    ("crcm-tahoua", "CRCM Tahoua"),
    ("ccm", "CCM"),
];

/// `count` documents, about ten per meeting, meetings spread over 2019–2025.
fn generate(count: usize, seed: u64) -> Vec<SearchDocument> {
    let mut rng = SmallRng::seed_from_u64(seed);
    let first_day = NaiveDate::from_ymd_opt(2019, 1, 7).expect("date");
    let mut documents = Vec::with_capacity(count);
    let mut meeting_id = 0i64;
    let mut item = 0;
    let (mut body, mut date) = (BODIES[0], first_day);
    for i in 0..count {
        if i % 10 == 0 {
            meeting_id += 1;
            item = 0;
            body = *BODIES.choose(&mut rng).expect("bodies");
            date = first_day + chrono::Duration::days(rng.random_range(0..2550));
        }
        let (kind, key, title, text) = match (i % 10, rng.random_range(0..10)) {
            (0, _) => {
                let region = body.1.rsplit(' ').next().unwrap_or("Niamey");
                let title = format!(
                    "Compte-rendu de la réunion du {} – {}",
                    body.1,
                    date.format("%d/%m/%Y")
                );
                let text = format!(
                    "Réunion tenue à {region} dans la salle de conférence du gouvernorat. Présents : {}.",
                    ORGANISATIONS
                        .choose_multiple(&mut rng, 5)
                        .map(|o| o
                            .trim_start_matches("L'")
                            .trim_start_matches("Le ")
                            .trim_start_matches("La "))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                (
                    DocKind::Meeting,
                    format!("meeting:{meeting_id}"),
                    title,
                    text,
                )
            }
            (_, 0..=5) => {
                item += 1;
                let sentences: Vec<String> = (0..rng.random_range(2..=5))
                    .map(|_| discussion_sentence(&mut rng))
                    .collect();
                let title = AGENDA_TITLES.choose(&mut rng).expect("titles").to_string();
                (
                    DocKind::Discussion,
                    format!("agenda:{meeting_id}:{item}"),
                    title,
                    sentences.join(" "),
                )
            }
            (_, 6..=8) => (
                DocKind::ActionPoint,
                format!("action:{i}"),
                "Point d'action".into(),
                action_text(&mut rng),
            ),
            _ => (
                DocKind::Recommendation,
                format!("recommendation:{i}"),
                "Recommandation".into(),
                recommendation_text(&mut rng),
            ),
        };
        let url = match kind {
            DocKind::Discussion => format!("/meetings/{meeting_id}#point-{item}"),
            _ => format!("/meetings/{meeting_id}"),
        };
        documents.push(SearchDocument {
            key,
            meeting_id,
            kind,
            body_code: body.0.into(),
            body_name: body.1.into(),
            year: date.year(),
            date,
            title,
            text,
            url,
            published: true,
        });
    }
    documents
}
