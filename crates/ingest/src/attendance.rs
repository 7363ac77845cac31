//! An attendance entry names an organisation, or the function of a person written where the
//! organisation was expected ("Chauffeur Dosso", "Modérateur", "SG/CR/Zinder"): a function is
//! never an organisation. When it names the organisation it is held in, the entry stands for
//! that organisation (storage resolves it so; the entry is kept as written); otherwise the
//! person is kept as present by their function, apart from the organisations present.

use cadre_domain::organisation::person_function;
use cadre_domain::{ImportWarning, NewFunctionAttendee};

/// What an attendance entry stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Present {
    /// An organisation, or a function held in one ("SG/CR/Zinder"), as written.
    Organisation(String),
    /// A person's function naming no organisation, as written.
    Function(String),
}

pub(crate) fn present(written: &str) -> Present {
    match person_function(written) {
        Some((_, None)) => Present::Function(written.trim().to_owned()),
        _ => Present::Organisation(written.to_owned()),
    }
}

/// The warning that says which entries were taken for functions of people, so that a person
/// checks them: the function and the name, never the contacts.
pub(crate) fn functions_warning(functions: &[NewFunctionAttendee]) -> Option<ImportWarning> {
    (!functions.is_empty()).then(|| {
        crate::notes::warning_with_text(
            "attendance",
            "attendance-functions",
            &[("n", functions.len().to_string())],
            functions
                .iter()
                .map(|f| match f.person_name.as_deref().map(str::trim) {
                    Some(name) if !name.is_empty() => format!("{} — {name}", f.function),
                    _ => f.function.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_are_set_apart() {
        let kept: Vec<Present> = ["OIM", "Chauffeur Dosso", "SG/CR/Zinder", " Garde "]
            .iter()
            .map(|w| present(w))
            .collect();
        assert_eq!(
            kept,
            [
                Present::Organisation("OIM".into()),
                Present::Function("Chauffeur Dosso".into()),
                Present::Organisation("SG/CR/Zinder".into()),
                Present::Function("Garde".into()),
            ]
        );
        let functions = [
            NewFunctionAttendee::function("Garde"),
            NewFunctionAttendee {
                person_name: Some("A. Daouda".into()),
                phone: Some("90000000".into()),
                ..NewFunctionAttendee::function("Modérateur")
            },
        ];
        let warning = functions_warning(&functions).expect("a warning");
        let text = warning.text.expect("its text");
        assert_eq!(text, "Garde\nModérateur — A. Daouda");
        assert!(!text.contains("9000"), "contacts stay out of warnings");
        assert!(functions_warning(&[]).is_none());
    }
}
