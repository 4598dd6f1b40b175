//! Parsing of artifact references: `registry[:port]/repo/path[:tag][@digest]`.
//!
//! The grammar follows the distribution reference grammar used by Docker and
//! OCI registries:
//!
//! ```text
//! reference        := name [ ":" tag ] [ "@" digest ]
//! name             := [ registry "/" ] path-component [ "/" path-component ]*
//! registry         := host [ ":" port ]
//! host             := domain-component [ "." domain-component ]* | "[" IPv6 "]"
//! domain-component := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
//! port             := decimal 1..=65535
//! path-component   := [a-z0-9]+ ( ( "." | "_" | "__" | "-"+ ) [a-z0-9]+ )*
//! tag              := [A-Za-z0-9_][A-Za-z0-9._-]{0,127}
//! digest           := see `crate::digest::Digest`
//! ```
//!
//! As with Docker, the first path component is only taken as the registry when
//! it looks like a host: it contains a `.` or `:`, is `localhost`, is an IPv6
//! literal in brackets, or contains an uppercase letter. Otherwise the
//! reference is a Docker Hub short name (`ubuntu` → `docker.io/library/ubuntu`,
//! `user/app` → `docker.io/user/app`). `index.docker.io` is normalised to
//! `docker.io`, and single-component Docker Hub repositories get the
//! `library/` prefix. The full name `registry/repository` may be at most 255
//! characters long.

use std::fmt;
use std::str::FromStr;

use crate::digest::{Digest, DigestError};

/// Registry used for Docker Hub short names.
pub const DOCKER_HUB_REGISTRY: &str = "docker.io";
/// Legacy Docker Hub name, normalised to [`DOCKER_HUB_REGISTRY`].
const LEGACY_DOCKER_HUB_REGISTRY: &str = "index.docker.io";
/// Host actually serving the Docker Hub registry API.
const DOCKER_HUB_API_HOST: &str = "registry-1.docker.io";
/// Prefix of official single-component Docker Hub repositories.
const OFFICIAL_REPO_PREFIX: &str = "library/";
/// Maximum length of `registry/repository`.
pub const NAME_TOTAL_LENGTH_MAX: usize = 255;
/// Maximum length of a tag.
pub const TAG_MAX_LENGTH: usize = 128;

const TAG_PATTERN: &str = "[A-Za-z0-9_][A-Za-z0-9._-]{0,127}";
const PATH_COMPONENT_PATTERN: &str = "[a-z0-9]+((.|_|__|-+)[a-z0-9]+)*";
const HOST_COMPONENT_PATTERN: &str = "[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Registry host (with optional `:port`), as written, except that Docker Hub
    /// short names get `docker.io` and `index.docker.io` is normalised to
    /// `docker.io` (mapped to `registry-1.docker.io` by `api_host`).
    pub registry: String,
    /// Repository path, e.g. `team/model`.
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<Digest>,
}

/// Why a reference string was rejected. Every message is a single line that
/// quotes the full input and names the faulty part.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReferenceError {
    /// General problem with the registry or repository part.
    #[error("invalid reference {reference:?}: {reason}")]
    Invalid { reference: String, reason: String },
    /// The input was empty.
    #[error("invalid reference \"\": reference is empty (expected registry[:port]/repository[:tag][@digest])")]
    Empty,
    /// No repository name was given (e.g. `example.com/` or `@sha256:…`).
    #[error(
        "invalid reference {reference:?}: missing repository (expected registry[:port]/repository[:tag][@digest])"
    )]
    MissingRepository { reference: String },
    /// The registry port is not a number in 1..=65535.
    #[error(
        "invalid port {port:?} in reference {reference:?}: port must be a number from 1 to 65535"
    )]
    InvalidPort { reference: String, port: String },
    /// The tag does not match the tag grammar.
    #[error("invalid tag {tag:?} in reference {reference:?}: {reason}")]
    InvalidTag {
        reference: String,
        tag: String,
        reason: String,
    },
    /// The part after `@` is not a valid digest.
    #[error("invalid digest {digest:?} in reference {reference:?}: {error}")]
    InvalidDigest {
        reference: String,
        digest: String,
        error: DigestError,
    },
}

