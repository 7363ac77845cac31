//! GTM minutes written in the canevas: title, header labels, agenda, one section per agenda
//! item (discussion, action table), next steps.
//!
//! The documents depart from the template in many small ways (see DOMAIN.md), so the parser
//! decides what a line is from its neighbours rather than from its position: a numbered line
//! is a section heading only when "Points de discussion clés" follows it, sections are matched
//! to agenda items by their words rather than their (unreliable) numbers, and every line that
//! fits nowhere is reported rather than dropped.

use cadre_domain::dates::{format_date_fr, parse_french_date, parse_time_range};
use cadre_domain::organisation::clean_written_name;
use cadre_domain::text::fold;
use cadre_domain::{
    FoundBy, ImportWarning, MeetingKind, Modality, NewActionPoint, NewAgendaItem, NewAttendee,
    NewBody, NewFunctionAttendee, NewMeeting, NextMeeting,
};

use crate::attendance::Present;

use crate::IngestError;
use crate::findings::Provenance;
use crate::header::{Label, header_fields, header_label};
use crate::lines::{
    Line, heading_with_inline_discussion, is_action_header, is_agenda_heading, is_discussion_label,
    is_next_steps_title, list_item, split_presenter,
};
use crate::matching::match_sections;
use crate::tables::action_table;

#[derive(Debug)]
pub(crate) struct AgendaEntry {
    pub number: Option<u32>,
    pub title: String,
    pub presenter: Option<String>,
}

#[derive(Debug)]
pub(crate) struct Section {
    pub number: Option<u32>,
    pub title: String,
    pub presenter: Option<String>,
    pub discussion: Vec<String>,
    pub points: Vec<NewActionPoint>,
}

/// A line nothing claimed, and where it was found, for the warning.
struct Loose {
    line: usize,
    text: String,
    context: Place,
}

/// Where a line the reader could not place stood: its warning says so in the reader's
/// language (a code the catalogues word, with the section or label it names).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    Header,
    BeforeSections,
    OutsideSections,
    /// A section's discussion, after its action table.
    AfterTable(String),
    /// An action table row of a section that says nothing to do.
    OddRow(String),
    /// An action table row outside any section that says nothing to do.
    OddRowOutside,
    /// A label given a second time in the header.
    SecondLabel(String),
    /// A discussion label outside any section.
    DiscussionLabel,
}

impl Place {
    fn args(&self) -> Vec<(&'static str, String)> {
        let (place, named) = match self {
            Place::Header => ("header", None),
            Place::BeforeSections => ("before-sections", None),
            Place::OutsideSections => ("outside-sections", None),
            Place::AfterTable(s) => ("after-table", Some(("section", s))),
            Place::OddRow(s) => ("odd-row", Some(("section", s))),
            Place::OddRowOutside => ("odd-row-outside", None),
            Place::SecondLabel(l) => ("second-label", Some(("label", l))),
            Place::DiscussionLabel => ("discussion-label", None),
        };
        let mut args = vec![("place", place.to_owned())];
        args.extend(named.map(|(k, v)| (k, v.clone())));
        args
    }
}

struct Reader<'l, 'a> {
    lines: &'l [Line<'a>],
    title_idx: Option<usize>,
    title_key: String,
    /// For each line, the heading text when it opens a section.
    heading: Vec<Option<String>>,
    /// Lines that continue a heading wrapped over several lines.
    continuation: Vec<bool>,
    /// Lines that open a header field.
    labelled: Vec<bool>,
    loose: Vec<Loose>,
}

