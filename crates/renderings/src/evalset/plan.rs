//! What a generated meeting was: the facts a writer lays out and the labels it is scored on.

use cadre_domain::dates::MonthOfYear;
use cadre_domain::{
    ActionStatus, Deadline, DeadlineMeaning, MeetingKind, Modality, NewActionPoint, NewAgendaItem,
    NewAttendee, NewBody, NewFunctionAttendee, NewMeeting, NextMeeting,
};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use super::facts::{self, Region};
use super::{Rng, Style};

#[derive(Debug, Clone)]
pub struct Plan {
    pub style: Style,
    pub region: &'static str,
    /// "d'Agadez", "de Tahoua".
    pub region_of: &'static str,
    /// A body outside the GTMs, named as the document names it.
    pub other_body: Option<&'static str>,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: Option<NaiveTime>,
    pub place: &'static str,
    pub online: bool,
    /// The attendance list as written, in its order: organisations, and sometimes the function
    /// of a person where an organisation was expected.
    pub attendance: Vec<String>,
    /// The entries of `attendance` that are functions of people, and the organisation each
    /// names, if any ("SG/CR/Zinder" → "CR/Zinder").
    pub functions: Vec<(String, Option<String>)>,
    pub items: Vec<Item>,
    pub next: Option<(NaiveDate, NaiveTime)>,
    pub rapporteur: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Topic,
    Divers,
    NextSteps,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub number: u32,
    pub title: String,
    pub presenter: Option<String>,
    pub kind: ItemKind,
    pub discussion: Vec<String>,
    pub actions: Vec<Action>,
}

#[derive(Debug, Clone)]
pub struct Action {
    pub what: String,
    pub responsible: Vec<String>,
    pub deadline: String,
    pub meaning: DeadlineMeaning,
}

const RAPPORTEURS: &[&str] = &["Le Rapporteur", "Le DRECM-R", "Le Secrétaire Permanent"];

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("valid time")
}

