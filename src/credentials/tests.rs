//! Unit tests: config files as `docker login` writes them, helpers played by
//! a shell script in a temp dir, the keyring by an in-memory mock. The real
//! OS keyring tests are `#[ignore]`d: see `real_keyring_*` below.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use base64::Engine;
use serde_json::{json, Value};

use super::*;

/// A docker-credential-helpers stand-in keeping one file per server URL in
/// `<program>.store/`.
const FAKE_HELPER: &str = r#"#!/bin/sh
d="$0.store"
mkdir -p "$d"
key() { printf '%s' "$1" | tr -c 'A-Za-z0-9.-' '_'; }
case "$1" in
get)
  url=$(cat)
  f="$d/$(key "$url")"
  if [ -f "$f" ]; then cat "$f"; else echo "credentials not found in native keychain"; exit 1; fi ;;
store)
  json=$(cat)
  url=$(printf '%s' "$json" | sed -n 's/.*"ServerURL":"\([^"]*\)".*/\1/p')
  printf '%s' "$json" > "$d/$(key "$url")" ;;
erase)
  url=$(cat)
  f="$d/$(key "$url")"
  if [ -f "$f" ]; then rm -f "$f"; else echo "credentials not found in native keychain"; exit 1; fi ;;
*) echo "unknown action $1" >&2; exit 1 ;;
esac
"#;

struct Env {
    _dir: tempfile::TempDir,
    root: PathBuf,
    config: PathBuf,
    bin: PathBuf,
    keyring: Arc<Mutex<HashMap<String, String>>>,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let bin = root.join("bin");
        fs::create_dir(&bin).unwrap();
        Env {
            config: root.join("docker").join("config.json"),
            root,
            bin,
            _dir: dir,
            keyring: Arc::default(),
        }
    }

    fn write_config(&self, v: &Value) {
        fs::create_dir_all(self.config.parent().unwrap()).unwrap();
        fs::write(&self.config, serde_json::to_string_pretty(v).unwrap()).unwrap();
    }

    fn read_config(&self) -> Value {
        serde_json::from_str(&fs::read_to_string(&self.config).unwrap()).unwrap()
    }

    fn script(&self, name: &str, body: &str) {
        let p = self.bin.join(format!("docker-credential-{name}"));
        fs::write(&p, body).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&p, fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    fn fake_helper(&self, name: &str) {
        self.script(name, FAKE_HELPER);
    }

    /// Put a credential into a fake helper's store directly.
    fn helper_put(&self, name: &str, server: &str, user: &str, secret: &str) {
        let d = self.helper_store(name);
        fs::create_dir_all(&d).unwrap();
        let json = json!({"ServerURL": server, "Username": user, "Secret": secret});
        fs::write(d.join(helper_key(server)), json.to_string()).unwrap();
    }

    fn helper_store(&self, name: &str) -> PathBuf {
        self.bin.join(format!("docker-credential-{name}.store"))
    }

    fn helper_has(&self, name: &str, server: &str) -> bool {
        self.helper_store(name).join(helper_key(server)).exists()
    }

    /// No keyring at all.
    fn store(&self) -> Store {
        Store::for_test(
            self.config.clone(),
            Some(self.bin.clone()),
            Backend::Disabled,
        )
    }

    /// The in-memory keyring.
    fn store_with_keyring(&self) -> Store {
        Store::for_test(
            self.config.clone(),
            Some(self.bin.clone()),
            Backend::Mock(self.keyring.clone()),
        )
    }

    /// A keyring that cannot be reached.
    fn store_unreachable_keyring(&self) -> Store {
        Store::for_test(
            self.config.clone(),
            Some(self.bin.clone()),
            Backend::Unreachable,
        )
    }
}

fn helper_key(server: &str) -> String {
    server
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(s)
}

fn basic(u: &str, p: &str) -> Credential {
    Credential::Basic {
        username: u.into(),
        password: p.into(),
    }
}

fn token(u: &str, t: &str) -> Credential {
    Credential::IdentityToken {
        username: u.into(),
        token: t.into(),
    }
}

fn get(store: &Store, registry: &str) -> Option<(Credential, Location)> {
    store.get(registry).unwrap()
}

