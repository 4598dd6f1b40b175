//! Where content lives: a registry repository or an OCI image-layout directory behind one
//! interface, so push, pull, copy, attach and discover are written once.

use std::fmt;
use std::path::PathBuf;
use std::pin::Pin;
use std::str::FromStr;

use bytes::Bytes;
use tokio::io::AsyncRead;

use crate::digest::Digest;
use crate::layout::{LayoutRef, LayoutTarget};
use crate::manifest::{
    Descriptor, ImageIndex, ManifestError, Parsed, Platform, RawManifest, DOCKER_MANIFEST,
    DOCKER_MANIFEST_LIST, OCI_INDEX, OCI_MANIFEST,
};
use crate::reference::Reference;
use crate::registry::error::{RegistryError, Result};
use crate::registry::Repository;

/// A stream of blob bytes, not yet verified.
pub type BlobReader = Pin<Box<dyn AsyncRead + Send>>;

/// Where the bytes of a blob to upload come from.
#[derive(Debug, Clone)]
pub enum BlobSource {
    Bytes(Bytes),
    File(PathBuf),
}

/// The referrers of a subject as a target lists them.
#[derive(Debug, Clone, Default)]
pub struct ReferrerList {
    pub manifests: Vec<Descriptor>,
    /// Whether the artifact-type filter was already applied (else the caller filters).
    pub filtered: bool,
}

/// Whether a media type is one of the manifest (or index) types we handle.
pub fn is_manifest_type(media_type: &str) -> bool {
    matches!(
        media_type,
        OCI_MANIFEST | OCI_INDEX | DOCKER_MANIFEST | DOCKER_MANIFEST_LIST
    )
}

/// Content-addressed storage with tags.
#[allow(async_fn_in_trait)]
pub trait Target {
    /// Human-readable name for messages, e.g. `localhost:5000/team/x`.
    fn describe(&self) -> String;
    async fn resolve(&self, reference: &str) -> Result<Descriptor>;
    async fn fetch_manifest(&self, reference: &str) -> Result<RawManifest>;
    async fn push_manifest(&self, reference: &str, manifest: &RawManifest) -> Result<()>;
    async fn blob_exists(&self, digest: &Digest) -> Result<bool>;
    async fn fetch_blob(&self, desc: &Descriptor) -> Result<BlobReader>;
    async fn push_blob(&self, desc: &Descriptor, src: &BlobSource) -> Result<()>;
    /// Upload from a stream whose bytes must match `desc`.
    async fn push_blob_reader(&self, desc: &Descriptor, reader: BlobReader) -> Result<()>;
    /// Upload a file whose digest is not known yet, hashing it while it is sent (one read).
    /// `None` when this target cannot; the caller then hashes first and uses `push_blob`.
    async fn push_file_single_pass(
        &self,
        _path: &std::path::Path,
        _size: u64,
    ) -> Result<Option<Digest>> {
        Ok(None)
    }

