//! Scored quotes read back: score records (the JSONL that `stance score` writes), read
//! from a file or produced by scoring articles here, so the summary and the report always
//! agree with `score`; and the `summary` command's per-speaker tallies.

use crate::article::{read_articles, InputError, InputFormat};
use crate::batch::score_all;
use crate::model::{Label, LABELS};
use crate::output::{Format, RecordWriter, Summary, SCORE_COLUMNS, UNNAMED};
use crate::Pipeline;
use serde_json::{Map, Value};
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// One score record, as much of it as the summary and the report use.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredRecord {
    pub article: String,
    pub speaker: Option<String>,
    pub kind: String,
    pub quote: String,
    /// The text the label was computed from, when it differs from `quote`.
    pub statement: Option<String>,
    pub label: Label,
    pub probabilities: [f64; 3],
    pub tone: f64,
    pub date: Option<String>,
    /// The `explanation` field of `score --explain`, if present.
    pub explanation: Option<Value>,
}

impl ScoredRecord {
    /// Reads a score record; the error says which field is missing or wrong.
    pub fn from_json(r: &Map<String, Value>) -> Result<ScoredRecord, String> {
        let text = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
        let label = match r.get("label") {
            Some(Value::String(s)) => {
                Label::parse(s).ok_or_else(|| format!("unknown label {s:?}"))?
            }
            _ => return Err("missing \"label\"".into()),
        };
        let tone = r
            .get("tone")
            .and_then(Value::as_f64)
            .filter(|t| t.is_finite())
            .ok_or("missing or non-numeric \"tone\"")?;
        let mut probabilities = [0.0; 3];
        for (k, name) in LABELS.iter().enumerate() {
            probabilities[k] = r
                .get("probabilities")
                .and_then(|p| p.get(name))
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("missing probability of {name}"))?;
        }
        let speaker = match r.get("speaker") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err("\"speaker\" must be a string or null".into()),
        };
        Ok(ScoredRecord {
            article: text("article").unwrap_or_default(),
            speaker,
            kind: text("kind").unwrap_or_default(),
            quote: text("quote").ok_or("missing \"quote\"")?,
            statement: text("statement"),
            label,
            probabilities,
            tone,
            date: text("date"),
            explanation: r.get("explanation").filter(|e| e.is_object()).cloned(),
        })
    }

    /// The text the label was computed from.
    pub fn labeled_text(&self) -> &str {
        self.statement.as_deref().unwrap_or(&self.quote)
    }

    pub fn confidence(&self) -> f64 {
        self.probabilities[self.label as usize]
    }

    pub fn speaker_name(&self) -> &str {
        self.speaker.as_deref().unwrap_or(UNNAMED)
    }
}

/// Score records read back, with what could not be used.
#[derive(Debug, Clone, Default)]
pub struct ScoredSet {
    pub records: Vec<ScoredRecord>,
    /// Error records (`{"article", "error"}`): articles that failed when scored.
    pub errors: Vec<(String, String)>,
    /// Lines that are not score records: `file:line: reason`.
    pub malformed: Vec<String>,
}

impl ScoredSet {
    /// Reads scored JSONL; error records are counted, malformed lines noted with their
    /// line number. Only an unreadable input is an error.
    pub fn read(reader: impl BufRead, name: &str) -> anyhow::Result<ScoredSet> {
        let mut set = ScoredSet::default();
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let at = format!("{name}:{}", i + 1);
            let value: Value = match serde_json::from_slice(&line) {
                Ok(v) => v,
                Err(e) => {
                    set.malformed.push(format!("{at}: invalid JSON: {e}"));
                    continue;
                }
            };
            let Value::Object(map) = value else {
                set.malformed
                    .push(format!("{at}: expected a JSON object (a score record)"));
                continue;
            };
            if let Some(error) = map.get("error") {
                let article = map.get("article").and_then(Value::as_str).unwrap_or("?");
                let error = error
                    .as_str()
                    .map_or_else(|| error.to_string(), String::from);
                set.errors.push((article.to_string(), error));
                continue;
            }
            match ScoredRecord::from_json(&map) {
                Ok(r) => set.records.push(r),
                Err(reason) => set.malformed.push(format!("{at}: {reason}")),
            }
        }
        Ok(set)
    }

    /// Scores articles with `pipeline` exactly as `stance score` does and reads the
    /// records back. `on_error` is told of each input that failed.
    pub fn score(
        pipeline: &Pipeline,
        paths: &[PathBuf],
        input: InputFormat,
        on_error: &mut dyn FnMut(&InputError),
    ) -> anyhow::Result<ScoredSet> {
        let mut jsonl = Vec::new();
        {
            let mut writer = RecordWriter::new(Format::Jsonl, SCORE_COLUMNS, &mut jsonl);
            score_all(
                pipeline,
                read_articles(paths, input),
                &mut writer,
                None,
                on_error,
                &mut |_| {},
            )?;
        }
        ScoredSet::read(jsonl.as_slice(), "scored records")
    }

    /// Quotes per label and mean tone, per speaker.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for r in &self.records {
            s.add(r.speaker.as_deref(), r.label as usize, r.tone);
        }
        s
    }

    /// One line for stderr: what was read and what was skipped.
    pub fn stats_line(&self) -> String {
        format!(
            "stance: {} quotes, {} error records skipped, {} malformed lines",
            self.records.len(),
            self.errors.len(),
            self.malformed.len()
        )
    }
}

/// The `summary` command: reads scored JSONL and writes the per-speaker summary;
/// malformed lines go to `err`. Returns the set that was read.
pub fn summarize(
    reader: impl BufRead,
    name: &str,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ScoredSet> {
    let set = ScoredSet::read(reader, name)?;
    for m in &set.malformed {
        writeln!(err, "stance: {m}")?;
    }
    set.summary().write(format, out)?;
    out.flush()?;
    writeln!(err, "{}", set.stats_line())?;
    Ok(set)
}

// ---------------------------------------------------------------------------------
