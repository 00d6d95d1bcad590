//! The command line as users and scripts use it.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;

fn stance() -> Command {
    Command::cargo_bin("stance").expect("binary builds")
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

const ARTICLE: &str = "Date: 2025-04-02\nTalks resume\n\nForeign Minister Leila Haddad arrived in Muscat on Tuesday.\n\n\"We are ready to listen,\" Haddad said, \"but we will not be rushed.\"\n";

#[test]
fn score_a_folder_gives_one_record_per_quote_with_the_stable_fields() {
    let out = stance()
        .args(["score", "examples"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    assert!(
        recs.len() >= 30,
        "examples yield many quotes, got {}",
        recs.len()
    );
    for r in &recs {
        for field in [
            "article",
            "index",
            "speaker",
            "kind",
            "quote",
            "label",
            "probabilities",
            "tone",
            "start",
            "end",
        ] {
            assert!(r.get(field).is_some(), "missing {field} in {r}");
        }
        let tone = r["tone"].as_f64().unwrap();
        assert!((-1.0..=1.0).contains(&tone));
    }
}

#[test]
fn score_reads_stdin_and_joins_a_split_quote() {
    let out = stance()
        .args(["score", "-"])
        .write_stdin(ARTICLE)
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs.len(), 1, "{recs:?}");
    assert_eq!(recs[0]["speaker"], "Leila Haddad");
    assert_eq!(
        recs[0]["quote"],
        "We are ready to listen, but we will not be rushed."
    );
    assert_eq!(recs[0]["article"], "-");
    assert_eq!(recs[0]["date"], "2025-04-02");
    let (start, end) = (
        recs[0]["start"].as_u64().unwrap() as usize,
        recs[0]["end"].as_u64().unwrap() as usize,
    );
    assert!(ARTICLE[start..end].starts_with("\"We are ready"));
    assert!(ARTICLE[start..end].ends_with("rushed.\""));
}

#[test]
fn jsonl_input_carries_extra_fields_and_reports_bad_lines_by_number() {
    let input = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": "a1", "text": ARTICLE, "outlet": "Wire"}),
        serde_json::json!({"id": "a2", "text": ""})
    );
    let out = stance()
        .args(["score", "--input", "jsonl", "-"])
        .write_stdin(input.clone())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("-:2: invalid JSON"))
        .stderr(predicate::str::contains("-:3: empty \"text\""));
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs.len(), 3, "one quote and two error records");
    assert_eq!(recs[0]["outlet"], "Wire");
    assert_eq!(recs[0]["article"], "a1");
    assert_eq!(recs[1]["article"], "-:2");
    assert!(recs[1]["error"].as_str().unwrap().contains("invalid JSON"));
    stance()
        .args(["score", "--input", "jsonl", "--keep-going", "-"])
        .write_stdin(input)
        .assert()
        .success();
}

#[test]
fn a_bad_file_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), ARTICLE).unwrap();
    fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150]).unwrap();
    fs::write(dir.path().join("empty.md"), "").unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"\"We welcome this step,\" the minister said. Caf\xe9.",
    )
    .unwrap();
    let out = stance()
        .args(["score", "--format", "csv"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("binary.txt: binary file"))
        .stderr(predicate::str::contains("empty.md: empty article"))
        .stderr(predicate::str::contains(
            "missing.txt: no such file or folder",
        ))
        .stderr(predicate::str::contains(
            "latin1.txt: warning: not valid UTF-8",
        ))
        .stderr(predicate::str::contains(
            "5 articles read, 2 quotes scored, 3 articles failed",
        ));
    let csv = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(csv.starts_with(
        "article,index,speaker,role,speaker_mention,kind,quote,statement,label,p_conciliatory"
    ));
    assert_eq!(csv.lines().count(), 3, "header and two quotes:\n{csv}");
}

#[test]
fn classify_reads_lines_and_csv() {
    let out = stance()
        .args(["classify", "-"])
        .write_stdin(
            "We are ready to resume talks tomorrow.\n\nWe will respond with overwhelming force.\n",
        )
        .assert()
        .success();
    let recs = records(&out.get_output().stdout);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["label"], "conciliatory");
    assert_eq!(recs[1]["label"], "hardline");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("q.csv");
    fs::write(
        &csv,
        "id,quote\n1,\"The next round opens in Geneva on Monday, the ministry said.\"\n",
    )
    .unwrap();
    let out = stance()
        .arg("classify")
        .arg(&csv)
        .args(["--format", "csv"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.starts_with("quote,label,p_conciliatory,p_hardline,p_neutral,tone\n"));
    let bad = dir.path().join("bad.csv");
    fs::write(&bad, "id,text\n1,hello\n").unwrap();
    stance()
        .arg("classify")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bad.csv: CSV has no \"quote\" column",
        ));
}

