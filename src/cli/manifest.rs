//! `artifact manifest fetch|fetch-config|push|delete`: raw manifests, as `oras manifest`.

use std::io::{Read as _, Write as _};
use std::path::PathBuf;

use anyhow::{bail, Context as _};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use super::blob::{check_can_confirm, confirm, print_json, save_blob};
use super::{Format, GlobalOpts, RemoteOpts, UsageError};
use crate::digest::Digest;
use crate::manifest::{Parsed, RawManifest, MAX_MANIFEST_SIZE};
use crate::reference::parse_with_tags;

#[derive(Debug, Subcommand)]
pub enum ManifestCommand {
    /// Print a manifest exactly as the registry serves it
    #[command(visible_alias = "get", after_help = FETCH_EXAMPLES)]
    Fetch(FetchArgs),
    /// Print the config blob of an image manifest, verified against its digest
    #[command(after_help = FETCH_CONFIG_EXAMPLES)]
    FetchConfig(FetchConfigArgs),
    /// Push a manifest from a file (or standard input)
    #[command(after_help = PUSH_EXAMPLES)]
    Push(PushArgs),
    /// Delete a manifest (and with it every tag pointing at it)
    #[command(visible_aliases = ["remove", "rm"], after_help = DELETE_EXAMPLES)]
    Delete(DeleteArgs),
}

const FETCH_EXAMPLES: &str = "\
Examples:
  # Print the raw manifest
  artifact manifest fetch localhost:5000/hello:v1

  # Print its descriptor only (no download)
  artifact manifest fetch localhost:5000/hello:v1 --descriptor

  # Save it to a file and print the descriptor
  artifact manifest fetch localhost:5000/hello:v1 --output manifest.json --descriptor
";

const FETCH_CONFIG_EXAMPLES: &str = "\
Examples:
  # Print the config blob
  artifact manifest fetch-config localhost:5000/hello:v1

  # Save it to a file
  artifact manifest fetch-config localhost:5000/hello:v1 --output config.json
";

const PUSH_EXAMPLES: &str = "\
Examples:
  # Push a manifest under the tag v1
  artifact manifest push localhost:5000/hello:v1 manifest.json

  # Push under several tags, reading standard input
  cat manifest.json | artifact manifest push localhost:5000/hello:v1,latest -

  # Push by digest only, with an explicit media type
  artifact manifest push localhost:5000/hello manifest.json --media-type application/vnd.oci.image.manifest.v1+json
";

const DELETE_EXAMPLES: &str = "\
Examples:
  # Delete the manifest tagged v1 (and every tag pointing at it), asking first
  artifact manifest delete localhost:5000/hello:v1

  # Delete by digest without asking
  artifact manifest delete --force localhost:5000/hello@sha256:<digest>
";

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// The manifest: registry/repository[:tag|@digest]
    pub reference: String,
    /// Write the manifest to this file instead of standard output; `-` for standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<String>,
    /// Print the manifest's descriptor (JSON); without --output nothing is downloaded
    #[arg(long)]
    pub descriptor: bool,
    /// Output format: text prints the raw bytes, json a descriptor with the content
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Pretty-print JSON output (the raw manifest too, which changes its bytes)
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

#[derive(Debug, Args)]
pub struct FetchConfigArgs {
    /// The manifest: registry/repository[:tag|@digest]
    pub reference: String,
    /// Write the config to this file instead of standard output; `-` for standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<String>,
    /// Print the config's descriptor (JSON); without --output nothing else is downloaded
    #[arg(long)]
    pub descriptor: bool,
    /// Pretty-print JSON output
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    /// Destination: registry/repository[:tag[,tag...]|@digest]; without a tag, by digest
    pub reference: String,
    /// Manifest file; `-` reads standard input
    pub file: String,
    /// Media type of the manifest (default: its `mediaType` field)
    #[arg(long, value_name = "TYPE")]
    pub media_type: Option<String>,
    /// Print the pushed manifest's descriptor (JSON) instead of the summary
    #[arg(long)]
    pub descriptor: bool,
    /// Pretty-print JSON output
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The manifest: registry/repository:tag or registry/repository@digest
    pub reference: String,
    /// Delete without asking for confirmation
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Print the deleted manifest's descriptor (JSON); requires --force
    #[arg(long)]
    pub descriptor: bool,
    /// Pretty-print JSON output
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, c: ManifestCommand) -> anyhow::Result<()> {
    match c {
        ManifestCommand::Fetch(a) => fetch(g, a).await,
        ManifestCommand::FetchConfig(a) => fetch_config(g, a).await,
        ManifestCommand::Push(a) => push(g, a).await,
        ManifestCommand::Delete(a) => delete(g, a).await,
    }
}

