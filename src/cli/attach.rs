//! `artifact attach`: push files as an artifact whose `subject` is an existing manifest, so
//! it shows up among that manifest's referrers (`artifact discover`).

use std::path::PathBuf;

use anyhow::{bail, Context as _};
use clap::Args;
use serde_json::json;

use super::progress::Progress;
use super::push::{
    layer_items, parse_annotations, read_annotation_file, upload_items, AnnotationFile, Hashing,
    Item,
};
use super::{parse_size, Format, GlobalOpts, RemoteOpts, UsageError};
use crate::digest::Digest;
use crate::manifest::{self, ArtifactSpec, Descriptor, RawManifest, SpecVersion};
use crate::referrers::{self, Indexed};
use crate::target::{BlobSource, Target};

const EXAMPLES: &str = "\
Examples:
  # Attach an SBOM to an image
  artifact attach registry.example.com/team/app:v1 sbom.spdx.json:application/spdx+json \\
      --artifact-type application/spdx+json

  # Attach a signature with an annotation, in an OCI layout
  artifact attach --oci-layout ./layout:v1 app.sig --artifact-type application/vnd.example.sig \\
      -a org.example.signer=ci

The artifact is pushed by digest, without a tag. When the registry does not index subjects
itself (no OCI-Subject header, as with distribution 2.8), the referrers tag
sha256-<hex of the subject digest> is updated to list it.";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct AttachArgs {
    /// The artifact to attach to: registry/repository[:tag|@digest] (DIR[:TAG|@DIGEST] with --oci-layout)
    pub subject: String,
    /// Files or directories to attach, each optionally with a media type: PATH[:MEDIATYPE]
    #[arg(value_name = "FILE[:TYPE]")]
    pub files: Vec<String>,
    /// The attached artifact's type, e.g. application/vnd.example.signature
    #[arg(long, value_name = "TYPE", required = true)]
    pub artifact_type: String,
    /// Manifest annotation KEY=VALUE (repeatable)
    #[arg(short = 'a', long = "annotation", value_name = "KEY=VALUE")]
    pub annotations: Vec<String>,
    /// JSON file of annotations: {"$manifest": {...}, "<file title>": {...}}
    #[arg(long, value_name = "FILE")]
    pub annotation_file: Option<PathBuf>,
    /// Blobs larger than this are uploaded in chunks of this size (e.g. 16MiB)
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub chunk_size: u64,
    /// How many blobs to upload at once
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Allow absolute file paths, stored as given
    #[arg(long)]
    pub disable_path_validation: bool,
    /// The subject is in an OCI image-layout directory
    #[arg(long)]
    pub oci_layout: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, a: AttachArgs) -> anyhow::Result<()> {
    let subject_ref = super::parse_target(&a.subject, a.oci_layout)?;
    if a.artifact_type.trim().is_empty() {
        return Err(UsageError("--artifact-type must not be empty".into()).into());
    }
    let mut manifest_annotations = parse_annotations(&a.annotations)?;
    let mut file_annotations = match &a.annotation_file {
        Some(p) => read_annotation_file(p)?,
        None => AnnotationFile::new(),
    };
    if let Some(m) = file_annotations.remove("$manifest") {
        for (k, v) in m {
            manifest_annotations.entry(k).or_insert(v);
        }
    }
    // The manifest is built before the uploads, so every digest is needed up front.
    let hashing = Hashing::up_front();
    let (items, packed) = layer_items(
        &a.files,
        &mut file_annotations,
        a.disable_path_validation,
        &hashing,
    )?;
    if let Some(unknown) = file_annotations.keys().next() {
        bail!("annotation file names {unknown:?}, which is not one of the files attached");
    }
    if items.is_empty() && manifest_annotations.is_empty() {
        return Err(UsageError(
            "nothing to attach: give files, --annotation or --annotation-file".into(),
        )
        .into());
    }

    let progress = Progress::new(g);
    let target = super::open_target_with(
        g,
        &a.remote,
        &subject_ref,
        a.chunk_size,
        false,
        progress.observer(),
    )?;
    let found = target
        .resolve(&subject_ref.reference())
        .await
        .with_context(|| format!("cannot attach to {subject_ref}"))?;
    let subject = Descriptor::new(found.media_type, found.digest, found.size);

    // Image-spec 1.1: the empty config, and the empty blob as the only layer when no files.
    let empty = manifest::empty_config();
    let mut layers: Vec<Descriptor> = items.iter().map(|i| i.desc.clone()).collect();
    if layers.is_empty() {
        layers.push(empty.clone());
    }
    let built = manifest::build_manifest(&ArtifactSpec {
        artifact_type: Some(a.artifact_type.clone()),
        config: None,
        layers,
        annotations: manifest_annotations,
        subject: Some(subject.clone()),
        spec: SpecVersion::V1_1,
    });
    let bytes = serde_json::to_vec_pretty(&built)?;
    if bytes.len() as u64 > manifest::MAX_MANIFEST_SIZE {
        bail!(
            "the manifest would be {} bytes, above the 4 MiB limit registries accept",
            bytes.len()
        );
    }
    let raw = RawManifest {
        media_type: manifest::OCI_MANIFEST.to_string(),
        digest: Digest::of_bytes(&bytes),
        bytes: bytes.into(),
    };

    let mut all = items;
    all.push(Item {
        desc: empty,
        source: BlobSource::Bytes(bytes::Bytes::from_static(manifest::EMPTY_JSON)),
        label: "config".into(),
        pending: false,
        cache_key: None,
    });
    let text = a.format == Format::Text && !g.quiet;
    upload_items(
        &target,
        &mut all,
        a.concurrency,
        text,
        &hashing.cache,
        &progress,
    )
    .await
    .with_context(|| format!("cannot attach to {subject_ref}"))?;
    progress.clear();
    drop(packed);
    let indexed = referrers::push(&target, &raw.digest.to_string(), &raw)
        .await
        .with_context(|| format!("cannot attach to {subject_ref}"))?;

    let subject_shown = subject_ref.bare().with_digest(subject.digest.clone());
    let referrers_tag = (indexed != Indexed::ByTarget).then(|| referrers::tag_for(&subject.digest));
    match a.format {
        Format::Text if g.quiet => println!("{}", raw.digest),
        Format::Text => {
            println!("Attached to {subject_shown}");
            println!("ArtifactType: {}", a.artifact_type);
            if let Some(t) = &referrers_tag {
                println!("Referrers tag: {t}");
            }
            println!("Digest: {}", raw.digest);
        }
        Format::Json => {
            let out = json!({
                "reference": subject_ref.bare().with_digest(raw.digest.clone()).to_string(),
                "digest": raw.digest,
                "mediaType": raw.media_type,
                "artifactType": a.artifact_type,
                "size": raw.bytes.len(),
                "subject": subject,
                "referrersTag": referrers_tag,
                "layers": built.layers,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
    }
    Ok(())
}
