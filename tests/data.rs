//! The training data is clean: schema, balance, contrastive groups, hard cases, no
//! duplicates, no leakage between splits, a sane lexicon, and no style artifact a
//! classifier could learn the labels from. Every failure lists the rows to fix.

mod common;

use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use ndarray::{Array1, Array2};
use serde::Deserialize;
use stance::features::lexicon::cue_stems;
use stance::metrics::Metrics;
use stance::model::Label;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

const COLUMNS: [&str; 11] = [
    "id",
    "quote",
    "label",
    "speaker",
    "role",
    "country",
    "conflict",
    "group",
    "person",
    "phenomenon",
    "split",
];
const LABELS: [&str; 3] = ["conciliatory", "hardline", "neutral"];
const SPLITS: [&str; 2] = ["train", "test"];
const PERSONS: [&str; 3] = ["first", "second", "third"];
const PHENOMENA: [&str; 23] = [
    "negation",
    "conditional",
    "yes-but",
    "ultimatum-as-offer",
    "veiled-threat",
    "sarcasm",
    "insult",
    "polite-refusal",
    "mediator-praise",
    "procedural-charged",
    "no-cue",
    "euphemism",
    "idiom",
    "allusion",
    "rhetorical-question",
    "understatement",
    "irony",
    "rebuke-as-praise",
    "buried-concession",
    "long-answer",
    "translated",
    "context-dependent",
    "concrete-step",
];
const REGISTER_TAGS: [&str; 13] = [
    "euphemism",
    "idiom",
    "allusion",
    "rhetorical-question",
    "understatement",
    "irony",
    "rebuke-as-praise",
    "buried-concession",
    "long-answer",
    "translated",
    "context-dependent",
    "polite-refusal",
    "veiled-threat",
];
const LEXICON_CLASSES: [&str; 16] = [
    // Negation-aware polarity classes (model v2): "war is not an option".
    "conflict",
    "friction",
    "cooperation",
    "threaten",
    "reject",
    "demand",
    "accuse",
    "disapprove",
    "agree",
    "offer",
    "welcome",
    "deescalate",
    "appeal",
    "consult",
    "yield",
    "procedure",
];
/// Word 3-gram Jaccard similarity above which two statements are near duplicates.
const NEAR_DUPLICATE: f64 = 0.6;
/// A classifier on style features alone must stay near chance (1/3) on the test split.
const MAX_STYLE_MACRO_F1: f64 = 0.45;

#[derive(Debug, Clone, Deserialize)]
struct Row {
    id: String,
    quote: String,
    label: String,
    speaker: String,
    #[allow(dead_code)]
    role: String,
    #[allow(dead_code)]
    country: String,
    conflict: String,
    group: String,
    person: String,
    phenomenon: String,
    split: String,
}

impl Row {
    fn tags(&self) -> Vec<&str> {
        self.phenomenon
            .split(';')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect()
    }
}

fn header_of(path: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_path(common::repo(path)).expect("the file opens");
    reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect()
}

fn rows() -> Vec<Row> {
    let path = common::repo("training-data/quotes.csv");
    let mut reader = csv::Reader::from_path(&path).expect("training-data/quotes.csv opens");
    reader
        .deserialize::<Row>()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|e| panic!("quotes.csv line {}: {e}", i + 2)))
        .collect()
}

