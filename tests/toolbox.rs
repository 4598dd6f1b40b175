//! The toolbox commands: `manifest fetch|fetch-config|push|delete`, `blob fetch|push|delete`,
//! `repo ls|tags`, `resolve` and `version`, against a real registry (and, where distribution
//! 2.8 cannot show a behaviour, a small scripted registry running inside the test).

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use serde_json::{json, Value};

const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";

fn text(output: &std::process::Output) -> String {
    stdout_of(output)
}

fn sha256_digest(bytes: &[u8]) -> String {
    format!("sha256:{}", sha256_hex(bytes))
}

/// Pushes one small file with `artifact push`; returns the manifest digest.
fn push_small(reg: &Registry, reference: &str, content: &[u8]) -> String {
    let src = workdir();
    write_file(src.path(), "f.txt", content);
    push(reg, src.path(), reference, &["f.txt"])
}

/// A hand-written image manifest whose config and layer are already in `repo`.
fn hand_manifest(addr: &str, repo: &str, annotation: &str) -> Vec<u8> {
    let config = br#"{"hand":"written"}"#;
    let layer = b"layer content\n";
    let config_digest = registry_put_blob(addr, repo, config);
    let layer_digest = registry_put_blob(addr, repo, layer);
    let m = json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": "application/vnd.example.hand",
        "config": {"mediaType": "application/vnd.example.config+json", "digest": config_digest, "size": config.len()},
        "layers": [{"mediaType": OCI_LAYER_TAR, "digest": layer_digest, "size": layer.len()}],
        "annotations": {"org.example.note": annotation},
    });
    // Deliberately not how serde would lay it out, so byte-exactness is visible.
    let mut raw = serde_json::to_vec_pretty(&m).unwrap();
    raw.extend_from_slice(b"\n\n");
    raw
}

// ---------------------------------------------------------------------------------------
// manifest
// ---------------------------------------------------------------------------------------

#[test]
fn manifest_fetch_prints_the_bytes_as_served() {
    let reg = Registry::start();
    let digest = push_small(&reg, "tb/mf:v1", b"hello manifest\n");
    let stored = get_manifest(&reg.addr(), "tb/mf", "v1");

    let out = run_ok(artifact().args([
        "manifest",
        "fetch",
        "--plain-http",
        &reg.reference("tb/mf:v1"),
    ]));
    assert_eq!(
        out.stdout, stored.raw,
        "stdout is the manifest exactly as stored"
    );
    assert_eq!(sha256_digest(&out.stdout), digest);

    // By digest, through the `get` alias.
    let by_digest = reg.reference(&format!("tb/mf@{digest}"));
    let out = run_ok(artifact().args(["manifest", "get", "--plain-http", &by_digest]));
    assert_eq!(sha256_digest(&out.stdout), digest);

    // --descriptor alone: the descriptor, resolved with HEAD.
    let before = reg.count_requests("HEAD", "tb/mf", "manifests/v1");
    let out = run_ok(artifact().args([
        "manifest",
        "fetch",
        "--plain-http",
        &reg.reference("tb/mf:v1"),
        "--descriptor",
    ]));
    let desc: Value = serde_json::from_slice(&out.stdout).expect("descriptor JSON");
    assert_eq!(desc["digest"], digest.as_str());
    assert_eq!(desc["size"], stored.raw.len());
    assert_eq!(desc["mediaType"], OCI_MANIFEST);
    // (Repository::resolve still follows the HEAD with a GET: it takes the size from the
    // HEAD response's body length, always 0, instead of its Content-Length header.)
    assert_eq!(
        reg.count_requests("HEAD", "tb/mf", "manifests/v1"),
        before + 1,
        "--descriptor resolves with HEAD"
    );

    // --output FILE with --descriptor: the file holds the bytes, stdout the descriptor.
    let dir = workdir();
    let file = dir.path().join("m.json");
    let out = run_ok(artifact().args([
        "manifest",
        "fetch",
        "--plain-http",
        &reg.reference("tb/mf:v1"),
        "--descriptor",
        "--output",
        file.to_str().unwrap(),
    ]));
    assert_eq!(read_file(&file), stored.raw);
    let desc: Value = serde_json::from_slice(&out.stdout).expect("descriptor JSON");
    assert_eq!(desc["digest"], digest.as_str());
    assert_eq!(
        list_tree(dir.path()),
        ["m.json"],
        "no temp file left behind"
    );

    // --output - is stdout.
    let out = run_ok(artifact().args([
        "manifest",
        "fetch",
        "--plain-http",
        &reg.reference("tb/mf:v1"),
        "-o",
        "-",
    ]));
    assert_eq!(out.stdout, stored.raw);

    // --format json: the descriptor with the content.
    let out = run_ok(artifact().args([
        "manifest",
        "fetch",
        "--plain-http",
        &reg.reference("tb/mf:v1"),
        "--format",
        "json",
    ]));
    let j: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(j["digest"], digest.as_str());
    assert_eq!(j["content"], stored.json);
    assert_eq!(
        j["reference"],
        format!("{}@{digest}", reg.reference("tb/mf")).as_str()
    );

    // Contradictory flags are usage errors.
    run_err(
        artifact().args([
            "manifest",
            "fetch",
            "--plain-http",
            &reg.reference("tb/mf:v1"),
            "--descriptor",
            "-o",
            "-",
        ]),
        2,
        "--descriptor",
    );
}

