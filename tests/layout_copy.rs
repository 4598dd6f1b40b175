//! OCI image layouts (`--oci-layout`), `artifact copy` between registries and layouts, and
//! `--platform` selection from an image index.

mod common;

use std::path::Path;

use common::*;
use serde_json::{json, Value};

const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
const REF_NAME: &str = "org.opencontainers.image.ref.name";

fn json_of(output: &std::process::Output) -> Value {
    let stdout = stdout_of(output);
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("not JSON: {e}\n{stdout}"))
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&read_file(path))
        .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// `blobs/sha256/<hex>` of a layout.
fn layout_blob(layout: &Path, digest: &str) -> Vec<u8> {
    let hex = digest.strip_prefix("sha256:").expect("sha256 digest");
    let bytes = read_file(&layout.join("blobs/sha256").join(hex));
    assert_eq!(sha256_hex(&bytes), hex, "blob {digest} matches its name");
    bytes
}

/// The index.json entries naming `tag`.
fn layout_tagged(layout: &Path, tag: &str) -> Vec<Value> {
    let index = read_json(&layout.join("index.json"));
    index["manifests"]
        .as_array()
        .expect("index.json has manifests")
        .iter()
        .filter(|m| m["annotations"][REF_NAME] == tag)
        .cloned()
        .collect()
}

/// Files for a small artifact: a text file, a binary file and a directory.
fn sample_files(dir: &Path) {
    write_file(dir, "a.txt", b"hello layout\n");
    write_file(dir, "b.bin", &pseudo_random(100_000, 7));
    write_file(dir, "docs/one.md", b"# one\n");
    write_file(dir, "docs/sub/two.md", b"# two\n");
}

#[test]
fn layout_push_pull_roundtrip_without_a_registry() {
    let work = workdir();
    sample_files(work.path());
    let layout = work.path().join("layout");

    let output = run_ok(artifact().current_dir(work.path()).args([
        "push",
        "--oci-layout",
        "layout:v1,stable",
        "a.txt",
        "b.bin:application/vnd.example.bin",
        "docs",
        "-a",
        "org.example.k=v",
    ]));
    let digest = printed_digest(&stdout_of(&output));

    // The layout's files.
    assert_eq!(
        read_json(&layout.join("oci-layout")),
        json!({"imageLayoutVersion": "1.0.0"})
    );
    for tag in ["v1", "stable"] {
        let entries = layout_tagged(&layout, tag);
        assert_eq!(entries.len(), 1, "one entry for {tag}");
        assert_eq!(entries[0]["digest"], digest);
        assert_eq!(entries[0]["mediaType"], OCI_MANIFEST);
    }
    let manifest: Value = serde_json::from_slice(&layout_blob(&layout, &digest)).unwrap();
    assert_eq!(manifest["annotations"]["org.example.k"], "v");
    layout_blob(&layout, manifest["config"]["digest"].as_str().unwrap());
    for l in manifest["layers"].as_array().unwrap() {
        let bytes = layout_blob(&layout, l["digest"].as_str().unwrap());
        assert_eq!(bytes.len() as u64, l["size"].as_u64().unwrap());
    }
    assert!(
        !list_tree(&layout).iter().any(|p| p.contains(".artifact-")),
        "no temp files left: {:?}",
        list_tree(&layout)
    );

    // Pull by tag and by digest.
    let out = work.path().join("out");
    let output = run_ok(artifact().current_dir(work.path()).args([
        "pull",
        "--oci-layout",
        "layout:stable",
        "-o",
        "out",
    ]));
    assert_eq!(printed_digest(&stdout_of(&output)), digest);
    assert_eq!(read_file(&out.join("a.txt")), b"hello layout\n");
    assert_eq!(read_file(&out.join("b.bin")), pseudo_random(100_000, 7));
    assert_eq!(read_file(&out.join("docs/sub/two.md")), b"# two\n");
    let out2 = work.path().join("out2");
    run_ok(
        artifact()
            .args(["pull", "--oci-layout"])
            .arg(format!("{}@{digest}", layout.display()))
            .arg("-o")
            .arg(&out2),
    );
    assert_eq!(read_tree(&out2), read_tree(&out));

    // Tag and inspect within the layout.
    run_ok(
        artifact()
            .args(["tag", "--oci-layout"])
            .arg(format!("{}:v1", layout.display()))
            .arg("v2"),
    );
    assert_eq!(layout_tagged(&layout, "v2")[0]["digest"], digest);
    let v = json_of(&run_ok(
        artifact()
            .args(["inspect", "--oci-layout", "--format", "json"])
            .arg(format!("{}:v2", layout.display())),
    ));
    assert_eq!(v["digest"], digest);
    assert_eq!(v["annotations"]["org.example.k"], "v");

    // Re-pushing another manifest under a tag moves the tag, not the others.
    write_file(work.path(), "c.txt", b"c\n");
    let output = run_ok(artifact().current_dir(work.path()).args([
        "push",
        "--oci-layout",
        "layout:v1",
        "c.txt",
    ]));
    let digest2 = printed_digest(&stdout_of(&output));
    assert_ne!(digest2, digest);
    assert_eq!(layout_tagged(&layout, "v1")[0]["digest"], digest2);
    assert_eq!(layout_tagged(&layout, "v1").len(), 1);
    assert_eq!(layout_tagged(&layout, "stable")[0]["digest"], digest);
}

