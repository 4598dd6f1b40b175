//! The transfer engine against the real registry: new large files are read once (hashed
//! while they upload), unchanged files are recognised from the digest cache so a re-push
//! costs only HEAD requests, a changed file is never mistaken for its cached digest, and
//! independent blobs move concurrently.

mod common;

use std::time::Duration;

use common::fault_proxy::{Action, FaultProxy, Rule};
use common::*;

const MIB: usize = 1 << 20;

fn blob_heads(reg: &Registry, repo: &str, digest: &str) -> usize {
    reg.requests()
        .iter()
        .filter(|r| *r == &format!("HEAD /v2/{repo}/blobs/{digest}"))
        .count()
}

#[test]
fn new_large_file_is_hashed_while_it_uploads() {
    let reg = Registry::start();
    let dir = workdir();
    let content = pseudo_random(6 * MIB, 1);
    write_file(dir.path(), "model.bin", &content);
    let digest = format!("sha256:{}", sha256_hex(&content));

    let pushed = push(&reg, dir.path(), "t/single:1", &["model.bin"]);
    assert_eq!(pushed, get_manifest(&reg.addr(), "t/single", "1").digest);

    // The digest was not known before the upload, so nothing asked whether the registry had
    // it; the bytes went in PATCH requests and the PUT named the digest computed on the way.
    assert_eq!(
        blob_heads(&reg, "t/single", &digest),
        0,
        "{:#?}",
        reg.requests()
    );
    assert!(reg.count_requests("PATCH", "t/single", "blobs/uploads/") >= 1);
    let put = reg
        .requests()
        .into_iter()
        .find(|r| {
            r.starts_with("PUT /v2/t/single/blobs/uploads/")
                && r.contains(&digest.replace(':', "%3A"))
        })
        .is_some();
    assert!(put, "no PUT ?digest={digest}: {:#?}", reg.requests());
    let m = get_manifest(&reg.addr(), "t/single", "1");
    assert_eq!(m.layer("model.bin")["digest"], digest);
    assert_eq!(m.layer("model.bin")["size"], content.len());
    assert_eq!(get_blob(&reg.addr(), "t/single", &digest), content);
}

#[test]
fn repush_of_unchanged_files_costs_only_head_requests() {
    let reg = Registry::start();
    let dir = workdir();
    let big = pseudo_random(5 * MIB, 2);
    write_file(dir.path(), "big.bin", &big);
    write_file(dir.path(), "small.txt", b"small");
    let first = push(&reg, dir.path(), "t/repush:1", &["big.bin", "small.txt"]);
    let uploads = reg.count_requests("POST", "t/repush", "blobs/uploads/");
    let big_digest = format!("sha256:{}", sha256_hex(&big));
    assert_eq!(blob_heads(&reg, "t/repush", &big_digest), 0);

    let output = run_ok(artifact().current_dir(dir.path()).args([
        "push",
        "--plain-http",
        &reg.reference("t/repush:1"),
        "big.bin",
        "small.txt",
    ]));
    let second = stdout_of(&output);
    assert_eq!(first, printed_digest(&second));
    assert_eq!(
        reg.count_requests("POST", "t/repush", "blobs/uploads/"),
        uploads,
        "a re-push uploaded again: {:#?}",
        reg.requests()
    );
    // The cached digest of the big file let the client ask instead of upload.
    assert_eq!(blob_heads(&reg, "t/repush", &big_digest), 1);
    assert!(second.contains("Exists"), "{second}");
}

#[test]
fn a_changed_file_is_not_taken_for_its_cached_digest() {
    let reg = Registry::start();
    let dir = workdir();
    let v1 = pseudo_random(5 * MIB, 3);
    let path = write_file(dir.path(), "data.bin", &v1);
    push(&reg, dir.path(), "t/changed:1", &["data.bin"]);

    // Same size, new content, and a modification time that moved on.
    std::thread::sleep(Duration::from_millis(20));
    let v2 = pseudo_random(5 * MIB, 4);
    std::fs::write(&path, &v2).unwrap();
    push(&reg, dir.path(), "t/changed:2", &["data.bin"]);

    let m = get_manifest(&reg.addr(), "t/changed", "2");
    assert_eq!(
        m.layer("data.bin")["digest"],
        format!("sha256:{}", sha256_hex(&v2))
    );
    let out = workdir();
    pull(&reg, "t/changed:2", out.path(), &[]);
    assert_eq!(read_file(&out.path().join("data.bin")), v2);
}

#[test]
fn small_files_are_hashed_first_and_skipped_when_present() {
    // Below the single-pass size the digest is computed up front, so even with an empty
    // cache a blob the registry already has is not sent again.
    let reg = Registry::start();
    let dir = workdir();
    write_file(dir.path(), "a.txt", b"shared content");
    push(&reg, dir.path(), "t/small:1", &["a.txt"]);
    let uploads = reg.count_requests("POST", "t/small", "blobs/uploads/");
    let cache = test_home().join(".cache");
    std::fs::remove_dir_all(&cache).unwrap();
    push(&reg, dir.path(), "t/small:2", &["a.txt"]);
    assert_eq!(
        reg.count_requests("POST", "t/small", "blobs/uploads/"),
        uploads
    );
}