impl ReferenceError {
    /// The full input string that failed to parse.
    pub fn input(&self) -> &str {
        match self {
            ReferenceError::Empty => "",
            ReferenceError::Invalid { reference, .. }
            | ReferenceError::MissingRepository { reference }
            | ReferenceError::InvalidPort { reference, .. }
            | ReferenceError::InvalidTag { reference, .. }
            | ReferenceError::InvalidDigest { reference, .. } => reference,
        }
    }
}

impl Reference {
    /// The host:port to which HTTP requests are sent.
    pub fn api_host(&self) -> &str {
        if self.registry == DOCKER_HUB_REGISTRY || self.registry == LEGACY_DOCKER_HUB_REGISTRY {
            DOCKER_HUB_API_HOST
        } else {
            &self.registry
        }
    }
    /// Digest if present, else tag, else `latest`.
    pub fn reference(&self) -> String {
        match (&self.digest, &self.tag) {
            (Some(d), _) => d.to_string(),
            (None, Some(t)) => t.clone(),
            (None, None) => "latest".to_string(),
        }
    }
    /// The same repository with another tag and no digest.
    pub fn with_tag(&self, tag: &str) -> Reference {
        Reference {
            tag: Some(tag.to_string()),
            digest: None,
            ..self.clone()
        }
    }
    pub fn with_digest(&self, digest: Digest) -> Reference {
        Reference {
            digest: Some(digest),
            ..self.clone()
        }
    }
    /// `registry/repository`, without tag or digest.
    pub fn name(&self) -> String {
        format!("{}/{}", self.registry, self.repository)
    }
}

/// Whether `tag` matches `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`.
pub fn is_valid_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    !b.is_empty()
        && b.len() <= TAG_MAX_LENGTH
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b[1..]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// Whether `c` matches `[a-z0-9]+((.|_|__|-+)[a-z0-9]+)*`.
fn is_valid_path_component(c: &str) -> bool {
    let b = c.as_bytes();
    let alnum = |x: u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && alnum(b[i]) {
            i += 1;
        }
        if i == start {
            return false; // empty, or separator not followed by [a-z0-9]
        }
        if i == b.len() {
            return true;
        }
        match b[i] {
            b'.' => i += 1,
            b'_' => {
                i += 1;
                if i < b.len() && b[i] == b'_' {
                    i += 1;
                }
            }
            b'-' => {
                while i < b.len() && b[i] == b'-' {
                    i += 1;
                }
            }
            _ => return false,
        }
    }
}

/// Whether `c` matches `[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?`.
fn is_valid_host_component(c: &str) -> bool {
    let b = c.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && b.iter().all(|&x| x.is_ascii_alphanumeric() || x == b'-')
}

/// Docker's rule for whether the first component names a registry.
fn looks_like_registry(first: &str) -> bool {
    first.contains(['.', ':'])
        || first == "localhost"
        || first.starts_with('[')
        || first.bytes().any(|b| b.is_ascii_uppercase())
}

/// The syntactic pieces of a reference string, before validation.
struct Parts<'a> {
    /// Everything before the tag and digest.
    name: &'a str,
    /// Text after the tag `:` (may be empty or contain commas).
    tag: Option<&'a str>,
    /// Text after `@`.
    digest: Option<&'a str>,
}

fn split_parts(s: &str) -> Parts<'_> {
    let (name_tag, digest) = match s.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (s, None),
    };
    // A tag colon must come after the last slash; this keeps the `:` of a
    // registry port (`localhost:5000/repo`) from being taken for a tag.
    let last_slash = name_tag.rfind('/');
    let (name, tag) = match name_tag.rfind(':') {
        // An IPv6 literal without a repository (`[::1]:5000`) has no tag.
        Some(_) if last_slash.is_none() && name_tag.starts_with('[') => (name_tag, None),
        // `None < Some(_)`, so this also holds when there is no slash at all.
        Some(c) if last_slash < Some(c) => (&name_tag[..c], Some(&name_tag[c + 1..])),
        _ => (name_tag, None),
    };
    Parts { name, tag, digest }
}

