//! The labeled statements in `training-data/quotes.csv`: reading, checking, hashing.

use crate::model::Label;
use anyhow::{bail, Context};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Which side of the train/test split a row is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Train,
    Test,
}

/// One labeled statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub id: String,
    pub quote: String,
    pub label: Label,
    pub speaker: String,
    pub split: Split,
    /// The conflict or negotiation it belongs to; splits and folds never share one.
    pub conflict: String,
    pub group: String,
    pub person: String,
    pub phenomenon: String,
}

#[derive(Debug, Deserialize)]
struct Row {
    id: String,
    quote: String,
    label: String,
    #[serde(default)]
    speaker: String,
    /// Files from outside (benchmarks) have no split column: all their rows are test rows.
    #[serde(default)]
    split: Option<String>,
    #[serde(default)]
    conflict: String,
    #[serde(default)]
    group: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    phenomenon: String,
}

/// The corpus with the hash of the exact bytes it was read from.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub examples: Vec<Example>,
    pub sha256: String,
}

impl Corpus {
    pub fn split(&self, split: Split) -> Vec<Example> {
        self.examples
            .iter()
            .filter(|e| e.split == split)
            .cloned()
            .collect()
    }
}

/// Reads a labeled CSV; any bad row is an error naming the file and line.
pub fn read_corpus(path: &Path) -> anyhow::Result<Corpus> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let mut examples = Vec::new();
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let at = || format!("{}:{}", path.display(), line);
        let row = row.with_context(at)?;
        let Some(label) = Label::parse(&row.label) else {
            bail!("{}: unknown label {:?}", at(), row.label);
        };
        let split = match row.split.as_deref().map(str::trim) {
            Some("train") => Split::Train,
            Some("test") | None => Split::Test,
            Some(other) => bail!("{}: split must be train or test, not {:?}", at(), other),
        };
        if row.quote.trim().is_empty() {
            bail!("{}: empty quote", at());
        }
        examples.push(Example {
            id: row.id,
            quote: row.quote,
            label,
            speaker: row.speaker,
            split,
            conflict: row.conflict,
            group: row.group,
            person: row.person,
            phenomenon: row.phenomenon,
        });
    }
    if examples.is_empty() {
        bail!("{}: no labeled rows", path.display());
    }
    Ok(Corpus { examples, sha256 })
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