impl<'l, 'a> Reader<'l, 'a> {
    fn new(lines: &'l [Line<'a>]) -> Self {
        let n = lines.len();
        // Index of the next non-blank line after each line, computed once from the end so that
        // looking ahead stays linear however many blank lines a document has.
        let mut next_nonblank = vec![None; n];
        let mut next = None;
        for i in (0..n).rev() {
            next_nonblank[i] = next;
            if !lines[i].is_blank() {
                next = Some(i);
            }
        }
        // Whether each line opens a header field: asked of every line many times over.
        let labelled: Vec<bool> = lines
            .iter()
            .map(|l| !l.is_blank() && header_label(l).is_some())
            .collect();
        let first = (0..n).find(|&i| !lines[i].is_blank());
        // Under a letterhead ("REPUBLIQUE DU NIGER", a ministry, "Agadez, le …") the title is
        // the first line that names the minutes.
        let first = first.map(|f| named_title(lines, f).unwrap_or(f));
        let title_idx = first.filter(|&i| {
            let l = &lines[i];
            !labelled[i]
                && !is_agenda_heading(l)
                && !is_discussion_label(l)
                && !is_action_header(l)
                && heading_with_inline_discussion(l).is_none()
                && list_item(&l.text).number.is_none()
                && !next_nonblank[i].is_some_and(|j| is_discussion_label(&lines[j]))
                && l.text.chars().count() <= 300
        });
        let title_key = title_idx.map(|i| lines[i].key.clone()).unwrap_or_default();
        let is_page_header =
            |i: usize| !title_key.is_empty() && Some(i) != title_idx && lines[i].key == title_key;
        let mut heading = vec![None; n];
        let mut continuation = vec![false; n];
        for i in 0..n {
            let l = &lines[i];
            if l.is_blank()
                || is_page_header(i)
                || labelled[i]
                || is_agenda_heading(l)
                || is_discussion_label(l)
                || is_action_header(l)
            {
                continue;
            }
            if let Some(h) = heading_with_inline_discussion(l) {
                heading[i] = Some(h);
                continue;
            }
            let mut j = next_nonblank[i];
            while let Some(k) = j.filter(|&k| is_page_header(k)) {
                j = next_nonblank[k];
            }
            if j.is_some_and(|j| is_discussion_label(&lines[j])) && l.text.chars().count() <= 300 {
                heading[i] = Some(l.text.clone());
                // A heading wrapped over lines ("1. SUIVI DES POINTS D'ACTION DE LA" then
                // "DERNIÈRE RÉUNION (SP/CCM)"): the lines just above, up to its number, are
                // its beginning.
                if list_item(&l.text).number.is_none()
                    && let Some(first) = wrapped_heading_start(lines, i)
                {
                    let joined: Vec<&str> = (first..=i).map(|k| lines[k].text.as_str()).collect();
                    heading[i] = None;
                    heading[first] = Some(joined.join(" "));
                    for c in &mut continuation[first + 1..=i] {
                        *c = true;
                    }
                }
            }
        }
        Reader {
            lines,
            title_idx,
            title_key,
            heading,
            continuation,
            labelled,
            loose: Vec::new(),
        }
    }

    fn is_page_header(&self, i: usize) -> bool {
        !self.title_key.is_empty()
            && Some(i) != self.title_idx
            && self.lines[i].key == self.title_key
    }

    fn skippable(&self, i: usize) -> bool {
        self.lines[i].is_blank()
            || self.is_page_header(i)
            || Some(i) == self.title_idx
            || self.continuation[i]
    }

    /// Lines that begin a part of the canevas of their own.
    fn is_structural(&self, i: usize) -> bool {
        let l = &self.lines[i];
        self.heading[i].is_some()
            || is_agenda_heading(l)
            || self.labelled[i]
            || is_discussion_label(l)
            || is_action_header(l)
            || crate::prose::announces_agenda(l)
    }

    fn ends_table(&self, i: usize) -> bool {
        let l = &self.lines[i];
        self.heading[i].is_some()
            || is_agenda_heading(l)
            || is_discussion_label(l)
            || is_action_header(l)
    }

    fn loose_if_content(&mut self, line: usize, context: Place) {
        if !self.lines[line].is_blank() {
            self.loose(line, context);
        }
    }

    fn loose(&mut self, line: usize, context: Place) {
        let text = self.lines[line].text.clone();
        self.loose.push(Loose {
            line,
            text,
            context,
        });
    }

    /// Reads a section from its heading to the next heading.
    fn section(&mut self, start: usize) -> (Section, usize) {
        let heading = self.heading[start].clone().unwrap_or_default();
        let item = list_item(&heading);
        let (title, presenter) = split_presenter(item.rest);
        let mut section = Section {
            number: item.number,
            title,
            presenter,
            discussion: Vec::new(),
            points: Vec::new(),
        };
        let title = section.title.clone();
        let n = self.lines.len();
        let mut i = start + 1;
        let mut after_table = false;
        while i < n {
            if self.skippable(i) {
                i += 1;
                continue;
            }
            let line = &self.lines[i];
            if self.heading[i].is_some() || is_agenda_heading(line) {
                break;
            }
            if is_discussion_label(line) {
                section
                    .discussion
                    .extend(line.non_empty_cells().skip(1).map(str::to_owned));
                i += 1;
                continue;
            }
            if is_action_header(line) {
                let skip = |k: usize| self.is_page_header(k);
                let stop = |k: usize| self.ends_table(k);
                let table = action_table(self.lines, i, &skip, &stop);
                section.points.extend(table.points);
                for row in table.odd_rows {
                    self.loose.push(Loose {
                        line: i,
                        text: row,
                        context: Place::OddRow(title.clone()),
                    });
                }
                i = table.end.max(i + 1);
                after_table = true;
                continue;
            }
            if line.text.len() <= 200 && crate::prose::is_closing(&line.text) {
                break;
            }
            if after_table && line.text.len() <= 160 && is_next_steps_title(&line.text) {
                // The next steps written as a plain paragraph after the last table.
                break;
            }
            if after_table {
                self.loose(i, Place::AfterTable(title.clone()));
            } else {
                section.discussion.push(line.text.clone());
            }
            i += 1;
        }
        (section, i)
    }

    /// A label's value: on the same line, or on the following line(s).
    fn label_value(&self, label: Label, inline: Option<String>, at: usize) -> (Vec<String>, usize) {
        let n = self.lines.len();
        let inline_value = inline.is_some();
        let mut values: Vec<String> = inline.into_iter().collect();
        let mut i = at + 1;
        // A value cell wrapped in its column: the next row holds only the rest of it.
        if let Some(value) = values.last_mut()
            && label != Label::Attendance
            && i < n
            && self.lines[i].has_tab()
            && self.lines[i].cells.first().is_some_and(String::is_empty)
            && self.lines[i].non_empty_cell_count() == 1
            && !self.is_structural(i)
        {
            value.push(' ');
            value.push_str(&self.lines[i].text);
            i += 1;
        }
        if values.is_empty() {
            while i < n && self.skippable(i) {
                i += 1;
            }
            if i < n && !self.is_structural(i) {
                values.push(self.lines[i].text.clone());
                i += 1;
            } else {
                return (values, at + 1);
            }
        }
        if label == Label::Attendance {
            i = self.attendance_lines(&mut values, inline_value, i);
        }
        (values, i)
    }
}