#[test]
fn reads_config_written_by_docker_login() {
    let env = Env::new();
    // As docker writes it: tab indentation, Docker Hub under its v1 URL.
    let text = format!(
        "{{\n\t\"auths\": {{\n\t\t\"ghcr.io\": {{\n\t\t\t\"auth\": \"{}\"\n\t\t}},\n\t\t\"https://index.docker.io/v1/\": {{\n\t\t\t\"auth\": \"{}\"\n\t\t}},\n\t\t\"myreg.azurecr.io\": {{\n\t\t\t\"auth\": \"{}\",\n\t\t\t\"identitytoken\": \"eyJhbGciOi.refresh\"\n\t\t}},\n\t\t\"quay.io\": {{}}\n\t}}\n}}",
        b64("octocat:ghp_pass:with:colons"),
        b64("hubuser:hubpass"),
        b64("00000000-0000-0000-0000-000000000000:"),
    );
    fs::create_dir_all(env.config.parent().unwrap()).unwrap();
    fs::write(&env.config, text).unwrap();
    let store = env.store();
    let file = Location::ConfigFile(env.config.clone());

    assert_eq!(
        get(&store, "ghcr.io"),
        Some((basic("octocat", "ghp_pass:with:colons"), file.clone()))
    );
    for hub in [
        "docker.io",
        "index.docker.io",
        "registry-1.docker.io",
        "https://index.docker.io/v1/",
    ] {
        assert_eq!(
            get(&store, hub),
            Some((basic("hubuser", "hubpass"), file.clone())),
            "{hub}"
        );
    }
    assert_eq!(
        get(&store, "myreg.azurecr.io"),
        Some((
            token("00000000-0000-0000-0000-000000000000", "eyJhbGciOi.refresh"),
            file.clone()
        ))
    );
    // `{}` is what docker leaves behind when a helper holds the secret.
    assert_eq!(get(&store, "quay.io"), None);
    assert_eq!(get(&store, "example.com"), None);
}

#[test]
fn username_password_fields_and_key_forms() {
    let env = Env::new();
    env.write_config(&json!({
        "auths": {
            "http://localhost:5000/v2/": {"username": "u", "password": "p"},
            "https://Registry.Example.com": {"auth": b64("a:b").trim_end_matches('='), "email": "x@y"},
            "token.example": {"identitytoken": "tok"},
        }
    }));
    let store = env.store();
    let file = Location::ConfigFile(env.config.clone());
    assert_eq!(
        get(&store, "localhost:5000"),
        Some((basic("u", "p"), file.clone()))
    );
    assert_eq!(
        get(&store, "registry.example.com"),
        Some((basic("a", "b"), file.clone()))
    );
    assert_eq!(get(&store, "token.example"), Some((token("", "tok"), file)));
    assert_eq!(get(&store, "localhost:5001"), None);
}

#[test]
fn missing_config_is_empty() {
    let env = Env::new();
    let store = Store::open(Some(env.config.clone()))
        .unwrap()
        .without_keyring();
    assert_eq!(store.config_path(), env.config);
    assert!(!store.keyring_enabled());
    assert_eq!(store.get("ghcr.io").unwrap(), None);
    assert_eq!(store.erase("ghcr.io").unwrap(), vec![]);
    assert!(
        !env.config.exists(),
        "erase of nothing must not create the file"
    );
}

#[test]
fn default_config_paths() {
    let home = PathBuf::from("/home/me");
    assert_eq!(
        default_config_path(Some("/etc/dc".into()), Some(home.clone())).unwrap(),
        PathBuf::from("/etc/dc/config.json")
    );
    assert_eq!(
        default_config_path(Some("".into()), Some(home.clone())).unwrap(),
        PathBuf::from("/home/me/.docker/config.json")
    );
    assert_eq!(
        default_config_path(None, Some(home)).unwrap(),
        PathBuf::from("/home/me/.docker/config.json")
    );
    assert!(matches!(
        default_config_path(None, None),
        Err(CredentialError::NoHome)
    ));
}

