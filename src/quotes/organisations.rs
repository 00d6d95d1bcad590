//! Organisations named in an article, and the organisation a mention at a cue refers to.
//! A name is the fullest the article gives: with the country qualifier the text attaches
//! ("Taiwan’s Maritime and Port Bureau" → "Taiwanese Maritime and Port Bureau"), with the
//! words joined by "of", "for the", "on" or "and" ("U.N. Office for the Coordination of
//! Humanitarian Affairs"), with the acronym it defines ("(GKNB)") or spells ("CENTCOM" for
//! "U.S. Central Command"); "the ministry" is the last ministry named.

use super::cues::{self, Word};
use super::names::{adjective_for_possessive, qualifies, strip_possessive, DEMONYMS, ORG_HEADS};
use super::people::capitalised_run;
use super::words::{contains_words, ends_with_word, is_word, starts_with_word};
use std::ops::Range;

/// An organisation named in the article.
#[derive(Debug)]
struct Org {
    name: String,
    /// `name` in lower case, for `find`.
    lower: String,
    /// Where it is named (the name, and its acronym in brackets), in text order.
    spans: Vec<Range<usize>>,
    /// The acronym the article gives it in brackets: "(CENTCOM)".
    acronym: Option<String>,
}

/// The organisations of an article, in the order first named.
#[derive(Debug, Default)]
pub struct Organisations {
    orgs: Vec<Org>,
}

fn token(text: &str, w: Word) -> &str {
    &text[w.start..w.end]
}

fn capitalised(text: &str, w: Word) -> bool {
    token(text, w)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// `ORG_HEADS.has(strip_possessive(&lowered(text, w)))`, with the possessive stripped
/// first (also "'S", which lower-cases to "'s") so that most words are ruled out by
/// `has_lowered` before they are lower-cased.
fn is_head(text: &str, w: Word) -> bool {
    let word = token(text, w);
    let bare = match strip_possessive(word) {
        same if same.len() == word.len() => word
            .strip_suffix("'S")
            .or_else(|| word.strip_suffix("’S"))
            .unwrap_or(word),
        bare => bare,
    };
    ORG_HEADS.has_lowered(bare)
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// Words that join the parts of one name: "Ministry of Foreign Affairs and International
/// Cooperation", "Office for the Coordination of …", "Authority on Development".
const CONNECTORS: [&str; 4] = ["of", "for", "on", "and"];

fn connector(word: &str) -> bool {
    CONNECTORS.contains(&word)
}

/// Days and months: "the Foreign Ministry on Monday" is not one name.
fn is_date(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// An acronym: two to eight capital letters (digits allowed after the first).
pub fn is_acronym(word: &str) -> bool {
    let mut chars = word.chars();
    (2..=8).contains(&word.chars().count())
        && chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// Descriptions in front of a name that are not part of it: "Russian-led", "U.S.-backed".
fn is_description(word: &str) -> bool {
    let lower = cues::Lower::new(word); // once, not once per suffix
    [
        "-led",
        "-backed",
        "-based",
        "-run",
        "-funded",
        "-sponsored",
        "-dominated",
    ]
    .iter()
    .any(|s| lower.ends_with(s))
}

/// Whether `acronym` spells `name` from the starts of its words in order ("CENTCOM" from
/// "Central Command", "UNISFA" from "United Nations Interim Security Force for Abyei"),
/// with or without a qualifier in front ("U.S.").
fn spells(acronym: &str, name: &str) -> bool {
    fn from(letters: &[char], words: &[Vec<char>]) -> bool {
        match (letters.is_empty(), words.split_first()) {
            (true, None) => true,
            (_, None) | (true, Some(_)) => false,
            (false, Some((word, rest))) => (1..=word.len().min(letters.len()))
                .any(|n| word[..n] == letters[..n] && from(&letters[n..], rest)),
        }
    }
    let letters: Vec<char> = acronym.chars().collect();
    let words: Vec<Vec<char>> = name
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "for" | "the" | "on" | "and"))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<Vec<char>>()
        })
        .filter(|w| !w.is_empty())
        .map(|w| w.iter().flat_map(|c| c.to_uppercase()).collect())
        .collect();
    (0..words.len().min(2)).any(|skip| from(&letters, &words[skip..]))
}

