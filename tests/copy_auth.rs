//! `artifact copy` between registries that want different credentials (and settings) at each
//! end: `--from-*` / `--to-*` flags, `ARTIFACT_FROM_*` / `ARTIFACT_TO_*`, the shared `-u/-p`,
//! and stored logins, against real `docker-registry` instances with `auth: htpasswd` (and one
//! with `auth: token`).
//!
//! Every command runs with `ARTIFACT_NO_KEYRING=1` and no credential variables inherited.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::auth::{basic_auth, IssuerConfig, TokenIssuer};
use common::*;
use serde_json::Value;

const ALICE: (&str, &str) = ("alice", "a-pass");
const BOB: (&str, &str) = ("bob", "b-pass");

/// `artifact` with the OS keyring off and no credentials from the environment.
fn art() -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.env("ARTIFACT_NO_KEYRING", "1");
    for side in ["", "FROM_", "TO_"] {
        for what in ["USERNAME", "PASSWORD"] {
            cmd.env_remove(format!("ARTIFACT_{side}{what}"));
        }
    }
    cmd
}

/// The source registry (alice) and the destination registry (bob), and the digest of
/// `src/app:v1`, pushed to the source with alice's credentials.
fn two_registries(work: &Path) -> (Registry, Registry, String) {
    let src = Registry::start_htpasswd(ALICE.0, ALICE.1);
    let dst = Registry::start_htpasswd(BOB.0, BOB.1);
    write_file(work, "a.txt", b"copied between registries\n");
    write_file(work, "b.bin", &pseudo_random(200_000, 11));
    let out = run_ok(
        art()
            .current_dir(work)
            .args(["push", "--plain-http", &src.reference("src/app:v1")])
            .args(["a.txt", "b.bin"])
            .args(["-u", ALICE.0, "-p", ALICE.1]),
    );
    let digest = printed_digest(&stdout_of(&out));
    (src, dst, digest)
}

/// `GET /v2/<repo>/manifests/<reference>` with Basic credentials: the digest of the bytes
/// (checked against the registry's header), or `None` on 404.
fn manifest_digest(
    reg: &Registry,
    (user, pass): (&str, &str),
    repo: &str,
    reference: &str,
) -> Option<String> {
    let auth = format!("Basic {}", basic_auth(user, pass));
    let r = http_request(
        &reg.addr(),
        "GET",
        &format!("/v2/{repo}/manifests/{reference}"),
        &[("Accept", MANIFEST_ACCEPT), ("Authorization", &auth)],
        &[],
    )
    .expect("GET manifest");
    if r.status == 404 {
        return None;
    }
    assert_eq!(
        r.status,
        200,
        "GET {repo}:{reference}: {}",
        String::from_utf8_lossy(&r.body)
    );
    let digest = format!("sha256:{}", sha256_hex(&r.body));
    assert_eq!(r.headers.get("docker-content-digest"), Some(&digest));
    Some(digest)
}

/// `artifact copy --plain-http <src>/src/app:v1 <dst>/dst/app:v1 <args...>`.
fn copy_cmd(src: &Registry, dst: &Registry, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = art();
    cmd.args(["copy", "--plain-http"])
        .args(args)
        .arg(src.reference("src/app:v1"))
        .arg(dst.reference("dst/app:v1"));
    cmd
}

/// Pulls `dst/app:v1` from the destination as bob and checks the files.
fn pull_from_destination(dst: &Registry, digest: &str) {
    let out = workdir();
    let o = run_ok(
        art()
            .args(["pull", "--plain-http", &dst.reference("dst/app:v1"), "-o"])
            .arg(out.path())
            .args(["-u", BOB.0, "-p", BOB.1]),
    );
    assert_eq!(printed_digest(&stdout_of(&o)), digest);
    assert_eq!(
        read_file(&out.path().join("a.txt")),
        b"copied between registries\n"
    );
    assert_eq!(
        read_file(&out.path().join("b.bin")),
        pseudo_random(200_000, 11)
    );
}

#[test]
fn copy_with_credentials_for_each_end() {
    let work = workdir();
    let (src, dst, digest) = two_registries(work.path());
    let o = run_ok(&mut copy_cmd(
        &src,
        &dst,
        &[
            "--from-username",
            ALICE.0,
            "--from-password",
            ALICE.1,
            "--to-username",
            BOB.0,
            "--to-password",
            BOB.1,
        ],
    ));
    assert_eq!(printed_digest(&stdout_of(&o)), digest);
    assert_eq!(
        manifest_digest(&dst, BOB, "dst/app", "v1").as_deref(),
        Some(digest.as_str()),
        "the destination holds the source's manifest"
    );
    assert_eq!(
        manifest_digest(&src, ALICE, "src/app", "v1").as_deref(),
        Some(digest.as_str())
    );
    pull_from_destination(&dst, &digest);
    assert!(
        !test_home().join(".docker/config.json").exists(),
        "flags store nothing"
    );
}

