//! Reliability: the client against the real registry behind a fault-injecting proxy
//! (`common::fault_proxy`). Retries and backoff, `Retry-After`, stall timeouts, resumed
//! downloads and uploads, corrupted bodies, redirects, authentication loops, Ctrl-C, and
//! pushes that fail half-way.
//!
//! Every command runs with a short timeout, and the faults are scripted so that each test
//! takes a few seconds at most.

mod common;

use std::net::TcpListener;
use std::path::Path;
use std::process::Child;
use std::time::{Duration, Instant};

use common::fault_proxy::{Action, FaultProxy, Origin, Rule, Seen};
use common::*;

/// Upper bound for one client run in these tests.
const CMD_TIMEOUT: Duration = Duration::from_secs(30);

/// Pushes `content` as `data.bin` to `<repo>:v1` with raw HTTP; returns the blob digest.
fn seed(reg: &Registry, repo: &str, content: &[u8]) -> String {
    registry_push_artifact(
        &reg.addr(),
        repo,
        "v1",
        &[RawLayer::file("data.bin", content)],
    );
    format!("sha256:{}", sha256_hex(content))
}

/// `artifact pull --plain-http <proxy>/<repo>:v1 -o <out> <extra...>`
fn pull_cmd(proxy: &FaultProxy, repo: &str, out: &Path, extra: &[&str]) -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.args([
        "pull",
        "--plain-http",
        &proxy.reference(&format!("{repo}:v1")),
        "-o",
    ])
    .arg(out)
    .args(extra)
    .timeout(CMD_TIMEOUT);
    cmd
}

/// `artifact push --plain-http <proxy>/<repo>:<tag> <args...>` run in `cwd`.
fn push_cmd(proxy: &FaultProxy, cwd: &Path, reference: &str, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.current_dir(cwd)
        .args(["push", "--plain-http", &proxy.reference(reference)])
        .args(args)
        .timeout(CMD_TIMEOUT);
    cmd
}

/// The path fragment of a blob GET.
fn blob_path(digest: &str) -> String {
    format!("/blobs/{digest}")
}

/// The hex part of a digest: how a blob shows up in an upload URL (`?digest=sha256%3A<hex>`).
fn hex_of(digest: &str) -> &str {
    digest.strip_prefix("sha256:").unwrap()
}

/// Files below `dir` (nothing when it does not exist).
fn files_in(dir: &Path) -> Vec<String> {
    if dir.exists() {
        list_tree(dir)
    } else {
        Vec::new()
    }
}

/// The output dir holds exactly `data.bin` with `content`, and nothing else.
fn assert_pulled(out: &Path, content: &[u8]) {
    assert_eq!(files_in(out), vec!["data.bin".to_string()], "output dir");
    assert!(
        read_file(&out.join("data.bin")) == content,
        "pulled data.bin differs from what was pushed"
    );
}

/// The start offset of a `Content-Range` (`<start>-<end>` or `bytes <start>-<end>[/len]`).
fn range_start(s: &Seen) -> Option<u64> {
    let v = s.header("content-range")?;
    let v = v.trim().trim_start_matches("bytes").trim();
    v.split('-').next()?.trim().parse().ok()
}

/// The offset of a `Range: bytes=<n>-` request header.
fn range_request_start(s: &Seen) -> Option<u64> {
    s.header("range")?
        .trim()
        .strip_prefix("bytes=")?
        .split('-')
        .next()?
        .parse()
        .ok()
}

/// The `artifact` binary, isolated like `common::artifact`, for runs that need a handle on
/// the process (signals, starting something while it runs).
fn spawn_artifact(args: &[&str]) -> Child {
    artifact_process()
        .args(args)
        .spawn()
        .expect("spawn artifact")
}

// ---------------------------------------------------------------------------------------
// Retries
// ---------------------------------------------------------------------------------------

