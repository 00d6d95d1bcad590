//! Speakers: the words at a cue turned into a name. Titles are split from names
//! ("Iranian Supreme Leader Ali Khamenei" → "Ali Khamenei", role "supreme leader"), a
//! later surname or title alone resolves to the person, he/she to the last person named,
//! organisations speak for themselves, and unnamed sources stay unnamed.

use super::cues::{self, Word};
use super::names::{
    adjective_for_possessive, is_name_particle, is_person_name, last_country_adjective,
    split_title, strip_possessive, WordSet, DEMONYMS, ORG_HEADS, SOURCE_NOUNS, TITLES,
};
use super::sentences::{paragraphs, sentences};
use super::{Quote, QuoteKind, Speaker};
use std::collections::HashMap;
use std::ops::Range;

fn lower_words(s: &str) -> Vec<String> {
    cues::words(s, 0..s.len())
        .into_iter()
        .map(|w| cues::lower(s, w))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
        .collect()
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq)]
struct Person {
    name: String,
    role: Option<String>,
}

impl Person {
    /// The words a later mention may use alone: the last ("Khamenei") and, for names
    /// written family name first, the first ("Huang" of "Huang Mei-ling").
    fn short_names(&self) -> impl Iterator<Item = &str> {
        let words: Vec<&str> = self.name.split(' ').collect();
        let first = if words.len() > 1 {
            words.first().copied()
        } else {
            None
        };
        words.last().copied().into_iter().chain(first)
    }

    fn is_called(&self, mention: &str) -> bool {
        self.name == mention
            || self.name.ends_with(&format!(" {mention}"))
            || self.short_names().any(|w| w == mention)
    }

    /// Whether every word of a role mention ("deputy minister") is in this person's role
    /// ("deputy foreign minister").
    fn has_role(&self, words: &[String]) -> bool {
        let Some(role) = &self.role else { return false };
        let role: Vec<&str> = role.split_whitespace().collect();
        !words.is_empty() && words.iter().all(|w| role.contains(&w.as_str()))
    }
}

