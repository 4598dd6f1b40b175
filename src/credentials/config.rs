//! Docker's `config.json`: reading `auths`, `credHelpers` and `credsStore`,
//! and writing `auths` entries back without disturbing anything else.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::{Map, Value};

use super::{Credential, CredentialError};

/// The key Docker uses for Docker Hub, in `auths` and with helpers.
pub(crate) const DOCKER_HUB_SERVER: &str = "https://index.docker.io/v1/";
/// The canonical name of Docker Hub (as `reference` uses it).
pub(crate) const DOCKER_HUB: &str = "docker.io";

const DOCKER_HUB_ALIASES: &[&str] = &[
    "docker.io",
    "index.docker.io",
    "registry-1.docker.io",
    "registry.hub.docker.com",
];

/// Reduce a registry name or a config key (`host`, `https://host`,
/// `http://host/v2/`, `https://index.docker.io/v1/`) to a lowercase
/// `host[:port]`, with every Docker Hub alias mapped to `docker.io`.
pub(crate) fn canonical_host(s: &str) -> String {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(&lower);
    let host = rest.split('/').next().unwrap_or("");
    if DOCKER_HUB_ALIASES.contains(&host) {
        DOCKER_HUB.to_string()
    } else {
        host.to_string()
    }
}

/// The server URL to give credential helpers (and to use as the `auths` key
/// for new entries): Docker's legacy URL for Docker Hub, the host otherwise.
pub(crate) fn server_url(host: &str) -> String {
    if host == DOCKER_HUB {
        DOCKER_HUB_SERVER.to_string()
    } else {
        host.to_string()
    }
}

/// Read and parse the config; a missing or blank file is an empty config.
pub(crate) fn read(path: &Path) -> Result<Map<String, Value>, CredentialError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Map::new()),
        Err(e) => {
            return Err(CredentialError::ConfigRead {
                path: path.to_path_buf(),
                source: e,
            })
        }
    };
    if text.trim().is_empty() {
        return Ok(Map::new());
    }
    // Syntax errors only name a line and column, never the file's content.
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(invalid(path, "expected a JSON object")),
        Err(e) => Err(CredentialError::ConfigParse {
            path: path.to_path_buf(),
            message: e.to_string(),
        }),
    }
}

fn invalid(path: &Path, message: impl Into<String>) -> CredentialError {
    CredentialError::ConfigInvalid {
        path: path.to_path_buf(),
        message: message.into(),
    }
}

fn object<'a>(
    cfg: &'a Map<String, Value>,
    key: &str,
    path: &Path,
) -> Result<Option<&'a Map<String, Value>>, CredentialError> {
    match cfg.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(m)) => Ok(Some(m)),
        Some(_) => Err(invalid(path, format!("\"{key}\" is not an object"))),
    }
}

/// `credHelpers[host]`, keys matched after normalisation.
pub(crate) fn cred_helper(
    cfg: &Map<String, Value>,
    host: &str,
    path: &Path,
) -> Result<Option<String>, CredentialError> {
    let Some(helpers) = object(cfg, "credHelpers", path)? else {
        return Ok(None);
    };
    let found = helpers
        .iter()
        .find(|(k, _)| k.as_str() == host)
        .or_else(|| helpers.iter().find(|(k, _)| canonical_host(k) == host));
    match found {
        None => Ok(None),
        Some((_, Value::String(s))) if s.trim().is_empty() => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s.trim().to_string())),
        Some((k, _)) => Err(invalid(
            path,
            format!("credHelpers[\"{k}\"] is not a string"),
        )),
    }
}

/// `credsStore`, if set to a non-empty string.
pub(crate) fn creds_store(
    cfg: &Map<String, Value>,
    path: &Path,
) -> Result<Option<String>, CredentialError> {
    match cfg.get("credsStore") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(invalid(path, "\"credsStore\" is not a string")),
    }
}

/// Keys of `auths` that stand for `host`, exact matches first.
fn matching_keys(auths: &Map<String, Value>, host: &str) -> Vec<String> {
    let mut keys: Vec<String> = auths
        .keys()
        .filter(|k| canonical_host(k) == host)
        .cloned()
        .collect();
    let server = server_url(host);
    keys.sort_by_key(|k| !(k.as_str() == host || *k == server));
    keys
}

/// The credential stored in `auths` for `host`, if any.
pub(crate) fn auth_entry(
    cfg: &Map<String, Value>,
    host: &str,
    path: &Path,
) -> Result<Option<Credential>, CredentialError> {
    let Some(auths) = object(cfg, "auths", path)? else {
        return Ok(None);
    };
    for key in matching_keys(auths, host) {
        if let Some(cred) = parse_entry(&auths[&key], &key, path)? {
            return Ok(Some(cred));
        }
    }
    Ok(None)
}