#[test]
fn transient_statuses_are_retried() {
    let reg = Registry::start();
    let content = pseudo_random(40_000, 1);
    let digest = seed(&reg, "faults/transient", &content);
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy
        .rule(Rule::new("GET", "/manifests/", Action::status(503)).nth(1))
        .rule(Rule::new("GET", "/manifests/", Action::status(502)).nth(2))
        .rule(Rule::new("GET", &blob, Action::status(408)).nth(1))
        .rule(Rule::new("GET", &blob, Action::status(429)).nth(2))
        .rule(Rule::new("GET", &blob, Action::status(500)).nth(3));
    let out = workdir();
    run_ok(&mut pull_cmd(&proxy, "faults/transient", out.path(), &[]));
    assert_pulled(out.path(), &content);
    assert_eq!(proxy.count("GET", "/manifests/"), 3, "{}", proxy.log());
    assert_eq!(proxy.count("GET", &blob), 4, "{}", proxy.log());
}

#[test]
fn retry_after_is_honoured() {
    let reg = Registry::start();
    let content = pseudo_random(40_000, 2);
    let digest = seed(&reg, "faults/retry-after", &content);
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy
        .rule(
            Rule::new(
                "GET",
                "/manifests/",
                Action::status_with(503, &[("Retry-After", "1")]),
            )
            .nth(1),
        )
        .rule(
            Rule::new(
                "GET",
                &blob,
                Action::status_with(429, &[("Retry-After", "1")]),
            )
            .nth(1),
        );
    let out = workdir();
    run_ok(&mut pull_cmd(&proxy, "faults/retry-after", out.path(), &[]));
    assert_pulled(out.path(), &content);
    for path in ["/manifests/", blob.as_str()] {
        let seen = proxy.matching("GET", path);
        assert_eq!(seen.len(), 2, "{}", proxy.log());
        let waited = seen[1].at - seen[0].at;
        assert!(
            waited >= Duration::from_millis(900),
            "retried {path} after {waited:?}, before the 1 s Retry-After\n{}",
            proxy.log()
        );
    }
}

#[test]
fn retries_zero_fails_on_a_single_503() {
    let reg = Registry::start();
    seed(&reg, "faults/no-retry", b"hello\n");
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("GET", "/manifests/", Action::status(503)).nth(1));
    let out = workdir();
    run_err(
        &mut pull_cmd(&proxy, "faults/no-retry", out.path(), &["--retries", "0"]),
        1,
        "503",
    );
    assert_eq!(proxy.count("GET", "/manifests/"), 1, "{}", proxy.log());
    assert!(files_in(out.path()).is_empty());
}

#[test]
fn retries_are_bounded() {
    let reg = Registry::start();
    let digest = seed(&reg, "faults/bounded", b"hello\n");
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy.rule(Rule::new("GET", &blob, Action::status(503)));
    let out = workdir();
    run_err(
        &mut pull_cmd(&proxy, "faults/bounded", out.path(), &["--retries", "2"]),
        1,
        "503",
    );
    assert_eq!(proxy.count("GET", &blob), 3, "{}", proxy.log());
    assert!(
        files_in(out.path()).is_empty(),
        "{:?}",
        files_in(out.path())
    );
}

#[test]
fn client_errors_are_not_retried() {
    let reg = Registry::start();
    let digest = seed(&reg, "faults/client-errors", b"hello\n");
    let blob = blob_path(&digest);
    for (method, path, code) in [
        ("GET", "/manifests/", 403),
        ("GET", "/manifests/", 400),
        ("GET", blob.as_str(), 400),
        ("GET", blob.as_str(), 404),
    ] {
        let proxy = FaultProxy::start(&reg.addr());
        proxy.rule(Rule::new(method, path, Action::status(code)));
        let out = workdir();
        let output = pull_cmd(&proxy, "faults/client-errors", out.path(), &[])
            .output()
            .expect("run artifact");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{code} on {path}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(
            proxy.count(method, path),
            1,
            "{code} on {path} must fail at once\n{}",
            proxy.log()
        );
        assert!(files_in(out.path()).is_empty());
    }
}