/// Validate a `host[:port]` registry.
fn validate_registry(input: &str, registry: &str) -> Result<(), ReferenceError> {
    let invalid = |reason: String| ReferenceError::Invalid {
        reference: input.to_string(),
        reason,
    };
    let (host, port) = if let Some(rest) = registry.strip_prefix('[') {
        let (addr, after) = rest.split_once(']').ok_or_else(|| {
            invalid(format!(
                "registry {registry:?} has an unterminated IPv6 address (expected [address]:port)"
            ))
        })?;
        let ok = !addr.is_empty()
            && addr.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
            && addr.parse::<std::net::Ipv6Addr>().is_ok();
        if !ok {
            return Err(invalid(format!(
                "registry {registry:?} contains an invalid IPv6 address {addr:?}"
            )));
        }
        let port = match after {
            "" => None,
            _ => Some(after.strip_prefix(':').ok_or_else(|| {
                invalid(format!(
                    "registry {registry:?} has unexpected text {after:?} after the IPv6 address"
                ))
            })?),
        };
        (None, port)
    } else {
        match registry.split_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(registry), None),
        }
    };
    if let Some(host) = host {
        if let Some(bad) = host.split('.').find(|c| !is_valid_host_component(c)) {
            return Err(invalid(format!(
                "registry host {host:?} is not a valid host name (component {bad:?} must match {HOST_COMPONENT_PATTERN})"
            )));
        }
    }
    if let Some(port) = port {
        let ok = !port.is_empty()
            && port.bytes().all(|b| b.is_ascii_digit())
            && matches!(port.parse::<u32>(), Ok(1..=65535));
        if !ok {
            return Err(ReferenceError::InvalidPort {
                reference: input.to_string(),
                port: port.to_string(),
            });
        }
    }
    Ok(())
}

/// Validate a repository path as written by the user.
fn validate_repository(input: &str, repository: &str) -> Result<(), ReferenceError> {
    let invalid = |reason: String| ReferenceError::Invalid {
        reference: input.to_string(),
        reason,
    };
    if repository.is_empty() {
        return Err(ReferenceError::MissingRepository {
            reference: input.to_string(),
        });
    }
    if repository.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(invalid(format!(
            "repository {repository:?} must be lowercase"
        )));
    }
    if repository.starts_with('/') || repository.ends_with('/') || repository.contains("//") {
        return Err(invalid(format!(
            "repository {repository:?} has an empty path component (leading, trailing or double slash)"
        )));
    }
    if let Some(bad) = repository.split('/').find(|c| !is_valid_path_component(c)) {
        return Err(invalid(format!(
            "repository component {bad:?} must match {PATH_COMPONENT_PATTERN}"
        )));
    }
    Ok(())
}

fn validate_tag(input: &str, tag: &str) -> Result<(), ReferenceError> {
    if is_valid_tag(tag) {
        return Ok(());
    }
    let reason = if tag.is_empty() {
        format!("tag is empty after ':' (tags must match {TAG_PATTERN})")
    } else if tag.len() > TAG_MAX_LENGTH {
        format!(
            "tag is {} characters long, at most {TAG_MAX_LENGTH} are allowed (tags must match {TAG_PATTERN})",
            tag.len()
        )
    } else if tag.contains(',') {
        format!("tags must match {TAG_PATTERN} (a comma-separated tag list is not accepted here)")
    } else {
        format!("tags must match {TAG_PATTERN}")
    };
    Err(ReferenceError::InvalidTag {
        reference: input.to_string(),
        tag: tag.to_string(),
        reason,
    })
}

