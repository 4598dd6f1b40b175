//! An OCI image-layout directory as a [`Target`]: `oci-layout`, `index.json` and
//! `blobs/<algorithm>/<hex>`.
//!
//! Every manifest pushed is listed in `index.json`; tagged ones carry the
//! `org.opencontainers.image.ref.name` annotation (the tag alone, as skopeo and oras write
//! it). Blobs are streamed into a temp file in their directory, verified and renamed into
//! place; `index.json` is replaced the same way, so a crash never leaves a torn file.

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::content::write_verified;
use crate::digest::Digest;
use crate::manifest::{
    Descriptor, ImageIndex, RawManifest, MAX_MANIFEST_SIZE, OCI_INDEX, OCI_MANIFEST,
};
use crate::progress::{Counter, CountingReader, ProgressKey, TransferObserver};
use crate::reference::is_valid_tag;
use crate::registry::error::{RegistryError, Result};
use crate::target::{is_manifest_type, BlobReader, BlobSource, ReferrerList, Target};

pub const LAYOUT_FILE: &str = "oci-layout";
pub const INDEX_FILE: &str = "index.json";
pub const LAYOUT_VERSION: &str = "1.0.0";
/// The index annotation that names a tag.
pub const ANNOTATION_REF_NAME: &str = "org.opencontainers.image.ref.name";

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct LayoutFile {
    image_layout_version: String,
}

// ---------------------------------------------------------------------------------------
// References: DIR[:TAG[,TAG...]] or DIR@DIGEST
// ---------------------------------------------------------------------------------------

/// A place in an image layout: the directory plus an optional tag or digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutRef {
    pub path: PathBuf,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LayoutRefError {
    #[error("invalid OCI layout reference {0:?}: the directory is empty (expected DIR[:TAG] or DIR@DIGEST)")]
    EmptyPath(String),
    #[error("invalid tag {tag:?} in OCI layout reference {reference:?}: tags must match [A-Za-z0-9_][A-Za-z0-9._-]{{0,127}}")]
    InvalidTag { reference: String, tag: String },
    #[error("invalid digest {digest:?} in OCI layout reference {reference:?}: {reason}")]
    InvalidDigest {
        reference: String,
        digest: String,
        reason: String,
    },
    #[error("invalid OCI layout reference {0:?}: tags cannot be combined with a digest here")]
    TagsWithDigest(String),
}

impl LayoutRef {
    /// Parse `DIR[:TAG[,TAG...]]` or `DIR@DIGEST`; returns the reference (first tag) and
    /// every tag. A `:` is taken as the tag separator when what follows has no path
    /// separator.
    pub fn parse_with_tags(
        s: &str,
    ) -> std::result::Result<(LayoutRef, Vec<String>), LayoutRefError> {
        let (rest, digest) = match s.rsplit_once('@') {
            Some((p, d)) => {
                let digest = d
                    .parse::<Digest>()
                    .map_err(|e| LayoutRefError::InvalidDigest {
                        reference: s.to_string(),
                        digest: d.to_string(),
                        reason: e.to_string(),
                    })?;
                (p, Some(digest))
            }
            None => (s, None),
        };
        let (path, tag_list) = match rest.rsplit_once(':') {
            Some((p, t)) if !t.contains(['/', '\\']) => (p, Some(t)),
            _ => (rest, None),
        };
        if path.is_empty() {
            return Err(LayoutRefError::EmptyPath(s.to_string()));
        }
        let mut tags: Vec<String> = Vec::new();
        if let Some(list) = tag_list {
            for t in list.split(',') {
                if !is_valid_tag(t) {
                    return Err(LayoutRefError::InvalidTag {
                        reference: s.to_string(),
                        tag: t.to_string(),
                    });
                }
                if !tags.iter().any(|x| x == t) {
                    tags.push(t.to_string());
                }
            }
        }
        if digest.is_some() && tags.len() > 1 {
            return Err(LayoutRefError::TagsWithDigest(s.to_string()));
        }
        Ok((
            LayoutRef {
                path: PathBuf::from(path),
                tag: tags.first().cloned(),
                digest,
            },
            tags,
        ))
    }
}

