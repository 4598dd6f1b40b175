//! Blob existence checks, uploads (monolithic and chunked) and downloads.

use bytes::Bytes;
use reqwest::{Method, StatusCode};
use tokio::io::AsyncReadExt;
use tokio_util::io::{ReaderStream, StreamReader};

use super::client::{check, error_chain, Repository};
use super::error::{RegistryError, Result};
use crate::digest::Digest;
use crate::manifest::Descriptor;
use crate::target::{BlobReader, BlobSource};

const READ_BUF: usize = 256 * 1024;

/// Resolve an upload `Location` (relative or absolute) against the URL it came from.
fn resolve_location(base: &str, resp: &reqwest::Response, host: &str) -> Result<String> {
    let loc = resp
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| RegistryError::Protocol {
            host: host.to_string(),
            action: "blob upload".into(),
            detail: format!("{} response has no Location header", resp.status().as_u16()),
        })?;
    let base = url::Url::parse(base).map_err(|e| RegistryError::Protocol {
        host: host.to_string(),
        action: "blob upload".into(),
        detail: e.to_string(),
    })?;
    base.join(loc)
        .map(|u| u.to_string())
        .map_err(|e| RegistryError::Protocol {
            host: host.to_string(),
            action: "blob upload".into(),
            detail: format!("invalid Location {loc:?}: {e}"),
        })
}

fn with_digest(location: &str, digest: &Digest) -> String {
    let mut u = url::Url::parse(location).expect("location was resolved to an absolute URL");
    u.query_pairs_mut()
        .append_pair("digest", &digest.to_string());
    u.to_string()
}

fn file_body(path: &std::path::Path, offset: u64, len: u64) -> Result<reqwest::Body> {
    use std::io::Seek;
    let mut f = std::fs::File::open(path)
        .map_err(|e| RegistryError::io(format!("cannot open {}", path.display()), e))?;
    f.seek(std::io::SeekFrom::Start(offset))
        .map_err(|e| RegistryError::io(format!("cannot read {}", path.display()), e))?;
    let f = tokio::fs::File::from_std(f).take(len);
    Ok(reqwest::Body::wrap_stream(ReaderStream::with_capacity(
        f, READ_BUF,
    )))
}

impl Repository {
    fn blob_url(&self, digest: &Digest) -> String {
        format!("{}/blobs/{}", self.base, digest)
    }

    /// HEAD the blob: does the repository already have it?
    pub async fn blob_exists(&self, digest: &Digest) -> Result<bool> {
        let url = self.blob_url(digest);
        let action = format!("check blob {digest}");
        let resp = self
            .request(Method::HEAD, &url, &self.push_scope(), &action, Ok)
            .await?;
        match resp.status() {
            s if s.is_success() => Ok(true),
            StatusCode::NOT_FOUND => Ok(false),
            _ => check(resp, &self.host, &action).await.map(|_| false),
        }
    }