#[test]
fn layout_errors_are_one_line() {
    let work = workdir();
    write_file(work.path(), "a.txt", b"a\n");
    // Not a layout.
    run_err(
        artifact().current_dir(work.path()).args([
            "pull",
            "--oci-layout",
            "missing:v1",
            "-o",
            "out",
        ]),
        1,
        "missing",
    );
    // An unknown tag.
    run_ok(
        artifact()
            .current_dir(work.path())
            .args(["push", "--oci-layout", "lay:v1", "a.txt"]),
    );
    run_err(
        artifact()
            .current_dir(work.path())
            .args(["inspect", "--oci-layout", "lay:nope"]),
        1,
        "nope",
    );
    // Bad references are usage errors.
    run_err(
        artifact()
            .current_dir(work.path())
            .args(["pull", "--oci-layout", "lay:bad!tag"]),
        2,
        "bad!tag",
    );
    run_err(
        artifact()
            .current_dir(work.path())
            .args(["inspect", "--oci-layout", "lay@sha256:abc"]),
        2,
        "sha256:abc",
    );
    run_err(
        artifact().current_dir(work.path()).args([
            "copy",
            "lay:v1",
            "other:bad!tag",
            "--from-oci-layout",
            "--to-oci-layout",
        ]),
        2,
        "bad!tag",
    );
}

