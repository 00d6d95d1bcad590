//! Speakers: the words at a cue turned into a name. Titles are split from names
//! ("Iranian Supreme Leader Ali Khamenei" → "Ali Khamenei", role "supreme leader"), a
//! later surname or title alone resolves to the person, he/she to the last person named,
//! organisations speak for themselves, and unnamed sources stay unnamed.

use super::cues::{self, Word};
use super::sentences::paragraphs;
use super::{Quote, Speaker};
use std::collections::HashMap;
use std::ops::Range;

/// Title words that precede a name and are not part of it.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "trade",
    "economy",
    "energy",
    "deputy",
    "assistant",
    "secretary",
    "general",
    "secretary-general",
    "supreme",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "special",
    "chancellor",
    "king",
    "queen",
    "prince",
    "crown",
    "sheikh",
    "emir",
    "sultan",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "mayor",
    "chief",
    "commander",
    "colonel",
    "col.",
    "gen.",
    "lt.",
    "lieutenant",
    "major",
    "admiral",
    "adm.",
    "captain",
    "capt.",
    "sergeant",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "head",
    "negotiator",
    "mediator",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "dr.",
    "dr",
    "professor",
    "prof.",
    "pope",
    "ayatollah",
    "imam",
    "cardinal",
    "lord",
    "lady",
    "sir",
    "dame",
    "speaker",
    "premier",
    "state",
    "of",
    "high",
    "commissioner",
    "undersecretary",
    "under-secretary",
    "attorney",
    "justice",
    "judge",
    "national",
    "security",
    "adviser",
    "advisor",
    "top",
    "senior",
    "former",
    "acting",
    "interim",
    "opposition",
    "army",
    "military",
    "presidential",
    "executive",
    "senate",
    "house",
    "majority",
    "minority",
    "whip",
    "party",
    "rebel",
    "militia",
    "field",
    "marshal",
    "brigadier",
    "foreign-affairs",
    "affairs",
    "external",
    "home",
    "justice",
    "health",
    "environment",
    "water",
    "defence-",
    "mission",
    "negotiating",
    "delegation",
    "team",
    "lead",
    "co-chair",
    "permanent",
    "un",
    "u.n.",
    "us",
    "u.s.",
    "eu",
    "nato",
    "au",
    "uk",
    "the",
    "european",
    "commission",
];

/// Adjectives of nationality, stripped from a name's front like titles.
const DEMONYMS: &[&str] = &[
    "iranian",
    "american",
    "russian",
    "ukrainian",
    "chinese",
    "israeli",
    "palestinian",
    "lebanese",
    "syrian",
    "iraqi",
    "saudi",
    "emirati",
    "qatari",
    "omani",
    "yemeni",
    "egyptian",
    "turkish",
    "greek",
    "cypriot",
    "armenian",
    "azerbaijani",
    "georgian",
    "serbian",
    "serb",
    "kosovar",
    "bosnian",
    "croatian",
    "british",
    "french",
    "german",
    "italian",
    "spanish",
    "catalan",
    "portuguese",
    "dutch",
    "belgian",
    "swedish",
    "finnish",
    "norwegian",
    "danish",
    "polish",
    "hungarian",
    "romanian",
    "moldovan",
    "bulgarian",
    "macedonian",
    "albanian",
    "austrian",
    "swiss",
    "irish",
    "indian",
    "pakistani",
    "afghan",
    "bangladeshi",
    "nepali",
    "burmese",
    "thai",
    "cambodian",
    "vietnamese",
    "filipino",
    "philippine",
    "indonesian",
    "malaysian",
    "japanese",
    "korean",
    "north",
    "south",
    "taiwanese",
    "australian",
    "sudanese",
    "ethiopian",
    "eritrean",
    "somali",
    "kenyan",
    "rwandan",
    "congolese",
    "ugandan",
    "nigerian",
    "malian",
    "nigerien",
    "burkinabe",
    "libyan",
    "tunisian",
    "algerian",
    "moroccan",
    "sahrawi",
    "mozambican",
    "cameroonian",
    "venezuelan",
    "colombian",
    "mexican",
    "cuban",
    "haitian",
    "nicaraguan",
    "argentine",
    "argentinian",
    "brazilian",
    "chilean",
    "bolivian",
    "peruvian",
    "guyanese",
    "canadian",
    "ecuadorian",
    "kyrgyz",
    "tajik",
    "uzbek",
    "kazakh",
    "european",
    "african",
    "arab",
    "kurdish",
    "jordanian",
    "bahraini",
    "kuwaiti",
    "lao",
    "laotian",
    "myanmar",
    "new",
    "zealand",
    "kashmiri",
    "tigrayan",
    "houthi",
    "hamas",
    "hezbollah",
    "taliban",
];

