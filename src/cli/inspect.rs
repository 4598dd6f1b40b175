//! `artifact inspect`: what a manifest holds, for people (text) and programs (json).

use anyhow::Context as _;
use clap::Args;
use serde_json::{json, Value};

use super::{human_size, Format, GlobalOpts, RemoteOpts};
use crate::manifest::Parsed;
use crate::target::{fetch_for_platform, PlatformSpec};

#[derive(Debug, Args)]
#[command(after_help = super::examples::INSPECT)]
pub struct InspectArgs {
    /// registry/repository[:tag|@digest]
    pub reference: String,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// When the reference is an image index, inspect its manifest for this platform
    #[arg(long, value_name = "OS/ARCH[/VARIANT]")]
    pub platform: Option<PlatformSpec>,
    /// Inspect an OCI image-layout directory instead: the reference is DIR[:TAG] or DIR@DIGEST
    #[arg(long)]
    pub oci_layout: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, a: InspectArgs) -> anyhow::Result<()> {
    let reference = super::parse_target(&a.reference, a.oci_layout)?;
    let target = super::open_target(g, &a.remote, &reference, u64::MAX, false)?;
    let raw = fetch_for_platform(
        &target,
        &reference.reference(),
        &reference.to_string(),
        a.platform.as_ref(),
        false,
    )
    .await
    .with_context(|| format!("cannot inspect {reference}"))?;
    let manifest_json: Value = serde_json::from_slice(&raw.bytes)
        .with_context(|| format!("manifest {} is not JSON", raw.digest))?;
    let parsed = raw
        .parse()
        .with_context(|| format!("cannot inspect {reference}"))?;
    let (artifact_type, annotations, config, layers) = match &parsed {
        Parsed::Image(m) => (
            m.artifact_type.clone(),
            m.annotations.clone().unwrap_or_default(),
            Some(m.config.clone()),
            m.layers.clone(),
        ),
        Parsed::Index(i) => (
            i.artifact_type.clone(),
            i.annotations.clone().unwrap_or_default(),
            None,
            i.manifests.clone(),
        ),
    };
    match a.format {
        Format::Json => {
            let layers: Vec<Value> = layers
                .iter()
                .map(|l| {
                    json!({
                        "title": l.title(),
                        "mediaType": l.media_type,
                        "size": l.size,
                        "digest": l.digest,
                        "annotations": l.annotations.clone().unwrap_or_default(),
                    })
                })
                .collect();
            let out = json!({
                "reference": reference.to_string(),
                "digest": raw.digest,
                "mediaType": raw.media_type,
                "artifactType": artifact_type,
                "size": raw.bytes.len(),
                "annotations": annotations,
                "config": config,
                "layers": layers,
                "manifest": manifest_json,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Text => {
            println!("Reference:    {reference}");
            println!("Digest:       {}", raw.digest);
            println!("MediaType:    {}", raw.media_type);
            println!("ArtifactType: {}", artifact_type.as_deref().unwrap_or("-"));
            println!("Size:         {}", raw.bytes.len());
            if let Some(c) = &config {
                println!(
                    "Config:       {} ({}, {})",
                    c.media_type,
                    c.digest,
                    human_size(c.size)
                );
            }
            if !annotations.is_empty() {
                println!("Annotations:");
                for (k, v) in &annotations {
                    println!("  {k}: {v}");
                }
            }
            let kind = if config.is_some() {
                "Layers"
            } else {
                "Manifests"
            };
            println!("{kind}: {}", layers.len());
            let rows: Vec<[String; 4]> = layers
                .iter()
                .map(|l| {
                    [
                        l.title().unwrap_or("-").to_string(),
                        l.media_type.clone(),
                        l.size.to_string(),
                        l.digest.to_string(),
                    ]
                })
                .collect();
            let header = ["TITLE", "MEDIA TYPE", "SIZE", "DIGEST"].map(str::to_string);
            let mut widths = [0usize; 4];
            for r in std::iter::once(&header).chain(rows.iter()) {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(c.chars().count());
                }
            }
            for r in std::iter::once(&header).chain(rows.iter()) {
                println!(
                    "  {:<w0$}  {:<w1$}  {:>w2$}  {}",
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    w0 = widths[0],
                    w1 = widths[1],
                    w2 = widths[2]
                );
            }
        }
    }
    Ok(())
}
