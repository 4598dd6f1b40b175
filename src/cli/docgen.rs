//! Files generated from the clap definition, which stays the single source of truth:
//! shell completion scripts under `completions/` and the command reference (one markdown
//! page per command and subcommand) under `docs/reference/`.
//!
//! `tests/generated.rs` fails when the committed files differ from [`files`]; [`REGENERATE`]
//! rewrites them. (There is deliberately no hidden subcommand for this: clap_complete would
//! offer it in every completion script.)

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgAction, Command, CommandFactory};
use clap_complete::Shell;

/// The one command that rewrites every generated file.
pub const REGENERATE: &str = "ARTIFACT_REGENERATE=1 cargo test --test generated";

/// Directory (relative to the repository root) of the completion scripts.
pub const COMPLETIONS_DIR: &str = "completions";
/// Directory (relative to the repository root) of the generated command reference.
pub const REFERENCE_DIR: &str = "docs/reference";

/// Every shell `artifact completion` supports, in the order they are documented.
pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::PowerShell,
    Shell::Elvish,
];

/// The clap definition, built (global options propagated, help subcommand added).
fn built_command() -> Command {
    let mut cmd = super::Cli::command();
    cmd.build();
    cmd
}

/// Every generated file: path relative to the repository root → contents.
pub fn files() -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for shell in SHELLS {
        let name = clap_complete::Generator::file_name(&shell, "artifact");
        out.insert(
            Path::new(COMPLETIONS_DIR).join(name),
            super::completion::script(shell),
        );
    }
    let root = built_command();
    let mut pages = Vec::new();
    collect_pages(&root, &[], &mut pages);
    for (name, text) in pages {
        out.insert(Path::new(REFERENCE_DIR).join(name), text.into_bytes());
    }
    out
}

