//! Packing directories as tar+gzip (oras-compatible) and unpacking them safely.
//!
//! oras (`content/file` in oras-go) pushes a directory as one layer: the tree is
//! written into a tar whose entry names are prefixed by the directory's title
//! (`mydir`, `mydir/a.txt`, `mydir/sub/b.txt`), gzipped, and annotated with the
//! title, the digest of the *uncompressed* tar (`io.deis.oras.content.digest`) and
//! `io.deis.oras.content.unpack: "true"`. On pull the layer is gunzipped and untarred
//! into the output directory and the tar digest is checked.
//!
//! [`pack_dir`] produces such a layer in a single pass, hashing both streams while
//! writing. [`unpack_tar_gz`] extracts one while refusing anything that would write
//! outside the output directory, and returns the tar digest for the caller to compare.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fs::{self, File, Metadata};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use flate2::read::MultiGzDecoder;
use flate2::{Compression, GzBuilder};
use tar::{Builder, EntryType, Header};

use crate::digest::{Algorithm, Digest, Hasher};

/// A packed directory: a gzip-compressed tar in a temporary file.
#[derive(Debug)]
pub struct Packed {
    /// The `.tar.gz` file (deleted when dropped). Its cursor is at the start.
    pub file: tempfile::NamedTempFile,
    /// sha256 of the compressed bytes: the layer digest.
    pub gz_digest: Digest,
    /// Size of the compressed bytes: the layer size.
    pub gz_size: u64,
    /// sha256 of the uncompressed tar stream: `io.deis.oras.content.digest`.
    pub tar_digest: Digest,
}

/// Errors of packing and unpacking. Messages are one line and name the path or entry.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("invalid directory title {0:?}: it must be a relative '/'-separated path without '.', '..' or empty components")]
    InvalidName(String),
    #[error("layer title {0:?} is not a safe relative path")]
    UnsafeTitle(String),
    #[error("{0:?} is not a directory")]
    NotADirectory(PathBuf),
    #[error("cannot pack {path:?}: {kind} files are not supported (only regular files, directories and symlinks)")]
    UnsupportedFile { path: PathBuf, kind: &'static str },
    #[error("cannot pack {0:?}: the file changed size while it was being read")]
    FileChanged(PathBuf),
    #[error("{action} {path:?}: {err}")]
    Io {
        action: &'static str,
        path: PathBuf,
        err: io::Error,
    },
    #[error("invalid tar+gzip stream: {0}")]
    Stream(io::Error),
    #[error("tar entry {entry:?} has an invalid name: {reason}")]
    InvalidEntryName { entry: String, reason: &'static str },
    #[error("tar entry {0:?} has an absolute path")]
    Absolute(String),
    #[error("tar entry {0:?} escapes the output directory")]
    Escapes(String),
    #[error("tar entry {entry:?} passes through the symlink {symlink:?}")]
    ThroughSymlink { entry: String, symlink: PathBuf },
    #[error("tar entry {entry:?} is outside the expected directory {root:?}")]
    OutsideRoot { entry: String, root: String },
    #[error("{kind} {entry:?} -> {target:?} points outside the {scope}")]
    LinkEscapes {
        kind: &'static str,
        entry: String,
        target: String,
        scope: &'static str,
    },
    #[error(
        "symlink {entry:?} -> {target:?} uses '..' after a path component, which is not allowed"
    )]
    LinkIndirect { entry: String, target: String },
    #[error("tar entry {entry:?} is a {kind}, which is not supported")]
    UnsupportedEntry { entry: String, kind: String },
    #[error("tar entry {entry:?} would replace the existing {existing} {path:?}")]
    Conflict {
        entry: String,
        existing: &'static str,
        path: PathBuf,
    },
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> ArchiveError {
    let path = path.to_path_buf();
    move |err| ArchiveError::Io { action, path, err }
}

/// True when `path`, a '/'-separated relative path such as a layer title, stays
/// inside the directory it is joined to: non-empty, not absolute, no NUL, no
/// backslash or Windows drive prefix, and no `..` climbing above its start
/// (`a/../b` is fine, `a/../..` is not). `.`, `a/..` and the like are rejected as empty.
pub fn is_safe_relative(path: &str) -> bool {
    if path.is_empty() || path.contains('\0') || path.contains('\\') || path.starts_with('/') {
        return false;
    }
    let first = path.split('/').next().unwrap_or("");
    let b = first.as_bytes();
    if b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return false;
    }
    let mut depth = 0usize;
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ => depth += 1,
        }
    }
    depth > 0
}

/// A title usable as a tar prefix: safe, and already in canonical form.
fn is_clean_relative(name: &str) -> bool {
    is_safe_relative(name) && name.split('/').all(|c| !matches!(c, "" | "." | ".."))
}

// ---------------------------------------------------------------------------
// Hashing adapters
// ---------------------------------------------------------------------------

struct HashWriter<W> {
    inner: W,
    hasher: Hasher,
    count: u64,
}

impl<W> HashWriter<W> {
    fn new(inner: W) -> Self {
        HashWriter {
            inner,
            hasher: Hasher::new(Algorithm::Sha256),
            count: 0,
        }
    }
}

impl<W: Write> Write for HashWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

struct HashReader<R> {
    inner: R,
    hasher: Hasher,
}

impl<R: Read> Read for HashReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }
}

struct CountingReader<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

// ---------------------------------------------------------------------------
// Packing
// ---------------------------------------------------------------------------

