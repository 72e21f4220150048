//! Raster images (JPEG, PNG, WebP) resized to a few widths in lossy WebP.
//!
//! `plan` reads each referenced file once: content hash, displayed size, no pixels.
//! `encode` fills a cache whose file names are content keys, on every core.
//! `write` links the variants into the site under `_img/`.

use fast_image_resize::{images::Image, images::ImageRef, PixelType, Resizer};
use image::{metadata::Orientation, DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::io::{self, Cursor};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::{fmt::Display, fs};

/// Settings that change the bytes of a variant; part of every cache key.
pub const WIDTHS: [u32; 4] = [480, 800, 1200, 1600];
pub const QUALITY: f32 = 80.0;
/// Bump when the output changes in a way the settings above do not show.
const FORMAT: u32 = 1;
/// Folder of the variants under the site root.
const DIR: &str = "_img";
const WIDEST: u32 = WIDTHS[WIDTHS.len() - 1];
/// Widest variant used for `src`.
const FALLBACK: u32 = 800;
/// image's own allocation limit: larger files are served as they are.
const MAX_DECODED: u64 = 512 << 20;
/// libwebp's largest side: taller images are served as they are.
const MAX_SIDE: u32 = 16383;

type Cell = Arc<OnceLock<Option<Arc<Planned>>>>;

pub struct Pictures {
    cache: PathBuf,
    memo: Mutex<HashMap<PathBuf, Cell>>,
    /// Keys whose encoding failed in the last `encode`.
    failed: Mutex<HashSet<String>>,
}

struct Planned {
    picture: Arc<Picture>,
    key: String,
    error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    /// Path under the site root, e.g. "_img/3fa2c19b04d1-800.webp".
    pub file: String,
}

#[derive(Debug)]
pub struct Picture {
    pub source: PathBuf,
    /// Displayed size, EXIF orientation applied.
    pub width: u32,
    pub height: u32,
    /// Smallest first; empty when the file could not be read.
    pub variants: Vec<Variant>,
    pub source_bytes: u64,
}

#[derive(Debug, Default)]
pub struct Summary {
    /// Distinct images (by content), failed ones included.
    pub images: usize,
    /// Images decoded and encoded this run.
    pub encoded: usize,
    /// Images fully served from the cache.
    pub cached: usize,
    pub source_bytes: u64,
    /// Bytes of each image's fallback variant, summed.
    pub variant_bytes_800: u64,
}

#[derive(Debug)]
pub struct Failure {
    pub source: PathBuf,
    pub message: String,
    /// The content key: every path with these bytes failed.
    pub key: String,
}

impl Picture {
    /// `srcset` value, URLs relative to the site root without a leading slash.
    pub fn srcset(&self) -> String {
        let parts: Vec<String> = self
            .variants
            .iter()
            .map(|v| format!("{} {}w", v.file, v.width))
            .collect();
        parts.join(", ")
    }

    /// The variant for `src`: the widest one <= 800 px, else the narrowest.
    /// Panics when `variants` is empty (a failed file): use the original then.
    pub fn fallback(&self) -> &Variant {
        let fitting = self.variants.iter().rev().find(|v| v.width <= FALLBACK);
        fitting
            .or(self.variants.first())
            .expect("a picture that failed has no variants")
    }
}

impl Pictures {
    pub fn new(cache: PathBuf) -> Self {
        Pictures {
            cache,
            memo: Mutex::default(),
            failed: Mutex::default(),
        }
    }

    /// The picture for a static file, or None when it is not a still JPEG/PNG/WebP.
    /// Memoised per path; safe to call from many threads.
    pub fn plan(&self, path: &Path) -> Option<Arc<Picture>> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if !matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "webp") {
            return None;
        }
        let cell = lock(&self.memo).entry(path.to_path_buf()).or_default().clone();
        let planned = cell.get_or_init(|| plan_file(path).map(Arc::new));
        planned.as_ref().map(|p| p.picture.clone())
    }

    /// The content key of a planned file (equal bytes, equal key).
    pub fn key_of(&self, path: &Path) -> Option<String> {
        let cell = lock(&self.memo).get(path).cloned()?;
        cell.get()?.as_ref().map(|p| p.key.clone())
    }

    /// Encodes every planned picture not already in the cache, in parallel.
    pub fn encode(&self) -> (Summary, Vec<Failure>) {
        let planned = self.planned();
        let fail = |p: &Planned, message: String| Failure {
            source: p.picture.source.clone(),
            message,
            key: p.key.clone(),
        };
        let mut failures: Vec<Failure> = planned.iter().filter_map(|p| Some(fail(p, p.error.clone()?))).collect();
        let todo: Vec<&Planned> = planned.iter().filter(|p| p.error.is_none()).map(|p| &**p).collect();
        let results: Vec<Result<bool, String>> = todo.par_iter().map(|p| self.ensure(p)).collect();
        let mut summary = Summary {
            images: planned.len(),
            ..Summary::default()
        };
        summary.source_bytes = planned.iter().map(|p| p.picture.source_bytes).sum();
        let mut failed = lock(&self.failed);
        failed.clear();
        for (p, result) in todo.iter().zip(results) {
            match result {
                Ok(encoded) => {
                    summary.encoded += encoded as usize;
                    summary.cached += !encoded as usize;
                    let fallback = self.cache_path(&p.picture.fallback().file);
                    summary.variant_bytes_800 += fs::metadata(fallback).map_or(0, |m| m.len());
                }
                Err(message) => {
                    failed.insert(p.key.clone());
                    failures.push(fail(p, message));
                }
            }
        }
        (summary, failures)
    }

    /// Links (or copies) the variants of every picture that did not fail into `out/_img/`.
    pub fn write(&self, out: &Path) -> io::Result<usize> {
        let failed = lock(&self.failed).clone();
        let mut written = 0;
        for p in self.planned() {
            if p.error.is_some() || failed.contains(&p.key) {
                continue;
            }
            fs::create_dir_all(out.join(DIR))?;
            for v in &p.picture.variants {
                let to = out.join(&v.file);
                let _ = fs::remove_file(&to);
                let from = self.cache_path(&v.file);
                if fs::hard_link(&from, &to).is_err() {
                    fs::copy(&from, &to)?;
                }
                written += 1;
            }
        }
        Ok(written)
    }

    /// Planned pictures, one per content key, by source path.
    fn planned(&self) -> Vec<Arc<Planned>> {
        let cells: Vec<Cell> = lock(&self.memo).values().cloned().collect();
        let mut all: Vec<Arc<Planned>> = cells.iter().filter_map(|c| c.get()?.clone()).collect();
        all.sort_by(|a, b| a.picture.source.cmp(&b.picture.source));
        let mut seen = HashSet::new();
        all.retain(|p| p.error.is_some() || seen.insert(p.key.clone()));
        all
    }

    fn cache_path(&self, file: &str) -> PathBuf {
        self.cache.join(Path::new(file).file_name().unwrap_or_default())
    }

    /// Ok(false) when every variant is cached, Ok(true) once encoded.
    fn ensure(&self, p: &Planned) -> Result<bool, String> {
        let cached = |v: &Variant| fs::metadata(self.cache_path(&v.file)).is_ok_and(|m| m.len() > 0);
        if p.picture.variants.iter().all(cached) {
            return Ok(false);
        }
        fs::create_dir_all(&self.cache).map_err(text)?;
        let bytes = fs::read(&p.picture.source).map_err(text)?;
        if key(&bytes) != p.key {
            return Err("the file changed during the build; build again".into());
        }
        let (decoder, orientation) = open(&bytes)?;
        let source = DynamicImage::from_decoder(decoder).map_err(text)?;
        drop(bytes);
        let swap = swaps(orientation);
        let sizes: Vec<(u32, u32)> = (p.picture.variants.iter().rev())
            .map(|v| if swap { (v.height, v.width) } else { (v.width, v.height) })
            .collect();
        let scaled = scale(source, &sizes)?;
        let jobs: Vec<_> = p.picture.variants.iter().rev().zip(scaled).collect();
        jobs.into_par_iter().try_for_each(|(v, mut image)| {
            image.apply_orientation(orientation);
            crate::compiler::model::files::write_atomic(&self.cache_path(&v.file), &webp(&image)?).map_err(text)
        })?;
        Ok(true)
    }
}