#[test]
fn connection_resets_are_retried() {
    let reg = Registry::start();
    let content = pseudo_random(40_000, 3);
    let digest = seed(&reg, "faults/resets", &content);
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy
        // Reset before the registry sees the request...
        .rule(Rule::new("GET", "/manifests/", Action::ResetRequestAfter(0)).nth(1))
        // ...and after it answered, before the client hears back.
        .rule(Rule::new("GET", &blob, Action::LoseResponse).nth(1));
    let out = workdir();
    run_ok(&mut pull_cmd(&proxy, "faults/resets", out.path(), &[]));
    assert_pulled(out.path(), &content);
    assert_eq!(proxy.count("GET", "/manifests/"), 2, "{}", proxy.log());
    assert_eq!(proxy.count("GET", &blob), 2, "{}", proxy.log());
}

#[test]
fn connect_refused_is_retried() {
    let reg = Registry::start();
    let content = pseudo_random(10_000, 4);
    seed(&reg, "faults/refused", &content);
    // A port nobody listens on, for now.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let out = workdir();
    let child = spawn_artifact(&[
        "pull",
        "--plain-http",
        &format!("{addr}/faults/refused:v1"),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    // The first attempts are refused; the default 5 retries with backoff outlast this.
    std::thread::sleep(Duration::from_millis(700));
    let proxy = FaultProxy::start_on(&addr, &reg.addr());
    let (status, output) = wait_bounded(child, Duration::from_secs(20));
    assert!(
        status.success(),
        "pull should succeed once the registry is up: {status}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_pulled(out.path(), &content);
    assert!(proxy.count("GET", "/manifests/") >= 1);
}

// ---------------------------------------------------------------------------------------
// Timeouts and resumed downloads
// ---------------------------------------------------------------------------------------

#[test]
fn interrupted_download_resumes_with_range() {
    let reg = Registry::start();
    let content = pseudo_random(1 << 20, 5);
    let digest = seed(&reg, "faults/resume", &content);
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy.rule(Rule::new("GET", &blob, Action::ResetAfter(300_000)).nth(1));
    let out = workdir();
    run_ok(&mut pull_cmd(&proxy, "faults/resume", out.path(), &[]));
    assert_pulled(out.path(), &content);
    let gets = proxy.matching("GET", &blob);
    assert_eq!(gets.len(), 2, "{}", proxy.log());
    assert_eq!(gets[0].header("range"), None);
    let from = range_request_start(&gets[1]).unwrap_or_else(|| {
        panic!(
            "the retry should ask for the rest with `Range: bytes=<offset>-`, sent {:?}",
            gets[1].header("range")
        )
    });
    assert!(
        from > 0 && from <= 300_000,
        "resumed at {from}, but 300000 bytes had been sent"
    );
    assert_eq!(gets[1].upstream_status, Some(206), "{}", proxy.log());
}

#[test]
fn stalled_body_times_out_and_resumes() {
    let reg = Registry::start();
    let content = pseudo_random(1 << 20, 6);
    let digest = seed(&reg, "faults/stall-body", &content);
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy.rule(
        Rule::new(
            "GET",
            &blob,
            Action::Stall {
                after: 300_000,
                duration: Duration::from_secs(20),
            },
        )
        .nth(1),
    );
    let out = workdir();
    let started = Instant::now();
    run_ok(&mut pull_cmd(
        &proxy,
        "faults/stall-body",
        out.path(),
        &["--stall-timeout", "1"],
    ));
    let took = started.elapsed();
    assert_pulled(out.path(), &content);
    assert!(took < Duration::from_secs(8), "took {took:?}");
    let gets = proxy.matching("GET", &blob);
    assert_eq!(gets.len(), 2, "{}", proxy.log());
    assert!(
        range_request_start(&gets[1]).is_some_and(|n| n > 0),
        "the retry after a stall should resume with Range, sent {:?}",
        gets[1].header("range")
    );
}

#[test]
fn stalled_response_head_times_out() {
    let reg = Registry::start();
    let content = pseudo_random(10_000, 7);
    seed(&reg, "faults/stall-head", &content);
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("GET", "/manifests/", Action::Delay(Duration::from_secs(20))).nth(1));
    let out = workdir();
    let started = Instant::now();
    run_ok(&mut pull_cmd(
        &proxy,
        "faults/stall-head",
        out.path(),
        &["--stall-timeout", "1"],
    ));
    let took = started.elapsed();
    assert_pulled(out.path(), &content);
    assert!(took < Duration::from_secs(8), "took {took:?}");
    assert_eq!(proxy.count("GET", "/manifests/"), 2, "{}", proxy.log());
}

// ---------------------------------------------------------------------------------------
// Bodies that do not match their descriptor
// ---------------------------------------------------------------------------------------

/// With `action` on every GET of the blob, the pull fails with exit 1, names the blob, and
/// leaves nothing in the output dir.
fn bad_body_is_rejected(repo: &str, action: Action) {
    let reg = Registry::start();
    let content = pseudo_random(100_000, 8);
    let digest = seed(&reg, repo, &content);
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("GET", &blob_path(&digest), action));
    let base = workdir();
    let out = base.path().join("out");
    run_err_any(
        &mut pull_cmd(&proxy, repo, &out, &["--retries", "1"]),
        1,
        &[&digest, "data.bin"],
    );
    assert!(
        files_in(&out).is_empty(),
        "a rejected blob left files behind: {:?}",
        files_in(&out)
    );
    let beside: Vec<String> = files_in(base.path())
        .into_iter()
        .filter(|p| p != "out/")
        .collect();
    assert!(beside.is_empty(), "files beside the output dir: {beside:?}");
}

#[test]
fn flipped_byte_is_rejected() {
    bad_body_is_rejected("faults/flip", Action::FlipByte(1000));
}

#[test]
fn short_body_is_rejected() {
    bad_body_is_rejected("faults/short", Action::Truncate(1000));
}

#[test]
fn long_body_is_rejected() {
    bad_body_is_rejected("faults/long", Action::Append(10));
}

#[test]
fn corruption_once_gives_an_error_or_the_right_file() {
    let reg = Registry::start();
    let content = pseudo_random(100_000, 9);
    let digest = seed(&reg, "faults/flip-once", &content);
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("GET", &blob_path(&digest), Action::FlipByte(50_000)).nth(1));
    let out = workdir();
    let output = pull_cmd(&proxy, "faults/flip-once", out.path(), &[])
        .output()
        .expect("run artifact");
    match output.status.code() {
        Some(0) => assert_pulled(out.path(), &content),
        Some(1) => assert!(
            files_in(out.path()).is_empty(),
            "{:?}",
            files_in(out.path())
        ),
        other => panic!(
            "exit {other:?}\n{}",
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

// ---------------------------------------------------------------------------------------
// Redirects and authentication
// ---------------------------------------------------------------------------------------

#[test]
fn redirect_to_another_origin_drops_credentials() {
    let reg = Registry::start();
    let content = pseudo_random(50_000, 10);
    let digest = seed(&reg, "faults/redirect", &content);
    let origin = Origin::serve(content.clone());
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy
        .rule(Rule::new("*", "/v2/", Action::RequireBasic))
        .rule(Rule::new(
            "GET",
            &blob,
            Action::Redirect(origin.url(&format!("/storage/{digest}"))),
        ));
    let out = workdir();
    run_ok(&mut pull_cmd(
        &proxy,
        "faults/redirect",
        out.path(),
        &["-u", "tester", "-p", "s3cret"],
    ));
    assert_pulled(out.path(), &content);
    let redirected: Vec<Seen> = proxy
        .matching("GET", &blob)
        .into_iter()
        .filter(|s| s.status == Some(307))
        .collect();
    assert!(!redirected.is_empty(), "{}", proxy.log());
    assert!(
        redirected
            .iter()
            .all(|s| s.header("authorization").is_some()),
        "precondition: the registry got credentials on the redirected request\n{}",
        proxy.log()
    );
    let at_origin = origin.requests();
    assert!(!at_origin.is_empty(), "the redirect was not followed");
    for s in &at_origin {
        for h in ["authorization", "cookie", "proxy-authorization"] {
            assert!(
                s.header(h).is_none(),
                "the other origin received `{h}: {:?}`",
                s.header(h)
            );
        }
    }
}

#[test]
fn endless_401_gives_up_quickly() {
    let reg = Registry::start();
    seed(&reg, "faults/unauthorized", b"hello\n");
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("*", "/v2/", Action::AlwaysUnauthorized));
    let out = workdir();
    run_err(
        &mut pull_cmd(
            &proxy,
            "faults/unauthorized",
            out.path(),
            &["-u", "tester", "-p", "s3cret"],
        ),
        1,
        "authentication",
    );
    let n = proxy.count("GET", "/manifests/");
    assert!(
        (1..=4).contains(&n),
        "{n} manifest requests\n{}",
        proxy.log()
    );
    assert!(proxy.requests().len() <= 8, "{}", proxy.log());
}

// ---------------------------------------------------------------------------------------
// Ctrl-C
// ---------------------------------------------------------------------------------------

#[test]
fn sigint_during_pull_exits_130_and_cleans_up() {
    let reg = Registry::start();
    let content = pseudo_random(1 << 20, 11);
    let digest = seed(&reg, "faults/sigint", &content);
    let proxy = FaultProxy::start(&reg.addr());
    let blob = blob_path(&digest);
    proxy.rule(Rule::new(
        "GET",
        &blob,
        Action::Stall {
            after: 200_000,
            duration: Duration::from_secs(30),
        },
    ));
    let out = workdir();
    let child = spawn_artifact(&[
        "pull",
        "--plain-http",
        &proxy.reference("faults/sigint:v1"),
        "-o",
        out.path().to_str().unwrap(),
    ]);
    assert!(
        proxy.wait_for(Duration::from_secs(10), |r| r
            .iter()
            .any(|s| s.path.contains(&blob) && s.status.is_some())),
        "the blob download did not start\n{}",
        proxy.log()
    );
    // Let the client write what it got into its temp file.
    std::thread::sleep(Duration::from_millis(300));
    interrupt(&child);
    let (status, output) = wait_bounded(child, Duration::from_secs(10));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(status.code(), Some(130), "{status}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        files_in(out.path()).is_empty(),
        "an interrupted pull left {:?}",
        files_in(out.path())
    );
}

// ---------------------------------------------------------------------------------------
// Uploads
// ---------------------------------------------------------------------------------------

#[test]
fn failed_blob_upload_keeps_the_previous_tag() {
    let reg = Registry::start();
    let dir = workdir();
    write_file(dir.path(), "a.txt", b"first version\n");
    let old = push(&reg, dir.path(), "faults/safety:v1", &["a.txt"]);

    let proxy = FaultProxy::start(&reg.addr());
    let new_content = b"second version, never to be tagged\n";
    let new_digest = format!("sha256:{}", sha256_hex(new_content));
    write_file(dir.path(), "a.txt", new_content);
    proxy.rule(Rule::new("PUT", hex_of(&new_digest), Action::status(500)));
    let output = push_cmd(
        &proxy,
        dir.path(),
        "faults/safety:v1",
        &["a.txt", "--retries", "1"],
    )
    .output()
    .expect("run artifact");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        proxy.count("PUT", hex_of(&new_digest)) >= 1,
        "{}",
        proxy.log()
    );
    assert_eq!(proxy.count("PUT", "/manifests/"), 0, "{}", proxy.log());
    assert_eq!(get_manifest(&reg.addr(), "faults/safety", "v1").digest, old);
}

#[test]
fn manifest_put_503_is_retried() {
    let reg = Registry::start();
    let dir = workdir();
    write_file(dir.path(), "a.txt", b"manifest retry\n");
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("PUT", "/manifests/", Action::status(503)).nth(1));
    let output = run_ok(&mut push_cmd(
        &proxy,
        dir.path(),
        "faults/manifest-put:v1",
        &["a.txt"],
    ));
    let digest = printed_digest(&stdout_of(&output));
    assert_eq!(proxy.count("PUT", "/manifests/"), 2, "{}", proxy.log());
    assert_eq!(
        get_manifest(&reg.addr(), "faults/manifest-put", "v1").digest,
        digest
    );
}