#[test]
fn manifest_fetch_of_a_missing_tag_fails() {
    let reg = Registry::start();
    push_small(&reg, "tb/missing:v1", b"x");
    let dir = workdir();
    let file = dir.path().join("m.json");
    let line = run_err(
        artifact().args([
            "manifest",
            "fetch",
            "--plain-http",
            &reg.reference("tb/missing:nope"),
            "-o",
            file.to_str().unwrap(),
        ]),
        1,
        "not found",
    );
    assert!(line.contains("nope"), "{line}");
    assert!(list_tree(dir.path()).is_empty(), "nothing written");
}

#[test]
fn manifest_fetch_config_prints_the_verified_config() {
    let reg = Registry::start();
    let src = workdir();
    let config = br#"{"architecture":"none","note":"custom config"}"#;
    write_file(src.path(), "cfg.json", config);
    write_file(src.path(), "a.txt", b"a\n");
    let digest = push(
        &reg,
        src.path(),
        "tb/cfg:v1",
        &[
            "a.txt",
            "--config",
            "cfg.json:application/vnd.example.config+json",
        ],
    );

    let out = run_ok(artifact().args([
        "manifest",
        "fetch-config",
        "--plain-http",
        &reg.reference("tb/cfg:v1"),
    ]));
    assert_eq!(out.stdout, config);

    let file = src.path().join("out.json");
    let out = run_ok(artifact().args([
        "manifest",
        "fetch-config",
        "--plain-http",
        &reg.reference(&format!("tb/cfg@{digest}")),
        "--output",
        file.to_str().unwrap(),
        "--descriptor",
    ]));
    assert_eq!(read_file(&file), config);
    let desc: Value = serde_json::from_slice(&out.stdout).expect("descriptor JSON");
    assert_eq!(desc["digest"], sha256_digest(config).as_str());
    assert_eq!(desc["mediaType"], "application/vnd.example.config+json");
    assert_eq!(desc["size"], config.len());

    // An index has no config.
    let m = get_manifest(&reg.addr(), "tb/cfg", "v1");
    let index = serde_json::to_vec(&json!({
        "schemaVersion": 2,
        "mediaType": OCI_INDEX,
        "manifests": [{"mediaType": OCI_MANIFEST, "digest": m.digest, "size": m.raw.len()}],
    }))
    .unwrap();
    registry_put_manifest(&reg.addr(), "tb/cfg", "idx", OCI_INDEX, &index);
    run_err(
        artifact().args([
            "manifest",
            "fetch-config",
            "--plain-http",
            &reg.reference("tb/cfg:idx"),
        ]),
        1,
        "index",
    );
}

#[test]
fn manifest_push_of_a_hand_written_manifest() {
    let reg = Registry::start();
    let addr = reg.addr();
    let raw = hand_manifest(&addr, "tb/mpush", "one");
    let dir = workdir();
    let file = write_file(dir.path(), "manifest.json", &raw);

    // Several tags at once; media type from the file.
    let out = run_ok(artifact().args([
        "manifest",
        "push",
        "--plain-http",
        &reg.reference("tb/mpush:t1,t2"),
        file.to_str().unwrap(),
    ]));
    let digest = printed_digest(&text(&out));
    assert_eq!(digest, sha256_digest(&raw));
    let mut t = tags(&addr, "tb/mpush");
    t.sort();
    assert_eq!(t, ["t1", "t2"]);
    let (status, headers, _) = registry_get(&addr, "/v2/tb/mpush/manifests/t2");
    assert_eq!(status, 200);
    assert_eq!(
        headers.get("content-type").map(String::as_str),
        Some(OCI_MANIFEST)
    );

    // Fetched back byte for byte.
    let out = run_ok(artifact().args([
        "manifest",
        "fetch",
        "--plain-http",
        &reg.reference("tb/mpush:t2"),
    ]));
    assert_eq!(out.stdout, raw);

    // From standard input, without a tag: pushed by digest, printed as a descriptor.
    let raw2 = hand_manifest(&addr, "tb/mpush", "two");
    let out = run_ok(
        artifact()
            .args([
                "manifest",
                "push",
                "--plain-http",
                &reg.reference("tb/mpush"),
                "-",
                "--descriptor",
            ])
            .write_stdin(raw2.clone()),
    );
    let desc: Value = serde_json::from_slice(&out.stdout).expect("descriptor JSON");
    let digest2 = sha256_digest(&raw2);
    assert_eq!(desc["digest"], digest2.as_str());
    assert_eq!(desc["size"], raw2.len());
    assert_eq!(get_manifest(&addr, "tb/mpush", &digest2).raw, raw2);
    assert_eq!(
        tags(&addr, "tb/mpush").len(),
        2,
        "pushing by digest adds no tag"
    );

    // A digest in the reference must match the content.
    run_err(
        artifact().args([
            "manifest",
            "push",
            "--plain-http",
            &reg.reference(&format!("tb/mpush@{digest2}")),
            file.to_str().unwrap(),
        ]),
        1,
        "digest mismatch",
    );
}

