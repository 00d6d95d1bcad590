//! stance: finds quotations in news about diplomacy, works out who said them, and labels
//! each conciliatory, hardline or neutral with a linear model.
//!
//! Data flows through the modules in this order:
//! `article` (read inputs) → `quotes::extract` (spans) → `quotes::attribute` (speakers)
//! → `features` (statement → feature ids) → `model` (label, probabilities) → `output`.
//! `corpus`, `train` and `metrics` build and judge the model.

pub mod article;
pub mod batch;
pub mod card;
pub mod corpus;
pub mod explain;
pub mod features;
pub mod metrics;
pub mod model;
pub mod output;
pub mod quotes;
pub mod report;
pub mod scored;
pub mod train;

use article::Article;
use model::{LinearModel, Prediction};
use quotes::{
    attribute::Attributor, extract::extract_segmented, segment::Segments, Quote, Speaker,
};
use std::collections::HashMap;
use std::path::Path;

/// One scored quotation.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredQuote {
    pub quote: Quote,
    pub speaker: Speaker,
    pub prediction: Prediction,
}

/// The whole pipeline: a model plus the optional speaker aliases.
pub struct Pipeline {
    pub model: LinearModel,
    /// Lower-cased alias → canonical speaker name.
    pub aliases: HashMap<String, String>,
}

impl Pipeline {
    pub fn new(model: LinearModel) -> Pipeline {
        Pipeline {
            model,
            aliases: HashMap::new(),
        }
    }

    /// Finds, attributes and labels every quotation in an article, in text order.
    pub fn score(&self, article: &Article) -> Vec<ScoredQuote> {
        // Segmented once, for both extraction and attribution.
        let seg = Segments::new(&article.text);
        let quotes = extract_segmented(&seg);
        let speakers = Attributor::with_segments(&seg, &quotes, &self.aliases).attribute(&quotes);
        quotes
            .into_iter()
            .zip(speakers)
            .map(|(quote, speaker)| {
                let prediction = self.model.predict(quote.labeled_text());
                ScoredQuote {
                    quote,
                    speaker,
                    prediction,
                }
            })
            .collect()
    }
}

/// Reads an alias file: CSV with columns `alias,canonical` ("Zareef,Mohammad Javad Zarif").
pub fn read_aliases(path: &Path) -> anyhow::Result<HashMap<String, String>> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), e))?;
    let mut aliases = HashMap::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| anyhow::anyhow!("{}:{}: {}", path.display(), i + 2, e))?;
        match (row.get(0), row.get(1)) {
            (Some(alias), Some(canonical))
                if !alias.trim().is_empty() && !canonical.trim().is_empty() =>
            {
                aliases.insert(alias.trim().to_lowercase(), canonical.trim().to_string());
            }
            _ => anyhow::bail!(
                "{}:{}: expected two columns, alias and canonical name",
                path.display(),
                i + 2
            ),
        }
    }
    Ok(aliases)
}
