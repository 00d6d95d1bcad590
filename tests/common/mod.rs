//! Shared by the integration tests: the built-in model and the repository's paths.
#![allow(dead_code)]

use stance::model::LinearModel;
use std::path::PathBuf;

pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

pub fn model() -> LinearModel {
    LinearModel::builtin().expect("the built-in model loads")
}