#[test]
fn manifest_push_rejects_bad_input_before_any_request() {
    let reg = Registry::start();
    let dir = workdir();
    let reference = reg.reference("tb/mbad:v1");

    let not_json = write_file(dir.path(), "not.json", b"this is not json");
    run_err(
        artifact()
            .args(["manifest", "push", "--plain-http", &reference])
            .arg(&not_json),
        1,
        "not valid JSON",
    );
    let no_type = write_file(
        dir.path(),
        "notype.json",
        br#"{"schemaVersion":2,"config":{},"layers":[]}"#,
    );
    run_err(
        artifact()
            .args(["manifest", "push", "--plain-http", &reference])
            .arg(&no_type),
        1,
        "--media-type",
    );
    let mut huge = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","annotations":{"x":""#.to_vec();
    huge.extend(vec![b'a'; 4 * 1024 * 1024]);
    huge.extend_from_slice(br#""}}"#);
    let huge = write_file(dir.path(), "huge.json", &huge);
    run_err(
        artifact()
            .args(["manifest", "push", "--plain-http", &reference])
            .arg(&huge),
        1,
        "limit",
    );
    run_err(
        artifact().args([
            "manifest",
            "push",
            "--plain-http",
            &reference,
            "missing-file.json",
        ]),
        1,
        "missing-file.json",
    );
    assert_eq!(reg.requests_beyond_ping(), Vec::<String>::new());

    // With --media-type, a manifest without a `mediaType` field is pushed as that type.
    let config = registry_put_blob(&reg.addr(), "tb/mbad", b"{}");
    let typeless = serde_json::to_vec(&json!({
        "schemaVersion": 2,
        "config": {"mediaType": OCI_EMPTY, "digest": config, "size": 2},
        "layers": [],
    }))
    .unwrap();
    let typeless = write_file(dir.path(), "typeless.json", &typeless);
    let out = run_ok(
        artifact()
            .args(["manifest", "push", "--plain-http", &reference])
            .arg(&typeless)
            .args(["--media-type", OCI_MANIFEST]),
    );
    assert_eq!(
        printed_digest(&text(&out)),
        sha256_digest(&read_file(&typeless))
    );
}

#[test]
fn manifest_delete_removes_it() {
    let reg = Registry::start();
    let digest = push_small(&reg, "tb/mdel:v1", b"delete me\n");
    let reference = reg.reference("tb/mdel:v1");

    // Standard input is not a terminal here: --force is required, nothing is sent.
    let before = reg.requests().len();
    run_err(
        artifact().args(["manifest", "delete", "--plain-http", &reference]),
        2,
        "--force",
    );
    assert_eq!(reg.requests().len(), before, "refused before any request");
    assert_eq!(get_manifest(&reg.addr(), "tb/mdel", "v1").digest, digest);

    let out =
        run_ok(artifact().args(["manifest", "delete", "--plain-http", &reference, "--force"]));
    assert!(text(&out).contains("Deleted"), "{}", text(&out));
    assert_eq!(
        reg.count_requests("DELETE", "tb/mdel", &format!("manifests/{digest}")),
        1,
        "deleted by digest: {:?}",
        reg.requests()
    );
    let (status, _, _) = registry_get(&reg.addr(), &format!("/v2/tb/mdel/manifests/{digest}"));
    assert_eq!(status, 404);

    run_err(
        artifact().args(["manifest", "fetch", "--plain-http", &reference]),
        1,
        "not found",
    );
    run_err(
        artifact().args(["manifest", "delete", "--plain-http", &reference, "--force"]),
        1,
        "not found",
    );
    // No tag or digest: refusing to guess `latest`.
    run_err(
        artifact().args([
            "manifest",
            "delete",
            "--plain-http",
            &reg.reference("tb/mdel"),
            "--force",
        ]),
        2,
        "tag or @digest",
    );
}

#[test]
fn manifest_delete_asks_on_a_terminal() {
    require_tool("script");
    let reg = Registry::start();
    let digest = push_small(&reg, "tb/mask:v1", b"ask me\n");
    let bin = env!("CARGO_BIN_EXE_artifact");
    let command = format!(
        "{bin} manifest delete --plain-http {}",
        reg.reference("tb/mask:v1")
    );
    // `script` gives the command a pseudo-terminal; the answer comes through it.
    let out = run_ok(
        tool("script")
            .args(["-qec", &command, "/dev/null"])
            .write_stdin("n\n"),
    );
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(shown.contains("Are you sure"), "{shown}");
    assert!(shown.contains(&digest), "{shown}");
    assert_eq!(
        get_manifest(&reg.addr(), "tb/mask", "v1").digest,
        digest,
        "kept"
    );

    run_ok(
        tool("script")
            .args(["-qec", &command, "/dev/null"])
            .write_stdin("y\n"),
    );
    let (status, _, _) = registry_get(&reg.addr(), "/v2/tb/mask/manifests/v1");
    assert_eq!(status, 404, "deleted after yes");
}

// ---------------------------------------------------------------------------------------
// blob
// ---------------------------------------------------------------------------------------

#[test]
fn blob_push_from_file_and_stdin_then_fetch() {
    let reg = Registry::start();
    let addr = reg.addr();
    let dir = workdir();
    let content = pseudo_random(300_000, 7);
    let file = write_file(dir.path(), "blob.bin", &content);
    let digest = sha256_digest(&content);

    let out = run_ok(
        artifact()
            .args(["blob", "push", "--plain-http", &reg.reference("tb/blob")])
            .arg(&file),
    );
    assert_eq!(printed_digest(&text(&out)), digest);
    assert_eq!(get_blob(&addr, "tb/blob", &digest), content);

    // Pushed again: HEAD finds it, no new upload.
    let uploads = reg.count_requests("POST", "tb/blob", "blobs/uploads");
    let out = run_ok(
        artifact()
            .args(["blob", "push", "--plain-http", &reg.reference("tb/blob")])
            .arg(&file),
    );
    assert!(text(&out).contains("Exists"), "{}", text(&out));
    assert_eq!(
        reg.count_requests("POST", "tb/blob", "blobs/uploads"),
        uploads
    );
    assert!(reg.count_requests("HEAD", "tb/blob", &format!("blobs/{digest}")) >= 1);

    // From standard input, with the expected digest and size, printing the descriptor.
    let piped = pseudo_random(123_457, 8);
    let piped_digest = sha256_digest(&piped);
    let out = run_ok(
        artifact()
            .args([
                "blob",
                "push",
                "--plain-http",
                &reg.reference(&format!("tb/blob@{piped_digest}")),
                "-",
                "--size",
                "123457",
                "--descriptor",
                "--media-type",
                "application/vnd.example.piped",
            ])
            .write_stdin(piped.clone()),
    );
    let desc: Value = serde_json::from_slice(&out.stdout).expect("descriptor JSON");
    assert_eq!(desc["digest"], piped_digest.as_str());
    assert_eq!(desc["size"], piped.len());
    assert_eq!(desc["mediaType"], "application/vnd.example.piped");
    assert_eq!(get_blob(&addr, "tb/blob", &piped_digest), piped);

    // Standard input without any hint.
    let out = run_ok(
        artifact()
            .args([
                "blob",
                "push",
                "--plain-http",
                &reg.reference("tb/blob"),
                "-",
            ])
            .write_stdin(b"tiny\n".to_vec()),
    );
    assert_eq!(printed_digest(&text(&out)), sha256_digest(b"tiny\n"));

    // Fetch to a file and to standard output: identical bytes.
    let target = dir.path().join("fetched.bin");
    run_ok(
        artifact()
            .args([
                "blob",
                "fetch",
                "--plain-http",
                &reg.reference(&format!("tb/blob@{digest}")),
                "--output",
            ])
            .arg(&target),
    );
    assert_eq!(read_file(&target), content);
    let out = run_ok(artifact().args([
        "blob",
        "fetch",
        "--plain-http",
        &reg.reference(&format!("tb/blob@{digest}")),
        "--output",
        "-",
    ]));
    assert_eq!(out.stdout, content);
    let out = run_ok(artifact().args([
        "blob",
        "fetch",
        "--plain-http",
        &reg.reference(&format!("tb/blob@{piped_digest}")),
        "--descriptor",
    ]));
    let desc: Value = serde_json::from_slice(&out.stdout).expect("descriptor JSON");
    assert_eq!(desc["size"], piped.len());
    assert_eq!(desc["digest"], piped_digest.as_str());
    let mut names = list_tree(dir.path());
    names.sort();
    assert_eq!(names, ["blob.bin", "fetched.bin"], "no temp files left");
}

#[test]
fn blob_push_checks_size_and_digest_before_uploading() {
    let reg = Registry::start();
    let wrong = sha256_digest(b"something else");
    run_err(
        artifact()
            .args([
                "blob",
                "push",
                "--plain-http",
                &reg.reference(&format!("tb/bcheck@{wrong}")),
                "-",
            ])
            .write_stdin(b"content".to_vec()),
        1,
        "digest mismatch",
    );
    run_err(
        artifact()
            .args([
                "blob",
                "push",
                "--plain-http",
                &reg.reference("tb/bcheck"),
                "-",
                "--size",
                "3",
            ])
            .write_stdin(b"content".to_vec()),
        1,
        "size",
    );
    run_err(
        artifact().args([
            "blob",
            "push",
            "--plain-http",
            &reg.reference("tb/bcheck:v1"),
            "-",
        ]),
        2,
        "tag",
    );
    assert_eq!(reg.requests_beyond_ping(), Vec::<String>::new());
}

#[test]
fn blob_fetch_of_a_missing_digest_fails() {
    let reg = Registry::start();
    push_small(&reg, "tb/bmiss:v1", b"present\n");
    let dir = workdir();
    let target = dir.path().join("out.bin");
    let absent = sha256_digest(b"never pushed");
    let line = run_err(
        artifact()
            .args([
                "blob",
                "fetch",
                "--plain-http",
                &reg.reference(&format!("tb/bmiss@{absent}")),
                "--output",
            ])
            .arg(&target),
        1,
        "not found",
    );
    assert!(line.contains(&absent), "{line}");
    assert!(list_tree(dir.path()).is_empty(), "no file written");
    let out = artifact()
        .args([
            "blob",
            "fetch",
            "--plain-http",
            &reg.reference(&format!("tb/bmiss@{absent}")),
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());

    // Neither --output nor --descriptor; a tag instead of a digest: usage errors.
    run_err(
        artifact().args([
            "blob",
            "fetch",
            "--plain-http",
            &reg.reference(&format!("tb/bmiss@{absent}")),
        ]),
        2,
        "--output",
    );
    run_err(
        artifact().args([
            "blob",
            "fetch",
            "--plain-http",
            &reg.reference("tb/bmiss:v1"),
            "-o",
            "-",
        ]),
        2,
        "digest",
    );
}

#[test]
fn blob_delete_removes_it() {
    let reg = Registry::start();
    let addr = reg.addr();
    let digest = registry_put_blob(&addr, "tb/bdel", b"doomed blob");
    let reference = reg.reference(&format!("tb/bdel@{digest}"));

    run_err(
        artifact().args(["blob", "delete", "--plain-http", &reference]),
        2,
        "--force",
    );
    assert_eq!(get_blob(&addr, "tb/bdel", &digest), b"doomed blob");

    let out = run_ok(artifact().args(["blob", "rm", "--plain-http", &reference, "--force"]));
    assert!(text(&out).contains("Deleted"), "{}", text(&out));
    assert_eq!(
        reg.count_requests("DELETE", "tb/bdel", &format!("blobs/{digest}")),
        1
    );
    let (status, _, _) = registry_get(&addr, &format!("/v2/tb/bdel/blobs/{digest}"));
    assert_eq!(status, 404);
    run_err(
        artifact().args(["blob", "fetch", "--plain-http", &reference, "-o", "-"]),
        1,
        "not found",
    );
    run_err(
        artifact().args(["blob", "delete", "--plain-http", &reference, "--force"]),
        1,
        "not found",
    );
}

// ---------------------------------------------------------------------------------------
// resolve, version
// ---------------------------------------------------------------------------------------

#[test]
fn resolve_prints_the_pushed_digest() {
    let reg = Registry::start();
    let digest = push_small(&reg, "tb/resolve:v1", b"resolve me\n");
    let out = run_ok(artifact().args(["resolve", "--plain-http", &reg.reference("tb/resolve:v1")]));
    assert_eq!(text(&out), format!("{digest}\n"));

    let out = run_ok(artifact().args([
        "resolve",
        "--plain-http",
        &reg.reference("tb/resolve:v1"),
        "--full-reference",
    ]));
    assert_eq!(
        text(&out),
        format!("{}@{digest}\n", reg.reference("tb/resolve"))
    );
    assert!(
        reg.count_requests("HEAD", "tb/resolve", "manifests/v1") >= 1,
        "resolved with HEAD"
    );
    run_err(
        artifact().args(["resolve", "--plain-http", &reg.reference("tb/resolve:v2")]),
        1,
        "not found",
    );
}

#[test]
fn version_prints_the_crate_version() {
    let out = run_ok(artifact().arg("version"));
    let t = text(&out);
    assert!(
        t.lines()
            .any(|l| l.starts_with("Version:") && l.trim_end().ends_with(env!("CARGO_PKG_VERSION"))),
        "{t}"
    );
    assert!(t.contains(std::env::consts::ARCH), "{t}");
}

// ---------------------------------------------------------------------------------------
// repo ls, repo tags (real registry)
// ---------------------------------------------------------------------------------------

#[test]
fn repo_ls_follows_pagination() {
    let reg = Registry::start();
    let addr = reg.addr();
    let repos = ["lsns/a", "lsns/b", "lsns/c/d", "other/e", "zz"];
    for r in repos {
        registry_push_artifact(&addr, r, "v1", &[RawLayer::file("f", r.as_bytes())]);
    }
    let out = run_ok(artifact().args(["repo", "ls", "--plain-http", &addr, "--page-size", "2"]));
    let listed: Vec<String> = text(&out).lines().map(str::to_string).collect();
    assert_eq!(listed, repos, "every repository exactly once, in order");
    let catalog: Vec<String> = reg
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("GET /v2/_catalog"))
        .collect();
    assert_eq!(catalog.len(), 3, "5 repositories, 2 a page: {catalog:?}");
    assert!(catalog.iter().all(|r| r.contains("n=2")), "{catalog:?}");
    assert!(
        catalog.iter().skip(1).all(|r| r.contains("last=")),
        "{catalog:?}"
    );

    // Under a namespace: names relative to it, others left out.
    let out = run_ok(artifact().args([
        "repo",
        "list",
        "--plain-http",
        &format!("{addr}/lsns"),
        "--page-size",
        "1",
    ]));
    assert_eq!(text(&out), "a\nb\nc/d\n");

    // --last starts after it.
    let out = run_ok(artifact().args(["repo", "ls", "--plain-http", &addr, "--last", "lsns/c/d"]));
    assert_eq!(text(&out), "other/e\nzz\n");

    run_err(
        artifact().args(["repo", "ls", "--plain-http", "not-a-registry"]),
        2,
        "not-a-registry",
    );
}

#[test]
fn repo_tags_lists_every_tag_once() {
    let reg = Registry::start();
    let addr = reg.addr();
    let digest = registry_push_artifact(&addr, "tb/tags", "v0", &[RawLayer::file("f", b"x")]);
    let m = get_manifest(&addr, "tb/tags", "v0");
    let mut expected = vec!["v0".to_string()];
    for i in 1..7 {
        let t = format!("v{i}");
        registry_put_manifest(&addr, "tb/tags", &t, OCI_MANIFEST, &m.raw);
        expected.push(t);
    }
    let other = registry_push_artifact(&addr, "tb/tags", "other", &[RawLayer::file("g", b"y")]);
    let digest_tag = format!("sha256-{}", &other["sha256:".len()..]);
    registry_put_manifest(
        &addr,
        "tb/tags",
        &digest_tag,
        OCI_MANIFEST,
        &get_manifest(&addr, "tb/tags", "other").raw,
    );

    let out = run_ok(artifact().args([
        "repo",
        "tags",
        "--plain-http",
        &reg.reference("tb/tags"),
        "--page-size",
        "2",
    ]));
    let mut listed: Vec<String> = text(&out).lines().map(str::to_string).collect();
    listed.sort();
    let mut all = expected.clone();
    all.push("other".into());
    all.push(digest_tag.clone());
    all.sort();
    assert_eq!(listed, all, "every tag exactly once");
    let requests: Vec<String> = reg
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("GET /v2/tb/tags/tags/list"))
        .collect();
    // distribution 2.8 ignores `n` for tags (one page); the paging itself is checked
    // against the scripted registry below.
    assert!(
        !requests.is_empty() && requests[0].contains("n=2"),
        "{requests:?}"
    );

    let out = run_ok(artifact().args([
        "repo",
        "tags",
        "--plain-http",
        &reg.reference("tb/tags"),
        "--exclude-digest-tags",
    ]));
    assert!(!text(&out).contains(&digest_tag), "{}", text(&out));
    assert!(text(&out).lines().any(|l| l == "other"));

    // With a tag: only the tags of the same manifest.
    let out =
        run_ok(artifact().args(["repo", "tags", "--plain-http", &reg.reference("tb/tags:v3")]));
    let mut same: Vec<String> = text(&out).lines().map(str::to_string).collect();
    same.sort();
    assert_eq!(same, expected);
    let out = run_ok(artifact().args([
        "repo",
        "tags",
        "--plain-http",
        &reg.reference(&format!("tb/tags@{other}")),
    ]));
    let mut same: Vec<String> = text(&out).lines().map(str::to_string).collect();
    same.sort();
    assert_eq!(same, ["other", digest_tag.as_str()]);
    assert_eq!(digest, m.digest);

    run_err(
        artifact().args(["repo", "tags", "--plain-http", &reg.reference("tb/none")]),
        1,
        "not found",
    );
}

