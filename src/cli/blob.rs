//! `artifact blob fetch|push|delete`: single blobs by digest, as `oras blob`.

use std::io::{IsTerminal as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _};
use clap::{Args, Subcommand};

use super::{GlobalOpts, RemoteOpts, UsageError};
use crate::digest::{hash_file, Algorithm, Digest, Hasher};
use crate::manifest::{Descriptor, DEFAULT_LAYER};
use crate::reference::Reference;
use crate::registry::Repository;
use crate::target::BlobSource;

/// Blobs larger than this are uploaded in chunks.
const CHUNK_SIZE: u64 = 64 << 20;
const BUF: usize = 256 * 1024;

#[derive(Debug, Subcommand)]
pub enum BlobCommand {
    /// Download a blob to a file or standard output, verified against its digest
    #[command(visible_alias = "get", after_help = FETCH_EXAMPLES)]
    Fetch(FetchArgs),
    /// Upload a file (or standard input) as a blob
    #[command(after_help = PUSH_EXAMPLES)]
    Push(PushArgs),
    /// Delete a blob from a repository
    #[command(visible_aliases = ["remove", "rm"], after_help = DELETE_EXAMPLES)]
    Delete(DeleteArgs),
}

const FETCH_EXAMPLES: &str = "\
Examples:
  # Save a blob to a file
  artifact blob fetch localhost:5000/hello@sha256:<digest> --output blob.bin

  # Print a blob on standard output
  artifact blob fetch localhost:5000/hello@sha256:<digest> --output -

  # Print the blob's descriptor only
  artifact blob fetch localhost:5000/hello@sha256:<digest> --descriptor
";

const PUSH_EXAMPLES: &str = "\
Examples:
  # Upload a file
  artifact blob push localhost:5000/hello hi.txt

  # Upload standard input, checking its digest and size
  cat hi.txt | artifact blob push localhost:5000/hello@sha256:<digest> - --size 12

  # Print the descriptor, with a media type
  artifact blob push localhost:5000/hello config.json --media-type application/json --descriptor
";

const DELETE_EXAMPLES: &str = "\
Examples:
  # Delete a blob, asking for confirmation
  artifact blob delete localhost:5000/hello@sha256:<digest>

  # Delete without asking (required when standard input is not a terminal)
  artifact blob delete --force localhost:5000/hello@sha256:<digest>
";

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// The blob: registry/repository@digest
    pub reference: String,
    /// Write the blob to this file; `-` for standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<String>,
    /// Print the blob's descriptor (JSON) on standard output
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
    /// Destination repository, optionally with the expected digest: registry/repository[@digest]
    pub reference: String,
    /// File to upload; `-` reads standard input
    pub file: String,
    /// Media type recorded in the printed descriptor
    #[arg(long, value_name = "TYPE", default_value = DEFAULT_LAYER)]
    pub media_type: String,
    /// Expected size in bytes; the upload fails when the content differs
    #[arg(long, value_name = "BYTES")]
    pub size: Option<u64>,
    /// Print the blob's descriptor (JSON) instead of the summary
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
    /// The blob: registry/repository@digest
    pub reference: String,
    /// Delete without asking for confirmation
    #[arg(short = 'f', long)]
    pub force: bool,
    /// Print the deleted blob's descriptor (JSON); requires --force
    #[arg(long)]
    pub descriptor: bool,
    /// Pretty-print JSON output
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, c: BlobCommand) -> anyhow::Result<()> {
    match c {
        BlobCommand::Fetch(a) => fetch(g, a).await,
        BlobCommand::Push(a) => push(g, a).await,
        BlobCommand::Delete(a) => delete(g, a).await,
    }
}

/// A reference that must name a blob by digest.
fn blob_reference(s: &str) -> anyhow::Result<(Reference, Digest)> {
    let r = super::parse_reference(s)?;
    if r.tag.is_some() {
        return Err(UsageError(format!(
            "{s}: blobs have no tags; give registry/repository@<digest>"
        ))
        .into());
    }
    match r.digest.clone() {
        Some(d) => Ok((r, d)),
        None => Err(UsageError(format!(
            "{s}: no digest; give the blob as registry/repository@<digest>"
        ))
        .into()),
    }
}

