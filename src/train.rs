//! Training: vocabulary selection, fitting with linfa-logistic, cross-validation, and
//! writing the next model version.

use crate::corpus::{Corpus, Example, Split};
use crate::features::{is_cue, Analysis, FeatureConfig, Featurizer, Vocabulary};
use crate::metrics::{ConfusionMatrix, Metrics};
use crate::model::{
    round_stored, Hyperparameters, Label, LinearModel, ModelFile, TrainingData, FORMAT_VERSION,
    LABELS,
};
use anyhow::{bail, Context};
use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use ndarray::{Array1, Array2};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Trains on the corpus's train split and evaluates on its test split.
pub fn train(
    corpus: &Corpus,
    data_file: &str,
    config: FeatureConfig,
    hyper: &Hyperparameters,
    version: u32,
) -> anyhow::Result<ModelFile> {
    let train_rows = corpus.split(Split::Train);
    let test_rows = corpus.split(Split::Test);
    let mut file = fit(&train_rows, config, hyper)?;
    file.version = version;
    file.training_data = TrainingData {
        file: data_file.to_string(),
        sha256: corpus.sha256.clone(),
        rows: corpus.examples.len(),
        train_rows: train_rows.len(),
        test_rows: test_rows.len(),
    };
    if !test_rows.is_empty() {
        let model = LinearModel::from_file(file.clone())?;
        file.metrics = Some(evaluate(&model, &test_rows));
    }
    Ok(file)
}

/// Fits a model on `rows`; the result has no version, data info or metrics yet.
pub fn fit(
    rows: &[Example],
    config: FeatureConfig,
    hyper: &Hyperparameters,
) -> anyhow::Result<ModelFile> {
    for label in Label::ALL {
        if !rows.iter().any(|r| r.label == label) {
            bail!("no training rows labeled {}", label.name());
        }
    }
    let featurizer = Featurizer::new(config);
    let analyses: Vec<Analysis> = rows.iter().map(|r| featurizer.analyze(&r.quote)).collect();
    let labels: Vec<Label> = rows.iter().map(|r| r.label).collect();
    let names = select_vocabulary(&analyses, &labels, &featurizer.config);
    let vocabulary: Vocabulary = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i))
        .collect();

    let mut x = Array2::<f64>::zeros((rows.len(), names.len()));
    for (i, analysis) in analyses.iter().enumerate() {
        for (id, value) in featurizer.vectorize(analysis, &vocabulary).entries {
            x[[i, id]] = value;
        }
    }
    let y: Array1<usize> = labels.iter().map(|l| *l as usize).collect();
    let fitted = MultiLogisticRegression::default()
        .alpha(hyper.alpha)
        .max_iterations(hyper.max_iterations)
        .fit(&Dataset::new(x, y))
        .context("fitting the logistic regression")?;

    // linfa orders its classes by value; map its columns back onto LABELS order.
    let column: Vec<usize> = (0..3)
        .map(|k| fitted.classes().iter().position(|c| *c == k).unwrap_or(k))
        .collect();
    let params = fitted.params();
    let weights: BTreeMap<String, [f64; 3]> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            (
                name.clone(),
                [0, 1, 2].map(|k| round_stored(params[[i, column[k]]])),
            )
        })
        .collect();
    let intercepts = [0, 1, 2].map(|k| round_stored(fitted.intercept()[column[k]]));
    Ok(ModelFile {
        format: "stance-model".into(),
        format_version: FORMAT_VERSION,
        version: 0,
        labels: LABELS.iter().map(|s| s.to_string()).collect(),
        features: featurizer.config,
        hyperparameters: hyper.clone(),
        training_data: TrainingData {
            file: String::new(),
            sha256: String::new(),
            rows: rows.len(),
            train_rows: rows.len(),
            test_rows: 0,
        },
        metrics: None,
        intercepts,
        weights,
    })
}

