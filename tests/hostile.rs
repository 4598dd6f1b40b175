//! Hostile registries and hostile local conditions: the cases of issue 5 that `pull_safety.rs`,
//! `faults.rs`, `push_pull.rs` and `cli_errors.rs` do not already show.
//!
//! * Directory layers (oras-style tar+gzip) whose tarball holds a symlink out of the output
//!   directory with an entry written through it, a hard link to a file outside, or a device
//!   or fifo entry; one whose tar does not match its `io.deis.oras.content.digest`.
//! * Two layers that land on the same path.
//! * A 5 MiB manifest (distribution refuses to store one, so the fault proxy serves it), an
//!   unknown manifest media type, a corrupted manifest, a layer whose declared size is smaller
//!   than its blob.
//! * An output directory that cannot be written.
//! * The registry's OCI error code and message in the error line.
//! * Which statuses are retried (504 yes, 501 and 505 no), a connect timeout, a slow but
//!   healthy download that outlasts the stall timeout, an https→http redirect.
//! * Ctrl-C during a push.
//!
//! Every failing command is checked with `run_err`: its exit code, exactly one line on stderr
//! starting with `error: `, and no panic.

mod common;

use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::fault_proxy::{Action, FaultProxy, Origin, Rule};
use common::*;

/// Upper bound for one client run in these tests.
const CMD_TIMEOUT: Duration = Duration::from_secs(60);

/// `artifact pull --plain-http <reference> -o <out> <extra...>`
fn pull_cmd(reference: &str, out: &Path, extra: &[&str]) -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.args(["pull", "--plain-http", reference, "-o"])
        .arg(out)
        .args(extra)
        .timeout(CMD_TIMEOUT);
    cmd
}

/// `artifact <args...> --plain-http`, bounded in time.
fn cmd(args: &[&str]) -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.args(args).arg("--plain-http").timeout(CMD_TIMEOUT);
    cmd
}

/// Files and directories below `dir`; nothing when it does not exist.
fn tree(dir: &Path) -> Vec<String> {
    if dir.exists() {
        list_tree(dir)
    } else {
        Vec::new()
    }
}

fn assert_empty(dir: &Path) {
    assert!(
        tree(dir).is_empty(),
        "{} should be empty or absent, holds {:?}",
        dir.display(),
        tree(dir)
    );
}

/// A directory beside the output directory holding one file the attacks aim at.
struct Sentinel {
    dir: PathBuf,
    file: PathBuf,
}

const SENTINEL_CONTENT: &[u8] = b"must not change\n";

impl Sentinel {
    fn new(base: &Path) -> Sentinel {
        let dir = base.join("elsewhere");
        let file = write_file(&dir, "sentinel.txt", SENTINEL_CONTENT);
        Sentinel { dir, file }
    }

