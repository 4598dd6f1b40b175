//! `artifact logout`: forget a registry's credentials wherever they are stored.

use anyhow::Context as _;
use clap::Args;

use super::{login::registry_host, GlobalOpts};

#[derive(Debug, Args)]
#[command(after_help = super::examples::LOGOUT)]
pub struct LogoutArgs {
    /// Registry host, e.g. ghcr.io or localhost:5000
    pub registry: String,
    /// Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)
    #[arg(long, value_name = "PATH")]
    pub registry_config: Option<std::path::PathBuf>,
}

pub async fn run(g: &GlobalOpts, a: LogoutArgs) -> anyhow::Result<()> {
    let (key, _) = registry_host(&a.registry)?;
    let store = crate::credentials::Store::open(a.registry_config.clone())?;
    let removed = store
        .erase(&key)
        .with_context(|| format!("cannot remove the credentials for {key}"))?;
    if g.quiet {
        return Ok(());
    }
    if removed.is_empty() {
        println!("Not logged in to {key}");
    } else {
        let places: Vec<String> = removed.iter().map(ToString::to_string).collect();
        println!("Removed credentials for {key} from {}", places.join(", "));
    }
    Ok(())
}