/// The noun phrase of a mention: before a bracket, a relative clause or an appositive
/// ("The Office of the High Representative (OHR), which …" → "Office of the High
/// Representative"), without "the" and before a verb after "the ministry" ("The ministry
/// also accused" → "ministry").
pub fn noun_phrase(mention: &str) -> &str {
    let mut end = mention.len();
    // Most mentions have none of these: looked for only when they can be there.
    if mention.contains([',', '(']) {
        for stop in [
            "(", ", which", ", who", ", whose", ", the ", ", a ", ", an ", ", known",
        ] {
            if let Some(at) = mention.find(stop) {
                end = end.min(at);
            }
        }
    }
    if mention.contains(" wh") {
        for stop in [" which ", " who "] {
            if let Some(at) = mention.find(stop) {
                end = end.min(at);
            }
        }
    }
    let np = mention[..end].trim().trim_end_matches(',');
    let definite = ["the ", "The "].iter().find_map(|t| np.strip_prefix(t));
    let mut np = definite.unwrap_or(np);
    // "Russian-led Collective Security Treaty Organization".
    while let Some((first, rest)) = np.split_once(' ') {
        if !is_description(first) {
            break;
        }
        np = rest;
    }
    let ws: Vec<&str> = np.split_whitespace().collect();
    if definite.is_some()
        && ws.len() > 1
        && ORG_HEADS.has(&ws[0].to_lowercase())
        && ws[1].chars().next().is_some_and(char::is_lowercase)
        && !connector(ws[1])
    {
        return ws[0];
    }
    np
}

/// A mention without a parent body in front: "Chinese military's Eastern Theater
/// Command" → "Eastern Theater Command"; a country owner becomes a qualifier ("Taiwan’s
/// Defence Ministry" → "Taiwanese Defence Ministry").
fn without_parent(np: &str) -> String {
    let words: Vec<&str> = np.split_whitespace().collect();
    if let Some(i) = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|w| is_possessive(w) || w.ends_with('’') || w.ends_with('\''))
    {
        let owner = strip_possessive(&words[..=i].join(" ")).to_string();
        if !qualifies(&owner) {
            return words[i + 1..].join(" ");
        }
    }
    adjective_for_possessive(np)
}

impl Organisations {
    /// Records the organisation whose name includes the capitalised run `ws[run]`, if
    /// any, and returns the index of the word after its name (later runs up to there are
    /// part of it).
    pub fn add_at(&mut self, text: &str, ws: &[Word], run: Range<usize>) -> Option<usize> {
        // Called for every capitalised run: small words are compared without lower-casing.
        let is = |i: usize, lower: &str| is_word(text, ws[i], lower);
        let is_connector = |i: usize| CONNECTORS.iter().any(|c| is(i, c));
        let mut start = run.start;
        let mut end = run.end;
        let mut complement = (start..end).any(|i| is(i, "of") || is(i, "for"));
        // Forward over connectors: "Office" + "for the" + "Coordination of …".
        while end + 1 < ws.len() && is_connector(end) {
            let and = is(end, "and");
            let mut next = end + 1;
            if !and && is(next, "the") {
                next += 1;
            }
            if next >= ws.len()
                || !capitalised(text, ws[next])
                || is_date(&cues::lowered(text, ws[next]))
            {
                break;
            }
            let seg = capitalised_run(text, ws, next);
            let head_so_far = (start..end).any(|i| is_head(text, ws[i]));
            let seg_head = seg.clone().any(|i| is_head(text, ws[i]));
            let joins = if and {
                head_so_far && complement && !seg_head
            } else {
                head_so_far
            };
            if !joins {
                break;
            }
            complement |= !and;
            end = seg.end;
        }
        // Back over "and" to a short first part: "Maritime" + "and" + "Port Bureau".
        if start >= 2 && is(start - 1, "and") && is_head(text, ws[end - 1]) {
            let mut first = start - 1;
            while first > 0
                && first + 4 > start
                && capitalised(text, ws[first - 1])
                && !is_possessive(token(text, ws[first - 1]))
                && !is_head(text, ws[first - 1])
                && !DEMONYMS.has_lowered(token(text, ws[first - 1]))
                && !is(first - 1, "the")
            {
                first -= 1;
            }
            let listed = first > 0 && token(text, ws[first - 1]) == ",";
            if first < start - 1 && !listed && !run_is_country(text, &ws[first..start - 1]) {
                start = first;
            }
        }
        // A name is valid when a head word ends it or ends a part before a connector.
        let valid =
            (start..end).any(|i| is_head(text, ws[i]) && (i + 1 == end || is_connector(i + 1)));
        if !valid {
            return None;
        }
        while start < end
            && (is(start, "the")
                || is(start, "its")
                || is(start, "their")
                || is_description(token(text, ws[start])))
        {
            start += 1;
        }
        let owner = owner_before(text, ws, start);
        let first = owner.unwrap_or(start);
        if first >= end {
            return None;
        }
        let name =
            adjective_for_possessive(strip_possessive(&text[ws[first].start..ws[end - 1].end]));
        let acronym = (end + 2 < ws.len()
            && token(text, ws[end]) == "("
            && token(text, ws[end + 2]) == ")"
            && is_acronym(token(text, ws[end + 1])))
        .then(|| token(text, ws[end + 1]).to_string());
        let mut span = ws[first].start..ws[end - 1].end;
        if acronym.is_some() {
            span.end = ws[end + 2].end;
        }
        match self.orgs.iter_mut().find(|o| o.name == name) {
            Some(o) => {
                o.spans.push(span);
                o.acronym = o.acronym.take().or(acronym);
            }
            None => self.orgs.push(Org {
                lower: name.to_lowercase(),
                name,
                spans: vec![span],
                acronym,
            }),
        }
        Some(end)
    }

