//! Identifiers of stored records, one type per kind of record, so that an organisation's id
//! can never be passed where a meeting's is expected. Both engines use 64-bit integer keys;
//! each id serialises as that plain number (the API is unchanged) and prints as it.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(key: i64) -> Self {
                $name(key)
            }

            /// The stored key.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl From<i64> for $name {
            fn from(key: i64) -> Self {
                $name(key)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

ids! {
    /// A meeting: GTM minutes, or a CCM or CRCM session report.
    MeetingId,
    /// One item of a meeting's agenda.
    AgendaItemId,
    /// An action point of an agenda item.
    ActionPointId,
    /// An organisation, whatever name the documents gave it.
    OrganisationId,
    /// A body that meets: the CCM, a CRCM, a GTM.
    BodyId,
    /// A recommendation adopted by a session.
    RecommendationId,
    /// A session that adopts recommendations: of the CCM, its preparatory meeting, a CRCM.
    SessionId,
    /// The original document a meeting was imported from.
    SourceDocumentId,
    /// A person who signs in to Cadre.
    AccountId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_numbers_outside() {
        let id = MeetingId::new(42);
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<MeetingId>("42").unwrap(), id);
        assert_eq!(id.to_string(), "42");
        assert_eq!(OrganisationId::from(7).get(), 7);
    }
}