/// Pack `dir` (a directory; a symlink given as `dir` itself is followed) into a
/// gzip tar created in `tmp_dir` (the system temp dir when `None`).
///
/// Entries are named `<name>/...` (`name` is the layer title: relative,
/// '/'-separated, no trailing slash, no `.`/`..`/empty components); directory
/// entries end in `/`. The walk is depth-first with each directory's children
/// sorted by name bytes (the order of Go's `filepath.Walk`, as oras uses).
///
/// Headers are GNU format (long names use GNU long-name entries) with uid/gid 0
/// and empty user/group names like oras. Permission bits and the modification time
/// (whole seconds) come from the filesystem, so the tar digest is stable as long as
/// the tree's contents, modes and mtimes are. The gzip header has no name, mtime 0
/// and OS "unknown". Symlinks inside the tree are stored as symlinks, never
/// followed; hard links are stored as separate regular files. Sockets, fifos and
/// devices are an error naming the path.
///
/// Both digests are computed while writing; the output is never read back.
pub fn pack_dir(dir: &Path, name: &str, tmp_dir: Option<&Path>) -> Result<Packed, ArchiveError> {
    if !is_clean_relative(name) {
        return Err(ArchiveError::InvalidName(name.to_string()));
    }
    let meta = fs::metadata(dir).map_err(io_err("cannot read", dir))?;
    if !meta.is_dir() {
        return Err(ArchiveError::NotADirectory(dir.to_path_buf()));
    }

    let tmp_dir = tmp_dir.map_or_else(std::env::temp_dir, Path::to_path_buf);
    let mut file = tempfile::Builder::new()
        .prefix(".artifact-pack-")
        .suffix(".tar.gz")
        .tempfile_in(&tmp_dir)
        .map_err(io_err("cannot create a temporary file in", &tmp_dir))?;
    let tmp_path = file.path().to_path_buf();
    let write_err = || io_err("cannot write", &tmp_path);

    let out = file.as_file().try_clone().map_err(write_err())?;
    let gz_hashing = HashWriter::new(BufWriter::with_capacity(1 << 16, out));
    let gz = GzBuilder::new()
        .operating_system(255)
        .mtime(0)
        .write(gz_hashing, Compression::default());
    let mut builder = Builder::new(HashWriter::new(gz));

    let root = PathBuf::from(name);
    append_tree(&mut builder, dir, &root, &meta)?;

    builder.finish().map_err(write_err())?;
    let tar_hashing = builder.into_inner().map_err(write_err())?;
    let tar_digest = tar_hashing.hasher.finish();
    let gz_hashing = tar_hashing.inner.finish().map_err(write_err())?;
    let HashWriter {
        inner: buffered,
        hasher: gz_hasher,
        count: gz_size,
    } = gz_hashing;
    let out = buffered
        .into_inner()
        .map_err(|e| write_err()(e.into_error()))?;
    out.sync_all().map_err(write_err())?;
    drop(out);
    file.as_file_mut()
        .seek(SeekFrom::Start(0))
        .map_err(write_err())?;

    Ok(Packed {
        file,
        gz_digest: gz_hasher.finish(),
        gz_size,
        tar_digest,
    })
}

fn mtime_of(meta: &Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs())
}

#[cfg(unix)]
fn mode_of(meta: &Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode_of(meta: &Metadata) -> u32 {
    let ft = meta.file_type();
    let base = if ft.is_dir() {
        0o755
    } else if ft.is_symlink() {
        0o777
    } else {
        0o644
    };
    if meta.permissions().readonly() {
        base & !0o222
    } else {
        base
    }
}

#[cfg(unix)]
fn special_kind(ft: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_socket() {
        "socket"
    } else if ft.is_fifo() {
        "fifo"
    } else if ft.is_block_device() {
        "block device"
    } else if ft.is_char_device() {
        "character device"
    } else {
        "special"
    }
}

#[cfg(not(unix))]
fn special_kind(_ft: &fs::FileType) -> &'static str {
    "special"
}

fn header_for(meta: &Metadata, entry_type: EntryType) -> Header {
    let mut h = Header::new_gnu();
    h.set_entry_type(entry_type);
    h.set_mode(mode_of(meta));
    h.set_uid(0);
    h.set_gid(0);
    h.set_mtime(mtime_of(meta));
    h.set_size(0);
    h
}

