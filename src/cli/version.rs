//! `artifact version`: what was built, from which commit, for which platform.

use clap::Args;

#[derive(Debug, Args)]
pub struct VersionArgs {}

/// The platform the binary was built for, as `arch-os[-env]` (e.g. `x86_64-linux-gnu`).
pub fn target() -> String {
    let env = if cfg!(target_env = "gnu") {
        "-gnu"
    } else if cfg!(target_env = "musl") {
        "-musl"
    } else if cfg!(target_env = "msvc") {
        "-msvc"
    } else {
        ""
    };
    format!("{}-{}{env}", std::env::consts::ARCH, std::env::consts::OS)
}

pub fn run(_a: VersionArgs) -> anyhow::Result<()> {
    println!("Version:    {}", env!("CARGO_PKG_VERSION"));
    // Set by release builds (`ARTIFACT_GIT_COMMIT=$(git rev-parse HEAD) cargo build`).
    if let Some(commit) = option_env!("ARTIFACT_GIT_COMMIT").filter(|c| !c.is_empty()) {
        println!("Git commit: {commit}");
    }
    println!("Target:     {}", target());
    Ok(())
}