/// Parse and validate everything except the tag, which is returned raw.
fn parse_parts(s: &str) -> Result<(Reference, Option<&str>), ReferenceError> {
    if s.is_empty() {
        return Err(ReferenceError::Empty);
    }
    let parts = split_parts(s);
    if parts.name.is_empty() {
        return Err(ReferenceError::MissingRepository {
            reference: s.to_string(),
        });
    }
    if parts.name.starts_with('/') {
        return Err(ReferenceError::Invalid {
            reference: s.to_string(),
            reason: "registry is empty (reference starts with '/')".to_string(),
        });
    }

    let (registry, repository) = match parts.name.split_once('/') {
        Some((first, rest)) if looks_like_registry(first) => (first, rest),
        _ => (DOCKER_HUB_REGISTRY, parts.name),
    };
    if parts.name.starts_with('[') && !parts.name.contains('/') {
        // `[::1]:5000` alone: a registry without repository.
        return Err(ReferenceError::MissingRepository {
            reference: s.to_string(),
        });
    }
    validate_registry(s, registry)?;
    validate_repository(s, repository)?;

    let registry = if registry == LEGACY_DOCKER_HUB_REGISTRY {
        DOCKER_HUB_REGISTRY
    } else {
        registry
    };
    let repository = if registry == DOCKER_HUB_REGISTRY && !repository.contains('/') {
        format!("{OFFICIAL_REPO_PREFIX}{repository}")
    } else {
        repository.to_string()
    };
    let name_len = registry.len() + 1 + repository.len();
    if name_len > NAME_TOTAL_LENGTH_MAX {
        return Err(ReferenceError::Invalid {
            reference: s.to_string(),
            reason: format!(
                "name \"{registry}/{repository}\" is {name_len} characters long, at most {NAME_TOTAL_LENGTH_MAX} are allowed"
            ),
        });
    }

    let digest = match parts.digest {
        Some(d) => Some(
            d.parse::<Digest>()
                .map_err(|error| ReferenceError::InvalidDigest {
                    reference: s.to_string(),
                    digest: d.to_string(),
                    error,
                })?,
        ),
        None => None,
    };

    Ok((
        Reference {
            registry: registry.to_string(),
            repository,
            tag: None,
            digest,
        },
        parts.tag,
    ))
}

impl FromStr for Reference {
    type Err = ReferenceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (mut r, tag) = parse_parts(s)?;
        if let Some(tag) = tag {
            validate_tag(s, tag)?;
            r.tag = Some(tag.to_string());
        }
        Ok(r)
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.registry, self.repository)?;
        if let Some(t) = &self.tag {
            write!(f, ":{t}")?;
        }
        if let Some(d) = &self.digest {
            write!(f, "@{d}")?;
        }
        Ok(())
    }
}

