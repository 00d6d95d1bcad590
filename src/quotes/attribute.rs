//! Speakers: the words at a cue turned into a name. Titles are split from names
//! ("Iranian Supreme Leader Ali Khamenei" → "Ali Khamenei", role "supreme leader"), a
//! later surname or title alone resolves to the person, he/she to the last person named
//! (of the right gender, when the article has shown it), organisations speak for
//! themselves under the fullest name the article gives them, and unnamed sources stay
//! unnamed. `people.rs` and `organisations.rs` find who the article names, this file
//! indexes where people are mentioned and attributes each quote, and `speakers.rs`
//! resolves the words at each cue.

use super::names::SOURCE_NOUNS;
use super::names::{gender_of_role, is_country, is_person_name, split_title, strip_possessive};
use super::organisations::Organisations;
use super::people::{clean_role, named_entities, Person};
use super::segment::Segments;
use super::{Quote, QuoteKind, Speaker};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::ops::Range;

/// Where a known person is named.
pub(super) struct Mention {
    pub(super) pos: usize,
    pub(super) person: usize,
    pub(super) subject: bool,
}

/// Everything attribution knows about an article.
pub struct Attributor<'a> {
    pub(super) text: &'a str,
    pub(super) people: Vec<Person>,
    /// Each organisation named, with the positions where it is named.
    pub(super) organisations: Organisations,
    /// Every mention of a known person, in text order.
    pub(super) mentions: Vec<Mention>,
    /// Where each person is first mentioned (`usize::MAX` if never).
    pub(super) first_mention: Vec<usize>,
    /// The sentences of the article, in text order.
    pub(super) sentences: Vec<Range<usize>>,
    /// `organisations.find` of the words at each cue, by the cue's span: looked up here
    /// and again when the quote is attributed (see `organisation_at_cue`).
    cue_organisations: FxHashMap<Range<usize>, Option<String>>,
    /// `split_title` of the words at a cue, by the cue's span: worked out here for the
    /// cues that may name a person and needed again when the quote is attributed.
    pub(super) titles: FxHashMap<Range<usize>, (String, Option<String>)>,
    aliases: &'a HashMap<String, String>,
}

/// What attribution has learnt from the quotes before: the speaker of the previous
/// quote and each person's gender, as shown by "he" or "she" resolved to them or by
/// their role ("spokeswoman").
pub(super) struct Seen<'s> {
    pub(super) previous: Option<(&'s Quote, &'s Speaker)>,
    /// `Some(true)` for a woman, by person index.
    pub(super) female: &'s [Option<bool>],
}

impl<'a> Attributor<'a> {
    pub fn new(text: &'a str, quotes: &[Quote], aliases: &'a HashMap<String, String>) -> Self {
        Attributor::with_segments(&Segments::new(text), quotes, aliases)
    }

    /// `new` for an article already segmented.
    pub fn with_segments(
        seg: &Segments<'a>,
        quotes: &[Quote],
        aliases: &'a HashMap<String, String>,
    ) -> Self {
        let text = seg.text;
        let mut a = Attributor {
            text,
            people: Vec::new(),
            organisations: Organisations::default(),
            mentions: Vec::new(),
            first_mention: Vec::new(),
            sentences: Vec::new(),
            titles: FxHashMap::default(),
            cue_organisations: FxHashMap::default(),
            aliases,
        };
        let (people, organisations, places) = named_entities(seg);
        a.organisations = organisations;
        for p in people {
            // "Phnom Penh’s call", "Addis Ababa": a name also found after "in" or "from",
            // with no role, is a place.
            if p.role.is_some() || !places.contains(&p.name) {
                a.add_person(p);
            }
        }
        // Full names at cues ("…," said Ahmed Qureshi) are people too; organisations and
        // unnamed sources at cues ("Residents of Lughaya") are not.
        for q in quotes {
            if let Some(m) = &q.mention {
                let raw = &text[m.span.clone()];
                let found = a.organisations.find(raw, m.span.start);
                let org = found.is_some() || a.organisations.at(text, m.span.clone()).is_some();
                a.cue_organisations.insert(m.span.clone(), found);
                if org || names_a_source(raw) {
                    continue;
                }
                let (name, role) = split_title(raw);
                a.titles
                    .insert(m.span.clone(), (name.clone(), role.clone()));
                // "The paramount chief of the Ngok Dinka": a name after "of" is not theirs.
                let after_preposition = role.as_deref().is_some_and(|r| {
                    r.rsplit(' ').next().is_some_and(|w| {
                        matches!(
                            w,
                            "of" | "for" | "in" | "at" | "on" | "to" | "from" | "with"
                        )
                    })
                });
                if after_preposition {
                    continue;
                }
                let known = a.people.iter().any(|p| p.is_called(&name));
                if is_person_name(&name) && !known && !is_country(&name) {
                    let role = role.or_else(|| m.appositive.clone().map(|r| clean_role(&text[r])));
                    a.add_person(Person {
                        name,
                        role,
                        described: None,
                    });
                }
            }
        }
        a.index_mentions(seg, quotes);
        a
    }

