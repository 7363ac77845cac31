//! Tables flattened into text: rows assembled from tab-separated lines or from one cell per
//! line, rows broken across lines or page breaks joined back, HTML pasted into cells turned
//! back into text.

use std::sync::LazyLock;

use cadre_domain::dates::means_none;
use cadre_domain::organisation::clean_written_name;
use cadre_domain::{ActionStatus, Deadline, NewActionPoint};
use regex::Regex;

use crate::lines::{Line, is_action_header_cell, is_separator_row, starts_lowercase};

/// What an action table gave: its action points, and what could not be read as one.
#[derive(Debug, Default)]
pub(crate) struct ActionTable {
    pub points: Vec<NewActionPoint>,
    /// Rows that are not action points (text where nothing says what to do), as written.
    pub odd_rows: Vec<String>,
    /// Index of the first line after the table.
    pub end: usize,
}

/// Reads the action table whose header is at `start`. `stop(i)` says whether line `i` begins
/// something else (a section heading, another table, a label), which ends the table.
pub(crate) fn action_table(
    lines: &[Line],
    start: usize,
    skip: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> ActionTable {
    let header = &lines[start];
    if header.non_empty_cell_count() >= 2 {
        tab_separated_rows(lines, start + 1, skip, stop)
    } else {
        one_cell_per_line_rows(lines, start + 1, skip, stop)
    }
}

/// The positions of a header's non-empty cells, when they are not simply the first ones: a PDF
/// laid out with more columns than the table has ("Points d'action<TAB><TAB>Responsables…").
fn header_columns(header: &Line) -> Option<Vec<usize>> {
    let positions: Vec<usize> = header
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(k, _)| k)
        .collect();
    let spread = positions.iter().enumerate().any(|(k, p)| *p != k);
    (positions.len() >= 2 && spread).then_some(positions)
}

/// A row's non-empty cells put under the header's columns: in order when there are as many,
/// else each under the nearest column not yet taken, keeping their order.
fn under_columns(cells: &[String], columns: &[usize]) -> Vec<String> {
    let filled: Vec<(usize, &String)> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .collect();
    let mut out = vec![String::new(); columns.len()];
    if filled.len() == columns.len() {
        for (k, (_, c)) in filled.iter().enumerate() {
            out[k] = (*c).clone();
        }
        return out;
    }
    let mut next_free = 0;
    for (k, (position, cell)) in filled.iter().enumerate() {
        // Leave room for the cells still to place.
        let last_allowed = columns.len().saturating_sub(filled.len() - k);
        let choice = (next_free..=last_allowed.max(next_free))
            .filter(|&c| c < columns.len())
            .min_by_key(|&c| columns[c].abs_diff(*position));
        match choice {
            Some(c) => {
                out[c] = (*cell).clone();
                next_free = c + 1;
            }
            None => {
                if let Some(last) = out.last_mut() {
                    append_cell(last, cell);
                }
            }
        }
    }
    out
}

fn tab_separated_rows(
    lines: &[Line],
    mut i: usize,
    skip: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> ActionTable {
    let columns = header_columns(&lines[i - 1]);
    let mut rows: Vec<Vec<String>> = Vec::new();
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() || skip(i) {
            i += 1;
            continue;
        }
        if stop(i) || !line.has_tab() {
            break;
        }
        let cells: Vec<String> = match &columns {
            Some(columns) => under_columns(&line.cells, columns),
            None => line.cells.clone(),
        };
        i += 1;
        if is_separator_row(&cells) {
            continue;
        }
        // "Choix des axes pour la<TAB>DRECM/R<TAB>…" then "région de Tahoua<TAB><TAB>": a cell
        // broken over two lines by the export, not a second action.
        let continues = starts_lowercase(&cells[0]) && cells[1..].iter().all(|c| c.is_empty());
        if continues
            && let Some(prev) = rows.last_mut()
            && !means_none(&prev[0])
        {
            append_cell(&mut prev[0], &cells[0]);
            continue;
        }
        rows.push(cells);
    }
    let mut table = rows_to_points(rows);
    table.end = i;
    table
}