// ---------------------------------------------------------------------------------------
// A scripted registry, for what distribution 2.8 does not do
// ---------------------------------------------------------------------------------------

type Handler = dyn Fn(&str, &str) -> (u16, Vec<(String, String)>, Vec<u8>) + Send + Sync;

/// A one-request-per-connection HTTP server answering with `handler(method, target)`,
/// recording every request line.
struct Scripted {
    addr: String,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Scripted {
    fn start(handler: Box<Handler>) -> Scripted {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().unwrap().to_string();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        let handler: Arc<Handler> = Arc::from(handler);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (log, handler) = (log.clone(), handler.clone());
                std::thread::spawn(move || serve(stream, &log, &*handler));
            }
        });
        Scripted { addr, seen }
    }

    fn requests(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, log: &Mutex<Vec<String>>, handler: &Handler) {
    stream.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok();
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    log.lock().unwrap().push(format!("{method} {target}"));
    let (status, headers, body) = handler(method, target);
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes()).ok();
    if method != "HEAD" {
        out.write_all(&body).ok();
    }
    out.flush().ok();
}

fn query(target: &str) -> BTreeMap<String, String> {
    let q = target.split_once('?').map(|(_, q)| q).unwrap_or("");
    url::form_urlencoded::parse(q.as_bytes())
        .into_owned()
        .collect()
}

