//! The article cut up once: paragraphs, sentences and words as byte spans, shared by
//! extraction and attribution, which would otherwise split the same text again for every
//! sentence, quote and cue.

use super::sentences::{paragraphs, sentences};
use super::words::{self, Word};
use std::borrow::Cow;
use std::ops::Range;

pub struct Segments<'a> {
    pub text: &'a str,
    /// Non-empty lines, as `sentences::paragraphs` gives them.
    pub paragraphs: Vec<Range<usize>>,
    /// The sentences of every paragraph, in text order.
    pub sentences: Vec<Range<usize>>,
    /// For each paragraph, the index range of its sentences in `sentences`.
    para_sentences: Vec<Range<usize>>,
    /// Every word of the article in text order: `cues::words` of each paragraph.
    words: Vec<Word>,
}

impl<'a> Segments<'a> {
    pub fn new(text: &'a str) -> Segments<'a> {
        let paragraphs = paragraphs(text);
        let mut all = Vec::new();
        let mut para_sentences = Vec::with_capacity(paragraphs.len());
        let mut words = Vec::with_capacity(text.len() / 5);
        for p in &paragraphs {
            let first = all.len();
            all.extend(sentences(text, p.clone()));
            para_sentences.push(first..all.len());
            words::words_into(text, p.clone(), &mut words);
        }
        Segments {
            text,
            paragraphs,
            sentences: all,
            para_sentences,
            words,
        }
    }

    /// The sentences of paragraph `p` (an index into `paragraphs`).
    pub fn sentences_of(&self, p: usize) -> &[Range<usize>] {
        &self.sentences[self.para_sentences[p].clone()]
    }

    /// `words::words(text, range)`, borrowed from the article's words when no word
    /// straddles either end of the range. Words are cut between paragraphs only at white
    /// space, and a word's extent depends on nothing before its start, so a range whose
    /// ends fall between words gets exactly these words; otherwise it is split afresh.
    pub fn words(&self, range: Range<usize>) -> Cow<'_, [Word]> {
        if range.start >= range.end {
            return Cow::Borrowed(&[]);
        }
        let lo = self.words.partition_point(|w| w.end <= range.start);
        let hi = self.words.partition_point(|w| w.start < range.end);
        let straddles_start = self.words.get(lo).is_some_and(|w| w.start < range.start);
        let straddles_end = hi > 0 && self.words[hi - 1].end > range.end;
        if straddles_start || straddles_end {
            Cow::Owned(words::words(self.text, range))
        } else {
            Cow::Borrowed(&self.words[lo..hi.max(lo)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn borrowed_words_are_the_words_of_any_range() {
        let text = "Mr. Haddad met U.S. envoys. \"We agreed,\" he said — O'Brien’s\n\n  “al-Sudani.” x.y 3.5 e.g. A&B.";
        let seg = Segments::new(text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in &bounds {
                assert_eq!(
                    seg.words(a..b).as_ref(),
                    words::words(text, a..b).as_slice(),
                    "{a}..{b}"
                );
            }
        }
        assert_eq!(seg.words.as_slice(), words::words(text, 0..text.len()));
    }

    proptest::proptest! {
        #[test]
        fn borrowed_words_match_on_random_text(
            text in "[a-zA-Z0-9 .,'’&“”\"\n\t\u{a0}é-]{0,60}",
            cut in proptest::collection::vec(0usize..61, 2),
        ) {
            let seg = Segments::new(&text);
            let (a, b) = (cut[0].min(text.len()), cut[1].min(text.len()));
            if text.is_char_boundary(a) && text.is_char_boundary(b) {
                let (borrowed, split) = (seg.words(a..b).to_vec(), words::words(&text, a..b));
                proptest::prop_assert_eq!(borrowed, split);
            }
        }
    }
}
