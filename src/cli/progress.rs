//! Progress bars on stderr for push, pull and copy, fed by the library's
//! [`TransferObserver`](crate::progress::TransferObserver).
//!
//! Bars are drawn only when stderr is a terminal and neither `--no-progress`, `--quiet`,
//! `--debug` (its trace shares stderr), a `CI` variable nor `TERM=dumb` says otherwise;
//! `NO_COLOR` keeps the bars but drops the colours. Without bars nothing is written to stderr
//! and the per-blob lines on stdout are the whole log. With bars those lines are printed above
//! them, still on stdout.
//!
//! One bar per blob in flight (label, bar, percentage, bytes done/total, speed, ETA) and a
//! total bar below them. A blob's bar goes away when it is done; its stdout line takes its
//! place. Counting costs a read lock and an atomic add per chunk; drawing is rate-limited.

use std::collections::HashMap;
use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock, Weak};
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::GlobalOpts;
use crate::digest::Digest;
use crate::manifest::Descriptor;
use crate::progress::{ProgressKey, TransferObserver};

/// Redraws per second at most.
const DRAW_HZ: u8 = 10;
/// How often bars are redrawn when no bytes move (to keep speed and ETA honest in a stall).
const TICK: Duration = Duration::from_millis(250);
/// Width of the label column.
const LABEL_WIDTH: usize = 22;

/// Should bars be drawn for this run? (`CI` counts when set to anything but the empty string.)
fn wanted(g: &GlobalOpts) -> bool {
    let set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
    !g.no_progress
        && !g.quiet
        && !g.debug
        && !set("CI")
        && !matches!(std::env::var_os("TERM"), Some(t) if t == "dumb")
        && std::io::stderr().is_terminal()
}

/// The progress display of one command; a no-op when bars are not wanted.
pub(crate) struct Progress {
    inner: Option<Arc<Inner>>,
}

struct Entry {
    size: u64,
    bar: Option<ProgressBar>,
    done: bool,
}

struct Inner {
    multi: MultiProgress,
    total: ProgressBar,
    style: ProgressStyle,
    entries: RwLock<HashMap<ProgressKey, Entry>>,
    planned: AtomicU64,
    finished: AtomicU64,
    stopped: AtomicBool,
}

impl Progress {
    /// Bars if this run wants them (see the module documentation), else nothing.
    pub(crate) fn new(g: &GlobalOpts) -> Progress {
        if !wanted(g) {
            return Progress { inner: None };
        }
        let color = !std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Progress::on(
            ProgressDrawTarget::stderr_with_hz(DRAW_HZ),
            color,
            Some(TICK),
        )
    }