/// `size` bytes pushed through `proxy` in `chunk`-byte PATCHes as `a.bin`; the empty config
/// is already in the repository, so every upload request is about `a.bin`.
fn push_chunked(reg: &Registry, proxy: &FaultProxy, repo: &str, content: &[u8], extra: &[&str]) {
    registry_put_blob(&reg.addr(), repo, b"{}");
    let dir = workdir();
    write_file(dir.path(), "a.bin", content);
    let mut args = vec!["a.bin"];
    args.extend_from_slice(extra);
    let output = push_cmd(proxy, dir.path(), &format!("{repo}:v1"), &args)
        .output()
        .expect("run artifact");
    assert!(
        output.status.success(),
        "push failed: {}\n{}--- stderr\n{}",
        output.status,
        proxy.log(),
        String::from_utf8_lossy(&output.stderr)
    );
    let digest = format!("sha256:{}", sha256_hex(content));
    assert!(get_blob(&reg.addr(), repo, &digest) == content);
    let m = get_manifest(&reg.addr(), repo, "v1");
    assert_eq!(m.layer("a.bin")["digest"], digest.as_str());
}

#[test]
fn chunked_upload_resumes_from_the_registry_offset() {
    let reg = Registry::start();
    let proxy = FaultProxy::start(&reg.addr());
    // Chunks 0-102399, 102400-204799, 204800-307199; the second is cut off mid-body before
    // the registry sees any of it, so the registry still holds 102400 bytes.
    proxy.rule(
        Rule::new(
            "PATCH",
            "/blobs/uploads/",
            Action::ResetRequestAfter(50_000),
        )
        .nth(2),
    );
    let content = pseudo_random(300 * 1024, 12);
    push_chunked(
        &reg,
        &proxy,
        "faults/chunk-resume",
        &content,
        &["--chunk-size", "100KiB"],
    );

    assert_eq!(
        proxy.count("POST", "/blobs/uploads/"),
        1,
        "the upload restarted instead of resuming\n{}",
        proxy.log()
    );
    let reqs = proxy.requests();
    let failed = reqs
        .iter()
        .position(|s| s.method == "PATCH" && s.action.is_some())
        .expect("the fault fired");
    let after = &reqs[failed + 1..];
    assert!(
        after
            .iter()
            .any(|s| s.method == "GET" && s.path.contains("/blobs/uploads/")),
        "the client should ask the registry how much it has (GET the upload URL)\n{}",
        proxy.log()
    );
    let next_patch = after
        .iter()
        .find(|s| s.method == "PATCH")
        .unwrap_or_else(|| panic!("no PATCH after the failed one\n{}", proxy.log()));
    assert_eq!(
        range_start(next_patch),
        Some(102_400),
        "resume from the registry's offset\n{}",
        proxy.log()
    );
    assert!(
        after
            .iter()
            .filter(|s| s.method == "PATCH")
            .all(|s| range_start(s) != Some(0)),
        "re-sent the blob from the start\n{}",
        proxy.log()
    );
}

