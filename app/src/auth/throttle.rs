//! Login throttling kept in the database, so that every server counts the same failures: an
//! attempt's keys (its phone number, its client address), the rules of
//! [`crate::domain::login_throttle`], and failures recorded, forgiven, logged and audited.
use crate::admin::ssr::audit;
use crate::db::{audit_entry, login_failure, person};
use crate::domain::login_throttle::{self, ADDRESS, Decision, HOUR_MS, Limits, MINUTE_MS, PHONE};
use crate::domain::phone::PhoneNumber;
use crate::error::AppError;
use crate::metrics;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::net::IpAddr;

/// One login attempt, before the password is checked.
pub struct Attempt<'a> {
    phone: &'a PhoneNumber,
    address: IpAddr,
    now_ms: i64,
}

/// An attempt let through: counted as a failure until the password proves right, so that
/// parallel guesses see each other while their hashes are being checked.
pub struct Admitted<'a> {
    attempt: Attempt<'a>,
    address_row: i32,
}

impl<'a> Attempt<'a> {
    pub fn new(phone: &'a PhoneNumber, address: IpAddr, now_ms: i64) -> Self {
        Attempt {
            phone,
            address,
            now_ms,
        }
    }

    fn phone_key(&self) -> String {
        format!("phone:{}", self.phone)
    }

    /// IPv6 clients by their /64, which one subscriber usually holds whole.
    fn address_key(&self) -> String {
        match self.address {
            IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => {
                let [a, b, c, d, ..] = v6.segments();
                format!("address:{a:x}:{b:x}:{c:x}:{d:x}::/64")
            }
            ip => format!("address:{}", ip.to_canonical()),
        }
    }

    /// Refuses the attempt while its phone number or its address must wait (logged, and
    /// audited for a known person); otherwise counts it as a failure until it succeeds.
    pub async fn admit(
        self,
        db: &impl ConnectionTrait,
        person: Option<&person::Model>,
    ) -> Result<Admitted<'a>, AppError> {
        let phone = self.decide(db, self.phone_key(), PHONE).await?;
        let address = self.decide(db, self.address_key(), ADDRESS).await?;
        if let Decision::Refused { retry_after_secs } = phone.and(address) {
            tracing::warn!(
                phone = %self.phone.masked(),
                address = %self.address,
                retry_after_secs,
                "login refused: too many failures"
            );
            metrics::login_failure(metrics::LoginFailure::Throttled);
            self.audit_refusal(db, person).await?;
            return Err(AppError::TooManyAttempts { retry_after_secs });
        }
        login_failure::Entity::delete_many()
            .filter(login_failure::Column::AtMs.lte(self.now_ms - HOUR_MS))
            .exec(db)
            .await?;
        self.insert(db, self.phone_key()).await?;
        let address_row = self.insert(db, self.address_key()).await?;
        Ok(Admitted {
            attempt: self,
            address_row,
        })
    }

    async fn decide(
        &self,
        db: &impl ConnectionTrait,
        key: String,
        limits: Limits,
    ) -> Result<Decision, AppError> {
        let failures: Vec<i64> = login_failure::Entity::find()
            .select_only()
            .column(login_failure::Column::AtMs)
            .filter(login_failure::Column::Key.eq(key))
            .filter(login_failure::Column::AtMs.gt(self.now_ms - HOUR_MS))
            .order_by_desc(login_failure::Column::AtMs)
            .limit(limits.per_hour as u64)
            .into_tuple()
            .all(db)
            .await?;
        Ok(login_throttle::decide(&failures, limits, self.now_ms))
    }

    async fn insert(&self, db: &impl ConnectionTrait, key: String) -> Result<i32, AppError> {
        let row = login_failure::ActiveModel {
            key: Set(key),
            at_ms: Set(self.now_ms),
            ..Default::default()
        };
        Ok(login_failure::Entity::insert(row)
            .exec(db)
            .await?
            .last_insert_id)
    }

    /// At most one audit entry a minute per person, however fast the refused attempts come.
    async fn audit_refusal(
        &self,
        db: &impl ConnectionTrait,
        person: Option<&person::Model>,
    ) -> Result<(), AppError> {
        let Some(person) = person else {
            return Ok(());
        };
        let recent = audit_entry::Entity::find()
            .filter(audit_entry::Column::PersonId.eq(person.id))
            .filter(audit_entry::Column::Action.eq(LOGIN_THROTTLED))
            .filter(audit_entry::Column::AtMs.gt(self.now_ms - MINUTE_MS))
            .count(db)
            .await?;
        if recent > 0 {
            return Ok(());
        }
        self.audit(db, Some(person), LOGIN_THROTTLED).await
    }

    async fn audit(
        &self,
        db: &impl ConnectionTrait,
        person: Option<&person::Model>,
        action: &str,
    ) -> Result<(), AppError> {
        let from = self.address.to_string();
        let key = self.phone.masked();
        audit::record_login(db, person.map(|p| p.id), self.now_ms, action, &key, &from).await
    }
}

/// Audit actions; the audit page names them in Chinese.
const LOGIN_FAILED: &str = "login_failed";
const LOGIN_THROTTLED: &str = "login_throttled";

impl Admitted<'_> {
    /// A wrong password, or no active person with that phone: the failure stays counted, is
    /// logged and audited (with no person behind it when the phone is nobody's).
    pub async fn failed(
        self,
        db: &impl ConnectionTrait,
        person: Option<&person::Model>,
    ) -> Result<(), AppError> {
        let attempt = &self.attempt;
        tracing::warn!(
            phone = %attempt.phone.masked(),
            address = %attempt.address,
            "login failed"
        );
        metrics::login_failure(metrics::LoginFailure::Credentials);
        attempt.audit(db, person, LOGIN_FAILED).await
    }

    /// The right password: the phone number's failures are forgiven, and this attempt is no
    /// failure of the address. The address's other failures stay: one good account must not
    /// clear the way for guessing others from the same place.
    pub async fn succeeded(self, db: &impl ConnectionTrait) -> Result<(), AppError> {
        login_failure::Entity::delete_many()
            .filter(login_failure::Column::Key.eq(self.attempt.phone_key()))
            .exec(db)
            .await?;
        login_failure::Entity::delete_by_id(self.address_row)
            .exec(db)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn key_of(address: &str) -> String {
        let phone = PhoneNumber::parse("13800000005").unwrap();
        Attempt::new(&phone, address.parse().unwrap(), 0).address_key()
    }

    #[test]
    fn an_ipv6_client_is_counted_by_its_64_and_an_ipv4_one_by_its_address() {
        assert_eq!(
            key_of("2001:db8:1:2:aaaa::1"),
            key_of("2001:db8:1:2:bbbb::9")
        );
        assert_eq!(key_of("2001:db8:1:2:aaaa::1"), "address:2001:db8:1:2::/64");
        assert_eq!(key_of("::ffff:203.0.113.7"), "address:203.0.113.7");
        assert_ne!(key_of("203.0.113.7"), key_of("203.0.113.8"));
    }
}
