//! Explanations add up: intercept plus contributions is the model's score, and the
//! toward/against lists account for the margin between the label and the runner-up.

mod common;

use assert_cmd::Command;
use serde_json::Value;
use stance::explain::{explain, highlights, runner_up, TOP};
use stance::model::{Label, LinearModel};

/// Statements from the labeled corpus: every row (a few thousand).
fn statements() -> Vec<String> {
    let mut reader = csv::Reader::from_path(common::repo("training-data/quotes.csv"))
        .expect("training-data/quotes.csv opens");
    let col = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "quote")
        .expect("a quote column");
    let rows: Vec<String> = reader
        .records()
        .map(|r| r.expect("a CSV row")[col].to_string())
        .collect();
    assert!(rows.len() > 500, "many statements, got {}", rows.len());
    rows
}

fn argmax(s: &[f64; 3]) -> usize {
    (0..3).fold(0, |b, k| if s[k] > s[b] { k } else { b })
}

#[test]
fn intercept_plus_contributions_is_the_score_of_every_class() {
    let model = common::model();
    for text in statements() {
        let e = explain(&model, &text, TOP);
        let scores = model.scores(&model.features(&text));
        for (k, score) in scores.iter().enumerate() {
            let sum = e.intercepts[k] + e.contributions.iter().map(|c| c.per_class[k]).sum::<f64>();
            assert!(
                (sum - score).abs() < 1e-9,
                "{text:?}: class {k}: {sum} != {score}"
            );
            assert!((e.scores()[k] - score).abs() < 1e-9);
        }
        assert_eq!(e.prediction, model.predict(&text), "{text:?}");
    }
}

#[test]
fn toward_and_against_account_for_the_margin_over_the_runner_up() {
    let model = common::model();
    for text in statements() {
        let e = explain(&model, &text, TOP);
        let scores = model.scores(&model.features(&text));
        let (l, r) = (e.label() as usize, e.runner_up as usize);
        assert_eq!(l, argmax(&scores), "{text:?}: the label has the top logit");
        assert_ne!(l, r);
        assert_eq!(e.runner_up, runner_up(e.label(), &scores));
        let third = 3 - l - r;
        assert!(scores[r] >= scores[third], "{text:?}: runner-up is second");

        // Every push is the label's contribution minus the runner-up's; all of them
        // plus the intercept difference give the logit difference.
        let all = e.pushes();
        let margin = scores[l] - scores[r];
        let total =
            e.intercepts[l] - e.intercepts[r] + all.iter().map(|p| p.contribution).sum::<f64>();
        assert!(
            (total - margin).abs() < 1e-9,
            "{text:?}: {total} != {margin}"
        );
        assert!(margin >= 0.0);
        for p in &all {
            let c = e
                .contributions
                .iter()
                .find(|c| c.feature == p.feature)
                .expect("a push is an active feature");
            assert!((p.contribution - (c.per_class[l] - c.per_class[r])).abs() < 1e-12);
        }

        // toward: the strongest positive pushes, strongest first; against: the strongest
        // negative ones, strongest first; at most TOP each.
        let positive: Vec<_> = all.iter().filter(|p| p.contribution > 0.0).collect();
        let negative: Vec<_> = all.iter().rev().filter(|p| p.contribution < 0.0).collect();
        assert_eq!(e.toward.len(), positive.len().min(TOP));
        assert_eq!(e.against.len(), negative.len().min(TOP));
        for (a, b) in e.toward.iter().zip(&positive) {
            assert_eq!(a, *b);
        }
        for (a, b) in e.against.iter().zip(&negative) {
            assert_eq!(a, *b);
        }
        assert!(e
            .toward
            .windows(2)
            .all(|w| w[0].contribution >= w[1].contribution));
        assert!(e
            .against
            .windows(2)
            .all(|w| w[0].contribution <= w[1].contribution));
        // What is not listed toward is no larger than the smallest listed.
        if let Some(last) = e.toward.last() {
            assert!(positive[e.toward.len()..]
                .iter()
                .all(|p| p.contribution <= last.contribution));
        }
    }
}

