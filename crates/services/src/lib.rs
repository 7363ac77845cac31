//! Cadre's application services: the rules that sit between the store and whoever shows or
//! exports what it holds, shared by the web and the CLI.
//!
//! - [`publication`]: what may leave Cadre. Records read for publication have any phone
//!   number or e-mail address in their free text masked; pages, JSON and exports mask once
//!   more on the way out (see `cadre_domain::privacy`).
//! - [`search_index`]: the full-text index kept in step with the store's change log.
//!
//! - [`sign_in`]: password hashes, sessions and the throttling of failed sign-ins. Who may
//!   do what is decided by `cadre_domain::account::Viewer`, asked by the web and the CLI.
//!
//! Lifecycles (draft → validated → published)
//! belong here too as they arrive.

pub mod publication;
pub mod search_index;
pub mod sign_in;

pub use search_index::{Freshness, IndexingError, Search};
