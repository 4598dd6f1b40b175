//! TLS options against the real distribution registry serving HTTPS, with a private CA and
//! server certificates made by the `openssl` CLI at test time (`common::tls`). No command
//! here passes `--plain-http`.
//!
//! * No TLS flag: the registry's certificate is not trusted; one line naming the host and
//!   what to do (`--ca-file`, `--insecure`), and no retries (a certificate does not heal).
//! * `--ca-file ca.pem`: push and pull round-trip, by IP and by `localhost`.
//! * `--insecure`: works without the CA.
//! * A `--ca-file` that is not PEM, holds only a key, or is missing: one line naming it.
//! * A certificate for another name: refused even with the CA, accepted with `--insecure`.
//! * `login` over HTTPS with htpasswd and `--ca-file`, then a push with the stored login.

mod common;

use std::path::Path;

use common::auth::basic_auth;
use common::tls::Pki;
use common::*;

const USER: &str = "tls-user";
const PASSWORD: &str = "tls-Pa55w0rd";
/// The certificate the registry should have: its address and `localhost`.
const GOOD_SAN: &str = "IP:127.0.0.1,DNS:localhost";

/// A source dir with `a.txt` and `b.bin`.
fn source() -> tempfile::TempDir {
    let src = workdir();
    write_file(src.path(), "a.txt", b"hello tls\n");
    write_file(src.path(), "b.bin", &pseudo_random(70_000, 7));
    src
}

fn push_cmd(src: &Path, reference: &str, tls: &[&str]) -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.env("ARTIFACT_NO_KEYRING", "1")
        .current_dir(src)
        .arg("push")
        .args(tls)
        .args([reference, "a.txt", "b.bin"]);
    cmd
}

/// Pulls `reference` with `tls` flags and checks the files [`source`] pushed; returns the
/// printed digest.
fn pull_and_check(reference: &str, tls: &[&str]) -> String {
    let out = workdir();
    let o = run_ok(
        artifact()
            .env("ARTIFACT_NO_KEYRING", "1")
            .arg("pull")
            .args(tls)
            .args([reference, "-o"])
            .arg(out.path()),
    );
    assert_eq!(read_file(&out.path().join("a.txt")), b"hello tls\n");
    assert!(read_file(&out.path().join("b.bin")) == pseudo_random(70_000, 7));
    printed_digest(&stdout_of(&o))
}

#[test]
fn without_tls_flags_an_unknown_ca_is_refused() {
    let pki = Pki::new();
    let reg = Registry::start_tls(&pki.server_cert(GOOD_SAN));
    let src = source();
    let line = run_err(
        &mut push_cmd(src.path(), &reg.reference("tls/none:v1"), &[]),
        1,
        "certificate",
    );
    assert!(line.contains(&reg.addr()), "names the host: {line}");
    assert!(line.contains("not trusted"), "{line}");
    assert!(
        line.contains("--ca-file") && line.contains("--insecure"),
        "says what to do: {line}"
    );
    let out = workdir();
    let line = run_err(
        artifact()
            .args(["pull", &reg.reference("tls/none:v1"), "-o"])
            .arg(out.path()),
        1,
        "not trusted",
    );
    assert!(line.contains(&reg.addr()), "names the host: {line}");

    // A certificate does not heal: no retry (five of them took ~7 s).
    let o = artifact()
        .args(["resolve", "--debug", &reg.reference("tls/none:v1")])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("retrying"), "{stderr}");
    assert!(reg.requests().is_empty(), "{:?}", reg.requests());
}

#[test]
fn ca_file_push_pull_roundtrip() {
    let pki = Pki::new();
    let reg = Registry::start_tls(&pki.server_cert(GOOD_SAN));
    let ca = pki.ca_path();
    let ca = ca.to_str().unwrap();
    let src = source();
    let o = run_ok(&mut push_cmd(
        src.path(),
        &reg.reference("tls/ca:v1"),
        &["--ca-file", ca],
    ));
    let digest = printed_digest(&stdout_of(&o));
    assert_eq!(
        pull_and_check(&reg.reference("tls/ca:v1"), &["--ca-file", ca]),
        digest
    );
    // The certificate names `localhost` too.
    let port = reg.addr().rsplit(':').next().unwrap().to_string();
    assert_eq!(
        pull_and_check(&format!("localhost:{port}/tls/ca:v1"), &["--ca-file", ca]),
        digest
    );
    // It was HTTPS all along: the registry logged the requests it served.
    assert!(
        reg.requests()
            .iter()
            .any(|r| r.starts_with("PUT /v2/tls/ca/manifests/v1")),
        "{:?}",
        reg.requests()
    );
}