    /// The directory still holds only the untouched sentinel, with no second link to it.
    fn assert_untouched(&self) {
        assert_eq!(tree(&self.dir), ["sentinel.txt"], "written outside -o");
        assert_eq!(read_file(&self.file), SENTINEL_CONTENT, "sentinel changed");
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let links = fs::metadata(&self.file).unwrap().nlink();
            assert_eq!(links, 1, "a hard link to the sentinel was made");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Hostile tarballs in directory layers
// ---------------------------------------------------------------------------------------

/// One tar entry, with its name and link name written verbatim into the header (the `tar`
/// crate's setters refuse `..` and absolute paths).
enum Entry<'a> {
    File(&'a str, &'a [u8]),
    Dir(&'a str),
    Symlink(&'a str, &'a str),
    Hardlink(&'a str, &'a str),
    Char(&'a str),
    Block(&'a str),
    Fifo(&'a str),
}

fn set_raw(field: &mut [u8], value: &str) {
    assert!(
        value.len() < field.len(),
        "{value:?} too long for a tar header"
    );
    field[..value.len()].copy_from_slice(value.as_bytes());
}

/// A tar of `entries`: (tar, tar+gzip).
fn tarball(entries: &[Entry]) -> (Vec<u8>, Vec<u8>) {
    let mut builder = tar::Builder::new(Vec::new());
    for e in entries {
        let mut h = tar::Header::new_gnu();
        let (name, kind, link, data): (&str, tar::EntryType, Option<&str>, &[u8]) = match e {
            Entry::File(n, d) => (n, tar::EntryType::Regular, None, d),
            Entry::Dir(n) => (n, tar::EntryType::Directory, None, &[]),
            Entry::Symlink(n, t) => (n, tar::EntryType::Symlink, Some(t), &[]),
            Entry::Hardlink(n, t) => (n, tar::EntryType::Link, Some(t), &[]),
            Entry::Char(n) => (n, tar::EntryType::Char, None, &[]),
            Entry::Block(n) => (n, tar::EntryType::Block, None, &[]),
            Entry::Fifo(n) => (n, tar::EntryType::Fifo, None, &[]),
        };
        {
            let gnu = h.as_gnu_mut().unwrap();
            set_raw(&mut gnu.name, name);
            if let Some(link) = link {
                set_raw(&mut gnu.linkname, link);
            }
        }
        h.set_entry_type(kind);
        h.set_mode(if kind == tar::EntryType::Directory {
            0o755
        } else {
            0o644
        });
        if matches!(kind, tar::EntryType::Char | tar::EntryType::Block) {
            // /dev/null and /dev/sda: the client would succeed in making them as root.
            let (major, minor) = if kind == tar::EntryType::Char {
                (1, 3)
            } else {
                (8, 0)
            };
            h.set_device_major(major).unwrap();
            h.set_device_minor(minor).unwrap();
        }
        h.set_size(data.len() as u64);
        h.set_cksum();
        builder.append(&h, data).unwrap();
    }
    let tar = builder.into_inner().unwrap();
    let gz = gzip(&tar);
    (tar, gz)
}

/// Pushes an oras-style directory layer titled `tree` holding `entries` as `<repo>:v1`.
fn push_tree(reg: &Registry, repo: &str, entries: &[Entry]) {
    let (tar, _) = tarball(entries);
    push_tree_claiming(reg, repo, entries, &format!("sha256:{}", sha256_hex(&tar)));
}

/// [`push_tree`] with this `io.deis.oras.content.digest` annotation, right or wrong.
fn push_tree_claiming(reg: &Registry, repo: &str, entries: &[Entry], content_digest: &str) {
    let (_, gz) = tarball(entries);
    registry_push_artifact(
        &reg.addr(),
        repo,
        "v1",
        &[RawLayer {
            title: Some("tree"),
            media_type: OCI_LAYER_TAR_GZIP,
            content: &gz,
            annotations: &[
                (ANNOTATION_UNPACK, "true"),
                (ANNOTATION_CONTENT_DIGEST, content_digest),
            ],
        }],
    );
}

/// Pulls `<repo>:v1` into `<base>/out`: exit 1 naming one of `needles`, nothing in `out`
/// (no half-unpacked tree, no staging directory, no temp file), nothing written beside it.
fn hostile_tree_is_refused(repo: &str, entries: &[Entry], needles: &[&str]) {
    let reg = Registry::start();
    let base = workdir();
    let sentinel = Sentinel::new(base.path());
    push_tree(&reg, repo, entries);
    let out = base.path().join("out");
    run_err_any(
        &mut pull_cmd(&reg.reference(&format!("{repo}:v1")), &out, &[]),
        1,
        needles,
    );
    sentinel.assert_untouched();
    assert_empty(&out);
    let beside: Vec<String> = tree(base.path())
        .into_iter()
        .filter(|p| !p.starts_with("out/") && !p.starts_with("elsewhere/"))
        .filter(|p| p != "out/" && p != "elsewhere/")
        .collect();
    assert!(beside.is_empty(), "written beside -o: {beside:?}");
}

#[test]
fn directory_layer_symlink_out_and_entry_through_it_are_refused() {
    let scratch = workdir();
    let abs_dir = Sentinel::new(scratch.path()).dir;
    let abs_dir = abs_dir.to_str().unwrap();
    let abs_file = format!("{abs_dir}/sentinel.txt");
    let cases: [(&str, Vec<Entry>); 4] = [
        // A relative link climbing out to the sentinel's directory, then a file written
        // through it. (The client unpacks in out/.artifact-unpack-*/, one level deeper than
        // out/: from there, three `..` reach the base dir; with the checks off this writes
        // elsewhere/pwned.txt.)
        (
            "hostile/symlink-relative",
            vec![
                Entry::Dir("tree/"),
                Entry::Symlink("tree/link", "../../../elsewhere"),
                Entry::File("tree/link/pwned.txt", b"pwned\n"),
            ],
        ),
        // The same with an absolute target.
        (
            "hostile/symlink-absolute",
            vec![
                Entry::Dir("tree/"),
                Entry::Symlink("tree/link", abs_dir),
                Entry::File("tree/link/pwned.txt", b"pwned\n"),
            ],
        ),
        // A link to the sentinel file itself, then a regular entry of the same name.
        (
            "hostile/symlink-file",
            vec![
                Entry::Symlink("tree/s", &abs_file),
                Entry::File("tree/s", b"pwned\n"),
            ],
        ),
        // `..` in the entry name after an innocent-looking link.
        (
            "hostile/symlink-dotdot",
            vec![
                Entry::Symlink("tree/up", "."),
                Entry::File("tree/up/../../../elsewhere/pwned.txt", b"pwned\n"),
            ],
        ),
    ];
    for (repo, entries) in &cases {
        // The sentinel of each run is in that run's own base dir; `abs_dir` is a second one
        // that must not change either.
        hostile_tree_is_refused(repo, entries, &["tree/", "tree"]);
        assert_eq!(tree(Path::new(abs_dir)), ["sentinel.txt"], "{repo}");
        assert_eq!(read_file(Path::new(&abs_file)), SENTINEL_CONTENT, "{repo}");
    }
}

#[test]
fn directory_layer_hardlink_to_a_file_outside_is_refused() {
    let scratch = workdir();
    let outside = Sentinel::new(scratch.path());
    let abs = outside.file.to_str().unwrap().to_string();
    // Hard link targets are archive paths, relative to where the client unpacks
    // (out/.artifact-unpack-*/). With the checks off, each of these links out/tree/h to the
    // sentinel (its link count goes to 2): readable, and writable, through the output dir.
    for (repo, target) in [
        ("hostile/hardlink-absolute", abs.as_str()),
        ("hostile/hardlink-parent", "../../elsewhere/sentinel.txt"),
        (
            "hostile/hardlink-nested",
            "tree/../../../elsewhere/sentinel.txt",
        ),
    ] {
        hostile_tree_is_refused(
            repo,
            &[Entry::Dir("tree/"), Entry::Hardlink("tree/h", target)],
            &["tree/h"],
        );
        outside.assert_untouched();
    }
    // The link, then a regular entry of the same name meant to write through it.
    hostile_tree_is_refused(
        "hostile/hardlink-then-write",
        &[
            Entry::Dir("tree/"),
            Entry::Hardlink("tree/h", &abs),
            Entry::File("tree/h", b"pwned\n"),
        ],
        &["tree/h"],
    );
    outside.assert_untouched();
}

#[test]
fn directory_layer_device_and_fifo_entries_are_refused() {
    for (repo, entry, name) in [
        ("hostile/chardev", Entry::Char("tree/null"), "tree/null"),
        ("hostile/blockdev", Entry::Block("tree/disk"), "tree/disk"),
        ("hostile/fifo", Entry::Fifo("tree/pipe"), "tree/pipe"),
    ] {
        hostile_tree_is_refused(
            repo,
            &[
                Entry::Dir("tree/"),
                Entry::File("tree/ok.txt", b"ok\n"),
                entry,
            ],
            &[name],
        );
    }
}

#[test]
fn directory_layer_not_matching_its_content_digest_is_not_unpacked() {
    // The blob matches the manifest; the tar inside does not match the digest the layer's
    // annotation promises for it.
    let reg = Registry::start();
    let claimed = format!("sha256:{}", sha256_hex(b"some other tar"));
    push_tree_claiming(
        &reg,
        "hostile/content-digest",
        &[Entry::Dir("tree/"), Entry::File("tree/a.txt", b"a\n")],
        &claimed,
    );
    let base = workdir();
    let out = base.path().join("out");
    run_err(
        &mut pull_cmd(&reg.reference("hostile/content-digest:v1"), &out, &[]),
        1,
        &claimed,
    );
    assert_empty(&out);
}

// ---------------------------------------------------------------------------------------
// Manifests that do not add up
// ---------------------------------------------------------------------------------------

#[test]
fn two_layers_for_one_path_are_refused_before_any_download() {
    let reg = Registry::start();
    for (repo, first, second) in [
        ("hostile/dup", "same.txt", "same.txt"),
        ("hostile/dup-dot", "same.txt", "./same.txt"),
        ("hostile/dup-slashes", "dir/x.txt", "dir//x.txt"),
        ("hostile/dup-dotdot", "dir/x.txt", "dir/sub/../x.txt"),
    ] {
        registry_push_artifact(
            &reg.addr(),
            repo,
            "v1",
            &[
                RawLayer::file(first, b"first\n"),
                RawLayer::file(second, b"second\n"),
            ],
        );
        let base = workdir();
        let out = base.path().join("out");
        run_err_any(
            &mut pull_cmd(&reg.reference(&format!("{repo}:v1")), &out, &[]),
            1,
            &[first, second],
        );
        assert_empty(&out);
        assert_eq!(
            reg.count_requests("GET", repo, "blobs/"),
            0,
            "{repo}: a blob was downloaded although the manifest was refused"
        );
    }
}

/// A manifest document with one titled layer (digests need not exist: the tests below never
/// get as far as the layers).
fn manifest_json(media_type: &str, pad: usize) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2,
        "mediaType": media_type,
        "artifactType": DEFAULT_ARTIFACT_TYPE,
        "config": {"mediaType": OCI_EMPTY, "digest": EMPTY_CONFIG_DIGEST, "size": 2},
        "layers": [{
            "mediaType": OCI_LAYER_TAR,
            "digest": EMPTY_DIGEST,
            "size": 0,
            "annotations": {ANNOTATION_TITLE: "a.txt"},
        }],
        "annotations": {"pad": "a".repeat(pad)},
    }))
    .unwrap()
}

#[test]
fn manifest_over_4_mib_is_refused() {
    let reg = Registry::start();
    let big = manifest_json(OCI_MANIFEST, 5 * 1024 * 1024);
    let digest = format!("sha256:{}", sha256_hex(&big));
    // distribution refuses to store it (MANIFEST_INVALID, body too large), so the proxy
    // serves it: once with its length announced, once chunked, where only counting the
    // bytes as they arrive can catch it.
    for chunked in [false, true] {
        let proxy = FaultProxy::start(&reg.addr());
        let mut headers = vec![
            ("Content-Type", OCI_MANIFEST),
            ("Docker-Content-Digest", digest.as_str()),
        ];
        if chunked {
            headers.push(("Transfer-Encoding", "chunked"));
        }
        proxy.rule(Rule::new(
            "GET",
            "/manifests/",
            Action::replace(200, &headers, &big),
        ));
        let reference = proxy.reference("hostile/big:v1");
        let base = workdir();
        let out = base.path().join("out");
        run_err(&mut pull_cmd(&reference, &out, &[]), 1, "limit");
        assert_empty(&out);
        run_err(&mut cmd(&["inspect", &reference]), 1, "limit");
        run_err(&mut cmd(&["manifest", "fetch", &reference]), 1, "limit");
        assert_eq!(proxy.count("GET", "/blobs/"), 0, "{}", proxy.log());
    }
}

#[test]
fn unknown_manifest_media_type_is_a_clear_error() {
    let reg = Registry::start();
    let weird = "application/vnd.example.weird+json";
    let body = manifest_json(weird, 0);
    let digest = format!("sha256:{}", sha256_hex(&body));
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new(
        "GET",
        "/manifests/",
        Action::replace(
            200,
            &[("Content-Type", weird), ("Docker-Content-Digest", &digest)],
            &body,
        ),
    ));
    let reference = proxy.reference("hostile/weird:v1");
    let base = workdir();
    let out = base.path().join("out");
    for mut c in [
        pull_cmd(&reference, &out, &[]),
        cmd(&["inspect", &reference]),
    ] {
        let line = run_err(&mut c, 1, weird);
        assert!(
            line.contains("hostile/weird:v1"),
            "the error should name the reference: {line}"
        );
    }
    assert_empty(&out);
    assert_eq!(proxy.count("GET", "/blobs/"), 0, "{}", proxy.log());
    // Commands that do not interpret the manifest pass it through untouched.
    let output = run_ok(&mut cmd(&["manifest", "fetch", &reference]));
    assert!(output.stdout == body, "manifest fetch changed the bytes");
}

