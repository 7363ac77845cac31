//! People who sign in to Cadre, and what their role lets them see and do. The public has no
//! account; every rule about who may do what is decided here, without I/O, so that the web, the
//! CLI and the tests ask the same questions of the same answers.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{AccountId, OrganisationId};
use crate::labels::labels;

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages accounts; may do everything the secretariat does.
    Administrator,
    /// The SP/CCM: every body, every organisation, attendees' contacts.
    Secretariat,
    /// A regional directorate: reports on the action points of its region's bodies.
    RegionalFocalPoint,
    /// One organisation: reports on its own action points.
    PartnerEditor,
    /// Reads everything signed-in users see, except personal contacts; changes nothing.
    InternalReader,
}

labels! {
    Role {
        Administrator => "administrator", "administrateur",
        Secretariat => "secretariat", "secrétariat",
        RegionalFocalPoint => "regional_focal_point", "point focal régional",
        PartnerEditor => "partner_editor", "éditeur partenaire",
        InternalReader => "internal_reader", "lecteur interne",
    }
}

/// An account name: 2 to 64 characters, lower-case ASCII letters, digits, `.`, `-`, `_` (so
/// that it can be typed on any phone keyboard and shown in logs as it is).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Username(String);

impl Username {
    /// Reads a name as typed: surrounding spaces go, capitals are lowered.
    pub fn parse(typed: &str) -> Result<Username, AccountError> {
        let name = typed.trim().to_ascii_lowercase();
        let len = name.chars().count();
        if !(2..=64).contains(&len) {
            return Err(AccountError::Username(
                "entre 2 et 64 caractères".to_owned(),
            ));
        }
        if let Some(c) = name.chars().find(|c| {
            !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
        }) {
            return Err(AccountError::Username(format!(
                "caractère {c:?} non permis (lettres sans accent, chiffres, « . », « - », « _ »)"
            )));
        }
        Ok(Username(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The shortest password accepted. Length is what resists guessing; no composition rules.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Checks a new password; the error says what is wrong in French.
pub fn check_new_password(password: &str, username: &Username) -> Result<(), AccountError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AccountError::Password(format!(
            "au moins {MIN_PASSWORD_CHARS} caractères"
        )));
    }
    if password.chars().count() > 1024 {
        return Err(AccountError::Password(
            "au plus 1 024 caractères".to_owned(),
        ));
    }
    if password.to_lowercase().contains(username.as_str()) {
        return Err(AccountError::Password(
            "ne doit pas contenir le nom d'utilisateur".to_owned(),
        ));
    }
    Ok(())
}

/// An account as stored, without its password hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub username: Username,
    pub role: Role,
    /// A partner editor's organisation.
    pub organisation: Option<OrganisationId>,
    /// A regional focal point's region (one of [`crate::REGIONS`]).
    pub region: Option<String>,
    pub disabled: bool,
    /// Incremented by every change, for optimistic concurrency.
    pub version: i64,
}

/// Who makes a change, as the audit log names them: an account, or whoever ran a command on
/// the server (`cli:<system user>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub account: Option<AccountId>,
    pub name: String,
}

impl Actor {
    pub fn account(account: &Account) -> Actor {
        Actor {
            account: Some(account.id),
            name: account.username.to_string(),
        }
    }

    pub fn command_line(system_user: &str) -> Actor {
        Actor {
            account: None,
            name: format!("cli:{system_user}"),
        }
    }
}

/// What an account is created with, checked: a partner editor names an organisation, a
/// regional focal point a region, and no other role names either.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub username: Username,
    pub role: Role,
    pub organisation: Option<OrganisationId>,
    pub region: Option<String>,
}

