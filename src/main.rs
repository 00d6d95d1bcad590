//! The `stance` command line: parse arguments, call the library, print.

/// mimalloc: scoring allocates many small strings and vectors per article, and the
/// system allocator took about a fifth of the time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cmd;

use clap::Parser;
use cmd::args::{Cli, Command};
use std::process::ExitCode;

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

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Score(args) => cmd::score::run_score(args),
        Command::Report(args) => cmd::score::run_report(args),
        Command::Summary(args) => cmd::score::run_summary(args),
        Command::Classify(args) => cmd::model::run_classify(args),
        Command::Train(args) => cmd::model::run_train(args),
        Command::Eval(args) => cmd::model::run_eval(args),
        Command::Explain(args) => cmd::model::run_explain(args),
    }
}