#[test]
fn shared_credentials_fail_at_the_destination() {
    let work = workdir();
    let (src, dst, _) = two_registries(work.path());
    let line = run_err(
        &mut copy_cmd(&src, &dst, &["-u", ALICE.0, "-p", ALICE.1]),
        1,
        &format!("{}: authentication required", dst.addr()),
    );
    assert!(
        !line.contains(&format!("{}: authentication", src.addr())),
        "the source accepted alice: {line}"
    );
    assert_eq!(manifest_digest(&dst, BOB, "dst/app", "v1"), None);

    // Only one end's credentials: the other end has none (no login stored) and is refused.
    run_err(
        &mut copy_cmd(
            &src,
            &dst,
            &["--from-username", ALICE.0, "--from-password", ALICE.1],
        ),
        1,
        &format!("{}: authentication required", dst.addr()),
    );
    run_err(
        &mut copy_cmd(
            &src,
            &dst,
            &["--to-username", BOB.0, "--to-password", BOB.1],
        ),
        1,
        &format!("{}: authentication required", src.addr()),
    );
    // A side username without a side password is a usage error, before any request.
    let line = run_err(
        &mut copy_cmd(&src, &dst, &["--from-username", ALICE.0, "-p", ALICE.1]),
        2,
        "--from-password",
    );
    assert!(line.contains("ARTIFACT_FROM_PASSWORD"), "{line}");
}

#[test]
fn stored_logins_for_both_registries_need_no_flags() {
    let work = workdir();
    let (src, dst, digest) = two_registries(work.path());
    for (reg, (user, pass)) in [(&src, ALICE), (&dst, BOB)] {
        run_ok(art().args(["login", "--plain-http", &reg.addr(), "-u", user, "-p", pass]));
    }
    let config: Value =
        serde_json::from_slice(&read_file(&test_home().join(".docker/config.json")))
            .expect("config.json is JSON");
    assert_eq!(
        config["auths"][src.addr()]["auth"],
        basic_auth(ALICE.0, ALICE.1)
    );
    assert_eq!(
        config["auths"][dst.addr()]["auth"],
        basic_auth(BOB.0, BOB.1)
    );

    let o = run_ok(&mut copy_cmd(&src, &dst, &[]));
    assert_eq!(printed_digest(&stdout_of(&o)), digest);
    assert_eq!(
        manifest_digest(&dst, BOB, "dst/app", "v1").as_deref(),
        Some(digest.as_str())
    );

    // Side flags beat the stored login for their end only.
    run_err(
        &mut copy_cmd(
            &src,
            &dst,
            &["--to-username", BOB.0, "--to-password", "wrong"],
        ),
        1,
        &format!("{}: authentication required", dst.addr()),
    );
}

#[test]
fn environment_variables_for_each_end() {
    let work = workdir();
    let (src, dst, digest) = two_registries(work.path());
    let o = run_ok(
        copy_cmd(&src, &dst, &[])
            .env("ARTIFACT_FROM_USERNAME", ALICE.0)
            .env("ARTIFACT_FROM_PASSWORD", ALICE.1)
            .env("ARTIFACT_TO_USERNAME", BOB.0)
            .env("ARTIFACT_TO_PASSWORD", BOB.1),
    );
    assert_eq!(printed_digest(&stdout_of(&o)), digest);
    assert_eq!(
        manifest_digest(&dst, BOB, "dst/app", "v1").as_deref(),
        Some(digest.as_str())
    );

    // The shared variables serve the end without its own; the destination's variables
    // override them there.
    let mut cmd = art();
    cmd.args(["copy", "--plain-http"])
        .arg(src.reference("src/app:v1"))
        .arg(dst.reference("dst/env:v2"))
        .env("ARTIFACT_USERNAME", ALICE.0)
        .env("ARTIFACT_PASSWORD", ALICE.1)
        .env("ARTIFACT_TO_USERNAME", BOB.0)
        .env("ARTIFACT_TO_PASSWORD", BOB.1);
    run_ok(&mut cmd);
    assert_eq!(
        manifest_digest(&dst, BOB, "dst/env", "v2").as_deref(),
        Some(digest.as_str())
    );

    // A flag beats its variable.
    run_ok(
        copy_cmd(&src, &dst, &["--to-password", BOB.1])
            .env("ARTIFACT_FROM_USERNAME", ALICE.0)
            .env("ARTIFACT_FROM_PASSWORD", ALICE.1)
            .env("ARTIFACT_TO_USERNAME", BOB.0)
            .env("ARTIFACT_TO_PASSWORD", "wrong"),
    );
    run_err(
        copy_cmd(&src, &dst, &["--from-password", "wrong"])
            .env("ARTIFACT_FROM_USERNAME", ALICE.0)
            .env("ARTIFACT_FROM_PASSWORD", ALICE.1)
            .env("ARTIFACT_TO_USERNAME", BOB.0)
            .env("ARTIFACT_TO_PASSWORD", BOB.1),
        1,
        &format!("{}: authentication required", src.addr()),
    );
}