/// Panics with every problem found, one a line, when there is any.
fn assert_none(what: &str, problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn share(n: usize, total: usize) -> f64 {
    n as f64 / total as f64
}

fn normalised(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower-cased words (letters, digits, inner apostrophes) of a statement.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The set of word 3-grams (the whole statement when it is shorter than three words).
fn trigrams(text: &str) -> HashSet<String> {
    let w = words(text);
    if w.len() < 3 {
        return std::iter::once(w.join(" ")).collect();
    }
    w.windows(3).map(|g| g.join(" ")).collect()
}

/// An inverted index of word 3-grams, to compare only statements that share one.
struct TrigramIndex {
    grams: Vec<HashSet<String>>,
    postings: HashMap<String, Vec<usize>>,
}

impl TrigramIndex {
    fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> TrigramIndex {
        let grams: Vec<HashSet<String>> = texts.into_iter().map(trigrams).collect();
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, g) in grams.iter().enumerate() {
            for gram in g {
                postings.entry(gram.clone()).or_default().push(i);
            }
        }
        TrigramIndex { grams, postings }
    }

    /// Indexed statements whose 3-gram Jaccard with `query` exceeds `threshold`.
    fn similar(&self, query: &HashSet<String>, threshold: f64) -> Vec<(usize, f64)> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for gram in query {
            if let Some(ids) = self.postings.get(gram) {
                for &i in ids {
                    *shared.entry(i).or_default() += 1;
                }
            }
        }
        let mut hits: Vec<(usize, f64)> = shared
            .into_iter()
            .map(|(i, inter)| {
                let union = query.len() + self.grams[i].len() - inter;
                (i, inter as f64 / union as f64)
            })
            .filter(|&(_, j)| j > threshold)
            .collect();
        hits.sort_by_key(|h| h.0);
        hits
    }
}

#[test]
fn schema_is_exact_and_values_are_valid() {
    assert_eq!(
        header_of("training-data/quotes.csv"),
        COLUMNS,
        "quotes.csv columns"
    );
    let rows = rows();
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let line = i + 2;
        if r.id.trim().is_empty() {
            problems.push(format!("line {line}: empty id"));
        }
        if let Some(first) = seen.insert(r.id.as_str(), line) {
            problems.push(format!(
                "{} (line {line}): duplicate id, first on line {first}",
                r.id
            ));
        }
        if !LABELS.contains(&r.label.as_str()) {
            problems.push(format!("{}: label {:?}", r.id, r.label));
        }
        if !SPLITS.contains(&r.split.as_str()) {
            problems.push(format!("{}: split {:?}", r.id, r.split));
        }
        if !PERSONS.contains(&r.person.as_str()) {
            problems.push(format!("{}: person {:?}", r.id, r.person));
        }
        for (name, value) in [
            ("quote", &r.quote),
            ("speaker", &r.speaker),
            ("conflict", &r.conflict),
        ] {
            if value.trim().is_empty() {
                problems.push(format!("{}: empty {name}", r.id));
            }
        }
    }
    assert_none("quotes.csv schema", &problems);
}

#[test]
fn labels_conflicts_speakers_and_splits_are_balanced() {
    let rows = rows();
    let n = rows.len();
    let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *by_label.entry(r.label.as_str()).or_default() += 1;
    }
    let conflicts: BTreeSet<&str> = rows.iter().map(|r| r.conflict.as_str()).collect();
    let speakers: BTreeSet<&str> = rows.iter().map(|r| r.speaker.as_str()).collect();
    let test = rows.iter().filter(|r| r.split == "test").count();
    println!(
        "rows {n}, labels {by_label:?}, conflicts {}, speakers {}, test rows {test} ({:.1}%)",
        conflicts.len(),
        speakers.len(),
        100.0 * share(test, n)
    );
    let mut problems = Vec::new();
    for label in LABELS {
        let s = share(by_label.get(label).copied().unwrap_or(0), n);
        if !(0.28..=0.40).contains(&s) {
            problems.push(format!("label {label} is {:.1}% of rows", 100.0 * s));
        }
    }
    if n < 3000 {
        problems.push(format!("only {n} rows (need 3,000)"));
    }
    if conflicts.len() < 60 {
        problems.push(format!("only {} conflicts (need 60)", conflicts.len()));
    }
    if speakers.len() < 300 {
        problems.push(format!("only {} speakers (need 300)", speakers.len()));
    }
    if share(test, n) < 0.20 {
        problems.push(format!(
            "test split is {:.1}% of rows (need 20%)",
            100.0 * share(test, n)
        ));
    }
    assert_none("balance", &problems);
}

