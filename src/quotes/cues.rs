//! Speech cues: the reporting verb ("said", "warned", "told reporters") and the words
//! that name who spoke ("Khamenei", "the foreign minister, Leila Haddad,", "he").

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

/// Verbs that take a clause without "that" ("Haddad said Iran would…").
static BARE_CLAUSE_VERBS: WordSet = WordSet::new(
    "\
    said says told added warned insisted argued stressed noted claimed acknowledged
    admitted conceded predicted confirmed announced declared maintained asserted
    stated emphasized emphasised suggested indicated signalled signaled vowed assured
    reiterated",
);

/// Verbs that close a sentence as its cue ("…, the ministry said in a statement").
static TRAILING_VERBS: WordSet = WordSet::new(
    "\
    said says added told noted insisted warned wrote stressed argued explained replied
    continued claimed stated declared announced tweeted posted cautioned conceded
    admitted",
);

/// Nouns that carry a report ("Trump's indication that…").
static SPEECH_NOUNS: WordSet = WordSet::new(
    "\
    indication statement assertion claim insistence warning pledge promise vow threat
    remarks comments message suggestion argument declaration assurance announcement",
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

/// Finite verbs and modals that mark a clause ("Iran would respond").
static CLAUSE_MARKERS: WordSet = WordSet::new(
    "\
    would will was were is are had has have could can must should might may did does
    do wanted wants remained remains intended intends planned plans needed needs won't
    wouldn't isn't wasn't cannot can't hoped hopes",
);

/// "according to reports" names no source.
static GENERIC_SOURCES: WordSet =
    WordSet::new("reports report data figures estimates documents statistics polls the a");

/// Words that can open the clause after "told reporters": "told reporters the talks…".
static CLAUSE_SUBJECTS: WordSet = WordSet::new("the he she they it we this that its");

/// Verbs whose object comes before the clause: "told reporters (that)…".
static OBJECT_VERBS: WordSet = WordSet::new("told tells assured warned urged reminded informed");

/// Words that open an adjunct between a verb and its clause.
static ADJUNCT_STARTERS: WordSet = WordSet::new(
    "in on at during after before late later earlier early this last yesterday today \
     tonight by via through from when while again also repeatedly separately",
);

/// Words of a short time phrase: "late on Monday", "on Thursday".
static TIME_WORDS: WordSet = WordSet::new(
    "on late early later earlier this last yesterday today tonight monday tuesday \
     wednesday thursday friday saturday sunday morning afternoon evening night week",
);

/// Words after "said" that do not start a clause: "said nothing", "said to be".
static NOT_A_CLAUSE: WordSet = WordSet::new(
    "nothing so little much goodbye yes no to of on in for about with by at from as \
     hello thanks sorry",
);

/// Words joining a second cue to the first: "…, but he stressed that", "and added that".
static JOINERS: WordSet = WordSet::new("and but while though although whereas however");

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
fn is(text: &str, w: Word, list: &WordSet) -> bool {
    list.has_lowered(&text[w.start..w.end])
}

pub fn is_speech_verb(text: &str, w: Word) -> bool {
    is(text, w, &SPEECH_VERBS)
}

fn is_punct(text: &str, w: Word) -> bool {
    !text[w.start..w.end]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

fn is_capitalised(text: &str, w: Word) -> bool {
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
fn subject_after(text: &str, ws: &[Word], verb: usize) -> Option<Mention> {
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
fn according_to(text: &str, ws: &[Word]) -> Option<Mention> {
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

/// A reported clause in a sentence, with who reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    pub clause: Range<usize>,
    pub mention: Mention,
}

fn clause_looks_finite(text: &str, ws: &[Word]) -> bool {
    let Some(&first) = ws.first() else {
        return false;
    };
    let f = lowered(text, first);
    if matches!(
        f.as_str(),
        "to" | "of" | "on" | "for" | "about" | "with" | "in" | "by" | "at" | "against" | "that"
    ) {
        return false;
    }
    ws.iter()
        .take(6)
        .skip(1)
        .take_while(|w| !is_punct(text, **w))
        .any(|w| is(text, *w, &CLAUSE_MARKERS))
}

/// Words to skip after "told"/"assured": its object ("reporters", "a news conference in
/// Geneva") up to "that" or the start of the clause.
fn skip_object(text: &str, ws: &[Word], from: usize) -> usize {
    for i in from..ws.len().min(from + 7) {
        let t = lowered(text, ws[i]);
        if t == "that" || t == "," || t == ":" {
            return i;
        }
        if clause_looks_finite(text, &ws[i..])
            && i > from
            && (is_capitalised(text, ws[i]) || is(text, ws[i], &CLAUSE_SUBJECTS))
        {
            return i;
        }
    }
    from
}

/// Where the reported clause after the verb at `verb` starts, if there is one: after
/// "that", after an object ("told reporters"), after an adjunct ("said in a statement
/// that", "said on Thursday it would"), or right away for a bare finite clause.
fn clause_start(text: &str, ws: &[Word], verb: usize, noun_cue: bool) -> Option<usize> {
    let verb_word = lowered(text, ws[verb]);
    let mut s = verb + 1;
    if is(text, ws[verb], &OBJECT_VERBS) {
        s = skip_object(text, ws, s);
    }
    if ws.get(s).is_some_and(|w| is(text, *w, &ADJUNCT_STARTERS)) {
        let that = ws[s..ws.len().min(s + 10)]
            .iter()
            .position(|w| is_word(text, *w, "that"));
        match that {
            Some(t) => return Some(s + t + 1),
            None => s = skip_time_phrase(text, ws, s),
        }
    }
    if ws
        .get(s)
        .is_some_and(|w| matches!(&text[w.start..w.end], "," | ":"))
    {
        s += 1;
    }
    let next = ws.get(s)?;
    if is_word(text, *next, "that") {
        return Some(s + 1);
    }
    if noun_cue {
        return None;
    }
    // "said" before a noun phrase nearly always reports a clause: "said Iran was…".
    let says = matches!(verb_word.as_str(), "said" | "says" | "say");
    if says && !is(text, *next, &NOT_A_CLAUSE) && !is_punct(text, *next) {
        return Some(s);
    }
    (is(text, ws[verb], &BARE_CLAUSE_VERBS) && clause_looks_finite(text, &ws[s..])).then_some(s)
}

/// "on Thursday", "late on Monday", "yesterday": skipped between a verb and its clause.
fn skip_time_phrase(text: &str, ws: &[Word], from: usize) -> usize {
    let mut s = from;
    while s < ws.len().min(from + 4) && is(text, ws[s], &TIME_WORDS) {
        s += 1;
    }
    s
}

/// Reported speech in one sentence: "X said (that) …", "X warned …", "…, X said",
/// "according to X, …", "X's indication that …", several per sentence ("X said …, but
/// he stressed that …"; "He stated … and emphasized that …"). `ws` are the sentence's
/// words.
pub fn reported_clauses(text: &str, ws: &[Word]) -> Vec<Reported> {
    let sentence_end = ws
        .iter()
        .rposition(|w| !matches!(&text[w.start..w.end], "." | "!" | "?" | "\"" | "”" | "’"))
        .map_or(0, |i| i + 1);
    let ws = &ws[..sentence_end];
    // (first word of the cue, mention, first word of the clause)
    let mut cues: Vec<(usize, Mention, usize)> = Vec::new();
    for i in 0..ws.len() {
        let w = ws[i];
        // The possessive is looked at only before a speech noun (rare).
        let possessive_before = || {
            i > 0 && {
                let p = lowered(text, ws[i - 1]);
                p.ends_with("'s") || p.ends_with("’s")
            }
        };
        let noun_cue = is(text, w, &SPEECH_NOUNS) && possessive_before();
        if !(is_speech_verb(text, w) || noun_cue) {
            continue;
        }
        let shared = i > 0 && is(text, ws[i - 1], &JOINERS) && !cues.is_empty();
        let (cue_start, mention) = if noun_cue {
            let m = Mention {
                span: ws[i - 1].start..ws[i - 1].end,
                appositive: None,
            };
            (i - 1, m)
        } else if shared {
            (i - 1, cues[cues.len() - 1].1.clone())
        } else {
            let Some(m) = subject_before(text, ws, i) else {
                continue;
            };
            (
                ws.iter().position(|x| x.start >= m.span.start).unwrap_or(i),
                m,
            )
        };
        let Some(start) = clause_start(text, ws, i, noun_cue) else {
            continue;
        };
        if cues.last().is_some_and(|c| cue_start <= c.2) {
            continue; // inside the previous cue's own words
        }
        cues.push((cue_start, mention, start));
    }
    let mut out = Vec::new();
    for k in 0..cues.len() {
        let start = cues[k].2;
        let mut end = cues.get(k + 1).map_or(ws.len(), |c| c.0);
        while end > start && (is(text, ws[end - 1], &JOINERS) || is_punct(text, ws[end - 1])) {
            end -= 1;
        }
        if end > start {
            out.push(Reported {
                clause: ws[start].start..ws[end - 1].end,
                mention: cues[k].1.clone(),
            });
        }
    }
    if out.is_empty() {
        out.extend(trailing_cue(text, ws));
    }
    out
}

/// "…, the ministry said (in a statement)." and "…, according to X." at a sentence's end.
fn trailing_cue(text: &str, ws: &[Word]) -> Option<Reported> {
    let comma = ws.iter().rposition(|w| &text[w.start..w.end] == ",")?;
    if comma < 3 {
        return None;
    }
    let tail = &ws[comma + 1..];
    if tail.len() > 12 {
        return None;
    }
    let mention = according_to(text, tail).or_else(|| {
        let verb = tail
            .iter()
            .take(8)
            .position(|w| is(text, *w, &TRAILING_VERBS))?;
        if verb == 0 {
            subject_after(text, tail, 0)
        } else {
            subject_before(text, tail, verb)
        }
    })?;
    Some(Reported {
        clause: ws[0].start..ws[comma - 1].end,
        mention,
    })
}

/// "According to X, …" at a sentence's start.
pub fn leading_according_to(text: &str, ws: &[Word]) -> Option<Reported> {
    if ws.len() < 5 || !is_word(text, ws[0], "according") {
        return None;
    }
    let mention = according_to(text, &ws[..ws.len().min(12)])?;
    let comma = ws
        .iter()
        .position(|w| w.start >= mention.span.end && &text[w.start..w.end] == ",")?;
    let last = ws
        .iter()
        .rposition(|w| !matches!(&text[w.start..w.end], "." | "!" | "?"))?;
    (last > comma).then(|| Reported {
        clause: ws[comma + 1].start..ws[last].end,
        mention,
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

    #[test]
    fn reported_speech_with_two_verbs_sharing_a_subject() {
        let t = "He stated that the US will not succeed and emphasized that the country would continue.";
        let r = reported_clauses(t, &words(t, 0..t.len()));
        let clauses: Vec<_> = r.iter().map(|r| &t[r.clause.clone()]).collect();
        assert_eq!(
            clauses,
            ["the US will not succeed", "the country would continue"]
        );
        assert_eq!(&t[r[1].mention.span.clone()], "He");
    }

    #[test]
    fn reported_speech_without_that_and_after_the_clause() {
        let t = "Foreign Minister Leila Haddad said Iran would respond in kind.";
        let r = reported_clauses(t, &words(t, 0..t.len()));
        assert_eq!(&t[r[0].clause.clone()], "Iran would respond in kind");
        assert_eq!(
            &t[r[0].mention.span.clone()],
            "Foreign Minister Leila Haddad"
        );
        let t = "Iran would respond to any attack, the ministry said.";
        let r = reported_clauses(t, &words(t, 0..t.len()));
        assert_eq!(&t[r[0].clause.clone()], "Iran would respond to any attack");
        let t = "Iran has repeatedly stated its willingness to negotiate.";
        assert!(reported_clauses(t, &words(t, 0..t.len())).is_empty());
    }
}
