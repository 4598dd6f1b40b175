//! `artifact copy`: an artifact or image and everything it references, from a registry
//! repository or OCI image layout to another, optionally with its referrers.

use anyhow::Context as _;
use clap::Args;
use serde_json::json;

use super::progress::{label_of, Progress};
use super::{Format, GlobalOpts, RemoteOpts, UsageError};
use crate::copy::{CopyOptions, Event};
use crate::layout::LayoutTarget;
use crate::manifest::Descriptor;
use crate::progress::ProgressKey;
use crate::target::{AnyTarget, PlatformSpec, RegistryTarget, TargetRef};

const EXAMPLES: &str = "\
Examples:
  # Copy a tag to another registry (same tag)
  artifact copy registry.example.com/team/app:v1 mirror.example.com/team/app

  # Copy with its signatures and SBOMs, under a new tag
  artifact copy -r registry.example.com/team/app:v1 mirror.example.com/team/app:stable

  # Save to an OCI image layout, and restore from it
  artifact copy --to-oci-layout registry.example.com/team/app:v1 ./app-layout:v1
  artifact copy --from-oci-layout ./app-layout:v1 registry.example.com/team/app:v1

  # Only the linux/arm64 image of a multi-platform index
  artifact copy --platform linux/arm64 docker.io/library/alpine:3 localhost:5000/alpine:3

Blobs the destination already has are skipped; between two repositories of one registry
they are mounted rather than transferred.";

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct CopyArgs {
    /// Source: registry/repository[:tag|@digest] (DIR[:TAG|@DIGEST] with --from-oci-layout)
    pub source: String,
    /// Destination: registry/repository[:tag[,tag...]] (DIR[:TAG[,TAG...]] with
    /// --to-oci-layout). Without a tag the source's tag is used; a source given by digest is
    /// then copied by digest only
    pub destination: String,
    /// Also copy the referrers (signatures, SBOMs, ...) of everything copied, recursively
    #[arg(short = 'r', long)]
    pub recursive: bool,
    /// The source is an OCI image-layout directory
    #[arg(long)]
    pub from_oci_layout: bool,
    /// The destination is an OCI image-layout directory (created if missing)
    #[arg(long)]
    pub to_oci_layout: bool,
    /// When the source is an image index, copy only its manifest for this platform
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<PlatformSpec>,
    /// How many blobs to transfer at once
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, a: CopyArgs) -> anyhow::Result<()> {
    let src_ref = super::parse_target(&a.source, a.from_oci_layout)?;
    let (dst_ref, mut tags) = super::parse_target_with_tags(&a.destination, a.to_oci_layout)?;
    if dst_ref.digest().is_some() {
        return Err(UsageError(format!(
            "cannot copy to {}: the destination cannot name a digest; give a tag or none",
            a.destination
        ))
        .into());
    }
    if tags.is_empty() && src_ref.digest().is_none() {
        tags.push(src_ref.tag().unwrap_or("latest").to_string());
    }

    // One client for both ends: tokens are shared, and mounts need both repositories.
    let progress = Progress::new(g);
    let needs_client =
        matches!(src_ref, TargetRef::Registry(_)) || matches!(dst_ref, TargetRef::Registry(_));
    let client = match needs_client {
        true => Some(super::client_with(g, &a.remote, progress.observer())?),
        false => None,
    };
    // Bytes are counted where they are read: the source (the destination only writes them).
    let open = |r: &TargetRef, create: bool| -> anyhow::Result<AnyTarget> {
        Ok(match (r, &client) {
            (TargetRef::Registry(reference), Some(c)) => AnyTarget::Registry(RegistryTarget {
                repo: c.repository(reference),
                chunk_size: u64::MAX,
            }),
            (TargetRef::Layout(l), _) if create => {
                AnyTarget::Layout(LayoutTarget::create(&l.path)?)
            }
            (TargetRef::Layout(l), _) => {
                AnyTarget::Layout(LayoutTarget::open(&l.path)?.with_observer(progress.observer()))
            }
            (TargetRef::Registry(_), None) => unreachable!("a client is made for registries"),
        })
    };
    let src = open(&src_ref, false).with_context(|| format!("cannot copy from {src_ref}"))?;
    let dst = open(&dst_ref, true).with_context(|| format!("cannot copy to {dst_ref}"))?;

    let opts = CopyOptions {
        concurrency: a.concurrency as usize,
        referrers: a.recursive,
        platform: a.platform.clone(),
    };
    let text = a.format == Format::Text && !g.quiet;
    let line = |verb: &str, d: &Descriptor| {
        progress.finish(&ProgressKey::Digest(d.digest.clone()));
        if text {
            progress.println(&format!(
                "{verb} {} {} ({})",
                d.media_type,
                d.digest,
                super::human_size(d.size)
            ));
        }
    };
    let on_event = |e: Event<'_>| match e {
        Event::Planned(blobs) => {
            for b in blobs {
                progress.expect(ProgressKey::Digest(b.digest.clone()), b.size);
            }
        }
        Event::Started(d) => progress.start(&ProgressKey::Digest(d.digest.clone()), &label_of(d)),
        Event::Copied(d) => line("Copied  ", d),
        Event::Mounted(d) => line("Mounted ", d),
        Event::Exists(d) => line("Exists  ", d),
        Event::Tagged(t) => {
            if text {
                progress.println(&format!("Tagged   {t}"));
            }
        }
    };
    let report = crate::copy::copy(&src, &src_ref.reference(), &dst, &tags, &opts, &on_event)
        .await
        .with_context(|| format!("cannot copy {src_ref} to {dst_ref}"))?;
    progress.clear();
    let root = report.root.clone().expect("copy reports its root");
    let dst_shown = match tags.first() {
        Some(_) => dst_ref.with_tag(&tags.join(",")),
        None => dst_ref.with_digest(root.digest.clone()),
    };
    match a.format {
        Format::Text if g.quiet => {}
        Format::Text => {
            println!("Copied {src_ref} => {dst_shown}");
            println!("Digest: {}", root.digest);
        }
        Format::Json => {
            let out = json!({
                "source": src_ref.to_string(),
                "destination": dst_ref.bare().with_digest(root.digest.clone()).to_string(),
                "digest": root.digest,
                "mediaType": root.media_type,
                "size": root.size,
                "tags": tags,
                "copied": report.copied,
                "mounted": report.mounted,
                "skipped": report.skipped,
                "referrers": report.referrers,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
    }
    Ok(())
}
