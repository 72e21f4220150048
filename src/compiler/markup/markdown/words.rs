//! Words counted for the reading time: runs between white space and
//! apostrophes that hold a letter or digit, eight ASCII bytes at a time.

pub(super) fn count_words(text: &str) -> usize {
    // Runs between white space and apostrophes that hold a letter or digit, in
    // one pass: eight ASCII bytes at a time where they are all ASCII, other
    // characters one by one. `word`: whether a word is open.
    let (mut count, mut word) = (0, 0usize);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(Ok(chunk)) = bytes.get(i..i + 8).map(<[u8; 8]>::try_from) {
            let chunk = u64::from_le_bytes(chunk);
            if chunk & ASCII_HIGH == 0 {
                let (ends, letters) = ascii_classes(chunk);
                for half in [0, 4] {
                    let step = FOUR_BYTES[((ends >> half) & 15) << 4 | ((letters >> half) & 15)][word];
                    count += usize::from(step >> 1);
                    word = usize::from(step & 1);
                }
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let class = if b < 0x80 {
            i += 1;
            ascii_class(b)
        } else if word == 1 && !matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
            // Inside a word, only white space and `’` end it, and none of
            // them starts with this byte: a letter's byte, or a mark's.
            i += 1;
            0
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() || c == '’' {
                1
            } else {
                2 * usize::from(word == 1 || c.is_alphanumeric())
            }
        };
        (count, word) = word_step(class, word, count);
    }
    count + word
}

/// A character's class for [`count_words`]: 1 ends a word (white space, an
/// apostrophe), 2 is part of one (a letter or digit), 0 changes nothing.
const fn ascii_class(b: u8) -> usize {
    if b.is_ascii_whitespace() || b == 0x0b || b == b'\'' {
        1
    } else if b.is_ascii_alphanumeric() {
        2
    } else {
        0
    }
}

/// One character of class `class` counted: the words ended, and whether one is open.
const fn word_step(class: usize, word: usize, count: usize) -> (usize, usize) {
    let ended = word & (class == 1) as usize;
    (count + ended, (class == 2) as usize | (word & (class == 0) as usize))
}

const ASCII_HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes: which end a word and which are letters or digits
/// (bit `k` for byte `k`).
fn ascii_classes(chunk: u64) -> (usize, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bytes from `lo` to `hi`: their high bit set (bytes below 0x80, no carry).
    let within = |x: u64, lo: u64, hi: u64| (x + (0x80 - lo) * ONES) & !(x + (0x7F - hi) * ONES) & ASCII_HIGH;
    let ends = within(chunk, 0x09, 0x0D) | within(chunk, 0x20, 0x20) | within(chunk, 0x27, 0x27);
    let letters = within(chunk, 0x30, 0x39) | within(chunk | (0x20 * ONES), 0x61, 0x7A);
    // The high bits gathered into one byte, byte `k`'s as bit `k`.
    let gather = |bits: u64| ((bits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as usize;
    (gather(ends), gather(letters))
}

/// [`word_step`] over four bytes at once, by their end and letter bits and
/// whether a word is open before them: `words ended * 2 + open after`.
const FOUR_BYTES: [[u8; 2]; 256] = {
    let mut table = [[0u8; 2]; 256];
    let mut index = 0;
    while index < 256 {
        let mut open = 0;
        while open < 2 {
            let (mut count, mut word, mut k) = (0, open, 0);
            while k < 4 {
                let class = if (index >> 4) >> k & 1 == 1 {
                    1
                } else if index >> k & 1 == 1 {
                    2
                } else {
                    0
                };
                (count, word) = word_step(class, word, count);
                k += 1;
            }
            table[index][open] = (count * 2 + word) as u8;
            open += 1;
        }
        index += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The byte-wise count agrees with the plain definition, char by char.
        #[test]
        fn count_words_counts_runs_holding_a_letter(text in "[a-zA-Z0-9é’'\u{a0}\u{2003} \t\n\r\x0b\x0c.,;!«»@`{_~-]{0,120}") {
            let expected = text
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                .filter(|run| run.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(super::count_words(&text), expected);
        }
    }
}
