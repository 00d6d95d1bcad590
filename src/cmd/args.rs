//! The command line's arguments, one struct per command (clap derive).

use clap::{Args, Parser, Subcommand};
use stance::article::InputFormat;
use stance::output::Format;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "stance",
    version,
    about = "Find quotations in news about diplomacy, attribute them, and label each conciliatory, hardline or neutral."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args)]
pub struct ModelArg {
    /// Model file (default: the model compiled into this binary)
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Find, attribute and label every quotation in articles
    Score(ScoreArgs),
    /// A self-contained HTML report: speakers, tone over time, every quote
    Report(ReportArgs),
    /// Per speaker, quotes per label and mean tone, from scored JSONL
    Summary(SummaryArgs),
    /// Label statements: one per line of plain text, or a CSV with a "quote" column
    Classify(ClassifyArgs),
    /// Train on the labeled CSV and write the next models/stance-vN.json
    Train(TrainArgs),
    /// Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix
    Eval(EvalArgs),
    /// The label, the probabilities, and the features that pushed hardest each way
    Explain(ExplainArgs),
}

/// How articles are read and scored: shared by `score` and `report`.
#[derive(Args)]
pub struct ArticleArgs {
    /// text: each file is one article; jsonl: one {"id", "text"} object per line
    #[arg(long, value_enum, default_value = "text")]
    pub input: InputKind,
    #[command(flatten)]
    pub model: ModelArg,
    /// CSV of alias,canonical speaker names
    #[arg(long, value_name = "FILE")]
    pub speakers: Option<PathBuf>,
}

#[derive(Args)]
pub struct ScoreArgs {
    /// Files, folders (searched recursively for .txt and .md), or - for stdin
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    #[command(flatten)]
    pub articles: ArticleArgs,
    /// Worker threads (default: all cores)
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Print a per-speaker summary (quotes per label, mean tone) after the records
    #[arg(long)]
    pub summary: bool,
    /// Exit 0 even when some articles failed (they are still reported)
    #[arg(long)]
    pub keep_going: bool,
    /// Add to each record the features that pushed it toward its label and toward
    /// the runner-up (top 5 each way; a text column in CSV)
    #[arg(long)]
    pub explain: bool,
}

#[derive(Args)]
pub struct ReportArgs {
    /// Files, folders (searched recursively for .txt and .md), or - for stdin
    #[arg(
        value_name = "PATH",
        required_unless_present = "scored",
        conflicts_with = "scored"
    )]
    pub paths: Vec<PathBuf>,
    /// Scored JSONL (the output of `stance score`) instead of articles; - for stdin
    #[arg(long, value_name = "FILE.jsonl")]
    pub scored: Option<PathBuf>,
    /// Where to write the report
    #[arg(short, long, default_value = "report.html", value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub articles: ArticleArgs,
}

#[derive(Args)]
pub struct SummaryArgs {
    /// Scored JSONL (the output of `stance score`), or - for stdin
    #[arg(default_value = "-", value_name = "FILE.jsonl")]
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Args)]
pub struct ClassifyArgs {
    /// A file, or - for stdin
    #[arg(default_value = "-", value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    #[command(flatten)]
    pub model: ModelArg,
}

#[derive(Args)]
pub struct TrainArgs {
    #[arg(long, default_value = "training-data/quotes.csv", value_name = "FILE")]
    pub data: PathBuf,
    /// Cue lexicon (default: lexicon.csv beside the data)
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    #[arg(long, default_value = "models", value_name = "DIR")]
    pub out: PathBuf,
    /// L2 penalty, 1/C in scikit-learn terms
    #[arg(long)]
    pub alpha: Option<f64>,
    #[arg(long)]
    pub max_iterations: Option<u64>,
    #[arg(long)]
    pub max_features: Option<usize>,
    #[arg(long)]
    pub min_count: Option<usize>,
    /// Leave out the word n-grams (ablation)
    #[arg(long)]
    pub no_ngrams: bool,
    /// Leave out the cue-lexicon counts (ablation)
    #[arg(long)]
    pub no_cues: bool,
    /// Do not mark the subjects of meetings and documents as topic (ablation)
    #[arg(long)]
    pub no_topic_scope: bool,
    /// Add the pooled polarity of the cues, flipped under negation (off by default)
    #[arg(long)]
    pub polarity: bool,
    /// Keep names as words instead of masking them as <name> (ablation)
    #[arg(long)]
    pub no_name_mask: bool,
    /// Print the model file to stdout instead of writing it
    #[arg(long)]
    pub dry_run: bool,
    /// Append this version's section to a model card (Markdown)
    #[arg(long, value_name = "FILE")]
    pub card: Option<PathBuf>,
    /// Folds of the cross-validation reported in the card
    #[arg(long, default_value_t = 5, value_name = "K")]
    pub cv: usize,
    /// Outside labeled CSVs whose macro-F1 the card reports (skipped if missing)
    #[arg(long, value_name = "FILE")]
    pub benchmark: Vec<PathBuf>,
    /// What changed since the previous version, for the card
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Args)]
pub struct EvalArgs {
    #[command(flatten)]
    pub model: ModelArg,
    #[arg(long, default_value = "training-data/quotes.csv", value_name = "FILE")]
    pub data: PathBuf,
    /// Which rows: test (default), train, or all
    #[arg(long, value_enum, default_value = "test")]
    pub split: SplitArg,
    /// Grouped K-fold cross-validation of the model's settings on the train split
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub model: ModelArg,
    /// How many features to list each way
    #[arg(long, default_value_t = 8)]
    pub top: usize,
    #[arg(required = true, value_name = "TEXT")]
    pub text: Vec<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InputKind {
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
pub enum SplitArg {
    Test,
    Train,
    All,
}