    /// Bars drawn to `target`; `tick`: redraw this often from a background thread.
    fn on(target: ProgressDrawTarget, color: bool, tick: Option<Duration>) -> Progress {
        let (bar, prefix) = if color {
            ("{wide_bar:.cyan/blue}", "{prefix:.bold}")
        } else {
            ("{wide_bar}", "{prefix}")
        };
        let template = format!(
            "{prefix} {bar} {{percent:>3}}% {{binary_bytes:>10}}/{{binary_total_bytes:<10}} \
             {{binary_bytes_per_sec:>12}} ETA {{eta:<3}}"
        );
        let style = ProgressStyle::with_template(&template)
            .expect("valid progress template")
            .progress_chars("=> ");
        let multi = MultiProgress::with_draw_target(target);
        let total = multi.add(
            ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden())
                .with_style(style.clone())
                .with_prefix(pad("Total 0/0", LABEL_WIDTH)),
        );
        let inner = Arc::new(Inner {
            multi,
            total,
            style,
            entries: RwLock::new(HashMap::new()),
            planned: AtomicU64::new(0),
            finished: AtomicU64::new(0),
            stopped: AtomicBool::new(false),
        });
        if let Some(every) = tick {
            let weak = Arc::downgrade(&inner);
            std::thread::spawn(move || ticker(weak, every));
        }
        Progress { inner: Some(inner) }
    }

    /// What the registry client and layout targets report bytes to; `None` without bars.
    pub(crate) fn observer(&self) -> Option<Arc<dyn TransferObserver>> {
        self.inner
            .as_ref()
            .map(|i| i.clone() as Arc<dyn TransferObserver>)
    }

    /// A blob of `size` bytes will be transferred or found present: it counts in the total.
    pub(crate) fn expect(&self, key: ProgressKey, size: u64) {
        let Some(i) = &self.inner else { return };
        let mut entries = i.entries.write().unwrap();
        if entries.contains_key(&key) {
            return;
        }
        entries.insert(
            key,
            Entry {
                size,
                bar: None,
                done: false,
            },
        );
        i.planned.fetch_add(1, Ordering::Relaxed);
        i.total.inc_length(size);
        i.update_total_label();
    }

    /// The bytes of a blob [`expect`](Self::expect)ed start moving: show its bar.
    pub(crate) fn start(&self, key: &ProgressKey, label: &str) {
        let Some(i) = &self.inner else { return };
        let mut entries = i.entries.write().unwrap();
        let Some(e) = entries.get_mut(key) else {
            return;
        };
        if e.done || e.bar.is_some() {
            return;
        }
        // Hidden until it is in the multi-bar: drawn on its own it would leave a stray line.
        let bar = ProgressBar::with_draw_target(Some(e.size), ProgressDrawTarget::hidden())
            .with_style(i.style.clone())
            .with_prefix(pad(label, LABEL_WIDTH));
        e.bar = Some(i.multi.insert_before(&i.total, bar));
    }

    /// A blob is done (transferred, or there already): its bar goes, the total takes what
    /// was not counted yet.
    pub(crate) fn finish(&self, key: &ProgressKey) {
        let Some(i) = &self.inner else { return };
        let mut entries = i.entries.write().unwrap();
        let Some(e) = entries.get_mut(key) else {
            return;
        };
        if e.done {
            return;
        }
        e.done = true;
        let counted = e.bar.as_ref().map_or(0, ProgressBar::position);
        if let Some(bar) = e.bar.take() {
            bar.finish_and_clear();
            i.multi.remove(&bar);
        }
        i.total.inc(e.size.saturating_sub(counted));
        i.finished.fetch_add(1, Ordering::Relaxed);
        i.update_total_label();
    }

    /// Print a line on stdout, above the bars when they are drawn.
    pub(crate) fn println(&self, line: &str) {
        match &self.inner {
            Some(i) => i.multi.suspend(|| println!("{line}")),
            None => println!("{line}"),
        }
    }

    /// Take the bars off the screen (before the final report).
    pub(crate) fn clear(&self) {
        if let Some(i) = &self.inner {
            if i.stopped.swap(true, Ordering::Relaxed) {
                return;
            }
            for e in i.entries.read().unwrap().values() {
                if let Some(bar) = &e.bar {
                    bar.finish_and_clear();
                }
            }
            i.total.finish_and_clear();
            let _ = i.multi.clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        // On errors and Ctrl-C too: the error line must not land in the middle of the bars.
        self.clear();
    }
}

impl Inner {
    fn update_total_label(&self) {
        let (done, all) = (
            self.finished.load(Ordering::Relaxed),
            self.planned.load(Ordering::Relaxed),
        );
        self.total
            .set_prefix(pad(&format!("Total {done}/{all}"), LABEL_WIDTH));
    }
}

impl TransferObserver for Inner {
    fn advanced(&self, key: &ProgressKey, bytes: u64) {
        let entries = self.entries.read().unwrap();
        if let Some(Entry { bar: Some(bar), .. }) = entries.get(key) {
            bar.inc(bytes);
            self.total.inc(bytes);
        }
    }

