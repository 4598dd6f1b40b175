//! HTTP proxies from the environment (`HTTP_PROXY`, `http_proxy`, `NO_PROXY`), through a
//! tiny forward proxy that runs inside the test.
//!
//! reqwest reads the proxy variables by default and does not exempt loopback addresses on
//! its own, so a proxy in front of `127.0.0.1` is used unless `NO_PROXY` names the host.
//! (The shared harness sets `NO_PROXY=127.0.0.1,localhost` for every other test; these
//! tests remove it.)

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::Engine as _;
use common::*;

/// Longest request head the proxy accepts.
const MAX_HEAD: usize = 64 * 1024;
/// Socket timeout for every proxied connection, so no thread outlives a stuck test long.
const IO_TIMEOUT: Duration = Duration::from_secs(30);

/// One request the proxy received.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    /// The request target as sent to the proxy (absolute form: `http://host:port/path`).
    target: String,
    proxy_authorization: Option<String>,
}

/// A minimal HTTP/1.1 forward proxy for plain-HTTP targets: one request per connection,
/// `Connection: close` towards the origin, bytes relayed both ways. CONNECT and
/// origin-form requests are answered 501 (and still recorded).
struct Proxy {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

impl Proxy {
    fn start() -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let addr = listener.local_addr().expect("proxy addr");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let accept = {
            let (seen, stop) = (seen.clone(), stop.clone());
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let seen = seen.clone();
                    std::thread::spawn(move || {
                        let _ = handle(conn, &seen);
                    });
                }
            })
        };
        Proxy {
            addr,
            seen,
            stop,
            accept: Some(accept),
        }
    }

    /// `http://127.0.0.1:PORT`, or with `user:password@` in front of the host.
    fn url(&self, userinfo: Option<&str>) -> String {
        match userinfo {
            Some(u) => format!("http://{u}@{}", self.addr),
            None => format!("http://{}", self.addr),
        }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.accept.take() {
            let _ = t.join();
        }
    }
}

