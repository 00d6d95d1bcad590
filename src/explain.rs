//! Why a statement got its label: the features that pushed it toward the label and
//! away from the runner-up class, shown as the words of the statement.
//!
//! A feature's push is its contribution (weight × value) to the label's logit minus its
//! contribution to the runner-up's. The label's intercept minus the runner-up's plus the
//! pushes of all active features is exactly the difference of the two logits, so the
//! lists below account for the whole margin between the two classes.

use crate::features::is_cue;
use crate::model::{Contribution, Label, LinearModel, Prediction};
use serde_json::{json, Value};
use std::collections::HashMap;

/// How many features each way `score --explain` reports.
pub const TOP: usize = 5;

/// One feature's push on a statement, from the label toward (positive) or the
/// runner-up (negative).
#[derive(Debug, Clone, PartialEq)]
pub struct Push {
    /// The words of the statement, as written; negated words marked `¬`.
    pub words: String,
    /// The feature's text in the model ("fail again", "NOT_pressur", "cue:threaten").
    pub feature: String,
    /// Contribution to the label's logit minus contribution to the runner-up's.
    pub contribution: f64,
}

/// A statement's label, its runner-up, and the features behind the margin.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteExplanation {
    pub prediction: Prediction,
    /// The class with the second-highest logit.
    pub runner_up: Label,
    pub intercepts: [f64; 3],
    /// Every active feature's contribution to every class.
    pub contributions: Vec<Contribution>,
    /// Features with a positive push, strongest first (at most `top`).
    pub toward: Vec<Push>,
    /// Features with a negative push, strongest first (at most `top`).
    pub against: Vec<Push>,
}

impl QuoteExplanation {
    pub fn label(&self) -> Label {
        self.prediction.label
    }

    /// The logits, recomputed as intercept plus the sum of contributions.
    pub fn scores(&self) -> [f64; 3] {
        let mut s = self.intercepts;
        for c in &self.contributions {
            for (k, v) in c.per_class.iter().enumerate() {
                s[k] += v;
            }
        }
        s
    }

    /// Every active feature's push, strongest toward the label first.
    pub fn pushes(&self) -> Vec<Push> {
        pushes(&self.contributions, self.label(), self.runner_up)
    }

    /// One line: `hardline: "will fail again" +1.90, …; against: "negotiations" −0.60`.
    pub fn line(&self) -> String {
        format!(
            "{}: {}; against: {}",
            self.label().name(),
            show(&self.toward),
            show(&self.against)
        )
    }

    /// The `explanation` field of a score record (contributions at full precision, so
    /// they add up).
    pub fn to_json(&self) -> Value {
        let list = |v: &[Push]| -> Vec<Value> {
            v.iter()
                .map(|p| {
                    json!({
                        "words": p.words,
                        "feature": p.feature,
                        "contribution": p.contribution,
                    })
                })
                .collect()
        };
        json!({
            "toward": list(&self.toward),
            "against": list(&self.against),
            "runner_up": self.runner_up.name(),
        })
    }
}

/// Explains the model's label of one statement, listing `top` features each way.
pub fn explain(model: &LinearModel, text: &str, top: usize) -> QuoteExplanation {
    let e = model.explain(text);
    let label = e.prediction.label;
    let mut scores = e.intercepts;
    for c in &e.contributions {
        for (k, v) in c.per_class.iter().enumerate() {
            scores[k] += v;
        }
    }
    let runner_up = runner_up(label, &scores);
    let all = pushes(&e.contributions, label, runner_up);
    let toward = all
        .iter()
        .filter(|p| p.contribution > 0.0)
        .take(top)
        .cloned()
        .collect();
    let against = all
        .iter()
        .rev()
        .filter(|p| p.contribution < 0.0)
        .take(top)
        .cloned()
        .collect();
    QuoteExplanation {
        prediction: e.prediction,
        runner_up,
        intercepts: e.intercepts,
        contributions: e.contributions,
        toward,
        against,
    }
}

/// The class other than `label` with the highest logit (ties go to the earlier class).
pub fn runner_up(label: Label, scores: &[f64; 3]) -> Label {
    Label::ALL
        .into_iter()
        .filter(|&l| l != label)
        .fold(None, |best: Option<Label>, l| match best {
            Some(b) if scores[b as usize] >= scores[l as usize] => Some(b),
            _ => Some(l),
        })
        .unwrap_or(label)
}

