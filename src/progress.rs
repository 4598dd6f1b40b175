//! Byte counting for progress displays, kept out of the transfer logic.
//!
//! The registry client and the image-layout target report the bytes they move to an optional
//! [`TransferObserver`], where the bytes actually move: the body stream of an upload request
//! and the stream of a download. What to do with the counts (progress bars, nothing) is up to
//! the observer; the library draws nothing.
//!
//! The cost per chunk is one virtual call with a key built when the stream was opened; the
//! observer must be cheap (an atomic add).

use std::fmt;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

use crate::digest::Digest;

/// Which transfer bytes belong to: the file an upload reads (uploads from files, whose digest
/// may not be known until they are sent), or the blob's digest (downloads, copies).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProgressKey {
    Path(PathBuf),
    Digest(Digest),
}

/// Receives byte counts from transfers in flight. Called from the streams that move the
/// bytes, so it must be cheap and must not block.
pub trait TransferObserver: Send + Sync {
    /// `bytes` more bytes of `key` moved.
    fn advanced(&self, key: &ProgressKey, bytes: u64);

    /// The transfer of `key` (re)starts at byte `position`: an upload request body begins
    /// there, so bytes counted beyond it (a failed attempt, a chunk the registry did not
    /// keep) will move again.
    fn restarted(&self, key: &ProgressKey, position: u64) {
        let _ = (key, position);
    }
}

impl fmt::Debug for dyn TransferObserver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TransferObserver")
    }
}

/// An observer and the key it counts under, for one stream.
#[derive(Clone)]
pub(crate) struct Counter {
    observer: Arc<dyn TransferObserver>,
    key: ProgressKey,
}

impl Counter {
    /// A counter for `key`, or `None` without an observer.
    pub(crate) fn new(
        observer: Option<&Arc<dyn TransferObserver>>,
        key: impl FnOnce() -> ProgressKey,
    ) -> Option<Counter> {
        observer.map(|o| Counter {
            observer: o.clone(),
            key: key(),
        })
    }

    #[inline]
    pub(crate) fn add(&self, n: u64) {
        if n > 0 {
            self.observer.advanced(&self.key, n);
        }
    }

    pub(crate) fn restart(&self, position: u64) {
        self.observer.restarted(&self.key, position);
    }
}

/// An [`AsyncRead`] that counts what is read through it.
pub(crate) struct CountingReader<R> {
    inner: R,
    counter: Option<Counter>,
}

impl<R> CountingReader<R> {
    pub(crate) fn new(inner: R, counter: Option<Counter>) -> Self {
        CountingReader { inner, counter }
    }
}

impl<R: AsyncRead + Unpin> AsyncRead for CountingReader<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let this = &mut *self;
        let r = Pin::new(&mut this.inner).poll_read(cx, buf);
        if let (Poll::Ready(Ok(())), Some(c)) = (&r, &this.counter) {
            c.add((buf.filled().len() - before) as u64);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use tokio::io::AsyncReadExt;

    #[derive(Default)]
    struct Sum(AtomicU64);
    impl TransferObserver for Sum {
        fn advanced(&self, _key: &ProgressKey, bytes: u64) {
            self.0.fetch_add(bytes, Ordering::Relaxed);
        }
    }

    #[tokio::test]
    async fn counting_reader_counts_every_byte() {
        let sum = Arc::new(Sum::default());
        let obs: Arc<dyn TransferObserver> = sum.clone();
        let data = vec![7u8; 100_000];
        let counter = Counter::new(Some(&obs), || ProgressKey::Path("x".into()));
        let mut r = CountingReader::new(std::io::Cursor::new(data.clone()), counter);
        let mut out = Vec::new();
        r.read_to_end(&mut out).await.unwrap();
        assert_eq!(out, data);
        assert_eq!(sum.0.load(Ordering::Relaxed), 100_000);
    }
}
