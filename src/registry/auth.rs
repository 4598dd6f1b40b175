//! Registry authentication: answers `WWW-Authenticate` challenges with Basic credentials or
//! Bearer tokens fetched from the challenge's realm, caching tokens per host and scope set.
//!
//! Where credentials come from is not this module's business: it asks a [`CredentialSource`].

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use reqwest::header::HeaderValue;

use super::error::{RegistryError, Result};
use crate::auth::challenge::{self, Challenge};

/// A secret the registry client can present.
#[derive(Clone, PartialEq, Eq)]
pub enum Secret {
    Basic {
        username: String,
        password: String,
    },
    /// An OAuth2 refresh token ("identity token"), exchanged at the realm by POST.
    IdentityToken {
        token: String,
    },
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Secret::Basic { username, .. } => write!(f, "Basic({username}, <redacted>)"),
            Secret::IdentityToken { .. } => write!(f, "IdentityToken(<redacted>)"),
        }
    }
}

/// Looks up the secret for a registry host (`host[:port]`), lazily. An `Err` is a lookup that
/// failed (a broken credential helper, an unreadable config), reported to the user as is.
pub trait CredentialSource: Send + Sync {
    fn secret(&self, host: &str) -> std::result::Result<Option<Secret>, String>;
}

/// No credentials at all: anonymous access only.
pub struct Anonymous;
impl CredentialSource for Anonymous {
    fn secret(&self, _host: &str) -> std::result::Result<Option<Secret>, String> {
        Ok(None)
    }
}

#[derive(Default)]
struct HostState {
    /// The scheme the host asked for last: Basic or Bearer challenge.
    basic: bool,
    bearer: Option<Challenge>,
    /// token cache: sorted scope set → (token, expiry)
    tokens: HashMap<String, (String, Instant)>,
    secret: Option<Option<Secret>>,
    /// Held while a token is fetched for this host, so concurrent requests refused for want
    /// of a token wait for one fetch and share its token.
    fetching: Arc<tokio::sync::Mutex<()>>,
}

pub struct Authenticator {
    source: Arc<dyn CredentialSource>,
    hosts: Mutex<HashMap<String, HostState>>,
}

/// The scope string for a repository and actions, e.g. `repository:team/x:pull,push`.
pub fn repo_scope(repo: &str, actions: &str) -> String {
    format!("repository:{repo}:{actions}")
}

fn scope_key(scopes: &[String]) -> String {
    let mut v: Vec<&str> = scopes.iter().map(String::as_str).collect();
    v.sort_unstable();
    v.dedup();
    v.join(" ")
}

#[derive(serde::Deserialize)]
struct TokenResponse {
    token: Option<String>,
    access_token: Option<String>,
    expires_in: Option<u64>,
}

impl Authenticator {
    pub fn new(source: Arc<dyn CredentialSource>) -> Authenticator {
        Authenticator {
            source,
            hosts: Mutex::new(HashMap::new()),
        }
    }

    fn secret(&self, host: &str) -> Result<Option<Secret>> {
        if let Some(s) = self
            .hosts
            .lock()
            .unwrap()
            .get(host)
            .and_then(|st| st.secret.clone())
        {
            return Ok(s);
        }
        // Looked up outside the lock: a credential helper may take a while.
        let found = self
            .source
            .secret(host)
            .map_err(RegistryError::Credentials)?;
        let mut hosts = self.hosts.lock().unwrap();
        hosts.entry(host.to_string()).or_default().secret = Some(found.clone());
        Ok(found)
    }

    /// The Authorization header to send proactively, if this host is known to need one.
    pub fn header_for(&self, host: &str, scopes: &[String]) -> Option<HeaderValue> {
        let basic = self.hosts.lock().unwrap().get(host)?.basic;
        if let Some(t) = self.cached_token(host, scopes) {
            return bearer_header(&t);
        }
        if basic {
            if let Ok(Some(Secret::Basic { username, password })) = self.secret(host) {
                return Some(basic_header(&username, &password));
            }
        }
        None
    }

    /// An unexpired cached token for this scope set.
    fn cached_token(&self, host: &str, scopes: &[String]) -> Option<String> {
        let hosts = self.hosts.lock().unwrap();
        hosts
            .get(host)?
            .tokens
            .get(&scope_key(scopes))
            .filter(|(_, exp)| *exp > Instant::now())
            .map(|(t, _)| t.clone())
    }

