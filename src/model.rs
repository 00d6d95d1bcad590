//! The linear model: predict, explain, load and save.
//!
//! A model file carries everything needed to score: the feature configuration, the
//! vocabulary with one row of per-class weights per feature (keyed by the feature's text
//! so `git diff` shows which words moved), intercepts, hyper-parameters, the SHA-256 of
//! the training data and the metrics it reached.

use crate::features::{Analysis, FeatureConfig, Features, Featurizer};
use crate::features::{VocabIndex, Vocabulary};
use crate::metrics::Metrics;
use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The labels, in the order of every per-class array in this crate and in model files.
pub const LABELS: [&str; 3] = ["conciliatory", "hardline", "neutral"];

/// The model file format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;
const FORMAT_NAME: &str = "stance-model";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    Conciliatory = 0,
    Hardline = 1,
    Neutral = 2,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Conciliatory, Label::Hardline, Label::Neutral];

    pub fn name(self) -> &'static str {
        LABELS[self as usize]
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.name() == s.trim())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hyperparameters {
    /// L2 penalty (1/C in scikit-learn terms).
    pub alpha: f64,
    pub max_iterations: u64,
}

impl Default for Hyperparameters {
    fn default() -> Self {
        Hyperparameters {
            alpha: 0.5,
            max_iterations: 150,
        }
    }
}

/// What the model was trained on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainingData {
    pub file: String,
    pub sha256: String,
    pub rows: usize,
    pub train_rows: usize,
    pub test_rows: usize,
}

/// The model file, field for field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    pub format: String,
    pub format_version: u32,
    pub version: u32,
    pub labels: Vec<String>,
    pub features: FeatureConfig,
    pub hyperparameters: Hyperparameters,
    pub training_data: TrainingData,
    /// Metrics on the test split, when there is one.
    pub metrics: Option<Metrics>,
    pub intercepts: [f64; 3],
    pub weights: BTreeMap<String, [f64; 3]>,
}

/// A model's verdict on one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub label: Label,
    /// In `LABELS` order; they sum to 1.
    pub probabilities: [f64; 3],
}

impl Prediction {
    /// P(conciliatory) − P(hardline): a conflict–cooperation score in [-1, 1].
    pub fn tone(&self) -> f64 {
        self.probabilities[0] - self.probabilities[1]
    }
}

/// One feature's push on one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub feature: String,
    /// The words of the statement the feature was built from, as written.
    pub surface: String,
    /// Weight × value, per class.
    pub per_class: [f64; 3],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub prediction: Prediction,
    pub intercepts: [f64; 3],
    /// Every active feature; intercepts plus the sums of these give the class scores.
    pub contributions: Vec<Contribution>,
}

/// A model ready to score.
#[derive(Debug, Clone)]
pub struct LinearModel {
    pub file: ModelFile,
    featurizer: Featurizer,
    vocabulary: Vocabulary,
    /// The vocabulary as scoring looks it up.
    index: VocabIndex,
    names: Vec<String>,
    weights: Vec<[f64; 3]>,
}

/// The model compiled into the binary: the highest `models/stance-vN.json` at build time.
pub const DEFAULT_MODEL_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/default_model.json"));

impl LinearModel {
    pub fn from_file(file: ModelFile) -> anyhow::Result<LinearModel> {
        if file.format != FORMAT_NAME {
            bail!("not a stance model file (format is {:?})", file.format);
        }
        if file.format_version != FORMAT_VERSION {
            bail!(
                "model format version {} is not supported (this build reads version {})",
                file.format_version,
                FORMAT_VERSION
            );
        }
        if file.labels != LABELS {
            bail!("model labels {:?} are not {:?}", file.labels, LABELS);
        }
        let finite = |w: &[f64; 3]| w.iter().all(|x| x.is_finite());
        if !finite(&file.intercepts) || !file.weights.values().all(finite) {
            bail!("model has a weight that is not a finite number");
        }
        let names: Vec<String> = file.weights.keys().cloned().collect();
        let weights: Vec<[f64; 3]> = file.weights.values().copied().collect();
        let vocabulary = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        let featurizer = Featurizer::new(file.features.clone());
        let index = VocabIndex::new(&featurizer, &vocabulary);
        Ok(LinearModel {
            featurizer,
            file,
            vocabulary,
            index,
            names,
            weights,
        })
    }