    /// Is a manifest with this digest stored here?
    async fn manifest_exists(&self, digest: &Digest) -> Result<bool> {
        match self.resolve(&digest.to_string()).await {
            Ok(_) => Ok(true),
            Err(e) if e.is_not_found() => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Push a manifest that has a `subject`. Returns true when the target itself now lists
    /// it among the subject's referrers (a registry answering with `OCI-Subject`, a layout),
    /// false when the caller must maintain the referrers tag.
    async fn push_manifest_with_subject(
        &self,
        reference: &str,
        manifest: &RawManifest,
    ) -> Result<bool>;

    /// The subject's referrers from the target's own index (the registry's referrers API);
    /// `None` when the target has none and the referrers tag must be read instead.
    async fn referrers(
        &self,
        subject: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Option<ReferrerList>>;

    /// The registry repository behind this target, if it is one (for cross-repository mounts).
    fn registry(&self) -> Option<&RegistryTarget> {
        None
    }
}

/// A registry repository as a target, with its upload chunk size.
pub struct RegistryTarget {
    pub repo: Repository,
    pub chunk_size: u64,
}

impl Target for RegistryTarget {
    fn describe(&self) -> String {
        format!("{}/{}", self.repo.host(), self.repo.name())
    }
    async fn resolve(&self, reference: &str) -> Result<Descriptor> {
        self.repo.resolve(reference).await
    }
    async fn fetch_manifest(&self, reference: &str) -> Result<RawManifest> {
        self.repo.fetch_manifest(reference).await
    }
    async fn push_manifest(&self, reference: &str, manifest: &RawManifest) -> Result<()> {
        self.repo.push_manifest(reference, manifest).await
    }
    async fn blob_exists(&self, digest: &Digest) -> Result<bool> {
        self.repo.blob_exists(digest).await
    }
    async fn fetch_blob(&self, desc: &Descriptor) -> Result<BlobReader> {
        self.repo.fetch_blob(desc).await
    }
    async fn push_blob(&self, desc: &Descriptor, src: &BlobSource) -> Result<()> {
        self.repo.push_blob(desc, src, self.chunk_size).await
    }
    async fn push_blob_reader(&self, desc: &Descriptor, reader: BlobReader) -> Result<()> {
        self.repo.push_blob_reader(desc, reader).await
    }
    async fn push_file_single_pass(
        &self,
        path: &std::path::Path,
        size: u64,
    ) -> Result<Option<Digest>> {
        self.repo
            .push_file_single_pass(path, size, self.chunk_size)
            .await
            .map(Some)
    }
    async fn push_manifest_with_subject(
        &self,
        reference: &str,
        manifest: &RawManifest,
    ) -> Result<bool> {
        self.repo
            .push_manifest_reporting_subject(reference, manifest)
            .await
    }
    async fn referrers(
        &self,
        subject: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Option<ReferrerList>> {
        self.repo.referrers(subject, artifact_type).await
    }
    fn registry(&self) -> Option<&RegistryTarget> {
        Some(self)
    }
}

/// Either kind of target, chosen at run time (`--oci-layout`).
pub enum AnyTarget {
    Registry(RegistryTarget),
    Layout(LayoutTarget),
}

macro_rules! dispatch {
    ($self:ident, $t:ident => $e:expr) => {
        match $self {
            AnyTarget::Registry($t) => $e,
            AnyTarget::Layout($t) => $e,
        }
    };
}

impl Target for AnyTarget {
    fn describe(&self) -> String {
        dispatch!(self, t => t.describe())
    }
    async fn resolve(&self, reference: &str) -> Result<Descriptor> {
        dispatch!(self, t => t.resolve(reference).await)
    }
    async fn fetch_manifest(&self, reference: &str) -> Result<RawManifest> {
        dispatch!(self, t => t.fetch_manifest(reference).await)
    }
    async fn push_manifest(&self, reference: &str, manifest: &RawManifest) -> Result<()> {
        dispatch!(self, t => t.push_manifest(reference, manifest).await)
    }
    async fn blob_exists(&self, digest: &Digest) -> Result<bool> {
        dispatch!(self, t => t.blob_exists(digest).await)
    }
    async fn fetch_blob(&self, desc: &Descriptor) -> Result<BlobReader> {
        dispatch!(self, t => t.fetch_blob(desc).await)
    }
    async fn push_blob(&self, desc: &Descriptor, src: &BlobSource) -> Result<()> {
        dispatch!(self, t => t.push_blob(desc, src).await)
    }
    async fn push_blob_reader(&self, desc: &Descriptor, reader: BlobReader) -> Result<()> {
        dispatch!(self, t => t.push_blob_reader(desc, reader).await)
    }
    async fn push_file_single_pass(
        &self,
        path: &std::path::Path,
        size: u64,
    ) -> Result<Option<Digest>> {
        dispatch!(self, t => t.push_file_single_pass(path, size).await)
    }
    async fn manifest_exists(&self, digest: &Digest) -> Result<bool> {
        dispatch!(self, t => t.manifest_exists(digest).await)
    }
    async fn push_manifest_with_subject(
        &self,
        reference: &str,
        manifest: &RawManifest,
    ) -> Result<bool> {
        dispatch!(self, t => t.push_manifest_with_subject(reference, manifest).await)
    }
    async fn referrers(
        &self,
        subject: &Digest,
        artifact_type: Option<&str>,
    ) -> Result<Option<ReferrerList>> {
        dispatch!(self, t => t.referrers(subject, artifact_type).await)
    }
    fn registry(&self) -> Option<&RegistryTarget> {
        dispatch!(self, t => t.registry())
    }
}

/// What a command argument names: a registry reference or an image-layout directory
/// (`--oci-layout`), each with an optional tag or digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetRef {
    Registry(Reference),
    Layout(LayoutRef),
}

impl TargetRef {
    pub fn tag(&self) -> Option<&str> {
        match self {
            TargetRef::Registry(r) => r.tag.as_deref(),
            TargetRef::Layout(l) => l.tag.as_deref(),
        }
    }
    pub fn digest(&self) -> Option<&Digest> {
        match self {
            TargetRef::Registry(r) => r.digest.as_ref(),
            TargetRef::Layout(l) => l.digest.as_ref(),
        }
    }
    /// Digest if present, else tag, else `latest`.
    pub fn reference(&self) -> String {
        match (self.digest(), self.tag()) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.to_string(),
            (None, None) => "latest".to_string(),
        }
    }
    /// The same place with another tag and no digest.
    pub fn with_tag(&self, tag: &str) -> TargetRef {
        match self {
            TargetRef::Registry(r) => TargetRef::Registry(r.with_tag(tag)),
            TargetRef::Layout(l) => TargetRef::Layout(LayoutRef {
                tag: Some(tag.to_string()),
                digest: None,
                ..l.clone()
            }),
        }
    }
    pub fn with_digest(&self, digest: Digest) -> TargetRef {
        match self {
            TargetRef::Registry(r) => TargetRef::Registry(r.with_digest(digest)),
            TargetRef::Layout(l) => TargetRef::Layout(LayoutRef {
                digest: Some(digest),
                ..l.clone()
            }),
        }
    }
    /// The same place with neither tag nor digest.
    pub fn bare(&self) -> TargetRef {
        match self {
            TargetRef::Registry(r) => TargetRef::Registry(Reference {
                tag: None,
                digest: None,
                ..r.clone()
            }),
            TargetRef::Layout(l) => TargetRef::Layout(LayoutRef {
                tag: None,
                digest: None,
                ..l.clone()
            }),
        }
    }
}

impl fmt::Display for TargetRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetRef::Registry(r) => r.fmt(f),
            TargetRef::Layout(l) => l.fmt(f),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Platforms
// ---------------------------------------------------------------------------------------

/// A `--platform` value: `os/arch[/variant]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformSpec {
    pub os: String,
    pub architecture: String,
    pub variant: Option<String>,
}

impl FromStr for PlatformSpec {
    type Err = PlatformError;
    fn from_str(s: &str) -> std::result::Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split('/').collect();
        let ok = |p: &&str| !p.is_empty() && !p.contains(char::is_whitespace);
        match parts.as_slice() {
            [os, arch] if ok(os) && ok(arch) => Ok(PlatformSpec {
                os: os.to_string(),
                architecture: arch.to_string(),
                variant: None,
            }),
            [os, arch, variant] if ok(os) && ok(arch) && ok(variant) => Ok(PlatformSpec {
                os: os.to_string(),
                architecture: arch.to_string(),
                variant: Some(variant.to_string()),
            }),
            _ => Err(PlatformError::Invalid(s.to_string())),
        }
    }
}

