//! A venue's phone number as an administrator types it: a mainland landline with its area code
//! (`0513-85123456`, `(0513) 8512 3456`), optionally an extension (`-8001`, `转8001`, `ext 8001`),
//! a mobile number (`138 0000 0000`, `+86 138…`), or a 400/800 service line. Lenient about
//! spaces, hyphens and brackets; anything else (letters, too few or too many digits) is refused.

/// The most characters a phone number may have as typed.
pub const MAX_PHONE_CHARS: usize = 40;

/// The number's digits to dial, and its extension's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub digits: String,
    pub extension: Option<String>,
}

/// Reads a phone number; `None` when it is not one.
pub fn parse_phone(input: &str) -> Option<Phone> {
    let input = input.trim();
    if input.is_empty() || input.chars().count() > MAX_PHONE_CHARS {
        return None;
    }
    let lower = input.to_lowercase();
    // An extension written out: 转, ext, ext., x, #, 分机.
    let (main, extension) = match ["转", "分机", "ext.", "ext", "x", "#"]
        .iter()
        .find_map(|mark| lower.find(mark).map(|at| (at, mark.len())))
    {
        Some((at, len)) => (&lower[..at], Some(&lower[at + len..])),
        None => (lower.as_str(), None),
    };
    let extension = match extension {
        Some(e) => Some(digits_only(e.trim_start_matches([' ', ':', '：', '-']))?),
        None => None,
    };
    // Spaces and brackets around the area code go; hyphens separate groups of digits.
    let compact: String = main
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{3000}' | '(' | ')' | '（' | '）'))
        .collect();
    // From abroad the area code loses its 0: put it back (+86 513… is 0513…).
    let compact = match compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"))
        .map(|rest| rest.trim_start_matches('-'))
    {
        Some(rest) if !rest.starts_with('1') => format!("0{rest}"),
        Some(rest) => rest.to_owned(),
        None => compact,
    };
    let groups: Vec<&str> = compact.split('-').collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let all: String = groups.concat();
    let number = |digits: &str| {
        let d = digits.as_bytes();
        let mobile = d.len() == 11 && d[0] == b'1' && (b'3'..=b'9').contains(&d[1]);
        let service = d.len() == 10 && (digits.starts_with("400") || digits.starts_with("800"));
        // 0 + a 2- or 3-digit area code + 7 or 8 digits.
        let landline = (10..=12).contains(&d.len()) && d[0] == b'0' && d[1] != b'0';
        (mobile, service, landline)
    };
    match (number(&all), extension) {
        ((true, _, _) | (_, true, _), None) => Some(Phone {
            digits: all,
            extension: None,
        }),
        ((_, _, true), extension) => Some(Phone {
            digits: all,
            extension,
        }),
        // A landline whose last hyphenated group is its extension: 0513-85123456-8001.
        ((false, false, false), None) if groups.len() >= 3 => {
            let (last, rest) = groups.split_last()?;
            let main = rest.concat();
            (last.len() <= 6 && number(&main).2).then(|| Phone {
                digits: main,
                extension: Some((*last).to_owned()),
            })
        }
        _ => None,
    }
}

fn digits_only(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= 6 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.to_owned())
}

/// The `tel:` link of a phone number as saved (the extension after a pause), `None` if it is
/// not one.
pub fn tel_href(phone: &str) -> Option<String> {
    let phone = parse_phone(phone)?;
    Some(match phone.extension {
        Some(extension) => format!("tel:{},{extension}", phone.digits),
        None => format!("tel:{}", phone.digits),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn landlines_mobiles_and_service_lines_are_read_leniently() {
        for (typed, href) in [
            ("0513-85123456", "tel:051385123456"),
            ("(0513) 8512 3456", "tel:051385123456"),
            ("（0513）85123456", "tel:051385123456"),
            ("010-6512345", "tel:0106512345"),
            ("0513-85123456-8001", "tel:051385123456,8001"),
            ("0513-85123456 转 8001", "tel:051385123456,8001"),
            ("0513 85123456 ext. 12", "tel:051385123456,12"),
            ("+86 138 0000 0000", "tel:13800000000"),
            ("138-0000-0000", "tel:13800000000"),
            ("400-123-4567", "tel:4001234567"),
            ("0086-513-85123456", "tel:051385123456"),
        ] {
            assert_eq!(tel_href(typed).as_deref(), Some(href), "{typed}");
        }
    }

    #[test]
    fn garbage_is_refused() {
        for typed in [
            "",
            "call us",
            "12345",
            "0513",
            "0513-8512345678901",
            "123-4567-8901",
            "13800000000 转 1",
            "0513--85123456",
            "0513-85123456 转 abc",
            "0513-85123456-1234567",
            "00513-85123456",
            "5138512345",
            "https://example.cn",
            "0513-85123456；0513-85123457",
        ] {
            assert_eq!(parse_phone(typed), None, "{typed}");
        }
    }
}
