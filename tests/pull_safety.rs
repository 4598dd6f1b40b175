//! Pulling hostile artifacts, crafted with raw HTTP: nothing may land outside `-o DIR`,
//! and content that does not match its descriptor is rejected.

mod common;

use common::*;
use std::path::Path;

/// Pulls `repo:v1` into `<base>/out` expecting exit 1 with an error naming one of `needles`.
fn pull_fails(reg: &Registry, repo: &str, base: &Path, needles: &[&str]) {
    run_err_any(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &reg.reference(&format!("{repo}:v1")),
                "-o",
            ])
            .arg(base.join("out")),
        1,
        needles,
    );
}

/// Only `out/` (and whatever is inside it) may exist in `base`.
fn assert_nothing_outside_out(base: &Path) {
    let outside: Vec<String> = list_tree(base)
        .into_iter()
        .filter(|p| !p.starts_with("out/"))
        .collect();
    assert!(
        outside.is_empty(),
        "written outside the output dir: {outside:?}"
    );
}

#[test]
fn title_escaping_the_output_dir_is_refused() {
    let reg = Registry::start();
    for (repo, title) in [
        ("evil/parent", "../evil.txt"),
        ("evil/nested-parent", "sub/../../evil2.txt"),
    ] {
        let base = workdir();
        registry_push_artifact(
            &reg.addr(),
            repo,
            "v1",
            &[RawLayer::file(title, b"pwned\n")],
        );
        pull_fails(&reg, repo, base.path(), &[title]);
        assert_nothing_outside_out(base.path());
    }
}

#[test]
fn absolute_title_is_refused() {
    let reg = Registry::start();
    let base = workdir();
    let elsewhere = workdir();
    let target = elsewhere.path().join("x-absolute-evil.txt");
    let title = target.to_str().unwrap();
    registry_push_artifact(
        &reg.addr(),
        "evil/absolute",
        "v1",
        &[RawLayer::file(title, b"pwned\n")],
    );

    pull_fails(&reg, "evil/absolute", base.path(), &[title]);
    assert!(!target.exists(), "wrote to the absolute path {title}");
    assert!(list_tree(elsewhere.path()).is_empty());
    assert_nothing_outside_out(base.path());
}

#[test]
fn a_later_evil_layer_does_not_write_outside() {
    let reg = Registry::start();
    let base = workdir();
    registry_push_artifact(
        &reg.addr(),
        "evil/mixed",
        "v1",
        &[
            RawLayer::file("fine.txt", b"fine\n"),
            RawLayer::file("../evil.txt", b"pwned\n"),
        ],
    );
    pull_fails(&reg, "evil/mixed", base.path(), &["../evil.txt"]);
    assert_nothing_outside_out(base.path());
}

/// A gzipped tar whose entry names are written verbatim (the `tar` crate refuses `..`).
fn tar_gz_with_raw_names(entries: &[(&str, &[u8])]) -> (Vec<u8>, Vec<u8>) {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, data) in entries {
        let mut header = tar::Header::new_gnu();
        let raw_name = &mut header.as_gnu_mut().unwrap().name;
        raw_name[..name.len()].copy_from_slice(name.as_bytes());
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_entry_type(tar::EntryType::Regular);
        header.set_cksum();
        builder.append(&header, *data).unwrap();
    }
    let tar = builder.into_inner().unwrap();
    let gz = gzip(&tar);
    (tar, gz)
}

#[test]
fn directory_layer_with_escaping_entry_is_refused() {
    let reg = Registry::start();
    let base = workdir();
    let (tar, gz) = tar_gz_with_raw_names(&[
        ("tree/ok.txt", b"ok\n"),
        ("tree/../../escape.txt", b"pwned\n"),
    ]);
    let content_digest = format!("sha256:{}", sha256_hex(&tar));
    registry_push_artifact(
        &reg.addr(),
        "evil/tar",
        "v1",
        &[RawLayer {
            title: Some("tree"),
            media_type: OCI_LAYER_TAR_GZIP,
            content: &gz,
            annotations: &[
                (ANNOTATION_UNPACK, "true"),
                (ANNOTATION_CONTENT_DIGEST, &content_digest),
            ],
        }],
    );

    let output = artifact()
        .args(["pull", "--plain-http", &reg.reference("evil/tar:v1"), "-o"])
        .arg(base.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with("error: ") && !stderr.contains("panicked"),
        "{stderr}"
    );
    assert_nothing_outside_out(base.path());
}

#[test]
fn layer_size_mismatch_is_a_verification_error() {
    let reg = Registry::start();
    let base = workdir();
    let content = b"exactly twenty bytes";
    let digest = registry_put_blob(&reg.addr(), "evil/size", content);
    let config = registry_put_blob(&reg.addr(), "evil/size", b"{}");
    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": DEFAULT_ARTIFACT_TYPE,
        "config": {"mediaType": OCI_EMPTY, "digest": config, "size": 2},
        "layers": [{
            "mediaType": OCI_LAYER_TAR,
            "digest": digest,
            "size": 10,
            "annotations": {ANNOTATION_TITLE: "short.txt"},
        }],
    });
    registry_put_manifest(
        &reg.addr(),
        "evil/size",
        "v1",
        OCI_MANIFEST,
        &serde_json::to_vec(&manifest).unwrap(),
    );

    // The error may name the layer by title or by digest.
    pull_fails(&reg, "evil/size", base.path(), &["short.txt", &digest]);
    let pulled = base.path().join("out/short.txt");
    assert!(
        !pulled.exists() || read_file(&pulled) != content,
        "content that failed verification was left in place"
    );
}
