//! The HTTP/1.1 server: our own accept loop over hyper, so that no client can hold a
//! connection — or thousands of them — open for nothing.
//!
//! - **Connections**: at most [`ServerLimits::max_connections`] at a time. The loop takes a
//!   permit *before* accepting, so clients beyond the bound wait in the kernel's backlog (no
//!   file descriptor, no memory here) until a connection ends.
//! - **Request heads**: a request line and headers must arrive in full within
//!   [`ServerLimits::header_read_timeout`] (hyper's timer), counted from the connection's opening
//!   and, on a keep-alive connection, from the end of the previous response: a client sending
//!   half a request, a byte at a time, or nothing at all is disconnected after it. Heads are
//!   bounded in size too ([`MAX_HEAD_BYTES`], 100 headers).
//! - **Idle connections**: a connection on which no byte moves in either direction for
//!   [`ServerLimits::idle_timeout`] while no request is being handled is closed: a keep-alive
//!   connection waiting for a request nobody sends, a client that stops reading its response.
//!   A handler that takes long (a search catching up after an import) is not cut.
//! - **Shutdown**: on the signal, the loop stops accepting, lets every connection finish its
//!   current request (hyper's graceful shutdown) and waits at most
//!   [`ServerLimits::shutdown_grace`] for them.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::Service as _;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// The largest request head (request line and headers) hyper reads; beyond it hyper itself
/// answers a bare 431 and closes. The application answers 414 to a request target over
/// [`crate::MAX_URI_BYTES`] (8 KiB), with its headers and a French page, so what only hyper
/// sees is 8 times beyond that. It is also the most a half-sent head can make the server keep
/// per connection.
pub const MAX_HEAD_BYTES: usize = 64 * 1024;

/// The bounds of the server. [`Default`] is what `cadre serve` uses; tests shorten them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Time for a request line and headers to arrive in full (10 s).
    pub header_read_timeout: Duration,
    /// A connection with no byte read or written for this long while no request is being
    /// handled is closed (60 s).
    pub idle_timeout: Duration,
    /// Connections served at once; more wait in the kernel's backlog (1,024).
    pub max_connections: usize,
    /// How long a shutdown waits for requests in progress (30 s).
    pub shutdown_grace: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_connections: 1024,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// Serves `router` on `listener` within `limits` until `shutdown` completes, then lets the
/// requests in progress finish (for at most [`ServerLimits::shutdown_grace`]).
pub async fn serve_router<F>(
    listener: TcpListener,
    router: Router,
    limits: ServerLimits,
    shutdown: F,
) -> io::Result<()>
where
    F: Future<Output = ()> + Send,
{
    let permits = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .max_buf_size(MAX_HEAD_BYTES)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(100)
        .keep_alive(true);
    let service = TowerToHyperService::new(router);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // A permit first: beyond the bound, clients wait in the backlog, not in our memory.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(e) => {
                    accept_error(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let watcher = graceful.watcher();
        let http = http.clone();
        let service = service.clone();
        let idle_timeout = limits.idle_timeout;
        tokio::spawn(async move {
            serve_connection(stream, http, service, idle_timeout, watcher).await;
            drop(permit);
        });
    }
    drop(listener);
    tracing::info!(
        connections = graceful.count(),
        "no longer accepting; waiting for requests in progress"
    );
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            grace = ?limits.shutdown_grace,
            "connections still open after the grace period: closed"
        );
    }
    Ok(())
}

type RouterService = TowerToHyperService<Router>;

/// One connection, until the client or hyper closes it, or it stays idle for `idle_timeout`.
async fn serve_connection(
    stream: TcpStream,
    http: http1::Builder,
    service: RouterService,
    idle_timeout: Duration,
    watcher: hyper_util::server::graceful::Watcher,
) {
    let _ = stream.set_nodelay(true);
    // Handlers see the peer's address as with axum's own server (sign-in throttling uses it).
    let peer = stream.peer_addr().ok();
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Tracked {
        inner: stream,
        activity: activity.clone(),
    });
    let handler = {
        let activity = activity.clone();
        hyper::service::service_fn(move |mut req: Request<Incoming>| {
            if let Some(peer) = peer {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(peer));
            }
            let busy = Busy::enter(activity.clone());
            let response = service.call(req);
            async move {
                let response = response.await;
                drop(busy);
                response
            }
        })
    };
    let conn = watcher.watch(http.serve_connection(io, handler));
    let mut conn = std::pin::pin!(conn);
    loop {
        let check_at = activity.idle_deadline(idle_timeout);
        tokio::select! {
            result = &mut conn => {
                if let Err(e) = result {
                    // Header timeouts, resets, malformed requests: the client's business.
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                return;
            }
            () = tokio::time::sleep_until(check_at) => {
                if activity.idle_for(idle_timeout) {
                    tracing::debug!(?idle_timeout, "idle connection closed");
                    // Dropping the connection closes the socket.
                    return;
                }
            }
        }
    }
}

/// Like axum's: errors of one connection are skipped; others (out of file descriptors…) are
/// logged and the loop pauses, rather than spinning.
async fn accept_error(e: io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!(error = %e, "accept failed; pausing for a second");
    tokio::time::sleep(Duration::from_secs(1)).await;
}

/// When a connection last moved a byte, and how many of its requests are being handled.
struct Activity {
    start: Instant,
    /// Milliseconds from `start` to the last byte read or written, or the last response.
    last_ms: AtomicU64,
    busy: AtomicUsize,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
            busy: AtomicUsize::new(0),
        }
    }

    fn touch(&self) {
        let ms = self.start.elapsed().as_millis() as u64;
        self.last_ms.fetch_max(ms, Ordering::Relaxed);
    }

    fn last(&self) -> Instant {
        self.start + Duration::from_millis(self.last_ms.load(Ordering::Relaxed))
    }

    /// Whether nothing moved for `timeout` and no request is being handled.
    fn idle_for(&self, timeout: Duration) -> bool {
        self.busy.load(Ordering::Relaxed) == 0 && self.last().elapsed() >= timeout
    }

    /// When to look again: `timeout` after the last activity (or from now while busy).
    fn idle_deadline(&self, timeout: Duration) -> Instant {
        if self.busy.load(Ordering::Relaxed) > 0 {
            Instant::now() + timeout
        } else {
            // At least a millisecond ahead, so that the check never spins.
            (self.last() + timeout).max(Instant::now() + Duration::from_millis(1))
        }
    }
}

/// A request being handled; its end counts as activity.
struct Busy(Arc<Activity>);

impl Busy {
    fn enter(activity: Arc<Activity>) -> Busy {
        activity.busy.fetch_add(1, Ordering::Relaxed);
        Busy(activity)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.busy.fetch_sub(1, Ordering::Relaxed);
    }
}

/// A socket that records when bytes move.
struct Tracked {
    inner: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