/// Write bytes to standard output.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|_| out.flush())
        .context("cannot write to standard output")
}

/// Write a file through a temp file in the same directory, renamed into place.
fn write_file_atomic(path: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = PathBuf::from(path);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".artifact-").suffix(".partial");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.flush())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(&path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn pretty_json(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let v: Value = serde_json::from_slice(bytes).context("the manifest is not JSON")?;
    let mut out = serde_json::to_vec_pretty(&v)?;
    out.push(b'\n');
    Ok(out)
}

async fn fetch(g: &GlobalOpts, a: FetchArgs) -> anyhow::Result<()> {
    let reference = super::parse_reference(&a.reference)?;
    let to_stdout = a.output.as_deref() == Some("-");
    if to_stdout && a.descriptor {
        return Err(UsageError("--output - cannot be combined with --descriptor".into()).into());
    }
    if a.format == Format::Json && a.descriptor {
        return Err(UsageError("--format json cannot be combined with --descriptor".into()).into());
    }
    if a.format == Format::Json && to_stdout {
        return Err(UsageError("--output - cannot be combined with --format json".into()).into());
    }
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let what = reference.reference();
    if a.descriptor && a.output.is_none() {
        let desc = repo
            .resolve(&what)
            .await
            .with_context(|| format!("cannot fetch {reference}"))?;
        return print_json(&desc, a.pretty);
    }
    let raw = repo
        .fetch_manifest(&what)
        .await
        .with_context(|| format!("cannot fetch {reference}"))?;
    match a.output.as_deref() {
        Some(path) if path != "-" => write_file_atomic(path, &raw.bytes)?,
        _ if a.format == Format::Json => {}
        _ if a.pretty => write_stdout(&pretty_json(&raw.bytes)?)?,
        _ => write_stdout(&raw.bytes)?,
    }
    if a.descriptor {
        print_json(&raw.descriptor(), a.pretty)?;
    }
    if a.format == Format::Json {
        let content: Value = serde_json::from_slice(&raw.bytes)
            .with_context(|| format!("manifest {} is not JSON", raw.digest))?;
        let mut out = serde_json::to_value(raw.descriptor())?;
        out["reference"] = json!(format!("{}@{}", reference.name(), raw.digest));
        out["content"] = content;
        print_json(&out, true)?;
    }
    Ok(())
}

async fn fetch_config(g: &GlobalOpts, a: FetchConfigArgs) -> anyhow::Result<()> {
    let reference = super::parse_reference(&a.reference)?;
    if a.output.as_deref() == Some("-") && a.descriptor {
        return Err(UsageError("--output - cannot be combined with --descriptor".into()).into());
    }
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let raw = repo
        .fetch_manifest(&reference.reference())
        .await
        .with_context(|| format!("cannot fetch the config of {reference}"))?;
    let config = match raw
        .parse()
        .with_context(|| format!("cannot fetch the config of {reference}"))?
    {
        Parsed::Image(m) => m.config,
        Parsed::Index(_) => bail!(
            "cannot fetch the config of {reference}: it is an index ({}), which has no config; \
             pick one of its manifests by digest",
            raw.media_type
        ),
    };
    let output = match (&a.output, a.descriptor) {
        (Some(o), _) => Some(o.as_str()),
        (None, false) => Some("-"),
        (None, true) => None,
    };
    if let Some(out) = output {
        save_blob(&repo, &config, out)
            .await
            .with_context(|| format!("cannot fetch the config of {reference}"))?;
    }
    if a.descriptor {
        print_json(&config, a.pretty)?;
    }
    Ok(())
}

/// Read at most the manifest size limit from a file or standard input.
fn read_manifest_input(file: &str) -> anyhow::Result<Vec<u8>> {
    let limit = MAX_MANIFEST_SIZE;
    let mut buf = Vec::new();
    let name = if file == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .context("cannot read the manifest from standard input")?;
        "standard input".to_string()
    } else {
        let f = std::fs::File::open(file).with_context(|| format!("cannot read {file}"))?;
        if f.metadata().is_ok_and(|m| m.is_dir()) {
            bail!("cannot read {file}: it is a directory");
        }
        f.take(limit + 1)
            .read_to_end(&mut buf)
            .with_context(|| format!("cannot read {file}"))?;
        file.to_string()
    };
    if buf.len() as u64 > limit {
        bail!("the manifest in {name} is larger than the {limit} byte (4 MiB) limit");
    }
    Ok(buf)
}

