//! `artifact resolve`: the digest a tag points at, as `oras resolve`.

use anyhow::Context as _;
use clap::Args;

use super::{GlobalOpts, RemoteOpts};

#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct ResolveArgs {
    /// The manifest: registry/repository[:tag|@digest]
    pub reference: String,
    /// Print registry/repository@digest instead of the digest alone
    #[arg(short = 'l', long)]
    pub full_reference: bool,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

const EXAMPLES: &str = "\
Examples:
  # The digest of the manifest tagged v1
  artifact resolve localhost:5000/hello:v1

  # As a full reference, ready to pin
  artifact resolve localhost:5000/hello:v1 --full-reference
";

pub async fn run(g: &GlobalOpts, a: ResolveArgs) -> anyhow::Result<()> {
    let reference = super::parse_reference(&a.reference)?;
    let repo = super::client(g, &a.remote)?.repository(&reference);
    let desc = repo
        .resolve(&reference.reference())
        .await
        .with_context(|| format!("cannot resolve {reference}"))?;
    if a.full_reference {
        println!("{}@{}", reference.name(), desc.digest);
    } else {
        println!("{}", desc.digest);
    }
    Ok(())
}
