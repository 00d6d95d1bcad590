//! Statement → features, as one visible chain:
//! tokenize → lowercase → expand contractions → mark negation and topic scopes → stem
//! → word n-grams + negation-aware cue classes (and, if configured, their polarity)
//! → vocabulary ids.
//!
//! The same `FeatureConfig` is used to train and to score: it is stored in the model.

pub mod index;
pub mod lexicon;
pub mod tokens;

pub use index::VocabIndex;
use lexicon::{Cue, CueMatcher};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use tokens::Token;

/// Feature text → id. FxHash: the lookups are the scoring hot path, keys are not
/// attacker-chosen collisions worth defending against.
pub type Vocabulary = FxHashMap<String, usize>;

/// Everything that decides which features a statement gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureConfig {
    /// Longest word n-gram (1 = unigrams only, 2 = uni- and bigrams).
    pub ngram_max: usize,
    /// Word n-grams on or off (off only for ablations).
    pub ngrams: bool,
    /// Cue-class counts from the lexicon on or off (off only for ablations).
    pub cues: bool,
    /// A term enters the vocabulary only if this many training statements contain it.
    pub min_count: usize,
    /// After `min_count`, keep this many n-grams with the highest chi-squared score.
    pub max_features: usize,
    /// Scale each statement's feature vector to unit length, so long answers do not get
    /// more confident just by being long.
    pub l2_normalize: bool,
    /// The cue lexicon (`training-data/lexicon.csv` at training time).
    pub lexicon: Vec<Cue>,
    /// Function words that are not features on their own (nor in a bigram of two of
    /// them): how a statement is phrased, not what it means. They still open and close
    /// negation scopes and join content words in bigrams ("not NOT_accept").
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Mark the subject of a meeting or document ("talks on *sanctions*") as topic: its
    /// words become `about_` n-grams and its cues one `cue:topic`, so charged subjects of
    /// procedural news are not read as the speaker's stance. Off in models before v5.
    #[serde(default)]
    pub topic_scope: bool,
    /// Add the pooled polarity of the cues (`pol:coop`, `pol:conf`, CAMEO's verbal
    /// cooperation and conflict), flipped under negation: "will not retaliate" counts as
    /// cooperative even where the n-gram was never seen. Off by default: it helps the
    /// behavioural pairs but reads real joint announcements and "no evidence of …" as
    /// conciliatory (the model card's ablation has the figures).
    #[serde(default)]
    pub polarity: bool,
    /// Mask capitalised words inside a sentence as `<name>` (see `tokens::mask_names`).
    /// Off in models before v8.
    #[serde(default)]
    pub mask_names: bool,
}

/// The stop words of new models: pronouns, articles, prepositions, auxiliaries and
/// conjunctions, which our corpus tests show carry style rather than stance.
pub const DEFAULT_STOP_WORDS: &str = "a an the this that these those it its it's they them their \
    theirs we us our ours i me my you your yours he him his she her hers one ones \
    is are was were be been being am have has had having do does did done \
    and or but so as if then than also too very just only even \
    of in on at to for from by with about into onto over under between through during \
    before after up down out off again further here there when where which who whom whose \
    what why how all any both each few more most other some such own same \
    can could will would shall should may might must \
    s t d ll m re ve y <name>";

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            ngram_max: 2,
            ngrams: true,
            cues: true,
            min_count: 2,
            max_features: 4500,
            l2_normalize: true,
            lexicon: Vec::new(),
            stop_words: DEFAULT_STOP_WORDS
                .split_whitespace()
                .map(String::from)
                .collect(),
            topic_scope: true,
            polarity: false,
            mask_names: true,
        }
    }
}

/// A feature found in a statement, with the tokens it was built from.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub text: String,
    /// Token range `first..last` in `Analysis::tokens`.
    pub first: usize,
    pub last: usize,
}

/// A statement after the chain: its tokens (with surface spans) and its terms.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub tokens: Vec<Token>,
    pub terms: Vec<Term>,
}

/// A sparse feature vector: (feature id, value), sorted by id, ids unique.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    pub entries: Vec<(usize, f64)>,
}

/// The featurizer: a configuration plus its compiled lexicon.
#[derive(Debug, Clone)]
pub struct Featurizer {
    pub config: FeatureConfig,
    cues: CueMatcher,
    /// The stop words as the stemmer writes them, to compare with stemmed tokens.
    stop_stems: FxHashSet<String>,
}

