//! Verifying content against descriptors while it streams to disk.

use std::path::Path;

use tokio::io::{AsyncReadExt, AsyncWrite, AsyncWriteExt};

use crate::digest::Hasher;
use crate::manifest::Descriptor;
use crate::registry::error::{RegistryError, Result};
use crate::target::BlobReader;

const BUF: usize = 256 * 1024;

/// Check a whole buffer against a descriptor's size and digest.
pub fn verify_bytes(buf: &[u8], desc: &Descriptor) -> Result<()> {
    if buf.len() as u64 != desc.size {
        return Err(RegistryError::SizeMismatch {
            what: format!("blob {}", desc.digest),
            expected: desc.size,
            actual: buf.len() as u64,
        });
    }
    let mut h = Hasher::new(desc.digest.algorithm());
    h.update(buf);
    let actual = h.finish();
    if actual != desc.digest {
        return Err(RegistryError::DigestMismatch {
            what: format!("blob {}", desc.digest),
            expected: desc.digest.clone(),
            actual,
        });
    }
    Ok(())
}

/// Stream `reader` into a new temp file in `dir`, hashing as it goes; the temp file is
/// returned only when size and digest match `desc` (it is deleted otherwise). The caller
/// gives it its final name with `persist`.
pub async fn write_verified(
    reader: BlobReader,
    desc: &Descriptor,
    dir: &Path,
    what: &str,
) -> Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".artifact-").suffix(".partial");
    // Pulled files get the usual mode (0666 less the umask), not the temp file's 0600.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder
        .tempfile_in(dir)
        .map_err(|e| RegistryError::io(format!("cannot create a file in {}", dir.display()), e))?;
    let file = tmp
        .reopen()
        .map_err(|e| RegistryError::io(format!("cannot write in {}", dir.display()), e))?;
    let mut out = tokio::io::BufWriter::with_capacity(BUF, tokio::fs::File::from_std(file));
    copy_verified(reader, &mut out, desc, what).await?;
    Ok(tmp)
}

/// Copy `reader` to `out`, hashing as it goes, and fail unless exactly `desc.size` bytes with
/// `desc.digest` went through (a longer body is cut off at the first extra byte). The bytes
/// are written before the verdict: write to a temp file when that matters.
pub async fn copy_verified<W: AsyncWrite + Unpin>(
    mut reader: BlobReader,
    out: &mut W,
    desc: &Descriptor,
    what: &str,
) -> Result<()> {
    let mut h = Hasher::new(desc.digest.algorithm());
    let mut buf = vec![0u8; BUF];
    let mut total = 0u64;
    loop {
        let n = reader
            .read(&mut buf)
            .await
            .map_err(|e| RegistryError::io(what.to_string(), e))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > desc.size {
            return Err(RegistryError::SizeMismatch {
                what: what.to_string(),
                expected: desc.size,
                actual: total,
            });
        }
        h.update(&buf[..n]);
        out.write_all(&buf[..n])
            .await
            .map_err(|e| RegistryError::io(format!("cannot write {what}"), e))?;
    }
    out.flush()
        .await
        .map_err(|e| RegistryError::io(format!("cannot write {what}"), e))?;
    if total != desc.size {
        return Err(RegistryError::SizeMismatch {
            what: what.to_string(),
            expected: desc.size,
            actual: total,
        });
    }
    let actual = h.finish();
    if actual != desc.digest {
        return Err(RegistryError::DigestMismatch {
            what: what.to_string(),
            expected: desc.digest.clone(),
            actual,
        });
    }
    Ok(())
}
