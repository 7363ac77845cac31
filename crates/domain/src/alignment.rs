//! What a recommendation serves: the National Policy on Migration (PNM 2020–2035, decree
//! n°2020-744) and the 23 objectives of the Global Compact for Migration (GCM, in French PMM).
//! Both are fixed reference lists: a recommendation points into them by code.

use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// A programme of the PNM: each of the three strategic axes is carried by one programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PnmAxis {
    pub number: u8,
    pub title: &'static str,
    pub sub_programmes: &'static [&'static str],
}

/// The PNM's axes (programmes) and sub-programmes, numbered as its action plan numbers them.
pub const PNM_AXES: [PnmAxis; 3] = [
    PnmAxis {
        number: 1,
        title: "Exploitation des potentialités et opportunités économiques",
        sub_programmes: &[
            "Accroissement du niveau de productivité des secteurs économiques",
            "Mobilisation de la diaspora",
            "Promotion de l'entreprenariat féminin et des jeunes",
        ],
    },
    PnmAxis {
        number: 2,
        title: "Protection et assistance aux migrants et aux populations d'accueil",
        sub_programmes: &[
            "Renforcement du cadre juridique",
            "Renforcement institutionnel",
            "Application des textes",
            "Promotion et protection des droits des migrants",
        ],
    },
    PnmAxis {
        number: 3,
        title: "Gestion des flux de la migration",
        sub_programmes: &[
            "Renforcement et adaptation du dispositif institutionnel",
            "Amélioration du cadre juridique",
            "Renforcement des capacités opérationnelles",
            "Prise en compte de la migration interne et circulaire",
        ],
    },
];

/// A place in the PNM: an axis (and its programme), or one of its sub-programmes. Written
/// "2" or "2.3"; read from "Axe 2", "Programme 2", "sous-programme 3.3", "SP 3.3".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PnmCode {
    pub axis: u8,
    pub sub_programme: Option<u8>,
}

impl PnmCode {
    /// The code as written by people, with its label words if any.
    pub fn parse(written: &str) -> Option<PnmCode> {
        let folded = crate::text::fold(written);
        let digits: String = folded
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let mut parts = digits.trim_end_matches('.').split('.');
        let axis: u8 = parts.next()?.parse().ok()?;
        let sub_programme = match parts.next() {
            Some(p) => Some(p.parse().ok()?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let code = PnmCode {
            axis,
            sub_programme,
        };
        code.axis_entry()?;
        if let Some(sp) = sub_programme
            && (sp == 0 || usize::from(sp) > code.axis_entry()?.sub_programmes.len())
        {
            return None;
        }
        Some(code)
    }

    fn axis_entry(self) -> Option<&'static PnmAxis> {
        PNM_AXES.iter().find(|a| a.number == self.axis)
    }

    /// The axis's or the sub-programme's title.
    pub fn title(self) -> &'static str {
        let axis = self.axis_entry().expect("codes are checked when parsed");
        match self.sub_programme {
            Some(sp) => axis.sub_programmes[usize::from(sp) - 1],
            None => axis.title,
        }
    }

    /// Every code: each axis followed by its sub-programmes.
    pub fn all() -> Vec<PnmCode> {
        PNM_AXES
            .iter()
            .flat_map(|a| {
                std::iter::once(PnmCode {
                    axis: a.number,
                    sub_programme: None,
                })
                .chain((1..=a.sub_programmes.len() as u8).map(|sp| PnmCode {
                    axis: a.number,
                    sub_programme: Some(sp),
                }))
            })
            .collect()
    }

    /// The axis this code belongs to.
    pub fn axis_code(self) -> PnmCode {
        PnmCode {
            axis: self.axis,
            sub_programme: None,
        }
    }
}

impl fmt::Display for PnmCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub_programme {
            Some(sp) => write!(f, "{}.{}", self.axis, sp),
            None => write!(f, "{}", self.axis),
        }
    }
}

impl Serialize for PnmCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PnmCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PnmCode::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("not a PNM axis or sub-programme: {s}"))
        })
    }
}

