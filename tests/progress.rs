//! Progress display and quiet mode.
//!
//! * Without a terminal (the normal test harness) nothing but the per-blob lines on stdout:
//!   no escape code anywhere, whatever `NO_COLOR` and `CI` say.
//! * `--quiet`: the bare digest for commands that make one, nothing at all for pull.
//! * In a real terminal (a detached `tmux` session, its pane captured while the command runs)
//!   a push shows a bar for the file and a total, and leaves only the report when done. The
//!   upload goes through the fault proxy with every chunk delayed, so the bars stay up for a
//!   few seconds even on a fast machine; the screen is polled, so a slow one is fine too.
//!
//! `ARTIFACT_REGENERATE=1 cargo test --test progress` also saves a captured screen to
//! `docs/progress-example.txt`.

mod common;

use std::path::Path;
use std::time::Duration;

use common::fault_proxy::{Action, FaultProxy, Rule};
use common::tmux::{write_script, Tmux};
use common::*;

fn assert_no_escape_codes(what: &str, bytes: &[u8]) {
    assert!(
        !bytes.contains(&0x1b),
        "{what} contains an escape code:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

/// Lines of stdout that report one blob: `<Verb> <label> (<digest>, <size>)`.
fn blob_lines<'a>(stdout: &'a str, verb: &str) -> Vec<&'a str> {
    stdout
        .lines()
        .filter(|l| l.starts_with(verb) && l.ends_with(')') && l.contains("(sha256:"))
        .collect()
}

#[test]
fn without_a_terminal_output_is_plain_lines() {
    let reg = Registry::start();
    let dir = workdir();
    // Large enough to be hashed while it uploads, and a small one hashed first.
    let big = pseudo_random(5 << 20, 1);
    write_file(dir.path(), "big.bin", &big);
    write_file(dir.path(), "small.txt", b"small\n");
    // Bars are decided by the terminal, not by NO_COLOR or CI: take both away.
    let out = run_ok(
        artifact()
            .env_remove("NO_COLOR")
            .env_remove("CI")
            .current_dir(dir.path())
            .args(["push", "--plain-http", &reg.reference("plain/files:v1")])
            .args(["big.bin", "small.txt", "--chunk-size", "1MiB"]),
    );
    assert_no_escape_codes("push stderr", &out.stderr);
    assert_no_escape_codes("push stdout", &out.stdout);
    assert!(out.stderr.is_empty(), "push wrote on stderr");
    let stdout = stdout_of(&out);
    let uploaded = blob_lines(&stdout, "Uploaded ");
    assert_eq!(uploaded.len(), 3, "big.bin, small.txt, config:\n{stdout}");
    let big_digest = format!("sha256:{}", sha256_hex(&big));
    assert!(
        uploaded.contains(&format!("Uploaded big.bin ({big_digest}, 5.0 MiB)").as_str()),
        "{stdout}"
    );
    let digest = printed_digest(&stdout);

    let dest = workdir();
    let out = run_ok(
        artifact()
            .env_remove("NO_COLOR")
            .env_remove("CI")
            .args([
                "pull",
                "--plain-http",
                &reg.reference("plain/files:v1"),
                "-o",
            ])
            .arg(dest.path()),
    );
    assert_no_escape_codes("pull stderr", &out.stderr);
    assert_no_escape_codes("pull stdout", &out.stdout);
    assert!(out.stderr.is_empty(), "pull wrote on stderr");
    let stdout = stdout_of(&out);
    assert_eq!(blob_lines(&stdout, "Downloaded ").len(), 2, "{stdout}");
    assert!(
        stdout.contains(&format!("Downloaded big.bin ({big_digest}, 5.0 MiB)")),
        "{stdout}"
    );
    assert_eq!(printed_digest(&stdout), digest);
    assert!(read_file(&dest.path().join("big.bin")) == big);

    // Copy into an image layout: the same plain lines.
    let layout = workdir();
    let out = run_ok(
        artifact()
            .env_remove("NO_COLOR")
            .env_remove("CI")
            .args(["copy", "--plain-http", "--to-oci-layout"])
            .arg(reg.reference("plain/files:v1"))
            .arg(format!("{}:v1", layout.path().display())),
    );
    assert_no_escape_codes("copy stderr", &out.stderr);
    assert_no_escape_codes("copy stdout", &out.stdout);
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains(&format!(
            "Copied   application/vnd.oci.image.layer.v1.tar {big_digest} (5.0 MiB)"
        )),
        "{stdout}"
    );
    assert_eq!(printed_digest(&stdout), digest);
}

