//! Writing results: JSONL, CSV or an aligned table, one record per quote; error records
//! for inputs that failed; and the per-speaker summary.

use crate::article::{Article, InputError};
use crate::explain::{explain, line_from_json, TOP};
use crate::model::{LinearModel, Prediction, LABELS};
use crate::ScoredQuote;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

mod json;
use json::write_score_json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
    Table,
}

/// Probabilities and tone are reported to 4 decimals.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn probabilities(p: &Prediction) -> Value {
    let mut m = Map::new();
    for (k, name) in LABELS.iter().enumerate() {
        m.insert(name.to_string(), json!(round4(p.probabilities[k])));
    }
    Value::Object(m)
}

/// The `score` record of one quote, with the JSONL input's extra fields carried through.
pub fn score_record(article: &Article, index: usize, s: &ScoredQuote) -> Map<String, Value> {
    let mut r = Map::new();
    r.insert("article".into(), json!(article.id));
    r.insert("index".into(), json!(index));
    r.insert("speaker".into(), json!(s.speaker.name));
    r.insert("role".into(), json!(s.speaker.role));
    r.insert("speaker_mention".into(), json!(s.speaker.mention));
    r.insert("kind".into(), json!(s.quote.kind.name()));
    r.insert("quote".into(), json!(s.quote.text));
    if let Some(statement) = &s.quote.statement {
        r.insert("statement".into(), json!(statement));
    }
    r.insert("label".into(), json!(s.prediction.label.name()));
    r.insert("probabilities".into(), probabilities(&s.prediction));
    r.insert("tone".into(), json!(round4(s.prediction.tone())));
    r.insert("start".into(), json!(s.quote.span.start));
    r.insert("end".into(), json!(s.quote.span.end));
    if let Some(date) = &article.date {
        r.insert("date".into(), json!(date));
    }
    for (k, v) in &article.extra {
        r.entry(k.clone()).or_insert_with(|| v.clone());
    }
    r
}

/// The `classify` record of one statement.
pub fn classify_record(quote: &str, p: &Prediction) -> Map<String, Value> {
    let mut r = Map::new();
    r.insert("quote".into(), json!(quote));
    r.insert("label".into(), json!(p.label.name()));
    r.insert("probabilities".into(), probabilities(p));
    r.insert("tone".into(), json!(round4(p.tone())));
    r
}

/// CSV columns of a score record; probabilities are flattened.
pub const SCORE_COLUMNS: &[&str] = &[
    "article",
    "index",
    "speaker",
    "role",
    "speaker_mention",
    "kind",
    "quote",
    "statement",
    "label",
    "p_conciliatory",
    "p_hardline",
    "p_neutral",
    "tone",
    "start",
    "end",
    "date",
];
/// CSV columns of `score --explain`: the score columns plus the explanation as text.
pub const SCORE_EXPLAIN_COLUMNS: &[&str] = &[
    "article",
    "index",
    "speaker",
    "role",
    "speaker_mention",
    "kind",
    "quote",
    "statement",
    "label",
    "p_conciliatory",
    "p_hardline",
    "p_neutral",
    "tone",
    "start",
    "end",
    "date",
    "explanation",
];

/// Adds the `explanation` field to a score record: the features that pushed its
/// statement toward the label and toward the runner-up, top `TOP` each way.
pub fn add_explanation(model: &LinearModel, record: &mut Map<String, Value>) {
    let text = record
        .get("statement")
        .or_else(|| record.get("quote"))
        .and_then(Value::as_str);
    if let Some(text) = text {
        let e = explain(model, text, TOP);
        record.insert("explanation".into(), e.to_json());
    }
}
pub const CLASSIFY_COLUMNS: &[&str] = &[
    "quote",
    "label",
    "p_conciliatory",
    "p_hardline",
    "p_neutral",
    "tone",
];

fn cell(record: &Map<String, Value>, column: &str) -> String {
    if let (Some(e), "explanation") = (record.get("explanation"), column) {
        let label = record
            .get("label")
            .and_then(Value::as_str)
            .unwrap_or("label");
        return line_from_json(label, e);
    }
    let value = match column.strip_prefix("p_") {
        Some(label) => record.get("probabilities").and_then(|p| p.get(label)),
        None => record.get(column),
    };
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

/// How records are rendered: the part of a `RecordWriter` that scoring threads share,
/// so records are formatted in parallel and the writer only copies bytes out.
#[derive(Clone)]
pub struct RecordFormat {
    format: Format,
    columns: &'static [&'static str],
    /// Set by `explaining`: each score record gets an `explanation` from this model.
    explainer: Option<LinearModel>,
}

impl RecordFormat {
    /// Appends one record to `out`, without the header.
    pub fn render(&self, record: &Map<String, Value>, out: &mut Vec<u8>) -> io::Result<()> {
        let explained;
        let record = match &self.explainer {
            Some(model) => {
                let mut r = record.clone();
                add_explanation(model, &mut r);
                explained = r;
                &explained
            }
            None => record,
        };
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")
            }
            Format::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(&mut *out);
                w.write_record(self.columns.iter().map(|c| cell(record, c)))?;
                w.flush()
            }
            Format::Table => {
                let quote = cell(record, "quote");
                writeln!(
                    out,
                    "{:<24} {:<22} {:<9} {:<12} {:>6}  {}",
                    clip(&cell(record, "article"), 24),
                    clip(&cell(record, "speaker"), 22),
                    cell(record, "kind"),
                    cell(record, "label"),
                    cell(record, "tone"),
                    clip(&quote, 70)
                )?;
                if record.contains_key("explanation") {
                    writeln!(out, "{:>24} {}", "↳", cell(record, "explanation"))?;
                }
                Ok(())
            }
        }
    }

    /// Appends the score record of quote `index` of an article to `out`.
    pub fn render_score(
        &self,
        article: &Article,
        index: usize,
        s: &ScoredQuote,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        if self.format == Format::Jsonl && self.explainer.is_none() {
            Ok(write_score_json(article, index, s, out)?)
        } else {
            self.render(&score_record(article, index, s), out)
        }
    }

    /// The CSV header or the table's column line, written before the first record.
    fn header(&self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Jsonl => Ok(()),
            Format::Csv => {
                let mut w = csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out);
                w.write_record(self.columns)?;
                w.flush()
            }
            Format::Table => writeln!(
                out,
                "{:<24} {:<22} {:<9} {:<12} {:>6}  quote",
                "article", "speaker", "kind", "label", "tone"
            ),
        }
    }
}

