//! The enums stored by name and shown in French, each described by one table.

/// Writes `ALL`, `as_str`, `parse` and `label_fr` of an enum from one table, so that the stored
/// name, its reading back and the French label of a variant cannot drift apart: a variant left
/// out of the table does not compile. The stored name must be serde's name for the variant too
/// (the tests below check it), since the API and the database show the same words.
macro_rules! labels {
    ($enum:ident { $($variant:ident => $stored:literal, $label:literal),+ $(,)? }) => {
        impl $enum {
            /// Every variant, in the order lists show them.
            pub const ALL: [$enum; [$(stringify!($variant)),+].len()] = [$($enum::$variant),+];

            /// The name the database and the API use.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($enum::$variant => $stored,)+
                }
            }

            /// The variant stored as `s`, if any.
            pub fn parse(s: &str) -> Option<Self> {
                match s {
                    $($stored => Some($enum::$variant),)+
                    _ => None,
                }
            }

            pub fn label_fr(self) -> &'static str {
                match self {
                    $($enum::$variant => $label,)+
                }
            }
        }
    };
}

pub(crate) use labels;

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::fmt::Debug;

    use serde::{Serialize, de::DeserializeOwned};

    use crate::{
        ActionStatus, BodyLevel, MeetingKind, MeetingStatus, Modality, OrganisationKind,
        RecommendationScope,
    };

    fn check<T: Copy + PartialEq + Debug + Serialize + DeserializeOwned>(
        all: &[T],
        as_str: fn(T) -> &'static str,
        parse: fn(&str) -> Option<T>,
    ) {
        let mut stored = HashSet::new();
        for &v in all {
            let name = as_str(v);
            assert_eq!(parse(name), Some(v), "{v:?}");
            assert!(stored.insert(name), "two variants stored as {name:?}");
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(
                json,
                format!("\"{name}\""),
                "serde and as_str disagree on {v:?}"
            );
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), v);
        }
        assert_eq!(parse(""), None);
    }

    /// Every enum written with `labels!`.
    #[test]
    fn stored_names_read_back_and_match_serde() {
        check(
            &ActionStatus::ALL,
            ActionStatus::as_str,
            ActionStatus::parse,
        );
        check(&BodyLevel::ALL, BodyLevel::as_str, BodyLevel::parse);
        check(&MeetingKind::ALL, MeetingKind::as_str, MeetingKind::parse);
        check(
            &MeetingStatus::ALL,
            MeetingStatus::as_str,
            MeetingStatus::parse,
        );
        check(&Modality::ALL, Modality::as_str, Modality::parse);
        check(
            &OrganisationKind::ALL,
            OrganisationKind::as_str,
            OrganisationKind::parse,
        );
        check(&crate::Role::ALL, crate::Role::as_str, crate::Role::parse);
        check(
            &RecommendationScope::ALL,
            RecommendationScope::as_str,
            RecommendationScope::parse,
        );
        check(
            &crate::RecommendationStatus::ALL,
            crate::RecommendationStatus::as_str,
            crate::RecommendationStatus::parse,
        );
        check(
            &crate::SessionKind::ALL,
            crate::SessionKind::as_str,
            crate::SessionKind::parse,
        );
    }
}