    /// Adds a person unless already known under this or a fuller name; a fuller name
    /// replaces a shorter one seen first ("Fernández Ochoa" then "Yanelis Fernández Ochoa").
    fn add_person(&mut self, p: Person) {
        if let Some(known) = self.people.iter_mut().find(|q| q.is_called(&p.name)) {
            if known.role.is_none() {
                known.role = p.role;
            }
            known.described = known.described.take().or(p.described);
        } else if let Some(shorter) = self.people.iter_mut().find(|q| p.is_called(&q.name)) {
            let role = shorter.role.take().or(p.role.clone());
            let described = shorter.described.take().or(p.described.clone());
            *shorter = Person {
                role,
                described,
                ..p
            };
        } else {
            self.people.push(p);
        }
    }

    /// Every place a known person's surname appears outside quoted words (a name inside
    /// a quotation is not who is speaking, but the cue between the pieces of a split
    /// quote is outside it). A mention is a subject when it is the first in its sentence
    /// or sits in the words at a speech cue. A first name alone counts when the article
    /// uses it alone at a cue ("Nikorn said") and no other person has it.
    fn index_mentions(&mut self, seg: &Segments, quotes: &[Quote]) {
        let mut cues: Vec<Range<usize>> = quotes
            .iter()
            .filter_map(|q| q.mention.as_ref().map(|m| m.span.clone()))
            .collect();
        cues.sort_by_key(|c| c.start);
        let mut by_name: FxHashMap<&str, usize> = FxHashMap::default();
        // Surnames only: a first name ("Ali") is shared by too many people.
        for (i, p) in self.people.iter().enumerate() {
            if let Some(surname) = p.name.rsplit(' ').next() {
                by_name.entry(surname).or_insert(i);
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            let Some((first, _)) = p.name.split_once(' ') else {
                continue;
            };
            let alone_at_cue = cues.iter().any(|c| self.text[c.clone()].trim() == first);
            let shared = self
                .people
                .iter()
                .enumerate()
                .any(|(j, q)| j != i && q.name.split(' ').any(|w| w == first));
            if alone_at_cue && !shared {
                by_name.entry(first).or_insert(i);
            }
        }
        let quoted: Vec<Range<usize>> = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| q.span.clone())
            .collect();
        // Quotes are in text order and do not overlap: binary searches keep this linear.
        let in_quote = |pos: usize| {
            let i = quoted.partition_point(|q| q.start <= pos);
            i > 0 && quoted[i - 1].contains(&pos)
        };
        let at_cue = |pos: usize| {
            let i = cues.partition_point(|c| c.start <= pos);
            i > 0 && cues[i - 1].contains(&pos)
        };
        // The first bytes of the names: most words of the article are ruled out by it,
        // before the searches and the hashing below.
        let mut starts = [false; 256];
        let mut empty_name = false;
        for name in by_name.keys() {
            match name.as_bytes().first() {
                Some(&b) => starts[usize::from(b)] = true,
                None => empty_name = true,
            }
        }
        self.first_mention = vec![usize::MAX; self.people.len()];
        for para in 0..seg.paragraphs.len() {
            for sentence in seg.sentences_of(para) {
                self.sentences.push(sentence.clone());
                let mut first_in_sentence = true;
                for &w in seg.words(sentence.clone()).iter() {
                    let word = strip_possessive(&self.text[w.start..w.end]);
                    let first = word.as_bytes().first();
                    if !empty_name && !first.is_some_and(|&b| starts[usize::from(b)]) {
                        continue;
                    }
                    let cue = at_cue(w.start);
                    if in_quote(w.start) && !cue {
                        continue;
                    }
                    let Some(&i) = by_name.get(word) else {
                        continue;
                    };
                    // "Deng" of "Deng Mayen Kuol" is not Bol Arop Deng.
                    let rest = &self.text[w.start..];
                    if self.people.iter().enumerate().any(|(j, q)| {
                        j != i && q.name.starts_with(word) && rest.starts_with(q.name.as_str())
                    }) {
                        continue;
                    }
                    self.first_mention[i] = self.first_mention[i].min(w.start);
                    self.mentions.push(Mention {
                        pos: w.start,
                        person: i,
                        subject: first_in_sentence || cue,
                    });
                    first_in_sentence = false;
                }
            }
        }
    }

