use leptos::prelude::*;
use portal_domain::api::assistance::Section;

use super::draft::use_draft;
use super::texts::assistance_text;
use super::{error_signal, SectionFrame};
use crate::components::form::{optional, text_of, FormErrors, TextField};

/// `/assistance/apply/other-party`: who is infringing, and where (an address, a shop link, or
/// both; a pasted share text is fine, the link is taken out of it).
#[component]
pub fn OtherPartyPage() -> impl IntoView {
    let store = use_draft();
    let p = store.draft.with_untracked(|d| d.other_party.clone());
    let name = RwSignal::new(text_of(&p.name));
    let address = RwSignal::new(text_of(&p.address));
    let link = RwSignal::new(text_of(&p.online_link));
    let place = RwSignal::new(text_of(&p.place));

    Effect::new(move |_| {
        let values = (
            optional(name.get()),
            optional(address.get()),
            optional(link.get()),
            optional(place.get()),
        );
        store.update(|d| {
            let p = &mut d.other_party;
            (p.name, p.address, p.online_link, p.place) = values;
        });
    });

    let errors = RwSignal::new(FormErrors::new());
    let error = move |field: &'static str| error_signal(errors, field);
    view! {
        <SectionFrame section=Section::OtherParty errors=errors>
            <TextField
                id="other_party-name"
                label=assistance_text(|t| t.other_name_label)
                hint=assistance_text(|t| t.other_name_hint)
                value=name
                error=error("other_party.name")
                autocomplete="off"
            />
            <p class="hint">{assistance_text(|t| t.address_or_link)}</p>
            <TextField
                id="other_party-address"
                label=assistance_text(|t| t.address_label)
                value=address
                error=error("other_party.address")
                autocomplete="off"
            />
            <TextField
                id="other_party-online_link"
                label=assistance_text(|t| t.link_label)
                hint=assistance_text(|t| t.link_hint)
                value=link
                error=error("other_party.online_link")
                input_type="url"
                autocomplete="off"
                inputmode="url"
            />
            <TextField
                id="other_party-place"
                label=assistance_text(|t| t.place_label)
                hint=assistance_text(|t| t.place_hint)
                value=place
                error=error("other_party.place")
                autocomplete="off"
            />
        </SectionFrame>
    }
}