/// One of the Global Compact's 23 objectives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GcmObjective {
    pub number: u8,
    pub title_en: String,
    pub title_fr: String,
    pub short_en: String,
    pub short_fr: String,
}

/// The objectives, from the reference table (`data/gcm_objectives.tsv`).
pub static GCM_OBJECTIVES: LazyLock<Vec<GcmObjective>> = LazyLock::new(|| {
    include_str!("../data/gcm_objectives.tsv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            GcmObjective {
                number: f[0].parse().expect("objective number"),
                title_en: f[1].to_owned(),
                title_fr: f[2].to_owned(),
                short_en: f[3].to_owned(),
                short_fr: f[4].to_owned(),
            }
        })
        .collect()
});

/// The number of a Global Compact objective, 1 to 23.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct GcmObjectiveNumber(u8);

impl GcmObjectiveNumber {
    pub fn new(n: u8) -> Option<GcmObjectiveNumber> {
        (1..=GCM_OBJECTIVES.len() as u8)
            .contains(&n)
            .then_some(GcmObjectiveNumber(n))
    }

    /// "Objectif 11", "obj. 11", "11", "PMM 11": the number in what people write.
    pub fn parse(written: &str) -> Option<GcmObjectiveNumber> {
        let digits: String = written
            .trim()
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        GcmObjectiveNumber::new(digits.parse().ok()?)
    }

    pub fn get(self) -> u8 {
        self.0
    }

    pub fn objective(self) -> &'static GcmObjective {
        &GCM_OBJECTIVES[usize::from(self.0) - 1]
    }

    pub fn all() -> impl Iterator<Item = GcmObjectiveNumber> {
        (1..=GCM_OBJECTIVES.len() as u8).map(GcmObjectiveNumber)
    }
}

impl TryFrom<u8> for GcmObjectiveNumber {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        GcmObjectiveNumber::new(n).ok_or_else(|| format!("no Global Compact objective {n}"))
    }
}

impl From<GcmObjectiveNumber> for u8 {
    fn from(n: GcmObjectiveNumber) -> u8 {
        n.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pnm_codes_are_read_as_people_write_them() {
        let sp33 = PnmCode {
            axis: 3,
            sub_programme: Some(3),
        };
        assert_eq!(PnmCode::parse("sous-programme 3.3"), Some(sp33));
        assert_eq!(PnmCode::parse("SP 3.3 du PA PNM"), Some(sp33));
        assert_eq!(PnmCode::parse("3.3"), Some(sp33));
        assert_eq!(
            PnmCode::parse("Axe 2").map(|c| c.to_string()),
            Some("2".into())
        );
        assert_eq!(PnmCode::parse("Programme 1."), PnmCode::parse("1"));
        assert_eq!(PnmCode::parse("2.5"), None);
        assert_eq!(PnmCode::parse("4"), None);
        assert_eq!(PnmCode::parse("1.2.3"), None);
        assert_eq!(PnmCode::parse("Divers"), None);
        assert_eq!(sp33.title(), "Renforcement des capacités opérationnelles");
        assert_eq!(PnmCode::all().len(), 3 + 3 + 4 + 4);
        let json = serde_json::to_string(&sp33).unwrap();
        assert_eq!(json, "\"3.3\"");
        assert_eq!(serde_json::from_str::<PnmCode>(&json).unwrap(), sp33);
        assert!(serde_json::from_str::<PnmCode>("\"9\"").is_err());
    }

    #[test]
    fn the_twenty_three_objectives_are_known() {
        assert_eq!(GCM_OBJECTIVES.len(), 23);
        let eleven = GcmObjectiveNumber::parse("Objectif 11").unwrap();
        assert_eq!(eleven.objective().short_en, "Manage borders");
        assert_eq!(GcmObjectiveNumber::all().count(), 23);
        assert!(GcmObjectiveNumber::new(0).is_none());
        assert!(GcmObjectiveNumber::new(24).is_none());
        assert!(serde_json::from_str::<GcmObjectiveNumber>("24").is_err());
        assert_eq!(
            serde_json::from_str::<GcmObjectiveNumber>("23")
                .unwrap()
                .get(),
            23
        );
    }
}
