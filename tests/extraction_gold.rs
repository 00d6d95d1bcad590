//! Quote extraction, speaker attribution and labels against the gold annotations of
//! the articles in `training-data/articles/` and `examples/`.
//!
//! Overlap rule: a found quote matches a gold quote of the same article when the
//! Jaccard overlap of their lower-cased word multisets is at least 0.5 (reported also at
//! 0.8); matching is one-to-one, best overlap first. Precision = matched / found,
//! recall = matched / gold. Speaker accuracy and label accuracy are over matched pairs.

mod common;

use serde::Deserialize;
use stance::article::Article;
use stance::Pipeline;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Gold {
    article: String,
    kind: String,
    quote: String,
    speaker: Option<String>,
    label: String,
}

struct Found {
    kind: String,
    quote: String,
    speaker: Option<String>,
    label: String,
}

fn word_bag(s: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (word_bag(a), word_bag(b));
    let mut inter = 0;
    let mut union = 0;
    for (w, &n) in &a {
        let m = b.get(w).copied().unwrap_or(0);
        inter += n.min(m);
        union += n.max(m);
    }
    union += b
        .iter()
        .filter(|(w, _)| !a.contains_key(*w))
        .map(|(_, n)| n)
        .sum::<usize>();
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// One-to-one matching, best overlap first: (gold index, found index) pairs.
fn match_quotes(gold: &[&Gold], found: &[Found], threshold: f64) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for (g, gq) in gold.iter().enumerate() {
        for (f, fq) in found.iter().enumerate() {
            let o = overlap(&gq.quote, &fq.quote);
            if o >= threshold {
                candidates.push((o, g, f));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_f) = (vec![false; gold.len()], vec![false; found.len()]);
    let mut pairs = Vec::new();
    for (_, g, f) in candidates {
        if !used_g[g] && !used_f[f] {
            used_g[g] = true;
            used_f[f] = true;
            pairs.push((g, f));
        }
    }
    pairs
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    matched: usize,
    strict: usize,
    speaker_ok: usize,
    label_ok: usize,
    misses: Vec<String>,
}

fn evaluate_folder(pipeline: &Pipeline, dir: &Path, tally: &mut Tally) {
    let gold_text = fs::read_to_string(dir.join("gold.jsonl")).expect("gold.jsonl");
    let gold: Vec<Gold> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line parses"))
        .collect();
    let mut by_article: BTreeMap<&str, Vec<&Gold>> = BTreeMap::new();
    for g in &gold {
        by_article.entry(&g.article).or_default().push(g);
    }
    for (name, gold) in by_article {
        let text = fs::read_to_string(dir.join(name)).expect("article exists");
        let found: Vec<Found> = pipeline
            .score(&Article::new(name, text))
            .into_iter()
            .map(|s| Found {
                kind: s.quote.kind.name().to_string(),
                quote: s.quote.text,
                speaker: s.speaker.name,
                label: s.prediction.label.name().to_string(),
            })
            .collect();
        let pairs = match_quotes(&gold, &found, 0.5);
        tally.gold += gold.len();
        tally.found += found.len();
        tally.matched += pairs.len();
        tally.strict += match_quotes(&gold, &found, 0.8).len();
        for &(g, f) in &pairs {
            let same = |a: &Option<String>, b: &Option<String>| {
                a.as_deref().map(str::to_lowercase) == b.as_deref().map(str::to_lowercase)
            };
            if same(&gold[g].speaker, &found[f].speaker) {
                tally.speaker_ok += 1;
            } else {
                tally.misses.push(format!(
                    "{name}: speaker {:?} != gold {:?} for {:?}",
                    found[f].speaker, gold[g].speaker, gold[g].quote
                ));
            }
            if gold[g].label == found[f].label {
                tally.label_ok += 1;
            }
        }
        for (g, gq) in gold.iter().enumerate() {
            if !pairs.iter().any(|p| p.0 == g) {
                tally
                    .misses
                    .push(format!("{name}: missed {} {:?}", gq.kind, gq.quote));
            }
        }
        for (f, fq) in found.iter().enumerate() {
            if !pairs.iter().any(|p| p.1 == f) {
                tally
                    .misses
                    .push(format!("{name}: spurious {} {:?}", fq.kind, fq.quote));
            }
        }
    }
}

#[test]
fn extraction_and_attribution_meet_the_gold_standard() {
    let pipeline = Pipeline::new(common::model());
    let mut t = Tally::default();
    evaluate_folder(&pipeline, &common::repo("training-data/articles"), &mut t);
    evaluate_folder(&pipeline, &common::repo("examples"), &mut t);
    let precision = t.matched as f64 / t.found as f64;
    let recall = t.matched as f64 / t.gold as f64;
    let f1 = 2.0 * precision * recall / (precision + recall);
    let strict_f1 = 2.0 * t.strict as f64 / (t.found + t.gold) as f64;
    let speaker = t.speaker_ok as f64 / t.matched as f64;
    let label = t.label_ok as f64 / t.matched as f64;
    println!(
        "gold {} found {} matched {}: precision {precision:.3} recall {recall:.3} F1 {f1:.3} \
         (F1 at 0.8 overlap {strict_f1:.3}); speaker accuracy {speaker:.3}; label accuracy {label:.3}",
        t.gold, t.found, t.matched
    );
    for m in &t.misses {
        println!("  {m}");
    }
    assert!(
        f1 >= MIN_F1,
        "quote F1 {f1:.3} < {MIN_F1}; misses listed above"
    );
    assert!(
        speaker >= MIN_SPEAKER,
        "speaker accuracy {speaker:.3} < {MIN_SPEAKER}; misses listed above"
    );
}

/// Quote F1 meets issue 4's 0.95; speaker accuracy sits just under today's 0.994 (issue
/// 4 asked for 0.95). The speaker rule the gold follows is `training-data/GUIDELINE.md`
/// 9.2. Articles written before the rules were tuned on them measured lower: c01–c06
/// 0.718 before this rule set, d01–d03 0.891 with it (see GUIDELINE.md 9); the misses are
/// listed when the test runs.
const MIN_F1: f64 = 0.95;
const MIN_SPEAKER: f64 = 0.99;
