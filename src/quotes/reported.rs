//! Indirect speech: the clauses a sentence reports ("Haddad said *Iran would respond*",
//! "*Iran would respond*, the ministry said", "according to the envoy, …") and who
//! reported each. The words that name the speaker are found by `cues`.

use super::cues::{
    according_to, is, is_capitalised, is_punct, is_speech_verb, subject_after, subject_before,
    Mention,
};
use super::names::WordSet;
use super::words::{is_word, lowered, Word};
use std::ops::Range;

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

/// Finite verbs and modals that mark a clause ("Iran would respond").
static CLAUSE_MARKERS: WordSet = WordSet::new(
    "\
    would will was were is are had has have could can must should might may did does
    do wanted wants remained remains intended intends planned plans needed needs won't
    wouldn't isn't wasn't cannot can't hoped hopes",
);

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
    use crate::quotes::words::words;

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
