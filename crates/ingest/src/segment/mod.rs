//! Text whose spaces were lost ("Pointsinscritsàl'ordredujour") put back into French words.
//!
//! PDF extraction sometimes drops every space of a page. Each run of text without spaces is cut
//! into the cheapest sequence of known words, numbers, names and signs (see `split`); a cell
//! (the text between tabs) is repaired when most of its letters sit in runs that cut into
//! several words, and a whole document when most of its letters do. Repair only ever inserts
//! spaces: letters, case and punctuation stay exactly as written.

mod lexicon;
mod measure;
mod split;

pub use lexicon::Lexicon;
pub use measure::{WordAccuracy, lose_spaces, word_accuracy};
use split::{Kind, Segmenter, Tok, whole_word_cost};

/// A line is repaired when at least this many of its letters are in runs that cut into words…
const MIN_EVIDENCE_LETTERS: usize = 6;
/// …and they are at least half of its letters (a glued name in a normal sentence is left alone).
const MIN_EVIDENCE_SHARE: f32 = 0.5;
/// Words cut out of a run shorter than this are no evidence (see `analyse`).
const MIN_GLUED_RUN_LETTERS: usize = 9;
/// How much cheaper two words must be than the same letters read as one.
const MIN_EVIDENCE_GAIN: f32 = 8.0;
/// A line whose spaces are at least this share of its letters was written with its spaces: it
/// tells how the document spaces ';', ':', '!' and '?'.
const SPACED_LINE: f32 = 1.0 / 15.0;

/// A text with its lost spaces restored.
#[derive(Debug, Clone)]
pub struct Repaired {
    pub text: String,
    pub lines_repaired: usize,
}

/// A run of text between whitespace, with its tokens.
struct Chunk {
    start: usize,
    end: usize,
    toks: (usize, usize),
    /// The run cut into several words: evidence of lost spaces.
    evidence: bool,
    letters: usize,
    /// An e-mail address or a URL: never cut.
    protected: bool,
}

/// The text between tabs of one line.
struct Cell {
    line: usize,
    chunks: (usize, usize),
    repair: bool,
}

/// Whether the document puts a space before each high punctuation sign.
#[derive(Debug, Clone, Copy)]
struct Style {
    semicolon: bool,
    colon: bool,
    exclamation: bool,
}

#[derive(Default)]
struct SpacingCount {
    spaced: [usize; 3],
    tight: [usize; 3],
}

impl SpacingCount {
    fn count_line(&mut self, line: &str) {
        let mut prev = None;
        for c in line.chars() {
            let k = match c {
                ';' => Some(0),
                ':' => Some(1),
                '!' | '?' => Some(2),
                _ => None,
            };
            if let (Some(k), Some(p)) = (k, prev) {
                if p == ' ' {
                    self.spaced[k] += 1;
                } else if !char::is_whitespace(p) {
                    self.tight[k] += 1;
                }
            }
            prev = Some(c);
        }
    }

    /// What most spaced lines do; French typography when they say nothing.
    fn style(&self) -> Style {
        let spaced = |k: usize| self.spaced[k] >= self.tight[k];
        Style {
            semicolon: spaced(0),
            colon: spaced(1),
            exclamation: spaced(2),
        }
    }
}

