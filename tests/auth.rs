//! Login, logout and registry authentication against real parts: distribution with
//! `auth: htpasswd` (Basic) and with `auth: token` (Bearer, from a token issuer the tests
//! run), `config.json` as docker writes it, and credential helpers.
//!
//! Every command runs with `ARTIFACT_NO_KEYRING=1` (the OS keyring has its own tests in
//! `tests/keyring.rs`) and the harness's private `HOME`/`DOCKER_CONFIG`.

mod common;

use std::path::{Path, PathBuf};

use common::auth::{basic_auth, IssuerConfig, TokenIssuer, TokenRequest};
use common::*;
use serde_json::{json, Value};

const USER: &str = "alice";
const PASSWORD: &str = "s3cret-Pa55w0rd";
const REFRESH_TOKEN: &str = "refresh-7f3a9c-identity";

/// `artifact` with the OS keyring off.
fn art() -> assert_cmd::Command {
    let mut cmd = artifact();
    cmd.env("ARTIFACT_NO_KEYRING", "1")
        .env_remove("ARTIFACT_USERNAME")
        .env_remove("ARTIFACT_PASSWORD");
    cmd
}

fn config_path() -> PathBuf {
    test_home().join(".docker").join("config.json")
}

fn read_config() -> Value {
    let raw = std::fs::read(config_path()).expect("config.json exists");
    serde_json::from_slice(&raw).expect("config.json is JSON")
}

fn write_config(v: &Value) {
    let p = config_path();
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
}

/// `auths[host]` of config.json, if the file and the entry exist.
fn auth_entry(host: &str) -> Option<Value> {
    if !config_path().exists() {
        return None;
    }
    read_config()["auths"].get(host).cloned()
}

fn stderr_of(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A source dir with `a.txt` and `b.bin`.
fn source() -> tempfile::TempDir {
    let src = workdir();
    write_file(src.path(), "a.txt", b"hello auth\n");
    write_file(src.path(), "b.bin", &pseudo_random(4096, 3));
    src
}

fn push_cmd(reg: &Registry, src: &Path, reference: &str) -> assert_cmd::Command {
    let mut cmd = art();
    cmd.current_dir(src)
        .args(["push", "--plain-http", &reg.reference(reference)])
        .args(["a.txt", "b.bin"]);
    cmd
}

fn pull_cmd(reg: &Registry, reference: &str, out: &Path) -> assert_cmd::Command {
    let mut cmd = art();
    cmd.args(["pull", "--plain-http", &reg.reference(reference), "-o"])
        .arg(out);
    cmd
}

/// Pulls and checks the files [`source`] pushed.
fn pull_and_check(cmd: &mut assert_cmd::Command, out: &Path) -> String {
    let o = run_ok(cmd);
    assert_eq!(read_file(&out.join("a.txt")), b"hello auth\n");
    assert_eq!(read_file(&out.join("b.bin")), pseudo_random(4096, 3));
    printed_digest(&stdout_of(&o))
}

fn login_cmd(reg: &Registry) -> assert_cmd::Command {
    let mut cmd = art();
    cmd.args(["login", "--plain-http", &reg.addr()]);
    cmd
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

// ---------------------------------------------------------------------------------------
// Basic auth (htpasswd)
// ---------------------------------------------------------------------------------------

#[test]
fn htpasswd_without_credentials_fails_cleanly() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let src = source();
    let line = run_err(
        &mut push_cmd(&reg, src.path(), "basic/none:v1"),
        1,
        "authentication",
    );
    assert!(line.contains(&reg.addr()), "names the host: {line}");
    let out = workdir();
    let line = run_err(
        &mut pull_cmd(&reg, "basic/none:v1", out.path()),
        1,
        "authentication",
    );
    assert!(line.contains(&reg.addr()), "names the host: {line}");
    assert!(!config_path().exists(), "a failed command writes no config");
}

#[test]
fn htpasswd_login_with_wrong_password_stores_nothing() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let line = run_err(
        login_cmd(&reg).args(["-u", USER, "-p", "wrong-password"]),
        1,
        "login",
    );
    assert!(line.contains(&reg.addr()), "{line}");
    assert!(!line.contains("wrong-password"), "{line}");
    assert_eq!(auth_entry(&reg.addr()), None);
    // An unknown user too.
    run_err(
        login_cmd(&reg).args(["-u", "mallory", "-p", PASSWORD]),
        1,
        "login",
    );
    assert_eq!(auth_entry(&reg.addr()), None);
}

