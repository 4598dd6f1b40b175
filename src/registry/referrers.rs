//! The OCI 1.1 referrers API: `GET /v2/<name>/referrers/<digest>[?artifactType=]`.

use futures_util::StreamExt;
use reqwest::{Method, StatusCode};

use super::client::{check, error_chain, Repository};
use super::error::{RegistryError, Result};
use crate::digest::Digest;
use crate::manifest::{ImageIndex, MAX_MANIFEST_SIZE};
use crate::target::ReferrerList;

impl Repository {
    /// The subject's referrers from the registry's referrers API; `None` when the registry
    /// has no such API (404), so the caller falls back to the referrers tag.
    pub async fn referrers(
        &self,
        subject: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Option<ReferrerList>> {
        let action = format!("list referrers of {subject}");
        let mut url =
            url::Url::parse(&format!("{}/referrers/{subject}", self.base)).map_err(|e| {
                RegistryError::Protocol {
                    host: self.host.clone(),
                    action: action.clone(),
                    detail: e.to_string(),
                }
            })?;
        if let Some(t) = artifact_type {
            url.query_pairs_mut().append_pair("artifactType", t);
        }
        let url = url.to_string();
        let resp = self
            .request(Method::GET, &url, &self.pull_scope(), &action, |r| {
                Ok(r.header(reqwest::header::ACCEPT, crate::manifest::OCI_INDEX))
            })
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            return Ok(None);
        }
        let resp = check(resp, &self.host, &action).await?;
        let filtered = artifact_type.is_some()
            && resp
                .headers()
                .get_all("oci-filters-applied")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|f| f.trim() == "artifactType");
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
                    what: format!("referrers list of {subject}"),
                    limit: MAX_MANIFEST_SIZE,
                });
            }
            body.extend_from_slice(&chunk);
        }
        let index: ImageIndex =
            serde_json::from_slice(&body).map_err(|e| RegistryError::Protocol {
                host: self.host.clone(),
                action: action.clone(),
                detail: format!("the referrers response is not an image index: {e}"),
            })?;
        Ok(Some(ReferrerList {
            manifests: index.manifests,
            filtered,
        }))
    }
}
