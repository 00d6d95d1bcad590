//! The `report` command's self-contained HTML page of scored quotes: speakers, tone over
//! time, every quote. It starts from score records (`crate::scored`), so a report always
//! agrees with `score`. The page is one file with inline CSS, hand-built SVG charts and a
//! few lines of inline JavaScript for the filters: no network, no libraries, and every
//! piece of article text escaped before it is written.

mod chart;

use chart::tone_section;
pub use chart::{date_of, day_number, tone_series, Series, CHART_SPEAKERS};

use crate::explain::{explain, highlights, signed, Highlight, Push, TOP};
use crate::model::{LinearModel, LABELS};
use crate::output::Summary;
use crate::scored::{ScoredRecord, ScoredSet};
use serde_json::Value;
use std::fmt::Write as _;

/// What the report says about where its data and model came from.
pub struct ReportContext<'a> {
    /// The inputs, as given on the command line.
    pub source: &'a str,
    pub model: &'a LinearModel,
}

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Label colours (colour-blind safe): conciliatory blue, hardline vermilion, neutral grey.
const COLOURS: [&str; 3] = ["#0072b2", "#d55e00", "#8c8c8c"];

const STYLE: &str = "
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:1180px;margin:0 auto;padding:16px 24px}
h1{font-size:22px;margin:8px 0 2px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#666;margin:0 0 8px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
th{font-weight:600;background:#f0f0f0;position:sticky;top:0}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.key span{display:inline-block;margin-right:14px}.key i{display:inline-block;width:11px;height:11px;margin-right:4px;vertical-align:-1px}
.lab{font-weight:600;white-space:nowrap}.conciliatory{color:#0072b2}.hardline{color:#d55e00}.neutral{color:#777}
mark{padding:0 1px;border-radius:2px}
mark.t-conciliatory{background:#cfe5f5}mark.t-hardline{background:#fbd9c4}mark.t-neutral{background:#e4e4e4}
mark.a{background:none;border-bottom:2px dotted #999}
.q{color:#666;font-size:12px}.src{color:#666;font-size:12px;white-space:nowrap}
.filters{margin:8px 0;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
select{font:inherit;padding:2px 4px}
footer{margin:32px 0 16px;padding-top:8px;border-top:1px solid #ddd;color:#555;font-size:12px}
svg{display:block}svg text{font:11px system-ui,-apple-system,Helvetica,Arial,sans-serif;fill:#444}
.none{color:#777;font-style:italic}
";

/// Filters the quote table by speaker and label.
const SCRIPT: &str = "
const fs=document.getElementById('f-speaker'),fl=document.getElementById('f-label'),fc=document.getElementById('f-count');
function filter(){let n=0;for(const r of document.querySelectorAll('#quotes tbody tr')){const ok=(!fs.value||r.dataset.speaker===fs.value)&&(!fl.value||r.dataset.label===fl.value);r.hidden=!ok;if(ok)n++;}fc.textContent=n;}
fs.onchange=filter;fl.onchange=filter;
";

/// Renders the whole report page.
pub fn render(set: &ScoredSet, ctx: &ReportContext) -> String {
    let summary = set.summary();
    let mut h = String::with_capacity(4096 + set.records.len() * 700);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<title>stance report</title>\n<style>");
    h.push_str(STYLE);
    h.push_str("</style>\n</head>\n<body>\n<main>\n<h1>stance report</h1>\n");
    let articles = {
        let mut a: Vec<&str> = set.records.iter().map(|r| r.article.as_str()).collect();
        a.sort_unstable();
        a.dedup();
        a.len()
    };
    let _ = writeln!(
        h,
        "<p class=\"sub\">{} quotes from {} articles, {} speakers · {}</p>",
        set.records.len(),
        articles,
        summary.speakers.len(),
        esc(ctx.source)
    );
    if !set.errors.is_empty() || !set.malformed.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"sub\">Skipped: {} articles that failed to score, {} malformed lines.</p>",
            set.errors.len(),
            set.malformed.len()
        );
    }
    speakers_section(&mut h, &summary);
    tone_section(&mut h, set, &summary);
    quotes_section(&mut h, set, ctx.model, &summary);
    footer(&mut h, ctx.model);
    h.push_str("</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

fn label_key(h: &mut String) {
    h.push_str("<p class=\"key\">");
    for (k, name) in LABELS.iter().enumerate() {
        let _ = write!(
            h,
            "<span><i style=\"background:{}\"></i>{name}</span>",
            COLOURS[k]
        );
    }
    h.push_str("</p>\n");
}

/// Per speaker: quotes, label shares as a stacked bar, mean tone.
fn speakers_section(h: &mut String, summary: &Summary) {
    h.push_str("<h2>Speakers</h2>\n");
    label_key(h);
    h.push_str("<table id=\"speakers\">\n<thead><tr><th>Speaker</th><th>Quotes</th><th>Label shares</th><th>C / H / N</th><th>Mean tone</th><th></th></tr></thead>\n<tbody>\n");
    for (name, s) in summary.ranked() {
        let _ = write!(
            h,
            "<tr class=\"speaker\" data-speaker=\"{}\" data-quotes=\"{}\"><td>{}</td><td class=\"n\">{}</td><td>",
            esc(name),
            s.quotes,
            esc(name),
            s.quotes
        );
        // The stacked bar: one rect per label with a share above zero.
        const W: f64 = 260.0;
        let _ = write!(
            h,
            "<svg class=\"bar\" width=\"{W}\" height=\"14\" viewBox=\"0 0 {W} 14\" role=\"img\">"
        );
        let mut x = 0.0;
        for (k, &n) in s.per_label.iter().enumerate() {
            if n == 0 {
                continue;
            }
            let w = W * n as f64 / s.quotes.max(1) as f64;
            let _ = write!(
                h,
                "<rect x=\"{x:.1}\" y=\"0\" width=\"{w:.1}\" height=\"14\" fill=\"{}\"><title>{}: {n} of {}</title></rect>",
                COLOURS[k], LABELS[k], s.quotes
            );
            x += w;
        }
        h.push_str("</svg></td><td class=\"n\">");
        let shares: Vec<String> = s.per_label.iter().map(|n| n.to_string()).collect();
        let _ = write!(h, "{}", shares.join(" / "));
        let tone = s.mean_tone();
        let _ = writeln!(
            h,
            "</td><td class=\"n\">{}</td><td>{}</td></tr>",
            signed(tone).replace('\u{2212}', "&minus;"),
            tone_bar(tone)
        );
    }
    h.push_str("</tbody>\n</table>\n<p class=\"sub\">Shares are conciliatory / hardline / neutral quotes. Tone = P(conciliatory) &minus; P(hardline), from &minus;1 (hardline) to +1 (conciliatory).</p>\n");
}

/// A small diverging bar from the middle: left (vermilion) hardline, right (blue)
/// conciliatory.
fn tone_bar(tone: f64) -> String {
    let t = tone.clamp(-1.0, 1.0);
    let (x, w, c) = if t < 0.0 {
        (50.0 + 50.0 * t, -50.0 * t, COLOURS[1])
    } else {
        (50.0, 50.0 * t, COLOURS[0])
    };
    format!(
        "<svg class=\"tone\" width=\"100\" height=\"12\" viewBox=\"0 0 100 12\"><rect x=\"0\" y=\"5\" width=\"100\" height=\"2\" fill=\"#e4e4e4\"/><rect x=\"{x:.1}\" y=\"1\" width=\"{w:.1}\" height=\"10\" fill=\"{c}\"/><line x1=\"50\" y1=\"0\" x2=\"50\" y2=\"12\" stroke=\"#888\"/></svg>"
    )
}

/// Every quote: speaker, label, confidence, tone and the statement with the words that
/// drove the label highlighted; filterable by speaker and label.
fn quotes_section(h: &mut String, set: &ScoredSet, model: &LinearModel, summary: &Summary) {
    h.push_str("<h2>Quotes</h2>\n<div class=\"filters\"><label>Speaker <select id=\"f-speaker\"><option value=\"\">all</option>");
    for name in summary.speakers.keys() {
        let _ = write!(h, "<option value=\"{}\">{}</option>", esc(name), esc(name));
    }
    h.push_str(
        "</select></label><label>Label <select id=\"f-label\"><option value=\"\">all</option>",
    );
    for name in LABELS {
        let _ = write!(h, "<option value=\"{name}\">{name}</option>");
    }
    let _ = writeln!(
        h,
        "</select></label><span><span id=\"f-count\">{}</span> quotes shown</span></div>",
        set.records.len()
    );
    h.push_str("<p class=\"key\"><span><mark class=\"t-hardline\">shaded</mark> words pushed toward the label</span><span><mark class=\"a\">dotted</mark> words pushed toward the runner-up</span></p>\n");
    h.push_str("<table id=\"quotes\">\n<thead><tr><th>Speaker</th><th>Label</th><th>Confidence</th><th>Tone</th><th>Statement</th><th>Article</th></tr></thead>\n<tbody>\n");
    for r in &set.records {
        let label = r.label.name();
        let _ = write!(
            h,
            "<tr data-speaker=\"{}\" data-label=\"{label}\"><td>{}</td><td class=\"lab {label}\">{label}</td><td class=\"n\">{:.2}</td><td class=\"n\">{}</td><td>",
            esc(r.speaker_name()),
            esc(r.speaker_name()),
            r.confidence(),
            signed(r.tone).replace('\u{2212}', "&minus;")
        );
        let (toward, against) = pushes_of(r, model);
        let text = r.labeled_text();
        h.push_str(&highlighted(text, &toward, &against, label, model));
        if r.statement.is_some() {
            let _ = write!(h, "<div class=\"q\">quoted: “{}”</div>", esc(&r.quote));
        }
        let _ = write!(
            h,
            "</td><td class=\"src\">{}",
            esc(short_article(&r.article))
        );
        if let Some(d) = &r.date {
            let _ = write!(h, "<br>{}", esc(d));
        }
        h.push_str("</td></tr>\n");
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The file name of an article path; other ids as they are.
fn short_article(id: &str) -> &str {
    id.rsplit(['/', '\\']).next().unwrap_or(id)
}

/// The features behind a record's label: from its `explanation` field when it has one,
/// else worked out with the model (only when the model agrees with the label).
fn pushes_of(r: &ScoredRecord, model: &LinearModel) -> (Vec<Push>, Vec<Push>) {
    if let Some(e) = &r.explanation {
        let list = |key: &str| -> Vec<Push> {
            e.get(key)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        .filter_map(|i| {
                            Some(Push {
                                words: i.get("words")?.as_str()?.to_string(),
                                feature: i.get("feature")?.as_str()?.to_string(),
                                contribution: i.get("contribution")?.as_f64()?,
                            })
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        return (list("toward"), list("against"));
    }
    let e = explain(model, r.labeled_text(), TOP);
    if e.label() != r.label {
        return (Vec::new(), Vec::new());
    }
    (e.toward, e.against)
}

/// The statement as escaped HTML with `<mark>`s on the words that pushed toward the
/// label (shaded) and toward the runner-up (dotted).
fn highlighted(
    text: &str,
    toward: &[Push],
    against: &[Push],
    label: &str,
    model: &LinearModel,
) -> String {
    let mut pushes: Vec<Push> = toward.to_vec();
    pushes.extend(against.iter().cloned());
    let marks: Vec<Highlight> = highlights(model, text, &pushes);
    let mut out = String::with_capacity(text.len() + marks.len() * 60);
    let mut at = 0;
    for m in marks {
        if m.start < at {
            continue;
        }
        out.push_str(&esc(&text[at..m.start]));
        let title: Vec<String> = m
            .features
            .iter()
            .map(|(f, c)| format!("{f} {}", signed(*c)))
            .collect();
        let class = if m.push > 0.0 {
            format!("t-{label}")
        } else {
            "a".to_string()
        };
        let _ = write!(
            out,
            "<mark class=\"{class}\" title=\"{}\">{}</mark>",
            esc(&title.join("; ")),
            esc(&text[m.start..m.end])
        );
        at = m.end;
    }
    out.push_str(&esc(&text[at..]));
    out
}

fn footer(h: &mut String, model: &LinearModel) {
    let _ = write!(
        h,
        "<footer>Model <span id=\"model-version\">stance-v{}</span>",
        model.version()
    );
    match &model.file.metrics {
        Some(m) => {
            let _ = write!(
                h,
                " · test split ({} statements): accuracy {:.3}, macro-F1 {:.3}",
                m.n, m.accuracy, m.macro_f1
            );
            let per: Vec<String> = m
                .per_class
                .iter()
                .map(|(name, c)| format!("{} F1 {:.3}", esc(name), c.f1))
                .collect();
            if !per.is_empty() {
                let _ = write!(h, " ({})", per.join(", "));
            }
        }
        None => h.push_str(" · no test metrics recorded"),
    }
    let _ = writeln!(
        h,
        " · training data sha256 {}… · made by stance {}</footer>",
        esc(model
            .file
            .training_data
            .sha256
            .get(..12)
            .unwrap_or(&model.file.training_data.sha256)),
        env!("CARGO_PKG_VERSION")
    );
}

/// Writes the report to `path`; errors name the file.
pub fn write_report(path: &std::path::Path, html: &str) -> anyhow::Result<()> {
    std::fs::write(path, html).map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))
}