/// Head words of organisations and places: a capitalised run with one is not a person.
const ORG_OR_PLACE: &[&str] = &[
    "ministry",
    "office",
    "council",
    "commission",
    "department",
    "agency",
    "government",
    "army",
    "forces",
    "embassy",
    "mission",
    "kremlin",
    "house",
    "pentagon",
    "union",
    "nations",
    "organization",
    "organisation",
    "party",
    "front",
    "movement",
    "bank",
    "fund",
    "court",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "committee",
    "group",
    "alliance",
    "coalition",
    "authority",
    "administration",
    "corps",
    "guard",
    "navy",
    "force",
    "brigade",
    "brigades",
    "police",
    "service",
    "institute",
    "center",
    "centre",
    "association",
    "federation",
    "secretariat",
    "cabinet",
    "presidency",
    "palace",
    "junta",
    "command",
    "militia",
    "delegation",
    "arabia",
    "states",
    "kingdom",
    "korea",
    "east",
    "west",
    "sea",
    "gulf",
    "strait",
    "republic",
    "islands",
    "island",
    "city",
    "africa",
    "america",
    "europe",
    "asia",
    "coast",
    "bay",
    "river",
    "valley",
    "line",
    "corridor",
    "peninsula",
    "zone",
    "strip",
    "province",
    "region",
    "emirates",
    "times",
    "post",
    "news",
    "agreement",
    "plan",
    "action",
    "treaty",
    "accord",
    "summit",
    "talks",
    "conference",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Head nouns of unnamed sources ("a senior diplomat said").
const SOURCE_NOUNS: &[&str] = &[
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observer",
    "observers",
    "negotiators",
    "people",
    "person",
    "insider",
    "insiders",
    "witness",
    "witnesses",
    "residents",
    "resident",
    "commander",
    "commanders",
    "officer",
    "officers",
    "member",
    "members",
    "lawmaker",
    "lawmakers",
    "someone",
    "spokesperson",
];

/// Organisation nouns that "the ministry"-style mentions refer back to.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "government",
    "office",
    "embassy",
    "kremlin",
    "pentagon",
    "army",
    "military",
    "agency",
    "council",
    "commission",
    "committee",
    "group",
    "movement",
    "militia",
    "junta",
    "presidency",
    "administration",
    "department",
    "mission",
    "delegation",
    "bloc",
    "alliance",
    "coalition",
    "rebels",
    "authority",
    "authorities",
    "cabinet",
    "parliament",
];

fn lower_words(s: &str) -> Vec<String> {
    cues::words(s, 0..s.len())
        .into_iter()
        .map(|w| cues::lower(s, w))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
        .collect()
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq)]
struct Person {
    name: String,
    role: Option<String>,
}

impl Person {
    fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

/// A name split from its title: ("Ali Khamenei", Some("supreme leader")).
fn split_title(mention: &str) -> (String, Option<String>) {
    let ws = cues::words(mention, 0..mention.len());
    let tokens: Vec<&str> = ws
        .iter()
        .map(|w| &mention[w.start..w.end])
        .filter(|t| *t != ",")
        .collect();
    let mut first_name = 0;
    while first_name < tokens.len() {
        let t = strip_possessive(tokens[first_name]).to_lowercase();
        let is_title = TITLES.contains(&t.as_str()) || DEMONYMS.contains(&t.as_str());
        // A title word followed by no capitalised word is the name itself ("Trump").
        if !is_title || first_name + 1 == tokens.len() {
            break;
        }
        first_name += 1;
    }
    let role_words: Vec<&str> = tokens[..first_name]
        .iter()
        .copied()
        .filter(|t| {
            let l = t.to_lowercase();
            !DEMONYMS.contains(&l.as_str())
                && l != "the"
                && !l.ends_with("'s")
                && !l.ends_with("’s")
        })
        .collect();
    let name = tokens[first_name..]
        .iter()
        .map(|t| strip_possessive(t))
        .collect::<Vec<_>>()
        .join(" ");
    let role = (!role_words.is_empty()).then(|| role_words.join(" ").to_lowercase());
    (name, role)
}

fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            let l = w.to_lowercase();
            (w.chars().next().is_some_and(|c| c.is_uppercase()) || is_name_particle(&l))
                && !ORG_OR_PLACE.contains(&l.as_str())
                && !TITLES.contains(&l.as_str())
        })
}

fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "bin"
            | "ibn"
            | "al"
            | "el"
            | "de"
            | "da"
            | "del"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "di"
            | "du"
            | "dos"
            | "bint"
    )
}

