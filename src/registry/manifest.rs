//! Manifest reads (with Accept negotiation, size cap and digest checks) and writes.

use bytes::Bytes;
use futures_util::StreamExt;
use reqwest::{Method, StatusCode};

use super::client::{check, error_chain, Repository};
use super::error::{parse_oci_error, RegistryError, Result};
use crate::digest::Digest;
use crate::manifest::{Descriptor, RawManifest, MANIFEST_ACCEPT, MAX_MANIFEST_SIZE};

/// The media type of a manifest: the Content-Type (without parameters), else the JSON's `mediaType`.
fn media_type_of(content_type: Option<&str>, bytes: &[u8]) -> String {
    let ct = content_type
        .map(|c| c.split(';').next().unwrap_or("").trim().to_string())
        .filter(|c| !c.is_empty() && c != "application/json" && c != "application/octet-stream");
    ct.or_else(|| {
        serde_json::from_slice::<serde_json::Value>(bytes)
            .ok()?
            .get("mediaType")?
            .as_str()
            .map(str::to_string)
    })
    .unwrap_or_else(|| crate::manifest::OCI_MANIFEST.to_string())
}

impl Repository {
    fn manifest_url(&self, reference: &str) -> String {
        format!("{}/manifests/{}", self.base, reference)
    }

    async fn not_found(&self, resp: reqwest::Response, reference: &str) -> RegistryError {
        let body = resp.bytes().await.unwrap_or_default();
        let (code, message) = parse_oci_error(&body);
        RegistryError::NotFound {
            what: format!("manifest {reference}"),
            repo: format!("{}/{}", self.host, self.name),
            code,
            message,
        }
    }

    /// Fetch a manifest by tag or digest; verifies the bytes against the requested digest and
    /// against `Docker-Content-Digest` when present.
    pub async fn fetch_manifest(&self, reference: &str) -> Result<RawManifest> {
        let url = self.manifest_url(reference);
        let action = format!("fetch manifest {reference}");
        let resp = self
            .request(Method::GET, &url, &self.pull_scope(), &action, |r| {
                Ok(r.header(reqwest::header::ACCEPT, MANIFEST_ACCEPT))
            })
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Err(self.not_found(resp, reference).await);
        }
        let resp = check(resp, &self.host, &action).await?;
        let what = format!("{}/{}:{}", self.host, self.name, reference);
        if resp.content_length().is_some_and(|l| l > MAX_MANIFEST_SIZE) {
            return Err(RegistryError::ManifestTooLarge {
                what,
                limit: MAX_MANIFEST_SIZE,
            });
        }
        let content_type = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let header_digest = resp
            .headers()
            .get("docker-content-digest")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<Digest>().ok());
        let mut body = Vec::new();
        let mut stream = resp.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| RegistryError::Network {
                host: self.host.clone(),
                action: action.clone(),
                detail: error_chain(&e),
            })?;
            if (body.len() + chunk.len()) as u64 > MAX_MANIFEST_SIZE {
                return Err(RegistryError::ManifestTooLarge {
                    what,
                    limit: MAX_MANIFEST_SIZE,
                });
            }
            body.extend_from_slice(&chunk);
        }
        let actual = Digest::of_bytes(&body);
        let expected = reference.parse::<Digest>().ok().or(header_digest);
        if let Some(expected) = expected {
            if expected.algorithm() == actual.algorithm() && expected != actual {
                return Err(RegistryError::DigestMismatch {
                    what: format!("manifest {what}"),
                    expected,
                    actual,
                });
            }
        }
        Ok(RawManifest {
            media_type: media_type_of(content_type.as_deref(), &body),
            digest: actual,
            bytes: Bytes::from(body),
        })
    }

    /// HEAD a manifest to learn its descriptor without downloading it; falls back to GET
    /// when the registry does not send a digest.
    pub async fn resolve(&self, reference: &str) -> Result<Descriptor> {
        let url = self.manifest_url(reference);
        let action = format!("resolve {reference}");
        let resp = self
            .request(Method::HEAD, &url, &self.pull_scope(), &action, |r| {
                Ok(r.header(reqwest::header::ACCEPT, MANIFEST_ACCEPT))
            })
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Err(self.not_found(resp, reference).await);
        }
        let resp = check(resp, &self.host, &action).await?;
        let digest = resp
            .headers()
            .get("docker-content-digest")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<Digest>().ok());
        // reqwest reports no body length for HEAD; read the header itself.
        let size = resp
            .headers()
            .get(reqwest::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        let ct = resp
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|c| c.split(';').next().unwrap_or("").trim().to_string());
        match (digest, size, ct) {
            (Some(d), Some(s), Some(ct)) if s > 0 && ct.contains('.') => {
                Ok(Descriptor::new(ct, d, s))
            }
            _ => Ok(self.fetch_manifest(reference).await?.descriptor()),
        }
    }

    /// PUT a manifest under a tag or its digest.
    pub async fn push_manifest(&self, reference: &str, m: &RawManifest) -> Result<()> {
        self.push_manifest_reporting_subject(reference, m)
            .await
            .map(|_| ())
    }

    /// PUT a manifest; true when the registry answered with an `OCI-Subject` header, i.e.
    /// it indexed the manifest's subject for its referrers API itself.
    pub async fn push_manifest_reporting_subject(
        &self,
        reference: &str,
        m: &RawManifest,
    ) -> Result<bool> {
        let url = self.manifest_url(reference);
        let action = format!("push manifest {reference}");
        let resp = self
            .request(Method::PUT, &url, &self.push_scope(), &action, |r| {
                Ok(
                    r.header(reqwest::header::CONTENT_TYPE, m.media_type.as_str())
                        .body(m.bytes.clone()),
                )
            })
            .await?;
        let resp = check(resp, &self.host, &action).await?;
        Ok(resp.headers().contains_key("oci-subject"))
    }

    /// DELETE a manifest by digest.
    pub async fn delete_manifest(&self, digest: &Digest) -> Result<()> {
        let url = self.manifest_url(&digest.to_string());
        let action = format!("delete manifest {digest}");
        let resp = self
            .request(Method::DELETE, &url, &self.push_scope(), &action, Ok)
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Err(self.not_found(resp, &digest.to_string()).await);
        }
        check(resp, &self.host, &action).await?;
        Ok(())
    }
}
