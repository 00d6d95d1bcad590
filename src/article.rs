//! Reading inputs: files, folders, stdin and JSONL, one article at a time.
//!
//! Inputs are produced lazily so a batch of any size is read in constant memory, and
//! every input yields either an `Article` or an `InputError`: nothing is dropped.

use serde_json::{Map, Value};
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One article to score.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Where it came from: a path, `-`, or the `id` of a JSONL record.
    pub id: String,
    pub text: String,
    /// Publication date, from a JSONL `date` field or a `Date:` line at the top.
    pub date: Option<String>,
    /// JSONL fields other than `id` and `text`, carried through to the output.
    pub extra: Map<String, Value>,
    /// Set when the input was not valid UTF-8 and was decoded lossily.
    pub lossy: bool,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        let text = text.into();
        let date = date_line(&text);
        Article {
            id: id.into(),
            text,
            date,
            extra: Map::new(),
            lossy: false,
        }
    }
}

/// An input that could not be read as an article.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The file (and line, for JSONL) that failed.
    pub source: String,
    pub reason: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

/// How each input is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Each file (or stdin) is one article.
    Text,
    /// Each line is a JSON object with `id` and `text`.
    Jsonl,
}

/// Files larger than this are refused rather than read into memory whole.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Expands folders (recursively, `.txt` and `.md`, sorted) into files; `-` stays stdin.
/// A path that does not exist becomes an error item instead of stopping the batch.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || path.is_file() {
            out.push(Ok(path.clone()));
        } else if path.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(path, &mut found) {
                out.push(Err(io_error(path, &e)));
            }
            found.sort();
            out.extend(found.into_iter().map(Ok));
        } else {
            out.push(Err(InputError {
                source: path.display().to_string(),
                reason: "no such file or folder".into(),
            }));
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // The entry's own type comes with the listing, without a stat per file; a link
        // (or an unknown type) is followed as before.
        let is_dir = match entry.file_type() {
            Ok(t) if !t.is_symlink() => t.is_dir(),
            _ => path.is_dir(),
        };
        if is_dir {
            walk(&path, found)?;
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt") | Some("md")
        ) {
            found.push(path);
        }
    }
    Ok(())
}

/// One input of a batch, not read yet: files are read and JSONL lines parsed by
/// `load`, on the thread that scores them, so reading runs in parallel too.
#[derive(Debug)]
pub enum Input {
    /// Already an article or an error (a missing path, a JSONL line that failed to read).
    Ready(Result<Article, InputError>),
    /// A text file (or `-`), one article.
    File(PathBuf),
    /// A JSONL record and where it is (`file:line`).
    JsonLine { at: String, line: Vec<u8> },
}

impl Input {
    pub fn load(self) -> Result<Article, InputError> {
        match self {
            Input::Ready(r) => r,
            Input::File(path) => read_text_article(&path),
            Input::JsonLine { at, line } => parse_jsonl_line(&at, line),
        }
    }
}

/// Streams the inputs in `paths`, in order; `Input::load` reads each one.
pub fn read_articles(paths: &[PathBuf], format: InputFormat) -> impl Iterator<Item = Input> {
    expand_paths(paths)
        .into_iter()
        .flat_map(move |item| -> Box<dyn Iterator<Item = Input>> {
            match item {
                Err(e) => Box::new(std::iter::once(Input::Ready(Err(e)))),
                Ok(path) => match format {
                    InputFormat::Text => Box::new(std::iter::once(Input::File(path))),
                    InputFormat::Jsonl => read_jsonl_file(&path),
                },
            }
        })
}

fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "-".into()
    } else {
        path.display().to_string()
    }
}

fn io_error(path: &Path, e: &io::Error) -> InputError {
    InputError {
        source: display_name(path),
        reason: e.to_string(),
    }
}

fn open(path: &Path) -> io::Result<Box<dyn Read>> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::stdin()))
    } else {
        Ok(Box::new(fs::File::open(path)?))
    }
}

/// Reads one whole file (or stdin) as an article.
pub fn read_text_article(path: &Path) -> Result<Article, InputError> {
    let source = display_name(path);
    // A file known to be too big is refused before a byte of it is read.
    let is_stdin = path.as_os_str() == "-";
    let size = if is_stdin {
        None
    } else {
        fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len())
    };
    if size.is_some_and(|len| len > MAX_ARTICLE_BYTES) {
        return Err(too_large(&source));
    }
    // Sized from the file: read in one call (and one to see the end), not grown from
    // small reads.
    let capacity = size.map_or(0, |len| usize::try_from(len).unwrap_or(0) + 1);
    let mut bytes = Vec::with_capacity(capacity);
    open(path)
        .and_then(|r| r.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io_error(path, &e))?;
    let text = decode(&source, bytes)?;
    let mut article = Article::new(source, text.0);
    article.lossy = text.1;
    Ok(article)
}