fn plan_file(path: &Path) -> Option<Planned> {
    let read = fs::read(path).map_err(text);
    let bytes: &[u8] = read.as_deref().unwrap_or_default();
    if animated(bytes) {
        return None;
    }
    let key = key(bytes);
    let header = read.as_ref().map_err(Clone::clone).and_then(|b| header(b));
    let (width, height, variants, error) = match header {
        Ok(None) => return None,
        Ok(Some((w, h))) if already_light(bytes, w, h) => return None,
        Ok(Some((w, h))) => (w, h, variants(&key, w, h), None),
        Err(e) => (0, 0, Vec::new(), Some(e)),
    };
    let source_bytes = bytes.len() as u64;
    let picture = Arc::new(Picture {
        source: path.to_path_buf(),
        width,
        height,
        variants,
        source_bytes,
    });
    Some(Planned { picture, key, error })
}

/// A flat PNG (a diagram, a logo) under 0.05 bytes a pixel and no wider than
/// the widest variant: lossy WebP would weigh more than it, so it is served as it is.
fn already_light(bytes: &[u8], width: u32, height: u32) -> bool {
    image::guess_format(bytes).ok() == Some(ImageFormat::Png)
        && width <= WIDEST
        && (bytes.len() as f64) < 0.05 * f64::from(width) * f64::from(height)
}