impl Plan {
    pub fn new(seed: u64, style: Style) -> Plan {
        let mut rng = Rng::new(seed);
        let (region, other_body): (&Region, Option<&'static str>) = if style == Style::OtherBody {
            let (name, region) = *rng.pick(facts::OTHER_BODIES);
            let r = facts::REGIONS
                .iter()
                .find(|r| r.name == region)
                .expect("a known region");
            (r, Some(name))
        } else if style == Style::Prose {
            // The prose minutes seen are regional (Agadez); any region writes them.
            (
                &facts::REGIONS[1 + rng.below(facts::REGIONS.len() - 1)],
                None,
            )
        } else {
            (rng.pick(facts::REGIONS), None)
        };
        let date = NaiveDate::from_ymd_opt(2021, 1, 4).expect("date")
            + Duration::days(rng.below(3 * 365) as i64);
        // Meetings are held on working days.
        let date = match date.weekday().num_days_from_monday() {
            5 => date + Duration::days(2),
            6 => date + Duration::days(1),
            _ => date,
        };
        let start = time(rng.range(8, 10) as u32, [0, 15, 30][rng.below(3)]);
        let end =
            (!rng.chance(15)).then(|| time(rng.range(11, 13) as u32, [0, 20, 30][rng.below(3)]));
        let online = rng.chance(12) && style != Style::Prose;
        let place = if online {
            *rng.pick(facts::ONLINE)
        } else {
            *rng.pick(region.places)
        };
        let mut attendance: Vec<String> = Vec::new();
        if region.name != "Niamey" || rng.chance(50) {
            for o in facts::regional_attendance(region.name) {
                if rng.chance(70) {
                    attendance.push(o);
                }
            }
        }
        let want = rng.range(5, 13);
        while attendance.len() < want {
            let o = rng.pick(facts::ATTENDANCE).to_string();
            if !attendance.contains(&o) {
                attendance.push(o);
            }
        }
        // Functions of people written in the list as if they were institutions.
        let mut functions: Vec<(String, Option<String>)> = Vec::new();
        if rng.chance(35) {
            let choices: [(String, Option<String>); 5] = [
                (format!("Chauffeur {}", region.name), None),
                ("Garde".to_owned(), None),
                ("Modérateur".to_owned(), None),
                ("Chef Div SFM".to_owned(), None),
                (
                    format!("SG/CR/{}", region.name),
                    Some(format!("CR/{}", region.name)),
                ),
            ];
            for _ in 0..rng.range(1, 2) {
                let f = rng.pick(&choices).clone();
                if !functions.contains(&f) {
                    let at = rng.below(attendance.len() + 1);
                    attendance.insert(at, f.0.clone());
                    functions.push(f);
                }
            }
        }
        let mut items = Vec::new();
        let topics = if style == Style::Prose {
            rng.range(3, 4)
        } else {
            rng.range(2, 4)
        };
        let mut used = Vec::new();
        while used.len() < topics {
            let k = rng.below(facts::TOPICS.len());
            if !used.contains(&k) {
                used.push(k);
            }
        }
        for k in used {
            let t = &facts::TOPICS[k];
            let actions = (0..[0, 1, 1, 2, 3][rng.below(5)])
                .map(|_| action(&mut rng, date))
                .collect::<Vec<_>>();
            let mut actions_unique: Vec<Action> = Vec::new();
            for a in actions {
                if !actions_unique.iter().any(|b| b.what == a.what) {
                    actions_unique.push(a);
                }
            }
            if style == Style::FlatTables && actions_unique.len() >= 2 && rng.chance(60) {
                // Several points in one row: they share the row's responsible and deadline.
                let (first, rest) = actions_unique.split_at_mut(1);
                rest[0].responsible = first[0].responsible.clone();
                rest[0].deadline = first[0].deadline.clone();
                rest[0].meaning = first[0].meaning;
            }
            items.push(Item {
                number: items.len() as u32 + 1,
                title: t.title.to_owned(),
                presenter: t.presenter.map(str::to_owned),
                kind: ItemKind::Topic,
                discussion: t.discussion.iter().map(|s| (*s).to_owned()).collect(),
                actions: actions_unique,
            });
        }
        if rng.chance(80) {
            items.push(Item {
                number: items.len() as u32 + 1,
                title: "Divers".into(),
                presenter: None,
                kind: ItemKind::Divers,
                discussion: vec![rng.pick(facts::DIVERS_DISCUSSION).to_string()],
                actions: Vec::new(),
            });
        }
        let next = rng.chance(80).then(|| {
            (
                date + Duration::days(rng.range(25, 40) as i64),
                time(rng.range(9, 10) as u32, [0, 30][rng.below(2)]),
            )
        });
        if style != Style::Prose {
            items.push(Item {
                number: items.len() as u32 + 1,
                title: "Coordination prochaines étapes".into(),
                presenter: None,
                kind: ItemKind::NextSteps,
                discussion: Vec::new(),
                actions: Vec::new(),
            });
        }
        let rapporteur = rng.chance(30).then(|| *rng.pick(RAPPORTEURS));
        Plan {
            style,
            region: region.name,
            region_of: region.of,
            other_body,
            date,
            start,
            end,
            place,
            online,
            attendance,
            functions,
            items,
            next,
            rapporteur,
        }
    }

    /// The body's name as the title writes it.
    pub fn body_name(&self) -> String {
        match self.other_body {
            Some(name) => name.to_owned(),
            None => format!("GTM {}", self.region),
        }
    }

    pub fn body(&self) -> NewBody {
        match self.other_body {
            Some(name) => NewBody {
                code: cadre_domain::text::slug(name),
                name: name.to_owned(),
                level: cadre_domain::BodyLevel::Regional,
                region: Some(self.region.to_owned()),
            },
            None => NewBody::gtm(self.region),
        }
    }

    /// The title line every style but prose writes first.
    pub fn title(&self) -> String {
        match self.other_body {
            Some(name) => format!("Compte rendu de la réunion du {name}"),
            None if self.region == "Niamey" => "Compte-rendu de la réunion du Groupe Technique sur la Migration – Coordination et partage de l'information".to_owned(),
            None => format!(
                "Compte-rendu de la réunion du Groupe Technique sur la Migration {} – Coordination et partage de l'information",
                self.region_of
            ),
        }
    }

