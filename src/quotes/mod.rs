//! Finding quotations in an article and working out who said them.
//!
//! `extract` finds the spans (direct, partial and indirect speech) with the words at
//! their speech cue; `attribute` turns those words into a speaker.

pub mod attribute;
pub mod cues;
pub mod extract;
pub mod marks;
pub mod names;
pub mod organisations;
mod people;
pub mod reported;
pub mod segment;
pub mod sentences;
mod speakers;
pub mod words;
pub mod wordset;

use serde::Serialize;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A full quoted sentence or more.
    Direct,
    /// A few quoted words inside the reporter's sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    pub fn name(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// A quotation found in an article, before attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Byte span in the article: from the opening to past the closing mark for quoted
    /// speech, the reported clause for indirect speech.
    pub span: Range<usize>,
    /// The quoted words (pieces of a split quote joined by a space).
    pub text: String,
    /// The reported clause around a partial quote, which the label is computed from.
    pub statement: Option<String>,
    /// The words naming the speaker at the cue, if a cue was found.
    pub mention: Option<cues::Mention>,
}

impl Quote {
    /// The text the stance label is computed from.
    pub fn labeled_text(&self) -> &str {
        self.statement.as_deref().unwrap_or(&self.text)
    }
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    /// Canonical name of a person or organisation; `None` when nobody can be named.
    pub name: Option<String>,
    pub role: Option<String>,
    /// The words that referred to the speaker at the cue ("he", "a senior diplomat").
    pub mention: Option<String>,
}