    fn restarted(&self, key: &ProgressKey, position: u64) {
        let entries = self.entries.read().unwrap();
        if let Some(Entry { bar: Some(bar), .. }) = entries.get(key) {
            let was = bar.position();
            if was > position {
                // Counted bytes that will be sent again.
                bar.set_position(position);
                self.total.dec(was - position);
            }
        }
    }
}

/// Redraw every bar now and then, until the display is cleared or dropped.
fn ticker(weak: Weak<Inner>, every: Duration) {
    loop {
        std::thread::sleep(every);
        let Some(i) = weak.upgrade() else { return };
        if i.stopped.load(Ordering::Relaxed) {
            return;
        }
        for e in i.entries.read().unwrap().values() {
            if let Some(bar) = &e.bar {
                bar.tick();
            }
        }
        i.total.tick();
    }
}

/// A blob's label: its title, else its short digest (`sha256:0123456789ab`).
pub(crate) fn label_of(desc: &Descriptor) -> String {
    match desc.title() {
        Some(t) => t.to_string(),
        None => short_digest(&desc.digest),
    }
}

pub(crate) fn short_digest(d: &Digest) -> String {
    let s = d.to_string();
    match s.split_once(':') {
        Some((alg, hex)) => format!("{alg}:{}", &hex[..hex.len().min(12)]),
        None => s,
    }
}

/// `s` padded with spaces to `width` characters, or cut to its last `width - 1` with a
/// leading `…` (a path's end says most).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        format!("{s}{}", " ".repeat(width - n))
    } else {
        let tail: String = s.chars().skip(n - (width - 1)).collect();
        format!("…{tail}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use indicatif::TermLike;
    use std::sync::Mutex;

    /// A terminal that keeps everything written to it.
    #[derive(Debug, Clone, Default)]
    struct Recorder(Arc<Mutex<String>>);

    impl TermLike for Recorder {
        fn width(&self) -> u16 {
            120
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            let mut t = self.0.lock().unwrap();
            t.push_str(s);
            t.push('\n');
            Ok(())
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> std::io::Result<()> {
            Ok(())
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn labels_are_padded_or_cut_from_the_left() {
        assert_eq!(pad("a.txt", 8), "a.txt   ");
        assert_eq!(pad("models/weights.bin", 8), "…hts.bin");
        assert_eq!(pad("models/weights.bin", 8).chars().count(), 8);
        let d = Digest::of_bytes(b"");
        assert_eq!(short_digest(&d), "sha256:e3b0c44298fc");
    }

    #[test]
    fn bars_count_restart_and_finish() {
        let term = Recorder::default();
        let p = Progress::on(
            ProgressDrawTarget::term_like(Box::new(term.clone())),
            false,
            None,
        );
        let key = ProgressKey::Path("big.bin".into());
        let other = ProgressKey::Digest(Digest::of_bytes(b"x"));
        p.expect(key.clone(), 10 << 20);
        p.expect(other.clone(), 1 << 20);
        p.start(&key, "big.bin");
        let obs = p.observer().unwrap();
        obs.advanced(&key, 4 << 20);
        // A retry from byte 1 MiB: what was counted past it is taken back.
        obs.restarted(&key, 1 << 20);
        obs.advanced(&key, 1 << 20);
        // Bytes of a blob without a bar are not counted.
        obs.advanced(&other, 1 << 20);
        let i = p.inner.as_ref().unwrap();
        assert_eq!(i.total.position(), 2 << 20);
        std::thread::sleep(Duration::from_millis(150));
        i.total.tick();
        let screen = term.0.lock().unwrap().clone();
        assert!(screen.contains("big.bin"), "{screen}");
        assert!(screen.contains("Total 0/2"), "{screen}");
        assert!(screen.contains("MiB"), "{screen}");
        assert!(!screen.contains('\x1b'), "no colour asked for: {screen:?}");
        p.finish(&key);
        p.finish(&other);
        p.finish(&other);
        assert_eq!(i.total.position(), 11 << 20);
        assert_eq!(i.total.length(), Some(11 << 20));
        p.clear();
    }
}