impl FromStr for LayoutRef {
    type Err = LayoutRefError;
    /// `DIR[:TAG]` or `DIR@DIGEST`: a single tag.
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let (r, tags) = LayoutRef::parse_with_tags(s)?;
        if tags.len() > 1 {
            return Err(LayoutRefError::InvalidTag {
                reference: s.to_string(),
                tag: tags.join(","),
            });
        }
        Ok(r)
    }
}

impl fmt::Display for LayoutRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// The target
// ---------------------------------------------------------------------------------------

/// An image-layout directory.
pub struct LayoutTarget {
    root: PathBuf,
    /// Serialises read-modify-write of `index.json` within this process.
    index_lock: Mutex<()>,
    /// Told about blob bytes as they are read (progress display).
    observer: Option<Arc<dyn TransferObserver>>,
}

impl LayoutTarget {
    /// Open an existing layout; fails unless `dir/oci-layout` names version 1.0.0.
    pub fn open(dir: &Path) -> Result<LayoutTarget> {
        let layout_file = dir.join(LAYOUT_FILE);
        let text = match std::fs::read(&layout_file) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let what = if dir.is_dir() {
                    format!(
                        "{} is not an OCI image layout: it has no {LAYOUT_FILE} file",
                        dir.display()
                    )
                } else {
                    format!("OCI image layout {} does not exist", dir.display())
                };
                return Err(RegistryError::Config(what));
            }
            Err(e) => {
                return Err(RegistryError::io(
                    format!("cannot read {}", layout_file.display()),
                    e,
                ))
            }
        };
        let parsed: LayoutFile = serde_json::from_slice(&text).map_err(|e| {
            RegistryError::Config(format!("{} is not valid: {e}", layout_file.display()))
        })?;
        if parsed.image_layout_version != LAYOUT_VERSION {
            return Err(RegistryError::Config(format!(
                "{}: unsupported imageLayoutVersion {:?} (supported: {LAYOUT_VERSION})",
                layout_file.display(),
                parsed.image_layout_version
            )));
        }
        Ok(LayoutTarget {
            root: dir.to_path_buf(),
            index_lock: Mutex::new(()),
            observer: None,
        })
    }

    /// Open a layout, creating the directory, `oci-layout` and `index.json` when missing.
    pub fn create(dir: &Path) -> Result<LayoutTarget> {
        std::fs::create_dir_all(dir)
            .map_err(|e| RegistryError::io(format!("cannot create {}", dir.display()), e))?;
        let layout_file = dir.join(LAYOUT_FILE);
        if !layout_file.exists() {
            let body = serde_json::to_vec(&LayoutFile {
                image_layout_version: LAYOUT_VERSION.into(),
            })
            .expect("serialise oci-layout");
            atomic_write(dir, &layout_file, &body)?;
        }
        let t = LayoutTarget::open(dir)?;
        if !dir.join(INDEX_FILE).exists() {
            let _guard = t.index_lock.lock().unwrap();
            t.write_index(&empty_index())?;
        }
        Ok(t)
    }

    /// Report the bytes of blobs read from this layout (downloads, copies out of it) and of
    /// files pushed into it to `observer`.
    pub fn with_observer(mut self, observer: Option<Arc<dyn TransferObserver>>) -> Self {
        self.observer = observer;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn blob_dir(&self, d: &Digest) -> PathBuf {
        self.root.join("blobs").join(d.algorithm().name())
    }

    fn blob_path(&self, d: &Digest) -> PathBuf {
        self.blob_dir(d).join(d.hex())
    }

    fn not_found(&self, what: String) -> RegistryError {
        RegistryError::NotFound {
            what,
            repo: format!("OCI layout {}", self.root.display()),
            code: None,
            message: None,
        }
    }

    fn invalid(&self, action: &str, detail: String) -> RegistryError {
        RegistryError::Protocol {
            host: self.root.display().to_string(),
            action: action.to_string(),
            detail,
        }
    }

    /// The current `index.json` (empty when there is none yet).
    pub fn read_index(&self) -> Result<ImageIndex> {
        let path = self.root.join(INDEX_FILE);
        match std::fs::read(&path) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| {
                self.invalid("read index.json", format!("not a valid image index: {e}"))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(empty_index()),
            Err(e) => Err(RegistryError::io(
                format!("cannot read {}", path.display()),
                e,
            )),
        }
    }

    fn write_index(&self, index: &ImageIndex) -> Result<()> {
        let body = serde_json::to_vec(index).expect("serialise index.json");
        atomic_write(&self.root, &self.root.join(INDEX_FILE), &body)
    }

    /// Read, change and atomically replace `index.json`.
    fn update_index(&self, f: impl FnOnce(&mut ImageIndex)) -> Result<()> {
        let _guard = self.index_lock.lock().unwrap();
        let mut index = self.read_index()?;
        f(&mut index);
        self.write_index(&index)
    }

    /// The manifest bytes stored under `digest`, verified, up to the manifest size limit.
    fn read_manifest_blob(&self, digest: &Digest) -> Result<Vec<u8>> {
        let path = self.blob_path(digest);
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(self.not_found(format!("manifest {digest}")))
            }
            Err(e) => {
                return Err(RegistryError::io(
                    format!("cannot read {}", path.display()),
                    e,
                ))
            }
        };
        if meta.len() > MAX_MANIFEST_SIZE {
            return Err(RegistryError::ManifestTooLarge {
                what: format!("{}@{digest}", self.root.display()),
                limit: MAX_MANIFEST_SIZE,
            });
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| RegistryError::io(format!("cannot read {}", path.display()), e))?;
        let actual = digest_like(digest, &bytes);
        if &actual != digest {
            return Err(RegistryError::DigestMismatch {
                what: format!("manifest {}", path.display()),
                expected: digest.clone(),
                actual,
            });
        }
        Ok(bytes)
    }

    /// Every manifest descriptor `index.json` lists, each digest once.
    fn listed_manifests(&self) -> Result<Vec<Descriptor>> {
        let mut seen = std::collections::HashSet::new();
        Ok(self
            .read_index()?
            .manifests
            .into_iter()
            .filter(|d| seen.insert(d.digest.clone()))
            .collect())
    }
}

