//! The committed completion scripts (`completions/`) and command reference
//! (`docs/reference/`) must be exactly what the current clap definition generates.
//!
//! Regenerate them with `ARTIFACT_REGENERATE=1 cargo test --test generated`.

use std::path::Path;
use std::process::Command;

use artifact::cli::docgen;

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn regenerate_requested() -> bool {
    std::env::var("ARTIFACT_REGENERATE").is_ok_and(|v| v == "1")
}

#[test]
fn committed_completions_and_reference_are_up_to_date() {
    let root = repo_root();
    if regenerate_requested() {
        let changed = docgen::write(root).expect("write generated files");
        for p in &changed {
            eprintln!("regenerated {}", p.display());
        }
        return;
    }
    let problems = docgen::check(root).expect("read generated files");
    assert!(
        problems.is_empty(),
        "generated files are out of date with the CLI definition:\n  {}\n\n\
         Regenerate them with:\n\n    {}\n\nand commit the result.",
        problems.join("\n  "),
        docgen::REGENERATE
    );
}

fn artifact() -> Command {
    Command::new(env!("CARGO_BIN_EXE_artifact"))
}

#[test]
fn completion_command_prints_the_committed_scripts() {
    for (shell, file) in [
        ("bash", "artifact.bash"),
        ("zsh", "_artifact"),
        ("fish", "artifact.fish"),
        ("powershell", "_artifact.ps1"),
        ("elvish", "artifact.elv"),
    ] {
        let out = artifact()
            .args(["completion", shell])
            .output()
            .expect("run artifact completion");
        assert!(
            out.status.success(),
            "artifact completion {shell} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stderr.is_empty(), "completion {shell} wrote to stderr");
        let generated = docgen::files();
        let expected = generated
            .get(&Path::new(docgen::COMPLETIONS_DIR).join(file))
            .unwrap_or_else(|| panic!("no generated completions/{file}"));
        assert_eq!(
            &out.stdout, expected,
            "`artifact completion {shell}` differs from completions/{file}"
        );
        let text = String::from_utf8_lossy(&out.stdout);
        for cmd in [
            "push",
            "pull",
            "tag",
            "inspect",
            "login",
            "logout",
            "completion",
        ] {
            assert!(text.contains(cmd), "{shell} script does not know `{cmd}`");
        }
    }
}

#[test]
fn completion_for_an_unknown_shell_is_a_usage_error() {
    let out = artifact()
        .args(["completion", "tcsh"])
        .output()
        .expect("run artifact completion");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tcsh"));
}

#[test]
fn main_commands_show_examples_in_help() {
    for cmd in [
        "push",
        "pull",
        "tag",
        "inspect",
        "login",
        "logout",
        "completion",
    ] {
        let out = artifact()
            .args([cmd, "--help"])
            .env("COLUMNS", "200")
            .output()
            .expect("run artifact --help");
        assert!(out.status.success(), "artifact {cmd} --help failed");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("Examples:") && help.contains(&format!("artifact {cmd} ")),
            "`artifact {cmd} --help` has no examples:\n{help}"
        );
    }
}

#[test]
fn regeneration_writes_what_the_check_expects_and_removes_stale_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stale = dir
        .path()
        .join(docgen::REFERENCE_DIR)
        .join("artifact-removed.md");
    std::fs::create_dir_all(stale.parent().unwrap()).unwrap();
    std::fs::write(&stale, "old page\n").unwrap();
    let problems = docgen::check(dir.path()).expect("check");
    assert!(
        problems.iter().any(|p| p.contains("artifact-removed.md")),
        "a page for a command that no longer exists is reported: {problems:?}"
    );
    docgen::write(dir.path()).expect("write generated files");
    assert!(!stale.exists(), "the stale page was removed");
    assert_eq!(
        docgen::check(dir.path()).expect("check"),
        Vec::<String>::new()
    );
    assert_eq!(
        docgen::write(dir.path()).expect("write again"),
        Vec::<std::path::PathBuf>::new(),
        "a second run changes nothing"
    );
}