fn too_large(source: &str) -> InputError {
    InputError {
        source: source.to_string(),
        reason: format!(
            "larger than {} MB; split it into articles (or give --input jsonl for JSONL)",
            MAX_ARTICLE_BYTES / (1024 * 1024)
        ),
    }
}

/// Checks size and binary content, then decodes UTF-8 (lossily, flagged, if it must).
fn decode(source: &str, bytes: Vec<u8>) -> Result<(String, bool), InputError> {
    let fail = |reason: &str| InputError {
        source: source.to_string(),
        reason: reason.to_string(),
    };
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(too_large(source));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(fail("empty article"));
    }
    if memchr::memchr(0, &bytes).is_some() {
        return Err(fail("binary file (contains NUL bytes), not text"));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, false)),
        Err(e) => Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), true)),
    }
}

/// Streams a JSONL file (or stdin) line by line; each bad line is its own error item.
fn read_jsonl_file(path: &Path) -> Box<dyn Iterator<Item = Input>> {
    let source = display_name(path);
    let reader = match open(path) {
        Ok(r) => BufReader::new(r),
        Err(e) => return Box::new(std::iter::once(Input::Ready(Err(io_error(path, &e))))),
    };
    let mut lines = reader.split(b'\n').enumerate();
    Box::new(std::iter::from_fn(move || loop {
        let (i, line) = lines.next()?;
        let at = format!("{}:{}", source, i + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Input::Ready(Err(InputError {
                    source: at,
                    reason: e.to_string(),
                })))
            }
        };
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        return Some(Input::JsonLine { at, line });
    }))
}

/// Parses one JSONL record into an article; `at` is `file:line` for error messages.
pub fn parse_jsonl_line(at: &str, line: Vec<u8>) -> Result<Article, InputError> {
    let fail = |reason: String| InputError {
        source: at.to_string(),
        reason,
    };
    let (line, lossy) = decode(at, line)?;
    let value: Value =
        serde_json::from_str(&line).map_err(|e| fail(format!("invalid JSON: {e}")))?;
    let Value::Object(mut fields) = value else {
        return Err(fail(
            "expected a JSON object with \"id\" and \"text\"".into(),
        ));
    };
    let text = match fields.remove("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err(fail("\"text\" must be a string".into())),
        None => return Err(fail("missing \"text\" field".into())),
    };
    let id = match fields.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err(fail("\"id\" must be a string or a number".into())),
        None => return Err(fail("missing \"id\" field".into())),
    };
    if text.trim().is_empty() {
        return Err(fail("empty \"text\"".into()));
    }
    let mut article = Article::new(id, text);
    if let Some(Value::String(d)) = fields.get("date") {
        article.date = Some(d.clone());
    }
    article.extra = fields;
    article.lossy = lossy;
    Ok(article)
}

/// A `Date: YYYY-MM-DD` line among the first three lines of a text article.
fn date_line(text: &str) -> Option<String> {
    text.lines().take(3).find_map(|line| {
        let rest = line.trim().strip_prefix("Date:")?.trim();
        (!rest.is_empty()).then(|| rest.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_keeps_extra_fields_and_date() {
        let line = br#"{"id": 7, "text": "Hello.", "date": "2025-01-02", "outlet": "x"}"#;
        let a = parse_jsonl_line("f:1", line.to_vec()).unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.date.as_deref(), Some("2025-01-02"));
        assert_eq!(a.extra["outlet"], "x");
        assert!(!a.extra.contains_key("text"));
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let e = parse_jsonl_line("f.jsonl:3", b"{\"id\":1}".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:3: missing \"text\" field");
        let e = parse_jsonl_line("f.jsonl:4", b"not json".to_vec()).unwrap_err();
        assert!(e.to_string().starts_with("f.jsonl:4: invalid JSON"));
    }

    #[test]
    fn binary_and_empty_are_refused_and_bad_utf8_is_lossy() {
        assert!(decode("f", vec![b'a', 0, b'b']).is_err());
        assert!(decode("f", b"  \n".to_vec()).is_err());
        let (s, lossy) = decode("f", vec![b'a', 0xff, b'b']).unwrap();
        assert!(lossy);
        assert_eq!(s, "a\u{fffd}b");
    }

    #[test]
    fn date_line_is_read_from_the_top() {
        let a = Article::new("x", "Date: 2025-03-01\nHeadline\n\nBody.");
        assert_eq!(a.date.as_deref(), Some("2025-03-01"));
        assert_eq!(Article::new("x", "No date here.").date, None);
    }
}