fn append_tree<W: Write>(
    b: &mut Builder<W>,
    fs_dir: &Path,
    tar_dir: &Path,
    dir_meta: &Metadata,
) -> Result<(), ArchiveError> {
    let out_err = |e: io::Error| ArchiveError::Io {
        action: "cannot add to archive",
        path: fs_dir.to_path_buf(),
        err: e,
    };
    let mut h = header_for(dir_meta, EntryType::Directory);
    // Joining "" appends the trailing separator: `mydir/`.
    b.append_data(&mut h, tar_dir.join(""), io::empty())
        .map_err(out_err)?;

    let mut names: Vec<OsString> = Vec::new();
    for ent in fs::read_dir(fs_dir).map_err(io_err("cannot read directory", fs_dir))? {
        let ent = ent.map_err(io_err("cannot read directory", fs_dir))?;
        names.push(ent.file_name());
    }
    names.sort();

    for child in names {
        let fs_path = fs_dir.join(&child);
        let tar_path = tar_dir.join(&child);
        let meta = fs::symlink_metadata(&fs_path).map_err(io_err("cannot read", &fs_path))?;
        let ft = meta.file_type();
        let add_err = |e: io::Error| ArchiveError::Io {
            action: "cannot add to archive",
            path: fs_path.clone(),
            err: e,
        };
        if ft.is_symlink() {
            let target = fs::read_link(&fs_path).map_err(io_err("cannot read link", &fs_path))?;
            let mut h = header_for(&meta, EntryType::Symlink);
            b.append_link(&mut h, &tar_path, &target).map_err(add_err)?;
        } else if ft.is_dir() {
            append_tree(b, &fs_path, &tar_path, &meta)?;
        } else if ft.is_file() {
            let f = File::open(&fs_path).map_err(io_err("cannot open", &fs_path))?;
            let meta = f.metadata().map_err(io_err("cannot read", &fs_path))?;
            if !meta.is_file() {
                return Err(ArchiveError::FileChanged(fs_path));
            }
            let size = meta.len();
            let mut h = header_for(&meta, EntryType::Regular);
            h.set_size(size);
            let mut data = CountingReader {
                inner: f.take(size),
                count: 0,
            };
            b.append_data(&mut h, &tar_path, &mut data)
                .map_err(add_err)?;
            if data.count != size {
                // The archive is now inconsistent; the whole pack fails.
                return Err(ArchiveError::FileChanged(fs_path));
            }
        } else {
            return Err(ArchiveError::UnsupportedFile {
                kind: special_kind(&ft),
                path: fs_path,
            });
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Unpacking
// ---------------------------------------------------------------------------

/// A lexically normalized archive path: `.` and empty components dropped, `..`
/// applied; `..` that climbs above the start is kept (and `escapes` is set).
#[derive(Debug, Clone, PartialEq, Eq)]
struct NormPath {
    absolute: bool,
    escapes: bool,
    comps: Vec<Vec<u8>>,
}

fn normalize(bytes: &[u8]) -> NormPath {
    let absolute = bytes.first() == Some(&b'/');
    let mut escapes = false;
    let mut comps: Vec<Vec<u8>> = Vec::new();
    for c in bytes.split(|b| *b == b'/') {
        match c {
            b"" | b"." => {}
            b".." => {
                if comps.last().is_some_and(|l| l.as_slice() != b"..") {
                    comps.pop();
                } else if !absolute {
                    comps.push(c.to_vec());
                    escapes = true;
                }
            }
            _ => comps.push(c.to_vec()),
        }
    }
    NormPath {
        absolute,
        escapes,
        comps,
    }
}

impl NormPath {
    fn starts_with(&self, root: &NormPath) -> bool {
        self.absolute == root.absolute && self.comps.starts_with(&root.comps)
    }
}

#[cfg(unix)]
fn os_component(c: &[u8]) -> Result<&OsStr, &'static str> {
    use std::os::unix::ffi::OsStrExt;
    Ok(OsStr::from_bytes(c))
}

#[cfg(not(unix))]
fn os_component(c: &[u8]) -> Result<&OsStr, &'static str> {
    let s = std::str::from_utf8(c).map_err(|_| "not valid UTF-8")?;
    if s.contains('\\') || s.contains(':') {
        return Err("contains '\\' or ':'");
    }
    Ok(OsStr::new(s))
}

fn to_fs_path(dest: &Path, p: &NormPath, shown: &str) -> Result<PathBuf, ArchiveError> {
    let mut out = if p.absolute {
        PathBuf::from("/")
    } else {
        dest.to_path_buf()
    };
    for c in &p.comps {
        let c = os_component(c).map_err(|reason| ArchiveError::InvalidEntryName {
            entry: shown.to_string(),
            reason,
        })?;
        out.push(c);
    }
    Ok(out)
}

/// Error if any existing path `dest/comps[..i]` is a symlink.
fn check_no_symlinks(dest: &Path, comps: &[Vec<u8>], shown: &str) -> Result<(), ArchiveError> {
    let mut p = dest.to_path_buf();
    for c in comps {
        let c = os_component(c).map_err(|reason| ArchiveError::InvalidEntryName {
            entry: shown.to_string(),
            reason,
        })?;
        p.push(c);
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(ArchiveError::ThroughSymlink {
                    entry: shown.to_string(),
                    symlink: p,
                })
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io_err("cannot inspect", &p)(e)),
        }
    }
    Ok(())
}

/// Check a symlink target stays inside the output directory (and `root`).
/// The target is resolved from the entry's directory; `..` may only lead the
/// target, so it only ever climbs real directories created or vetted here.
fn check_symlink_target(
    entry: &NormPath,
    target: &[u8],
    root: Option<&NormPath>,
    shown: &str,
) -> Result<(), ArchiveError> {
    let target_shown = String::from_utf8_lossy(target).into_owned();
    let escapes = |scope| ArchiveError::LinkEscapes {
        kind: "symlink",
        entry: shown.to_string(),
        target: target_shown.clone(),
        scope,
    };
    if target.is_empty() || target.contains(&0) {
        return Err(ArchiveError::InvalidEntryName {
            entry: shown.to_string(),
            reason: "empty or NUL in symlink target",
        });
    }
    if target.first() == Some(&b'/') || (cfg!(windows) && target.contains(&b':')) {
        return Err(escapes("output directory"));
    }
    let mut comps: Vec<Vec<u8>> = entry.comps[..entry.comps.len().saturating_sub(1)].to_vec();
    let mut seen_normal = false;
    for c in target.split(|b| *b == b'/' || (cfg!(windows) && *b == b'\\')) {
        match c {
            b"" | b"." => {}
            b".." => {
                if seen_normal {
                    return Err(ArchiveError::LinkIndirect {
                        entry: shown.to_string(),
                        target: target_shown,
                    });
                }
                if comps.pop().is_none() {
                    return Err(escapes("output directory"));
                }
            }
            _ => {
                seen_normal = true;
                comps.push(c.to_vec());
            }
        }
    }
    if let Some(root) = root {
        if !comps.starts_with(&root.comps) {
            return Err(escapes("expected directory"));
        }
    }
    Ok(())
}

/// Make room for a non-directory at `path`: remove an existing file or symlink
/// (never following it), refuse to replace a directory.
fn clear_for_nondir(path: &Path, shown: &str) -> Result<(), ArchiveError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_dir() => Err(ArchiveError::Conflict {
            entry: shown.to_string(),
            existing: "directory",
            path: path.to_path_buf(),
        }),
        Ok(_) => fs::remove_file(path).map_err(io_err("cannot replace", path)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_err("cannot inspect", path)(e)),
    }
}

fn ensure_parent(path: &Path) -> Result<PathBuf, ArchiveError> {
    let parent = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    fs::create_dir_all(&parent).map_err(io_err("cannot create directory", &parent))?;
    Ok(parent)
}

#[cfg(unix)]
fn set_mode(f: &File, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(fs::Permissions::from_mode(mode & 0o777))
}

#[cfg(not(unix))]
fn set_mode(f: &File, mode: u32) -> io::Result<()> {
    let mut p = f.metadata()?.permissions();
    p.set_readonly(mode & 0o200 == 0);
    f.set_permissions(p)
}

#[cfg(unix)]
fn set_dir_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o777))
}

#[cfg(not(unix))]
fn set_dir_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn make_symlink(target: &[u8], path: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    std::os::unix::fs::symlink(OsStr::from_bytes(target), path)
}

#[cfg(not(unix))]
fn make_symlink(_target: &[u8], _path: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "symlinks are not supported on this platform",
    ))
}