    /// Whether `name` is an organisation named in the article.
    pub fn is_known(&self, name: &str) -> bool {
        self.orgs.iter().any(|o| o.name == name)
    }

    /// The organisation a mention at `pos` names, if the article names it: by its
    /// acronym, in full, by the end of its name ("Foreign Ministry", "ministry") or by
    /// the start of it ("Joint Chiefs"); the one named last before `pos` wins.
    pub fn find(&self, mention: &str, pos: usize) -> Option<String> {
        // Nothing to find: the mention need not be cut up.
        if self.orgs.is_empty() {
            return None;
        }
        let np = without_parent(noun_phrase(mention.trim()));
        if np.is_empty() {
            return None;
        }
        if is_acronym(&np) {
            let defined = self.orgs.iter().find(|o| o.acronym.as_deref() == Some(&np));
            let spelled = || self.orgs.iter().find(|o| spells(&np, &o.name));
            return defined.or_else(spelled).map(|o| o.name.clone());
        }
        let lower = np.to_lowercase();
        let has_head = lower.split(' ').any(|w| ORG_HEADS.has(w));
        // Each name lower-cased once, and matched without formatting " {name} " strings.
        let candidates: Vec<(&Org, &String)> = self
            .orgs
            .iter()
            .map(|o| (o, &o.lower))
            .filter(|(_, name)| {
                **name == lower
                    || (has_head && ends_with_word(name, &lower))
                    || (has_head && contains_words(name, &lower))
                    || (lower.contains(' ')
                        && starts_with_word(name, &lower)
                        && name[lower.len() + 1..]
                            .split(' ')
                            .next()
                            .is_some_and(connector))
            })
            .collect();
        // "Commission" alone is dropped when "European Commission" is also named.
        let fuller = candidates.iter().any(|(_, name)| **name != lower);
        let candidates: Vec<&Org> = candidates
            .into_iter()
            .filter(|(_, name)| !fuller || **name != lower)
            .map(|(o, _)| o)
            .collect();
        let last_before = |o: &Org| {
            let i = o.spans.partition_point(|s| s.start < pos);
            i.checked_sub(1).map(|i| o.spans[i].start)
        };
        candidates
            .iter()
            .filter_map(|o| last_before(o).map(|at| (at, o)))
            .max_by_key(|(at, _)| *at)
            .map(|(_, o)| o.name.clone())
            .or_else(|| {
                // Named only later: the full or fuller name, never another of its kind.
                candidates
                    .iter()
                    .find(|o| o.lower.ends_with(&lower))
                    .map(|o| o.name.clone())
            })
    }

    /// The organisation whose name, where the article gives it, holds the words at
    /// `span` ("International Cooperation" of "Somalia’s Ministry of Foreign Affairs and
    /// International Cooperation"), or which a description at `span` follows after a comma
    /// ("The Intergovernmental Authority on Development (IGAD), the eight-nation bloc …").
    pub fn at(&self, text: &str, span: Range<usize>) -> Option<&str> {
        let described = ["the ", "a ", "an "]
            .iter()
            .any(|d| text[span.start..].starts_with(d));
        self.orgs
            .iter()
            .find(|o| {
                // The naming that starts last at or before the words.
                let i = o.spans.partition_point(|s| s.start <= span.start);
                i.checked_sub(1).is_some_and(|i| {
                    let s = &o.spans[i];
                    span.end <= s.end
                        || (described
                            && s.end <= span.start
                            && text[s.end..span.start].trim() == ",")
                })
            })
            .map(|o| o.name.as_str())
    }

    /// The organisation whose name starts `range` and ends in it.
    pub fn opening(&self, range: Range<usize>) -> Option<&str> {
        let start = range.start;
        self.orgs
            .iter()
            .find(|o| {
                let i = o.spans.partition_point(|s| s.start < start);
                o.spans
                    .get(i)
                    .is_some_and(|s| s.start == start && s.end <= range.end)
            })
            .map(|o| o.name.as_str())
    }

