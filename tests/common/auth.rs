//! Authentication for the integration tests: registries that want credentials, a token
//! issuer, and a private Secret Service.
//!
//! * [`Registry::start_htpasswd`]: distribution with `auth: htpasswd` (Basic).
//! * [`TokenIssuer`] + [`Registry::start_token`]: distribution with `auth: token`, and a
//!   docker token service (std only, one thread per connection) that signs RS256 JWTs with
//!   a key and self-signed certificate made by the `openssl` CLI. It records every request.
//! * [`SecretService`]: `gnome-keyring-daemon` on a private `dbus-run-session` bus, with its
//!   own home, for the OS-keyring and `docker-credential-secretservice` tests.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command as StdCommand, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use serde_json::{json, Value};
use tempfile::TempDir;

use super::{find_in_path, registry_dir, Registry, MISSING_TOOLS};

/// Read/write timeout on the token issuer's sockets.
const IO_TIMEOUT: Duration = Duration::from_secs(20);

fn b64(bytes: impl AsRef<[u8]>) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn b64url(bytes: impl AsRef<[u8]>) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// `base64("user:password")`, as in `auths[host].auth` and a Basic header.
pub fn basic_auth(user: &str, password: &str) -> String {
    b64(format!("{user}:{password}"))
}

fn tool_path(name: &str) -> PathBuf {
    find_in_path(name).unwrap_or_else(|| panic!("`{name}` is not on PATH: {MISSING_TOOLS}"))
}