#[test]
fn malformed_config_errors_name_the_file() {
    let env = Env::new();
    fs::create_dir_all(env.config.parent().unwrap()).unwrap();
    fs::write(&env.config, "}").unwrap();
    let err = Store::open(Some(env.config.clone())).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "cannot parse {}: expected value at line 1 column 1",
            env.config.display()
        )
    );

    env.write_config(&json!({"auths": {"ghcr.io": {"auth": "!!not base64!!"}}}));
    let err = env.store().get("ghcr.io").unwrap_err().to_string();
    assert!(err.contains(&env.config.display().to_string()), "{err}");
    assert!(err.contains("ghcr.io") && err.contains("auth"), "{err}");

    env.write_config(&json!({"auths": []}));
    let err = env.store().get("ghcr.io").unwrap_err().to_string();
    assert_eq!(
        err,
        format!(
            "invalid {}: \"auths\" is not an object",
            env.config.display()
        )
    );

    env.write_config(&json!([1]));
    assert!(Store::open(Some(env.config.clone())).is_err());

    // Blank file = empty config.
    fs::write(&env.config, "  \n").unwrap();
    assert_eq!(env.store().get("ghcr.io").unwrap(), None);
}

#[test]
fn cred_helpers_then_creds_store_then_keyring_then_file() {
    let env = Env::new();
    env.fake_helper("fake");
    env.fake_helper("other");
    env.write_config(&json!({
        "credHelpers": {"https://ghcr.io": "fake", "gcr.io": ""},
        "credsStore": "other",
        "auths": {
            "ghcr.io": {"auth": b64("file:file")},
            "quay.io": {"auth": b64("file:file")},
            "keyring.example": {"auth": b64("file:file")},
            "file.example": {"auth": b64("file:file")},
        }
    }));
    env.helper_put("fake", "ghcr.io", "helper-user", "helper-secret");
    env.helper_put("other", "ghcr.io", "store-user", "store-secret");
    env.helper_put("other", "quay.io", "store-user", "store-secret");
    env.keyring.lock().unwrap().insert(
        "keyring.example".into(),
        basic("kr-user", "kr-secret").to_keyring_json(),
    );
    let store = env.store_with_keyring();

    assert_eq!(
        get(&store, "ghcr.io"),
        Some((
            basic("helper-user", "helper-secret"),
            Location::Helper("fake".into())
        ))
    );
    assert_eq!(
        get(&store, "quay.io"),
        Some((
            basic("store-user", "store-secret"),
            Location::Helper("other".into())
        ))
    );
    assert_eq!(
        get(&store, "keyring.example"),
        Some((basic("kr-user", "kr-secret"), Location::Keyring))
    );
    assert_eq!(
        get(&store, "file.example"),
        Some((
            basic("file", "file"),
            Location::ConfigFile(env.config.clone())
        ))
    );
    // credHelpers has nothing for the host: the credsStore answers.
    fs::remove_dir_all(env.helper_store("fake")).unwrap();
    assert_eq!(
        get(&store, "ghcr.io"),
        Some((
            basic("store-user", "store-secret"),
            Location::Helper("other".into())
        ))
    );
}

#[test]
fn helper_store_get_erase_roundtrip() {
    let env = Env::new();
    env.fake_helper("fake");
    env.fake_helper("other");
    env.write_config(
        &json!({"credHelpers": {"ghcr.io": "fake"}, "credsStore": "other", "psFormat": "x"}),
    );
    let store = env.store_with_keyring();

    let loc = store.store("ghcr.io", &basic("u", "p")).unwrap();
    assert_eq!(loc, Location::Helper("fake".into()));
    assert_eq!(loc.to_string(), "credential helper docker-credential-fake");
    assert!(env.helper_has("fake", "ghcr.io"));
    assert_eq!(
        get(&store, "ghcr.io"),
        Some((basic("u", "p"), Location::Helper("fake".into())))
    );

    // Identity tokens go as Username "<token>".
    assert_eq!(
        store.store("quay.io", &token("me", "refresh")).unwrap(),
        Location::Helper("other".into())
    );
    let raw = fs::read_to_string(env.helper_store("other").join("quay.io")).unwrap();
    assert!(raw.contains("\"Username\":\"<token>\""), "{raw}");
    assert_eq!(
        get(&store, "quay.io"),
        Some((token("", "refresh"), Location::Helper("other".into())))
    );

    // Docker Hub is asked for under its v1 URL.
    store
        .store("registry-1.docker.io", &basic("hub", "pw"))
        .unwrap();
    assert!(env.helper_has("other", "https://index.docker.io/v1/"));
    assert_eq!(get(&store, "docker.io").unwrap().0, basic("hub", "pw"));

    assert!(
        env.keyring.lock().unwrap().is_empty(),
        "helpers win over the keyring"
    );
    assert_eq!(
        env.read_config(),
        json!({"credHelpers": {"ghcr.io": "fake"}, "credsStore": "other", "psFormat": "x"})
    );

    assert_eq!(
        store.erase("ghcr.io").unwrap(),
        vec![Location::Helper("fake".into())]
    );
    assert!(!env.helper_has("fake", "ghcr.io"));
    assert_eq!(get(&store, "ghcr.io"), None);
    assert_eq!(store.erase("ghcr.io").unwrap(), vec![]);
}

