//! The OS keyring and `docker-credential-secretservice` against a real Secret Service:
//! gnome-keyring on a private `dbus-run-session` bus with a private home (see
//! [`common::auth::SecretService`]), and the file fallback when there is no session bus.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::auth::{basic_auth, IssuerConfig, SecretService, TokenIssuer};
use common::*;
use serde_json::{json, Value};

const USER: &str = "alice";
const PASSWORD: &str = "k3yring-Pa55w0rd";

fn config_path() -> PathBuf {
    test_home().join(".docker").join("config.json")
}

fn write_config(v: &Value) {
    let p = config_path();
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
}

/// config.json as text ("" when there is none).
fn config_text() -> String {
    std::fs::read_to_string(config_path()).unwrap_or_default()
}

fn stderr_of(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn source() -> tempfile::TempDir {
    let src = workdir();
    write_file(src.path(), "a.txt", b"hello keyring\n");
    src
}

/// `artifact` on the Secret Service's bus, keyring enabled.
fn on_bus(ss: &SecretService) -> assert_cmd::Command {
    let mut cmd = artifact();
    ss.apply(&mut cmd);
    cmd.env_remove("ARTIFACT_USERNAME")
        .env_remove("ARTIFACT_PASSWORD");
    cmd
}

fn push_args<'a>(
    cmd: &'a mut assert_cmd::Command,
    reg: &Registry,
    src: &Path,
    tag: &str,
) -> &'a mut assert_cmd::Command {
    cmd.current_dir(src)
        .args([
            "push",
            "--plain-http",
            &reg.reference(&format!("kr/files:{tag}")),
        ])
        .arg("a.txt")
}

/// `docker-credential-secretservice <action>` on the bus, with `input` on stdin.
fn helper(ss: &SecretService, action: &str, input: &str) -> std::process::Output {
    tool("docker-credential-secretservice")
        .env("DBUS_SESSION_BUS_ADDRESS", ss.bus_address())
        .arg(action)
        .write_stdin(input.to_string())
        .output()
        .expect("run docker-credential-secretservice")
}

fn assert_no_secret_in_config() {
    let text = config_text();
    assert!(
        !text.contains(PASSWORD),
        "config.json holds the password:\n{text}"
    );
    assert!(
        !text.contains(&basic_auth(USER, PASSWORD)),
        "config.json holds base64(user:pass):\n{text}"
    );
    if !text.is_empty() {
        let v: Value = serde_json::from_str(&text).unwrap();
        if let Some(auths) = v["auths"].as_object() {
            for (k, e) in auths {
                assert!(e.get("auth").is_none(), "auths[{k}] has an auth: {text}");
            }
        }
    }
}

#[test]
fn keyring_login_push_logout() {
    let ss = SecretService::start();
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let host = reg.addr();

    let o = run_ok(on_bus(&ss).args(["login", "--plain-http", &host, "-u", USER, "-p", PASSWORD]));
    let stdout = stdout_of(&o);
    assert!(
        stdout.contains("Login Succeeded") && stdout.contains("OS keyring"),
        "stored in the keyring: {stdout}"
    );
    assert!(!stderr_of(&o).contains("notice:"), "{}", stderr_of(&o));
    assert_no_secret_in_config();

    let src = source();
    run_ok(push_args(&mut on_bus(&ss), &reg, src.path(), "v1"));
    // The same push without the keyring has no credentials: they live only there.
    run_err(
        push_args(&mut artifact(), &reg, src.path(), "v2").env("ARTIFACT_NO_KEYRING", "1"),
        1,
        "authentication",
    );

    let o = run_ok(on_bus(&ss).args(["logout", &host]));
    let stdout = stdout_of(&o);
    assert!(
        stdout.contains("Removed credentials") && stdout.contains("OS keyring"),
        "{stdout}"
    );
    assert_no_secret_in_config();
    run_err(
        push_args(&mut on_bus(&ss), &reg, src.path(), "v3"),
        1,
        "authentication",
    );
    let o = run_ok(on_bus(&ss).args(["logout", &host]));
    assert!(stdout_of(&o).contains("Not logged in"), "{}", stdout_of(&o));
}

