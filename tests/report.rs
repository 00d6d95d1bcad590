//! The HTML report and the summary command: structure, agreement with `score`, escaping.

mod common;

use assert_cmd::Command;
use serde_json::{json, Value};
use stance::report::{date_of, day_number, esc, render, ReportContext};
use stance::scored::ScoredSet;
use std::collections::BTreeMap;
use std::fs;

fn stance() -> Command {
    Command::cargo_bin("stance").expect("binary builds")
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The value of attribute `name` in each opening tag that starts with `tag_start`.
fn attrs(html: &str, tag_start: &str, name: &str) -> Vec<String> {
    html.match_indices(tag_start)
        .map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>').expect("tag closes")];
            let key = format!(" {name}=\"");
            let at = tag.find(&key).expect("attribute present") + key.len();
            unescape(&tag[at..at + tag[at..].find('"').expect("attribute closes")])
        })
        .collect()
}

fn score_counts(stdout: &[u8]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for line in String::from_utf8_lossy(stdout).lines() {
        let r: Value = serde_json::from_str(line).expect("JSON");
        let name = r["speaker"].as_str().unwrap_or("(unnamed)").to_string();
        *counts.entry(name).or_default() += 1;
    }
    counts
}

#[test]
fn report_of_the_examples_has_one_bar_per_speaker_with_the_counts_of_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    stance()
        .args(["report", "examples", "-o"])
        .arg(&path)
        .current_dir(common::repo(""))
        .assert()
        .success();
    let html = fs::read_to_string(&path).unwrap();
    let scored = stance()
        .args(["score", "examples"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let want = score_counts(&scored.get_output().stdout);

    let speakers = attrs(&html, "<tr class=\"speaker\"", "data-speaker");
    let quotes = attrs(&html, "<tr class=\"speaker\"", "data-quotes");
    let got: BTreeMap<String, usize> = speakers
        .iter()
        .cloned()
        .zip(quotes.iter().map(|q| q.parse().unwrap()))
        .collect();
    assert_eq!(got.len(), speakers.len(), "each speaker once");
    assert_eq!(got, want, "counts per speaker match `stance score`");
    assert_eq!(html.matches("<svg class=\"bar\"").count(), want.len());

    // One table row per quote, with its speaker and label for the filters.
    let rows = attrs(&html, "<tr data-speaker=", "data-speaker");
    assert_eq!(rows.len(), want.values().sum::<usize>());
    for label in attrs(&html, "<tr data-speaker=", "data-label") {
        assert!(["conciliatory", "hardline", "neutral"].contains(&label.as_str()));
    }
    assert!(html.contains("id=\"f-speaker\"") && html.contains("id=\"f-label\""));
    assert!(
        html.contains("<mark class=\"t-"),
        "driving words are highlighted"
    );

    // The footer names the model and its metrics.
    let model = common::model();
    let footer = &html[html.find("<footer>").expect("a footer")..];
    assert!(
        footer.contains(&format!("stance-v{}", model.version())),
        "{footer}"
    );
    assert!(footer.contains("macro-F1"), "{footer}");

    // Self-contained: nothing fetched, one inline script, no external resources.
    assert_eq!(html.matches("<script").count(), 1);
    for bad in [
        "<script src",
        "<link",
        "src=\"http",
        "href=\"http",
        "@import",
        "url(",
        "<iframe",
        "<img",
    ] {
        assert!(!html.contains(bad), "report contains {bad:?}");
    }
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
}

#[test]
fn report_from_scored_jsonl_agrees_with_report_from_articles() {
    let dir = tempfile::tempdir().unwrap();
    let scored = stance()
        .args(["score", "--explain", "examples"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let jsonl = dir.path().join("scored.jsonl");
    fs::write(&jsonl, &scored.get_output().stdout).unwrap();
    let (a, b) = (dir.path().join("a.html"), dir.path().join("b.html"));
    stance()
        .args(["report", "examples", "-o"])
        .arg(&a)
        .current_dir(common::repo(""))
        .assert()
        .success();
    stance()
        .args(["report", "--scored"])
        .arg(&jsonl)
        .arg("-o")
        .arg(&b)
        .assert()
        .success();
    let (a, b) = (
        fs::read_to_string(a).unwrap(),
        fs::read_to_string(b).unwrap(),
    );
    let body = |h: &str| h[h.find("<h2>Speakers").unwrap()..].to_string();
    assert_eq!(body(&a), body(&b), "same page but for the source line");
}

/// A scored record with every text field set to `evil`.
fn record(evil: &str, speaker: &str, date: &str, label: &str) -> Value {
    json!({
        "article": evil, "index": 0, "speaker": speaker, "kind": evil,
        "quote": evil, "statement": evil, "label": label,
        "probabilities": {"conciliatory": 0.2, "hardline": 0.7, "neutral": 0.1},
        "tone": -0.5, "date": date,
        "explanation": {"toward": [{"words": evil, "feature": evil, "contribution": 1.0}],
                        "against": [], "runner_up": "conciliatory"},
    })
}

const EVIL: &str =
    "</td></tr></table><script>alert('x')</script><img src=x onerror=\"alert(1)\">'\"&";

fn assert_inert(html: &str) {
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(!html.contains("<img"), "no injected element");
    assert!(!html.contains("</table><script"));
    assert!(!html.contains("onerror=\""));
    // Every attribute value stays inside its quotes: no quote characters leak from text.
    assert!(!html.contains("=\"alert"));
}

#[test]
fn article_text_cannot_inject_html() {
    let mut jsonl = String::new();
    for (i, date) in ["2025-01-01", "2025-02-01", "2025-03-01<script>"]
        .iter()
        .enumerate()
    {
        let speaker = format!("Mallory {EVIL}");
        jsonl.push_str(&record(EVIL, &speaker, date, "hardline").to_string());
        jsonl.push('\n');
        let _ = i;
    }
    let set = ScoredSet::read(jsonl.as_bytes(), "evil.jsonl").unwrap();
    assert_eq!(set.records.len(), 3);
    let model = common::model();
    let html = render(
        &set,
        &ReportContext {
            source: EVIL,
            model: &model,
        },
    );
    assert_inert(&html);
    assert!(
        html.contains("Mallory &lt;/td&gt;"),
        "the text is shown, escaped"
    );
    assert!(
        html.contains("class=\"series\""),
        "two dated points make a line"
    );

    // The same through the pipeline: an article whose quotes and speaker carry markup.
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("evil<b>.txt");
    fs::write(
        &article,
        "Date: 2025-05-05\nHeadline\n\n\"We will never accept </td><script>alert(1)</script><img src=x onerror=alert(1)> these terms,\" said Foreign Minister Ann <i>Smith</i>.\n\n\"They have failed, and they will fail again & again,\" Smith said.\n",
    )
    .unwrap();
    let out = dir.path().join("r.html");
    stance()
        .arg("report")
        .arg(&article)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let html = fs::read_to_string(out).unwrap();
    assert_inert(&html);
    assert!(
        html.contains("&lt;/td&gt;&lt;script&gt;alert("),
        "quoted markup is text"
    );
}

#[test]
fn tone_chart_draws_speakers_with_two_dates_at_most_eight_with_a_legend() {
    let mut jsonl = String::new();
    // Ten speakers on three dates each (more quotes for lower numbers), one on a single date.
    for s in 0..10 {
        for d in 0..(3 + 10 - s) {
            let date = format!("2025-0{}-1{}", 1 + d % 3, d % 10);
            let r = record("text", &format!("Speaker {s}"), &date, "neutral");
            jsonl.push_str(&r.to_string());
            jsonl.push('\n');
        }
    }
    jsonl.push_str(&record("text", "Lonely", "2025-01-01", "neutral").to_string());
    let set = ScoredSet::read(jsonl.as_bytes(), "t.jsonl").unwrap();
    let model = common::model();
    let html = render(
        &set,
        &ReportContext {
            source: "t.jsonl",
            model: &model,
        },
    );
    let series = attrs(&html, "<g class=\"series\"", "data-speaker");
    assert_eq!(
        series,
        (0..8).map(|s| format!("Speaker {s}")).collect::<Vec<_>>()
    );
    assert_eq!(html.matches("<g class=\"legend\">").count(), 8);
    assert!(html.contains("<svg id=\"tone-chart\""));
}

#[test]
fn dates_and_escaping_helpers() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(day_number("2024-03-01T10:00:00Z"), Some(19_783));
    assert_eq!(day_number("March 3"), None);
    assert_eq!(day_number("2024-13-01"), None);
    for d in [-1000, 0, 19_783, 20_000, 30_000] {
        assert_eq!(day_number(&date_of(d)), Some(d));
    }
    assert_eq!(
        esc("<a href='x'>\"&\"</a>"),
        "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
    );
}

#[test]
fn summary_counts_error_records_and_names_malformed_lines() {
    let scored = stance()
        .args(["score", "examples"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let stdout = scored.get_output().stdout.clone();
    let want = score_counts(&stdout);
    let mut input =
        String::from("{\"article\": \"gone.txt\", \"error\": \"no such file or folder\"}\n");
    input.push_str(&String::from_utf8_lossy(&stdout));
    input.push_str("{not json\n");

    let out = stance()
        .args(["summary", "--format", "jsonl", "-"])
        .write_stdin(input.clone())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let line = input.lines().count();
    assert!(
        stderr.contains(&format!("-:{line}: invalid JSON")),
        "{stderr}"
    );
    assert!(stderr.contains("1 error records skipped"), "{stderr}");
    let mut got = BTreeMap::new();
    for l in String::from_utf8_lossy(&out.get_output().stdout).lines() {
        let r: Value = serde_json::from_str(l).unwrap();
        let per: u64 = ["conciliatory", "hardline", "neutral"]
            .iter()
            .map(|k| r[k].as_u64().unwrap())
            .sum();
        assert_eq!(per, r["quotes"].as_u64().unwrap());
        got.insert(r["speaker"].as_str().unwrap().to_string(), per as usize);
    }
    assert_eq!(got, want);

    // A clean file: exit 0; table and CSV formats.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.jsonl");
    fs::write(&file, &stdout).unwrap();
    stance()
        .args(["summary"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicates::str::contains("mean_tone"));
    let out = stance()
        .args(["summary", "--format", "csv"])
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        want.len() + 1
    );
    // A missing file is a one-line error naming it.
    let out = stance()
        .args(["summary"])
        .arg(dir.path().join("missing.jsonl"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("missing.jsonl"), "{stderr}");
}
