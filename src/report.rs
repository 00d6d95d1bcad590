//! Scored quotes, read back and put together: the `summary` command's per-speaker
//! tallies and the `report` command's self-contained HTML page.
//!
//! Both start from score records (the JSONL that `stance score` writes), read from a
//! file or produced by scoring articles here, so a report always agrees with `score`.
//! The page is one file with inline CSS, hand-built SVG charts and a few lines of inline
//! JavaScript for the filters: no network, no libraries, and every piece of article text
//! escaped before it is written.

use crate::article::{read_articles, InputError, InputFormat};
use crate::batch::score_all;
use crate::explain::{explain, highlights, signed, Highlight, Push, TOP};
use crate::model::{Label, LinearModel, LABELS};
use crate::output::{Format, RecordWriter, Summary, SCORE_COLUMNS, UNNAMED};
use crate::Pipeline;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// One score record, as much of it as the summary and the report use.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredRecord {
    pub article: String,
    pub speaker: Option<String>,
    pub kind: String,
    pub quote: String,
    /// The text the label was computed from, when it differs from `quote`.
    pub statement: Option<String>,
    pub label: Label,
    pub probabilities: [f64; 3],
    pub tone: f64,
    pub date: Option<String>,
    /// The `explanation` field of `score --explain`, if present.
    pub explanation: Option<Value>,
}

impl ScoredRecord {
    /// Reads a score record; the error says which field is missing or wrong.
    pub fn from_json(r: &Map<String, Value>) -> Result<ScoredRecord, String> {
        let text = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
        let label = match r.get("label") {
            Some(Value::String(s)) => {
                Label::parse(s).ok_or_else(|| format!("unknown label {s:?}"))?
            }
            _ => return Err("missing \"label\"".into()),
        };
        let tone = r
            .get("tone")
            .and_then(Value::as_f64)
            .filter(|t| t.is_finite())
            .ok_or("missing or non-numeric \"tone\"")?;
        let mut probabilities = [0.0; 3];
        for (k, name) in LABELS.iter().enumerate() {
            probabilities[k] = r
                .get("probabilities")
                .and_then(|p| p.get(name))
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("missing probability of {name}"))?;
        }
        let speaker = match r.get("speaker") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err("\"speaker\" must be a string or null".into()),
        };
        Ok(ScoredRecord {
            article: text("article").unwrap_or_default(),
            speaker,
            kind: text("kind").unwrap_or_default(),
            quote: text("quote").ok_or("missing \"quote\"")?,
            statement: text("statement"),
            label,
            probabilities,
            tone,
            date: text("date"),
            explanation: r.get("explanation").filter(|e| e.is_object()).cloned(),
        })
    }

    /// The text the label was computed from.
    pub fn labeled_text(&self) -> &str {
        self.statement.as_deref().unwrap_or(&self.quote)
    }

    pub fn confidence(&self) -> f64 {
        self.probabilities[self.label as usize]
    }

    pub fn speaker_name(&self) -> &str {
        self.speaker.as_deref().unwrap_or(UNNAMED)
    }
}

/// Score records read back, with what could not be used.
#[derive(Debug, Clone, Default)]
pub struct ScoredSet {
    pub records: Vec<ScoredRecord>,
    /// Error records (`{"article", "error"}`): articles that failed when scored.
    pub errors: Vec<(String, String)>,
    /// Lines that are not score records: `file:line: reason`.
    pub malformed: Vec<String>,
}

impl ScoredSet {
    /// Reads scored JSONL; error records are counted, malformed lines noted with their
    /// line number. Only an unreadable input is an error.
    pub fn read(reader: impl BufRead, name: &str) -> anyhow::Result<ScoredSet> {
        let mut set = ScoredSet::default();
        for (i, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let at = format!("{name}:{}", i + 1);
            let value: Value = match serde_json::from_slice(&line) {
                Ok(v) => v,
                Err(e) => {
                    set.malformed.push(format!("{at}: invalid JSON: {e}"));
                    continue;
                }
            };
            let Value::Object(map) = value else {
                set.malformed
                    .push(format!("{at}: expected a JSON object (a score record)"));
                continue;
            };
            if let Some(error) = map.get("error") {
                let article = map.get("article").and_then(Value::as_str).unwrap_or("?");
                let error = error
                    .as_str()
                    .map_or_else(|| error.to_string(), String::from);
                set.errors.push((article.to_string(), error));
                continue;
            }
            match ScoredRecord::from_json(&map) {
                Ok(r) => set.records.push(r),
                Err(reason) => set.malformed.push(format!("{at}: {reason}")),
            }
        }
        Ok(set)
    }

