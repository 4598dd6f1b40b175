//! `artifact login` asking for what it was not given, against distribution with
//! `auth: htpasswd`.
//!
//! * On a real terminal (a detached `tmux` session; the test reads the pane and types into
//!   it): `Username:` is asked and echoed, `Password:` is asked with echo off, and the typed
//!   password never shows on the screen. The login is stored in config.json
//!   (`ARTIFACT_NO_KEYRING=1`). With `-u`, only the password is asked; a wrong one stores
//!   nothing.
//! * Without a terminal, nothing is asked: a missing username or password is a usage error
//!   (exit 2) naming the flags that give it.

mod common;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::auth::basic_auth;
use common::tmux::{write_script, Tmux};
use common::*;

const USER: &str = "prompt-user";
const PASSWORD: &str = "Pr0mpt-S3cret-9f2c";

/// How long any one step on the terminal may take (a loaded machine is slow, not stuck).
const STEP: Duration = Duration::from_secs(10);

fn config_path() -> PathBuf {
    test_home().join(".docker").join("config.json")
}

/// Runs `artifact login --plain-http <addr> <extra>` in tmux, with the OS keyring off and
/// no credentials in the environment; the screen shows `__EXIT__ <code>` when it ends.
fn login_in_terminal(reg: &Registry, extra: &str) -> (Tmux, tempfile::TempDir) {
    let dir = workdir();
    let script = write_script(
        dir.path(),
        "login.sh",
        &format!(
            "#!/bin/sh\n\
             export ARTIFACT_NO_KEYRING=1\n\
             unset ARTIFACT_USERNAME ARTIFACT_PASSWORD\n\
             '{bin}' login --plain-http {addr} {extra}\n\
             echo \"__EXIT__ $?\"\n\
             sleep 120\n",
            bin = env!("CARGO_BIN_EXE_artifact"),
            addr = reg.addr(),
        ),
    );
    (Tmux::start(&script), dir)
}

/// Waits until the pane shows `Password:` and its terminal no longer echoes (the prompt is
/// printed a moment before echo is turned off; typing earlier would be echoed by the tty).
fn wait_for_password_prompt(tmux: &Tmux) -> String {
    let screen = tmux
        .wait_for(STEP, false, |s| s.contains("Password:"))
        .unwrap_or_else(|| panic!("no `Password:` prompt:\n{}", tmux.capture(false)));
    let end = Instant::now() + STEP;
    while tmux.echoes() {
        assert!(
            Instant::now() < end,
            "the terminal still echoes at the password prompt:\n{}",
            tmux.capture(false)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    screen
}

fn wait_for_exit(tmux: &Tmux) -> String {
    tmux.wait_for(STEP, false, |s| s.contains("__EXIT__"))
        .unwrap_or_else(|| panic!("login did not finish:\n{}", tmux.capture(false)))
}

#[test]
fn a_terminal_prompts_for_username_and_hidden_password() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let (tmux, _dir) = login_in_terminal(&reg, "");

    tmux.wait_for(STEP, false, |s| s.contains("Username:"))
        .unwrap_or_else(|| panic!("no `Username:` prompt:\n{}", tmux.capture(false)));
    tmux.type_text(USER);
    tmux.press(&["Enter"]);

    let screen = wait_for_password_prompt(&tmux);
    assert!(
        screen.contains(&format!("Username: {USER}")),
        "the username is echoed:\n{screen}"
    );
    tmux.type_text(PASSWORD);
    // Give the terminal a moment to show anything it would echo.
    std::thread::sleep(Duration::from_millis(200));
    let typed = tmux.capture(false);
    assert!(!typed.contains(PASSWORD), "password echoed:\n{typed}");
    tmux.press(&["Enter"]);

    let end = wait_for_exit(&tmux);
    assert!(end.contains("__EXIT__ 0"), "login failed:\n{end}");
    assert!(
        end.contains(&format!("Login Succeeded ({}", reg.addr())),
        "{end}"
    );
    assert!(!end.contains(PASSWORD), "password on the screen:\n{end}");
    assert!(
        !end.contains(&basic_auth(USER, PASSWORD)),
        "credentials on the screen:\n{end}"
    );

    let config: serde_json::Value =
        serde_json::from_slice(&read_file(&config_path())).expect("config.json is JSON");
    assert_eq!(
        config["auths"][reg.addr()]["auth"],
        basic_auth(USER, PASSWORD).as_str(),
        "{config}"
    );
}

#[test]
fn a_terminal_with_username_asks_only_the_password() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let (tmux, _dir) = login_in_terminal(&reg, &format!("-u {USER}"));

    let screen = wait_for_password_prompt(&tmux);
    assert!(!screen.contains("Username:"), "-u was given:\n{screen}");
    let wrong = "Wr0ng-Typed-Secret";
    tmux.type_text(wrong);
    tmux.press(&["Enter"]);

    let end = wait_for_exit(&tmux);
    assert!(end.contains("__EXIT__ 1"), "a wrong password fails:\n{end}");
    assert!(
        end.lines()
            .any(|l| l.starts_with("error: login to") && l.contains(&reg.addr())),
        "{end}"
    );
    assert!(!end.contains(wrong), "password on the screen:\n{end}");
    assert!(!config_path().exists(), "a failed login stores nothing");
}

#[test]
fn without_a_terminal_nothing_is_asked() {
    let reg = Registry::start_htpasswd(USER, PASSWORD);
    let served = reg.requests().len();
    let login = || {
        let mut cmd = artifact();
        cmd.env("ARTIFACT_NO_KEYRING", "1")
            .env_remove("ARTIFACT_USERNAME")
            .env_remove("ARTIFACT_PASSWORD")
            .args(["login", "--plain-http", &reg.addr()]);
        cmd
    };
    // assert_cmd gives the command no stdin: not a terminal, and at end of file at once.
    run_err(login().args(["-u", USER]), 2, "--password-stdin");
    run_err(&mut login(), 2, "--username");
    assert_eq!(reg.requests().len(), served, "nothing was sent");
    assert!(!config_path().exists(), "nothing was stored");
}
