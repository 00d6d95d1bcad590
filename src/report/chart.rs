//! The report's tone-over-time chart: article dates as day numbers, each speaker's
//! mean tone per day, drawn as a hand-built SVG line chart.

use super::esc;
use crate::explain::signed;
use crate::output::Summary;
use crate::scored::ScoredSet;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Line colours of the tone chart.
const PALETTE: [&str; 8] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6a3d9a", "#444444",
];
/// Speakers drawn in the tone chart, at most.
pub const CHART_SPEAKERS: usize = 8;

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
pub(super) fn tone_section(h: &mut String, set: &ScoredSet, summary: &Summary) {
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
