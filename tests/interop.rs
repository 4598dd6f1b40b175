//! Interoperability with other OCI clients: oras-py (Python) and skopeo.

mod common;

use common::*;
use std::path::Path;

const ORAS_PY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/oras_py.py");

/// Runs tests/support/oras_py.py with the oras-py interpreter; returns its stdout.
fn oras_py(cwd: &Path, args: &[&str]) -> String {
    let output = run_ok(tool(&python()).current_dir(cwd).arg(ORAS_PY).args(args));
    stdout_of(&output)
}

#[test]
fn oras_py_pulls_what_artifact_pushed() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", b"from artifact\n");
    write_file(src.path(), "b.bin", &pseudo_random(300_000, 11));
    write_file(src.path(), "tree/top.txt", b"top\n");
    write_file(src.path(), "tree/sub/inner.bin", &pseudo_random(4_000, 12));
    push(
        &reg,
        src.path(),
        "interop/to-py:v1",
        &["a.txt", "b.bin", "tree"],
    );

    let printed = oras_py(out.path(), &["pull", &reg.addr(), "interop/to-py:v1", "."]);
    assert_eq!(
        printed.lines().count(),
        3,
        "oras-py pulled three layers:\n{printed}"
    );
    // oras-py unpacks the directory layer into the output dir, so the archive must hold
    // `tree/...` paths, the way oras packs directories.
    assert_eq!(read_tree(out.path()), read_tree(src.path()));
}

#[test]
fn artifact_pulls_what_oras_py_pushed() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "hello.txt", b"from oras-py\n");
    write_file(src.path(), "data.bin", &pseudo_random(250_000, 13));

    let printed = oras_py(
        src.path(),
        &[
            "push",
            &reg.addr(),
            "interop/from-py:v1",
            "hello.txt",
            "data.bin",
        ],
    );
    let py_digest = printed.trim();
    assert!(is_sha256_digest(py_digest), "oras-py printed {printed:?}");
    // What oras-py writes: basename titles, default layer type, no artifactType.
    let m = get_manifest(&reg.addr(), "interop/from-py", "v1");
    assert_eq!(m.digest, py_digest);
    assert_eq!(m.layer("hello.txt")["mediaType"], OCI_LAYER_TAR);
    assert!(m.json.get("artifactType").is_none());

    assert_eq!(pull(&reg, "interop/from-py:v1", out.path(), &[]), py_digest);
    assert_eq!(read_tree(out.path()), read_tree(src.path()));
}

#[test]
fn skopeo_sees_the_manifest_artifact_pushed() {
    require_tool("skopeo");
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", b"for skopeo\n");
    let digest = push(&reg, src.path(), "interop/skopeo:v1", &["a.txt"]);

    let output = run_ok(tool("skopeo").args([
        "inspect",
        "--raw",
        "--tls-verify=false",
        &format!("docker://{}", reg.reference("interop/skopeo:v1")),
    ]));
    assert_eq!(format!("sha256:{}", sha256_hex(&output.stdout)), digest);
    let manifest: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(manifest["mediaType"], OCI_MANIFEST);
    assert_eq!(
        manifest["layers"][0]["annotations"][ANNOTATION_TITLE],
        "a.txt"
    );
}
