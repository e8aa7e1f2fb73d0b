//! Identifiers people type into the portal, each parsed once into a normalised newtype.
//!
//! Every type follows the same pattern: `parse` takes what the person typed and tidies it
//! (trims it, turns full-width characters such as `２０１２` and `Ｘ` into ASCII, upper-cases
//! letters, drops the separators the format allows), then either returns a value that is known
//! to be well-formed or an error with a plain message in Chinese and English. The value holds
//! only the normalised text, which `as_str`, `Display`, `AsRef<str>` and serde all use.
//! Deserialising runs `parse`, so an invalid string never becomes a value.
//!
//! Error messages never repeat what the person typed: some of these numbers are personal data.

pub mod mobile;
pub mod patent;
mod reading;
pub mod resident_id;
pub mod trademark;
pub mod uscc;

pub use mobile::{MobileNumber, MobileNumberError};
pub use patent::{PatentApplicationNumber, PatentKind, PatentNumberError};
pub use resident_id::{ResidentId, ResidentIdError};
pub use trademark::{TrademarkNumber, TrademarkNumberError};
pub use uscc::{Uscc, UsccError};
