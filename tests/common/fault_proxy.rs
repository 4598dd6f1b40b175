//! A fault-injecting HTTP/1.1 proxy for reliability tests, placed between the client under
//! test and the harness's real registry.
//!
//! [`FaultProxy`] listens on `127.0.0.1:<free port>` and forwards every request to the
//! registry (one upstream connection per request, `Connection: close` both ways), recording
//! each request (method, path and query, headers, time, what was done to it). A list of
//! [`Rule`]s, each matching a method and a path substring (optionally only the n-th or the
//! first n such requests), picks an [`Action`] to apply instead of a plain forward: an error
//! status, a connection reset mid-body, a flipped byte, a short or long body, a stall, a
//! slow trickle, a redirect, an authentication wall, or a whole made-up response. Use it as `--plain-http 127.0.0.1:<proxy port>/<repo>`
//! ([`FaultProxy::reference`]); the `Host` header is forwarded unchanged, so the registry's
//! upload `Location`s point back at the proxy.
//!
//! [`Origin`] is a tiny second server that serves fixed bytes and records request headers,
//! the other end of a cross-origin redirect.
//!
//! Everything is bounded in time: sockets have read and write timeouts, stalls wake up when
//! the server is dropped, and dropping a server stops its threads (waiting at most a few
//! seconds for connections still being served).
#![allow(dead_code)]

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Read and write timeout on every socket the servers use.
const IO_TIMEOUT: Duration = Duration::from_secs(20);
/// How long dropping a server waits for connections still being served.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest request or response head accepted.
const MAX_HEAD: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------

/// What the proxy does to a request that a [`Rule`] picked.
#[derive(Debug, Clone)]
pub enum Action {
    /// Answer this status with these extra headers, without asking the registry. The body is
    /// an OCI error document.
    Status(u16, Vec<(String, String)>),
    /// Forward, then send the response head and only the first `n` bytes of the body
    /// (announcing the full length), then reset the connection.
    ResetAfter(usize),
    /// Forward, then flip every bit of the body byte at this offset (if the body is that long).
    FlipByte(usize),
    /// Forward, then cut the body to `n` bytes, with a `Content-Length` that says so: a
    /// well-formed response that is too short.
    Truncate(usize),
    /// Forward, then append `n` bytes to the body, with a `Content-Length` that says so.
    Append(usize),
    /// Forward, then send the head and the first `after` bytes of the body and go silent for
    /// `duration` (or until the proxy is dropped); then close.
    Stall { after: usize, duration: Duration },
    /// Wait this long (or until the proxy is dropped) before forwarding: the client sees no
    /// response head meanwhile.
    Delay(Duration),
    /// Answer `307 Temporary Redirect` to this URL, without asking the registry.
    Redirect(String),
    /// Answer `401` with `WWW-Authenticate: Basic realm="fault-proxy"` unless the request
    /// carries an `Authorization` header; when it does, later rules and forwarding apply.
    RequireBasic,
    /// Answer `401` with `WWW-Authenticate: Basic realm="x"`, whatever the request carries.
    AlwaysUnauthorized,
    /// Read the request head and at most `n` bytes of its body, then reset the connection.
    /// Nothing reaches the registry: an upload interrupted mid-request.
    ResetRequestAfter(usize),
    /// Forward the whole request (the registry acts on it), then reset the connection
    /// without answering: the client cannot tell whether the request took effect.
    LoseResponse,
    /// Answer this status, these headers and this body, without asking the registry: content
    /// the registry would never store (a 5 MiB manifest, an unknown media type). The body goes
    /// out with a `Content-Length`, or chunked (no length announced) when the headers include
    /// `Transfer-Encoding: chunked`.
    Replace(u16, Vec<(String, String)>, Vec<u8>),
    /// Forward, then send the body `chunk` bytes at a time with a pause of `every` between
    /// pieces: a slow but healthy transfer.
    Throttle { chunk: usize, every: Duration },
}

impl Action {
    /// [`Action::Status`] without extra headers.
    pub fn status(code: u16) -> Action {
        Action::Status(code, Vec::new())
    }

