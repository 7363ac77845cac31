//! Signing in and out, and one's own account: `GET/POST /login`, `POST /logout`,
//! `GET /account`, `POST /account/password`.

use askama::Template;
use axum::extract::{Form, FromRequest, FromRequestParts, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use cadre_domain::account::{MIN_PASSWORD_CHARS, check_new_password};
use cadre_services::sign_in::{self, SignInError};
use serde::Deserialize;

use super::session::{self, LOGIN_COOKIE, SESSION_COOKIE, Ui, Who};
use crate::AppState;
use crate::error::WebError;
use crate::published::render;

#[derive(Template)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    title: &'static str,
    nav: &'static str,
    ui: Ui,
    message: String,
    username: String,
    next: String,
    form_token: String,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

/// Where to go after signing in: a path of this site only (never `//host` or `https://…`).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && n.len() <= 512
                && !n.chars().any(char::is_control) =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The sign-in form, with a fresh form token in a cookie and in the form.
fn login_page(
    status: StatusCode,
    message: String,
    username: &str,
    next: &str,
    https: bool,
) -> Result<Response, WebError> {
    let form_token = sign_in::new_form_token();
    let page = LoginPage {
        title: crate::language::t("nav-sign-in"),
        nav: "login",
        ui: Ui {
            lang: crate::language::current(),
            ..Ui::default()
        },
        message,
        username: username.chars().take(64).collect(),
        next: next.to_owned(),
        form_token: form_token.clone(),
    };
    let mut response = (status, render(&page)?).into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        session::set_cookie(LOGIN_COOKIE, &form_token, "/login", 3600, https),
    );
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, "no-store".parse().expect("valid"));
    Ok(response)
}