    /// `organisations.find` of the words at the cue `span` (`raw`: those words, trimmed or
    /// not, as `find` trims them), kept from `with_segments` when it looked them up.
    pub(super) fn organisation_at_cue(&self, raw: &str, span: Range<usize>) -> Option<String> {
        match self.cue_organisations.get(&span) {
            Some(found) => found.clone(),
            None => self.organisations.find(raw, span.start),
        }
    }

    pub(super) fn last_person_before(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.pos < pos);
        i.checked_sub(1).map(|i| self.mentions[i].person)
    }

    pub(super) fn person(&self, i: usize, mention: &str) -> Speaker {
        let p = &self.people[i];
        Speaker {
            name: Some(self.canonical(&p.name)),
            role: p.role.clone(),
            mention: Some(mention.to_string()),
        }
    }

    pub(super) fn canonical(&self, name: &str) -> String {
        self.aliases
            .get(&name.to_lowercase())
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// The speaker of each quote, in order; a quote with no cue takes the speaker of the
    /// previous quote in the same or the previous paragraph, else the last person named.
    pub fn attribute(&self, quotes: &[Quote]) -> Vec<Speaker> {
        let mut out: Vec<Speaker> = Vec::with_capacity(quotes.len());
        let mut female: Vec<Option<bool>> = self
            .people
            .iter()
            .map(|p| p.role.as_deref().and_then(gender_of_role))
            .collect();
        for (k, q) in quotes.iter().enumerate() {
            let speaker = match &q.mention {
                Some(m) => {
                    let seen = Seen {
                        previous: k.checked_sub(1).map(|j| (&quotes[j], &out[j])),
                        female: &female,
                    };
                    let (speaker, she) = self.resolve(m.span.clone(), m.appositive.clone(), &seen);
                    // "She said …" resolved to a person shows that person's gender.
                    if let (Some(she), Some(name)) = (she, &speaker.name) {
                        if let Some(i) = self.people.iter().position(|p| p.name == *name) {
                            female[i].get_or_insert(she);
                        }
                    }
                    speaker
                }
                None => {
                    // An organisation opening the sentence, else the previous quote's
                    // speaker, unless somebody else is named between.
                    let opening = self
                        .organisation_opening(q.span.clone())
                        .map(|s| Speaker { mention: None, ..s });
                    let previous = k
                        .checked_sub(1)
                        .filter(|&j| self.close(quotes[j].span.end, q.span.start))
                        .filter(|&j| !self.named_between(quotes[j].span.end, q.span.start))
                        .map(|j| out[j].clone())
                        .filter(|s| s.name.is_some());
                    opening.or(previous).unwrap_or_else(|| {
                        match self.last_person_before(q.span.start) {
                            Some(i) => Speaker {
                                mention: None,
                                ..self.person(i, "")
                            },
                            None => Speaker::default(),
                        }
                    })
                }
            };
            out.push(speaker);
        }
        out
    }

    /// Whether two positions are in the same or adjacent paragraphs.
    pub(super) fn close(&self, a: usize, b: usize) -> bool {
        a <= b && self.text[a..b].matches('\n').count() <= 2
    }

    fn named_between(&self, a: usize, b: usize) -> bool {
        self.mentions.iter().any(|m| a <= m.pos && m.pos < b)
    }
}