#[test]
fn corrupted_manifest_is_rejected_by_tag_and_by_digest() {
    let reg = Registry::start();
    let manifest = registry_push_artifact(
        &reg.addr(),
        "hostile/manifest-flip",
        "v1",
        &[RawLayer::file("a.txt", b"a\n")],
    );
    for (action, name) in [
        (Action::FlipByte(20), "flipped byte"),
        (Action::Append(1), "extra byte"),
    ] {
        let proxy = FaultProxy::start(&reg.addr());
        proxy.rule(Rule::new("GET", "/manifests/", action));
        let by_digest = format!("hostile/manifest-flip@{manifest}");
        for reference in ["hostile/manifest-flip:v1", by_digest.as_str()] {
            let base = workdir();
            let out = base.path().join("out");
            let line = run_err(
                &mut pull_cmd(&proxy.reference(reference), &out, &[]),
                1,
                "does not match",
            );
            assert!(line.contains("manifest"), "{name}: {line}");
            assert_empty(&out);
        }
        assert_eq!(proxy.count("GET", "/blobs/"), 0, "{}", proxy.log());
    }
}

#[test]
fn layer_declaring_fewer_bytes_than_its_blob_leaves_no_file() {
    let reg = Registry::start();
    let repo = "hostile/short-size";
    let content = pseudo_random(200_000, 51);
    let digest = registry_put_blob(&reg.addr(), repo, &content);
    registry_put_blob(&reg.addr(), repo, b"{}");
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": DEFAULT_ARTIFACT_TYPE,
        "config": {"mediaType": OCI_EMPTY, "digest": EMPTY_CONFIG_DIGEST, "size": 2},
        "layers": [{
            "mediaType": OCI_LAYER_TAR,
            "digest": digest,
            "size": 1000,
            "annotations": {ANNOTATION_TITLE: "short.bin"},
        }],
    });
    registry_put_manifest(
        &reg.addr(),
        repo,
        "v1",
        OCI_MANIFEST,
        &serde_json::to_vec(&manifest).unwrap(),
    );
    let base = workdir();
    let out = base.path().join("out");
    run_err_any(
        &mut pull_cmd(&reg.reference(&format!("{repo}:v1")), &out, &[]),
        1,
        &["short.bin", &digest],
    );
    // Not even a truncated short.bin, nor a temp file.
    assert_empty(&out);
    assert!(
        tree(base.path()).iter().all(|p| p == "out/"),
        "written beside -o: {:?}",
        tree(base.path())
    );
}