fn run_tool(cmd: &mut StdCommand) -> Vec<u8> {
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

// ---------------------------------------------------------------------------------------
// Registries with auth
// ---------------------------------------------------------------------------------------

impl Registry {
    /// A registry that wants Basic credentials: `auth: htpasswd` with one bcrypt entry
    /// made by `htpasswd -Bbn`.
    pub fn start_htpasswd(user: &str, password: &str) -> Registry {
        let dir = registry_dir();
        let auth = htpasswd_config(dir.path(), user, password);
        Registry::start_with_auth(dir, &auth)
    }

    /// A registry that wants Bearer tokens from `issuer` (`auth: token`).
    pub fn start_token(issuer: &TokenIssuer) -> Registry {
        let auth = [
            "auth:".to_string(),
            "  token:".to_string(),
            format!("    realm: {}", issuer.realm()),
            format!("    service: {}", issuer.service()),
            format!("    issuer: {}", issuer.issuer()),
            format!("    rootcertbundle: {}", issuer.cert_path().display()),
        ];
        Registry::start_with_auth(registry_dir(), &auth)
    }

    fn start_with_auth(dir: TempDir, auth: &[String]) -> Registry {
        Registry::start_with_config(dir, auth, 401)
    }
}

/// The `auth:` section for one htpasswd user (a bcrypt entry made by `htpasswd -Bbn`),
/// whose file is written into `dir`.
pub(super) fn htpasswd_config(dir: &Path, user: &str, password: &str) -> Vec<String> {
    let entry = run_tool(StdCommand::new(tool_path("htpasswd")).args(["-Bbn", user, password]));
    let path = dir.join("htpasswd");
    fs::write(&path, entry).expect("write htpasswd file");
    vec![
        "auth:".to_string(),
        "  htpasswd:".to_string(),
        "    realm: artifact-test".to_string(),
        format!("    path: {}", path.display()),
    ]
}

// ---------------------------------------------------------------------------------------
// Token issuer
// ---------------------------------------------------------------------------------------

/// Who asks for a token: `None` is anonymous.
pub type Policy = dyn Fn(Option<&str>, &str, &str, &[String]) -> Vec<String> + Send + Sync;

/// What the token issuer knows and grants.
#[derive(Clone)]
pub struct IssuerConfig {
    /// The registry's `service` (the token's `aud`).
    pub service: String,
    /// The token's `iss`.
    pub issuer: String,
    /// user → password.
    pub users: Vec<(String, String)>,
    /// refresh (identity) token → user.
    pub refresh_tokens: Vec<(String, String)>,
    /// `expires_in` of every answer (and the JWT's lifetime).
    pub expires_in: u64,
    /// Actions granted to (user or anonymous, resource type, resource name, requested
    /// actions). The default: anonymous callers get `pull` only; users get what they ask.
    pub policy: Arc<Policy>,
}

impl Default for IssuerConfig {
    fn default() -> Self {
        IssuerConfig {
            service: "artifact-test-registry".into(),
            issuer: "artifact-test-issuer".into(),
            users: Vec::new(),
            refresh_tokens: Vec::new(),
            expires_in: 300,
            policy: Arc::new(default_policy),
        }
    }
}

/// Anonymous: `pull` only; authenticated: everything asked for.
pub fn default_policy(
    user: Option<&str>,
    _type: &str,
    _name: &str,
    requested: &[String],
) -> Vec<String> {
    match user {
        Some(_) => requested.to_vec(),
        None => requested.iter().filter(|a| *a == "pull").cloned().collect(),
    }
}

/// One request the issuer answered.
#[derive(Debug, Clone)]
pub struct TokenRequest {
    /// `GET` or `POST`.
    pub method: String,
    /// `grant_type` of a POST.
    pub grant_type: Option<String>,
    /// The request carried an `Authorization` header.
    pub authorization: bool,
    /// Who the issuer took the caller to be (`None`: anonymous or rejected).
    pub user: Option<String>,
    pub service: Option<String>,
    /// Every scope asked for, one entry per scope.
    pub scopes: Vec<String>,
    /// The status answered.
    pub status: u16,
    /// The token issued, if any.
    pub token: Option<String>,
}

struct IssuerShared {
    config: IssuerConfig,
    key: PathBuf,
    cert_der_b64: String,
    requests: Mutex<Vec<TokenRequest>>,
    stop: AtomicBool,
    next_id: AtomicU64,
}

/// A docker token service on `127.0.0.1:<free port>` (`GET /token` with optional Basic
/// auth; `POST /token` with `grant_type=refresh_token` or `password`). Stopped on drop.
pub struct TokenIssuer {
    addr: SocketAddr,
    shared: Arc<IssuerShared>,
    thread: Option<JoinHandle<()>>,
    dir: TempDir,
}

impl TokenIssuer {
    /// Makes an RSA key and a self-signed certificate with `openssl`, then listens.
    pub fn start(config: IssuerConfig) -> TokenIssuer {
        let openssl = tool_path("openssl");
        let dir = tempfile::Builder::new()
            .prefix("artifact-issuer-")
            .tempdir()
            .expect("create issuer temp dir");
        let key = dir.path().join("key.pem");
        let cert = dir.path().join("cert.pem");
        run_tool(
            StdCommand::new(&openssl)
                .args([
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                ])
                .args(["-subj", "/CN=artifact-test-token-issuer", "-keyout"])
                .arg(&key)
                .arg("-out")
                .arg(&cert),
        );
        let der = run_tool(
            StdCommand::new(&openssl)
                .args(["x509", "-outform", "DER", "-in"])
                .arg(&cert),
        );
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind token issuer");
        let addr = listener.local_addr().unwrap();
        let shared = Arc::new(IssuerShared {
            config,
            key,
            cert_der_b64: b64(der),
            requests: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            next_id: AtomicU64::new(1),
        });
        let s = shared.clone();
        let thread = std::thread::Builder::new()
            .name("token-issuer".into())
            .spawn(move || accept_loop(listener, s))
            .expect("spawn token issuer");
        TokenIssuer {
            addr,
            shared,
            thread: Some(thread),
            dir,
        }
    }

    /// The realm for the registry's challenge: `http://127.0.0.1:PORT/token`.
    pub fn realm(&self) -> String {
        format!("http://{}/token", self.addr)
    }
    pub fn service(&self) -> &str {
        &self.shared.config.service
    }
    pub fn issuer(&self) -> &str {
        &self.shared.config.issuer
    }
    /// The certificate (PEM) the registry trusts.
    pub fn cert_path(&self) -> PathBuf {
        self.dir.path().join("cert.pem")
    }
    /// Every request answered so far, oldest first.
    pub fn requests(&self) -> Vec<TokenRequest> {
        self.shared.requests.lock().unwrap().clone()
    }
    /// Forget the recorded requests.
    pub fn clear(&self) {
        self.shared.requests.lock().unwrap().clear();
    }
}

impl Drop for TokenIssuer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn accept_loop(listener: TcpListener, shared: Arc<IssuerShared>) {
    let mut workers = Vec::new();
    for conn in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = conn else { continue };
        let s = shared.clone();
        workers.push(std::thread::spawn(move || {
            let _ = serve(stream, &s);
        }));
        workers.retain(|w| !w.is_finished());
    }
    for w in workers {
        let _ = w.join();
    }
}

