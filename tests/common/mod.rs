//! Shared harness for the integration tests.
//!
//! * [`Registry`]: a throw-away `docker-registry` (distribution 2.8) on a free loopback
//!   port, with its own storage and log file, killed on drop.
//! * [`artifact`]: the binary cargo built, isolated from the user's configuration.
//! * Raw HTTP helpers ([`registry_get`], [`registry_put_blob`], [`registry_put_manifest`])
//!   that inspect or feed the registry without going through the client under test.
//! * Small file and assertion helpers shared by every test file.
//!
//! Each test file uses only part of this module, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest as _, Sha256};
use tempfile::TempDir;

/// How long a registry may take to come up.
const START_TIMEOUT: Duration = Duration::from_secs(15);
/// Upper bound for one run of the client; a hang fails the test instead of the CI run.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(180);

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_EMPTY: &str = "application/vnd.oci.empty.v1+json";
pub const OCI_LAYER_TAR: &str = "application/vnd.oci.image.layer.v1.tar";
pub const OCI_LAYER_TAR_GZIP: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const DEFAULT_ARTIFACT_TYPE: &str = "application/vnd.unknown.artifact.v1";
pub const UNKNOWN_CONFIG: &str = "application/vnd.unknown.config.v1+json";
pub const ANNOTATION_TITLE: &str = "org.opencontainers.image.title";
pub const ANNOTATION_UNPACK: &str = "io.deis.oras.content.unpack";
pub const ANNOTATION_CONTENT_DIGEST: &str = "io.deis.oras.content.digest";
/// Digest of the two bytes `{}`, the empty config.
pub const EMPTY_CONFIG_DIGEST: &str =
    "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
/// Digest of zero bytes.
pub const EMPTY_DIGEST: &str =
    "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const MISSING_TOOLS: &str = "run scripts/test, which installs the test dependencies";

// ---------------------------------------------------------------------------------------
// Registry
// ---------------------------------------------------------------------------------------

/// A private `docker-registry serve` process. Anonymous, plain HTTP, deletes enabled.
pub struct Registry {
    child: Child,
    addr: String,
    log_path: PathBuf,
    // Holds config, storage and log; removed when the registry is dropped.
    _dir: TempDir,
}

impl Registry {
    /// Starts a registry on `127.0.0.1:<free port>` and waits until `GET /v2/` answers 200.
    pub fn start() -> Registry {
        Registry::start_with_config(registry_dir(), &[], 200)
    }

    /// Starts distribution with `extra` appended to the usual config (right after the `http:`
    /// section's last line, so it may continue that section before adding top-level keys),
    /// and waits until a plain-HTTP `GET /v2/` answers `ready_status`.
    pub fn start_with_config(dir: TempDir, extra: &[String], ready_status: u16) -> Registry {
        let bin = find_in_path("docker-registry")
            .unwrap_or_else(|| panic!("`docker-registry` is not on PATH: {MISSING_TOOLS}"));
        let storage = dir.path().join("storage");
        fs::create_dir(&storage).expect("create registry storage dir");
        let config = dir.path().join("config.yml");
        let mut yaml: Vec<String> = [
            "version: 0.1",
            "log:",
            "  level: info",
            "  accesslog:",
            "    disabled: false",
            "storage:",
            "  filesystem:",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        yaml.push(format!("    rootdirectory: {}", storage.display()));
        yaml.extend(
            [
                "  delete:",
                "    enabled: true",
                "http:",
                "  addr: 127.0.0.1:0",
                "  secret: artifact-test-secret",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        yaml.extend(extra.iter().cloned());
        fs::write(&config, yaml.join("\n") + "\n").expect("write registry config");
        let log_path = dir.path().join("registry.log");
        let log = fs::File::create(&log_path).expect("create registry log");
        let child = StdCommand::new(bin)
            .arg("serve")
            .arg(&config)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("clone log handle"))
            .stderr(log)
            .spawn()
            .expect("spawn docker-registry");
        let mut registry = Registry {
            child,
            addr: String::new(),
            log_path,
            _dir: dir,
        };
        registry.addr = registry.wait_for_port();
        // Ready when `/v2/` asks for credentials (or answers as `ready_status` says).
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            match http_request(&registry.addr, "GET", "/v2/", &[], &[]) {
                Ok(r) if r.status == ready_status => break,
                Ok(_) | Err(_) if Instant::now() < deadline => {}
                other => panic!(
                    "docker-registry at {} not ready within {START_TIMEOUT:?} ({:?}); log:\n{}",
                    registry.addr,
                    other.map(|r| r.status),
                    registry.log()
                ),
            }
            registry.check_alive();
            std::thread::sleep(Duration::from_millis(20));
        }
        registry
    }

    fn wait_for_port(&mut self) -> String {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            let log = self.log();
            if let Some(rest) = log.split("listening on ").nth(1) {
                let addr: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                    .collect();
                if addr.rsplit(':').next().is_some_and(|p| !p.is_empty()) {
                    return addr;
                }
            }
            self.check_alive();
            assert!(
                Instant::now() < deadline,
                "docker-registry did not report its port within {START_TIMEOUT:?}; log:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn check_alive(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!(
                "docker-registry exited early ({status}); log:\n{}",
                self.log()
            );
        }
    }