/// Serves `tags/list` for `mock/repo` by the spec: sorted, `n` and `last` honoured, a `Link`
/// to the next page, alternately relative and absolute.
fn paging_registry(tags: Vec<String>) -> Scripted {
    let page_no = Arc::new(Mutex::new(0usize));
    let addr_cell: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
    let cell = addr_cell.clone();
    let s = Scripted::start(Box::new(move |method, target| {
        let path = target.split('?').next().unwrap_or("");
        if method != "GET" || path != "/v2/mock/repo/tags/list" {
            return (
                404,
                vec![],
                br#"{"errors":[{"code":"NAME_UNKNOWN"}]}"#.to_vec(),
            );
        }
        let q = query(target);
        let mut sorted = tags.clone();
        sorted.sort();
        let after: Vec<String> = match q.get("last") {
            Some(l) => sorted.into_iter().filter(|t| t > l).collect(),
            None => sorted,
        };
        let n = q
            .get("n")
            .and_then(|n| n.parse().ok())
            .unwrap_or(usize::MAX);
        let page: Vec<String> = after.iter().take(n).cloned().collect();
        let mut headers = vec![("Content-Type".to_string(), "application/json".to_string())];
        if after.len() > page.len() {
            let mut no = page_no.lock().unwrap();
            *no += 1;
            let next = format!(
                "/v2/mock/repo/tags/list?n={n}&last={}",
                page.last().unwrap()
            );
            let link = if *no % 2 == 0 {
                format!("<http://{}{next}>; rel=\"next\"", cell.lock().unwrap())
            } else {
                format!("<{next}>; rel=\"next\"")
            };
            headers.push(("Link".to_string(), link));
        }
        let body = serde_json::to_vec(&json!({"name": "mock/repo", "tags": page})).unwrap();
        (200, headers, body)
    }));
    *addr_cell.lock().unwrap() = s.addr.clone();
    s
}