#[test]
fn insecure_skips_verification() {
    let pki = Pki::new();
    let reg = Registry::start_tls(&pki.server_cert(GOOD_SAN));
    let src = source();
    let o = run_ok(&mut push_cmd(
        src.path(),
        &reg.reference("tls/insecure:v1"),
        &["--insecure"],
    ));
    let digest = printed_digest(&stdout_of(&o));
    assert_eq!(
        pull_and_check(&reg.reference("tls/insecure:v1"), &["--insecure"]),
        digest
    );
}

#[test]
fn unusable_ca_files_are_named() {
    let pki = Pki::new();
    let reg = Registry::start_tls(&pki.server_cert(GOOD_SAN));
    let src = source();
    let reference = reg.reference("tls/badca:v1");
    let junk = write_file(src.path(), "junk.pem", &pseudo_random(300, 9));
    let text = write_file(src.path(), "notes.txt", b"not a certificate\n");
    for (file, what) in [
        (junk, "no PEM certificate"),
        (text, "no PEM certificate"),
        // PEM, but a private key only.
        (pki.ca_key_path(), "no PEM certificate"),
        (src.path().join("missing.pem"), "cannot read CA file"),
    ] {
        let file = file.to_str().unwrap();
        let line = run_err(
            &mut push_cmd(src.path(), &reference, &["--ca-file", file]),
            1,
            what,
        );
        assert!(line.contains(file), "names the file: {line}");
        assert!(
            !line.contains("(os error 2): No such file"),
            "says it once: {line}"
        );
    }
    assert!(reg.requests().is_empty(), "{:?}", reg.requests());
}

#[test]
fn certificate_for_another_name_is_refused_unless_insecure() {
    let pki = Pki::new();
    let reg = Registry::start_tls(&pki.server_cert("DNS:example.com"));
    let ca = pki.ca_path();
    let src = source();
    let reference = reg.reference("tls/name:v1");
    let line = run_err(
        &mut push_cmd(src.path(), &reference, &["--ca-file", ca.to_str().unwrap()]),
        1,
        "does not match the host name",
    );
    assert!(line.contains(&reg.addr()), "names the host: {line}");
    assert!(
        line.contains("example.com"),
        "names the certificate's: {line}"
    );
    assert!(line.contains("--insecure"), "{line}");

    let o = run_ok(&mut push_cmd(src.path(), &reference, &["--insecure"]));
    let digest = printed_digest(&stdout_of(&o));
    assert_eq!(pull_and_check(&reference, &["--insecure"]), digest);
}

#[test]
fn login_over_tls_with_ca_file() {
    let pki = Pki::new();
    let reg = Registry::start_tls_htpasswd(&pki.server_cert(GOOD_SAN), USER, PASSWORD);
    let ca = pki.ca_path();
    let ca = ca.to_str().unwrap();
    let login = || {
        let mut cmd = artifact();
        cmd.env("ARTIFACT_NO_KEYRING", "1").args([
            "login",
            &reg.addr(),
            "-u",
            USER,
            "-p",
            PASSWORD,
        ]);
        cmd
    };
    let config = test_home().join(".docker").join("config.json");

    let line = run_err(&mut login(), 1, "not trusted");
    assert!(line.contains(&reg.addr()), "{line}");
    assert!(!config.exists(), "a failed login stores nothing");

    let o = run_ok(login().args(["--ca-file", ca]));
    assert!(
        stdout_of(&o).contains("Login Succeeded"),
        "{}",
        stdout_of(&o)
    );
    let stored: serde_json::Value = serde_json::from_slice(&read_file(&config)).unwrap();
    assert_eq!(
        stored["auths"][reg.addr()]["auth"],
        basic_auth(USER, PASSWORD).as_str(),
        "{stored}"
    );

    // The stored login and the CA are all a push needs.
    let src = source();
    let o = run_ok(&mut push_cmd(
        src.path(),
        &reg.reference("tls/login:v1"),
        &["--ca-file", ca],
    ));
    let digest = printed_digest(&stdout_of(&o));
    assert_eq!(
        pull_and_check(&reg.reference("tls/login:v1"), &["--ca-file", ca]),
        digest
    );
}
