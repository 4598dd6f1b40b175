//! OCI image-spec types: descriptors, image manifests, indexes, and the media types artifacts use.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::digest::Digest;

pub const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
pub const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
pub const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
pub const DOCKER_MANIFEST_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
pub const OCI_EMPTY: &str = "application/vnd.oci.empty.v1+json";
pub const OCI_CONFIG: &str = "application/vnd.oci.image.config.v1+json";
pub const DEFAULT_LAYER: &str = "application/vnd.oci.image.layer.v1.tar";
pub const DEFAULT_ARTIFACT_TYPE: &str = "application/vnd.unknown.artifact.v1";
/// oras' config media type when pushing with image-spec v1.0 and no artifact type.
pub const UNKNOWN_CONFIG: &str = "application/vnd.unknown.config.v1+json";
pub const DIR_LAYER: &str = "application/vnd.oci.image.layer.v1.tar+gzip";

pub const ANNOTATION_TITLE: &str = "org.opencontainers.image.title";
pub const ANNOTATION_CREATED: &str = "org.opencontainers.image.created";
pub const ANNOTATION_UNPACK: &str = "io.deis.oras.content.unpack";
pub const ANNOTATION_CONTENT_DIGEST: &str = "io.deis.oras.content.digest";

/// Largest manifest we accept or produce.
pub const MAX_MANIFEST_SIZE: u64 = 4 * 1024 * 1024;

/// The content of the empty JSON blob `{}`.
pub const EMPTY_JSON: &[u8] = b"{}";

/// Accept header for manifest reads.
pub const MANIFEST_ACCEPT: &str = "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.docker.distribution.manifest.list.v2+json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Descriptor {
    pub media_type: String,
    pub digest: Digest,
    pub size: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urls: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
}

impl Descriptor {
    pub fn new(media_type: impl Into<String>, digest: Digest, size: u64) -> Descriptor {
        Descriptor {
            media_type: media_type.into(),
            digest,
            size,
            urls: None,
            annotations: None,
            data: None,
            platform: None,
            artifact_type: None,
        }
    }
    pub fn title(&self) -> Option<&str> {
        self.annotation(ANNOTATION_TITLE)
    }
    pub fn annotation(&self, key: &str) -> Option<&str> {
        self.annotations.as_ref()?.get(key).map(String::as_str)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Platform {
    pub architecture: String,
    pub os: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    #[serde(
        default,
        rename = "os.version",
        skip_serializing_if = "Option::is_none"
    )]
    pub os_version: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageManifest {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    pub config: Descriptor,
    #[serde(default)]
    pub layers: Vec<Descriptor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Descriptor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageIndex {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub artifact_type: Option<String>,
    #[serde(default)]
    pub manifests: Vec<Descriptor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Descriptor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
}

/// A manifest as fetched: raw bytes (whose digest is the identity) plus the media type.
#[derive(Debug, Clone)]
pub struct RawManifest {
    pub media_type: String,
    pub digest: Digest,
    pub bytes: bytes::Bytes,
}

/// A parsed manifest of any kind we understand.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Parsed {
    Image(ImageManifest),
    Index(ImageIndex),
}

#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("manifest {digest} is not valid JSON of type {media_type}: {source}")]
    Invalid {
        digest: Digest,
        media_type: String,
        source: serde_json::Error,
    },
    #[error("manifest {digest} has unsupported media type {media_type:?}")]
    Unsupported { digest: Digest, media_type: String },
}

impl RawManifest {
    pub fn descriptor(&self) -> Descriptor {
        Descriptor::new(
            self.media_type.clone(),
            self.digest.clone(),
            self.bytes.len() as u64,
        )
    }

    pub fn parse(&self) -> Result<Parsed, ManifestError> {
        let invalid = |source| ManifestError::Invalid {
            digest: self.digest.clone(),
            media_type: self.media_type.clone(),
            source,
        };
        match self.media_type.as_str() {
            OCI_MANIFEST | DOCKER_MANIFEST => serde_json::from_slice(&self.bytes)
                .map(Parsed::Image)
                .map_err(invalid),
            OCI_INDEX | DOCKER_MANIFEST_LIST => serde_json::from_slice(&self.bytes)
                .map(Parsed::Index)
                .map_err(invalid),
            other => Err(ManifestError::Unsupported {
                digest: self.digest.clone(),
                media_type: other.to_string(),
            }),
        }
    }
}

/// Which image-spec version to follow when building an artifact manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecVersion {
    V1_0,
    V1_1,
}

/// Inputs for building an artifact manifest.
#[derive(Debug, Clone)]
pub struct ArtifactSpec {
    pub artifact_type: Option<String>,
    /// Custom config descriptor; `None` means the empty config.
    pub config: Option<Descriptor>,
    pub layers: Vec<Descriptor>,
    pub annotations: BTreeMap<String, String>,
    pub subject: Option<Descriptor>,
    pub spec: SpecVersion,
}

