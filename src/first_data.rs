//! The data a page's first view was drawn with, sent in the page itself: for a page whose first
//! view shows one thing the server holds (a GI product, a policy document), the server draws it
//! into the page (`crates/prerender`, from `crates/server/src/spa.rs`) with the JSON it drew it
//! from, as `<script type="application/json" id="first-data">` (a data block: never run).
//! The app starts from the same JSON instead of asking the API again, so it draws the same view
//! at once: no "loading" in between, nothing moves, and no second request on a slow network.

use std::future::Future;

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::api::ApiError;

/// The first data's JSON while the server draws the first view natively (a context).
#[derive(Clone)]
pub struct FirstData(pub String);

/// The page's first data, read as a `T`, once: the block is removed as it is read, so a later
/// page of the same app (the next product) fetches its own. `None` where the page has none.
pub fn take<T: DeserializeOwned>() -> Option<T> {
    let text = if crate::prerender::ACTIVE {
        use_context::<FirstData>()?.0
    } else {
        let block = document().get_element_by_id("first-data")?;
        block.remove();
        block.text_content()?
    };
    crate::json::from_str(&text)
}

/// The thing a page's URL names (its `key`: a product's id, a document's slug), as a resource:
/// the page's first data where that is the thing (drawn by the server, so ready at once), else
/// `fetch`ed. With it, the first data for a key, for the page to draw at once instead of
/// waiting on the resource (`None` for any other key: the next product opened in the app).
pub fn or_fetch<T, Fut>(
    key: Memo<String>,
    key_of: fn(&T) -> &str,
    fetch: impl Fn(String) -> Fut + 'static,
) -> (
    LocalResource<Result<T, ApiError>>,
    impl Fn(&str) -> Option<T> + Copy + 'static,
)
where
    T: DeserializeOwned + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let first = StoredValue::new(take::<T>());
    // Cloned only when it is the thing asked for.
    let first_for =
        move |k: &str| first.with_value(|v| v.as_ref().filter(|v| key_of(v) == k).cloned());
    let resource = LocalResource::new(move || {
        let key = key.get();
        let first = first_for(&key);
        // A future does nothing until awaited: no request is made when the first data is used.
        let fetched = fetch(key);
        async move {
            match first {
                Some(v) => Ok(v),
                None => fetched.await,
            }
        }
    });
    (resource, first_for)
}

/// The first data (`None` without it), then what `fetch` answers: for a page that shows its
/// first data at once but must still ask (the policy library: the service worker's answer
/// marks what is kept on this device). The answer replaces what is shown only if it differs,
/// and never replaces shown data with a failure. With it, the function that asks again (the
/// retry; set the signal to `None` first to show "loading"). Asked under the page's owner, so a
/// page left before the answer comes aborts the request (`api.rs`) and drops the task.
pub fn then_fetch<T, Fut>(
    fetch: impl Fn() -> Fut + Copy + 'static,
) -> (
    RwSignal<Option<Result<T, ApiError>>>,
    impl Fn() + Copy + 'static,
)
where
    T: DeserializeOwned + PartialEq + Send + Sync + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let shown = RwSignal::new(take::<T>().map(Ok));
    let owner = StoredValue::new(Owner::current());
    let load = move || {
        // (`None`: the page is gone.)
        let Some(Some(owner)) = owner.try_get_value() else {
            return;
        };
        let ask = async move {
            let fetched = fetch().await;
            let keep = shown.try_with_untracked(|shown| match (shown, &fetched) {
                (Some(Ok(shown)), Ok(fetched)) => shown == fetched,
                (Some(Ok(_)), Err(_)) => true,
                _ => false,
            });
            if keep == Some(false) {
                shown.set(Some(fetched));
            }
        };
        owner.with(|| leptos::task::spawn_local_scoped_with_cancellation(ask));
    };
    load();
    (shown, load)
}