#[test]
fn missing_helper_is_a_clear_error() {
    let env = Env::new();
    env.write_config(&json!({"credsStore": "nope"}));
    let store = env.store();
    let want = "credential helper docker-credential-nope not found in PATH";
    assert_eq!(store.get("ghcr.io").unwrap_err().to_string(), want);
    assert_eq!(
        store
            .store("ghcr.io", &basic("u", "p"))
            .unwrap_err()
            .to_string(),
        want
    );
    assert_eq!(store.erase("ghcr.io").unwrap_err().to_string(), want);
    assert!(
        env.read_config().get("auths").is_none(),
        "nothing falls back to the file"
    );
}

#[test]
fn failing_helper_is_a_clear_error_without_secrets() {
    let env = Env::new();
    env.script(
        "broken",
        "#!/bin/sh\ncat >/dev/null\necho 'boom: the vault is sealed' >&2\nexit 3\n",
    );
    env.script(
        "garbage",
        "#!/bin/sh\ncat >/dev/null\necho '{\"Username\":\"u\",\"Secret\":\"s3cr3t-value\"'\n",
    );
    env.write_config(&json!({"credHelpers": {"a.example": "broken", "b.example": "garbage"}}));
    let store = env.store();
    assert_eq!(
        store.get("a.example").unwrap_err().to_string(),
        "credential helper docker-credential-broken failed to get credentials: boom: the vault is sealed"
    );
    assert_eq!(
        store.store("a.example", &basic("u", "p")).unwrap_err().to_string(),
        "credential helper docker-credential-broken failed to store credentials: boom: the vault is sealed"
    );
    let err = store.get("b.example").unwrap_err().to_string();
    assert!(
        err.starts_with("credential helper docker-credential-garbage returned invalid output"),
        "{err}"
    );
    assert!(!err.contains("s3cr3t"), "{err}");
}

#[test]
fn store_to_file_is_private_and_keeps_other_keys() {
    let env = Env::new();
    env.write_config(&json!({
        "auths": {
            "https://ghcr.io": {"auth": b64("old:old"), "email": "me@example.com"},
            "ghcr.io/v2/": {"auth": b64("dup:dup")},
            "quay.io": {"auth": b64("q:q")},
        },
        "credHelpers": {"gcr.io": "gcloud"},
        "proxies": {"default": {"httpProxy": "http://proxy:3128"}},
        "psFormat": "table {{.ID}}",
        "experimental": "enabled",
    }));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&env.config, fs::Permissions::from_mode(0o644)).unwrap();
    }
    let store = env.store();
    let loc = store.store("ghcr.io", &basic("new", "pw")).unwrap();
    assert_eq!(loc, Location::ConfigFile(env.config.clone()));
    assert_eq!(loc.to_string(), env.config.display().to_string());

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&env.config).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let text = fs::read_to_string(&env.config).unwrap();
    assert!(
        text.starts_with("{\n\t\"auths\""),
        "tab-indented like docker: {text}"
    );
    let v = env.read_config();
    assert_eq!(
        v,
        json!({
            "auths": {
                "https://ghcr.io": {"email": "me@example.com", "auth": b64("new:pw")},
                "quay.io": {"auth": b64("q:q")},
            },
            "credHelpers": {"gcr.io": "gcloud"},
            "proxies": {"default": {"httpProxy": "http://proxy:3128"}},
            "psFormat": "table {{.ID}}",
            "experimental": "enabled",
        })
    );
    // Key order of the file is kept.
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "auths",
            "credHelpers",
            "proxies",
            "psFormat",
            "experimental"
        ]
    );
    assert_eq!(get(&store, "ghcr.io").unwrap().0, basic("new", "pw"));
    // No temp files left behind.
    let names: Vec<_> = fs::read_dir(env.config.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["config.json"]);
}

