//! `artifact repo ls|tags`: a registry's repositories and a repository's tags, as `oras repo`.

use std::io::Write as _;

use anyhow::Context as _;
use clap::{Args, Subcommand};

use super::{GlobalOpts, RemoteOpts, UsageError};
use crate::digest::Digest;
use crate::reference::Reference;
use crate::registry::error::RegistryError;
use crate::registry::extra::ListOptions;

#[derive(Debug, Subcommand)]
pub enum RepoCommand {
    /// List the repositories of a registry (or of a namespace in it)
    #[command(visible_alias = "list", after_help = LS_EXAMPLES)]
    Ls(LsArgs),
    /// List the tags of a repository
    #[command(visible_alias = "show-tags", after_help = TAGS_EXAMPLES)]
    Tags(TagsArgs),
}

const LS_EXAMPLES: &str = "\
Examples:
  # Every repository of a registry
  artifact repo ls localhost:5000

  # The repositories under a namespace, printed relative to it
  artifact repo ls localhost:5000/team

  # Repositories lexically after 'team/b', fetched 50 per request
  artifact repo ls localhost:5000 --last team/b --page-size 50
";

const TAGS_EXAMPLES: &str = "\
Examples:
  # Every tag of a repository
  artifact repo tags localhost:5000/hello

  # Tags lexically after v1, without sha256-<hex> tags
  artifact repo tags localhost:5000/hello --last v1 --exclude-digest-tags

  # Only the tags pointing at the same manifest as v1
  artifact repo tags localhost:5000/hello:v1
";