    /// `127.0.0.1:PORT`
    pub fn addr(&self) -> String {
        self.addr.clone()
    }

    /// `127.0.0.1:PORT/<rest>`, e.g. `reg.reference("repo:v1")`.
    pub fn reference(&self, rest: &str) -> String {
        format!("{}/{rest}", self.addr)
    }

    /// Everything the registry wrote so far (its own log plus the access log).
    pub fn log(&self) -> String {
        String::from_utf8_lossy(&fs::read(&self.log_path).unwrap_or_default()).into_owned()
    }

    /// The requests the registry served, from the access log, as `"METHOD /path?query"`,
    /// oldest first. Waits briefly for the log to stop growing first, since a log line can
    /// be written a moment after the client saw the response.
    pub fn requests(&self) -> Vec<String> {
        let mut len = fs::metadata(&self.log_path).map(|m| m.len()).unwrap_or(0);
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(50));
            let now = fs::metadata(&self.log_path).map(|m| m.len()).unwrap_or(0);
            if now == len {
                break;
            }
            len = now;
        }
        self.log()
            .lines()
            // Access-log lines look like: 127.0.0.1 - - [date] "GET /v2/ HTTP/1.1" 200 2 "" "ua"
            .filter(|l| !l.starts_with("time="))
            .filter_map(|l| {
                let request = l.split('"').nth(1)?;
                let request = request
                    .strip_suffix(" HTTP/1.1")
                    .or(request.strip_suffix(" HTTP/1.0"))
                    .or(request.strip_suffix(" HTTP/2.0"))?;
                Some(request.to_string())
            })
            .collect()
    }

    /// Served requests whose line starts with `METHOD /v2/<repo>/<path_prefix>`.
    pub fn count_requests(&self, method: &str, repo: &str, path_prefix: &str) -> usize {
        let needle = format!("{method} /v2/{repo}/{path_prefix}");
        self.requests()
            .iter()
            .filter(|r| r.starts_with(&needle))
            .count()
    }

    /// Served requests about anything but the `/v2/` ping (used by the harness itself).
    pub fn requests_beyond_ping(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .filter(|r| r != "GET /v2/")
            .collect()
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh directory for one registry's config, storage and log.
pub fn registry_dir() -> TempDir {
    tempfile::Builder::new()
        .prefix("artifact-registry-")
        .tempdir()
        .expect("create registry temp dir")
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

// ---------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------

thread_local! {
    // libtest runs each test on its own thread, so this is one empty home per test,
    // removed when the test's thread ends.
    static HOME: TempDir = tempfile::Builder::new()
        .prefix("artifact-home-")
        .tempdir()
        .expect("create temp HOME");
}

/// The home directory [`artifact`] and the other tools run with (empty, per test).
pub fn test_home() -> PathBuf {
    HOME.with(|h| h.path().to_path_buf())
}

/// Points a command at the per-test home and keeps proxies away from loopback traffic.
pub fn isolate(cmd: &mut StdCommand) {
    let home = test_home();
    cmd.env("HOME", &home)
        .env("DOCKER_CONFIG", home.join(".docker"))
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env_remove("ARTIFACT_CACHE_DIR")
        .env("XDG_RUNTIME_DIR", &home)
        .env("NO_COLOR", "1")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .env_remove("REGISTRY_AUTH_FILE");
    for var in [
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
}

/// The `artifact` binary cargo built for these tests, with `HOME` and `DOCKER_CONFIG`
/// in a per-test temp dir (no real user config is read) and `NO_COLOR=1`.
///
/// `RUST_BACKTRACE=1` is set on purpose: an error must still be a single line then.
pub fn artifact() -> assert_cmd::Command {
    let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_artifact"));
    isolate(&mut cmd);
    cmd.env("RUST_BACKTRACE", "1").env_remove("RUST_LOG");
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(COMMAND_TIMEOUT);
    cmd
}

/// The `artifact` binary as a plain process, isolated like [`artifact`], for tests that need
/// the running process itself (signals, watching it while it runs). Output is piped.
pub fn artifact_process() -> StdCommand {
    let mut cmd = StdCommand::new(env!("CARGO_BIN_EXE_artifact"));
    isolate(&mut cmd);
    cmd.env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits at most `timeout` for a spawned `artifact`; kills it (and fails the test, showing its
/// output) when it does not exit in time.
pub fn wait_bounded(
    mut child: std::process::Child,
    timeout: Duration,
) -> (std::process::ExitStatus, Output) {
    let end = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().expect("wait for artifact") {
            return (status, child.wait_with_output().expect("collect output"));
        }
        if Instant::now() >= end {
            let _ = child.kill();
            let output = child.wait_with_output().expect("collect output");
            panic!(
                "artifact did not exit within {timeout:?}\n--- stdout\n{}\n--- stderr\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Ctrl-C for a spawned process: SIGINT through `kill`.
pub fn interrupt(child: &std::process::Child) {
    let sent = StdCommand::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(sent.success(), "kill -INT {} failed", child.id());
}

/// Any other program (skopeo, python), isolated like [`artifact`].
pub fn tool(program: &str) -> assert_cmd::Command {
    let mut cmd = StdCommand::new(program);
    isolate(&mut cmd);
    let mut cmd = assert_cmd::Command::from_std(cmd);
    cmd.timeout(COMMAND_TIMEOUT);
    cmd
}

/// The Python interpreter with oras-py installed (`ARTIFACT_TEST_PYTHON`).
pub fn python() -> String {
    match std::env::var("ARTIFACT_TEST_PYTHON") {
        Ok(p) if !p.is_empty() => p,
        _ => panic!("ARTIFACT_TEST_PYTHON is not set: {MISSING_TOOLS}"),
    }
}

/// Checks that a program the tests need is installed.
pub fn require_tool(name: &str) {
    assert!(
        find_in_path(name).is_some(),
        "`{name}` is not on PATH: {MISSING_TOOLS}"
    );
}

/// Runs the command, asserts exit code 0 and returns its output; on failure the panic
/// shows the exit code, stdout and stderr.
pub fn run_ok(cmd: &mut assert_cmd::Command) -> Output {
    let output = cmd.output().expect("run command");
    assert!(
        output.status.success(),
        "command failed: {cmd:?}\nstatus: {}\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Runs the command and checks the failure contract: exit `code`, exactly one line on
/// stderr, starting with `error: ` and containing `needle`, no panic. Returns that line.
pub fn run_err(cmd: &mut assert_cmd::Command, code: i32, needle: &str) -> String {
    run_err_any(cmd, code, &[needle])
}

/// [`run_err`] where the error line may name any one of `needles`.
pub fn run_err_any(cmd: &mut assert_cmd::Command, code: i32, needles: &[&str]) -> String {
    let output = cmd.output().expect("run command");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let context = format!(
        "command: {cmd:?}\nstatus: {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        output.status
    );
    assert_eq!(
        output.status.code(),
        Some(code),
        "wrong exit code\n{context}"
    );
    assert!(
        !stderr.contains("panicked"),
        "the client panicked\n{context}"
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "expected exactly one line on stderr\n{context}"
    );
    assert!(
        lines[0].starts_with("error: "),
        "stderr must start with `error: `\n{context}"
    );
    assert!(
        needles.iter().any(|n| lines[0].contains(n)),
        "the error should name one of {needles:?}\n{context}"
    );
    lines[0].to_string()
}

pub fn stdout_of(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// The digest from the last line of text output, which must be `Digest: sha256:<hex>`.
pub fn printed_digest(stdout: &str) -> String {
    let last = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let digest = last
        .trim()
        .strip_prefix("Digest: ")
        .unwrap_or_else(|| panic!("last line should be `Digest: sha256:...`:\n{stdout}"));
    assert!(is_sha256_digest(digest), "not a sha256 digest: {digest:?}");
    digest.to_string()
}

pub fn is_sha256_digest(s: &str) -> bool {
    s.strip_prefix("sha256:").is_some_and(|h| {
        h.len() == 64
            && h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// `artifact push --plain-http <reg>/<reference> <args...>` run in `cwd`; asserts success
/// and returns the printed digest.
pub fn push(reg: &Registry, cwd: &Path, reference: &str, args: &[&str]) -> String {
    let output = run_ok(
        artifact()
            .current_dir(cwd)
            .args(["push", "--plain-http", &reg.reference(reference)])
            .args(args),
    );
    printed_digest(&stdout_of(&output))
}

/// `artifact pull --plain-http <reg>/<reference> -o <out> <args...>`; asserts success and
/// returns the printed digest.
pub fn pull(reg: &Registry, reference: &str, out: &Path, args: &[&str]) -> String {
    let output = run_ok(
        artifact()
            .args(["pull", "--plain-http", &reg.reference(reference), "-o"])
            .arg(out)
            .args(args),
    );
    printed_digest(&stdout_of(&output))
}

// ---------------------------------------------------------------------------------------
// Raw HTTP, independent of the client
// ---------------------------------------------------------------------------------------

/// Header names are lower-cased.
pub type Headers = BTreeMap<String, String>;

pub struct HttpResponse {
    pub status: u16,
    pub headers: Headers,
    pub body: Vec<u8>,
}

/// Accept header for manifest GETs: distribution 2.8 answers 404 for an OCI manifest
/// unless the client says it accepts one.
pub const MANIFEST_ACCEPT: &str = "application/vnd.oci.image.manifest.v1+json, \
     application/vnd.oci.image.index.v1+json, \
     application/vnd.docker.distribution.manifest.v2+json, \
     application/vnd.docker.distribution.manifest.list.v2+json";

/// One HTTP/1.1 request over a fresh connection (`Connection: close`).
pub fn http_request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<HttpResponse> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    stream.set_write_timeout(Some(Duration::from_secs(60)))?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: artifact-test-harness\r\n\
         Connection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()?;

    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad_data(format!("bad status line {status_line:?}")))?;
    let mut headers = Headers::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            let v = v.trim().to_string();
            headers
                .entry(k)
                .and_modify(|old| {
                    old.push_str(", ");
                    old.push_str(&v);
                })
                .or_insert(v);
        }
    }
    let mut body = Vec::new();
    if method == "HEAD" || status == 204 || status == 304 {
        // no body
    } else if headers
        .get("transfer-encoding")
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"))
    {
        loop {
            let mut size_line = String::new();
            reader.read_line(&mut size_line)?;
            let size_hex = size_line.trim().split(';').next().unwrap_or("");
            let size = usize::from_str_radix(size_hex, 16)
                .map_err(|_| bad_data(format!("bad chunk size {size_line:?}")))?;
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size];
            reader.read_exact(&mut chunk)?;
            body.extend_from_slice(&chunk);
            let mut crlf = [0; 2];
            reader.read_exact(&mut crlf)?;
        }
    } else if let Some(len) = headers.get("content-length") {
        let len: usize = len
            .parse()
            .map_err(|_| bad_data("bad content-length".into()))?;
        body.resize(len, 0);
        reader.read_exact(&mut body)?;
    } else {
        reader.read_to_end(&mut body)?;
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

fn bad_data(msg: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, msg)
}

fn request(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> HttpResponse {
    http_request(addr, method, path, headers, body)
        .unwrap_or_else(|e| panic!("{method} http://{addr}{path}: {e}"))
}

/// Raw `GET http://<addr><path>` (manifest media types accepted): (status, headers, body).
pub fn registry_get(addr: &str, path: &str) -> (u16, Headers, Vec<u8>) {
    let r = request(addr, "GET", path, &[("Accept", MANIFEST_ACCEPT)], &[]);
    (r.status, r.headers, r.body)
}

/// Monolithic blob upload (POST, then PUT `?digest=`). Returns the digest.
pub fn registry_put_blob(addr: &str, repo: &str, bytes: &[u8]) -> String {
    let digest = format!("sha256:{}", sha256_hex(bytes));
    let r = request(
        addr,
        "POST",
        &format!("/v2/{repo}/blobs/uploads/"),
        &[],
        &[],
    );
    assert_eq!(
        r.status,
        202,
        "POST blob upload: {}",
        String::from_utf8_lossy(&r.body)
    );
    let location = r.headers.get("location").expect("upload Location header");
    let path = match location.find("/v2/") {
        Some(i) => &location[i..],
        None => panic!("unexpected upload location {location}"),
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    let r = request(
        addr,
        "PUT",
        &format!("{path}{sep}digest={digest}"),
        &[("Content-Type", "application/octet-stream")],
        bytes,
    );
    assert_eq!(
        r.status,
        201,
        "PUT blob: {}",
        String::from_utf8_lossy(&r.body)
    );
    digest
}

/// `PUT /v2/<repo>/manifests/<reference>`. Returns the digest the registry computed.
pub fn registry_put_manifest(
    addr: &str,
    repo: &str,
    reference: &str,
    media_type: &str,
    body: &[u8],
) -> String {
    let r = request(
        addr,
        "PUT",
        &format!("/v2/{repo}/manifests/{reference}"),
        &[("Content-Type", media_type)],
        body,
    );
    assert_eq!(
        r.status,
        201,
        "PUT manifest: {}",
        String::from_utf8_lossy(&r.body)
    );
    let digest = r
        .headers
        .get("docker-content-digest")
        .expect("Docker-Content-Digest")
        .clone();
    assert_eq!(digest, format!("sha256:{}", sha256_hex(body)));
    digest
}

/// A manifest as stored in the registry.
pub struct Manifest {
    pub digest: String,
    pub raw: Vec<u8>,
    pub json: serde_json::Value,
}

impl Manifest {
    pub fn layers(&self) -> &Vec<serde_json::Value> {
        self.json["layers"].as_array().expect("manifest has layers")
    }

    /// The layer whose title annotation is `title`.
    pub fn layer(&self, title: &str) -> &serde_json::Value {
        self.layers()
            .iter()
            .find(|l| l["annotations"][ANNOTATION_TITLE] == title)
            .unwrap_or_else(|| panic!("no layer titled {title:?} in {}", self.json))
    }
}

/// Fetches a manifest by tag or digest; checks the registry's digest header against the bytes.
pub fn get_manifest(addr: &str, repo: &str, reference: &str) -> Manifest {
    let (status, headers, raw) = registry_get(addr, &format!("/v2/{repo}/manifests/{reference}"));
    assert_eq!(
        status,
        200,
        "GET manifest {repo}:{reference}: {}",
        String::from_utf8_lossy(&raw)
    );
    let digest = format!("sha256:{}", sha256_hex(&raw));
    assert_eq!(headers.get("docker-content-digest"), Some(&digest));
    let json = serde_json::from_slice(&raw).expect("manifest is JSON");
    Manifest { digest, raw, json }
}

/// Fetches a blob; asserts it exists and matches its digest.
pub fn get_blob(addr: &str, repo: &str, digest: &str) -> Vec<u8> {
    let (status, _, body) = registry_get(addr, &format!("/v2/{repo}/blobs/{digest}"));
    assert_eq!(status, 200, "GET blob {repo}@{digest}");
    assert_eq!(format!("sha256:{}", sha256_hex(&body)), digest);
    body
}

/// The repository's tags; empty when the registry does not know the repository.
pub fn tags(addr: &str, repo: &str) -> Vec<String> {
    let (status, _, body) = registry_get(addr, &format!("/v2/{repo}/tags/list"));
    match status {
        404 => Vec::new(),
        200 => {
            let v: serde_json::Value = serde_json::from_slice(&body).expect("tags JSON");
            v["tags"]
                .as_array()
                .map(|a| a.iter().map(|t| t.as_str().unwrap().to_string()).collect())
                .unwrap_or_default()
        }
        s => panic!("tags/list for {repo}: status {s}"),
    }
}

// ---------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A fresh temp dir for a test's files.
pub fn workdir() -> TempDir {
    tempfile::Builder::new()
        .prefix("artifact-test-")
        .tempdir()
        .expect("create temp dir")
}

/// Writes `dir/rel`, creating parent directories.
pub fn write_file(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent dirs");
    }
    fs::write(&path, bytes).expect("write file");
    path
}

pub fn read_file(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Deterministic, incompressible-looking bytes (xorshift64*).
pub fn pseudo_random(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        out.extend_from_slice(&state.wrapping_mul(0x2545_F491_4F6C_DD1D).to_le_bytes());
    }
    out.truncate(len);
    out
}

/// Every entry below `dir`, as sorted relative paths with `/` separators; directories end
/// with `/`.
pub fn list_tree(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).expect("read dir") {
            let entry = entry.expect("dir entry");
            let path = entry.path();
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if entry.file_type().expect("file type").is_dir() {
                out.push(format!("{rel}/"));
                walk(base, &path, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// Regular files below `dir` with their contents, keyed like [`list_tree`].
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    list_tree(dir)
        .into_iter()
        .filter(|p| !p.ends_with('/'))
        .map(|p| {
            let bytes = read_file(&dir.join(&p));
            (p, bytes)
        })
        .collect()
}

/// A layer for [`registry_push_artifact`].
pub struct RawLayer<'a> {
    pub title: Option<&'a str>,
    pub media_type: &'a str,
    pub content: &'a [u8],
    /// Extra layer annotations besides the title.
    pub annotations: &'a [(&'a str, &'a str)],
}

impl<'a> RawLayer<'a> {
    pub fn file(title: &'a str, content: &'a [u8]) -> Self {
        RawLayer {
            title: Some(title),
            media_type: OCI_LAYER_TAR,
            content,
            annotations: &[],
        }
    }
}

/// Builds and pushes an artifact with raw HTTP only (so tests can craft what the client
/// would never produce). Returns the manifest digest.
pub fn registry_push_artifact(addr: &str, repo: &str, tag: &str, layers: &[RawLayer]) -> String {
    let config_digest = registry_put_blob(addr, repo, b"{}");
    let layers: Vec<serde_json::Value> = layers
        .iter()
        .map(|l| {
            let digest = registry_put_blob(addr, repo, l.content);
            let mut annotations = serde_json::Map::new();
            if let Some(title) = l.title {
                annotations.insert(ANNOTATION_TITLE.into(), title.into());
            }
            for (k, v) in l.annotations {
                annotations.insert((*k).into(), (*v).into());
            }
            let mut layer = serde_json::json!({
                "mediaType": l.media_type,
                "digest": digest,
                "size": l.content.len(),
            });
            if !annotations.is_empty() {
                layer["annotations"] = annotations.into();
            }
            layer
        })
        .collect();
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": DEFAULT_ARTIFACT_TYPE,
        "config": {"mediaType": OCI_EMPTY, "digest": config_digest, "size": 2},
        "layers": layers,
    });
    let raw = serde_json::to_vec(&manifest).unwrap();
    registry_put_manifest(addr, repo, tag, OCI_MANIFEST, &raw)
}

/// Gzip-compresses `bytes`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Gunzips `bytes`.
pub fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}
pub mod auth;
pub mod fault_proxy;
pub mod tls;
pub mod tmux;
