//! `stance score`, `stance report` and `stance summary`: articles in, records out.

use super::args::{ArticleArgs, ReportArgs, ScoreArgs, SummaryArgs};
use super::{load_model, open_input};
use anyhow::Context;
use stance::article::{read_articles, InputFormat};
use stance::batch::score_all;
use stance::output::{Format, RecordWriter, Summary, SCORE_COLUMNS};
use stance::report::{self, ReportContext};
use stance::scored::{self, ScoredSet};
use stance::Pipeline;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Scores every article and writes one record per quote.
pub fn run_score(args: ScoreArgs) -> anyhow::Result<ExitCode> {
    let ScoreArgs {
        paths,
        format,
        articles,
        jobs,
        summary,
        keep_going,
        explain,
    } = args;
    let pipeline = pipeline(&articles)?;
    if let Some(n) = jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start worker threads")?;
    }
    let format_in = articles.input.into();
    let options = ScoreOptions {
        format,
        summary,
        keep_going,
        explain,
    };
    score(&pipeline, &paths, format_in, &options)
}

/// Writes the HTML report of articles, or of records already scored.
pub fn run_report(args: ReportArgs) -> anyhow::Result<ExitCode> {
    let ReportArgs {
        paths,
        scored,
        output,
        articles,
    } = args;
    let pipeline = pipeline(&articles)?;
    let (set, source) = match &scored {
        Some(file) => (
            ScoredSet::read(open_input(file)?, &file.display().to_string())?,
            file.display().to_string(),
        ),
        None => {
            let mut report = |e: &stance::article::InputError| eprintln!("stance: {e}");
            let set = ScoredSet::score(&pipeline, &paths, articles.input.into(), &mut report)?;
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
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

/// The model, with the speaker aliases if a file of them is given.
fn pipeline(articles: &ArticleArgs) -> anyhow::Result<Pipeline> {
    let mut pipeline = Pipeline::new(load_model(&articles.model)?);
    if let Some(path) = &articles.speakers {
        pipeline.aliases = stance::read_aliases(path)?;
    }
    Ok(pipeline)
}

/// Summarises scored JSONL per speaker.
pub fn run_summary(args: SummaryArgs) -> anyhow::Result<ExitCode> {
    let SummaryArgs { file, format } = args;
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
