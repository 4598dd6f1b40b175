//! `artifact tag`: the same manifest bytes under more tags.

use anyhow::Context as _;
use clap::Args;
use serde_json::json;

use super::{Format, GlobalOpts, RemoteOpts, UsageError};
use crate::reference::is_valid_tag;
use crate::target::Target;

#[derive(Debug, Args)]
#[command(after_help = super::examples::TAG)]
pub struct TagArgs {
    /// Existing manifest: registry/repository:tag or @digest
    pub reference: String,
    /// New tags
    #[arg(required = true)]
    pub tags: Vec<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Tag within an OCI image-layout directory instead: the reference is DIR:TAG or DIR@DIGEST
    #[arg(long)]
    pub oci_layout: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, a: TagArgs) -> anyhow::Result<()> {
    let reference = super::parse_target(&a.reference, a.oci_layout)?;
    // Validate every tag before touching the registry.
    for t in &a.tags {
        if !is_valid_tag(t) {
            return Err(UsageError(format!(
                "invalid tag {t:?}: tags must match [A-Za-z0-9_][A-Za-z0-9._-]{{0,127}}"
            ))
            .into());
        }
    }
    let target = super::open_target(g, &a.remote, &reference, u64::MAX, false)?;
    let raw = target
        .fetch_manifest(&reference.reference())
        .await
        .with_context(|| format!("cannot tag {reference}"))?;
    for t in &a.tags {
        target
            .push_manifest(t, &raw)
            .await
            .with_context(|| format!("cannot tag {}", reference.with_tag(t)))?;
        if a.format == Format::Text && !g.quiet {
            println!("Tagged {t}");
        }
    }
    match a.format {
        Format::Text if g.quiet => println!("{}", raw.digest),
        Format::Text => println!("Digest: {}", raw.digest),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "reference": reference.to_string(),
                "digest": raw.digest,
                "mediaType": raw.media_type,
                "tags": a.tags,
            }))?
        ),
    }
    Ok(())
}
