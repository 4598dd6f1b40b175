//! `artifact completion <shell>`: print a shell completion script generated from the
//! clap definition (the same scripts are committed under `completions/`).

use std::io::Write as _;

use anyhow::Context as _;
use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Args)]
#[command(after_help = super::examples::COMPLETION)]
pub struct CompletionArgs {
    /// The shell to print the completion script for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`, as bytes.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = <super::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "artifact", &mut out);
    out
}

pub fn run(a: CompletionArgs) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(&script(a.shell))
        .and_then(|()| stdout.flush())
        .context("cannot write the completion script to standard output")
}
