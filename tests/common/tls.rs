//! TLS for the integration tests: a private CA and server certificates made at test time
//! with the `openssl` CLI, and distribution serving HTTPS with them.
//!
//! * [`Pki`]: a CA (`ca.pem`) in a temp dir, removed on drop; [`Pki::server_cert`] signs a
//!   server certificate for the given subjectAltNames (rustls checks the SAN only).
//! * [`Registry::start_tls`] / [`Registry::start_tls_htpasswd`]: distribution with
//!   `http.tls.certificate` / `http.tls.key`, anonymous or with Basic auth.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use tempfile::TempDir;

use super::auth::htpasswd_config;
use super::registry_dir;
use super::{find_in_path, Registry, MISSING_TOOLS};

/// A private certificate authority.
pub struct Pki {
    dir: TempDir,
    serial: std::cell::Cell<u32>,
}

/// A server certificate (PEM) and its unencrypted private key (PEM).
pub struct ServerCert {
    pub cert: PathBuf,
    pub key: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let bin = find_in_path("openssl")
        .unwrap_or_else(|| panic!("`openssl` is not on PATH: {MISSING_TOOLS}"));
    let out = StdCommand::new(bin)
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run openssl");
    assert!(
        out.status.success(),
        "openssl {args:?} failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Pki {
    /// A fresh CA: a self-signed RSA-2048 certificate with `CA:TRUE`, valid for two days.
    pub fn new() -> Pki {
        let dir = tempfile::Builder::new()
            .prefix("artifact-pki-")
            .tempdir()
            .expect("create PKI temp dir");
        openssl(
            dir.path(),
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.pem",
                "-days",
                "2",
                "-subj",
                "/CN=artifact test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
        Pki {
            dir,
            serial: std::cell::Cell::new(0),
        }
    }

    /// The CA certificate, what `--ca-file` takes.
    pub fn ca_path(&self) -> PathBuf {
        self.dir.path().join("ca.pem")
    }

    /// The CA's private key, a PEM file that holds no certificate.
    pub fn ca_key_path(&self) -> PathBuf {
        self.dir.path().join("ca.key")
    }

    /// A server certificate signed by this CA for `san`, e.g. `IP:127.0.0.1,DNS:localhost`.
    pub fn server_cert(&self, san: &str) -> ServerCert {
        let n = self.serial.get() + 1;
        self.serial.set(n);
        let (key, csr, cert, ext) = (
            format!("server{n}.key"),
            format!("server{n}.csr"),
            format!("server{n}.pem"),
            format!("server{n}.ext"),
        );
        let cn = san
            .split(',')
            .next()
            .and_then(|s| s.split_once(':'))
            .map_or("server", |(_, v)| v);
        let dir = self.dir.path();
        openssl(
            dir,
            &[
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                &key,
                "-out",
                &csr,
                "-subj",
                &format!("/CN={cn}"),
            ],
        );
        fs::write(
            dir.join(&ext),
            format!(
                "basicConstraints=critical,CA:FALSE\n\
                 keyUsage=critical,digitalSignature,keyEncipherment\n\
                 extendedKeyUsage=serverAuth\n\
                 subjectAltName={san}\n"
            ),
        )
        .expect("write extensions file");
        openssl(
            dir,
            &[
                "x509",
                "-req",
                "-in",
                &csr,
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-set_serial",
                &(1000 + n).to_string(),
                "-days",
                "2",
                "-out",
                &cert,
                "-extfile",
                &ext,
            ],
        );
        ServerCert {
            cert: dir.join(cert),
            key: dir.join(key),
        }
    }
}

impl Default for Pki {
    fn default() -> Self {
        Pki::new()
    }
}

fn tls_config(cert: &ServerCert) -> Vec<String> {
    vec![
        "  tls:".to_string(),
        format!("    certificate: {}", cert.cert.display()),
        format!("    key: {}", cert.key.display()),
    ]
}

/// Go's TLS server answers a plain-HTTP request with `400 Client sent an HTTP request to an
/// HTTPS server`: the harness's readiness probe (plain HTTP) sees that once TLS is served.
const TLS_READY: u16 = 400;

impl Registry {
    /// An anonymous registry serving HTTPS on `127.0.0.1:<free port>` with `cert`.
    pub fn start_tls(cert: &ServerCert) -> Registry {
        Registry::start_with_config(registry_dir(), &tls_config(cert), TLS_READY)
    }

    /// [`Registry::start_tls`] that wants Basic credentials (`auth: htpasswd`).
    pub fn start_tls_htpasswd(cert: &ServerCert, user: &str, password: &str) -> Registry {
        let dir = registry_dir();
        let mut extra = tls_config(cert);
        extra.extend(htpasswd_config(dir.path(), user, password));
        Registry::start_with_config(dir, &extra, TLS_READY)
    }
}