#[test]
fn htpasswd_login_push_pull_logout() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let host = reg.addr();
    let o = run_ok(login_cmd(&reg).args(["-u", USER, "-p", PASSWORD]));
    let stdout = stdout_of(&o);
    let stderr = stderr_of(&o);
    assert!(stdout.contains("Login Succeeded"), "{stdout}");
    assert!(
        stderr.contains("notice:") && stderr.contains("0600"),
        "a notice says where the credentials went: {stderr}"
    );
    assert!(
        stderr.contains(&config_path().display().to_string()),
        "{stderr}"
    );
    #[cfg(unix)]
    assert_eq!(mode(&config_path()), 0o600, "config.json is private");
    assert_eq!(
        auth_entry(&host).expect("an auths entry")["auth"],
        json!(basic_auth(USER, PASSWORD))
    );

    // No flags needed any more.
    let src = source();
    let o = run_ok(&mut push_cmd(&reg, src.path(), "basic/login:v1"));
    let pushed = printed_digest(&stdout_of(&o));
    let out = workdir();
    let pulled = pull_and_check(
        &mut pull_cmd(&reg, "basic/login:v1", out.path()),
        out.path(),
    );
    assert_eq!(pushed, pulled);

    let o = run_ok(art().args(["logout", &host]));
    assert!(
        stdout_of(&o).contains("Removed credentials"),
        "{}",
        stdout_of(&o)
    );
    assert_eq!(auth_entry(&host), None, "logout removed the entry");
    #[cfg(unix)]
    assert_eq!(mode(&config_path()), 0o600);
    let out = workdir();
    run_err(
        &mut pull_cmd(&reg, "basic/login:v1", out.path()),
        1,
        "authentication",
    );
    let o = run_ok(art().args(["logout", &host]));
    assert!(stdout_of(&o).contains("Not logged in"), "{}", stdout_of(&o));
}

#[test]
fn htpasswd_flags_and_environment_work_without_login() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let src = source();
    run_ok(push_cmd(&reg, src.path(), "basic/flags:v1").args(["-u", USER, "-p", PASSWORD]));
    let out = workdir();
    pull_and_check(
        pull_cmd(&reg, "basic/flags:v1", out.path())
            .env("ARTIFACT_USERNAME", USER)
            .env("ARTIFACT_PASSWORD", PASSWORD),
        out.path(),
    );
    let out = workdir();
    pull_and_check(
        pull_cmd(&reg, "basic/flags:v1", out.path())
            .args(["-u", USER, "--password-stdin"])
            .write_stdin(format!("{PASSWORD}\n")),
        out.path(),
    );
    // Wrong ones are refused, and flags win over a good stored login.
    let out = workdir();
    run_err(
        pull_cmd(&reg, "basic/flags:v1", out.path()).args(["-u", USER, "-p", "nope"]),
        1,
        "authentication",
    );
    assert!(!config_path().exists(), "flags store nothing");
    write_config(&json!({"auths": {reg.addr(): {"auth": basic_auth(USER, PASSWORD)}}}));
    run_err(
        pull_cmd(&reg, "basic/flags:v1", out.path())
            .env("ARTIFACT_USERNAME", USER)
            .env("ARTIFACT_PASSWORD", "nope"),
        1,
        "authentication",
    );
}

#[test]
fn htpasswd_login_with_password_stdin() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    run_ok(
        login_cmd(&reg)
            .args(["-u", USER, "--password-stdin"])
            .write_stdin(format!("{PASSWORD}\n")),
    );
    assert_eq!(
        auth_entry(&reg.addr()).expect("an auths entry")["auth"],
        json!(basic_auth(USER, PASSWORD)),
        "the trailing newline is not part of the password"
    );
    let src = source();
    run_ok(&mut push_cmd(&reg, src.path(), "basic/stdin:v1"));
}

