//! The cue lexicon: words and phrases that signal a kind of diplomatic move (threaten,
//! reject, agree, offer, …), matched on stems so it carries over to words the n-grams
//! never saw in training. Each match becomes a `cue:<class>` feature, or
//! `cue:NOT_<class>` when it sits inside a negation scope.

use super::tokens::{self, Token};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One lexicon row as written in `training-data/lexicon.csv` and stored in the model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Cue {
    pub cue: String,
    pub class: String,
}

/// Reads `cue,class` rows; a malformed row is an error naming the file and line.
pub fn read_lexicon(path: &Path) -> anyhow::Result<Vec<Cue>> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e))?;
    let mut cues = Vec::new();
    for (i, row) in reader.deserialize::<Cue>().enumerate() {
        let cue = row.map_err(|e| anyhow::anyhow!("{}:{}: {}", path.display(), i + 2, e))?;
        if cue.cue.trim().is_empty() || cue.class.trim().is_empty() {
            anyhow::bail!("{}:{}: empty cue or class", path.display(), i + 2);
        }
        cues.push(cue);
    }
    cues.sort();
    cues.dedup();
    Ok(cues)
}

/// A cue as the matcher sees it: its words lower-cased and stemmed, like a statement's.
/// Two cues with the same stems are one cue: "postpone" and "postponed" cannot belong to
/// different classes (the data tests check this).
pub fn cue_stems(cue: &str) -> Vec<String> {
    let mut toks = tokens::expand_contractions(tokens::tokenize(cue));
    tokens::lowercase(&mut toks);
    tokens::stem(&mut toks);
    toks.into_iter()
        .filter(|t| !t.punct)
        .map(|t| t.text)
        .collect()
}

/// The lexicon compiled for matching: phrases as stem sequences, indexed by first stem.
#[derive(Debug, Clone, Default)]
pub struct CueMatcher {
    /// FxHash: looked up for every token of every statement scored.
    by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    classes: Vec<String>,
}

impl CueMatcher {
    pub fn new(cues: &[Cue]) -> CueMatcher {
        let mut matcher = CueMatcher::default();
        for cue in cues {
            let stems = cue_stems(&cue.cue);
            let Some(first) = stems.first().cloned() else {
                continue;
            };
            let class = match matcher.classes.iter().position(|c| *c == cue.class) {
                Some(i) => i,
                None => {
                    matcher.classes.push(cue.class.clone());
                    matcher.classes.len() - 1
                }
            };
            matcher
                .by_first
                .entry(first)
                .or_default()
                .push((stems, class));
        }
        // Longest phrase first, so "red line" wins over "red" at the same position.
        for list in matcher.by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        }
        matcher
    }

    /// Every cue match in stemmed tokens: (feature name, first token, last token + 1).
    /// Matching skips punctuation-free runs only; a phrase never spans a comma. A cue in
    /// a topic scope is `cue:topic`; with `polarity`, every other match also yields its
    /// pooled polarity (`pol:coop` / `pol:conf`), flipped under negation.
    pub fn matches(&self, tokens: &[Token], polarity: bool) -> Vec<(String, usize, usize)> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let hit = self.by_first.get(&tokens[i].text).and_then(|candidates| {
                candidates.iter().find(|(stems, _)| {
                    stems.len() <= tokens.len() - i
                        && stems
                            .iter()
                            .zip(&tokens[i..])
                            .all(|(s, t)| !t.punct && *s == t.text)
                })
            });
            match hit {
                Some((stems, class)) => {
                    let (end, class) = (i + stems.len(), &self.classes[*class]);
                    let negated = tokens[i].negated;
                    if tokens[i].topic {
                        found.push(("cue:topic".to_string(), i, end));
                    } else {
                        let prefix = if negated { "cue:NOT_" } else { "cue:" };
                        found.push((format!("{prefix}{class}"), i, end));
                        let pole = polarity.then(|| pole(class, negated)).flatten();
                        if let Some(pole) = pole {
                            found.push((pole.to_string(), i, end));
                        }
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// CAMEO's split of verbal events: cooperation (appeal, consult, cooperate, yield, agree)
/// and conflict (demand, disapprove, reject, threaten). Negation turns one into the other:
/// "we will not retaliate" is a cooperative signal. Procedure has no pole.
fn pole(class: &str, negated: bool) -> Option<&'static str> {
    let cooperative = match class {
        "agree" | "appeal" | "consult" | "cooperation" | "deescalate" | "offer" | "welcome"
        | "yield" => true,
        "accuse" | "conflict" | "demand" | "disapprove" | "friction" | "reject" | "threaten" => {
            false
        }
        _ => return None,
    };
    Some(if cooperative != negated {
        "pol:coop"
    } else {
        "pol:conf"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(c: &str, class: &str) -> Cue {
        Cue {
            cue: c.into(),
            class: class.into(),
        }
    }

    fn chain(text: &str) -> Vec<Token> {
        let mut t = tokens::expand_contractions(tokens::tokenize(text));
        tokens::lowercase(&mut t);
        tokens::mark_negation(&mut t);
        tokens::stem(&mut t);
        t
    }

    #[test]
    fn phrases_match_on_stems_and_negation_is_marked() {
        let m = CueMatcher::new(&[
            cue("threaten", "threaten"),
            cue("close the door", "reject"),
            cue("red lines", "demand"),
        ]);
        let found: Vec<_> = m
            .matches(
                &chain("We will not close the door. They threatened our red line."),
                false,
            )
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(found, ["cue:NOT_reject", "cue:threaten", "cue:demand"]);
    }

    #[test]
    fn polarity_flips_under_negation_and_topic_cues_are_pooled() {
        let m = CueMatcher::new(&[cue("retaliate", "threaten"), cue("sanction", "threaten")]);
        let names = |text: &str| {
            let mut t = tokens::expand_contractions(tokens::tokenize(text));
            tokens::lowercase(&mut t);
            tokens::mark_negation(&mut t);
            tokens::mark_topic(&mut t);
            tokens::stem(&mut t);
            m.matches(&t, true)
                .into_iter()
                .map(|f| f.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(names("We will retaliate."), ["cue:threaten", "pol:conf"]);
        assert_eq!(
            names("We will not retaliate."),
            ["cue:NOT_threaten", "pol:coop"]
        );
        assert_eq!(names("The panel on sanctions meets today."), ["cue:topic"]);
    }
}
