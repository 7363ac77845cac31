//! The domain records as they may leave Cadre: free text read from documents keeps its words,
//! with every phone number or e-mail address in it masked. Storage keeps the original.

use super::mask_contacts;

/// Masks contacts in `s` in place; most text has none and is left as it is.
fn mask(s: &mut String) {
    if let std::borrow::Cow::Owned(masked) = mask_contacts(s) {
        *s = masked;
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
        // A cell run into its neighbour can carry a participant's number.
        for a in &mut self.attendance {
            mask(&mut a.as_written);
            mask_opt(&mut a.person_name);
        }
        for f in &mut self.function_attendees {
            mask(&mut f.function);
            mask_opt(&mut f.person_name);
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

/// Any value as JSON with every string in it masked ([`mask_contacts`]), keys included: the
/// last step of every JSON that leaves Cadre (API responses, exports), so that a field added
/// tomorrow cannot carry a contact out even if nobody thought of masking it.
pub fn publish_json<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Result<serde_json::Value, serde_json::Error> {
    let mut json = serde_json::to_value(value)?;
    mask_json(&mut json);
    Ok(json)
}

pub fn mask_json(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(s) => mask(s),
        Value::Array(items) => items.iter_mut().for_each(mask_json),
        Value::Object(map) => {
            if map
                .keys()
                .any(|k| matches!(mask_contacts(k), std::borrow::Cow::Owned(_)))
            {
                let entries = std::mem::take(map);
                for (k, mut v) in entries {
                    mask_json(&mut v);
                    map.insert(mask_contacts(&k).into_owned(), v);
                }
            } else {
                map.values_mut().for_each(mask_json);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// A cell of an exported spreadsheet (CSV, Excel): contacts masked, and a leading `=`, `+`,
/// `-`, `@`, tab or carriage return neutralised with an apostrophe, so that a spreadsheet
/// opening the file never reads the cell as a formula (CSV injection).
pub fn spreadsheet_cell(text: &str) -> std::borrow::Cow<'_, str> {
    let masked = mask_contacts(text);
    if masked.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{masked}"))
    } else {
        masked
    }
}

#[cfg(test)]
mod publication_tests {
    use crate::*;

    #[test]
    fn published_meetings_mask_contacts_in_free_text() {
        let action = ActionPoint {
            id: ActionPointId::new(1),
            meeting_id: MeetingId::new(1),
            meeting_date: chrono::NaiveDate::from_ymd_opt(2023, 2, 16).unwrap(),
            body: "GTM Niamey".into(),
            agenda_item_id: AgendaItemId::new(1),
            agenda_item_title: "Divers".into(),
            what: "Appeler le point focal au 96 12 34 56".into(),
            responsible: vec![],
            responsible_as_written: "OIM".into(),
            deadline: Deadline::parse("2023"),
            status: ActionStatus::Open,
        };
        let meeting = Meeting {
            id: MeetingId::new(1),
            body: Body {
                id: BodyId::new(1),
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
            function_attendees: vec![crate::FunctionAttendee {
                function: "Chauffeur Dosso 94 00 00 01".into(),
                person_name: Some("I. G. i.g@example.org".into()),
            }],
            agenda: vec![AgendaItem {
                id: AgendaItemId::new(1),
                number: 1,
                title: "Divers".into(),
                presenter: None,
                discussion: "Écrire à point.focal@example.org pour la fiche, en 2023.".into(),
                action_points: vec![action],
            }],
            next_meeting: None,
            rapporteur: None,
            status: crate::MeetingStatus::Draft,
            version: 1,
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
            "94 00 00 01",
            "i.g@example.org",
        ] {
            assert!(!json.contains(secret), "{secret} published");
        }
        assert!(json.contains("Chauffeur Dosso"), "{json}");
        assert!(json.contains("pour la fiche, en 2023") && json.contains("Appeler le point focal"));
    }

    /// Whatever JSON goes out (any nesting, contacts in keys or values, in any written
    /// form), none of its strings still holds a contact.
    #[test]
    fn published_json_holds_no_contact() {
        use proptest::prelude::*;
        let text = "[ 0-9a-z@.()\\[\\]/+\\-＠９]{0,40}";
        let leaf = prop_oneof![
            text.prop_map(serde_json::Value::String),
            any::<i64>().prop_map(serde_json::Value::from),
            Just(serde_json::Value::Null),
        ];
        let tree = leaf.prop_recursive(4, 64, 6, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map(text, inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        });
        proptest::proptest!(|(value in tree)| {
            let published = crate::privacy::publish_json(&value).unwrap();
            let mut strings = Vec::new();
            collect(&published, &mut strings);
            for s in strings {
                proptest::prop_assert!(!crate::privacy::contains_contact(&s), "{s:?} in {published}");
            }
        });
    }

    fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    out.push(k.clone());
                    collect(v, out);
                }
            }
            _ => {}
        }
    }
}
