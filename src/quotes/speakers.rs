//! The words at a cue resolved to a speaker: a pronoun to the person (or, for "it", the
//! organisation) it refers to, a name or title to the person or organisation the
//! article names, a description ("The commander of …") to the person the article ties
//! it to, also when the name only comes after it, and unnamed sources to nobody.

use super::attribute::{names_a_source, Attributor, Mention, Seen};
use super::names::WordSet;
use super::names::{
    adjective_for_possessive, is_person_name, last_country_adjective, split_title,
    strip_possessive, DEMONYMS, ORG_HEADS, SOURCE_NOUNS, TITLES,
};
use super::organisations::noun_phrase;
use super::people::clean_role;
use super::Speaker;
use std::ops::Range;

fn lower_words(s: &str) -> Vec<String> {
    super::cues::words(s, 0..s.len())
        .into_iter()
        .map(|w| super::cues::lowered(s, w))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
        .map(|w| w.to_string())
        .collect()
}

/// Words that end the role part of a description: "The commander | of the mission".
fn ends_role(word: &str) -> bool {
    matches!(
        word,
        "of" | "for" | "in" | "at" | "on" | "to" | "with" | "from" | "who" | "which"
    )
}

/// What a statement is issued in: "the statement said".
static DOCUMENTS: WordSet = WordSet::new("statement communique communiqué letter note");

/// Organisation nouns that can stand for any kind of organisation ("the service" for a
/// coast guard), so they refer to the organisation named last nearby.
static GENERIC_ORGANISATIONS: WordSet =
    WordSet::new("service force agency body group organisation organization bloc mission");

/// Words that open a sentence with a phrase before its subject ("In Washington, the …").
static OPENERS: WordSet = WordSet::new("in on at after during earlier later meanwhile separately");

fn named(name: String, mention: &str) -> Speaker {
    Speaker {
        name: Some(name),
        role: None,
        mention: Some(mention.to_string()),
    }
}

