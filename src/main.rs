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
        // The reader went away (`stance score … | head`): nothing is wrong, stop quietly.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stance: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
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