/// Split `registry/repo:t1,t2,t3` into the reference (first tag) and all tags.
///
/// Each tag is validated; duplicates are dropped (first occurrence kept).
/// Without a tag the list is empty. A digest together with tags is rejected,
/// since the tags are meant to be pushed/applied and a digest would contradict
/// them; a digest alone is returned as parsed.
pub fn parse_with_tags(s: &str) -> Result<(Reference, Vec<String>), ReferenceError> {
    let (mut r, tag_list) = parse_parts(s)?;
    let mut tags: Vec<String> = Vec::new();
    if let Some(list) = tag_list {
        for tag in list.split(',') {
            validate_tag(s, tag)?;
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
    }
    if r.digest.is_some() && !tags.is_empty() {
        return Err(ReferenceError::Invalid {
            reference: s.to_string(),
            reason:
                "tags cannot be combined with a digest here (give either :tag[,tag…] or @digest)"
                    .to_string(),
        });
    }
    r.tag = tags.first().cloned();
    Ok((r, tags))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX64: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    fn sha(hex: &str) -> String {
        format!("sha256:{hex}")
    }

    fn parse(s: &str) -> Reference {
        s.parse()
            .unwrap_or_else(|e| panic!("{s:?} should parse, got: {e}"))
    }

    fn err(s: &str) -> ReferenceError {
        match s.parse::<Reference>() {
            Ok(r) => panic!("{s:?} should fail, parsed as {r:?}"),
            Err(e) => e,
        }
    }

    /// (input, registry, repository, tag, digest)
    type ValidCase<'a> = (String, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

    #[test]
    fn valid_references() {
        let max_tag = format!("_{}", "a".repeat(127));
        let digest = sha(HEX64);
        let cases: Vec<ValidCase> = vec![
            ("localhost/repo".into(), "localhost", "repo", None, None),
            (
                "localhost:5000/repo".into(),
                "localhost:5000",
                "repo",
                None,
                None,
            ),
            (
                "localhost:5000/repo:v1".into(),
                "localhost:5000",
                "repo",
                Some("v1"),
                None,
            ),
            (
                "127.0.0.1:5000/a/b:1.0".into(),
                "127.0.0.1:5000",
                "a/b",
                Some("1.0"),
                None,
            ),
            (
                "[::1]:5000/repo:tag".into(),
                "[::1]:5000",
                "repo",
                Some("tag"),
                None,
            ),
            ("[::1]/repo".into(), "[::1]", "repo", None, None),
            (
                "[2001:db8::1]:443/x".into(),
                "[2001:db8::1]:443",
                "x",
                None,
                None,
            ),
            (
                "example.com/a/b/c".into(),
                "example.com",
                "a/b/c",
                None,
                None,
            ),
            (
                "example.com:65535/a".into(),
                "example.com:65535",
                "a",
                None,
                None,
            ),
            ("example.com:1/a".into(), "example.com:1", "a", None, None),
            (
                "my-reg.Example.COM/x".into(),
                "my-reg.Example.COM",
                "x",
                None,
                None,
            ),
            ("Reg/repo".into(), "Reg", "repo", None, None),
            (
                "ghcr.io/org/model:latest".into(),
                "ghcr.io",
                "org/model",
                Some("latest"),
                None,
            ),
            ("ubuntu".into(), "docker.io", "library/ubuntu", None, None),
            (
                "ubuntu:22.04".into(),
                "docker.io",
                "library/ubuntu",
                Some("22.04"),
                None,
            ),
            ("user/app".into(), "docker.io", "user/app", None, None),
            (
                "user/app:v2".into(),
                "docker.io",
                "user/app",
                Some("v2"),
                None,
            ),
            (
                "docker.io/ubuntu".into(),
                "docker.io",
                "library/ubuntu",
                None,
                None,
            ),
            (
                "docker.io/library/ubuntu".into(),
                "docker.io",
                "library/ubuntu",
                None,
                None,
            ),
            (
                "index.docker.io/ubuntu".into(),
                "docker.io",
                "library/ubuntu",
                None,
                None,
            ),
            (
                "index.docker.io/user/app".into(),
                "docker.io",
                "user/app",
                None,
                None,
            ),
            (
                "a.b/x__y/a.b-c---d_e:Tag_1.2-3".into(),
                "a.b",
                "x__y/a.b-c---d_e",
                Some("Tag_1.2-3"),
                None,
            ),
            (
                format!("reg.io/repo@{digest}"),
                "reg.io",
                "repo",
                None,
                Some(&digest),
            ),
            (
                format!("reg.io/repo:v1@{digest}"),
                "reg.io",
                "repo",
                Some("v1"),
                Some(&digest),
            ),
            (
                format!("localhost:5000/repo:v1@{digest}"),
                "localhost:5000",
                "repo",
                Some("v1"),
                Some(&digest),
            ),
            (
                format!("ubuntu@{digest}"),
                "docker.io",
                "library/ubuntu",
                None,
                Some(&digest),
            ),
            (
                format!("reg.io/r:{max_tag}"),
                "reg.io",
                "r",
                Some(&max_tag),
                None,
            ),
            ("reg.io/r:_".into(), "reg.io", "r", Some("_"), None),
            ("reg.io/r:9".into(), "reg.io", "r", Some("9"), None),
            // Docker grammar: no slash means a Docker Hub name, so this is a tag.
            (
                "localhost:5000".into(),
                "docker.io",
                "library/localhost",
                Some("5000"),
                None,
            ),
        ];
        for (input, registry, repository, tag, digest) in cases {
            let r = parse(&input);
            assert_eq!(r.registry, registry, "registry of {input:?}");
            assert_eq!(r.repository, repository, "repository of {input:?}");
            assert_eq!(r.tag.as_deref(), tag, "tag of {input:?}");
            assert_eq!(
                r.digest.as_ref().map(|d| d.to_string()).as_deref(),
                digest,
                "digest of {input:?}"
            );
        }
    }

    #[test]
    fn invalid_references() {
        let long_tag = "a".repeat(129);
        let bad_hex = sha(&"E".repeat(64));
        // (input, fragments the message must contain)
        let cases: Vec<(String, Vec<&str>)> = vec![
            ("".into(), vec!["empty"]),
            ("Reg/Repo:x".into(), vec!["\"Repo\"", "lowercase"]),
            (
                "example.com/Team/model".into(),
                vec!["\"Team/model\"", "lowercase"],
            ),
            ("Ubuntu".into(), vec!["\"Ubuntu\"", "lowercase"]),
            ("reg.io/repo:-bad".into(), vec!["tag \"-bad\"", TAG_PATTERN]),
            ("reg.io/repo:.bad".into(), vec!["tag \".bad\""]),
            ("reg.io/repo:ba$d".into(), vec!["tag \"ba$d\""]),
            ("reg.io/repo:a,b".into(), vec!["tag \"a,b\"", "comma"]),
            (
                format!("reg.io/repo:{long_tag}"),
                vec!["tag", "129 characters", "128"],
            ),
            (
                format!("reg.io/repo@{bad_hex}"),
                vec!["digest", &bad_hex, "64"],
            ),
            (
                "reg.io/repo@sha256:abc".into(),
                vec!["digest \"sha256:abc\"", "64"],
            ),
            (
                format!("reg.io/repo@md5:{HEX64}"),
                vec!["digest", "md5", "unsupported"],
            ),
            ("reg.io/repo@".into(), vec!["digest \"\""]),
            (
                "reg.io/repo/".into(),
                vec!["repository \"repo/\"", "empty path component"],
            ),
            (
                "reg.io/a//b".into(),
                vec!["repository \"a//b\"", "empty path component"],
            ),
            ("reg.io/".into(), vec!["missing repository"]),
            ("reg.io:5000/".into(), vec!["missing repository"]),
            ("/repo".into(), vec!["registry is empty"]),
            ("reg:99999/x".into(), vec!["port \"99999\"", "65535"]),
            ("reg:0/x".into(), vec!["port \"0\""]),
            ("reg:/x".into(), vec!["port \"\""]),
            ("reg:50a/x".into(), vec!["port \"50a\""]),
            ("reg:+80/x".into(), vec!["port \"+80\""]),
            ("reg.io/x:".into(), vec!["tag \"\"", "empty"]),
            ("@sha256:abc".into(), vec!["missing repository"]),
            ("[::1]:5000".into(), vec!["missing repository"]),
            ("[::1:5000/x".into(), vec!["IPv6"]),
            ("[zz::1]:5000/x".into(), vec!["IPv6", "\"zz::1\""]),
            ("[::1]5000/x".into(), vec!["\"5000\"", "after the IPv6"]),
            (
                "reg_x.io:5000/x".into(),
                vec!["host \"reg_x.io\"", "\"reg_x\""],
            ),
            ("-reg.io/x".into(), vec!["host \"-reg.io\""]),
            ("reg..io/x".into(), vec!["host \"reg..io\""]),
            ("reg.io/a_-b".into(), vec!["component \"a_-b\""]),
            ("reg.io/a___b".into(), vec!["component \"a___b\""]),
            ("reg.io/-a".into(), vec!["component \"-a\""]),
            ("reg.io/a./b".into(), vec!["component \"a.\""]),
            ("reg.io/a b".into(), vec!["component \"a b\""]),
            (
                "reg.io/repo:tag:more".into(),
                vec!["component \"repo:tag\""],
            ),
            (
                format!("reg.io/{}", "a".repeat(249)),
                vec!["256 characters", "255"],
            ),
            ("a".repeat(245), vec!["263 characters", "255"]),
        ];
        for (input, fragments) in cases {
            let e = err(&input);
            let msg = e.to_string();
            assert!(
                !msg.contains('\n'),
                "message for {input:?} is multi-line: {msg}"
            );
            assert!(
                msg.contains(&format!("{input:?}")),
                "message for {input:?} lacks the input: {msg}"
            );
            assert_eq!(e.input(), input);
            for frag in fragments {
                assert!(
                    msg.contains(frag),
                    "message for {input:?} lacks {frag:?}: {msg}"
                );
            }
        }
    }

    #[test]
    fn name_length_limit_is_inclusive() {
        // "reg.io/" is 7 characters; 7 + 248 = 255.
        let ok = format!("reg.io/{}", "a".repeat(248));
        assert_eq!(parse(&ok).name().len(), NAME_TOTAL_LENGTH_MAX);
        // Docker Hub names count the implicit "docker.io/library/" (18 chars).
        assert!("a".repeat(237).parse::<Reference>().is_ok());
        assert!("a".repeat(238).parse::<Reference>().is_err());
    }

    #[test]
    fn error_variants_and_messages() {
        assert_eq!(err(""), ReferenceError::Empty);
        assert_eq!(
            err("reg:99999/x"),
            ReferenceError::InvalidPort {
                reference: "reg:99999/x".into(),
                port: "99999".into()
            }
        );
        assert_eq!(
            err("Reg/Repo:x").to_string(),
            r#"invalid reference "Reg/Repo:x": repository "Repo" must be lowercase"#
        );
        assert_eq!(
            err("reg.io/r:-bad").to_string(),
            r#"invalid tag "-bad" in reference "reg.io/r:-bad": tags must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}"#
        );
        assert!(matches!(
            err("reg.io/"),
            ReferenceError::MissingRepository { .. }
        ));
        assert!(matches!(
            err("reg.io/r@sha256:abc"),
            ReferenceError::InvalidDigest {
                error: DigestError::BadHex(_, 64),
                ..
            }
        ));
        assert!(matches!(
            err("reg.io/r:"),
            ReferenceError::InvalidTag { .. }
        ));
    }

    #[test]
    fn display_is_canonical_and_round_trips() {
        let digest = sha(HEX64);
        let cases = [
            ("ubuntu".to_string(), "docker.io/library/ubuntu".to_string()),
            ("user/app:v1".into(), "docker.io/user/app:v1".into()),
            (
                "index.docker.io/ubuntu".into(),
                "docker.io/library/ubuntu".into(),
            ),
            ("localhost:5000/repo".into(), "localhost:5000/repo".into()),
            ("[::1]:5000/a/b:t".into(), "[::1]:5000/a/b:t".into()),
            (
                format!("reg.io/r:t@{digest}"),
                format!("reg.io/r:t@{digest}"),
            ),
            (format!("reg.io/r@{digest}"), format!("reg.io/r@{digest}")),
        ];
        for (input, canonical) in cases {
            let r = parse(&input);
            assert_eq!(r.to_string(), canonical, "display of {input:?}");
            assert_eq!(parse(&canonical), r, "round trip of {input:?}");
        }
    }

    #[test]
    fn reference_prefers_digest_then_tag_then_latest() {
        let digest = sha(HEX64);
        assert_eq!(parse(&format!("reg.io/r:t@{digest}")).reference(), digest);
        assert_eq!(parse(&format!("reg.io/r@{digest}")).reference(), digest);
        assert_eq!(parse("reg.io/r:t").reference(), "t");
        assert_eq!(parse("reg.io/r").reference(), "latest");
    }

    #[test]
    fn api_host_maps_docker_hub() {
        assert_eq!(parse("ubuntu").api_host(), "registry-1.docker.io");
        assert_eq!(
            parse("docker.io/user/app").api_host(),
            "registry-1.docker.io"
        );
        assert_eq!(
            parse("index.docker.io/user/app").api_host(),
            "registry-1.docker.io"
        );
        let legacy = Reference {
            registry: "index.docker.io".into(),
            repository: "library/x".into(),
            tag: None,
            digest: None,
        };
        assert_eq!(legacy.api_host(), "registry-1.docker.io");
        assert_eq!(parse("localhost:5000/r").api_host(), "localhost:5000");
        assert_eq!(parse("[::1]:5000/r").api_host(), "[::1]:5000");
    }

    #[test]
    fn with_tag_and_with_digest() {
        let digest: Digest = sha(HEX64).parse().unwrap();
        let r = parse(&format!("reg.io/r:old@{digest}"));
        let t = r.with_tag("new");
        assert_eq!(t.tag.as_deref(), Some("new"));
        assert_eq!(t.digest, None);
        assert_eq!(t.to_string(), "reg.io/r:new");
        let d = parse("reg.io/r:t").with_digest(digest.clone());
        assert_eq!(d.tag.as_deref(), Some("t"));
        assert_eq!(d.digest, Some(digest));
        assert_eq!(parse("reg.io/a/b:t").name(), "reg.io/a/b");
    }

    #[test]
    fn parse_with_tags_lists() {
        let (r, tags) = parse_with_tags("reg.io/repo:t1,t2,t3").unwrap();
        assert_eq!(tags, ["t1", "t2", "t3"]);
        assert_eq!(r.tag.as_deref(), Some("t1"));
        assert_eq!(r.to_string(), "reg.io/repo:t1");

        let (r, tags) = parse_with_tags("localhost:5000/repo").unwrap();
        assert!(tags.is_empty());
        assert_eq!(r.tag, None);
        assert_eq!(r.registry, "localhost:5000");

        let (r, tags) = parse_with_tags("localhost:5000/repo:v1").unwrap();
        assert_eq!(tags, ["v1"]);
        assert_eq!(r.registry, "localhost:5000");

        let (_, tags) = parse_with_tags("reg.io/repo:a,b,a").unwrap();
        assert_eq!(tags, ["a", "b"]);

        let (r, tags) = parse_with_tags("ubuntu:x,y").unwrap();
        assert_eq!(r.repository, "library/ubuntu");
        assert_eq!(tags, ["x", "y"]);

        let digest = sha(HEX64);
        let (r, tags) = parse_with_tags(&format!("reg.io/repo@{digest}")).unwrap();
        assert!(tags.is_empty());
        assert!(r.digest.is_some());
    }

    #[test]
    fn parse_with_tags_errors() {
        let digest = sha(HEX64);
        let cases: Vec<(String, Vec<&str>)> = vec![
            ("reg.io/repo:t1,,t2".into(), vec!["tag \"\"", "empty"]),
            ("reg.io/repo:t1,".into(), vec!["tag \"\""]),
            ("reg.io/repo:t1,-x".into(), vec!["tag \"-x\""]),
            ("reg.io/repo:".into(), vec!["tag \"\""]),
            (
                format!("reg.io/repo:t1,t2@{digest}"),
                vec!["digest", "tags"],
            ),
            (format!("reg.io/repo:t1@{digest}"), vec!["digest", "tags"]),
            ("Reg/Repo:t1,t2".into(), vec!["\"Repo\"", "lowercase"]),
            ("reg:99999/x:t".into(), vec!["port \"99999\""]),
        ];
        for (input, fragments) in cases {
            let msg = match parse_with_tags(&input) {
                Ok(r) => panic!("{input:?} should fail, got {r:?}"),
                Err(e) => e.to_string(),
            };
            assert!(!msg.contains('\n'), "{msg}");
            assert!(
                msg.contains(&format!("{input:?}")),
                "message for {input:?} lacks the input: {msg}"
            );
            for frag in fragments {
                assert!(
                    msg.contains(frag),
                    "message for {input:?} lacks {frag:?}: {msg}"
                );
            }
        }
    }

    #[test]
    fn tag_and_component_predicates() {
        assert!(is_valid_tag("latest"));
        assert!(is_valid_tag("_x"));
        assert!(is_valid_tag(&"a".repeat(128)));
        assert!(!is_valid_tag(&"a".repeat(129)));
        assert!(!is_valid_tag(""));
        assert!(!is_valid_tag("-a"));
        assert!(!is_valid_tag("a/b"));
        assert!(!is_valid_tag("é"));

        for ok in [
            "a",
            "a1",
            "a.b",
            "a_b",
            "a__b",
            "a-b",
            "a---b",
            "a.b_c__d-e",
        ] {
            assert!(is_valid_path_component(ok), "{ok}");
        }
        for bad in [
            "", "A", "a.", ".a", "_a", "a_", "a-", "a..b", "a___b", "a._b", "a-.b", "a:b",
        ] {
            assert!(!is_valid_path_component(bad), "{bad}");
        }
        for ok in ["a", "A", "a-b", "a--b", "1", "127"] {
            assert!(is_valid_host_component(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a_b", "a:b"] {
            assert!(!is_valid_host_component(bad), "{bad}");
        }
    }
}