impl Reader<'_, '_> {
    /// The rest of an attendance list written one organisation per line, from line `i`: up to
    /// the next part of the canevas. Across a blank line the list goes on only with another
    /// entry like those before it (a bulleted line after bulleted ones, a short line in a list
    /// of short lines), so that a paragraph after the list is not taken for an organisation.
    fn attendance_lines(
        &self,
        values: &mut Vec<String>,
        inline_value: bool,
        mut i: usize,
    ) -> usize {
        let n = self.lines.len();
        loop {
            let mut j = i;
            let mut gap = false;
            while j < n && self.skippable(j) {
                gap |= self.lines[j].is_blank();
                j += 1;
            }
            if j >= n || self.is_structural(j) {
                return i;
            }
            let text = &self.lines[j].text;
            let bulleted = list_item(text).bulleted;
            let short = |t: &str| t.chars().count() <= 80 && !t.trim_end().ends_with(['.', ':']);
            let accept = !gap
                || (bulleted && values.iter().any(|v| list_item(v).bulleted))
                || (!inline_value && !bulleted && short(text) && values.iter().all(|v| short(v)));
            if !accept {
                return i;
            }
            values.push(text.clone());
            i = j + 1;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Header,
    Agenda,
    Body,
}

pub(crate) fn parse(
    lines: &[Line],
    body_override: Option<&NewBody>,
    full_text: &str,
) -> Result<(NewMeeting, Provenance), IngestError> {
    let mut r = Reader::new(lines);
    let n = lines.len();
    let mut warnings = Vec::new();
    let mut date_value: Option<String> = None;
    let mut time_value: Option<String> = None;
    let mut place_value: Option<String> = None;
    let mut attendance_values: Vec<String> = Vec::new();
    let mut agenda: Vec<AgendaEntry> = Vec::new();
    // The agenda items as written, to join an item wrapped over lines; and whether the list
    // ends its items with ';' or '.', which makes an item without them unfinished.
    let mut agenda_written: Vec<String> = Vec::new();
    let mut agenda_terminated = false;
    // Whether the agenda numbers or bullets its items.
    let mut agenda_listed = false;
    let mut sections: Vec<Section> = Vec::new();
    let mut orphan_points: Vec<NewActionPoint> = Vec::new();
    let mut next_steps_text: Option<String> = None;
    let mut saw_agenda_heading = false;
    let mut attendance_by_sentence = false;
    let mut provenance = Provenance::default();
    let mut zone = Zone::Header;
    let mut i = 0;
    while i < n {
        if r.skippable(i) {
            i += 1;
            continue;
        }
        if r.heading[i].is_some() {
            let (section, next) = r.section(i);
            sections.push(section);
            zone = Zone::Body;
            i = next;
            continue;
        }
        let line = &lines[i];
        if is_agenda_heading(line)
            || (zone == Zone::Header && agenda.is_empty() && crate::prose::announces_agenda(line))
        {
            saw_agenda_heading = true;
            zone = Zone::Agenda;
            i += 1;
            continue;
        }
        // A header written as a table: the labels in a row, their values in the row below.
        let row = crate::header::label_row(line).and_then(|labels| {
            let j = (i + 1..n).find(|&k| !lines[k].is_blank())?;
            let values = &lines[j];
            (values.non_empty_cell_count() == labels.len() && header_fields(values).is_empty())
                .then(|| {
                    let fields: Vec<(Label, Option<String>)> = labels
                        .into_iter()
                        .zip(values.non_empty_cells().map(|c| Some(c.to_owned())))
                        .collect();
                    (fields, j + 1)
                })
        });
        let (fields, row_end) = match row {
            Some((fields, end)) => (fields, Some(end)),
            None => (header_fields(line), None),
        };
        if !fields.is_empty() {
            let mut next = i + 1;
            let last = fields.len() - 1;
            for (k, (label, inline)) in fields.into_iter().enumerate() {
                // Only the last field of a line may continue on the lines below.
                let (values, after) = if k == last && row_end.is_none() {
                    r.label_value(label, inline, i)
                } else {
                    (inline.into_iter().collect(), next)
                };
                if k == last {
                    next = after;
                }
                if values.is_empty() {
                    warnings.push(crate::notes::warning(
                        label.field(),
                        "label-without-value",
                        &[("label", line.text.clone())],
                    ));
                    continue;
                }
                let slot = match label {
                    Label::Date => &mut date_value,
                    Label::Time => &mut time_value,
                    Label::Place => &mut place_value,
                    Label::Attendance => {
                        if crate::header::is_attendance_sentence(line) {
                            attendance_by_sentence = true;
                        }
                        attendance_values.extend(values);
                        continue;
                    }
                };
                if slot.is_some() {
                    // A second value for the same label: keep the first, report the second.
                    let label = Place::SecondLabel(line.text.trim().to_owned());
                    r.loose(i, label.clone());
                    for k in i + 1..after {
                        r.loose_if_content(k, label.clone());
                    }
                } else {
                    *slot = Some(values.join("\n"));
                }
            }
            i = row_end.unwrap_or(next);
            continue;
        }
        if is_discussion_label(line) {
            r.loose(i, Place::DiscussionLabel);
            i += 1;
            continue;
        }
        if is_action_header(line) {
            let skip = |k: usize| r.is_page_header(k);
            let stop = |k: usize| r.ends_table(k);
            let table = action_table(lines, i, &skip, &stop);
            match sections.last_mut() {
                Some(s) => s.points.extend(table.points),
                None => orphan_points.extend(table.points),
            }
            for row in table.odd_rows {
                r.loose.push(Loose {
                    line: i,
                    text: row,
                    context: Place::OddRowOutside,
                });
            }
            i = table.end.max(i + 1);
            continue;
        }
        if zone == Zone::Agenda
            && !agenda.is_empty()
            && repeats_agenda_entry(&line.text, &agenda_keys(&agenda))
        {
            // The agenda is over: its first item comes again as a section heading.
            zone = Zone::Body;
            if mark_repeated_headings(&mut r, i, &agenda) {
                continue;
            }
        }
        if zone == Zone::Agenda {
            if let Some(prev) = agenda_written.last_mut()
                && continues_agenda_item(prev, &line.text, agenda_terminated)
                && let Some(entry) = agenda_entry(&format!("{prev} {}", line.text))
            {
                prev.push(' ');
                prev.push_str(&line.text);
                *agenda.last_mut().expect("an entry per written item") = entry;
                i += 1;
                continue;
            }
            // A number that does not follow the list's ("1." after "5-") starts something
            // else: the sections.
            let item = list_item(&line.text);
            let restarts = item.number.is_some_and(|n| {
                agenda
                    .iter()
                    .rev()
                    .find_map(|e| e.number)
                    .is_some_and(|last| n <= last)
            });
            // In a numbered or bulleted list, a long line with neither is prose after it.
            let prose_after = agenda_listed
                && item.number.is_none()
                && !item.bulleted
                && line.text.chars().count() > 100;
            if let Some(entry) = agenda_entry(&line.text).filter(|_| !restarts && !prose_after) {
                if let Some(prev) = agenda_written.last() {
                    agenda_terminated |= prev.trim_end().ends_with([';', '.']);
                }
                agenda_listed |= item.number.is_some() || item.bulleted;
                agenda.push(entry);
                agenda_written.push(line.text.clone());
                i += 1;
                continue;
            }
            zone = Zone::Body;
            if mark_repeated_headings(&mut r, i, &agenda) {
                continue;
            }
        }
        if line.text.len() <= 160 && is_next_steps_title(&line.text) {
            // "Coordination prochaines étapes" written as a plain paragraph, without the
            // section's discussion label: what follows announces the next meeting.
            let mut k = i + 1;
            let mut text = Vec::new();
            while k < n && r.skippable(k) {
                k += 1;
            }
            while k < n && !lines[k].is_blank() && !r.is_structural(k) {
                text.push(lines[k].text.clone());
                k += 1;
            }
            if !text.is_empty() && next_steps_text.is_none() {
                next_steps_text = Some(text.join("\n"));
                i = k;
                continue;
            }
        }
        let context = match zone {
            Zone::Header => Place::Header,
            Zone::Agenda | Zone::Body if sections.is_empty() => Place::BeforeSections,
            _ => Place::OutsideSections,
        };
        r.loose(i, context);
        i += 1;
    }

    // Prose minutes say when and where in the sentence that says the meeting was held.
    let sentence = crate::prose::meeting_sentence(lines);
    let sentence_text = sentence.map(|k| lines[k].text.as_str());
    let mut sentence_used = false;
    // The date: the 'Date' label, else the meeting sentence, else the first date written in
    // the document.
    let mut date = date_value.as_deref().and_then(parse_french_date);
    if date.is_some() {
        provenance.set("date", FoundBy::Label);
    }
    if date.is_none() {
        if let Some(v) = &date_value {
            warnings.push(crate::notes::warning_with_text(
                "date",
                "date-unreadable",
                &[],
                v.clone(),
            ));
        }
        if let Some(d) = sentence_text.and_then(parse_french_date) {
            date = Some(d);
            sentence_used = true;
            provenance.set("date", FoundBy::Sentence);
        }
    }
    if date.is_none() {
        let found = lines
            .iter()
            .enumerate()
            .find_map(|(k, l)| parse_french_date(&l.text).map(|d| (k, d)));
        if let Some((k, d)) = found {
            if date_value.is_none() {
                warnings.push(crate::notes::warning_with_text(
                    "date",
                    "date-no-label",
                    &[],
                    lines[k].text.clone(),
                ));
            }
            date = Some(d);
            provenance.set("date", FoundBy::Inference);
        }
    }
    let Some(date) = date else {
        return Err(if saw_agenda_heading || !sections.is_empty() {
            IngestError::NoDate
        } else {
            IngestError::NoHeader
        });
    };

    let (start_time, end_time) = match &time_value {
        Some(v) => {
            let range = parse_time_range(v);
            if range.0.is_some() {
                provenance.set("time", FoundBy::Label);
            }
            if range.0.is_none() {
                warnings.push(crate::notes::warning_with_text(
                    "time",
                    "time-unreadable",
                    &[],
                    v.clone(),
                ));
            }
            range
        }
        None => match sentence_text.map(parse_time_range) {
            Some(range) if range.0.is_some() => {
                sentence_used = true;
                provenance.set("time", FoundBy::Sentence);
                range
            }
            _ => {
                warnings.push(crate::notes::warning("time", "time-no-label", &[]));
                (None, None)
            }
        },
    };

    if place_value.is_some() {
        provenance.set("place", FoundBy::Label);
    } else if let Some(p) = sentence_text.and_then(crate::prose::place_in_sentence) {
        place_value = Some(p);
        sentence_used = true;
        provenance.set("place", FoundBy::Sentence);
    }
    if sentence_used && let Some(k) = sentence {
        r.loose.retain(|l| l.line != k);
    }
    let place = place_value.map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "));
    if place.is_none() {
        warnings.push(crate::notes::warning("place", "place-no-label", &[]));
    }
    let modality = if place.as_deref().is_some_and(is_virtual_place) {
        Modality::Virtual
    } else {
        Modality::InPerson
    };
    // In person unless the place says otherwise: as sure as the place it is read from, else
    // assumed.
    provenance.set(
        "modality",
        provenance.of("place").unwrap_or(FoundBy::Default),
    );
    provenance.set(
        "attendance",
        if attendance_by_sentence {
            FoundBy::Sentence
        } else {
            FoundBy::Label
        },
    );
    // The agenda listed under its heading, or put together from the sections' headings.
    provenance.set(
        "agenda",
        if saw_agenda_heading {
            FoundBy::Label
        } else {
            FoundBy::Inference
        },
    );

    let mut function_attendees = Vec::new();
    let mut attendance: Vec<NewAttendee> = Vec::new();
    for entry in split_attendance(&attendance_values) {
        match crate::attendance::present(&entry) {
            Present::Organisation(o) => attendance.push(NewAttendee::organisation(o)),
            Present::Function(f) => function_attendees.push(NewFunctionAttendee::function(f)),
        }
    }
    warnings.extend(crate::attendance::functions_warning(&function_attendees));
    if attendance.is_empty() {
        warnings.push(crate::notes::warning("attendance", "attendance-none", &[]));
    }

    let mut agenda_items = match_sections(number_agenda(agenda), sections, &mut warnings);
    if !orphan_points.is_empty() {
        match agenda_items.last_mut() {
            Some(item) => item.action_points.extend(orphan_points),
            None => warnings.push(crate::notes::warning_with_text(
                "action_points",
                "actions-outside-agenda",
                &[],
                orphan_points
                    .iter()
                    .map(|p| p.what.clone())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )),
        }
    }
    if agenda_items.is_empty() {
        warnings.push(crate::notes::warning("agenda", "agenda-none", &[]));
    }
    if agenda_items.is_empty()
        && !saw_agenda_heading
        && r.title_idx.is_none()
        && place.is_none()
        && time_value.is_none()
    {
        // Nothing of the canevas at all: a date alone does not make minutes.
        if date_value.is_none() && attendance_values.is_empty() {
            return Err(IngestError::NoHeader);
        }
    }

    let next_meeting = next_meeting(
        &agenda_items,
        next_steps_text.as_deref(),
        lines,
        date,
        &mut warnings,
    );

    // The last line, alone after the last table, is the signature: "Le DRECM/R".
    let last_content = (0..n).rev().find(|&k| !r.skippable(k));
    let mut rapporteur = None;
    if let (Some(last), Some(loose)) = (last_content, r.loose.last())
        && loose.line == last
        && looks_like_signature(&loose.text)
        && !lines[last].has_tab()
    {
        rapporteur = Some(loose.text.clone());
        r.loose.pop();
    }

    warnings.extend(group_loose(&r, &r.loose));

    let title_text = r.title_idx.map(|k| lines[k].text.clone());
    let (body, body_warning, body_how) = match body_override {
        Some(b) => (b.clone(), None, FoundBy::Label),
        None => crate::body::infer(title_text.as_deref(), place.as_deref(), full_text),
    };
    provenance.set("body", body_how);
    provenance.set(
        "title",
        if title_text.is_some() {
            FoundBy::Label
        } else {
            FoundBy::Default
        },
    );
    warnings.extend(body_warning);
    let title = match title_text {
        Some(t) => t,
        None => {
            let t = format!(
                "Compte-rendu de la réunion du {} du {}",
                body.name,
                format_date_fr(date)
            );
            warnings.push(crate::notes::warning(
                "title",
                "title-none",
                &[("title", t.clone())],
            ));
            t
        }
    };

    let meeting = NewMeeting {
        body,
        kind: MeetingKind::WorkingGroupMinutes,
        title,
        date,
        start_time,
        end_time,
        place,
        modality,
        attendance,
        function_attendees,
        agenda: agenda_items,
        next_meeting,
        rapporteur,
        recommendations: Vec::new(),
        annexed_session: None,
        warnings,
        findings: Vec::new(),
        source: None,
    };
    Ok((meeting, provenance))
}

/// A line of the agenda list, or None when the line is prose rather than an item.
fn agenda_entry(text: &str) -> Option<AgendaEntry> {
    let item = list_item(text);
    if !item.bulleted && item.number.is_none() && text.chars().count() > 150 {
        return None;
    }
    let (title, presenter) = split_presenter(item.rest);
    if title.is_empty() {
        return None;
    }
    Some(AgendaEntry {
        number: item.number,
        title,
        presenter,
    })
}

/// Sections whose heading repeats an agenda item without a "Points de discussion clés" label
/// under it (prose minutes: "2°ème point : Divers"): every later line that repeats an item's
/// number and words opens that item's section. Returns whether line `from` is one.
fn mark_repeated_headings(r: &mut Reader, from: usize, agenda: &[AgendaEntry]) -> bool {
    if agenda.is_empty() {
        return false;
    }
    let titles = agenda_keys(agenda);
    for k in from..r.lines.len() {
        let l = &r.lines[k];
        if l.is_blank() || l.has_tab() || l.text.chars().count() > 300 || r.is_structural(k) {
            continue;
        }
        if repeats_agenda_entry(&l.text, &titles) {
            r.heading[k] = Some(l.text.clone());
        }
    }
    r.heading[from].is_some()
}

/// Each agenda item's number and the key of its title, computed once for all the lines.
fn agenda_keys(agenda: &[AgendaEntry]) -> Vec<(Option<u32>, String)> {
    agenda
        .iter()
        .map(|e| (e.number, cadre_domain::text::match_key(&e.title)))
        .collect()
}

/// Whether a line repeats an agenda item: its number (when both have one) and its words.
fn repeats_agenda_entry(text: &str, titles: &[(Option<u32>, String)]) -> bool {
    if text.chars().count() > 300 {
        return false;
    }
    let item = list_item(text);
    let (title, _) = split_presenter(item.rest);
    if item.number.is_none() && title.chars().count() < 5 {
        return false;
    }
    let key = cadre_domain::text::match_key(&title);
    titles.iter().any(|(number, t)| {
        (item.number.is_none() || number.is_none() || item.number == *number)
            && crate::prose::repeats_key(&key, t)
    })
}

/// The line under a letterhead that names the minutes ("COMPTE RENDU DE LA REUNION …"), when
/// the document does not open with it.
fn named_title(lines: &[Line], first: usize) -> Option<usize> {
    let names = |l: &Line| {
        l.key.contains("compterendu")
            || l.key.contains("procesverbal")
            || l.key.starts_with("reunion")
    };
    if names(&lines[first]) {
        return None;
    }
    (first..lines.len())
        .filter(|&k| !lines[k].is_blank())
        .take(12)
        .take_while(|&k| {
            let l = &lines[k];
            header_label(l).is_none() && !is_agenda_heading(l) && l.text.chars().count() <= 200
        })
        .find(|&k| names(&lines[k]))
}

/// Whether `next` continues the agenda item `prev` wrapped over lines: `next` has no number or
/// bullet of its own, `prev` has one, and either `next` starts in lower case or with the
/// presenter's parenthesis, or the list ends its items with ';' or '.' and `prev` has not.
fn continues_agenda_item(prev: &str, next: &str, terminated: bool) -> bool {
    let item = list_item(next);
    let own = list_item(prev);
    if item.bulleted || item.number.is_some() || !(own.bulleted || own.number.is_some()) {
        return false;
    }
    let prev = prev.trim_end();
    let next = next.trim_start();
    if prev.ends_with([';', '.']) || is_next_steps_title(next) || fold(next).starts_with("divers") {
        return false;
    }
    crate::lines::starts_lowercase(next)
        || next.starts_with('(')
        || terminated
        || ends_unfinished(prev)
}

/// A line cut after an article or a preposition ("… financé par la") is unfinished.
fn ends_unfinished(text: &str) -> bool {
    let last = text.rsplit([' ', '\'']).next().unwrap_or("");
    let f = fold(last);
    matches!(
        f.as_str(),
        "la" | "le"
            | "les"
            | "de"
            | "du"
            | "des"
            | "d"
            | "l"
            | "et"
            | "a"
            | "au"
            | "aux"
            | "pour"
            | "par"
            | "sur"
            | "en"
            | "dans"
            | "avec"
            | "sa"
            | "son"
            | "ses"
            | "un"
            | "une"
            | "leur"
            | "leurs"
            | "entre"
            | "vers"
            | "chez"
    ) || text.ends_with([',', '-', '–'])
}

/// The first line of a heading wrapped over the lines just above line `last` (no blank line
/// between), when one of them starts with a list number: "1. SUIVI DES POINTS" / "(SP/CCM)".
fn wrapped_heading_start(lines: &[Line], last: usize) -> Option<usize> {
    let mut k = last;
    for _ in 0..3 {
        let above = k.checked_sub(1)?;
        let l = &lines[above];
        if l.is_blank()
            || l.has_tab()
            || l.text.chars().count() > 150
            || l.text.trim_end().ends_with(['.', ';', ':'])
            || header_label(l).is_some()
            || is_agenda_heading(l)
            || is_discussion_label(l)
            || is_action_header(l)
        {
            return None;
        }
        if list_item(&l.text).number.is_some() {
            return Some(above);
        }
        k = above;
    }
    None
}

/// An unnumbered item before numbered ones is the opening (0); other unnumbered items follow
/// the one before them.
pub(crate) fn number_agenda(entries: Vec<AgendaEntry>) -> Vec<AgendaEntry> {
    let any_numbered = entries.iter().any(|e| e.number.is_some());
    let mut last: Option<u32> = None;
    entries
        .into_iter()
        .map(|mut e| {
            let n = match (e.number, last) {
                (Some(n), _) => n,
                (None, None) if any_numbered => 0,
                (None, None) => 1,
                (None, Some(l)) => l + 1,
            };
            e.number = Some(n);
            last = Some(n);
            e
        })
        .collect()
}

pub(crate) fn is_virtual_place(place: &str) -> bool {
    let f = fold(place);
    [
        "virtuel",
        "skype",
        "zoom",
        "teams",
        "visioconference",
        "visio-conference",
        "en ligne",
        "webex",
        "google meet",
    ]
    .iter()
    .any(|k| f.contains(k))
}

/// "-A -B ; -C", "· A" per line: one organisation per piece. A dash splits only after a space,
/// so "Forum-Réfugiés" and "ARC-EN-CIEL" stay whole.
pub(crate) fn split_attendance(values: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for value in &join_wrapped_entries(values) {
        for piece in value.split([';', '·', '•', '\n']) {
            if let Some(names) = split_dashes_without_spaces(piece) {
                for name in names {
                    push_name(&mut out, &name);
                }
                continue;
            }
            if let Some(names) = split_commas(piece) {
                for name in names {
                    push_name(&mut out, &name);
                }
                continue;
            }
            let mut names = Vec::new();
            let mut start = 0;
            let mut prev: Option<char> = None;
            let chars: Vec<(usize, char)> = piece.char_indices().collect();
            for (k, &(pos, c)) in chars.iter().enumerate() {
                let next_is_word = chars.get(k + 1).is_some_and(|(_, n)| !n.is_whitespace());
                if c == '-' && prev.is_none_or(char::is_whitespace) && next_is_word {
                    names.push(&piece[start..pos]);
                    start = pos + 1;
                }
                prev = Some(c);
            }
            names.push(&piece[start..]);
            // "-DRECM-R/Tahoua-Direction … -OIM": some spaces before dashes lost, some kept.
            for name in names {
                match split_dashes_without_spaces(&format!("-{}", name.trim())) {
                    Some(split) => split.iter().for_each(|n| push_name(&mut out, n)),
                    None => push_name(&mut out, name),
                }
            }
        }
    }
    out
}

/// An entry wrapped over two lines ("• Secrétariat … Migration (SP" then "CCM)") is one entry:
/// in a bulleted list, a line without a bullet continues the entry above; in any list, so does
/// a line that closes a parenthesis left open or starts in lower case.
fn join_wrapped_entries(values: &[String]) -> Vec<String> {
    let bulleted = values.iter().filter(|v| list_item(v).bulleted).count();
    let bulleted_list = bulleted >= 2 && bulleted * 2 >= values.len();
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let t = v.trim();
        let continues = !list_item(t).bulleted
            && out.last().is_some_and(|prev| {
                bulleted_list
                    || prev.matches('(').count() > prev.matches(')').count()
                    || t.starts_with(')')
                    || crate::lines::starts_lowercase(t)
            });
        match out.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(t);
            }
            _ => out.push(t.to_owned()),
        }
    }
    out
}

