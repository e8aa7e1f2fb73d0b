//! "Key targets at a glance": a plan's quantified targets as a table, and a bar chart of target
//! against the latest reported figure for the targets whose figure can be read as a number in
//! the target's unit. Only numbers from the data are shown; nothing is estimated.

use leptos::prelude::*;
use portal_domain::api::policies::PolicyTarget;

use super::texts::{policy_text, policy_text_with};

/// A figure as the sources write it (`5.4万件`, `113.6亿元`, `25件`) in hundredths of `unit`:
/// `5.4万件` is `5_400_000` (54,000.00 件). `None` unless the text is exactly a number with at
/// most two decimals, an optional 万, and the unit: `超200亿元` or `10%以上` are not read.
/// Integer arithmetic: formatting or parsing floats would add kilobytes to the WASM.
fn hundredths(text: &str, unit: &str) -> Option<u64> {
    let number = text.strip_suffix(unit)?;
    let (number, factor) = match number.strip_suffix('万') {
        Some(n) => (n, 10_000),
        None => (number, 1),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (number.contains('.') && !digits(fraction)) || fraction.len() > 2 {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    let fraction: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().ok()? * 10,
        _ => fraction.parse().ok()?,
    };
    whole
        .checked_mul(100)?
        .checked_add(fraction)?
        .checked_mul(factor)
}

/// The target in hundredths of its unit (the API gives it with 万 multiplied out).
fn target_hundredths(target: &PolicyTarget) -> Option<u64> {
    let n = target.target_number * 100.0;
    (1.0..1e15).contains(&n).then_some((n + 0.5) as u64)
}

/// A target that can be drawn: (latest figure, target) in hundredths of the same unit.
fn chartable(target: &PolicyTarget) -> Option<(u64, u64)> {
    let latest = hundredths(target.baseline.as_deref()?, &target.unit)?;
    Some((latest, target_hundredths(target)?))
}

/// The bar's length in whole percent of the longer of the two bars.
fn width(value: u64, max: u64) -> String {
    (value * 100 / max.max(1)).max(1).to_string()
}

#[component]
pub fn Targets(
    targets: Vec<PolicyTarget>,
    /// Section ids with their number and heading, for the "set in" links.
    labels: Vec<(String, String)>,
) -> impl IntoView {
    let bars = targets
        .iter()
        .filter_map(|target| {
            let (latest, goal) = chartable(target)?;
            let max = latest.max(goal);
            let year = target.baseline_year;
            let target_year = target.target_year;
            Some(view! {
                <li class="target-chart__item">
                    <p class="target-chart__name" lang="zh-CN">{target.indicator.clone()}</p>
                    <div class="target-chart__row">
                        <span class="target-chart__key">
                            {policy_text_with(year, |t, _, year| {
                                year.map_or_else(|| t.chart_latest.to_owned(), |y| t.year(y))
                            })}
                        </span>
                        <svg class="target-chart__bar" aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none">
                            <rect class="target-chart__latest" x="0" y="0" height="10" width=width(latest, max)></rect>
                        </svg>
                        <span class="target-chart__value" lang="zh-CN">{target.baseline.clone()}</span>
                    </div>
                    <div class="target-chart__row">
                        <span class="target-chart__key">
                            {policy_text_with(target_year, |t, _, y| t.chart_target(*y))}
                        </span>
                        <svg class="target-chart__bar" aria-hidden="true" viewBox="0 0 100 10" preserveAspectRatio="none">
                            <rect class="target-chart__goal" x="0" y="0" height="10" width=width(goal, max)></rect>
                        </svg>
                        <span class="target-chart__value" lang="zh-CN">{target.target_value.clone()}</span>
                    </div>
                </li>
            })
        })
        .collect::<Vec<_>>();
    let chart = (!bars.is_empty()).then(|| {
        view! {
            <figure class="target-chart">
                <figcaption class="target-chart__caption">{policy_text(|t| t.chart_caption)}</figcaption>
                <ul class="target-chart__list">{bars}</ul>
            </figure>
        }
    });

    let rows = targets
        .into_iter()
        .map(|target| {
            let section = labels
                .iter()
                .find(|(id, _)| *id == target.section_id)
                .map_or_else(|| target.section_id.clone(), |(_, label)| label.clone());
            let PolicyTarget {
                indicator,
                target_value,
                target_year,
                baseline,
                baseline_year,
                section_id,
                ..
            } = target;
            let has_baseline = baseline.is_some();
            view! {
                <tr>
                    <th scope="row" lang="zh-CN">{indicator}</th>
                    <td lang="zh-CN">{target_value}</td>
                    <td>{policy_text_with(target_year, |t, _, y| t.year(*y))}</td>
                    <td>
                        <span lang="zh-CN">{baseline}</span>
                        {policy_text_with((has_baseline, baseline_year), |t, _, (has, year)| {
                            if *has {
                                let year = year.map_or_else(|| t.year_not_stated.to_owned(), |y| t.year(y));
                                t.in_parens(&year)
                            } else {
                                t.no_figure.to_owned()
                            }
                        })}
                    </td>
                    <td><a href=format!("#{section_id}") lang="zh-CN">{section}</a></td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <section id="targets" class="policy-targets" aria-labelledby="targets-heading">
            <h2 id="targets-heading" tabindex="-1">{policy_text(|t| t.targets_heading)}</h2>
            <p>{policy_text(|t| t.targets_intro)}</p>
            {chart}
            <p class="policy-targets__hint">{policy_text(|t| t.table_scroll_hint)}</p>
            <div class="table-scroll" role="region" aria-labelledby="targets-caption" tabindex="0">
                <table class="policy-table">
                    <caption id="targets-caption">{policy_text(|t| t.targets_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{policy_text(|t| t.col_indicator)}</th>
                            <th scope="col">{policy_text(|t| t.col_target)}</th>
                            <th scope="col">{policy_text(|t| t.col_year)}</th>
                            <th scope="col">{policy_text(|t| t.col_latest)}</th>
                            <th scope="col">{policy_text(|t| t.col_section)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_only_when_they_are_plain_numbers_in_the_unit() {
        assert_eq!(hundredths("5.4万件", "件"), Some(5_400_000));
        assert_eq!(hundredths("25件", "件"), Some(2_500));
        assert_eq!(hundredths("113.6亿元", "亿元"), Some(11_360));
        assert_eq!(hundredths("118家", "家"), Some(11_800));
        assert_eq!(hundredths("9.25%", "%"), Some(925));
        for unreadable in [
            "超200亿元",
            "10%以上",
            "5.4万个",
            "件",
            ".5件",
            "5.件",
            "1.234件",
            "约5件",
        ] {
            let unit = if unreadable.contains('%') {
                "%"
            } else if unreadable.contains('元') {
                "亿元"
            } else {
                "件"
            };
            assert_eq!(hundredths(unreadable, unit), None, "{unreadable}");
        }
    }

    #[test]
    fn the_nantong_invention_patents_are_drawn_from_the_data() {
        let target = PolicyTarget {
            id: "t1".into(),
            indicator: "有效发明专利量".into(),
            target_value: "7.8万件".into(),
            target_number: 78_000.0,
            unit: "件".into(),
            target_year: 2026,
            baseline: Some("5.4万件".into()),
            baseline_year: Some(2024),
            baseline_source: None,
            section_id: "s2".into(),
        };
        let (latest, goal) = chartable(&target).unwrap();
        assert_eq!((latest, goal), (5_400_000, 7_800_000));
        assert_eq!(width(latest, goal), "69");
        assert_eq!(width(goal, goal), "100");
        let unrelated_unit = PolicyTarget {
            baseline: Some("5.4万个".into()),
            ..target
        };
        assert_eq!(chartable(&unrelated_unit), None);
    }
}
