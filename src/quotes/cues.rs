//! Speech cues: the reporting verb ("said", "warned", "told reporters") and the words
//! that name who spoke ("Khamenei", "the foreign minister, Leila Haddad,", "he"). The
//! clauses of indirect speech are found in `reported`.

use super::names::WordSet;
use super::organisations::is_acronym;
pub use super::words::{is_word, lower, lowered, words, words_into, Lower, Word};
use std::ops::Range;

/// Verbs that report speech.
static SPEECH_VERBS: WordSet = WordSet::new(
    "\
    said says say told tells added adds warned warns insisted insists vowed vows
    stressed stresses stated states emphasized emphasised emphasizes emphasises
    declared declares announced announces noted notes argued argues claimed claims
    maintained maintains asserted asserts explained explains replied responded wrote
    writes posted tweeted continued acknowledged admitted conceded urged pledged
    promised threatened cautioned reiterated repeated remarked observed suggested
    predicted confirmed denied assured signalled signaled indicated complained
    countered recalled mused quipped retorted shouted hinted contended affirmed",
);

/// Words that may sit between a subject and its verb ("has also said").
static AUXILIARIES: WordSet = WordSet::new(
    "\
    has have had also later then again once previously repeatedly further separately
    earlier only reportedly publicly privately would will was is himself herself
    itself subsequently recently quickly flatly firmly simply bluntly openly",
);

/// Words that end a subject going backwards: a new clause starts after them.
static CLAUSE_OPENERS: WordSet = WordSet::new(
    "\
    when after as while because before and but that which who where since if though
    although so until once or",
);

/// Words that start an adverbial phrase rather than a name ("In a statement, the…").
static PREPOSITIONS: WordSet = WordSet::new(
    "\
    in on at after during speaking asked before for from with by under addressing
    writing responding meanwhile however later earlier separately still yet today
    yesterday last this",
);

/// "according to reports" names no source.
static GENERIC_SOURCES: WordSet =
    WordSet::new("reports report data figures estimates documents statistics polls the a");

/// Relative pronouns: a subject ends where its relative clause begins.
static RELATIVES: WordSet = WordSet::new("who which whose");

/// Plural sources that need no determiner: "officials said", "analysts say".
static BARE_SOURCES: WordSet = WordSet::new(
    "officials diplomats analysts sources witnesses residents experts observers \
     negotiators mediators lawmakers aides",
);

static PRONOUNS: WordSet = WordSet::new(
    "\
    he she they it we i",
);

static DETERMINERS: WordSet = WordSet::new(
    "\
    the a an one two three several some many its his her their another both senior
    other",
);

/// Whether a word is in a list, lower-cased.
#[inline(always)]
pub(super) fn is(text: &str, w: Word, list: &WordSet) -> bool {
    list.has_lowered(&text[w.start..w.end])
}

pub fn is_speech_verb(text: &str, w: Word) -> bool {
    is(text, w, &SPEECH_VERBS)
}