// ---------------------------------------------------------------------------------------
// Local faults
// ---------------------------------------------------------------------------------------

/// Whether this process can create files in a directory it made read-only: true for root
/// (or CAP_DAC_OVERRIDE), which ignores permission bits.
fn permissions_are_ignored(scratch: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = scratch.join("probe");
    fs::create_dir(&probe).unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o555)).unwrap();
    let ignored = fs::write(probe.join("x"), b"x").is_ok();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o755)).unwrap();
    ignored
}

#[test]
fn unwritable_output_fails_with_one_line_naming_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    write_file(src.path(), "sub/b.txt", b"b\n");
    push(
        &reg,
        src.path(),
        "hostile/unwritable:v1",
        &["a.txt", "sub/b.txt"],
    );
    let reference = reg.reference("hostile/unwritable:v1");

    // Permission bits do not stop root, so these two cases make the output impossible to
    // write for anyone: -o below a regular file, and a title whose directory is a file.
    let base = workdir();
    let file = write_file(base.path(), "plain-file", b"not a directory\n");
    let out = file.join("out");
    run_err(
        &mut pull_cmd(&reference, &out, &[]),
        1,
        file.to_str().unwrap(),
    );
    assert_eq!(read_file(&file), b"not a directory\n");

    let base = workdir();
    let out = base.path().join("out");
    write_file(&out, "sub", b"a file where a directory should be\n");
    run_err(
        &mut pull_cmd(&reference, &out, &[]),
        1,
        out.join("sub").to_str().unwrap(),
    );
    assert_eq!(
        read_file(&out.join("sub")),
        b"a file where a directory should be\n"
    );
    assert!(
        tree(&out).iter().all(|p| p == "sub" || p == "a.txt"),
        "temp files left behind: {:?}",
        tree(&out)
    );

    // A read-only directory, where permissions apply.
    let base = workdir();
    if permissions_are_ignored(base.path()) {
        eprintln!("running with permission checks off (root): read-only -o case skipped");
        return;
    }
    let out = base.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).unwrap();
    let result = pull_cmd(&reference, &out, &[]).output().unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).unwrap();
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains(out.to_str().unwrap()),
        "{stderr}"
    );
    assert_empty(&out);
}