/// Finds the lines whose spaces were lost and restores them; other lines are left as they are.
pub fn repair_lost_spaces(text: &str, lexicon: &Lexicon) -> Repaired {
    let mut segmenter = Segmenter::default();
    let mut toks: Vec<Tok> = Vec::new();
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut cells: Vec<Cell> = Vec::new();
    let mut spacing = SpacingCount::default();
    let (mut total_letters, mut total_evidence) = (0usize, 0usize);

    let mut line_start = 0;
    for (line_no, line) in text.split('\n').enumerate() {
        let (mut line_letters, mut line_spaces, mut line_evidence) = (0usize, 0usize, 0usize);
        let first_cell = cells.len();
        let mut cell_start = line_start;
        for cell in line.split('\t') {
            let first_chunk = chunks.len();
            for (offset, run) in runs(cell) {
                let chunk = analyse(lexicon, &mut segmenter, &mut toks, run, cell_start + offset);
                line_letters += chunk.letters;
                if chunk.evidence {
                    line_evidence += chunk.letters;
                }
                chunks.push(chunk);
            }
            line_spaces += cell.matches(' ').count();
            cells.push(Cell {
                line: line_no,
                chunks: (first_chunk, chunks.len()),
                repair: false,
            });
            cell_start += cell.len() + 1;
        }
        total_letters += line_letters;
        total_evidence += line_evidence;
        let repair = line_evidence >= MIN_EVIDENCE_LETTERS
            && line_evidence as f32 >= MIN_EVIDENCE_SHARE * line_letters as f32;
        for cell in &mut cells[first_cell..] {
            cell.repair = repair;
        }
        if line_spaces as f32 >= SPACED_LINE * line_letters as f32 && line_spaces > 0 {
            spacing.count_line(line);
        }
        line_start += line.len() + 1;
    }

    // A document most of whose letters lost their spaces lost them everywhere, short lines too.
    let whole_document =
        total_evidence > 0 && total_evidence as f32 >= MIN_EVIDENCE_SHARE * total_letters as f32;
    if whole_document {
        for cell in &mut cells {
            cell.repair = true;
        }
    }
    let style = spacing.style();

    let mut out = String::with_capacity(text.len() + text.len() / 5);
    let mut lines_repaired = 0;
    let mut copied = 0;
    let mut line_state = LineState::default();
    let mut current_line = usize::MAX;
    let mut line_changed = false;
    for cell in &cells {
        if cell.line != current_line {
            if line_changed {
                lines_repaired += 1;
            }
            current_line = cell.line;
            line_changed = false;
            line_state = LineState::default();
        }
        line_state.seen_alnum = false;
        if !cell.repair {
            continue;
        }
        for chunk in &chunks[cell.chunks.0..cell.chunks.1] {
            if chunk.protected {
                continue;
            }
            let toks = &toks[chunk.toks.0..chunk.toks.1];
            out.push_str(&text[copied..chunk.start]);
            let before = out.len();
            render(text, toks, style, &mut line_state, &mut out);
            if out.len() - before != chunk.end - chunk.start {
                line_changed = true;
            }
            copied = chunk.end;
        }
    }
    if line_changed {
        lines_repaired += 1;
    }
    out.push_str(&text[copied..]);
    Repaired {
        text: out,
        lines_repaired,
    }
}

/// The runs of text between whitespace, with their byte offsets.
fn runs(cell: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let tail = &cell[rest..];
        let start = rest + tail.find(|c: char| !c.is_whitespace())?;
        let len = cell[start..]
            .find(char::is_whitespace)
            .unwrap_or(cell.len() - start);
        rest = start + len;
        Some((start, &cell[start..rest]))
    })
}

/// An e-mail address, a URL or a domain name, even with its '@' lost: cutting it helps no one.
fn is_address(run: &str) -> bool {
    const DOMAINS: [&str; 14] = [
        ".com", ".org", ".net", ".fr", ".ne", ".int", ".eu", ".ch", ".de", ".ca", ".gov", ".edu",
        ".info", ".be",
    ];
    let tail = run.trim_end_matches(|c: char| !c.is_alphanumeric());
    run.contains('@')
        || run.contains("://")
        || run.starts_with("www.")
        || DOMAINS.iter().any(|d| {
            tail.len() > d.len()
                && tail.is_char_boundary(tail.len() - d.len())
                && tail[tail.len() - d.len()..].eq_ignore_ascii_case(d)
        })
}

/// Cuts one run and says whether it is evidence of lost spaces.
fn analyse(
    lexicon: &Lexicon,
    segmenter: &mut Segmenter,
    toks: &mut Vec<Tok>,
    run: &str,
    start: usize,
) -> Chunk {
    let first = toks.len();
    let protected = is_address(run);
    if protected {
        return Chunk {
            start,
            end: start + run.len(),
            toks: (first, first),
            evidence: false,
            // An address says nothing about the line's spaces.
            letters: 0,
            protected,
        };
    }
    segmenter.split(lexicon, run, start, toks);
    let cut = &toks[first..];
    let letters = cut.iter().map(|t| t.letters as usize).sum();
    let evidence = cut.windows(2).any(|w| {
        let (a, b) = (&w[0], &w[1]);
        match (a.kind, b.kind) {
            // Read as one word, the two would cost clearly more than apart. Names cut into
            // rare pieces ("Rabi ou") gain little; a capital inside ("SlycanTrust") is no
            // evidence either, names are written so.
            // A short unknown word ("Eiceet", a name) may cut into tiny words by chance;
            // glued words make longer runs.
            (Kind::Word | Kind::Name, Kind::Word | Kind::Name) => {
                letters >= MIN_GLUED_RUN_LETTERS
                    && whole_word_cost(lexicon, &run[a.start - start..b.end - start])
                        .is_some_and(|whole| whole - (a.cost + b.cost) >= MIN_EVIDENCE_GAIN)
            }
            (Kind::Word | Kind::Name, Kind::Elision) => true,
            // "16février": a number glued to a word (but "1er", "2ème" are one token).
            (Kind::Number, Kind::Word | Kind::Name) => {
                b.letters >= 3
                    && run[b.start - start..]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)
            }
            _ => false,
        }
    });
    Chunk {
        start,
        end: start + run.len(),
        toks: (first, toks.len()),
        evidence,
        letters,
        protected,
    }
}

