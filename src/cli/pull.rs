//! `artifact pull`: manifest → verified layers → files under the output directory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use clap::Args;
use futures_util::{StreamExt, TryStreamExt};
use serde_json::json;

use super::progress::Progress;
use super::{Format, GlobalOpts, RemoteOpts};
use crate::archive;
use crate::content::write_verified;
use crate::manifest::{self, Descriptor, Parsed};
use crate::progress::ProgressKey;
use crate::target::{fetch_for_platform, PlatformSpec, Target};

#[derive(Debug, Args)]
#[command(after_help = super::examples::PULL)]
pub struct PullArgs {
    /// Source: registry/repository[:tag|@digest]
    pub reference: String,
    /// Directory to write the files into
    #[arg(short = 'o', long, value_name = "DIR", default_value = ".")]
    pub output: PathBuf,
    /// Fail instead of overwriting files that already exist
    #[arg(long)]
    pub keep_old_files: bool,
    /// Allow titles and archive entries that point outside the output directory (dangerous)
    #[arg(long)]
    pub allow_path_traversal: bool,
    /// How many blobs to download at once
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// When the reference is an image index, pull its manifest for this platform
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<PlatformSpec>,
    /// Pull from an OCI image-layout directory instead: the reference is DIR[:TAG] or DIR@DIGEST
    #[arg(long)]
    pub oci_layout: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

struct Job {
    desc: Descriptor,
    title: String,
    dest: PathBuf,
    unpack: bool,
}

fn plan(layers: &[Descriptor], out: &Path, a: &PullArgs) -> anyhow::Result<Vec<Job>> {
    let mut seen = HashMap::new();
    let mut jobs = Vec::new();
    for d in layers {
        let Some(title) = d.title() else { continue };
        if !a.allow_path_traversal && !archive::is_safe_relative(title) {
            bail!("refusing layer title {title:?}: it points outside the output directory (use --allow-path-traversal to permit)");
        }
        // `a/b`, `./a//b` and `a/x/../b` are one file: compare the paths they write to.
        if let Some(first) = seen.insert(path_key(title), title) {
            if first == title {
                bail!("the manifest has two layers titled {title:?}");
            }
            bail!("the manifest has two layers for one path: titled {first:?} and {title:?}");
        }
        let dest = out.join(title);
        let unpack = d.annotation(manifest::ANNOTATION_UNPACK) == Some("true");
        if a.keep_old_files && dest.symlink_metadata().is_ok() {
            bail!("{} already exists (--keep-old-files)", dest.display());
        }
        jobs.push(Job {
            desc: d.clone(),
            title: title.to_string(),
            dest,
            unpack,
        });
    }
    Ok(jobs)
}

/// A title reduced to the path it names: no empty or `.` components, `..` applied.
fn path_key(title: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in title.split('/') {
        match c {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(c),
        }
    }
    let root = if title.starts_with('/') { "/" } else { "" };
    format!("{root}{}", parts.join("/"))
}

/// Is `dest` already a regular file with exactly the blob's content? (Not a symlink: a link
/// is replaced, never trusted.)
fn already_there(dest: &Path, desc: &manifest::Descriptor) -> bool {
    let Ok(meta) = dest.symlink_metadata() else {
        return false;
    };
    if !meta.is_file() || meta.len() != desc.size {
        return false;
    }
    matches!(crate::digest::hash_file(dest), Ok((d, _)) if d == desc.digest)
}

/// Download one layer; false when the file was already there with the right content.
async fn fetch_one(
    target: &impl Target,
    job: &Job,
    a: &PullArgs,
    progress: &Progress,
) -> anyhow::Result<bool> {
    if !job.unpack {
        let (dest, desc) = (job.dest.clone(), job.desc.clone());
        if tokio::task::spawn_blocking(move || already_there(&dest, &desc)).await? {
            return Ok(false);
        }
    }
    let parent = job
        .dest
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| a.output.clone());
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("cannot create directory {}", parent.display()))?;
    progress.start(&job_key(job), &job.title);
    let reader = target
        .fetch_blob(&job.desc)
        .await
        .with_context(|| format!("cannot download {}", job.title))?;
    let what = format!("{} ({})", job.title, job.desc.digest);
    let tmp = write_verified(reader, &job.desc, &parent, &what).await?;
    if job.unpack {
        let expected = job
            .desc
            .annotation(manifest::ANNOTATION_CONTENT_DIGEST)
            .map(str::to_string);
        let out = a.output.clone();
        let title = job.title.clone();
        let allow = a.allow_path_traversal;
        let dest = job.dest.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            // Unpack into a fresh directory beside the destination, then move it into place,
            // so a failed unpack leaves nothing behind.
            let staging = tempfile::Builder::new()
                .prefix(".artifact-unpack-")
                .tempdir_in(&out)
                .with_context(|| format!("cannot create a directory in {}", out.display()))?;
            let _tracked = StagingGuard::track(staging.path());
            let f = std::fs::File::open(tmp.path())?;
            let tar_digest = archive::unpack_tar_gz(std::io::BufReader::new(f), staging.path(), Some(&title), allow)
                .with_context(|| format!("cannot unpack {title}"))?;
            if let Some(exp) = expected {
                if exp != tar_digest.to_string() {
                    bail!("unpacked content of {title} does not match its {}: expected {exp}, got {tar_digest}", manifest::ANNOTATION_CONTENT_DIGEST);
                }
            }
            let unpacked = staging.path().join(&title);
            if dest.symlink_metadata().is_ok() {
                merge_into(&unpacked, &dest)?;
            } else {
                std::fs::rename(&unpacked, &dest).with_context(|| format!("cannot write {}", dest.display()))?;
            }
            Ok(())
        })
        .await??;
    } else {
        if job.dest.is_dir() {
            bail!(
                "cannot write {}: a directory is in the way",
                job.dest.display()
            );
        }
        tmp.persist(&job.dest)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot write {}", job.dest.display()))?;
    }
    Ok(true)
}

