//! Statement → features, as one visible chain:
//! tokenize → lowercase → expand contractions → mark negation scope → stem
//! → word n-grams + negation-aware cue classes → vocabulary ids.
//!
//! The same `FeatureConfig` is used to train and to score: it is stored in the model.

pub mod lexicon;
pub mod tokens;

use lexicon::{Cue, CueMatcher};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use tokens::Token;

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
}

impl Default for FeatureConfig {
    fn default() -> Self {
        FeatureConfig {
            ngram_max: 2,
            ngrams: true,
            cues: true,
            min_count: 2,
            max_features: 2500,
            l2_normalize: true,
            lexicon: Vec::new(),
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
}

impl Featurizer {
    pub fn new(config: FeatureConfig) -> Featurizer {
        let cues = CueMatcher::new(&config.lexicon);
        Featurizer { config, cues }
    }

    /// Runs the chain on one statement.
    pub fn analyze(&self, text: &str) -> Analysis {
        let mut toks = tokens::expand_contractions(tokens::tokenize(text));
        tokens::lowercase(&mut toks);
        tokens::mark_negation(&mut toks);
        tokens::stem(&mut toks);
        let mut terms = Vec::new();
        if self.config.ngrams {
            terms.extend(ngrams(&toks, self.config.ngram_max));
        }
        if self.config.cues {
            terms.extend(
                self.cues
                    .matches(&toks)
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
    pub fn vectorize(&self, analysis: &Analysis, vocabulary: &HashMap<String, usize>) -> Features {
        let mut entries: Vec<(usize, f64)> = Vec::with_capacity(analysis.terms.len());
        for term in &analysis.terms {
            if let Some(&id) = vocabulary.get(&term.text) {
                entries.push((id, if is_cue(&term.text) { 1.0 } else { 0.0 }));
            }
        }
        entries.sort_by_key(|e| e.0);
        let mut merged: Vec<(usize, f64)> = Vec::with_capacity(entries.len());
        for (id, cue_count) in entries {
            match merged.last_mut() {
                Some(last) if last.0 == id => last.1 += cue_count,
                _ => merged.push((id, cue_count.max(1.0))),
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

    pub fn featurize(&self, text: &str, vocabulary: &HashMap<String, usize>) -> Features {
        self.vectorize(&self.analyze(text), vocabulary)
    }
}

pub fn is_cue(term: &str) -> bool {
    term.starts_with("cue:")
}

/// How a token is written in a feature: negated words carry a `NOT_` prefix.
fn token_feature(t: &Token) -> String {
    if t.negated {
        format!("NOT_{}", t.text)
    } else {
        t.text.clone()
    }
}

/// Word n-grams up to `n_max` within punctuation-free runs.
fn ngrams(toks: &[Token], n_max: usize) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut run_start = 0;
    for i in 0..=toks.len() {
        if i == toks.len() || toks[i].punct {
            for first in run_start..i {
                for n in 1..=n_max.min(i - first) {
                    let text = toks[first..first + n]
                        .iter()
                        .map(token_feature)
                        .collect::<Vec<_>>()
                        .join(" ");
                    terms.push(Term {
                        text,
                        first,
                        last: first + n,
                    });
                }
            }
            run_start = i + 1;
        }
    }
    terms
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
            [
                "we",
                "we will",
                "will",
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
        let vocab: HashMap<String, usize> = [("reject", 0), ("cue:reject", 1)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let v = f.featurize("Reject, reject, reject!", &vocab);
        let (a, b) = (v.entries[0].1, v.entries[1].1);
        assert_eq!(v.entries.len(), 2);
        assert!((a * a + b * b - 1.0).abs() < 1e-12);
        assert!(
            (b / a - 3.0).abs() < 1e-12,
            "cue counted three times, n-gram once"
        );
    }
}
