//! The rest of the distribution API the toolbox commands need: paginated listings
//! (`_catalog`, `tags/list`), blob metadata and deletes that ask for the `delete` action.

use futures_util::StreamExt;
use reqwest::{Method, StatusCode};

use super::auth::repo_scope;
use super::client::{check, error_chain, Client, Repository};
use super::error::{parse_oci_error, RegistryError, Result};
use crate::digest::Digest;
use crate::manifest::Descriptor;

/// Largest listing page we read (a registry without pagination may send every tag at once).
const MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// Scope for listing a registry's repositories.
pub const CATALOG_SCOPE: &str = "registry:catalog:*";

/// Where a listing starts and how big its pages are.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    /// Start after this entry (`last=`).
    pub last: Option<String>,
    /// Ask for at most this many entries per page (`n=`); `None` leaves it to the registry.
    pub page_size: Option<u32>,
}

/// The `rel="next"` target of an RFC 8288 `Link` header value, as written.
pub fn next_link(header: &str) -> Option<String> {
    let mut rest = header;
    loop {
        let start = rest.find('<')?;
        let end = start + rest[start..].find('>')?;
        let target = &rest[start + 1..end];
        // Parameters run up to the next comma outside quotes.
        let after = &rest[end + 1..];
        let mut in_quotes = false;
        let mut stop = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '"' => in_quotes = !in_quotes,
                ',' if !in_quotes => {
                    stop = i;
                    break;
                }
                _ => {}
            }
        }
        let params = &after[..stop];
        let is_next = params.split(';').any(|p| {
            let Some((k, v)) = p.split_once('=') else {
                return false;
            };
            k.trim().eq_ignore_ascii_case("rel")
                && v.trim()
                    .trim_matches('"')
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("next"))
        });
        if is_next {
            return Some(target.trim().to_string());
        }
        if stop >= after.len() {
            return None;
        }
        rest = &after[stop + 1..];
    }
}

/// What a paginated listing asks for and where the entries are in each page.
struct Listing<'a> {
    host: &'a str,
    scopes: &'a [String],
    action: &'a str,
    /// The JSON array holding the entries: `repositories` or `tags`.
    field: &'a str,
}

/// The start URL of a listing, with `last` and `n` in the query.
fn first_page_url(base: &str, opts: &ListOptions) -> Result<url::Url> {
    let mut u = url::Url::parse(base).map_err(|e| RegistryError::Config(e.to_string()))?;
    if opts.page_size.is_some() || opts.last.is_some() {
        let mut q = u.query_pairs_mut();
        if let Some(n) = opts.page_size {
            q.append_pair("n", &n.to_string());
        }
        if let Some(last) = &opts.last {
            q.append_pair("last", last);
        }
    }
    Ok(u)
}

impl Client {
    fn scheme(&self) -> &'static str {
        if self.opts.plain_http {
            "http"
        } else {
            "https"
        }
    }

    /// GET every page of a listing, following `Link: <...>; rel="next"` (relative or absolute,
    /// same origin only), and hand each page's `field` array to `on_page`.
    async fn paginate(
        &self,
        listing: Listing<'_>,
        start: url::Url,
        not_found: impl Fn(Option<String>, Option<String>) -> RegistryError,
        on_page: &mut dyn FnMut(Vec<String>) -> Result<()>,
    ) -> Result<()> {
        let Listing {
            host,
            scopes,
            action,
            field,
        } = listing;
        let protocol = |detail: String| RegistryError::Protocol {
            host: host.to_string(),
            action: action.to_string(),
            detail,
        };
        let mut url = start;
        let mut seen = std::collections::HashSet::new();
        loop {
            if !seen.insert(url.to_string()) {
                return Err(protocol(format!(
                    "the registry's next-page link points back to {url}"
                )));
            }
            let page_url = url.to_string();
            let resp = self
                .send(host, scopes, action, || Ok(self.http.get(&page_url)))
                .await?;
            if resp.status() == StatusCode::NOT_FOUND {
                let body = resp.bytes().await.unwrap_or_default();
                let (code, message) = parse_oci_error(&body);
                return Err(not_found(code, message));
            }
            let resp = check(resp, host, action).await?;
            let next = resp
                .headers()
                .get_all(reqwest::header::LINK)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(next_link);
            if resp.content_length().is_some_and(|l| l > MAX_PAGE_BYTES) {
                return Err(protocol(format!(
                    "a page is larger than {MAX_PAGE_BYTES} bytes"
                )));
            }
            let mut body = Vec::new();
            let mut stream = resp.bytes_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| RegistryError::Network {
                    host: host.to_string(),
                    action: action.to_string(),
                    detail: error_chain(&e),
                })?;
                if (body.len() + chunk.len()) as u64 > MAX_PAGE_BYTES {
                    return Err(protocol(format!(
                        "a page is larger than {MAX_PAGE_BYTES} bytes"
                    )));
                }
                body.extend_from_slice(&chunk);
            }
            let json: serde_json::Value = serde_json::from_slice(&body)
                .map_err(|e| protocol(format!("the response is not JSON: {e}")))?;
            let entries = match json.get(field) {
                None | Some(serde_json::Value::Null) => Vec::new(),
                Some(serde_json::Value::Array(a)) => a
                    .iter()
                    .map(|v| {
                        v.as_str().map(str::to_string).ok_or_else(|| {
                            protocol(format!("`{field}` holds a non-string entry {v}"))
                        })
                    })
                    .collect::<Result<Vec<_>>>()?,
                Some(other) => {
                    return Err(protocol(format!("`{field}` is not an array: {other}")));
                }
            };
            on_page(entries)?;
            let Some(next) = next else {
                return Ok(());
            };
            let next_url = url
                .join(&next)
                .map_err(|e| protocol(format!("invalid next-page link {next:?}: {e}")))?;
            if next_url.origin() != url.origin() {
                return Err(protocol(format!(
                    "refusing to follow the next-page link to another origin: {next_url}"
                )));
            }
            url = next_url;
        }
    }

    /// `GET /v2/_catalog`, every page; `on_page` gets each page's repository names.
    pub async fn catalog(
        &self,
        host: &str,
        opts: &ListOptions,
        on_page: &mut dyn FnMut(Vec<String>) -> Result<()>,
    ) -> Result<()> {
        let start = first_page_url(&format!("{}://{host}/v2/_catalog", self.scheme()), opts)?;
        let action = "list repositories";
        let not_found = |code, message| RegistryError::Status {
            host: host.to_string(),
            action: format!("{action} (the registry may not offer the catalog API)"),
            status: 404,
            code,
            message,
        };
        let listing = Listing {
            host,
            scopes: &[CATALOG_SCOPE.to_string()],
            action,
            field: "repositories",
        };
        self.paginate(listing, start, not_found, on_page).await
    }
}