/// Calls `f` with every run of capitalised words in the article, and the words of its
/// paragraph.
fn for_each_capitalised_run(text: &str, mut f: impl FnMut(&[Word], Range<usize>)) {
    for para in paragraphs(text) {
        let ws = cues::words(text, para);
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
    let before = run.start.checked_sub(1).map(|b| cues::lower(text, ws[b]));
    let mut first = run.start;
    // "Minister for Reintegration Victor Rusnac": that word is the role's.
    if matches!(before.as_deref(), Some("for" | "of")) && run.len() >= 3 {
        first += 1;
    }
    let span = ws[first].start..ws[run.end - 1].end;
    let (name, role) = split_title(&text[span]);
    // "in El Fasher", "the Viv Ansanm coalition": places and names of things.
    let place_like =
        before.as_deref().is_some_and(|b| NOT_PERSON_AFTER.has(b)) && first == run.start;
    if is_person_name(&name) && !place_like {
        let role = role
            .or_else(|| title_before(text, &ws[..run.start]))
            .or_else(|| appositive_before(text, &ws[..run.start]))
            .or_else(|| appositive_after(text, &ws[run.end..]));
        found.push(Person { name, role });
    }
}

/// Words after which a capitalised run is a place or a thing, not a person.
static NOT_PERSON_AFTER: WordSet = WordSet::new(
    "the in at near into across around outside inside off over through via toward towards \
     of from to",
);

/// An organisation named by a capitalised run ("the Chinese Commerce Ministry"), so a
/// later "the ministry" or "Commerce Ministry" resolves to the full name.
fn organisation_at(
    text: &str,
    ws: &[Word],
    run: Range<usize>,
    found: &mut Vec<(String, Vec<usize>)>,
) {
    let last = cues::lower(text, ws[run.end - 1]);
    if !ORG_HEADS.has(strip_possessive(&last)) {
        return;
    }
    let mut start = run.start + usize::from(cues::lower(text, ws[run.start]) == "the");
    // "Egypt's Foreign Ministry": the possessive country belongs to the name.
    if start == run.start && start > 0 {
        let before = &text[ws[start - 1].start..ws[start - 1].end];
        let capital = before.chars().next().is_some_and(|c| c.is_uppercase());
        if capital && (before.ends_with("'s") || before.ends_with("’s")) {
            start -= 1;
            // "South Korea's": the whole country name.
            while start > 0
                && text[ws[start - 1].start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            {
                start -= 1;
            }
        }
    }
    if start < run.end {
        let name = adjective_for_possessive(strip_possessive(
            &text[ws[start].start..ws[run.end - 1].end],
        ));
        match found.iter_mut().find(|(known, _)| *known == name) {
            Some((_, positions)) => positions.push(ws[start].start),
            None => found.push((name, vec![ws[start].start])),
        }
    }
}

/// People and organisations named in the article, in one pass over its capitalised runs.
fn named_entities(text: &str) -> (Vec<Person>, Vec<(String, Vec<usize>)>) {
    let (mut people, mut organisations) = (Vec::new(), Vec::new());
    for_each_capitalised_run(text, |ws, run| {
        person_at(text, ws, run.clone(), &mut people);
        organisation_at(text, ws, run, &mut organisations);
    });
    (people, organisations)
}

/// Lower-case title words right before a name: "special envoy" in "U.S. special envoy".
fn title_before(text: &str, before: &[Word]) -> Option<String> {
    let n = before
        .iter()
        .rev()
        .take_while(|w| TITLES.has(&cues::lower(text, **w)))
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
    let first = cues::lower(text, *chunk.first()?);
    let last = cues::lower(text, *chunk.last()?);
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
    let first = cues::lower(text, *rest.first()?);
    let role_like = matches!(first.as_str(), "the" | "a" | "an" | "his" | "her")
        || first.ends_with("'s")
        || first.ends_with("’s");
    (role_like && len > 1).then(|| clean_role(&text[rest[0].start..rest[len - 1].end]))
}

/// The run of capitalised words (and name particles between them) starting at `i`.
fn capitalised_run(text: &str, ws: &[Word], i: usize) -> Range<usize> {
    let cap = |w: Word| {
        text[w.start..w.end]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
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
        let lw = cues::lower(text, w);
        if cap(w)
            || ((is_name_particle(&lw) || lw == "of") && ws.get(end + 1).is_some_and(|n| cap(*n)))
        {
            end += 1;
        } else {
            break;
        }
    }
    i..end
}

/// Where a known person is named.
struct Mention {
    pos: usize,
    person: usize,
    subject: bool,
}

/// Everything attribution knows about an article.
pub struct Attributor<'a> {
    text: &'a str,
    people: Vec<Person>,
    /// Each organisation named, with the positions where it is named (in text order).
    organisations: Vec<(String, Vec<usize>)>,
    /// Every mention of a known person, in text order.
    mentions: Vec<Mention>,
    aliases: &'a HashMap<String, String>,
}

impl<'a> Attributor<'a> {
    pub fn new(text: &'a str, quotes: &[Quote], aliases: &'a HashMap<String, String>) -> Self {
        let mut a = Attributor {
            text,
            people: Vec::new(),
            organisations: Vec::new(),
            mentions: Vec::new(),
            aliases,
        };
        let (people, organisations) = named_entities(text);
        a.organisations = organisations;
        for p in people {
            a.add_person(p);
        }
        // Full names at cues ("…," said Ahmed Qureshi) are people too.
        for q in quotes {
            if let Some(m) = &q.mention {
                let (name, role) = split_title(&text[m.span.clone()]);
                let known = a.people.iter().any(|p| p.is_called(&name));
                if is_person_name(&name) && !known {
                    let role = role.or_else(|| m.appositive.clone().map(|r| clean_role(&text[r])));
                    a.add_person(Person { name, role });
                }
            }
        }
        a.index_mentions(quotes);
        a
    }

    /// Adds a person unless already known under this or a fuller name; a fuller name
    /// replaces a shorter one seen first ("Fernández Ochoa" then "Yanelis Fernández Ochoa").
    fn add_person(&mut self, p: Person) {
        if let Some(known) = self.people.iter_mut().find(|q| q.is_called(&p.name)) {
            if known.role.is_none() {
                known.role = p.role;
            }
        } else if let Some(shorter) = self.people.iter_mut().find(|q| p.is_called(&q.name)) {
            let role = shorter.role.take().or(p.role.clone());
            *shorter = Person { role, ..p };
        } else {
            self.people.push(p);
        }
    }

    /// Every place a known person's surname appears outside quoted words (a name inside
    /// a quotation is not who is speaking). A mention is a subject when it is the first
    /// in its sentence or sits at a speech cue.
    fn index_mentions(&mut self, quotes: &[Quote]) {
        let mut by_surname: HashMap<&str, usize> = HashMap::new();
        // Surnames only: a first name ("Ali") is shared by too many people.
        for (i, p) in self.people.iter().enumerate() {
            if let Some(surname) = p.name.rsplit(' ').next() {
                by_surname.entry(surname).or_insert(i);
            }
        }
        let quoted: Vec<Range<usize>> = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| q.span.clone())
            .collect();
        let mut cue_starts: Vec<usize> = quotes
            .iter()
            .filter_map(|q| q.mention.as_ref().map(|m| m.span.start))
            .collect();
        cue_starts.sort_unstable();
        // Quotes are in text order and do not overlap: binary searches keep this linear.
        let in_quote = |pos: usize| {
            let i = quoted.partition_point(|q| q.start <= pos);
            i > 0 && quoted[i - 1].contains(&pos)
        };
        let at_cue = |pos: usize| {
            let i = cue_starts.partition_point(|&c| c <= pos);
            i > 0 && pos < cue_starts[i - 1] + 80
        };
        for para in paragraphs(self.text) {
            for sentence in sentences(self.text, para) {
                let mut first_in_sentence = true;
                for w in cues::words(self.text, sentence) {
                    if in_quote(w.start) {
                        continue;
                    }
                    let word = strip_possessive(&self.text[w.start..w.end]);
                    if let Some(&i) = by_surname.get(word) {
                        let i: usize = i;
                        self.mentions.push(Mention {
                            pos: w.start,
                            person: i,
                            subject: first_in_sentence || at_cue(w.start),
                        });
                        first_in_sentence = false;
                    }
                }
            }
        }
    }

    /// The person a he/she at `pos` refers to: the last subject named before it, or
    /// failing that the last person named.
    fn antecedent(&self, pos: usize) -> Option<usize> {
        let before = &self.mentions[..self.mentions.partition_point(|m| m.pos < pos)];
        before
            .iter()
            .rev()
            .find(|m| m.subject)
            .or(before.last())
            .map(|m| m.person)
    }

    fn last_person_before(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.pos < pos);
        i.checked_sub(1).map(|i| self.mentions[i].person)
    }

    fn person(&self, i: usize, mention: &str) -> Speaker {
        let p = &self.people[i];
        Speaker {
            name: Some(self.canonical(&p.name)),
            role: p.role.clone(),
            mention: Some(mention.to_string()),
        }
    }

    /// The organisation named in full whose name ends with these words ("ministry",
    /// "Commerce Ministry"); the last one named wins.
    /// The organisation these words ("ministry", "Commerce Ministry") refer to at `pos`:
    /// among the names that end with (or, failing that, contain) them, preferring fuller
    /// names, the one named last before `pos`.
    fn organisation(&self, words: &str, pos: usize) -> Option<String> {
        let words = adjective_for_possessive(strip_possessive(words.trim()));
        let lower = words.to_lowercase();
        let pick = |matches: &dyn Fn(&str) -> bool| {
            let found: Vec<&(String, Vec<usize>)> = self
                .organisations
                .iter()
                .filter(|(o, _)| matches(&o.to_lowercase()))
                .collect();
            // "Commission" alone is dropped when "European Commission" is also named.
            let fuller = found.iter().any(|(o, _)| o.to_lowercase() != lower);
            let found: Vec<_> = found
                .into_iter()
                .filter(|(o, _)| !fuller || o.to_lowercase() != lower)
                .collect();
            let last_before = |positions: &[usize]| {
                let i = positions.partition_point(|&at| at < pos);
                i.checked_sub(1).map(|i| positions[i])
            };
            found
                .iter()
                .filter_map(|(o, positions)| last_before(positions).map(|at| (at, o)))
                .max_by_key(|(at, _)| *at)
                .map(|(_, o)| o.clone())
                .or_else(|| found.first().map(|(o, _)| o.clone()))
        };
        let ends = |o: &str| o == lower || o.ends_with(&format!(" {lower}"));
        let contains = |o: &str| format!(" {o} ").contains(&format!(" {lower} "));
        if let Some(full) = pick(&ends).or_else(|| pick(&contains)) {
            return Some(full);
        }
        words
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase())
            .then_some(words)
    }

    fn canonical(&self, name: &str) -> String {
        self.aliases
            .get(&name.to_lowercase())
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// The speaker of each quote, in order; a quote with no cue takes the speaker of the
    /// previous quote in the same or the previous paragraph, else the last person named.
    pub fn attribute(&self, quotes: &[Quote]) -> Vec<Speaker> {
        let mut out: Vec<Speaker> = Vec::with_capacity(quotes.len());
        for (k, q) in quotes.iter().enumerate() {
            let speaker = match &q.mention {
                Some(m) => self.resolve(m.span.clone(), m.appositive.clone()),
                None => {
                    // The previous quote's speaker, unless somebody else is named between.
                    let previous = k
                        .checked_sub(1)
                        .filter(|&j| self.close(quotes[j].span.end, q.span.start))
                        .filter(|&j| !self.named_between(quotes[j].span.end, q.span.start))
                        .map(|j| out[j].clone())
                        .filter(|s| s.name.is_some());
                    previous.unwrap_or_else(|| match self.last_person_before(q.span.start) {
                        Some(i) => Speaker {
                            mention: None,
                            ..self.person(i, "")
                        },
                        None => Speaker::default(),
                    })
                }
            };
            out.push(speaker);
        }
        out
    }

    /// Whether two positions are in the same or adjacent paragraphs.
    fn close(&self, a: usize, b: usize) -> bool {
        a <= b && self.text[a..b].matches('\n').count() <= 2
    }

    fn named_between(&self, a: usize, b: usize) -> bool {
        self.mentions.iter().any(|m| a <= m.pos && m.pos < b)
    }

    /// Resolves the words at a cue to a speaker.
    fn resolve(&self, span: Range<usize>, appositive: Option<Range<usize>>) -> Speaker {
        let raw = self.text[span.clone()].trim();
        let words = lower_words(raw);
        let mention = Some(raw.to_string());
        let unnamed = Speaker {
            name: None,
            role: None,
            mention: mention.clone(),
        };
        let Some(first) = words.first() else {
            return unnamed;
        };
        if words.len() == 1 && matches!(first.as_str(), "he" | "she") {
            return match self.antecedent(span.start) {
                Some(i) => self.person(i, raw),
                None => unnamed,
            };
        }
        if words.len() == 1 && first == "who" {
            // "…Osman Abdelrahim, who told reporters": the person just named.
            return match self.last_person_before(span.start) {
                Some(i) => self.person(i, raw),
                None => unnamed,
            };
        }
        if words.len() == 1 && matches!(first.as_str(), "they" | "it") {
            return unnamed;
        }
        let capitalised = raw.chars().next().is_some_and(|c| c.is_uppercase())
            && !matches!(
                first.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "one"
                    | "two"
                    | "three"
                    | "several"
                    | "some"
                    | "many"
                    | "officials"
                    | "diplomats"
                    | "sources"
            );
        if capitalised {
            return self.resolve_name(raw, span.start, appositive);
        }
        let head = strip_possessive(words.last().map(String::as_str).unwrap_or(""));
        let has_proper = raw
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        let titled = TITLES.has(head) && !ORG_HEADS.has(head);
        if first == "the" && !titled && (has_proper || ORG_HEADS.has(head)) {
            // "the Foreign Ministry", "the ministry": the organisation named in full earlier.
            // Past "the" and whatever whitespace follows it (a thin space is three bytes).
            let rest = raw.split_once(char::is_whitespace).map_or("", |(_, r)| r);
            if let Some(org) = self.organisation(rest.trim_start(), span.start) {
                return Speaker {
                    name: Some(self.canonical(&org)),
                    role: None,
                    mention,
                };
            }
        }
        if SOURCE_NOUNS.has(head) && first != "the"
            || matches!(
                first.as_str(),
                "a" | "an" | "one" | "two" | "three" | "several" | "some" | "many"
            )
        {
            return unnamed;
        }
        if first == "the" && !ORG_HEADS.has(head) {
            // "the deputy minister", "the Rwandan minister": the last person whose role
            // has these words (nationalities aside).
            let role: Vec<String> = words[1..]
                .iter()
                .filter(|w| !DEMONYMS.has(w) && !w.contains('.'))
                .cloned()
                .collect();
            let role = &role[..];
            let before = self.mentions.iter().rev().filter(|m| m.pos < span.start);
            for &Mention { person: i, .. } in before {
                if self.people[i].has_role(role) {
                    return self.person(i, raw);
                }
            }
            if let Some(i) = self.people.iter().position(|p| p.has_role(role)) {
                return self.person(i, raw);
            }
        }
        unnamed
    }

    fn resolve_name(&self, raw: &str, pos: usize, appositive: Option<Range<usize>>) -> Speaker {
        // "Its Foreign Ministry": the ministry of the country named last.
        if let Some(rest) = raw.strip_prefix("Its ") {
            if let Some(adjective) = last_country_adjective(&self.text[..pos]) {
                let org = format!("{adjective} {rest}");
                return Speaker {
                    name: Some(self.canonical(&self.organisation(&org, pos).unwrap_or(org))),
                    role: None,
                    mention: Some(raw.to_string()),
                };
            }
        }
        let (name, role) = split_title(raw);
        let role = role.or_else(|| appositive.map(|r| clean_role(&self.text[r])));
        if let Some(i) = self.people.iter().position(|p| p.name == name) {
            let mut s = self.person(i, raw);
            s.role = s.role.or(role);
            return s;
        }
        if let Some(i) = self.people.iter().position(|p| p.is_called(&name)) {
            return self.person(i, raw);
        }
        if role.is_none() && !is_person_name(&name) {
            if let Some(org) = self.organisation(&name, pos) {
                return Speaker {
                    name: Some(self.canonical(&org)),
                    role: None,
                    mention: Some(raw.to_string()),
                };
            }
        }
        let lower = name.to_lowercase();
        if lower.split(' ').any(|w| SOURCE_NOUNS.has(w)) && !is_person_name(&name) {
            return Speaker {
                name: None,
                role: None,
                mention: Some(raw.to_string()),
            };
        }
        Speaker {
            name: Some(self.canonical(&name)),
            role,
            mention: Some(raw.to_string()),
        }
    }
}