impl fmt::Display for PlatformSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.os, self.architecture)?;
        if let Some(v) = &self.variant {
            write!(f, "/{v}")?;
        }
        Ok(())
    }
}

impl PlatformSpec {
    /// OS and architecture must be equal; the variant only when one was asked for.
    pub fn matches(&self, p: &Platform) -> bool {
        p.os == self.os
            && p.architecture == self.architecture
            && (self.variant.is_none() || p.variant == self.variant)
    }
}

fn platform_name(p: &Platform) -> String {
    let mut s = format!("{}/{}", p.os, p.architecture);
    if let Some(v) = &p.variant {
        s.push('/');
        s.push_str(v);
    }
    s
}

/// The platforms an index lists, for messages.
pub fn available_platforms(index: &ImageIndex) -> String {
    let names: Vec<String> = index
        .manifests
        .iter()
        .filter_map(|d| d.platform.as_ref().map(platform_name))
        .collect();
    if names.is_empty() {
        "none: its manifests name no platform".to_string()
    } else {
        names.join(", ")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PlatformError {
    #[error("invalid platform {0:?}: expected os/arch[/variant], e.g. linux/amd64")]
    Invalid(String),
    #[error(
        "{what} is an image index with no manifest for platform {wanted} (available: {available})"
    )]
    NoMatch {
        what: String,
        wanted: String,
        available: String,
    },
    #[error("{what} is an image index: choose one of its manifests with --platform (available: {available})")]
    NeedPlatform { what: String, available: String },
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error(transparent)]
    Manifest(#[from] ManifestError),
}