    /// The organisation named last before `pos` and after `since`.
    pub fn last_named(&self, since: usize, pos: usize) -> Option<&str> {
        self.orgs
            .iter()
            .filter_map(|o| {
                let i = o.spans.partition_point(|s| s.start < pos);
                let at = o.spans.get(i.checked_sub(1)?)?.start;
                (at >= since).then_some((at, o.name.as_str()))
            })
            .max_by_key(|(at, _)| *at)
            .map(|(_, name)| name)
    }
}

/// Whether words are a country name ("Britain" in "Britain and European Union").
fn run_is_country(text: &str, ws: &[Word]) -> bool {
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    super::names::is_country(&text[first.start..last.end])
}

/// The start of a named owner right before `start`: "Egypt's", "South Korea's", "the
/// United Arab Emirates’" (the parent body in "the Chinese military's" is not named).
fn owner_before(text: &str, ws: &[Word], start: usize) -> Option<usize> {
    let mut end = start.checked_sub(1)?;
    let word = token(text, ws[end]);
    if matches!(word, "’" | "'") {
        // A plural owner: "Emirates’".
        end = end.checked_sub(1)?;
        if !token(text, ws[end]).ends_with('s') {
            return None;
        }
    } else if !is_possessive(word) {
        return None;
    }
    if !capitalised(text, ws[end]) {
        return None;
    }
    let mut first = end;
    while first > 0
        && capitalised(text, ws[first - 1])
        && !is_possessive(token(text, ws[first - 1]))
        && !matches!(token(text, ws[first - 1]), "The" | "the")
    {
        first -= 1;
    }
    let owner = strip_possessive(&text[ws[first].start..ws[end].end]);
    qualifies(owner).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(text: &str) -> Organisations {
        let mut found = Organisations::default();
        let ws = cues::words(text, 0..text.len());
        let mut i = 0;
        while i < ws.len() {
            let run = capitalised_run(text, &ws, i);
            i = if run.is_empty() { i + 1 } else { run.end };
            if !run.is_empty() {
                if let Some(end) = found.add_at(text, &ws, run) {
                    i = i.max(end);
                }
            }
        }
        found
    }

    #[test]
    fn heads_are_the_lower_cased_words_without_possessive() {
        let text = "Ministry ministry's MINISTRY'S Ministry’S ministry’s Ministries' army’ \
                    Ministryx 'S ’s ' s Army's's ÉLYSÉE's Κ's";
        for w in cues::words(text, 0..text.len()) {
            assert_eq!(
                is_head(text, w),
                ORG_HEADS.has(strip_possessive(&cues::lowered(text, w))),
                "{}",
                token(text, w)
            );
        }
    }

    #[test]
    fn names_keep_their_qualifier_and_connectors() {
        let t = "Taiwan’s Maritime and Port Bureau said so. The United Arab Emirates’ Foreign \
                 Ministry said so. Somalia’s Ministry of Foreign Affairs and International \
                 Cooperation said so. The U.N. Office for the Coordination of Humanitarian \
                 Affairs said so. The Foreign Ministry on Monday said so.";
        let o = orgs(t);
        for name in [
            "Taiwanese Maritime and Port Bureau",
            "Emirati Foreign Ministry",
            "Somali Ministry of Foreign Affairs and International Cooperation",
            "U.N. Office for the Coordination of Humanitarian Affairs",
            "Foreign Ministry",
        ] {
            assert!(o.is_known(name), "{name}: {o:?}");
        }
    }

    #[test]
    fn mentions_resolve_to_the_full_name() {
        let t = "Kyrgyzstan’s State Committee for National Security (GKNB) spoke. U.S. Central \
                 Command spoke. The Joint Chiefs of Staff spoke. Cambodia’s Ministry of \
                 National Defence spoke.";
        let o = orgs(t);
        let end = t.len();
        let find = |m: &str| o.find(m, end);
        let kyrgyz = "Kyrgyz State Committee for National Security";
        assert_eq!(find("the GKNB").as_deref(), Some(kyrgyz));
        assert_eq!(find("CENTCOM").as_deref(), Some("U.S. Central Command"));
        assert_eq!(
            find("the Joint Chiefs").as_deref(),
            Some("Joint Chiefs of Staff")
        );
        assert_eq!(
            find("The ministry also accused").as_deref(),
            Some("Cambodian Ministry of National Defence")
        );
        assert_eq!(find("Kyrgyzstan"), None);
        assert_eq!(
            find("the Chinese military's Joint Chiefs of Staff").as_deref(),
            Some("Joint Chiefs of Staff")
        );
    }
}
