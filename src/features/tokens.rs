//! The token filters of the featurizer, each one small step of the chain in `mod.rs`:
//! tokenize → lowercase → expand contractions → mark negation scope → stem.

use crate::quotes::words::char_at;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// One token of a statement. `start..end` is the byte span of the surface word it came
/// from, so explanations can show the words a feature was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Sentence punctuation: ends negation scope and n-gram runs; not a feature itself.
    pub punct: bool,
    /// Inside the scope of a preceding negator.
    pub negated: bool,
    /// Names the subject of a meeting or document ("talks on *the missile programme*"):
    /// what is discussed, not the speaker's stance.
    pub topic: bool,
}

/// Splits text into words (letters and digits, with inner apostrophes and hyphens kept)
/// and punctuation tokens. Digits become `<num>`: the figure is style, not stance.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    tokenize_into(text, &mut tokens, &mut Vec::new());
    tokens
}

/// `tokenize`, appending to `tokens`, each token's text written into a String taken
/// from `spare` when there is one: scoring reuses them rather than allocate per token.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>, spare: &mut Vec<String>) {
    let mut new_text = |s: &str| {
        let mut t = spare.pop().unwrap_or_default();
        t.clear();
        t.push_str(s);
        t
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        // Spaces between words, without decoding.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (c, n) = char_at(text, i);
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + n;
            // Letters and digits, and an apostrophe or hyphen between two of them.
            while end < text.len() {
                // ASCII letters and digits: the common case, without decoding.
                if bytes[end].is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                let (d, m) = char_at(text, end);
                let joins = is_apostrophe(d) || d == '-';
                if d.is_alphanumeric() || (joins && next_is_alnum(text, end + m)) {
                    end += m;
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            let text = if word.bytes().any(|b| b.is_ascii_digit()) {
                new_text("<num>")
            } else if !word.is_ascii() && word.contains('’') {
                let mut t = new_text("");
                t.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }));
                t
            } else {
                new_text(word) // most words: no apostrophe to unify, no search
            };
            tokens.push(Token {
                text,
                start,
                end,
                punct: false,
                negated: false,
                topic: false,
            });
            i = end;
        } else {
            if is_scope_punct(c) {
                tokens.push(Token {
                    text: new_text(&text[i..i + n]),
                    start: i,
                    end: i + n,
                    punct: true,
                    negated: false,
                    topic: false,
                });
            }
            i += n;
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn next_is_alnum(text: &str, at: usize) -> bool {
    at < text.len() && char_at(text, at).0.is_alphanumeric()
}

/// Punctuation that closes a clause (and with it a negation scope).
fn is_scope_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '(' | ')' | '"' | '“' | '”'
    )
}

/// Replaces capitalised words inside a sentence (names of people, places, bodies) with
/// `<name>`: who is named is not the stance, and a model that learns "Manila" as
/// conciliatory has learned our corpus, not diplomacy. The first word of a sentence and
/// "I" are kept, since their capital says nothing.
pub fn mask_names(tokens: &mut [Token]) {
    let mut sentence_start = true;
    for t in tokens.iter_mut() {
        if t.punct {
            sentence_start = matches!(t.text.as_str(), "." | "!" | "?" | ":" | "\"" | "“" | "”");
            continue;
        }
        let capital = t.text.chars().next().is_some_and(char::is_uppercase);
        if capital && !sentence_start && t.text != "I" && !is_placeholder(&t.text) {
            t.text.clear();
            t.text.push_str(NAME);
        }
        sentence_start = false;
    }
}

/// What a masked name becomes.
pub const NAME: &str = "<name>";

/// `<num>` and `<name>` stand for a word and are never stemmed or lower-cased.
pub fn is_placeholder(word: &str) -> bool {
    word.starts_with('<')
}

pub fn lowercase(tokens: &mut [Token]) {
    for t in tokens {
        // ASCII in place, which is what `to_lowercase` gives it, without a new String.
        if t.text.is_ascii() {
            t.text.make_ascii_lowercase();
        } else if t.text.chars().any(|c| c.is_uppercase()) {
            t.text = t.text.to_lowercase();
        }
    }
}

/// Rewrites contractions into their full words: "won't" → "will not", "we're" → "we are".
/// A possessive 's is dropped. The new tokens keep the surface span of the original.
pub fn expand_contractions(tokens: Vec<Token>) -> Vec<Token> {
    // Most statements have no apostrophe: nothing to rewrite, nothing to copy.
    if !tokens.iter().any(|t| !t.punct && t.text.contains('\'')) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + 4);
    for t in tokens {
        if t.punct || !t.text.contains('\'') {
            out.push(t);
            continue;
        }
        for word in expand(&t.text) {
            out.push(Token {
                text: word.to_string(),
                ..t.clone()
            });
        }
    }
    out
}

