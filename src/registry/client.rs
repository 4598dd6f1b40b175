//! The HTTP layer of the registry client: TLS options, auth retries, redirects, debug tracing.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use reqwest::{Method, RequestBuilder, Response, StatusCode};

use super::auth::{repo_scope, Authenticator, CredentialSource};
use super::error::{parse_oci_error, RegistryError, Result};
use crate::progress::TransferObserver;
use crate::reference::Reference;

#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// Talk plain HTTP instead of HTTPS.
    pub plain_http: bool,
    /// Skip TLS certificate verification.
    pub insecure: bool,
    /// Extra CA certificate (PEM) to trust.
    pub ca_file: Option<PathBuf>,
    /// Trace HTTP requests on stderr (secrets redacted).
    pub debug: bool,
    /// How many times a failed request (connect error, reset, timeout, 408, 429, 5xx) is retried.
    pub retries: u32,
    /// A connection or body that makes no progress for this long fails (and may be retried).
    pub stall_timeout: Option<Duration>,
    /// Where chunked uploads of files record their session after each chunk, so a later run
    /// can continue an interrupted upload instead of starting over. `None`: not recorded.
    pub upload_sessions: Option<PathBuf>,
    /// Told about the bytes of blob uploads and downloads as they move (progress display).
    pub observer: Option<Arc<dyn TransferObserver>>,
}

impl ClientOptions {
    fn stall(&self) -> Duration {
        self.stall_timeout.unwrap_or(Duration::from_secs(60))
    }
}

/// Is this status worth another try?
pub(crate) fn retryable_status(s: StatusCode) -> bool {
    matches!(s.as_u16(), 408 | 429 | 500 | 502 | 503 | 504)
}

/// Exponential backoff with jitter: ~200 ms, 400 ms, 800 ms … capped at 5 s.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let base = 200u64.saturating_mul(1 << attempt.min(5)).min(5_000);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    // jitter in [base/2, base*3/2)
    Duration::from_millis(base / 2 + nanos % base.max(1))
}

/// `Retry-After` in seconds (the HTTP-date form is treated as a short wait), capped at 60 s.
fn retry_after(resp: &Response) -> Option<Duration> {
    let v = resp
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?;
    match v.trim().parse::<u64>() {
        Ok(secs) => Some(Duration::from_secs(secs.min(60))),
        Err(_) => Some(Duration::from_secs(1)),
    }
}

/// A registry client shared by every repository handle; cheap to clone.
#[derive(Clone)]
pub struct Client {
    pub(crate) http: reqwest::Client,
    pub(crate) opts: Arc<ClientOptions>,
    pub(crate) auth: Arc<Authenticator>,
}

/// Format an error with its sources, one line.
pub(crate) fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let cs = c.to_string();
        if !s.contains(&cs) {
            s.push_str(": ");
            s.push_str(&cs);
        }
        cur = c.source();
    }
    s
}

/// What is wrong with the server's certificate, with what to do about it, when `e` is a
/// refused certificate. rustls' error reaches us only as the text of an `io::Error` deep in
/// reqwest's chain (its `Display` is `invalid peer certificate: <reason>`), hence the text.
pub(crate) fn certificate_problem(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let chain = error_chain(e);
    let (_, reason) = chain.split_once("invalid peer certificate: ")?;
    let reason = reason.trim();
    Some(
        if reason.contains("not valid for name") || reason.contains("NotValidForName") {
            format!(
                "TLS certificate does not match the host name ({reason}); connect by a name \
                 the certificate holds, or pass --insecure to skip verification"
            )
        } else {
            format!(
                "TLS certificate is not trusted ({reason}); pass --ca-file FILE to trust the \
                 registry's CA, or --insecure to skip verification"
            )
        },
    )
}

