//! Where a command's output goes: stdout, or a file that appears whole or not at all.
//!
//! A file (`-o FILE`) is written to a temporary file created beside it, exclusively and under
//! an unpredictable name (`tempfile`), so nobody can plant a symlink there in advance; only
//! when everything was written and synced is it renamed over the target. A symlink given as
//! `-o` is followed: its target is replaced and the link stays. The file keeps the target's
//! permissions (a 0600 file stays 0600) and, where allowed, its owner. A device or a FIFO
//! (`/dev/null`, `/dev/stdout`) is written in place. SIGINT, SIGTERM, SIGHUP and SIGQUIT
//! remove the temporary files before the process ends by the same signal. Every error names
//! the file: `out.json: writing: No space left on device`.

use anyhow::{anyhow, Result};
use std::fs::{self, File};
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

/// An output destination; see the module documentation.
pub struct Output {
    dest: Dest,
    /// The name errors give: the path as the user wrote it, or `stdout`.
    name: String,
}

enum Dest {
    Stdout(BufWriter<io::Stdout>),
    /// A device or a FIFO, written directly.
    InPlace(BufWriter<File>),
    /// A temporary file to be renamed over `target` by [`Output::finish`].
    Temp {
        w: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
        /// The existing target's mode, owner and group, given to the file before the rename.
        keep: Option<Keep>,
    },
    /// After `finish`, or after a failure.
    Done,
}

/// What a replaced file keeps: its permission bits, owner and group.
#[derive(Clone, Copy)]
struct Keep {
    mode: u32,
    uid: u32,
    gid: u32,
}

impl Keep {
    fn of(m: &fs::Metadata) -> Keep {
        use std::os::unix::fs::MetadataExt;
        Keep {
            mode: m.mode() & 0o777,
            uid: m.uid(),
            gid: m.gid(),
        }
    }

    /// Gives `file` these permissions and, when we may (as root), this owner; a user cannot
    /// give a file away, and then it is theirs as any new file is.
    fn apply(self, file: &File) -> io::Result<()> {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let now = file.metadata()?;
        if (now.uid(), now.gid()) != (self.uid, self.gid) {
            let _ = std::os::unix::fs::fchown(file, Some(self.uid), Some(self.gid));
        }
        file.set_permissions(fs::Permissions::from_mode(self.mode))
    }
}

const BUFFER: usize = 1 << 16;