#[test]
fn htpasswd_config_written_by_docker_login_works() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    // What `docker login 127.0.0.1:PORT` writes (tab-indented, `auth` only).
    let p = config_path();
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(
        &p,
        format!(
            "{{\n\t\"auths\": {{\n\t\t\"{}\": {{\n\t\t\t\"auth\": \"{}\"\n\t\t}}\n\t}}\n}}",
            reg.addr(),
            basic_auth(USER, PASSWORD)
        ),
    )
    .unwrap();
    let src = source();
    run_ok(&mut push_cmd(&reg, src.path(), "basic/docker:v1"));
    // Older docker versions key the entry by URL.
    write_config(
        &json!({"auths": {format!("http://{}/v2/", reg.addr()): {"auth": basic_auth(USER, PASSWORD)}}}),
    );
    let out = workdir();
    pull_and_check(
        &mut pull_cmd(&reg, "basic/docker:v1", out.path()),
        out.path(),
    );
    // A wrong stored password is reported, not ignored.
    write_config(&json!({"auths": {reg.addr(): {"auth": basic_auth(USER, "stale")}}}));
    let out = workdir();
    run_err(
        &mut pull_cmd(&reg, "basic/docker:v1", out.path()),
        1,
        "authentication",
    );
}

#[test]
fn login_and_logout_keep_unrelated_config() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let other = json!({"auth": basic_auth("bob", "other-pass"), "email": "bob@example.com"});
    let original = json!({
        "auths": {"other.example": other},
        "credHelpers": {"other.example": "x"},
        "proxies": {"default": {"httpProxy": "http://proxy.invalid:3128", "noProxy": "*.local"}},
        "psFormat": "table {{.ID}}",
        "experimental": "enabled",
    });
    write_config(&original);
    run_ok(login_cmd(&reg).args(["-u", USER, "-p", PASSWORD]));
    let cfg = read_config();
    for key in ["credHelpers", "proxies", "psFormat", "experimental"] {
        assert_eq!(cfg[key], original[key], "{key} is kept: {cfg}");
    }
    assert_eq!(cfg["auths"]["other.example"], other, "{cfg}");
    assert_eq!(
        cfg["auths"][reg.addr()]["auth"],
        json!(basic_auth(USER, PASSWORD))
    );
    #[cfg(unix)]
    assert_eq!(mode(&config_path()), 0o600);

    let src = source();
    run_ok(&mut push_cmd(&reg, src.path(), "basic/kept:v1"));
    run_ok(art().args(["logout", &reg.addr()]));
    assert_eq!(
        read_config(),
        original,
        "logout leaves everything else as it was"
    );
}

#[test]
fn debug_output_never_shows_the_password() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let encoded = basic_auth(USER, PASSWORD);
    let check = |o: &std::process::Output, what: &str| {
        for (name, text) in [("stdout", stdout_of(o)), ("stderr", stderr_of(o))] {
            assert!(
                !text.contains(PASSWORD),
                "{what}: {name} shows the password:\n{text}"
            );
            assert!(
                !text.contains(&encoded),
                "{what}: {name} shows base64(user:pass):\n{text}"
            );
        }
        let stderr = stderr_of(o);
        assert!(
            stderr.contains("authorization: Basic <redacted>"),
            "{what}: the trace shows the redacted header:\n{stderr}"
        );
    };
    let o = run_ok(login_cmd(&reg).args(["--debug", "-u", USER, "-p", PASSWORD]));
    check(&o, "login");
    let src = source();
    let o = run_ok(push_cmd(&reg, src.path(), "basic/debug:v1").arg("--debug"));
    check(&o, "push");
    let out = workdir();
    let o = run_ok(
        pull_cmd(&reg, "basic/debug:v1", out.path())
            .arg("--debug")
            .args(["-u", USER, "-p", PASSWORD]),
    );
    check(&o, "pull with flags");
    // A rejected password is not echoed either.
    let o = art()
        .args(["login", "--plain-http", "--debug", &reg.addr(), "-u", USER])
        .args(["-p", "Wr0ng-Secret-Value"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr_of(&o).contains("Wr0ng-Secret-Value"));
    assert!(!stderr_of(&o).contains(&basic_auth(USER, "Wr0ng-Secret-Value")));
}

#[test]
fn missing_credential_helper_is_named() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    write_config(&json!({"credsStore": "artifact-test-nonexistent"}));
    let src = source();
    run_err(
        &mut push_cmd(&reg, src.path(), "basic/helper:v1"),
        1,
        "docker-credential-artifact-test-nonexistent",
    );
    run_err(
        login_cmd(&reg).args(["-u", USER, "-p", PASSWORD]),
        1,
        "docker-credential-artifact-test-nonexistent",
    );
    assert_eq!(
        read_config(),
        json!({"credsStore": "artifact-test-nonexistent"}),
        "nothing fell back to the file"
    );
    // Same for a per-registry helper.
    write_config(&json!({"credHelpers": {reg.addr(): "artifact-test-other"}}));
    run_err(
        &mut push_cmd(&reg, src.path(), "basic/helper:v1"),
        1,
        "docker-credential-artifact-test-other",
    );
}