fn one_cell_per_line_rows(
    lines: &[Line],
    mut i: usize,
    skip: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> ActionTable {
    // The rest of the header, one cell per line.
    let mut columns = 1;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_empty_raw() || skip(i) {
            i += 1;
            continue;
        }
        if line.non_empty_cell_count() == 1 && is_action_header_cell(&line.text) && columns < 4 {
            columns += 1;
            i += 1;
            continue;
        }
        break;
    }
    let columns = columns.max(2);
    let body_start = i;
    let mut rows = Vec::new();
    let mut end = i;
    while i < lines.len() {
        if lines[i].is_empty_raw() || skip(i) {
            i += 1;
            continue;
        }
        if stop(i) {
            break;
        }
        let group_start = i;
        let mut group: Vec<String> = Vec::new();
        let mut indented = false;
        while i < lines.len() && !lines[i].is_empty_raw() && !stop(i) {
            if !skip(i) {
                let starts_cell = lines[i].raw.starts_with('\t');
                // In a row written one cell per line, each cell starts with a tab; a line
                // without one is the next paragraph of the same cell (two responsible
                // organisations, a two-line action).
                match group.last_mut() {
                    Some(cell) if indented && !starts_cell => {
                        cell.push('\n');
                        cell.push_str(&lines[i].text);
                    }
                    _ => group.push(lines[i].text.clone()),
                }
                indented |= starts_cell;
            }
            i += 1;
        }
        // Prose after the table (a signature, a stray paragraph) is not a row: rows are
        // indented cells or exactly one row's worth of lines.
        if !indented && group.len() != columns {
            end = group_start;
            break;
        }
        for chunk in group.chunks(columns) {
            let mut row = chunk.to_vec();
            row.resize(3.max(columns), String::new());
            rows.push(row);
        }
        end = i;
    }
    if rows.is_empty() && end == body_start {
        return flattened_rows(lines, body_start, columns, skip, stop);
    }
    let mut table = rows_to_points(rows);
    table.end = end;
    table
}

/// A table flattened into one cell per line with nothing to tell the columns apart (each cell
/// a bulleted line, blank lines between): the cells are read in row order and told apart by
/// what they say. A row is one or more things to do, then who is responsible (organisations,
/// acronyms, "Partenaires"), then the deadline (a date, a year, "N/A", "Au cours de
/// l'atelier") when the table has that column. Several things to do in one row share its
/// responsible and deadline. Lines left after the last complete row are not the table's.
fn flattened_rows(
    lines: &[Line],
    mut i: usize,
    columns: usize,
    skip: &dyn Fn(usize) -> bool,
    stop: &dyn Fn(usize) -> bool,
) -> ActionTable {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut whats: Vec<String> = Vec::new();
    let mut who: Option<String> = None;
    // The line of the first cell of the row being read, and the line after the last complete row.
    let mut row_start = i;
    let mut end = i;
    let finish =
        |rows: &mut Vec<Vec<String>>, whats: &mut Vec<String>, who: String, deadline: String| {
            for what in whats.drain(..) {
                rows.push(vec![what, who.clone(), deadline.clone()]);
            }
        };
    while i < lines.len() {
        if lines[i].is_blank() || skip(i) {
            i += 1;
            continue;
        }
        if stop(i) || lines[i].has_tab() {
            break;
        }
        let cell = crate::lines::list_item(&lines[i].text)
            .rest
            .trim()
            .to_owned();
        let line = i;
        i += 1;
        if let Some(w) = who.take() {
            // The deadline column, or the next row when this cell is no deadline.
            if is_deadline_like(&cell) {
                finish(&mut rows, &mut whats, w, cell);
                end = i;
                continue;
            }
            finish(&mut rows, &mut whats, w, String::new());
            end = line;
        }
        if whats.is_empty() {
            row_start = line;
            whats.push(cell);
        } else if is_responsible_like(&cell) || means_none(&cell) {
            if columns >= 3 {
                who = Some(cell);
            } else {
                finish(&mut rows, &mut whats, cell, String::new());
                end = i;
            }
        } else {
            whats.push(cell);
        }
    }
    if let Some(w) = who.take() {
        finish(&mut rows, &mut whats, w, String::new());
        end = i;
    } else if !whats.is_empty() {
        end = row_start;
    }
    let mut table = rows_to_points(rows);
    table.end = end;
    table
}

fn is_deadline_like(cell: &str) -> bool {
    means_none(cell) || Deadline::parse(cell).meaning != cadre_domain::DeadlineMeaning::None
}