#[test]
fn repo_tags_follows_relative_and_absolute_next_links() {
    let tags: Vec<String> = (0..7).map(|i| format!("t{i}")).collect();
    let mock = paging_registry(tags.clone());
    let out = run_ok(artifact().args([
        "repo",
        "tags",
        "--plain-http",
        &format!("{}/mock/repo", mock.addr),
        "--page-size",
        "2",
    ]));
    assert_eq!(text(&out), tags.join("\n") + "\n", "in order, each once");
    let lists: Vec<String> = mock
        .requests()
        .into_iter()
        .filter(|r| r.starts_with("GET /v2/mock/repo/tags/list"))
        .collect();
    assert_eq!(lists.len(), 4, "7 tags, 2 a page: {lists:?}");
    assert!(lists.iter().all(|r| r.contains("n=2")), "{lists:?}");
    assert!(
        lists.iter().skip(1).all(|r| r.contains("last=")),
        "{lists:?}"
    );

    // --last is sent on the first request.
    let out = run_ok(artifact().args([
        "repo",
        "tags",
        "--plain-http",
        &format!("{}/mock/repo", mock.addr),
        "--last",
        "t4",
    ]));
    assert_eq!(text(&out), "t5\nt6\n");
    assert!(mock.requests().iter().any(|r| r.contains("last=t4")));
}

