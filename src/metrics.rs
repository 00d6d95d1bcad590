//! Confusion matrix, per-class precision/recall/F1, accuracy and macro-F1, laid out
//! as scikit-learn's classification report so people already know how to read it.

use crate::model::{Label, LABELS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Counts of (gold, predicted) pairs: `counts[gold][predicted]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfusionMatrix {
    pub counts: [[usize; 3]; 3],
}

impl ConfusionMatrix {
    pub fn from_pairs(gold: &[Label], predicted: &[Label]) -> ConfusionMatrix {
        let mut m = ConfusionMatrix::default();
        for (g, p) in gold.iter().zip(predicted) {
            m.counts[*g as usize][*p as usize] += 1;
        }
        m
    }

    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassMetrics {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

/// The evaluation of a model on one labeled set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub n: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub per_class: BTreeMap<String, ClassMetrics>,
    /// Rows are the gold labels, columns the predictions, both in `labels` order.
    pub confusion: ConfusionMatrix,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn ratio_f(sum: f64, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Rounds to 4 decimals: metrics are reported, not computed with, once stored.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Metrics {
    pub fn from_pairs(gold: &[Label], predicted: &[Label]) -> Metrics {
        Metrics::from_confusion(ConfusionMatrix::from_pairs(gold, predicted))
    }

    pub fn from_confusion(confusion: ConfusionMatrix) -> Metrics {
        let c = &confusion.counts;
        let mut per_class = BTreeMap::new();
        // Macro-F1 over the classes present in the gold labels (as scikit-learn does
        // for a benchmark without neutral rows).
        let mut f1_sum = 0.0;
        let mut present = 0;
        for (k, name) in LABELS.iter().enumerate() {
            let tp = c[k][k];
            let support: usize = c[k].iter().sum();
            let predicted: usize = (0..3).map(|g| c[g][k]).sum();
            let precision = ratio(tp, predicted);
            let recall = ratio(tp, support);
            let f1 = if precision + recall == 0.0 {
                0.0
            } else {
                2.0 * precision * recall / (precision + recall)
            };
            if support > 0 {
                f1_sum += f1;
                present += 1;
            }
            per_class.insert(
                name.to_string(),
                ClassMetrics {
                    precision: round4(precision),
                    recall: round4(recall),
                    f1: round4(f1),
                    support,
                },
            );
        }
        let correct: usize = (0..3).map(|k| c[k][k]).sum();
        Metrics {
            n: confusion.total(),
            accuracy: round4(ratio(correct, confusion.total())),
            macro_f1: round4(ratio_f(f1_sum, present)),
            per_class,
            confusion,
        }
    }

    pub fn recall(&self, label: Label) -> f64 {
        self.per_class[label.name()].recall
    }

    /// A plain-text report: per-class table, accuracy, macro-F1, confusion matrix.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:>14} {:>9} {:>9} {:>9} {:>9}",
            "", "precision", "recall", "f1", "support"
        );
        for name in LABELS {
            let m = &self.per_class[name];
            let _ = writeln!(
                s,
                "{:>14} {:>9.3} {:>9.3} {:>9.3} {:>9}",
                name, m.precision, m.recall, m.f1, m.support
            );
        }
        let _ = writeln!(
            s,
            "\n{:>14} {:>29.3} {:>9}",
            "accuracy", self.accuracy, self.n
        );
        let _ = writeln!(
            s,
            "{:>14} {:>29.3} {:>9}",
            "macro-F1", self.macro_f1, self.n
        );
        let _ = writeln!(s, "\nconfusion matrix (rows: gold, columns: predicted)");
        let _ = writeln!(
            s,
            "{:>14} {:>13} {:>13} {:>13}",
            "", LABELS[0], LABELS[1], LABELS[2]
        );
        for (g, name) in LABELS.iter().enumerate() {
            let row = self.confusion.counts[g];
            let _ = writeln!(
                s,
                "{:>14} {:>13} {:>13} {:>13}",
                name, row[0], row[1], row[2]
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Label::*;

    #[test]
    fn metrics_match_a_hand_computed_example() {
        let gold = [
            Conciliatory,
            Conciliatory,
            Hardline,
            Hardline,
            Neutral,
            Neutral,
        ];
        let pred = [
            Conciliatory,
            Hardline,
            Hardline,
            Hardline,
            Neutral,
            Conciliatory,
        ];
        let m = Metrics::from_pairs(&gold, &pred);
        assert_eq!(m.accuracy, round4(4.0 / 6.0));
        assert_eq!(m.per_class["hardline"].precision, round4(2.0 / 3.0));
        assert_eq!(m.per_class["hardline"].recall, 1.0);
        assert_eq!(m.per_class["neutral"].recall, 0.5);
        // F1s: conciliatory 0.5, hardline 0.8, neutral 2/3.
        assert_eq!(m.macro_f1, round4((0.5 + 0.8 + 2.0 / 3.0) / 3.0));
        assert_eq!(m.confusion.counts[2][0], 1);
    }
}
