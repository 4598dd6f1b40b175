//! Blob existence checks, uploads (monolithic and chunked) and downloads.

use bytes::Bytes;
use reqwest::{Method, StatusCode};
use tokio::io::AsyncReadExt;
use tokio_util::io::{ReaderStream, StreamReader};

use super::client::{backoff, check, error_chain, retryable_status, Repository};
use super::error::{RegistryError, Result};
use crate::digest::Digest;
use crate::manifest::Descriptor;
use crate::progress::{Counter, ProgressKey};
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

fn open_at(
    path: &std::path::Path,
    offset: u64,
    len: u64,
) -> Result<tokio::io::Take<tokio::fs::File>> {
    use std::io::Seek;
    let mut f = std::fs::File::open(path)
        .map_err(|e| RegistryError::io(format!("cannot open {}", path.display()), e))?;
    f.seek(std::io::SeekFrom::Start(offset))
        .map_err(|e| RegistryError::io(format!("cannot read {}", path.display()), e))?;
    Ok(tokio::fs::File::from_std(f).take(len))
}

/// A body of `len` bytes of `path` from `offset`, counted as it is sent.
fn file_body(
    path: &std::path::Path,
    offset: u64,
    len: u64,
    counter: Option<Counter>,
) -> Result<reqwest::Body> {
    let stream = ReaderStream::with_capacity(open_at(path, offset, len)?, READ_BUF);
    let Some(counter) = counter else {
        return Ok(reqwest::Body::wrap_stream(stream));
    };
    counter.restart(offset);
    Ok(reqwest::Body::wrap_stream(
        futures_util::StreamExt::inspect(stream, move |chunk| {
            if let Ok(b) = chunk {
                counter.add(b.len() as u64);
            }
        }),
    ))
}

/// A body of `len` bytes of `path` from `offset` that feeds bytes not yet hashed into the
/// shared hasher as they are sent.
fn hashing_file_body(
    path: &std::path::Path,
    offset: u64,
    len: u64,
    hashed: std::sync::Arc<std::sync::Mutex<(crate::digest::Hasher, u64)>>,
    counter: Option<Counter>,
) -> Result<reqwest::Body> {
    let f = open_at(path, offset, len)?;
    if let Some(c) = &counter {
        c.restart(offset);
    }
    let mut pos = offset;
    let stream =
        futures_util::StreamExt::map(ReaderStream::with_capacity(f, READ_BUF), move |chunk| {
            if let Ok(b) = &chunk {
                let start = pos;
                pos += b.len() as u64;
                {
                    let mut g = hashed.lock().unwrap();
                    if pos > g.1 && start <= g.1 {
                        let skip = (g.1 - start) as usize;
                        g.0.update(&b[skip..]);
                        g.1 = pos;
                    }
                }
                if let Some(c) = &counter {
                    c.add(b.len() as u64);
                }
            }
            chunk
        });
    Ok(reqwest::Body::wrap_stream(stream))
}

impl Repository {
    /// Counts the bytes of an upload from `path` for the client's observer, if any.
    fn file_counter(&self, path: &std::path::Path) -> Option<Counter> {
        Counter::new(self.client.opts.observer.as_ref(), || {
            ProgressKey::Path(path.to_path_buf())
        })
    }

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

    /// Open an upload session: POST, then the `Location` to continue at and the registry's
    /// minimum chunk size. `None` when the registry already answered 201.
    async fn start_upload(&self, action: &str) -> Result<Option<(String, u64)>> {
        let start = format!("{}/blobs/uploads/", self.base);
        let resp = self
            .request(Method::POST, &start, &self.push_scope(), action, |r| {
                Ok(r.header(reqwest::header::CONTENT_LENGTH, 0))
            })
            .await?;
        if resp.status() == StatusCode::CREATED {
            return Ok(None);
        }
        let resp = check(resp, &self.host, action).await?;
        let min_chunk = resp
            .headers()
            .get("oci-chunk-min-length")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        Ok(Some((
            resolve_location(&start, &resp, &self.host)?,
            min_chunk,
        )))
    }

