//! The store: the pool of whichever engine the URL names, and the way to each capability.

use crate::Result;
use crate::accounts::Accounts;
use crate::accounts::sessions::Sessions;
use crate::accounts::throttle::LoginFailures;
use crate::action_points::ActionPoints;
use crate::audit::Audit;
use crate::bodies::Bodies;
use crate::changes::Changes;
use crate::engine::{Conn, Engine, Pool, Tx};
use crate::meetings::Meetings;
use crate::organisations::{AliasCache, Organisations};
use crate::recommendations::Recommendations;
use crate::source_documents::SourceDocuments;

/// Everything Cadre stores. Cheap to clone (a pool and a shared cache): handlers, commands and
/// tests each hold one.
#[derive(Debug, Clone)]
pub struct Store {
    pool: Pool,
    pub(crate) aliases: AliasCache,
    /// List totals, until the change log moves (see [`crate::lists`]).
    pub(crate) totals: crate::lists::RememberedTotals,
    /// The recommendations matrix per filter (an aggregate over every recommendation).
    pub(crate) matrices: crate::lists::Remembered<Vec<crate::recommendations::MatrixCell>>,
    /// Reads of the latest change, shared by concurrent callers.
    pub(crate) clock: std::sync::Arc<crate::changes::Clock>,
}

impl Store {
    /// Connects to `url` (`sqlite://FILE`, `sqlite::memory:` or `postgres://USER@HOST/DB`) and
    /// brings the schema and the known organisations up to date.
    pub async fn connect(url: &str) -> Result<Store> {
        let seed = crate::organisations::seed_known_organisations_sql();
        Ok(Store {
            pool: Pool::connect(url, &seed).await?,
            aliases: AliasCache::default(),
            totals: Default::default(),
            matrices: Default::default(),
            clock: crate::changes::Clock::shared(),
        })
    }

    pub fn engine(&self) -> Engine {
        self.pool.engine()
    }

    /// The engine's own pool, for tools and tests that need plain SQL.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Who signs in, with which role.
    pub fn accounts(&self) -> Accounts<'_> {
        Accounts(self)
    }

    /// Signed-in browsers.
    pub fn sessions(&self) -> Sessions<'_> {
        Sessions(self)
    }

    /// Failed sign-ins, for throttling.
    pub fn login_failures(&self) -> LoginFailures<'_> {
        LoginFailures(self)
    }

    /// Every change made through Cadre, by record.
    pub fn audit(&self) -> Audit<'_> {
        Audit(self)
    }

    pub fn meetings(&self) -> Meetings<'_> {
        Meetings(self)
    }

    pub fn action_points(&self) -> ActionPoints<'_> {
        ActionPoints(self)
    }

    pub fn organisations(&self) -> Organisations<'_> {
        Organisations(self)
    }

    pub fn recommendations(&self) -> Recommendations<'_> {
        Recommendations(self)
    }

    pub fn bodies(&self) -> Bodies<'_> {
        Bodies(self)
    }

    /// The change log: how search indexes and page caches learn what changed.
    pub fn changes(&self) -> Changes<'_> {
        Changes(self)
    }

    /// The original documents meetings were imported from.
    pub fn source_documents(&self) -> SourceDocuments<'_> {
        SourceDocuments(self)
    }

    /// Refreshes the query planner's statistics after a bulk load (see
    /// [`Pool::refresh_statistics`]).
    pub async fn refresh_statistics(&self) -> Result<()> {
        self.pool.refresh_statistics().await
    }

    pub(crate) async fn conn(&self) -> Result<Conn> {
        self.pool.acquire().await
    }

    pub(crate) async fn begin(&self) -> Result<Tx> {
        self.pool.begin().await
    }
}
