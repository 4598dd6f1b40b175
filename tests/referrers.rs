//! `artifact attach` and `artifact discover`, through the referrers tag schema on a real
//! registry (distribution 2.8 has no referrers API) and through the referrers API on a fake;
//! and `artifact copy -r`, which brings referrers along.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

const SBOM: &str = "application/vnd.example.sbom+json";
const SIG: &str = "application/vnd.example.signature";

fn json_of(output: &std::process::Output) -> Value {
    let stdout = stdout_of(output);
    serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("not JSON: {e}\n{stdout}"))
}

/// Pushes `subject:v1` and attaches an SBOM and a signature; returns (subject, sbom, sig)
/// digests.
fn subject_with_two_referrers(reg: &Registry, repo: &str, dir: &Path) -> (String, String, String) {
    write_file(dir, "app.bin", &pseudo_random(20_000, 9));
    write_file(dir, "sbom.json", br#"{"packages": []}"#);
    write_file(dir, "app.sig", b"signed, really\n");
    let subject = push(reg, dir, &format!("{repo}:v1"), &["app.bin"]);
    let attach = |file: &str, artifact_type: &str| {
        let output = run_ok(
            artifact()
                .current_dir(dir)
                .args([
                    "attach",
                    "--plain-http",
                    &reg.reference(&format!("{repo}:v1")),
                    file,
                ])
                .args([
                    "--artifact-type",
                    artifact_type,
                    "-a",
                    "org.example.who=test",
                ]),
        );
        printed_digest(&stdout_of(&output))
    };
    let sbom = attach("sbom.json:application/spdx+json", SBOM);
    let sig = attach("app.sig", SIG);
    (subject, sbom, sig)
}

fn discover(reg: &Registry, reference: &str, args: &[&str]) -> std::process::Output {
    run_ok(
        artifact()
            .args(["discover", "--plain-http", &reg.reference(reference)])
            .args(args),
    )
}

#[test]
fn attach_then_discover_through_the_referrers_tag() {
    let reg = Registry::start();
    let work = workdir();
    let (subject, sbom, sig) = subject_with_two_referrers(&reg, "ref/app", work.path());

    // Each attached manifest points at the subject, and is pushed by digest only.
    for d in [&sbom, &sig] {
        let m = get_manifest(&reg.addr(), "ref/app", d);
        assert_eq!(m.json["subject"]["digest"], subject.as_str());
        assert_eq!(m.json["subject"]["mediaType"], OCI_MANIFEST);
        assert_eq!(m.json["annotations"]["org.example.who"], "test");
    }
    assert_eq!(
        get_manifest(&reg.addr(), "ref/app", &sbom).json["artifactType"],
        SBOM
    );
    assert_eq!(
        get_manifest(&reg.addr(), "ref/app", &sbom).layers()[0]["mediaType"],
        "application/spdx+json"
    );
    // distribution 2.8 sends no OCI-Subject, so the referrers tag lists both.
    let tag = format!("sha256-{}", &subject["sha256:".len()..]);
    let mut all_tags = tags(&reg.addr(), "ref/app");
    all_tags.sort();
    assert_eq!(all_tags, vec![tag.clone(), "v1".to_string()]);
    let index = get_manifest(&reg.addr(), "ref/app", &tag);
    assert_eq!(
        index.json["mediaType"],
        "application/vnd.oci.image.index.v1+json"
    );
    let listed: Vec<(&str, &str)> = index.json["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["digest"].as_str().unwrap(),
                m["artifactType"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed, vec![(sbom.as_str(), SBOM), (sig.as_str(), SIG)]);
    assert_eq!(
        index.json["manifests"][0]["annotations"]["org.example.who"],
        "test"
    );

    // Tree output: the subject, then each type with its digest.
    let text = stdout_of(&discover(&reg, "ref/app:v1", &[]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].ends_with(&format!("ref/app@{subject}")), "{text}");
    for needle in [
        format!("├── {SBOM}"),
        format!("│   └── {sbom}"),
        format!("└── {SIG}"),
        format!("    └── {sig}"),
    ] {
        assert!(
            lines.contains(&needle.as_str()),
            "missing {needle:?} in:\n{text}"
        );
    }

    // JSON lists both; --artifact-type keeps one.
    let v = json_of(&discover(&reg, "ref/app:v1", &["--format", "json"]));
    let manifests = v["manifests"].as_array().expect("manifests array");
    assert_eq!(manifests.len(), 2, "{v}");
    assert_eq!(manifests[0]["digest"], sbom.as_str());
    assert_eq!(manifests[0]["artifactType"], SBOM);
    assert_eq!(manifests[1]["mediaType"], OCI_MANIFEST);
    let v = json_of(&discover(
        &reg,
        &format!("ref/app@{subject}"),
        &["--format", "json", "--artifact-type", SIG],
    ));
    let manifests = v["manifests"].as_array().unwrap();
    assert_eq!(manifests.len(), 1, "{v}");
    assert_eq!(manifests[0]["digest"], sig.as_str());

    // Attaching the same thing again does not list it twice.
    run_ok(
        artifact()
            .current_dir(work.path())
            .args([
                "attach",
                "--plain-http",
                &reg.reference("ref/app:v1"),
                "app.sig",
            ])
            .args(["--artifact-type", SIG, "-a", "org.example.who=test"]),
    );
    let v = json_of(&discover(&reg, "ref/app:v1", &["--format", "json"]));
    assert_eq!(v["manifests"].as_array().unwrap().len(), 2, "{v}");
}

#[test]
fn discover_without_referrers() {
    let reg = Registry::start();
    let work = workdir();
    write_file(work.path(), "a.txt", b"a\n");
    let subject = push(&reg, work.path(), "ref/lonely:v1", &["a.txt"]);
    let text = stdout_of(&discover(&reg, "ref/lonely:v1", &[]));
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.trim().ends_with(&subject), "{text}");
    let v = json_of(&discover(&reg, "ref/lonely:v1", &["--format", "json"]));
    assert_eq!(v, serde_json::json!({"manifests": []}));
}

#[test]
fn attach_and_discover_errors() {
    let reg = Registry::start();
    let work = workdir();
    write_file(work.path(), "a.txt", b"a\n");
    run_err(
        artifact()
            .current_dir(work.path())
            .args([
                "attach",
                "--plain-http",
                &reg.reference("ref/none:v1"),
                "a.txt",
            ])
            .args(["--artifact-type", SIG]),
        1,
        "ref/none",
    );
    run_err(
        artifact()
            .current_dir(work.path())
            .args(["attach", "--plain-http", &reg.reference("ref/none:v1")])
            .args(["--artifact-type", SIG]),
        2,
        "nothing to attach",
    );
    run_err(
        artifact().args(["discover", "--plain-http", &reg.reference("Bad/Name:v1")]),
        2,
        "Bad/Name",
    );
    run_err(
        artifact().args(["discover", "--plain-http", &reg.reference("ref/none:v1")]),
        1,
        "ref/none",
    );
    let output = artifact()
        .current_dir(work.path())
        .args([
            "attach",
            "--plain-http",
            &reg.reference("ref/none:v1"),
            "a.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "--artifact-type is required");
}

#[test]
fn copy_recursive_brings_the_referrers() {
    let a = Registry::start();
    let b = Registry::start();
    let work = workdir();
    let (subject, sbom, sig) = subject_with_two_referrers(&a, "src/app", work.path());

    // Without -r only the subject travels.
    run_ok(
        artifact()
            .args(["copy", "--plain-http"])
            .arg(a.reference("src/app:v1"))
            .arg(b.reference("plain/app:v1")),
    );
    let v = json_of(&discover(&b, "plain/app:v1", &["--format", "json"]));
    assert_eq!(v["manifests"].as_array().unwrap().len(), 0, "{v}");

    // With -r, to another registry and to a layout.
    let output = run_ok(
        artifact()
            .args(["copy", "--plain-http", "-r", "--format", "json"])
            .arg(a.reference("src/app:v1"))
            .arg(b.reference("dst/app:v1")),
    );
    assert_eq!(json_of(&output)["referrers"], 2);
    assert_eq!(get_manifest(&b.addr(), "dst/app", "v1").digest, subject);
    for d in [&sbom, &sig] {
        assert_eq!(get_manifest(&b.addr(), "dst/app", d).digest, *d);
    }
    let v = json_of(&discover(&b, "dst/app:v1", &["--format", "json"]));
    let mut found: Vec<&str> = v["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["artifactType"].as_str().unwrap())
        .collect();
    found.sort();
    assert_eq!(found, vec![SBOM, SIG]);

    let layout = work.path().join("with-refs");
    run_ok(
        artifact()
            .args(["copy", "--plain-http", "-r", "--to-oci-layout"])
            .arg(a.reference("src/app:v1"))
            .arg(format!("{}:v1", layout.display())),
    );
    let output = run_ok(
        artifact()
            .args([
                "discover",
                "--oci-layout",
                "--format",
                "json",
                "--artifact-type",
                SBOM,
            ])
            .arg(format!("{}:v1", layout.display())),
    );
    let v = json_of(&output);
    assert_eq!(v["manifests"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["manifests"][0]["digest"], sbom.as_str());
    // skopeo still reads the layout with the extra (untagged) manifests in it.
    require_tool("skopeo");
    let raw = run_ok(
        tool("skopeo")
            .args(["inspect", "--raw"])
            .arg(format!("oci:{}:v1", layout.display())),
    );
    assert_eq!(sha256_hex(&raw.stdout), &subject["sha256:".len()..]);

    // A signature of a signature is followed too.
    write_file(work.path(), "countersig", b"counter\n");
    run_ok(
        artifact()
            .current_dir(work.path())
            .args([
                "attach",
                "--plain-http",
                &a.reference(&format!("src/app@{sig}")),
                "countersig",
            ])
            .args([
                "--artifact-type",
                "application/vnd.example.countersignature",
            ]),
    );
    run_ok(
        artifact()
            .args(["copy", "--plain-http", "-r"])
            .arg(a.reference("src/app:v1"))
            .arg(b.reference("deep/app:v1")),
    );
    let text = stdout_of(&discover(&b, "deep/app:v1", &[]));
    assert!(
        text.contains("application/vnd.example.countersignature"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------
// The referrers API, against a fake
// ---------------------------------------------------------------------------------------

mod fake_referrers_registry {
    //! This fake exists only because no real registry on this machine serves the OCI 1.1
    //! referrers API (`GET /v2/<name>/referrers/<digest>`): distribution 2.8 predates it.
    //! It answers just enough for `artifact discover` and `artifact attach`:
    //! `GET`/`HEAD /v2/app/manifests/<ref>` for one subject, `GET /v2/app/referrers/<digest>`,
    //! `HEAD /v2/app/blobs/<digest>` (every blob "exists"), and `PUT /v2/app/manifests/<ref>`
    //! (answered with `OCI-Subject`, as a registry with the referrers API does). Everything
    //! else is a 404.

    use std::io::{BufRead, BufReader, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::{Arc, Mutex};

    use super::common::{sha256_hex, OCI_MANIFEST};

    pub struct Fake {
        pub addr: String,
        pub subject: String,
        /// Request lines seen, e.g. `GET /v2/app/referrers/sha256:...?artifactType=x`.
        pub seen: Arc<Mutex<Vec<String>>>,
    }

    pub const REFERRERS: [(&str, &str); 2] = [
        ("application/vnd.example.sbom+json", "1"),
        ("application/vnd.example.signature", "2"),
    ];

    fn digest_of(b: &[u8]) -> String {
        format!("sha256:{}", sha256_hex(b))
    }

    /// Starts the fake on 127.0.0.1:0. With `apply_filters`, `?artifactType=` is applied and
    /// announced with `OCI-Filters-Applied`; without, the full list is always returned.
    pub fn start(apply_filters: bool) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap().to_string();
        let subject_body = br#"{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}"#.to_vec();
        let subject = digest_of(&subject_body);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (s, body) = (subject.clone(), subject_body);
        let log = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (s, body, log) = (s.clone(), body.clone(), log.clone());
                std::thread::spawn(move || serve(stream, &s, &body, apply_filters, &log));
            }
        });
        Fake {
            addr,
            subject,
            seen,
        }
    }

    fn serve(
        mut stream: TcpStream,
        subject: &str,
        subject_body: &[u8],
        apply_filters: bool,
        log: &Mutex<Vec<String>>,
    ) {
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let mut content_length = 0usize;
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    if k.trim().eq_ignore_ascii_case("content-length") {
                        content_length = v.trim().parse().unwrap_or(0);
                    }
                }
            }
            let mut request_body = vec![0u8; content_length];
            if std::io::Read::read_exact(&mut reader, &mut request_body).is_err() {
                return;
            }
            let mut parts = line.split_whitespace();
            let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            log.lock().unwrap().push(format!("{method} {target}"));
            let (path, query) = target.split_once('?').unwrap_or((target, ""));
            let filter = query
                .split('&')
                .find_map(|kv| kv.strip_prefix("artifactType="))
                .map(|v| v.replace("%2F", "/").replace("%2B", "+"));
            let (status, ctype, body, extra): (u16, &str, Vec<u8>, String) = if path == "/v2/" {
                (200, "application/json", b"{}".to_vec(), String::new())
            } else if method == "HEAD" && path.starts_with("/v2/app/blobs/") {
                (200, "application/octet-stream", Vec::new(), String::new())
            } else if method == "PUT" && path.starts_with("/v2/app/manifests/") {
                let mut extra = format!("Docker-Content-Digest: {}\r\n", digest_of(&request_body));
                if String::from_utf8_lossy(&request_body).contains(subject) {
                    extra.push_str(&format!("OCI-Subject: {subject}\r\n"));
                }
                (201, "application/json", Vec::new(), extra)
            } else if path == "/v2/app/manifests/v1"
                || path == format!("/v2/app/manifests/{subject}")
            {
                let extra = format!("Docker-Content-Digest: {subject}\r\n");
                (200, OCI_MANIFEST, subject_body.to_vec(), extra)
            } else if let Some(d) = path.strip_prefix("/v2/app/referrers/") {
                let mut manifests = Vec::new();
                if d == subject {
                    for (t, n) in REFERRERS {
                        if apply_filters && filter.as_deref().is_some_and(|f| f != t) {
                            continue;
                        }
                        manifests.push(serde_json::json!({
                            "mediaType": OCI_MANIFEST,
                            "digest": digest_of(n.as_bytes()),
                            "size": 1,
                            "artifactType": t,
                        }));
                    }
                }
                let index = serde_json::json!({
                    "schemaVersion": 2,
                    "mediaType": "application/vnd.oci.image.index.v1+json",
                    "manifests": manifests,
                });
                let extra = if apply_filters && filter.is_some() {
                    "OCI-Filters-Applied: artifactType\r\n".to_string()
                } else {
                    String::new()
                };
                (
                    200,
                    "application/vnd.oci.image.index.v1+json",
                    serde_json::to_vec(&index).unwrap(),
                    extra,
                )
            } else {
                (
                    404,
                    "application/json",
                    br#"{"errors":[{"code":"NOT_FOUND","message":"fake"}]}"#.to_vec(),
                    String::new(),
                )
            };
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n{extra}\r\n",
                body.len()
            );
            if stream.write_all(head.as_bytes()).is_err() {
                return;
            }
            if method != "HEAD" && stream.write_all(&body).is_err() {
                return;
            }
        }
    }
}

#[test]
fn discover_uses_the_referrers_api_when_there_is_one() {
    for apply_filters in [true, false] {
        let fake = fake_referrers_registry::start(apply_filters);
        let reference = format!("{}/app:v1", fake.addr);

        let output = run_ok(artifact().args(["discover", "--plain-http", &reference]));
        let text = stdout_of(&output);
        assert!(
            text.lines().next().unwrap().ends_with(&fake.subject),
            "{text}"
        );
        for (t, _) in fake_referrers_registry::REFERRERS {
            assert!(text.contains(t), "{t} missing:\n{text}");
        }

        let output = run_ok(artifact().args([
            "discover",
            "--plain-http",
            &reference,
            "--format",
            "json",
            "--artifact-type",
            SIG,
        ]));
        let v = json_of(&output);
        let manifests = v["manifests"].as_array().unwrap();
        assert_eq!(manifests.len(), 1, "filters applied={apply_filters}: {v}");
        assert_eq!(manifests[0]["artifactType"], SIG);

        let seen = fake.seen.lock().unwrap().clone();
        let api = format!("GET /v2/app/referrers/{}", fake.subject);
        assert!(
            seen.iter()
                .any(|r| r.starts_with(&api) && r.contains("artifactType=")),
            "the filter is sent to the API: {seen:#?}"
        );
        let tag = format!("sha256-{}", &fake.subject["sha256:".len()..]);
        assert!(
            !seen.iter().any(|r| r.contains(&tag)),
            "the referrers tag is not read when the API answers: {seen:#?}"
        );
    }
}

#[test]
fn attach_trusts_the_registry_when_it_answers_with_oci_subject() {
    let fake = fake_referrers_registry::start(true);
    let work = workdir();
    write_file(work.path(), "app.sig", b"sig\n");
    let output = run_ok(
        artifact()
            .current_dir(work.path())
            .args([
                "attach",
                "--plain-http",
                &format!("{}/app:v1", fake.addr),
                "app.sig",
            ])
            .args(["--artifact-type", SIG]),
    );
    let text = stdout_of(&output);
    let digest = printed_digest(&text);
    assert!(!text.contains("Referrers tag"), "{text}");
    let seen = fake.seen.lock().unwrap().clone();
    assert!(
        seen.contains(&format!("PUT /v2/app/manifests/{digest}")),
        "pushed by digest: {seen:#?}"
    );
    let tag = format!("sha256-{}", &fake.subject["sha256:".len()..]);
    assert!(
        !seen.iter().any(|r| r.contains(&tag)),
        "no referrers tag when the registry sent OCI-Subject: {seen:#?}"
    );
}