/// A request that got no response, as an error. A redirect the policy refused (https→http,
/// too many hops) or a refused certificate is a decision, not a transient failure, so it is
/// a `Protocol` error (not retried); anything else is a `Network` error (retried).
/// What went wrong on the wire, without reqwest's wrappers (which repeat the URL and say
/// "client error (Connect)"): e.g. `cannot connect: tcp connect error: Connection refused`.
pub(crate) fn network_detail(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_body() || e.is_decode() {
        "connection lost during the transfer"
    } else if e.is_redirect() {
        "redirect refused"
    } else {
        "request failed"
    };
    let mut causes: Vec<String> = Vec::new();
    let mut cur = std::error::Error::source(e);
    while let Some(c) = cur {
        let text = c.to_string();
        let wrapper =
            text.starts_with("client error (") || text.starts_with("error sending request");
        if !wrapper && !causes.iter().any(|p| p.contains(&text)) {
            causes.push(text);
        }
        cur = c.source();
    }
    if causes.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}: {}", causes.join(": "))
    }
}

pub(crate) fn request_error(host: &str, action: &str, e: &reqwest::Error) -> RegistryError {
    let (host, action) = (host.to_string(), action.to_string());
    if let Some(detail) = certificate_problem(e) {
        return RegistryError::Protocol {
            host,
            action,
            detail,
        };
    }
    let detail = network_detail(e);
    if e.is_redirect() {
        RegistryError::Protocol {
            host,
            action,
            detail,
        }
    } else {
        RegistryError::Network {
            host,
            action,
            detail,
        }
    }
}

impl Client {
    pub fn new(opts: ClientOptions, creds: Arc<dyn CredentialSource>) -> Result<Client> {
        let mut b = reqwest::Client::builder()
            .user_agent(concat!("artifact/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(opts.stall().min(Duration::from_secs(30)))
            .read_timeout(opts.stall())
            .pool_idle_timeout(Duration::from_secs(60))
            .redirect(redirect_policy());
        if opts.insecure {
            b = b.danger_accept_invalid_certs(true);
        }
        if let Some(ca) = &opts.ca_file {
            let pem = std::fs::read(ca).map_err(|e| {
                RegistryError::Config(format!("cannot read CA file {}: {e}", ca.display()))
            })?;
            let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
                RegistryError::Config(format!("CA file {} is not valid PEM: {e}", ca.display()))
            })?;
            // Anything without a `BEGIN CERTIFICATE` block parses as an empty bundle.
            if certs.is_empty() {
                return Err(RegistryError::Config(format!(
                    "CA file {} holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                    ca.display()
                )));
            }
            for c in certs {
                b = b.add_root_certificate(c);
            }
        }
        let http = b
            .build()
            .map_err(|e| RegistryError::Config(format!("cannot set up HTTP client: {e}")))?;
        Ok(Client {
            http,
            opts: Arc::new(opts),
            auth: Arc::new(Authenticator::new(creds)),
        })
    }

    pub fn repository(&self, r: &Reference) -> Repository {
        let scheme = if self.opts.plain_http {
            "http"
        } else {
            "https"
        };
        Repository {
            client: self.clone(),
            host: r.api_host().to_string(),
            name: r.repository.clone(),
            base: format!("{scheme}://{}/v2/{}", r.api_host(), r.repository),
        }
    }

    /// Check that the registry answers `/v2/` with the configured credentials.
    pub async fn ping(&self, host: &str) -> Result<()> {
        let scheme = if self.opts.plain_http {
            "http"
        } else {
            "https"
        };
        let url = format!("{scheme}://{host}/v2/");
        let resp = self
            .send(host, &[], "login", || Ok(self.http.get(&url)))
            .await?;
        check(resp, host, "login").await.map(|_| ())
    }