#[test]
fn chunked_upload_survives_a_lost_patch_response() {
    // The registry stored the second chunk but the client never heard back. distribution
    // cancels an upload whose `_state` offset is stale, so a fresh upload is a correct
    // answer here; all that counts is that the push succeeds with the right bytes.
    let reg = Registry::start();
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("PATCH", "/blobs/uploads/", Action::LoseResponse).nth(2));
    let content = pseudo_random(300 * 1024, 13);
    push_chunked(
        &reg,
        &proxy,
        "faults/chunk-lost",
        &content,
        &["--chunk-size", "100KiB"],
    );
}

#[test]
fn monolithic_upload_restarts_from_post() {
    let reg = Registry::start();
    let proxy = FaultProxy::start(&reg.addr());
    let content = pseudo_random(200_000, 14);
    let digest = format!("sha256:{}", sha256_hex(&content));
    proxy.rule(Rule::new("PUT", hex_of(&digest), Action::ResetRequestAfter(10_000)).nth(1));
    push_chunked(&reg, &proxy, "faults/mono", &content, &[]);
    assert_eq!(proxy.count("PUT", hex_of(&digest)), 2, "{}", proxy.log());
    assert_eq!(
        proxy.count("POST", "/blobs/uploads/"),
        2,
        "a monolithic upload restarts from the POST\n{}",
        proxy.log()
    );
    assert_eq!(proxy.count("PATCH", "/blobs/uploads/"), 0);
}

