//! Where content lives: a registry repository (and, later, an OCI image-layout directory)
//! behind one interface, so push, pull and copy are written once.

use std::path::PathBuf;
use std::pin::Pin;

use bytes::Bytes;
use tokio::io::AsyncRead;

use crate::digest::Digest;
use crate::manifest::{Descriptor, RawManifest};
use crate::registry::error::Result;
use crate::registry::Repository;

/// A stream of blob bytes, not yet verified.
pub type BlobReader = Pin<Box<dyn AsyncRead + Send>>;

/// Where the bytes of a blob to upload come from.
#[derive(Debug, Clone)]
pub enum BlobSource {
    Bytes(Bytes),
    File(PathBuf),
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
}