impl Featurizer {
    pub fn new(config: FeatureConfig) -> Featurizer {
        let cues = CueMatcher::new(&config.lexicon);
        let mut stop = config
            .stop_words
            .iter()
            .map(|w| Token {
                text: w.to_lowercase(),
                start: 0,
                end: 0,
                punct: false,
                negated: false,
                topic: false,
            })
            .collect::<Vec<_>>();
        tokens::stem(&mut stop);
        let stop_stems = stop.into_iter().map(|t| t.text).collect();
        Featurizer {
            config,
            cues,
            stop_stems,
        }
    }

    /// The token chain: tokenize → expand contractions → mask names → lowercase →
    /// negation (and topic) → stem.
    fn tokens(&self, text: &str) -> Vec<Token> {
        let mut toks = Vec::new();
        self.tokens_into(text, &mut toks, &mut Vec::new());
        toks
    }

    /// `tokens` into `toks` (emptied first), with token texts from `spare`.
    fn tokens_into(&self, text: &str, toks: &mut Vec<Token>, spare: &mut Vec<String>) {
        toks.clear();
        tokens::tokenize_into(text, toks, spare);
        *toks = tokens::expand_contractions(std::mem::take(toks));
        if self.config.mask_names {
            tokens::mask_names(toks);
        }
        tokens::lowercase(toks);
        tokens::mark_negation(toks);
        if self.config.topic_scope {
            tokens::mark_topic(toks);
        }
        tokens::stem(toks);
    }

    /// Runs the chain on one statement, keeping every term and the tokens it came from
    /// (for training and explanations).
    pub fn analyze(&self, text: &str) -> Analysis {
        let toks = self.tokens(text);
        let mut terms = Vec::new();
        if self.config.ngrams {
            for_each_ngram(
                &toks,
                self.config.ngram_max,
                &self.stop_stems,
                |text, first, last| {
                    terms.push(Term {
                        text: text.to_string(),
                        first,
                        last,
                    })
                },
            );
        }
        if self.config.cues {
            terms.extend(
                self.cues
                    .matches(&toks, self.config.polarity)
                    .into_iter()
                    .map(|(text, first, last)| Term { text, first, last }),
            );
        }
        Analysis {
            tokens: toks,
            terms,
        }
    }

    /// Maps a statement's terms onto vocabulary ids. N-grams count once (presence),
    /// cue classes count every match; unknown terms are ignored.
    pub fn vectorize(&self, analysis: &Analysis, vocabulary: &Vocabulary) -> Features {
        let entries = analysis
            .terms
            .iter()
            .filter_map(|term| {
                vocabulary
                    .get(&term.text)
                    .map(|&id| (id, is_cue(&term.text)))
            })
            .collect();
        self.finish(entries)
    }

    /// The same features as `vectorize(analyze(text))`, without building the terms: the
    /// scoring hot path looks n-grams up by the ids of their words (`VocabIndex`).
    pub fn featurize(&self, text: &str, index: &VocabIndex) -> Features {
        /// Most statements have fewer tokens: the Strings of more are not kept.
        const SPARE_LIMIT: usize = 4096;
        thread_local! {
            /// The tokens of the last statement featurized on this thread, whose
            /// Strings the next one reuses (a String per token was a tenth of scoring).
            static SCRATCH: RefCell<(Vec<Token>, Vec<String>)> = RefCell::default();
        }
        SCRATCH.with(|scratch| {
            let (toks, spare) = &mut *scratch.borrow_mut();
            spare.extend(toks.drain(..).map(|t| t.text));
            spare.truncate(SPARE_LIMIT);
            self.tokens_into(text, toks, spare);
            self.features_of(toks, index)
        })
    }

    fn features_of(&self, toks: &[Token], index: &VocabIndex) -> Features {
        let vocabulary = &index.vocabulary;
        let mut entries = Vec::new();
        if self.config.ngrams {
            let n_max = self.config.ngram_max;
            let by_id = index.for_each_ngram_id(toks, n_max, |id| entries.push((id, false)));
            if by_id.is_none() {
                for_each_ngram(toks, n_max, &self.stop_stems, |term, _, _| {
                    if let Some(&id) = vocabulary.get(term) {
                        entries.push((id, false));
                    }
                });
            }
        }
        if self.config.cues {
            for (name, _, _) in self.cues.matches(toks, self.config.polarity) {
                if let Some(&id) = vocabulary.get(&name) {
                    entries.push((id, true));
                }
            }
        }
        self.finish(entries)
    }