#[test]
fn every_label_is_often_in_the_third_person() {
    let rows = rows();
    let mut problems = Vec::new();
    for label in LABELS {
        let of: Vec<&Row> = rows.iter().filter(|r| r.label == label).collect();
        let third = of.iter().filter(|r| r.person == "third").count();
        let s = share(third, of.len());
        println!("{label}: {:.1}% third person", 100.0 * s);
        if s < 0.30 {
            let others: Vec<&str> = of
                .iter()
                .filter(|r| r.person != "third")
                .map(|r| r.id.as_str())
                .collect();
            problems.push(format!(
                "{label}: only {third} of {} rows ({:.1}%) in the third person; first/second-person rows: {}",
                of.len(),
                100.0 * s,
                others.join(" ")
            ));
        }
    }
    assert_none("style balance", &problems);
}

#[test]
fn contrastive_groups_hold_one_row_per_label_from_one_speaker_and_conflict() {
    let rows = rows();
    let mut groups: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| !r.group.trim().is_empty()) {
        groups.entry(r.group.as_str()).or_default().push(r);
    }
    let mut problems = Vec::new();
    for (group, members) in &groups {
        let ids = members
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut labels: Vec<&str> = members.iter().map(|r| r.label.as_str()).collect();
        labels.sort_unstable();
        if labels != LABELS {
            problems.push(format!(
                "group {group} ({ids}): labels {labels:?}, want one of each"
            ));
        }
        let speakers: BTreeSet<&str> = members.iter().map(|r| r.speaker.as_str()).collect();
        if speakers.len() != 1 {
            problems.push(format!(
                "group {group} ({ids}): speakers {speakers:?}, want one"
            ));
        }
        let conflicts: BTreeSet<&str> = members.iter().map(|r| r.conflict.as_str()).collect();
        if conflicts.len() != 1 {
            problems.push(format!(
                "group {group} ({ids}): conflicts {conflicts:?}, want one"
            ));
        }
    }
    let grouped: usize = groups.values().map(Vec::len).sum();
    println!(
        "{} groups, {grouped} of {} rows ({:.1}%) grouped",
        groups.len(),
        rows.len(),
        100.0 * share(grouped, rows.len())
    );
    if share(grouped, rows.len()) < 0.60 {
        problems.push(format!(
            "only {grouped} of {} rows are in contrastive groups (need 60%)",
            rows.len()
        ));
    }
    assert_none("contrastive groups", &problems);
}

#[test]
fn hard_cases_are_tagged_from_the_known_list() {
    let rows = rows();
    let mut problems = Vec::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        for tag in r.tags() {
            *counts.entry(tag).or_default() += 1;
            if !PHENOMENA.contains(&tag) {
                problems.push(format!("{}: unknown phenomenon tag {tag:?}", r.id));
            }
        }
    }
    let tagged = rows.iter().filter(|r| !r.tags().is_empty()).count();
    let register = rows
        .iter()
        .filter(|r| r.tags().iter().any(|t| REGISTER_TAGS.contains(t)))
        .count();
    println!(
        "tagged {tagged} ({:.1}%), register-tagged {register} ({:.1}%), tags {counts:?}",
        100.0 * share(tagged, rows.len()),
        100.0 * share(register, rows.len())
    );
    if share(tagged, rows.len()) < 0.30 {
        problems.push(format!(
            "only {tagged} of {} rows carry a phenomenon tag (need 30%)",
            rows.len()
        ));
    }
    if share(register, rows.len()) < 0.25 {
        problems.push(format!(
            "only {register} of {} rows carry a register tag (need 25%)",
            rows.len()
        ));
    }
    assert_none("phenomenon tags", &problems);
}

