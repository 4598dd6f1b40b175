//! A local cache of file digests, so a re-push of unchanged files costs only HEAD requests.
//!
//! An entry is keyed by the file's canonical path, size, modification time (ns), inode and
//! device; any change to the file changes the key, so a stale digest is never used. Entries
//! are tiny files under `$ARTIFACT_CACHE_DIR` or the user's cache dir (`dirs::cache_dir()`,
//! e.g. `~/.cache/artifact/digests`), written atomically. A cache that cannot be read or
//! written is silently skipped: it only ever saves work.

use std::fs;
use std::path::{Path, PathBuf};

use crate::digest::Digest;

pub struct DigestCache {
    dir: Option<PathBuf>,
}

/// What identifies one version of a file's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileKey(String);

impl FileKey {
    pub fn of(path: &Path, meta: &fs::Metadata) -> Option<FileKey> {
        let canon = fs::canonicalize(path).ok()?;
        let mtime = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?
            .as_nanos();
        #[cfg(unix)]
        let (ino, dev) = {
            use std::os::unix::fs::MetadataExt;
            (meta.ino(), meta.dev())
        };
        #[cfg(not(unix))]
        let (ino, dev) = (0u64, 0u64);
        Some(FileKey(format!(
            "{}\0{}\0{mtime}\0{ino}\0{dev}",
            canon.display(),
            meta.len()
        )))
    }

    /// The key's text (path, size, mtime, inode, device).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn file_name(&self) -> String {
        Digest::of_bytes(self.0.as_bytes()).hex().to_string()
    }
}

impl DigestCache {
    /// The default cache: `$ARTIFACT_CACHE_DIR`, else `<cache dir>/artifact/digests`.
    pub fn open() -> DigestCache {
        let dir = std::env::var_os("ARTIFACT_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| dirs::cache_dir().map(|d| d.join("artifact").join("digests")));
        DigestCache { dir }
    }

    /// Where interrupted uploads are remembered for a later run: `$ARTIFACT_CACHE_DIR/uploads`,
    /// else `<cache dir>/artifact/uploads`.
    pub fn upload_sessions_dir() -> Option<PathBuf> {
        match std::env::var_os("ARTIFACT_CACHE_DIR") {
            Some(d) => Some(PathBuf::from(d).join("uploads")),
            None => dirs::cache_dir().map(|d| d.join("artifact").join("uploads")),
        }
    }

    pub fn disabled() -> DigestCache {
        DigestCache { dir: None }
    }

    pub fn get(&self, key: &FileKey) -> Option<Digest> {
        let dir = self.dir.as_ref()?;
        fs::read_to_string(dir.join(key.file_name()))
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    pub fn put(&self, key: &FileKey, digest: &Digest) {
        let Some(dir) = &self.dir else { return };
        if fs::create_dir_all(dir).is_err() {
            return;
        }
        let Ok(mut tmp) = tempfile::NamedTempFile::new_in(dir) else {
            return;
        };
        if std::io::Write::write_all(&mut tmp, digest.to_string().as_bytes()).is_ok() {
            let _ = tmp.persist(dir.join(key.file_name()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_after_put_and_miss_after_change() {
        let cache_dir = tempfile::tempdir().unwrap();
        let cache = DigestCache {
            dir: Some(cache_dir.path().to_path_buf()),
        };
        let files = tempfile::tempdir().unwrap();
        let p = files.path().join("f");
        fs::write(&p, b"one").unwrap();
        let key = FileKey::of(&p, &fs::metadata(&p).unwrap()).unwrap();
        assert_eq!(cache.get(&key), None);
        let d = Digest::of_bytes(b"one");
        cache.put(&key, &d);
        assert_eq!(cache.get(&key), Some(d));
        // Same size, new content and mtime: a different key.
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&p, b"two").unwrap();
        let key2 = FileKey::of(&p, &fs::metadata(&p).unwrap()).unwrap();
        assert_ne!(key, key2);
        assert_eq!(cache.get(&key2), None);
    }

    #[test]
    fn disabled_cache_stores_nothing() {
        let files = tempfile::tempdir().unwrap();
        let p = files.path().join("f");
        fs::write(&p, b"x").unwrap();
        let key = FileKey::of(&p, &fs::metadata(&p).unwrap()).unwrap();
        let c = DigestCache::disabled();
        c.put(&key, &Digest::of_bytes(b"x"));
        assert_eq!(c.get(&key), None);
    }
}