    /// Send a request, retrying transient failures (connect errors, resets, timeouts, 408,
    /// 429, 5xx) with backoff and honouring `Retry-After`. `build` is called for every try and
    /// must rebuild the whole request.
    pub(crate) async fn send(
        &self,
        host: &str,
        scopes: &[String],
        action: &str,
        build: impl Fn() -> Result<RequestBuilder>,
    ) -> Result<Response> {
        let mut attempt = 0;
        loop {
            let result = self.send_once(host, scopes, action, &build).await;
            if attempt >= self.opts.retries {
                return result;
            }
            let wait = match &result {
                Ok(resp) if retryable_status(resp.status()) => {
                    retry_after(resp).unwrap_or_else(|| backoff(attempt))
                }
                Err(RegistryError::Network { .. }) => backoff(attempt),
                _ => return result,
            };
            if self.opts.debug {
                eprintln!("* {action}: retrying in {} ms", wait.as_millis());
            }
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    /// Send a request once, answering auth challenges (and retrying for them only).
    pub(crate) async fn send_once(
        &self,
        host: &str,
        scopes: &[String],
        action: &str,
        build: &impl Fn() -> Result<RequestBuilder>,
    ) -> Result<Response> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let mut rb = build()?;
            let had_auth = match self.auth.header_for(host, scopes) {
                Some(h) => {
                    rb = rb.header(reqwest::header::AUTHORIZATION, h);
                    true
                }
                None => false,
            };
            let req = rb.build().map_err(|e| RegistryError::Protocol {
                host: host.to_string(),
                action: action.to_string(),
                detail: error_chain(&e),
            })?;
            if self.opts.debug {
                trace_request(&req);
            }
            let resp = self
                .http
                .execute(req)
                .await
                .map_err(|e| request_error(host, action, &e))?;
            if self.opts.debug {
                trace_response(&resp, host);
            }
            // One retry after learning the challenge; one more when a cached token went stale.
            if resp.status() != StatusCode::UNAUTHORIZED || attempts >= 3 {
                return Ok(resp);
            }
            let challenges: Vec<String> = resp
                .headers()
                .get_all(reqwest::header::WWW_AUTHENTICATE)
                .iter()
                .filter_map(|v| v.to_str().ok().map(str::to_string))
                .collect();
            if had_auth {
                // Credentials or a fresh token were just sent and refused: give up.
                if attempts >= 2 {
                    return Ok(resp);
                }
                self.auth.invalidate(host, scopes);
            }
            let refs: Vec<&str> = challenges.iter().map(String::as_str).collect();
            let retry = self
                .auth
                .handle_challenge(&self.http, host, &refs, scopes, self.opts.debug)
                .await?;
            if !retry {
                return Ok(resp);
            }
        }
    }
}

fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        if attempt.previous().len() >= 10 {
            return attempt.error("too many redirects");
        }
        let downgrade = attempt
            .previous()
            .last()
            .is_some_and(|p| p.scheme() == "https")
            && attempt.url().scheme() == "http";
        if downgrade {
            attempt.error("refusing redirect from https to http")
        } else {
            // reqwest drops Authorization, Cookie and Proxy-Authorization when the host changes.
            attempt.follow()
        }
    })
}

fn trace_request(req: &reqwest::Request) {
    eprintln!("> {} {}", req.method(), req.url());
    for (k, v) in req.headers() {
        eprintln!("> {k}: {}", redact(k.as_str(), v));
    }
}

fn trace_response(resp: &Response, registry_host: &str) {
    // After a redirect to object storage the URL's query is a presigned credential.
    let url = resp.url();
    let same_host = url.host_str().map(|h| match url.port() {
        Some(p) => format!("{h}:{p}"),
        None => h.to_string(),
    });
    if same_host.as_deref() == Some(registry_host) || url.query().is_none() {
        eprintln!("< {} {}", resp.status().as_u16(), url);
    } else {
        let mut shown = url.clone();
        shown.set_query(None);
        eprintln!("< {} {shown}?<redacted>", resp.status().as_u16());
    }
    for (k, v) in resp.headers() {
        eprintln!("< {k}: {}", redact(k.as_str(), v));
    }
}

fn redact(name: &str, v: &reqwest::header::HeaderValue) -> String {
    match name {
        "authorization" | "proxy-authorization" | "cookie" | "set-cookie" => {
            let s = v.to_str().unwrap_or("");
            let scheme = s.split(' ').next().unwrap_or("");
            format!("{scheme} <redacted>")
        }
        _ => v.to_str().unwrap_or("<binary>").to_string(),
    }
}

