//! Signing in: password hashes, session tokens, and the throttling of repeated failures.
//!
//! - **Passwords** are hashed with Argon2id ([`PASSWORD_PARAMS`]: 19 MiB, 2 passes, one lane,
//!   OWASP's first recommended setting), at most [`HASHING_AT_ONCE`] at a time on blocking
//!   threads, so that a burst of sign-ins neither stalls the pages nor multiplies memory.
//!   Unknown account names are checked against a dummy hash, so that the answer takes as long
//!   and does not tell which names exist.
//! - **Sessions**: the cookie holds 32 random bytes; the store keeps their SHA-256 only. Each
//!   session has its own CSRF token, which every form sends back.
//! - **Throttling**: after [`MAX_FAILURES_PER_ACCOUNT`] failures on one account name, or
//!   [`MAX_FAILURES_PER_ADDRESS`] from one address, within [`THROTTLE_WINDOW`], sign-ins are
//!   refused (even with the right password) until the window has passed.

use std::sync::{Arc, LazyLock};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use cadre_domain::account::{Account, Username};
use cadre_storage::Store;
use cadre_storage::accounts::sessions::OpenSession;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

/// Argon2id memory in KiB, passes and lanes.
pub const PASSWORD_PARAMS: (u32, u32, u32) = (19 * 1024, 2, 1);
/// Hashes computed at once; more sign-ins wait their turn.
pub const HASHING_AT_ONCE: usize = 2;
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);

static HASHING: LazyLock<Arc<Semaphore>> =
    LazyLock::new(|| Arc::new(Semaphore::new(HASHING_AT_ONCE)));

/// A hash of a password nobody has, checked when the account name is unknown.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_now("le mot de passe de personne").expect("hashing a constant cannot fail")
});

fn argon2() -> Argon2<'static> {
    let (m, t, p) = PASSWORD_PARAMS;
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(m, t, p, None).expect("valid Argon2 parameters"),
    )
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("nom d'utilisateur ou mot de passe incorrect")]
    WrongCredentials,
    #[error("trop de tentatives de connexion ; réessayez dans {minutes} minutes")]
    Throttled { minutes: i64 },
    #[error(transparent)]
    Storage(#[from] cadre_storage::StorageError),
    #[error("password hashing: {0}")]
    Hashing(String),
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes
}

fn hash_now(password: &str) -> Result<String, SignInError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>())
        .map_err(|e| SignInError::Hashing(e.to_string()))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| SignInError::Hashing(e.to_string()))
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        argon2()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Hashes a new password (on a blocking thread, within the hashing bound).
pub async fn hash_password(password: &str) -> Result<String, SignInError> {
    let _permit = HASHING.acquire().await.expect("never closed");
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .map_err(|e| SignInError::Hashing(e.to_string()))?
}

/// Checks a password against its hash (on a blocking thread, within the hashing bound).
pub async fn verify(password: &str, hash: &str) -> bool {
    let Ok(_permit) = HASHING.acquire().await else {
        return false;
    };
    let (password, hash) = (password.to_owned(), hash.to_owned());
    tokio::task::spawn_blocking(move || verify_now(&password, &hash))
        .await
        .unwrap_or(false)
}

/// A session token's stored form: the hex SHA-256 of the cookie's value.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Random bytes written as letters `a` to `p` (one per half byte). Never digits: tokens are
/// written into pages (forms' CSRF fields), and every page goes through the publication
/// boundary, which would mask a run of digits that reads like a phone number, and the form's
/// token would no longer match its cookie or session.
fn letters(bytes: &[u8]) -> String {
    bytes
        .iter()
        .flat_map(|b| [b >> 4, b & 0x0f])
        .map(|n| char::from(b'a' + n))
        .collect()
}

/// Whether a cookie's value can be a session token: [`TOKEN_LETTERS`] letters `a` to `p`.
pub fn looks_like_token(value: &str) -> bool {
    value.len() == TOKEN_LETTERS && value.bytes().all(|b| (b'a'..=b'p').contains(&b))
}

/// The length of a session token: 32 random bytes.
pub const TOKEN_LETTERS: usize = 64;