#[test]
fn train_writes_the_next_version_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("quotes.csv");
    let mut csv = String::from("id,quote,label,speaker,split,conflict\n");
    let rows = [
        ("We welcome the offer and are ready to talk", "conciliatory"),
        ("We are ready to meet them halfway", "conciliatory"),
        ("We reject this and will retaliate", "hardline"),
        ("They will pay a heavy price for this", "hardline"),
        ("The next round is on Monday in Geneva", "neutral"),
        ("The delegations meet on Monday", "neutral"),
    ];
    for (i, (q, l)) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "{i},{q},{l},x,{},c{}\n",
            if i % 2 == 0 { "train" } else { "test" },
            i % 2
        ));
    }
    fs::write(&data, csv).unwrap();
    fs::write(
        dir.path().join("lexicon.csv"),
        "cue,class\nreject,reject\nwelcome,welcome\n",
    )
    .unwrap();
    let out = dir.path().join("models");
    for version in 1..=2 {
        stance()
            .args(["train", "--min-count", "1", "--data"])
            .arg(&data)
            .arg("--out")
            .arg(&out)
            .assert()
            .success()
            .stdout(predicate::str::contains(format!("stance-v{version}.json")));
    }
    let v1 = fs::read_to_string(out.join("stance-v1.json")).unwrap();
    let v2 = fs::read_to_string(out.join("stance-v2.json")).unwrap();
    assert_eq!(
        v1.replace("\"version\": 1,", "\"version\": 2,"),
        v2,
        "same data, same model"
    );
    stance()
        .args(["explain", "--model"])
        .arg(out.join("stance-v2.json"))
        .arg("We reject this")
        .assert()
        .success()
        .stdout(predicate::str::contains("label: "));
}

#[test]
fn eval_and_explain_report_on_the_built_in_model() {
    let out = stance()
        .args(["eval", "--json"])
        .current_dir(common::repo(""))
        .assert()
        .success();
    let m: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(m["macro_f1"].as_f64().unwrap() > 0.5);
    stance()
        .args(["explain", "We will never accept these conditions."])
        .assert()
        .success()
        .stdout(predicate::str::contains("label: hardline"))
        .stdout(predicate::str::contains("against:"));
}

#[test]
fn a_broken_model_or_bad_usage_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("m.json");
    fs::write(
        &model,
        "{\"format\": \"stance-model\", \"format_version\": 99}",
    )
    .unwrap();
    stance()
        .args(["classify", "--model"])
        .arg(&model)
        .write_stdin("hi\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("m.json"));
    stance()
        .args(["score", "--format", "xml", "x"])
        .assert()
        .code(2);
}

/// The two real articles in ../shared/seeds (outside the repository; the test runs where
/// they are present, as in CI).
#[test]
fn seed_articles_yield_the_expected_quotes_and_speakers() {
    let seeds = common::repo("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!("../shared/seeds not present; skipping");
        return;
    }
    let out = stance().arg("score").arg(&seeds).assert().success();
    let recs = records(&out.get_output().stdout);
    let khamenei: Vec<_> = recs
        .iter()
        .filter(|r| {
            r["quote"]
                .as_str()
                .unwrap()
                .contains("they will fail again")
        })
        .collect();
    assert_eq!(khamenei.len(), 1, "the split quote is one quote");
    assert!(khamenei[0]["quote"]
        .as_str()
        .unwrap()
        .starts_with("The Americans have been trying"));
    assert_eq!(khamenei[0]["speaker"], "Ali Khamenei");
    assert_eq!(khamenei[0]["label"], "hardline");
    let trump: Vec<_> = recs
        .iter()
        .filter(|r| r["quote"] == "open to hearing")
        .collect();
    assert_eq!(trump.len(), 1);
    assert_eq!(trump[0]["speaker"], "Donald Trump");
    assert_eq!(trump[0]["kind"], "partial");
    for r in &recs {
        assert!(
            r["speaker"].is_string(),
            "every seed quote has a speaker: {r}"
        );
    }
}

#[test]
fn parallel_output_is_identical_to_single_threaded() {
    let run = |jobs: &str| {
        let out = stance()
            .args([
                "score",
                "--jobs",
                jobs,
                "training-data/articles",
                "examples",
            ])
            .current_dir(common::repo(""))
            .assert()
            .success();
        out.get_output().stdout.clone()
    };
    let single = run("1");
    assert!(single.len() > 10_000);
    assert_eq!(single, run("2"));
}

#[test]
fn an_alias_file_maps_names_to_one_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let aliases = dir.path().join("aliases.csv");
    fs::write(
        &aliases,
        "alias,canonical\nLeila Haddad,Leila Haddad-Karimi\n",
    )
    .unwrap();
    let out = stance()
        .args(["score", "--speakers"])
        .arg(&aliases)
        .arg("-")
        .write_stdin(ARTICLE)
        .assert()
        .success();
    assert_eq!(
        records(&out.get_output().stdout)[0]["speaker"],
        "Leila Haddad-Karimi"
    );
    fs::write(&aliases, "alias,canonical\nOnlyOne\n").unwrap();
    stance()
        .args(["score", "--speakers"])
        .arg(&aliases)
        .arg("-")
        .write_stdin(ARTICLE)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("aliases.csv"));
}

/// `stance … | head`: when the reader closes the pipe, every command stops quietly with
/// success, never with a panic or an error line.
#[test]
fn a_closed_output_pipe_ends_every_command_quietly() {
    let commands: [&[&str]; 5] = [
        &["score", "examples", "training-data/articles"],
        &["classify", "training-data/quotes.csv"],
        &["eval"],
        &["explain", "We", "will", "not", "talk"],
        &[
            "score",
            "--format",
            "table",
            "examples",
            "training-data/articles",
        ],
    ];
    let bin = assert_cmd::cargo::cargo_bin("stance");
    for args in commands {
        let mut child = std::process::Command::new(&bin)
            .args(args)
            .current_dir(common::repo(""))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("stance starts");
        // Close the reading end before stance writes anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("stance ends");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
            "{args:?}: {:?}, stderr {stderr}",
            out.status
        );
    }
}