/// The empty config descriptor `{}`.
pub fn empty_config() -> Descriptor {
    Descriptor::new(
        OCI_EMPTY,
        Digest::of_bytes(EMPTY_JSON),
        EMPTY_JSON.len() as u64,
    )
}

/// Build the manifest JSON for an artifact, following oras' conventions:
/// image-spec 1.1 puts the type into `artifactType` and uses the empty config;
/// 1.0 puts the type into `config.mediaType` (empty `{}` content).
pub fn build_manifest(spec: &ArtifactSpec) -> ImageManifest {
    let annotations = (!spec.annotations.is_empty()).then(|| spec.annotations.clone());
    match spec.spec {
        SpecVersion::V1_1 => {
            let config = spec.config.clone().unwrap_or_else(empty_config);
            // artifactType is required when config is the empty descriptor.
            let artifact_type = match (&spec.artifact_type, config.media_type.as_str()) {
                (Some(t), _) => Some(t.clone()),
                (None, OCI_EMPTY) => Some(DEFAULT_ARTIFACT_TYPE.to_string()),
                (None, _) => None,
            };
            ImageManifest {
                schema_version: 2,
                media_type: Some(OCI_MANIFEST.to_string()),
                artifact_type,
                config,
                layers: spec.layers.clone(),
                subject: spec.subject.clone(),
                annotations,
            }
        }
        SpecVersion::V1_0 => {
            let config = match &spec.config {
                Some(c) => c.clone(),
                None => {
                    let mut c = empty_config();
                    c.media_type = spec
                        .artifact_type
                        .clone()
                        .unwrap_or_else(|| UNKNOWN_CONFIG.to_string());
                    c
                }
            };
            ImageManifest {
                schema_version: 2,
                media_type: Some(OCI_MANIFEST.to_string()),
                artifact_type: None,
                config,
                layers: spec.layers.clone(),
                subject: spec.subject.clone(),
                annotations,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer() -> Descriptor {
        let mut d = Descriptor::new("application/x-a", Digest::of_bytes(b"a"), 1);
        d.annotations = Some(BTreeMap::from([(
            ANNOTATION_TITLE.to_string(),
            "a.txt".to_string(),
        )]));
        d
    }

    fn spec(v: SpecVersion, t: Option<&str>) -> ArtifactSpec {
        ArtifactSpec {
            artifact_type: t.map(str::to_string),
            config: None,
            layers: vec![layer()],
            annotations: BTreeMap::new(),
            subject: None,
            spec: v,
        }
    }

    #[test]
    fn v11_defaults_artifact_type_and_empty_config() {
        let m = build_manifest(&spec(SpecVersion::V1_1, None));
        let j = serde_json::to_value(&m).unwrap();
        assert_eq!(j["artifactType"], DEFAULT_ARTIFACT_TYPE);
        assert_eq!(j["config"]["mediaType"], OCI_EMPTY);
        assert_eq!(j["config"]["size"], 2);
        assert_eq!(
            j["config"]["digest"],
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        assert_eq!(j["mediaType"], OCI_MANIFEST);
        assert_eq!(j["layers"][0]["annotations"][ANNOTATION_TITLE], "a.txt");
        assert!(j.get("annotations").is_none());
        assert!(j.get("subject").is_none());
    }

    #[test]
    fn v10_puts_type_in_config() {
        let m = build_manifest(&spec(SpecVersion::V1_0, Some("application/x-t")));
        let j = serde_json::to_value(&m).unwrap();
        assert!(j.get("artifactType").is_none());
        assert_eq!(j["config"]["mediaType"], "application/x-t");
        let m = build_manifest(&spec(SpecVersion::V1_0, None));
        assert_eq!(m.config.media_type, UNKNOWN_CONFIG);
    }

    #[test]
    fn custom_config_without_type_has_no_artifact_type() {
        let mut s = spec(SpecVersion::V1_1, None);
        s.config = Some(Descriptor::new(
            "application/x-cfg",
            Digest::of_bytes(b"c"),
            1,
        ));
        let m = build_manifest(&s);
        assert_eq!(m.artifact_type, None);
        assert_eq!(m.config.media_type, "application/x-cfg");
    }

    #[test]
    fn parse_roundtrip_and_unknown_type() {
        let m = build_manifest(&spec(SpecVersion::V1_1, Some("application/x-t")));
        let bytes = serde_json::to_vec(&m).unwrap();
        let raw = RawManifest {
            media_type: OCI_MANIFEST.into(),
            digest: Digest::of_bytes(&bytes),
            bytes: bytes.clone().into(),
        };
        match raw.parse().unwrap() {
            Parsed::Image(p) => assert_eq!(p, m),
            Parsed::Index(_) => panic!("expected image manifest"),
        }
        let raw = RawManifest {
            media_type: "application/x-weird".into(),
            digest: Digest::of_bytes(&bytes),
            bytes: bytes.into(),
        };
        assert!(matches!(
            raw.parse(),
            Err(ManifestError::Unsupported { .. })
        ));
    }
}