    /// The meeting the document records: its labels.
    pub fn truth(&self) -> NewMeeting {
        let agenda = self
            .items
            .iter()
            .map(|item| NewAgendaItem {
                number: item.number,
                title: item.title.clone(),
                presenter: item.presenter.clone(),
                discussion: item.discussion.join("\n"),
                action_points: item
                    .actions
                    .iter()
                    .map(|a| NewActionPoint {
                        what: a.what.clone(),
                        responsible: a.responsible.clone(),
                        deadline: Deadline {
                            as_written: a.deadline.clone(),
                            meaning: a.meaning,
                        },
                        status: ActionStatus::Open,
                    })
                    .collect(),
            })
            .collect();
        NewMeeting {
            body: self.body(),
            kind: MeetingKind::WorkingGroupMinutes,
            title: self.written_title(),
            date: self.date,
            start_time: Some(self.start),
            end_time: self.end,
            place: Some(self.place.to_owned()),
            modality: if self.online {
                Modality::Virtual
            } else {
                Modality::InPerson
            },
            attendance: self
                .attendance
                .iter()
                // A function held in an organisation stands for it, kept as written.
                .filter(|written| !self.functions.contains(&((*written).clone(), None)))
                .cloned()
                .map(NewAttendee::organisation)
                .collect(),
            // In the list's order, like the reader keeps them.
            function_attendees: self
                .attendance
                .iter()
                .filter(|written| self.functions.contains(&((*written).clone(), None)))
                .map(|function| NewFunctionAttendee::function(function.clone()))
                .collect(),
            agenda,
            next_meeting: self.next.map(|(d, t)| NextMeeting {
                as_written: String::new(),
                date: Some(d),
                month: None,
                time: Some(t),
            }),
            rapporteur: self.rapporteur.map(str::to_owned),
            recommendations: Vec::new(),
            annexed_session: None,
            warnings: Vec::new(),
            findings: Vec::new(),
            source: None,
        }
    }

    /// The title as the document writes it: prose minutes write theirs in capitals.
    pub fn written_title(&self) -> String {
        if self.style == Style::Prose {
            format!(
                "COMPTE RENDU DE LA REUNION DU GROUPE TECHNIQUE SUR LA MIGRATION (GTM) {}",
                self.region_of.to_uppercase()
            )
        } else {
            self.title()
        }
    }
}

fn action(rng: &mut Rng, date: NaiveDate) -> Action {
    let what = rng.pick(facts::ACTIONS).to_string();
    let responsible: Vec<String> = rng
        .pick(facts::RESPONSIBLE)
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let (deadline, meaning) = deadline(rng, date);
    Action {
        what,
        responsible,
        deadline,
        meaning,
    }
}

/// A deadline as written and what it means.
fn deadline(rng: &mut Rng, meeting: NaiveDate) -> (String, DeadlineMeaning) {
    let due = meeting + Duration::days(rng.range(14, 75) as i64);
    match rng.below(9) {
        0 | 1 => (
            format!("{} {} {}", due.day(), facts::month(due), due.year()),
            DeadlineMeaning::Date { date: due },
        ),
        2 => (
            due.format("%d/%m/%Y").to_string(),
            DeadlineMeaning::Date { date: due },
        ),
        3 => {
            let m = MonthOfYear {
                year: due.year(),
                month: due.month(),
            };
            (
                format!("Fin {} {}", facts::month(due), due.year()),
                DeadlineMeaning::Month {
                    year: m.year,
                    month: m.month,
                },
            )
        }
        4 => (
            meeting.year().to_string(),
            DeadlineMeaning::Year {
                year: meeting.year(),
            },
        ),
        5 => (
            (*rng.pick(&["Le plus tôt possible", "Dès que possible"])).to_owned(),
            DeadlineMeaning::AsSoonAsPossible,
        ),
        6 => (
            (*rng.pick(&["Au cours de l'atelier", "Lors de la prochaine réunion"])).to_owned(),
            DeadlineMeaning::AtEvent,
        ),
        7 => ("En continu".to_owned(), DeadlineMeaning::Ongoing),
        _ => (
            (*rng.pick(&["N/A", "/", "-"])).to_owned(),
            DeadlineMeaning::None,
        ),
    }
}
