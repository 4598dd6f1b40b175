//! `artifact discover`: the referrers of an artifact (signatures, SBOMs, … attached to it).

use std::collections::{HashMap, HashSet};

use anyhow::Context as _;
use clap::{Args, ValueEnum};
use serde_json::json;

use super::{GlobalOpts, RemoteOpts};
use crate::digest::Digest;
use crate::manifest::Descriptor;
use crate::referrers;
use crate::target::{AnyTarget, Target};

const AFTER_HELP: &str = "\
Output:
  tree (default)  the subject, then its referrers grouped by artifact type, and their own
                  referrers below them:
                    registry.example.com/team/app@sha256:1f2e...
                    ├── application/vnd.example.sbom
                    │   └── sha256:9a8b...
                    └── application/vnd.example.signature
                        └── sha256:7c6d...
  json            the direct referrers as descriptors (mediaType, digest, size, artifactType,
                  annotations): {\"manifests\": [{...}, ...]}

The registry's referrers API (GET /v2/<name>/referrers/<digest>) is used when it has one;
otherwise the referrers tag sha256-<hex of the digest> is read. --artifact-type filters the
direct referrers.

Examples:
  artifact discover registry.example.com/team/app:v1
  artifact discover --artifact-type application/vnd.example.signature --format json \\
      registry.example.com/team/app@sha256:1f2e...";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DiscoverFormat {
    #[default]
    Tree,
    Json,
}

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct DiscoverArgs {
    /// The subject: registry/repository[:tag|@digest] (DIR[:TAG|@DIGEST] with --oci-layout)
    pub reference: String,
    /// List only referrers of this artifact type
    #[arg(long, value_name = "TYPE")]
    pub artifact_type: Option<String>,
    /// Output format: tree, or json ({"manifests": [descriptors]})
    #[arg(long, value_enum, default_value_t)]
    pub format: DiscoverFormat,
    /// The subject is in an OCI image-layout directory
    #[arg(long)]
    pub oci_layout: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

/// Referrers of every manifest reachable from the root, by subject digest.
async fn referrer_tree(
    target: &AnyTarget,
    root: &Digest,
    direct: Vec<Descriptor>,
) -> anyhow::Result<HashMap<Digest, Vec<Descriptor>>> {
    let mut children = HashMap::new();
    let mut seen: HashSet<Digest> = HashSet::from([root.clone()]);
    let mut queue: Vec<Digest> = direct
        .iter()
        .filter(|d| seen.insert(d.digest.clone()))
        .map(|d| d.digest.clone())
        .collect();
    children.insert(root.clone(), direct);
    while let Some(d) = queue.pop() {
        let found = referrers::list(target, &d, None)
            .await
            .with_context(|| format!("cannot list the referrers of {d}"))?;
        queue.extend(
            found
                .iter()
                .filter(|r| seen.insert(r.digest.clone()))
                .map(|r| r.digest.clone()),
        );
        children.insert(d, found);
    }
    Ok(children)
}

fn render(
    children: &HashMap<Digest, Vec<Descriptor>>,
    of: &Digest,
    prefix: &str,
    out: &mut Vec<String>,
    path: &mut Vec<Digest>,
) {
    let Some(list) = children.get(of) else { return };
    // Group by artifact type, in the order the types first appear.
    let mut groups: Vec<(String, Vec<&Descriptor>)> = Vec::new();
    for d in list {
        let t = d
            .artifact_type
            .clone()
            .unwrap_or_else(|| "<unknown artifact type>".to_string());
        match groups.iter_mut().find(|(g, _)| *g == t) {
            Some((_, v)) => v.push(d),
            None => groups.push((t, vec![d])),
        }
    }
    for (gi, (t, members)) in groups.iter().enumerate() {
        let last_group = gi + 1 == groups.len();
        out.push(format!(
            "{prefix}{}{t}",
            if last_group {
                "└── "
            } else {
                "├── "
            }
        ));
        let inner = format!("{prefix}{}", if last_group { "    " } else { "│   " });
        for (mi, d) in members.iter().enumerate() {
            let last = mi + 1 == members.len();
            out.push(format!(
                "{inner}{}{}",
                if last { "└── " } else { "├── " },
                d.digest
            ));
            if !path.contains(&d.digest) {
                path.push(d.digest.clone());
                let deeper = format!("{inner}{}", if last { "    " } else { "│   " });
                render(children, &d.digest, &deeper, out, path);
                path.pop();
            }
        }
    }
}

pub async fn run(g: &GlobalOpts, a: DiscoverArgs) -> anyhow::Result<()> {
    let reference = super::parse_target(&a.reference, a.oci_layout)?;
    let target = super::open_target(g, &a.remote, &reference, u64::MAX, false)?;
    let subject = target
        .resolve(&reference.reference())
        .await
        .with_context(|| format!("cannot discover the referrers of {reference}"))?;
    let direct = referrers::list(&target, &subject.digest, a.artifact_type.as_deref())
        .await
        .with_context(|| format!("cannot discover the referrers of {reference}"))?;
    match a.format {
        DiscoverFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&json!({ "manifests": direct }))?
            );
        }
        DiscoverFormat::Tree => {
            let children = referrer_tree(&target, &subject.digest, direct).await?;
            let mut lines = vec![reference
                .bare()
                .with_digest(subject.digest.clone())
                .to_string()];
            let mut path = vec![subject.digest.clone()];
            render(&children, &subject.digest, "", &mut lines, &mut path);
            for l in lines {
                println!("{l}");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: u8, t: &str) -> Descriptor {
        let mut d = Descriptor::new(crate::manifest::OCI_MANIFEST, Digest::of_bytes(&[n]), 1);
        d.artifact_type = Some(t.to_string());
        d
    }

    #[test]
    fn tree_groups_by_type_and_nests() {
        let root = Digest::of_bytes(b"root");
        let (a, b, c) = (d(1, "type/a"), d(2, "type/b"), d(3, "type/sig"));
        let children = HashMap::from([
            (root.clone(), vec![a.clone(), b.clone()]),
            (a.digest.clone(), vec![c.clone()]),
        ]);
        let mut out = Vec::new();
        render(&children, &root, "", &mut out, &mut vec![root.clone()]);
        let expected = vec![
            "├── type/a".to_string(),
            format!("│   └── {}", a.digest),
            "│       └── type/sig".to_string(),
            format!("│           └── {}", c.digest),
            "└── type/b".to_string(),
            format!("    └── {}", b.digest),
        ];
        assert_eq!(out, expected);
    }
}