// ---------------------------------------------------------------------------------------
// The registry's own words
// ---------------------------------------------------------------------------------------

#[test]
fn registry_error_code_and_message_are_in_the_error_line() {
    let reg = Registry::start();
    let dir = workdir();
    let config = registry_put_blob(&reg.addr(), "hostile/codes", b"{}");
    let missing = format!("sha256:{}", sha256_hex(b"never uploaded"));
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": DEFAULT_ARTIFACT_TYPE,
        "config": {"mediaType": OCI_EMPTY, "digest": config, "size": 2},
        "layers": [{"mediaType": OCI_LAYER_TAR, "digest": missing, "size": 14}],
    });
    let file = write_file(
        dir.path(),
        "m.json",
        &serde_json::to_vec(&manifest).unwrap(),
    );
    let reference = reg.reference("hostile/codes:v1");
    // distribution: 400 {"code":"MANIFEST_BLOB_UNKNOWN","message":"blob unknown to registry"}
    let line = run_err(
        artifact()
            .args(["manifest", "push", "--plain-http", &reference])
            .arg(&file),
        1,
        "MANIFEST_BLOB_UNKNOWN",
    );
    for part in ["blob unknown to registry", &reg.addr()] {
        assert!(line.contains(part), "missing {part:?}: {line}");
    }
    assert!(tags(&reg.addr(), "hostile/codes").is_empty());

    // 404 with MANIFEST_UNKNOWN for a tag that is not there.
    let out = workdir();
    let line = run_err(
        &mut pull_cmd(&reg.reference("hostile/codes:nope"), out.path(), &[]),
        1,
        "MANIFEST_UNKNOWN",
    );
    assert!(line.contains("nope"), "{line}");

    // A 403 from something in front of the registry: its code and message, and the host.
    let proxy = FaultProxy::start(&reg.addr());
    proxy.rule(Rule::new("GET", "/manifests/", Action::status(403)));
    let line = run_err(
        &mut pull_cmd(&proxy.reference("hostile/codes:v1"), out.path(), &[]),
        1,
        "DENIED",
    );
    for part in ["injected by the fault proxy (403)", &proxy.addr()] {
        assert!(line.contains(part), "missing {part:?}: {line}");
    }
}

