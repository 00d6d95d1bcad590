//! People named in an article: which capitalised words name a person (not a place, a
//! country or the words of an organisation's name), with the role a title in front or
//! an appositive gives them, found in one pass over the article's capitalised runs that
//! also collects its organisations and places.

use super::cues::{self, Word};
use super::names::strip_possessive;
use super::names::{
    is_country, is_name_particle, is_person_name, split_title, WordSet, PERSON_NAME_WORDS, TITLES,
};
use super::organisations::Organisations;
use super::segment::Segments;
use super::words::ends_with_word;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// A person named in the article.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Person {
    pub(super) name: String,
    pub(super) role: Option<String>,
    /// An appositive role beside a title ("Lieutenant General Somchai Rattanakorn, the
    /// regional commander,"), for "the commander" to find them.
    pub(super) described: Option<String>,
}

impl Person {
    /// The words a later mention may use alone: the last ("Khamenei") and, for names
    /// written family name first, the first ("Huang" of "Huang Mei-ling").
    fn short_names(&self) -> impl Iterator<Item = &str> {
        let name = self.name.as_str();
        let spaces = name.as_bytes();
        let last = spaces
            .iter()
            .rposition(|&b| b == b' ')
            .map_or(name, |i| &name[i + 1..]);
        let first = spaces.iter().position(|&b| b == b' ').map(|i| &name[..i]);
        std::iter::once(last).chain(first)
    }

    pub(super) fn is_called(&self, mention: &str) -> bool {
        self.name == mention
            || ends_with_word(&self.name, mention)
            || self.short_names().any(|w| w == mention)
    }

    /// Whether every word of a role mention ("deputy minister") is in this person's role
    /// ("deputy foreign minister").
    pub(super) fn has_role(&self, words: &[String]) -> bool {
        [&self.role, &self.described]
            .into_iter()
            .flatten()
            .any(|role| {
                let role: Vec<&str> = role.split_whitespace().collect();
                !words.is_empty() && words.iter().all(|w| role.contains(&w.as_str()))
            })
    }
}

/// Calls `f` with every run of capitalised words in the article, and the words of its
/// paragraph.
fn for_each_capitalised_run(seg: &Segments, mut f: impl FnMut(&[Word], Range<usize>)) {
    let text = seg.text;
    for para in &seg.paragraphs {
        let ws = seg.words(para.clone());
        let mut i = 0;
        while i < ws.len() {
            let run = capitalised_run(text, &ws, i);
            i = if run.is_empty() { i + 1 } else { run.end };
            if !run.is_empty() {
                f(&ws, run);
            }
        }
    }
}

/// A person named by a capitalised run, with the role found next to them: a title in
/// front ("President Donald Trump", "U.S. special envoy Marcus Halloway") or an
/// appositive after ("Daniel Whitcomb, the U.S. envoy,"). These are who a later
/// surname, title or pronoun can refer to.
fn person_at(text: &str, ws: &[Word], run: Range<usize>, found: &mut Vec<Person>) {
    let before = run.start.checked_sub(1).map(|b| cues::lowered(text, ws[b]));
    let mut first = run.start;
    // "Minister for Reintegration Victor Rusnac": that word is the role's.
    if matches!(before.as_deref(), Some("for" | "of")) && run.len() >= 3 {
        first += 1;
    }
    // "In Addis Ababa," at the start of a sentence.
    let opens =
        NOT_PERSON_AFTER.has_lowered(&text[ws[first].start..ws[first].end]) && run.len() > 1;
    let name_start = first + usize::from(opens);
    // "in El Fasher", "the Viv Ansanm coalition": places and names of things.
    let place_like =
        opens || before.as_deref().is_some_and(|b| NOT_PERSON_AFTER.has(b)) && first == run.start;
    // Ruled out before splitting the title, which costs more: a name split from fewer
    // words than a person's name has is none.
    if place_like || run.end - name_start < *PERSON_NAME_WORDS.start() {
        return;
    }
    let span = ws[name_start].start..ws[run.end - 1].end;
    let (name, role) = split_title(&text[span]);
    if is_person_name(&name) && !is_country(&name) {
        let role = role
            .or_else(|| title_before(text, &ws[..run.start]))
            .or_else(|| appositive_before(text, &ws[..run.start]));
        let described = appositive_after(text, &ws[run.end..]);
        let (role, described) = match role {
            Some(role) => (Some(role), described),
            None => (described, None),
        };
        found.push(Person {
            name,
            role,
            described,
        });
    }
}

/// Words after which a capitalised run is a place or a thing, not a person.
static NOT_PERSON_AFTER: WordSet = WordSet::new(
    "the in at near into across around outside inside off over through via toward towards \
     of from to",
);

/// Words after which a capitalised run is a place: "in Phnom Penh", "from Banja Luka".
static PLACE_AFTER: WordSet =
    WordSet::new("in at near into across around outside inside via toward towards from");