#[test]
fn skopeo_reads_a_layout_we_wrote_and_we_read_one_it_wrote() {
    require_tool("skopeo");
    let work = workdir();
    sample_files(work.path());
    let output = run_ok(artifact().current_dir(work.path()).args([
        "push",
        "--oci-layout",
        "ours:v1",
        "a.txt",
        "b.bin",
    ]));
    let digest = printed_digest(&stdout_of(&output));
    let layout = work.path().join("ours");
    let manifest = layout_blob(&layout, &digest);

    let output = run_ok(
        tool("skopeo")
            .args(["inspect", "--raw"])
            .arg(format!("oci:{}:v1", layout.display())),
    );
    assert_eq!(output.stdout, manifest, "skopeo sees our manifest bytes");

    let copied = work.path().join("skopeo-dir");
    run_ok(
        tool("skopeo")
            .args(["copy"])
            .arg(format!("oci:{}:v1", layout.display()))
            .arg(format!("dir:{}", copied.display())),
    );
    let m: Value = serde_json::from_slice(&manifest).unwrap();
    for l in m["layers"].as_array().unwrap() {
        let hex = &l["digest"].as_str().unwrap()["sha256:".len()..];
        assert_eq!(sha256_hex(&read_file(&copied.join(hex))), hex);
    }

    // And back: a layout skopeo wrote is one we can pull from.
    let theirs = work.path().join("theirs");
    run_ok(
        tool("skopeo")
            .args(["copy"])
            .arg(format!("dir:{}", copied.display()))
            .arg(format!("oci:{}:back", theirs.display())),
    );
    let out = work.path().join("out");
    let output = run_ok(
        artifact()
            .args(["pull", "--oci-layout"])
            .arg(format!("{}:back", theirs.display()))
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(printed_digest(&stdout_of(&output)), digest);
    assert_eq!(read_file(&out.join("a.txt")), b"hello layout\n");
    assert_eq!(read_file(&out.join("b.bin")), pseudo_random(100_000, 7));
}

#[test]
fn copy_registry_to_layout_to_another_registry_keeps_the_digest() {
    let a = Registry::start();
    let b = Registry::start();
    let work = workdir();
    sample_files(work.path());
    let digest = push(&a, work.path(), "src/app:v1", &["a.txt", "b.bin", "docs"]);
    let original = get_manifest(&a.addr(), "src/app", "v1");

    let layout = work.path().join("saved");
    let output = run_ok(
        artifact()
            .args(["copy", "--plain-http", "--to-oci-layout"])
            .arg(a.reference("src/app:v1"))
            .arg(&layout),
    );
    assert_eq!(printed_digest(&stdout_of(&output)), digest);
    // The destination tag defaults to the source's.
    assert_eq!(layout_tagged(&layout, "v1")[0]["digest"], digest);
    assert_eq!(layout_blob(&layout, &digest), original.raw);

    let output = run_ok(
        artifact()
            .args([
                "copy",
                "--plain-http",
                "--from-oci-layout",
                "--format",
                "json",
            ])
            .arg(format!("{}:v1", layout.display()))
            .arg(b.reference("dst/app:v1,latest")),
    );
    let v = json_of(&output);
    assert_eq!(v["digest"], digest);
    assert_eq!(v["tags"], json!(["v1", "latest"]));
    let copied = get_manifest(&b.addr(), "dst/app", "v1");
    assert_eq!(copied.digest, digest);
    assert_eq!(copied.raw, original.raw, "byte-for-byte the same manifest");
    assert_eq!(get_manifest(&b.addr(), "dst/app", "latest").digest, digest);
    for l in original.layers() {
        get_blob(&b.addr(), "dst/app", l["digest"].as_str().unwrap());
    }

    // Pulling from the copy gives the same files.
    let out = work.path().join("out");
    pull(&b, "dst/app:v1", &out, &[]);
    assert_eq!(read_file(&out.join("docs/one.md")), b"# one\n");
    assert_eq!(read_file(&out.join("b.bin")), pseudo_random(100_000, 7));
}

#[test]
fn copy_skips_what_the_destination_has() {
    let a = Registry::start();
    let b = Registry::start();
    let work = workdir();
    write_file(work.path(), "one.bin", &pseudo_random(50_000, 1));
    write_file(work.path(), "two.bin", &pseudo_random(60_000, 2));
    let digest = push(&a, work.path(), "src/x:v1", &["one.bin", "two.bin"]);
    let m = get_manifest(&a.addr(), "src/x", "v1");

    // The destination already holds the first file and the config.
    registry_put_blob(&b.addr(), "dst/x", &pseudo_random(50_000, 1));
    registry_put_blob(&b.addr(), "dst/x", b"{}");
    let before = b.count_requests("POST", "dst/x", "blobs/uploads/");
    assert_eq!(before, 2);

    let output = run_ok(
        artifact()
            .args(["copy", "--plain-http"])
            .arg(a.reference("src/x:v1"))
            .arg(b.reference("dst/x")),
    );
    let text = stdout_of(&output);
    assert_eq!(printed_digest(&text), digest);
    assert_eq!(
        b.count_requests("POST", "dst/x", "blobs/uploads/") - before,
        1,
        "only the missing blob is uploaded:\n{:#?}",
        b.requests()
    );
    let two = m.layer("two.bin")["digest"].as_str().unwrap().to_string();
    let one = m.layer("one.bin")["digest"].as_str().unwrap().to_string();
    assert!(
        text.contains(&format!(
            "Exists   application/vnd.oci.image.layer.v1.tar {one}"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Copied   application/vnd.oci.image.layer.v1.tar {two}"
        )),
        "{text}"
    );
    assert_eq!(get_manifest(&b.addr(), "dst/x", "v1").raw, m.raw);

    // A second copy finds the manifest there and uploads nothing.
    let posts = b.count_requests("POST", "dst/x", "blobs/uploads/");
    let puts = b.count_requests("PUT", "dst/x", "manifests/");
    run_ok(
        artifact()
            .args(["copy", "--plain-http"])
            .arg(a.reference("src/x:v1"))
            .arg(b.reference("dst/x:v2")),
    );
    assert_eq!(b.count_requests("POST", "dst/x", "blobs/uploads/"), posts);
    assert_eq!(
        b.count_requests("PUT", "dst/x", "manifests/") - puts,
        1,
        "only the new tag is written"
    );
    assert_eq!(get_manifest(&b.addr(), "dst/x", "v2").digest, digest);
}

#[test]
fn copy_within_a_registry_mounts_blobs() {
    let reg = Registry::start();
    let work = workdir();
    write_file(work.path(), "big.bin", &pseudo_random(300_000, 3));
    write_file(work.path(), "small.txt", b"small\n");
    let digest = push(&reg, work.path(), "team/src:v1", &["big.bin", "small.txt"]);
    let m = get_manifest(&reg.addr(), "team/src", "v1");

    let output = run_ok(
        artifact()
            .args(["copy", "--plain-http", "--format", "json"])
            .arg(reg.reference("team/src:v1"))
            .arg(reg.reference("team/dst:v1")),
    );
    let v = json_of(&output);
    assert_eq!(v["digest"], digest);
    assert_eq!(v["mounted"], 3, "two layers and the config: {v}");

    let requests = reg.requests();
    let mounts: Vec<&String> = requests
        .iter()
        .filter(|r| r.starts_with("POST /v2/team/dst/blobs/uploads/?") && r.contains("mount="))
        .collect();
    assert_eq!(mounts.len(), 3, "{requests:#?}");
    for l in m.layers() {
        let d = l["digest"].as_str().unwrap();
        assert!(
            mounts.iter().any(|r| r.contains(&format!("mount={d}"))
                || r.contains(&format!("mount={}", d.replace(':', "%3A")))),
            "no mount request for {d}: {mounts:#?}"
        );
    }
    assert!(mounts
        .iter()
        .all(|r| r.contains("from=team%2Fsrc") || r.contains("from=team/src")));
    assert_eq!(reg.count_requests("PATCH", "team/dst", "blobs/uploads/"), 0);
    assert_eq!(reg.count_requests("PUT", "team/dst", "blobs/uploads/"), 0);
    assert_eq!(get_manifest(&reg.addr(), "team/dst", "v1").raw, m.raw);
    get_blob(
        &reg.addr(),
        "team/dst",
        m.layer("big.bin")["digest"].as_str().unwrap(),
    );
}

/// An index with two platform manifests (distinct files) under `multi`; returns
/// (index digest, amd64 digest, arm64 digest).
fn push_platform_index(reg: &Registry, repo: &str) -> (String, String, String) {
    let amd = registry_push_artifact(
        &reg.addr(),
        repo,
        "amd",
        &[RawLayer::file("which.txt", b"amd64\n")],
    );
    let arm = registry_push_artifact(
        &reg.addr(),
        repo,
        "arm",
        &[RawLayer::file("which.txt", b"arm64 v8\n")],
    );
    let size = |tag: &str| get_manifest(&reg.addr(), repo, tag).raw.len();
    let index = json!({
        "schemaVersion": 2,
        "mediaType": OCI_INDEX,
        "manifests": [
            {"mediaType": OCI_MANIFEST, "digest": amd, "size": size("amd"),
             "platform": {"os": "linux", "architecture": "amd64"}},
            {"mediaType": OCI_MANIFEST, "digest": arm, "size": size("arm"),
             "platform": {"os": "linux", "architecture": "arm64", "variant": "v8"}},
        ],
    });
    let raw = serde_json::to_vec(&index).unwrap();
    let digest = registry_put_manifest(&reg.addr(), repo, "multi", OCI_INDEX, &raw);
    (digest, amd, arm)
}

#[test]
fn platform_picks_a_manifest_from_an_index() {
    let reg = Registry::start();
    let work = workdir();
    let (index, amd, arm) = push_platform_index(&reg, "plat/app");
    let multi = reg.reference("plat/app:multi");

    // pull: an index needs --platform; the error lists what there is.
    let line = run_err(
        artifact()
            .args(["pull", "--plain-http", &multi, "-o"])
            .arg(work.path().join("o0")),
        1,
        "--platform",
    );
    assert!(
        line.contains("linux/amd64") && line.contains("linux/arm64/v8"),
        "{line}"
    );

    let out = work.path().join("arm");
    let output = run_ok(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &multi,
                "--platform",
                "linux/arm64",
                "-o",
            ])
            .arg(&out),
    );
    assert_eq!(printed_digest(&stdout_of(&output)), arm);
    assert_eq!(read_file(&out.join("which.txt")), b"arm64 v8\n");

    let line = run_err(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &multi,
                "--platform",
                "windows/amd64",
                "-o",
            ])
            .arg(work.path().join("o1")),
        1,
        "windows/amd64",
    );
    assert!(line.contains("linux/amd64, linux/arm64/v8"), "{line}");

    // inspect shows the index, or the platform's manifest with --platform.
    let v = json_of(&run_ok(artifact().args([
        "inspect",
        "--plain-http",
        &multi,
        "--format",
        "json",
    ])));
    assert_eq!(v["digest"], index);
    let v = json_of(&run_ok(artifact().args([
        "inspect",
        "--plain-http",
        &multi,
        "--platform",
        "linux/amd64",
        "--format",
        "json",
    ])));
    assert_eq!(v["digest"], amd);

    // copy --platform copies only that manifest and tags it.
    let one = work.path().join("one");
    let output = run_ok(
        artifact()
            .args([
                "copy",
                "--plain-http",
                "--to-oci-layout",
                "--platform",
                "linux/amd64",
                &multi,
            ])
            .arg(format!("{}:amd", one.display())),
    );
    assert_eq!(printed_digest(&stdout_of(&output)), amd);
    assert_eq!(layout_tagged(&one, "amd")[0]["digest"], amd);
    assert!(!one
        .join("blobs/sha256")
        .join(&arm["sha256:".len()..])
        .exists());

    // copy without --platform takes the whole index; the layout then serves --platform too.
    let all = work.path().join("all");
    run_ok(
        artifact()
            .args(["copy", "--plain-http", "--to-oci-layout", &multi])
            .arg(&all),
    );
    assert_eq!(layout_tagged(&all, "multi")[0]["digest"], index);
    assert_eq!(layout_tagged(&all, "multi")[0]["mediaType"], OCI_INDEX);
    let out = work.path().join("from-layout");
    let output = run_ok(
        artifact()
            .args(["pull", "--oci-layout", "--platform", "linux/arm64/v8"])
            .arg(format!("{}:multi", all.display()))
            .arg("-o")
            .arg(&out),
    );
    assert_eq!(printed_digest(&stdout_of(&output)), arm);
    assert_eq!(read_file(&out.join("which.txt")), b"arm64 v8\n");

    // And the whole index goes on to another repository intact.
    run_ok(
        artifact()
            .args(["copy", "--plain-http", "--from-oci-layout"])
            .arg(format!("{}:multi", all.display()))
            .arg(reg.reference("plat/copy")),
    );
    assert_eq!(
        get_manifest(&reg.addr(), "plat/copy", "multi").digest,
        index
    );
    assert_eq!(get_manifest(&reg.addr(), "plat/copy", &arm).digest, arm);
}