/// "HCR, OIM, UNICEF et DRC": organisations separated by commas, the last maybe by "et". A
/// comma followed by a lower-case word is inside a name ("Direction Régionale de l'Etat
/// Civil, des Migrations et des Réfugiés"). Applies only to a piece with two commas or more
/// between names, or one and a final conjunction: a lone comma may be part of a name.
fn split_commas(piece: &str) -> Option<Vec<String>> {
    if piece.contains(" -") || piece.trim_start().starts_with('-') {
        return None;
    }
    let mut parts: Vec<String> = vec![String::new()];
    let mut rest = piece;
    while let Some(at) = rest.find(',') {
        let after = &rest[at + 1..];
        let next_word_lower = crate::lines::starts_lowercase(after);
        let last = parts.last_mut().expect("a part");
        last.push_str(&rest[..at]);
        if next_word_lower {
            last.push(',');
        } else {
            parts.push(String::new());
        }
        rest = after;
    }
    parts.last_mut().expect("a part").push_str(rest);
    if parts.len() < 2 {
        return None;
    }
    let last = parts.pop().expect("a part");
    let tail = crate::tables::split_conjunction(last.trim().trim_end_matches('.'));
    if parts.len() < 2 && tail.len() < 2 {
        return None;
    }
    parts.extend(tail);
    Some(parts)
}