/// Blob GETs held back by the proxy for `delay` each: with enough concurrency every GET
/// arrives before the first answer; one at a time, each waits for the one before.
fn blob_get_spread(concurrency: &str, delay: Duration) -> Duration {
    let reg = Registry::start();
    let dir = workdir();
    let mut names = Vec::new();
    for i in 0..4 {
        let name = format!("f{i}.bin");
        write_file(dir.path(), &name, &pseudo_random(10_000, 10 + i));
        names.push(name);
    }
    let args: Vec<&str> = names.iter().map(String::as_str).collect();
    push(&reg, dir.path(), "t/conc:1", &args);
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("GET", "/blobs/sha256:", Action::Delay(delay)));
    let out = workdir();
    run_ok(artifact().args([
        "pull",
        "--plain-http",
        &proxy.reference("t/conc:1"),
        "-o",
        out.path().to_str().unwrap(),
        "--concurrency",
        concurrency,
    ]));
    assert_eq!(list_tree(out.path()).len(), 4);
    let gets = proxy.matching("GET", "/blobs/sha256:");
    assert_eq!(gets.len(), 4, "{}", proxy.log());
    let first = gets.iter().map(|s| s.at).min().unwrap();
    let last = gets.iter().map(|s| s.at).max().unwrap();
    last - first
}

#[test]
fn blobs_download_concurrently() {
    // Wide margins: the test proves overlap (spread < one delay), not speed.
    let delay = Duration::from_millis(1500);
    let together = blob_get_spread("4", delay);
    assert!(
        together < delay,
        "4 blob GETs did not overlap: spread {together:?}"
    );
    let one_by_one = blob_get_spread("1", delay);
    assert!(
        one_by_one >= delay * 3,
        "--concurrency 1 still overlapped: spread {one_by_one:?}"
    );
}

#[test]
fn pull_skips_files_already_there_with_the_right_content() {
    let reg = Registry::start();
    let dir = workdir();
    let a = pseudo_random(300_000, 20);
    write_file(dir.path(), "a.bin", &a);
    write_file(dir.path(), "b.bin", b"bee");
    let digest_a = format!("sha256:{}", sha256_hex(&a));
    push(&reg, dir.path(), "t/skip:1", &["a.bin", "b.bin"]);
    let out = workdir();
    pull(&reg, "t/skip:1", out.path(), &[]);
    let gets = |reg: &Registry| reg.count_requests("GET", "t/skip", &format!("blobs/{digest_a}"));
    assert_eq!(gets(&reg), 1);

    // Unchanged file: not downloaded again. A file whose content differs: replaced.
    std::fs::write(out.path().join("b.bin"), b"BEE").unwrap();
    let output = run_ok(artifact().args([
        "pull",
        "--plain-http",
        &reg.reference("t/skip:1"),
        "-o",
        out.path().to_str().unwrap(),
    ]));
    assert!(
        stdout_of(&output).contains("Unchanged  a.bin"),
        "{}",
        stdout_of(&output)
    );
    assert_eq!(gets(&reg), 1, "a.bin was downloaded again");
    assert_eq!(read_file(&out.path().join("b.bin")), b"bee");
    assert_eq!(read_file(&out.path().join("a.bin")), a);
}

#[test]
fn an_interrupted_push_continues_on_the_next_run() {
    let reg = Registry::start();
    let proxy = FaultProxy::start(&reg.addr());
    let dir = workdir();
    let content = pseudo_random(12 * MIB, 30);
    write_file(dir.path(), "big.bin", &content);
    let push_via_proxy = |extra: &[&str]| {
        let mut cmd = artifact();
        cmd.current_dir(dir.path())
            .args([
                "push",
                "--plain-http",
                &proxy.reference("t/resume:1"),
                "big.bin",
            ])
            .args(["--chunk-size", "4MiB"])
            .args(extra);
        cmd
    };

    // The third chunk fails and no retry is allowed: the run fails with 8 MiB in the registry.
    proxy.rule(Rule::new("PATCH", "/blobs/uploads/", Action::status(500)).nth(3));
    run_err(&mut push_via_proxy(&["--retries", "0"]), 1, "big.bin");
    assert!(
        tags(&reg.addr(), "t/resume").is_empty(),
        "a failed push moved a tag"
    );

    // The next run asks the registry where the upload stands and sends only the rest.
    proxy.clear_rules();
    let before = proxy.requests().len();
    run_ok(&mut push_via_proxy(&[]));
    let second: Vec<_> = proxy.requests().into_iter().skip(before).collect();
    let uploads = |m: &str| {
        second
            .iter()
            .filter(|s| s.method == m && s.path.contains("/blobs/uploads/"))
            .collect::<Vec<_>>()
    };
    assert!(uploads("POST").is_empty(), "started over:\n{}", proxy.log());
    assert_eq!(uploads("GET").len(), 1, "{}", proxy.log());
    let patches = uploads("PATCH");
    assert_eq!(patches.len(), 1, "{}", proxy.log());
    assert_eq!(
        patches[0].header("content-range"),
        Some(format!("{}-{}", 8 * MIB, 12 * MIB - 1).as_str())
    );
    let m = get_manifest(&reg.addr(), "t/resume", "1");
    let digest = format!("sha256:{}", sha256_hex(&content));
    assert_eq!(m.layer("big.bin")["digest"], digest);
    assert_eq!(get_blob(&reg.addr(), "t/resume", &digest), content);
    // Finished uploads are forgotten.
    let sessions = test_home().join(".cache/artifact/uploads");
    assert_eq!(
        std::fs::read_dir(&sessions).map(|d| d.count()).unwrap_or(0),
        0
    );
}