pub(super) fn is_punct(text: &str, w: Word) -> bool {
    !text[w.start..w.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

pub(super) fn is_capitalised(text: &str, w: Word) -> bool {
    text[w.start..w.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
}

/// The words that name a speaker at a cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the naming words ("Foreign Minister Leila Haddad", "he").
    pub span: Range<usize>,
    /// An appositive role next to it ("the foreign minister"), if any.
    pub appositive: Option<Range<usize>>,
}

/// Whether words look like the name of a speaker: a pronoun, a capitalised name, or a
/// determiner phrase ("the ministry", "a senior diplomat"), of at most 10 words.
fn looks_like_mention(text: &str, ws: &[Word]) -> bool {
    let Some(&first) = ws.first() else {
        return false;
    };
    // "Said Ahmed Guleid": a capitalised verb before another capitalised word is a name.
    let in_name = |i: usize| {
        is_capitalised(text, ws[i]) && ws.get(i + 1).is_some_and(|n| is_capitalised(text, *n))
    };
    if ws.len() > 10
        || ws.iter().enumerate().any(|(i, w)| {
            (is_punct(text, *w) && &text[w.start..w.end] != ",")
                || is(text, *w, &CLAUSE_OPENERS)
                || (is_speech_verb(text, *w) && !in_name(i))
        })
    {
        return false;
    }
    if ws.len() == 1 && is(text, first, &PRONOUNS) {
        return !matches!(lowered(text, first).as_str(), "we" | "i");
    }
    let first_lower = lowered(text, first);
    if PREPOSITIONS.has(first_lower.as_str()) || is(text, first, &CLAUSE_OPENERS) {
        return false;
    }
    is_capitalised(text, first)
        || DETERMINERS.has(first_lower.as_str())
        || BARE_SOURCES.has(first_lower.as_str())
}

fn span_of(ws: &[Word]) -> Range<usize> {
    ws[0].start..ws[ws.len() - 1].end
}

/// Splits words into comma-separated chunks.
fn chunks(text: &str, ws: &[Word]) -> Vec<Vec<Word>> {
    let mut out = vec![Vec::new()];
    for w in ws {
        if &text[w.start..w.end] == "," {
            out.push(Vec::new());
        } else if let Some(last) = out.last_mut() {
            last.push(*w);
        }
    }
    out
}

/// True for an appositive role chunk: "the foreign minister", "Iran's top diplomat".
fn is_appositive(text: &str, chunk: &[Word]) -> bool {
    let Some(&first) = chunk.first() else {
        return false;
    };
    let f = lowered(text, first);
    matches!(
        f.as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    ) || f.ends_with("'s")
        || f.ends_with("’s")
        || !is_capitalised(text, first)
}

/// The subject that ends right before `ws[verb]`, walking back over auxiliaries and at
/// most one appositive ("Haddad, the foreign minister, said").
pub fn subject_before(text: &str, ws: &[Word], verb: usize) -> Option<Mention> {
    // "The Office of the High Representative (OHR), which …, said": an acronym in
    // brackets belongs to the name before it.
    let window = &ws[verb.saturating_sub(30)..verb];
    if window.iter().any(|w| &text[w.start..w.end] == "(") {
        let mut kept: Vec<Word> = Vec::with_capacity(verb);
        let mut i = 0;
        while i < verb {
            let bracketed = i + 2 < verb
                && &text[ws[i].start..ws[i].end] == "("
                && is_acronym(&text[ws[i + 1].start..ws[i + 1].end])
                && &text[ws[i + 2].start..ws[i + 2].end] == ")";
            if bracketed {
                i += 3;
            } else {
                kept.push(ws[i]);
                i += 1;
            }
        }
        if kept.len() < verb {
            return subject_ending_at(text, &kept, kept.len());
        }
    }
    subject_ending_at(text, ws, verb)
}

fn subject_ending_at(text: &str, ws: &[Word], verb: usize) -> Option<Mention> {
    let mut end = verb;
    while end > 0 && is(text, ws[end - 1], &AUXILIARIES) {
        end -= 1;
    }
    // Collect back to the start of the sentence or quotation (at most 25 words), keeping
    // commas to see appositives.
    let mut start = end;
    while start > 0 && end - start < 25 {
        let w = ws[start - 1];
        if is_punct(text, w) && &text[w.start..w.end] != "," {
            break;
        }
        start -= 1;
    }
    let mut parts = chunks(text, &ws[start..end]);
    if parts.last().is_some_and(|c| c.is_empty()) {
        parts.pop(); // the comma closing an appositive: "Haddad, the minister, said"
    }
    let last = parts.pop()?;
    if last.is_empty() {
        return None;
    }
    // "Abdulkarim al-Hamdani, a senior official and a member of the team, told…",
    // "Chiu Ya-wen, deputy minister of …, which handles …, said": walk back over up to
    // two appositive or relative chunks to the name.
    if is_appositive(text, &last) {
        // Chunks between the name and the verb, nearest the name last.
        let mut skipped: Vec<Vec<Word>> = vec![last.clone()];
        while let Some(chunk) = parts.pop() {
            let name = after_last_opener(text, &chunk);
            if !name.is_empty() && looks_like_mention(text, name) && is_capitalised(text, name[0]) {
                let appositive = skipped
                    .iter()
                    .rev()
                    .find(|c| !is(text, c[0], &RELATIVES))
                    .map(|c| span_of(c));
                return Some(Mention {
                    span: span_of(name),
                    appositive,
                });
            }
            if skipped.len() == 2 || chunk.is_empty() || !is_appositive(text, &chunk) {
                break;
            }
            skipped.push(chunk);
        }
    }
    let last = after_last_opener(text, &last);
    (!last.is_empty() && looks_like_mention(text, last)).then(|| Mention {
        span: span_of(last),
        appositive: None,
    })
}

/// The subject words of a chunk: before a relative clause ("An IAEA official who asked
/// not to be named" → "An IAEA official"), else after the last clause opener ("when the
/// minister" → "the minister").
fn after_last_opener<'w>(text: &str, ws: &'w [Word]) -> &'w [Word] {
    if let Some(r) = ws.iter().position(|w| is(text, *w, &RELATIVES)) {
        if r > 0 && !ws[..r].iter().any(|w| is(text, *w, &CLAUSE_OPENERS)) {
            return &ws[..r];
        }
    }
    match ws.iter().rposition(|w| is(text, *w, &CLAUSE_OPENERS)) {
        Some(i) => &ws[i + 1..],
        None => ws,
    }
}