/// What spacing needs to remember along a line.
#[derive(Default)]
struct LineState {
    /// A '"' opened and not yet closed.
    quote_open: bool,
    /// An alphanumeric token was already written in this cell (so a number is not a list number).
    seen_alnum: bool,
}

/// Writes the tokens of one run with the spaces French puts between them.
fn render(text: &str, toks: &[Tok], style: Style, state: &mut LineState, out: &mut String) {
    // Whether the previous token wants a space after it.
    let mut space_after = false;
    // The first alphanumeric token of the cell is a list number: "1", "12", "II".
    let mut list_number_at = None;
    for (k, tok) in toks.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| &toks[p]);
        let (before, after) = match tok.kind {
            // "G5", "Hlk525719682": a name or acronym keeps its number.
            Kind::Number if prev.is_some_and(|p| p.kind == Kind::Name) => (false, true),
            Kind::Word | Kind::Name | Kind::Number => (true, true),
            Kind::Numero | Kind::Elision => (true, false),
            Kind::Punct => {
                let next = toks.get(k + 1);
                let after_list_number =
                    list_number_at.is_some() && list_number_at == k.checked_sub(1);
                punct_spacing(text, tok, prev, next, style, state, after_list_number)
            }
        };
        if k > 0 && space_after && before {
            out.push(' ');
        }
        let written = &text[tok.start..tok.end];
        out.push_str(written);
        space_after = after;
        if tok.is_alnum() {
            if !state.seen_alnum && is_list_number(tok, written) {
                list_number_at = Some(k);
            }
            state.seen_alnum = true;
        }
    }
}

fn is_list_number(tok: &Tok, written: &str) -> bool {
    match tok.kind {
        Kind::Number => written.len() <= 2,
        Kind::Word | Kind::Name => {
            written.len() <= 4 && written.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        }
        _ => false,
    }
}

/// (space before, space after) a punctuation sign.
fn punct_spacing(
    text: &str,
    tok: &Tok,
    prev: Option<&Tok>,
    next: Option<&Tok>,
    style: Style,
    state: &mut LineState,
    after_list_number: bool,
) -> (bool, bool) {
    let next_is_word = next.is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Name));
    match tok.sign {
        ',' | '…' => (false, true),
        '.' => {
            // "Re.Mi", "C.C.E.N", "N.B": letters between dots are an abbreviation; a sentence
            // goes on with a capital or a number, not a lower-case letter ("migrant.e.s").
            let short = |t: Option<&Tok>| {
                t.is_some_and(|t| matches!(t.kind, Kind::Word | Kind::Name) && t.letters <= 2)
            };
            let lower_next = next.is_some_and(|t| {
                text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
            });
            let abbreviation = short(prev) && short(next) && !after_list_number;
            (false, !abbreviation && !lower_next)
        }
        ';' => (style.semicolon, true),
        ':' => (style.colon, true),
        '!' | '?' => (style.exclamation, true),
        ')' | ']' | '}' | '%' => (false, true),
        '(' | '[' | '{' => (true, false),
        '«' | '»' | '–' | '—' | '•' | '·' | '✓' | '▪' | '►' | '→' | '&' | '\u{f0a7}' => {
            (true, true)
        }
        '"' => {
            state.quote_open = !state.quote_open;
            if state.quote_open {
                (true, false)
            } else {
                (false, true)
            }
        }
        '-' => {
            // A dash after a closing sign starts a list item ("(MI/D) -Secrétariat"); between
            // words it joins them ("Croix-Rouge", "GTM-Tahoua", "2020-2035").
            let before = prev.is_some_and(|p| {
                p.kind == Kind::Punct
                    && matches!(
                        text[p.start..].chars().next(),
                        Some(')' | ';' | ',' | ':' | ']')
                    )
            });
            (before, after_list_number && next_is_word)
        }
        _ => (false, false),
    }
}
