//! `artifact push`: files (and directories) → layers → manifest → tags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use clap::Args;
use futures_util::{StreamExt, TryStreamExt};
use serde_json::json;

use super::progress::Progress;
use super::{parse_size, Format, GlobalOpts, RemoteOpts, UsageError};
use crate::archive;
use crate::cache::{DigestCache, FileKey};
use crate::digest::{hash_file, Digest};
use crate::manifest::{self, ArtifactSpec, Descriptor, RawManifest, SpecVersion};
use crate::progress::ProgressKey;
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
    /// The digest is not known yet: the file is hashed while it is uploaded, and `desc`
    /// gets its digest then. Until then `desc.digest` is a placeholder.
    pub(super) pending: bool,
    /// Where to remember the file's digest once known.
    pub(super) cache_key: Option<FileKey>,
}

/// How files are hashed: the digest cache, and from what size a file whose digest is not
/// cached is hashed while it uploads instead of before (`None`: always before).
pub(super) struct Hashing {
    pub(super) cache: DigestCache,
    pub(super) single_pass_from: Option<u64>,
}

impl Hashing {
    /// Files of 4 MiB and more are read once, hashed as they are sent.
    pub(super) fn for_push() -> Hashing {
        Hashing {
            cache: DigestCache::open(),
            single_pass_from: Some(4 << 20),
        }
    }
    /// Every digest known before the first request (needed when the manifest must be
    /// built before uploading).
    pub(super) fn up_front() -> Hashing {
        Hashing {
            cache: DigestCache::open(),
            single_pass_from: None,
        }
    }
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
    hashing: &Hashing,
) -> anyhow::Result<Item> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read file {path:?}"))?;
    let cache_key = FileKey::of(Path::new(path), &meta);
    let cached = cache_key.as_ref().and_then(|k| hashing.cache.get(k));
    let (digest, size, pending) = match cached {
        Some(d) => (d, meta.len(), false),
        None if hashing.single_pass_from.is_some_and(|m| meta.len() >= m) => {
            (Digest::of_bytes(b""), meta.len(), true)
        }
        None => {
            let (d, size) =
                hash_file(Path::new(path)).with_context(|| format!("cannot read file {path:?}"))?;
            if let Some(k) = &cache_key {
                if size == meta.len() {
                    hashing.cache.put(k, &d);
                }
            }
            (d, size, false)
        }
    };
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
        pending,
        cache_key,
    })
}

/// Files and directories (`PATH[:MEDIATYPE]`) → layers: each file hashed, each directory
/// packed to tar+gzip, all before any request. Takes each file's annotations out of
/// `file_annotations`. Keep the returned archives alive until they are uploaded.
pub(super) fn layer_items(
    files: &[String],
    file_annotations: &mut AnnotationFile,
    disable_path_validation: bool,
    hashing: &Hashing,
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
                pending: false,
                cache_key: None,
            });
            packed.push(p);
        } else {
            items.push(file_item(
                &path,
                media_type,
                Some(title),
                ann.as_ref(),
                hashing,
            )?);
        }
    }
    Ok((items, packed))
}

/// Upload the blobs the target lacks, `concurrency` at a time; identical content goes once.
/// Pending items are hashed while they upload and get their digest here. With `text`, one
/// line per blob.
pub(super) async fn upload_items(
    target: &impl Target,
    items: &mut [Item],
    concurrency: u16,
    text: bool,
    cache: &DigestCache,
    progress: &Progress,
) -> anyhow::Result<()> {
    let mut seen = std::collections::HashSet::new();
    let work: Vec<&mut Item> = items
        .iter_mut()
        .filter(|i| i.pending || seen.insert(i.desc.digest.clone()))
        .collect();
    for item in &work {
        progress.expect(progress_key(item), item.desc.size);
    }
    futures_util::stream::iter(work.into_iter().map(|item| async move {
        let key = progress_key(item);
        let uploaded = upload_one(target, item, progress, &key)
            .await
            .with_context(|| format!("cannot upload {}", item.label))?;
        progress.finish(&key);
        if let (true, Some(k)) = (item.pending, &item.cache_key) {
            cache.put(k, &item.desc.digest);
        }
        item.pending = false;
        if text {
            let verb = if uploaded { "Uploaded" } else { "Exists  " };
            progress.println(&format!(
                "{verb} {} ({}, {})",
                item.label,
                item.desc.digest,
                super::human_size(item.desc.size)
            ));
        }
        anyhow::Ok(())
    }))
    .buffer_unordered(concurrency as usize)
    .try_collect::<Vec<()>>()
    .await?;
    Ok(())
}

