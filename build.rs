//! Names this build of the program: a hash of its sources, its lock file and
//! the compiler, as `VITRINE_PROGRAM_ID`. The data folder's name includes it
//! (`prerender::data_hash`), so a changed program never reuses an old name,
//! without reading and hashing the 20 MB binary on every build of a site.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.sort();
    files.push("Cargo.lock".into());
    files.push("Cargo.toml".into());
    // Two SipHash streams (fixed keys) apart: 128 bits.
    let (mut a, mut b) = (DefaultHasher::new(), DefaultHasher::new());
    b.write(b"vitrine");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    let profile = std::env::var("PROFILE").unwrap_or_default();
    for part in [version, profile.into_bytes()] {
        a.write(&part);
        b.write(&part);
    }
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        let name = file.to_string_lossy();
        for h in [&mut a, &mut b] {
            h.write(name.as_bytes());
            h.write_usize(bytes.len());
            h.write(&bytes);
        }
    }
    println!(
        "cargo:rustc-env=VITRINE_PROGRAM_ID={:016x}{:016x}",
        a.finish(),
        b.finish()
    );
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