struct HttpReq {
    method: String,
    target: String,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

fn read_request(stream: &TcpStream) -> std::io::Result<HttpReq> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 {
            break;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers
        .get("content-length")
        .and_then(|l| l.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len.min(1 << 20)];
    reader.read_exact(&mut body)?;
    Ok(HttpReq {
        method,
        target,
        headers,
        body,
    })
}

fn serve(mut stream: TcpStream, shared: &IssuerShared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let req = read_request(&stream)?;
    let (status, body) = answer(&req, shared);
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        _ => "Error",
    };
    let body = body.to_string();
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if status == 401 {
        head.push_str("WWW-Authenticate: Basic realm=\"artifact-test-issuer\"\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Both);
    Ok(())
}

fn error_body(code: &str, message: &str) -> Value {
    json!({"errors": [{"code": code, "message": message}]})
}

fn answer(req: &HttpReq, shared: &IssuerShared) -> (u16, Value) {
    let (path, query) = req
        .target
        .split_once('?')
        .unwrap_or((req.target.as_str(), ""));
    let mut params: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    if req.method == "POST" {
        params.extend(url::form_urlencoded::parse(&req.body).into_owned());
    }
    let param = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let scopes: Vec<String> = params
        .iter()
        .filter(|(k, _)| k == "scope")
        .flat_map(|(_, v)| v.split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|s| !s.is_empty())
        .collect();
    let mut record = TokenRequest {
        method: req.method.clone(),
        grant_type: None,
        authorization: req.headers.contains_key("authorization"),
        user: None,
        service: param("service"),
        scopes: scopes.clone(),
        status: 0,
        token: None,
    };
    let cfg = &shared.config;
    let check_password = |u: &str, p: &str| cfg.users.iter().any(|(cu, cp)| cu == u && cp == p);

    // Who is asking: Ok(None) anonymous, Err(()) rejected.
    let who: Result<Option<String>, (u16, Value)> = if path != "/token" {
        Err((404, error_body("NOT_FOUND", "no such endpoint")))
    } else if req.method == "GET" {
        match req.headers.get("authorization") {
            None => Ok(None),
            Some(h) => {
                let decoded = h
                    .strip_prefix("Basic ")
                    .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                    .and_then(|b| String::from_utf8(b).ok());
                match decoded.as_deref().and_then(|d| d.split_once(':')) {
                    Some((u, p)) if check_password(u, p) => Ok(Some(u.to_string())),
                    _ => Err((401, error_body("UNAUTHORIZED", "bad credentials"))),
                }
            }
        }
    } else if req.method == "POST" {
        record.grant_type = param("grant_type");
        match param("grant_type").as_deref() {
            Some("refresh_token") => {
                let rt = param("refresh_token").unwrap_or_default();
                match cfg.refresh_tokens.iter().find(|(t, _)| *t == rt) {
                    Some((_, u)) => Ok(Some(u.clone())),
                    None => Err((401, error_body("UNAUTHORIZED", "bad refresh token"))),
                }
            }
            Some("password") => {
                let u = param("username").unwrap_or_default();
                let p = param("password").unwrap_or_default();
                if check_password(&u, &p) {
                    Ok(Some(u))
                } else {
                    Err((401, error_body("UNAUTHORIZED", "bad credentials")))
                }
            }
            _ => Err((400, error_body("UNSUPPORTED", "unsupported grant_type"))),
        }
    } else {
        Err((400, error_body("UNSUPPORTED", "unsupported method")))
    };
    let (status, body) = match who {
        Err(e) => e,
        Ok(user) => {
            let access: Vec<Value> = scopes
                .iter()
                .filter_map(|s| {
                    let (typ, rest) = s.split_once(':')?;
                    let (name, actions) = rest.rsplit_once(':')?;
                    let requested: Vec<String> = actions
                        .split(',')
                        .filter(|a| !a.is_empty())
                        .map(str::to_string)
                        .collect();
                    let granted = (cfg.policy)(user.as_deref(), typ, name, &requested);
                    (!granted.is_empty())
                        .then(|| json!({"type": typ, "name": name, "actions": granted}))
                })
                .collect();
            let token = shared.sign(user.as_deref().unwrap_or(""), access);
            record.user = user.clone();
            record.token = Some(token.clone());
            let mut body = json!({
                "token": token,
                "access_token": token,
                "expires_in": cfg.expires_in,
                "issued_at": rfc3339(unix_now()),
            });
            let offline = req.method == "GET" && param("offline_token").as_deref() == Some("true");
            if let (true, Some(u)) = (offline, &user) {
                if let Some((t, _)) = cfg.refresh_tokens.iter().find(|(_, ru)| ru == u) {
                    body["refresh_token"] = json!(t);
                }
            }
            (200, body)
        }
    };
    record.status = status;
    shared.requests.lock().unwrap().push(record);
    (status, body)
}

impl IssuerShared {
    /// An RS256 JWT, signed by `openssl dgst`.
    fn sign(&self, subject: &str, access: Vec<Value>) -> String {
        let now = unix_now();
        let id = self.next_id.fetch_add(1, Ordering::SeqCst);
        let header = json!({"typ": "JWT", "alg": "RS256", "x5c": [self.cert_der_b64]});
        let claims = json!({
            "iss": self.config.issuer,
            "sub": subject,
            "aud": self.config.service,
            "exp": now + self.config.expires_in,
            "nbf": now.saturating_sub(1),
            "iat": now,
            "jti": format!("artifact-test-{id}-{now}"),
            "access": access,
        });
        let input = format!(
            "{}.{}",
            b64url(header.to_string()),
            b64url(claims.to_string())
        );
        let mut child = StdCommand::new("openssl")
            .args(["dgst", "-sha256", "-sign"])
            .arg(&self.key)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn openssl dgst");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .expect("write to openssl");
        let out = child.wait_with_output().expect("openssl dgst");
        assert!(
            out.status.success(),
            "openssl dgst failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        format!("{input}.{}", b64url(out.stdout))
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a Unix time (civil-from-days, proleptic Gregorian).
fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

// ---------------------------------------------------------------------------------------
// Secret Service
// ---------------------------------------------------------------------------------------

/// The script run under `dbus-run-session`: start gnome-keyring's secrets component with a
/// private home, unlocked by the password on `$2`, wait until it owns
/// `org.freedesktop.secrets` (otherwise D-Bus activation may start a second daemon that
/// finds a half-written keyring), print the bus address, then wait for stdin to close.
const SECRET_SERVICE_SCRIPT: &str = r#"
set -u
d="$1"
export HOME="$d" XDG_DATA_HOME="$d/data" XDG_CONFIG_HOME="$d/config" XDG_CACHE_HOME="$d/cache" XDG_RUNTIME_DIR="$d/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
printf %s "$2" | gnome-keyring-daemon --foreground --unlock --components=secrets >"$d/gkd.out" 2>"$d/gkd.err" &
gkd=$!
trap 'kill $gkd 2>/dev/null; wait $gkd 2>/dev/null' EXIT
i=0
while [ $i -lt 200 ]; do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    echo "BUS=$DBUS_SESSION_BUS_ADDRESS"
    cat >/dev/null
    exit 0
  fi
  if ! kill -0 $gkd 2>/dev/null; then
    echo "FAILED: gnome-keyring-daemon exited: $(tr '\n' ' ' <"$d/gkd.err")"
    exit 1
  fi
  sleep 0.05
  i=$((i+1))
done
echo "FAILED: nobody owns org.freedesktop.secrets after 10 s"
exit 1
"#;

/// A Secret Service (gnome-keyring) on a private session bus, with a private home that is
/// removed on drop. Commands join it through [`SecretService::apply`].
pub struct SecretService {
    child: Child,
    stdin: Option<ChildStdin>,
    _stdout: BufReader<ChildStdout>,
    bus: String,
    dir: TempDir,
}

impl SecretService {
    pub fn start() -> SecretService {
        for t in ["dbus-run-session", "dbus-send", "gnome-keyring-daemon"] {
            tool_path(t);
        }
        let dir = tempfile::Builder::new()
            .prefix("artifact-keyring-")
            .tempdir()
            .expect("create keyring temp dir");
        let mut child = StdCommand::new("dbus-run-session")
            .args(["--", "bash", "-c", SECRET_SERVICE_SCRIPT, "secret-service"])
            .arg(dir.path())
            .arg("artifact-test-keyring-password")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn dbus-run-session");
        let stdin = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        // The script prints one line within ~10 s, or exits.
        let _ = stdout.read_line(&mut line);
        let Some(bus) = line.trim().strip_prefix("BUS=").map(str::to_string) else {
            let _ = child.kill();
            let _ = child.wait();
            panic!("cannot start a Secret Service: {:?}", line.trim());
        };
        SecretService {
            child,
            stdin,
            _stdout: stdout,
            bus,
            dir,
        }
    }

    /// `DBUS_SESSION_BUS_ADDRESS` of the private bus.
    pub fn bus_address(&self) -> &str {
        &self.bus
    }

    /// Puts a command on this bus, with the OS keyring enabled.
    pub fn apply<'a>(&self, cmd: &'a mut assert_cmd::Command) -> &'a mut assert_cmd::Command {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.bus)
            .env_remove("ARTIFACT_NO_KEYRING")
    }

    /// The daemon's private home.
    pub fn home(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SecretService {
    fn drop(&mut self) {
        // Closing stdin ends the script, whose trap stops the daemon; dbus-run-session then
        // stops the bus and exits.
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