/// Writes every generated file below `root` and removes files in the generated
/// directories that are no longer generated. Returns the paths that changed.
pub fn write(root: &Path) -> std::io::Result<Vec<PathBuf>> {
    let wanted = files();
    let mut changed = Vec::new();
    for (rel, bytes) in &wanted {
        let path = root.join(rel);
        if std::fs::read(&path).ok().as_deref() == Some(bytes.as_slice()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
        changed.push(rel.clone());
    }
    for rel in stale(root, &wanted)? {
        std::fs::remove_file(root.join(&rel))?;
        changed.push(rel);
    }
    Ok(changed)
}

/// What differs between the files below `root` and what the clap definition generates,
/// one line per file; empty when everything is up to date.
pub fn check(root: &Path) -> std::io::Result<Vec<String>> {
    let wanted = files();
    let mut problems = Vec::new();
    for (rel, bytes) in &wanted {
        match std::fs::read(root.join(rel)) {
            Ok(have) if have == *bytes => {}
            Ok(have) => problems.push(format!(
                "{} differs from what the CLI definition generates{}",
                rel.display(),
                first_difference(&have, bytes)
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                problems.push(format!("{} is missing", rel.display()))
            }
            Err(e) => return Err(e),
        }
    }
    for rel in stale(root, &wanted)? {
        problems.push(format!(
            "{} is no longer generated (a command was removed or renamed?)",
            rel.display()
        ));
    }
    Ok(problems)
}

/// ` (line N: have "...", want "...")` for the first line that differs.
fn first_difference(have: &[u8], want: &[u8]) -> String {
    let have = String::from_utf8_lossy(have);
    let want = String::from_utf8_lossy(want);
    let mut h = have.lines();
    let mut w = want.lines();
    let mut n = 0;
    loop {
        n += 1;
        match (h.next(), w.next()) {
            (None, None) => return String::new(),
            (a, b) if a == b => continue,
            (a, b) => {
                return format!(
                    " (line {n}: committed {:?}, generated {:?})",
                    a.unwrap_or("<end of file>"),
                    b.unwrap_or("<end of file>")
                )
            }
        }
    }
}

/// Files in the generated directories that `wanted` does not contain.
fn stale(root: &Path, wanted: &BTreeMap<PathBuf, Vec<u8>>) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for dir in [COMPLETIONS_DIR, REFERENCE_DIR] {
        let entries = match std::fs::read_dir(root.join(dir)) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            if !entry.file_type()?.is_file() {
                continue;
            }
            let rel = Path::new(dir).join(entry.file_name());
            if !wanted.contains_key(&rel) {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Markdown reference
// ---------------------------------------------------------------------------------------

/// The visible subcommands of `cmd` (not hidden ones, not clap's `help`).
fn visible_subcommands(cmd: &Command) -> impl Iterator<Item = &Command> {
    cmd.get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
}

/// `artifact-manifest-fetch.md` for `["manifest", "fetch"]`; `artifact.md` for the root.
fn page_name(path: &[&str]) -> String {
    let mut s = String::from("artifact");
    for p in path {
        s.push('-');
        s.push_str(p);
    }
    s.push_str(".md");
    s
}

fn collect_pages(cmd: &Command, path: &[&str], out: &mut Vec<(String, String)>) {
    out.push((page_name(path), page(cmd, path)));
    for sub in visible_subcommands(cmd) {
        let mut p = path.to_vec();
        p.push(sub.get_name());
        collect_pages(sub, &p, out);
    }
}

/// Is this one of clap's own `--help` / `--version` flags?
fn is_builtin(arg: &Arg) -> bool {
    matches!(arg.get_id().as_str(), "help" | "version")
}

fn page(cmd: &Command, path: &[&str]) -> String {
    let mut s = String::new();
    let title = std::iter::once("artifact")
        .chain(path.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    let _ = writeln!(
        s,
        "<!-- Generated from the CLI definition; do not edit. Regenerate with: {REGENERATE} -->\n"
    );
    let _ = writeln!(s, "# {title}\n");
    if let Some(about) = cmd.get_long_about().or(cmd.get_about()) {
        let _ = writeln!(s, "{}\n", md_text(&about.to_string()));
    }

    let aliases: Vec<String> = cmd
        .get_visible_aliases()
        .map(|a| {
            let mut p: Vec<&str> = path.to_vec();
            p.pop();
            p.push(a);
            format!("`artifact {}`", p.join(" "))
        })
        .collect();
    if !aliases.is_empty() {
        let label = if aliases.len() == 1 {
            "Alias"
        } else {
            "Aliases"
        };
        let _ = writeln!(s, "{label}: {}.\n", aliases.join(", "));
    }

    let usage = cmd.clone().render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
    let _ = writeln!(s, "## Usage\n\n```text\n{}\n```\n", usage.trim_end());

    let args: Vec<&Arg> = cmd
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !is_builtin(a))
        .collect();
    let positionals: Vec<&Arg> = args.iter().copied().filter(|a| a.is_positional()).collect();
    let own: Vec<&Arg> = args
        .iter()
        .copied()
        .filter(|a| !a.is_positional() && (path.is_empty() || !a.is_global_set()))
        .collect();
    let global: Vec<&Arg> = args
        .iter()
        .copied()
        .filter(|a| !a.is_positional() && a.is_global_set())
        .collect();

    if !positionals.is_empty() {
        let _ = writeln!(s, "## Arguments\n");
        for a in &positionals {
            s.push_str(&arg_item(a));
        }
        s.push('\n');
    }
    if path.is_empty() {
        let _ = writeln!(
            s,
            "## Global options\n\nThese options are accepted by every command, before or after \
             the command name.\n"
        );
        for a in &own {
            s.push_str(&arg_item(a));
        }
        let _ = writeln!(
            s,
            "- `-h`, `--help`: Print help (also `artifact help <command>`)\n\
             - `-V`, `--version`: Print the version\n"
        );
    } else {
        if !own.is_empty() {
            let _ = writeln!(s, "## Options\n");
            for a in &own {
                s.push_str(&arg_item(a));
            }
            s.push('\n');
        }
        if !global.is_empty() {
            let names: Vec<String> = global
                .iter()
                .filter_map(|a| a.get_long().map(|l| format!("`--{l}`")))
                .collect();
            let _ = writeln!(
                s,
                "## Global options\n\n{}, `-h`/`--help`: see [artifact](artifact.md#global-options).\n",
                names.join(", ")
            );
        }
    }

    let subs: Vec<&Command> = visible_subcommands(cmd).collect();
    if !subs.is_empty() {
        let _ = writeln!(s, "## Commands\n");
        let _ = writeln!(s, "| Command | Description |\n| --- | --- |");
        for sub in subs {
            let mut p = path.to_vec();
            p.push(sub.get_name());
            let about = sub
                .get_about()
                .map(|a| md_text(&a.to_string()).replace('|', "\\|"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "| [`artifact {}`]({}) | {} |",
                p.join(" "),
                page_name(&p),
                about
            );
        }
        s.push('\n');
    }

    if let Some(after) = cmd.get_after_long_help().or(cmd.get_after_help()) {
        s.push_str(&after_help_markdown(&after.to_string()));
    }

    if !path.is_empty() {
        let parent = &path[..path.len() - 1];
        let parent_title = std::iter::once("artifact")
            .chain(parent.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            s,
            "## See also\n\n- [{parent_title}]({})",
            page_name(parent)
        );
        if !parent.is_empty() {
            let _ = writeln!(s, "- [artifact](artifact.md)");
        }
        s.push('\n');
    }
    // Exactly one trailing newline.
    let trimmed = s.trim_end().len();
    s.truncate(trimmed);
    s.push('\n');
    s
}

/// A column-0 line such as `Examples:` or `Output:` that starts a section of after_help.
fn section_header(line: &str) -> Option<&str> {
    let name = line.strip_suffix(':')?;
    let ok = !name.is_empty()
        && name.len() <= 40
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ');
    ok.then_some(name)
}

/// Render a command's after_help: `Examples:` sections become `sh` code blocks, other
/// `Header:` sections `text` blocks (their layout is kept), and unindented prose becomes
/// markdown paragraphs.
fn after_help_markdown(text: &str) -> String {
    enum Block {
        Prose(Vec<String>),
        Section(String, Vec<String>),
    }
    let mut blocks: Vec<Block> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(name) = section_header(line) {
            blocks.push(Block::Section(name.to_string(), Vec::new()));
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        match blocks.last_mut() {
            Some(Block::Section(_, body)) if indented || line.is_empty() => {
                body.push(line.to_string())
            }
            Some(Block::Prose(body)) => body.push(line.to_string()),
            _ => blocks.push(Block::Prose(vec![line.to_string()])),
        }
    }
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Prose(lines) => {
                let text = lines.join("\n");
                for para in text.split("\n\n") {
                    let para = para.trim();
                    if !para.is_empty() {
                        let _ = writeln!(out, "{}\n", md_text(para));
                    }
                }
            }
            Block::Section(name, lines) => {
                let body = dedent(lines.join("\n").trim_matches('\n'));
                let lang = if name == "Examples" { "sh" } else { "text" };
                let _ = writeln!(out, "## {name}\n\n```{lang}\n{body}\n```\n");
            }
        }
    }
    out
}

/// One list item for an argument: spelling, help, default, possible values, environment.
fn arg_item(a: &Arg) -> String {
    let mut s = format!("- {}", arg_spelling(a));
    let help = a
        .get_long_help()
        .or(a.get_help())
        .map(|h| md_text(h.to_string().trim()))
        .unwrap_or_default();
    let mut notes: Vec<&str> = Vec::new();
    if a.is_required_set() {
        notes.push("required");
    }
    if !a.is_positional()
        && matches!(a.get_action(), ArgAction::Append | ArgAction::Count)
        && !help.contains("repeatable")
    {
        notes.push("repeatable");
    }
    if !notes.is_empty() {
        let _ = write!(s, " ({})", notes.join(", "));
    }

    let takes_value = a.get_action().takes_values();
    let mut extra: Vec<String> = Vec::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| format!("`{}`", v.to_string_lossy()))
        .collect();
    if takes_value && !defaults.is_empty() {
        extra.push(format!("Default: {}.", defaults.join(", ")));
    }
    let possible: Vec<clap::builder::PossibleValue> = if takes_value {
        a.get_possible_values()
            .into_iter()
            .filter(|p| !p.is_hide_set())
            .collect()
    } else {
        Vec::new()
    };
    let described = possible.iter().any(|p| p.get_help().is_some());
    if !possible.is_empty() && !described {
        let names: Vec<String> = possible
            .iter()
            .map(|p| format!("`{}`", p.get_name()))
            .collect();
        extra.push(format!("Possible values: {}.", names.join(", ")));
    }
    if let Some(env) = a.get_env() {
        extra.push(format!(
            "Environment variable: `{}`.",
            env.to_string_lossy()
        ));
    }

    let mut text = help;
    if !text.is_empty() && !extra.is_empty() && !text.ends_with(['.', '!', '?', ':']) {
        text.push('.');
    }
    let text = std::iter::once(text)
        .chain(extra)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !text.is_empty() {
        let _ = write!(s, ": {}", indent_rest(&text));
    }
    if described {
        s.push_str("\n\n  Possible values:\n");
        for p in &possible {
            let _ = write!(s, "\n  - `{}`", p.get_name());
            if let Some(h) = p.get_help() {
                let _ = write!(s, ": {}", md_text(&h.to_string()));
            }
        }
        s.push('\n');
    }
    s.push('\n');
    s
}

/// `` `-u`, `--username <USERNAME>` `` or `` `<REFERENCE>` `` / `` `[FILE]...` ``.
fn arg_spelling(a: &Arg) -> String {
    let value_names: Vec<String> = match a.get_value_names() {
        Some(v) => v.iter().map(|n| n.to_string()).collect(),
        None => vec![a.get_id().as_str().to_string()],
    };
    let multiple = matches!(a.get_action(), ArgAction::Append)
        || a.get_num_args().is_some_and(|n| n.max_values() > 1);
    if a.is_positional() {
        let v = value_names.join(" ");
        let mut s = if a.is_required_set() {
            format!("<{v}>")
        } else {
            format!("[{v}]")
        };
        if multiple {
            s.push_str("...");
        }
        return format!("`{s}`");
    }
    let value = if a.get_action().takes_values() {
        format!(
            " {}",
            value_names
                .iter()
                .map(|n| format!("<{n}>"))
                .collect::<Vec<_>>()
                .join(" ")
        )
    } else {
        String::new()
    };
    let mut parts = Vec::new();
    if let Some(c) = a.get_short() {
        parts.push(format!("`-{c}`"));
    }
    if let Some(l) = a.get_long() {
        parts.push(format!("`--{l}{value}`"));
    } else if let Some(last) = parts.last_mut() {
        *last = format!("{}{value}`", last.trim_end_matches('`'));
    }
    for alias in a.get_visible_aliases().unwrap_or_default() {
        parts.push(format!("`--{alias}{value}`"));
    }
    parts.join(", ")
}

/// Escape help text for markdown prose: `<`, `*` and `\` outside `code spans`.
fn md_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(part);
            continue;
        }
        for c in part.chars() {
            if matches!(c, '<' | '*' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Indent every line but the first by two spaces (continuation of a list item).
fn indent_rest(s: &str) -> String {
    let mut out = String::new();
    for (i, line) in s.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str("  ");
            }
        }
        out.push_str(line);
    }
    out
}

