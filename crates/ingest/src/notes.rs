//! Warnings and findings as catalogue messages: each carries its code and data, so that pages
//! say it in their visitor's language, and its English text for `cadre import`.

use cadre_domain::{FieldFinding, ImportWarning};
use cadre_i18n::Lang;

fn text(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    cadre_i18n::stored(lang, key, args.iter().map(|(k, v)| (*k, v.as_str())))
}

/// A warning on `field`: message `warning-<code>` of the catalogues.
pub(crate) fn warning(field: &str, code: &str, args: &[(&str, String)]) -> ImportWarning {
    ImportWarning::new(field, text(Lang::En, &format!("warning-{code}"), args))
        .coded(code, args.iter().map(|(k, v)| (*k, v.clone())))
}

/// A warning with the text it is about.
pub(crate) fn warning_with_text(
    field: &str,
    code: &str,
    args: &[(&str, String)],
    about: impl Into<String>,
) -> ImportWarning {
    ImportWarning {
        text: Some(about.into()),
        ..warning(field, code, args)
    }
}

/// A finding on `field`: message `finding-<code>` of the catalogues; stored in French.
pub(crate) fn finding(field: &str, code: &str, args: &[(&str, String)]) -> FieldFinding {
    FieldFinding::new(field, text(Lang::Fr, &format!("finding-{code}"), args))
        .coded(code, args.iter().map(|(k, v)| (*k, v.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_is_english_for_the_command_line_and_coded_for_pages() {
        let w = warning("time", "time-no-label", &[]);
        assert_eq!(w.message, "no 'Heure' label: the meeting time is unknown");
        assert_eq!(w.code.as_deref(), Some("time-no-label"));
        let w = warning("title", "title-none", &[("title", "Réunion".into())]);
        assert!(w.message.contains("'Réunion'"), "{}", w.message);
        assert_eq!(w.args["title"], "Réunion");
    }
}

/// A note on how a file was read (its encoding, its pages, repairs): a catalogue message with
/// its data, and its English text for `cadre extract` and `cadre import`. Reads as that text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    pub message: String,
    pub code: String,
    pub args: std::collections::BTreeMap<String, String>,
}

impl Note {
    pub(crate) fn new(code: &str, args: &[(&str, String)]) -> Note {
        Note {
            message: text(Lang::En, &format!("warning-{code}"), args),
            code: code.to_owned(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }

    /// The note among a meeting's warnings (field "document").
    pub(crate) fn into_warning(self) -> ImportWarning {
        ImportWarning {
            code: Some(self.code),
            args: self.args,
            ..ImportWarning::new("document", self.message)
        }
    }
}

impl std::ops::Deref for Note {
    type Target = str;
    fn deref(&self) -> &str {
        &self.message
    }
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl PartialEq<&str> for Note {
    fn eq(&self, other: &&str) -> bool {
        self.message == *other
    }
}

impl PartialEq<String> for Note {
    fn eq(&self, other: &String) -> bool {
        &self.message == other
    }
}