/// The first manifest of `index` for the wanted platform.
pub fn select_platform(
    index: &ImageIndex,
    wanted: &PlatformSpec,
    what: &str,
) -> std::result::Result<Descriptor, PlatformError> {
    index
        .manifests
        .iter()
        .find(|d| d.platform.as_ref().is_some_and(|p| wanted.matches(p)))
        .cloned()
        .ok_or_else(|| PlatformError::NoMatch {
            what: what.to_string(),
            wanted: wanted.to_string(),
            available: available_platforms(index),
        })
}

/// Fetch the manifest `reference` names; when it is an index and a platform is given, the
/// index's manifest for that platform instead. With `require` an index without a platform
/// is an error (for commands that need files, not a list of manifests).
pub async fn fetch_for_platform<T: Target>(
    target: &T,
    reference: &str,
    what: &str,
    platform: Option<&PlatformSpec>,
    require: bool,
) -> std::result::Result<RawManifest, PlatformError> {
    let raw = target.fetch_manifest(reference).await?;
    if !matches!(raw.media_type.as_str(), OCI_INDEX | DOCKER_MANIFEST_LIST) {
        return Ok(raw);
    }
    let Parsed::Index(index) = raw.parse()? else {
        return Ok(raw);
    };
    match platform {
        Some(wanted) => {
            let desc = select_platform(&index, wanted, what)?;
            Ok(target.fetch_manifest(&desc.digest.to_string()).await?)
        }
        None if require => Err(PlatformError::NeedPlatform {
            what: what.to_string(),
            available: available_platforms(&index),
        }),
        None => Ok(raw),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desc(os: &str, arch: &str, variant: Option<&str>, n: u8) -> Descriptor {
        let mut d = Descriptor::new(OCI_MANIFEST, Digest::of_bytes(&[n]), 1);
        d.platform = Some(Platform {
            architecture: arch.into(),
            os: os.into(),
            variant: variant.map(str::to_string),
            os_version: None,
        });
        d
    }

    #[test]
    fn platform_parse_and_match() {
        let p: PlatformSpec = "linux/arm64".parse().unwrap();
        assert_eq!(p.to_string(), "linux/arm64");
        assert!("linux".parse::<PlatformSpec>().is_err());
        assert!("linux//v7".parse::<PlatformSpec>().is_err());
        assert!("a/b/c/d".parse::<PlatformSpec>().is_err());
        let index = ImageIndex {
            schema_version: 2,
            media_type: Some(OCI_INDEX.into()),
            artifact_type: None,
            manifests: vec![
                desc("linux", "amd64", None, 1),
                desc("linux", "arm", Some("v6"), 2),
                desc("linux", "arm", Some("v7"), 3),
            ],
            subject: None,
            annotations: None,
        };
        let v7: PlatformSpec = "linux/arm/v7".parse().unwrap();
        assert_eq!(
            select_platform(&index, &v7, "x").unwrap().digest,
            Digest::of_bytes(&[3])
        );
        let arm: PlatformSpec = "linux/arm".parse().unwrap();
        assert_eq!(
            select_platform(&index, &arm, "x").unwrap().digest,
            Digest::of_bytes(&[2])
        );
        let err = select_platform(&index, &"windows/amd64".parse().unwrap(), "x")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("linux/amd64, linux/arm/v6, linux/arm/v7"),
            "{err}"
        );
    }
}
