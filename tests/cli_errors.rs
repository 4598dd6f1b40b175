//! Failures: exit codes, one `error: ` line naming the culprit, no network for bad input.

mod common;

use common::*;

/// Runs `push`, `pull`, `inspect` and `tag` on an invalid reference: each must be a usage
/// error (exit 2) naming `bad_part`, and the registry must not have seen any request.
fn assert_rejected_everywhere(reg: &Registry, bad_reference: &str, bad_part: &str) {
    let src = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    let reference = reg.reference(bad_reference);
    let commands: [&[&str]; 4] = [
        &["push", "--plain-http", &reference, "a.txt"],
        &["pull", "--plain-http", &reference, "-o", "out"],
        &["inspect", "--plain-http", &reference],
        &["tag", "--plain-http", &reference, "other"],
    ];
    for args in commands {
        run_err(artifact().current_dir(src.path()).args(args), 2, bad_part);
    }
    assert_eq!(
        reg.requests_beyond_ping(),
        Vec::<String>::new(),
        "an invalid reference must be rejected before any request"
    );
    assert!(
        !src.path().join("out").exists(),
        "pull created its output dir"
    );
}

#[test]
fn uppercase_repository_is_a_usage_error() {
    let reg = Registry::start();
    assert_rejected_everywhere(&reg, "Bad/UpperCase:v1", "Bad/UpperCase");
}

#[test]
fn invalid_tag_is_a_usage_error() {
    let reg = Registry::start();
    assert_rejected_everywhere(&reg, "good/repo:bad!tag", "bad!tag");
    assert_rejected_everywhere(&reg, "good/repo:.dot-first", ".dot-first");
    let long = "t".repeat(129);
    assert_rejected_everywhere(&reg, &format!("good/repo:{long}"), &long);
}

#[test]
fn invalid_digest_is_a_usage_error() {
    let reg = Registry::start();
    assert_rejected_everywhere(&reg, "good/repo@sha256:abc123", "sha256:abc123");
    let not_hex = format!("sha256:{}", "z".repeat(64));
    assert_rejected_everywhere(&reg, &format!("good/repo@{not_hex}"), &not_hex);
}

#[test]
fn tag_rejects_an_invalid_new_tag() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    push(&reg, src.path(), "errors/tag:v1", &["a.txt"]);
    let before = reg.requests().len();

    run_err(
        artifact().args([
            "tag",
            "--plain-http",
            &reg.reference("errors/tag:v1"),
            "ok",
            "no good",
        ]),
        2,
        "no good",
    );
    assert_eq!(reg.requests().len(), before, "rejected before any request");
    assert_eq!(tags(&reg.addr(), "errors/tag"), ["v1"]);
}

#[test]
fn missing_input_file_fails_without_pushing() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "present.txt", b"here\n");

    run_err(
        artifact().current_dir(src.path()).args([
            "push",
            "--plain-http",
            &reg.reference("errors/missing:v1"),
            "present.txt",
            "missing.txt",
        ]),
        1,
        "missing.txt",
    );
    assert!(
        tags(&reg.addr(), "errors/missing").is_empty(),
        "nothing was tagged"
    );
}

#[test]
fn missing_config_and_annotation_files_fail() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    let reference = reg.reference("errors/missing-extra:v1");
    for (flag, file) in [
        ("--config", "nope-config.json"),
        ("--annotation-file", "nope-annotations.json"),
    ] {
        run_err(
            artifact().current_dir(src.path()).args([
                "push",
                "--plain-http",
                &reference,
                "a.txt",
                flag,
                file,
            ]),
            1,
            file,
        );
    }
    assert!(tags(&reg.addr(), "errors/missing-extra").is_empty());
}

#[test]
fn unknown_tag_on_pull_and_inspect() {
    let reg = Registry::start();
    let src = workdir();
    let out = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    push(&reg, src.path(), "errors/unknown:v1", &["a.txt"]);

    let reference = reg.reference("errors/unknown:nope");
    run_err(
        artifact()
            .args(["pull", "--plain-http", &reference, "-o"])
            .arg(out.path()),
        1,
        "nope",
    );
    assert!(list_tree(out.path()).is_empty(), "nothing pulled");
    run_err(
        artifact().args(["inspect", "--plain-http", &reference]),
        1,
        "nope",
    );
    run_err(
        artifact().args(["tag", "--plain-http", &reference, "v2"]),
        1,
        "nope",
    );
    assert_eq!(tags(&reg.addr(), "errors/unknown"), ["v1"]);
}

#[test]
fn unknown_repository_on_pull() {
    let reg = Registry::start();
    let out = workdir();
    run_err(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &reg.reference("errors/never-pushed:v1"),
                "-o",
            ])
            .arg(out.path()),
        1,
        "errors/never-pushed",
    );
}

#[test]
fn unreachable_registry_is_a_runtime_error() {
    let reg = Registry::start();
    let addr = reg.addr();
    drop(reg);
    let out = workdir();
    run_err(
        artifact()
            .args([
                "pull",
                "--plain-http",
                &format!("{addr}/errors/down:v1"),
                "-o",
            ])
            .arg(out.path()),
        1,
        &addr,
    );
}

#[test]
fn usage_errors_exit_2() {
    let reg = Registry::start();
    let src = workdir();
    write_file(src.path(), "a.txt", b"a\n");
    let reference = reg.reference("errors/usage:v1");
    let r = reference.as_str();
    for args in [
        vec!["push", "--plain-http"],
        vec!["frobnicate"],
        vec!["pull", "--plain-http", "--no-such-flag", r],
        vec!["push", "--plain-http", r, "a.txt", "--image-spec", "v9"],
        vec!["push", "--plain-http", r, "a.txt", "--format", "yaml"],
        vec!["push", "--plain-http", r, "a.txt", "--chunk-size", "lots"],
        vec!["push", "--plain-http", r, "a.txt", "-a", "no-equals-sign"],
    ] {
        let output = artifact()
            .current_dir(src.path())
            .args(&args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}\n{stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}\n{stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}\n{stderr}");
    }
    assert!(
        reg.requests_beyond_ping().is_empty(),
        "{:#?}",
        reg.requests()
    );
    assert!(tags(&reg.addr(), "errors/usage").is_empty());
}

#[test]
fn an_os_error_is_printed_once() {
    let dir = workdir();
    write_file(dir.path(), "a.txt", b"a");
    let blocker = write_file(dir.path(), "not-a-dir", b"");
    let layout = format!("{}/layout:1", blocker.display());
    let stderr = run_err(
        artifact()
            .current_dir(dir.path())
            .args(["push", "--oci-layout", &layout, "a.txt"]),
        1,
        "not-a-dir",
    );
    assert_eq!(
        stderr.matches("os error").count(),
        1,
        "the cause is repeated: {stderr}"
    );
}
