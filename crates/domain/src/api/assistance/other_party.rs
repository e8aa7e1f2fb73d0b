//! Checking the other-party section: who infringes, and an address or an online link.

use super::answers::{blank, optional_line, required_line, Check, OtherParty, Problems};
use super::draft::OtherPartyDraft;
use super::errors::AssistanceError;
use super::limits::{
    MAX_ADDRESS_CHARS, MAX_LINK_CHARS, MAX_OTHER_PARTY_NAME_CHARS, MAX_PLACE_CHARS,
};

impl OtherPartyDraft {
    pub fn is_blank(&self) -> bool {
        blank(&self.name) && blank(&self.address) && blank(&self.online_link) && blank(&self.place)
    }

    pub fn parse(&self) -> Result<OtherParty, Problems> {
        let mut check = Check::default();
        let name = check.take(
            "other_party.name",
            required_line(
                &self.name,
                MAX_OTHER_PARTY_NAME_CHARS,
                AssistanceError::OtherPartyNameMissing,
            ),
        );
        let address = check.take(
            "other_party.address",
            optional_line(&self.address, MAX_ADDRESS_CHARS),
        );
        let online_link = check.take("other_party.online_link", parse_link(&self.online_link));
        if let (Some(None), Some(None)) = (&address, &online_link) {
            check
                .problems
                .push(("other_party.address", AssistanceError::AddressOrLinkMissing));
        }
        let place = check.take(
            "other_party.place",
            required_line(&self.place, MAX_PLACE_CHARS, AssistanceError::PlaceMissing),
        );
        let value = match (name, address, online_link, place) {
            (Some(name), Some(address), Some(online_link), Some(place)) => Some(OtherParty {
                name,
                address,
                online_link,
                place,
            }),
            _ => None,
        };
        check.done(value)
    }
}

/// The first `http://` or `https://` link in what was pasted (shopping apps share a link inside
/// a sentence), up to the first space or non-ASCII character. "Check your answers" shows this,
/// the link that will be sent, not the whole share text.
pub fn parse_link(value: &Option<String>) -> Result<Option<String>, AssistanceError> {
    let Some(text) = optional_line(value, MAX_LINK_CHARS)? else {
        return Ok(None);
    };
    let lower = text.to_ascii_lowercase();
    let start = match (lower.find("https://"), lower.find("http://")) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return Err(AssistanceError::LinkInvalid),
    };
    let link: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_graphic())
        .collect();
    let rest = link.split_once("://").map_or("", |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') && !host.starts_with("localhost") {
        return Err(AssistanceError::LinkInvalid);
    }
    Ok(Some(link))
}

#[cfg(test)]
mod tests {
    use super::super::test_fixtures::{codes, s};
    use super::*;

    #[test]
    fn the_other_party_needs_an_address_or_a_link() {
        let party = |address: Option<&str>, link: Option<&str>| OtherPartyDraft {
            name: s("某某店"),
            address: address.map(str::to_owned),
            online_link: link.map(str::to_owned),
            place: s("南通市通州区"),
        };
        assert!(party(Some("南通市通州区某路 1 号"), None).parse().is_ok());
        assert_eq!(
            codes(&party(None, Some("  ")).parse().unwrap_err()),
            [("other_party.address", "assistance.address_or_link_missing")]
        );
        for bad in [
            "www.example.com",
            "https://",
            "http:// example.com",
            "https://nohost",
        ] {
            assert_eq!(
                codes(&party(None, Some(bad)).parse().unwrap_err()),
                [("other_party.online_link", "assistance.link_invalid")],
                "{bad}"
            );
        }
        let ok = party(
            None,
            Some("看看这家 HTTPS://Shop.Example.com/item?id=1。很像"),
        )
        .parse()
        .unwrap();
        assert_eq!(
            ok.online_link.as_deref(),
            Some("HTTPS://Shop.Example.com/item?id=1")
        );
    }
}
