//! `stance classify`, `train`, `eval` and `explain`: statements and models.

use super::args::{ClassifyArgs, EvalArgs, ExplainArgs, SplitArg, TrainArgs};
use super::{load_model, open_input};
use anyhow::{bail, Context};
use stance::card::{card_section, CardInputs};
use stance::corpus::{read_corpus, Split};
use stance::features::{lexicon::read_lexicon, FeatureConfig};
use stance::model::{Hyperparameters, LinearModel};
use stance::output::{classify_record, Format, RecordWriter, CLASSIFY_COLUMNS};
use stance::train::{cross_validate, evaluate, next_version, train, write_model};
use std::io::{self, BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

/// Labels statements, one per line or a CSV "quote" column.
pub fn run_classify(args: ClassifyArgs) -> anyhow::Result<ExitCode> {
    classify(&load_model(&args.model)?, &args.file, args.format)?;
    Ok(ExitCode::SUCCESS)
}

/// Trains the next model version and, if asked, appends its model card section.
pub fn run_train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let TrainArgs {
        data,
        lexicon,
        out,
        alpha,
        max_iterations,
        max_features,
        min_count,
        no_ngrams,
        no_cues,
        no_topic_scope,
        polarity,
        no_name_mask,
        dry_run,
        card,
        cv,
        benchmark,
        note,
    } = args;
    let corpus = read_corpus(&data)?;
    let lexicon = lexicon.unwrap_or_else(|| data.with_file_name("lexicon.csv"));
    let mut config = FeatureConfig {
        lexicon: if no_cues {
            Vec::new()
        } else {
            read_lexicon(&lexicon)?
        },
        ngrams: !no_ngrams,
        cues: !no_cues,
        topic_scope: !no_topic_scope,
        polarity,
        mask_names: !no_name_mask,
        ..FeatureConfig::default()
    };
    config.max_features = max_features.unwrap_or(config.max_features);
    config.min_count = min_count.unwrap_or(config.min_count);
    let defaults = Hyperparameters::default();
    let hyper = Hyperparameters {
        alpha: alpha.unwrap_or(defaults.alpha),
        max_iterations: max_iterations.unwrap_or(defaults.max_iterations),
    };
    let version = next_version(&out)?;
    let file = train(
        &corpus,
        &data.display().to_string(),
        config,
        &hyper,
        version,
    )?;
    let mut stdout = io::stdout().lock();
    if dry_run {
        write!(stdout, "{}", LinearModel::to_json(&file)?)?;
        if let Some(m) = &file.metrics {
            eprint!("{}", m.report());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let path = write_model(&out, &file)?;
    writeln!(
        stdout,
        "wrote {} ({} features)",
        path.display(),
        file.weights.len()
    )?;
    if let Some(m) = &file.metrics {
        writeln!(stdout, "test split:\n{}", m.report())?;
    }
    if let Some(card) = card {
        let inputs = CardInputs {
            corpus: &corpus,
            folds: cv,
            benchmarks: &benchmark,
            note: &note,
        };
        let section = card_section(&file, &inputs)?;
        append_card(&card, &section)?;
        writeln!(
            stdout,
            "appended stance-v{} to {}",
            file.version,
            card.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Metrics of a model on a split, or cross-validation of its settings.
pub fn run_eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let EvalArgs {
        model,
        data,
        split,
        cv,
        json,
    } = args;
    let model = load_model(&model)?;
    let corpus = read_corpus(&data)?;
    let mut out = io::stdout().lock();
    if let Some(k) = cv {
        let rows = corpus.split(Split::Train);
        let (folds, pooled) =
            cross_validate(&rows, k, &model.file.features, &model.file.hyperparameters)?;
        let f1s: Vec<f64> = folds.iter().map(|m| m.macro_f1).collect();
        let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
        let sd = (f1s.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / f1s.len() as f64).sqrt();
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({"folds": f1s, "mean_macro_f1": mean, "sd_macro_f1": sd, "pooled": pooled})
            )?;
        } else {
            writeln!(
                out,
                "{k}-fold cross-validation grouped by conflict, train split ({} rows)",
                rows.len()
            )?;
            writeln!(
                out,
                "macro-F1 per fold: {}",
                f1s.iter()
                    .map(|f| format!("{f:.3}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            )?;
            writeln!(
                out,
                "mean {mean:.3}, sd {sd:.3}\n\npooled over folds:\n{}",
                pooled.report()
            )?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<_> = match split {
        SplitArg::Test => corpus.split(Split::Test),
        SplitArg::Train => corpus.split(Split::Train),
        SplitArg::All => corpus.examples.clone(),
    };
    if rows.is_empty() {
        bail!("{}: no rows in that split", data.display());
    }
    let metrics = evaluate(&model, &rows);
    if json {
        writeln!(out, "{}", serde_json::to_string(&metrics)?)?;
    } else {
        writeln!(
            out,
            "model v{} on {} ({} rows)\n{}",
            model.version(),
            data.display(),
            rows.len(),
            metrics.report()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the label of one statement and the features behind it.
pub fn run_explain(args: ExplainArgs) -> anyhow::Result<ExitCode> {
    explain(&load_model(&args.model)?, &args.text.join(" "), args.top)?;
    Ok(ExitCode::SUCCESS)
}

/// Appends a section to the model card, creating it with its heading if needed.
fn append_card(path: &Path, section: &str) -> anyhow::Result<()> {
    let mut text = std::fs::read_to_string(path).unwrap_or_else(|_| {
        "# stance model card\n\nOne section per model version, appended by `make train`.\n"
            .to_string()
    });
    text.push_str(section);
    std::fs::write(path, text)
        .with_context(|| format!("{}: cannot write model card", path.display()))
}

fn classify(model: &LinearModel, file: &Path, format: Format) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let reader = open_input(file)?;
    let is_csv = file.extension().is_some_and(|e| e == "csv");
    let statements: Vec<String> = if is_csv {
        let mut r = csv::Reader::from_reader(reader);
        let headers = r
            .headers()
            .with_context(|| format!("{name}: cannot read CSV header"))?
            .clone();
        let Some(col) = headers.iter().position(|h| h == "quote") else {
            bail!("{name}: CSV has no \"quote\" column");
        };
        let mut out = Vec::new();
        for (i, rec) in r.records().enumerate() {
            let rec = rec.with_context(|| format!("{name}:{}", i + 2))?;
            out.push(rec.get(col).unwrap_or_default().to_string());
        }
        out
    } else {
        let mut out = Vec::new();
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("{name}:{}: not valid UTF-8 text", i + 1))?;
            if !line.trim().is_empty() {
                out.push(line);
            }
        }
        out
    };
    let stdout = io::stdout().lock();
    let mut writer = RecordWriter::new(format, CLASSIFY_COLUMNS, io::BufWriter::new(stdout));
    for s in &statements {
        writer.write(&classify_record(s, &model.predict(s)))?;
    }
    writer.flush()?;
    Ok(())
}

fn explain(model: &LinearModel, text: &str, top: usize) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let e = stance::explain::explain(model, text, top);
    let p = e.prediction.probabilities;
    writeln!(out, "label: {}", e.label().name())?;
    writeln!(
        out,
        "probabilities: conciliatory {:.3}, hardline {:.3}, neutral {:.3}; tone {:+.3}",
        p[0],
        p[1],
        p[2],
        e.prediction.tone()
    )?;
    let scores = e.scores();
    let (l, r) = (e.label() as usize, e.runner_up as usize);
    writeln!(
        out,
        "runner-up: {}; logit margin {:.3} = intercepts {:+.3} + features {:+.3}",
        e.runner_up.name(),
        scores[l] - scores[r],
        e.intercepts[l] - e.intercepts[r],
        e.pushes().iter().map(|p| p.contribution).sum::<f64>()
    )?;
    writeln!(out, "{}", e.line())
}
