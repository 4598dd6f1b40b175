//! The docker-credential-helpers protocol: `docker-credential-<name>
//! get|store|erase`, talking JSON and server URLs over stdin/stdout.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

use super::{Credential, CredentialError};

/// The username helpers use to mark the secret as an identity token.
const TOKEN_USERNAME: &str = "<token>";

pub(crate) struct Helper<'a> {
    /// The helper's name: `secretservice` for `docker-credential-secretservice`.
    name: &'a str,
    /// Where to find the program instead of PATH (tests).
    dir: Option<&'a Path>,
}

impl<'a> Helper<'a> {
    pub(crate) fn new(name: &'a str, dir: Option<&'a Path>) -> Self {
        Helper { name, dir }
    }

    fn program_name(&self) -> String {
        format!("docker-credential-{}", self.name)
    }

    fn program(&self) -> PathBuf {
        match self.dir {
            Some(d) => d.join(self.program_name()),
            None => PathBuf::from(self.program_name()),
        }
    }

    fn run(&self, action: &str, input: &[u8]) -> Result<Output, CredentialError> {
        let helper = self.program_name();
        if self.name.is_empty() || self.name.contains(['/', '\\']) {
            return Err(CredentialError::HelperNotFound { helper });
        }
        let mut attempts = 0;
        let mut child = loop {
            let spawned = Command::new(self.program())
                .arg(action)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn();
            match spawned {
                Ok(c) => break c,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(CredentialError::HelperNotFound { helper });
                }
                // ETXTBSY: the program was just written and a concurrent fork
                // still holds it open for writing; it clears in a moment.
                Err(e) if e.raw_os_error() == Some(26) && cfg!(unix) && attempts < 20 => {
                    attempts += 1;
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(e) => return Err(CredentialError::HelperRun { helper, source: e }),
            }
        };
        if let Some(mut stdin) = child.stdin.take() {
            // A helper that exits without reading its input is judged by its
            // exit status below, so a broken pipe here is not an error.
            let _ = stdin.write_all(input);
        }
        child
            .wait_with_output()
            .map_err(|e| CredentialError::HelperRun { helper, source: e })
    }

    /// `get`: `Ok(None)` when the helper has nothing for `server_url`.
    pub(crate) fn get(&self, server_url: &str) -> Result<Option<Credential>, CredentialError> {
        let out = self.run("get", server_url.as_bytes())?;
        if !out.status.success() {
            if is_not_found(&out) {
                return Ok(None);
            }
            return Err(self.failed("get", &out));
        }
        let bad = |message: String| CredentialError::HelperOutput {
            helper: self.program_name(),
            message,
        };
        // Report only where the JSON is broken: the output holds the secret.
        let v: Value = serde_json::from_slice(&out.stdout).map_err(|e| {
            bad(format!(
                "invalid JSON at line {} column {}",
                e.line(),
                e.column()
            ))
        })?;
        let field = |name: &str| -> Result<String, CredentialError> {
            match v.get(name) {
                None | Some(Value::Null) => Ok(String::new()),
                Some(Value::String(s)) => Ok(s.clone()),
                Some(_) => Err(bad(format!("\"{name}\" is not a string"))),
            }
        };
        let username = field("Username")?;
        let secret = field("Secret")?;
        if username.is_empty() && secret.is_empty() {
            return Ok(None);
        }
        Ok(Some(if username == TOKEN_USERNAME {
            Credential::IdentityToken {
                username: String::new(),
                token: secret,
            }
        } else {
            Credential::Basic {
                username,
                password: secret,
            }
        }))
    }

    pub(crate) fn store(&self, server_url: &str, cred: &Credential) -> Result<(), CredentialError> {
        let (username, secret) = match cred {
            Credential::Basic { username, password } => (username.as_str(), password),
            Credential::IdentityToken { token, .. } => (TOKEN_USERNAME, token),
        };
        let input = json!({ "ServerURL": server_url, "Username": username, "Secret": secret });
        let out = self.run("store", input.to_string().as_bytes())?;
        if !out.status.success() {
            return Err(self.failed("store", &out));
        }
        Ok(())
    }

    pub(crate) fn erase(&self, server_url: &str) -> Result<(), CredentialError> {
        let out = self.run("erase", server_url.as_bytes())?;
        if !out.status.success() && !is_not_found(&out) {
            return Err(self.failed("erase", &out));
        }
        Ok(())
    }

    fn failed(&self, action: &str, out: &Output) -> CredentialError {
        let text = first_line(&out.stderr).or_else(|| first_line(&out.stdout));
        let message = match text {
            Some(t) => t,
            None => match out.status.code() {
                Some(code) => format!("exit status {code}"),
                None => "killed by a signal".to_string(),
            },
        };
        CredentialError::HelperFailed {
            helper: self.program_name(),
            action: action.to_string(),
            message,
        }
    }
}

fn is_not_found(out: &Output) -> bool {
    let has = |b: &[u8]| {
        String::from_utf8_lossy(b)
            .to_ascii_lowercase()
            .contains("credentials not found")
    };
    has(&out.stdout) || has(&out.stderr)
}

fn first_line(b: &[u8]) -> Option<String> {
    let s = String::from_utf8_lossy(b);
    let line = s.lines().map(str::trim).find(|l| !l.is_empty())?;
    Some(line.chars().take(300).collect())
}