// ---------------------------------------------------------------------------------------
// Retries and timeouts
// ---------------------------------------------------------------------------------------

/// Pushes `content` as `data.bin` to `<repo>:v1`; returns the blob path fragment.
fn seed(reg: &Registry, repo: &str, content: &[u8]) -> String {
    registry_push_artifact(
        &reg.addr(),
        repo,
        "v1",
        &[RawLayer::file("data.bin", content)],
    );
    format!("/blobs/sha256:{}", sha256_hex(content))
}

#[test]
fn status_504_is_retried_but_501_and_505_are_not() {
    let reg = Registry::start();
    let content = pseudo_random(20_000, 52);
    let blob = seed(&reg, "hostile/statuses", &content);

    let proxy = FaultProxy::start(&reg.addr());
    proxy
        .rule(Rule::new("GET", "/manifests/", Action::status(504)).nth(1))
        .rule(Rule::new("GET", &blob, Action::status(504)).nth(1));
    let out = workdir();
    run_ok(&mut pull_cmd(
        &proxy.reference("hostile/statuses:v1"),
        out.path(),
        &[],
    ));
    assert!(read_file(&out.path().join("data.bin")) == content);
    assert_eq!(proxy.count("GET", "/manifests/"), 2, "{}", proxy.log());
    assert_eq!(proxy.count("GET", &blob), 2, "{}", proxy.log());

    // 501 and 505 say the server cannot do this at all: asking again cannot help.
    for code in [501, 505] {
        for path in ["/manifests/", blob.as_str()] {
            let proxy = FaultProxy::start(&reg.addr());
            proxy.rule(Rule::new("GET", path, Action::status(code)));
            let out = workdir();
            run_err(
                &mut pull_cmd(&proxy.reference("hostile/statuses:v1"), out.path(), &[]),
                1,
                &code.to_string(),
            );
            assert_eq!(
                proxy.count("GET", path),
                1,
                "{code} on {path} was retried\n{}",
                proxy.log()
            );
            assert_empty(out.path());
        }
    }
}