#[test]
fn source_credentials_to_an_oci_layout() {
    let work = workdir();
    let (src, _dst, digest) = two_registries(work.path());
    let layout = work.path().join("layout");
    let o = run_ok(
        art()
            .args(["copy", "--plain-http", "--to-oci-layout"])
            .args(["--from-username", ALICE.0, "--from-password", ALICE.1])
            .arg(src.reference("src/app:v1"))
            .arg(format!("{}:saved", layout.display())),
    );
    assert_eq!(printed_digest(&stdout_of(&o)), digest);
    let index: Value =
        serde_json::from_slice(&read_file(&layout.join("index.json"))).expect("index.json");
    let entry = index["manifests"]
        .as_array()
        .expect("manifests")
        .iter()
        .find(|m| m["annotations"]["org.opencontainers.image.ref.name"] == "saved")
        .unwrap_or_else(|| panic!("no entry tagged saved: {index}"));
    assert_eq!(entry["digest"], digest.as_str());
    let out = workdir();
    run_ok(
        art()
            .args(["pull", "--oci-layout"])
            .arg(format!("{}:saved", layout.display()))
            .arg("-o")
            .arg(out.path()),
    );
    assert_eq!(
        read_file(&out.path().join("b.bin")),
        pseudo_random(200_000, 11)
    );
}

#[test]
fn plain_http_for_each_end() {
    let work = workdir();
    let (src, dst, digest) = two_registries(work.path());
    let creds = [
        "--from-username",
        ALICE.0,
        "--from-password",
        ALICE.1,
        "--to-username",
        BOB.0,
        "--to-password",
        BOB.1,
    ];
    let mut cmd = art();
    cmd.args(["copy", "--from-plain-http", "--to-plain-http"])
        .args(creds)
        .arg(src.reference("src/app:v1"))
        .arg(dst.reference("dst/app:v1"));
    run_ok(&mut cmd);
    assert_eq!(
        manifest_digest(&dst, BOB, "dst/app", "v1").as_deref(),
        Some(digest.as_str())
    );
    // Plain HTTP for the source only: the destination is spoken to over HTTPS, which this
    // plain-HTTP registry cannot answer.
    let mut cmd = art();
    cmd.args(["copy", "--retries", "0", "--from-plain-http"])
        .args(creds)
        .arg(src.reference("src/app:v1"))
        .arg(dst.reference("dst/app:v2"));
    let line = run_err(&mut cmd, 1, &format!("{}: ", dst.addr()));
    assert!(
        !line.contains(&format!("{}: ", src.addr())),
        "the source was reached over plain HTTP: {line}"
    );
}

#[test]
fn one_registry_with_different_credentials_copies_instead_of_mounting() {
    // admin may do anything; alice may only pull; bob may only touch `same/dst`.
    let issuer = TokenIssuer::start(IssuerConfig {
        users: vec![
            ("admin".into(), "adm-pass".into()),
            (ALICE.0.into(), ALICE.1.into()),
            (BOB.0.into(), BOB.1.into()),
        ],
        policy: Arc::new(|user, _typ, name, requested| match user {
            Some("admin") => requested.to_vec(),
            Some("alice") => requested.iter().filter(|a| *a == "pull").cloned().collect(),
            Some("bob") if name == "same/dst" => requested.to_vec(),
            _ => Vec::new(),
        }),
        ..IssuerConfig::default()
    });
    let reg = Registry::start_token(&issuer);
    let work = workdir();
    write_file(work.path(), "f.bin", &pseudo_random(50_000, 21));
    let o = run_ok(
        art()
            .current_dir(work.path())
            .args([
                "push",
                "--plain-http",
                &reg.reference("same/src:v1"),
                "f.bin",
            ])
            .args(["-u", "admin", "-p", "adm-pass"]),
    );
    let digest = printed_digest(&stdout_of(&o));

    let o = run_ok(
        art()
            .args(["copy", "--plain-http", "--format", "json"])
            .args(["--from-username", ALICE.0, "--from-password", ALICE.1])
            .args(["--to-username", BOB.0, "--to-password", BOB.1])
            .arg(reg.reference("same/src:v1"))
            .arg(reg.reference("same/dst:v1")),
    );
    let v: Value = serde_json::from_str(stdout_of(&o).trim()).expect("JSON output");
    assert_eq!(v["digest"], digest.as_str());
    assert_eq!(
        v["mounted"], 0,
        "bob cannot read same/src, so no mount: {v}"
    );
    assert_eq!(
        v["copied"], 3,
        "the layer, the config and the manifest: {v}"
    );
    let requests = reg.requests();
    assert!(
        !requests.iter().any(|r| r.contains("mount=")),
        "{requests:#?}"
    );
    assert!(
        !issuer
            .requests()
            .iter()
            .any(|r| r.user.as_deref() == Some("bob")
                && r.scopes
                    .iter()
                    .any(|s| s.starts_with("repository:same/src:"))),
        "bob's token is never asked to cover the source"
    );
    let out = workdir();
    let o = run_ok(
        art()
            .args(["pull", "--plain-http", &reg.reference("same/dst:v1"), "-o"])
            .arg(out.path())
            .args(["-u", BOB.0, "-p", BOB.1]),
    );
    assert_eq!(printed_digest(&stdout_of(&o)), digest);
    assert_eq!(
        read_file(&out.path().join("f.bin")),
        pseudo_random(50_000, 21)
    );
}