#[test]
fn quiet_prints_the_digest_or_nothing() {
    let reg = Registry::start();
    let dir = workdir();
    let big = pseudo_random(5 << 20, 2);
    write_file(dir.path(), "big.bin", &big);
    write_file(dir.path(), "notes.txt", b"notes\n");

    let out = run_ok(
        artifact()
            .current_dir(dir.path())
            .args([
                "push",
                "-q",
                "--plain-http",
                &reg.reference("quiet/files:v1"),
            ])
            .args(["big.bin", "notes.txt"]),
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = stdout_of(&out);
    assert_eq!(stdout.lines().count(), 1, "exactly one line: {stdout:?}");
    let digest = stdout.trim_end_matches('\n');
    assert!(is_sha256_digest(digest), "{stdout:?}");
    assert_eq!(
        get_manifest(&reg.addr(), "quiet/files", "v1").digest,
        digest
    );

    // Pull: nothing on either stream, and the files are there.
    let dest = workdir();
    let out = run_ok(
        artifact()
            .args(["--quiet", "pull", "--plain-http"])
            .arg(reg.reference("quiet/files:v1"))
            .arg("-o")
            .arg(dest.path()),
    );
    assert!(out.stdout.is_empty(), "{}", stdout_of(&out));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(read_file(&dest.path().join("big.bin")) == big);
    assert_eq!(read_file(&dest.path().join("notes.txt")), b"notes\n");

    // Tag, attach and manifest push: the digest alone.
    let out = run_ok(artifact().args([
        "tag",
        "-q",
        "--plain-http",
        &reg.reference("quiet/files:v1"),
        "v2",
    ]));
    assert_eq!(stdout_of(&out), format!("{digest}\n"));
    assert!(out.stderr.is_empty());

    let out = run_ok(
        artifact()
            .current_dir(dir.path())
            .args([
                "attach",
                "-q",
                "--plain-http",
                &reg.reference("quiet/files:v1"),
            ])
            .args([
                "notes.txt",
                "--artifact-type",
                "application/vnd.example.note",
            ]),
    );
    let attached = stdout_of(&out);
    assert_eq!(attached.lines().count(), 1, "{attached:?}");
    let attached = attached.trim_end();
    assert!(
        is_sha256_digest(attached) && attached != digest,
        "{attached}"
    );
    assert_eq!(
        get_manifest(&reg.addr(), "quiet/files", attached).digest,
        attached
    );

    let raw = get_manifest(&reg.addr(), "quiet/files", "v1").raw;
    let manifest = write_file(dir.path(), "manifest.json", &raw);
    let out = run_ok(
        artifact()
            .args(["manifest", "push", "-q", "--plain-http"])
            .arg(reg.reference("quiet/files:v3"))
            .arg(&manifest),
    );
    assert_eq!(stdout_of(&out), format!("{digest}\n"));

    // Errors still show, as the usual single line.
    run_err(
        artifact().args([
            "pull",
            "-q",
            "--plain-http",
            &reg.reference("quiet/none:v1"),
        ]),
        1,
        "quiet/none",
    );
}

// ---------------------------------------------------------------------------------------
// A real terminal
// ---------------------------------------------------------------------------------------

/// The line of a bar labelled `label`: it starts with the label and shows a byte count and a
/// percentage.
fn bar_line<'a>(screen: &'a str, label: &str) -> Option<&'a str> {
    screen.lines().find(|l| {
        let plain = strip_escapes(l);
        plain.starts_with(label) && plain.contains("MiB") && plain.contains('%')
    })
}