impl Repository {
    pub(crate) fn delete_scope(&self) -> Vec<String> {
        vec![repo_scope(&self.name, "pull,delete")]
    }

    fn not_found_error(
        &self,
        what: String,
        code: Option<String>,
        message: Option<String>,
    ) -> RegistryError {
        RegistryError::NotFound {
            what,
            repo: format!("{}/{}", self.host, self.name),
            code,
            message,
        }
    }

    /// `GET /v2/<name>/tags/list`, every page; `on_page` gets each page's tags.
    pub async fn list_tags(
        &self,
        opts: &ListOptions,
        on_page: &mut dyn FnMut(Vec<String>) -> Result<()>,
    ) -> Result<()> {
        let start = first_page_url(&format!("{}/tags/list", self.base), opts)?;
        let action = format!("list tags of {}", self.name);
        let not_found = |code, message| RegistryError::NotFound {
            what: format!("repository {}", self.name),
            repo: self.host.clone(),
            code,
            message,
        };
        let listing = Listing {
            host: &self.host,
            scopes: &self.pull_scope(),
            action: &action,
            field: "tags",
        };
        self.client
            .paginate(listing, start, not_found, on_page)
            .await
    }

    /// HEAD a blob: its descriptor (`application/octet-stream`, size from `Content-Length`).
    pub async fn blob_descriptor(&self, digest: &Digest) -> Result<Descriptor> {
        let url = format!("{}/blobs/{digest}", self.base);
        let action = format!("check blob {digest}");
        let resp = self
            .request(Method::HEAD, &url, &self.pull_scope(), &action, Ok)
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Err(self.not_found_error(format!("blob {digest}"), None, None));
        }
        let resp = check(resp, &self.host, &action).await?;
        let size = resp
            .headers()
            .get(reqwest::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| RegistryError::Protocol {
                host: self.host.clone(),
                action: action.clone(),
                detail: "the registry did not report the blob's size (no Content-Length)".into(),
            })?;
        Ok(Descriptor::new(
            "application/octet-stream",
            digest.clone(),
            size,
        ))
    }

    async fn delete_by_digest(&self, kind: &str, digest: &Digest) -> Result<()> {
        let url = format!("{}/{kind}s/{digest}", self.base);
        let action = format!("delete {kind} {digest}");
        let resp = self
            .request(Method::DELETE, &url, &self.delete_scope(), &action, Ok)
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            let body = resp.bytes().await.unwrap_or_default();
            let (code, message) = parse_oci_error(&body);
            return Err(self.not_found_error(format!("{kind} {digest}"), code, message));
        }
        check(resp, &self.host, &action).await?;
        Ok(())
    }

    /// `DELETE /v2/<name>/blobs/<digest>`, asking for the `delete` action.
    pub async fn delete_blob(&self, digest: &Digest) -> Result<()> {
        self.delete_by_digest("blob", digest).await
    }

    /// `DELETE /v2/<name>/manifests/<digest>`, asking for the `delete` action (token servers
    /// of distribution-based registries grant deletes only for that action, not `push`).
    pub async fn delete_manifest_by_digest(&self, digest: &Digest) -> Result<()> {
        self.delete_by_digest("manifest", digest).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_headers() {
        assert_eq!(
            next_link(r#"</v2/_catalog?last=b&n=2>; rel="next""#).as_deref(),
            Some("/v2/_catalog?last=b&n=2")
        );
        assert_eq!(
            next_link(r#"<https://r.example/v2/x/tags/list?n=1&last=a>;rel=next"#).as_deref(),
            Some("https://r.example/v2/x/tags/list?n=1&last=a")
        );
        assert_eq!(
            next_link(r#"</a,b>; rel="prev", </c?x=1,2>; title="a, b"; rel="next""#).as_deref(),
            Some("/c?x=1,2")
        );
        assert_eq!(next_link(r#"</a>; rel="prev""#), None);
        assert_eq!(next_link(""), None);
        assert_eq!(next_link("garbage"), None);
        assert_eq!(
            next_link(r#"</p2>; rel="prefetch next""#).as_deref(),
            Some("/p2")
        );
    }

    #[test]
    fn first_page_query() {
        let u = first_page_url(
            "http://h:1/v2/_catalog",
            &ListOptions {
                last: Some("a/b".into()),
                page_size: Some(2),
            },
        )
        .unwrap();
        assert_eq!(u.as_str(), "http://h:1/v2/_catalog?n=2&last=a%2Fb");
        let u = first_page_url("http://h:1/v2/x/tags/list", &ListOptions::default()).unwrap();
        assert_eq!(u.as_str(), "http://h:1/v2/x/tags/list");
    }
}