/// What the transfer of an item is counted under: its file (whose digest may not be known
/// yet), else its digest.
fn progress_key(item: &Item) -> ProgressKey {
    match &item.source {
        BlobSource::File(p) => ProgressKey::Path(p.clone()),
        BlobSource::Bytes(_) => ProgressKey::Digest(item.desc.digest.clone()),
    }
}

/// Upload one item unless the target has it; true when bytes were sent. Its progress bar
/// shows from when bytes start moving.
async fn upload_one(
    target: &impl Target,
    item: &mut Item,
    progress: &Progress,
    key: &ProgressKey,
) -> anyhow::Result<bool> {
    if item.pending {
        if let BlobSource::File(path) = &item.source {
            progress.start(key, &item.label);
            if let Some(d) = target.push_file_single_pass(path, item.desc.size).await? {
                item.desc.digest = d;
                return Ok(true);
            }
            // This target cannot hash while it receives: hash first.
            let (d, size) =
                hash_file(path).with_context(|| format!("cannot read file {}", path.display()))?;
            item.desc.digest = d;
            item.desc.size = size;
        }
    }
    if target.blob_exists(&item.desc.digest).await? {
        return Ok(false);
    }
    if matches!(item.source, BlobSource::File(_)) {
        progress.start(key, &item.label);
    }
    target.push_blob(&item.desc, &item.source).await?;
    Ok(true)
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

    // Everything local is checked before the first request; small files and cached digests
    // are known now, large new files get theirs while they upload.
    let hashing = Hashing::for_push();
    let (items, packed) = layer_items(
        &a.files,
        &mut file_annotations,
        a.disable_path_validation,
        &hashing,
    )?;
    if let Some(unknown) = file_annotations.keys().next() {
        bail!(
            "annotation file {} names {unknown:?}, which is not one of the files pushed",
            a.annotation_file
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default()
        );
    }
    let config_item = match &a.config {
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
            file_item(
                &path,
                mt,
                None,
                config_annotations.as_ref(),
                &Hashing::up_front(),
            )
            .with_context(|| "config".to_string())?
        }
        None => {
            let mut c = manifest::empty_config();
            if spec_version == SpecVersion::V1_0 {
                c.media_type = a
                    .artifact_type
                    .clone()
                    .unwrap_or_else(|| manifest::UNKNOWN_CONFIG.to_string());
            }
            c.annotations = config_annotations;
            Item {
                desc: c,
                source: BlobSource::Bytes(bytes::Bytes::from_static(manifest::EMPTY_JSON)),
                label: "config".into(),
                pending: false,
                cache_key: None,
            }
        }
    };
    let build = |items: &[Item], config: &Item| {
        manifest::build_manifest(&ArtifactSpec {
            artifact_type: a.artifact_type.clone(),
            config: Some(config.desc.clone()),
            layers: items.iter().map(|i| i.desc.clone()).collect(),
            annotations: manifest_annotations.clone(),
            subject: None,
            spec: spec_version,
        })
    };
    // Placeholder digests have the real length, so the size is known before any upload.
    let draft_len = serde_json::to_vec_pretty(&build(&items, &config_item))?.len() as u64;
    if draft_len > manifest::MAX_MANIFEST_SIZE {
        bail!("the manifest would be {draft_len} bytes, above the 4 MiB limit registries accept");
    }

    let progress = Progress::new(g);
    let target = super::open_target_with(
        g,
        &a.remote,
        &reference,
        a.chunk_size,
        true,
        progress.observer(),
    )?;
    let mut all = items;
    all.push(config_item);
    upload_items(
        &target,
        &mut all,
        a.concurrency,
        a.format == Format::Text && !g.quiet,
        &hashing.cache,
        &progress,
    )
    .await?;
    progress.clear();
    drop(packed);
    let config_item = all.pop().expect("the config item was pushed last");
    let built = build(&all, &config_item);
    let manifest_bytes = serde_json::to_vec_pretty(&built)?;
    let raw = RawManifest {
        media_type: manifest::OCI_MANIFEST.to_string(),
        digest: Digest::of_bytes(&manifest_bytes),
        bytes: manifest_bytes.into(),
    };

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
        Format::Text if g.quiet => println!("{}", raw.digest),
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