fn new_token() -> String {
    letters(&random_bytes::<32>())
}

/// A session just opened: the cookie's value and the session.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub session: OpenSession,
}

/// Checks a sign-in from `address` and opens a session of `lifetime` on success. Failures
/// are recorded; beyond the limits, [`SignInError::Throttled`] comes before any password check.
pub async fn sign_in(
    store: &Store,
    typed_username: &str,
    password: &str,
    address: &str,
    lifetime: Duration,
    now: DateTime<Utc>,
) -> Result<NewSession, SignInError> {
    // Throttling counts the name as typed (lowered), valid or not.
    let key = typed_username.trim().to_ascii_lowercase();
    let key: String = key.chars().take(64).collect();
    let recent = store
        .login_failures()
        .since(&key, address, now - THROTTLE_WINDOW)
        .await?;
    if recent.by_username >= MAX_FAILURES_PER_ACCOUNT
        || recent.by_address >= MAX_FAILURES_PER_ADDRESS
    {
        return Err(SignInError::Throttled {
            minutes: THROTTLE_WINDOW.num_minutes(),
        });
    }
    let found = match Username::parse(typed_username) {
        Ok(username) => store.accounts().credentials(&username).await?,
        Err(_) => None,
    };
    let account: Option<Account> = match found {
        Some((account, hash)) => {
            let ok = verify(password, &hash).await;
            (ok && !account.disabled).then_some(account)
        }
        None => {
            verify(password, &DUMMY_HASH).await;
            None
        }
    };
    let Some(account) = account else {
        store.login_failures().record(&key, address, now).await?;
        return Err(SignInError::WrongCredentials);
    };
    store.login_failures().clear(&key).await?;
    let token = new_token();
    let csrf_token = letters(&random_bytes::<16>());
    let expires_at = now + lifetime;
    store
        .sessions()
        .open(
            &token_hash(&token),
            account.id,
            &csrf_token,
            now,
            expires_at,
        )
        .await?;
    Ok(NewSession {
        token,
        session: OpenSession {
            account,
            csrf_token,
            expires_at,
        },
    })
}

/// The session a cookie's token opens, if any. A session used in the second half of its
/// lifetime is extended to a full one, so that people at work stay signed in and an
/// abandoned session ends.
pub async fn session(
    store: &Store,
    token: &str,
    lifetime: Duration,
    now: DateTime<Utc>,
) -> Result<Option<OpenSession>, SignInError> {
    let hash = token_hash(token);
    let Some(mut session) = store.sessions().find(&hash, now).await? else {
        return Ok(None);
    };
    if session.expires_at - now < lifetime / 2 {
        session.expires_at = now + lifetime;
        store.sessions().extend(&hash, session.expires_at).await?;
    }
    Ok(Some(session))
}

/// Ends the session of this token.
pub async fn sign_out(store: &Store, token: &str) -> Result<(), SignInError> {
    Ok(store.sessions().revoke(&token_hash(token)).await?)
}

/// A token for the sign-in form, before any session exists (double-submit: the same value
/// in a cookie and in the form).
pub fn new_form_token() -> String {
    letters(&random_bytes::<16>())
}

/// Compares secrets in constant time.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_the_chosen_parameters() {
        let hash = hash_now("sable du ténéré").unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_now("sable du ténéré", &hash));
        assert!(!verify_now("sable du tenere", &hash));
        assert!(!verify_now("x", "not a hash"));
        assert_ne!(hash, hash_now("sable du ténéré").unwrap(), "salted");
    }

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert!(looks_like_token(&a));
        assert!(!looks_like_token(&"9".repeat(64)));
        // No digit, whatever the bytes: a page's masking of phone numbers never touches one.
        assert_eq!(letters(&[0x96, 0x97, 0x25, 0x39]), "jgjhcfdj");
        assert!(new_form_token().bytes().all(|b| b.is_ascii_lowercase()));
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert!(same_secret(&a, &a.clone()));
        assert!(!same_secret(&a, &b));
        assert!(!same_secret("ab", "abc"));
    }
}
