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