    /// Ask the registry how much of an upload it holds: `GET <location>` → `Range: 0-<last>`.
    /// Returns the offset to continue from and the location to continue at.
    async fn upload_status(&self, location: &str, action: &str) -> Result<(u64, String)> {
        let resp = self
            .request(Method::GET, location, &self.push_scope(), action, Ok)
            .await?;
        // A registry that forgot the session (or, like distribution, rejects a `_state` that
        // is behind what it holds) leaves nothing to resume: start the upload over.
        // Only "no such session" means start over; auth and server errors are reported.
        let lost = matches!(resp.status().as_u16(), 400 | 404 | 416);
        let resp = check(resp, &self.host, action).await.map_err(|e| {
            if lost {
                RegistryError::UploadSessionLost {
                    host: self.host.clone(),
                    action: action.to_string(),
                    detail: e.to_string(),
                }
            } else {
                e
            }
        })?;
        let offset = resp
            .headers()
            .get(reqwest::header::RANGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().trim_start_matches("bytes=").split_once('-'))
            .and_then(|(_, end)| end.parse::<u64>().ok())
            // "0-0" is how distribution reports an empty upload.
            .map(|end| if end == 0 { 0 } else { end + 1 })
            .unwrap_or(0);
        let next = match resp.headers().get(reqwest::header::LOCATION) {
            Some(_) => resolve_location(location, &resp, &self.host)?,
            None => location.to_string(),
        };
        Ok((offset, next))
    }

