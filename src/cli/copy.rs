//! `artifact copy`: an artifact or image and everything it references, from a registry
//! repository or OCI image layout to another, optionally with its referrers.
//!
//! Each end that is a registry has its own credentials and transport settings (`--from-*`,
//! `--to-*`, falling back to the shared flags). Ends with the same settings on one host share
//! one client, so a token covers both repositories and blobs can be mounted.

use std::path::PathBuf;

use anyhow::Context as _;
use clap::Args;
use serde_json::json;

use super::progress::{label_of, Progress};
use super::{Endpoint, Format, GlobalOpts, RemoteOpts, UsageError};
use crate::copy::{CopyOptions, Event};
use crate::layout::LayoutTarget;
use crate::manifest::Descriptor;
use crate::progress::ProgressKey;
use crate::registry::{Client, Secret};
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

  # Different credentials for each end, and a plain-HTTP destination
  ARTIFACT_FROM_USERNAME=ci ARTIFACT_FROM_PASSWORD=\"$SRC_TOKEN\" \\
      artifact copy --to-username bob --to-password \"$DST_TOKEN\" --to-plain-http \\
      registry.example.com/team/app:v1 localhost:5000/team/app:v1

Precedence:
  For each end that is a registry (--to-* and ARTIFACT_TO_* for the destination):
  credentials      --from-username/--from-password, else ARTIFACT_FROM_USERNAME/
                   ARTIFACT_FROM_PASSWORD (a flag beats its variable; the two replace the
                   shared pair together); else -u/-p/--password-stdin or ARTIFACT_USERNAME/
                   ARTIFACT_PASSWORD; else the credential store, looked up by host
  registry config  --from-registry-config, else --registry-config, else the default
  CA file          --from-ca-file, else --ca-file
  plain HTTP       --from-plain-http or --plain-http
  skip TLS checks  --from-insecure or --insecure

Stored logins are per host, so a copy between two registries you are logged in to needs no
flags. A password without a username is an identity token. --password-stdin is read once, and
only if an end uses the shared credentials.

Blobs the destination already has are skipped; between two repositories of one registry, when
both ends use the same credentials and settings, they are mounted rather than transferred.";

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
    #[command(flatten)]
    pub from: FromOpts,
    #[command(flatten)]
    pub to: ToOpts,
}

/// The source registry's own settings; each overrides the shared option for the source.
#[derive(Debug, Args)]
#[command(next_help_heading = "Source registry (overrides the shared options)")]
pub struct FromOpts {
    /// Source registry username
    #[arg(long, env = "ARTIFACT_FROM_USERNAME", value_name = "USERNAME")]
    pub from_username: Option<String>,
    /// Source registry password or token (without --from-username: an identity token)
    #[arg(
        long,
        env = "ARTIFACT_FROM_PASSWORD",
        hide_env_values = true,
        value_name = "PASSWORD"
    )]
    pub from_password: Option<String>,
    /// Registry config (config.json) to look the source's credentials up in
    #[arg(long, value_name = "PATH")]
    pub from_registry_config: Option<PathBuf>,
    /// Use plain HTTP instead of HTTPS for the source registry
    #[arg(long)]
    pub from_plain_http: bool,
    /// Do not verify the source registry's TLS certificate
    #[arg(long)]
    pub from_insecure: bool,
    /// Trust this CA certificate (PEM) for the source registry, instead of --ca-file
    #[arg(long, value_name = "FILE")]
    pub from_ca_file: Option<PathBuf>,
}

/// The destination registry's own settings; each overrides the shared option for it.
#[derive(Debug, Args)]
#[command(next_help_heading = "Destination registry (overrides the shared options)")]
pub struct ToOpts {
    /// Destination registry username
    #[arg(long, env = "ARTIFACT_TO_USERNAME", value_name = "USERNAME")]
    pub to_username: Option<String>,
    /// Destination registry password or token (without --to-username: an identity token)
    #[arg(
        long,
        env = "ARTIFACT_TO_PASSWORD",
        hide_env_values = true,
        value_name = "PASSWORD"
    )]
    pub to_password: Option<String>,
    /// Registry config (config.json) to look the destination's credentials up in
    #[arg(long, value_name = "PATH")]
    pub to_registry_config: Option<PathBuf>,
    /// Use plain HTTP instead of HTTPS for the destination registry
    #[arg(long)]
    pub to_plain_http: bool,
    /// Do not verify the destination registry's TLS certificate
    #[arg(long)]
    pub to_insecure: bool,
    /// Trust this CA certificate (PEM) for the destination registry, instead of --ca-file
    #[arg(long, value_name = "FILE")]
    pub to_ca_file: Option<PathBuf>,
}

/// One end's own options, whichever end it is.
struct Side<'a> {
    /// `from` or `to`, for messages.
    prefix: &'static str,
    username: Option<&'a str>,
    password: Option<&'a str>,
    registry_config: Option<&'a PathBuf>,
    plain_http: bool,
    insecure: bool,
    ca_file: Option<&'a PathBuf>,
}

impl FromOpts {
    fn side(&self) -> Side<'_> {
        Side {
            prefix: "from",
            username: self.from_username.as_deref(),
            password: self.from_password.as_deref(),
            registry_config: self.from_registry_config.as_ref(),
            plain_http: self.from_plain_http,
            insecure: self.from_insecure,
            ca_file: self.from_ca_file.as_ref(),
        }
    }
}