/// The people, organisations and places named in the article, in one pass over its
/// capitalised runs. A run inside an organisation's name is not a person ("Ministry of
/// Foreign Affairs and International Cooperation").
pub(super) fn named_entities(seg: &Segments) -> (Vec<Person>, Organisations, FxHashSet<String>) {
    let text = seg.text;
    let (mut people, mut organisations) = (Vec::new(), Organisations::default());
    let mut places = FxHashSet::default();
    let mut organisation_end = 0;
    for_each_capitalised_run(seg, |ws, run| {
        if ws[run.start].start >= organisation_end {
            person_at(text, ws, run.clone(), &mut people);
        }
        let opens = PLACE_AFTER.has_lowered(&text[ws[run.start].start..ws[run.start].end]);
        let after = run.start > 0
            && PLACE_AFTER.has_lowered(&text[ws[run.start - 1].start..ws[run.start - 1].end]);
        // "in El Fasher", "from Addis Ababa"; a lone "Via" after "from" names nothing.
        let first = run.start + usize::from(opens);
        if (opens || after) && first < run.end {
            let place = &text[ws[first].start..ws[run.end - 1].end];
            places.insert(strip_possessive(place).to_string());
        }
        if ws[run.start].start >= organisation_end {
            if let Some(end) = organisations.add_at(text, ws, run) {
                organisation_end = ws[end - 1].end;
            }
        }
    });
    (people, organisations, places)
}

/// Lower-case title words right before a name: "special envoy" in "U.S. special envoy".
fn title_before(text: &str, before: &[Word]) -> Option<String> {
    let n = before
        .iter()
        .rev()
        .take_while(|w| TITLES.has_lowered(&text[w.start..w.end]))
        .count();
    let words: Vec<String> = before[before.len() - n..]
        .iter()
        .map(|w| cues::lower(text, *w))
        .filter(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A role just before a name and its comma: "The U.S. envoy, Daniel Whitcomb," →
/// "u.s. envoy".
fn appositive_before(text: &str, before: &[Word]) -> Option<String> {
    let (comma, rest) = before.split_last()?;
    if &text[comma.start..comma.end] != "," {
        return None;
    }
    let start = rest
        .iter()
        .rposition(|w| {
            let t = &text[w.start..w.end];
            !t.chars().next().is_some_and(|c| c.is_alphanumeric()) && !t.contains('.')
        })
        .map_or(0, |i| i + 1);
    let chunk = &rest[start..];
    let first = cues::lowered(text, *chunk.first()?);
    let last = cues::lowered(text, *chunk.last()?);
    (matches!(first.as_str(), "the" | "a" | "an") && TITLES.has(&last) && chunk.len() <= 6)
        .then(|| clean_role(&text[chunk[0].start..chunk[chunk.len() - 1].end]))
}

/// An appositive role right after a name: ", the U.S. envoy," → "u.s. envoy".
fn appositive_after(text: &str, after: &[Word]) -> Option<String> {
    if after.first().is_none_or(|w| &text[w.start..w.end] != ",") {
        return None;
    }
    let rest = &after[1..];
    let len = rest
        .iter()
        .take(9)
        .position(|w| matches!(&text[w.start..w.end], "," | "." | ";" | ":"))?;
    let first = cues::lowered(text, *rest.first()?);
    let role_like = matches!(first.as_str(), "the" | "a" | "an" | "his" | "her")
        || first.ends_with("'s")
        || first.ends_with("’s");
    (role_like && len > 1).then(|| clean_role(&text[rest[0].start..rest[len - 1].end]))
}

/// The run of capitalised words (and name particles between them) starting at `i`.
pub(super) fn capitalised_run(text: &str, ws: &[Word], i: usize) -> Range<usize> {
    // Called for every word of the article: ASCII without decoding.
    let cap = |w: Word| match text.as_bytes().get(w.start) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text[w.start..w.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase()),
    };
    if !cap(ws[i]) {
        return i..i;
    }
    let mut end = i + 1;
    while end < ws.len() {
        // A possessive ends a name: "Khamenei’s Stance" is not a person.
        let previous = &text[ws[end - 1].start..ws[end - 1].end];
        if previous.ends_with("'s") || previous.ends_with("’s") {
            break;
        }
        // A nickname in quotes inside a name: Jean-Robert “Bazooka” Mercidieu.
        if end + 3 < ws.len()
            && matches!(&text[ws[end].start..ws[end].end], "“" | "\"")
            && cap(ws[end + 1])
            && matches!(&text[ws[end + 2].start..ws[end + 2].end], "”" | "\"")
            && cap(ws[end + 3])
        {
            end += 4;
            continue;
        }
        let w = ws[end];
        let particle = || {
            let lw = cues::lowered(text, w);
            is_name_particle(&lw) || lw == "of"
        };
        if cap(w) || (particle() && ws.get(end + 1).is_some_and(|n| cap(*n))) {
            end += 1;
        } else {
            break;
        }
    }
    i..end
}

/// "the foreign minister," → "foreign minister"; "Iran's top diplomat" → "top diplomat".
pub(super) fn clean_role(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let skip = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        ) || w.ends_with("'s")
            || w.ends_with("’s")
    });
    words[usize::from(skip)..]
        .join(" ")
        .trim_end_matches(',')
        .to_lowercase()
}
