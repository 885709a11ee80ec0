//! Writing files so that a crash or a full disk never leaves half a file, and an existing file
//! is never replaced by accident: write a temporary file in the same folder, flush it to disk,
//! then link it into place (fails if the target exists) or, when replacing is allowed, rename.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::ExportError;

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Writes `path` atomically with what `fill` writes. Refuses an existing `path` unless
/// `replace` is set.
pub fn write_atomic(
    path: &Path,
    replace: bool,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(ExportError::NoFolder(folder));
    }
    if !replace && path.exists() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    if path.is_dir() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = temp_path(path);
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(io)?;
    let result = (|| {
        let mut w = BufWriter::new(file);
        fill(&mut w)?;
        let file: File = w
            .into_inner()
            .map_err(|e| ExportError::Stream(e.into_error()))?;
        file.sync_all().map_err(io)?;
        if replace {
            fs::rename(&tmp, path).map_err(io)
        } else {
            // hard_link fails if the target appeared meanwhile: never clobber
            match fs::hard_link(&tmp, path) {
                Ok(()) => {
                    let _ = fs::remove_file(&tmp);
                    Ok(())
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(ExportError::Exists(path.to_path_buf()))
                }
                // file systems without hard links: the exists check above must do
                Err(_) => fs::rename(&tmp, path).map_err(io),
            }
        }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// [`write_atomic`] of a string, refusing to replace.
pub fn write_new(path: &Path, content: &str) -> Result<(), ExportError> {
    write_atomic(path, false, |w| Ok(w.write_all(content.as_bytes())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        write_new(&p, "one").unwrap();
        assert!(matches!(write_new(&p, "two"), Err(ExportError::Exists(_))));
        assert_eq!(fs::read_to_string(&p).unwrap(), "one");
        write_atomic(&p, true, |w| Ok(w.write_all(b"three")?)).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "three");
        // no temporary files left behind
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("nope").join("out.csv");
        assert!(matches!(write_new(&p, "x"), Err(ExportError::NoFolder(_))));
    }

    #[test]
    fn a_failed_fill_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        let r = write_atomic(&p, false, |_| Err(ExportError::Encode("boom".into())));
        assert!(r.is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
