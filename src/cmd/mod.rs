//! The commands of the `stance` binary: argument structs, and one module per group of
//! commands. Each `run_*` takes its parsed arguments and returns the exit code.

pub mod args;
pub mod model;
pub mod score;

use anyhow::Context;
use args::ModelArg;
use stance::model::LinearModel;
use std::io::{self, BufRead};
use std::path::Path;

/// The model named by `--model`, or the one compiled into the binary.
pub fn load_model(arg: &ModelArg) -> anyhow::Result<LinearModel> {
    match &arg.model {
        Some(path) => LinearModel::load(path),
        None => LinearModel::builtin(),
    }
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