/// What a layer's download is counted under: its digest (two titles with one digest, rare,
/// share a bar).
fn job_key(job: &Job) -> ProgressKey {
    ProgressKey::Digest(job.desc.digest.clone())
}

/// Staging directories of unpacks in progress: an unpack runs on a blocking thread that an
/// interrupt cannot stop, so `cli::main` removes what is listed here before exiting.
static STAGING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

struct StagingGuard(PathBuf);

impl StagingGuard {
    fn track(path: &Path) -> StagingGuard {
        STAGING.lock().unwrap().push(path.to_path_buf());
        StagingGuard(path.to_path_buf())
    }
}

impl Drop for StagingGuard {
    fn drop(&mut self) {
        STAGING.lock().unwrap().retain(|p| p != &self.0);
    }
}

/// Remove the staging directories of unpacks still running (after Ctrl-C).
pub(super) fn remove_staging() {
    let dirs: Vec<PathBuf> = STAGING.lock().unwrap().clone();
    for d in dirs {
        let _ = std::fs::remove_dir_all(d);
    }
}

/// Move the entries of `src` into the existing directory `dst`, replacing files.
fn merge_into(src: &Path, dst: &Path) -> anyhow::Result<()> {
    let meta = dst.symlink_metadata()?;
    if !meta.is_dir() {
        if src.is_dir() {
            bail!(
                "cannot write {}: a file is in the way of a directory",
                dst.display()
            );
        }
        std::fs::rename(src, dst).with_context(|| format!("cannot write {}", dst.display()))?;
        return Ok(());
    }
    for entry in std::fs::read_dir(src)? {
        let entry = entry?;
        let to = dst.join(entry.file_name());
        if entry.file_type()?.is_dir() && to.symlink_metadata().is_ok_and(|m| m.is_dir()) {
            merge_into(&entry.path(), &to)?;
        } else {
            std::fs::rename(entry.path(), &to)
                .with_context(|| format!("cannot write {}", to.display()))?;
        }
    }
    Ok(())
}

pub async fn run(g: &GlobalOpts, a: PullArgs) -> anyhow::Result<()> {
    let reference = super::parse_target(&a.reference, a.oci_layout)?;
    let progress = Progress::new(g);
    let target = super::open_target_with(
        g,
        &a.remote,
        &reference,
        u64::MAX,
        false,
        progress.observer(),
    )?;
    let raw = fetch_for_platform(
        &target,
        &reference.reference(),
        &reference.to_string(),
        a.platform.as_ref(),
        true,
    )
    .await
    .with_context(|| format!("cannot pull {reference}"))?;
    let m = match raw
        .parse()
        .with_context(|| format!("cannot pull {reference}"))?
    {
        Parsed::Image(m) => m,
        Parsed::Index(_) => bail!("{reference} is an image index, not an artifact manifest; pull one of its manifests by digest"),
    };
    std::fs::create_dir_all(&a.output)
        .with_context(|| format!("cannot create output directory {}", a.output.display()))?;
    let jobs = plan(&m.layers, &a.output, &a)?;
    for job in &jobs {
        progress.expect(job_key(job), job.desc.size);
    }
    let target_ref = &target;
    let a_ref = &a;
    let progress_ref = &progress;
    let text = a.format == Format::Text && !g.quiet;
    futures_util::stream::iter(jobs.iter().map(|job| async move {
        let fetched = fetch_one(target_ref, job, a_ref, progress_ref).await?;
        progress_ref.finish(&job_key(job));
        if text {
            let verb = if fetched { "Downloaded" } else { "Unchanged " };
            progress_ref.println(&format!(
                "{verb} {} ({}, {})",
                job.title,
                job.desc.digest,
                super::human_size(job.desc.size)
            ));
        }
        anyhow::Ok(())
    }))
    .buffer_unordered(a.concurrency as usize)
    .try_collect::<Vec<()>>()
    .await?;
    progress.clear();

    match a.format {
        Format::Text if g.quiet => {}
        Format::Text => {
            if jobs.is_empty() {
                println!("No titled layers in {reference}: nothing written");
            }
            println!("Pulled {reference}");
            println!("Digest: {}", raw.digest);
        }
        Format::Json => {
            let files: Vec<_> = jobs
                .iter()
                .map(|j| {
                    json!({
                        "path": j.dest.to_string_lossy(),
                        "title": j.title,
                        "digest": j.desc.digest,
                        "size": j.desc.size,
                        "mediaType": j.desc.media_type,
                        "unpacked": j.unpack,
                    })
                })
                .collect();
            let out = json!({
                "reference": reference.to_string(),
                "digest": raw.digest,
                "mediaType": raw.media_type,
                "artifactType": m.artifact_type,
                "files": files,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
    }
    Ok(())
}
