//! Errors of the registry client: one variant per failure a user can act on.

use crate::digest::Digest;

#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    #[error("{what} not found in {repo}{}", oci_suffix(code, message))]
    NotFound {
        what: String,
        repo: String,
        code: Option<String>,
        message: Option<String>,
    },
    #[error(
        "{host}: authentication required or credentials rejected for {action}{}",
        oci_suffix(code, message)
    )]
    Unauthorized {
        host: String,
        action: String,
        code: Option<String>,
        message: Option<String>,
    },
    #[error("{host}: access denied for {action}{}", oci_suffix(code, message))]
    Denied {
        host: String,
        action: String,
        code: Option<String>,
        message: Option<String>,
    },
    #[error(
        "{host}: {action} failed with HTTP {status}{}",
        oci_suffix(code, message)
    )]
    Status {
        host: String,
        action: String,
        status: u16,
        code: Option<String>,
        message: Option<String>,
    },
    #[error("{host}: {action}: {detail}")]
    Network {
        host: String,
        action: String,
        detail: String,
    },
    #[error("{host}: {action}: {detail}")]
    Protocol {
        host: String,
        action: String,
        detail: String,
    },
    #[error("content of {what} does not match its digest: expected {expected}, got {actual}")]
    DigestMismatch {
        what: String,
        expected: Digest,
        actual: Digest,
    },
    #[error("{what}: size mismatch: expected {expected} bytes, got {actual}")]
    SizeMismatch {
        what: String,
        expected: u64,
        actual: u64,
    },
    #[error("manifest {what} is larger than the {limit} byte limit")]
    ManifestTooLarge { what: String, limit: u64 },
    #[error("{context}: {error}")]
    // The OS error is part of the message and deliberately not a `source`, so that a printed
    // error chain does not repeat it.
    Io {
        context: String,
        error: std::io::Error,
    },
    #[error("{host}: {action}: the upload session was lost ({detail})")]
    UploadSessionLost {
        host: String,
        action: String,
        detail: String,
    },
    #[error("{0}")]
    Config(String),
    #[error("{0}")]
    Credentials(String),
}

fn oci_suffix(code: &Option<String>, message: &Option<String>) -> String {
    match (code, message) {
        (Some(c), Some(m)) if !m.is_empty() => format!(" ({c}: {m})"),
        (Some(c), _) => format!(" ({c})"),
        (None, Some(m)) if !m.is_empty() => format!(" ({m})"),
        _ => String::new(),
    }
}

/// First entry of an OCI error body `{"errors":[{"code","message"}]}`.
pub(crate) fn parse_oci_error(body: &[u8]) -> (Option<String>, Option<String>) {
    #[derive(serde::Deserialize)]
    struct Body {
        errors: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        code: Option<String>,
        message: Option<String>,
    }
    match serde_json::from_slice::<Body>(body) {
        Ok(b) => match b.errors.into_iter().next() {
            Some(e) => (e.code, e.message),
            None => (None, None),
        },
        Err(_) => (None, None),
    }
}

impl RegistryError {
    pub fn io(context: impl Into<String>, source: std::io::Error) -> RegistryError {
        RegistryError::Io {
            context: context.into(),
            error: source,
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, RegistryError::NotFound { .. })
    }
}

pub type Result<T, E = RegistryError> = std::result::Result<T, E>;
