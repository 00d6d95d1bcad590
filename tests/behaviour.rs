//! CheckList-style behavioural tests of the built-in model: minimal pairs (negation flips,
//! conditional offers, invariances…) where a pair passes when the model labels both
//! sentences as written. Two sets, kept apart on purpose:
//! - `tests/data/behaviour.csv` (110 pairs) was written with the model in view; its
//!   failures were read and some lexicon entries and training briefs followed them, so
//!   its pass rate flatters the model (a development set);
//! - `tests/data/behaviour-holdout.csv` (90 pairs) was written by a helper who never saw
//!   the model, its data, its lexicon or the first set, and was scored before any change
//!   was made for it (v7: 0.744). Its failures are not read for tuning: it is the honest
//!   figure.

mod common;

use serde::Deserialize;
use stance::model::Label;
use std::collections::{BTreeMap, HashMap, HashSet};

const DEV: &str = "tests/data/behaviour.csv";
const HOLDOUT: &str = "tests/data/behaviour-holdout.csv";
/// Just under what the built-in model (v9) reaches on each set: 98/110 = 0.891 and
/// 70/90 = 0.778 (v8 reached 0.800 there: 864 more training rows did not help it).
/// Issue 3 asks for 0.90: the failures printed here are the work left.
const MIN_PASS_RATE_DEV: f64 = 0.87;
const MIN_PASS_RATE_HOLDOUT: f64 = 0.77;
const MIN_PAIRS: usize = 60;
/// Word 3-gram Jaccard similarity above which a sentence near-duplicates a training row.
const NEAR_DUPLICATE: f64 = 0.6;

#[derive(Debug, Deserialize)]
struct Pair {
    id: String,
    test: String,
    a: String,
    b: String,
    label_a: String,
    label_b: String,
}

#[derive(Debug, Deserialize)]
struct TrainingRow {
    id: String,
    quote: String,
}

fn pairs(file: &str) -> Vec<Pair> {
    let mut reader =
        csv::Reader::from_path(common::repo(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    reader
        .deserialize::<Pair>()
        .enumerate()
        .map(|(i, p)| p.unwrap_or_else(|e| panic!("{file} line {}: {e}", i + 2)))
        .collect()
}

fn label(p: &Pair, text: &str) -> Label {
    Label::parse(text).unwrap_or_else(|| panic!("{}: unknown label {text:?}", p.id))
}

fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn trigrams(text: &str) -> HashSet<String> {
    let w = words(text);
    if w.len() < 3 {
        return std::iter::once(w.join(" ")).collect();
    }
    w.windows(3).map(|g| g.join(" ")).collect()
}

#[test]
fn the_model_passes_the_development_pairs() {
    check_pass_rate(DEV, MIN_PASS_RATE_DEV);
}

#[test]
fn the_model_passes_the_held_out_pairs() {
    check_pass_rate(HOLDOUT, MIN_PASS_RATE_HOLDOUT);
}

/// Scores every pair of `file`, prints the pass rate per kind of test and every failure,
/// and asserts the overall rate.
fn check_pass_rate(file: &str, min_rate: f64) {
    let model = common::model();
    let pairs = pairs(file);
    assert!(
        pairs.len() >= MIN_PAIRS,
        "only {} behavioural pairs (need {MIN_PAIRS})",
        pairs.len()
    );
    let mut per_test: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for p in &pairs {
        let (want_a, want_b) = (label(p, &p.label_a), label(p, &p.label_b));
        let (got_a, got_b) = (model.predict(&p.a), model.predict(&p.b));
        let pass = got_a.label == want_a && got_b.label == want_b;
        let entry = per_test.entry(p.test.as_str()).or_default();
        entry.1 += 1;
        if pass {
            entry.0 += 1;
        } else {
            let show = |want: Label, got: &stance::model::Prediction| {
                format!(
                    "want {}, got {} {:?}",
                    want.name(),
                    got.label.name(),
                    got.probabilities.map(|x| (x * 100.0).round() / 100.0)
                )
            };
            failures.push(format!(
                "{} [{}]\n    a: {:?}: {}\n    b: {:?}: {}",
                p.id,
                p.test,
                p.a,
                show(want_a, &got_a),
                p.b,
                show(want_b, &got_b)
            ));
        }
    }
    println!(
        "behavioural pass rates on {file} (built-in model v{}):",
        model.version()
    );
    for (test, (pass, n)) in &per_test {
        println!(
            "  {test:<22} {pass:>3}/{n:<3} {:.3}",
            *pass as f64 / *n as f64
        );
    }
    let passed: usize = per_test.values().map(|v| v.0).sum();
    let rate = passed as f64 / pairs.len() as f64;
    println!(
        "  {:<22} {passed:>3}/{:<3} {rate:.3}",
        "overall",
        pairs.len()
    );
    println!("failing pairs ({}):", failures.len());
    for f in &failures {
        println!("  {f}");
    }
    assert!(
        rate >= min_rate,
        "{file}: behavioural pass rate {rate:.3} < {min_rate}; failing pairs:\n{}",
        failures.join("\n")
    );
}

#[test]
fn behavioural_sentences_are_not_copied_from_the_training_data() {
    let mut reader = csv::Reader::from_path(common::repo("training-data/quotes.csv"))
        .expect("training-data/quotes.csv opens");
    let rows: Vec<TrainingRow> = reader
        .deserialize()
        .map(|r| r.expect("a training row"))
        .collect();
    let grams: Vec<HashSet<String>> = rows.iter().map(|r| trigrams(&r.quote)).collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, g) in grams.iter().enumerate() {
        for gram in g {
            postings.entry(gram.as_str()).or_default().push(i);
        }
    }
    let mut problems = Vec::new();
    for p in pairs(DEV).into_iter().chain(pairs(HOLDOUT)) {
        for (side, text) in [("a", &p.a), ("b", &p.b)] {
            let query = trigrams(text);
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for gram in &query {
                for &i in postings.get(gram.as_str()).into_iter().flatten() {
                    *shared.entry(i).or_default() += 1;
                }
            }
            let mut hits: Vec<(usize, f64)> = shared
                .into_iter()
                .map(|(i, inter)| {
                    (
                        i,
                        inter as f64 / (query.len() + grams[i].len() - inter) as f64,
                    )
                })
                .filter(|&(_, j)| j > NEAR_DUPLICATE)
                .collect();
            hits.sort_by_key(|h| h.0);
            for (i, sim) in hits {
                problems.push(format!(
                    "{}.{side} ~ {} (3-gram Jaccard {sim:.2}): {:?} / {:?}",
                    p.id, rows[i].id, text, rows[i].quote
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} behavioural sentence(s) near-duplicate training rows:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