/// `s` without CSI escape sequences.
fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Does this SGR-laden text set a colour (30–37, 38, 90–97 foreground; 40–48, 100–107
/// background)?
fn sets_colour(s: &str) -> bool {
    s.split("\x1b[").skip(1).any(|seq| {
        let params = seq.split('m').next().unwrap_or("");
        params.split(';').any(|p| {
            matches!(
                p.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        })
    })
}

/// The percentage a bar line shows.
fn percent(line: &str) -> Option<u32> {
    strip_escapes(line)
        .split_whitespace()
        .find_map(|w| w.strip_suffix('%')?.parse().ok())
}

/// Pushes a 40 MiB `model.bin` through a proxy that delays every chunk, in tmux; returns the
/// first screen with the bars up and at least `min_percent` done, and the screen at the end.
fn push_in_terminal(no_color: bool, min_percent: u32) -> (String, String) {
    let reg = Registry::start();
    let proxy = FaultProxy::start(&reg.addr());
    let delay = Action::Delay(Duration::from_millis(600));
    proxy.rule(Rule::new("PATCH", "/blobs/uploads/", delay.clone()));
    proxy.rule(Rule::new("PUT", "/blobs/uploads/", delay));
    let dir = workdir();
    write_file(dir.path(), "model.bin", &pseudo_random(40 << 20, 3));
    let reference = proxy.reference("demo/model:v1");
    let args = format!("push --plain-http {reference} model.bin --chunk-size 8MiB");
    let script = write_script(
        dir.path(),
        "run.sh",
        &format!(
            "#!/bin/sh\n\
             cd '{dir}' || exit 99\n\
             {color}\
             echo '$ artifact {args}'\n\
             '{bin}' {args}\n\
             echo \"__EXIT__ $?\"\n\
             sleep 120\n",
            dir = dir.path().display(),
            color = if no_color { "export NO_COLOR=1\n" } else { "" },
            bin = env!("CARGO_BIN_EXE_artifact"),
        ),
    );
    let tmux = Tmux::start(&script);

    let during = tmux
        .wait_for(Duration::from_secs(10), true, |s| {
            bar_line(s, "model.bin")
                .and_then(percent)
                .is_some_and(|p| p >= min_percent)
                && bar_line(s, "Total").is_some()
        })
        .unwrap_or_else(|| {
            panic!(
                "no progress bar for model.bin within 10 s; screen:\n{}\nproxy:\n{}",
                tmux.capture(false),
                proxy.log()
            )
        });
    let end = tmux
        .wait_for(Duration::from_secs(60), false, |s| s.contains("__EXIT__"))
        .unwrap_or_else(|| panic!("push did not finish within 60 s:\n{}", tmux.capture(false)));
    assert!(end.contains("__EXIT__ 0"), "push failed:\n{end}");
    let digest = get_manifest(&reg.addr(), "demo/model", "v1").digest;
    assert!(end.contains(&format!("Digest: {digest}")), "{end}");
    (during, end)
}

#[test]
fn a_terminal_shows_bars_while_pushing() {
    // For the documentation, a screen from the middle of the upload.
    let regenerate = std::env::var("ARTIFACT_REGENERATE").is_ok_and(|v| v == "1");
    // At 10% a bar ~50 columns wide has several `=`; below, it may be its `>` head alone.
    let (during, end) = push_in_terminal(false, if regenerate { 40 } else { 10 });
    let plain = strip_escapes(&during);
    let bar = bar_line(&plain, "model.bin").unwrap();
    assert!(bar.contains("/40.00 MiB"), "bytes done/total: {bar}");
    assert!(
        bar.contains("MiB/s") || bar.contains("KiB/s"),
        "speed: {bar}"
    );
    assert!(bar.contains("ETA"), "{bar}");
    assert!(bar.contains('='), "bar glyphs: {bar}");
    assert!(sets_colour(&during), "bars are coloured:\n{during:?}");

    // At the end the bars are gone: only the report is left.
    assert!(bar_line(&end, "model.bin").is_none(), "{end}");
    assert!(bar_line(&end, "Total").is_none(), "{end}");
    assert!(
        end.lines()
            .any(|l| l.starts_with("Uploaded model.bin (sha256:")),
        "{end}"
    );

    if regenerate {
        let example = example_screen(&plain);
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/progress-example.txt");
        std::fs::write(&path, example).expect("write docs/progress-example.txt");
    }
}

#[test]
fn no_color_keeps_the_bars_without_colour() {
    let (during, _) = push_in_terminal(true, 0);
    assert!(bar_line(&during, "model.bin").is_some(), "{during}");
    assert!(!sets_colour(&during), "NO_COLOR: no colour:\n{during:?}");
}

/// The captured screen without trailing blanks.
fn example_screen(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let last = lines.iter().rposition(|l| !l.is_empty()).unwrap_or(0);
    let mut out = lines[..=last].join("\n");
    out.push('\n');
    out
}