/// Titled names in the whole article: "President Donald Trump", "Iranian Supreme Leader
/// Ali Khamenei". These seed the people a later surname, title or pronoun refers to.
fn titled_people(text: &str) -> Vec<(usize, Person)> {
    let mut found = Vec::new();
    for para in paragraphs(text) {
        let ws = cues::words(text, para);
        let mut i = 0;
        while i < ws.len() {
            let run = capitalised_run(text, &ws, i);
            if run.is_empty() {
                i += 1;
                continue;
            }
            let span = ws[run.start].start..ws[run.end - 1].end;
            let (name, role) = split_title(&text[span.clone()]);
            if role.is_some() && is_person_name(&name) {
                found.push((span.start, Person { name, role }));
            }
            i = run.end;
        }
    }
    found
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

/// Everything attribution knows about an article.
pub struct Attributor<'a> {
    text: &'a str,
    people: Vec<Person>,
    /// (position, person index) of every mention of a known person, in text order.
    mentions: Vec<(usize, usize)>,
    aliases: &'a HashMap<String, String>,
}

impl<'a> Attributor<'a> {
    pub fn new(text: &'a str, quotes: &[Quote], aliases: &'a HashMap<String, String>) -> Self {
        let mut a = Attributor {
            text,
            people: Vec::new(),
            mentions: Vec::new(),
            aliases,
        };
        for (pos, p) in titled_people(text) {
            a.add_person(p, pos);
        }
        // Full names at cues ("…," said Ahmed Qureshi) are people too.
        for q in quotes {
            if let Some(m) = &q.mention {
                let (name, role) = split_title(&text[m.span.clone()]);
                if is_person_name(&name) {
                    let role = role.or_else(|| m.appositive.clone().map(|r| clean_role(&text[r])));
                    a.add_person(Person { name, role }, m.span.start);
                }
            }
        }
        a.index_mentions();
        a
    }

    fn add_person(&mut self, p: Person, _pos: usize) {
        match self.people.iter_mut().find(|q| q.name == p.name) {
            Some(known) => {
                if known.role.is_none() {
                    known.role = p.role;
                }
            }
            None => self.people.push(p),
        }
    }

    /// Every place a known person's full name or surname appears.
    fn index_mentions(&mut self) {
        let by_surname: HashMap<String, usize> = self
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.surname().to_string(), i))
            .collect();
        let ws = cues::words(self.text, 0..self.text.len());
        for w in ws {
            let word = strip_possessive(&self.text[w.start..w.end]);
            if let Some(&i) = by_surname.get(word) {
                self.mentions.push((w.start, i));
            }
        }
    }

    fn last_person_before(&self, pos: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.0 < pos);
        i.checked_sub(1).map(|i| self.mentions[i].1)
    }

    fn person(&self, i: usize, mention: &str) -> Speaker {
        let p = &self.people[i];
        Speaker {
            name: Some(self.canonical(&p.name)),
            role: p.role.clone(),
            mention: Some(mention.to_string()),
        }
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
        self.mentions.iter().any(|m| a <= m.0 && m.0 < b)
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
            return self.resolve_name(raw, appositive);
        }
        let head = strip_possessive(words.last().map(String::as_str).unwrap_or(""));
        let has_proper = raw
            .split_whitespace()
            .skip(1)
            .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if first == "the" && has_proper {
            // "the Foreign Ministry", "the European Commission"
            return Speaker {
                name: Some(self.canonical(&raw[4..])),
                role: None,
                mention,
            };
        }
        if SOURCE_NOUNS.contains(&head) && first != "the"
            || matches!(
                first.as_str(),
                "a" | "an" | "one" | "two" | "three" | "several" | "some" | "many"
            )
        {
            return unnamed;
        }
        if first == "the" && !ORG_HEADS.contains(&head) {
            // "the foreign minister": the last person whose role ends with these words.
            let role = words[1..].join(" ");
            let before = self.mentions.iter().rev().filter(|m| m.0 < span.start);
            for &(_, i) in before {
                if self.people[i]
                    .role
                    .as_deref()
                    .is_some_and(|r| r.ends_with(&role))
                {
                    return self.person(i, raw);
                }
            }
            if let Some(i) = self
                .people
                .iter()
                .position(|p| p.role.as_deref().is_some_and(|r| r.ends_with(&role)))
            {
                return self.person(i, raw);
            }
        }
        unnamed
    }

    fn resolve_name(&self, raw: &str, appositive: Option<Range<usize>>) -> Speaker {
        let (name, role) = split_title(raw);
        let role = role.or_else(|| appositive.map(|r| clean_role(&self.text[r])));
        if let Some(i) = self.people.iter().position(|p| p.name == name) {
            let mut s = self.person(i, raw);
            s.role = s.role.or(role);
            return s;
        }
        if let Some(i) = self
            .people
            .iter()
            .position(|p| p.surname() == name || p.name.ends_with(&format!(" {name}")))
        {
            return self.person(i, raw);
        }
        let lower = name.to_lowercase();
        if lower.split(' ').any(|w| SOURCE_NOUNS.contains(&w)) && !is_person_name(&name) {
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
