//! Quotation spans: direct quotes (split ones joined), partial quotes with the reported
//! statement around them, and indirect speech; scare quotes and titles left out.

use super::cues::{self, Mention, Word};
use super::marks::{pair_marks, Marked};
use super::reported;
use super::segment::Segments;
use super::{Quote, QuoteKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::ops::Range;

/// Words right before a quotation that make it a name, title or coined term rather than
/// somebody's statement.
const SCARE_MARKERS: &[&str] = &[
    "so-called",
    "so called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "known as",
    "the film",
    "the movie",
    "the book",
    "the novel",
    "the song",
    "the documentary",
    "the series",
    "the slogan",
    "the hashtag",
    "the term",
    "the word",
    "the phrase",
    "the newspaper",
    "the magazine",
    "operation",
    "codenamed",
    "code-named",
    "branded as",
    "referred to as",
    "the motto",
    "the banner",
    "the programme",
    "the program",
    "the campaign",
    "the plan",
    "the initiative",
    "the doctrine",
    "the policy",
];

/// Small words a Title Case phrase may contain in lower case ("Axis of Evil").
const TITLE_SMALL_WORDS: &[&str] = &[
    "of", "the", "and", "for", "a", "an", "in", "on", "to", "de", "la",
];

/// The article's segments, and the sentences quotations are looked for in (those of
/// paragraphs other than the date line).
struct Layout<'s> {
    seg: &'s Segments<'s>,
    sentences: Vec<Range<usize>>,
}

impl Layout<'_> {
    fn words(&self, range: Range<usize>) -> Cow<'_, [Word]> {
        self.seg.words(range)
    }

    fn cue_after(&self, range: Range<usize>) -> Option<Mention> {
        cues::cue_after_words(self.seg.text, &self.words(range))
    }

    fn cue_before(&self, range: Range<usize>) -> Option<Mention> {
        cues::cue_before_words(self.seg.text, &self.words(range))
    }

    fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }
}

/// A marked quotation with its surroundings, before it is classified.
struct Candidate {
    marked: Marked,
    text: String,
    /// Text before the opening mark in its sentence (after any earlier quotation).
    prefix: Range<usize>,
    /// Text after the closing mark in its sentence (before any later quotation).
    suffix: Range<usize>,
    sentence: usize,
}

/// Finds every quotation in an article, in order of position.
pub fn extract(text: &str) -> Vec<Quote> {
    extract_segmented(&Segments::new(text))
}

/// `extract` on an article already segmented.
pub fn extract_segmented(seg: &Segments) -> Vec<Quote> {
    let text = seg.text;
    let mut paras: Vec<Range<usize>> = Vec::with_capacity(seg.paragraphs.len());
    let mut sentences = Vec::with_capacity(seg.sentences.len());
    for (i, p) in seg.paragraphs.iter().enumerate() {
        if !text[p.clone()].starts_with("Date:") {
            paras.push(p.clone());
            sentences.extend_from_slice(seg.sentences_of(i));
        }
    }
    let layout = Layout { seg, sentences };
    let marked = pair_marks(text, &paras);
    let candidates = candidates(text, &layout, marked);

    let mut direct: Vec<(Quote, Option<Range<usize>>)> = Vec::new();
    let mut partial: Vec<(Quote, usize)> = Vec::new();
    for c in &candidates {
        match classify(&layout, c) {
            None => {}
            Some(QuoteKind::Direct) => {
                let (mention, cue) = direct_cue(text, &layout, c);
                direct.push((
                    Quote {
                        kind: QuoteKind::Direct,
                        span: c.marked.span.clone(),
                        text: c.text.clone(),
                        statement: None,
                        mention,
                    },
                    cue,
                ));
            }
            Some(_) => partial.push((
                Quote {
                    kind: QuoteKind::Partial,
                    span: c.marked.span.clone(),
                    text: c.text.clone(),
                    statement: None,
                    mention: None,
                },
                c.sentence,
            )),
        }
    }
    let mut quotes = merge_split_quotes(text, direct);
    quotes.extend(reported_speech(text, &layout, &quotes, partial));
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

fn candidates(text: &str, layout: &Layout, marked: Vec<Marked>) -> Vec<Candidate> {
    let spans: Vec<Range<usize>> = marked.iter().map(|m| m.span.clone()).collect();
    marked
        .into_iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let first = layout.sentence_at(m.span.start)?;
            let last = layout.sentence_at(m.span.end - 1).unwrap_or(first);
            let mut prefix_start = layout.sentences[first].start;
            if i > 0 && spans[i - 1].end > prefix_start {
                prefix_start = spans[i - 1].end;
            }
            let mut suffix_end = layout.sentences[last].end.max(m.span.end);
            if let Some(next) = spans.get(i + 1) {
                suffix_end = suffix_end.min(next.start).max(m.span.end);
            }
            let text = join_pieces(text, &m.pieces);
            (!text.is_empty()).then_some(Candidate {
                prefix: prefix_start..m.span.start,
                suffix: m.span.end..suffix_end,
                sentence: first,
                text,
                marked: m,
            })
        })
        .collect()
}

