//! A workbench list as a table: the scroll hint, the scrolling region named by the table's
//! caption, the column heads and the rows, marked up the same way on every list that uses it.

use leptos::prelude::*;

use super::texts::{tr, Tr};

/// `caption` is the whole `<caption>` element; `caption_id` is its id, which names the region.
pub fn list_table(
    caption_id: &'static str,
    caption: impl IntoView,
    heads: &[Tr],
    rows: impl IntoView,
) -> impl IntoView {
    let heads = heads
        .iter()
        .map(|&head| view! { <th scope="col">{tr(head)}</th> })
        .collect_view();
    view! {
        <p class="staff-scroll-hint">{tr(|t| t.table_scroll_hint)}</p>
        <div class="table-scroll" role="region" aria-labelledby=caption_id tabindex="0">
            <table class="staff-table">
                {caption}
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
