//! Writers: a plan laid out in one style, with the small variations of real secretariats
//! (numbering, separators, label spellings) drawn at random.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike};

use super::facts;
use super::plan::{Action, Item, ItemKind, Plan};
use super::{Rng, Style};

pub(super) fn write(plan: &Plan, seed: u64) -> String {
    let mut w = Writer {
        rng: Rng::new(seed ^ 0x00C0_FFEE),
        out: Vec::new(),
    };
    match plan.style {
        Style::Canevas => w.canevas(plan),
        Style::SpacedLabels => w.spaced_labels(plan),
        Style::Airy => w.airy(plan),
        Style::WrappedAgenda => w.wrapped_agenda(plan),
        Style::FlatTables => w.flat_tables(plan),
        Style::Prose => w.prose(plan),
        Style::Furniture => w.furniture(plan),
        Style::OtherBody => w.other_body(plan),
    }
    let mut text = w.out.join("\n");
    text.push('\n');
    text
}

struct Writer {
    rng: Rng,
    out: Vec<String>,
}

/// How an agenda list or a section heading numbers its items.
#[derive(Clone, Copy)]
enum Numbering {
    Dash,
    Dot,
    Paren,
    Roman,
    DashedDash,
}

const NUMBERINGS: [Numbering; 5] = [
    Numbering::Dash,
    Numbering::Dot,
    Numbering::Paren,
    Numbering::Roman,
    Numbering::DashedDash,
];

fn roman(n: u32) -> &'static str {
    [
        "0", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    ][n as usize % 11]
}

fn numbered(numbering: Numbering, n: u32, text: &str) -> String {
    match numbering {
        Numbering::Dash => format!("{n}- {text}"),
        Numbering::Dot => format!("{n}. {text}"),
        Numbering::Paren => format!("{n}) {text}"),
        Numbering::Roman => format!("{}. {text}", roman(n)),
        Numbering::DashedDash => format!("- {n}- {text}"),
    }
}

fn with_presenter(item: &Item) -> String {
    match &item.presenter {
        Some(p) => format!("{} ({p})", item.title),
        None => item.title.clone(),
    }
}

fn clock(t: NaiveTime, style: usize) -> String {
    match style {
        0 => format!("{}H{:02}", t.hour(), t.minute()),
        1 => format!("{:02}h{:02}", t.hour(), t.minute()),
        2 if t.minute() == 0 => format!("{}h", t.hour()),
        2 => format!("{}h{:02}", t.hour(), t.minute()),
        _ => format!("{:02}:{:02}", t.hour(), t.minute()),
    }
}

fn long_date(d: NaiveDate) -> String {
    format!("{:02} {} {}", d.day(), facts::month(d), d.year())
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let last = lines.last_mut().expect("one line");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_owned());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

fn join_responsible(rng: &mut Rng, names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => match rng.below(3) {
            0 => format!("{} et {last}", init.join(", ")),
            1 => names.join(", "),
            _ => names.join(" ; "),
        },
    }
}

/// Consecutive actions with the same responsible and deadline, as one row of several points.
fn rows(actions: &[Action]) -> Vec<Vec<&Action>> {
    let mut out: Vec<Vec<&Action>> = Vec::new();
    for a in actions {
        match out.last_mut() {
            Some(row) if row[0].responsible == a.responsible && row[0].deadline == a.deadline => {
                row.push(a)
            }
            _ => out.push(vec![a]),
        }
    }
    out
}

impl Writer {
    fn line(&mut self, s: impl Into<String>) {
        self.out.push(s.into());
    }
    fn blank(&mut self) {
        self.out.push(String::new());
    }

    fn date(&mut self, d: NaiveDate) -> String {
        match self.rng.below(5) {
            0 | 1 => long_date(d),
            2 => d.format("%d/%m/%Y").to_string(),
            3 => format!("{} {}", capitalised(facts::weekday(d)), long_date(d)),
            _ => format!(
                "{:02} {} {}",
                d.day(),
                capitalised(facts::month(d)),
                d.year()
            ),
        }
    }

