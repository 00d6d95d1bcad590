//! Pairing double quotation marks into quoted spans.
//!
//! Only double marks (straight `"`, curly `“ ”`, guillemets `« »`) open a quotation, so an
//! apostrophe (`Iran’s`, `Relations’ analysis`, `O'Brien`) can never start one; single
//! marks inside a quotation are nested quotes and stay part of its text. A mark left open
//! at the end of a paragraph continues only if the next paragraph opens with a mark (the
//! news convention for quotes running over paragraphs); otherwise it is dropped there, so
//! an unbalanced mark never swallows the rest of an article.

use std::ops::Range;

/// A quotation: its pieces of text between marks (several for one running over
/// paragraphs), and the span from the opening mark to the end of the closing mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub span: Range<usize>,
    pub pieces: Vec<Range<usize>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// What a mark at byte `i` can do, judged from its neighbours for straight marks.
fn role(text: &str, i: usize, c: char) -> Option<Role> {
    match c {
        '“' | '«' | '„' => Some(Role::Open),
        '”' | '»' => Some(Role::Close),
        '"' => {
            let before = text[..i].chars().next_back();
            let after = text[i + 1..].chars().next();
            let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
            let space_after = after.is_none_or(|a| a.is_whitespace() || ".,;:!?)]}—–".contains(a));
            match (space_before, space_after) {
                (true, false) => Some(Role::Open),
                (false, true) => Some(Role::Close),
                _ => Some(Role::Either),
            }
        }
        _ => None,
    }
}

fn starts_with_open_mark(text: &str, para: &Range<usize>) -> Option<usize> {
    let c = text[para.clone()].chars().next()?;
    match role(text, para.start, c) {
        Some(Role::Open) | Some(Role::Either) => Some(para.start + c.len_utf8()),
        _ => None,
    }
}

/// Finds every quotation in the given paragraphs, in order.
pub fn pair_marks(text: &str, paragraphs: &[Range<usize>]) -> Vec<Marked> {
    let mut found = Vec::new();
    // An open quotation: where its opening mark was, its finished pieces, and where the
    // current piece's text starts.
    let mut open: Option<(usize, Vec<Range<usize>>, usize)> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let mut skip_to = para.start;
        if let Some((_, _, piece_start)) = open.as_mut() {
            // Continuing from the previous paragraph: the opening mark here is consumed.
            match starts_with_open_mark(text, para) {
                Some(after) => {
                    *piece_start = after;
                    skip_to = after;
                }
                None => open = None,
            }
        }
        // Only characters that start with these bytes can be marks: `"`, and the lead
        // bytes of “ ” „ (E2) and « » (C2), which never occur inside a character.
        let body = &text[skip_to..para.end];
        let mut from = 0;
        while let Some(off) = memchr::memchr3(b'"', 0xE2, 0xC2, &body.as_bytes()[from..]) {
            let off = from + off;
            let Some(c) = body[off..].chars().next() else {
                break;
            };
            from = off + c.len_utf8();
            let i = skip_to + off;
            let Some(r) = role(text, i, c) else { continue };
            let end = i + c.len_utf8();
            match (&mut open, r) {
                (None, Role::Open | Role::Either) => open = Some((i, Vec::new(), end)),
                (Some((start, pieces, piece_start)), Role::Close | Role::Either) => {
                    pieces.push(*piece_start..i);
                    found.push(Marked {
                        span: *start..end,
                        pieces: std::mem::take(pieces),
                    });
                    open = None;
                }
                // A second opening mark while one is open: the first was never closed.
                (Some(_), Role::Open) => open = Some((i, Vec::new(), end)),
                (None, Role::Close) => {}
            }
        }
        if let Some((_, pieces, piece_start)) = open.as_mut() {
            let continues = paragraphs
                .get(p + 1)
                .is_some_and(|next| starts_with_open_mark(text, next).is_some());
            if continues {
                pieces.push(*piece_start..para.end);
            } else {
                open = None;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::sentences::paragraphs;

    fn quotes(text: &str) -> Vec<String> {
        pair_marks(text, &paragraphs(text))
            .into_iter()
            .map(|m| {
                m.pieces
                    .iter()
                    .map(|r| text[r.clone()].trim())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_marks_pair_and_apostrophes_are_ignored() {
        let text =
            "The Relations’ analysis: “We won’t go,” he said. O'Brien said \"fine\" and \"done.\"";
        assert_eq!(quotes(text), ["We won’t go,", "fine", "done."]);
    }

    #[test]
    fn a_quote_runs_over_paragraphs_when_the_next_opens_with_a_mark() {
        let text = "He said: “First part.\n“Second part,” he added.\nAn “open end\nNo mark here.";
        assert_eq!(quotes(text), ["First part. | Second part,"]);
    }

    #[test]
    fn an_unbalanced_mark_stops_at_the_paragraph() {
        let text = "A stray \" mark here\nThen \"a real one\" there.";
        assert_eq!(quotes(text), ["a real one"]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "\"They call it a 'security zone', we call it occupation,\" he said.";
        assert_eq!(
            quotes(text),
            ["They call it a 'security zone', we call it occupation,"]
        );
    }
}
