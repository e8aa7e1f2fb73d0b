//! Secret tokens: booking manage tokens, assistance draft and tracking tokens, staff session,
//! CSRF and device ids. One shape for all of them (256 random bits as 43 characters of URL-safe
//! base64, of which only the SHA-256 is stored), so they are made, checked and hashed here.

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::error::ApiError;

/// 32 random bytes: 256 bits, 43 characters of URL-safe base64.
const TOKEN_BYTES: usize = 32;
const TOKEN_CHARS: usize = 43;

/// A new token: 256 bits from the operating system's random source, URL-safe base64.
pub(crate) fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes).map_err(random_error)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

pub(crate) fn random_error(e: getrandom::Error) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("the OS random source failed: {e}"))
}

/// Whether `value` has the shape of a token made by [`new_token`].
pub(crate) fn is_token(value: &str) -> bool {
    value.len() == TOKEN_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The SHA-256 of a token, as it is stored.
pub(crate) fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// The SHA-256 of a well-formed token; `None` for a malformed one (which callers answer like
/// an unknown one).
pub(crate) fn hash_if_token(token: &str) -> Option<Vec<u8>> {
    is_token(token).then(|| hash(token))
}

/// `bytes` in lower-case hex (a file's SHA-256 as people compare it, an `ETag`).
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