    /// [`Action::Status`] with extra headers.
    pub fn status_with(code: u16, headers: &[(&str, &str)]) -> Action {
        Action::Status(code, owned(headers))
    }

    /// [`Action::Replace`] from borrowed parts.
    pub fn replace(code: u16, headers: &[(&str, &str)], body: &[u8]) -> Action {
        Action::Replace(code, owned(headers), body.to_vec())
    }
}

fn owned(headers: &[(&str, &str)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[derive(Debug, Clone, Copy)]
enum When {
    Always,
    /// The first n matching requests.
    FirstN(usize),
    /// Only the n-th matching request (1-based).
    Nth(usize),
}

/// Which requests get an [`Action`]: a method (`"*"` for any) and a substring of the path
/// and query; by default every such request, narrowed with [`Rule::first`] or [`Rule::nth`].
///
/// Every rule counts the requests its method and path match, whether or not an earlier rule
/// acted on them; the first rule in the list that fires decides what happens.
#[derive(Debug)]
pub struct Rule {
    method: String,
    path: String,
    when: When,
    action: Action,
    seen: AtomicUsize,
}

impl Rule {
    pub fn new(method: &str, path_contains: &str, action: Action) -> Rule {
        Rule {
            method: method.to_ascii_uppercase(),
            path: path_contains.to_string(),
            when: When::Always,
            action,
            seen: AtomicUsize::new(0),
        }
    }

    /// Fire only on the first `n` matching requests.
    pub fn first(mut self, n: usize) -> Rule {
        self.when = When::FirstN(n);
        self
    }

    /// Fire only on the `n`-th matching request (1-based).
    pub fn nth(mut self, n: usize) -> Rule {
        self.when = When::Nth(n);
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        (self.method == "*" || self.method == method) && path.contains(&self.path)
    }

    fn fires(&self, count: usize) -> bool {
        match self.when {
            When::Always => true,
            When::FirstN(n) => count <= n,
            When::Nth(n) => count == n,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------

/// One request a server received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query, as sent.
    pub path: String,
    /// Header names lower-cased, in the order received.
    pub headers: Vec<(String, String)>,
    /// When the request head had been read.
    pub at: Instant,
    /// The action applied, if a rule fired (`Debug` form), else `None` (plain forward).
    pub action: Option<String>,
    /// The status the registry answered, when the request was forwarded and answered.
    pub upstream_status: Option<u16>,
    /// The status sent to the client, `None` when no response head was sent.
    pub status: Option<u16>,
}

impl Seen {
    /// A header by (case-insensitive) name; the first one when repeated.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// A small threaded server
// ---------------------------------------------------------------------------------------

struct Shared {
    stop: AtomicBool,
    active: AtomicUsize,
    seen: Mutex<Vec<Seen>>,
}

impl Shared {
    fn new() -> Arc<Shared> {
        Arc::new(Shared {
            stop: AtomicBool::new(false),
            active: AtomicUsize::new(0),
            seen: Mutex::new(Vec::new()),
        })
    }

    fn record(&self, s: Seen) -> usize {
        let mut v = self.seen.lock().unwrap();
        v.push(s);
        v.len() - 1
    }

    fn update(&self, i: usize, f: impl FnOnce(&mut Seen)) {
        if let Some(s) = self.seen.lock().unwrap().get_mut(i) {
            f(s);
        }
    }

    /// Sleep up to `d`, waking early when the server stops. Returns false when stopped.
    fn sleep(&self, d: Duration) -> bool {
        let end = Instant::now() + d;
        while Instant::now() < end {
            if self.stop.load(Ordering::SeqCst) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20).min(end - Instant::now()));
        }
        !self.stop.load(Ordering::SeqCst)
    }
}

/// Accept loop on a background thread; each connection on its own thread.
struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

impl Server {
    fn start<H>(listener: TcpListener, handler: H) -> Server
    where
        H: Fn(TcpStream, &Shared) + Send + Sync + 'static,
    {
        let addr = listener.local_addr().expect("local addr");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let shared = Shared::new();
        let handler = Arc::new(handler);
        let sh = shared.clone();
        let accept = std::thread::spawn(move || {
            while !sh.stop.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
                        let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
                        let _ = stream.set_nodelay(true);
                        sh.active.fetch_add(1, Ordering::SeqCst);
                        let (sh2, h) = (sh.clone(), handler.clone());
                        std::thread::spawn(move || {
                            h(stream, &sh2);
                            sh2.active.fetch_sub(1, Ordering::SeqCst);
                        });
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                        std::thread::sleep(Duration::from_millis(5));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Server {
            addr,
            shared,
            accept: Some(accept),
        }
    }

    fn requests(&self) -> Vec<Seen> {
        self.shared.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
        // Connection threads end on their own (timeouts, stalls wake on `stop`); give them a
        // moment, but never hang the test on one.
        let end = Instant::now() + DRAIN_TIMEOUT;
        while self.shared.active.load(Ordering::SeqCst) > 0 && Instant::now() < end {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

// ---------------------------------------------------------------------------------------
// HTTP/1.1 bits
// ---------------------------------------------------------------------------------------

struct Head {
    /// `METHOD PATH HTTP/1.1` or `HTTP/1.1 200 OK`
    start: String,
    headers: Vec<(String, String)>,
}

impl Head {
    fn get(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn content_length(&self) -> Option<usize> {
        self.get("content-length")
            .and_then(|v| v.trim().parse().ok())
    }

    fn chunked(&self) -> bool {
        self.get("transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    }
}

fn bad(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

/// Reads a head; `Ok(None)` on a clean EOF before any byte.
fn read_head(r: &mut impl BufRead) -> io::Result<Option<Head>> {
    let mut start = String::new();
    if r.read_line(&mut start)? == 0 {
        return Ok(None);
    }
    let mut total = start.len();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        let n = r.read_line(&mut line)?;
        total += n;
        if n == 0 || total > MAX_HEAD {
            return Err(bad("truncated or oversized head"));
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Ok(Some(Head {
        start: start.trim_end().to_string(),
        headers,
    }))
}

/// Reads a chunked body (trailers skipped), at most `limit` bytes of data.
fn read_chunked(r: &mut impl BufRead, limit: usize) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let mut size_line = String::new();
        r.read_line(&mut size_line)?;
        let hex = size_line.trim().split(';').next().unwrap_or("");
        let size = usize::from_str_radix(hex, 16).map_err(|_| bad("bad chunk size"))?;
        if size == 0 {
            // trailers up to the empty line
            loop {
                let mut l = String::new();
                if r.read_line(&mut l)? == 0 || l.trim().is_empty() {
                    return Ok(body);
                }
            }
        }
        if body.len() + size > limit {
            return Err(bad("chunked body too large"));
        }
        let start = body.len();
        body.resize(start + size, 0);
        r.read_exact(&mut body[start..])?;
        let mut crlf = [0u8; 2];
        r.read_exact(&mut crlf)?;
    }
}

/// Close the connection with a TCP RST instead of a FIN (SO_LINGER 0), where supported.
/// The socket closes once every handle on it is dropped.
fn set_reset_on_close(stream: &TcpStream) {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        use std::os::raw::{c_int, c_void};
        #[repr(C)]
        struct Linger {
            l_onoff: c_int,
            l_linger: c_int,
        }
        extern "C" {
            fn setsockopt(
                fd: c_int,
                level: c_int,
                name: c_int,
                value: *const c_void,
                len: u32,
            ) -> c_int;
        }
        const SOL_SOCKET: c_int = 1;
        const SO_LINGER: c_int = 13;
        let l = Linger {
            l_onoff: 1,
            l_linger: 0,
        };
        // SAFETY: a valid socket descriptor and a properly sized, initialised `linger`.
        unsafe {
            setsockopt(
                stream.as_raw_fd(),
                SOL_SOCKET,
                SO_LINGER,
                &l as *const Linger as *const c_void,
                std::mem::size_of::<Linger>() as u32,
            );
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = stream;
}

fn reason(code: u16) -> &'static str {
    match code {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        206 => "Partial Content",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        416 => "Range Not Satisfiable",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    }
}

const HOP_BY_HOP: [&str; 8] = [
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "content-length",
];

/// Writes a response head with `Connection: close`; `content_length` is added when given.
fn write_head(
    w: &mut impl Write,
    status: u16,
    headers: &[(String, String)],
    content_length: Option<usize>,
) -> io::Result<()> {
    let mut s = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in headers {
        if !HOP_BY_HOP.contains(&k.as_str()) {
            s.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    if let Some(n) = content_length {
        s.push_str(&format!("content-length: {n}\r\n"));
    }
    s.push_str("connection: close\r\n\r\n");
    w.write_all(s.as_bytes())
}

/// A complete response: status, headers, body (empty when `has_body` is false).
fn respond(
    w: &mut impl Write,
    status: u16,
    headers: &[(String, String)],
    body: &[u8],
    has_body: bool,
) -> io::Result<()> {
    write_head(w, status, headers, Some(body.len()))?;
    if has_body {
        w.write_all(body)?;
    }
    w.flush()
}

// ---------------------------------------------------------------------------------------
// FaultProxy
// ---------------------------------------------------------------------------------------

struct ProxyState {
    upstream: String,
    rules: Mutex<Vec<Arc<Rule>>>,
}

/// The fault-injecting proxy; see the module documentation.
pub struct FaultProxy {
    server: Server,
    state: Arc<ProxyState>,
}

impl FaultProxy {
    /// A proxy on a free loopback port forwarding to `upstream` (`host:port`).
    pub fn start(upstream: &str) -> FaultProxy {
        FaultProxy::start_on("127.0.0.1:0", upstream)
    }

    /// A proxy listening on `listen` (e.g. a port reserved earlier) forwarding to `upstream`.
    pub fn start_on(listen: &str, upstream: &str) -> FaultProxy {
        let listener =
            TcpListener::bind(listen).unwrap_or_else(|e| panic!("bind proxy on {listen}: {e}"));
        let state = Arc::new(ProxyState {
            upstream: upstream.to_string(),
            rules: Mutex::new(Vec::new()),
        });
        let st = state.clone();
        let server = Server::start(listener, move |stream, shared| {
            let _ = proxy_one(stream, shared, &st);
        });
        FaultProxy { server, state }
    }

    /// Adds a rule after those already there; returns `self` for chaining.
    pub fn rule(&self, rule: Rule) -> &FaultProxy {
        self.state.rules.lock().unwrap().push(Arc::new(rule));
        self
    }

    /// Removes every rule: from now on requests are forwarded untouched.
    pub fn clear_rules(&self) {
        self.state.rules.lock().unwrap().clear();
    }

    /// `127.0.0.1:PORT`
    pub fn addr(&self) -> String {
        self.server.addr.to_string()
    }

    pub fn port(&self) -> u16 {
        self.server.addr.port()
    }

    /// `127.0.0.1:PORT/<rest>`, e.g. `proxy.reference("repo:v1")`.
    pub fn reference(&self, rest: &str) -> String {
        format!("{}/{rest}", self.addr())
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<Seen> {
        self.server.requests()
    }

    /// Requests with this method (`"*"` for any) whose path and query contain `path_contains`.
    pub fn matching(&self, method: &str, path_contains: &str) -> Vec<Seen> {
        let method = method.to_ascii_uppercase();
        self.requests()
            .into_iter()
            .filter(|s| (method == "*" || s.method == method) && s.path.contains(path_contains))
            .collect()
    }

    /// How many requests [`FaultProxy::matching`] finds.
    pub fn count(&self, method: &str, path_contains: &str) -> usize {
        self.matching(method, path_contains).len()
    }

    /// Polls until `pred` holds for the recorded requests or `timeout` passes; returns
    /// whether it held.
    pub fn wait_for(&self, timeout: Duration, pred: impl Fn(&[Seen]) -> bool) -> bool {
        let end = Instant::now() + timeout;
        loop {
            if pred(&self.requests()) {
                return true;
            }
            if Instant::now() >= end {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// One line per request (`METHOD path -> status [action]`), for assertion messages.
    pub fn log(&self) -> String {
        self.requests()
            .iter()
            .map(|s| {
                format!(
                    "{} {} -> {} {}\n",
                    s.method,
                    s.path,
                    s.status.map_or("(none)".to_string(), |c| c.to_string()),
                    s.action.as_deref().unwrap_or("")
                )
            })
            .collect()
    }
}

/// The upstream's answer, body read whole.
struct Upstream {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    has_body: bool,
}

fn forward(
    upstream: &str,
    method: &str,
    target: &str,
    headers: &[(String, String)],
    body: &[u8],
    send_length: bool,
) -> io::Result<Upstream> {
    let addr = upstream
        .to_socket_addrs()?
        .next()
        .ok_or_else(|| bad("upstream address"))?;
    let mut up = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    up.set_read_timeout(Some(IO_TIMEOUT))?;
    up.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut head = format!("{method} {target} HTTP/1.1\r\n");
    for (k, v) in headers {
        if !HOP_BY_HOP.contains(&k.as_str()) {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    if send_length {
        head.push_str(&format!("content-length: {}\r\n", body.len()));
    }
    head.push_str("connection: close\r\n\r\n");
    up.write_all(head.as_bytes())?;
    up.write_all(body)?;
    up.flush()?;

    let mut r = BufReader::new(up);
    let h = read_head(&mut r)?.ok_or_else(|| bad("upstream closed without answering"))?;
    let status: u16 = h
        .start
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad(format!("bad upstream status line {:?}", h.start)))?;
    let has_body =
        !(method == "HEAD" || (100..200).contains(&status) || status == 204 || status == 304);
    let body = if !has_body {
        Vec::new()
    } else if h.chunked() {
        read_chunked(&mut r, 256 << 20)?
    } else if let Some(n) = h.content_length() {
        let mut b = vec![0; n];
        r.read_exact(&mut b)?;
        b
    } else {
        let mut b = Vec::new();
        r.read_to_end(&mut b)?;
        b
    };
    Ok(Upstream {
        status,
        headers: h.headers,
        body,
        has_body,
    })
}

fn error_body(status: u16) -> Vec<u8> {
    let code = match status {
        401 => "UNAUTHORIZED",
        403 => "DENIED",
        404 => "NOT_FOUND",
        429 => "TOOMANYREQUESTS",
        _ => "UNKNOWN",
    };
    format!(
        r#"{{"errors":[{{"code":"{code}","message":"injected by the fault proxy ({status})"}}]}}"#
    )
    .into_bytes()
}

fn proxy_one(client: TcpStream, shared: &Shared, st: &ProxyState) -> io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut out = client;
    let Some(head) = read_head(&mut reader)? else {
        return Ok(());
    };
    let mut parts = head.start.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();

    // Which rule fires: every matching rule counts the request, the first firing one wins
    // (a satisfied RequireBasic lets later rules decide).
    let has_auth = head.get("authorization").is_some();
    let action = {
        let rules = st.rules.lock().unwrap().clone();
        let mut chosen = None;
        for r in &rules {
            if !r.matches(&method, &target) {
                continue;
            }
            let n = r.seen.fetch_add(1, Ordering::SeqCst) + 1;
            if chosen.is_some() || !r.fires(n) {
                continue;
            }
            if matches!(r.action, Action::RequireBasic) && has_auth {
                continue;
            }
            chosen = Some(r.action.clone());
        }
        chosen
    };
    let idx = shared.record(Seen {
        method: method.clone(),
        path: target.clone(),
        headers: head.headers.clone(),
        at: Instant::now(),
        action: action.as_ref().map(describe),
        upstream_status: None,
        status: None,
    });
    let sent = |code: u16| shared.update(idx, |s| s.status = Some(code));

    // The request body.
    let declared = head.content_length();
    if let Some(Action::ResetRequestAfter(n)) = action {
        let mut buf = vec![0u8; n.min(declared.unwrap_or(n))];
        let _ = reader.read_exact(&mut buf);
        set_reset_on_close(&out);
        return Ok(());
    }
    let body = if head.chunked() {
        read_chunked(&mut reader, 256 << 20)?
    } else if let Some(n) = declared {
        let mut b = vec![0; n];
        reader.read_exact(&mut b)?;
        b
    } else {
        Vec::new()
    };
    let send_length = declared.is_some() || head.chunked();
    let has_body_to_client = method != "HEAD";

    // Answers that never reach the registry.
    let local = match &action {
        Some(Action::Status(code, extra)) => Some((*code, extra.clone(), error_body(*code))),
        Some(Action::Redirect(url)) => {
            Some((307, vec![("location".to_string(), url.clone())], Vec::new()))
        }
        Some(Action::RequireBasic) => Some((
            401,
            vec![(
                "www-authenticate".into(),
                "Basic realm=\"fault-proxy\"".into(),
            )],
            error_body(401),
        )),
        Some(Action::AlwaysUnauthorized) => Some((
            401,
            vec![("www-authenticate".into(), "Basic realm=\"x\"".into())],
            error_body(401),
        )),
        _ => None,
    };
    if let Some(Action::Replace(code, headers, body)) = &action {
        sent(*code);
        if headers.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
        }) {
            // The head by hand: `write_head` drops hop-by-hop headers such as this one.
            let mut head = format!("HTTP/1.1 {code} {}\r\n", reason(*code));
            for (k, v) in lower(headers) {
                if k != "transfer-encoding" && !HOP_BY_HOP.contains(&k.as_str()) {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
            }
            head.push_str("transfer-encoding: chunked\r\nconnection: close\r\n\r\n");
            out.write_all(head.as_bytes())?;
            if has_body_to_client {
                for piece in body.chunks(64 * 1024) {
                    write!(out, "{:x}\r\n", piece.len())?;
                    out.write_all(piece)?;
                    out.write_all(b"\r\n")?;
                }
                out.write_all(b"0\r\n\r\n")?;
            }
            out.flush()?;
        } else {
            respond(&mut out, *code, &lower(headers), body, has_body_to_client)?;
        }
        let _ = out.shutdown(Shutdown::Write);
        return Ok(());
    }
    if let Some((code, mut headers, body)) = local {
        if !body.is_empty() {
            headers.push(("content-type".into(), "application/json".into()));
        }
        sent(code);
        respond(&mut out, code, &headers, &body, has_body_to_client)?;
        let _ = out.shutdown(Shutdown::Write);
        return Ok(());
    }

    if let Some(Action::Delay(d)) = action {
        if !shared.sleep(d) {
            return Ok(());
        }
    }

    let up = match forward(
        &st.upstream,
        &method,
        &target,
        &head.headers,
        &body,
        send_length,
    ) {
        Ok(up) => up,
        Err(e) => {
            sent(502);
            let msg = format!("fault proxy: upstream failed: {e}").into_bytes();
            return respond(&mut out, 502, &[], &msg, has_body_to_client);
        }
    };
    shared.update(idx, |s| s.upstream_status = Some(up.status));

    if !up.has_body {
        if matches!(action, Some(Action::LoseResponse)) {
            set_reset_on_close(&out);
            return Ok(());
        }
        // Keep the registry's Content-Length (a HEAD answer announces the blob's size).
        let mut headers = up.headers.clone();
        let length = head_length(&up.headers);
        headers.retain(|(k, _)| k != "content-length");
        sent(up.status);
        write_head(&mut out, up.status, &headers, length)?;
        out.flush()?;
        let _ = out.shutdown(Shutdown::Write);
        return Ok(());
    }

    let mut body = up.body;
    match action {
        Some(Action::LoseResponse) => {
            set_reset_on_close(&out);
            return Ok(());
        }
        Some(Action::ResetAfter(n)) => {
            sent(up.status);
            write_head(&mut out, up.status, &up.headers, Some(body.len()))?;
            out.write_all(&body[..n.min(body.len())])?;
            out.flush()?;
            // Let the client read what was sent before the reset discards it.
            shared.sleep(Duration::from_millis(100));
            set_reset_on_close(&out);
            return Ok(());
        }
        Some(Action::Stall { after, duration }) => {
            sent(up.status);
            write_head(&mut out, up.status, &up.headers, Some(body.len()))?;
            out.write_all(&body[..after.min(body.len())])?;
            out.flush()?;
            shared.sleep(duration);
            set_reset_on_close(&out);
            return Ok(());
        }
        Some(Action::Throttle { chunk, every }) => {
            sent(up.status);
            write_head(&mut out, up.status, &up.headers, Some(body.len()))?;
            for (i, piece) in body.chunks(chunk.max(1)).enumerate() {
                if i > 0 && !shared.sleep(every) {
                    return Ok(());
                }
                out.write_all(piece)?;
                out.flush()?;
            }
            let _ = out.shutdown(Shutdown::Write);
            return Ok(());
        }
        Some(Action::FlipByte(at)) => {
            if let Some(b) = body.get_mut(at) {
                *b ^= 0xff;
            }
        }
        Some(Action::Truncate(n)) => body.truncate(n),
        Some(Action::Append(n)) => body.extend(vec![b'!'; n]),
        _ => {}
    }
    sent(up.status);
    respond(&mut out, up.status, &up.headers, &body, true)?;
    let _ = out.shutdown(Shutdown::Write);
    Ok(())
}

/// Header names lower-cased, as the hop-by-hop filter in [`write_head`] expects.
fn lower(headers: &[(String, String)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
        .collect()
}

/// An action as recorded in [`Seen::action`]: its `Debug` form, without a replaced body.
fn describe(a: &Action) -> String {
    match a {
        Action::Replace(code, headers, body) => {
            format!("Replace({code}, {headers:?}, <{} bytes>)", body.len())
        }
        other => format!("{other:?}"),
    }
}

fn head_length(headers: &[(String, String)]) -> Option<usize> {
    headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.trim().parse().ok())
}

// ---------------------------------------------------------------------------------------
// Origin
// ---------------------------------------------------------------------------------------

/// A second origin: answers every GET or HEAD with the same bytes (honouring
/// `Range: bytes=N-` with a 206), and records the requests it received.
pub struct Origin {
    server: Server,
}

impl Origin {
    pub fn serve(content: Vec<u8>) -> Origin {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind origin");
        let content = Arc::new(content);
        let server = Server::start(listener, move |stream, shared| {
            let _ = origin_one(stream, shared, &content);
        });
        Origin { server }
    }

    /// `127.0.0.1:PORT`
    pub fn addr(&self) -> String {
        self.server.addr.to_string()
    }

    /// `http://127.0.0.1:PORT<path>`; `path` starts with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr())
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<Seen> {
        self.server.requests()
    }
}

fn origin_one(client: TcpStream, shared: &Shared, content: &[u8]) -> io::Result<()> {
    let mut reader = BufReader::new(client.try_clone()?);
    let mut out = client;
    let Some(head) = read_head(&mut reader)? else {
        return Ok(());
    };
    let mut parts = head.start.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let idx = shared.record(Seen {
        method: method.clone(),
        path: target,
        headers: head.headers.clone(),
        at: Instant::now(),
        action: None,
        upstream_status: None,
        status: None,
    });
    if let Some(n) = head.content_length() {
        let mut b = vec![0; n];
        reader.read_exact(&mut b)?;
    }
    let start = head
        .get("range")
        .and_then(|r| r.strip_prefix("bytes="))
        .and_then(|r| r.strip_suffix('-'))
        .and_then(|n| n.parse::<usize>().ok());
    let mut headers = vec![
        (
            "content-type".to_string(),
            "application/octet-stream".to_string(),
        ),
        ("accept-ranges".to_string(), "bytes".to_string()),
    ];
    let (status, body) = match start {
        Some(s) if s < content.len() => {
            headers.push((
                "content-range".to_string(),
                format!("bytes {s}-{}/{}", content.len() - 1, content.len()),
            ));
            (206, &content[s..])
        }
        Some(_) => (416, &content[..0]),
        None => (200, content),
    };
    shared.update(idx, |s| s.status = Some(status));
    respond(&mut out, status, &headers, body, method != "HEAD")?;
    let _ = out.shutdown(Shutdown::Write);
    Ok(())
}
