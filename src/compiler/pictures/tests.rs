//! Variants, orientation, transparency, failures and the cache, on images made here.

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
    for path in [&fake, &cut] {
        assert!(pictures.plan(path).unwrap().variants.is_empty());
    }
    // A valid image too tall for WebP (a full-page screenshot) is served as it is.
    let tall = dir.path().join("tall.jpg");
    fs::write(&tall, jpeg(&photo(10, 17000))).unwrap();
    assert!(pictures.plan(&tall).is_none());
    let (summary, failures) = pictures.encode();
    assert_eq!((summary.images, summary.encoded), (2, 0));
    let named: Vec<_> = failures.iter().map(|f| f.source.file_name().unwrap()).collect();
    assert_eq!(named, ["cut.jpg", "fake.jpg"], "{failures:?}");
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
