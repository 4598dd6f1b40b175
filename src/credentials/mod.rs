//! Where registry credentials come from and where they go. Knows nothing of
//! HTTP: the caller turns a [`Credential`] into requests.
//!
//! Sources, in lookup order, all compatible with what `docker login` and
//! `oras login` write:
//!
//! 1. `credHelpers[host]` in `config.json`: a `docker-credential-<name>` helper;
//! 2. `credsStore` in `config.json`: the default helper;
//! 3. the OS keyring (service `artifact`, user = registry host, secret = JSON
//!    of the credential), unless `ARTIFACT_NO_KEYRING=1`;
//! 4. `auths[host]` in `config.json` (`auth` = base64 `user:password`, or
//!    `username`/`password`, plus `identitytoken`).
//!
//! Registry names and config keys are compared after normalisation (`host`,
//! `https://host`, `http://host/v2/` are one key), and Docker Hub's aliases
//! (`docker.io`, `index.docker.io`, `registry-1.docker.io`) match Docker's key
//! `https://index.docker.io/v1/`, which is also the server URL helpers get
//! for Docker Hub.
//!
//! The OS keyring is called on a thread of its own with a bounded wait (see
//! `os_keyring`), so a [`Store`] can be used from inside a tokio runtime; the
//! calls block, so from async code prefer `spawn_blocking` for the slow path.

mod config;
mod helper;
mod os_keyring;

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use helper::Helper;
use os_keyring::{Backend, Keyring};

/// A registry credential.
#[derive(Clone, PartialEq, Eq)]
pub enum Credential {
    /// A user name and password (or personal access token).
    Basic { username: String, password: String },
    /// An OAuth2 refresh token, exchanged at the token endpoint.
    IdentityToken { username: String, token: String },
}

impl Credential {
    /// The user name (may be empty for an identity token).
    pub fn username(&self) -> &str {
        match self {
            Credential::Basic { username, .. } | Credential::IdentityToken { username, .. } => {
                username
            }
        }
    }

    /// The JSON kept in the OS keyring.
    fn to_keyring_json(&self) -> String {
        match self {
            Credential::Basic { username, password } => {
                json!({ "username": username, "password": password })
            }
            Credential::IdentityToken { username, token } => {
                json!({ "username": username, "identitytoken": token })
            }
        }
        .to_string()
    }

    fn from_keyring_json(s: &str) -> Option<Credential> {
        let v: Value = serde_json::from_str(s).ok()?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let username = field("username").unwrap_or_default();
        if let Some(token) = field("identitytoken").filter(|t| !t.is_empty()) {
            return Some(Credential::IdentityToken { username, token });
        }
        let password = field("password")?;
        Some(Credential::Basic { username, password })
    }
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &format_args!("<redacted>"))
                .finish(),
            Credential::IdentityToken { username, .. } => f
                .debug_struct("IdentityToken")
                .field("username", username)
                .field("token", &format_args!("<redacted>"))
                .finish(),
        }
    }
}

/// Where a credential was found or put.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A credential helper, by name (`secretservice` for
    /// `docker-credential-secretservice`).
    Helper(String),
    /// The OS keyring.
    Keyring,
    /// `auths` in this config file.
    ConfigFile(PathBuf),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Helper(name) => write!(f, "credential helper docker-credential-{name}"),
            Location::Keyring => f.write_str("the OS keyring"),
            Location::ConfigFile(p) => write!(f, "{}", p.display()),
        }
    }
}

/// Why credentials could not be read or written. Messages are one line and
/// name the file or helper at fault; they never contain a secret.
#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("cannot find the home directory for ~/.docker/config.json; set DOCKER_CONFIG or pass --registry-config")]
    NoHome,
    #[error("cannot read {}: {source}", path.display())]
    ConfigRead {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot parse {}: {message}", path.display())]
    ConfigParse { path: PathBuf, message: String },
    #[error("invalid {}: {message}", path.display())]
    ConfigInvalid { path: PathBuf, message: String },
    #[error("cannot write {}: {source}", path.display())]
    ConfigWrite {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("credential helper {helper} not found in PATH")]
    HelperNotFound { helper: String },
    #[error("cannot run credential helper {helper}: {source}")]
    HelperRun {
        helper: String,
        source: std::io::Error,
    },
    #[error("credential helper {helper} failed to {action} credentials: {message}")]
    HelperFailed {
        helper: String,
        action: String,
        message: String,
    },
    #[error("credential helper {helper} returned invalid output: {message}")]
    HelperOutput { helper: String, message: String },
}

/// Docker-compatible credential storage: `config.json`, its credential
/// helpers, and the OS keyring.
pub struct Store {
    config_path: PathBuf,
    /// Resolve `docker-credential-*` here instead of in PATH (tests).
    helper_dir: Option<PathBuf>,
    keyring: Keyring,
}

impl Store {
    /// Open the store for the config at `config_path` (`--registry-config`),
    /// else `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
    /// A missing file is an empty config; a malformed one is an error.
    pub fn open(config_path: Option<PathBuf>) -> Result<Store, CredentialError> {
        let config_path = match config_path {
            Some(p) => p,
            None => default_config_path(std::env::var_os("DOCKER_CONFIG"), dirs::home_dir())?,
        };
        let store = Store {
            config_path,
            helper_dir: None,
            keyring: Keyring::from_env(),
        };
        store.read_config()?;
        Ok(store)
    }

    /// A store with helpers resolved in `helper_dir` and the given keyring.
    #[cfg(test)]
    fn for_test(config_path: PathBuf, helper_dir: Option<PathBuf>, keyring: Backend) -> Store {
        Store {
            config_path,
            helper_dir,
            keyring: Keyring::new(keyring),
        }
    }

