//! Replays the fuzzers' seed corpora (`tests/fuzz/corpus/<target>/*`) through the same
//! property checks the cargo-fuzz targets run (`tests/fuzz/src/lib.rs`), so that every
//! input ever found interesting stays a regression test without a nightly toolchain.

#[path = "fuzz/src/lib.rs"]
mod checks;

use std::path::PathBuf;

/// Runs `check` on every file of `tests/fuzz/corpus/<target>`, naming the file on failure.
fn replay(target: &str, check: fn(&[u8])) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "{}: expected a seed corpus, found {} files",
        dir.display(),
        files.len()
    );
    let mut failed = Vec::new();
    for f in &files {
        let data = std::fs::read(f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            failed.push(f.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: the checks failed on {failed:#?}"
    );
}

#[test]
fn reference_corpus() {
    replay("reference", checks::reference);
}

#[test]
fn www_authenticate_corpus() {
    replay("www_authenticate", checks::www_authenticate);
}

#[test]
fn manifest_corpus() {
    replay("manifest", checks::manifest);
}

#[test]
fn tar_unpack_corpus() {
    replay("tar_unpack", checks::tar_unpack);
}
