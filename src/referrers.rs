//! Referrers: manifests whose `subject` points at another manifest (signatures, SBOMs, …).
//!
//! Listing asks the target first (a registry's `GET /v2/<name>/referrers/<digest>`, a layout's
//! `index.json`); when a registry has no referrers API it falls back to the referrers tag
//! schema of the distribution spec: the tag `<alg>-<hex>` of the subject digest holds an image
//! index of referrer descriptors, which writers maintain read-modify-write.

use crate::digest::Digest;
use crate::manifest::{Descriptor, ImageIndex, ManifestError, Parsed, RawManifest, OCI_INDEX};
use crate::registry::error::RegistryError;
use crate::target::Target;

#[derive(Debug, thiserror::Error)]
pub enum ReferrersError {
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    #[error("manifest {0} has no subject, so it refers to nothing")]
    NoSubject(Digest),
    #[error(
        "the referrers tag {tag} in {target} does not hold an image index (it holds {media_type})"
    )]
    TagNotIndex {
        tag: String,
        target: String,
        media_type: String,
    },
}

pub type Result<T, E = ReferrersError> = std::result::Result<T, E>;

/// The referrers tag of a subject: `sha256-<hex>`, cut to the 128 characters a tag may have.
pub fn tag_for(subject: &Digest) -> String {
    let mut t = format!("{}-{}", subject.algorithm().name(), subject.hex());
    t.truncate(128);
    t
}

/// For a manifest with a subject: the subject, and the descriptor that lists the manifest
/// among the subject's referrers (its artifact type, else its config media type, and its
/// annotations). `None` for a manifest without a subject or that does not parse.
pub fn referrer_entry(raw: &RawManifest) -> Option<(Descriptor, Descriptor)> {
    let (subject, artifact_type, annotations) = match raw.parse().ok()? {
        Parsed::Image(m) => (
            m.subject?,
            m.artifact_type.or(Some(m.config.media_type)),
            m.annotations,
        ),
        Parsed::Index(i) => (i.subject?, i.artifact_type, i.annotations),
    };
    let mut entry = raw.descriptor();
    entry.artifact_type = artifact_type;
    entry.annotations = annotations.filter(|a| !a.is_empty());
    Some((subject, entry))
}

/// The referrers of `subject` in `target`, optionally only those of one artifact type.
pub async fn list<T: Target>(
    target: &T,
    subject: &Digest,
    artifact_type: Option<&str>,
) -> Result<Vec<Descriptor>> {
    let mut manifests = match target.referrers(subject, artifact_type).await? {
        Some(list) if list.filtered => return Ok(list.manifests),
        Some(list) => list.manifests,
        None => match read_tag_index(target, subject).await? {
            Some(index) => index.manifests,
            None => Vec::new(),
        },
    };
    if let Some(t) = artifact_type {
        manifests.retain(|d| d.artifact_type.as_deref() == Some(t));
    }
    Ok(manifests)
}

/// The index under the subject's referrers tag; `None` when there is no such tag.
async fn read_tag_index<T: Target>(target: &T, subject: &Digest) -> Result<Option<ImageIndex>> {
    let tag = tag_for(subject);
    let raw = match target.fetch_manifest(&tag).await {
        Ok(raw) => raw,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    match raw.parse()? {
        Parsed::Index(i) => Ok(Some(i)),
        Parsed::Image(_) => Err(ReferrersError::TagNotIndex {
            tag,
            target: target.describe(),
            media_type: raw.media_type,
        }),
    }
}

/// How a referrer reached the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Indexed {
    /// The target indexed the subject itself (`OCI-Subject`, or a layout).
    ByTarget,
    /// We added it to the referrers tag index.
    ByTag,
    /// The referrers tag index already listed it.
    AlreadyTagged,
}

/// Push a manifest that has a subject under `reference` (its digest, usually) and make sure
/// it is listed among the subject's referrers: when the target does not index subjects
/// itself, update the referrers tag index.
pub async fn push<T: Target>(target: &T, reference: &str, raw: &RawManifest) -> Result<Indexed> {
    let (subject, entry) =
        referrer_entry(raw).ok_or_else(|| ReferrersError::NoSubject(raw.digest.clone()))?;
    if target.push_manifest_with_subject(reference, raw).await? {
        return Ok(Indexed::ByTarget);
    }
    let mut index = read_tag_index(target, &subject.digest)
        .await?
        .unwrap_or_else(|| ImageIndex {
            schema_version: 2,
            media_type: Some(OCI_INDEX.to_string()),
            artifact_type: None,
            manifests: Vec::new(),
            subject: None,
            annotations: None,
        });
    if index.manifests.iter().any(|d| d.digest == entry.digest) {
        return Ok(Indexed::AlreadyTagged);
    }
    index.manifests.push(entry);
    let bytes = serde_json::to_vec(&index).expect("serialise referrers index");
    let tag_manifest = RawManifest {
        media_type: OCI_INDEX.to_string(),
        digest: Digest::of_bytes(&bytes),
        bytes: bytes.into(),
    };
    target
        .push_manifest(&tag_for(&subject.digest), &tag_manifest)
        .await?;
    Ok(Indexed::ByTag)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{build_manifest, ArtifactSpec, SpecVersion};

    #[test]
    fn tag_schema_name() {
        let d = Digest::of_bytes(b"");
        assert_eq!(
            tag_for(&d),
            "sha256-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn entry_carries_type_and_annotations() {
        let subject = Descriptor::new(crate::manifest::OCI_MANIFEST, Digest::of_bytes(b"s"), 1);
        let m = build_manifest(&ArtifactSpec {
            artifact_type: Some("application/x-sig".into()),
            config: None,
            layers: vec![],
            annotations: [("k".to_string(), "v".to_string())].into(),
            subject: Some(subject.clone()),
            spec: SpecVersion::V1_1,
        });
        let bytes = serde_json::to_vec(&m).unwrap();
        let raw = RawManifest {
            media_type: crate::manifest::OCI_MANIFEST.into(),
            digest: Digest::of_bytes(&bytes),
            bytes: bytes.into(),
        };
        let (s, e) = referrer_entry(&raw).unwrap();
        assert_eq!(s, subject);
        assert_eq!(e.artifact_type.as_deref(), Some("application/x-sig"));
        assert_eq!(e.annotation("k"), Some("v"));
        assert_eq!(e.digest, raw.digest);
    }
}