/// Turn a non-success response into the matching error; pass successes through.
pub(crate) async fn check(resp: Response, host: &str, action: &str) -> Result<Response> {
    let status = resp.status();
    if status.is_success() {
        return Ok(resp);
    }
    let body = resp.bytes().await.unwrap_or_default();
    let (code, message) = parse_oci_error(&body);
    let (host, action) = (host.to_string(), action.to_string());
    Err(match status {
        StatusCode::UNAUTHORIZED => RegistryError::Unauthorized {
            host,
            action,
            code,
            message,
        },
        StatusCode::FORBIDDEN => RegistryError::Denied {
            host,
            action,
            code,
            message,
        },
        _ => RegistryError::Status {
            host,
            action,
            status: status.as_u16(),
            code,
            message,
        },
    })
}

/// A handle on one repository of one registry.
#[derive(Clone)]
pub struct Repository {
    pub(crate) client: Client,
    pub(crate) host: String,
    pub(crate) name: String,
    /// `scheme://host/v2/<name>`
    pub(crate) base: String,
}

impl Repository {
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn host(&self) -> &str {
        &self.host
    }
    pub(crate) fn pull_scope(&self) -> Vec<String> {
        vec![repo_scope(&self.name, "pull")]
    }
    pub(crate) fn push_scope(&self) -> Vec<String> {
        vec![repo_scope(&self.name, "pull,push")]
    }
    pub(crate) async fn request(
        &self,
        method: Method,
        url: &str,
        scopes: &[String],
        action: &str,
        build: impl Fn(RequestBuilder) -> Result<RequestBuilder>,
    ) -> Result<Response> {
        let http = &self.client.http;
        self.client
            .send(&self.host, scopes, action, || {
                build(http.request(method.clone(), url))
            })
            .await
    }

    /// Like `request`, without retries: for requests whose failure the caller recovers from
    /// at a higher level (resuming an upload from the registry's offset).
    pub(crate) async fn request_once(
        &self,
        method: Method,
        url: &str,
        scopes: &[String],
        action: &str,
        build: impl Fn(RequestBuilder) -> Result<RequestBuilder>,
    ) -> Result<Response> {
        let http = &self.client.http;
        self.client
            .send_once(&self.host, scopes, action, &|| {
                build(http.request(method.clone(), url))
            })
            .await
    }

    pub(crate) fn retries(&self) -> u32 {
        self.client.opts.retries
    }
}

#[cfg(test)]
mod tests {
    use super::certificate_problem;

    fn io(msg: &str) -> std::io::Error {
        std::io::Error::other(msg.to_string())
    }

    #[test]
    fn refused_certificates_are_explained() {
        let untrusted =
            certificate_problem(&io("invalid peer certificate: UnknownIssuer")).unwrap();
        assert!(
            untrusted.contains("not trusted (UnknownIssuer)"),
            "{untrusted}"
        );
        assert!(untrusted.contains("--ca-file") && untrusted.contains("--insecure"));
        let name = certificate_problem(&io(
            "invalid peer certificate: certificate not valid for name \"127.0.0.1\"; \
             certificate is only valid for DnsName(\"example.com\")",
        ))
        .unwrap();
        assert!(name.contains("does not match the host name"), "{name}");
        assert!(
            name.contains("example.com") && name.contains("--insecure"),
            "{name}"
        );
        assert_eq!(certificate_problem(&io("connection refused")), None);
    }

    #[tokio::test]
    async fn network_errors_read_without_reqwest_wrappers() {
        // A loopback port nobody listens on: connection refused at once.
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let e = reqwest::Client::new()
            .get(format!("http://127.0.0.1:{port}/v2/"))
            .send()
            .await
            .unwrap_err();
        let detail = super::network_detail(&e);
        assert!(detail.starts_with("cannot connect: "), "{detail}");
        assert!(!detail.contains("error sending request"), "{detail}");
        assert!(!detail.contains("client error"), "{detail}");
        assert!(
            !detail.contains("/v2/"),
            "the URL is named elsewhere: {detail}"
        );
    }
}