    fn time_range(&mut self, plan: &Plan) -> String {
        let style = self.rng.below(4);
        let start = clock(plan.start, style);
        match plan.end {
            None => match self.rng.below(2) {
                0 => start,
                _ => format!("A partir de {start}"),
            },
            Some(end) => {
                let end = clock(end, style);
                match self.rng.below(4) {
                    0 => format!("{start}-{end}"),
                    1 => format!("{start} - {end}"),
                    2 => format!("De {start} à {end}"),
                    _ => format!("{start} – {end}"),
                }
            }
        }
    }

    fn next_steps_sentence(&mut self, plan: &Plan) -> String {
        match plan.next {
            Some((d, t)) => {
                let when = format!("{} à {}", long_date(d), clock(t, self.rng.below(3)));
                match self.rng.below(3) {
                    0 => format!("La prochaine réunion est prévue le {when}."),
                    1 => format!(
                        "La date retenue par l'assistance pour la prochaine rencontre du GTM est le {when} dans la salle habituelle."
                    ),
                    _ => format!(
                        "La prochaine rencontre se tiendra le {} {when}.",
                        facts::weekday(d)
                    ),
                }
            }
            None => "La date de la prochaine réunion sera communiquée ultérieurement.".to_owned(),
        }
    }

    fn agenda_heading(&mut self) -> &'static str {
        *self.rng.pick::<&'static str>(&[
            "Points inscrits à l'ordre du jour",
            "Points inscrits à l'ordre du jour",
            "Points inscrits à l'ordre du jour :",
            "ORDRE DU JOUR",
            "Ordre du jour :",
        ])
    }

    fn attendance_inline(&mut self, plan: &Plan) -> String {
        match self.rng.below(6) {
            3 => plan
                .attendance
                .iter()
                .map(|o| format!("· {o}"))
                .collect::<Vec<_>>()
                .join(" "),
            4 => plan
                .attendance
                .iter()
                .map(|o| format!("• {o}"))
                .collect::<Vec<_>>()
                .join(" "),
            5 => {
                let (init, last) = plan.attendance.split_at(plan.attendance.len() - 1);
                format!("{} et {}", init.join(", "), last[0])
            }
            0 => plan
                .attendance
                .iter()
                .map(|o| format!("-{o}"))
                .collect::<Vec<_>>()
                .join(" "),
            1 => plan.attendance.join(" ; "),
            _ => plan
                .attendance
                .iter()
                .map(|o| format!("-{o} ;"))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// The agenda under its heading, numbered one of the usual ways.
    fn agenda(&mut self, plan: &Plan) {
        let heading = self.agenda_heading();
        self.line(heading);
        self.blank();
        let numbering = *self.rng.pick(&NUMBERINGS);
        self.agenda_list(plan, numbering, None);
        self.blank();
    }

    fn agenda_list(&mut self, plan: &Plan, numbering: Numbering, wrap_at: Option<usize>) {
        let last = plan.items.len();
        // Some lists end their items with ';' and '.', others with nothing.
        let punctuated = self.rng.chance(70);
        for (k, item) in plan.items.iter().enumerate() {
            let end = match (punctuated, k + 1 == last) {
                (false, _) => "",
                (true, true) => ".",
                (true, false) => " ;",
            };
            let text = numbered(numbering, item.number, &with_presenter(item)) + end;
            match wrap_at {
                Some(width) if text.chars().count() > width => {
                    for l in wrap(&text, width) {
                        self.line(l);
                    }
                }
                _ => self.line(text),
            }
        }
    }

    fn discussion_label(&mut self) -> &'static str {
        *self.rng.pick::<&'static str>(&[
            "Points de discussion clés",
            "Points de discussion clés",
            "Points de discussion clés :",
            "Points clés de discussion",
        ])
    }

    fn action_header(&mut self) -> &'static str {
        *self.rng.pick::<&'static str>(&[
            "Points d'action\tPersonnes/agences responsables\tDate limite",
            "Points d'actions\tStructures responsables\tDate limite",
            "Points d'action\tPersonne/Agence Responsable\tDate limite",
        ])
    }

    /// An action table with tab-separated cells.
    fn tab_table(&mut self, actions: &[Action]) {
        let header = self.action_header();
        self.line(header);
        if actions.is_empty() {
            let none = *self
                .rng
                .pick(&["N/A\t\t", "N/A\t/\t/", "//////////\t//////\t////"]);
            self.line(none);
            return;
        }
        for a in actions {
            let who = join_responsible(&mut self.rng, &a.responsible);
            self.line(format!("{}\t{who}\t{}", a.what, a.deadline));
        }
    }

    /// An action table flattened: each header cell, then each cell, on its own bulleted line,
    /// blank lines between.
    fn flat_table(&mut self, actions: &[Action]) {
        let headers = *self.rng.pick(&[
            [
                "Points d'actions :",
                "Personnes/Structures responsables :",
                "Date limite :",
            ],
            ["Points d'action", "Responsables", "Echéance"],
            [
                "Points d'action",
                "Personnes/agences responsables",
                "Date limite",
            ],
        ]);
        for h in headers {
            self.line(h);
            self.blank();
        }
        let bullet = *self.rng.pick(&["\u{F0D8} ", "\u{F0B7} ", "• ", "- ", ""]);
        if actions.is_empty() {
            for _ in 0..3 {
                self.line("//////////");
                self.blank();
            }
            return;
        }
        for row in rows(actions) {
            for a in &row {
                self.line(format!("{bullet}{}", a.what));
                self.blank();
            }
            let who = join_responsible(&mut self.rng, &row[0].responsible);
            self.line(format!("{bullet}{who}"));
            self.blank();
            self.line(format!("{bullet}{}", row[0].deadline));
            self.blank();
        }
    }

    /// An item's discussion under its label; the next steps announce the next meeting.
    fn discussion(&mut self, plan: &Plan, item: &Item, airy: bool) {
        let label = self.discussion_label();
        self.line(label);
        self.blank();
        let discussion = match item.kind {
            ItemKind::NextSteps => vec![self.next_steps_sentence(plan)],
            _ => item.discussion.clone(),
        };
        for d in discussion {
            self.line(d);
            if airy {
                self.blank();
            }
        }
    }

    /// The sections, one per agenda item, each written by `table`.
    fn sections(
        &mut self,
        plan: &Plan,
        numbering: Numbering,
        airy: bool,
        table: fn(&mut Writer, &[Action]),
    ) {
        for item in &plan.items {
            self.line(numbered(numbering, item.number, &with_presenter(item)));
            self.blank();
            self.discussion(plan, item, airy);
            self.blank();
            table(self, &item.actions);
            self.blank();
        }
    }

    fn rapporteur(&mut self, plan: &Plan) {
        if let Some(r) = plan.rapporteur {
            self.blank();
            self.line(r);
        }
    }

    fn canevas(&mut self, plan: &Plan) {
        self.line(plan.title());
        self.blank();
        let date = self.date(plan.date);
        let time = self.time_range(plan);
        if self.rng.chance(25) {
            // The header as a table of one row: the labels above, the values below.
            self.line("Date\tHeure\tLieu");
            self.line(format!("{date}\t{time}\t{}", plan.place));
        } else {
            self.line(format!("Date\t{date}"));
            self.line(format!("Heure\t{time}"));
            self.line(format!("Lieu\t{}", plan.place));
        }
        if self.rng.chance(50) {
            let list = self.attendance_inline(plan);
            self.line(format!("Présence\t{list}"));
        } else {
            for (k, o) in plan.attendance.iter().enumerate() {
                let label = if k == 0 { "Présence\t" } else { "\t" };
                self.line(format!("{label}· {o}"));
            }
        }
        self.blank();
        self.agenda(plan);
        let numbering = *self
            .rng
            .pick(&[Numbering::Dot, Numbering::Roman, Numbering::Dash]);
        self.sections(plan, numbering, false, Writer::tab_table);
        self.rapporteur(plan);
    }

    /// "Date 16 février 2023", "Heure\u{a0}9h-11h", "Time : …": the header fields in any order.
    fn spaced_header(&mut self, plan: &Plan) {
        let date = self.date(plan.date);
        let time = self.time_range(plan);
        let time_label = *self.rng.pick(&["Heure", "Time", "Horaire", "Heure"]);
        let mut fields = vec![
            ("Date", date),
            (time_label, time),
            ("Lieu", plan.place.to_owned()),
        ];
        // Any order: rotate and maybe swap.
        let r = self.rng.below(3);
        fields.rotate_left(r);
        if self.rng.chance(50) {
            fields.swap(0, 1);
        }
        for (label, value) in fields {
            let sep = *self.rng.pick(&[" ", "  ", "\u{a0}", " : ", ": ", "   "]);
            self.line(format!("{label}{sep}{value}"));
        }
        let sep = *self.rng.pick(&[" ", " : ", "\u{a0}"]);
        if self.rng.chance(50) {
            let list = self.attendance_inline(plan);
            self.line(format!("Présence{sep}{list}"));
        } else {
            self.line("Présence");
            for o in &plan.attendance {
                self.line(format!("-{o}"));
            }
        }
    }

    fn spaced_labels(&mut self, plan: &Plan) {
        self.line(plan.title());
        self.blank();
        self.spaced_header(plan);
        self.blank();
        let heading = self.agenda_heading();
        self.line(heading);
        let numbering = *self.rng.pick(&NUMBERINGS);
        self.agenda_list(plan, numbering, None);
        self.blank();
        self.sections(plan, Numbering::Dot, false, Writer::tab_table);
        self.rapporteur(plan);
    }

    fn airy(&mut self, plan: &Plan) {
        self.line(plan.title());
        self.blank();
        self.blank();
        let date = self.date(plan.date);
        let time = self.time_range(plan);
        let inline = self.rng.chance(50);
        for (label, value) in [
            ("Date", date),
            ("Heure", time),
            ("Lieu", plan.place.to_owned()),
        ] {
            if inline {
                self.line(format!("{label}\u{a0}: {value}"));
            } else {
                self.line(label);
                self.blank();
                self.line(value);
            }
            self.blank();
        }
        self.line("Présence");
        self.blank();
        let bullet = *self.rng.pick(&["\u{F0D8}", "\u{F0B7}", "•", "·", "-"]);
        for o in &plan.attendance {
            // Long names wrap; a slash inside parentheses is where Word breaks "(SP/CCM)".
            if o.chars().count() > 40 && self.rng.chance(70) {
                match o.rfind('/').filter(|&i| o[..i].contains('(')) {
                    Some(i) => {
                        self.line(format!("{bullet} {}", &o[..i]));
                        self.line(o[i + 1..].to_owned());
                    }
                    None => {
                        let parts = wrap(o, o.chars().count() / 2 + 4);
                        self.line(format!("{bullet} {}", parts[0]));
                        for p in &parts[1..] {
                            self.line(p.clone());
                        }
                    }
                }
            } else {
                self.line(format!("{bullet} {o}"));
            }
            self.blank();
        }
        self.line("Points inscrits à l'ordre du jour");
        self.blank();
        let numbering = *self.rng.pick(&NUMBERINGS);
        let last = plan.items.len();
        for (k, item) in plan.items.iter().enumerate() {
            let end = if k + 1 == last { "." } else { " ;" };
            self.line(numbered(numbering, item.number, &with_presenter(item)) + end);
            self.blank();
        }
        self.sections(plan, Numbering::Dot, true, Writer::tab_table);
        self.rapporteur(plan);
    }

    fn wrapped_agenda(&mut self, plan: &Plan) {
        self.line(plan.title());
        self.blank();
        self.spaced_header(plan);
        self.blank();
        self.line("Points inscrits à l'ordre du jour :");
        let numbering = *self
            .rng
            .pick(&[Numbering::Dash, Numbering::Dot, Numbering::Paren]);
        let width = self.rng.range(38, 52);
        self.agenda_list(plan, numbering, Some(width));
        self.blank();
        // The headings repeat the items in capitals, wrapped at their own width.
        let width = self.rng.range(45, 60);
        for item in &plan.items {
            let heading = numbered(Numbering::Dot, item.number, &with_presenter(item));
            for l in wrap(&heading.to_uppercase(), width) {
                self.line(l);
            }
            self.blank();
            self.discussion(plan, item, false);
            self.blank();
            self.tab_table(&item.actions);
            self.blank();
        }
        self.rapporteur(plan);
    }

    fn flat_tables(&mut self, plan: &Plan) {
        self.line(plan.title());
        self.blank();
        if self.rng.chance(50) {
            self.spaced_header(plan);
        } else {
            let date = self.date(plan.date);
            self.line(format!("Date\t{date}"));
            let time = self.time_range(plan);
            self.line(format!("Heure\t{time}"));
            self.line(format!("Lieu\t{}", plan.place));
            let list = self.attendance_inline(plan);
            self.line(format!("Présence\t{list}"));
        }
        self.blank();
        self.agenda(plan);
        self.sections(plan, Numbering::Dot, false, Writer::flat_table);
        self.rapporteur(plan);
    }

    fn prose(&mut self, plan: &Plan) {
        let region_upper = plan.region.to_uppercase();
        self.line("REPUBLIQUE DU NIGER");
        self.line("Fraternité – Travail – Progrès");
        self.line(format!("REGION {}", plan.region_of.to_uppercase()));
        self.line("DIRECTION REGIONALE DE L'ETAT CIVIL, DES MIGRATIONS ET DES REFUGIES");
        self.blank();
        // The letter is dated after the meeting: the header's date is not the meeting's.
        let written = plan.date + Duration::days(self.rng.range(1, 6) as i64);
        self.line(format!("{}, le {}", plan.region, long_date(written)));
        self.blank();
        self.line(plan.written_title());
        self.blank();
        let place = match lower_first(plan.place) {
            p if p.starts_with("salle") => format!("dans la {p}"),
            p => format!("au {p}"),
        };
        let when = format!(
            "{} {}",
            capitalised(facts::weekday(plan.date)),
            long_date(plan.date)
        );
        let hours = match plan.end {
            Some(end) => format!("de {} à {}", clock(plan.start, 1), clock(end, 1)),
            None => format!("à partir de {}", clock(plan.start, 1)),
        };
        let sentence = match self.rng.below(3) {
            0 => format!(
                "Le {when} s'est tenue {place} la réunion mensuelle du Groupe Technique sur la Migration (GTM) {}, {hours}.",
                plan.region_of
            ),
            1 => format!(
                "Le {} s'est tenue, {hours}, {place}, la réunion du GTM {}.",
                long_date(plan.date),
                plan.region_of
            ),
            _ => format!(
                "Le GTM {} s'est réuni le {when} {hours} {place}.",
                plan.region_of
            ),
        };
        self.line(sentence);
        self.line(format!(
            "La réunion a été présidée par le Directeur Régional de l'Etat Civil, des Migrations et des Réfugiés de {}.",
            plan.region
        ));
        if self.rng.chance(50) {
            let (init, last) = plan.attendance.split_at(plan.attendance.len() - 1);
            self.line(format!(
                "Ont pris part à cette réunion les représentants des structures suivantes : {} et {}.",
                init.join(", "),
                last[0]
            ));
        } else {
            self.line("Etaient présents les représentants des structures suivantes :");
            for o in &plan.attendance {
                self.line(format!("- {o} ;"));
            }
        }
        self.blank();
        let announce = *self.rng.pick(&[
            "1-L'ordre du jour de la réunion porte sur les points suivants :",
            "L'ordre du jour de la rencontre comportait les points suivants :",
        ]);
        self.line(announce);
        let ordinal = self.rng.below(4);
        let point = |n: u32, text: &str| -> String {
            match (ordinal, n) {
                (0, 1) | (1, 1) => format!("1er point : {text}"),
                (0, n) => format!("{n}ème point : {text}"),
                (1, n) => format!("{n}°ème point : {text}"),
                (2, n) => format!("Point {n} : {text}"),
                (_, n) => format!("{n}- {text}"),
            }
        };
        for item in &plan.items {
            self.line(point(item.number, &with_presenter(item)));
        }
        self.blank();
        for item in &plan.items {
            self.line(point(item.number, &item.title));
            for d in &item.discussion {
                self.line(d.clone());
            }
            if !item.actions.is_empty() {
                self.blank();
                self.tab_table(&item.actions);
            }
            self.blank();
        }
        let next = self.next_steps_sentence(plan);
        self.line(next);
        self.blank();
        self.line(format!(
            "L'ordre du jour étant épuisé, la séance a été levée à {}.",
            clock(plan.end.unwrap_or(plan.start), 1)
        ));
        self.blank();
        self.line(format!(
            "Fait à {}, le {}",
            region_title(&region_upper),
            long_date(written)
        ));
        self.rapporteur(plan);
    }

    fn furniture(&mut self, plan: &Plan) {
        self.line("Accueil");
        self.line("Actualités");
        self.line("Documents");
        self.line("Rechercher …");
        self.line(format!(
            "Vous êtes ici : Accueil > Documents > GTM {}",
            plan.region
        ));
        self.line(format!(
            "Publié le {}",
            long_date(plan.date + Duration::days(9))
        ));
        self.line("Document à Télécharger");
        self.blank();
        let start = self.out.len();
        self.canevas(plan);
        // A running title at the top of each page, and page numbers at the foot.
        let body: Vec<String> = self.out.split_off(start);
        let running = format!("GTM {} – Compte rendu de réunion", plan.region);
        let page_len = self.rng.range(18, 30);
        let pages = body.len().div_ceil(page_len);
        let on_first_page = self.rng.chance(50);
        for (k, chunk) in body.chunks(page_len).enumerate() {
            if k > 0 || on_first_page {
                self.line(running.clone());
            }
            self.out.extend(chunk.iter().cloned());
            let number = match self.rng.below(3) {
                0 => format!("Page {} sur {pages}", k + 1),
                1 => format!("{}/{pages}", k + 1),
                _ => format!("- {} -", k + 1),
            };
            self.line(number);
        }
        self.blank();
        self.line("Partager : Facebook Twitter LinkedIn");
        self.line("© SP/CCM – Tous droits réservés");
    }

    fn other_body(&mut self, plan: &Plan) {
        self.line(plan.title());
        self.blank();
        let date = self.date(plan.date);
        let time = self.time_range(plan);
        match self.rng.below(4) {
            0 => self.line(format!(
                "Date : {date} Heure : {time} Lieu : {}",
                plan.place
            )),
            3 => self.line(format!("Date\t{date}\tHeure\t{time}\tLieu\t{}", plan.place)),
            1 => self.line(format!(
                "Date : {date}\tHeure : {time}\tLieu : {}",
                plan.place
            )),
            _ => self.line(format!(
                "Date: {date} | Heure: {time} | Lieu: {}",
                plan.place
            )),
        }
        if self.rng.chance(50) {
            self.line(format!(
                "Organisations participantes : {}",
                plan.attendance.join(", ")
            ));
        } else {
            self.line("Organisations participantes :");
            for o in &plan.attendance {
                self.line(format!("• {o}"));
            }
        }
        self.blank();
        let heading = *self
            .rng
            .pick(&["Ordre du jour", "Points inscrits à l'ordre du jour"]);
        self.line(heading);
        let numbering = *self
            .rng
            .pick(&[Numbering::Dot, Numbering::Dash, Numbering::Paren]);
        self.agenda_list(plan, numbering, None);
        self.blank();
        self.sections(plan, Numbering::Dot, false, Writer::tab_table);
        self.rapporteur(plan);
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn region_title(upper: &str) -> String {
    capitalised(&upper.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word() {
        let text = "Présentation du projet Re.Mi financé par la Coopération italienne (Nexus)";
        let lines = wrap(text, 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 30));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn roman_and_numbered() {
        assert_eq!(numbered(Numbering::Roman, 4, "Divers"), "IV. Divers");
        assert_eq!(numbered(Numbering::DashedDash, 2, "x"), "- 2- x");
    }
}
