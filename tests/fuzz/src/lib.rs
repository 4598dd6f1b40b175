//! The properties the fuzz targets check, one function per target. Each takes the raw
//! input and panics when a property fails; none may panic for any other reason.
//!
//! The same file is compiled into the main crate's `tests/fuzz_corpus.rs` (through
//! `#[path]`), which replays the committed corpora as an ordinary test, so it may use only
//! `artifact` and crates the main crate already depends on.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use artifact::archive;
use artifact::auth::challenge;
use artifact::digest::Digest;
use artifact::manifest::{self, ImageIndex, ImageManifest, RawManifest};
use artifact::reference::{self, Reference};

/// A path an absolute tar entry in the corpus aims at; it must never appear.
pub const ABSOLUTE_ESCAPE: &str = "/tmp/artifact-fuzz-escape";

/// `Reference`, `parse_with_tags` and `Digest` parsing: no panic, accepted references
/// print back to themselves, errors are one line.
pub fn reference(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    match s.parse::<Reference>() {
        Ok(r) => {
            assert!(!r.repository.is_empty(), "{s:?}: empty repository");
            let printed = r.to_string();
            let again: Reference = printed.parse().unwrap_or_else(|e| {
                panic!("{s:?} parsed, but its display {printed:?} does not: {e}")
            });
            assert_eq!(again, r, "{s:?} → {printed:?} → {again:?}");
            if let Some(t) = &r.tag {
                assert!(reference::is_valid_tag(t), "{s:?}: tag {t:?} accepted");
            }
            let _ = r.api_host();
            let _ = r.reference();
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "{s:?}: error is not one line: {msg:?}");
        }
    }
    if let Ok((r, tags)) = reference::parse_with_tags(s) {
        assert_eq!(r.tag.as_ref(), tags.first(), "{s:?}");
        for (i, t) in tags.iter().enumerate() {
            assert!(reference::is_valid_tag(t), "{s:?}: tag {t:?} accepted");
            assert!(!tags[..i].contains(t), "{s:?}: tag {t:?} twice");
        }
        assert!(r.digest.is_none() || tags.is_empty(), "{s:?}");
    }
    if let Ok(d) = s.parse::<Digest>() {
        assert_eq!(d.to_string(), s, "a digest prints back as given");
    }
}

/// `WWW-Authenticate` parsing: no panic; schemes and parameter names come out lower-cased.
pub fn www_authenticate(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let one = challenge::parse(s);
    for c in &one {
        assert_eq!(c.scheme, c.scheme.to_ascii_lowercase(), "{s:?}");
        assert!(!c.scheme.is_empty(), "{s:?}: empty scheme");
        for k in c.params.keys() {
            assert_eq!(*k, k.to_ascii_lowercase(), "{s:?}");
        }
        let _ = (c.realm(), c.service(), c.scope(), c.token68());
    }
    // Several header lines: the challenges of each, in order.
    let lines: Vec<&str> = s.split('\n').collect();
    let all = challenge::parse_all(lines.iter().copied());
    let each: Vec<challenge::Challenge> = lines.iter().flat_map(|l| challenge::parse(l)).collect();
    assert_eq!(all, each, "{s:?}");
}

/// Manifest parsing: no panic; a manifest that parses serializes back to itself; layer
/// titles that `is_safe_relative` accepts stay inside the directory they are joined to.
pub fn manifest(data: &[u8]) {
    if let Ok(m) = serde_json::from_slice::<ImageManifest>(data) {
        let bytes = serde_json::to_vec(&m).expect("serialize a parsed manifest");
        let again: ImageManifest = serde_json::from_slice(&bytes).expect("reparse");
        assert_eq!(again, m);
        for d in m.layers.iter().chain([&m.config]).chain(m.subject.as_ref()) {
            if let Some(t) = d.title() {
                check_title(t);
            }
        }
    }
    if let Ok(i) = serde_json::from_slice::<ImageIndex>(data) {
        let bytes = serde_json::to_vec(&i).expect("serialize a parsed index");
        let again: ImageIndex = serde_json::from_slice(&bytes).expect("reparse");
        assert_eq!(again, i);
    }
    for media_type in [
        manifest::OCI_MANIFEST,
        manifest::OCI_INDEX,
        manifest::DOCKER_MANIFEST,
        manifest::DOCKER_MANIFEST_LIST,
        "application/json",
        "",
    ] {
        let raw = RawManifest {
            media_type: media_type.to_string(),
            digest: Digest::of_bytes(data),
            bytes: bytes::Bytes::copy_from_slice(data),
        };
        let _ = raw.descriptor();
        if let Err(e) = raw.parse() {
            let _ = e.to_string();
        }
    }
    if let Ok(s) = std::str::from_utf8(data) {
        check_title(s);
    }
}