async fn push(g: &GlobalOpts, a: PushArgs) -> anyhow::Result<()> {
    let (reference, tags) = parse_with_tags(&a.reference).map_err(|e| UsageError(e.to_string()))?;
    if a.file == "-" && a.remote.password_stdin {
        return Err(UsageError(
            "the manifest (-) and --password-stdin cannot both come from standard input".into(),
        )
        .into());
    }
    let name = if a.file == "-" {
        "standard input".to_string()
    } else {
        a.file.clone()
    };
    let bytes = read_manifest_input(&a.file)?;
    let json: Value = serde_json::from_slice(&bytes)
        .with_context(|| format!("the manifest in {name} is not valid JSON"))?;
    if !json.is_object() {
        bail!("the manifest in {name} is not a JSON object");
    }
    let media_type = match &a.media_type {
        Some(t) => t.clone(),
        None => match json.get("mediaType") {
            Some(Value::String(t)) if !t.is_empty() => t.clone(),
            _ => bail!(
                "the manifest in {name} has no `mediaType` field; give its type with --media-type"
            ),
        },
    };
    let digest = match &reference.digest {
        Some(expected) => {
            let mut h = crate::digest::Hasher::new(expected.algorithm());
            h.update(&bytes);
            let actual = h.finish();
            if actual != *expected {
                bail!("digest mismatch: the reference says {expected}, the manifest in {name} has {actual}");
            }
            actual
        }
        None => Digest::of_bytes(&bytes),
    };
    let raw = RawManifest {
        media_type,
        digest: digest.clone(),
        bytes: bytes.into(),
    };
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let targets = if tags.is_empty() {
        vec![digest.to_string()]
    } else {
        tags.clone()
    };
    for t in &targets {
        repo.push_manifest(t, &raw).await.with_context(|| {
            if tags.is_empty() {
                format!("cannot push {}", reference.with_digest(digest.clone()))
            } else {
                format!("cannot push {}", reference.with_tag(t))
            }
        })?;
    }
    if a.descriptor {
        return print_json(&raw.descriptor(), a.pretty);
    }
    if g.quiet {
        println!("{digest}");
        return Ok(());
    }
    match tags.split_first() {
        Some((first, rest)) => {
            println!("Pushed {}", reference.with_tag(first));
            for t in rest {
                println!("Tagged {t}");
            }
        }
        None => println!("Pushed {}", reference.with_digest(digest.clone())),
    }
    println!("Digest: {digest}");
    Ok(())
}

async fn delete(g: &GlobalOpts, a: DeleteArgs) -> anyhow::Result<()> {
    let reference = super::parse_reference(&a.reference)?;
    if reference.tag.is_none() && reference.digest.is_none() {
        return Err(UsageError(format!(
            "{}: give the manifest to delete as :tag or @digest",
            a.reference
        ))
        .into());
    }
    if a.descriptor && !a.force {
        return Err(UsageError("--descriptor requires --force".into()).into());
    }
    check_can_confirm(a.force, &format!("manifest {reference}"))?;
    let repo = super::client(g, &a.remote)?.repository(&reference);
    // Registries delete manifests by digest only.
    let desc = repo
        .resolve(&reference.reference())
        .await
        .with_context(|| format!("cannot delete {reference}"))?;
    if !confirm(
        a.force,
        &format!(
            "Are you sure you want to delete the manifest {} and all tags associated with it?",
            desc.digest
        ),
    )? {
        return Ok(());
    }
    repo.delete_manifest_by_digest(&desc.digest)
        .await
        .with_context(|| format!("cannot delete {reference}"))?;
    if a.descriptor {
        return print_json(&desc, a.pretty);
    }
    if !g.quiet {
        println!("Deleted {reference}");
    }
    Ok(())
}