fn expand(word: &str) -> Vec<&str> {
    match word {
        "won't" => return vec!["will", "not"],
        "can't" => return vec!["can", "not"],
        "shan't" => return vec!["shall", "not"],
        "ain't" => return vec!["is", "not"],
        "let's" => return vec!["let", "us"],
        _ => {}
    }
    let suffixes: [(&str, &str); 7] = [
        ("n't", "not"),
        ("'re", "are"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'m", "am"),
        ("'d", "would"),
        ("'s", ""),
    ];
    for (suffix, full) in suffixes {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.is_empty() {
                break;
            }
            let mut words = vec![stem];
            if !full.is_empty() {
                words.push(full);
            } else if matches!(stem, "it" | "that" | "there" | "here" | "what" | "who") {
                words.push("is");
            }
            return words;
        }
    }
    vec![word]
}

/// Words that open a negation scope.
pub fn is_negator(word: &str) -> bool {
    matches!(
        word,
        "not" | "no" | "never" | "nor" | "cannot" | "neither" | "nothing" | "none" | "without"
    )
}

/// Words that close a negation scope as punctuation does: the contrast starts afresh.
fn ends_scope(word: &str) -> bool {
    matches!(word, "but" | "however" | "yet" | "although" | "though")
}

/// Marks every word after a negator, up to the next punctuation, as negated.
pub fn mark_negation(tokens: &mut [Token]) {
    let mut in_scope = false;
    for t in tokens {
        if t.punct || ends_scope(&t.text) {
            in_scope = false;
        } else if is_negator(&t.text) {
            in_scope = true;
        } else {
            t.negated = in_scope;
        }
    }
}

/// Marks the subject named after a meeting or a document as topic: the words after
/// "talks on", "the conference about", "a report into", "the draft condemning", up to
/// punctuation other than a comma (subjects come in lists), a verb of the sentence (an
/// auxiliary or modal) or `TOPIC_SPAN` words. "The session on sanctions, blockades and
/// embargoes resumes Friday" is procedure, not a threat.
pub fn mark_topic(tokens: &mut [Token]) {
    const TOPIC_SPAN: usize = 8;
    let mut left = 0;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        if t.punct && t.text == "," {
            continue;
        }
        if t.punct || ends_topic(&t.text) {
            left = 0;
        } else if left > 0 {
            tokens[i].topic = true;
            left -= 1;
        }
        // The next word first: it is rarely a preposition or a participle, and testing
        // it is cheaper than the list of forums (documents are forums too).
        let opens = i + 1 < tokens.len() && {
            let (word, next) = (&tokens[i].text, &tokens[i + 1].text);
            if is_topic_preposition(next) {
                is_forum(word)
            } else {
                next.ends_with("ing") && is_document(word)
            }
        };
        if opens {
            left = TOPIC_SPAN;
            // The preposition itself opens the scope; a participle is already topic.
            if is_topic_preposition(&tokens[i + 1].text) {
                left += 1;
            }
        }
    }
}

/// Nouns of meetings, bodies and documents whose subject follows them.
fn is_forum(word: &str) -> bool {
    is_document(word)
        || matches!(
            word,
            "talks"
                | "meeting"
                | "meetings"
                | "conference"
                | "conferences"
                | "session"
                | "sessions"
                | "summit"
                | "summits"
                | "panel"
                | "panels"
                | "seminar"
                | "seminars"
                | "workshop"
                | "workshops"
                | "committee"
                | "committees"
                | "commission"
                | "commissions"
                | "hearing"
                | "hearings"
                | "inquiry"
                | "inquiries"
                | "investigation"
                | "investigations"
                | "negotiations"
                | "consultations"
                | "briefing"
                | "briefings"
                | "dialogue"
                | "forum"
                | "debate"
                | "debates"
                | "vote"
                | "votes"
                | "round"
                | "course"
                | "symposium"
                | "exhibition"
                | "lecture"
                | "study"
                | "studies"
        )
}

/// Documents: their subject may also follow as a participle ("the draft condemning …").
fn is_document(word: &str) -> bool {
    matches!(
        word,
        "report"
            | "reports"
            | "resolution"
            | "resolutions"
            | "draft"
            | "drafts"
            | "motion"
            | "motions"
            | "text"
            | "bill"
            | "bills"
            | "paper"
            | "papers"
            | "chapter"
            | "handbook"
            | "guidelines"
            | "dossier"
    )
}

