//! The `stance` command line: parse arguments, call the library, print.

/// mimalloc: scoring allocates many small strings and vectors per article, and the
/// system allocator took about a fifth of the time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use stance::article::{read_articles, InputFormat};
use stance::batch::score_all;
use stance::card::{card_section, CardInputs};
use stance::corpus::{read_corpus, Split};
use stance::features::{lexicon::read_lexicon, FeatureConfig};
use stance::model::{Hyperparameters, LinearModel};
use stance::output::{
    classify_record, Format, RecordWriter, Summary, CLASSIFY_COLUMNS, SCORE_COLUMNS,
};
use stance::report::{self, ReportContext};
use stance::scored::{self, ScoredSet};
use stance::train::{cross_validate, evaluate, next_version, train, write_model};
use stance::Pipeline;
use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "stance",
    version,
    about = "Find quotations in news about diplomacy, attribute them, and label each conciliatory, hardline or neutral."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct ModelArg {
    /// Model file (default: the model compiled into this binary)
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Find, attribute and label every quotation in articles
    Score {
        /// Files, folders (searched recursively for .txt and .md), or - for stdin
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        /// text: each file is one article; jsonl: one {"id", "text"} object per line
        #[arg(long, value_enum, default_value = "text")]
        input: InputKind,
        #[command(flatten)]
        model: ModelArg,
        /// CSV of alias,canonical speaker names
        #[arg(long, value_name = "FILE")]
        speakers: Option<PathBuf>,
        /// Worker threads (default: all cores)
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// Print a per-speaker summary (quotes per label, mean tone) after the records
        #[arg(long)]
        summary: bool,
        /// Exit 0 even when some articles failed (they are still reported)
        #[arg(long)]
        keep_going: bool,
        /// Add to each record the features that pushed it toward its label and toward
        /// the runner-up (top 5 each way; a text column in CSV)
        #[arg(long)]
        explain: bool,
    },
    /// A self-contained HTML report: speakers, tone over time, every quote
    Report {
        /// Files, folders (searched recursively for .txt and .md), or - for stdin
        #[arg(
            value_name = "PATH",
            required_unless_present = "scored",
            conflicts_with = "scored"
        )]
        paths: Vec<PathBuf>,
        /// Scored JSONL (the output of `stance score`) instead of articles; - for stdin
        #[arg(long, value_name = "FILE.jsonl")]
        scored: Option<PathBuf>,
        /// Where to write the report
        #[arg(short, long, default_value = "report.html", value_name = "FILE")]
        output: PathBuf,
        /// text: each file is one article; jsonl: one {"id", "text"} object per line
        #[arg(long, value_enum, default_value = "text")]
        input: InputKind,
        #[command(flatten)]
        model: ModelArg,
        /// CSV of alias,canonical speaker names
        #[arg(long, value_name = "FILE")]
        speakers: Option<PathBuf>,
    },
    /// Per speaker, quotes per label and mean tone, from scored JSONL
    Summary {
        /// Scored JSONL (the output of `stance score`), or - for stdin
        #[arg(default_value = "-", value_name = "FILE.jsonl")]
        file: PathBuf,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Label statements: one per line of plain text, or a CSV with a "quote" column
    Classify {
        /// A file, or - for stdin
        #[arg(default_value = "-", value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: Format,
        #[command(flatten)]
        model: ModelArg,
    },
    /// Train on the labeled CSV and write the next models/stance-vN.json
    Train {
        #[arg(long, default_value = "training-data/quotes.csv", value_name = "FILE")]
        data: PathBuf,
        /// Cue lexicon (default: lexicon.csv beside the data)
        #[arg(long, value_name = "FILE")]
        lexicon: Option<PathBuf>,
        #[arg(long, default_value = "models", value_name = "DIR")]
        out: PathBuf,
        /// L2 penalty, 1/C in scikit-learn terms
        #[arg(long)]
        alpha: Option<f64>,
        #[arg(long)]
        max_iterations: Option<u64>,
        #[arg(long)]
        max_features: Option<usize>,
        #[arg(long)]
        min_count: Option<usize>,
        /// Leave out the word n-grams (ablation)
        #[arg(long)]
        no_ngrams: bool,
        /// Leave out the cue-lexicon counts (ablation)
        #[arg(long)]
        no_cues: bool,
        /// Do not mark the subjects of meetings and documents as topic (ablation)
        #[arg(long)]
        no_topic_scope: bool,
        /// Add the pooled polarity of the cues, flipped under negation (off by default)
        #[arg(long)]
        polarity: bool,
        /// Keep names as words instead of masking them as <name> (ablation)
        #[arg(long)]
        no_name_mask: bool,
        /// Print the model file to stdout instead of writing it
        #[arg(long)]
        dry_run: bool,
        /// Append this version's section to a model card (Markdown)
        #[arg(long, value_name = "FILE")]
        card: Option<PathBuf>,
        /// Folds of the cross-validation reported in the card
        #[arg(long, default_value_t = 5, value_name = "K")]
        cv: usize,
        /// Outside labeled CSVs whose macro-F1 the card reports (skipped if missing)
        #[arg(long, value_name = "FILE")]
        benchmark: Vec<PathBuf>,
        /// What changed since the previous version, for the card
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix
    Eval {
        #[command(flatten)]
        model: ModelArg,
        #[arg(long, default_value = "training-data/quotes.csv", value_name = "FILE")]
        data: PathBuf,
        /// Which rows: test (default), train, or all
        #[arg(long, value_enum, default_value = "test")]
        split: SplitArg,
        /// Grouped K-fold cross-validation of the model's settings on the train split
        #[arg(long, value_name = "K")]
        cv: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// The label, the probabilities, and the features that pushed hardest each way
    Explain {
        #[command(flatten)]
        model: ModelArg,
        /// How many features to list each way
        #[arg(long, default_value_t = 8)]
        top: usize,
        #[arg(required = true, value_name = "TEXT")]
        text: Vec<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum InputKind {
    Text,
    Jsonl,
}

impl From<InputKind> for InputFormat {
    fn from(kind: InputKind) -> InputFormat {
        match kind {
            InputKind::Text => InputFormat::Text,
            InputKind::Jsonl => InputFormat::Jsonl,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SplitArg {
    Test,
    Train,
    All,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stance: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn load_model(arg: &ModelArg) -> anyhow::Result<LinearModel> {
    match &arg.model {
        Some(path) => LinearModel::load(path),
        None => LinearModel::builtin(),
    }
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Score {
            paths,
            format,
            input,
            model,
            speakers,
            jobs,
            summary,
            keep_going,
            explain,
        } => {
            let mut pipeline = Pipeline::new(load_model(&model)?);
            if let Some(path) = speakers {
                pipeline.aliases = stance::read_aliases(&path)?;
            }
            if let Some(n) = jobs {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build_global()
                    .context("cannot start worker threads")?;
            }
            let format_in = input.into();
            let options = ScoreOptions {
                format,
                summary,
                keep_going,
                explain,
            };
            score(&pipeline, &paths, format_in, &options)
        }
        Command::Report {
            paths,
            scored,
            output,
            input,
            model,
            speakers,
        } => {
            let mut pipeline = Pipeline::new(load_model(&model)?);
            if let Some(path) = speakers {
                pipeline.aliases = stance::read_aliases(&path)?;
            }
            let (set, source) = match &scored {
                Some(file) => (
                    ScoredSet::read(open_input(file)?, &file.display().to_string())?,
                    file.display().to_string(),
                ),
                None => {
                    let mut report = |e: &stance::article::InputError| eprintln!("stance: {e}");
                    let set = ScoredSet::score(&pipeline, &paths, input.into(), &mut report)?;
                    let names: Vec<String> =
                        paths.iter().map(|p| p.display().to_string()).collect();
                    (set, names.join(" "))
                }
            };
            for m in &set.malformed {
                eprintln!("stance: {m}");
            }
            let html = report::render(
                &set,
                &ReportContext {
                    source: &source,
                    model: &pipeline.model,
                },
            );
            report::write_report(&output, &html)?;
            eprintln!(
                "stance: wrote {} ({} quotes, {} speakers, {} bytes)",
                output.display(),
                set.records.len(),
                set.summary().speakers.len(),
                html.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary { file, format } => {
            let name = file.display().to_string();
            let set = scored::summarize(
                open_input(&file)?,
                &name,
                format,
                &mut io::BufWriter::new(io::stdout().lock()),
                &mut io::stderr(),
            )?;
            Ok(if set.malformed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Classify {
            file,
            format,
            model,
        } => {
            classify(&load_model(&model)?, &file, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Train {
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
        } => {
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
            if dry_run {
                print!("{}", LinearModel::to_json(&file)?);
                if let Some(m) = &file.metrics {
                    eprint!("{}", m.report());
                }
                return Ok(ExitCode::SUCCESS);
            }
            let path = write_model(&out, &file)?;
            println!("wrote {} ({} features)", path.display(), file.weights.len());
            if let Some(m) = &file.metrics {
                println!("test split:\n{}", m.report());
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
                println!("appended stance-v{} to {}", file.version, card.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            model,
            data,
            split,
            cv,
            json,
        } => {
            let model = load_model(&model)?;
            let corpus = read_corpus(&data)?;
            if let Some(k) = cv {
                let rows = corpus.split(Split::Train);
                let (folds, pooled) =
                    cross_validate(&rows, k, &model.file.features, &model.file.hyperparameters)?;
                let f1s: Vec<f64> = folds.iter().map(|m| m.macro_f1).collect();
                let mean = f1s.iter().sum::<f64>() / f1s.len() as f64;
                let sd =
                    (f1s.iter().map(|f| (f - mean).powi(2)).sum::<f64>() / f1s.len() as f64).sqrt();
                if json {
                    println!(
                        "{}",
                        serde_json::json!({"folds": f1s, "mean_macro_f1": mean, "sd_macro_f1": sd, "pooled": pooled})
                    );
                } else {
                    println!(
                        "{k}-fold cross-validation grouped by conflict, train split ({} rows)",
                        rows.len()
                    );
                    println!(
                        "macro-F1 per fold: {}",
                        f1s.iter()
                            .map(|f| format!("{f:.3}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    );
                    println!(
                        "mean {mean:.3}, sd {sd:.3}\n\npooled over folds:\n{}",
                        pooled.report()
                    );
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
                println!("{}", serde_json::to_string(&metrics)?);
            } else {
                println!(
                    "model v{} on {} ({} rows)\n{}",
                    model.version(),
                    data.display(),
                    rows.len(),
                    metrics.report()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { model, top, text } => {
            explain(&load_model(&model)?, &text.join(" "), top);
            Ok(ExitCode::SUCCESS)
        }
    }
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

/// A file, or stdin for `-`, to read line by line; errors name the file.
fn open_input(file: &Path) -> anyhow::Result<Box<dyn BufRead>> {
    if file.as_os_str() == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    let f =
        std::fs::File::open(file).with_context(|| format!("{}: cannot open", file.display()))?;
    Ok(Box::new(io::BufReader::new(f)))
}

struct ScoreOptions {
    format: Format,
    summary: bool,
    keep_going: bool,
    explain: bool,
}

fn score(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    input: InputFormat,
    options: &ScoreOptions,
) -> anyhow::Result<ExitCode> {
    let &ScoreOptions {
        format,
        summary: want_summary,
        keep_going,
        explain,
    } = options;
    let stdout = io::stdout().lock();
    // 64 KiB: records come a whole article at a time (several KB), and the default 8 KiB
    // made that one write call per article.
    let stdout = io::BufWriter::with_capacity(1 << 16, stdout);
    let mut writer = RecordWriter::new(format, SCORE_COLUMNS, stdout);
    if explain {
        writer = writer.explaining(pipeline.model.clone());
    }
    let mut summary = Summary::default();
    let progress = progress_bar(paths, input);
    let mut report = |e: &stance::article::InputError| {
        progress.suspend(|| eprintln!("stance: {e}"));
    };
    let mut tick = |n: usize| progress.set_position(n as u64);
    let stats = score_all(
        pipeline,
        read_articles(paths, input),
        &mut writer,
        want_summary.then_some(&mut summary),
        &mut report,
        &mut tick,
    )?;
    progress.finish_and_clear();
    if want_summary {
        let mut out = io::stdout().lock();
        writeln!(out)?;
        summary.write(
            if format == Format::Jsonl {
                Format::Jsonl
            } else {
                format
            },
            &mut out,
        )?;
    }
    eprintln!("{}", stats.line());
    Ok(if stats.failed > 0 && !keep_going {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on stderr for large batches when stderr is a terminal; hidden otherwise.
fn progress_bar(paths: &[PathBuf], input: InputFormat) -> indicatif::ProgressBar {
    // Listing the folders again costs a walk of the tree: only for a terminal.
    if !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let files = stance::article::expand_paths(paths).len();
    if input == InputFormat::Text && files < 200 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = if input == InputFormat::Text {
        indicatif::ProgressBar::new(files as u64)
    } else {
        indicatif::ProgressBar::new_spinner()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {pos}/{len} articles {per_sec} [{elapsed_precise}]",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}

fn classify(model: &LinearModel, file: &Path, format: Format) -> anyhow::Result<()> {
    let name = file.display().to_string();
    let reader: Box<dyn BufRead> = if file.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("{name}: cannot open"))?,
        ))
    };
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

fn explain(model: &LinearModel, text: &str, top: usize) {
    let e = stance::explain::explain(model, text, top);
    let p = e.prediction.probabilities;
    println!("label: {}", e.label().name());
    println!(
        "probabilities: conciliatory {:.3}, hardline {:.3}, neutral {:.3}; tone {:+.3}",
        p[0],
        p[1],
        p[2],
        e.prediction.tone()
    );
    let scores = e.scores();
    let (l, r) = (e.label() as usize, e.runner_up as usize);
    println!(
        "runner-up: {}; logit margin {:.3} = intercepts {:+.3} + features {:+.3}",
        e.runner_up.name(),
        scores[l] - scores[r],
        e.intercepts[l] - e.intercepts[r],
        e.pushes().iter().map(|p| p.contribution).sum::<f64>()
    );
    println!("{}", e.line());
}
