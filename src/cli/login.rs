//! `artifact login`: check credentials against a registry, then store them.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use anyhow::Context as _;
use clap::Args;

use super::{client_options, CommandCredentials, GlobalOpts, RemoteOpts, UsageError};
use crate::credentials::{Credential, Location};
use crate::reference::Reference;
use crate::registry::{Client, Secret};

#[derive(Debug, Args)]
#[command(after_help = super::examples::LOGIN)]
pub struct LoginArgs {
    /// Registry host, e.g. ghcr.io or localhost:5000
    pub registry: String,
    /// Log in with an identity (OAuth2 refresh) token instead of a password
    #[arg(long, value_name = "TOKEN", conflicts_with_all = ["password", "password_stdin"])]
    pub identity_token: Option<String>,
    #[command(flatten)]
    pub remote: RemoteOpts,
}

/// `https://ghcr.io/` → `ghcr.io`; checked against the reference grammar's host rules.
/// Returns (key to store credentials under, host to talk to).
pub(crate) fn registry_host(arg: &str) -> anyhow::Result<(String, String)> {
    let bare = arg
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let bare = bare.split('/').next().unwrap_or("");
    if bare.is_empty() {
        return Err(UsageError(format!(
            "invalid registry {arg:?}: expected a host such as ghcr.io or localhost:5000"
        ))
        .into());
    }
    let r: Reference = format!("{bare}/probe").parse().map_err(|_| {
        UsageError(format!(
            "invalid registry {arg:?}: expected a host such as ghcr.io or localhost:5000"
        ))
    })?;
    let is_hub = matches!(
        bare,
        "docker.io" | "index.docker.io" | "registry-1.docker.io"
    );
    if r.registry != bare && !is_hub {
        return Err(UsageError(format!(
            "invalid registry {arg:?}: expected a host such as ghcr.io or localhost:5000"
        ))
        .into());
    }
    let key = if is_hub {
        "docker.io".to_string()
    } else {
        bare.to_string()
    };
    let host = if is_hub {
        "registry-1.docker.io".to_string()
    } else {
        bare.to_string()
    };
    Ok((key, host))
}

fn prompt(label: &str) -> anyhow::Result<String> {
    eprint!("{label}: ");
    std::io::stderr().flush().ok();
    let mut s = String::new();
    std::io::stdin()
        .read_line(&mut s)
        .context("cannot read from the terminal")?;
    Ok(s.trim_end_matches(['\r', '\n']).to_string())
}

fn credential(a: &LoginArgs) -> anyhow::Result<Credential> {
    if let Some(token) = &a.identity_token {
        return Ok(Credential::IdentityToken {
            username: a
                .remote
                .username
                .clone()
                .unwrap_or_else(|| "<token>".into()),
            token: token.clone(),
        });
    }
    let tty = std::io::stdin().is_terminal() && !a.remote.password_stdin;
    let username = match a.remote.username.clone().filter(|u| !u.is_empty()) {
        Some(u) => u,
        None if tty => prompt("Username")?,
        None => {
            return Err(UsageError(
                "no username given: use -u/--username or ARTIFACT_USERNAME".into(),
            )
            .into())
        }
    };
    let password = match a.remote.password()? {
        Some(p) => p,
        None if tty => {
            rpassword::prompt_password("Password: ").context("cannot read the password")?
        }
        None => {
            return Err(UsageError(
                "no password given: use -p/--password, --password-stdin or ARTIFACT_PASSWORD"
                    .into(),
            )
            .into())
        }
    };
    if username.is_empty() || password.is_empty() {
        return Err(UsageError("username and password must not be empty".into()).into());
    }
    Ok(Credential::Basic { username, password })
}

pub async fn run(g: &GlobalOpts, a: LoginArgs) -> anyhow::Result<()> {
    let (key, host) = registry_host(&a.registry)?;
    let cred = credential(&a)?;
    let secret: Secret = super::to_secret(cred.clone());
    let creds = Arc::new(CommandCredentials {
        flags: Some(secret),
        store: None,
    });
    let client = Client::new(client_options(g), creds)?;
    client
        .ping(&host)
        .await
        .with_context(|| format!("login to {key} failed"))?;
    let store = a.remote.store()?;
    let location = store
        .store(&key, &cred)
        .with_context(|| format!("logged in to {key}, but cannot store the credentials"))?;
    if g.quiet {
        return Ok(());
    }
    if let Location::ConfigFile(path) = &location {
        let why = store
            .keyring_unavailable_reason()
            .map(|r| format!(" ({r})"))
            .unwrap_or_default();
        eprintln!(
            "notice: no OS keyring in use{why}; credentials stored in {} (mode 0600)",
            path.display()
        );
    }
    println!("Login Succeeded ({key}, stored in {location})");
    Ok(())
}