    /// Upload one blob. Sources larger than `chunk_size` go in chunks (POST, PATCH…, PUT).
    pub async fn push_blob(
        &self,
        desc: &Descriptor,
        src: &BlobSource,
        chunk_size: u64,
    ) -> Result<()> {
        let action = format!("upload blob {}", desc.digest);
        let scopes = self.push_scope();
        let start = format!("{}/blobs/uploads/", self.base);
        let resp = self
            .request(Method::POST, &start, &scopes, &action, |r| {
                Ok(r.header(reqwest::header::CONTENT_LENGTH, 0))
            })
            .await?;
        if resp.status() == StatusCode::CREATED {
            return Ok(());
        }
        let resp = check(resp, &self.host, &action).await?;
        let min_chunk = resp
            .headers()
            .get("oci-chunk-min-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let mut location = resolve_location(&start, &resp, &self.host)?;
        let chunk = chunk_size.max(min_chunk).max(1);

        if desc.size <= chunk_size {
            let put = with_digest(&location, &desc.digest);
            let resp = self
                .request(Method::PUT, &put, &scopes, &action, |r| {
                    let body = match src {
                        BlobSource::Bytes(b) => reqwest::Body::from(b.clone()),
                        BlobSource::File(p) => file_body(p, 0, desc.size)?,
                    };
                    Ok(
                        r.header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                            .header(reqwest::header::CONTENT_LENGTH, desc.size)
                            .body(body),
                    )
                })
                .await?;
            check(resp, &self.host, &action).await?;
            return Ok(());
        }

        let mut offset = 0u64;
        while offset < desc.size {
            let len = chunk.min(desc.size - offset);
            let end = offset + len - 1;
            let url = location.clone();
            let resp = self
                .request(Method::PATCH, &url, &scopes, &action, |r| {
                    let body = match src {
                        BlobSource::Bytes(b) => {
                            reqwest::Body::from(b.slice(offset as usize..=end as usize))
                        }
                        BlobSource::File(p) => file_body(p, offset, len)?,
                    };
                    Ok(
                        r.header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                            .header(reqwest::header::CONTENT_RANGE, format!("{offset}-{end}"))
                            .header(reqwest::header::CONTENT_LENGTH, len)
                            .body(body),
                    )
                })
                .await?;
            let resp = check(resp, &self.host, &action).await?;
            location = resolve_location(&url, &resp, &self.host)?;
            offset += len;
        }
        let put = with_digest(&location, &desc.digest);
        let resp = self
            .request(Method::PUT, &put, &scopes, &action, |r| {
                Ok(r.header(reqwest::header::CONTENT_LENGTH, 0))
            })
            .await?;
        check(resp, &self.host, &action).await?;
        Ok(())
    }

    /// Upload a blob from a stream (e.g. another target's blob) in one PUT. The stream can be
    /// sent only once, so authentication is settled by the POST before it.
    pub async fn push_blob_reader(&self, desc: &Descriptor, reader: BlobReader) -> Result<()> {
        let action = format!("upload blob {}", desc.digest);
        let scopes = self.push_scope();
        let start = format!("{}/blobs/uploads/", self.base);
        let resp = self
            .request(Method::POST, &start, &scopes, &action, |r| {
                Ok(r.header(reqwest::header::CONTENT_LENGTH, 0))
            })
            .await?;
        if resp.status() == StatusCode::CREATED {
            return Ok(());
        }
        let resp = check(resp, &self.host, &action).await?;
        let put = with_digest(&resolve_location(&start, &resp, &self.host)?, &desc.digest);
        let slot = std::sync::Mutex::new(Some(reader));
        let resp = self
            .request(Method::PUT, &put, &scopes, &action, |r| {
                let reader =
                    slot.lock()
                        .unwrap()
                        .take()
                        .ok_or_else(|| RegistryError::Protocol {
                            host: self.host.clone(),
                            action: action.clone(),
                            detail: "the registry asked to authenticate again mid-upload".into(),
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

    /// Open a blob for reading. The caller verifies what it reads (see `content::write_verified`).
    pub async fn fetch_blob(&self, desc: &Descriptor) -> Result<BlobReader> {
        let url = self.blob_url(&desc.digest);
        let action = format!("download blob {}", desc.digest);
        let resp = self
            .request(Method::GET, &url, &self.pull_scope(), &action, Ok)
            .await?;
        if resp.status() == StatusCode::NOT_FOUND {
            let body = resp.bytes().await.unwrap_or_default();
            let (code, message) = super::error::parse_oci_error(&body);
            return Err(RegistryError::NotFound {
                what: format!("blob {}", desc.digest),
                repo: format!("{}/{}", self.host, self.name),
                code,
                message,
            });
        }
        let resp = check(resp, &self.host, &action).await?;
        let host = self.host.clone();
        let stream = futures_util::StreamExt::map(resp.bytes_stream(), move |r| {
            r.map_err(|e| {
                std::io::Error::other(format!("{host}: download interrupted: {}", error_chain(&e)))
            })
        });
        Ok(Box::pin(StreamReader::new(stream)))
    }

    /// Fetch a small blob (a config) whole, verified, up to `limit` bytes.
    pub async fn fetch_blob_bytes(&self, desc: &Descriptor, limit: u64) -> Result<Bytes> {
        if desc.size > limit {
            return Err(RegistryError::ManifestTooLarge {
                what: format!("blob {}", desc.digest),
                limit,
            });
        }
        let mut r = self.fetch_blob(desc).await?;
        let mut buf = Vec::with_capacity(desc.size as usize);
        (&mut r)
            .take(desc.size + 1)
            .read_to_end(&mut buf)
            .await
            .map_err(|e| RegistryError::io(format!("blob {}", desc.digest), e))?;
        crate::content::verify_bytes(&buf, desc)?;
        Ok(buf.into())
    }
}