/// Writes records in one format; CSV gets a header, the table aligned columns.
pub struct RecordWriter<W: Write> {
    spec: Arc<RecordFormat>,
    out: W,
    wrote_header: bool,
}

impl<W: Write> RecordWriter<W> {
    pub fn new(format: Format, columns: &'static [&'static str], out: W) -> Self {
        RecordWriter {
            spec: Arc::new(RecordFormat {
                format,
                columns,
                explainer: None,
            }),
            out,
            wrote_header: false,
        }
    }

    /// Adds an explanation to every score record (and its column to CSV).
    pub fn explaining(mut self, model: LinearModel) -> Self {
        let spec = Arc::make_mut(&mut self.spec);
        spec.explainer = Some(model);
        if spec.columns == SCORE_COLUMNS {
            spec.columns = SCORE_EXPLAIN_COLUMNS;
        }
        self
    }

    /// How this writer renders records, for `write_rendered`.
    pub fn spec(&self) -> Arc<RecordFormat> {
        Arc::clone(&self.spec)
    }

    pub fn write(&mut self, record: &Map<String, Value>) -> io::Result<()> {
        let mut bytes = Vec::new();
        self.spec.render(record, &mut bytes)?;
        self.write_rendered(&bytes)
    }

    /// Writes one or more records rendered by `spec().render`, after the header if
    /// these are the first.
    pub fn write_rendered(&mut self, records: &[u8]) -> io::Result<()> {
        if !self.wrote_header {
            self.spec.header(&mut self.out)?;
            self.wrote_header = true;
        }
        self.out.write_all(records)
    }

    /// An input that failed: a JSONL error record, or a line on stderr in other formats.
    pub fn write_error(&mut self, error: &InputError) -> io::Result<()> {
        if self.spec.format == Format::Jsonl {
            serde_json::to_writer(
                &mut self.out,
                &json!({"article": error.source, "error": error.reason}),
            )?;
            self.out.write_all(b"\n")
        } else {
            Ok(())
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n - 1).collect();
        c.push('…');
        c
    }
}

/// Per-speaker tallies: quotes per label and mean tone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeakerSummary {
    pub quotes: usize,
    pub per_label: [usize; 3],
    pub tone_sum: f64,
}

impl SpeakerSummary {
    pub fn mean_tone(&self) -> f64 {
        if self.quotes == 0 {
            0.0
        } else {
            self.tone_sum / self.quotes as f64
        }
    }
}

/// Speaker name (or "(unnamed)") → summary, sorted by name.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub speakers: BTreeMap<String, SpeakerSummary>,
}

pub const UNNAMED: &str = "(unnamed)";

impl Summary {
    pub fn add(&mut self, speaker: Option<&str>, label_index: usize, tone: f64) {
        let s = self
            .speakers
            .entry(speaker.unwrap_or(UNNAMED).to_string())
            .or_default();
        s.quotes += 1;
        s.per_label[label_index] += 1;
        s.tone_sum += tone;
    }

    /// Speakers with the most quotes first.
    pub fn ranked(&self) -> Vec<(&String, &SpeakerSummary)> {
        let mut v: Vec<_> = self.speakers.iter().collect();
        v.sort_by(|a, b| b.1.quotes.cmp(&a.1.quotes).then(a.0.cmp(b.0)));
        v
    }

    pub fn write(&self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Table => {
                writeln!(
                    out,
                    "{:<28} {:>6} {:>13} {:>9} {:>8} {:>9}",
                    "speaker", "quotes", "conciliatory", "hardline", "neutral", "mean_tone"
                )?;
                for (name, s) in self.ranked() {
                    writeln!(
                        out,
                        "{:<28} {:>6} {:>13} {:>9} {:>8} {:>9.3}",
                        clip(name, 28),
                        s.quotes,
                        s.per_label[0],
                        s.per_label[1],
                        s.per_label[2],
                        s.mean_tone()
                    )?;
                }
                Ok(())
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record([
                    "speaker",
                    "quotes",
                    "conciliatory",
                    "hardline",
                    "neutral",
                    "mean_tone",
                ])?;
                for (name, s) in self.ranked() {
                    w.write_record([
                        name.clone(),
                        s.quotes.to_string(),
                        s.per_label[0].to_string(),
                        s.per_label[1].to_string(),
                        s.per_label[2].to_string(),
                        format!("{:.4}", s.mean_tone()),
                    ])?;
                }
                w.flush()
            }
            Format::Jsonl => {
                for (name, s) in self.ranked() {
                    let record = json!({
                        "speaker": name,
                        "quotes": s.quotes,
                        "conciliatory": s.per_label[0],
                        "hardline": s.per_label[1],
                        "neutral": s.per_label[2],
                        "mean_tone": round4(s.mean_tone()),
                    });
                    serde_json::to_writer(&mut *out, &record)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            }
        }
    }
}