// ---------------------------------------------------------------------------------------
// The proxy itself
// ---------------------------------------------------------------------------------------

/// The proxy's actions do what they say, checked with raw HTTP (so that a broken proxy
/// cannot make the tests above pass for nothing).
#[test]
fn fault_proxy_does_what_it_says() {
    let reg = Registry::start();
    let content = pseudo_random(5000, 99);
    let digest = seed(&reg, "faults/self", &content);
    let blob = format!("/v2/faults/self/blobs/{digest}");
    let uploads = "/v2/faults/self/blobs/uploads/";
    let proxy = FaultProxy::start(&reg.addr());
    let addr = proxy.addr();
    proxy
        .rule(Rule::new("GET", &blob, Action::FlipByte(10)).nth(1))
        .rule(Rule::new("GET", &blob, Action::Truncate(10)).nth(2))
        .rule(Rule::new("GET", &blob, Action::Append(3)).nth(3))
        .rule(Rule::new("GET", &blob, Action::ResetAfter(1000)).nth(4))
        .rule(
            Rule::new(
                "GET",
                &blob,
                Action::status_with(429, &[("Retry-After", "1")]),
            )
            .nth(5),
        )
        .rule(
            Rule::new(
                "GET",
                &blob,
                Action::Redirect("http://127.0.0.1:9/x".into()),
            )
            .nth(6),
        )
        .rule(
            Rule::new(
                "GET",
                &blob,
                Action::Stall {
                    after: 100,
                    duration: Duration::from_millis(300),
                },
            )
            .nth(7),
        )
        .rule(Rule::new("POST", uploads, Action::ResetRequestAfter(100)).nth(1))
        .rule(Rule::new("POST", uploads, Action::LoseResponse).nth(2))
        .rule(Rule::new("*", "/v2/", Action::RequireBasic));
    let get = |headers: &[(&str, &str)]| http_request(&addr, "GET", &blob, headers, &[]);

    let r = get(&[]).unwrap();
    assert_eq!(r.status, 200);
    let diff: Vec<usize> = (0..content.len())
        .filter(|&i| r.body[i] != content[i])
        .collect();
    assert_eq!(diff, vec![10], "FlipByte(10)");
    assert_eq!(get(&[]).unwrap().body, &content[..10], "Truncate(10)");
    let long = get(&[]).unwrap().body;
    assert_eq!(
        (long.len(), &long[..5000]),
        (5003, &content[..]),
        "Append(3)"
    );
    assert!(get(&[]).is_err(), "ResetAfter(1000) must break the body");
    let r = get(&[]).unwrap();
    assert_eq!(r.status, 429);
    assert_eq!(r.headers.get("retry-after").map(String::as_str), Some("1"));
    let r = get(&[]).unwrap();
    assert_eq!(r.status, 307);
    assert_eq!(
        r.headers.get("location").map(String::as_str),
        Some("http://127.0.0.1:9/x")
    );
    let started = Instant::now();
    assert!(get(&[]).is_err(), "Stall must end in a broken body");
    assert!(started.elapsed() >= Duration::from_millis(300));

    // Rules used up: RequireBasic is all that is left.
    let r = get(&[]).unwrap();
    assert_eq!(r.status, 401);
    assert!(r.headers["www-authenticate"].starts_with("Basic "));
    let auth = ("Authorization", "Basic dTpw");
    let r = get(&[auth]).unwrap();
    assert_eq!((r.status, &r.body), (200, &content));
    let r = get(&[auth, ("Range", "bytes=100-")]).unwrap();
    assert_eq!((r.status, &r.body[..]), (206, &content[100..]));
    let r = http_request(&addr, "HEAD", &blob, &[auth], &[]).unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.headers.get("content-length"), Some(&"5000".to_string()));

    // Uploads: one never reaches the registry, one does but its answer is lost.
    let posts_before = reg.count_requests("POST", "faults/self", "blobs/uploads/");
    let body = vec![0u8; 10_000];
    assert!(http_request(&addr, "POST", uploads, &[auth], &body).is_err());
    assert_eq!(
        reg.count_requests("POST", "faults/self", "blobs/uploads/"),
        posts_before
    );
    assert!(http_request(&addr, "POST", uploads, &[auth], &[]).is_err());
    assert_eq!(
        reg.count_requests("POST", "faults/self", "blobs/uploads/"),
        posts_before + 1
    );
    let r = http_request(&addr, "POST", uploads, &[auth], &[]).unwrap();
    assert_eq!(r.status, 202);
    assert!(
        r.headers["location"].contains(&addr),
        "upload Locations point back at the proxy: {}",
        r.headers["location"]
    );

    // Records.
    let gets = proxy.matching("GET", &blob);
    assert_eq!(gets.len(), 10, "{}", proxy.log());
    assert_eq!(gets[9].header("range"), Some("bytes=100-"));
    assert_eq!(gets[9].header("AUTHORIZATION"), Some("Basic dTpw"));
    assert_eq!(gets[9].upstream_status, Some(206));
    assert_eq!(gets[3].status, Some(200));
    assert_eq!(gets[7].status, Some(401));

    // The second origin.
    let origin = Origin::serve(content.clone());
    let oaddr = origin.addr();
    let r = http_request(&oaddr, "GET", "/any", &[("Range", "bytes=10-")], &[]).unwrap();
    assert_eq!((r.status, &r.body[..]), (206, &content[10..]));
    let r = http_request(&oaddr, "GET", "/any", &[auth], &[]).unwrap();
    assert_eq!((r.status, &r.body), (200, &content));
    let seen = origin.requests();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].header("authorization"), None);
    assert_eq!(seen[1].header("authorization"), Some("Basic dTpw"));
}