#[test]
fn words_are_the_statement_s_own_and_negation_is_marked() {
    let model = common::model();
    let text = "We will not return to negotiations under pressure, and they will fail again.";
    let e = explain(&model, text, 50);
    assert!(!e.toward.is_empty() || !e.against.is_empty());
    for p in e.toward.iter().chain(&e.against) {
        for w in p.words.split(' ') {
            let w = w.trim_start_matches('¬');
            assert!(
                text.to_lowercase().contains(&w.to_lowercase()),
                "{w:?} of {p:?} is in the text"
            );
        }
    }
    assert!(
        e.toward
            .iter()
            .chain(&e.against)
            .any(|p| p.words.contains('¬')),
        "words in a negation scope are marked: {e:?}"
    );
    let line = e.line();
    assert!(
        line.starts_with(&format!("{}: ", e.label().name())),
        "{line}"
    );
    assert!(line.contains("; against: "), "{line}");
    // Highlights cover the statement's words, in order, without overlapping.
    let h = highlights(&model, text, &e.toward);
    assert!(!h.is_empty());
    assert!(h.windows(2).all(|w| w[0].end <= w[1].start));
    assert!(h
        .iter()
        .all(|x| x.push > 0.0 && text.get(x.start..x.end).is_some()));
}

#[test]
fn a_tiny_model_explains_by_hand() {
    let json = r#"{"format":"stance-model","format_version":1,"version":7,
      "labels":["conciliatory","hardline","neutral"],
      "features":{"ngram_max":1,"ngrams":true,"cues":false,"min_count":1,"max_features":10,
        "l2_normalize":false,"lexicon":[],"stop_words":[]},
      "hyperparameters":{"alpha":1.0,"max_iterations":1},
      "training_data":{"file":"x","sha256":"0","rows":0,"train_rows":0,"test_rows":0},
      "metrics":null,"intercepts":[0.5,0.0,0.25],
      "weights":{"talk":[2.0,-1.0,0.0],"threaten":[-1.0,3.0,0.5]}}"#;
    let model = LinearModel::from_json(json).expect("tiny model");
    let e = explain(&model, "We threaten and talk", TOP);
    // scores: conciliatory 0.5+2-1 = 1.5, hardline 0-1+3 = 2, neutral 0.25+0.5 = 0.75
    assert_eq!(e.label(), Label::Hardline);
    assert_eq!(e.runner_up, Label::Conciliatory);
    assert_eq!(e.toward.len(), 1);
    assert_eq!(e.toward[0].feature, "threaten");
    assert!((e.toward[0].contribution - 4.0).abs() < 1e-12);
    assert_eq!(e.against[0].feature, "talk");
    assert!((e.against[0].contribution + 3.0).abs() < 1e-12);
    assert_eq!(
        e.line(),
        "hardline: \"threaten\" +4.00; against: \"talk\" \u{2212}3.00"
    );
    let j = e.to_json();
    assert_eq!(j["runner_up"], "conciliatory");
    assert_eq!(j["toward"][0]["words"], "threaten");
    assert_eq!(j["against"][0]["contribution"], -3.0);
}

fn stance() -> Command {
    Command::cargo_bin("stance").expect("binary builds")
}

#[test]
fn score_explain_adds_the_field_to_jsonl_and_a_column_to_csv() {
    let out = stance()
        .args(["score", "--explain", "examples"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let recs: Vec<Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert!(!recs.is_empty());
    let model = common::model();
    for r in &recs {
        let e = &r["explanation"];
        let toward = e["toward"].as_array().expect("toward");
        let against = e["against"].as_array().expect("against");
        assert!(toward.len() <= 5 && against.len() <= 5);
        assert_ne!(e["runner_up"], r["label"]);
        for (list, sign) in [(toward, 1.0), (against, -1.0)] {
            for item in list {
                assert!(item["words"].is_string() && item["feature"].is_string());
                assert!(
                    item["contribution"].as_f64().unwrap() * sign > 0.0,
                    "{item}"
                );
            }
        }
        // The explanation is of the text the label came from.
        let text = r.get("statement").unwrap_or(&r["quote"]).as_str().unwrap();
        let want = explain(&model, text, 5).to_json();
        assert_eq!(e, &want);
    }
    let out = stance()
        .args(["score", "--explain", "--format", "csv", "examples"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let mut reader = csv::Reader::from_reader(out.get_output().stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let col = headers
        .iter()
        .position(|h| h == "explanation")
        .expect("column");
    let label = headers.iter().position(|h| h == "label").unwrap();
    let mut n = 0;
    for row in reader.records() {
        let row = row.unwrap();
        assert!(
            row[col].starts_with(&format!("{}: ", &row[label])),
            "{:?}",
            &row[col]
        );
        assert!(row[col].contains("; against: "));
        n += 1;
    }
    assert_eq!(n, recs.len());
}

#[test]
fn the_explain_command_names_label_runner_up_and_both_lists() {
    let out = stance()
        .args(["explain", "They have failed, and they will fail again."])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("label: hardline"), "{text}");
    assert!(text.contains("runner-up: "), "{text}");
    assert!(text.contains("hardline: \""), "{text}");
    assert!(text.contains("; against: "), "{text}");
}