/// Whether the words at a cue name an unnamed source: a source noun before any "of",
/// comma or name ("Residents of Lughaya, the town …", "Ethiopian officials").
pub(super) fn names_a_source(raw: &str) -> bool {
    let source_noun = raw
        .split([',', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .take_while(|w| !matches!(*w, "of" | "in" | "from" | "at" | "on"))
        .any(|w| SOURCE_NOUNS.has_lowered(w));
    source_noun && !is_person_name(&split_title(raw).0)
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

    fn names(text: &str) -> Vec<String> {
        speakers(text).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn he_and_she_skip_a_person_of_the_other_gender() {
        let t = "Deputy Minister Arman Sadykov met the mayor, Dana Ibraimova, on Monday. He said \
                 the road would reopen.\n\nSadykov later met Ibraimova again. She said the city \
                 had enough water.";
        assert_eq!(names(t), ["Arman Sadykov", "Dana Ibraimova"]);
    }

    #[test]
    fn organisations_by_qualifier_acronym_and_it() {
        let t = "Kazakhstan’s Committee for Water Resources (CWR) said the canal was open.\n\n\
                 “The gates stay open,” the CWR said.\n\nIn a statement, it said repairs would take a week.\n\n\
                 Taiwan’s Maritime and Port Bureau said the ports had reopened.\n\n\
                 The drills ended, the Chinese military's Eastern Theater Command said.\n\n\
                 Ethiopian officials said the dam was full.";
        let water = "Kazakh Committee for Water Resources";
        let port = "Taiwanese Maritime and Port Bureau";
        assert_eq!(
            names(t),
            [water, water, water, port, "Eastern Theater Command", "-"]
        );
    }

    #[test]
    fn a_description_is_named_in_the_next_sentence_and_places_are_not_people() {
        let t = "The envoy for the river talks told reporters that a deal was close.\n\n\
                 Marta Kovac, a Croatian diplomat who took the job last spring, said the next round \
                 would open on Friday.\n\nTalks resumed in Phnom Penh on Monday.\n\n\
                 Phnom Penh’s envoy, Sok Dara, said the talks were useful. “We will return,” she said.";
        assert_eq!(
            names(t),
            ["Marta Kovac", "Marta Kovac", "Sok Dara", "Sok Dara"]
        );
    }

    #[test]
    fn a_name_that_looks_like_a_verb_and_an_organisation_after_an_opening_phrase() {
        let t = "“We need water,” said Said Ahmed Warsame, a farmer.\n\n\
                 In Geneva, the World Health Organization urged both sides to “keep the \
                 clinics open” through the winter.";
        assert_eq!(
            names(t),
            ["Said Ahmed Warsame", "World Health Organization"]
        );
    }

    #[test]
    fn statements_generic_organisations_and_descriptions_without_a_name() {
        let t = "The Belize Coast Guard said its boats were turned back. Nobody was hurt, the \
                 service said.\n\nThe African Union's Peace and Security Council said it was \
                 “deeply alarmed” by the clashes.\n\n“Calm must return,” the statement said.\n\n\
                 Fishermen in the village of Barranco said the boats came often.\n\n\
                 Ethiopia's prime minister has said that the sea is “existential” for his country.";
        let coast_guard = "Belize Coast Guard";
        let council = "Peace and Security Council";
        assert_eq!(
            names(t),
            [coast_guard, coast_guard, council, council, "-", "-"]
        );
    }
}