    pub fn from_json(json: &str) -> anyhow::Result<LinearModel> {
        let file: ModelFile =
            serde_json::from_str(json).context("not a valid stance model file")?;
        LinearModel::from_file(file)
    }

    /// Loads a model file; errors name the file.
    pub fn load(path: &Path) -> anyhow::Result<LinearModel> {
        let json = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read model", path.display()))?;
        LinearModel::from_json(&json).map_err(|e| anyhow::anyhow!("{}: {:#}", path.display(), e))
    }

    /// The model compiled into the binary.
    pub fn builtin() -> anyhow::Result<LinearModel> {
        LinearModel::from_json(DEFAULT_MODEL_JSON).context("built-in model")
    }

    pub fn version(&self) -> u32 {
        self.file.version
    }

    pub fn featurizer(&self) -> &Featurizer {
        &self.featurizer
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    pub fn features(&self, text: &str) -> Features {
        self.featurizer.featurize(text, &self.index)
    }

    /// Class scores (logits) of a feature vector.
    pub fn scores(&self, features: &Features) -> [f64; 3] {
        let mut s = self.file.intercepts;
        for &(id, value) in &features.entries {
            for (k, w) in self.weights[id].iter().enumerate() {
                s[k] += w * value;
            }
        }
        s
    }

    pub fn predict_features(&self, features: &Features) -> Prediction {
        let probabilities = softmax(self.scores(features));
        let best = (0..3).fold(0, |b, k| {
            if probabilities[k] > probabilities[b] {
                k
            } else {
                b
            }
        });
        Prediction {
            label: Label::ALL[best],
            probabilities,
        }
    }

    pub fn predict(&self, text: &str) -> Prediction {
        self.predict_features(&self.features(text))
    }

    /// The prediction with every active feature's contribution.
    pub fn explain(&self, text: &str) -> Explanation {
        let analysis = self.featurizer.analyze(text);
        let features = self.featurizer.vectorize(&analysis, &self.vocabulary);
        let contributions = features
            .entries
            .iter()
            .map(|&(id, value)| Contribution {
                feature: self.names[id].clone(),
                surface: surface_of(&self.names[id], &analysis, text),
                per_class: self.weights[id].map(|w| w * value),
            })
            .collect();
        Explanation {
            prediction: self.predict_features(&features),
            intercepts: self.file.intercepts,
            contributions,
        }
    }

    /// The JSON text of the model file: metadata pretty-printed, then one line per
    /// feature so a diff between versions reads as a list of moved words.
    pub fn to_json(file: &ModelFile) -> anyhow::Result<String> {
        let mut head = serde_json::to_value(file)?;
        if let Some(map) = head.as_object_mut() {
            map.remove("intercepts");
            map.remove("weights");
        }
        let head = serde_json::to_string_pretty(&head)?;
        let head = head.strip_suffix("\n}").unwrap_or(&head);
        let mut out = String::with_capacity(file.weights.len() * 48 + head.len());
        out.push_str(head);
        out.push_str(",\n  \"intercepts\": ");
        out.push_str(&serde_json::to_string(&file.intercepts)?);
        out.push_str(",\n  \"weights\": {");
        for (i, (name, w)) in file.weights.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&serde_json::to_string(name)?);
            out.push_str(": ");
            out.push_str(&serde_json::to_string(w)?);
        }
        out.push_str("\n  }\n}\n");
        Ok(out)
    }
}

