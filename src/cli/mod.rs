//! The command line: argument definitions, shared options, output and exit codes.

mod attach;
mod blob;
mod completion;
mod copy;
mod discover;
pub mod docgen;
mod examples;
mod inspect;
mod login;
mod logout;
mod manifest;
mod progress;
mod pull;
mod push;
mod repo;
mod resolve;
mod tag;
mod version;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::layout::{LayoutRef, LayoutTarget};
use crate::progress::TransferObserver;
use crate::reference::Reference;
use crate::registry::{Client, ClientOptions, CredentialSource, Secret};
use crate::target::{AnyTarget, RegistryTarget, TargetRef};

/// Store any files in an OCI registry and get them back.
#[derive(Debug, Parser)]
#[command(name = "artifact", version, about, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalOpts {
    /// Use plain HTTP instead of HTTPS to talk to the registry
    #[arg(long, global = true)]
    pub plain_http: bool,
    /// Do not verify the registry's TLS certificate
    #[arg(long, global = true)]
    pub insecure: bool,
    /// Trust this CA certificate (PEM) in addition to the built-in Mozilla roots
    #[arg(long, global = true, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// Print an HTTP trace on stderr (secrets are redacted)
    #[arg(long, global = true)]
    pub debug: bool,
    /// Do not show progress bars (they are drawn only when stderr is a terminal)
    #[arg(long, global = true)]
    pub no_progress: bool,
    /// Print only errors and the result: the digest for push, attach, tag, manifest push and
    /// blob push; nothing for pull, copy, login, logout and deletes
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,
    /// Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times
    #[arg(long, global = true, value_name = "N", default_value_t = 5)]
    pub retries: u32,
    /// Fail a connection or transfer that makes no progress for this many seconds
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub stall_timeout: u64,
}

/// Credentials for one command; see README "Credentials" for the precedence.
#[derive(Debug, Clone, Args)]
pub struct RemoteOpts {
    /// Registry username
    #[arg(short = 'u', long, env = "ARTIFACT_USERNAME")]
    pub username: Option<String>,
    /// Registry password or token
    #[arg(short = 'p', long, env = "ARTIFACT_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
    /// Read the password from standard input
    #[arg(long, conflicts_with = "password")]
    pub password_stdin: bool,
    /// Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)
    #[arg(long, value_name = "PATH")]
    pub registry_config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Push files as an artifact to a registry
    Push(push::PushArgs),
    /// Pull an artifact's files from a registry
    Pull(pull::PullArgs),
    /// Give an existing manifest more tags
    Tag(tag::TagArgs),
    /// Show an artifact's manifest, annotations and layers
    Inspect(inspect::InspectArgs),
    /// Log in to a registry and store the credentials
    Login(login::LoginArgs),
    /// Remove stored credentials for a registry
    Logout(logout::LogoutArgs),
    /// Fetch, push and delete manifests
    #[command(subcommand)]
    Manifest(manifest::ManifestCommand),
    /// Fetch, push and delete blobs
    #[command(subcommand)]
    Blob(blob::BlobCommand),
    /// List a registry's repositories and a repository's tags
    #[command(subcommand)]
    Repo(repo::RepoCommand),
    /// Print the digest of the manifest a tag points at
    Resolve(resolve::ResolveArgs),
    /// Copy an artifact or image (and optionally its referrers) between registries and OCI layouts
    Copy(copy::CopyArgs),
    /// Attach files to an existing artifact as a referrer (signature, SBOM, ...)
    Attach(attach::AttachArgs),
    /// List the referrers of an artifact
    Discover(discover::DiscoverArgs),
    /// Print the version, git commit and build target
    Version(version::VersionArgs),
    /// Print a shell completion script
    Completion(completion::CompletionArgs),
}

/// An error in what the user typed: exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return ExitCode::from(code as u8);
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(1);
        }
    };
    // On Ctrl-C the command's future is dropped, which deletes its temporary files, and
    // the process exits 130 as shells expect.
    let outcome = rt.block_on(async {
        tokio::select! {
            r = run(cli) => Some(r),
            _ = tokio::signal::ctrl_c() => None,
        }
    });
    // Do not wait for blocking work (an unpack in progress) beyond a moment.
    rt.shutdown_timeout(std::time::Duration::from_millis(500));
    let Some(outcome) = outcome else {
        pull::remove_staging();
        eprintln!("error: interrupted");
        return ExitCode::from(130);
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = format!("{e:#}").replace('\n', " ");
            eprintln!("error: {msg}");
            if e.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let g = &cli.global;
    match cli.command {
        Command::Push(a) => push::run(g, a).await,
        Command::Pull(a) => pull::run(g, a).await,
        Command::Tag(a) => tag::run(g, a).await,
        Command::Inspect(a) => inspect::run(g, a).await,
        Command::Login(a) => login::run(g, a).await,
        Command::Logout(a) => logout::run(g, a).await,
        Command::Manifest(c) => manifest::run(g, c).await,
        Command::Blob(c) => blob::run(g, c).await,
        Command::Repo(c) => repo::run(g, c).await,
        Command::Resolve(a) => resolve::run(g, a).await,
        Command::Copy(a) => copy::run(g, a).await,
        Command::Attach(a) => attach::run(g, a).await,
        Command::Discover(a) => discover::run(g, a).await,
        Command::Version(a) => version::run(a),
        Command::Completion(a) => completion::run(a),
    }
}