fn empty_index() -> ImageIndex {
    ImageIndex {
        schema_version: 2,
        media_type: Some(OCI_INDEX.to_string()),
        artifact_type: None,
        manifests: Vec::new(),
        subject: None,
        annotations: None,
    }
}

/// Write `bytes` to `dest` through a temp file in `dir` and a rename.
fn atomic_write(dir: &Path, dest: &Path, bytes: &[u8]) -> Result<()> {
    let io = |e| RegistryError::io(format!("cannot write {}", dest.display()), e);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".artifact-").suffix(".partial");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(dest).map_err(|e| io(e.error))?;
    Ok(())
}

/// The media type a stored manifest declares (`mediaType`), else what its shape says.
fn sniff_media_type(bytes: &[u8]) -> String {
    let v: serde_json::Value = serde_json::from_slice(bytes).unwrap_or_default();
    match v.get("mediaType").and_then(|m| m.as_str()) {
        Some(m) => m.to_string(),
        None if v.get("manifests").is_some() => OCI_INDEX.to_string(),
        None => OCI_MANIFEST.to_string(),
    }
}

/// Digest of `bytes` with the same algorithm as `like`.
fn digest_like(like: &Digest, bytes: &[u8]) -> Digest {
    let mut h = crate::digest::Hasher::new(like.algorithm());
    h.update(bytes);
    h.finish()
}

impl Target for LayoutTarget {
    fn describe(&self) -> String {
        self.root.display().to_string()
    }

    async fn resolve(&self, reference: &str) -> Result<Descriptor> {
        let index = self.read_index()?;
        if let Ok(digest) = reference.parse::<Digest>() {
            if let Some(d) = index.manifests.iter().find(|d| d.digest == digest) {
                return Ok(Descriptor::new(d.media_type.clone(), digest, d.size));
            }
            let bytes = self.read_manifest_blob(&digest)?;
            return Ok(Descriptor::new(
                sniff_media_type(&bytes),
                digest,
                bytes.len() as u64,
            ));
        }
        index
            .manifests
            .iter()
            .rev()
            .find(|d| d.annotation(ANNOTATION_REF_NAME) == Some(reference))
            .map(|d| Descriptor::new(d.media_type.clone(), d.digest.clone(), d.size))
            .ok_or_else(|| self.not_found(format!("tag {reference}")))
    }

