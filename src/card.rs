//! The model card: one Markdown section per model version, appended to
//! `models/README.md` by `stance train --card`, so every version's data, settings,
//! metrics, strongest features, ablations and transfer figures stay on record.

use crate::corpus::{read_corpus, Corpus, Split};
use crate::features::{is_cue, FeatureConfig};
use crate::metrics::Metrics;
use crate::model::{Hyperparameters, LinearModel, ModelFile, LABELS};
use crate::train::{cross_validate, evaluate, fit};
use std::fmt::Write;
use std::path::PathBuf;

/// What the card reports beyond the model file itself.
pub struct CardInputs<'a> {
    pub corpus: &'a Corpus,
    pub folds: usize,
    /// Outside labeled sets to measure transfer on (not in the repository).
    pub benchmarks: &'a [PathBuf],
    /// What changed since the previous version, in the author's words.
    pub note: &'a str,
}

/// The Markdown section for one model version.
pub fn card_section(file: &ModelFile, inputs: &CardInputs) -> anyhow::Result<String> {
    let model = LinearModel::from_file(file.clone())?;
    let mut s = String::new();
    let d = &file.training_data;
    let _ = writeln!(s, "\n## stance-v{}\n", file.version);
    if !inputs.note.is_empty() {
        let _ = writeln!(s, "What changed: {}\n", inputs.note);
    }
    let counts = label_counts(inputs.corpus);
    let _ = writeln!(
        s,
        "- Data: `{}`, sha256 `{}`, {} rows ({} train, {} test); conciliatory {}, hardline {}, neutral {}.",
        d.file, d.sha256, d.rows, d.train_rows, d.test_rows, counts[0], counts[1], counts[2]
    );
    let f = &file.features;
    let _ = writeln!(
        s,
        "- Features: word 1–{}-grams {} (min count {}, top {} by chi-squared), cue classes {} ({} lexicon entries), L2-normalised: {}; vocabulary {}.",
        f.ngram_max,
        on_off(f.ngrams),
        f.min_count,
        f.max_features,
        on_off(f.cues),
        f.lexicon.len(),
        f.l2_normalize,
        file.weights.len()
    );
    let h = &file.hyperparameters;
    let _ = writeln!(
        s,
        "- Model: multinomial logistic regression (linfa-logistic), alpha {} (1/C), max_iterations {}.",
        h.alpha, h.max_iterations
    );
    if let Some(m) = &file.metrics {
        let _ = writeln!(
            s,
            "\nTest split ({} rows, conflicts never seen in training):\n\n```\n{}```",
            m.n,
            m.report()
        );
    }
    cross_validation(&mut s, inputs, file)?;
    transfer(&mut s, &model, inputs.benchmarks)?;
    ablations(&mut s, inputs.corpus, file)?;
    strongest_features(&mut s, file);
    Ok(s)
}

fn on_off(b: bool) -> &'static str {
    if b {
        "on"
    } else {
        "off"
    }
}

fn label_counts(corpus: &Corpus) -> [usize; 3] {
    let mut c = [0; 3];
    corpus
        .examples
        .iter()
        .for_each(|e| c[e.label as usize] += 1);
    c
}

fn cross_validation(s: &mut String, inputs: &CardInputs, file: &ModelFile) -> anyhow::Result<()> {
    if inputs.folds < 2 {
        return Ok(());
    }
    let rows = inputs.corpus.split(Split::Train);
    let (folds, pooled) =
        cross_validate(&rows, inputs.folds, &file.features, &file.hyperparameters)?;
    let f1s: Vec<f64> = folds.iter().map(|m| m.macro_f1).collect();
    let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
    let sd = (f1s.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / f1s.len() as f64).sqrt();
    let _ = writeln!(
        s,
        "\nCross-validation ({}-fold, grouped by conflict, train split): macro-F1 {:.3} ± {:.3} (folds {}); pooled accuracy {:.3}.",
        inputs.folds,
        mean,
        sd,
        f1s.iter().map(|f| format!("{f:.3}")).collect::<Vec<_>>().join(", "),
        pooled.accuracy
    );
    Ok(())
}