/// Parse a reference argument; a bad one is a usage error.
pub(crate) fn parse_reference(s: &str) -> anyhow::Result<Reference> {
    s.parse::<Reference>()
        .map_err(|e| UsageError(e.to_string()).into())
}

/// Credentials for a command: flags and environment first, then the credential store
/// (helpers, keyring, config.json), looked up only when a registry asks for them.
struct CommandCredentials {
    flags: Option<Secret>,
    store: Option<crate::credentials::Store>,
}

impl CredentialSource for CommandCredentials {
    fn secret(&self, host: &str) -> Result<Option<Secret>, String> {
        if let Some(s) = &self.flags {
            return Ok(Some(s.clone()));
        }
        let Some(store) = &self.store else {
            return Ok(None);
        };
        match store.get(host) {
            Ok(found) => Ok(found.map(|(c, _)| to_secret(c))),
            Err(e) => Err(e.to_string()),
        }
    }
}

pub(crate) fn to_secret(c: crate::credentials::Credential) -> Secret {
    use crate::credentials::Credential;
    match c {
        Credential::Basic { username, password } => Secret::Basic { username, password },
        Credential::IdentityToken { token, .. } => Secret::IdentityToken { token },
    }
}

impl RemoteOpts {
    /// The password from `-p`, `--password-stdin` or the environment.
    fn password(&self) -> anyhow::Result<Option<String>> {
        if self.password_stdin {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
                .context("cannot read the password from standard input")?;
            return Ok(Some(s.trim_end_matches(['\r', '\n']).to_string()));
        }
        Ok(self.password.clone())
    }

    /// Credentials given on the command line or in the environment. A password without a
    /// username is an identity (refresh) token, as in oras.
    fn flag_secret(&self) -> anyhow::Result<Option<Secret>> {
        let username = self.username.clone().filter(|u| !u.is_empty());
        Ok(match (username, self.password()?) {
            (Some(username), Some(password)) => Some(Secret::Basic { username, password }),
            (None, Some(token)) => Some(Secret::IdentityToken { token }),
            (Some(u), None) => {
                return Err(UsageError(format!(
                    "username {u:?} given without a password: add -p, --password-stdin or ARTIFACT_PASSWORD"
                ))
                .into())
            }
            (None, None) => None,
        })
    }

    pub(crate) fn store(&self) -> anyhow::Result<crate::credentials::Store> {
        Ok(crate::credentials::Store::open(
            self.registry_config.clone(),
        )?)
    }
}

pub(crate) fn client_options(g: &GlobalOpts) -> ClientOptions {
    ClientOptions {
        plain_http: g.plain_http,
        insecure: g.insecure,
        ca_file: g.ca_file.clone(),
        debug: g.debug,
        retries: g.retries,
        stall_timeout: Some(std::time::Duration::from_secs(g.stall_timeout)),
        upload_sessions: crate::cache::DigestCache::upload_sessions_dir(),
        observer: None,
    }
}

pub(crate) fn client(g: &GlobalOpts, remote: &RemoteOpts) -> anyhow::Result<Client> {
    client_with(g, remote, None)
}

/// [`client`] reporting the bytes of blob transfers to `observer` (progress bars).
pub(crate) fn client_with(
    g: &GlobalOpts,
    remote: &RemoteOpts,
    observer: Option<Arc<dyn TransferObserver>>,
) -> anyhow::Result<Client> {
    endpoint_client(g, &Endpoint::shared(g, remote)?, observer)
}

/// How a client reaches a registry and who it says it is: the settings in which two clients
/// of one command may differ (`copy` has one set per end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    pub plain_http: bool,
    pub insecure: bool,
    pub ca_file: Option<PathBuf>,
    /// Credentials from flags or the environment, offered to every host; `None`: each host's
    /// credentials come from the credential store.
    pub secret: Option<Secret>,
    /// The credential store's `config.json` (unused, and `None`, when `secret` is set).
    pub registry_config: Option<PathBuf>,
}

impl Endpoint {
    /// The shared options every command has: global transport flags, `-u/-p`,
    /// `--password-stdin` (read here), `--registry-config`.
    pub(crate) fn shared(g: &GlobalOpts, remote: &RemoteOpts) -> anyhow::Result<Endpoint> {
        Ok(Endpoint::new(
            g,
            remote.flag_secret()?,
            remote.registry_config.clone(),
        ))
    }

    /// The global transport flags with these credentials.
    pub(crate) fn new(
        g: &GlobalOpts,
        secret: Option<Secret>,
        registry_config: Option<PathBuf>,
    ) -> Endpoint {
        let registry_config = match secret {
            Some(_) => None,
            None => registry_config,
        };
        Endpoint {
            plain_http: g.plain_http,
            insecure: g.insecure,
            ca_file: g.ca_file.clone(),
            secret,
            registry_config,
        }
    }
}

