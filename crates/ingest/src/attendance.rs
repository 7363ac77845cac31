//! An attendance entry names an organisation, or the function of a person written where the
//! organisation was expected ("Chauffeur Dosso", "Modérateur", "SG/CR/Zinder"): a function is
//! never an organisation. It is attached to the organisation it names, if any, and otherwise
//! left out of the organisations present, in a warning.

use cadre_domain::ImportWarning;
use cadre_domain::organisation::person_function;

/// The organisation an entry stands for: itself, the organisation its function is held in, or
/// none: the function is then pushed to `functions`, with the person's name when the list
/// gives one (never their contacts), so that nothing read is lost.
pub(crate) fn organisation_of(
    written: &str,
    person: Option<&str>,
    functions: &mut Vec<String>,
) -> Option<String> {
    match person_function(written) {
        None => Some(written.to_owned()),
        Some((_, Some(organisation))) => Some(organisation),
        Some((_, None)) => {
            functions.push(match person.map(str::trim).filter(|p| !p.is_empty()) {
                Some(name) => format!("{} — {name}", written.trim()),
                None => written.trim().to_owned(),
            });
            None
        }
    }
}

/// The warning for the entries that were functions of people, not organisations.
pub(crate) fn functions_warning(functions: &[String]) -> Option<ImportWarning> {
    (!functions.is_empty()).then(|| {
        crate::notes::warning_with_text(
            "attendance",
            "attendance-functions",
            &[("n", functions.len().to_string())],
            functions.join("\n"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_are_set_apart() {
        let mut functions = Vec::new();
        let kept: Vec<Option<String>> = ["OIM", "Chauffeur Dosso", "SG/CR/Zinder", "Garde"]
            .iter()
            .map(|w| organisation_of(w, None, &mut functions))
            .collect();
        assert_eq!(
            kept,
            [Some("OIM".into()), None, Some("CR/Zinder".into()), None]
        );
        assert_eq!(functions, ["Chauffeur Dosso", "Garde"]);
        organisation_of("Modérateur", Some("A. Daouda"), &mut functions);
        assert_eq!(functions[2], "Modérateur — A. Daouda");
        assert!(functions_warning(&functions).is_some());
        assert!(functions_warning(&[]).is_none());
    }
}