impl ToOpts {
    fn side(&self) -> Side<'_> {
        Side {
            prefix: "to",
            username: self.to_username.as_deref(),
            password: self.to_password.as_deref(),
            registry_config: self.to_registry_config.as_ref(),
            plain_http: self.to_plain_http,
            insecure: self.to_insecure,
            ca_file: self.to_ca_file.as_ref(),
        }
    }
}

impl Side<'_> {
    /// The end's own credentials: `None` when it has none (the shared ones apply).
    /// An empty value counts as not given.
    fn secret(&self) -> anyhow::Result<Option<Secret>> {
        let username = self.username.filter(|u| !u.is_empty()).map(str::to_string);
        let password = self.password.filter(|p| !p.is_empty()).map(str::to_string);
        Ok(match (username, password) {
            (Some(username), Some(password)) => Some(Secret::Basic { username, password }),
            (None, Some(token)) => Some(Secret::IdentityToken { token }),
            (Some(u), None) => {
                let (p, env) = (self.prefix, self.prefix.to_ascii_uppercase());
                return Err(UsageError(format!(
                    "--{p}-username {u:?} given without a password: add --{p}-password or \
                     ARTIFACT_{env}_PASSWORD"
                ))
                .into());
            }
            (None, None) => None,
        })
    }

    /// The end's settings: its own where given, else the shared ones (`shared` is asked
    /// only when this end has no credentials of its own).
    fn endpoint(
        &self,
        g: &GlobalOpts,
        remote: &RemoteOpts,
        shared: &mut dyn FnMut() -> anyhow::Result<Option<Secret>>,
    ) -> anyhow::Result<Endpoint> {
        let secret = match self.secret()? {
            Some(s) => Some(s),
            None => shared()?,
        };
        let registry_config = self
            .registry_config
            .or(remote.registry_config.as_ref())
            .cloned();
        let mut e = Endpoint::new(g, secret, registry_config);
        e.plain_http |= self.plain_http;
        e.insecure |= self.insecure;
        if let Some(ca) = self.ca_file {
            e.ca_file = Some(ca.clone());
        }
        Ok(e)
    }
}

/// The clients for the two ends (`None` for a layout). Ends on one host with the same
/// settings share one client: one token then covers both repositories, as a mount needs.
/// Bytes are counted where they are read: the source (the destination only writes them).
fn clients(
    g: &GlobalOpts,
    a: &CopyArgs,
    src: &TargetRef,
    dst: &TargetRef,
    progress: &Progress,
) -> anyhow::Result<(Option<Client>, Option<Client>)> {
    // The shared credentials (and --password-stdin) are read at most once, and only if an
    // end needs them.
    let mut shared: Option<Option<Secret>> = None;
    let mut shared_secret = || -> anyhow::Result<Option<Secret>> {
        if shared.is_none() {
            shared = Some(a.remote.flag_secret()?);
        }
        Ok(shared.clone().flatten())
    };
    let src_end = match src {
        TargetRef::Registry(r) => Some((
            r.api_host().to_string(),
            a.from.side().endpoint(g, &a.remote, &mut shared_secret)?,
        )),
        TargetRef::Layout(_) => None,
    };
    let dst_end = match dst {
        TargetRef::Registry(r) => Some((
            r.api_host().to_string(),
            a.to.side().endpoint(g, &a.remote, &mut shared_secret)?,
        )),
        TargetRef::Layout(_) => None,
    };
    Ok(match (src_end, dst_end) {
        (Some(s), Some(d)) if s == d => {
            let c = super::endpoint_client(g, &s.1, progress.observer())?;
            (Some(c.clone()), Some(c))
        }
        (s, d) => (
            s.map(|(_, e)| super::endpoint_client(g, &e, progress.observer()))
                .transpose()
                .context("cannot set up the source registry's client")?,
            d.map(|(_, e)| super::endpoint_client(g, &e, None))
                .transpose()
                .context("cannot set up the destination registry's client")?,
        ),
    })
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

    let progress = Progress::new(g);
    let (src_client, dst_client) = clients(g, &a, &src_ref, &dst_ref, &progress)?;
    // Bytes are counted where they are read: the source (the destination only writes them).
    let open =
        |r: &TargetRef, client: Option<&Client>, create: bool| -> anyhow::Result<AnyTarget> {
            Ok(match (r, client) {
                (TargetRef::Registry(reference), Some(c)) => AnyTarget::Registry(RegistryTarget {
                    repo: c.repository(reference),
                    chunk_size: u64::MAX,
                }),
                (TargetRef::Layout(l), _) if create => {
                    AnyTarget::Layout(LayoutTarget::create(&l.path)?)
                }
                (TargetRef::Layout(l), _) => AnyTarget::Layout(
                    LayoutTarget::open(&l.path)?.with_observer(progress.observer()),
                ),
                (TargetRef::Registry(_), None) => unreachable!("a client is made for registries"),
            })
        };
    let src = open(&src_ref, src_client.as_ref(), false)
        .with_context(|| format!("cannot copy from {src_ref}"))?;
    let dst = open(&dst_ref, dst_client.as_ref(), true)
        .with_context(|| format!("cannot copy to {dst_ref}"))?;

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
