//! Paragraphs and sentences as byte ranges of the article text.

use super::words::Lower;
use super::wordset::WordSet;
use std::ops::Range;

/// Non-empty lines: news text puts one paragraph on a line (blank lines between or not).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = end;
    }
    out
}

/// Abbreviations whose full stop does not end a sentence.
static ABBREVIATIONS: WordSet = WordSet::new(
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov pres st jr sr rev hon amb \
     no vs etc jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd dept approx \
     est fig al ft mt",
);

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')')
}

/// True when the full stop at `dot` belongs to an abbreviation or an initial
/// ("U.S.", "Mr.", "J. Smith") rather than ending a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '.')
        .last()
        .map_or(dot, |(i, _)| i);
    let word = &before[start..];
    if word.is_empty() {
        return false;
    }
    let lower = Lower::new(word);
    if ABBREVIATIONS.has(&lower) {
        return true;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "U.N."
    lower.split('.').all(|part| part.chars().count() <= 1)
        && word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Sentences of one paragraph. A sentence ends at `.`, `!` or `?` (plus any closing
/// marks) followed by white space and then an upper-case letter, a digit or an opening
/// mark; full stops of abbreviations and initials do not count.
pub fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = para.start;
    let body = text[para.clone()].as_bytes();
    // Jumps from one `.`, `!` or `?` to the next (ASCII bytes, never inside a character).
    let mut from = 0;
    while let Some(i) = memchr::memchr3(b'.', b'!', b'?', &body[from..]).map(|k| from + k) {
        from = i + 1;
        let at = para.start + i;
        if body[i] == b'.' && is_abbreviation(text, at) {
            // "U.S." at the end of a sentence followed by a capitalised word is
            // ambiguous; keeping the sentence whole is the safer error.
            continue;
        }
        let mut end = at + 1;
        for d in text[end..para.end].chars() {
            if !is_closing_mark(d) {
                break;
            }
            end += d.len_utf8();
        }
        from = end - para.start;
        let rest = &text[end..para.end];
        let trimmed = rest.trim_start();
        if trimmed.len() == rest.len() && !rest.is_empty() {
            continue; // no white space after: "3.5", "e.g.x"
        }
        let next = trimmed.chars().next();
        let starts_new = match next {
            None => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '"' | '“' | '‘' | '«' | '(' | '[' | '*')
            }
        };
        if starts_new {
            out.push(start..end);
            start = end + (rest.len() - trimmed.len());
        }
    }
    if start < para.end {
        out.push(start..para.end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        paragraphs(text)
            .into_iter()
            .flat_map(|p| sentences(text, p))
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn splits_paragraphs_and_sentences_but_not_abbreviations() {
        let text =
            "Mr. Haddad met U.S. envoys. \"We agreed,\" he said. Talks end.\n\nNext one?  Yes.";
        assert_eq!(
            split(text),
            [
                "Mr. Haddad met U.S. envoys.",
                "\"We agreed,\" he said.",
                "Talks end.",
                "Next one?",
                "Yes."
            ]
        );
    }

    #[test]
    fn a_quote_ending_a_sentence_keeps_its_closing_mark() {
        let text = "He said: “We will fail again.” Then he left.";
        assert_eq!(
            split(text),
            ["He said: “We will fail again.”", "Then he left."]
        );
    }
}