/// Displayed size from the header alone; `None` for a valid image too large
/// to resize (a very long full-page screenshot): it is served as it is.
fn header(bytes: &[u8]) -> Result<Option<(u32, u32)>, String> {
    if image::guess_format(bytes).ok() == Some(ImageFormat::Jpeg) && !jpeg_complete(bytes) {
        return Err("truncated JPEG: no end-of-image marker".into());
    }
    let (decoder, orientation) = open(bytes)?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err(format!("{w}x{h} pixels: an empty image"));
    }
    let (w, h) = if swaps(orientation) { (h, w) } else { (w, h) };
    let resizable = decoder.total_bytes() <= MAX_DECODED && height_at(w, h, w.min(WIDEST)) <= MAX_SIDE;
    Ok(resizable.then_some((w, h)))
}

fn open(bytes: &[u8]) -> Result<(impl ImageDecoder + '_, Orientation), String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(text)?;
    let mut decoder = reader.into_decoder().map_err(text)?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    Ok((decoder, orientation))
}

fn swaps(o: Orientation) -> bool {
    use Orientation::*;
    matches!(o, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
}

/// Content and settings → 12 hex characters.
fn key(bytes: &[u8]) -> String {
    let mut hash = Sha256::new();
    hash.update(FORMAT.to_le_bytes());
    WIDTHS.iter().for_each(|w| hash.update(w.to_le_bytes()));
    hash.update(QUALITY.to_le_bytes());
    hash.update(bytes);
    hash.finalize()[..6].iter().map(|b| format!("{b:02x}")).collect()
}

fn variants(key: &str, width: u32, height: u32) -> Vec<Variant> {
    let top = width.min(WIDEST);
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < width).collect();
    if widths.last() != Some(&top) {
        widths.push(top);
    }
    let variant = |w| Variant {
        width: w,
        height: height_at(width, height, w),
        file: format!("{DIR}/{key}-{w}.webp"),
    };
    widths.into_iter().map(variant).collect()
}

/// The height of a `width` x `height` image scaled to `w` wide, rounded.
fn height_at(width: u32, height: u32, w: u32) -> u32 {
    ((height as u64 * w as u64 + width as u64 / 2) / width as u64).max(1) as u32
}

/// Each size (widest first) resized from the previous one, Lanczos3.
fn scale(source: DynamicImage, sizes: &[(u32, u32)]) -> Result<Vec<DynamicImage>, String> {
    let alpha = source.color().has_alpha();
    let mut source: Option<DynamicImage> = Some(if alpha {
        source.into_rgba8().into()
    } else {
        source.into_rgb8().into()
    });
    let pixels = if alpha { PixelType::U8x4 } else { PixelType::U8x3 };
    let mut out: Vec<DynamicImage> = Vec::with_capacity(sizes.len());
    for &(w, h) in sizes {
        if let Some(same) = source.take_if(|s| (s.width(), s.height()) == (w, h)) {
            out.push(same);
            continue;
        }
        let from = out.last().or(source.as_ref()).expect("the source or a previous size");
        let from = ImageRef::new(from.width(), from.height(), from.as_bytes(), pixels).map_err(text)?;
        let mut to = Image::new(w, h, pixels);
        Resizer::new().resize(&from, &mut to, None).map_err(text)?;
        let buf = to.into_vec();
        let image = match alpha {
            true => image::RgbaImage::from_raw(w, h, buf).map(DynamicImage::from),
            false => image::RgbImage::from_raw(w, h, buf).map(DynamicImage::from),
        };
        out.push(image.ok_or("resize: wrong buffer size")?);
    }
    Ok(out)
}

fn webp(image: &DynamicImage) -> Result<Vec<u8>, String> {
    let layout = match image.color().has_alpha() {
        true => webp::PixelLayout::Rgba,
        false => webp::PixelLayout::Rgb,
    };
    let encoder = webp::Encoder::new(image.as_bytes(), layout, image.width(), image.height());
    let memory = encoder
        .encode_simple(false, QUALITY)
        .map_err(|e| format!("WebP: {e:?}"))?;
    Ok(memory.to_vec())
}

/// Temp name + rename: a variant is either whole or absent.
/// Animated PNG/WebP pass through untouched (a variant would be a still).
fn animated(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"RIFF") && bytes.get(8..16) == Some(&b"WEBPVP8X"[..]) {
        return bytes.get(20).is_some_and(|flags| flags & 0x02 != 0);
    }
    let mut i = 8;
    while bytes.starts_with(b"\x89PNG") && i + 8 <= bytes.len() {
        match &bytes[i + 4..i + 8] {
            b"acTL" => return true,
            b"IDAT" => return false,
            _ => i = i.saturating_add(12 + u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap()) as usize),
        }
    }
    false
}

/// The decoder fills a JPEG cut short with grey without complaint: look for
/// the end-of-image marker after the first scan. Unknown layouts pass.
fn jpeg_complete(bytes: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        match bytes[i..i + 2] {
            [0xFF, 0xDA] => return bytes[i..].windows(2).rev().any(|w| w == [0xFF, 0xD9]),
            [0xFF, 0xFF] => i += 1,
            [0xFF, _] => i += 2 + u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize,
            _ => return true,
        }
    }
    false
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn text(e: impl Display) -> String {
    e.to_string()
}

#[cfg(test)]
mod tests;