impl NewAccount {
    pub fn new(
        username: Username,
        role: Role,
        organisation: Option<OrganisationId>,
        region: Option<&str>,
    ) -> Result<NewAccount, AccountError> {
        let region = match region.map(str::trim).filter(|r| !r.is_empty()) {
            None => None,
            Some(r) => Some(canonical_region(r).ok_or_else(|| {
                AccountError::Scope(format!(
                    "région inconnue {r:?} (régions : {})",
                    crate::REGIONS.join(", ")
                ))
            })?),
        };
        match (role, organisation.is_some(), region.is_some()) {
            (Role::PartnerEditor, false, _) => Err(AccountError::Scope(
                "un éditeur partenaire a besoin d'une organisation (--organisation)".to_owned(),
            )),
            (Role::RegionalFocalPoint, _, false) => Err(AccountError::Scope(
                "un point focal régional a besoin d'une région (--region)".to_owned(),
            )),
            (Role::PartnerEditor, true, true) => Err(AccountError::Scope(
                "un éditeur partenaire ne se rattache pas à une région".to_owned(),
            )),
            (Role::RegionalFocalPoint, true, _) => Err(AccountError::Scope(
                "un point focal régional ne se rattache pas à une organisation".to_owned(),
            )),
            (Role::Administrator | Role::Secretariat | Role::InternalReader, org, reg)
                if org || reg =>
            {
                Err(AccountError::Scope(format!(
                    "le rôle {} ne se rattache ni à une organisation ni à une région",
                    role.label_fr()
                )))
            }
            _ => Ok(NewAccount {
                username,
                role,
                organisation,
                region: region.map(str::to_owned),
            }),
        }
    }
}

/// The region as [`crate::REGIONS`] spells it, whatever the case and accents typed.
pub fn canonical_region(typed: &str) -> Option<&'static str> {
    let key = crate::text::match_key(typed);
    crate::REGIONS
        .iter()
        .copied()
        .find(|r| crate::text::match_key(r) == key)
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccountError {
    #[error("nom d'utilisateur invalide : {0}")]
    Username(String),
    #[error("mot de passe refusé : {0}")]
    Password(String),
    #[error("{0}")]
    Scope(String),
}

/// What an action point or a recommendation is attached to, for deciding who may report on
/// it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpScope {
    /// The region of the body whose meeting or session decided it (none for the national CCM).
    pub region: Option<String>,
    pub responsible: Vec<OrganisationId>,
}

/// Who is asking: an account, or the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer<'a> {
    Public,
    Account(&'a Account),
}