#[test]
fn repo_tags_refuses_a_next_link_to_another_host() {
    let mock = Scripted::start(Box::new(|_, target| {
        if !target.starts_with("/v2/mock/repo/tags/list") {
            return (404, vec![], vec![]);
        }
        (
            200,
            vec![(
                "Link".to_string(),
                "<http://evil.example:1/v2/mock/repo/tags/list?last=a>; rel=\"next\"".to_string(),
            )],
            br#"{"name":"mock/repo","tags":["a"]}"#.to_vec(),
        )
    }));
    run_err(
        artifact().args([
            "repo",
            "tags",
            "--plain-http",
            &format!("{}/mock/repo", mock.addr),
        ]),
        1,
        "evil.example",
    );

    // A link back to the same page would loop forever.
    let looping = Scripted::start(Box::new(|_, _| {
        (
            200,
            vec![(
                "Link".to_string(),
                "</v2/mock/repo/tags/list>; rel=\"next\"".to_string(),
            )],
            br#"{"tags":["a"]}"#.to_vec(),
        )
    }));
    run_err(
        artifact().args([
            "repo",
            "tags",
            "--plain-http",
            &format!("{}/mock/repo", looping.addr),
        ]),
        1,
        "next-page link",
    );
}

#[test]
fn blob_fetch_fails_when_the_content_does_not_match() {
    let real = b"the real content".to_vec();
    let digest = sha256_digest(&real);
    let forged = b"forged  content!".to_vec(); // same length, other bytes
    let mock = Scripted::start(Box::new(move |method, target| {
        if target.starts_with("/v2/mock/repo/blobs/") {
            let body = if method == "HEAD" {
                real.clone()
            } else {
                forged.clone()
            };
            return (200, vec![], body);
        }
        (404, vec![], vec![])
    }));
    let reference = format!("{}/mock/repo@{digest}", mock.addr);
    let dir = workdir();
    let target = dir.path().join("out.bin");
    run_err(
        artifact()
            .args(["blob", "fetch", "--plain-http", &reference, "--output"])
            .arg(&target),
        1,
        "does not match",
    );
    assert!(list_tree(dir.path()).is_empty(), "nothing left behind");

    let out = artifact()
        .args(["blob", "fetch", "--plain-http", &reference, "--output", "-"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "mismatch on stdout fails at the end"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: ") && stderr.contains("does not match"),
        "{stderr}"
    );
}

// ---------------------------------------------------------------------------------------
// Usage errors
// ---------------------------------------------------------------------------------------

#[test]
fn invalid_references_are_usage_errors_without_requests() {
    let reg = Registry::start();
    let bad = reg.reference("Bad/Repo:v1");
    let bad_digest = reg.reference("good/repo@sha256:abc");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["manifest", "fetch", &bad], "Bad/Repo"),
        (vec!["manifest", "fetch-config", &bad], "Bad/Repo"),
        (vec!["manifest", "push", &bad, "m.json"], "Bad/Repo"),
        (vec!["manifest", "delete", &bad, "--force"], "Bad/Repo"),
        (vec!["blob", "fetch", &bad_digest, "-o", "-"], "sha256:abc"),
        (vec!["blob", "push", &bad, "-"], "Bad/Repo"),
        (vec!["blob", "delete", &bad_digest, "--force"], "sha256:abc"),
        (vec!["repo", "tags", &bad], "Bad/Repo"),
        (vec!["resolve", &bad], "Bad/Repo"),
    ];
    for (args, needle) in cases {
        run_err(artifact().args(&args).arg("--plain-http"), 2, needle);
    }
    assert_eq!(reg.requests_beyond_ping(), Vec::<String>::new());
}