    /// Do not use the OS keyring (as `ARTIFACT_NO_KEYRING=1` does).
    pub fn without_keyring(mut self) -> Store {
        self.keyring = Keyring::new(Backend::Disabled);
        self
    }

    /// Whether the OS keyring is in use (not disabled).
    pub fn keyring_enabled(&self) -> bool {
        self.keyring.enabled()
    }

    /// Why the OS keyring was skipped, once a call has found it unreachable
    /// (for the notice after [`Store::store`] fell back to the file).
    pub fn keyring_unavailable_reason(&self) -> Option<String> {
        self.keyring.unavailable_reason()
    }

    /// The config file in use (it may not exist yet).
    pub fn config_path(&self) -> &Path {
        &self.config_path
    }

    fn read_config(&self) -> Result<serde_json::Map<String, Value>, CredentialError> {
        config::read(&self.config_path)
    }

    fn helper<'a>(&'a self, name: &'a str) -> Helper<'a> {
        Helper::new(name, self.helper_dir.as_deref())
    }

    /// The helpers configured for `host`: `credHelpers[host]`, then `credsStore`.
    fn helpers_for(
        &self,
        cfg: &serde_json::Map<String, Value>,
        host: &str,
    ) -> Result<Vec<String>, CredentialError> {
        let mut names = Vec::new();
        if let Some(h) = config::cred_helper(cfg, host, &self.config_path)? {
            names.push(h);
        }
        if let Some(h) = config::creds_store(cfg, &self.config_path)? {
            if !names.contains(&h) {
                names.push(h);
            }
        }
        Ok(names)
    }

    /// The credential for `registry` (a host, `host:port`, or a URL), and
    /// where it was found; `None` if not logged in.
    pub fn get(&self, registry: &str) -> Result<Option<(Credential, Location)>, CredentialError> {
        let host = config::canonical_host(registry);
        let cfg = self.read_config()?;
        let server = config::server_url(&host);
        for name in self.helpers_for(&cfg, &host)? {
            if let Some(cred) = self.helper(&name).get(&server)? {
                return Ok(Some((cred, Location::Helper(name))));
            }
        }
        // An unreachable keyring is skipped silently.
        if let Ok(Some(secret)) = self.keyring.get(&host) {
            if let Some(cred) = Credential::from_keyring_json(&secret) {
                return Ok(Some((cred, Location::Keyring)));
            }
        }
        Ok(config::auth_entry(&cfg, &host, &self.config_path)?
            .map(|c| (c, Location::ConfigFile(self.config_path.clone()))))
    }

    /// Save `cred` for `registry`: in its credential helper if one is
    /// configured, else in the OS keyring if reachable, else in `config.json`
    /// (mode 0600, other settings untouched). Returns where it went; a
    /// [`Location::ConfigFile`] while [`Store::keyring_enabled`] means the
    /// keyring could not be reached ([`Store::keyring_unavailable_reason`]).
    pub fn store(&self, registry: &str, cred: &Credential) -> Result<Location, CredentialError> {
        let host = config::canonical_host(registry);
        let mut cfg = self.read_config()?;
        if let Some(name) = self.helpers_for(&cfg, &host)?.into_iter().next() {
            self.helper(&name).store(&config::server_url(&host), cred)?;
            return Ok(Location::Helper(name));
        }
        if self.keyring.enabled() && self.keyring.set(&host, &cred.to_keyring_json()).is_ok() {
            return Ok(Location::Keyring);
        }
        config::set_auth(&mut cfg, &host, cred, &self.config_path)?;
        config::write(&self.config_path, &cfg)?;
        Ok(Location::ConfigFile(self.config_path.clone()))
    }

    /// Remove the credential for `registry` from every place that holds it.
    /// Returns those places (empty: was not logged in). Every place is tried;
    /// the first error, if any, is returned after that.
    pub fn erase(&self, registry: &str) -> Result<Vec<Location>, CredentialError> {
        let host = config::canonical_host(registry);
        let mut cfg = self.read_config()?;
        let server = config::server_url(&host);
        let mut removed = Vec::new();
        let mut first_err = None;
        for name in self.helpers_for(&cfg, &host)? {
            let helper = self.helper(&name);
            let r = helper.get(&server).and_then(|found| match found {
                Some(_) => helper.erase(&server).map(|()| true),
                None => Ok(false),
            });
            match r {
                Ok(true) => removed.push(Location::Helper(name)),
                Ok(false) => {}
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        if let Ok(true) = self.keyring.delete(&host) {
            removed.push(Location::Keyring);
        }
        let (changed, had_credential) = config::remove_auth(&mut cfg, &host, &self.config_path)?;
        if changed {
            match config::write(&self.config_path, &cfg) {
                Ok(()) if had_credential => {
                    removed.push(Location::ConfigFile(self.config_path.clone()))
                }
                Ok(()) => {}
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        match first_err {
            Some(e) => Err(e),
            None => Ok(removed),
        }
    }
}

/// `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
fn default_config_path(
    docker_config: Option<std::ffi::OsString>,
    home: Option<PathBuf>,
) -> Result<PathBuf, CredentialError> {
    match docker_config.filter(|v| !v.is_empty()) {
        Some(dir) => Ok(PathBuf::from(dir).join("config.json")),
        None => Ok(home
            .ok_or(CredentialError::NoHome)?
            .join(".docker")
            .join("config.json")),
    }
}

#[cfg(test)]
mod tests;
