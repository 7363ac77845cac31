//! Who is asking: the session a request's cookie opens, read once per request, and what
//! every form of a signed-in page needs (its CSRF token).
//!
//! Cookies: `cadre_session` (the session token; `HttpOnly`, `SameSite=Lax`, `Secure` when the
//! reverse proxy says the request came over HTTPS) and, on the sign-in form only, `cadre_login`
//! (the form's CSRF token before any session exists, compared with the form's field).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use cadre_domain::account::{Account, Viewer};
use cadre_domain::{Actor, Audience};
use cadre_services::sign_in;
use cadre_storage::accounts::sessions::OpenSession;

use crate::AppState;
use crate::error::WebError;

pub const SESSION_COOKIE: &str = "cadre_session";
pub const LOGIN_COOKIE: &str = "cadre_login";

/// How long a session lasts without use (it is extended while used).
#[derive(Debug, Clone, Copy)]
pub struct SessionSettings {
    pub lifetime: chrono::Duration,
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings {
            lifetime: chrono::Duration::hours(8),
        }
    }
}

/// The request's session, if its cookie opens one.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub session: Option<OpenSession>,
    /// The cookie's token, to end the session at sign-out.
    pub token: Option<String>,
}

impl Who {
    pub fn account(&self) -> Option<&Account> {
        self.session.as_ref().map(|s| &s.account)
    }

    pub fn viewer(&self) -> Viewer<'_> {
        match self.account() {
            Some(a) => Viewer::Account(a),
            None => Viewer::Public,
        }
    }

    /// What the request may read: anyone signed in sees drafts too.
    pub fn audience(&self) -> Audience {
        match self.session {
            Some(_) => Audience::Internal,
            None => Audience::Public,
        }
    }

    /// The CSRF token the session's forms carry ("" without a session).
    pub fn csrf(&self) -> &str {
        self.session.as_ref().map_or("", |s| s.csrf_token.as_str())
    }

    /// Refuses a form whose CSRF field is not this session's token.
    pub fn check_csrf(&self, sent: &str) -> Result<(), WebError> {
        match &self.session {
            Some(s) if sign_in::same_secret(&s.csrf_token, sent) => Ok(()),
            Some(_) => Err(WebError::Csrf),
            None => Err(WebError::SignInRequired),
        }
    }

    /// The signed-in account, or a redirection to the sign-in page.
    pub fn require(&self) -> Result<&Account, WebError> {
        self.account().ok_or(WebError::SignInRequired)
    }

    /// Who makes a change, for the audit log.
    pub fn actor(&self) -> Result<Actor, WebError> {
        Ok(Actor::account(self.require()?))
    }

    /// What every page's frame needs: the language, the account bar, the forms' token.
    pub fn ui(&self) -> Ui {
        let lang = crate::language::current();
        match self.account() {
            Some(a) => Ui {
                lang,
                username: a.username.to_string(),
                role: cadre_i18n::label(lang, "role", a.role.as_str()).to_owned(),
                csrf: self.csrf().to_owned(),
                admin: self.viewer().manages_accounts(),
                secretariat: self.viewer().is_secretariat(),
            },
            None => Ui {
                lang,
                ..Ui::default()
            },
        }
    }
}

/// A number a template counts with, owned or borrowed (templates see fields by reference).
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
        impl Count for &$t {
            fn count(&self) -> i64 {
                i64::try_from(**self).unwrap_or(i64::MAX)
            }
        }
    )*};
}

count!(i64, i32, u32, usize);

/// The frame of every page: its language (and the switch to the other one), and the account
/// part of the header ("Se connecter", or the name and "Se déconnecter").
#[derive(Debug, Clone, Default)]
pub struct Ui {
    pub lang: cadre_i18n::Lang,
    /// Empty for the public.
    pub username: String,
    pub role: String,
    pub csrf: String,
    pub admin: bool,
    pub secretariat: bool,
}

impl Ui {
    pub fn signed_in(&self) -> bool {
        !self.username.is_empty()
    }

    /// The message `key` in the page's language.
    pub fn t(&self, key: &str) -> &'static str {
        cadre_i18n::t(self.lang, key)
    }

    /// The message `key` with one argument.
    pub fn t1(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        cadre_i18n::tf(self.lang, key, &[(name, value.to_string().into())])
    }

    /// The message `key` with a number (plural forms).
    pub fn tn(&self, key: &str, name: &str, n: impl Count) -> String {
        cadre_i18n::tf(self.lang, key, &[(name, n.count().into())])
    }

    /// A count as the page's language writes it ("1 234", "1,234").
    pub fn number(&self, n: impl Count) -> String {
        cadre_i18n::number(self.lang, n.count())
    }

    /// ` lang="fr"` on elements that show what the documents say (French) when the interface is
    /// in another language, so that a screen reader reads them with a French voice.
    pub fn content_lang(&self) -> &'static str {
        match self.lang {
            cadre_i18n::Lang::Fr => "",
            _ => " lang=\"fr\"",
        }
    }

    /// `<html lang>`.
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// The other language, by its own name, for the switch.
    pub fn other_lang_name(&self) -> &'static str {
        self.lang.other().name()
    }

    pub fn other_lang_code(&self) -> &'static str {
        self.lang.other().code()
    }

    /// Where the switch goes: the other language, then back to this page.
    pub fn switch_href(&self) -> String {
        format!(
            "/lang/{}?back={}",
            self.lang.other().code(),
            crate::view::url_encode(&crate::language::here())
        )
    }
}

/// A cookie's value from the request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

impl FromRequestParts<AppState> for Who {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(who) = parts.extensions.get::<Who>() {
            return Ok(who.clone());
        }
        let who = match cookie(&parts.headers, SESSION_COOKIE) {
            // Anything but a token's shape opens nothing (and costs no query).
            Some(token) if sign_in::looks_like_token(token) => {
                let session = sign_in::session(
                    &state.store,
                    token,
                    state.sessions.lifetime,
                    chrono::Utc::now(),
                )
                .await
                .map_err(|e| WebError::Internal(e.to_string()))?;
                Who {
                    token: session.is_some().then(|| token.to_owned()),
                    session,
                }
            }
            _ => Who::default(),
        };
        parts.extensions.insert(who.clone());
        Ok(who)
    }
}

/// The client's address, for throttling sign-ins: the connection's peer, or, when the peer is
/// a reverse proxy on this machine, the address it forwarded (the last `X-Forwarded-For`).
pub fn client_address(parts: &Parts) -> String {
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| a.ip());
    let forwarded = || {
        parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .last()
            .map(|v| v.chars().take(64).collect::<String>())
    };
    match peer {
        Some(ip) if ip.is_loopback() => forwarded().unwrap_or_else(|| ip.to_string()),
        Some(ip) => ip.to_string(),
        None => forwarded().unwrap_or_else(|| "inconnue".to_owned()),
    }
}

/// A `Set-Cookie` value; `Secure` when the request came over HTTPS.
pub fn set_cookie(name: &str, value: &str, path: &str, max_age: i64, https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    let same_site = if name == LOGIN_COOKIE {
        "Strict"
    } else {
        "Lax"
    };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={path}; Max-Age={max_age}; HttpOnly; SameSite={same_site}{secure}"
    ))
    .expect("cookie values are letters")
}