/// Write a regular file: temp file in the same directory, then rename over `path`
/// (which replaces a symlink or hard link there instead of writing through it).
fn write_file<R: Read>(
    data: &mut R,
    path: &Path,
    mode: u32,
    mtime: u64,
    shown: &str,
) -> Result<(), ArchiveError> {
    let parent = ensure_parent(path)?;
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(ArchiveError::Conflict {
            entry: shown.to_string(),
            existing: "directory",
            path: path.to_path_buf(),
        });
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".artifact-unpack-")
        .tempfile_in(&parent)
        .map_err(io_err("cannot create a temporary file in", &parent))?;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = data.read(&mut buf).map_err(ArchiveError::Stream)?;
        if n == 0 {
            break;
        }
        tmp.write_all(&buf[..n])
            .map_err(io_err("cannot write", path))?;
    }
    tmp.flush().map_err(io_err("cannot write", path))?;
    set_mode(tmp.as_file(), mode).map_err(io_err("cannot set permissions of", path))?;
    // Best effort, like oras.
    let _ = tmp
        .as_file()
        .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(mtime));
    tmp.persist(path)
        .map_err(|e| io_err("cannot write", path)(e.error))?;
    Ok(())
}

enum Kind {
    File,
    Dir,
    Symlink,
    Hardlink,
    Skip,
}

