//! Passwords: argon2id with OWASP's parameters, hashed and checked on the blocking pool, a
//! few at a time, so that a burst of logins queues there instead of stalling every request.
use crate::auth::words;
use crate::domain::common_passwords;
use crate::error::AppError;
use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// Hashes at once: one per core, since each keeps a core busy for its whole run.
static SLOTS: LazyLock<Semaphore> = LazyLock::new(|| {
    Semaphore::new(std::thread::available_parallelism().map_or(2, std::num::NonZero::get))
});

/// The hash a login without a person is checked against, so that an unknown or inactive
/// phone costs the same time as a wrong password. Made once, of a password nobody knows.
static NOBODY: LazyLock<Option<String>> =
    LazyLock::new(|| hash_now(&hex::encode(rand::random::<[u8; 16]>())).ok());

/// OWASP's argon2id floor: 19 MiB, 2 passes, 1 lane.
fn argon2() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(19 * 1024, 2, 1, None).map_err(|_| AppError::internal())?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_now(password: &str) -> Result<String, AppError> {
    let salt = argon2::password_hash::SaltString::encode_b64(&rand::random::<[u8; 16]>())
        .map_err(|_| AppError::internal())?;
    argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| AppError::internal())
}

fn verify_now(password: &str, stored: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    argon2().is_ok_and(|a| a.verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Runs `work` on the blocking pool once a slot is free.
async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let slot = SLOTS.acquire().await.map_err(|_| AppError::internal())?;
    let done = tokio::task::spawn_blocking(work).await;
    drop(slot);
    done.map_err(|_| AppError::internal())
}

/// The stored form of a new password.
pub async fn hash_password(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    off_the_workers(move || hash_now(&password)).await?
}

/// Whether `password` is the one `stored` was made of. Without a stored hash (no such
/// person) it takes as long and answers no.
pub async fn verify_password(password: &str, stored: Option<String>) -> Result<bool, AppError> {
    let password = password.to_owned();
    off_the_workers(move || match stored {
        Some(stored) => verify_now(&password, &stored),
        None => {
            std::hint::black_box(
                NOBODY
                    .as_deref()
                    .map(|nobody| verify_now(&password, nobody)),
            );
            false
        }
    })
    .await
}

/// What the server alone refuses in a new password: a common one. The phone checks the
/// length itself ([`crate::auth::api::PasswordChange::problem`]).
pub fn server_problem(password: &str) -> Option<String> {
    common_passwords::is_common(password).then(|| words::COMMON_PASSWORD.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let stored = hash_password("statgrid2026").await.unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(
            verify_password("statgrid2026", Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!verify_password("statgrid2025", Some(stored)).await.unwrap());
    }

    #[tokio::test]
    async fn without_a_stored_hash_no_password_verifies() {
        assert!(!verify_password("statgrid2026", None).await.unwrap());
        assert!(!verify_password("", None).await.unwrap());
    }

    #[test]
    fn a_common_password_is_refused_and_the_demo_password_is_not() {
        assert_eq!(
            server_problem("Password1").as_deref(),
            Some(words::COMMON_PASSWORD)
        );
        assert_eq!(server_problem("statgrid2026"), None);
    }
}
