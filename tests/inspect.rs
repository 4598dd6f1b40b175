//! `artifact inspect`, text and JSON, checked against the manifest fetched with raw HTTP.

mod common;

use common::*;
use serde_json::Value;

/// Pushes two files with an annotation; returns the stored manifest.
fn pushed_artifact(reg: &Registry, repo_tag: &str) -> Manifest {
    let src = workdir();
    write_file(src.path(), "a.txt", &[b'a'; 617]);
    write_file(src.path(), "b.bin", &pseudo_random(333, 4));
    push(
        reg,
        src.path(),
        repo_tag,
        &[
            "a.txt",
            "b.bin:application/vnd.example.bin",
            "-a",
            "org.example.key=inspect-me",
        ],
    );
    let (repo, tag) = repo_tag.split_once(':').unwrap();
    get_manifest(&reg.addr(), repo, tag)
}

fn inspect_json(reg: &Registry, reference: &str) -> Value {
    let output = run_ok(artifact().args([
        "inspect",
        "--plain-http",
        &reg.reference(reference),
        "--format",
        "json",
    ]));
    let stdout = stdout_of(&output);
    serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("inspect --format json prints JSON: {e}\n{stdout}"))
}

#[test]
fn inspect_text_shows_manifest_and_layers() {
    let reg = Registry::start();
    let m = pushed_artifact(&reg, "inspect/text:v1");

    let output =
        run_ok(artifact().args(["inspect", "--plain-http", &reg.reference("inspect/text:v1")]));
    let text = stdout_of(&output);
    let expected = [
        m.digest.clone(),
        OCI_MANIFEST.to_string(),
        DEFAULT_ARTIFACT_TYPE.to_string(),
        m.raw.len().to_string(),
        "org.example.key".to_string(),
        "inspect-me".to_string(),
        "a.txt".to_string(),
        "b.bin".to_string(),
        OCI_LAYER_TAR.to_string(),
        "application/vnd.example.bin".to_string(),
        "617".to_string(),
        "333".to_string(),
    ];
    for needle in expected {
        assert!(
            text.contains(&needle),
            "inspect output lacks {needle:?}:\n{text}"
        );
    }
    for layer in m.layers() {
        // Tables may shorten digests; the first 12 hex digits must be there.
        let hex = &layer["digest"].as_str().unwrap()["sha256:".len()..];
        assert!(
            text.contains(&hex[..12]),
            "layer digest {hex} missing:\n{text}"
        );
    }
}

#[test]
fn inspect_json_matches_the_registry() {
    let reg = Registry::start();
    let m = pushed_artifact(&reg, "inspect/json:v1");

    let v = inspect_json(&reg, "inspect/json:v1");
    assert!(
        v["reference"].as_str().unwrap().contains("inspect/json"),
        "{v}"
    );
    assert_eq!(v["digest"], m.digest);
    assert_eq!(v["mediaType"], OCI_MANIFEST);
    assert_eq!(v["artifactType"], DEFAULT_ARTIFACT_TYPE);
    assert_eq!(v["size"], m.raw.len());
    assert_eq!(v["annotations"]["org.example.key"], "inspect-me");
    assert_eq!(v["config"], m.json["config"]);
    assert_eq!(v["manifest"], m.json, "the raw manifest as a JSON object");

    let layers = v["layers"].as_array().expect("layers array");
    assert_eq!(layers.len(), 2);
    for (printed, stored) in layers.iter().zip(m.layers()) {
        assert_eq!(printed["title"], stored["annotations"][ANNOTATION_TITLE]);
        assert_eq!(printed["mediaType"], stored["mediaType"]);
        assert_eq!(printed["size"], stored["size"]);
        assert_eq!(printed["digest"], stored["digest"]);
        assert_eq!(printed["annotations"], stored["annotations"]);
    }
    assert_eq!(layers[0]["title"], "a.txt");
    assert_eq!(layers[1]["mediaType"], "application/vnd.example.bin");
}

#[test]
fn inspect_by_digest() {
    let reg = Registry::start();
    let m = pushed_artifact(&reg, "inspect/digest:v1");
    let v = inspect_json(&reg, &format!("inspect/digest@{}", m.digest));
    assert_eq!(v["digest"], m.digest);
    assert_eq!(v["manifest"], m.json);
}

#[test]
fn inspect_json_untitled_layer_has_null_title() {
    let reg = Registry::start();
    let digest = registry_push_artifact(
        &reg.addr(),
        "inspect/untitled",
        "v1",
        &[RawLayer {
            title: None,
            media_type: "application/vnd.example.raw",
            content: b"no name",
            annotations: &[],
        }],
    );

    let v = inspect_json(&reg, "inspect/untitled:v1");
    assert_eq!(v["digest"], digest);
    let layer = &v["layers"][0];
    assert!(layer["title"].is_null(), "untitled layer: {layer}");
    assert_eq!(layer["mediaType"], "application/vnd.example.raw");
    assert_eq!(layer["size"], 7);
}