#[test]
fn no_exact_or_near_duplicates_within_a_label() {
    let rows = rows();
    let mut problems = Vec::new();
    let mut exact: HashMap<String, &str> = HashMap::new();
    for r in &rows {
        if let Some(first) = exact.insert(normalised(&r.quote), r.id.as_str()) {
            problems.push(format!(
                "{} duplicates {first} exactly: {:?}",
                r.id, r.quote
            ));
        }
    }
    for label in LABELS {
        let of: Vec<&Row> = rows.iter().filter(|r| r.label == label).collect();
        let index = TrigramIndex::new(of.iter().map(|r| r.quote.as_str()));
        for (i, r) in of.iter().enumerate() {
            for (j, sim) in index.similar(&index.grams[i], NEAR_DUPLICATE) {
                let other = of[j];
                let same_group = !r.group.is_empty() && r.group == other.group;
                if j > i && !same_group {
                    problems.push(format!(
                        "{} ~ {} ({label}, 3-gram Jaccard {sim:.2}): {:?} / {:?}",
                        r.id, other.id, r.quote, other.quote
                    ));
                }
            }
        }
    }
    assert_none("duplicates", &problems);
}

#[test]
fn no_conflict_group_or_near_duplicate_crosses_the_split() {
    let rows = rows();
    let mut problems = Vec::new();
    for (name, key) in [
        (
            "conflict",
            (|r: &Row| r.conflict.clone()) as fn(&Row) -> String,
        ),
        ("group", |r: &Row| r.group.clone()),
    ] {
        let mut splits: BTreeMap<String, BTreeMap<&str, Vec<&str>>> = BTreeMap::new();
        for r in &rows {
            let k = key(r);
            if !k.trim().is_empty() {
                splits
                    .entry(k)
                    .or_default()
                    .entry(r.split.as_str())
                    .or_default()
                    .push(r.id.as_str());
            }
        }
        for (k, by_split) in &splits {
            if by_split.len() > 1 {
                let listing: Vec<String> = by_split
                    .iter()
                    .map(|(s, ids)| format!("{s}: {}", ids.join(" ")))
                    .collect();
                problems.push(format!(
                    "{name} {k} is in both splits ({})",
                    listing.join("; ")
                ));
            }
        }
    }
    let train: Vec<&Row> = rows.iter().filter(|r| r.split == "train").collect();
    let index = TrigramIndex::new(train.iter().map(|r| r.quote.as_str()));
    for r in rows.iter().filter(|r| r.split == "test") {
        for (j, sim) in index.similar(&trigrams(&r.quote), NEAR_DUPLICATE) {
            problems.push(format!(
                "test {} ~ train {} (3-gram Jaccard {sim:.2}): {:?} / {:?}",
                r.id, train[j].id, r.quote, train[j].quote
            ));
        }
    }
    assert_none("train/test leakage", &problems);
}

#[test]
fn lexicon_is_clean() {
    assert_eq!(
        header_of("training-data/lexicon.csv"),
        ["cue", "class"],
        "lexicon.csv columns"
    );
    let mut reader = csv::Reader::from_path(common::repo("training-data/lexicon.csv")).unwrap();
    let mut problems = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    // Cues match on stems, so two rows with the same stems in different classes would
    // leave one of them dead ("postpone" yield vs "postponed" procedure).
    let mut by_stems: HashMap<Vec<String>, (String, String, usize)> = HashMap::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        let rec = rec.unwrap_or_else(|e| panic!("lexicon.csv line {line}: {e}"));
        let cue = rec.get(0).unwrap_or("").trim().to_lowercase();
        let class = rec.get(1).unwrap_or("").trim().to_string();
        if cue.is_empty() {
            problems.push(format!("line {line}: empty cue"));
        }
        if !LEXICON_CLASSES.contains(&class.as_str()) {
            problems.push(format!("line {line} ({cue}): unknown class {class:?}"));
        }
        if let Some(first) = seen.insert((cue.clone(), class.clone()), line) {
            problems.push(format!(
                "line {line} ({cue},{class}): duplicates line {first}"
            ));
        }
        let stems = cue_stems(&cue);
        match by_stems.get(&stems) {
            Some((other, other_class, at)) if *other_class != class => problems.push(format!(
                "line {line} ({cue},{class}) stems like line {at} ({other},{other_class})"
            )),
            Some(_) => {}
            None => {
                by_stems.insert(stems, (cue.clone(), class.clone(), line));
            }
        }
    }
    assert_none("lexicon.csv", &problems);
}

