//! Recommendations adopted by CCM and CRCM sessions. Following each one over the years is the
//! secretariat's core job; full tracking comes later, this holds what the reports say.

use serde::{Deserialize, Serialize};

use crate::labels::labels;
use crate::{MeetingId, RecommendationId, SessionId};

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

/// Where a recommendation stands, as its latest implementation report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecommendationStatus {
    NotStarted,
    InProgress,
    Implemented,
    Abandoned,
    /// "A reformuler": the session is to word it again (seed 002).
    ToReformulate,
}

labels! {
    RecommendationStatus {
        NotStarted => "not_started", "non démarrée",
        InProgress => "in_progress", "en cours",
        Implemented => "implemented", "mise en œuvre",
        Abandoned => "abandoned", "abandonnée",
        ToReformulate => "to_reformulate", "à reformuler",
    }
}

impl RecommendationStatus {
    /// The status a report's own words give, when they give one: "A reformuler", "Réalisé",
    /// "En cours", "Non démarré"… A list of what was done says no status by itself.
    pub fn from_written(written: &str) -> Option<RecommendationStatus> {
        let key = crate::text::match_key(written);
        let starts = |words: &[&str]| words.iter().any(|w| key.starts_with(w));
        if starts(&["areformuler", "reformuler", "areviser", "areecrire"]) {
            Some(RecommendationStatus::ToReformulate)
        } else if starts(&["abandon", "abandonne", "sansobjet", "caduque"]) {
            Some(RecommendationStatus::Abandoned)
        } else if starts(&[
            "nondemarre",
            "pasdemarre",
            "nonentame",
            "pasentame",
            "nonrealise",
            "pasrealise",
            "nonexecute",
            "aucuneaction",
            "neant",
        ]) {
            Some(RecommendationStatus::NotStarted)
        } else if starts(&["encours", "partiellement", "enpartie"]) {
            Some(RecommendationStatus::InProgress)
        } else if starts(&[
            "realise",
            "miseenoeuvre",
            "misenoeuvre",
            "execute",
            "acheve",
            "termine",
            "fait",
        ]) && key.len() <= 16
        {
            Some(RecommendationStatus::Implemented)
        } else {
            None
        }
    }
}

/// What kind of meeting adopted a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// A political meeting ("réunion politique") of the national CCM.
    NationalSession,
    /// The technical meeting preparing a national session, which reviews the roadmap.
    PreparatoryMeeting,
    /// A session of a regional CRCM.
    RegionalSession,
}

labels! {
    SessionKind {
        NationalSession => "national_session", "session nationale du CCM",
        PreparatoryMeeting => "preparatory_meeting", "réunion préparatoire",
        RegionalSession => "regional_session", "session régionale du CRCM",
    }
}

/// A session that adopted recommendations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: SessionId,
    /// The body's name: "CCM", "CRCM Agadez".
    pub body: String,
    pub kind: SessionKind,
    /// Its number, for numbered sessions ("6ème réunion politique").
    pub number: Option<u32>,
    pub title: String,
    /// Unknown for a session known only by its roadmap.
    pub date: Option<chrono::NaiveDate>,
    pub year: Option<i32>,
    /// The roadmap it adopted, as documents name it ("2018", "2021-2022").
    pub roadmap: String,
    /// Its report or minutes, when Cadre holds them.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub meeting_id: Option<MeetingId>,
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
    /// The PNM axis it was grouped under (a CRCM's synthesis groups by axis).
    #[serde(default)]
    pub pnm: Option<crate::PnmCode>,
}

/// The session of another body whose recommendations a document carries in an annex (a
/// CRCM's synthesis appended to a GTM's minutes): they are filed under that session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnexedSession {
    pub body: crate::NewBody,
    /// The annex's title, as written.
    pub title: String,
    pub date: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Recommendation {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: RecommendationId,
    /// The session that adopted it.
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub session_id: SessionId,
    /// The document it was read from, if it was imported.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<i64>))]
    pub meeting_id: Option<MeetingId>,
    /// The session's body and date, for lists.
    pub body: String,
    /// The date of the meeting it was read from, else of its session, if known.
    pub meeting_date: Option<chrono::NaiveDate>,
    pub roadmap: String,
    pub position: u32,
    pub text: String,
    pub scope: RecommendationScope,
    pub thematic_group: Option<String>,
    /// What the document it was read from says of its implementation ("état de mise en
    /// œuvre"), if it says anything.
    pub implementation_status: Option<String>,
    pub challenges: Option<String>,
    pub perspectives: Option<String>,
    /// Where it stands, as its latest report with a status says; none before any report.
    pub status: Option<RecommendationStatus>,
    pub status_date: Option<chrono::NaiveDate>,
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
    fn statuses_are_read_from_what_reports_write() {
        use RecommendationStatus::*;
        assert_eq!(
            RecommendationStatus::from_written("A reformuler"),
            Some(ToReformulate)
        );
        assert_eq!(
            RecommendationStatus::from_written("En cours"),
            Some(InProgress)
        );
        assert_eq!(
            RecommendationStatus::from_written("Réalisé"),
            Some(Implemented)
        );
        assert_eq!(
            RecommendationStatus::from_written("Non démarrée"),
            Some(NotStarted)
        );
        assert_eq!(
            RecommendationStatus::from_written("Abandonnée"),
            Some(Abandoned)
        );
        // What was done, listed: no status of its own.
        assert_eq!(
            RecommendationStatus::from_written("Création de la Direction des Finances locales"),
            None
        );
        assert_eq!(
            RecommendationStatus::from_written(
                "Réalisation sur la cartographie des acteurs intervenant dans le domaine"
            ),
            None
        );
    }

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
