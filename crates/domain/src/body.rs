//! The bodies (instances) that meet: CCM, the GTMs, the CRCMs.

use serde::{Deserialize, Serialize};

use crate::BodyId;
use crate::labels::labels;

/// Niger's eight regions, as their names are written in the documents.
pub const REGIONS: [&str; 8] = [
    "Agadez",
    "Diffa",
    "Dosso",
    "Maradi",
    "Niamey",
    "Tahoua",
    "Tillabéri",
    "Zinder",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BodyLevel {
    National,
    Regional,
}

labels! {
    BodyLevel {
        National => "national", "national",
        Regional => "regional", "régional",
    }
}

/// A body as it is about to be stored. `code` is its stable, URL-friendly name ("gtm-tahoua").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBody {
    pub code: String,
    pub name: String,
    pub level: BodyLevel,
    pub region: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Body {
    #[cfg_attr(feature = "openapi", schema(value_type = i64))]
    pub id: BodyId,
    pub code: String,
    pub name: String,
    pub level: BodyLevel,
    pub region: Option<String>,
}

impl NewBody {
    /// The GTM of a region; Niamey's is the national one, run by the SP/CCM.
    pub fn gtm(region: &str) -> NewBody {
        NewBody {
            code: crate::text::slug(&format!("GTM {region}")),
            name: format!("GTM {region}"),
            level: if region == "Niamey" {
                BodyLevel::National
            } else {
                BodyLevel::Regional
            },
            region: Some(region.to_owned()),
        }
    }

    /// The regional framework for consultation on migration of a region.
    pub fn crcm(region: &str) -> NewBody {
        NewBody {
            code: crate::text::slug(&format!("CRCM {region}")),
            name: format!("CRCM {region}"),
            level: BodyLevel::Regional,
            region: Some(region.to_owned()),
        }
    }

    /// The national framework for consultation on migration.
    pub fn ccm() -> NewBody {
        NewBody {
            code: "ccm".into(),
            name: "CCM".into(),
            level: BodyLevel::National,
            region: None,
        }
    }

    /// Understands what a user types after `--body`: "GTM Tahoua", "gtm-tahoua", "CCM",
    /// "CRCM Zinder", or a bare region name (taken as that region's GTM).
    pub fn from_user_name(name: &str) -> Option<NewBody> {
        let words = crate::text::words(name);
        let region = REGIONS.iter().find(|r| {
            words.iter().any(|w| *w == crate::text::fold(r))
                || (**r == "Tillabéri" && words.iter().any(|w| w == "tillabery"))
        });
        match words.first().map(String::as_str) {
            Some("ccm") if words.len() == 1 => Some(NewBody::ccm()),
            Some("crcm") => region.map(|r| NewBody::crcm(r)),
            Some("gtm") => region
                .map(|r| NewBody::gtm(r))
                .or_else(|| (words.len() == 1).then(|| NewBody::gtm("Niamey"))),
            _ if words.len() == 1 => region.map(|r| NewBody::gtm(r)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_names_resolve_to_bodies() {
        assert_eq!(
            NewBody::from_user_name("GTM Tahoua").unwrap().code,
            "gtm-tahoua"
        );
        assert_eq!(
            NewBody::from_user_name("gtm-zinder").unwrap().name,
            "GTM Zinder"
        );
        assert_eq!(
            NewBody::from_user_name("CCM").unwrap().level,
            BodyLevel::National
        );
        assert_eq!(
            NewBody::from_user_name("crcm agadez").unwrap().code,
            "crcm-agadez"
        );
        assert_eq!(
            NewBody::from_user_name("Tillaberi").unwrap().code,
            "gtm-tillaberi"
        );
        assert_eq!(NewBody::gtm("Niamey").level, BodyLevel::National);
        assert!(NewBody::from_user_name("Paris").is_none());
    }
}