#[test]
fn store_creates_config_and_writes_docker_hub_and_tokens() {
    let env = Env::new();
    let store = env.store();
    store.store("docker.io", &basic("hub", "pw")).unwrap();
    store
        .store("myreg.azurecr.io", &token("0000", "refresh"))
        .unwrap();
    store.store("anon.example", &token("", "t")).unwrap();
    assert_eq!(
        env.read_config(),
        json!({"auths": {
            "https://index.docker.io/v1/": {"auth": b64("hub:pw")},
            "myreg.azurecr.io": {"auth": b64("0000:"), "identitytoken": "refresh"},
            "anon.example": {"identitytoken": "t"},
        }})
    );
    assert_eq!(
        get(&store, "index.docker.io").unwrap().0,
        basic("hub", "pw")
    );
    assert_eq!(
        get(&store, "myreg.azurecr.io").unwrap().0,
        token("0000", "refresh")
    );
    assert_eq!(get(&store, "anon.example").unwrap().0, token("", "t"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(env.config.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o700, "a new config dir is private");
    }
}

#[cfg(unix)]
#[test]
fn store_writes_through_a_symlinked_config() {
    let env = Env::new();
    let real = env.root.join("real.json");
    fs::write(&real, r#"{"psFormat": "x"}"#).unwrap();
    fs::create_dir_all(env.config.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(&real, &env.config).unwrap();
    env.store().store("ghcr.io", &basic("u", "p")).unwrap();
    assert!(fs::symlink_metadata(&env.config)
        .unwrap()
        .file_type()
        .is_symlink());
    let v: Value = serde_json::from_str(&fs::read_to_string(&real).unwrap()).unwrap();
    assert_eq!(
        v,
        json!({"psFormat": "x", "auths": {"ghcr.io": {"auth": b64("u:p")}}})
    );
}

#[test]
fn store_prefers_reachable_keyring() {
    let env = Env::new();
    env.write_config(&json!({"psFormat": "x"}));
    let store = env.store_with_keyring();
    assert_eq!(
        store.store("ghcr.io", &basic("u", "p")).unwrap(),
        Location::Keyring
    );
    assert_eq!(Location::Keyring.to_string(), "the OS keyring");
    let secret = env.keyring.lock().unwrap()["ghcr.io"].clone();
    assert_eq!(
        serde_json::from_str::<Value>(&secret).unwrap(),
        json!({"username": "u", "password": "p"})
    );
    assert_eq!(
        env.read_config(),
        json!({"psFormat": "x"}),
        "file untouched"
    );
    assert_eq!(
        get(&store, "ghcr.io"),
        Some((basic("u", "p"), Location::Keyring))
    );

    store.store("docker.io", &token("me", "rt")).unwrap();
    assert_eq!(
        get(&store, "registry-1.docker.io"),
        Some((token("me", "rt"), Location::Keyring))
    );
    assert!(env.keyring.lock().unwrap().contains_key("docker.io"));
    assert_eq!(store.keyring_unavailable_reason(), None);
}

#[test]
fn unreachable_keyring_falls_back_to_file() {
    let env = Env::new();
    let store = env.store_unreachable_keyring();
    assert!(store.keyring_enabled());
    assert_eq!(get(&store, "ghcr.io"), None, "reads skip it silently");
    let loc = store.store("ghcr.io", &basic("u", "p")).unwrap();
    assert_eq!(loc, Location::ConfigFile(env.config.clone()));
    assert!(store.keyring_unavailable_reason().is_some());
    assert_eq!(get(&store, "ghcr.io"), Some((basic("u", "p"), loc.clone())));
    assert_eq!(store.erase("ghcr.io").unwrap(), vec![loc]);
}

#[test]
fn erase_removes_from_every_place() {
    let env = Env::new();
    env.fake_helper("fake");
    env.write_config(&json!({
        "credHelpers": {"ghcr.io": "fake"},
        "auths": {
            "ghcr.io": {"auth": b64("f:f")},
            "https://ghcr.io/v2/": {"auth": b64("g:g")},
            "quay.io": {"auth": b64("q:q")},
            "empty.example": {},
        },
        "psFormat": "x",
    }));
    env.helper_put("fake", "ghcr.io", "h", "h");
    env.keyring
        .lock()
        .unwrap()
        .insert("ghcr.io".into(), basic("k", "k").to_keyring_json());
    let store = env.store_with_keyring();

    let removed = store.erase("ghcr.io").unwrap();
    assert_eq!(
        removed,
        vec![
            Location::Helper("fake".into()),
            Location::Keyring,
            Location::ConfigFile(env.config.clone())
        ]
    );
    assert_eq!(get(&store, "ghcr.io"), None);
    assert_eq!(
        env.read_config(),
        json!({
            "credHelpers": {"ghcr.io": "fake"},
            "auths": {"quay.io": {"auth": b64("q:q")}, "empty.example": {}},
            "psFormat": "x",
        })
    );
    assert_eq!(store.erase("ghcr.io").unwrap(), vec![]);
    // An empty entry is dropped but was no login.
    assert_eq!(store.erase("empty.example").unwrap(), vec![]);
    assert_eq!(
        env.read_config()["auths"],
        json!({"quay.io": {"auth": b64("q:q")}})
    );
    // Docker Hub under any alias.
    store.store("docker.io", &basic("a", "b")).unwrap();
    assert_eq!(
        store.erase("index.docker.io").unwrap(),
        vec![Location::Keyring]
    );
}

#[test]
fn erase_goes_on_after_a_helper_error() {
    let env = Env::new();
    env.write_config(&json!({"credsStore": "nope", "auths": {"ghcr.io": {"auth": b64("f:f")}}}));
    let err = env.store().erase("ghcr.io").unwrap_err();
    assert!(matches!(err, CredentialError::HelperNotFound { .. }));
    assert_eq!(
        env.read_config()["auths"],
        json!({}),
        "the file entry is gone all the same"
    );
}

#[test]
fn debug_redacts_secrets() {
    let b = format!("{:?}", basic("alice", "hunter2"));
    assert!(
        b.contains("alice") && b.contains("<redacted>") && !b.contains("hunter2"),
        "{b}"
    );
    let t = format!("{:?}", token("bob", "refresh-xyz"));
    assert!(
        t.contains("bob") && t.contains("<redacted>") && !t.contains("refresh-xyz"),
        "{t}"
    );
    let pretty = format!(
        "{:#?}",
        Some((basic("alice", "hunter2"), Location::Keyring))
    );
    assert!(!pretty.contains("hunter2"));
}

#[test]
fn keyring_json_roundtrip() {
    for c in [basic("u", "p\"w\\"), token("u", "t"), token("", "t")] {
        assert_eq!(Credential::from_keyring_json(&c.to_keyring_json()), Some(c));
    }
    assert_eq!(Credential::from_keyring_json("not json"), None);
}

// ---- The real OS keyring, run by hand (the integration suite may wire them):
//
// dbus-run-session -- bash -c '
//   echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null
//   # wait for the daemon to own the name, or D-Bus activation may start a
//   # second daemon that finds a half-written login.keyring (~1 run in 15)
//   until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
//     org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q "boolean true"; do sleep 0.05; done
//   cargo test --lib credentials::tests::real_keyring -- --ignored --test-threads=1'
//
// and, with no session bus at all (or ARTIFACT_KEYRING_TIMEOUT and a bus that never answers):
// env -u DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR=/nonexistent \
//   cargo test --lib no_session_bus_keyring -- --ignored

fn real_store(env: &Env) -> Store {
    Store::for_test(env.config.clone(), Some(env.bin.clone()), Backend::Os)
}

#[test]
#[ignore = "needs a Secret Service (see comment)"]
fn real_keyring_roundtrip() {
    let env = Env::new();
    let store = real_store(&env);
    let host = format!("artifact-test-{}.example", std::process::id());
    assert_eq!(
        store.store(&host, &basic("u", "p")).unwrap(),
        Location::Keyring,
        "{:?}",
        store.keyring_unavailable_reason()
    );
    assert_eq!(
        get(&store, &host),
        Some((basic("u", "p"), Location::Keyring))
    );
    assert!(!env.config.exists());
    assert_eq!(store.erase(&host).unwrap(), vec![Location::Keyring]);
    assert_eq!(get(&store, &host), None);
}

/// What we write is what `secret-tool` (libsecret) sees, and the other way round.
#[test]
#[ignore = "needs a Secret Service and secret-tool (see comment)"]
fn real_keyring_interop_with_secret_tool() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let env = Env::new();
    let store = real_store(&env);
    let host = format!("artifact-interop-{}.example", std::process::id());
    assert_eq!(
        store.store(&host, &basic("u", "p")).unwrap(),
        Location::Keyring
    );
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "artifact", "username", &host])
        .output()
        .unwrap();
    let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(seen, json!({"username": "u", "password": "p"}));
    store.erase(&host).unwrap();

    let mut child = Command::new("secret-tool")
        .args([
            "store",
            "--label=artifact test",
            "service",
            "artifact",
            "username",
            &host,
        ])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"username":"st","identitytoken":"tok"}"#)
        .unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(
        get(&store, &host),
        Some((token("st", "tok"), Location::Keyring))
    );
    assert_eq!(store.erase(&host).unwrap(), vec![Location::Keyring]);
    let out = Command::new("secret-tool")
        .args(["lookup", "service", "artifact", "username", &host])
        .output()
        .unwrap();
    assert!(out.stdout.is_empty());
}

