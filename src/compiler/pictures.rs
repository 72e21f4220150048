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
use std::sync::atomic::{AtomicU64, Ordering};
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
/// image's own allocation limit: larger files keep their original.
const MAX_DECODED: u64 = 512 << 20;
/// libwebp's largest side.
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

    /// Encodes every planned picture not already in the cache, in parallel.
    pub fn encode(&self) -> (Summary, Vec<Failure>) {
        let planned = self.planned();
        let fail = |p: &Planned, message: String| Failure {
            source: p.picture.source.clone(),
            message,
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
            write_atomic(&self.cache_path(&v.file), &webp(&image)?).map_err(text)
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
        Ok((w, h)) if already_light(bytes, w, h) => return None,
        Ok((w, h)) => (w, h, variants(&key, w, h), None),
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

/// Displayed size from the header alone.
fn header(bytes: &[u8]) -> Result<(u32, u32), String> {
    if image::guess_format(bytes).ok() == Some(ImageFormat::Jpeg) && !jpeg_complete(bytes) {
        return Err("truncated JPEG: no end-of-image marker".into());
    }
    let (decoder, orientation) = open(bytes)?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 || decoder.total_bytes() > MAX_DECODED {
        return Err(format!("{w}x{h} pixels: empty or too large to decode"));
    }
    let (w, h) = if swaps(orientation) { (h, w) } else { (w, h) };
    if height_at(w, h, w.min(WIDEST)) > MAX_SIDE {
        return Err(format!("{w}x{h} pixels: too tall for WebP"));
    }
    Ok((w, h))
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
fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp-{}-{n}", std::process::id()));
    let result = fs::write(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

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
mod tests {
    use super::*;
    use image::{GenericImageView, ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

    /// A gradient with noise, photo-like enough for JPEG and WebP.
    fn photo(w: u32, h: u32) -> RgbImage {
        let mut seed = 0x2545_f491_u32;
        RgbImage::from_fn(w, h, |x, y| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let n = seed % 24;
            Rgb([
                (x * 200 / w + n) as u8,
                (y * 200 / h + n) as u8,
                ((x + y) % 200 + n) as u8,
            ])
        })
    }

    fn jpeg(image: &RgbImage) -> Vec<u8> {
        let mut out = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88);
        encoder
            .write_image(image, image.width(), image.height(), image::ExtendedColorType::Rgb8)
            .unwrap();
        out
    }

    fn setup() -> (tempfile::TempDir, Pictures) {
        let dir = tempfile::tempdir().unwrap();
        let pictures = Pictures::new(dir.path().join("cache"));
        (dir, pictures)
    }

    fn decoded(pictures: &Pictures, v: &Variant) -> DynamicImage {
        let path = pictures.cache_path(&v.file);
        image::load_from_memory_with_format(&fs::read(path).unwrap(), ImageFormat::WebP).unwrap()
    }

    #[test]
    fn photo_gets_four_widths() {
        let (dir, pictures) = setup();
        let path = dir.path().join("big.JPG");
        fs::write(&path, jpeg(&photo(4000, 3000))).unwrap();
        let picture = pictures.plan(&path).unwrap();
        assert!(Arc::ptr_eq(&picture, &pictures.plan(&path).unwrap()));
        let sizes: Vec<_> = picture.variants.iter().map(|v| (v.width, v.height)).collect();
        assert_eq!(sizes, [(480, 360), (800, 600), (1200, 900), (1600, 1200)]);
        assert_eq!(picture.fallback().width, 800);
        let (summary, failures) = pictures.encode();
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!((summary.images, summary.encoded, summary.cached), (1, 1, 0));
        assert!(summary.variant_bytes_800 > 0);
        for v in &picture.variants {
            assert_eq!(decoded(&pictures, v).dimensions(), (v.width, v.height));
        }
        let out = dir.path().join("out");
        assert_eq!(pictures.write(&out).unwrap(), 4);
        assert!(out.join(&picture.variants[0].file).is_file());
        let key = picture.variants[0].file.trim_end_matches("-480.webp");
        assert!(picture
            .srcset()
            .starts_with(&format!("{key}-480.webp 480w, {key}-800.webp 800w")));
    }

    #[test]
    fn alpha_survives() {
        let (dir, pictures) = setup();
        let path = dir.path().join("logo.png");
        // Photo-like colours (a flat PNG would be served as it is), half transparent.
        let colours = photo(1000, 500);
        let image = RgbaImage::from_fn(1000, 500, |x, y| {
            let [r, g, b] = colours.get_pixel(x, y).0;
            Rgba([r, g, b, if x < 500 { 0 } else { 255 }])
        });
        image.save(&path).unwrap();
        let picture = pictures.plan(&path).unwrap();
        let widths: Vec<_> = picture.variants.iter().map(|v| v.width).collect();
        assert_eq!(widths, [480, 800, 1000]);
        assert!(pictures.encode().1.is_empty());
        let small = decoded(&pictures, &picture.variants[0]).to_rgba8();
        assert_eq!(small.get_pixel(10, 100)[3], 0);
        assert_eq!(small.get_pixel(470, 100)[3], 255);
    }

    #[test]
    fn webp_source_and_small_png() {
        let (dir, pictures) = setup();
        let webp_path = dir.path().join("shot.webp");
        DynamicImage::from(photo(900, 600)).save(&webp_path).unwrap();
        let png_path = dir.path().join("icon.png");
        photo(300, 200).save(&png_path).unwrap();
        let shot = pictures.plan(&webp_path).unwrap();
        assert_eq!(
            shot.variants.iter().map(|v| v.width).collect::<Vec<_>>(),
            [480, 800, 900]
        );
        let icon = pictures.plan(&png_path).unwrap();
        assert_eq!(icon.variants.len(), 1);
        assert_eq!((icon.fallback().width, icon.fallback().height), (300, 200));
        let (summary, failures) = pictures.encode();
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(summary.encoded, 2);
        assert_eq!(decoded(&pictures, &shot.variants[2]).dimensions(), (900, 600));
    }

    #[test]
    fn exif_orientation_makes_portrait() {
        let (dir, pictures) = setup();
        let plain = jpeg(&photo(1200, 900));
        // APP1 "Exif", big-endian TIFF, one IFD entry: 0x0112 SHORT 1 = 6 (rotate 90° CW).
        let mut exif = vec![0xFF, 0xE1, 0, 34];
        exif.extend_from_slice(b"Exif\0\0MM\0\x2A\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0\x06\0\0\0\0\0\0");
        let path = dir.path().join("side.jpeg");
        fs::write(&path, [&plain[..2], &exif, &plain[2..]].concat()).unwrap();
        let picture = pictures.plan(&path).unwrap();
        assert_eq!((picture.width, picture.height), (900, 1200));
        assert_eq!(picture.variants.last().unwrap().height, 1200);
        assert!(pictures.encode().1.is_empty());
        assert_eq!(decoded(&pictures, &picture.variants[0]).dimensions(), (480, 640));
    }

    #[test]
    fn corrupt_files_fail_without_variants() {
        let (dir, pictures) = setup();
        let fake = dir.path().join("fake.jpg");
        fs::write(&fake, b"\x89PNG\r\n\x1a\nthis is not a png at all").unwrap();
        let real = jpeg(&photo(1000, 800));
        let cut = dir.path().join("cut.jpg");
        fs::write(&cut, &real[..real.len() * 2 / 5]).unwrap();
        let tall = dir.path().join("tall.png");
        RgbImage::new(10, 17000).save(&tall).unwrap();
        for path in [&fake, &cut, &tall] {
            assert!(pictures.plan(path).unwrap().variants.is_empty());
        }
        let (summary, failures) = pictures.encode();
        assert_eq!((summary.images, summary.encoded), (3, 0));
        let named: Vec<_> = failures.iter().map(|f| f.source.file_name().unwrap()).collect();
        assert_eq!(named, ["cut.jpg", "fake.jpg", "tall.png"], "{failures:?}");
        assert_eq!(pictures.write(&dir.path().join("out")).unwrap(), 0);
        assert!(!dir.path().join("cache").exists());
    }

    #[test]
    fn cache_is_keyed_by_content() {
        let (dir, first) = setup();
        let path = dir.path().join("a.png");
        photo(700, 400).save(&path).unwrap();
        let before = first.plan(&path).unwrap();
        assert_eq!(first.encode().0.encoded, 1);
        let again = Pictures::new(dir.path().join("cache"));
        again.plan(&path).unwrap();
        let (summary, _) = again.encode();
        assert_eq!((summary.encoded, summary.cached), (0, 1));
        photo(700, 401).save(&path).unwrap();
        let changed = Pictures::new(dir.path().join("cache"));
        let after = changed.plan(&path).unwrap();
        assert_eq!(changed.encode().0.encoded, 1);
        assert_ne!(before.variants[0].file, after.variants[0].file);
    }

    #[test]
    fn other_files_pass_through() {
        let (dir, pictures) = setup();
        for name in ["logo.svg", "anim.gif", "paper.pdf", "README"] {
            assert!(pictures.plan(&dir.path().join(name)).is_none(), "{name}");
        }
        let mut apng = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        apng.extend_from_slice(&[0; 17]);
        apng.extend_from_slice(b"\0\0\0\x08acTL");
        fs::write(dir.path().join("moving.png"), apng).unwrap();
        assert!(pictures.plan(&dir.path().join("moving.png")).is_none());
    }

    /// `cargo test --profile compiler --lib pictures::tests::speed -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn speed() {
        let (dir, pictures) = setup();
        let path = dir.path().join("12mp.jpg");
        fs::write(&path, jpeg(&photo(4000, 3000))).unwrap();
        let start = std::time::Instant::now();
        pictures.plan(&path).unwrap();
        let planned = start.elapsed();
        let (summary, _) = pictures.encode();
        let total = start.elapsed();
        assert_eq!(summary.encoded, 1);
        let per_mp = total.as_secs_f64() * 1000.0 / 12.0;
        println!("plan {planned:?}, plan+encode {total:?}: {per_mp:.1} ms per megapixel");
    }
}