impl Output {
    /// Opens `path` for writing; `None` or `-` is stdout.
    pub fn open(path: Option<&str>) -> Result<Output> {
        let Some(path) = path.filter(|p| *p != "-") else {
            return Ok(Output {
                dest: Dest::Stdout(BufWriter::with_capacity(BUFFER, io::stdout())),
                name: "stdout".to_string(),
            });
        };
        let name = path.to_string();
        let fail = |what: &str, e: io::Error| anyhow!("{path}: {what}: {e}");
        let target = resolve_links(Path::new(path)).map_err(|e| fail("cannot write", e))?;
        let existing = match fs::metadata(&target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == ErrorKind::NotFound => None,
            Err(e) => return Err(fail("cannot write", e)),
        };
        if let Some(m) = &existing {
            if m.is_dir() {
                return Err(anyhow!("{path}: is a directory"));
            }
            // A file we may not write (read-only) is not replaced behind its owner's back,
            // though the rename would be allowed.
            if m.is_file() {
                fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(|e| fail("cannot write", e))?;
            }
            if !m.is_file() {
                let f = fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .map_err(|e| fail("cannot open", e))?;
                return Ok(Output {
                    dest: Dest::InPlace(BufWriter::with_capacity(BUFFER, f)),
                    name,
                });
            }
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let file_name = target
            .file_name()
            .ok_or_else(|| anyhow!("{path}: not a file name"))?;
        // Never wider than the target's permissions while being written, nor than a new
        // file's (0666 less the umask).
        let keep = existing.as_ref().map(Keep::of);
        let mode = keep.map_or(0o666, |k| k.mode);
        guard_signals();
        let mut pending = pending();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{}.", file_name.to_string_lossy()))
            .suffix(".tmp")
            .permissions(std::os::unix::fs::PermissionsExt::from_mode(mode))
            .tempfile_in(dir)
            .map_err(|e| {
                // tempfile appends the random name it tried ("… at path …"): noise here.
                let e = e.to_string();
                let e = e.split(" at path ").next().unwrap_or_default();
                anyhow!(
                    "{path}: cannot create a temporary file in {}: {e}",
                    dir.display()
                )
            })?;
        pending.push(tmp.path().to_path_buf());
        Ok(Output {
            dest: Dest::Temp {
                w: BufWriter::with_capacity(BUFFER, tmp),
                target,
                keep,
            },
            name,
        })
    }

    /// Whether this is stdout (where a closed pipe is a normal end, not an error).
    pub fn is_stdout(&self) -> bool {
        matches!(self.dest, Dest::Stdout(_))
    }

    /// A write error, naming the output.
    pub fn error(&self, e: io::Error) -> anyhow::Error {
        anyhow!("{}: writing: {e}", self.name)
    }

    /// Flushes everything and, for a file, puts it in place. Until this returns `Ok`, the
    /// target is untouched.
    pub fn finish(&mut self) -> Result<()> {
        let name = self.name.clone();
        let write_err = |e: io::Error| anyhow!("{name}: writing: {e}");
        match std::mem::replace(&mut self.dest, Dest::Done) {
            Dest::Done => Ok(()),
            Dest::Stdout(mut w) => match w.flush() {
                Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
                r => r.map_err(write_err),
            },
            Dest::InPlace(mut w) => w.flush().map_err(write_err),
            Dest::Temp { w, target, keep } => {
                let tmp = w.into_inner().map_err(|e| write_err(e.into_error()))?;
                if let Some(k) = keep {
                    k.apply(tmp.as_file()).map_err(write_err)?;
                }
                tmp.as_file().sync_all().map_err(write_err)?;
                // Under the lock, so a signal handler never removes a file that was renamed.
                let mut pending = pending();
                let path = tmp.path().to_path_buf();
                let result = tmp.persist(&target);
                pending.retain(|p| *p != path);
                result.map(drop).map_err(|e| {
                    anyhow!(
                        "{name}: cannot put the output in place: {}",
                        e.error // the temporary file is removed as `e` drops
                    )
                })
            }
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        // Not finished: the run failed. The temporary file is removed as it drops.
        if let Dest::Temp { w, .. } = &self.dest {
            let path = w.get_ref().path().to_path_buf();
            pending().retain(|p| *p != path);
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.dest {
            Dest::Stdout(w) => w.write(buf),
            Dest::InPlace(w) => w.write(buf),
            Dest::Temp { w, .. } => w.write(buf),
            Dest::Done => Err(io::Error::other("output already finished")),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.dest {
            Dest::Stdout(w) => w.write_all(buf),
            Dest::InPlace(w) => w.write_all(buf),
            Dest::Temp { w, .. } => w.write_all(buf),
            Dest::Done => Err(io::Error::other("output already finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.dest {
            Dest::Stdout(w) => w.flush(),
            Dest::InPlace(w) => w.flush(),
            Dest::Temp { w, .. } => w.flush(),
            Dest::Done => Ok(()),
        }
    }
}

/// Follows `path` through symlinks to the file they name, which need not exist yet, so the
/// link is kept and its target written.
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    // As many as Linux follows before ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Temporary files not yet in place, removed if a signal ends the process.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the lock leaves a list that is still right.
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Installs, once, the handler that removes pending temporary files on a terminating signal.
/// signal-hook rather than ctrlc: its iterator runs the clean-up on an ordinary thread (not in
/// signal context, so it may lock and unlink) and tells which signal came, which is then
/// re-raised with its default action, so the caller sees the process end by that signal (exit
/// status 130 for Ctrl-C in a shell) as if we had not caught it.
fn guard_signals() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        let Ok(mut signals) =
            signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])
        else {
            return; // no handler: a killed run may leave its temporary file, as before
        };
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let pending = pending();
                for p in pending.iter() {
                    let _ = fs::remove_file(p);
                }
                // Ends the process, still holding the lock: nothing is renamed after this.
                let _ = signal_hook::low_level::emulate_default_handler(sig);
                std::process::exit(128 + sig);
            }
        });
    });
}
