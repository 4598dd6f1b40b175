//! The OS keyring (Secret Service over D-Bus on Linux and the BSDs, Keychain
//! on macOS, Credential Manager on Windows) through the `keyring` crate.
//!
//! Every call runs on a short-lived thread of its own and is waited for at
//! most [`DEFAULT_TIMEOUT`] (or `ARTIFACT_KEYRING_TIMEOUT` seconds):
//!
//! * On Linux the crate talks D-Bus through zbus with its `tokio` feature,
//!   whose blocking API drives a private current-thread tokio runtime with
//!   `block_on`. Called from a thread that is already inside a tokio runtime
//!   (the CLI is `#[tokio::main]`) that would panic ("Cannot start a runtime
//!   from within a runtime") or deadlock; on a plain thread of our own it is
//!   safe, whatever runtime the caller is in.
//! * A Secret Service that never answers (a locked collection waiting on an
//!   unlock prompt nobody can see, a D-Bus activation that hangs) must not
//!   hang the CLI: after the timeout the keyring counts as unreachable and
//!   the thread is left behind.
//!
//! Once the keyring has been found unreachable, the `Store` stops asking it.

use std::sync::Mutex;
use std::time::Duration;

/// The keyring "service" under which every entry is filed.
pub(crate) const SERVICE: &str = "artifact";

/// How long one keyring call may take before the keyring counts as unreachable.
pub(crate) const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

pub(crate) enum Backend {
    /// `ARTIFACT_NO_KEYRING=1`, or a platform without a keyring backend.
    Disabled,
    /// The platform's keyring.
    Os,
    /// An in-memory keyring.
    #[cfg(test)]
    Mock(std::sync::Arc<Mutex<std::collections::HashMap<String, String>>>),
    /// A keyring that cannot be reached.
    #[cfg(test)]
    Unreachable,
}

enum Op {
    Get,
    Set(String),
    Delete,
}

/// What a call did, when the keyring could be reached.
enum Done {
    /// `Get` found this secret.
    Secret(String),
    /// `Set` stored, `Delete` deleted.
    Ok,
    /// No entry for this user.
    NoEntry,
}

pub(crate) struct Keyring {
    backend: Backend,
    timeout: Duration,
    /// Why the keyring is not used, once that is known.
    unavailable: Mutex<Option<String>>,
}

impl Keyring {
    pub(crate) fn new(backend: Backend) -> Keyring {
        let timeout = std::env::var("ARTIFACT_KEYRING_TIMEOUT")
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0)
            .map(Duration::from_secs_f64)
            .unwrap_or(DEFAULT_TIMEOUT);
        Keyring {
            backend,
            timeout,
            unavailable: Mutex::new(None),
        }
    }

    /// The backend to use: the OS keyring unless `ARTIFACT_NO_KEYRING` is set
    /// (to anything but empty, `0` or `false`) or the platform has none.
    pub(crate) fn from_env() -> Keyring {
        let disabled = std::env::var("ARTIFACT_NO_KEYRING")
            .map(|v| {
                !matches!(
                    v.trim().to_ascii_lowercase().as_str(),
                    "" | "0" | "false" | "no"
                )
            })
            .unwrap_or(false);
        let supported = cfg!(any(
            target_os = "linux",
            target_os = "freebsd",
            target_os = "openbsd",
            target_os = "macos",
            target_os = "windows"
        ));
        Keyring::new(if disabled || !supported {
            Backend::Disabled
        } else {
            Backend::Os
        })
    }

    pub(crate) fn enabled(&self) -> bool {
        !matches!(self.backend, Backend::Disabled)
    }

    /// Why the keyring was not used, if it was found unreachable.
    pub(crate) fn unavailable_reason(&self) -> Option<String> {
        self.unavailable.lock().map(|g| g.clone()).unwrap_or(None)
    }

    fn mark_unavailable(&self, reason: String) {
        if let Ok(mut g) = self.unavailable.lock() {
            g.get_or_insert(reason);
        }
    }

    /// The secret stored for `user`. `Ok(None)` when there is none or the
    /// keyring is disabled; `Err` (a reason) when it could not be reached.
    pub(crate) fn get(&self, user: &str) -> Result<Option<String>, String> {
        match self.call(user, Op::Get)? {
            Done::Secret(s) => Ok(Some(s)),
            Done::Ok | Done::NoEntry => Ok(None),
        }
    }

    /// Store `secret` for `user`; `Err` (a reason) if it could not be.
    pub(crate) fn set(&self, user: &str, secret: &str) -> Result<(), String> {
        match self.call(user, Op::Set(secret.to_string()))? {
            Done::Ok | Done::Secret(_) => Ok(()),
            Done::NoEntry => Err("the keyring did not store the entry".into()),
        }
    }

    /// Delete the entry for `user`: `Ok(true)` if there was one.
    pub(crate) fn delete(&self, user: &str) -> Result<bool, String> {
        Ok(matches!(self.call(user, Op::Delete)?, Done::Ok))
    }

    fn call(&self, user: &str, op: Op) -> Result<Done, String> {
        if let Some(reason) = self.unavailable_reason() {
            return Err(reason);
        }
        let result = match &self.backend {
            Backend::Disabled => return Ok(Done::NoEntry),
            Backend::Os => self.os_call(user, op),
            #[cfg(test)]
            Backend::Mock(map) => {
                let mut map = map.lock().unwrap();
                Ok(match op {
                    Op::Get => map.get(user).cloned().map_or(Done::NoEntry, Done::Secret),
                    Op::Set(s) => {
                        map.insert(user.to_string(), s);
                        Done::Ok
                    }
                    Op::Delete => map.remove(user).map_or(Done::NoEntry, |_| Done::Ok),
                })
            }
            #[cfg(test)]
            Backend::Unreachable => Err("no D-Bus session (test)".to_string()),
        };
        if let Err(reason) = &result {
            self.mark_unavailable(reason.clone());
        }
        result
    }

    /// Run one keyring call on its own thread, waiting at most the timeout.
    fn os_call(&self, user: &str, op: Op) -> Result<Done, String> {
        let (tx, rx) = std::sync::mpsc::channel();
        let user = user.to_string();
        std::thread::Builder::new()
            .name("artifact-keyring".into())
            .spawn(move || {
                let _ = tx.send(os_call_blocking(&user, op));
            })
            .map_err(|e| format!("cannot start a thread for the keyring: {e}"))?;
        match rx.recv_timeout(self.timeout) {
            Ok(r) => r,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(format!(
                "the OS keyring did not answer within {} s",
                self.timeout.as_secs_f64()
            )),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                Err("the OS keyring call failed unexpectedly".to_string())
            }
        }
    }
}

fn os_call_blocking(user: &str, op: Op) -> Result<Done, String> {
    use keyring::Error;
    let entry = keyring::Entry::new(SERVICE, user).map_err(|e| e.to_string())?;
    let r = match op {
        Op::Get => entry.get_password().map(Done::Secret),
        Op::Set(s) => entry.set_password(&s).map(|()| Done::Ok),
        Op::Delete => entry.delete_credential().map(|()| Done::Ok),
    };
    match r {
        Ok(d) => Ok(d),
        Err(Error::NoEntry) => Ok(Done::NoEntry),
        Err(Error::Ambiguous(v)) => Err(format!(
            "the OS keyring holds {} entries for {SERVICE}/{user}",
            v.len()
        )),
        // Never show BadEncoding's payload: it is the secret.
        Err(Error::BadEncoding(_)) => Err(format!(
            "the OS keyring entry for {SERVICE}/{user} is not UTF-8"
        )),
        Err(e) => Err(one_line(&e.to_string())),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