impl Attributor<'_> {
    /// Resolves the words at a cue to a speaker, and says which gender a he/she
    /// resolved to a person shows (`Some(true)` for "she").
    pub(super) fn resolve(
        &self,
        span: Range<usize>,
        appositive: Option<Range<usize>>,
        seen: &Seen,
    ) -> (Speaker, Option<bool>) {
        let raw = self.text[span.clone()].trim();
        let words = lower_words(raw);
        let unnamed = Speaker {
            name: None,
            role: None,
            mention: Some(raw.to_string()),
        };
        let Some(first) = words.first() else {
            return (unnamed, None);
        };
        if words.len() == 1 && matches!(first.as_str(), "he" | "she") {
            let she = first == "she";
            return match self.antecedent(span.start, she, seen.female) {
                Some(i) => (self.person(i, raw), Some(she)),
                None => (unnamed, None),
            };
        }
        if words.len() == 1 && first == "it" {
            return (
                self.organisation_before(span.start, seen)
                    .unwrap_or(unnamed),
                None,
            );
        }
        if words.len() == 2 && first == "the" && DOCUMENTS.has(&words[1]) {
            // "…,” the statement said: whoever issued the statement quoted just before.
            let previous = seen
                .previous
                .filter(|(q, _)| self.close(q.span.end.min(span.start), span.start))
                .and_then(|(_, s)| s.name.clone());
            return match previous {
                Some(name) => (named(name, raw), None),
                None => (unnamed, None),
            };
        }
        (
            self.resolve_words(raw, &words, span, appositive)
                .unwrap_or(unnamed),
            None,
        )
    }

    /// A name, title or description at a cue (`words`: its `lower_words`, split once in
    /// `resolve`): `None` for nobody named.
    fn resolve_words(
        &self,
        raw: &str,
        words: &[String],
        span: Range<usize>,
        appositive: Option<Range<usize>>,
    ) -> Option<Speaker> {
        let first = words.first()?.as_str();
        if first == "its" {
            return self.resolve_name(raw, span, appositive);
        }
        if let Some(org) = self.organisations.at(self.text, span.clone()) {
            return Some(named(self.canonical(org), raw));
        }
        if let Some(i) = self.named_in(raw, span.end) {
            return Some(self.person(i, raw));
        }
        if words.len() == 1 && first == "who" {
            // "…Osman Abdelrahim, who told reporters": the person just named.
            return self
                .last_person_before(span.start)
                .map(|i| self.person(i, raw));
        }
        if words.len() == 1 && first == "they" {
            return None;
        }
        let capitalised = raw.chars().next().is_some_and(|c| c.is_uppercase())
            && !matches!(
                first,
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
            return self.resolve_name(raw, span, appositive);
        }
        if first != "the" {
            return None;
        }
        // The role part of a description: "the U.N. envoy | for Western Sahara".
        let role_part = raw.split([',', '(']).next().unwrap_or(raw);
        let role: Vec<String> = lower_words(role_part)
            .into_iter()
            .skip(1)
            .take_while(|w| !ends_role(w))
            .collect();
        let head = role.last().map(String::as_str).unwrap_or("");
        let by_role = (TITLES.has(head) && !ORG_HEADS.has(head)) || SOURCE_NOUNS.has(head);
        if !by_role {
            // "the Foreign Ministry", "the ministry", "the Joint Chiefs": the organisation
            // the article names; "the United Nations" as written.
            let org = self.organisation_at_cue(raw, span.clone()).or_else(|| {
                let np = noun_phrase(raw);
                if GENERIC_ORGANISATIONS.has(&np.to_lowercase()) {
                    // "the service", "the bloc": the organisation named last nearby.
                    let since = self.paragraph_before(span.start);
                    return self
                        .organisations
                        .last_named(since, span.start)
                        .map(str::to_string);
                }
                np.chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    .then(|| np.to_string())
            });
            return org.map(|o| named(self.canonical(&o), raw));
        }
        self.by_role(&role, span).map(|i| self.person(i, raw))
    }

    /// The person a description's role words ("deputy minister", "commander") refer to:
    /// the last one with that role named before, or one named anywhere with it, or with
    /// its head word ("chief" for "paramount chief"); failing that, for a title, the
    /// person named first after the cue's sentence, in the same or the next paragraph
    /// ("The U.N. envoy … told the council …" then "Tomas Albrecht, …, told …").
    fn by_role(&self, role: &[String], span: Range<usize>) -> Option<usize> {
        let role: Vec<String> = role
            .iter()
            .filter(|w| !DEMONYMS.has(w) && !w.contains('.') && !w.contains('\''))
            .filter(|w| !w.contains('’'))
            .cloned()
            .collect();
        let head = role.last()?.clone();
        let earlier = &self.mentions[..self.mentions.partition_point(|m| m.pos < span.start)];
        for &Mention { person: i, .. } in earlier.iter().rev() {
            if self.people[i].has_role(&role) {
                return Some(i);
            }
        }
        if let Some(i) = self.people.iter().position(|p| p.has_role(&role)) {
            return Some(i);
        }
        let head_only = std::slice::from_ref(&head);
        if let Some(i) = self.people.iter().position(|p| {
            p.has_role(head_only)
                && p.role
                    .as_deref()
                    .is_some_and(|r| r.split_whitespace().last() == Some(head.as_str()))
        }) {
            return Some(i);
        }
        if !TITLES.has(&head) || SOURCE_NOUNS.has(&head) {
            return None;
        }
        let sentence_end = self.sentence_at(span.end).end.max(span.end);
        let m = self
            .mentions
            .get(self.mentions.partition_point(|m| m.pos < sentence_end))?;
        let new = self.first_mention[m.person] >= span.start;
        (m.subject && new && self.close(span.end, m.pos)).then_some(m.person)
    }

    /// Where the paragraph before the one containing `pos` starts.
    fn paragraph_before(&self, pos: usize) -> usize {
        self.text[..pos]
            .rmatch_indices("\n\n")
            .nth(1)
            .map_or(0, |(at, _)| at)
    }

    /// The sentence containing `pos`.
    pub(super) fn sentence_at(&self, pos: usize) -> Range<usize> {
        let i = self.sentences.partition_point(|s| s.start <= pos);
        i.checked_sub(1)
            .map(|i| self.sentences[i].clone())
            .filter(|s| s.contains(&pos))
            .unwrap_or(pos..pos)
    }

    /// The organisation that opens the sentence of a quote with no cue, before the quote,
    /// also after an opening phrase: "The Caribbean Community (CARICOM) said in a
    /// statement that the swearing-in was “a clear violation” …", "In Washington, the
    /// State Department called on China to “desist …”".
    pub(super) fn organisation_opening(&self, quote: Range<usize>) -> Option<Speaker> {
        let sentence = self.sentence_at(quote.start);
        let mut start = sentence.start;
        let opening = &self.text[sentence.start..quote.start];
        let first = opening.split_whitespace().next().unwrap_or("");
        if OPENERS.has(&first.to_lowercase()) {
            let comma = opening.find(", ")?;
            start += comma + 2;
        }
        let head = &self.text[start..quote.start];
        let start = start
            + ["The ", "the "]
                .iter()
                .find(|t| head.starts_with(*t))
                .map_or(0, |t| t.len());
        let org = self.organisations.opening(start..quote.start)?;
        Some(named(self.canonical(org), ""))
    }

    /// A known person named at the end of the words at a cue: in an appositive ("The
    /// chairperson, Kwame Asante-Boateng") or before "who" ("The army delegation is led
    /// by Lieutenant General Osman Abdelrahim, who told reporters").
    fn named_in(&self, raw: &str, end: usize) -> Option<usize> {
        let after = self.text[end..].trim_start_matches([',', ' ']);
        let tail = match raw.rsplit_once(',') {
            Some((_, tail)) => tail.trim(),
            None if after.starts_with("who ") => raw,
            None => return None,
        };
        let (name, _) = split_title(tail);
        let full = is_person_name(&name);
        self.people
            .iter()
            .position(|p| p.name == name || (full && p.name.ends_with(&name)))
    }

    /// The person a he/she at `pos` refers to: the last subject named before it if their
    /// gender fits, else the nearest person of fitting gender named after that subject,
    /// else an earlier subject; failing all, the last person named whose gender fits.
    fn antecedent(&self, pos: usize, she: bool, female: &[Option<bool>]) -> Option<usize> {
        let before = &self.mentions[..self.mentions.partition_point(|m| m.pos < pos)];
        // A bounded look back keeps a long article linear.
        let before = &before[before.len().saturating_sub(200)..];
        let fits = |m: &Mention| female[m.person].is_none_or(|f| f == she);
        let mut end = before.len();
        while let Some(s) = before[..end].iter().rposition(|m| m.subject) {
            if fits(&before[s]) {
                return Some(before[s].person);
            }
            if let Some(m) = before[s + 1..end].iter().rev().find(|m| fits(m)) {
                return Some(m.person);
            }
            end = s;
        }
        before.iter().rev().find(|m| fits(m)).map(|m| m.person)
    }

    /// The organisation an "it said" at `pos` refers to: the previous quote's speaker if
    /// that was an organisation in the same or the previous paragraph, else the
    /// organisation named last there.
    fn organisation_before(&self, pos: usize, seen: &Seen) -> Option<Speaker> {
        if let Some((q, s)) = seen.previous {
            let person = |n: &String| self.people.iter().any(|p| self.canonical(&p.name) == *n);
            if let Some(name) = s.name.as_ref().filter(|n| !person(n)) {
                if self.close(q.span.end.min(pos), pos) {
                    return Some(named(name.clone(), "it"));
                }
            }
        }
        let org = self
            .organisations
            .last_named(self.paragraph_before(pos), pos)?;
        Some(named(self.canonical(org), "it"))
    }

    fn resolve_name(
        &self,
        raw: &str,
        span: Range<usize>,
        appositive: Option<Range<usize>>,
    ) -> Option<Speaker> {
        let pos = span.start;
        // "Its Foreign Ministry": the ministry of the country named last.
        if let Some(rest) = raw.strip_prefix("Its ") {
            if let Some(adjective) = last_country_adjective(&self.text[..pos]) {
                let org = format!("{adjective} {rest}");
                let full = self.organisations.find(&org, pos).unwrap_or(org);
                return Some(named(self.canonical(&full), raw));
            }
        }
        // An organisation the article names, by its name, the end of it or its acronym.
        if let Some(org) = self.organisation_at_cue(raw, span.clone()) {
            return Some(named(self.canonical(&org), raw));
        }
        // Split already for most cues; white space around the words does not change it.
        let (name, title) = match self.titles.get(&span) {
            Some(split) => split.clone(),
            None => split_title(raw),
        };
        // "Fishermen in the village of Barranco": the name is not theirs.
        let object = title
            .as_deref()
            .and_then(|t| t.rsplit(' ').next())
            .is_some_and(ends_role);
        let role = title.or_else(|| appositive.map(|r| clean_role(&self.text[r])));
        if let Some(i) = self.people.iter().position(|p| p.name == name) {
            let mut s = self.person(i, raw);
            s.role = s.role.or(role);
            return Some(s);
        }
        if let Some(i) = self.people.iter().position(|p| p.is_called(&name)) {
            return Some(self.person(i, raw));
        }
        if names_a_source(raw) || object {
            return None;
        }
        let last = name.rsplit(' ').next().map(str::to_lowercase);
        let last = last.as_deref().map(strip_possessive).unwrap_or("");
        if role.is_none() && TITLES.has(last) && !ORG_HEADS.has(last) {
            // "Ethiopia's prime minister": a person by role, or nobody named.
            let role: Vec<String> = lower_words(&name);
            return self.by_role(&role, span).map(|i| self.person(i, raw));
        }
        if role.is_none() && !is_person_name(&name) {
            let org = adjective_for_possessive(strip_possessive(&name));
            return Some(named(self.canonical(&org), raw));
        }
        Some(Speaker {
            name: Some(self.canonical(&name)),
            role,
            mention: Some(raw.to_string()),
        })
    }
}