fn handle(client: TcpStream, seen: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    client.set_read_timeout(Some(IO_TIMEOUT))?;
    client.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut reader = BufReader::new(client.try_clone()?);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // the wake-up connection from Drop, or a client that gave up
    }
    let mut headers = Vec::new();
    let mut head_len = request_line.len();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line)?;
        head_len += n;
        if n == 0 || head_len > MAX_HEAD {
            return Ok(());
        }
        let line = line.trim_end_matches(['\r', '\n']).to_string();
        if line.is_empty() {
            break;
        }
        headers.push(line);
    }
    let mut parts = request_line.split_whitespace();
    let (method, target, version) = (
        parts.next().unwrap_or("").to_string(),
        parts.next().unwrap_or("").to_string(),
        parts.next().unwrap_or("HTTP/1.1").to_string(),
    );
    let header = |name: &str| {
        headers.iter().find_map(|h| {
            let (k, v) = h.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    seen.lock().unwrap().push(Seen {
        method: method.clone(),
        target: target.clone(),
        proxy_authorization: header("proxy-authorization"),
    });
    let mut client = client;
    let Some(rest) = target.strip_prefix("http://") else {
        client.write_all(
            b"HTTP/1.1 501 Not Implemented\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
        )?;
        return Ok(());
    };
    let (authority, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    let mut upstream = match TcpStream::connect(authority) {
        Ok(s) => s,
        Err(_) => {
            client.write_all(
                b"HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            )?;
            return Ok(());
        }
    };
    upstream.set_read_timeout(Some(IO_TIMEOUT))?;
    upstream.set_write_timeout(Some(IO_TIMEOUT))?;
    let mut head = format!("{method} {path} {version}\r\n");
    for h in &headers {
        let name = h
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !matches!(
            name.as_str(),
            "proxy-authorization" | "proxy-connection" | "connection" | "keep-alive"
        ) {
            head.push_str(h);
            head.push_str("\r\n");
        }
    }
    head.push_str("Connection: close\r\n\r\n");
    upstream.write_all(head.as_bytes())?;
    // Body bytes the reader already buffered, then the rest of the client's stream.
    upstream.write_all(reader.buffer())?;
    let mut to_upstream = upstream.try_clone()?;
    let mut from_client = reader.into_inner();
    let body = std::thread::spawn(move || {
        let _ = std::io::copy(&mut from_client, &mut to_upstream);
    });
    // The origin closes after its response (Connection: close); relay it, then hang up.
    let _ = std::io::copy(&mut upstream, &mut client);
    let _ = client.shutdown(Shutdown::Both);
    let _ = upstream.shutdown(Shutdown::Both);
    let _ = body.join();
    Ok(())
}

/// `artifact` with the harness's proxy isolation undone and `vars` set instead.
fn artifact_with(vars: &[(&str, &str)]) -> assert_cmd::Command {
    let mut cmd = artifact();
    for v in ["NO_PROXY", "no_proxy"] {
        cmd.env_remove(v);
    }
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd
}

fn sample_files() -> tempfile::TempDir {
    let src = workdir();
    write_file(src.path(), "a.txt", b"through the proxy\n");
    write_file(src.path(), "dir/b.bin", &pseudo_random(300_000, 11));
    src
}

#[test]
fn push_and_pull_go_through_the_http_proxy() {
    let reg = Registry::start();
    let proxy = Proxy::start();
    let src = sample_files();
    let reference = reg.reference("proxy/files:v1");

    let out = run_ok(
        artifact_with(&[("HTTP_PROXY", &proxy.url(None))])
            .current_dir(src.path())
            .args(["push", "--plain-http", &reference, "a.txt", "dir"]),
    );
    let digest = printed_digest(&stdout_of(&out));
    let pushed = proxy.seen();
    let origin = format!("http://{}/", reg.addr());
    assert!(
        pushed.iter().all(|s| s.target.starts_with(&origin)),
        "every proxied request is for the registry, in absolute form: {pushed:#?}"
    );
    let manifest_put = format!("{origin}v2/proxy/files/manifests/v1");
    assert!(
        pushed
            .iter()
            .any(|s| s.method == "PUT" && s.target == manifest_put),
        "the manifest PUT went through the proxy: {pushed:#?}"
    );
    assert!(
        pushed
            .iter()
            .any(|s| s.method == "PUT" && s.target.contains("/blobs/uploads/")),
        "blob uploads went through the proxy: {pushed:#?}"
    );

    // Lower-case http_proxy works too.
    let dest = workdir();
    let out = run_ok(artifact_with(&[("http_proxy", &proxy.url(None))]).args([
        "pull",
        "--plain-http",
        &reference,
        "-o",
        dest.path().to_str().unwrap(),
    ]));
    assert_eq!(printed_digest(&stdout_of(&out)), digest);
    let pulled = &proxy.seen()[pushed.len()..];
    assert!(
        pulled
            .iter()
            .any(|s| s.method == "GET" && s.target == manifest_put),
        "the manifest GET went through the proxy: {pulled:#?}"
    );
    assert!(
        pulled
            .iter()
            .filter(|s| s.method == "GET" && s.target.contains("/blobs/sha256:"))
            .count()
            >= 2,
        "both layers were fetched through the proxy: {pulled:#?}"
    );
    assert_eq!(read_tree(dest.path()), read_tree(src.path()));
}

#[test]
fn no_proxy_sends_requests_directly() {
    let reg = Registry::start();
    let proxy = Proxy::start();
    let src = sample_files();
    let reference = reg.reference("proxy/direct:v1");
    let url = proxy.url(None);

    run_ok(
        artifact_with(&[("HTTP_PROXY", &url), ("NO_PROXY", "127.0.0.1")])
            .current_dir(src.path())
            .args(["push", "--plain-http", &reference, "a.txt", "dir"]),
    );
    let dest = workdir();
    run_ok(
        artifact_with(&[
            ("HTTP_PROXY", &url),
            ("no_proxy", "example.com, 127.0.0.0/8"),
        ])
        .args([
            "pull",
            "--plain-http",
            &reference,
            "-o",
            dest.path().to_str().unwrap(),
        ]),
    );
    assert_eq!(read_tree(dest.path()), read_tree(src.path()));
    assert!(
        proxy.seen().is_empty(),
        "NO_PROXY hosts bypass the proxy: {:#?}",
        proxy.seen()
    );
}

#[test]
fn proxy_credentials_are_sent_but_never_traced() {
    let reg = Registry::start();
    let proxy = Proxy::start();
    let src = sample_files();
    // Pushed directly (the harness's NO_PROXY), so only inspect goes through the proxy.
    push(&reg, src.path(), "proxy/auth:v1", &["a.txt"]);

    let password = "pr0xy-s3cret";
    let out = run_ok(
        artifact_with(&[("HTTP_PROXY", &proxy.url(Some(&format!("alice:{password}"))))]).args([
            "inspect",
            "--plain-http",
            "--debug",
            &reg.reference("proxy/auth:v1"),
        ]),
    );
    let seen = proxy.seen();
    assert!(!seen.is_empty(), "inspect went through the proxy");
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("alice:{password}"))
    );
    for s in &seen {
        assert_eq!(
            s.proxy_authorization.as_deref(),
            Some(expected.as_str()),
            "every request carries the proxy credentials from the URL: {s:?}"
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("> GET "),
        "--debug prints the HTTP trace:\n{stderr}"
    );
    assert!(
        !stderr.contains(password) && !stderr.contains(&expected[6..]),
        "the proxy password must not appear in the --debug trace:\n{stderr}"
    );
}