#[test]
fn mount_with_bearer_tokens_asks_for_pull_on_the_source() {
    use common::auth::{IssuerConfig, TokenIssuer};
    let issuer = TokenIssuer::start(IssuerConfig {
        users: vec![("alice".into(), "pw-alice-123".into())],
        ..IssuerConfig::default()
    });
    let reg = Registry::start_token(&issuer);
    let work = workdir();
    write_file(work.path(), "f.bin", &pseudo_random(40_000, 5));
    let output = run_ok(
        artifact()
            .current_dir(work.path())
            .env("ARTIFACT_NO_KEYRING", "1")
            .args([
                "push",
                "--plain-http",
                &reg.reference("tok/src:v1"),
                "f.bin",
            ])
            .args(["-u", "alice", "-p", "pw-alice-123"]),
    );
    let digest = printed_digest(&stdout_of(&output));
    issuer.clear();

    let output = run_ok(
        artifact()
            .env("ARTIFACT_NO_KEYRING", "1")
            .args([
                "copy",
                "--plain-http",
                "--format",
                "json",
                "-u",
                "alice",
                "-p",
                "pw-alice-123",
            ])
            .arg(reg.reference("tok/src:v1"))
            .arg(reg.reference("tok/dst:v1")),
    );
    let v = json_of(&output);
    assert_eq!(v["digest"], digest);
    assert_eq!(v["mounted"], 2, "the layer and the config: {v}");
    assert_eq!(reg.count_requests("PUT", "tok/dst", "blobs/uploads/"), 0);
    let reqs = issuer.requests();
    assert!(
        reqs.iter().any(|r| r.status == 200
            && r.scopes
                .contains(&"repository:tok/dst:pull,push".to_string())
            && r.scopes.contains(&"repository:tok/src:pull".to_string())),
        "one token covers push on the destination and pull on the source: {:#?}",
        reqs.iter()
            .map(|r| (&r.scopes, r.status))
            .collect::<Vec<_>>()
    );
}
