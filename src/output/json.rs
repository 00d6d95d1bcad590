//! Score records written as JSON lines directly, field by field, for the default output.

use super::{round4, Article, ScoredQuote, LABELS};

/// A JSON object being written field by field.
struct JsonObject<'a, 'k> {
    out: &'a mut Vec<u8>,
    /// The keys written so far.
    keys: Vec<&'k str>,
}

impl<'a, 'k> JsonObject<'a, 'k> {
    fn open(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        JsonObject {
            out,
            keys: Vec::with_capacity(16),
        }
    }

    /// Writes `"key":` for one of the record's own keys and returns the buffer for the
    /// value. They are ASCII literals with nothing to escape, so they are written as they
    /// are (what serde_json writes for them), without a check per byte.
    fn key(&mut self, key: &'static str) -> &mut Vec<u8> {
        debug_assert!(key
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'));
        self.comma(key);
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
        self.out
    }

    /// `key` for a key of the input's (an extra field), escaped by serde_json.
    fn extra_key(&mut self, key: &'k str) -> serde_json::Result<&mut Vec<u8>> {
        self.comma(key);
        serde_json::to_writer(&mut *self.out, key)?;
        self.out.push(b':');
        Ok(self.out)
    }

    /// The comma before every key but the first; records the key.
    fn comma(&mut self, key: &'k str) {
        if !self.keys.is_empty() {
            self.out.push(b',');
        }
        self.keys.push(key);
    }

    fn field<T: serde::Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> serde_json::Result<()> {
        serde_json::to_writer(self.key(key), value)
    }

    fn close(self) {
        self.out.push(b'}');
    }
}

/// `score_record` as its JSON line, written straight to `out`: the same bytes as
/// serialising the record, without building it (that took a tenth of scoring time).
/// Strings and numbers go through serde_json one by one, so escaping and float digits
/// are serde_json's own.
pub(super) fn write_score_json(
    article: &Article,
    index: usize,
    s: &ScoredQuote,
    out: &mut Vec<u8>,
) -> serde_json::Result<()> {
    let mut r = JsonObject::open(out);
    r.field("article", &article.id)?;
    r.field("index", &index)?;
    r.field("speaker", &s.speaker.name)?;
    r.field("role", &s.speaker.role)?;
    r.field("speaker_mention", &s.speaker.mention)?;
    r.field("kind", s.quote.kind.name())?;
    r.field("quote", &s.quote.text)?;
    if let Some(statement) = &s.quote.statement {
        r.field("statement", statement)?;
    }
    r.field("label", s.prediction.label.name())?;
    let mut p = JsonObject::open(r.key("probabilities"));
    for (k, name) in LABELS.iter().enumerate() {
        p.field(name, &round4(s.prediction.probabilities[k]))?;
    }
    p.close();
    r.field("tone", &round4(s.prediction.tone()))?;
    r.field("start", &s.quote.span.start)?;
    r.field("end", &s.quote.span.end)?;
    if let Some(date) = &article.date {
        r.field("date", date)?;
    }
    // Extra fields after the record's own, unless the record has that key already.
    for (k, v) in &article.extra {
        if !r.keys.contains(&k.as_str()) {
            serde_json::to_writer(r.extra_key(k)?, v)?;
        }
    }
    r.close();
    out.push(b'\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Label;
    use crate::output::score_record;
    use crate::quotes::{Quote, QuoteKind, Speaker};

    #[test]
    fn score_json_is_the_serialised_record() {
        let mut article = Article::new("a\"1\u{7}", "text");
        let quote = |statement: Option<&str>, p: [f64; 3]| ScoredQuote {
            quote: Quote {
                kind: QuoteKind::Partial,
                span: 3..17,
                text: "“We’re ready,” \\ \n\t".into(),
                statement: statement.map(String::from),
                mention: None,
            },
            speaker: Speaker {
                name: Some("Ali \u{1F600}".into()),
                role: None,
                mention: Some("he".into()),
            },
            prediction: crate::model::Prediction {
                label: Label::Hardline,
                probabilities: p,
            },
        };
        let quotes = [
            quote(None, [0.123456789, 1e-9, f64::NAN]),
            quote(Some("the US will not"), [1.0, 0.0, 0.0]),
        ];
        let extras = [
            r#"{}"#,
            r#"{"date": "2024-01-01", "outlet": "x", "statement": 3, "quote": [1], "z": {"b": 1, "a": null}}"#,
            r#"{"date": 5, "statement": "s", "\u00e9\"k": 1.5e300}"#,
        ];
        for extra in extras {
            article.extra = serde_json::from_str(extra).unwrap();
            article.date = article
                .extra
                .get("date")
                .and_then(|d| d.as_str().map(String::from));
            for (i, q) in quotes.iter().enumerate() {
                let mut fast = Vec::new();
                write_score_json(&article, i, q, &mut fast).unwrap();
                let mut slow = serde_json::to_vec(&score_record(&article, i, q)).unwrap();
                slow.push(b'\n');
                assert_eq!(
                    String::from_utf8(fast).unwrap(),
                    String::from_utf8(slow).unwrap()
                );
            }
        }
    }
}
