//! Extraction and scoring of arbitrary input, decoded as UTF-8 lossily (as the CLI does
//! for a file that is not valid UTF-8), plus JSONL parsing of the raw bytes.
//!
//! Besides panics in the library, it aborts on broken invariants: quote spans outside
//! the text, off char boundaries, empty or out of order; probabilities that are not a
//! distribution; feature ids outside the vocabulary.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stance::article::{parse_jsonl_line, Article};
use stance::model::LinearModel;
use stance::quotes::extract::extract;
use stance::Pipeline;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(LinearModel::builtin().expect("built-in model")))
}

fn check_features(text: &str) {
    let model = &pipeline().model;
    let n = model.vocabulary().len();
    let features = model.features(text);
    let mut previous = None;
    for &(id, value) in &features.entries {
        assert!(id < n, "feature id {id} >= {n}");
        assert!(previous.is_none_or(|p| p < id), "feature ids unsorted");
        assert!(value.is_finite(), "feature value {value}");
        previous = Some(id);
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();

    let quotes = extract(&text);
    let mut previous: Option<usize> = None;
    for q in &quotes {
        let s = &q.span;
        assert!(s.start < s.end, "empty span {s:?}");
        assert!(s.end <= text.len(), "span {s:?} past the end");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "span {s:?} off char boundaries"
        );
        assert!(
            previous.is_none_or(|p| p < s.start),
            "spans out of order at {s:?}"
        );
        previous = Some(s.start);
        check_features(q.labeled_text());
    }

    let scored = pipeline().score(&Article::new("fuzz", text.as_str()));
    assert_eq!(scored.len(), quotes.len());
    for s in &scored {
        let p = s.prediction.probabilities;
        let sum: f64 = p.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9, "probabilities {p:?}");
        assert!(
            p.iter().all(|x| (0.0..=1.0).contains(x)),
            "probabilities {p:?}"
        );
        assert!((-1.0..=1.0).contains(&s.prediction.tone()));
    }
    check_features(&text);

    if let Ok(article) = parse_jsonl_line("fuzz:1", data.to_vec()) {
        assert!(!article.text.trim().is_empty());
    }
});
