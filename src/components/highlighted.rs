use leptos::prelude::*;

/// `text` with the characters `start..end` (counted in chars, as the API gives them) in `<mark>`;
/// the plain text when the range is empty or does not fit.
#[component]
pub fn Highlighted(text: String, start: u32, end: u32) -> impl IntoView {
    let (start, end) = (start as usize, end as usize);
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = if start < end && end <= chars.len() {
        (start, end)
    } else {
        (chars.len(), chars.len())
    };
    let before: String = chars[..start].iter().collect();
    let marked: String = chars[start..end].iter().collect();
    let after: String = chars[end..].iter().collect();
    view! {
        <span>
            {before}
            {(!marked.is_empty()).then(|| view! { <mark>{marked}</mark> })}
            {after}
        </span>
    }
}

/// `text` with several ranges of characters (`start..end`, counted in chars) in `<mark>`, as the
/// policy search gives them: in order and not overlapping. A range that does not fit, or that
/// overlaps the one before, is left unmarked.
#[component]
pub fn HighlightedRanges(text: String, ranges: Vec<(u32, u32)>) -> impl IntoView {
    let chars: Vec<char> = text.chars().collect();
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        let (start, end) = (start as usize, end as usize);
        if start < at || start >= end || end > chars.len() {
            continue;
        }
        if start > at {
            parts.push((chars[at..start].iter().collect(), false));
        }
        parts.push((chars[start..end].iter().collect(), true));
        at = end;
    }
    if at < chars.len() {
        parts.push((chars[at..].iter().collect(), false));
    }
    view! {
        <span>
            {parts
                .into_iter()
                .map(|(part, marked)| {
                    let (marked, plain) = if marked { (Some(part), None) } else { (None, Some(part)) };
                    view! {
                        {marked.map(|m| view! { <mark>{m}</mark> })}
                        {plain}
                    }
                })
                .collect_view()}
        </span>
    }
}
