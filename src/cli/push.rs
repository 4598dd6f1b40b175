//! `artifact push`: files (and directories) → layers → manifest → tags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use clap::Args;
use futures_util::{StreamExt, TryStreamExt};
use serde_json::json;

use super::{parse_size, Format, GlobalOpts, RemoteOpts, UsageError};
use crate::archive;
use crate::digest::{hash_file, Digest};
use crate::manifest::{self, ArtifactSpec, Descriptor, RawManifest, SpecVersion};
use crate::target::{BlobSource, Target};

#[derive(Debug, Args)]
#[command(after_help = super::examples::PUSH)]
pub struct PushArgs {
    /// Destination: registry/repository[:tag[,tag...]]
    pub reference: String,
    /// Files or directories to push, each optionally with a media type: PATH[:MEDIATYPE]
    #[arg(value_name = "FILE[:TYPE]")]
    pub files: Vec<String>,
    /// The artifact's type (artifactType; config media type with --image-spec v1.0)
    #[arg(long, value_name = "TYPE")]
    pub artifact_type: Option<String>,
    /// Use this file as the config blob: FILE[:MEDIATYPE]
    #[arg(long, value_name = "FILE[:TYPE]")]
    pub config: Option<String>,
    /// Manifest annotation KEY=VALUE (repeatable)
    #[arg(short = 'a', long = "annotation", value_name = "KEY=VALUE")]
    pub annotations: Vec<String>,
    /// JSON file of annotations: {"$manifest": {...}, "$config": {...}, "<file title>": {...}}
    #[arg(long, value_name = "FILE")]
    pub annotation_file: Option<PathBuf>,
    /// Also write the pushed manifest to this file
    #[arg(long, value_name = "FILE")]
    pub export_manifest: Option<PathBuf>,
    /// Image-spec version to follow: v1.1 (artifactType, empty config) or v1.0
    #[arg(long, value_name = "VERSION", default_value = "v1.1", value_parser = ["v1.1", "v1.0"])]
    pub image_spec: String,
    /// Blobs larger than this are uploaded in chunks of this size (e.g. 16MiB)
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub chunk_size: u64,
    /// How many blobs to upload at once
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Allow absolute file paths, stored as given
    #[arg(long)]
    pub disable_path_validation: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Push to an OCI image-layout directory instead: the reference is DIR[:TAG[,TAG...]]
    #[arg(long)]
    pub oci_layout: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

/// One blob to upload.
pub(super) struct Item {
    pub(super) desc: Descriptor,
    pub(super) source: BlobSource,
    pub(super) label: String,
}

/// Split `path[:mediatype]`: a name that exists as given is a path, else split at the last ':'.
fn split_typed(arg: &str, default_type: &str) -> (String, String) {
    if Path::new(arg).exists() {
        return (arg.to_string(), default_type.to_string());
    }
    match arg.rsplit_once(':') {
        Some((p, t)) if !p.is_empty() && !t.is_empty() && t.contains('/') => {
            (p.to_string(), t.to_string())
        }
        _ => (arg.to_string(), default_type.to_string()),
    }
}

fn title_of(path: &str, disable_validation: bool) -> anyhow::Result<String> {
    // The title is the path as given, tidied: `./docs/` → `docs`, `a//b` → `a/b`.
    let slashed = path.replace('\\', "/");
    let parts: Vec<&str> = slashed
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let lead = if slashed.starts_with('/') { "/" } else { "" };
    let title = format!("{lead}{}", parts.join("/"));
    if parts.is_empty() {
        return Err(UsageError(format!(
            "file path {path:?} does not name a file or directory"
        ))
        .into());
    }
    if !disable_validation && Path::new(path).is_absolute() {
        return Err(UsageError(format!(
            "file path {path:?} is absolute; pass a relative path or use --disable-path-validation"
        ))
        .into());
    }
    Ok(title)
}

pub(super) type AnnotationFile = BTreeMap<String, BTreeMap<String, String>>;

pub(super) fn read_annotation_file(p: &Path) -> anyhow::Result<AnnotationFile> {
    let text = std::fs::read_to_string(p)
        .with_context(|| format!("cannot read annotation file {}", p.display()))?;
    serde_json::from_str(&text).with_context(|| {
        format!(
            "annotation file {} is not a JSON object of objects of strings",
            p.display()
        )
    })
}

pub(super) fn parse_annotations(args: &[String]) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for a in args {
        let (k, v) = a
            .split_once('=')
            .filter(|(k, _)| !k.is_empty())
            .ok_or_else(|| UsageError(format!("invalid annotation {a:?}: expected KEY=VALUE")))?;
        if out.insert(k.to_string(), v.to_string()).is_some() {
            return Err(UsageError(format!("annotation key {k:?} given twice")).into());
        }
    }
    Ok(out)
}