/// A client for `endpoint`, reporting the bytes of blob transfers to `observer`.
pub(crate) fn endpoint_client(
    g: &GlobalOpts,
    endpoint: &Endpoint,
    observer: Option<Arc<dyn TransferObserver>>,
) -> anyhow::Result<Client> {
    let flags = endpoint.secret.clone();
    let store = match flags {
        Some(_) => None,
        None => Some(crate::credentials::Store::open(
            endpoint.registry_config.clone(),
        )?),
    };
    let creds = Arc::new(CommandCredentials { flags, store });
    let opts = ClientOptions {
        plain_http: endpoint.plain_http,
        insecure: endpoint.insecure,
        ca_file: endpoint.ca_file.clone(),
        observer,
        ..client_options(g)
    };
    Ok(Client::new(opts, creds)?)
}

/// Parse a target argument: a registry reference, or with `--oci-layout` an image-layout
/// directory `DIR[:TAG]` or `DIR@DIGEST`. A bad one is a usage error.
pub(crate) fn parse_target(s: &str, oci_layout: bool) -> anyhow::Result<TargetRef> {
    if oci_layout {
        s.parse::<LayoutRef>()
            .map(TargetRef::Layout)
            .map_err(|e| UsageError(e.to_string()).into())
    } else {
        parse_reference(s).map(TargetRef::Registry)
    }
}

/// [`parse_target`] with a tag list (`:t1,t2`); returns the reference (first tag) and the tags.
pub(crate) fn parse_target_with_tags(
    s: &str,
    oci_layout: bool,
) -> anyhow::Result<(TargetRef, Vec<String>)> {
    if oci_layout {
        LayoutRef::parse_with_tags(s)
            .map(|(r, t)| (TargetRef::Layout(r), t))
            .map_err(|e| UsageError(e.to_string()).into())
    } else {
        crate::reference::parse_with_tags(s)
            .map(|(r, t)| (TargetRef::Registry(r), t))
            .map_err(|e| UsageError(e.to_string()).into())
    }
}

/// Open what a target argument names: a registry repository, or an image layout (created
/// when missing if `create`, as for a push).
pub(crate) fn open_target(
    g: &GlobalOpts,
    remote: &RemoteOpts,
    r: &TargetRef,
    chunk_size: u64,
    create: bool,
) -> anyhow::Result<AnyTarget> {
    open_target_with(g, remote, r, chunk_size, create, None)
}

/// [`open_target`] reporting the bytes of blob transfers to `observer` (progress bars).
pub(crate) fn open_target_with(
    g: &GlobalOpts,
    remote: &RemoteOpts,
    r: &TargetRef,
    chunk_size: u64,
    create: bool,
    observer: Option<Arc<dyn TransferObserver>>,
) -> anyhow::Result<AnyTarget> {
    Ok(match r {
        TargetRef::Registry(reference) => AnyTarget::Registry(RegistryTarget {
            repo: client_with(g, remote, observer)?.repository(reference),
            chunk_size,
        }),
        TargetRef::Layout(l) if create => {
            AnyTarget::Layout(LayoutTarget::create(&l.path)?.with_observer(observer))
        }
        TargetRef::Layout(l) => {
            AnyTarget::Layout(LayoutTarget::open(&l.path)?.with_observer(observer))
        }
    })
}

/// Parse sizes such as `4MiB`, `4M`, `512KiB`, `10MB`, `1048576`.
pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num.parse().map_err(|_| {
        format!("invalid size {s:?}: expected a number with an optional unit like 4MiB")
    })?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "kb" => 1000,
        "m" | "mib" => 1 << 20,
        "mb" => 1_000_000,
        "g" | "gib" => 1 << 30,
        "gb" => 1_000_000_000,
        _ => return Err(format!("invalid size {s:?}: unknown unit {unit:?}")),
    };
    let v = n
        .checked_mul(mult)
        .ok_or_else(|| format!("invalid size {s:?}: too large"))?;
    if v == 0 {
        return Err(format!("invalid size {s:?}: must be greater than zero"));
    }
    Ok(v)
}

/// Human-readable byte count.
pub(crate) fn human_size(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut i = 0;
    while v >= 1024.0 && i < UNITS.len() - 1 {
        v /= 1024.0;
        i += 1;
    }
    if i == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("4MiB"), Ok(4 << 20));
        assert_eq!(parse_size("4M"), Ok(4 << 20));
        assert_eq!(parse_size("512KiB"), Ok(512 << 10));
        assert_eq!(parse_size("10MB"), Ok(10_000_000));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert!(parse_size("0").is_err());
        assert!(parse_size("4XB").is_err());
        assert!(parse_size("MiB").is_err());
    }

    #[test]
    fn human() {
        assert_eq!(human_size(0), "0 B");
        assert_eq!(human_size(1536), "1.5 KiB");
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