/// Whether a cell names who is responsible rather than what to do: each of its names is a
/// known organisation, an acronym, or a short capitalised name.
fn is_responsible_like(cell: &str) -> bool {
    use cadre_domain::organisation::known;
    let cell = cell.trim();
    if cell.chars().count() > 120 || cell.ends_with('.') {
        return false;
    }
    let names = split_responsible(cell);
    !names.is_empty()
        && names.iter().all(|n| {
            let words = n.split_whitespace().count();
            let acronym = words == 1 && !n.chars().any(char::is_lowercase);
            let capitalised = words <= 3 && n.chars().next().is_some_and(char::is_uppercase);
            known(n).is_some() || acronym || capitalised
        })
}

fn rows_to_points(rows: Vec<Vec<String>>) -> ActionTable {
    let mut table = ActionTable::default();
    for mut row in rows {
        if row.len() < 3 {
            row.resize(3, String::new());
        }
        let what = row[0].trim();
        let rest_is_none = row[1..].iter().all(|c| means_none(c));
        if means_none(what) {
            if !rest_is_none {
                table.odd_rows.push(
                    row.iter()
                        .filter(|c| !c.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
            }
            continue;
        }
        // Cells beyond the third have no column to go to: keep them with the deadline.
        let deadline_text = row[2..]
            .iter()
            .filter(|c| !c.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        table.points.push(NewActionPoint {
            what: what.to_owned(),
            responsible: split_responsible(&row[1]),
            deadline: if deadline_text.is_empty() {
                Deadline::none()
            } else {
                Deadline::parse(&deadline_text)
            },
            status: ActionStatus::Open,
        });
    }
    table
}

/// "SP/CCM, DRC/MMC" names two organisations; "//////" names none. A slash inside a name
/// ("SP/CCM") is not a separator.
pub(crate) fn split_responsible(cell: &str) -> Vec<String> {
    if means_none(cell) {
        return Vec::new();
    }
    cell.split([',', ';', '\n'])
        .flat_map(split_conjunction)
        .map(|s| clean_written_name(&s))
        .filter(|s| !s.is_empty() && !means_none(s))
        .collect()
}

/// "DRECM-R et Partenaires", "HCR & UNICEF": two organisations joined by a conjunction. A
/// conjunction inside a name ("Ministère de l'Intérieur et de la Décentralisation") is not
/// split: the part after it must itself name an organisation (a known one, an acronym, or a
/// short capitalised name), and the whole must not be a known name.
pub(crate) fn split_conjunction(piece: &str) -> Vec<String> {
    use cadre_domain::organisation::{is_known_name, known};
    let names_one = |s: &str| {
        let s = s.trim();
        let words: Vec<&str> = s.split_whitespace().collect();
        let acronym = words.len() == 1
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !s.chars().any(char::is_lowercase);
        let capitalised = !words.is_empty()
            && words.len() <= 3
            && s.chars().next().is_some_and(char::is_uppercase);
        !s.is_empty() && (known(s).is_some() || acronym || capitalised)
    };
    if is_known_name(piece) {
        return vec![piece.to_owned()];
    }
    // "DRECM-Ret Partenaires": a conjunction glued to a known name when spaces were lost.
    if let Some((head, tail)) = piece.trim().split_once(' ')
        && let Some(name) = head.strip_suffix("et")
        && known(name).is_some()
        && names_one(tail)
    {
        return vec![name.to_owned(), tail.trim().to_owned()];
    }
    for conjunction in [" et ", " & ", " and "] {
        if let Some((left, right)) = piece.rsplit_once(conjunction)
            && names_one(right)
            && !left.trim().is_empty()
        {
            let mut out = split_conjunction(left);
            out.push(right.trim().to_owned());
            return out;
        }
    }
    vec![piece.to_owned()]
}

/// Appends a piece of a broken cell: bullets start their own line, words continue the sentence.
pub(crate) fn append_cell(cell: &mut String, more: &str) {
    let more = more.trim();
    if more.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(if more.starts_with('•') { '\n' } else { ' ' });
    }
    cell.push_str(more);
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[A-Za-z][^<>]*>").expect("static regex"));

/// `<ul style="list-style-type: none"> • A ; • B` → "• A" and "• B" on their own lines.
pub(crate) fn html_to_text(cell: &str) -> String {
    if !cell.contains('<') && !cell.contains('•') {
        return cell.trim().to_owned();
    }
    let plain = TAG.replace_all(cell, " ");
    if !plain.contains('•') {
        return collapse_spaces(&plain);
    }
    let mut out = Vec::new();
    for (i, part) in plain.split('•').enumerate() {
        let item = collapse_spaces(part);
        let item = item.trim_end_matches([';', ' ']).trim();
        if item.is_empty() {
            continue;
        }
        if i == 0 {
            out.push(item.to_owned());
        } else {
            out.push(format!("• {item}"));
        }
    }
    out.join("\n")
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A row of a report table, as the rows are being put back together.
#[derive(Debug, Clone)]
pub(crate) struct AssembledRow<T> {
    pub cells: Vec<String>,
    pub tag: T,
}

/// Puts rows broken across page breaks back together. After a page break (a blank line), a
/// row whose first cell is empty or starts in lower case is the end of the previous row;
/// anything else starts a new row.
#[derive(Debug)]
pub(crate) struct RowAssembler<T> {
    pub rows: Vec<AssembledRow<T>>,
    after_break: bool,
}

impl<T> Default for RowAssembler<T> {
    fn default() -> Self {
        RowAssembler {
            rows: Vec::new(),
            after_break: false,
        }
    }
}

impl<T> RowAssembler<T> {
    pub fn page_break(&mut self) {
        self.after_break = true;
    }

    /// A heading row between two rows: what follows starts afresh.
    pub fn reset_break(&mut self) {
        self.after_break = false;
    }

    pub fn push(&mut self, cells: Vec<String>, tag: T) {
        let after_break = std::mem::take(&mut self.after_break);
        if cells.iter().all(|c| c.is_empty()) {
            return;
        }
        if let Some(prev) = self.rows.last_mut() {
            let first_empty = cells[0].is_empty();
            if first_empty || (after_break && starts_lowercase(&cells[0])) {
                for (i, c) in cells.iter().enumerate() {
                    if i >= prev.cells.len() {
                        prev.cells.resize(i + 1, String::new());
                    }
                    append_cell(&mut prev.cells[i], c);
                }
                return;
            }
        }
        let mut cells = cells;
        if after_break && let Some(prev) = self.rows.last_mut() {
            move_broken_fragments(&mut prev.cells, &mut cells);
        }
        self.rows.push(AssembledRow { cells, tag });
    }
}

/// A page break can cut a cell in the middle of a sentence while the next row starts a new
/// recommendation: "… pour le" | "partage de l'information; Mise en œuvre …". The lower-case
/// fragment up to its first ';' or '.' finishes the cell above.
fn move_broken_fragments(prev: &mut [String], next: &mut [String]) {
    for i in 1..prev.len().min(next.len()) {
        let above = prev[i].trim_end();
        let unfinished = !above.is_empty() && !above.ends_with(['.', ';', '!', '?', ':', ')']);
        if !unfinished || !starts_lowercase(&next[i]) {
            continue;
        }
        let text = next[i].trim().to_owned();
        let cut = text.find([';', '.']).map(|p| p + 1).unwrap_or(text.len());
        // Only a fragment that leaves a sentence behind is moved; a whole lower-case cell may
        // simply be how that cell was written.
        if cut >= text.len() {
            continue;
        }
        let (fragment, rest) = text.split_at(cut);
        append_cell(&mut prev[i], fragment);
        next[i] = rest.trim().to_owned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_lists_become_bullets() {
        assert_eq!(
            html_to_text(r#"<ul style="list-style-type: none"> • Adoption A ; • Test B."#),
            "• Adoption A\n• Test B."
        );
        assert_eq!(
            html_to_text("Création de la Direction"),
            "Création de la Direction"
        );
    }

    #[test]
    fn responsible_cells() {
        assert_eq!(
            split_responsible("SP/CCM, DRC/MMC"),
            vec!["SP/CCM", "DRC/MMC"]
        );
        assert!(split_responsible("//////").is_empty());
        assert_eq!(
            split_responsible("SP/CCM, DRECM/R et Partenaires"),
            vec!["SP/CCM", "DRECM/R", "Partenaires"]
        );
        assert_eq!(split_responsible("HCR et UNICEF"), vec!["HCR", "UNICEF"]);
        assert_eq!(
            split_responsible("SP/CCM, DRECM-Ret Partenaires"),
            vec!["SP/CCM", "DRECM-R", "Partenaires"]
        );
        assert_eq!(
            split_responsible("Ministère de l'Intérieur et de la Décentralisation"),
            vec!["Ministère de l'Intérieur et de la Décentralisation"]
        );
        assert_eq!(
            split_responsible("Etat et collectivités territoriales"),
            vec!["Etat et collectivités territoriales"]
        );
        assert_eq!(
            split_responsible("Croix Rouge Danoise"),
            vec!["Croix Rouge Danoise"]
        );
    }

    #[test]
    fn cells_go_under_the_header_columns_of_a_spread_out_table() {
        let header = Line::new("Points d'action\t\tResponsables\t\t\tDate limite");
        let columns = header_columns(&header).unwrap();
        assert_eq!(columns, [0, 2, 5]);
        let cells = |s: &str| s.split('\t').map(String::from).collect::<Vec<_>>();
        assert_eq!(
            under_columns(&cells("A\t\tOIM\t04/08/2023"), &columns),
            ["A", "OIM", "04/08/2023"]
        );
        assert_eq!(
            under_columns(&cells("A\t\t\t\t\t2023"), &columns),
            ["A", "", "2023"]
        );
        assert_eq!(
            under_columns(&cells("A\t\tOIM"), &columns),
            ["A", "OIM", ""]
        );
        assert!(header_columns(&Line::new("Points d'action\tResponsables\tDate limite")).is_none());
    }

    #[test]
    fn flattened_tables_are_read_by_what_their_cells_say() {
        let text = "Points d'actions :\n\nPersonnes/Structures responsables :\n\nDate limite :\n\n\u{2022} Partager la fiche\n\n\u{2022} Organiser l'atelier de validation\n\n\u{2022} SP/CCM, DRECM/R et Partenaires\n\n\u{2022} 2023\n\n\u{2022} Transmettre les données\n\n\u{2022} OIM\n\n\u{2022} Au cours de l'atelier\n\n//////////\n\n//////////\n\n//////////\n\nLe Rapporteur";
        let lines: Vec<Line> = text.split('\n').map(Line::new).collect();
        let t = action_table(&lines, 0, &|_| false, &|_| false);
        let got: Vec<(&str, Vec<String>, &str)> = t
            .points
            .iter()
            .map(|p| {
                (
                    p.what.as_str(),
                    p.responsible.clone(),
                    p.deadline.as_written.as_str(),
                )
            })
            .collect();
        let who = |s: &[&str]| s.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    "Partager la fiche",
                    who(&["SP/CCM", "DRECM/R", "Partenaires"]),
                    "2023"
                ),
                (
                    "Organiser l'atelier de validation",
                    who(&["SP/CCM", "DRECM/R", "Partenaires"]),
                    "2023"
                ),
                (
                    "Transmettre les données",
                    who(&["OIM"]),
                    "Au cours de l'atelier"
                ),
            ]
        );
        // The signature after the table is left for the minutes.
        assert_eq!(lines[t.end].text, "Le Rapporteur");
    }

    #[test]
    fn rows_broken_by_page_breaks_are_joined() {
        let mut a = RowAssembler::default();
        let row = |s: &[&str]| s.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        a.push(row(&["Contribuer à la Charte adoptée en", "ARENI"]), ());
        a.page_break();
        a.push(row(&["novembre 2018 par les CT", ""]), ());
        a.push(row(&["S'assurer de la prise", "Processus"]), ());
        a.page_break();
        a.push(row(&["", "• suite"]), ());
        a.push(
            row(&["Renforcer les frontières", "Gestion", "Comité pour le"]),
            (),
        );
        a.page_break();
        a.push(
            row(&[
                "Lutter contre",
                "",
                "partage de l'information; Mise en œuvre",
            ]),
            (),
        );
        assert_eq!(a.rows.len(), 4);
        assert_eq!(
            a.rows[0].cells[0],
            "Contribuer à la Charte adoptée en novembre 2018 par les CT"
        );
        assert_eq!(a.rows[1].cells[1], "Processus\n• suite");
        assert_eq!(
            a.rows[2].cells[2],
            "Comité pour le partage de l'information;"
        );
        assert_eq!(a.rows[3].cells[2], "Mise en œuvre");
    }
}