// ---------------------------------------------------------------------------------------
// The artifact test: style alone must not predict the label.

const FIRST_PERSON: [&str; 4] = ["i", "we", "our", "us"];
const SECOND_PERSON: [&str; 2] = ["you", "your"];
const THIRD_PERSON: [&str; 6] = ["he", "she", "they", "it", "their", "its"];
const FUNCTION_WORDS: [&str; 60] = [
    "a", "an", "the", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been",
    "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can",
    "could", "may", "might", "must", "and", "or", "but", "so", "if", "then", "than", "as", "of",
    "in", "on", "at", "to", "for", "from", "by", "with", "about", "into", "over", "after",
    "before", "between", "there", "here", "which", "who", "what", "all", "any", "some",
];
const LENGTH_BUCKETS: [usize; 6] = [8, 13, 18, 25, 35, 50];
const COMMA_BUCKETS: [usize; 3] = [0, 1, 3];

/// One-hot of the first bucket `x` falls at or under (the last slot for larger values).
fn bucket(x: usize, bounds: &[usize], out: &mut Vec<f64>) {
    let k = bounds.iter().position(|&b| x <= b).unwrap_or(bounds.len());
    out.extend((0..=bounds.len()).map(|i| if i == k { 1.0 } else { 0.0 }));
}