/// `is_safe_relative(t)` ⇒ joined to a directory and normalised lexically, `t` names
/// something strictly below it.
fn check_title(t: &str) {
    if !archive::is_safe_relative(t) {
        return;
    }
    let base = Path::new("/base/dir");
    let joined = lexical(&base.join(t));
    assert!(
        joined.starts_with(base) && joined != base,
        "title {t:?} is called safe but lands at {}",
        joined.display()
    );
}

/// `.` and `..` resolved without touching the filesystem.
fn lexical(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Unpacking: no panic, nothing written outside the destination, no symlink or hard link
/// inside it that reaches outside.
///
/// Input: one flags byte, then the archive. Flags bit 0: unpack with an expected root
/// (`root`); bit 1: the rest is already a gzip stream (else it is a tar, gzipped here, so
/// that the fuzzer does not spend its time on checksums).
pub fn tar_unpack(data: &[u8]) {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let gz = if flags & 2 != 0 {
        rest.to_vec()
    } else {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(rest).expect("gzip in memory");
        e.finish().expect("gzip in memory")
    };
    let expected_root = (flags & 1 != 0).then_some("root");

    // <tmp>/a/b/dest, with files around it that must stay as they are.
    let tmp = tempfile::Builder::new()
        .prefix("artifact-fuzz-")
        .tempdir()
        .expect("temp dir");
    let dest = tmp.path().join("a/b/dest");
    std::fs::create_dir_all(&dest).expect("create dest");
    std::fs::write(tmp.path().join("a/sentinel"), b"outside").expect("write sentinel");
    std::fs::write(tmp.path().join("a/b/sentinel"), b"outside").expect("write sentinel");
    let absolute_before = Path::new(ABSOLUTE_ESCAPE).symlink_metadata().is_ok();
    let before = snapshot(tmp.path());

    let result = archive::unpack_tar_gz(std::io::Cursor::new(gz), &dest, expected_root, false);
    if let Err(e) = &result {
        let _ = e.to_string();
    }

    let after = snapshot(tmp.path());
    let inside = Path::new("a/b/dest");
    for (p, entry) in &after {
        if p.starts_with(inside) && p != inside {
            continue;
        }
        assert_eq!(
            before.get(p),
            Some(entry),
            "unpack ({result:?}) changed {} outside the destination",
            p.display()
        );
    }
    for p in before.keys() {
        assert!(after.contains_key(p), "unpack removed {}", p.display());
    }
    if !absolute_before {
        assert!(
            Path::new(ABSOLUTE_ESCAPE).symlink_metadata().is_err(),
            "unpack wrote {ABSOLUTE_ESCAPE}"
        );
    }
    check_links(&dest);
}

#[derive(Debug, PartialEq, Eq)]
enum Entry {
    Dir,
    File(Vec<u8>),
    Link(PathBuf),
    Other,
}

/// Everything below `root` (not following symlinks), keyed by relative path.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Entry> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let path = e.path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            let Ok(meta) = path.symlink_metadata() else {
                continue;
            };
            let ft = meta.file_type();
            let entry = if ft.is_symlink() {
                Entry::Link(std::fs::read_link(&path).unwrap_or_default())
            } else if ft.is_dir() {
                stack.push(path.clone());
                Entry::Dir
            } else if ft.is_file() {
                Entry::File(std::fs::read(&path).unwrap_or_default())
            } else {
                Entry::Other
            };
            out.insert(rel, entry);
        }
    }
    out
}

/// Symlinks under `dest` point inside it; hard-linked files are linked only from inside it.
fn check_links(dest: &Path) {
    // (device, inode) → (link count, links seen inside `dest`)
    #[allow(unused_mut)]
    let mut inodes: HashMap<(u64, u64), (u64, u64)> = HashMap::new();
    let mut stack = vec![dest.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let path = e.path();
            let Ok(meta) = path.symlink_metadata() else {
                continue;
            };
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(&path).unwrap_or_default();
                assert!(
                    target.is_relative(),
                    "symlink {} → absolute {}",
                    path.display(),
                    target.display()
                );
                let resolved = lexical(&path.parent().unwrap().join(&target));
                assert!(
                    resolved.starts_with(dest),
                    "symlink {} → {} leaves the destination",
                    path.display(),
                    target.display()
                );
            } else if meta.is_dir() {
                stack.push(path);
            } else {
                #[cfg(unix)]
                {
                    use std::os::unix::fs::MetadataExt;
                    let slot = inodes
                        .entry((meta.dev(), meta.ino()))
                        .or_insert((meta.nlink(), 0));
                    slot.1 += 1;
                }
            }
        }
    }
    for ((_, ino), (nlink, seen)) in inodes {
        assert_eq!(
            nlink, seen,
            "inode {ino} has {nlink} links but only {seen} inside the destination"
        );
    }
}
