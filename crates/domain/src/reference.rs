//! The reference codes people read out and type back: a booking's `K7QX-M2PD` and an assistance
//! request's `WQ-K7QX-M2PD`. Both services use them, so they live here rather than in either
//! service's module; each service turns a [`ReferenceProblem`] into its own field error.

/// The characters of a reference: digits and capital letters without 0, O, 1, I and L, which
/// people misread for each other on paper and on the phone.
pub const REFERENCE_ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters in a reference (31^8 ≈ 8.5 × 10^11 references).
pub const REFERENCE_CHARS: usize = 8;

/// Why typed text is not a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceProblem {
    /// Nothing but whitespace.
    Missing,
    /// Not the right characters, or not the right number of them.
    Format,
}

/// A booking reference, e.g. `K7QX-M2PD`: short enough to read out, unambiguous to write down.
/// It identifies a booking but is not a secret: alone it reveals nothing (lookup needs the
/// mobile number too; managing needs the manage token).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BookingReference(String);

impl BookingReference {
    /// A reference from a random number (the server takes it from the operating system's
    /// random source). Each character is the next base-31 digit of `random`; 8 of them use
    /// 40 of its 64 bits, so every reference is equally likely to within 2^-24.
    pub fn from_random(random: u64) -> BookingReference {
        let mut n = random;
        let mut s = String::with_capacity(REFERENCE_CHARS);
        for _ in 0..REFERENCE_CHARS {
            s.push(char::from(REFERENCE_ALPHABET[(n % 31) as usize]));
            n /= 31;
        }
        BookingReference(s)
    }

    /// Reads a reference as people type it: case, spaces, hyphens and full-width forms do not
    /// matter. (The booking API's `parse` gives the same answer as a booking field error.)
    pub fn read(input: &str) -> Result<BookingReference, ReferenceProblem> {
        let input = input.trim();
        if input.is_empty() {
            return Err(ReferenceProblem::Missing);
        }
        if input.chars().nth(32).is_some() {
            return Err(ReferenceProblem::Format);
        }
        let s = fold(input.chars());
        if s.len() != REFERENCE_CHARS || !s.bytes().all(|b| REFERENCE_ALPHABET.contains(&b)) {
            return Err(ReferenceProblem::Format);
        }
        Ok(BookingReference(s))
    }

    /// The 8 characters without the hyphen, as stored.
    pub fn compact(&self) -> &str {
        &self.0
    }
}

/// `XXXX-XXXX`: the hyphen makes it easier to read out.
impl std::fmt::Display for BookingReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", &self.0[..4], &self.0[4..])
    }
}

/// A request's reference, `WQ-K7QX-M2PD` (WQ for 维权): the prefix tells it from a booking
/// reference, the 8 characters use booking's unambiguous alphabet (no 0, O, 1, I or L). Like a
/// booking reference it is not a secret: looking a request up needs the mobile number too.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AssistanceReference(BookingReference);

impl AssistanceReference {
    pub const PREFIX: &'static str = "WQ";

    /// A reference from a random number (see [`BookingReference::from_random`]).
    pub fn from_random(random: u64) -> AssistanceReference {
        AssistanceReference(BookingReference::from_random(random))
    }

    /// Reads a reference as people type it: with or without `WQ`, in any case, with spaces,
    /// hyphens or full-width characters. (The assistance API's `parse` gives the same answer as
    /// an assistance field error.)
    pub fn read(input: &str) -> Result<AssistanceReference, ReferenceProblem> {
        let folded = fold(input.trim().chars().take(40));
        if folded.is_empty() {
            return Err(ReferenceProblem::Missing);
        }
        let compact = match folded.strip_prefix(Self::PREFIX) {
            Some(rest) if rest.len() == 8 => rest,
            _ => folded.as_str(),
        };
        BookingReference::read(compact)
            .map(AssistanceReference)
            .map_err(|_| ReferenceProblem::Format)
    }

    /// The 8 characters without prefix or hyphen, as stored.
    pub fn compact(&self) -> &str {
        self.0.compact()
    }
}

/// `WQ-XXXX-XXXX`.
impl std::fmt::Display for AssistanceReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", Self::PREFIX, self.0)
    }
}

/// Typed characters as a reference compares them: full-width forms as ASCII, without
/// whitespace and hyphens, in capitals.
fn fold(chars: impl Iterator<Item = char>) -> String {
    chars
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}
