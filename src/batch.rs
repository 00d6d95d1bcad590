//! Batch scoring: articles are read, scored in parallel and written in input order, one
//! chunk at a time, so memory stays flat whatever the input size.

use crate::article::{Article, Input, InputError};
use crate::output::{RecordFormat, RecordWriter, Summary};
use crate::{Pipeline, ScoredQuote};
use rayon::prelude::*;
use std::io::{self, Write};
use std::time::{Duration, Instant};

/// Articles scored together; small enough to keep memory flat, large enough to keep
/// every core busy.
pub const CHUNK: usize = 256;

/// What a batch did, for the closing line on stderr.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchStats {
    pub articles: usize,
    pub failed: usize,
    pub quotes: usize,
    pub bytes: usize,
    pub lossy: usize,
    pub elapsed: Duration,
}

impl BatchStats {
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        format!(
            "stance: {} articles read, {} quotes scored, {} articles failed, {:.2} s, {:.1} MB/s",
            self.articles,
            self.quotes,
            self.failed,
            secs,
            self.bytes as f64 / 1e6 / secs
        )
    }
}

/// What the writing thread needs of a scored article. The article and its quotes are
/// dropped on the worker that made them: freeing them on the writing thread was work
/// done one article after another, and costlier across threads.
struct Scored {
    /// The article's id when it was not valid UTF-8, for the warning.
    lossy: Option<String>,
    bytes: usize,
    quotes: usize,
    records: io::Result<Vec<u8>>,
    /// Speaker, label and tone of each quote, when a summary is kept.
    tally: Vec<(Option<String>, usize, f64)>,
}

/// Reads, scores and renders one chunk of inputs on the worker threads.
fn score_chunk(
    pipeline: &Pipeline,
    spec: &RecordFormat,
    chunk: Vec<Input>,
    tally: bool,
) -> Vec<Result<Scored, InputError>> {
    chunk
        .into_par_iter()
        .map(|item| {
            let article = item.load()?;
            let quotes = score_guarded(pipeline, &article)?;
            let mut records = Vec::new();
            let rendered = quotes
                .iter()
                .enumerate()
                .try_for_each(|(i, q)| spec.render_score(&article, i, q, &mut records));
            Ok(Scored {
                lossy: article.lossy.then(|| article.id.clone()),
                bytes: article.text.len(),
                quotes: quotes.len(),
                records: rendered.map(|()| records),
                tally: if tally {
                    quotes
                        .into_iter()
                        .map(|q| {
                            let tone = q.prediction.tone();
                            (q.speaker.name, q.prediction.label as usize, tone)
                        })
                        .collect()
                } else {
                    Vec::new()
                },
            })
        })
        .collect()
}

/// Scores one article. A panic is a bug in stance, but it must not take the batch down
/// with it: the article is reported as failed, with the panic's message, and the batch
/// goes on.
fn score_guarded(pipeline: &Pipeline, article: &Article) -> Result<Vec<ScoredQuote>, InputError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.score(article))).map_err(
        |panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            InputError {
                source: article.id.clone(),
                reason: format!("internal error while scoring (a bug in stance): {message}"),
            }
        },
    )
}

/// Scores every article from `inputs`, writing records (and error records) to `writer`
/// in input order. `on_notice` is told of each failed input and each lossy-UTF-8
/// warning (to print on stderr); `on_progress` of the number of articles done so far.
/// Reading, scoring and rendering run on the worker threads, a chunk ahead of this
/// thread, which lists the inputs and writes out the chunk before.
pub fn score_all<W: Write>(
    pipeline: &Pipeline,
    inputs: impl Iterator<Item = Input>,
    writer: &mut RecordWriter<W>,
    mut summary: Option<&mut Summary>,
    on_notice: &mut dyn FnMut(&InputError),
    on_progress: &mut dyn FnMut(usize),
) -> io::Result<BatchStats> {
    let started = Instant::now();
    let mut stats = BatchStats::default();
    let mut inputs = inputs.peekable();
    let spec = writer.spec();
    let tally = summary.is_some();
    let mut pending: Option<Vec<Result<Scored, InputError>>> = None;
    while inputs.peek().is_some() || pending.is_some() {
        let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
        let next = std::thread::scope(|s| -> io::Result<_> {
            let scoring =
                (!chunk.is_empty()).then(|| s.spawn(|| score_chunk(pipeline, &spec, chunk, tally)));
            if let Some(done) = pending.take() {
                write_chunk(done, writer, &mut summary, &mut stats, on_notice)?;
                on_progress(stats.articles);
            }
            // A panic while scoring stays a panic, as if scored on this thread.
            Ok(scoring.map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))))
        })?;
        pending = next;
    }
    writer.flush()?;
    stats.elapsed = started.elapsed();
    Ok(stats)
}

/// Writes one scored chunk in order, counting it and telling of failures and warnings.
fn write_chunk<W: Write>(
    scored: Vec<Result<Scored, InputError>>,
    writer: &mut RecordWriter<W>,
    summary: &mut Option<&mut Summary>,
    stats: &mut BatchStats,
    on_notice: &mut dyn FnMut(&InputError),
) -> io::Result<()> {
    for item in scored {
        stats.articles += 1;
        match item {
            Err(e) => {
                stats.failed += 1;
                on_notice(&e);
                writer.write_error(&e)?;
            }
            Ok(scored) => {
                stats.bytes += scored.bytes;
                if let Some(id) = scored.lossy {
                    stats.lossy += 1;
                    on_notice(&InputError {
                        source: id,
                        reason: "warning: not valid UTF-8; decoded with replacement characters"
                            .into(),
                    });
                }
                if scored.quotes > 0 {
                    writer.write_rendered(&scored.records?)?;
                }
                if let Some(s) = summary.as_deref_mut() {
                    for (speaker, label, tone) in &scored.tally {
                        s.add(speaker.as_deref(), *label, *tone);
                    }
                }
                stats.quotes += scored.quotes;
            }
        }
    }
    Ok(())
}