/// Print a descriptor as JSON, compact or pretty, on standard output.
pub(super) fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> anyhow::Result<()> {
    let s = if pretty {
        serde_json::to_string_pretty(value)?
    } else {
        serde_json::to_string(value)?
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{s}")
        .and_then(|_| out.flush())
        .context("cannot write to standard output")
}

/// Deletions ask first; without a terminal to ask on, `--force` is required. Checked before
/// any request.
pub(super) fn check_can_confirm(force: bool, what: &str) -> anyhow::Result<()> {
    if !force && !std::io::stdin().is_terminal() {
        return Err(UsageError(format!(
            "refusing to delete {what} without confirmation: standard input is not a terminal; pass --force"
        ))
        .into());
    }
    Ok(())
}

/// Ask `prompt [y/N]` on the terminal (unless `force`); true to go ahead.
pub(super) fn confirm(force: bool, prompt: &str) -> anyhow::Result<bool> {
    if force {
        return Ok(true);
    }
    eprint!("{prompt} [y/N] ");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .read_line(&mut answer)
        .context("cannot read the answer from standard input")?;
    let yes = matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes");
    if !yes {
        eprintln!("Cancelled; nothing was deleted.");
    }
    Ok(yes)
}

/// Stream a blob to `output` (`-` for standard output), verifying size and digest. A file is
/// written to a temp file next to it and renamed only when the content checks out; on
/// standard output the bytes go out as they arrive and a mismatch fails at the end.
pub(super) async fn save_blob(
    repo: &Repository,
    desc: &Descriptor,
    output: &str,
) -> anyhow::Result<()> {
    let what = format!("blob {}", desc.digest);
    let reader = repo.fetch_blob(desc).await?;
    if output == "-" {
        return stream_verified(reader, desc, &what).await;
    }
    let path = PathBuf::from(output);
    if path.is_dir() {
        bail!("cannot write {what} to {output}: it is a directory");
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = crate::content::write_verified(reader, desc, &dir, &what).await?;
    tmp.persist(&path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

async fn stream_verified(
    reader: crate::target::BlobReader,
    desc: &Descriptor,
    what: &str,
) -> anyhow::Result<()> {
    let mut out = tokio::io::BufWriter::with_capacity(BUF, tokio::io::stdout());
    crate::content::copy_verified(reader, &mut out, desc, what).await?;
    Ok(())
}

async fn fetch(g: &GlobalOpts, a: FetchArgs) -> anyhow::Result<()> {
    let (reference, digest) = blob_reference(&a.reference)?;
    match (a.output.as_deref(), a.descriptor) {
        (None, false) => {
            return Err(UsageError(
                "give --output FILE (or --output - for standard output) or --descriptor".into(),
            )
            .into())
        }
        (Some("-"), true) => {
            return Err(UsageError("--output - cannot be combined with --descriptor".into()).into())
        }
        _ => {}
    }
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let desc = repo
        .blob_descriptor(&digest)
        .await
        .with_context(|| format!("cannot fetch {reference}"))?;
    if let Some(out) = &a.output {
        save_blob(&repo, &desc, out)
            .await
            .with_context(|| format!("cannot fetch {reference}"))?;
    }
    if a.descriptor {
        print_json(&desc, a.pretty)?;
    }
    Ok(())
}

/// Copy standard input into a temp file, hashing it; returns the file, digest and size.
fn spool_stdin(algorithm: Algorithm) -> anyhow::Result<(tempfile::NamedTempFile, Digest, u64)> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".artifact-stdin-")
        .tempfile()
        .context("cannot create a temp file for standard input")?;
    let mut h = Hasher::new(algorithm);
    let mut size = 0u64;
    let mut buf = vec![0u8; BUF];
    let mut stdin = std::io::stdin().lock();
    loop {
        let n = match std::io::Read::read(&mut stdin, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e).context("cannot read standard input"),
        };
        h.update(&buf[..n]);
        size += n as u64;
        tmp.write_all(&buf[..n])
            .context("cannot write the temp file for standard input")?;
    }
    tmp.flush()
        .context("cannot write the temp file for standard input")?;
    Ok((tmp, h.finish(), size))
}

async fn push(g: &GlobalOpts, a: PushArgs) -> anyhow::Result<()> {
    let reference = super::parse_reference(&a.reference)?;
    if reference.tag.is_some() {
        return Err(UsageError(format!(
            "{}: blobs have no tags; give registry/repository[@<digest>]",
            a.reference
        ))
        .into());
    }
    if a.file == "-" && a.remote.password_stdin {
        return Err(UsageError(
            "the blob (-) and --password-stdin cannot both come from standard input".into(),
        )
        .into());
    }
    let algorithm = reference
        .digest
        .as_ref()
        .map_or(Algorithm::Sha256, Digest::algorithm);
    // Hash everything before the first request.
    let (source, digest, size, _spool) = if a.file == "-" {
        let (tmp, digest, size) = tokio::task::spawn_blocking(move || spool_stdin(algorithm))
            .await
            .context("reading standard input")??;
        let path = tmp.path().to_path_buf();
        (BlobSource::File(path), digest, size, Some(tmp))
    } else {
        let path = PathBuf::from(&a.file);
        let meta = std::fs::metadata(&path).with_context(|| format!("cannot read {}", a.file))?;
        if !meta.is_file() {
            bail!("cannot push {}: not a regular file", a.file);
        }
        let p = path.clone();
        let (digest, size) = tokio::task::spawn_blocking(move || hash_with(&p, algorithm))
            .await
            .context("hashing the file")?
            .with_context(|| format!("cannot read {}", a.file))?;
        (BlobSource::File(path), digest, size, None)
    };
    if let Some(expected) = a.size {
        if expected != size {
            bail!(
                "size mismatch: --size says {expected} bytes, {} has {size}",
                input_name(&a.file)
            );
        }
    }
    if let Some(expected) = &reference.digest {
        if *expected != digest {
            bail!(
                "digest mismatch: the reference says {expected}, {} has {digest}",
                input_name(&a.file)
            );
        }
    }
    let desc = Descriptor::new(a.media_type.clone(), digest.clone(), size);
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let exists = repo
        .blob_exists(&digest)
        .await
        .with_context(|| format!("cannot push {}", input_name(&a.file)))?;
    if !exists {
        repo.push_blob(&desc, &source, CHUNK_SIZE)
            .await
            .with_context(|| format!("cannot push {}", input_name(&a.file)))?;
    }
    if a.descriptor {
        return print_json(&desc, a.pretty);
    }
    if g.quiet {
        println!("{digest}");
        return Ok(());
    }
    let verb = if exists { "Exists  " } else { "Uploaded" };
    println!(
        "{verb} {} ({})",
        input_name(&a.file),
        super::human_size(size)
    );
    println!("Pushed {}", reference.with_digest(digest.clone()));
    println!("Digest: {digest}");
    Ok(())
}

fn input_name(file: &str) -> String {
    if file == "-" {
        "standard input".to_string()
    } else {
        file.to_string()
    }
}

fn hash_with(path: &Path, algorithm: Algorithm) -> std::io::Result<(Digest, u64)> {
    if algorithm == Algorithm::Sha256 {
        return hash_file(path);
    }
    let mut f = std::fs::File::open(path)?;
    let mut h = Hasher::new(algorithm);
    let mut buf = vec![0u8; BUF];
    let mut size = 0u64;
    loop {
        let n = std::io::Read::read(&mut f, &mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    Ok((h.finish(), size))
}

async fn delete(g: &GlobalOpts, a: DeleteArgs) -> anyhow::Result<()> {
    let (reference, digest) = blob_reference(&a.reference)?;
    if a.descriptor && !a.force {
        return Err(UsageError("--descriptor requires --force".into()).into());
    }
    check_can_confirm(a.force, &format!("blob {digest}"))?;
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let desc = repo
        .blob_descriptor(&digest)
        .await
        .with_context(|| format!("cannot delete {reference}"))?;
    if !confirm(
        a.force,
        &format!("Are you sure you want to delete the blob {digest}?"),
    )? {
        return Ok(());
    }
    repo.delete_blob(&digest)
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