fn style_features(text: &str) -> Vec<f64> {
    let w = words(text);
    let count = |list: &[&str]| w.iter().filter(|x| list.contains(&x.as_str())).count() as f64;
    let mut f = vec![
        count(&FIRST_PERSON),
        count(&SECOND_PERSON),
        count(&THIRD_PERSON),
    ];
    f.extend(
        FUNCTION_WORDS
            .iter()
            .map(|fw| w.iter().filter(|x| x == fw).count() as f64),
    );
    bucket(w.len(), &LENGTH_BUCKETS, &mut f);
    let sentences = text
        .split(['.', '!', '?'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .count();
    f.push(sentences as f64);
    f.push(if text.chars().any(|c| c.is_ascii_digit()) {
        1.0
    } else {
        0.0
    });
    for mark in ['?', '!', ';', ':'] {
        f.push(text.matches(mark).count() as f64);
    }
    f.push(
        text.chars()
            .filter(|c| matches!(c, '"' | '“' | '”' | '‘'))
            .count() as f64,
    );
    bucket(text.matches(',').count(), &COMMA_BUCKETS, &mut f);
    f
}

/// The names of `style_features`, in its order.
fn style_feature_names() -> Vec<String> {
    let mut names: Vec<String> = ["pron:first", "pron:second", "pron:third"]
        .map(String::from)
        .to_vec();
    names.extend(FUNCTION_WORDS.iter().map(|w| format!("word:{w}")));
    names.extend(bucket_names("words", &LENGTH_BUCKETS));
    names.extend(["sentences", "digits", "?", "!", ";", ":", "quote-marks"].map(String::from));
    names.extend(bucket_names("commas", &COMMA_BUCKETS));
    names
}

fn bucket_names(what: &str, bounds: &[usize]) -> Vec<String> {
    let mut names: Vec<String> = bounds.iter().map(|b| format!("{what}<={b}")).collect();
    names.push(format!("{what}>{}", bounds[bounds.len() - 1]));
    names
}

/// The style matrix of `rows`, with the columns in `skip` zeroed (for ablations).
fn style_matrix(rows: &[&Row], skip: &[usize]) -> Array2<f64> {
    let feats: Vec<Vec<f64>> = rows.iter().map(|r| style_features(&r.quote)).collect();
    let width = feats[0].len();
    let mut x = Array2::from_shape_vec(
        (rows.len(), width),
        feats.into_iter().flatten().collect::<Vec<_>>(),
    )
    .expect("one feature vector per row");
    for &k in skip {
        x.column_mut(k).fill(0.0);
    }
    x
}

fn label_of(r: &Row) -> Label {
    Label::parse(&r.label).unwrap_or_else(|| panic!("{}: label {:?}", r.id, r.label))
}

/// Trains the style classifier on `train` and returns its metrics and class
/// probabilities on `test`.
fn style_classifier(train: &[&Row], test: &[&Row], skip: &[usize]) -> (Metrics, Array2<f64>) {
    let y: Array1<usize> = train.iter().map(|r| label_of(r) as usize).collect();
    let fitted = MultiLogisticRegression::default()
        .alpha(1.0)
        .max_iterations(100)
        .fit(&Dataset::new(style_matrix(train, skip), y))
        .expect("the style classifier fits");
    let x = style_matrix(test, skip);
    let predicted: Array1<usize> = fitted.predict(&x);
    let probabilities = fitted.predict_probabilities(&x);
    let gold: Vec<Label> = test.iter().map(|r| label_of(r)).collect();
    let predicted: Vec<Label> = predicted.iter().map(|&k| Label::ALL[k]).collect();
    (Metrics::from_pairs(&gold, &predicted), probabilities)
}

#[test]
fn style_alone_stays_near_chance() {
    let rows = rows();
    let names = style_feature_names();
    assert_eq!(names.len(), style_features("We said so.").len());
    let train: Vec<&Row> = rows.iter().filter(|r| r.split == "train").collect();
    let test: Vec<&Row> = rows.iter().filter(|r| r.split == "test").collect();
    let (m, probabilities) = style_classifier(&train, &test, &[]);
    println!("style-only classifier on the test split:\n{}", m.report());
    println!("style-only macro-F1: {:.4}", m.macro_f1);
    if m.macro_f1 <= MAX_STYLE_MACRO_F1 {
        return;
    }
    // Which style features carry the labels: macro-F1 lost when a feature, or a whole
    // family of features, is removed.
    let ablate = |skip: &[usize]| style_classifier(&train, &test, skip).0.macro_f1 - m.macro_f1;
    let families: Vec<String> = ["pron:", "word:", "words", "commas"]
        .into_iter()
        .map(|prefix| {
            let cols: Vec<usize> = (0..names.len())
                .filter(|&k| names[k].starts_with(prefix))
                .collect();
            format!("{prefix}* ({:+.3})", ablate(&cols))
        })
        .collect();
    let mut drops: Vec<(f64, &str)> = (0..names.len())
        .map(|k| (ablate(&[k]), names[k].as_str()))
        .collect();
    drops.sort_by(|a, b| a.0.total_cmp(&b.0));
    let drops: Vec<String> = drops
        .iter()
        .take(15)
        .map(|(d, n)| format!("{n} ({d:+.3})"))
        .collect();
    // The test rows that style alone labels right with confidence.
    let confident: Vec<String> = test
        .iter()
        .enumerate()
        .filter(|(i, r)| probabilities[[*i, label_of(r) as usize]] >= 0.6)
        .map(|(i, r)| {
            format!(
                "{} ({}, p={:.2})",
                r.id,
                r.label,
                probabilities[[i, label_of(r) as usize]]
            )
        })
        .collect();
    panic!(
        "style features alone reach macro-F1 {} > {MAX_STYLE_MACRO_F1} on the test split: \
         the labels are guessable from phrasing.\n\
         macro-F1 change without each feature family: {}\n\
         single features whose removal lowers macro-F1 most: {}\n\
         {} test rows labeled right by style alone with p >= 0.6:\n{}",
        m.macro_f1,
        families.join(", "),
        drops.join(", "),
        confident.len(),
        confident.join("\n")
    );
}