/// "the foreign minister," → "foreign minister"; "Iran's top diplomat" → "top diplomat".
fn clean_role(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::extract::extract;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let quotes = extract(text);
        let aliases = HashMap::new();
        Attributor::new(text, &quotes, &aliases)
            .attribute(&quotes)
            .into_iter()
            .map(|s| (s.name.unwrap_or_else(|| "-".into()), s.role))
            .collect()
    }

    #[test]
    fn titles_split_from_names() {
        assert_eq!(
            split_title("Iranian Supreme Leader Ali Khamenei"),
            ("Ali Khamenei".into(), Some("supreme leader".into()))
        );
        assert_eq!(
            split_title("President Donald Trump"),
            ("Donald Trump".into(), Some("president".into()))
        );
        assert_eq!(split_title("Trump’s"), ("Trump".into(), None));
    }

    #[test]
    fn surnames_pronouns_and_titles_resolve_to_the_person() {
        let t = "Foreign Minister Leila Haddad spoke on Monday.\n\
                 \"We are ready,\" Haddad said.\n\
                 She said that Iran would respond.\n\
                 \"No deal,\" the foreign minister added.";
        let s = speakers(t);
        assert_eq!(s.len(), 3);
        for (name, role) in s {
            assert_eq!(name, "Leila Haddad");
            assert_eq!(role.as_deref(), Some("foreign minister"));
        }
    }

    #[test]
    fn organisations_and_unnamed_sources() {
        let t = "\"We reject it,\" the Foreign Ministry said in a statement.\n\"Talks are stuck,\" a senior diplomat said.";
        assert_eq!(
            speakers(t),
            [("Foreign Ministry".into(), None), ("-".into(), None)]
        );
    }
}