#[test]
fn slow_but_steady_download_outlasts_the_stall_timeout() {
    let reg = Registry::start();
    let content = pseudo_random(240_000, 53);
    let blob = seed(&reg, "hostile/slow", &content);
    let proxy = FaultProxy::start(&reg.addr());
    // 12 pieces 300 ms apart: about 3.3 s in all, each gap well under the 1 s stall timeout.
    proxy.rule(Rule::new(
        "GET",
        &blob,
        Action::Throttle {
            chunk: 20_000,
            every: Duration::from_millis(300),
        },
    ));
    let out = workdir();
    let started = Instant::now();
    run_ok(&mut pull_cmd(
        &proxy.reference("hostile/slow:v1"),
        out.path(),
        &["--stall-timeout", "1", "--retries", "0"],
    ));
    let took = started.elapsed();
    assert!(read_file(&out.path().join("data.bin")) == content);
    assert!(
        took >= Duration::from_secs(3),
        "the throttle did not apply ({took:?})"
    );
    assert_eq!(proxy.count("GET", &blob), 1, "{}", proxy.log());
}

/// A loopback port where connections hang in the handshake: a listener with a backlog of 0
/// whose one queue slot is taken, so the kernel drops further SYNs. Linux only.
struct Blackhole {
    listener: TcpListener,
    _queued: std::net::TcpStream,
}

impl Blackhole {
    fn new() -> Blackhole {
        use std::os::fd::AsRawFd;
        extern "C" {
            fn listen(fd: std::os::raw::c_int, backlog: std::os::raw::c_int)
                -> std::os::raw::c_int;
        }
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        // SAFETY: a valid listening socket; listen() again only changes its backlog.
        let rc = unsafe { listen(listener.as_raw_fd(), 0) };
        assert_eq!(rc, 0, "listen(fd, 0) failed");
        let addr = listener.local_addr().unwrap();
        let queued = std::net::TcpStream::connect(addr).unwrap();
        // Precondition: the next connection does hang.
        let probe = std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(500));
        assert!(
            probe.is_err(),
            "the kernel accepted a connection beyond the backlog; cannot test connect timeouts"
        );
        Blackhole {
            listener,
            _queued: queued,
        }
    }

    fn addr(&self) -> String {
        self.listener.local_addr().unwrap().to_string()
    }
}

#[test]
fn connect_timeout_fails_a_silent_host_quickly() {
    let hole = Blackhole::new();
    let out = workdir();
    let started = Instant::now();
    let line = run_err(
        &mut pull_cmd(
            &format!("{}/hostile/silent:v1", hole.addr()),
            out.path(),
            &["--stall-timeout", "1", "--retries", "1"],
        ),
        1,
        &hole.addr(),
    );
    let took = started.elapsed();
    // Two connection attempts of 1 s and a backoff; without a connect timeout the kernel
    // would keep retrying the SYN for about two minutes.
    assert!(took < Duration::from_secs(15), "took {took:?}: {line}");
    assert!(line.to_lowercase().contains("time"), "{line}");
    assert_empty(out.path());
}

// ---------------------------------------------------------------------------------------
// Redirects: https → http
// ---------------------------------------------------------------------------------------

/// `openssl s_server -HTTP`: an HTTPS server answering `GET /<path>` with the file
/// `<root>/<path>`, which holds a complete HTTP response. Paths with `:` are refused by it,
/// so only tags are served (no digests). Killed on drop.
struct TlsFiles {
    child: Child,
    addr: String,
    root: tempfile::TempDir,
}

impl TlsFiles {
    fn start() -> TlsFiles {
        require_tool("openssl");
        let root = workdir();
        let key = root.path().join("key.pem");
        let cert = root.path().join("cert.pem");
        let status = Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            ])
            .args(["-subj", "/CN=127.0.0.1", "-keyout"])
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run openssl req");
        assert!(status.success(), "openssl req failed");
        let www = root.path().join("www");
        fs::create_dir(&www).unwrap();
        let mut child = Command::new("openssl")
            .args(["s_server", "-accept", "127.0.0.1:0", "-HTTP", "-cert"])
            .arg(&cert)
            .arg("-key")
            .arg(&key)
            .current_dir(&www)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn openssl s_server");
        // It prints `ACCEPT 127.0.0.1:<port>` once listening.
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(addr) = line.strip_prefix("ACCEPT ") {
                    let _ = tx.send(addr.trim().to_string());
                }
            }
        });
        let addr = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(a) => a,
            Err(_) => {
                let _ = child.kill();
                panic!("openssl s_server did not report its port");
            }
        };
        TlsFiles { child, addr, root }
    }

    /// Serves `response` (status line, headers, blank line, body) at `GET /<path>`.
    fn serve(&self, path: &str, response: &[u8]) {
        write_file(&self.root.path().join("www"), path, response);
    }
}