/// Every contribution's push from `runner_up` toward `label`, strongest first; ties in
/// feature order so the lists are stable.
pub fn pushes(contributions: &[Contribution], label: Label, runner_up: Label) -> Vec<Push> {
    let mut v: Vec<Push> = contributions
        .iter()
        .map(|c| Push {
            words: c.surface.clone(),
            feature: c.feature.clone(),
            contribution: c.per_class[label as usize] - c.per_class[runner_up as usize],
        })
        .collect();
    v.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then_with(|| a.feature.cmp(&b.feature))
    });
    v
}

/// `"words" +1.23`; cue-class features name their class: `"¬agree" (cue ¬agree) +0.40`.
fn show(pushes: &[Push]) -> String {
    if pushes.is_empty() {
        return "(none)".into();
    }
    pushes
        .iter()
        .map(|p| {
            let cue = p
                .feature
                .strip_prefix("cue:")
                .map(|c| format!(" (cue {})", c.replace("NOT_", "¬")))
                .unwrap_or_default();
            format!("\"{}\"{} {}", p.words, cue, signed(p.contribution))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `+1.23` or `−0.45` (a real minus sign).
pub fn signed(x: f64) -> String {
    if x < 0.0 {
        format!("\u{2212}{:.2}", -x)
    } else {
        format!("+{x:.2}")
    }
}

/// The text form of a record's `explanation` field, for the CSV column.
pub fn line_from_json(label: &str, explanation: &Value) -> String {
    let list = |key: &str| -> Vec<Push> {
        explanation
            .get(key)
            .and_then(Value::as_array)
            .map(|items| {
                items
                    .iter()
                    .map(|i| Push {
                        words: i["words"].as_str().unwrap_or_default().to_string(),
                        feature: i["feature"].as_str().unwrap_or_default().to_string(),
                        contribution: i["contribution"].as_f64().unwrap_or(0.0),
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    format!(
        "{label}: {}; against: {}",
        show(&list("toward")),
        show(&list("against"))
    )
}

/// A highlighted stretch of a statement: byte range and the net push of the features
/// that cover it (positive: toward the label).
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub push: f64,
    /// The features covering the stretch, with their pushes, for a tooltip.
    pub features: Vec<(String, f64)>,
}

/// The stretches of `text` made of the tokens of the given features (feature text →
/// push), in text order. Adjacent tokens with pushes of the same sign form one stretch.
pub fn highlights(model: &LinearModel, text: &str, pushes: &[Push]) -> Vec<Highlight> {
    let wanted: HashMap<&str, f64> = pushes
        .iter()
        .map(|p| (p.feature.as_str(), p.contribution))
        .collect();
    let analysis = model.featurizer().analyze(text);
    let n = analysis.tokens.len();
    let mut push = vec![0.0; n];
    let mut feats: Vec<Vec<(String, f64)>> = vec![Vec::new(); n];
    let mut seen = std::collections::HashSet::new();
    for term in &analysis.terms {
        let Some(&c) = wanted.get(term.text.as_str()) else {
            continue;
        };
        for (i, (p, f)) in push
            .iter_mut()
            .zip(feats.iter_mut())
            .enumerate()
            .take(term.last.min(n))
            .skip(term.first)
        {
            // A cue counted several times is one feature: push each token once.
            if seen.insert((term.text.clone(), i)) {
                *p += c;
                if !f.iter().any(|(name, _)| name == &term.text) {
                    f.push((display_feature(&term.text), c));
                }
            }
        }
    }
    let mut out: Vec<Highlight> = Vec::new();
    for (i, t) in analysis.tokens.iter().enumerate() {
        let p = push[i];
        if p == 0.0 || text.get(t.start..t.end).is_none() {
            continue;
        }
        let joins = |h: &Highlight| {
            h.push.signum() == p.signum()
                && h.end <= t.start
                && i > 0
                && push[i - 1].signum() == p.signum()
                && text[h.end..t.start].chars().all(|c| !c.is_alphanumeric())
        };
        match out.last_mut() {
            Some(h) if joins(h) => {
                h.end = h.end.max(t.end);
                h.push += p;
                for f in &feats[i] {
                    if !h.features.iter().any(|g| g.0 == f.0) {
                        h.features.push(f.clone());
                    }
                }
            }
            Some(h) if h.start == t.start => {} // an expanded contraction's second half
            _ => out.push(Highlight {
                start: t.start,
                end: t.end,
                push: p,
                features: feats[i].clone(),
            }),
        }
    }
    out
}

/// A feature as a reader would say it: `NOT_` as `¬`.
fn display_feature(feature: &str) -> String {
    let f = feature.replace("NOT_", "¬");
    if is_cue(feature) {
        f.replacen("cue:", "cue ", 1)
    } else {
        f
    }
}