    async fn fetch_manifest(&self, reference: &str) -> Result<RawManifest> {
        let desc = self.resolve(reference).await?;
        let bytes = self.read_manifest_blob(&desc.digest)?;
        if bytes.len() as u64 != desc.size {
            return Err(RegistryError::SizeMismatch {
                what: format!("manifest {}", desc.digest),
                expected: desc.size,
                actual: bytes.len() as u64,
            });
        }
        Ok(RawManifest {
            media_type: desc.media_type,
            digest: desc.digest,
            bytes: bytes.into(),
        })
    }

    async fn push_manifest(&self, reference: &str, manifest: &RawManifest) -> Result<()> {
        let desc = manifest.descriptor();
        if let Ok(d) = reference.parse::<Digest>() {
            if d != desc.digest {
                return Err(RegistryError::DigestMismatch {
                    what: format!("manifest pushed as {reference}"),
                    expected: d,
                    actual: desc.digest,
                });
            }
        } else if !is_valid_tag(reference) {
            return Err(self.invalid("tag", format!("invalid tag {reference:?}")));
        }
        let reader: BlobReader = Box::pin(std::io::Cursor::new(manifest.bytes.clone()));
        self.push_blob_reader(&desc, reader).await?;
        let tag = reference.parse::<Digest>().is_err().then_some(reference);
        self.update_index(|index| match tag {
            None => {
                if !index.manifests.iter().any(|d| d.digest == desc.digest) {
                    index.manifests.push(desc);
                }
            }
            Some(tag) => {
                index.manifests.retain(|d| {
                    let name = d.annotation(ANNOTATION_REF_NAME);
                    // Drop the tag's old entry, and an untagged entry for this manifest.
                    name != Some(tag) && !(name.is_none() && d.digest == desc.digest)
                });
                let mut entry = desc;
                entry.annotations =
                    Some([(ANNOTATION_REF_NAME.to_string(), tag.to_string())].into());
                index.manifests.push(entry);
            }
        })
    }

    async fn blob_exists(&self, digest: &Digest) -> Result<bool> {
        Ok(self.blob_path(digest).is_file())
    }

    async fn fetch_blob(&self, desc: &Descriptor) -> Result<BlobReader> {
        let path = self.blob_path(&desc.digest);
        match tokio::fs::File::open(&path).await {
            Ok(f) => {
                let counter = Counter::new(self.observer.as_ref(), || {
                    ProgressKey::Digest(desc.digest.clone())
                });
                Ok(Box::pin(CountingReader::new(f, counter)))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(self.not_found(format!("blob {}", desc.digest)))
            }
            Err(e) => Err(RegistryError::io(
                format!("cannot read {}", path.display()),
                e,
            )),
        }
    }

    async fn push_blob(&self, desc: &Descriptor, src: &BlobSource) -> Result<()> {
        if self.blob_exists(&desc.digest).await? {
            return Ok(());
        }
        let reader: BlobReader = match src {
            BlobSource::Bytes(b) => Box::pin(std::io::Cursor::new(b.clone())),
            BlobSource::File(p) => {
                let f = tokio::fs::File::open(p)
                    .await
                    .map_err(|e| RegistryError::io(format!("cannot open {}", p.display()), e))?;
                let counter = Counter::new(self.observer.as_ref(), || ProgressKey::Path(p.clone()));
                Box::pin(CountingReader::new(f, counter))
            }
        };
        self.push_blob_reader(desc, reader).await
    }

    async fn push_blob_reader(&self, desc: &Descriptor, reader: BlobReader) -> Result<()> {
        let dest = self.blob_path(&desc.digest);
        if dest.is_file() {
            return Ok(());
        }
        let dir = self.blob_dir(&desc.digest);
        std::fs::create_dir_all(&dir)
            .map_err(|e| RegistryError::io(format!("cannot create {}", dir.display()), e))?;
        let what = format!("blob {}", desc.digest);
        let tmp = write_verified(reader, desc, &dir, &what).await?;
        tmp.persist(&dest)
            .map_err(|e| RegistryError::io(format!("cannot write {}", dest.display()), e.error))?;
        Ok(())
    }

