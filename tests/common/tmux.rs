//! A real terminal for the integration tests: a private `tmux` server running a script in a
//! detached session, whose pane the test captures and types into.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use super::{isolate, require_tool, write_file};

/// A private tmux server (its own socket in a temp dir), killed on drop.
pub struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

/// Writes an executable `#!/bin/sh` script `name` into `dir` and returns its path.
pub fn write_script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let script = write_file(dir, name, body.as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    script
}

impl Tmux {
    /// Runs `script` in a detached 120×30 session. The environment is the test's isolated
    /// one without `CI` and `NO_COLOR` (the script may set them).
    pub fn start(script: &Path) -> Tmux {
        require_tool("tmux");
        let dir = tempfile::Builder::new()
            .prefix("artifact-tmux-")
            .tempdir()
            .expect("create tmux dir");
        let tmux = Tmux {
            socket: dir.path().join("sock"),
            _dir: dir,
        };
        let mut cmd = tmux.command();
        cmd.args(["new-session", "-d", "-x", "120", "-y", "30", "-s", "t"])
            .arg(script);
        // Isolated like every other run, but a real terminal: colours and bars allowed.
        isolate(&mut cmd);
        cmd.env("TERM", "xterm-256color");
        for var in ["CI", "NO_COLOR", "TMUX", "RUST_LOG"] {
            cmd.env_remove(var);
        }
        let out = cmd.output().expect("run tmux");
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn command(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-f").arg("/dev/null").arg("-S").arg(&self.socket);
        c
    }

    /// The pane as text; with `escapes`, with its colours and attributes as escape codes.
    pub fn capture(&self, escapes: bool) -> String {
        let mut c = self.command();
        c.args(["capture-pane", "-p", "-t", "t"]);
        if escapes {
            c.arg("-e");
        }
        let out: Output = c.output().expect("run tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Polls the pane until `pred` holds (returns that screen) or `timeout` passes (None).
    pub fn wait_for(
        &self,
        timeout: Duration,
        escapes: bool,
        pred: impl Fn(&str) -> bool,
    ) -> Option<String> {
        let end = Instant::now() + timeout;
        loop {
            let screen = self.capture(escapes);
            if pred(&screen) {
                return Some(screen);
            }
            if Instant::now() >= end {
                return None;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Types `text` into the pane, literally (no key names).
    pub fn type_text(&self, text: &str) {
        self.tmux_ok(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Presses keys by tmux name, e.g. `Enter`, `C-c`.
    pub fn press(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.tmux_ok(&args);
    }

    /// The pane's terminal device, e.g. `/dev/pts/3`.
    pub fn pane_tty(&self) -> PathBuf {
        let out = self.tmux_ok(&["display-message", "-p", "-t", "t", "#{pane_tty}"]);
        PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
    }

    /// Does the pane's terminal echo what is typed (`stty` shows `echo`, not `-echo`)?
    pub fn echoes(&self) -> bool {
        let out = Command::new("stty")
            .arg("-a")
            .arg("-F")
            .arg(self.pane_tty())
            .output()
            .expect("run stty");
        assert!(
            out.status.success(),
            "stty -a -F {}: {}",
            self.pane_tty().display(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .any(|w| w == "echo")
    }

    fn tmux_ok(&self, args: &[&str]) -> Output {
        let out = self.command().args(args).output().expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
    }
}
