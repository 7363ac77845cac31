//! Personal data must never reach public pages, logs or exports. Free text read from documents
//! (discussion points, unplaced lines in warnings) can still carry a phone number or an e-mail
//! address, so anything printed or published from such text goes through [`redact_contacts`].

/// Replaces e-mail addresses and phone numbers (8 or more digits, spaces, dots or dashes allowed
/// between them, optional leading +) with a placeholder.
pub fn redact_contacts(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        let core = word.trim_end();
        if looks_like_email(core) {
            out.push_str("[adresse masquée]");
            out.push_str(&word[core.len()..]);
        } else {
            out.push_str(word);
        }
    }
    redact_phones(&out)
}

fn looks_like_email(word: &str) -> bool {
    let w = word.trim_matches(|c: char| {
        matches!(
            c,
            '(' | ')' | '<' | '>' | ',' | ';' | '.' | ':' | '"' | '\''
        )
    });
    match w.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

fn redact_phones(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_number = (chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            && (i == 0 || !chars[i - 1].is_alphanumeric());
        if starts_number {
            // Extend over digits and single separators between digits, remembering the groups.
            let plus = chars[i] == '+';
            let mut j = if plus { i + 1 } else { i };
            let mut groups: Vec<usize> = vec![0];
            let mut end = j;
            while j < chars.len() {
                if chars[j].is_ascii_digit() {
                    *groups.last_mut().expect("one group") += 1;
                    j += 1;
                    end = j;
                } else if matches!(chars[j], ' ' | '.' | '-')
                    && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    groups.push(0);
                    j += 1;
                } else {
                    break;
                }
            }
            let digits: usize = groups.iter().sum();
            let followed_by_letter = chars.get(end).is_some_and(|c| c.is_alphabetic());
            // One run of 8+ digits ("96972539"), or short groups ("96 97 25 39"), or an
            // international number: years, ranges ("2020-2035") and counts ("147 000") are not.
            let phone_shape = plus
                || (groups.len() == 1 && (8..=15).contains(&digits))
                || (groups.len() > 1 && groups.iter().all(|g| *g <= 3));
            if digits >= 8 && phone_shape && !followed_by_letter {
                out.push_str("[numéro masqué]");
                i = end;
                continue;
            }
            out.extend(&chars[i..end]);
            i = end;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_masked_and_other_text_kept() {
        let line = "12\tJean Dupont\tOIM/Niger\t80066573\tjdupont@iom.int";
        let r = redact_contacts(line);
        assert!(
            !r.contains("80066573") && !r.contains("jdupont@iom.int"),
            "{r}"
        );
        assert!(r.contains("Jean Dupont") && r.contains("OIM/Niger") && r.starts_with("12\t"));
        assert!(!redact_contacts("Tél : +227 96 12 34 56").contains("96 12 34 56"));
        // Dates, years, decree numbers and figures are not phone numbers.
        for keep in [
            "le 16/03/2023",
            "décret n°2020-744",
            "Plus de 147 000 flux",
            "2020-2035",
            "AID 012590/03/2",
        ] {
            assert_eq!(redact_contacts(keep), keep);
        }
    }
}

/// Masks contacts in `s` in place; most text has none, so it is only rebuilt when it might.
fn mask(s: &mut String) {
    if s.contains('@') || s.chars().filter(char::is_ascii_digit).count() >= 8 {
        *s = redact_contacts(s);
    }
}

fn mask_opt(s: &mut Option<String>) {
    if let Some(s) = s.as_mut() {
        mask(s);
    }
}

impl crate::Meeting {
    /// The meeting as it may be published: free text read from the document keeps its words,
    /// with any phone number or e-mail address in it masked. Storage keeps the original.
    pub fn for_publication(mut self) -> crate::Meeting {
        mask(&mut self.title);
        mask_opt(&mut self.place);
        mask_opt(&mut self.rapporteur);
        if let Some(next) = self.next_meeting.as_mut() {
            mask(&mut next.as_written);
        }
        for item in &mut self.agenda {
            mask(&mut item.title);
            mask(&mut item.discussion);
            item.action_points
                .iter_mut()
                .for_each(crate::ActionPoint::mask_contacts);
        }
        for w in &mut self.warnings {
            mask(&mut w.message);
            mask_opt(&mut w.text);
        }
        for f in &mut self.findings {
            mask(&mut f.found);
        }
        self
    }
}

impl crate::ActionPoint {
    fn mask_contacts(&mut self) {
        mask(&mut self.what);
        mask(&mut self.responsible_as_written);
        mask(&mut self.deadline.as_written);
    }

    /// See [`crate::Meeting::for_publication`].
    pub fn for_publication(mut self) -> crate::ActionPoint {
        self.mask_contacts();
        self
    }
}

impl crate::Recommendation {
    /// See [`crate::Meeting::for_publication`].
    pub fn for_publication(mut self) -> crate::Recommendation {
        mask(&mut self.text);
        mask_opt(&mut self.implementation_status);
        mask_opt(&mut self.challenges);
        mask_opt(&mut self.perspectives);
        self
    }
}

#[cfg(test)]
mod publication_tests {
    use crate::*;

    #[test]
    fn published_meetings_mask_contacts_in_free_text() {
        let action = ActionPoint {
            id: 1,
            meeting_id: 1,
            meeting_date: chrono::NaiveDate::from_ymd_opt(2023, 2, 16).unwrap(),
            body: "GTM Niamey".into(),
            agenda_item_id: 1,
            agenda_item_title: "Divers".into(),
            what: "Appeler le point focal au 96 12 34 56".into(),
            responsible: vec![],
            responsible_as_written: "OIM".into(),
            deadline: Deadline::parse("2023"),
            status: ActionStatus::Open,
        };
        let meeting = Meeting {
            id: 1,
            body: Body {
                id: 1,
                code: "gtm-niamey".into(),
                name: "GTM Niamey".into(),
                level: BodyLevel::National,
                region: None,
            },
            kind: MeetingKind::WorkingGroupMinutes,
            title: "Compte-rendu".into(),
            date: action.meeting_date,
            start_time: None,
            end_time: None,
            place: None,
            modality: Modality::InPerson,
            attendance: vec![],
            agenda: vec![AgendaItem {
                id: 1,
                number: 1,
                title: "Divers".into(),
                presenter: None,
                discussion: "Écrire à point.focal@example.org pour la fiche, en 2023.".into(),
                action_points: vec![action],
            }],
            next_meeting: None,
            rapporteur: None,
            status: crate::MeetingStatus::Draft,
            warnings: vec![ImportWarning::with_text(
                "unplaced_text",
                "kept",
                "7\tA. B.\tOIM\t80066573\tab@iom.int",
            )],
            findings: vec![crate::FieldFinding::new(
                "attendance",
                "OIM (contact: 96 12 34 56)",
            )],
            source: None,
        };
        let json = format!("{:?}", meeting.for_publication());
        for secret in [
            "96 12 34 56",
            "point.focal@example.org",
            "80066573",
            "ab@iom.int",
        ] {
            assert!(!json.contains(secret), "{secret} published");
        }
        assert!(json.contains("pour la fiche, en 2023") && json.contains("Appeler le point focal"));
    }
}