/// Unpack a gzip tar from `reader` into `dest` (an existing directory), streaming,
/// and return the sha256 of the whole uncompressed tar stream (read to its end), to
/// compare with `io.deis.oras.content.digest`.
///
/// Unless `allow_path_traversal`, entries are refused (with an error; nothing is
/// written outside `dest`) when their path is absolute, climbs out with `..`, or
/// passes through a symlink (one from the archive or already in `dest`); symlinks
/// are refused when their target is absolute, climbs out of `dest` (or of
/// `expected_root`), or uses `..` after a normal component; hard links when their
/// target (an archive path) is outside, or reached through a symlink. Paths are
/// normalized lexically, so `..` is never handed to the OS.
///
/// When `expected_root` is `Some(title)`, every entry must be `title` (a directory)
/// or lie under it. Device, fifo and other special entries are always an error;
/// pax global headers are skipped.
///
/// Files are written to a temporary file beside the destination and renamed into
/// place, with permissions from the header (masked 0o777) and its mtime (best
/// effort); ownership is not restored. Directory permissions are applied at the
/// end, deepest first. On error, entries already extracted stay on disk.
pub fn unpack_tar_gz<R: Read>(
    reader: R,
    dest: &Path,
    expected_root: Option<&str>,
    allow_path_traversal: bool,
) -> Result<Digest, ArchiveError> {
    let safe = !allow_path_traversal;
    let dmeta = fs::metadata(dest).map_err(io_err("cannot read", dest))?;
    if !dmeta.is_dir() {
        return Err(ArchiveError::NotADirectory(dest.to_path_buf()));
    }
    let root = match expected_root {
        Some(r) => {
            if safe && !is_safe_relative(r) {
                return Err(ArchiveError::UnsafeTitle(r.to_string()));
            }
            Some(normalize(r.as_bytes()))
        }
        None => None,
    };

    let hashing = HashReader {
        inner: MultiGzDecoder::new(reader),
        hasher: Hasher::new(Algorithm::Sha256),
    };
    let mut archive = tar::Archive::new(hashing);
    let mut dir_modes: BTreeMap<PathBuf, u32> = BTreeMap::new();

    for entry in archive.entries().map_err(ArchiveError::Stream)? {
        let mut entry = entry.map_err(ArchiveError::Stream)?;
        let raw = entry.path_bytes().into_owned();
        let shown = String::from_utf8_lossy(&raw).into_owned();
        let etype = entry.header().entry_type();
        let kind = match etype {
            EntryType::Regular | EntryType::Continuous | EntryType::GNUSparse => {
                // Old tars mark directories as regular entries ending in '/'.
                if raw.ends_with(b"/") && etype == EntryType::Regular {
                    Kind::Dir
                } else {
                    Kind::File
                }
            }
            EntryType::Directory => Kind::Dir,
            EntryType::Symlink => Kind::Symlink,
            EntryType::Link => Kind::Hardlink,
            EntryType::XGlobalHeader => Kind::Skip,
            other => {
                let kind = match other {
                    EntryType::Char => "character device".to_string(),
                    EntryType::Block => "block device".to_string(),
                    EntryType::Fifo => "fifo".to_string(),
                    o => format!("entry of type {:?}", o.as_byte() as char),
                };
                return Err(ArchiveError::UnsupportedEntry { entry: shown, kind });
            }
        };
        if matches!(kind, Kind::Skip) {
            continue;
        }
        if raw.contains(&0) {
            return Err(ArchiveError::InvalidEntryName {
                entry: shown,
                reason: "contains NUL",
            });
        }

        let norm = normalize(&raw);
        if safe {
            if norm.absolute || (cfg!(windows) && raw.contains(&b':')) {
                return Err(ArchiveError::Absolute(shown));
            }
            if norm.escapes {
                return Err(ArchiveError::Escapes(shown));
            }
        }
        if let Some(root) = &root {
            let inside = norm.starts_with(root)
                && (norm.comps.len() > root.comps.len() || matches!(kind, Kind::Dir));
            if !inside {
                return Err(ArchiveError::OutsideRoot {
                    entry: shown,
                    root: expected_root.unwrap_or_default().to_string(),
                });
            }
        }
        if norm.comps.is_empty() && !norm.absolute {
            // `./`: the output directory itself.
            if matches!(kind, Kind::Dir) {
                continue;
            }
            return Err(ArchiveError::InvalidEntryName {
                entry: shown,
                reason: "empty path",
            });
        }
        if safe {
            let parents = &norm.comps[..norm.comps.len() - 1];
            check_no_symlinks(dest, parents, &shown)?;
        }
        let path = to_fs_path(dest, &norm, &shown)?;
        let mode = entry.header().mode().map_err(ArchiveError::Stream)?;

        match kind {
            Kind::Dir => {
                match fs::symlink_metadata(&path) {
                    Ok(m) if m.is_dir() => {}
                    Ok(m) if m.file_type().is_symlink() && safe => {
                        return Err(ArchiveError::Conflict {
                            entry: shown,
                            existing: "symlink",
                            path,
                        })
                    }
                    Ok(m) if m.file_type().is_symlink() => {}
                    Ok(_) => {
                        return Err(ArchiveError::Conflict {
                            entry: shown,
                            existing: "file",
                            path,
                        })
                    }
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        fs::create_dir_all(&path)
                            .map_err(io_err("cannot create directory", &path))?;
                    }
                    Err(e) => return Err(io_err("cannot inspect", &path)(e)),
                }
                dir_modes.insert(path, mode);
            }
            Kind::File => {
                let mtime = entry.header().mtime().unwrap_or(0);
                write_file(&mut entry, &path, mode, mtime, &shown)?;
            }
            Kind::Symlink => {
                let target = entry
                    .link_name_bytes()
                    .map(|t| t.into_owned())
                    .ok_or_else(|| ArchiveError::InvalidEntryName {
                        entry: shown.clone(),
                        reason: "symlink without a target",
                    })?;
                if safe {
                    check_symlink_target(&norm, &target, root.as_ref(), &shown)?;
                }
                ensure_parent(&path)?;
                clear_for_nondir(&path, &shown)?;
                make_symlink(&target, &path).map_err(io_err("cannot create symlink", &path))?;
            }
            Kind::Hardlink => {
                let target = entry
                    .link_name_bytes()
                    .map(|t| t.into_owned())
                    .ok_or_else(|| ArchiveError::InvalidEntryName {
                        entry: shown.clone(),
                        reason: "hard link without a target",
                    })?;
                let tnorm = normalize(&target);
                if safe {
                    let escapes = |scope| ArchiveError::LinkEscapes {
                        kind: "hard link",
                        entry: shown.clone(),
                        target: String::from_utf8_lossy(&target).into_owned(),
                        scope,
                    };
                    if tnorm.absolute
                        || tnorm.escapes
                        || tnorm.comps.is_empty()
                        || target.contains(&0)
                        || (cfg!(windows) && target.contains(&b':'))
                    {
                        return Err(escapes("output directory"));
                    }
                    if root.as_ref().is_some_and(|r| !tnorm.starts_with(r)) {
                        return Err(escapes("expected directory"));
                    }
                    check_no_symlinks(dest, &tnorm.comps, &shown)?;
                }
                let src = to_fs_path(dest, &tnorm, &shown)?;
                ensure_parent(&path)?;
                if src != path {
                    clear_for_nondir(&path, &shown)?;
                    fs::hard_link(&src, &path).map_err(io_err("cannot create hard link", &path))?;
                }
            }
            Kind::Skip => {}
        }
    }

    // Read to the end of the stream (the tar reader stops at the first zero
    // block), so the digest covers the whole tar and the gzip trailer is checked.
    let mut rest = archive.into_inner();
    io::copy(&mut rest, &mut io::sink()).map_err(ArchiveError::Stream)?;

    for (path, mode) in dir_modes.iter().rev() {
        set_dir_mode(path, *mode).map_err(io_err("cannot set permissions of", path))?;
    }
    Ok(rest.hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        MultiGzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out
    }

    /// Append an entry with raw name/link bytes, bypassing the tar crate's checks.
    fn raw(b: &mut Builder<Vec<u8>>, name: &str, t: EntryType, link: Option<&str>, data: &[u8]) {
        let mut h = Header::new_gnu();
        {
            let old = h.as_old_mut();
            old.name[..name.len()].copy_from_slice(name.as_bytes());
            if let Some(l) = link {
                old.linkname[..l.len()].copy_from_slice(l.as_bytes());
            }
        }
        h.set_entry_type(t);
        h.set_size(data.len() as u64);
        h.set_mode(if t == EntryType::Directory {
            0o755
        } else {
            0o644
        });
        h.set_mtime(0);
        h.set_cksum();
        b.append(&h, data).unwrap();
    }

    fn archive(f: impl FnOnce(&mut Builder<Vec<u8>>)) -> Vec<u8> {
        let mut b = Builder::new(Vec::new());
        f(&mut b);
        gz(&b.into_inner().unwrap())
    }

    struct Sandbox {
        _tmp: tempfile::TempDir,
        dest: PathBuf,
        outside: PathBuf,
    }

    fn sandbox() -> Sandbox {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("out");
        let outside = tmp.path().join("outside");
        fs::create_dir(&dest).unwrap();
        fs::create_dir(&outside).unwrap();
        Sandbox {
            _tmp: tmp,
            dest,
            outside,
        }
    }

    fn assert_empty(dir: &Path) {
        let left: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(left.is_empty(), "unexpected files in {dir:?}: {left:?}");
    }

    fn build_tree(root: &Path) {
        fs::create_dir_all(root.join("sub/deeper")).unwrap();
        fs::write(root.join("a.txt"), b"hello\n").unwrap();
        fs::write(root.join("empty"), b"").unwrap();
        fs::write(root.join("sub/b.txt"), b"bee").unwrap();
        fs::write(root.join("sub/deeper/ünï cödé file.txt"), "ünï".as_bytes()).unwrap();
        let long = "x".repeat(120);
        fs::write(root.join("sub").join(&long), vec![7u8; 100_000]).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::os::unix::fs::symlink("sub/b.txt", root.join("link")).unwrap();
            std::os::unix::fs::symlink("../a.txt", root.join("sub/up")).unwrap();
            fs::set_permissions(root.join("a.txt"), fs::Permissions::from_mode(0o751)).unwrap();
        }
    }

    #[test]
    fn roundtrip() {
        let src = tempfile::tempdir().unwrap();
        let tree = src.path().join("mydir");
        build_tree(&tree);
        let packed = pack_dir(&tree, "mydir", Some(src.path())).unwrap();

        let out = tempfile::tempdir().unwrap();
        let f = File::open(packed.file.path()).unwrap();
        let digest = unpack_tar_gz(f, out.path(), Some("mydir"), false).unwrap();
        assert_eq!(digest, packed.tar_digest);

        let got = out.path().join("mydir");
        assert_eq!(fs::read(got.join("a.txt")).unwrap(), b"hello\n");
        assert_eq!(fs::read(got.join("empty")).unwrap(), b"");
        assert_eq!(fs::read(got.join("sub/b.txt")).unwrap(), b"bee");
        assert_eq!(
            fs::read(got.join("sub/deeper/ünï cödé file.txt")).unwrap(),
            "ünï".as_bytes()
        );
        assert_eq!(
            fs::read(got.join("sub").join("x".repeat(120))).unwrap(),
            vec![7u8; 100_000]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::read_link(got.join("link")).unwrap(),
                Path::new("sub/b.txt")
            );
            assert_eq!(fs::read(got.join("link")).unwrap(), b"bee");
            assert_eq!(
                fs::read_link(got.join("sub/up")).unwrap(),
                Path::new("../a.txt")
            );
            let mode = fs::metadata(got.join("a.txt"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o751);
        }
        // Nothing else was written to the output directory (no temp files left).
        let names: Vec<_> = fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("mydir")]);
    }

    #[test]
    fn entry_names_and_headers() {
        let src = tempfile::tempdir().unwrap();
        let tree = src.path().join("t");
        build_tree(&tree);
        let packed = pack_dir(&tree, "some/path/mydir", None).unwrap();
        let tar_bytes = gunzip(&fs::read(packed.file.path()).unwrap());
        let mut ar = tar::Archive::new(tar_bytes.as_slice());
        let mut names = Vec::new();
        for e in ar.entries().unwrap() {
            let e = e.unwrap();
            let h = e.header();
            assert_eq!(h.uid().unwrap(), 0);
            assert_eq!(h.gid().unwrap(), 0);
            assert_eq!(h.username_bytes().unwrap_or_default(), b"");
            assert_eq!(h.groupname_bytes().unwrap_or_default(), b"");
            names.push(String::from_utf8(e.path_bytes().into_owned()).unwrap());
        }
        let mut expected = vec![
            "some/path/mydir/".to_string(),
            "some/path/mydir/a.txt".into(),
            "some/path/mydir/empty".into(),
        ];
        if cfg!(unix) {
            expected.push("some/path/mydir/link".into());
        }
        expected.push("some/path/mydir/sub/".into());
        expected.push("some/path/mydir/sub/b.txt".into());
        expected.push("some/path/mydir/sub/deeper/".into());
        expected.push("some/path/mydir/sub/deeper/ünï cödé file.txt".into());
        if cfg!(unix) {
            expected.push("some/path/mydir/sub/up".into());
        }
        expected.push(format!("some/path/mydir/sub/{}", "x".repeat(120)));
        assert_eq!(names, expected);

        // Nested titles unpack to the same nested path.
        let out = tempfile::tempdir().unwrap();
        let f = File::open(packed.file.path()).unwrap();
        unpack_tar_gz(f, out.path(), Some("some/path/mydir"), false).unwrap();
        assert!(out.path().join("some/path/mydir/sub/b.txt").is_file());
    }

    #[test]
    fn digests_are_stable_and_correct() {
        let src = tempfile::tempdir().unwrap();
        let tree = src.path().join("mydir");
        build_tree(&tree);
        let p1 = pack_dir(&tree, "mydir", None).unwrap();
        let p2 = pack_dir(&tree, "mydir", None).unwrap();
        assert_eq!(p1.tar_digest, p2.tar_digest);
        assert_eq!(p1.gz_digest, p2.gz_digest);
        assert_eq!(p1.gz_size, p2.gz_size);

        let gz_bytes = fs::read(p1.file.path()).unwrap();
        assert_eq!(gz_bytes.len() as u64, p1.gz_size);
        assert_eq!(Digest::of_bytes(&gz_bytes), p1.gz_digest);
        assert_eq!(Digest::of_bytes(&gunzip(&gz_bytes)), p1.tar_digest);
        assert_eq!(p1.tar_digest.algorithm(), Algorithm::Sha256);

        // The returned file is positioned at its start.
        let mut p1 = p1;
        let mut via_handle = Vec::new();
        p1.file.read_to_end(&mut via_handle).unwrap();
        assert_eq!(via_handle, gz_bytes);

        // A different title changes the tar.
        let p3 = pack_dir(&tree, "other", None).unwrap();
        assert_ne!(p3.tar_digest, p2.tar_digest);
    }

    #[test]
    fn pack_rejects_bad_input() {
        let src = tempfile::tempdir().unwrap();
        for bad in [
            "", "/abs", "../x", "a/../b", "./a", "a/", "a//b", "a\\b", "C:x",
        ] {
            let err = pack_dir(src.path(), bad, None).unwrap_err();
            assert!(matches!(err, ArchiveError::InvalidName(_)), "{bad}: {err}");
        }
        let file = src.path().join("f");
        fs::write(&file, b"x").unwrap();
        assert!(matches!(
            pack_dir(&file, "f", None).unwrap_err(),
            ArchiveError::NotADirectory(_)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn pack_rejects_socket() {
        let src = tempfile::tempdir().unwrap();
        let tree = src.path().join("d");
        fs::create_dir(&tree).unwrap();
        let sock = tree.join("sock");
        let _l = std::os::unix::net::UnixListener::bind(&sock).unwrap();
        let err = pack_dir(&tree, "d", Some(src.path())).unwrap_err();
        let msg = err.to_string();
        assert!(
            matches!(err, ArchiveError::UnsupportedFile { kind: "socket", .. }),
            "{msg}"
        );
        assert!(msg.contains("sock"), "{msg}");
    }

    fn expect_err(data: &[u8], root: Option<&str>, sb: &Sandbox) -> ArchiveError {
        let err = unpack_tar_gz(data, &sb.dest, root, false).unwrap_err();
        assert!(!err.to_string().contains('\n'));
        assert_empty(&sb.outside);
        err
    }

    #[test]
    fn rejects_parent_escape() {
        let sb = sandbox();
        let data = archive(|b| raw(b, "../evil", EntryType::Regular, None, b"x"));
        let err = expect_err(&data, None, &sb);
        assert_eq!(
            err.to_string(),
            r#"tar entry "../evil" escapes the output directory"#
        );
        assert!(!sb.dest.join("../evil").exists());

        let sb = sandbox();
        let data = archive(|b| raw(b, "../outside/evil", EntryType::Regular, None, b"x"));
        assert!(matches!(
            expect_err(&data, None, &sb),
            ArchiveError::Escapes(_)
        ));
    }

    #[test]
    fn rejects_absolute() {
        let sb = sandbox();
        let abs = format!("{}/abs", sb.outside.display());
        let data = archive(|b| raw(b, &abs, EntryType::Regular, None, b"x"));
        assert!(matches!(
            expect_err(&data, None, &sb),
            ArchiveError::Absolute(_)
        ));
        assert!(!sb.outside.join("abs").exists());

        let sb = sandbox();
        let data = archive(|b| raw(b, "/abs", EntryType::Regular, None, b"x"));
        assert!(matches!(
            expect_err(&data, None, &sb),
            ArchiveError::Absolute(_)
        ));
    }

    #[test]
    fn rejects_nested_parent_escape() {
        let sb = sandbox();
        let data = archive(|b| {
            raw(b, "a/", EntryType::Directory, None, b"");
            raw(b, "a/../../outside/evil", EntryType::Regular, None, b"x");
        });
        assert!(matches!(
            expect_err(&data, None, &sb),
            ArchiveError::Escapes(_)
        ));
        assert!(!sb.outside.join("evil").exists());
        // `a/../b` stays inside and is fine.
        let sb = sandbox();
        let data = archive(|b| raw(b, "a/../b", EntryType::Regular, None, b"ok"));
        unpack_tar_gz(data.as_slice(), &sb.dest, None, false).unwrap();
        assert_eq!(fs::read(sb.dest.join("b")).unwrap(), b"ok");
    }

    #[test]
    fn rejects_write_through_absolute_symlink() {
        let sb = sandbox();
        let target = sb.outside.display().to_string();
        let data = archive(|b| {
            raw(b, "mydir/", EntryType::Directory, None, b"");
            raw(b, "mydir/link", EntryType::Symlink, Some(&target), b"");
            raw(b, "mydir/link/x", EntryType::Regular, None, b"x");
        });
        let err = expect_err(&data, Some("mydir"), &sb);
        assert!(matches!(err, ArchiveError::LinkEscapes { .. }), "{err}");
        assert!(!sb.outside.join("x").exists());
        assert!(fs::symlink_metadata(sb.dest.join("mydir/link")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn rejects_entry_through_symlink() {
        let sb = sandbox();
        let data = archive(|b| {
            raw(b, "mydir/sub/", EntryType::Directory, None, b"");
            raw(b, "mydir/link", EntryType::Symlink, Some("sub"), b"");
            raw(b, "mydir/link/x", EntryType::Regular, None, b"x");
        });
        let err = expect_err(&data, Some("mydir"), &sb);
        assert!(matches!(err, ArchiveError::ThroughSymlink { .. }), "{err}");
        assert!(!sb.dest.join("mydir/sub/x").exists());

        // A symlink already present in dest is not followed either.
        let sb = sandbox();
        std::os::unix::fs::symlink(&sb.outside, sb.dest.join("mydir")).unwrap();
        let data = archive(|b| raw(b, "mydir/x", EntryType::Regular, None, b"x"));
        let err = expect_err(&data, Some("mydir"), &sb);
        assert!(matches!(err, ArchiveError::ThroughSymlink { .. }), "{err}");
    }

    #[test]
    fn rejects_relative_symlink_outside() {
        for target in ["../../outside", "../..", "../../../etc/passwd"] {
            let sb = sandbox();
            let data = archive(|b| {
                raw(b, "mydir/", EntryType::Directory, None, b"");
                raw(b, "mydir/link", EntryType::Symlink, Some(target), b"");
            });
            let err = expect_err(&data, None, &sb);
            assert!(
                matches!(err, ArchiveError::LinkEscapes { .. }),
                "{target}: {err}"
            );
            assert!(fs::symlink_metadata(sb.dest.join("mydir/link")).is_err());
        }
        // Inside dest but outside the expected root.
        let sb = sandbox();
        let data = archive(|b| raw(b, "mydir/link", EntryType::Symlink, Some("../other"), b""));
        let err = expect_err(&data, Some("mydir"), &sb);
        assert!(err.to_string().contains("expected directory"), "{err}");
        // `..` after a normal component could be redirected by a later symlink.
        let sb = sandbox();
        let data = archive(|b| raw(b, "mydir/l2", EntryType::Symlink, Some("sub/../.."), b""));
        let err = expect_err(&data, None, &sb);
        assert!(matches!(err, ArchiveError::LinkIndirect { .. }), "{err}");
    }

    #[test]
    fn rejects_hardlinks_outside() {
        let sb = sandbox();
        let data = archive(|b| {
            raw(b, "mydir/", EntryType::Directory, None, b"");
            raw(b, "mydir/passwd", EntryType::Link, Some("/etc/passwd"), b"");
        });
        let err = expect_err(&data, Some("mydir"), &sb);
        assert!(
            matches!(
                err,
                ArchiveError::LinkEscapes {
                    kind: "hard link",
                    ..
                }
            ),
            "{err}"
        );
        assert!(!sb.dest.join("mydir/passwd").exists());

        let sb = sandbox();
        fs::write(sb.outside.join("secret"), b"s").unwrap();
        let data = archive(|b| {
            raw(
                b,
                "mydir/s",
                EntryType::Link,
                Some("../outside/secret"),
                b"",
            )
        });
        let err = unpack_tar_gz(data.as_slice(), &sb.dest, None, false).unwrap_err();
        assert!(matches!(err, ArchiveError::LinkEscapes { .. }), "{err}");
        assert!(!sb.dest.join("mydir/s").exists());
    }

    #[test]
    fn hardlink_inside_works() {
        let sb = sandbox();
        let data = archive(|b| {
            raw(b, "mydir/a", EntryType::Regular, None, b"A");
            raw(b, "mydir/b", EntryType::Link, Some("mydir/a"), b"");
        });
        unpack_tar_gz(data.as_slice(), &sb.dest, Some("mydir"), false).unwrap();
        assert_eq!(fs::read(sb.dest.join("mydir/b")).unwrap(), b"A");
    }

    #[test]
    fn rejects_entries_outside_expected_root() {
        for name in ["other/x", "mydirx/y", "x", "mydir"] {
            let sb = sandbox();
            let data = archive(|b| {
                raw(b, "mydir/", EntryType::Directory, None, b"");
                raw(b, name, EntryType::Regular, None, b"x");
            });
            let err = expect_err(&data, Some("mydir"), &sb);
            assert!(
                matches!(err, ArchiveError::OutsideRoot { .. }),
                "{name}: {err}"
            );
            if name != "mydir" {
                assert!(!sb.dest.join(name).exists());
            }
        }
    }

    #[test]
    fn rejects_devices_and_fifos() {
        for t in [EntryType::Char, EntryType::Block, EntryType::Fifo] {
            let sb = sandbox();
            let data = archive(|b| raw(b, "mydir/dev", t, None, b""));
            let err = expect_err(&data, Some("mydir"), &sb);
            assert!(
                matches!(err, ArchiveError::UnsupportedEntry { .. }),
                "{err}"
            );
            assert!(!sb.dest.join("mydir/dev").exists());
        }
    }

    #[test]
    fn rejects_unsafe_title_and_garbage() {
        let sb = sandbox();
        let data = archive(|b| raw(b, "../x/a", EntryType::Regular, None, b"x"));
        assert!(matches!(
            expect_err(&data, Some("../x"), &sb),
            ArchiveError::UnsafeTitle(_)
        ));
        let err = unpack_tar_gz(&b"not gzip"[..], &sb.dest, None, false).unwrap_err();
        assert!(matches!(err, ArchiveError::Stream(_)), "{err}");
        assert_empty(&sb.dest);
    }

    #[cfg(unix)]
    #[test]
    fn replaces_existing_symlink_instead_of_following() {
        let sb = sandbox();
        let victim = sb.outside.join("victim");
        fs::write(&victim, b"original").unwrap();
        fs::create_dir(sb.dest.join("mydir")).unwrap();
        std::os::unix::fs::symlink(&victim, sb.dest.join("mydir/f")).unwrap();
        let data = archive(|b| raw(b, "mydir/f", EntryType::Regular, None, b"new"));
        unpack_tar_gz(data.as_slice(), &sb.dest, Some("mydir"), false).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"original");
        assert_eq!(fs::read(sb.dest.join("mydir/f")).unwrap(), b"new");
        assert!(!fs::symlink_metadata(sb.dest.join("mydir/f"))
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn readonly_dir_modes_applied_last() {
        use std::os::unix::fs::PermissionsExt;
        let sb = sandbox();
        let data = archive(|b| {
            let mut h = Header::new_gnu();
            h.set_entry_type(EntryType::Directory);
            h.set_mode(0o555);
            h.set_size(0);
            b.append_data(&mut h, "mydir/ro/", io::empty()).unwrap();
            raw(b, "mydir/ro/f", EntryType::Regular, None, b"x");
        });
        unpack_tar_gz(data.as_slice(), &sb.dest, Some("mydir"), false).unwrap();
        let ro = sb.dest.join("mydir/ro");
        assert_eq!(fs::read(ro.join("f")).unwrap(), b"x");
        assert_eq!(
            fs::metadata(&ro).unwrap().permissions().mode() & 0o777,
            0o555
        );
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn allow_path_traversal_writes_where_told() {
        let sb = sandbox();
        let data = archive(|b| raw(b, "../outside/evil", EntryType::Regular, None, b"x"));
        unpack_tar_gz(data.as_slice(), &sb.dest, None, true).unwrap();
        assert_eq!(fs::read(sb.outside.join("evil")).unwrap(), b"x");
    }

    #[test]
    fn digest_covers_whole_stream() {
        // Trailing zero padding (as GNU tar writes) is part of the digest.
        let mut b = Builder::new(Vec::new());
        raw(&mut b, "mydir/a", EntryType::Regular, None, b"A");
        let mut tar_bytes = b.into_inner().unwrap();
        tar_bytes.resize(10240, 0);
        let sb = sandbox();
        let d = unpack_tar_gz(gz(&tar_bytes).as_slice(), &sb.dest, Some("mydir"), false).unwrap();
        assert_eq!(d, Digest::of_bytes(&tar_bytes));
    }

    #[test]
    fn unpacks_go_style_archive() {
        // oras-go (Go's archive/tar) names directories without a trailing slash
        // and writes ustar headers.
        let mut b = Builder::new(Vec::new());
        for (name, t, data) in [
            ("mydir", EntryType::Directory, &b""[..]),
            ("mydir/a.txt", EntryType::Regular, b"a"),
            ("mydir/sub", EntryType::Directory, b""),
            ("mydir/sub/b.txt", EntryType::Regular, b"b"),
        ] {
            let mut h = Header::new_ustar();
            h.set_path(name).unwrap();
            h.set_entry_type(t);
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            h.set_cksum();
            b.append(&h, data).unwrap();
        }
        let tar_bytes = b.into_inner().unwrap();
        let sb = sandbox();
        let d = unpack_tar_gz(gz(&tar_bytes).as_slice(), &sb.dest, Some("mydir"), false).unwrap();
        assert_eq!(d, Digest::of_bytes(&tar_bytes));
        assert_eq!(fs::read(sb.dest.join("mydir/sub/b.txt")).unwrap(), b"b");
    }

    #[test]
    fn safe_relative() {
        for ok in ["a", "mydir", "a/b", "a/../b", "./a", "a/", "ü ñ", "a/./b"] {
            assert!(is_safe_relative(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            "a/..",
            "../a",
            "a/../..",
            "/a",
            "\\a",
            "a\\b",
            "C:\\x",
            "c:x",
            "a\0b",
            "./",
            "a/../../b",
        ] {
            assert!(!is_safe_relative(bad), "{bad:?}");
        }
    }
}