fn file_item(
    path: &str,
    media_type: String,
    title: Option<String>,
    annotations: Option<&BTreeMap<String, String>>,
) -> anyhow::Result<Item> {
    let (digest, size) =
        hash_file(Path::new(path)).with_context(|| format!("cannot read file {path:?}"))?;
    let mut desc = Descriptor::new(media_type, digest, size);
    let mut ann = annotations.cloned().unwrap_or_default();
    if let Some(t) = &title {
        ann.insert(manifest::ANNOTATION_TITLE.to_string(), t.clone());
    }
    desc.annotations = (!ann.is_empty()).then_some(ann);
    Ok(Item {
        desc,
        source: BlobSource::File(PathBuf::from(path)),
        label: title.unwrap_or_else(|| path.to_string()),
    })
}

/// Files and directories (`PATH[:MEDIATYPE]`) → layers: each file hashed, each directory
/// packed to tar+gzip, all before any request. Takes each file's annotations out of
/// `file_annotations`. Keep the returned archives alive until they are uploaded.
pub(super) fn layer_items(
    files: &[String],
    file_annotations: &mut AnnotationFile,
    disable_path_validation: bool,
) -> anyhow::Result<(Vec<Item>, Vec<archive::Packed>)> {
    let mut items: Vec<Item> = Vec::new();
    let mut packed: Vec<archive::Packed> = Vec::new();
    let mut titles = std::collections::HashSet::new();
    for arg in files {
        let (path, media_type) = split_typed(arg, manifest::DEFAULT_LAYER);
        let title = title_of(&path, disable_path_validation)?;
        if !titles.insert(title.clone()) {
            return Err(UsageError(format!("file {path:?} is given twice")).into());
        }
        let meta =
            std::fs::metadata(&path).with_context(|| format!("cannot read file {path:?}"))?;
        let ann = file_annotations.remove(&title);
        if meta.is_dir() {
            let mt = if media_type == manifest::DEFAULT_LAYER {
                manifest::DIR_LAYER.to_string()
            } else {
                media_type
            };
            let p = archive::pack_dir(Path::new(&path), &title, None)
                .with_context(|| format!("cannot pack directory {path:?}"))?;
            let mut ann = ann.unwrap_or_default();
            ann.insert(manifest::ANNOTATION_TITLE.into(), title.clone());
            ann.insert(
                manifest::ANNOTATION_CONTENT_DIGEST.into(),
                p.tar_digest.to_string(),
            );
            ann.insert(manifest::ANNOTATION_UNPACK.into(), "true".into());
            let mut desc = Descriptor::new(mt, p.gz_digest.clone(), p.gz_size);
            desc.annotations = Some(ann);
            items.push(Item {
                desc,
                source: BlobSource::File(p.file.path().to_path_buf()),
                label: title.clone(),
            });
            packed.push(p);
        } else {
            items.push(file_item(&path, media_type, Some(title), ann.as_ref())?);
        }
    }
    Ok((items, packed))
}

/// Upload the blobs the target lacks, `concurrency` at a time; identical content goes once.
/// With `text`, one line per blob.
pub(super) async fn upload_items(
    target: &impl Target,
    items: &[Item],
    concurrency: u16,
    text: bool,
) -> anyhow::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<&Item> = items
        .iter()
        .filter(|i| seen.insert(i.desc.digest.clone()))
        .collect();
    futures_util::stream::iter(unique.into_iter().map(|item| async move {
        let exists = target.blob_exists(&item.desc.digest).await?;
        if !exists {
            target
                .push_blob(&item.desc, &item.source)
                .await
                .with_context(|| format!("cannot upload {}", item.label))?;
        }
        if text {
            let verb = if exists { "Exists  " } else { "Uploaded" };
            println!(
                "{verb} {} ({}, {})",
                item.label,
                item.desc.digest,
                super::human_size(item.desc.size)
            );
        }
        anyhow::Ok(())
    }))
    .buffer_unordered(concurrency as usize)
    .try_collect::<Vec<()>>()
    .await?;
    Ok(())
}