/// The words behind a feature, as written in the statement, negated words marked `¬`.
fn surface_of(feature: &str, analysis: &Analysis, text: &str) -> String {
    let Some(term) = analysis.terms.iter().find(|t| t.text == feature) else {
        return feature.to_string();
    };
    let toks = &analysis.tokens[term.first..term.last];
    let mut words: Vec<String> = Vec::new();
    let mut last_span = None;
    for t in toks {
        if last_span == Some((t.start, t.end)) {
            continue; // an expanded contraction: show the surface word once
        }
        last_span = Some((t.start, t.end));
        let word = &text[t.start..t.end];
        words.push(if t.negated {
            format!("¬{word}")
        } else {
            word.to_string()
        });
    }
    words.join(" ")
}

pub fn softmax(scores: [f64; 3]) -> [f64; 3] {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let exp = scores.map(|s| (s - max).exp());
    let sum: f64 = exp.iter().sum();
    exp.map(|e| e / sum)
}

/// Rounds to 6 significant digits, the precision weights are stored at, so that models
/// trained on machines with different SIMD kernels write the same file.
pub fn round_stored(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    format!("{x:.5e}").parse().unwrap_or(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> ModelFile {
        let mut weights = BTreeMap::new();
        weights.insert("talk".to_string(), [1.5, -0.5, 0.0]);
        weights.insert("threaten".to_string(), [-1.0, 2.0, -0.25]);
        weights.insert("cue:NOT_reject".to_string(), [0.75, -0.125, 0.0]);
        ModelFile {
            format: FORMAT_NAME.into(),
            format_version: FORMAT_VERSION,
            version: 1,
            labels: LABELS.iter().map(|s| s.to_string()).collect(),
            features: FeatureConfig::default(),
            hyperparameters: Hyperparameters::default(),
            training_data: TrainingData {
                file: "x.csv".into(),
                sha256: "00".into(),
                rows: 0,
                train_rows: 0,
                test_rows: 0,
            },
            metrics: None,
            intercepts: [0.1, 0.0, -0.1],
            weights,
        }
    }

    #[test]
    fn save_and_load_round_trip_exactly() {
        let file = tiny();
        let json = LinearModel::to_json(&file).unwrap();
        let back = LinearModel::from_json(&json).unwrap();
        assert_eq!(back.file, file);
        assert_eq!(LinearModel::to_json(&back.file).unwrap(), json);
        assert!(json.contains("\n    \"talk\": [1.5,-0.5,0.0]"));
    }

    #[test]
    fn unknown_format_version_and_broken_files_are_clear_errors() {
        let mut file = tiny();
        file.format_version = 99;
        let err = LinearModel::from_file(file).unwrap_err().to_string();
        assert!(err.contains("format version 99 is not supported"), "{err}");
        let err = LinearModel::from_json("{\"format\": ")
            .unwrap_err()
            .to_string();
        assert!(err.contains("not a valid stance model file"), "{err}");
    }

    #[test]
    fn prediction_follows_the_weights_and_contributions_add_up() {
        let model = LinearModel::from_file(tiny()).unwrap();
        assert_eq!(model.predict("They threaten.").label, Label::Hardline);
        assert_eq!(model.predict("We talk.").label, Label::Conciliatory);
        let e = model.explain("We threaten, then we talk.");
        let scores = model.scores(&model.features("We threaten, then we talk."));
        for (k, score) in scores.iter().enumerate() {
            let sum: f64 =
                e.intercepts[k] + e.contributions.iter().map(|c| c.per_class[k]).sum::<f64>();
            assert!((sum - score).abs() < 1e-12);
        }
    }

    #[test]
    fn stored_precision_is_six_significant_digits() {
        assert_eq!(round_stored(0.123456789), 0.123457);
        assert_eq!(round_stored(-1234.5678), -1234.57);
        assert_eq!(round_stored(0.0), 0.0);
    }
}
