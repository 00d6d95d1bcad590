//! Word lists, written as one space-separated string each so they stay readable, and
//! compiled on first use for the two lookups the rules make: an exact word, and a word
//! of the article in lower case (for every word of every article, so without allocating
//! for most).

use super::words::Lower;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// A set of lower-case words.
pub struct WordSet {
    list: &'static str,
    set: OnceLock<Compiled>,
}

struct Compiled {
    words: FxHashSet<&'static str>,
    /// For each first byte, bit `n` set when a word of `n` bytes (63: or more) starts
    /// with it: most lookups are ruled out without hashing.
    lengths: [u64; 256],
    /// The same by last byte.
    last_lengths: [u64; 256],
}

impl WordSet {
    pub const fn new(list: &'static str) -> WordSet {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    fn compiled(&self) -> &Compiled {
        self.set.get_or_init(|| {
            let words: FxHashSet<&'static str> = self.list.split_whitespace().collect();
            let (mut lengths, mut last_lengths) = ([0u64; 256], [0u64; 256]);
            for w in &words {
                let b = w.as_bytes();
                lengths[usize::from(b[0])] |= length_bit(b.len());
                last_lengths[usize::from(b[b.len() - 1])] |= length_bit(b.len());
            }
            Compiled {
                words,
                lengths,
                last_lengths,
            }
        })
    }

    pub fn has(&self, word: &str) -> bool {
        let set = self.compiled();
        let possible = match word.as_bytes().first() {
            Some(&first) => set.lengths[usize::from(first)] & length_bit(word.len()) != 0,
            None => true,
        };
        possible && set.words.contains(word)
    }

    /// `has(&word.to_lowercase())`, ruling most words out by first letter and length
    /// before lower-casing them.
    #[inline(always)]
    pub fn has_lowered(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let possible = match (b.first(), b.last()) {
            (Some(&first), Some(&last)) if first.is_ascii() => {
                // An ASCII first letter stays one byte when lower-cased; the length and
                // the last letter only when the whole word is ASCII.
                let set = self.compiled();
                let bit = length_bit(b.len());
                let lengths = set.lengths[usize::from(first.to_ascii_lowercase())];
                let last_lengths = set.last_lengths[usize::from(last.to_ascii_lowercase())];
                lengths != 0 && ((lengths & last_lengths & bit) != 0 || !word.is_ascii())
            }
            _ => true,
        };
        possible && self.has_lower_case_of(word)
    }

    #[inline(never)]
    fn has_lower_case_of(&self, word: &str) -> bool {
        self.has(&Lower::new(word))
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowered_lookup_is_lookup_of_the_lower_case() {
        static SET: WordSet = WordSet::new("said u.s. al-sudani é élan zoo a Upper");
        for w in [
            "said",
            "SAID",
            "Said",
            "sAid",
            "saidx",
            "sai",
            "U.S.",
            "u.s",
            "Al-Sudani",
            "É",
            "é",
            "ÉLAN",
            "Zoo",
            "A",
            "a",
            "",
            "upper",
            "Upper",
            "K",
        ] {
            assert_eq!(SET.has_lowered(w), SET.has(&w.to_lowercase()), "{w}");
        }
    }
}