    /// Upload one blob. Sources larger than `chunk_size` go in chunks (POST, PATCH…, PUT); a
    /// chunk that fails is resumed from the offset the registry reports. A monolithic upload
    /// that fails starts again from the POST.
    pub async fn push_blob(
        &self,
        desc: &Descriptor,
        src: &BlobSource,
        chunk_size: u64,
    ) -> Result<()> {
        let action = format!("upload blob {}", desc.digest);
        let mut attempt = 0;
        loop {
            let result = if desc.size <= chunk_size {
                self.push_monolithic(desc, src, &action).await
            } else {
                self.push_chunked(desc, src, chunk_size, &action).await
            };
            match result {
                Err(e) if attempt < self.retries() && is_transient(&e) => {
                    tokio::time::sleep(backoff(attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn push_monolithic(
        &self,
        desc: &Descriptor,
        src: &BlobSource,
        action: &str,
    ) -> Result<()> {
        let Some((location, _)) = self.start_upload(action).await? else {
            return Ok(());
        };
        let put = with_digest(&location, &desc.digest);
        let resp = self
            .request_once(Method::PUT, &put, &self.push_scope(), action, |r| {
                let body = match src {
                    BlobSource::Bytes(b) => reqwest::Body::from(b.clone()),
                    BlobSource::File(p) => file_body(p, 0, desc.size, self.file_counter(p))?,
                };
                Ok(
                    r.header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                        .header(reqwest::header::CONTENT_LENGTH, desc.size)
                        .body(body),
                )
            })
            .await?;
        check(resp, &self.host, action).await?;
        Ok(())
    }

    async fn push_chunked(
        &self,
        desc: &Descriptor,
        src: &BlobSource,
        chunk_size: u64,
        action: &str,
    ) -> Result<()> {
        let session = match src {
            BlobSource::File(p) => self.session_file(p),
            BlobSource::Bytes(_) => None,
        };
        let Some((location, start, min_chunk)) = self
            .resume_or_start(session.as_deref(), desc.size, action)
            .await?
        else {
            return Ok(());
        };
        let chunk = chunk_size.max(min_chunk).max(1);
        let body = |offset: u64, len: u64| match src {
            BlobSource::Bytes(b) => Ok(reqwest::Body::from(
                b.slice(offset as usize..(offset + len) as usize),
            )),
            BlobSource::File(p) => file_body(p, offset, len, self.file_counter(p)),
        };
        let location = self
            .send_chunks(
                location,
                start,
                desc.size,
                chunk,
                action,
                body,
                || desc.size,
                session.as_deref(),
            )
            .await?;
        self.commit_upload(&location, &desc.digest, action).await?;
        forget_session(session.as_deref());
        Ok(())
    }

    /// The file that remembers an interrupted upload of `path` to this repository, keyed by
    /// host, repository and the file's identity (path, size, mtime, inode): a changed file
    /// never continues an old upload.
    fn session_file(&self, path: &std::path::Path) -> Option<std::path::PathBuf> {
        let dir = self.client.opts.upload_sessions.as_ref()?;
        let meta = std::fs::metadata(path).ok()?;
        let key = crate::cache::FileKey::of(path, &meta)?;
        let id =
            Digest::of_bytes(format!("{}\0{}\0{}", self.host, self.name, key.as_str()).as_bytes());
        Some(dir.join(id.hex()))
    }

    /// Continue the upload a previous run left behind (its location and the offset the
    /// registry holds), or open a new one. `(location, offset, min chunk)`; `None` when the
    /// registry finished a new upload at once.
    async fn resume_or_start(
        &self,
        session: Option<&std::path::Path>,
        size: u64,
        action: &str,
    ) -> Result<Option<(String, u64, u64)>> {
        if let Some(saved) = session.and_then(|f| std::fs::read_to_string(f).ok()) {
            match self.upload_status(saved.trim(), action).await {
                Ok((at, next)) if at > 0 && at <= size => {
                    if self.client.opts.debug {
                        eprintln!("* {action}: continuing an earlier upload at byte {at}");
                    }
                    return Ok(Some((next, at, 0)));
                }
                _ => forget_session(session),
            }
        }
        Ok(self
            .start_upload(action)
            .await?
            .map(|(location, min)| (location, 0, min)))
    }

    /// PATCH `size` bytes in chunks of `chunk`, following `Location` after each. A chunk that
    /// fails is resumed from the offset the registry reports (which may not exceed
    /// `max_offset()`, the bytes sent so far). Returns the location to commit at.
    #[allow(clippy::too_many_arguments)]
    async fn send_chunks(
        &self,
        mut location: String,
        start: u64,
        size: u64,
        chunk: u64,
        action: &str,
        body: impl Fn(u64, u64) -> Result<reqwest::Body>,
        max_offset: impl Fn() -> u64,
        session: Option<&std::path::Path>,
    ) -> Result<String> {
        let scopes = self.push_scope();
        let mut offset = start;
        let mut resumes = 0u32;
        while offset < size {
            let len = chunk.min(size - offset);
            let end = offset + len - 1;
            let url = location.clone();
            let sent = self
                .request_once(Method::PATCH, &url, &scopes, action, |r| {
                    Ok(
                        r.header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
                            .header(reqwest::header::CONTENT_RANGE, format!("{offset}-{end}"))
                            .header(reqwest::header::CONTENT_LENGTH, len)
                            .body(body(offset, len)?),
                    )
                })
                .await;
            let failed = match sent {
                Ok(resp) if resp.status().is_success() => {
                    location = resolve_location(&url, &resp, &self.host)?;
                    offset += len;
                    if let Some(file) = session {
                        save_session(file, &location);
                    }
                    continue;
                }
                Ok(resp)
                    if retryable_status(resp.status())
                        || resp.status() == StatusCode::RANGE_NOT_SATISFIABLE =>
                {
                    check(resp, &self.host, action).await.err()
                }
                // Not a success and not worth a resume: `check` turns it into the error.
                Ok(resp) => {
                    check(resp, &self.host, action).await?;
                    None
                }
                Err(e) if is_transient(&e) => Some(e),
                Err(e) => return Err(e),
            };
            if resumes >= self.retries() {
                return Err(failed.unwrap_or_else(|| RegistryError::Protocol {
                    host: self.host.clone(),
                    action: action.to_string(),
                    detail: "chunk upload failed".into(),
                }));
            }
            tokio::time::sleep(backoff(resumes)).await;
            resumes += 1;
            let (at, next) = self.upload_status(&location, action).await?;
            let sent_so_far = max_offset();
            if at > sent_so_far {
                return Err(RegistryError::Protocol {
                    host: self.host.clone(),
                    action: action.to_string(),
                    detail: format!(
                        "registry reports {at} bytes received, more than the {sent_so_far} sent"
                    ),
                });
            }
            if self.client.opts.debug {
                eprintln!("* {action}: resuming at byte {at}");
            }
            offset = at;
            location = next;
        }
        Ok(location)
    }

    /// `PUT <location>?digest=` to finish an upload. When a retried PUT finds the session gone
    /// because the first one landed, the blob is there and that is success.
    async fn commit_upload(&self, location: &str, digest: &Digest, action: &str) -> Result<()> {
        let put = with_digest(location, digest);
        let resp = self
            .request(Method::PUT, &put, &self.push_scope(), action, |r| {
                Ok(r.header(reqwest::header::CONTENT_LENGTH, 0))
            })
            .await?;
        if !resp.status().is_success() && self.blob_exists(digest).await.unwrap_or(false) {
            return Ok(());
        }
        check(resp, &self.host, action).await?;
        Ok(())
    }

    /// Upload a file whose digest is not known yet, reading it once: the bytes are hashed as
    /// they are sent in PATCH requests of up to `chunk_size`, then `PUT ?digest=` commits the
    /// upload. A failed chunk resumes from the offset the registry reports; bytes already
    /// hashed are not hashed again, so the digest always covers exactly what was sent.
    pub async fn push_file_single_pass(
        &self,
        path: &std::path::Path,
        size: u64,
        chunk_size: u64,
    ) -> Result<Digest> {
        let mut attempt = 0;
        loop {
            match self.single_pass_attempt(path, size, chunk_size).await {
                Err(e) if attempt < self.retries() && is_transient(&e) => {
                    tokio::time::sleep(backoff(attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn single_pass_attempt(
        &self,
        path: &std::path::Path,
        size: u64,
        chunk_size: u64,
    ) -> Result<Digest> {
        use std::sync::{Arc, Mutex};
        let action = format!("upload {}", path.display());
        let session = self.session_file(path);
        let Some((location, start, min_chunk)) = self
            .resume_or_start(session.as_deref(), size, &action)
            .await?
        else {
            return Err(RegistryError::Protocol {
                host: self.host.clone(),
                action,
                detail: "registry completed an upload that had no content yet".into(),
            });
        };
        let chunk = chunk_size.max(min_chunk).max(1);
        // (hasher, bytes hashed so far): only ever advances, in file order. Continuing an
        // earlier run's upload, the part the registry already holds is hashed from the file.
        let mut hasher = crate::digest::Hasher::new(crate::digest::Algorithm::Sha256);
        if start > 0 {
            hash_prefix(path, start, &mut hasher)?;
        }
        let hashed = Arc::new(Mutex::new((hasher, start)));
        let body = |offset, len| {
            hashing_file_body(path, offset, len, hashed.clone(), self.file_counter(path))
        };
        let location = self
            .send_chunks(
                location,
                start,
                size,
                chunk,
                &action,
                body,
                || hashed.lock().unwrap().1,
                session.as_deref(),
            )
            .await?;
        let (hasher, hashed_to) = {
            let g = hashed.lock().unwrap();
            (g.0.clone(), g.1)
        };
        if hashed_to != size {
            return Err(RegistryError::io(
                format!("{} changed size while it was read", path.display()),
                std::io::Error::other(format!("read {hashed_to} bytes, expected {size}")),
            ));
        }
        let digest = hasher.finish();
        self.commit_upload(&location, &digest, &action).await?;
        forget_session(session.as_deref());
        Ok(digest)
    }

    /// Upload a blob from a stream (e.g. another target's blob) in one PUT. The stream can be
    /// sent only once, so authentication is settled by the POST before it.
    pub async fn push_blob_reader(&self, desc: &Descriptor, reader: BlobReader) -> Result<()> {
        let action = format!("upload blob {}", desc.digest);
        match self.start_upload(&action).await? {
            Some((location, _)) => self.finish_upload(&location, desc, reader).await,
            None => Ok(()),
        }
    }

    /// GET a blob from `offset` on (a `Range` request when `offset > 0`).
    async fn get_blob(&self, desc: &Descriptor, offset: u64) -> Result<reqwest::Response> {
        let url = self.blob_url(&desc.digest);
        let action = format!("download blob {}", desc.digest);
        let resp = self
            .request(Method::GET, &url, &self.pull_scope(), &action, |r| {
                Ok(if offset > 0 {
                    r.header(reqwest::header::RANGE, format!("bytes={offset}-"))
                } else {
                    r
                })
            })
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
        if offset > 0 && resp.status() != StatusCode::PARTIAL_CONTENT {
            return Err(RegistryError::Protocol {
                host: self.host.clone(),
                action,
                detail: format!(
                    "cannot resume at byte {offset}: the server ignored the Range request"
                ),
            });
        }
        Ok(resp)
    }

    /// Open a blob for reading. A body cut off mid-way is resumed with a `Range` request
    /// (up to the retry limit). The caller verifies what it reads (`content::write_verified`).
    pub async fn fetch_blob(&self, desc: &Descriptor) -> Result<BlobReader> {
        let first = self.get_blob(desc, 0).await?;
        struct State {
            repo: Repository,
            desc: Descriptor,
            body: Option<futures_util::stream::BoxStream<'static, reqwest::Result<Bytes>>>,
            offset: u64,
            resumes: u32,
            counter: Option<Counter>,
        }
        let state = State {
            repo: self.clone(),
            desc: desc.clone(),
            body: Some(Box::pin(first.bytes_stream())),
            offset: 0,
            resumes: 0,
            counter: Counter::new(self.client.opts.observer.as_ref(), || {
                ProgressKey::Digest(desc.digest.clone())
            }),
        };
        let stream = futures_util::stream::unfold(state, |mut st| async move {
            loop {
                let body = st.body.as_mut()?;
                let err = match futures_util::StreamExt::next(body).await {
                    Some(Ok(b)) => {
                        st.offset += b.len() as u64;
                        if let Some(c) = &st.counter {
                            c.add(b.len() as u64);
                        }
                        return Some((Ok(b), st));
                    }
                    None => return None,
                    Some(Err(e)) => e,
                };
                let host = st.repo.host.clone();
                let fail = |msg: String, mut st: State| {
                    st.body = None;
                    Some((
                        Err(std::io::Error::other(format!(
                            "{host}: download interrupted: {msg}"
                        ))),
                        st,
                    ))
                };
                // Past the declared size there is nothing to resume; the verifier will complain.
                if st.resumes >= st.repo.retries() || st.offset >= st.desc.size {
                    return fail(error_chain(&err), st);
                }
                tokio::time::sleep(backoff(st.resumes)).await;
                st.resumes += 1;
                if st.repo.client.opts.debug {
                    eprintln!(
                        "* download of {} interrupted at byte {}: resuming",
                        st.desc.digest, st.offset
                    );
                }
                match st.repo.get_blob(&st.desc, st.offset).await {
                    Ok(resp) => st.body = Some(Box::pin(resp.bytes_stream())),
                    Err(e) => return fail(e.to_string(), st),
                }
            }
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

/// Failures worth another try: the network, or a status such as 503.
pub(crate) fn is_transient(e: &RegistryError) -> bool {
    match e {
        RegistryError::Network { .. } | RegistryError::UploadSessionLost { .. } => true,
        RegistryError::Status { status, .. } => {
            retryable_status(StatusCode::from_u16(*status).unwrap_or(StatusCode::OK))
        }
        _ => false,
    }
}

/// Remember an upload's latest location (written atomically, readable by the user only).
fn save_session(file: &std::path::Path, location: &str) {
    let Some(dir) = file.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    // tempfile creates files with mode 0600.
    if let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) {
        if std::io::Write::write_all(&mut tmp, location.as_bytes()).is_ok() {
            let _ = tmp.persist(file);
        }
    }
}

fn forget_session(file: Option<&std::path::Path>) {
    if let Some(f) = file {
        let _ = std::fs::remove_file(f);
    }
}

/// Feed the first `len` bytes of `path` into `hasher`.
fn hash_prefix(path: &std::path::Path, len: u64, hasher: &mut crate::digest::Hasher) -> Result<()> {
    use std::io::Read;
    let f = std::fs::File::open(path)
        .map_err(|e| RegistryError::io(format!("cannot open {}", path.display()), e))?;
    let mut r = f.take(len);
    let mut buf = vec![0u8; READ_BUF];
    let mut done = 0u64;
    loop {
        let n = r
            .read(&mut buf)
            .map_err(|e| RegistryError::io(format!("cannot read {}", path.display()), e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        done += n as u64;
    }
    if done != len {
        return Err(RegistryError::io(
            format!("{} changed size while it was read", path.display()),
            std::io::Error::other(format!("read {done} bytes, expected {len}")),
        ));
    }
    Ok(())
}