    /// React to a 401: learn the challenge, get what it asks for. Returns true when a retry
    /// with `header_for` has a chance to succeed.
    pub async fn handle_challenge(
        &self,
        http: &reqwest::Client,
        host: &str,
        www_authenticate: &[&str],
        scopes: &[String],
        debug: bool,
    ) -> Result<bool> {
        let challenges = challenge::parse_all(www_authenticate.iter().copied());
        if let Some(bearer) = challenges.iter().find(|c| c.scheme == "bearer") {
            let mut wanted: Vec<String> = scopes.to_vec();
            if let Some(s) = bearer.scope() {
                wanted.extend(s.split(' ').filter(|s| !s.is_empty()).map(str::to_string));
            }
            // A push uploads several blobs at once: every upload is refused until the first
            // token arrives. Fetch one at a time per host, and reuse a token another request
            // got meanwhile (the caller's own refused token was invalidated before this).
            let gate = {
                let mut hosts = self.hosts.lock().unwrap();
                hosts.entry(host.to_string()).or_default().fetching.clone()
            };
            let _fetching = gate.lock().await;
            if self.cached_token(host, scopes).is_some() {
                return Ok(true);
            }
            // The cache key is the scope set the caller asked for, so proactive lookups hit.
            let (token, ttl) = self.fetch_token(http, host, bearer, &wanted, debug).await?;
            let mut hosts = self.hosts.lock().unwrap();
            let st = hosts.entry(host.to_string()).or_default();
            st.bearer = Some(bearer.clone());
            let expiry = Instant::now() + ttl.saturating_sub(Duration::from_secs(5));
            st.tokens.insert(scope_key(scopes), (token.clone(), expiry));
            st.tokens.insert(scope_key(&wanted), (token, expiry));
            return Ok(true);
        }
        if challenges.iter().any(|c| c.scheme == "basic") {
            let has_basic = matches!(self.secret(host)?, Some(Secret::Basic { .. }));
            let mut hosts = self.hosts.lock().unwrap();
            hosts.entry(host.to_string()).or_default().basic = true;
            // The caller retries at most once with the header, so this cannot loop.
            return Ok(has_basic);
        }
        Ok(false)
    }

    /// Forget cached tokens for a host (after a 401 with a cached token).
    pub fn invalidate(&self, host: &str, scopes: &[String]) {
        if let Some(st) = self.hosts.lock().unwrap().get_mut(host) {
            st.tokens.remove(&scope_key(scopes));
        }
    }

    async fn fetch_token(
        &self,
        http: &reqwest::Client,
        host: &str,
        ch: &Challenge,
        scopes: &[String],
        debug: bool,
    ) -> Result<(String, Duration)> {
        let action = "token request".to_string();
        let realm = ch.realm().ok_or_else(|| RegistryError::Protocol {
            host: host.to_string(),
            action: action.clone(),
            detail: "Bearer challenge has no realm".into(),
        })?;
        let mut url = url::Url::parse(realm).map_err(|e| RegistryError::Protocol {
            host: host.to_string(),
            action: action.clone(),
            detail: format!("invalid token realm {realm:?}: {e}"),
        })?;
        let secret = self.secret(host)?;
        let req = match &secret {
            Some(Secret::IdentityToken { token }) => {
                let mut form: Vec<(&str, &str)> = vec![
                    ("grant_type", "refresh_token"),
                    ("refresh_token", token),
                    ("client_id", "artifact"),
                ];
                if let Some(s) = ch.service() {
                    form.push(("service", s));
                }
                let scope = scopes.join(" ");
                if !scope.is_empty() {
                    form.push(("scope", &scope));
                }
                http.post(url.clone()).form(&form)
            }
            _ => {
                {
                    let mut q = url.query_pairs_mut();
                    if let Some(s) = ch.service() {
                        q.append_pair("service", s);
                    }
                    for s in scopes {
                        q.append_pair("scope", s);
                    }
                }
                let r = http.get(url.clone());
                match &secret {
                    Some(Secret::Basic { username, password }) => {
                        r.header("authorization", basic_header(username, password))
                    }
                    _ => r,
                }
            }
        };
        let realm_host = url.host_str().unwrap_or("").to_string();
        if debug {
            eprintln!("> token request to {realm_host} for {}", scopes.join(" "));
        }
        let resp = req
            .send()
            .await
            .map_err(|e| super::client::request_error(&realm_host, &action, &e))?;
        let status = resp.status();
        if debug {
            eprintln!("< token response {status}");
        }
        if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
            return Err(RegistryError::Unauthorized {
                host: host.to_string(),
                action: "token request".into(),
                code: None,
                message: Some(format!(
                    "token service {realm_host} rejected the credentials"
                )),
            });
        }
        if !status.is_success() {
            return Err(RegistryError::Status {
                host: realm_host,
                action,
                status: status.as_u16(),
                code: None,
                message: None,
            });
        }
        let body = resp.bytes().await.map_err(|e| RegistryError::Network {
            host: realm_host.clone(),
            action: action.clone(),
            detail: super::client::error_chain(&e),
        })?;
        let tr: TokenResponse =
            serde_json::from_slice(&body).map_err(|e| RegistryError::Protocol {
                host: realm_host.clone(),
                action: action.clone(),
                detail: format!("invalid token response: {e}"),
            })?;
        let token = tr
            .token
            .filter(|t| !t.is_empty())
            .or(tr.access_token)
            .ok_or_else(|| RegistryError::Protocol {
                host: realm_host,
                action,
                detail: "token response has neither token nor access_token".into(),
            })?;
        // The token spec: "When omitted, this defaults to 60 seconds. For compatibility with
        // older clients, a token should never be returned with less than 60 seconds to live."
        // Docker's client raises shorter lifetimes to 60 s too. Below the 5 s safety margin a
        // token would otherwise expire before the retry it was fetched for; a token the
        // registry refuses as expired is replaced anyway (see `Client::send_once`).
        let ttl = Duration::from_secs(tr.expires_in.unwrap_or(60).max(60));
        Ok((token, ttl))
    }
}

fn basic_header(username: &str, password: &str) -> HeaderValue {
    let enc = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    let mut v = HeaderValue::from_str(&format!("Basic {enc}")).expect("base64 is a valid header");
    v.set_sensitive(true);
    v
}

fn bearer_header(token: &str) -> Option<HeaderValue> {
    let mut v = HeaderValue::from_str(&format!("Bearer {token}")).ok()?;
    v.set_sensitive(true);
    Some(v)
}
