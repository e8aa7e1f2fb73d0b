//! Passwords are hashed with Argon2id and the `argon2` crate's default parameters
//! (m = 19 MiB, t = 2, p = 1; OWASP's recommendation), in the PHC string format that records
//! them, so stronger parameters later still verify old hashes. Hashing runs on the blocking
//! thread pool. An unknown account is checked against a dummy hash made at start-up, so that it
//! takes as long as a known one.

use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};

use crate::error::ApiError;
use crate::tokens::new_token;

/// An Argon2id PHC string with a fresh 128-bit salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| anyhow::anyhow!("the OS random source failed: {e}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("argon2: {e}"))?
        .to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// Hashing off the async threads.
pub async fn hash_password_blocking(password: String) -> Result<String, ApiError> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?
        .map_err(ApiError::Internal)
}

/// Checks `password` against `hash` off the async threads, or against [`dummy_hash`] when
/// there is no account: the same work either way.
pub async fn verify_blocking(password: String, hash: Option<String>) -> Result<bool, ApiError> {
    let known = hash.is_some();
    let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
    let verified = tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(known && verified)
}

static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// A hash of a random password nobody knows, made once per process ([`prepare`]).
fn dummy_hash() -> &'static str {
    DUMMY.get_or_init(|| {
        let password = new_token().unwrap_or_else(|_| "a password nobody types".repeat(2));
        hash_password(&password).unwrap_or_default()
    })
}

/// Makes the dummy hash at start-up rather than at the first sign-in of an unknown account,
/// failing the start if the OS random source fails.
pub fn prepare() -> anyhow::Result<()> {
    let password = new_token().map_err(|_| anyhow::anyhow!("the OS random source failed"))?;
    let _ = DUMMY.set(hash_password(&password)?);
    Ok(())
}