#[derive(Debug, Args)]
pub struct LsArgs {
    /// registry[/namespace]; with a namespace, names are printed relative to it
    pub target: String,
    /// Start after this repository
    #[arg(long, value_name = "NAME")]
    pub last: Option<String>,
    /// Ask for at most this many repositories per request (default: the registry's choice)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: Option<u32>,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

#[derive(Debug, Args)]
pub struct TagsArgs {
    /// registry/repository; with :tag or @digest, only the tags of that manifest
    pub reference: String,
    /// Start after this tag
    #[arg(long, value_name = "TAG")]
    pub last: Option<String>,
    /// Ask for at most this many tags per request (default: the registry's choice)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub page_size: Option<u32>,
    /// Leave out tags that look like digests (sha256-<hex>), as used for signatures and referrers
    #[arg(long)]
    pub exclude_digest_tags: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

pub async fn run(g: &GlobalOpts, c: RepoCommand) -> anyhow::Result<()> {
    match c {
        RepoCommand::Ls(a) => ls(g, a).await,
        RepoCommand::Tags(a) => tags(g, a).await,
    }
}

/// Split `registry[/namespace]`, validating both parts. The returned reference has the
/// registry (for the API host) and a placeholder repository.
fn parse_registry_path(s: &str) -> anyhow::Result<(Reference, Option<String>)> {
    let (host, ns) = match s.split_once('/') {
        Some((h, n)) => (h, Some(n.trim_end_matches('/'))),
        None => (s, None),
    };
    let bad = |why: &str| -> anyhow::Error {
        UsageError(format!("invalid registry {s:?}: {why}")).into()
    };
    if host.is_empty() {
        return Err(bad("give registry[/namespace], e.g. localhost:5000/team"));
    }
    let r: Reference = format!("{host}/x")
        .parse()
        .map_err(|e: crate::reference::ReferenceError| bad(&e.to_string()))?;
    if !r.registry.eq_ignore_ascii_case(host) && host != "index.docker.io" {
        return Err(bad(&format!(
            "{host:?} is not a registry host (it needs a '.' or ':' or to be localhost)"
        )));
    }
    let ns = match ns {
        None | Some("") => None,
        Some(n) => {
            let probe: Reference = format!("{host}/{n}")
                .parse()
                .map_err(|e: crate::reference::ReferenceError| bad(&e.to_string()))?;
            if probe.tag.is_some() || probe.digest.is_some() {
                return Err(bad("a namespace has no tag or digest"));
            }
            Some(n.to_string())
        }
    };
    Ok((r, ns))
}

/// `println!` that reports a closed pipe as an error instead of panicking.
fn print_lines(lines: &[String]) -> Result<(), RegistryError> {
    let mut out = std::io::stdout().lock();
    for l in lines {
        writeln!(out, "{l}")
            .map_err(|e| RegistryError::io("cannot write to standard output", e))?;
    }
    out.flush()
        .map_err(|e| RegistryError::io("cannot write to standard output", e))
}

async fn ls(g: &GlobalOpts, a: LsArgs) -> anyhow::Result<()> {
    let (registry, namespace) = parse_registry_path(&a.target)?;
    let client = super::client(g, &a.remote)?;
    let prefix = namespace.as_ref().map(|n| format!("{n}/"));
    let opts = ListOptions {
        last: a.last.clone(),
        page_size: a.page_size,
    };
    let mut on_page = |repos: Vec<String>| {
        let shown: Vec<String> = match &prefix {
            Some(p) => repos
                .iter()
                .filter_map(|r| r.strip_prefix(p.as_str()))
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect(),
            None => repos,
        };
        print_lines(&shown)
    };
    client
        .catalog(registry.api_host(), &opts, &mut on_page)
        .await
        .with_context(|| format!("cannot list the repositories of {}", a.target))
}

/// `sha256-<hex>`: a tag standing for a digest (signatures, referrers tag schema).
fn is_digest_tag(tag: &str) -> bool {
    tag.replacen('-', ":", 1).parse::<Digest>().is_ok()
}

async fn tags(g: &GlobalOpts, a: TagsArgs) -> anyhow::Result<()> {
    let reference = super::parse_reference(&a.reference)?;
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let opts = ListOptions {
        last: a.last.clone(),
        page_size: a.page_size,
    };
    let name = reference.name();
    let exclude = a.exclude_digest_tags;
    let keep = |t: &String| !(exclude && is_digest_tag(t));
    // Without a tag or digest, print page by page.
    if reference.tag.is_none() && reference.digest.is_none() {
        let mut on_page =
            |tags: Vec<String>| print_lines(&tags.into_iter().filter(keep).collect::<Vec<_>>());
        return repo
            .list_tags(&opts, &mut on_page)
            .await
            .with_context(|| format!("cannot list the tags of {name}"));
    }
    // With one, only the tags resolving to that manifest.
    let wanted = match &reference.digest {
        Some(d) => d.clone(),
        None => {
            repo.resolve(&reference.reference())
                .await
                .with_context(|| format!("cannot list the tags of {reference}"))?
                .digest
        }
    };
    let mut all = Vec::new();
    let mut collect = |tags: Vec<String>| {
        all.extend(tags.into_iter().filter(keep));
        Ok(())
    };
    repo.list_tags(&opts, &mut collect)
        .await
        .with_context(|| format!("cannot list the tags of {name}"))?;
    for t in all {
        let same = reference.tag.as_deref() == Some(t.as_str())
            || repo
                .resolve(&t)
                .await
                .with_context(|| format!("cannot resolve {}", reference.with_tag(&t)))?
                .digest
                == wanted;
        if same {
            print_lines(std::slice::from_ref(&t))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_paths() {
        let (r, ns) = parse_registry_path("localhost:5000").unwrap();
        assert_eq!((r.registry.as_str(), ns), ("localhost:5000", None));
        let (r, ns) = parse_registry_path("reg.example.com/team/sub/").unwrap();
        assert_eq!(r.registry, "reg.example.com");
        assert_eq!(ns.as_deref(), Some("team/sub"));
        assert!(parse_registry_path("notahost").is_err());
        assert!(parse_registry_path("localhost:5000/Team").is_err());
        assert!(parse_registry_path("localhost:5000/team:v1").is_err());
        assert!(parse_registry_path("").is_err());
    }

    #[test]
    fn digest_tags() {
        assert!(is_digest_tag(&format!("sha256-{}", "a".repeat(64))));
        assert!(!is_digest_tag(&format!("sha256-{}.sig", "a".repeat(64))));
        assert!(!is_digest_tag("v1"));
    }
}
