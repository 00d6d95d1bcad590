//! Words of the article as byte spans, and words in lower case without allocating:
//! the representation every rule of extraction and attribution works on.

use std::ops::Range;

/// A word or punctuation mark of the article, by byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// Splits a range of text into words (keeping inner apostrophes, hyphens and dots, as in
/// "O'Brien", "al-Sudani", "U.S.") and single punctuation marks.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let mut out = Vec::new();
    words_into(text, range, &mut out);
    out
}

/// ASCII letters and digits, by byte: a table lookup per byte of every word.
static ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character at byte `i` of `s` and its length; ASCII without decoding.
#[inline(always)]
pub(crate) fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes()[i] {
        b if b.is_ascii() => (char::from(b), 1),
        _ => s[i..]
            .chars()
            .next()
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// `words`, appended to `out`.
pub fn words_into(text: &str, range: Range<usize>, out: &mut Vec<Word>) {
    if range.start >= range.end {
        return;
    }
    let s = &text[range.clone()];
    let at = |i: usize| range.start + i;
    let mut i = 0;
    while i < s.len() {
        // Spaces between words, without decoding.
        if s.as_bytes()[i] == b' ' {
            i += 1;
            continue;
        }
        let (c, n) = char_at(s, i);
        if !c.is_alphanumeric() {
            if !c.is_whitespace() {
                out.push(Word {
                    start: at(i),
                    end: at(i + n),
                });
            }
            i += n;
            continue;
        }
        let start = i;
        let mut end = i + n;
        // Whether the word so far has a dot: its final dot then belongs to it ("U.S.").
        let mut dotted = false;
        while end < s.len() {
            // ASCII letters and digits continue the word, other ASCII but the joiners
            // end it: the common cases, without decoding.
            match s.as_bytes()[end] {
                b if ALNUM[usize::from(b)] => {
                    end += 1;
                    continue;
                }
                b'\'' | b'-' | b'.' | b'&' => {}
                b if b.is_ascii() => break,
                _ => {}
            }
            let (d, m) = char_at(s, end);
            let inner = matches!(d, '\'' | '’' | '-' | '.' | '&')
                && end + m < s.len()
                && char_at(s, end + m).0.is_alphanumeric();
            if d.is_alphanumeric() || inner {
                dotted |= d == '.';
                end += m;
            } else {
                if d == '.' && dotted {
                    end += 1;
                }
                break;
            }
        }
        out.push(Word {
            start: at(start),
            end: at(end),
        });
        i = end;
    }
}

pub fn lower(text: &str, w: Word) -> String {
    text[w.start..w.end].to_lowercase()
}

/// A word in lower case, as `lower` gives it, kept on the stack when it is short ASCII:
/// words are lower-cased many times over for every article.
pub struct Lower {
    buf: [u8; 24],
    len: usize,
    heap: Option<String>,
}

impl Lower {
    pub fn new(s: &str) -> Lower {
        let mut buf = [0u8; 24];
        if s.len() <= buf.len() {
            // Copied, checked and lower-cased in one pass over the bytes (three passes
            // and a memcpy call cost more than the words are long).
            let mut ascii = true;
            for (to, &b) in buf.iter_mut().zip(s.as_bytes()) {
                ascii &= b.is_ascii();
                *to = b.to_ascii_lowercase();
            }
            if ascii {
                return Lower {
                    buf,
                    len: s.len(),
                    heap: None,
                };
            }
        }
        Lower {
            buf,
            len: 0,
            heap: Some(s.to_lowercase()),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            // SAFETY: `new` fills the buffer only from an ASCII string, lower-cased as
            // ASCII, so it is valid UTF-8 (checking it cost 9% of scoring time).
            None => unsafe { std::str::from_utf8_unchecked(&self.buf[..self.len]) },
        }
    }
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lower {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// `lower`, without allocating for short ASCII words.
pub fn lowered(text: &str, w: Word) -> Lower {
    Lower::new(&text[w.start..w.end])
}

/// Whether the word is `lower` in any case: `lowered(text, w) == lower` without
/// lower-casing it, for an ASCII lower-case `lower` without a "k" (outside ASCII only the
/// Kelvin sign lower-cases to ASCII alone, to "k").
pub fn is_word(text: &str, w: Word, lower: &str) -> bool {
    text[w.start..w.end].eq_ignore_ascii_case(lower)
}

/// `s.ends_with(" {tail}")`, without formatting that string.
pub fn ends_with_word(s: &str, tail: &str) -> bool {
    s.len() > tail.len() && s.ends_with(tail) && s.as_bytes()[s.len() - tail.len() - 1] == b' '
}

/// `s.starts_with("{head} ")`, without formatting that string.
pub fn starts_with_word(s: &str, head: &str) -> bool {
    s.len() > head.len() && s.starts_with(head) && s.as_bytes()[head.len()] == b' '
}

/// `" {s} ".contains(" {words} ")`, without formatting either string: `words` occurs in
/// `s` with a space or an end of `s` on each side.
pub fn contains_words(s: &str, words: &str) -> bool {
    let b = s.as_bytes();
    // The byte before first: it rules out all but the starts of words.
    (0..=s.len().saturating_sub(words.len())).any(|i| {
        (i == 0 || b[i - 1] == b' ')
            && s.is_char_boundary(i)
            && s[i..].starts_with(words)
            && (i + words.len() == s.len() || b[i + words.len()] == b' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_words_match_as_lower_cased() {
        let text = "of OF Of oF for FOR on and AND the The THE its İts ITS their ACCORDING To tO that THAT \u{212A}of öf ff";
        for w in words(text, 0..text.len()) {
            for lower in [
                "of",
                "for",
                "on",
                "and",
                "the",
                "its",
                "their",
                "according",
                "to",
                "that",
            ] {
                assert_eq!(
                    is_word(text, w, lower),
                    lowered(text, w) == lower,
                    "{:?} {lower}",
                    &text[w.start..w.end]
                );
            }
        }
    }

    #[test]
    fn word_matches_are_the_formatted_ones() {
        let cases = [
            "",
            " ",
            "a",
            "ministry",
            "foreign ministry",
            "the  ministry ",
            "é ministry",
        ];
        for s in cases {
            for t in cases {
                assert_eq!(
                    ends_with_word(s, t),
                    s.ends_with(&format!(" {t}")),
                    "{s:?} {t:?}"
                );
                assert_eq!(
                    starts_with_word(s, t),
                    s.starts_with(&format!("{t} ")),
                    "{s:?} {t:?}"
                );
                assert_eq!(
                    contains_words(s, t),
                    format!(" {s} ").contains(&format!(" {t} ")),
                    "{s:?} {t:?}"
                );
            }
        }
    }
}