/// Keeps n-grams seen in at least `min_count` statements, then the `max_features` with
/// the highest chi-squared association with the labels (ties by text, so the choice is
/// deterministic). Every cue class seen at all is kept.
fn select_vocabulary(
    analyses: &[Analysis],
    labels: &[Label],
    config: &FeatureConfig,
) -> Vec<String> {
    let mut presence: HashMap<&str, [usize; 3]> = HashMap::new();
    for (analysis, label) in analyses.iter().zip(labels) {
        let mut seen: Vec<&str> = analysis.terms.iter().map(|t| t.text.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for term in seen {
            presence.entry(term).or_default()[*label as usize] += 1;
        }
    }
    let mut class_sizes = [0usize; 3];
    labels.iter().for_each(|l| class_sizes[*l as usize] += 1);
    let n = labels.len() as f64;

    let mut cues: Vec<String> = Vec::new();
    let mut scored: Vec<(f64, &str)> = Vec::new();
    for (term, counts) in &presence {
        let df: usize = counts.iter().sum();
        if is_cue(term) {
            cues.push(term.to_string());
        } else if df >= config.min_count {
            scored.push((chi_squared(counts, &class_sizes, n), term));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut names: Vec<String> = scored
        .into_iter()
        .take(config.max_features)
        .map(|(_, t)| t.to_string())
        .chain(cues)
        .collect();
    names.sort();
    names
}

/// Chi-squared statistic of term presence against the three classes.
fn chi_squared(present: &[usize; 3], class_sizes: &[usize; 3], n: f64) -> f64 {
    let df: f64 = present.iter().sum::<usize>() as f64;
    let mut chi2 = 0.0;
    for k in 0..3 {
        let size = class_sizes[k] as f64;
        let cells = [
            (present[k] as f64, df * size / n),
            (size - present[k] as f64, (n - df) * size / n),
        ];
        for (observed, expected) in cells {
            if expected > 0.0 {
                chi2 += (observed - expected).powi(2) / expected;
            }
        }
    }
    chi2
}

/// Metrics of a model on labeled rows.
pub fn evaluate(model: &LinearModel, rows: &[Example]) -> Metrics {
    let gold: Vec<Label> = rows.iter().map(|r| r.label).collect();
    let predicted: Vec<Label> = rows.iter().map(|r| model.predict(&r.quote).label).collect();
    Metrics::from_pairs(&gold, &predicted)
}

/// Grouped k-fold cross-validation: every conflict falls in exactly one fold, so a fold
/// is scored on conflicts the model never saw. Returns one `Metrics` per fold and the
/// pooled confusion matrix.
pub fn cross_validate(
    rows: &[Example],
    k: usize,
    config: &FeatureConfig,
    hyper: &Hyperparameters,
) -> anyhow::Result<(Vec<Metrics>, Metrics)> {
    if k < 2 {
        bail!("--cv needs at least 2 folds");
    }
    let mut conflicts: Vec<&str> = rows.iter().map(fold_key).collect();
    conflicts.sort_unstable();
    conflicts.dedup();
    if conflicts.len() < k {
        bail!("{} conflicts cannot fill {} folds", conflicts.len(), k);
    }
    let fold_of: HashMap<&str, usize> = conflicts
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i % k))
        .collect();
    let mut folds = Vec::new();
    let mut pooled = ConfusionMatrix::default();
    for fold in 0..k {
        let (test, train): (Vec<Example>, Vec<Example>) = rows
            .iter()
            .cloned()
            .partition(|r| fold_of[fold_key(r)] == fold);
        let model = LinearModel::from_file(fit(&train, config.clone(), hyper)?)?;
        let m = evaluate(&model, &test);
        for g in 0..3 {
            for p in 0..3 {
                pooled.counts[g][p] += m.confusion.counts[g][p];
            }
        }
        folds.push(m);
    }
    Ok((folds, Metrics::from_confusion(pooled)))
}

fn fold_key(row: &Example) -> &str {
    if row.conflict.is_empty() {
        &row.id
    } else {
        &row.conflict
    }
}

/// The version after the highest `stance-vN.json` in `dir` (1 if there is none).
pub fn next_version(dir: &Path) -> anyhow::Result<u32> {
    let mut highest = 0;
    if dir.exists() {
        for entry in
            std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
        {
            let name = entry?.file_name();
            let name = name.to_string_lossy();
            if let Some(n) = name
                .strip_prefix("stance-v")
                .and_then(|s| s.strip_suffix(".json"))
                .and_then(|s| s.parse::<u32>().ok())
            {
                highest = highest.max(n);
            }
        }
    }
    Ok(highest + 1)
}

/// Writes `models/stance-vN.json` atomically (temp file, then a hard link that fails
/// rather than replace an existing file).
pub fn write_model(dir: &Path, file: &ModelFile) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    let target = dir.join(format!("stance-v{}.json", file.version));
    if target.exists() {
        bail!(
            "{}: already exists; model files are never overwritten",
            target.display()
        );
    }
    let json = LinearModel::to_json(file)?;
    let temp = dir.join(format!(
        ".stance-v{}.json.tmp-{}",
        file.version,
        std::process::id()
    ));
    let result = (|| -> anyhow::Result<()> {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(json.as_bytes())?;
        f.sync_all()?;
        std::fs::hard_link(&temp, &target)?;
        Ok(())
    })();
    let _ = std::fs::remove_file(&temp);
    result.with_context(|| format!("{}: cannot write model", target.display()))?;
    Ok(target)
}
