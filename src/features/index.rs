//! The vocabulary as the scoring path looks it up: each word of a statement once, then
//! its n-grams by the ids of their words, without writing out and hashing the text of
//! every n-gram (most of which are not in the vocabulary).

use super::{for_each_gram, is_cue, tokens::Token, Featurizer, Vocabulary};
use rustc_hash::FxHashMap;

/// What scoring needs to know of a stemmed word.
#[derive(Debug, Clone, Copy, Default)]
struct WordInfo {
    /// The word's id among the words of the vocabulary's n-grams, if it is in one.
    id: Option<u32>,
    stop: bool,
}

/// A vocabulary compiled for `Featurizer::featurize`.
#[derive(Debug, Clone)]
pub struct VocabIndex {
    /// The terms looked up by their text: cue features, and n-grams too when `grams`
    /// is `None`.
    pub(super) vocabulary: Vocabulary,
    /// Stop words and the words of the vocabulary's n-grams.
    words: FxHashMap<String, WordInfo>,
    /// N-grams of one or two words by `gram_key`, when the featurizer makes no longer
    /// ones (otherwise `None`, and n-grams are looked up by their text).
    grams: Option<FxHashMap<u128, usize>>,
}

/// One word of an n-gram with its prefixes, never 0 (0 is "no word").
fn part(id: u32, topic: bool, negated: bool) -> u128 {
    ((u128::from(id) << 2) | (u128::from(topic) << 1) | u128::from(negated)) + 1
}

/// An n-gram term's text split into (stem, topic, negated) per word, as `for_each_ngram`
/// writes it: "about_" then "NOT_" then the stem, words joined by one space.
fn parse(term: &str) -> Vec<(&str, bool, bool)> {
    term.split(' ')
        .map(|w| {
            let (topic, w) = w.strip_prefix("about_").map_or((false, w), |r| (true, r));
            let (negated, w) = w.strip_prefix("NOT_").map_or((false, w), |r| (true, r));
            (w, topic, negated)
        })
        .collect()
}

impl VocabIndex {
    pub fn new(featurizer: &Featurizer, vocabulary: &Vocabulary) -> VocabIndex {
        let mut words: FxHashMap<String, WordInfo> = featurizer
            .stop_stems
            .iter()
            .map(|s| {
                (
                    s.clone(),
                    WordInfo {
                        id: None,
                        stop: true,
                    },
                )
            })
            .collect();
        let mut grams = FxHashMap::default();
        let mut next_id = 0u32;
        for (term, &feature) in vocabulary {
            // `parse` undoes `for_each_ngram`'s writing exactly (joining the parts back
            // gives the term), so no n-gram's text can match a term under another key.
            let parts = parse(term);
            if is_cue(term) || parts.len() > 2 {
                continue;
            }
            let mut key = 0u128;
            for (k, (w, topic, negated)) in parts.into_iter().enumerate() {
                let info = words.entry(w.to_string()).or_default();
                let id = *info.id.get_or_insert_with(|| {
                    next_id += 1;
                    next_id - 1
                });
                key |= part(id, topic, negated) << (64 * k);
            }
            grams.insert(key, feature);
        }
        let by_id = featurizer.config.ngram_max <= 2;
        VocabIndex {
            vocabulary: vocabulary
                .iter()
                .filter(|(term, _)| !by_id || is_cue(term))
                .map(|(term, &feature)| (term.clone(), feature))
                .collect(),
            words,
            grams: by_id.then_some(grams),
        }
    }

    /// Calls `f` with the feature id of every n-gram of `toks` in the vocabulary, as
    /// `for_each_ngram` and a lookup of its text would; `None` when n-grams are longer
    /// than two words and must be looked up by their text.
    pub(super) fn for_each_ngram_id(
        &self,
        toks: &[Token],
        n_max: usize,
        mut f: impl FnMut(usize),
    ) -> Option<()> {
        let grams = self.grams.as_ref()?;
        let info: Vec<WordInfo> = toks
            .iter()
            .map(|t| match t.punct {
                true => WordInfo::default(),
                false => self.words.get(&t.text).copied().unwrap_or_default(),
            })
            .collect();
        for_each_gram(toks, n_max, |first, last| {
            if info[first..last].iter().all(|w| w.stop) {
                return;
            }
            let mut key = 0u128;
            for (k, j) in (first..last).enumerate() {
                // A word in no n-gram of the vocabulary: neither is this one.
                let Some(id) = info[j].id else {
                    return;
                };
                key |= part(id, toks[j].topic, toks[j].negated) << (64 * k);
            }
            if let Some(&feature) = grams.get(&key) {
                f(feature);
            }
        });
        Some(())
    }
}
