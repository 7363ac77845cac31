//! Accounts on the web: signing in and out, one's own account, and (administrators) the
//! management of every account. The session of each request is read by the [`Who`]
//! extractor; what each role may do is decided by `cadre_domain::account::Viewer`.

mod admin;
mod pages;
pub mod session;

use axum::Router;
use axum::routing::{get, post};

pub use session::{SessionSettings, Ui, Who};

use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route("/account", get(pages::account))
        .route("/account/password", post(pages::change_password))
        .route("/admin/accounts", get(admin::list).post(admin::add))
        .route("/admin/accounts/{id}", get(admin::show).post(admin::update))
}