impl<'a> Viewer<'a> {
    pub fn account(self) -> Option<&'a Account> {
        match self {
            Viewer::Public => None,
            Viewer::Account(a) => Some(a),
        }
    }

    fn role(self) -> Option<Role> {
        self.account().filter(|a| !a.disabled).map(|a| a.role)
    }

    /// Signed in with an account that is not disabled.
    pub fn is_signed_in(self) -> bool {
        self.role().is_some()
    }

    /// The secretariat's powers: every body, organisations kept clean, removals reversed.
    pub fn is_secretariat(self) -> bool {
        matches!(self.role(), Some(Role::Administrator | Role::Secretariat))
    }

    pub fn manages_accounts(self) -> bool {
        self.role() == Some(Role::Administrator)
    }

    /// Attendees' phone numbers and e-mails, and original documents that hold them.
    pub fn sees_personal_contacts(self) -> bool {
        self.is_secretariat()
    }

    /// May write or correct the minutes of a body of this region (none: a national body). The
    /// secretariat writes for every body; a regional focal point for its region's.
    pub fn may_write_minutes(self, body_region: Option<&str>) -> bool {
        let Some(account) = self.account().filter(|a| !a.disabled) else {
            return false;
        };
        match account.role {
            Role::Administrator | Role::Secretariat => true,
            Role::RegionalFocalPoint => match (&account.region, body_region) {
                (Some(mine), Some(theirs)) => {
                    crate::text::match_key(mine) == crate::text::match_key(theirs)
                }
                _ => false,
            },
            Role::PartnerEditor | Role::InternalReader => false,
        }
    }

    /// May report on (change the status of) this action point or recommendation.
    pub fn may_report_on(self, point: &FollowUpScope) -> bool {
        let Some(account) = self.account().filter(|a| !a.disabled) else {
            return false;
        };
        match account.role {
            Role::Administrator | Role::Secretariat => true,
            Role::RegionalFocalPoint => match (&account.region, &point.region) {
                (Some(mine), Some(theirs)) => {
                    crate::text::match_key(mine) == crate::text::match_key(theirs)
                }
                _ => false,
            },
            Role::PartnerEditor => account
                .organisation
                .is_some_and(|org| point.responsible.contains(&org)),
            Role::InternalReader => false,
        }
    }

    /// May keep an organisation's own focal points' contacts.
    pub fn may_edit_contacts_of(self, organisation: OrganisationId) -> bool {
        match self.account().filter(|a| !a.disabled) {
            Some(a) if a.role == Role::PartnerEditor => a.organisation == Some(organisation),
            Some(_) => self.is_secretariat(),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(role: Role, organisation: Option<i64>, region: Option<&str>) -> Account {
        Account {
            id: AccountId::new(1),
            username: Username::parse("amadou").unwrap(),
            role,
            organisation: organisation.map(OrganisationId::new),
            region: region.map(str::to_owned),
            disabled: false,
            version: 1,
        }
    }

    #[test]
    fn usernames_are_read_once_and_strictly() {
        assert_eq!(Username::parse("  Aïcha ").ok(), None);
        assert_eq!(
            Username::parse("Moussa.Ali").unwrap().as_str(),
            "moussa.ali"
        );
        assert!(Username::parse("a").is_err());
        assert!(Username::parse("a b c").is_err());
        assert!(Username::parse(&"a".repeat(65)).is_err());
    }

    #[test]
    fn passwords_must_be_long_and_not_the_name() {
        let u = Username::parse("moussa").unwrap();
        assert!(check_new_password("court", &u).is_err());
        assert!(check_new_password("Moussa2024!!", &u).is_err());
        assert!(check_new_password("sable du ténéré", &u).is_ok());
    }

    #[test]
    fn each_role_has_its_scope() {
        let u = || Username::parse("moussa").unwrap();
        let org = Some(OrganisationId::new(3));
        assert!(NewAccount::new(u(), Role::PartnerEditor, None, None).is_err());
        assert!(NewAccount::new(u(), Role::PartnerEditor, org, None).is_ok());
        assert!(NewAccount::new(u(), Role::RegionalFocalPoint, None, Some("Paris")).is_err());
        let fp = NewAccount::new(u(), Role::RegionalFocalPoint, None, Some("tillaberi")).unwrap();
        assert_eq!(fp.region.as_deref(), Some("Tillabéri"));
        assert!(NewAccount::new(u(), Role::Secretariat, org, None).is_err());
        assert!(NewAccount::new(u(), Role::InternalReader, None, None).is_ok());
    }

    #[test]
    fn who_may_report_on_an_action_point() {
        let point = FollowUpScope {
            region: Some("Agadez".into()),
            responsible: vec![OrganisationId::new(3), OrganisationId::new(4)],
        };
        let national = FollowUpScope {
            region: None,
            responsible: vec![],
        };
        let may = |a: &Account, p: &FollowUpScope| Viewer::Account(a).may_report_on(p);
        assert!(may(&account(Role::Secretariat, None, None), &national));
        assert!(may(&account(Role::Administrator, None, None), &point));
        assert!(may(&account(Role::PartnerEditor, Some(4), None), &point));
        assert!(!may(&account(Role::PartnerEditor, Some(5), None), &point));
        assert!(may(
            &account(Role::RegionalFocalPoint, None, Some("Agadez")),
            &point
        ));
        assert!(!may(
            &account(Role::RegionalFocalPoint, None, Some("Zinder")),
            &point
        ));
        assert!(!may(
            &account(Role::RegionalFocalPoint, None, Some("Agadez")),
            &national
        ));
        assert!(!may(&account(Role::InternalReader, None, None), &point));
        assert!(!Viewer::Public.may_report_on(&point));
        let mut disabled = account(Role::Secretariat, None, None);
        disabled.disabled = true;
        assert!(!may(&disabled, &point));
    }

    #[test]
    fn only_the_secretariat_sees_contacts() {
        for role in Role::ALL {
            let a = account(role, None, None);
            assert_eq!(
                Viewer::Account(&a).sees_personal_contacts(),
                matches!(role, Role::Administrator | Role::Secretariat),
                "{role:?}"
            );
        }
        assert!(!Viewer::Public.sees_personal_contacts());
    }
}