fn is_topic_preposition(word: &str) -> bool {
    matches!(
        word,
        "on" | "about" | "regarding" | "concerning" | "into" | "over"
    )
}

/// Words after which the sentence goes on about something else: its own verb, or a
/// relative clause.
fn ends_topic(word: &str) -> bool {
    ends_scope(word)
        || matches!(
            word,
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "has"
                | "have"
                | "had"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
                | "opens"
                | "resumes"
                | "begins"
                | "starts"
                | "ends"
                | "closes"
                | "meets"
                | "convenes"
                | "that"
                | "which"
                | "who"
        )
}

/// Snowball English stemming of every word token. Stems are cached per thread: news
/// repeats its words, and the stemmer is the costliest filter of the chain.
pub fn stem(tokens: &mut [Token]) {
    /// Past this many distinct words the cache starts afresh, so memory stays flat.
    const CACHE_LIMIT: usize = 200_000;
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
        static CACHE: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
    }
    STEMMER.with(|stemmer| {
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            for t in tokens
                .iter_mut()
                .filter(|t| !t.punct && !is_placeholder(&t.text))
            {
                if let Some(stemmed) = cache.get(&t.text) {
                    if *stemmed != t.text {
                        t.text.clone_from(stemmed);
                    }
                    continue;
                }
                let stemmed = stemmer.stem(&t.text).into_owned();
                if cache.len() >= CACHE_LIMIT {
                    cache.clear();
                }
                cache.insert(t.text.clone(), stemmed.clone());
                t.text = stemmed;
            }
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(tokens: &[Token]) -> Vec<String> {
        tokens
            .iter()
            .map(|t| {
                if t.negated {
                    format!("NOT_{}", t.text)
                } else {
                    t.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn names_inside_a_sentence_are_masked_and_sentence_starts_kept() {
        let mut t = expand_contractions(tokenize(
            "Talks with Manila resume. Japan's envoy: \"We trust Seoul,\" and I agree.",
        ));
        mask_names(&mut t);
        lowercase(&mut t);
        let w: Vec<_> = t
            .iter()
            .filter(|t| !t.punct)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(
            w,
            [
                "talks", "with", NAME, "resume", "japan", "envoy", "we", "trust", NAME, "and", "i",
                "agree"
            ]
        );
    }

    #[test]
    fn tokenizer_keeps_inner_apostrophes_and_hyphens_and_spans() {
        let text = "Iran’s co-operation won't end; 2025 talks.";
        let t = tokenize(text);
        let w: Vec<_> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            w,
            [
                "Iran's",
                "co-operation",
                "won't",
                "end",
                ";",
                "<num>",
                "talks",
                "."
            ]
        );
        assert_eq!(&text[t[0].start..t[0].end], "Iran’s");
    }

    #[test]
    fn contractions_expand_and_negation_runs_to_punctuation() {
        let mut t = expand_contractions(tokenize("We won't talk to them, we will wait."));
        lowercase(&mut t);
        mark_negation(&mut t);
        assert_eq!(
            words(&t),
            [
                "we", "will", "not", "NOT_talk", "NOT_to", "NOT_them", ",", "we", "will", "wait",
                "."
            ]
        );
    }

    #[test]
    fn but_ends_negation_scope() {
        let mut t = tokenize("not this but that");
        mark_negation(&mut t);
        assert_eq!(words(&t), ["not", "NOT_this", "but", "that"]);
    }

    #[test]
    fn the_subject_of_a_meeting_or_document_is_topic() {
        let topics = |text: &str| {
            let mut t = tokenize(text);
            lowercase(&mut t);
            mark_topic(&mut t);
            t.iter()
                .filter(|t| t.topic)
                .map(|t| t.text.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            topics("The session on sanctions, blockades and embargoes resumes Friday."),
            ["on", "sanctions", "blockades", "and", "embargoes"]
        );
        // Without an auxiliary to stop it, the scope ends after eight words.
        assert_eq!(
            topics("A draft condemning the raid goes to a vote at 3 today."),
            ["condemning", "the", "raid", "goes", "to", "a", "vote", "at"]
        );
        assert!(topics("We reject their sanctions and their threats.").is_empty());
    }

    #[test]
    fn stemming_uses_snowball_english() {
        let mut t = tokenize("negotiations threatened");
        stem(&mut t);
        assert_eq!(words(&t), ["negoti", "threaten"]);
    }
}