fn transfer(s: &mut String, model: &LinearModel, benchmarks: &[PathBuf]) -> anyhow::Result<()> {
    let present: Vec<&PathBuf> = benchmarks.iter().filter(|p| p.is_file()).collect();
    if present.is_empty() {
        return Ok(());
    }
    let _ = writeln!(
        s,
        "\nTransfer to text written by others (macro-F1 over the labels each set has):\n"
    );
    let _ = writeln!(
        s,
        "| set | rows | macro-F1 | recall C / H / N |\n|---|---|---|---|"
    );
    for path in present {
        let corpus = read_corpus(path)?;
        let m = evaluate(model, &corpus.examples);
        let name = path
            .file_stem()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "| {} | {} | {:.3} | {} |",
            name,
            m.n,
            m.macro_f1,
            recalls(&m)
        );
    }
    Ok(())
}

fn recalls(m: &Metrics) -> String {
    LABELS
        .iter()
        .map(|l| {
            let c = &m.per_class[*l];
            if c.support == 0 {
                "–".to_string()
            } else {
                format!("{:.2}", c.recall)
            }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Test-split macro-F1 with each feature family alone, without the topic scope or the name
/// mask, and with the cue polarity switched the other way.
fn ablations(s: &mut String, corpus: &Corpus, file: &ModelFile) -> anyhow::Result<()> {
    let train = corpus.split(Split::Train);
    let test = corpus.split(Split::Test);
    if test.is_empty() {
        return Ok(());
    }
    let row = |name: &str, change: &dyn Fn(&mut FeatureConfig)| -> anyhow::Result<String> {
        let mut config = file.features.clone();
        change(&mut config);
        let hyper: &Hyperparameters = &file.hyperparameters;
        let m = evaluate(&LinearModel::from_file(fit(&train, config, hyper)?)?, &test);
        Ok(format!("| {name} | {:.3} | {} |", m.macro_f1, recalls(&m)))
    };
    let mut rows = vec![
        row("word n-grams only", &|c| c.cues = false)?,
        row("cue classes only", &|c| c.ngrams = false)?,
    ];
    if file.features.topic_scope {
        rows.push(row("without topic scope", &|c| c.topic_scope = false)?);
    }
    if file.features.mask_names {
        rows.push(row("names kept (no <name> mask)", &|c| {
            c.mask_names = false
        })?);
    }
    rows.push(if file.features.polarity {
        row("without cue polarity", &|c| c.polarity = false)?
    } else {
        row("with cue polarity", &|c| c.polarity = true)?
    });
    let _ = writeln!(
        s,
        "\nAblation (test split):\n\n| features | macro-F1 | recall C / H / N |\n|---|---|---|"
    );
    if let Some(m) = &file.metrics {
        let _ = writeln!(
            s,
            "| all (this model) | {:.3} | {} |",
            m.macro_f1,
            recalls(m)
        );
    }
    let _ = writeln!(s, "{}", rows.join("\n"));
    Ok(())
}

/// The ten features that push hardest toward each label (weight minus the mean of the
/// other two), so a reader can check they read as stance, not style.
fn strongest_features(s: &mut String, file: &ModelFile) {
    let _ = writeln!(s, "\nStrongest features per label:\n");
    for (k, label) in LABELS.iter().enumerate() {
        let mut v: Vec<(f64, &String)> = file
            .weights
            .iter()
            .map(|(name, w)| {
                let others = (0..3).filter(|&j| j != k).map(|j| w[j]).sum::<f64>() / 2.0;
                (w[k] - others, name)
            })
            .collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let top: Vec<String> = v
            .iter()
            .take(12)
            .map(|(w, n)| {
                if is_cue(n) {
                    format!("**{n}** {w:.2}")
                } else {
                    format!("`{n}` {w:.2}")
                }
            })
            .collect();
        let _ = writeln!(s, "- {label}: {}", top.join(", "));
    }
}