fn join_pieces(text: &str, pieces: &[Range<usize>]) -> String {
    pieces
        .iter()
        .map(|p| text[p.clone()].trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_title_case(text: &str, content: &str) -> bool {
    let ws = cues::words(content, 0..content.len());
    let words: Vec<&str> = ws
        .iter()
        .map(|w| &content[w.start..w.end])
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
        .collect();
    let _ = text;
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_SMALL_WORDS.contains(&cues::Lower::new(w).as_str())
        })
}

/// Direct, partial, or `None` for a scare quote, title or coined term.
fn classify(layout: &Layout, c: &Candidate) -> Option<QuoteKind> {
    let text = layout.seg.text;
    let prefix = text[c.prefix.clone()].trim_end();
    let prefix_lower = prefix.to_lowercase();
    if SCARE_MARKERS.iter().any(|m| {
        prefix_lower.ends_with(m)
            && prefix_lower[..prefix_lower.len() - m.len()]
                .chars()
                .next_back()
                .is_none_or(|ch| !ch.is_alphanumeric())
    }) {
        return None;
    }
    let content = c.text.trim();
    let ends_sentence = content.ends_with(['.', '?', '!', ',', ';', ':', '…']);
    if !ends_sentence && is_title_case(text, content) {
        return None;
    }
    let starts_upper = content.chars().next().is_some_and(|ch| ch.is_uppercase());
    let before = prefix.chars().next_back();
    let cue_word_before = layout
        .words(c.prefix.clone())
        .last()
        .is_some_and(|w| cues::is_speech_verb(text, *w));
    let direct = match before {
        None => true,
        Some(':') => true,
        // `she said, "but not…"`: the second half of a split quote starts in lower case.
        Some(',') => starts_upper || layout.cue_before(c.prefix.clone()).is_some(),
        _ => cue_word_before && starts_upper,
    };
    if direct {
        return Some(QuoteKind::Direct);
    }
    // One or two unpunctuated words with no speech cue near are scare quotes
    // ("the 'terrorists'"), not statements. Cheapest test first: most quotations end
    // a sentence.
    let scare = !ends_sentence
        && cues::words(content, 0..content.len()).len() <= 2
        && layout.cue_before(c.prefix.clone()).is_none()
        && layout.cue_after(c.suffix.clone()).is_none();
    if scare {
        return None;
    }
    Some(QuoteKind::Partial)
}

/// The speaker words for a direct quote: after it (", she said"), before it ("He said:"),
/// or a bare cue sentence right after it ("“…again.” Khamenei said.").
/// Also returns the suffix range when the cue came from there, for split-quote joining.
fn direct_cue(
    text: &str,
    layout: &Layout,
    c: &Candidate,
) -> (Option<Mention>, Option<Range<usize>>) {
    if let Some(m) = layout.cue_after(c.suffix.clone()) {
        return (Some(m), Some(c.suffix.clone()));
    }
    if let Some(m) = layout.cue_before(c.prefix.clone()) {
        return (Some(m), None);
    }
    if text[c.suffix.clone()].trim().is_empty() {
        if let Some(next) = layout.sentence_at(c.marked.span.end).map(|i| i + 1) {
            if let Some(s) = layout.sentences.get(next) {
                let ws = layout.words(s.clone());
                let bare = ws.len() <= 10 && !text[s.clone()].contains(['"', '“', '”']);
                if bare && s.start - c.marked.span.end <= 2 {
                    return (cues::cue_after_words(text, &ws), None);
                }
            }
        }
    }
    (None, None)
}

/// Joins a quote split around its cue ("We are ready," he said, "but not at any price.")
/// into one: the first piece ends in a comma, only the cue stands between the pieces.
fn merge_split_quotes(text: &str, direct: Vec<(Quote, Option<Range<usize>>)>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut pending: Option<Range<usize>> = None;
    for (quote, cue) in direct {
        if let (Some(prev), Some(gap)) = (out.last_mut(), pending.take()) {
            let between = &text[gap.end..quote.span.start];
            let continues = prev.text.ends_with(',') || text[gap.clone()].trim_end().ends_with(',');
            if between.trim().is_empty()
                && continues
                && quote
                    .mention
                    .as_ref()
                    .is_none_or(|m| Some(m) == prev.mention.as_ref())
            {
                prev.span.end = quote.span.end;
                prev.text = format!("{} {}", prev.text, quote.text);
                pending = None;
                continue;
            }
        }
        pending = cue;
        out.push(quote);
    }
    out
}