    /// Scores articles with `pipeline` exactly as `stance score` does and reads the
    /// records back. `on_error` is told of each input that failed.
    pub fn score(
        pipeline: &Pipeline,
        paths: &[PathBuf],
        input: InputFormat,
        on_error: &mut dyn FnMut(&InputError),
    ) -> anyhow::Result<ScoredSet> {
        let mut jsonl = Vec::new();
        {
            let mut writer = RecordWriter::new(Format::Jsonl, SCORE_COLUMNS, &mut jsonl);
            score_all(
                pipeline,
                read_articles(paths, input),
                &mut writer,
                None,
                on_error,
                &mut |_| {},
            )?;
        }
        ScoredSet::read(jsonl.as_slice(), "scored records")
    }

    /// Quotes per label and mean tone, per speaker.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for r in &self.records {
            s.add(r.speaker.as_deref(), r.label as usize, r.tone);
        }
        s
    }

    /// One line for stderr: what was read and what was skipped.
    pub fn stats_line(&self) -> String {
        format!(
            "stance: {} quotes, {} error records skipped, {} malformed lines",
            self.records.len(),
            self.errors.len(),
            self.malformed.len()
        )
    }
}

/// The `summary` command: reads scored JSONL and writes the per-speaker summary;
/// malformed lines go to `err`. Returns the set that was read.
pub fn summarize(
    reader: impl BufRead,
    name: &str,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ScoredSet> {
    let set = ScoredSet::read(reader, name)?;
    for m in &set.malformed {
        writeln!(err, "stance: {m}")?;
    }
    set.summary().write(format, out)?;
    out.flush()?;
    writeln!(err, "{}", set.stats_line())?;
    Ok(set)
}

// ---------------------------------------------------------------------------------
// The HTML report.

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
/// Line colours of the tone chart.
const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6a3d9a", "#444444",
];
/// Speakers drawn in the tone chart, at most.
pub const CHART_SPEAKERS: usize = 8;

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

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (a longer timestamp is cut to its day).
pub fn day_number(date: &str) -> Option<i64> {
    let d = date.trim().get(..10)?;
    let mut parts = d.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if d.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` of a day number.
pub fn date_of(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A speaker's line in the tone chart: (day, mean tone of the quotes that day).
pub type Series = (String, Vec<(i64, f64)>);

/// The speakers of the tone chart: named, quoted on at least two dates, the
/// `CHART_SPEAKERS` most quoted of them.
pub fn tone_series(set: &ScoredSet, summary: &Summary) -> Vec<Series> {
    let mut by_speaker: BTreeMap<&str, BTreeMap<i64, (f64, usize)>> = BTreeMap::new();
    for r in &set.records {
        let (Some(name), Some(day)) = (&r.speaker, r.date.as_deref().and_then(day_number)) else {
            continue;
        };
        let e = by_speaker
            .entry(name.as_str())
            .or_default()
            .entry(day)
            .or_default();
        e.0 += r.tone;
        e.1 += 1;
    }
    summary
        .ranked()
        .into_iter()
        .filter_map(|(name, _)| {
            let days = by_speaker.get(name.as_str())?;
            (days.len() >= 2).then(|| {
                let points = days.iter().map(|(&d, &(s, n))| (d, s / n as f64)).collect();
                (name.clone(), points)
            })
        })
        .take(CHART_SPEAKERS)
        .collect()
}

/// Tone over time per speaker, as an SVG line chart with a legend.
fn tone_section(h: &mut String, set: &ScoredSet, summary: &Summary) {
    h.push_str("<h2>Tone over time</h2>\n");
    let series = tone_series(set, summary);
    if series.is_empty() {
        let dated = set.records.iter().any(|r| r.date.is_some());
        let _ = writeln!(
            h,
            "<p class=\"none\">{}</p>",
            if dated {
                "No named speaker is quoted on two or more dates."
            } else {
                "No dates: give articles a \"date\" field (JSONL) or a \"Date:\" line at the top."
            }
        );
        return;
    }
    h.push_str(&line_chart(&series));
    h.push_str("<p class=\"sub\">Mean tone of each speaker's quotes per article date; speakers quoted on at least two dates, the most quoted first (at most 8).</p>\n");
}

fn line_chart(series: &[Series]) -> String {
    const W: f64 = 1000.0;
    const PLOT_H: f64 = 260.0;
    const LEFT: f64 = 52.0;
    const RIGHT: f64 = 24.0;
    const TOP: f64 = 12.0;
    const LEGEND_COLS: usize = 4;
    let rows = series.len().div_ceil(LEGEND_COLS);
    let height = TOP + PLOT_H + 34.0 + rows as f64 * 20.0 + 6.0;
    let (mut lo, mut hi) = (i64::MAX, i64::MIN);
    for (_, pts) in series {
        for &(d, _) in pts {
            lo = lo.min(d);
            hi = hi.max(d);
        }
    }
    if hi == lo {
        hi = lo + 1;
    }
    let x = |d: i64| LEFT + (W - LEFT - RIGHT) * (d - lo) as f64 / (hi - lo) as f64;
    let y = |t: f64| TOP + PLOT_H * (1.0 - t.clamp(-1.0, 1.0)) / 2.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg id=\"tone-chart\" width=\"100%\" viewBox=\"0 0 {W} {height}\" role=\"img\" aria-label=\"Tone over time per speaker\">"
    );
    // Grid and y axis: tone from -1 to +1.
    for t in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let yy = y(t);
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"{}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            if t == 0.0 { "#999" } else { "#e6e6e6" },
            LEFT - 6.0,
            yy + 4.0,
            match t {
                t if t > 0.0 => format!("+{t:.1}"),
                t if t < 0.0 => format!("&minus;{:.1}", -t),
                _ => "0".to_string(),
            }
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"start\">conciliatory</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"start\">hardline</text>",
        LEFT + 4.0,
        TOP + 12.0,
        LEFT + 4.0,
        TOP + PLOT_H - 4.0
    );
    // X axis: up to six evenly spaced dates.
    let ticks = (hi - lo).clamp(1, 5);
    for i in 0..=ticks {
        let d = lo + (hi - lo) * i / ticks;
        let xx = x(d);
        let anchor = if i == 0 {
            "start"
        } else if i == ticks {
            "end"
        } else {
            "middle"
        };
        let _ = writeln!(
            s,
            "<line x1=\"{xx:.1}\" y1=\"{:.1}\" x2=\"{xx:.1}\" y2=\"{:.1}\" stroke=\"#999\"/><text x=\"{xx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            TOP + PLOT_H,
            TOP + PLOT_H + 5.0,
            TOP + PLOT_H + 18.0,
            date_of(d)
        );
    }
    // One line per speaker, with a dot per date.
    for (i, (name, pts)) in series.iter().enumerate() {
        let c = PALETTE[i % PALETTE.len()];
        let path: Vec<String> = pts
            .iter()
            .map(|&(d, t)| format!("{:.1},{:.1}", x(d), y(t)))
            .collect();
        let _ = write!(
            s,
            "<g class=\"series\" data-speaker=\"{}\"><polyline fill=\"none\" stroke=\"{c}\" stroke-width=\"2\" points=\"{}\"/>",
            esc(name),
            path.join(" ")
        );
        for &(d, t) in pts {
            let _ = write!(
                s,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{c}\"><title>{}, {}: tone {}</title></circle>",
                x(d),
                y(t),
                esc(name),
                date_of(d),
                signed(t)
            );
        }
        s.push_str("</g>\n");
    }
    // The legend, below the plot.
    let col_w = (W - LEFT) / LEGEND_COLS as f64;
    for (i, (name, _)) in series.iter().enumerate() {
        let lx = LEFT + col_w * (i % LEGEND_COLS) as f64;
        let ly = TOP + PLOT_H + 40.0 + (i / LEGEND_COLS) as f64 * 20.0;
        let short: String = if name.chars().count() > 34 {
            name.chars().take(33).chain(std::iter::once('…')).collect()
        } else {
            name.clone()
        };
        let _ = writeln!(
            s,
            "<g class=\"legend\"><rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"14\" height=\"4\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{ly:.1}\">{}</text></g>",
            ly - 6.0,
            PALETTE[i % PALETTE.len()],
            lx + 20.0,
            esc(&short)
        );
    }
    s.push_str("</svg>\n");
    s
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