/// "-DRECM/R-IOM-UNHCR-ARC-EN-CIEL": a dash list whose spaces were lost, so that the dashes
/// between organisations look like those inside names. A careful reader splits at every dash
/// outside parentheses and joins back the pieces that together name a known organisation
/// ("ARC-EN-CIEL", "Forum-Réfugiés"). Applies only when no dash follows a space and at least
/// two known organisations come out; otherwise the name is left whole.
fn split_dashes_without_spaces(piece: &str) -> Option<Vec<String>> {
    use cadre_domain::organisation::{is_known_name, known};
    let body = piece.trim();
    if !body.starts_with('-') || body.contains(" -") || body.matches('-').count() < 2 {
        return None;
    }
    let mut parts: Vec<String> = vec![String::new()];
    let mut depth = 0usize;
    for c in body.trim_start_matches('-').chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c == '-' && depth == 0 {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts.retain(|p| !p.trim().is_empty());
    let mut out = Vec::new();
    let mut known_count = 0;
    let mut i = 0;
    while i < parts.len() {
        // Pieces are joined back only into a whole known name, never into "DRECM/R-IOM" on the
        // strength of its head alone.
        let names_known = |j: usize| {
            let name = parts[i..j].join("-");
            is_known_name(&name)
                || cadre_domain::organisation::regional_unit(&name)
                    .is_some_and(|(organisation, _)| is_known_name(&organisation))
        };
        let joined = (i + 2..=(i + 4).min(parts.len()))
            .rev()
            .find(|&j| names_known(j));
        let j = joined.unwrap_or(i + 1);
        known_count += usize::from(joined.is_some() || known(&parts[i]).is_some());
        out.push(parts[i..j].join("-"));
        i = j;
    }
    (known_count >= 2).then_some(out)
}

fn push_name(out: &mut Vec<String>, raw: &str) {
    let name = clean_written_name(raw);
    if !name.is_empty() && !cadre_domain::dates::means_none(&name) {
        out.push(name);
    }
}

fn looks_like_signature(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 80
        && !t.ends_with(['.', ':', ';', ','])
        && parse_french_date(t).is_none()
        && t.split_whitespace().count() <= 8
}

fn next_meeting(
    agenda: &[NewAgendaItem],
    standalone: Option<&str>,
    lines: &[Line],
    meeting_date: chrono::NaiveDate,
    warnings: &mut Vec<ImportWarning>,
) -> Option<NextMeeting> {
    // "le 16 mars 2023", "le 16 mars" (after the meeting), or a month only ("prévue pour le
    // mois de mai"), which is kept as a month.
    let dated = |l: &str| {
        let nm = NextMeeting::parse_after(l, meeting_date);
        (nm.date.is_some() || nm.month.is_some()).then_some(nm)
    };
    let with_date = |text: &str| {
        let lines: Vec<&str> = text.lines().collect();
        lines
            .iter()
            .find(|l| parse_french_date(l).is_some())
            .map(|l| NextMeeting::parse_after(l, meeting_date))
            .or_else(|| {
                lines.iter().find_map(|l| {
                    let f = fold(l);
                    (f.contains("prochaine") || f.contains("prevue") || f.contains("retenue"))
                        .then(|| dated(l))
                        .flatten()
                })
            })
    };
    if let Some(text) = standalone
        && let Some(nm) = with_date(text)
    {
        return Some(nm);
    }
    let steps = agenda.iter().find(|a| is_next_steps_title(&a.title));
    if let Some(item) = steps
        && let Some(nm) = with_date(&item.discussion)
    {
        return Some(nm);
    }
    // A table row ("Inviter … à la prochaine réunion<TAB>SP/CCM<TAB>3 avril") announces nothing.
    let announced = lines.iter().filter(|l| !l.has_tab()).find_map(|l| {
        let f = fold(&l.text);
        (f.contains("prochaine reunion") || f.contains("prochaine rencontre"))
            .then(|| dated(&l.text))
            .flatten()
    });
    if announced.is_some() {
        return announced;
    }
    if steps.is_some() || standalone.is_some() {
        warnings.push(crate::notes::warning(
            "next_meeting",
            "next-meeting-no-date",
            &[],
        ));
    }
    None
}

/// Consecutive unplaced lines from the same place become one warning.
fn group_loose(r: &Reader, loose: &[Loose]) -> Vec<ImportWarning> {
    let mut out: Vec<ImportWarning> = Vec::new();
    let mut prev: Option<&Loose> = None;
    for l in loose {
        let joins = prev.is_some_and(|p| {
            p.context == l.context
                && (p.line == l.line || (p.line + 1..l.line).all(|k| r.skippable(k)))
        });
        match out.last_mut() {
            Some(w) if joins => {
                if let Some(t) = w.text.as_mut() {
                    t.push('\n');
                    t.push_str(&l.text);
                }
            }
            _ => out.push(crate::notes::warning_with_text(
                "unplaced_text",
                "unplaced-text",
                &l.context.args(),
                l.text.clone(),
            )),
        }
        prev = Some(l);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendance_lists_whose_spaces_were_lost_split_between_known_names() {
        let names =
            split_attendance(&["-DRECM/R-IOM-UNHCR-INS-ARC-EN-CIEL-Association Tassara".into()]);
        assert_eq!(
            names,
            [
                "DRECM/R",
                "IOM",
                "UNHCR",
                "INS",
                "ARC-EN-CIEL",
                "Association Tassara"
            ]
        );
        let names = split_attendance(&[
            "-DRECM-R/Tahoua-Direction Régionale de la Femme de Tahoua-Danish Refugee Council (DRC) -GIZ-OIM".into(),
        ]);
        assert_eq!(
            names,
            [
                "DRECM-R/Tahoua",
                "Direction Régionale de la Femme de Tahoua",
                "Danish Refugee Council (DRC)",
                "GIZ",
                "OIM"
            ]
        );
        let names = split_attendance(&["-Forum-Réfugiés-ONU Femmes".into()]);
        assert_eq!(names, ["Forum-Réfugiés", "ONU Femmes"]);
        // Unknown compound names stay whole.
        assert_eq!(
            split_attendance(&["-Save-the-Children".into()]),
            ["Save-the-Children"]
        );
    }

    #[test]
    fn attendance_splits_on_dashes_after_spaces_only() {
        let v = vec!["-Forum-Réfugiés -ONU Femmes ; -Re.Mi -ARC-EN-CIEL".to_string()];
        assert_eq!(
            split_attendance(&v),
            vec!["Forum-Réfugiés", "ONU Femmes", "Re.Mi", "ARC-EN-CIEL"]
        );
        let v = vec!["· CICR".to_string(), "· GIZ/APM ".to_string()];
        assert_eq!(split_attendance(&v), vec!["CICR", "GIZ/APM"]);
    }

    #[test]
    fn entries_wrapped_over_two_lines_are_one() {
        let v: Vec<String> = [
            "• Secrétariat Permanent du Cadre de Concertation Migration (SP",
            "CCM)",
            "• OIM",
            "• Direction Régionale de la Promotion",
            "de la Femme",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            split_attendance(&v),
            [
                "Secrétariat Permanent du Cadre de Concertation Migration (SP CCM)",
                "OIM",
                "Direction Régionale de la Promotion de la Femme"
            ]
        );
        let commas = vec![
            "HCR, OIM, Direction Régionale de l'Etat Civil, des Migrations et des Réfugiés et DRC."
                .to_string(),
        ];
        assert_eq!(
            split_attendance(&commas),
            [
                "HCR",
                "OIM",
                "Direction Régionale de l'Etat Civil, des Migrations et des Réfugiés",
                "DRC"
            ]
        );
        assert_eq!(
            split_attendance(&["Ministère de l'Intérieur, de la Sécurité Publique".to_string()]),
            ["Ministère de l'Intérieur, de la Sécurité Publique"]
        );
        let plain: Vec<String> = ["OIM", "HCR"].map(String::from).to_vec();
        assert_eq!(split_attendance(&plain), ["OIM", "HCR"]);
    }

    #[test]
    fn opening_item_is_number_zero() {
        let e = |n: Option<u32>| AgendaEntry {
            number: n,
            title: "x".into(),
            presenter: None,
        };
        let numbered = number_agenda(vec![e(None), e(Some(1)), e(Some(2)), e(None)]);
        let nums: Vec<_> = numbered.iter().map(|e| e.number.unwrap()).collect();
        assert_eq!(nums, vec![0, 1, 2, 3]);
        let plain = number_agenda(vec![e(None), e(None)]);
        assert_eq!(
            plain.iter().map(|e| e.number.unwrap()).collect::<Vec<_>>(),
            vec![1, 2]
        );
    }
}