/// The text without quotation marks, its white space runs made one space and trimmed
/// (as `split_whitespace` then `join(" ")` of it), in one pass.
fn strip_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Indirect speech, and the reported statements around partial quotes.
fn reported_speech(
    text: &str,
    layout: &Layout,
    direct: &[Quote],
    partial: Vec<(Quote, usize)>,
) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut partial = partial;
    // Partial quotes by sentence, and a cursor over the (ordered) direct quotes, so each
    // sentence costs only its own quotes.
    let mut by_sentence: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, (_, sentence)) in partial.iter().enumerate() {
        by_sentence.entry(*sentence).or_default().push(i);
    }
    let mut next_direct = 0;
    for (si, s) in layout.sentences.iter().enumerate() {
        while next_direct < direct.len() && direct[next_direct].span.end <= s.start {
            next_direct += 1;
        }
        if direct
            .get(next_direct)
            .is_some_and(|q| q.span.start < s.end)
        {
            continue;
        }
        let here = by_sentence.get(&si).map(Vec::as_slice).unwrap_or(&[]);
        let ws = layout.words(s.clone());
        let mut found = reported::reported_clauses(text, &ws);
        if found.is_empty() {
            found.extend(reported::leading_according_to(text, &ws));
        }
        for r in found {
            let inside: Vec<usize> = here
                .iter()
                .copied()
                .filter(|&i| {
                    let q = &partial[i].0;
                    r.clause.start <= q.span.start && q.span.start < r.clause.end
                })
                .collect();
            if inside.is_empty() {
                if layout.words(r.clause.clone()).len() >= 3 {
                    out.push(Quote {
                        kind: QuoteKind::Indirect,
                        span: r.clause.clone(),
                        text: text[r.clause.clone()].trim().to_string(),
                        statement: None,
                        mention: Some(r.mention.clone()),
                    });
                }
                continue;
            }
            let clause_text = strip_marks(&text[r.clause.clone()]);
            for i in inside {
                let q = &mut partial[i].0;
                q.statement = Some(clause_text.clone());
                q.mention = Some(r.mention.clone());
            }
        }
        // Partial quotes outside any reported clause: the sentence is the statement.
        for &i in here {
            let q = &mut partial[i].0;
            if q.statement.is_some() {
                continue;
            }
            q.statement = Some(strip_marks(&text[s.clone()]));
            // A quote may run past its sentence's end: never search a reversed range.
            q.mention = layout
                .cue_before(s.start..q.span.start)
                .or_else(|| layout.cue_after(q.span.end..s.end.max(q.span.end)));
        }
    }
    out.extend(partial.into_iter().map(|(q, _)| q));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(QuoteKind, String)> {
        extract(text)
            .into_iter()
            .map(|q| (q.kind, q.text))
            .collect()
    }

    #[test]
    fn split_quote_around_the_cue_is_one_quote() {
        let t = "\"We are ready,\" she said, \"but not at any price.\"";
        let q = extract(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "We are ready, but not at any price.");
        assert_eq!(q[0].span, 0..t.len());
    }

    #[test]
    fn split_quote_across_a_full_stop_after_the_cue_is_one_quote() {
        let t = "“They pressured us for years,” Khamenei said. “But they have failed.”";
        let q = extract(t);
        assert_eq!(q.len(), 1);
        assert_eq!(
            q[0].text,
            "They pressured us for years, But they have failed."
        );
    }

    #[test]
    fn partial_quote_gets_the_reported_clause_as_statement() {
        let t = "He stated that the US “will not succeed” in destroying Iran.";
        let q = extract(t);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].kind, QuoteKind::Partial);
        assert_eq!(q[0].text, "will not succeed");
        assert_eq!(
            q[0].statement.as_deref(),
            Some("the US will not succeed in destroying Iran")
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_statements() {
        let t = "The so-called \"maximum pressure\" campaign, the film “Argo” and the “Blue Line” remain.";
        assert!(found(t).is_empty());
    }

    #[test]
    fn indirect_speech_is_found() {
        let t = "Haddad warned that Iran would respond. According to a senior diplomat, talks had stalled.";
        assert_eq!(
            found(t),
            [
                (QuoteKind::Indirect, "Iran would respond".to_string()),
                (QuoteKind::Indirect, "talks had stalled".to_string())
            ]
        );
    }
}
