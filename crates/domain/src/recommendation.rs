//! Recommendations adopted by CCM and CRCM sessions. Following each one over the years is the
//! secretariat's core job; full tracking comes later, this holds what the reports say.

use serde::{Deserialize, Serialize};

use crate::labels::labels;
use crate::{MeetingId, RecommendationId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecommendationScope {
    /// "Recommandations d'ordre général".
    General,
    /// "Recommandations d'ordre spécifique", grouped by thematic group.
    Specific,
}

labels! {
    RecommendationScope {
        General => "general", "d'ordre général",
        Specific => "specific", "d'ordre spécifique",
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRecommendation {
    /// The roadmap the recommendation belongs to, as its table names it ("2018", "2021").
    pub roadmap: String,
    /// Position in its table, from 1.
    pub position: u32,
    pub text: String,
    pub scope: RecommendationScope,
    /// "Migration irrégulière", "Protection", "Economie alternative", "Gouvernance et coordination".
    pub thematic_group: Option<String>,
    /// "Etat de mise en œuvre" of a previous roadmap.
    pub implementation_status: Option<String>,
    /// "Défis" of a new roadmap.
    pub challenges: Option<String>,
    /// "Perspectives" of a new roadmap.
    pub perspectives: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendation {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: RecommendationId,
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub meeting_id: MeetingId,
    /// The session's body and date, for lists.
    pub body: String,
    pub meeting_date: chrono::NaiveDate,
    pub roadmap: String,
    pub position: u32,
    pub text: String,
    pub scope: RecommendationScope,
    pub thematic_group: Option<String>,
    pub implementation_status: Option<String>,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
}

/// The CCM's thematic groups, in their canonical spelling. Reports write them in capitals and
/// with typos ("GRUPE THEMATIQUE"); this gives them one name.
pub const THEMATIC_GROUPS: [&str; 4] = [
    "Migration irrégulière",
    "Protection",
    "Economie alternative",
    "Gouvernance et coordination",
];

pub fn canonical_thematic_group(written: &str) -> Option<&'static str> {
    let key = crate::text::match_key(written);
    THEMATIC_GROUPS
        .into_iter()
        .find(|g| key.contains(&crate::text::match_key(g)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thematic_groups_are_recognised_whatever_the_spelling() {
        assert_eq!(
            canonical_thematic_group("GRUPE THEMATIQUE: ECONOMIE ALTERNATIVE"),
            Some("Economie alternative")
        );
        assert_eq!(
            canonical_thematic_group("Groupe thématique : Migration irrégulière"),
            Some("Migration irrégulière")
        );
        assert_eq!(
            canonical_thematic_group("Groupe Thématique : Economie alternative"),
            Some("Economie alternative")
        );
        assert_eq!(canonical_thematic_group("Divers"), None);
    }
}