#[test]
fn keyring_holds_an_identity_token() {
    let ss = SecretService::start();
    let issuer = TokenIssuer::start(IssuerConfig {
        users: vec![(USER.into(), PASSWORD.into())],
        refresh_tokens: vec![("kr-refresh-token".into(), USER.into())],
        ..IssuerConfig::default()
    });
    let reg = Registry::start_token(&issuer);
    let o = run_ok(on_bus(&ss).args([
        "login",
        "--plain-http",
        &reg.addr(),
        "--identity-token",
        "kr-refresh-token",
    ]));
    assert!(stdout_of(&o).contains("OS keyring"), "{}", stdout_of(&o));
    assert!(!config_text().contains("kr-refresh-token"));
    issuer.clear();
    let src = source();
    run_ok(push_args(&mut on_bus(&ss), &reg, src.path(), "v1"));
    let reqs = issuer.requests();
    assert!(
        !reqs.is_empty()
            && reqs.iter().all(|r| r.method == "POST"
                && r.grant_type.as_deref() == Some("refresh_token")
                && r.status == 200),
        "the stored identity token was exchanged: {reqs:?}"
    );
    run_ok(on_bus(&ss).args(["logout", &reg.addr()]));
}

#[test]
fn secretservice_credential_helper() {
    let ss = SecretService::start();
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let host = reg.addr();
    let config = json!({"credsStore": "secretservice"});
    write_config(&config);

    // Keyring off: whatever is stored goes through the helper.
    let cmd = || {
        let mut c = on_bus(&ss);
        c.env("ARTIFACT_NO_KEYRING", "1");
        c
    };
    let o = run_ok(cmd().args(["login", "--plain-http", &host, "-u", USER, "-p", PASSWORD]));
    assert!(
        stdout_of(&o).contains("docker-credential-secretservice"),
        "{}",
        stdout_of(&o)
    );
    let cfg: Value = serde_json::from_str(&config_text()).unwrap();
    assert_eq!(cfg, config, "config.json is left alone");
    assert_no_secret_in_config();

    let list = helper(&ss, "list", "");
    assert!(list.status.success(), "{}", stderr_of(&list));
    let list: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list[&host], json!(USER), "helper list: {list}");
    let got = helper(&ss, "get", &host);
    assert!(got.status.success(), "{}", stderr_of(&got));
    let got: Value = serde_json::from_slice(&got.stdout).unwrap();
    assert_eq!(got["Username"], json!(USER));
    assert_eq!(got["Secret"], json!(PASSWORD));

    let src = source();
    run_ok(push_args(&mut cmd(), &reg, src.path(), "v1"));

    let o = run_ok(cmd().args(["logout", &host]));
    assert!(
        stdout_of(&o).contains("docker-credential-secretservice"),
        "{}",
        stdout_of(&o)
    );
    let list = helper(&ss, "list", "");
    let list: Value = serde_json::from_slice(&list.stdout).unwrap();
    assert!(
        list.get(&host).is_none(),
        "helper list after logout: {list}"
    );
    let got = helper(&ss, "get", &host);
    assert!(!got.status.success(), "get after logout should fail");
    run_err(
        push_args(&mut cmd(), &reg, src.path(), "v2"),
        1,
        "authentication",
    );
}

#[test]
fn without_a_session_bus_login_falls_back_to_the_file() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let start = Instant::now();
    let o = run_ok(
        artifact()
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("ARTIFACT_NO_KEYRING")
            .args([
                "login",
                "--plain-http",
                &reg.addr(),
                "-u",
                USER,
                "-p",
                PASSWORD,
            ]),
    );
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_secs(4), "fell back in {elapsed:?}");
    let stderr = stderr_of(&o);
    assert!(
        stderr.contains("notice:") && stderr.contains("0600"),
        "a notice says the keyring was not used: {stderr}"
    );
    // It was tried (not switched off), and the notice says why it could not be used.
    assert!(
        stderr.contains("no OS keyring in use ("),
        "the notice gives the reason: {stderr}"
    );
    let v: Value = serde_json::from_str(&config_text()).unwrap();
    assert_eq!(
        v["auths"][reg.addr()]["auth"],
        json!(basic_auth(USER, PASSWORD))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(config_path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let src = source();
    run_ok(push_args(
        artifact()
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env_remove("ARTIFACT_NO_KEYRING"),
        &reg,
        src.path(),
        "v1",
    ));
}
