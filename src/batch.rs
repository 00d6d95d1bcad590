//! Batch scoring: articles are read, scored in parallel and written in input order, one
//! chunk at a time, so memory stays flat whatever the input size.

use crate::article::{Article, Input, InputError};
use crate::output::{RecordWriter, Summary};
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

/// An article scored and its records rendered, on a worker thread.
struct Scored {
    article: Article,
    quotes: Vec<ScoredQuote>,
    records: io::Result<Vec<u8>>,
}

/// Scores every article from `inputs`, writing records (and error records) to `writer`
/// in input order. `on_notice` is told of each failed input and each lossy-UTF-8
/// warning (to print on stderr); `on_progress` of the number of articles done so far.
/// Reading, scoring and rendering run on the worker threads; this thread lists the
/// inputs and copies the rendered records out.
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
    while inputs.peek().is_some() {
        let chunk: Vec<Input> = inputs.by_ref().take(CHUNK).collect();
        let spec = writer.spec();
        let scored: Vec<Result<Scored, InputError>> = chunk
            .into_par_iter()
            .map(|item| {
                let article = item.load()?;
                let quotes = pipeline.score(&article);
                let mut records = Vec::new();
                let rendered = quotes
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, q)| spec.render_score(&article, i, q, &mut records));
                Ok(Scored {
                    article,
                    quotes,
                    records: rendered.map(|()| records),
                })
            })
            .collect();
        for item in scored {
            stats.articles += 1;
            match item {
                Err(e) => {
                    stats.failed += 1;
                    on_notice(&e);
                    writer.write_error(&e)?;
                }
                Ok(Scored {
                    article,
                    quotes,
                    records,
                }) => {
                    stats.bytes += article.text.len();
                    if article.lossy {
                        stats.lossy += 1;
                        on_notice(&InputError {
                            source: article.id.clone(),
                            reason: "warning: not valid UTF-8; decoded with replacement characters"
                                .into(),
                        });
                    }
                    if !quotes.is_empty() {
                        writer.write_rendered(&records?)?;
                    }
                    if let Some(s) = summary.as_deref_mut() {
                        for q in &quotes {
                            s.add(
                                q.speaker.name.as_deref(),
                                q.prediction.label as usize,
                                q.prediction.tone(),
                            );
                        }
                    }
                    stats.quotes += quotes.len();
                }
            }
        }
        on_progress(stats.articles);
    }
    writer.flush()?;
    stats.elapsed = started.elapsed();
    Ok(stats)
}