/// The subject right after an inverted verb: "said Ahmed Qureshi, the army spokesman".
pub(super) fn subject_after(text: &str, ws: &[Word], verb: usize) -> Option<Mention> {
    let rest = &ws[verb + 1..];
    let stop = rest
        .iter()
        .position(|w| is_punct(text, *w))
        .unwrap_or(rest.len());
    // "said a U.S. official who attended the session": the source ends at "who".
    let stop = rest[..stop]
        .iter()
        .position(|w| is(text, *w, &RELATIVES))
        .unwrap_or(stop);
    let name = &rest[..stop];
    if name.is_empty() || !looks_like_mention(text, name) || is(text, name[0], &PRONOUNS) {
        return None;
    }
    let mut appositive = None;
    if rest.get(stop).is_some_and(|w| &text[w.start..w.end] == ",") {
        let after = &rest[stop + 1..];
        let len = after
            .iter()
            .position(|w| is_punct(text, *w))
            .unwrap_or(after.len());
        if len > 0 && is_appositive(text, &after[..len]) {
            appositive = Some(span_of(&after[..len]));
        }
    }
    Some(Mention {
        span: span_of(name),
        appositive,
    })
}

/// A cue in the text right after a quotation: `, the minister said`, `said Haddad`,
/// `Haddad told reporters`. Only the first few words are searched.
pub fn cue_after(text: &str, range: Range<usize>) -> Option<Mention> {
    cue_after_words(text, &words(text, range))
}

/// `cue_after` on the words of the range.
pub fn cue_after_words(text: &str, ws: &[Word]) -> Option<Mention> {
    let ws: &[Word] = match ws.first() {
        Some(w) if &text[w.start..w.end] == "," => &ws[1..],
        _ => ws,
    };
    let verb = ws.iter().take(18).position(|w| is_speech_verb(text, *w))?;
    if verb == 0 {
        return subject_after(text, ws, 0);
    }
    subject_before(text, ws, verb)
}

/// A cue in the text right before a quotation: `Lavrov said:`, `Haddad told reporters,`,
/// `according to the ministry,`, `Khamenei stated that the US`.
pub fn cue_before(text: &str, range: Range<usize>) -> Option<Mention> {
    cue_before_words(text, &words(text, range))
}

/// `cue_before` on the words of the range.
pub fn cue_before_words(text: &str, ws: &[Word]) -> Option<Mention> {
    if let Some(m) = according_to(text, ws) {
        return Some(m);
    }
    let verb = ws.iter().rposition(|w| is_speech_verb(text, *w))?;
    // "Said Haddad:" only when nothing but the name follows the verb.
    let inverted_at_end = ws[verb + 1..]
        .iter()
        .all(|w| is_capitalised(text, *w) || matches!(&text[w.start..w.end], ":" | ","));
    subject_before(text, ws, verb).or_else(|| {
        inverted_at_end
            .then(|| subject_after(text, ws, verb))
            .flatten()
    })
}

/// "according to X" anywhere in the words: X up to the next punctuation.
pub(super) fn according_to(text: &str, ws: &[Word]) -> Option<Mention> {
    let at = ws
        .windows(2)
        .position(|p| is_word(text, p[0], "according") && is_word(text, p[1], "to"))?;
    let rest = &ws[at + 2..];
    let len = rest
        .iter()
        .position(|w| is_punct(text, *w))
        .unwrap_or(rest.len());
    let name = &rest[..len];
    if name.is_empty()
        || (name.len() == 1 && is(text, name[0], &GENERIC_SOURCES))
        || !looks_like_mention(text, name)
    {
        return None;
    }
    if name.len() <= 2 && is(text, name[name.len() - 1], &GENERIC_SOURCES) {
        return None;
    }
    Some(Mention {
        span: span_of(name),
        appositive: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, m: Option<Mention>) -> Option<(String, Option<String>)> {
        m.map(|m| {
            (
                text[m.span].to_string(),
                m.appositive.map(|a| text[a].to_string()),
            )
        })
    }

    #[test]
    fn cues_after_a_quote() {
        let t = ", Khamenei said.";
        assert_eq!(
            mention(t, cue_after(t, 0..t.len())),
            Some(("Khamenei".into(), None))
        );
        let t = ", said Ahmed Qureshi, the army spokesman.";
        assert_eq!(
            mention(t, cue_after(t, 0..t.len())),
            Some(("Ahmed Qureshi".into(), Some("the army spokesman".into())))
        );
        let t = " Haddad, the foreign minister, told reporters.";
        assert_eq!(
            mention(t, cue_after(t, 0..t.len())),
            Some(("Haddad".into(), Some("the foreign minister".into())))
        );
        let t = ", the Foreign Ministry said in a statement.";
        assert_eq!(
            mention(t, cue_after(t, 0..t.len())),
            Some(("the Foreign Ministry".into(), None))
        );
    }

    #[test]
    fn cues_before_a_quote() {
        let t = "In Moscow, Lavrov said: ";
        assert_eq!(
            mention(t, cue_before(t, 0..t.len())),
            Some(("Lavrov".into(), None))
        );
        let t = "Speaking later, the minister told reporters, ";
        assert_eq!(
            mention(t, cue_before(t, 0..t.len())),
            Some(("the minister".into(), None))
        );
    }
}