    /// (id, is a cue) pairs → sorted unique ids with values: n-grams 1, cues their count,
    /// then L2-normalised if configured.
    fn finish(&self, mut entries: Vec<(usize, bool)>) -> Features {
        entries.sort_unstable();
        let mut merged: Vec<(usize, f64)> = Vec::with_capacity(entries.len());
        for (id, cue) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == id => last.1 += f64::from(u8::from(cue)),
                _ => merged.push((id, 1.0)),
            }
        }
        if self.config.l2_normalize {
            let norm = merged.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
            if norm > 0.0 {
                merged.iter_mut().for_each(|e| e.1 /= norm);
            }
        }
        Features { entries: merged }
    }
}

/// Cue and polarity features count every match; n-grams count once.
pub fn is_cue(term: &str) -> bool {
    term.starts_with("cue:") || term.starts_with("pol:")
}

/// Calls `f(text, first, last)` for every word n-gram up to `n_max` within
/// punctuation-free runs, leaving out those made only of stop words. Negated words carry
/// a `NOT_` prefix, topic words an `about_` prefix. One buffer is reused for every n-gram's text.
fn for_each_ngram(
    toks: &[Token],
    n_max: usize,
    stop: &FxHashSet<String>,
    mut f: impl FnMut(&str, usize, usize),
) {
    let mut buf = String::new();
    // Each token's stop-word test once, not once per n-gram it is part of.
    let is_stop: Vec<bool> = toks
        .iter()
        .map(|t| !t.punct && stop.contains(&t.text))
        .collect();
    for_each_gram(toks, n_max, |first, last| {
        let gram = &toks[first..last];
        if is_stop[first..last].iter().all(|&s| s) {
            return;
        }
        buf.clear();
        for (j, t) in gram.iter().enumerate() {
            if j > 0 {
                buf.push(' ');
            }
            if t.topic {
                buf.push_str("about_");
            }
            if t.negated {
                buf.push_str("NOT_");
            }
            buf.push_str(&t.text);
        }
        f(&buf, first, last);
    });
}

/// Calls `f(first, last)` for the token range of every n-gram up to `n_max` words within
/// punctuation-free runs, in text order, shorter first at each start.
fn for_each_gram(toks: &[Token], n_max: usize, mut f: impl FnMut(usize, usize)) {
    let mut run_start = 0;
    for i in 0..=toks.len() {
        if i < toks.len() && !toks[i].punct {
            continue;
        }
        for first in run_start..i {
            for n in 1..=n_max.min(i - first) {
                f(first, first + n);
            }
        }
        run_start = i + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn featurizer() -> Featurizer {
        Featurizer::new(FeatureConfig {
            lexicon: vec![Cue {
                cue: "reject".into(),
                class: "reject".into(),
            }],
            ..FeatureConfig::default()
        })
    }

    #[test]
    fn the_chain_yields_negated_stemmed_unigrams_bigrams_and_cues() {
        let a = featurizer().analyze("We won't reject talks.");
        let terms: Vec<_> = a.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            terms,
            // "we", "will" and "we will" are stop words alone or together.
            [
                "will not",
                "not",
                "not NOT_reject",
                "NOT_reject",
                "NOT_reject NOT_talk",
                "NOT_talk",
                "cue:NOT_reject"
            ]
        );
    }

    #[test]
    fn vectorize_counts_cues_dedups_ngrams_and_normalises() {
        let f = featurizer();
        let vocab: Vocabulary = [("reject", 0), ("cue:reject", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let v = f.featurize("Reject, reject, reject!", &VocabIndex::new(&f, &vocab));
        let (a, b) = (v.entries[0].1, v.entries[1].1);
        assert_eq!(v.entries.len(), 2);
        assert!((a * a + b * b - 1.0).abs() < 1e-12);
        assert!(
            (b / a - 3.0).abs() < 1e-12,
            "cue counted three times, n-gram once"
        );
    }

    #[test]
    fn the_fast_scoring_path_matches_analyze_then_vectorize() {
        let text = "We won't reject talks, but they reject ours. Reject! The talks on \
                    sanctions resume; we will not accept it, we will never accept.";
        // Two-word n-grams are looked up by word ids, longer ones by their text.
        for ngram_max in 1..=3 {
            let f = Featurizer::new(FeatureConfig {
                ngram_max,
                ..featurizer().config
            });
            let a = f.analyze(text);
            // Every other term, so that some n-grams are missing from the vocabulary.
            let vocab: Vocabulary = a
                .terms
                .iter()
                .step_by(2)
                .enumerate()
                .map(|(i, t)| (t.text.clone(), i))
                .collect();
            let index = VocabIndex::new(&f, &vocab);
            assert_eq!(f.featurize(text, &index), f.vectorize(&a, &vocab));
            assert!(!f.featurize(text, &index).entries.is_empty());
        }
    }
}