    async fn push_manifest_with_subject(
        &self,
        reference: &str,
        manifest: &RawManifest,
    ) -> Result<bool> {
        // index.json lists every manifest, so the subject's referrers are found by scanning it.
        self.push_manifest(reference, manifest).await?;
        Ok(true)
    }

    async fn referrers(
        &self,
        subject: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Option<ReferrerList>> {
        let mut manifests = Vec::new();
        for d in self.listed_manifests()? {
            if !is_manifest_type(&d.media_type) {
                continue;
            }
            let bytes = match self.read_manifest_blob(&d.digest) {
                Ok(b) => b,
                Err(e) if e.is_not_found() => continue,
                Err(e) => return Err(e),
            };
            let raw = RawManifest {
                media_type: d.media_type.clone(),
                digest: d.digest.clone(),
                bytes: bytes.into(),
            };
            if let Some((s, entry)) = crate::referrers::referrer_entry(&raw) {
                let wanted =
                    artifact_type.is_none() || entry.artifact_type.as_deref() == artifact_type;
                if &s.digest == subject && wanted {
                    manifests.push(entry);
                }
            }
        }
        Ok(Some(ReferrerList {
            manifests,
            filtered: true,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_layout_references() {
        let (r, tags) = LayoutRef::parse_with_tags("out/dir:v1,v2").unwrap();
        assert_eq!(r.path, PathBuf::from("out/dir"));
        assert_eq!(r.tag.as_deref(), Some("v1"));
        assert_eq!(tags, ["v1", "v2"]);
        let r: LayoutRef = "dir".parse().unwrap();
        assert_eq!((r.tag, r.digest), (None, None));
        let d = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        let r: LayoutRef = format!("./a.b/c@{d}").parse().unwrap();
        assert_eq!(r.path, PathBuf::from("./a.b/c"));
        assert_eq!(r.digest.unwrap().to_string(), d);
        // A colon inside the path is not a tag.
        let r: LayoutRef = "x:y/z".parse().unwrap();
        assert_eq!(r.path, PathBuf::from("x:y/z"));
        assert!("dir:bad!tag".parse::<LayoutRef>().is_err());
        assert!("dir@sha256:abc".parse::<LayoutRef>().is_err());
        assert!(":v1".parse::<LayoutRef>().is_err());
        assert_eq!(
            LayoutRef::parse_with_tags("d:v1").unwrap().0.to_string(),
            "d:v1"
        );
    }

    #[tokio::test]
    async fn push_tag_fetch_and_retag() {
        let dir = tempfile::tempdir().unwrap();
        let t = LayoutTarget::create(&dir.path().join("l")).unwrap();
        let body = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#;
        let raw = RawManifest {
            media_type: OCI_MANIFEST.into(),
            digest: Digest::of_bytes(body),
            bytes: bytes::Bytes::from_static(body),
        };
        t.push_manifest(&raw.digest.to_string(), &raw)
            .await
            .unwrap();
        assert_eq!(t.read_index().unwrap().manifests.len(), 1);
        t.push_manifest("v1", &raw).await.unwrap();
        t.push_manifest("v2", &raw).await.unwrap();
        let index = t.read_index().unwrap();
        assert_eq!(index.manifests.len(), 2, "{index:?}");
        assert_eq!(t.resolve("v2").await.unwrap().digest, raw.digest);
        let got = t.fetch_manifest(&raw.digest.to_string()).await.unwrap();
        assert_eq!(got.bytes, raw.bytes);
        assert!(t.resolve("v3").await.unwrap_err().is_not_found());
        let reopened = LayoutTarget::open(&dir.path().join("l")).unwrap();
        assert_eq!(
            reopened.resolve("v1").await.unwrap().media_type,
            OCI_MANIFEST
        );
        assert!(LayoutTarget::open(dir.path()).is_err());
    }
}
