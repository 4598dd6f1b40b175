//! Cross-repository blob mounts: `POST /v2/<dst>/blobs/uploads/?mount=<digest>&from=<src>`.

use reqwest::{Method, StatusCode};
use tokio_util::io::ReaderStream;

use super::auth::repo_scope;
use super::client::{check, Repository};
use super::error::{RegistryError, Result};
use crate::digest::Digest;
use crate::manifest::Descriptor;
use crate::target::BlobReader;

const READ_BUF: usize = 256 * 1024;

/// What the registry did with a mount request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mount {
    /// 201: the blob is now in the destination repository.
    Mounted,
    /// 202: the registry declined and opened an ordinary upload at this URL instead.
    Declined { location: String },
}

impl Repository {
    fn protocol(&self, action: &str, detail: String) -> RegistryError {
        RegistryError::Protocol {
            host: self.host.clone(),
            action: action.to_string(),
            detail,
        }
    }

    /// Resolve a `Location` header (relative or absolute) against the request URL.
    fn location_of(&self, base: &str, resp: &reqwest::Response, action: &str) -> Result<String> {
        let loc = resp
            .headers()
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| {
                self.protocol(
                    action,
                    format!("{} response has no Location header", resp.status().as_u16()),
                )
            })?;
        let base = url::Url::parse(base).map_err(|e| self.protocol(action, e.to_string()))?;
        base.join(loc)
            .map(|u| u.to_string())
            .map_err(|e| self.protocol(action, format!("invalid Location {loc:?}: {e}")))
    }

    /// Whether both handles talk to one registry through the same client (same settings and
    /// credentials, one token cache): only then can a mount into one ask, in the same token,
    /// for pull on the other.
    pub fn shares_client_with(&self, other: &Repository) -> bool {
        self.host == other.host && std::sync::Arc::ptr_eq(&self.client.auth, &other.client.auth)
    }

    /// Ask the registry to link a blob of repository `from` (same registry) into this one.
    /// With bearer auth the token covers push here and pull on `from`.
    pub async fn mount_blob(&self, desc: &Descriptor, from: &str) -> Result<Mount> {
        let action = format!("mount blob {} from {from}", desc.digest);
        let scopes = vec![
            repo_scope(&self.name, "pull,push"),
            repo_scope(from, "pull"),
        ];
        let mut url = url::Url::parse(&format!("{}/blobs/uploads/", self.base))
            .map_err(|e| self.protocol(&action, e.to_string()))?;
        url.query_pairs_mut()
            .append_pair("mount", &desc.digest.to_string())
            .append_pair("from", from);
        let url = url.to_string();
        let resp = self
            .request(Method::POST, &url, &scopes, &action, |r| {
                Ok(r.header(reqwest::header::CONTENT_LENGTH, 0))
            })
            .await?;
        if resp.status() == StatusCode::CREATED {
            return Ok(Mount::Mounted);
        }
        let resp = check(resp, &self.host, &action).await?;
        let location = self.location_of(&url, &resp, &action)?;
        Ok(Mount::Declined { location })
    }

    /// Finish an upload session opened elsewhere (a declined mount) with one PUT of the
    /// stream, whose bytes must match `desc`.
    pub async fn finish_upload(
        &self,
        location: &str,
        desc: &Descriptor,
        reader: BlobReader,
    ) -> Result<()> {
        let action = format!("upload blob {}", desc.digest);
        let put = with_digest(location, &desc.digest)
            .map_err(|e| self.protocol(&action, format!("invalid upload location: {e}")))?;
        let slot = std::sync::Mutex::new(Some(reader));
        let resp = self
            .request_once(Method::PUT, &put, &self.push_scope(), &action, |r| {
                let reader = slot.lock().unwrap().take().ok_or_else(|| {
                    self.protocol(
                        &action,
                        "the registry asked to authenticate again mid-upload".into(),
                    )
                })?;
                let body =
                    reqwest::Body::wrap_stream(ReaderStream::with_capacity(reader, READ_BUF));
                Ok(
                    r.header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                        .header(reqwest::header::CONTENT_LENGTH, desc.size)
                        .body(body),
                )
            })
            .await?;
        check(resp, &self.host, &action).await?;
        Ok(())
    }
}

fn with_digest(location: &str, digest: &Digest) -> std::result::Result<String, url::ParseError> {
    let mut u = url::Url::parse(location)?;
    u.query_pairs_mut()
        .append_pair("digest", &digest.to_string());
    Ok(u.to_string())
}