/// The protocol against the real docker-credential-secretservice.
#[test]
#[ignore = "needs a Secret Service and docker-credential-secretservice (see comment)"]
fn real_keyring_secretservice_helper() {
    let env = Env::new();
    env.write_config(&json!({"credsStore": "secretservice"}));
    let store = Store::for_test(env.config.clone(), None, Backend::Disabled);
    let host = format!("artifact-helper-{}.example", std::process::id());
    let helper = Location::Helper("secretservice".into());
    assert_eq!(get(&store, &host), None);
    assert_eq!(store.erase(&host).unwrap(), vec![]);
    assert_eq!(store.store(&host, &basic("u", "p w")).unwrap(), helper);
    assert_eq!(
        get(&store, &host),
        Some((basic("u", "p w"), helper.clone()))
    );
    assert_eq!(store.store(&host, &token("me", "rt")).unwrap(), helper);
    assert_eq!(get(&store, &host), Some((token("", "rt"), helper.clone())));
    assert_eq!(store.erase(&host).unwrap(), vec![helper]);
    assert_eq!(get(&store, &host), None);
}

#[test]
#[ignore = "needs a Secret Service (see comment)"]
fn real_keyring_inside_tokio_runtime() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let env = Env::new();
        let store = real_store(&env);
        let host = format!("artifact-test-rt-{}.example", std::process::id());
        assert_eq!(
            store.store(&host, &token("me", "rt")).unwrap(),
            Location::Keyring
        );
        assert_eq!(
            get(&store, &host),
            Some((token("me", "rt"), Location::Keyring))
        );
        assert_eq!(store.erase(&host).unwrap(), vec![Location::Keyring]);
    });
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let env = Env::new();
        let store = real_store(&env);
        let host = format!("artifact-test-ct-{}.example", std::process::id());
        assert_eq!(
            store.store(&host, &basic("u", "p")).unwrap(),
            Location::Keyring
        );
        assert_eq!(store.erase(&host).unwrap(), vec![Location::Keyring]);
    });
}

#[test]
#[ignore = "run without a D-Bus session (see comment)"]
fn no_session_bus_keyring_falls_back() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let env = Env::new();
        let store = real_store(&env);
        let start = std::time::Instant::now();
        assert_eq!(get(&store, "ghcr.io"), None);
        let loc = store.store("ghcr.io", &basic("u", "p")).unwrap();
        assert_eq!(loc, Location::ConfigFile(env.config.clone()));
        let elapsed = start.elapsed();
        eprintln!(
            "fell back in {elapsed:?}: {:?}",
            store.keyring_unavailable_reason()
        );
        assert!(elapsed < os_keyring::DEFAULT_TIMEOUT + std::time::Duration::from_secs(1));
        assert!(store.keyring_unavailable_reason().is_some());
    });
}

#[allow(dead_code)]
fn _assert_send_sync(s: &Store) -> &(dyn Send + Sync) {
    s
}