pub async fn login_form(
    headers: HeaderMap,
    crate::params::PageQuery(q): crate::params::PageQuery<LoginQuery>,
) -> Result<Response, WebError> {
    let next = safe_next(q.next.as_deref());
    login_page(
        StatusCode::OK,
        String::new(),
        "",
        &next,
        crate::forwarded_https(&headers),
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
}

pub async fn login(State(state): State<AppState>, request: Request) -> Result<Response, WebError> {
    let (mut parts, body) = request.into_parts();
    let https = crate::forwarded_https(&parts.headers);
    let address = session::client_address(&parts);
    let form_cookie = session::cookie(&parts.headers, LOGIN_COOKIE).map(str::to_owned);
    let Form(form) =
        Form::<LoginForm>::from_request(Request::from_parts(parts.clone(), body), &state)
            .await
            .map_err(|e| WebError::bad_param("formulaire", e.body_text()))?;
    let _ = Who::from_request_parts(&mut parts, &state).await;
    let next = safe_next(Some(&form.next));
    let form_ok = form_cookie
        .as_deref()
        .is_some_and(|c| sign_in::same_secret(c, &form.csrf));
    if !form_ok {
        return login_page(
            StatusCode::FORBIDDEN,
            crate::language::t("login-form-expired").to_owned(),
            &form.username,
            &next,
            https,
        );
    }
    let now = chrono::Utc::now();
    match sign_in::sign_in(
        &state.store,
        &form.username,
        &form.password,
        &address,
        state.sessions.lifetime,
        now,
    )
    .await
    {
        Ok(opened) => {
            tracing::info!(username = %opened.session.account.username, "connexion");
            let mut response = Redirect::to(&next).into_response();
            *response.status_mut() = StatusCode::SEE_OTHER;
            let h = response.headers_mut();
            h.append(
                header::SET_COOKIE,
                session::set_cookie(
                    SESSION_COOKIE,
                    &opened.token,
                    "/",
                    state.sessions.lifetime.num_seconds(),
                    https,
                ),
            );
            h.append(
                header::SET_COOKIE,
                session::set_cookie(LOGIN_COOKIE, "", "/login", 0, https),
            );
            Ok(response)
        }
        Err(SignInError::WrongCredentials) => login_page(
            StatusCode::UNAUTHORIZED,
            crate::language::t("login-wrong").to_owned(),
            &form.username,
            &next,
            https,
        ),
        Err(SignInError::Throttled { minutes }) => {
            tracing::warn!(%address, "connexion refusée : trop de tentatives");
            let mut response = login_page(
                StatusCode::TOO_MANY_REQUESTS,
                cadre_i18n::tf(
                    crate::language::current(),
                    "login-throttled",
                    &[("minutes", minutes.into())],
                ),
                &form.username,
                &next,
                https,
            )?;
            response.headers_mut().insert(
                header::RETRY_AFTER,
                (minutes * 60).to_string().parse().expect("digits"),
            );
            Ok(response)
        }
        Err(e) => Err(WebError::Internal(e.to_string())),
    }
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    who: Who,
    Form(form): Form<CsrfForm>,
) -> Result<Response, WebError> {
    who.check_csrf(&form.csrf)?;
    if let Some(token) = &who.token {
        sign_in::sign_out(&state.store, token)
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?;
    }
    let mut response = Redirect::to("/").into_response();
    *response.status_mut() = StatusCode::SEE_OTHER;
    response.headers_mut().insert(
        header::SET_COOKIE,
        session::set_cookie(SESSION_COOKIE, "", "/", 0, crate::forwarded_https(&headers)),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
struct AccountPage {
    title: &'static str,
    nav: &'static str,
    ui: Ui,
    message: String,
    organisation: Option<String>,
    region: Option<String>,
    min_chars: usize,
}

async fn account_page(
    state: &AppState,
    who: &Who,
    status: StatusCode,
    message: String,
) -> Result<Response, WebError> {
    let account = who.require()?;
    let organisation = match account.organisation {
        Some(id) => state.store.organisations().get(id).await?.map(|o| o.name),
        None => None,
    };
    let page = AccountPage {
        title: crate::language::t("account-mine"),
        nav: "account",
        ui: who.ui(),
        message,
        organisation,
        region: account.region.clone(),
        min_chars: MIN_PASSWORD_CHARS,
    };
    Ok((status, render(&page)?).into_response())
}

pub async fn account(State(state): State<AppState>, who: Who) -> Result<Response, WebError> {
    account_page(&state, &who, StatusCode::OK, String::new()).await
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    who: Who,
    Form(form): Form<PasswordForm>,
) -> Result<Response, WebError> {
    who.check_csrf(&form.csrf)?;
    let account = who.require()?.clone();
    let Some((_, hash)) = state
        .store
        .accounts()
        .credentials(&account.username)
        .await?
    else {
        return Err(WebError::SignInRequired);
    };
    if !sign_in::verify(&form.current, &hash).await {
        return account_page(
            &state,
            &who,
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::language::t("password-current-wrong").to_owned(),
        )
        .await;
    }
    if let Err(e) = check_new_password(&form.new, &account.username) {
        return account_page(
            &state,
            &who,
            StatusCode::UNPROCESSABLE_ENTITY,
            e.to_string(),
        )
        .await;
    }
    let new_hash = sign_in::hash_password(&form.new)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    state
        .store
        .accounts()
        .set_password(account.id, &new_hash, &who.actor()?, chrono::Utc::now())
        .await?;
    // Every session ended, this one too: sign in again with the new password.
    let mut response = Redirect::to("/login?next=/account").into_response();
    *response.status_mut() = StatusCode::SEE_OTHER;
    response.headers_mut().insert(
        header::SET_COOKIE,
        session::set_cookie(SESSION_COOKIE, "", "/", 0, crate::forwarded_https(&headers)),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_paths_of_this_site_are_followed_after_sign_in() {
        assert_eq!(safe_next(Some("/actions/3")), "/actions/3");
        for bad in [
            "//evil.example/x",
            "https://evil.example",
            "/\\evil",
            "evil",
            "",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