impl Drop for TlsFiles {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn http_response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n");
    for (k, v) in headers {
        r.push_str(&format!("{k}: {v}\r\n"));
    }
    r.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut r = r.into_bytes();
    r.extend_from_slice(body);
    r
}

#[test]
fn redirect_from_https_to_http_is_refused() {
    let tls = TlsFiles::start();
    let manifest = manifest_json(OCI_MANIFEST, 0);
    let origin = Origin::serve(manifest.clone());
    tls.serve(
        "v2/r/manifests/real",
        &http_response("200 OK", &[("Content-Type", OCI_MANIFEST)], &manifest),
    );
    // Control: a redirect that stays on https is followed.
    tls.serve(
        "v2/r/manifests/same",
        &http_response(
            "307 Temporary Redirect",
            &[(
                "Location",
                &format!("https://{}/v2/r/manifests/real", tls.addr),
            )],
            b"",
        ),
    );
    tls.serve(
        "v2/r/manifests/down",
        &http_response(
            "307 Temporary Redirect",
            &[("Location", &origin.url("/v2/r/manifests/real"))],
            b"",
        ),
    );
    let fetch = |tag: &str, extra: &[&str]| {
        let mut c = artifact();
        c.args(["manifest", "fetch", "--insecure"])
            .arg(format!("{}/r:{tag}", tls.addr))
            .args(extra)
            .timeout(CMD_TIMEOUT);
        c
    };
    let output = run_ok(&mut fetch("same", &[]));
    assert!(
        output.stdout == manifest,
        "the https redirect was not followed"
    );

    let line = run_err(&mut fetch("down", &[]), 1, "https to http");
    assert!(line.contains(&tls.addr), "{line}");
    // Refusing is a decision, not a transient failure: one request, no retries. (--debug
    // traces each request; the error line is checked above without it.)
    let traced = fetch("down", &[]).arg("--debug").output().unwrap();
    let stderr = String::from_utf8_lossy(&traced.stderr);
    assert_eq!(traced.status.code(), Some(1), "{stderr}");
    let tries = stderr
        .lines()
        .filter(|l| l.starts_with("> GET ") && l.contains("/manifests/down"))
        .count();
    assert_eq!(tries, 1, "the refused redirect was retried\n{stderr}");
    assert!(
        origin.requests().is_empty(),
        "the http origin was contacted: {:?}",
        origin.requests()
    );
}

// ---------------------------------------------------------------------------------------
// Ctrl-C during a push
// ---------------------------------------------------------------------------------------

/// The `artifact` binary, isolated like `common::artifact`, with a handle on the process.
fn spawn_artifact(args: &[&str], cwd: &Path) -> Child {
    artifact_process()
        .args(args)
        .current_dir(cwd)
        .spawn()
        .expect("spawn artifact")
}

#[test]
fn sigint_during_push_exits_130_and_keeps_the_previous_tag() {
    let reg = Registry::start();
    let dir = workdir();
    write_file(dir.path(), "a.txt", b"first version\n");
    let old = push(&reg, dir.path(), "hostile/push-sigint:v1", &["a.txt"]);

    let proxy = FaultProxy::start(&reg.addr());
    // Every upload request hangs until the proxy is dropped.
    proxy.rule(Rule::new(
        "*",
        "/blobs/uploads/",
        Action::Delay(Duration::from_secs(60)),
    ));
    write_file(dir.path(), "a.txt", &pseudo_random(300_000, 54));
    let child = spawn_artifact(
        &[
            "push",
            "--plain-http",
            &proxy.reference("hostile/push-sigint:v1"),
            "a.txt",
        ],
        dir.path(),
    );
    assert!(
        proxy.wait_for(Duration::from_secs(15), |r| r
            .iter()
            .any(|s| s.path.contains("/blobs/uploads/"))),
        "the upload did not start\n{}",
        proxy.log()
    );
    std::thread::sleep(Duration::from_millis(200));
    interrupt(&child);
    let (status, output) = wait_bounded(child, Duration::from_secs(10));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(proxy.count("PUT", "/manifests/"), 0, "{}", proxy.log());
    assert_eq!(
        get_manifest(&reg.addr(), "hostile/push-sigint", "v1").digest,
        old
    );
    assert_eq!(
        tree(dir.path()),
        ["a.txt"],
        "the interrupted push left files in the working directory"
    );
}
