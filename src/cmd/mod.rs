//! The commands of the `stance` binary: argument structs, and one module per group of
//! commands. Each `run_*` takes its parsed arguments and returns the exit code.

pub mod args;
pub mod model;
pub mod score;

use args::ModelArg;
use stance::model::LinearModel;

pub fn load_model(arg: &ModelArg) -> anyhow::Result<LinearModel> {
    match &arg.model {
        Some(path) => LinearModel::load(path),
        None => LinearModel::builtin(),
    }
}
