//! Copying a manifest and everything it references from one target to another.
//!
//! The graph is walked from the root in the source: an index leads to its manifests, a
//! manifest to its config and layers (a `subject` points the other way and is not followed).
//! Whatever the destination already has is skipped — a manifest that exists there is taken
//! to be complete, so its children are not visited. Blobs are streamed (several at once),
//! then manifests are pushed children first, so the destination never holds a manifest whose
//! content is missing. Between two repositories of one registry (through one client), blobs
//! are mounted instead of copied. With `referrers`, the referrers of every manifest visited
//! are copied too (and their referrers, and so on).

use std::collections::HashSet;

use futures_util::{StreamExt, TryStreamExt};

use crate::digest::Digest;
use crate::manifest::{Descriptor, ManifestError, Parsed, RawManifest};
use crate::referrers::{self, ReferrersError};
use crate::registry::error::RegistryError;
use crate::registry::Mount;
use crate::target::{
    fetch_for_platform, is_manifest_type, PlatformError, PlatformSpec, RegistryTarget, Target,
};

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(transparent)]
    Registry(#[from] RegistryError),
    #[error(transparent)]
    Manifest(#[from] ManifestError),
    #[error(transparent)]
    Platform(#[from] PlatformError),
    #[error(transparent)]
    Referrers(#[from] ReferrersError),
}

pub type Result<T, E = CopyError> = std::result::Result<T, E>;

#[derive(Debug, Clone)]
pub struct CopyOptions {
    /// How many blobs to transfer at once (at least 1).
    pub concurrency: usize,
    /// Also copy the referrers of every manifest copied, recursively.
    pub referrers: bool,
    /// When the root is an index, copy only its manifest for this platform.
    pub platform: Option<PlatformSpec>,
}

/// What happened to one node of the graph, for progress output.
#[derive(Debug, Clone)]
pub enum Event<'a> {
    /// The blobs the destination may need, once the graph is walked and before any moves.
    /// Each later gets exactly one of `Copied`, `Mounted` or `Exists`.
    Planned(&'a [Descriptor]),
    /// A blob's bytes start moving (it will be `Copied`).
    Started(&'a Descriptor),
    /// Transferred.
    Copied(&'a Descriptor),
    /// Linked from another repository of the same registry.
    Mounted(&'a Descriptor),
    /// The destination already had it.
    Exists(&'a Descriptor),
    /// The root was tagged at the destination.
    Tagged(&'a str),
}

#[derive(Debug, Clone, Default)]
pub struct CopyReport {
    /// The manifest copied (after platform selection).
    pub root: Option<Descriptor>,
    pub copied: usize,
    pub mounted: usize,
    pub skipped: usize,
    /// Referrer manifests found (with `referrers`).
    pub referrers: usize,
}

/// A manifest to push, with whether it names a subject.
struct Node {
    raw: RawManifest,
    has_subject: bool,
}

#[derive(Default)]
struct Plan {
    blobs: Vec<Descriptor>,
    blob_seen: HashSet<Digest>,
    /// Children before parents.
    manifests: Vec<Node>,
    seen: HashSet<Digest>,
    /// Every manifest visited in the source, in order (for the referrers pass).
    visited: Vec<Descriptor>,
    /// Manifests the destination already had.
    existing: Vec<Descriptor>,
}

enum Frame {
    Enter(Box<(Descriptor, Option<RawManifest>)>),
    Exit(RawManifest),
}

/// Visit the graph below `root` in `src`, recording what `dst` lacks.
async fn walk<S: Target, D: Target>(
    src: &S,
    dst: &D,
    plan: &mut Plan,
    root: Descriptor,
    root_raw: Option<RawManifest>,
) -> Result<()> {
    let mut stack = vec![Frame::Enter(Box::new((root, root_raw)))];
    while let Some(frame) = stack.pop() {
        let (desc, raw) = match frame {
            Frame::Exit(raw) => {
                let has_subject = referrers::referrer_entry(&raw).is_some();
                plan.manifests.push(Node { raw, has_subject });
                continue;
            }
            Frame::Enter(node) => *node,
        };
        if !plan.seen.insert(desc.digest.clone()) {
            continue;
        }
        plan.visited.push(desc.clone());
        if dst.manifest_exists(&desc.digest).await? {
            plan.existing.push(desc);
            continue;
        }
        let raw = match raw {
            Some(r) => r,
            None => src.fetch_manifest(&desc.digest.to_string()).await?,
        };
        let children: Vec<Descriptor> = match raw.parse()? {
            Parsed::Image(m) => std::iter::once(m.config).chain(m.layers).collect(),
            Parsed::Index(i) => i.manifests,
        };
        stack.push(Frame::Exit(raw));
        for child in children.into_iter().rev() {
            if is_manifest_type(&child.media_type) {
                stack.push(Frame::Enter(Box::new((child, None))));
            } else if plan.blob_seen.insert(child.digest.clone()) {
                plan.blobs.push(child);
            }
        }
    }
    Ok(())
}

/// Copy the manifest `src_reference` names (tag or digest) and its graph from `src` to
/// `dst`, then tag it there with `dst_tags` (none: by digest only).
pub async fn copy<S: Target, D: Target>(
    src: &S,
    src_reference: &str,
    dst: &D,
    dst_tags: &[String],
    opts: &CopyOptions,
    on_event: &dyn Fn(Event<'_>),
) -> Result<CopyReport> {
    let what = format!("{}:{src_reference}", src.describe());
    let root_raw =
        fetch_for_platform(src, src_reference, &what, opts.platform.as_ref(), false).await?;
    let root = root_raw.descriptor();
    let mut plan = Plan::default();
    walk(src, dst, &mut plan, root.clone(), Some(root_raw.clone())).await?;

    let mut report = CopyReport {
        root: Some(root.clone()),
        ..CopyReport::default()
    };
    if opts.referrers {
        let mut i = 0;
        while i < plan.visited.len() {
            let subject = plan.visited[i].digest.clone();
            i += 1;
            for r in referrers::list(src, &subject, None).await? {
                if !plan.seen.contains(&r.digest) {
                    report.referrers += 1;
                    walk(src, dst, &mut plan, r, None).await?;
                }
            }
        }
    }

    // Blobs first, several at once.
    on_event(Event::Planned(&plan.blobs));
    let mount_from = mount_source(src, dst);
    let blob_results = futures_util::stream::iter(plan.blobs.iter().map(|b| async move {
        let outcome = copy_blob(src, dst, b, mount_from, on_event).await?;
        match outcome {
            BlobOutcome::Exists => on_event(Event::Exists(b)),
            BlobOutcome::Copied => on_event(Event::Copied(b)),
            BlobOutcome::Mounted => on_event(Event::Mounted(b)),
        }
        Ok::<_, CopyError>(outcome)
    }))
    .buffer_unordered(opts.concurrency.max(1))
    .try_collect::<Vec<_>>()
    .await?;
    for o in blob_results {
        match o {
            BlobOutcome::Exists => report.skipped += 1,
            BlobOutcome::Copied => report.copied += 1,
            BlobOutcome::Mounted => report.mounted += 1,
        }
    }
    for d in &plan.existing {
        on_event(Event::Exists(d));
        report.skipped += 1;
    }

    // Then manifests, children before parents; the root goes straight to its first tag.
    let mut root_tagged = false;
    for node in &plan.manifests {
        let desc = node.raw.descriptor();
        let is_root = node.raw.digest == root.digest;
        let reference = match dst_tags.first() {
            Some(t) if is_root => {
                root_tagged = true;
                t.clone()
            }
            _ => desc.digest.to_string(),
        };
        if node.has_subject {
            referrers::push(dst, &reference, &node.raw).await?;
        } else {
            dst.push_manifest(&reference, &node.raw).await?;
        }
        on_event(Event::Copied(&desc));
        report.copied += 1;
        if is_root && root_tagged {
            on_event(Event::Tagged(&reference));
        }
    }
    let remaining = if root_tagged {
        &dst_tags[1..]
    } else {
        dst_tags
    };
    for t in remaining {
        dst.push_manifest(t, &root_raw).await?;
        on_event(Event::Tagged(t));
    }
    Ok(report)
}

enum BlobOutcome {
    Exists,
    Copied,
    Mounted,
}

/// When source and destination are repositories of one registry reached through one client
/// (the same credentials): the destination and the source repository's name, for
/// cross-repository mounts. With different credentials for the two ends the destination's
/// may not read the source, so blobs are copied.
fn mount_source<'a, S: Target, D: Target>(
    src: &'a S,
    dst: &'a D,
) -> Option<(&'a RegistryTarget, &'a str)> {
    let (s, d) = (src.registry()?, dst.registry()?);
    (s.repo.shares_client_with(&d.repo) && s.repo.name() != d.repo.name())
        .then(|| (d, s.repo.name()))
}

async fn copy_blob<S: Target, D: Target>(
    src: &S,
    dst: &D,
    desc: &Descriptor,
    mount_from: Option<(&RegistryTarget, &str)>,
    on_event: &dyn Fn(Event<'_>),
) -> Result<BlobOutcome> {
    if dst.blob_exists(&desc.digest).await? {
        return Ok(BlobOutcome::Exists);
    }
    if let Some((d, from)) = mount_from {
        match d.repo.mount_blob(desc, from).await? {
            Mount::Mounted => return Ok(BlobOutcome::Mounted),
            Mount::Declined { location } => {
                on_event(Event::Started(desc));
                let reader = src.fetch_blob(desc).await?;
                d.repo.finish_upload(&location, desc, reader).await?;
                return Ok(BlobOutcome::Copied);
            }
        }
    }
    on_event(Event::Started(desc));
    let reader = src.fetch_blob(desc).await?;
    dst.push_blob_reader(desc, reader).await?;
    Ok(BlobOutcome::Copied)
}
