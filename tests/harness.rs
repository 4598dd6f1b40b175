//! The test harness itself: these pass without the client.

mod common;

use common::*;

#[test]
fn registry_harness_starts() {
    let reg = Registry::start();
    let addr = reg.addr();
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");

    let (status, headers, _) = registry_get(&addr, "/v2/");
    assert_eq!(status, 200);
    assert_eq!(
        headers
            .get("docker-distribution-api-version")
            .map(String::as_str),
        Some("registry/2.0")
    );
    assert!(
        tags(&addr, "harness/none").is_empty(),
        "unknown repository has no tags"
    );

    let layer = pseudo_random(70_000, 1);
    let layer_digest = registry_put_blob(&addr, "harness/raw", &layer);
    let config_digest = registry_put_blob(&addr, "harness/raw", b"{}");
    assert_eq!(config_digest, EMPTY_CONFIG_DIGEST);
    assert_eq!(get_blob(&addr, "harness/raw", &layer_digest), layer);

    let manifest = serde_json::json!({
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "artifactType": DEFAULT_ARTIFACT_TYPE,
        "config": {"mediaType": OCI_EMPTY, "digest": config_digest, "size": 2},
        "layers": [{
            "mediaType": OCI_LAYER_TAR,
            "digest": layer_digest,
            "size": layer.len(),
            "annotations": {ANNOTATION_TITLE: "blob.bin"},
        }],
    });
    let raw = serde_json::to_vec(&manifest).unwrap();
    let digest = registry_put_manifest(&addr, "harness/raw", "v1", OCI_MANIFEST, &raw);

    let by_tag = get_manifest(&addr, "harness/raw", "v1");
    assert_eq!(by_tag.digest, digest);
    assert_eq!(by_tag.raw, raw);
    assert_eq!(by_tag.layer("blob.bin")["size"], 70_000);
    assert_eq!(get_manifest(&addr, "harness/raw", &digest).raw, raw);
    assert_eq!(tags(&addr, "harness/raw"), vec!["v1".to_string()]);

    // The access log is visible and parsed.
    assert_eq!(
        reg.count_requests("POST", "harness/raw", "blobs/uploads/"),
        2
    );
    assert_eq!(reg.count_requests("PUT", "harness/raw", "manifests/v1"), 1);
    assert!(reg.requests().iter().any(|r| r == "GET /v2/"));
    assert!(reg.log().contains("listening on"));
}

#[test]
fn registries_are_independent_and_stop_on_drop() {
    let a = Registry::start();
    let b = Registry::start();
    assert_ne!(a.addr(), b.addr());
    registry_put_blob(&a.addr(), "only/in-a", b"hello");
    assert_eq!(b.count_requests("POST", "only/in-a", "blobs/uploads/"), 0);

    let addr = a.addr();
    drop(a);
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "registry still listening after drop"
    );
}

#[test]
fn raw_http_helper_reads_large_bodies() {
    let reg = Registry::start();
    let big = pseudo_random(3 * 1024 * 1024 + 17, 2);
    let digest = registry_put_blob(&reg.addr(), "harness/big", &big);
    assert_eq!(
        get_blob(&reg.addr(), "harness/big", &digest).len(),
        big.len()
    );
}

#[test]
fn test_homes_are_private() {
    let home = test_home();
    assert!(home.is_dir());
    assert!(!home.join(".docker").exists(), "the test HOME starts empty");
    let real_home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    assert_ne!(Some(home), real_home);
}