fn parse_entry(v: &Value, key: &str, path: &Path) -> Result<Option<Credential>, CredentialError> {
    let Value::Object(entry) = v else {
        return Err(invalid(path, format!("auths[\"{key}\"] is not an object")));
    };
    let field = |name: &str| -> Result<String, CredentialError> {
        match entry.get(name) {
            None | Some(Value::Null) => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(invalid(
                path,
                format!("auths[\"{key}\"].{name} is not a string"),
            )),
        }
    };
    let mut username = field("username")?;
    let mut password = field("password")?;
    let auth = field("auth")?;
    if !auth.trim().is_empty() {
        let bad = || {
            invalid(
                path,
                format!("auths[\"{key}\"].auth is not base64 of \"user:password\""),
            )
        };
        let bytes = base64_engine().decode(auth.trim()).map_err(|_| bad())?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let (u, p) = text.split_once(':').ok_or_else(bad)?;
        username = u.to_string();
        password = p.to_string();
    }
    let token = field("identitytoken")?;
    if !token.is_empty() {
        return Ok(Some(Credential::IdentityToken { username, token }));
    }
    if username.is_empty() && password.is_empty() {
        // `{}` (what docker leaves when a helper holds the secret) or email only.
        return Ok(None);
    }
    Ok(Some(Credential::Basic { username, password }))
}

/// Padding-tolerant standard base64 (some tools drop the `=`).
fn base64_engine() -> base64::engine::GeneralPurpose {
    base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    )
}

/// Set `auths[host]` to `cred`, reusing an existing key for the host (and
/// its unrelated fields such as `email`) and dropping duplicate keys.
pub(crate) fn set_auth(
    cfg: &mut Map<String, Value>,
    host: &str,
    cred: &Credential,
    path: &Path,
) -> Result<(), CredentialError> {
    let auths = cfg
        .entry("auths")
        .or_insert_with(|| Value::Object(Map::new()));
    if auths.is_null() {
        *auths = Value::Object(Map::new());
    }
    let Value::Object(auths) = auths else {
        return Err(invalid(path, "\"auths\" is not an object"));
    };
    let keys = matching_keys(auths, host);
    let key = keys.first().cloned().unwrap_or_else(|| server_url(host));
    for dup in keys.iter().skip(1) {
        auths.remove(dup);
    }
    let mut entry = match auths.get(&key) {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    for k in [
        "auth",
        "username",
        "password",
        "identitytoken",
        "registrytoken",
    ] {
        entry.remove(k);
    }
    let (username, password, token) = match cred {
        Credential::Basic { username, password } => (username, password.as_str(), None),
        Credential::IdentityToken { username, token } => (username, "", Some(token)),
    };
    if !username.is_empty() || !password.is_empty() {
        let auth =
            base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
        entry.insert("auth".into(), Value::String(auth));
    }
    if let Some(token) = token {
        entry.insert("identitytoken".into(), Value::String(token.clone()));
    }
    auths.insert(key, Value::Object(entry));
    Ok(())
}

/// Remove every `auths` entry for `host`. Returns whether one of them held a
/// credential.
pub(crate) fn remove_auth(
    cfg: &mut Map<String, Value>,
    host: &str,
    path: &Path,
) -> Result<(bool, bool), CredentialError> {
    let Some(Value::Object(auths)) = cfg.get_mut("auths") else {
        return Ok((false, false));
    };
    let keys = matching_keys(auths, host);
    let mut had_credential = false;
    for key in &keys {
        if let Some(v) = auths.remove(key) {
            // An unreadable entry is removed all the same: it is being logged out.
            had_credential |= !matches!(parse_entry(&v, key, path), Ok(None));
        }
    }
    Ok((!keys.is_empty(), had_credential))
}

/// Write the config: tab-indented JSON like docker's, to a temp file with
/// mode 0600 in the same directory, then renamed over the config (through a
/// symlink to its target, as docker does).
pub(crate) fn write(path: &Path, cfg: &Map<String, Value>) -> Result<(), CredentialError> {
    let target: PathBuf = match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    };
    let err = |e: std::io::Error| CredentialError::ConfigWrite {
        path: target.clone(),
        source: e,
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_private_dir(&dir).map_err(err)?;

    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"\t");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    serde::Serialize::serialize(cfg, &mut ser).map_err(|e| err(e.into()))?;
    buf.push(b'\n');

    let mut tmp = tempfile::Builder::new()
        .prefix(".config.json.")
        .tempfile_in(&dir)
        .map_err(err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o600)).map_err(err)?;
    }
    tmp.write_all(&buf).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(&target).map_err(|e| err(e.error))?;
    Ok(())
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_hosts() {
        assert_eq!(canonical_host("ghcr.io"), "ghcr.io");
        assert_eq!(canonical_host("https://ghcr.io"), "ghcr.io");
        assert_eq!(
            canonical_host("http://localhost:5000/v2/"),
            "localhost:5000"
        );
        assert_eq!(canonical_host(" GHCR.IO/ "), "ghcr.io");
        assert_eq!(canonical_host("https://index.docker.io/v1/"), "docker.io");
        assert_eq!(canonical_host("registry-1.docker.io"), "docker.io");
        assert_eq!(canonical_host("index.docker.io"), "docker.io");
        assert_eq!(canonical_host("docker.io"), "docker.io");
        assert_eq!(server_url("docker.io"), DOCKER_HUB_SERVER);
        assert_eq!(server_url("ghcr.io"), "ghcr.io");
    }
}