pub async fn run(g: &GlobalOpts, a: PushArgs) -> anyhow::Result<()> {
    let (reference, tags) = super::parse_target_with_tags(&a.reference, a.oci_layout)?;
    if reference.digest().is_some() {
        return Err(UsageError(format!(
            "cannot push to {}: a digest reference cannot be a push destination; give a tag",
            a.reference
        ))
        .into());
    }
    let tags = if tags.is_empty() {
        vec!["latest".to_string()]
    } else {
        tags
    };
    let spec_version = if a.image_spec == "v1.0" {
        SpecVersion::V1_0
    } else {
        SpecVersion::V1_1
    };
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
    let config_annotations = file_annotations.remove("$config");

    // Everything local is checked and hashed before the first request.
    let (items, packed) = layer_items(&a.files, &mut file_annotations, a.disable_path_validation)?;
    if let Some(unknown) = file_annotations.keys().next() {
        bail!(
            "annotation file {} names {unknown:?}, which is not one of the files pushed",
            a.annotation_file
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
    }
    let config = match &a.config {
        Some(arg) => {
            let (path, mt) = split_typed(arg, manifest::OCI_CONFIG);
            let mt = match (
                &a.artifact_type,
                spec_version,
                arg.contains(':') && mt != manifest::OCI_CONFIG,
            ) {
                (Some(t), SpecVersion::V1_0, false) => t.clone(),
                _ => mt,
            };
            let item = file_item(&path, mt, None, config_annotations.as_ref())
                .with_context(|| "config".to_string())?;
            Some(item)
        }
        None => None,
    };
    let layers: Vec<Descriptor> = items.iter().map(|i| i.desc.clone()).collect();
    let built = manifest::build_manifest(&ArtifactSpec {
        artifact_type: a.artifact_type.clone(),
        config: config.as_ref().map(|c| c.desc.clone()),
        layers,
        annotations: manifest_annotations,
        subject: None,
        spec: spec_version,
    });
    let mut config_item = config;
    if config_item.is_none() {
        let mut c = built.config.clone();
        if let Some(ann) = config_annotations {
            c.annotations = Some(ann);
        }
        config_item = Some(Item {
            desc: c,
            source: BlobSource::Bytes(bytes::Bytes::from_static(manifest::EMPTY_JSON)),
            label: "config".into(),
        });
    }
    let mut built = built;
    if let Some(c) = &config_item {
        built.config = c.desc.clone();
    }
    let manifest_bytes = serde_json::to_vec_pretty(&built)?;
    if manifest_bytes.len() as u64 > manifest::MAX_MANIFEST_SIZE {
        bail!(
            "the manifest would be {} bytes, above the 4 MiB limit registries accept",
            manifest_bytes.len()
        );
    }
    let raw = RawManifest {
        media_type: manifest::OCI_MANIFEST.to_string(),
        digest: Digest::of_bytes(&manifest_bytes),
        bytes: manifest_bytes.into(),
    };

    let target = super::open_target(g, &a.remote, &reference, a.chunk_size, true)?;
    let mut all = items;
    all.extend(config_item);
    upload_items(&target, &all, a.concurrency, a.format == Format::Text).await?;
    drop(packed);

    for t in &tags {
        target
            .push_manifest(t, &raw)
            .await
            .with_context(|| format!("cannot tag {}", reference.with_tag(t)))?;
    }
    if let Some(p) = &a.export_manifest {
        std::fs::write(p, &raw.bytes).with_context(|| format!("cannot write {}", p.display()))?;
    }
    let artifact_type = built
        .artifact_type
        .clone()
        .unwrap_or_else(|| built.config.media_type.clone());
    match a.format {
        Format::Text => {
            println!("Pushed {}", reference.with_tag(&tags.join(",")));
            println!("ArtifactType: {artifact_type}");
            println!("Digest: {}", raw.digest);
        }
        Format::Json => {
            let out = json!({
                "reference": reference.with_digest(raw.digest.clone()).to_string(),
                "digest": raw.digest,
                "mediaType": raw.media_type,
                "artifactType": artifact_type,
                "size": raw.bytes.len(),
                "tags": tags,
                "layers": built.layers,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
    }
    Ok(())
}