/// Remove the indentation common to every non-empty line.
fn dedent(s: &str) -> String {
    let n = s
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    s.lines()
        .map(|l| l.get(n..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping_leaves_code_spans_alone() {
        assert_eq!(md_text("a <b> `c <d>` *e*"), "a \\<b> `c <d>` \\*e\\*");
    }

    #[test]
    fn after_help_sections() {
        let md = after_help_markdown(
            "Output:\n  tree   a <tree>\n  json   JSON\n\nUses the API <x>;\notherwise a tag.\n\nExamples:\n  artifact a\n\n  artifact b --c\n",
        );
        assert_eq!(
            md,
            "## Output\n\n```text\ntree   a <tree>\njson   JSON\n```\n\n\
             Uses the API \\<x>;\notherwise a tag.\n\n\
             ## Examples\n\n```sh\nartifact a\n\nartifact b --c\n```\n\n"
        );
    }

    #[test]
    fn dedent_keeps_relative_indentation() {
        assert_eq!(dedent("  a\n    b\n\n  c"), "a\n  b\n\nc");
    }

    #[test]
    fn nested_subcommands_get_their_own_pages() {
        let mut root = Command::new("artifact")
            .arg(Arg::new("debug").long("debug").global(true).num_args(0))
            .subcommand(
                Command::new("manifest")
                    .about("Manifest operations")
                    .subcommand(
                        Command::new("fetch")
                            .about("Fetch a manifest")
                            .arg(Arg::new("reference").required(true).help("The <ref>"))
                            .arg(
                                Arg::new("output")
                                    .short('o')
                                    .long("output")
                                    .value_name("FILE")
                                    .help("Write it here"),
                            ),
                    )
                    .subcommand(Command::new("secret").hide(true)),
            );
        root.build();
        let mut pages = Vec::new();
        collect_pages(&root, &[], &mut pages);
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "artifact.md",
                "artifact-manifest.md",
                "artifact-manifest-fetch.md"
            ]
        );
        let manifest = &pages[1].1;
        assert!(
            manifest.contains(
                "| [`artifact manifest fetch`](artifact-manifest-fetch.md) | Fetch a manifest |"
            ),
            "{manifest}"
        );
        let fetch = &pages[2].1;
        assert!(fetch.contains("# artifact manifest fetch\n"), "{fetch}");
        assert!(
            fetch.contains("```text\nartifact manifest fetch [OPTIONS] <reference>\n```"),
            "{fetch}"
        );
        assert!(
            fetch.contains("- `<reference>` (required): The \\<ref>"),
            "{fetch}"
        );
        assert!(
            fetch.contains("- `-o`, `--output <FILE>`: Write it here"),
            "{fetch}"
        );
        assert!(
            fetch.contains("`--debug`, `-h`/`--help`: see [artifact](artifact.md#global-options)"),
            "{fetch}"
        );
        assert!(
            fetch
                .contains("- [artifact manifest](artifact-manifest.md)\n- [artifact](artifact.md)"),
            "{fetch}"
        );
    }

    #[test]
    fn every_visible_command_has_a_page() {
        let f = files();
        let root = built_command();
        for sub in visible_subcommands(&root) {
            let p = Path::new(REFERENCE_DIR).join(page_name(&[sub.get_name()]));
            assert!(f.contains_key(&p), "no page {}", p.display());
        }
    }
}