#[test]
fn debug_trace_hides_the_signature_of_a_presigned_redirect() {
    let reg = Registry::start();
    let content = pseudo_random(20_000, 15);
    let digest = seed(&reg, "faults/presigned", &content);
    let origin = Origin::serve(content.clone());
    let proxy = FaultProxy::start(&reg.addr());
    let signed = origin.url(&format!(
        "/storage/{}?X-Amz-Credential=AKIDEXAMPLE&X-Amz-Signature=0f1e2d3c4b5a6978",
        hex_of(&digest)
    ));
    proxy.rule(Rule::new(
        "GET",
        &blob_path(&digest),
        Action::Redirect(signed),
    ));
    let out = workdir();
    let output = run_ok(&mut pull_cmd(
        &proxy,
        "faults/presigned",
        out.path(),
        &["--debug"],
    ));
    assert_pulled(out.path(), &content);
    let trace = String::from_utf8_lossy(&output.stderr);
    assert!(
        !trace.contains("0f1e2d3c4b5a6978") && !trace.contains("AKIDEXAMPLE"),
        "the presigned query reached the trace:\n{trace}"
    );
    assert!(
        trace.contains("/storage/"),
        "the redirect is not in the trace:\n{trace}"
    );
    assert!(trace.contains("?<redacted>"), "{trace}");
}