// ---------------------------------------------------------------------------------------
// Bearer tokens
// ---------------------------------------------------------------------------------------

fn issuer_config() -> IssuerConfig {
    IssuerConfig {
        users: vec![(USER.into(), PASSWORD.into())],
        refresh_tokens: vec![(REFRESH_TOKEN.into(), USER.into())],
        ..IssuerConfig::default()
    }
}

fn token_setup(cfg: IssuerConfig) -> (TokenIssuer, Registry) {
    let issuer = TokenIssuer::start(cfg);
    let reg = Registry::start_token(&issuer);
    (issuer, reg)
}

fn describe(reqs: &[TokenRequest]) -> String {
    reqs.iter()
        .map(|r| {
            format!(
                "{} {:?} auth={} user={:?} scopes={:?} -> {}",
                r.method, r.grant_type, r.authorization, r.user, r.scopes, r.status
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Pushes `a.txt`/`b.bin` to `reference` as alice, with flags; then forgets the requests.
fn seed(issuer: &TokenIssuer, reg: &Registry, reference: &str) -> tempfile::TempDir {
    let src = source();
    run_ok(push_cmd(reg, src.path(), reference).args(["-u", USER, "-p", PASSWORD]));
    issuer.clear();
    src
}

#[test]
fn token_anonymous_pull_works_and_push_is_refused() {
    let (issuer, reg) = token_setup(issuer_config());
    let src = seed(&issuer, &reg, "public/files:v1");

    let out = workdir();
    pull_and_check(
        &mut pull_cmd(&reg, "public/files:v1", out.path()),
        out.path(),
    );
    let reqs = issuer.requests();
    assert!(!reqs.is_empty(), "the client asked the issuer for a token");
    assert!(
        reqs.iter()
            .all(|r| !r.authorization && r.method == "GET" && r.status == 200),
        "anonymous GETs only:\n{}",
        describe(&reqs)
    );
    assert!(
        reqs.iter().any(|r| r
            .scopes
            .contains(&"repository:public/files:pull".to_string())),
        "asked for pull on the repository:\n{}",
        describe(&reqs)
    );
    assert!(
        reqs.iter()
            .all(|r| r.service.as_deref() == Some(issuer.service())),
        "service is passed on:\n{}",
        describe(&reqs)
    );

    issuer.clear();
    run_err(
        &mut push_cmd(&reg, src.path(), "public/files:v2"),
        1,
        &reg.addr(),
    );
    let reqs = issuer.requests();
    assert!(
        reqs.iter().any(|r| r
            .scopes
            .contains(&"repository:public/files:pull,push".to_string())),
        "asked for push:\n{}",
        describe(&reqs)
    );
    assert!(reqs.iter().all(|r| !r.authorization), "{}", describe(&reqs));
}

#[test]
fn token_login_then_push_and_pull() {
    let (issuer, reg) = token_setup(issuer_config());
    run_ok(login_cmd(&reg).args(["-u", USER, "-p", PASSWORD]));
    let reqs = issuer.requests();
    assert!(
        reqs.iter()
            .any(|r| r.method == "GET" && r.authorization && r.user.as_deref() == Some(USER)),
        "login presented Basic credentials to the realm:\n{}",
        describe(&reqs)
    );
    assert_eq!(
        auth_entry(&reg.addr()).expect("an auths entry")["auth"],
        json!(basic_auth(USER, PASSWORD))
    );

    issuer.clear();
    let src = source();
    run_ok(&mut push_cmd(&reg, src.path(), "team/app:v1"));
    let reqs = issuer.requests();
    assert!(
        reqs.iter().any(|r| r.user.as_deref() == Some(USER)
            && r.scopes
                .contains(&"repository:team/app:pull,push".to_string())),
        "push asked for pull,push as alice:\n{}",
        describe(&reqs)
    );
    assert!(
        reqs.iter().all(|r| r.authorization && r.status == 200),
        "{}",
        describe(&reqs)
    );

    issuer.clear();
    let out = workdir();
    pull_and_check(&mut pull_cmd(&reg, "team/app:v1", out.path()), out.path());
    let reqs = issuer.requests();
    assert!(
        reqs.iter().any(|r| r.user.as_deref() == Some(USER)
            && r.scopes.contains(&"repository:team/app:pull".to_string())),
        "{}",
        describe(&reqs)
    );

    run_ok(art().args(["logout", &reg.addr()]));
    run_err(
        &mut push_cmd(&reg, src.path(), "team/app:v2"),
        1,
        &reg.addr(),
    );
}

#[test]
fn token_login_with_wrong_password_fails() {
    let (issuer, reg) = token_setup(issuer_config());
    let line = run_err(
        login_cmd(&reg).args(["-u", USER, "-p", "not-the-password"]),
        1,
        "login",
    );
    assert!(!line.contains("not-the-password"), "{line}");
    assert_eq!(auth_entry(&reg.addr()), None);
    let reqs = issuer.requests();
    assert!(
        reqs.iter().any(|r| r.authorization && r.status == 401),
        "the realm refused the credentials:\n{}",
        describe(&reqs)
    );
    // A push with wrong flags fails the same way, without a retry storm.
    issuer.clear();
    let src = source();
    run_err(
        push_cmd(&reg, src.path(), "team/wrong:v1").args(["-u", USER, "-p", "nope"]),
        1,
        &reg.addr(),
    );
    assert!(
        issuer.requests().len() <= 3,
        "{}",
        describe(&issuer.requests())
    );
}

#[test]
fn token_identity_token_is_exchanged_by_post() {
    let (issuer, reg) = token_setup(issuer_config());
    let o = run_ok(login_cmd(&reg).args(["--identity-token", REFRESH_TOKEN]));
    assert!(stdout_of(&o).contains("Login Succeeded"));
    let reqs = issuer.requests();
    assert!(
        reqs.iter().any(|r| r.method == "POST"
            && r.grant_type.as_deref() == Some("refresh_token")
            && r.user.as_deref() == Some(USER)),
        "login exchanged the refresh token:\n{}",
        describe(&reqs)
    );
    let entry = auth_entry(&reg.addr()).expect("an auths entry");
    assert_eq!(entry["identitytoken"], json!(REFRESH_TOKEN), "{entry}");

    issuer.clear();
    let src = source();
    run_ok(&mut push_cmd(&reg, src.path(), "team/idt:v1"));
    let reqs = issuer.requests();
    assert!(!reqs.is_empty());
    assert!(
        reqs.iter().all(|r| r.method == "POST"
            && r.grant_type.as_deref() == Some("refresh_token")
            && r.status == 200),
        "{}",
        describe(&reqs)
    );
    assert!(
        reqs.iter().any(|r| r
            .scopes
            .contains(&"repository:team/idt:pull,push".to_string())),
        "{}",
        describe(&reqs)
    );

    // A config.json written by hand, docker style.
    write_config(&json!({"auths": {reg.addr(): {"auth": "", "identitytoken": REFRESH_TOKEN}}}));
    issuer.clear();
    let out = workdir();
    pull_and_check(&mut pull_cmd(&reg, "team/idt:v1", out.path()), out.path());
    assert!(issuer
        .requests()
        .iter()
        .all(|r| r.grant_type.as_deref() == Some("refresh_token")));

    // A password alone (no username) is an identity token too, as in oras.
    issuer.clear();
    std::fs::remove_file(config_path()).unwrap();
    let out = workdir();
    pull_and_check(
        pull_cmd(&reg, "team/idt:v1", out.path()).args(["-p", REFRESH_TOKEN]),
        out.path(),
    );
    assert!(issuer
        .requests()
        .iter()
        .any(|r| r.grant_type.as_deref() == Some("refresh_token")));

    // An unknown refresh token is refused.
    run_err(
        login_cmd(&reg).args(["--identity-token", "revoked-token"]),
        1,
        "login",
    );
    assert!(!config_path().exists());
}

#[test]
fn token_requests_are_cached_within_a_command() {
    let (issuer, reg) = token_setup(issuer_config());
    let src = workdir();
    let names: Vec<String> = (0..8).map(|i| format!("f{i}.bin")).collect();
    for (i, n) in names.iter().enumerate() {
        write_file(src.path(), n, &pseudo_random(1000 + i, i as u64));
    }
    run_ok(
        art()
            .current_dir(src.path())
            .args(["push", "--plain-http", &reg.reference("team/many:v1")])
            .args(["-u", USER, "-p", PASSWORD])
            .args(&names),
    );
    let reqs = issuer.requests();
    let registry_requests = reg.requests().len();
    assert!(
        reqs.len() <= 3,
        "{} token requests for {registry_requests} registry requests:\n{}",
        reqs.len(),
        describe(&reqs)
    );

    issuer.clear();
    let out = workdir();
    run_ok(
        art()
            .args(["pull", "--plain-http", &reg.reference("team/many:v1"), "-o"])
            .arg(out.path())
            .args(["-u", USER, "-p", PASSWORD]),
    );
    for (i, n) in names.iter().enumerate() {
        assert_eq!(
            read_file(&out.path().join(n)),
            pseudo_random(1000 + i, i as u64)
        );
    }
    let reqs = issuer.requests();
    assert!(reqs.len() <= 3, "{}", describe(&reqs));
}

#[test]
fn token_debug_output_redacts_tokens_and_passwords() {
    let (issuer, reg) = token_setup(issuer_config());
    let src = source();
    let o = run_ok(
        push_cmd(&reg, src.path(), "team/dbg:v1")
            .arg("--debug")
            .args(["-u", USER, "-p", PASSWORD]),
    );
    let tokens: Vec<String> = issuer
        .requests()
        .into_iter()
        .filter_map(|r| r.token)
        .collect();
    assert!(!tokens.is_empty());
    let stderr = stderr_of(&o);
    let stdout = stdout_of(&o);
    for text in [&stderr, &stdout] {
        assert!(!text.contains(PASSWORD));
        assert!(!text.contains(&basic_auth(USER, PASSWORD)));
        for t in &tokens {
            // The JWT's signature part is unique to it.
            let sig = t.rsplit('.').next().unwrap();
            assert!(!text.contains(sig), "a token is shown:\n{text}");
        }
    }
    assert!(
        stderr.contains("authorization: Bearer <redacted>"),
        "{stderr}"
    );
}

/// The registry refuses a cached token mid-command (as it does once the token expired):
/// the client drops it, fetches a fresh one once, and carries on.
#[test]
fn token_refused_mid_command_is_replaced() {
    use common::fault_proxy::{Action, FaultProxy, Rule};
    let (issuer, reg) = token_setup(issuer_config());
    seed(&issuer, &reg, "team/stale:v1");
    let proxy = FaultProxy::start(&reg.addr());
    let challenge = format!(
        "Bearer realm=\"{}\",service=\"{}\",scope=\"repository:team/stale:pull\",\
         error=\"invalid_token\",error_description=\"token expired\"",
        issuer.realm(),
        issuer.service()
    );
    // The first blob GET that carries a token is refused as if that token had expired.
    proxy.rule(
        Rule::new(
            "GET",
            "/blobs/",
            Action::status_with(401, &[("WWW-Authenticate", &challenge)]),
        )
        .nth(1),
    );
    let out = workdir();
    pull_and_check(
        art()
            .args([
                "pull",
                "--plain-http",
                &proxy.reference("team/stale:v1"),
                "-o",
            ])
            .arg(out.path())
            .args(["-u", USER, "-p", PASSWORD, "--concurrency", "1"]),
        out.path(),
    );
    let reqs = issuer.requests();
    assert_eq!(
        reqs.len(),
        2,
        "one token, then one more after the refusal:\n{}\n{}",
        describe(&reqs),
        proxy.log()
    );
    let tokens: Vec<String> = reqs.iter().filter_map(|r| r.token.clone()).collect();
    let blob_gets = proxy.matching("GET", "/blobs/");
    let bearer = |t: &str| format!("Bearer {t}");
    assert_eq!(
        blob_gets[0].header("authorization"),
        Some(bearer(&tokens[0]).as_str()),
        "the refused request carried the first token:\n{}",
        proxy.log()
    );
    assert_eq!(
        blob_gets[1].header("authorization"),
        Some(bearer(&tokens[1]).as_str()),
        "the retry carried the fresh token:\n{}",
        proxy.log()
    );
}

/// A token service that announces a very short lifetime (`expires_in: 1`): the token
/// spec says clients treat anything under 60 s as 60 s, and a freshly fetched token must
/// at least serve the request it was fetched for.
#[test]
fn token_with_a_short_lifetime_still_works() {
    let (issuer, reg) = token_setup(IssuerConfig {
        expires_in: 1,
        ..issuer_config()
    });
    let src = source();
    run_ok(push_cmd(&reg, src.path(), "team/short:v1").args(["-u", USER, "-p", PASSWORD]));
    let out = workdir();
    pull_and_check(
        pull_cmd(&reg, "team/short:v1", out.path()).args(["-u", USER, "-p", PASSWORD]),
        out.path(),
    );
    let reqs = issuer.requests();
    assert!(reqs.len() <= 4, "{}", describe(&reqs));
}
