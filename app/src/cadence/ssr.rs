//! Loading and saving the policy in force. Every save is a new row (the history stays) with
//! its audit entry.
use super::api::CadenceSettings;
use crate::admin::ssr::audit;
use crate::db::cadence_policy;
use crate::db::{visit, visit_tally, waiver};
use crate::domain::cadence::{
    Fact, FactKind, Obligation, ObligationKind, Period, Policy, Rule, Subject, Subjects, Waiver,
    evaluate_between,
};
use crate::domain::period::Quarter;
use crate::error::AppError;
use sea_orm::sea_query::{Asterisk, Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::{HashMap, HashSet};
use time::Date;

/// The policy in force: the latest saved, else the Yuhuan preset (seed 001, the fuller one).
pub async fn policy(db: &impl ConnectionTrait) -> Result<(Policy, bool), AppError> {
    let latest = cadence_policy::Entity::find()
        .order_by_desc(cadence_policy::Column::Id)
        .one(db)
        .await?;
    match latest {
        Some(row) => {
            let policy = serde_json::from_str(&row.policy).map_err(|e| {
                tracing::error!(error = %e, "stored cadence policy unreadable");
                AppError::internal()
            })?;
            Ok((policy, true))
        }
        None => Ok((Policy::yuhuan(), false)),
    }
}

pub async fn settings(db: &impl ConnectionTrait) -> Result<CadenceSettings, AppError> {
    let (policy, saved) = policy(db).await?;
    Ok(CadenceSettings {
        policy,
        saved,
        presets: vec![Policy::yuhuan(), Policy::yueqing(), Policy::guangxi()],
    })
}

pub async fn save(
    db: &sea_orm::DatabaseConnection,
    by: audit::Actor,
    policy: Policy,
) -> Result<CadenceSettings, AppError> {
    policy
        .validate()
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let json = serde_json::to_string(&policy).map_err(|_| AppError::internal())?;
    let tx = crate::db::begin_write(db).await?;
    let (before, _) = self::policy(&tx).await?;
    cadence_policy::Entity::insert(cadence_policy::ActiveModel {
        policy: Set(json),
        updated_at_ms: Set(by.at_ms),
        updated_by: Set(by.person_id),
        ..Default::default()
    })
    .exec(&tx)
    .await?;
    let key: String = policy.name.chars().take(40).collect();
    audit::record(
        &tx,
        by,
        "set_cadence_policy",
        "cadence",
        &key,
        Some(&before),
        Some(&policy),
    )
    .await?;
    tx.commit().await?;
    settings(db).await
}

/// The enterprise-visit duties of one quarter, as judged on `today`.
pub struct VisitJudgement {
    /// Whose rules apply.
    pub policy_name: String,
    /// The visit rule in force; `None` when the policy asks for no visits.
    pub rule: Option<Rule>,
    /// One obligation per enterprise for the quarter.
    pub obligations: Vec<Obligation>,
    /// Visits counted so far, by enterprise.
    pub visits: HashMap<i32, u32>,
}

/// The visits of one quarter under some grids, read apart from the enterprises they are
/// judged for ([`QuarterVisits::judge`]), so that a page can read both at once.
pub struct QuarterVisits {
    /// The policy with its visit rules alone.
    policy: Policy,
    quarter: Quarter,
    /// (enterprise, date, visits), as [`visit_tallies`] reads them.
    tallies: Vec<(i32, Date, i64)>,
}

impl QuarterVisits {
    /// The visits of `quarter` stored under `grids`, tallied as the visit rule of `policy` (the
    /// one in force, loaded once by the caller) needs them; none read when it asks for none.
    pub async fn read(
        db: &impl ConnectionTrait,
        policy: &Policy,
        quarter: Quarter,
        grids: &[i32],
    ) -> Result<Self, AppError> {
        let mut policy = policy.clone();
        policy
            .rules
            .retain(|r| matches!(r.kind, ObligationKind::EnterpriseVisits { .. }));
        let required = policy.rules.iter().map(|r| r.kind.required_amount()).max();
        let mut tallies = Vec::new();
        if let Some(required) = required {
            // In chunks: a province's grids may outnumber the parameters a statement binds.
            for chunk in grids.chunks(1000) {
                tallies.extend(visit_tallies(db, chunk, quarter, required).await?);
            }
        }
        Ok(Self {
            policy,
            quarter,
            tallies,
        })
    }

    /// The visit rule applied to `enterprises` (only their visits count), judged on `today`.
    pub fn judge(self, today: Date, enterprises: &[i32]) -> VisitJudgement {
        let Self {
            policy,
            quarter,
            tallies,
        } = self;
        let mut judgement = VisitJudgement {
            rule: policy.rules.first().cloned(),
            policy_name: policy.name.clone(),
            obligations: Vec::new(),
            visits: HashMap::new(),
        };
        if judgement.rule.is_none() {
            return judgement;
        }
        let bound: HashSet<i32> = enterprises.iter().copied().collect();
        let mut facts = Vec::new();
        for (enterprise, date, visits) in tallies.into_iter().filter(|(e, ..)| bound.contains(e)) {
            let visits = u32::try_from(visits).unwrap_or(u32::MAX);
            let counted = judgement.visits.entry(enterprise).or_default();
            *counted = counted.saturating_add(visits);
            facts.push(Fact {
                amount: visits,
                ..Fact::new(FactKind::Visit, Subject::Enterprise(enterprise), date)
            });
        }
        let subjects = Subjects {
            enterprises: enterprises.to_vec(),
            ..Subjects::default()
        };
        let period = Period::Quarter(quarter);
        // The quarter's periods only, still judged on today: a past quarter's page does not
        // judge every quarter since (five times the work a year on).
        let (first, last) = (quarter.first_day(), quarter.last_day());
        judgement.obligations =
            evaluate_between(&policy, &subjects, &facts, &[], first, last, today)
                .into_iter()
                .filter(|o| o.period == period)
                .collect();
        judgement
    }
}

/// Applies the visit rule of `policy` (the one in force, loaded once by the caller) to
/// `enterprises` for `quarter`, from the visits stored under `grids`.
pub async fn judge_visits(
    db: &impl ConnectionTrait,
    policy: &Policy,
    quarter: Quarter,
    today: Date,
    grids: &[i32],
    enterprises: &[i32],
) -> Result<VisitJudgement, AppError> {
    let visits = QuarterVisits::read(db, policy, quarter, grids).await?;
    Ok(visits.judge(today, enterprises))
}

/// The visits of a quarter under some grids, tallied for the cadence engine: (enterprise,
/// date, visits). When the rule asks for one visit a quarter, one row per enterprise, its first
/// visit's date with all its visits: all that decides whether and when the duty was met, summed
/// from the three months the database keeps counted as visits are written (`visit_tally`), so a
/// township's dashboard reads 6,000 ready rows for 100 grids instead of the quarter's 12,000
/// visits. When it asks for more, one row per enterprise and day visited, grouped from the
/// visits' grid-and-date index.
async fn visit_tallies(
    db: &impl ConnectionTrait,
    grids: &[i32],
    quarter: Quarter,
    required: u32,
) -> Result<Vec<(i32, Date, i64)>, AppError> {
    if required <= 1 {
        let visits = Expr::col(visit_tally::Column::Visits).sum();
        return Ok(visit_tally::Entity::find()
            .select_only()
            .column(visit_tally::Column::EnterpriseId)
            .column_as(visit_tally::Column::FirstDate.min(), "first")
            // PostgreSQL sums a bigint as a numeric.
            .column_as(visits.cast_as("BIGINT"), "visits")
            // The three months by name, not a range, so that the key is sought grid by grid.
            .filter(visit_tally::Column::MonthStart.is_in(quarter.months().map(|m| m.first_day())))
            .filter(visit_tally::Column::GridId.is_in(grids.iter().copied()))
            .group_by(visit_tally::Column::EnterpriseId)
            .into_tuple()
            .all(db)
            .await?);
    }
    Ok(visit::Entity::find()
        .select_only()
        .column(visit::Column::EnterpriseId)
        .column(visit::Column::VisitDate)
        // COUNT(*), not of a column: the index holds all the query reads.
        .column_as(Expr::col(Asterisk).count(), "visits")
        .filter(visit::Column::GridId.is_in(grids.iter().copied()))
        .filter(visit::Column::VisitDate.between(quarter.first_day(), quarter.last_day()))
        .group_by(visit::Column::EnterpriseId)
        .group_by(visit::Column::VisitDate)
        .into_tuple()
        .all(db)
        .await?)
}

/// The waivers of `kind` for any of `periods`, every one kept (the engine takes the latest).
pub async fn waivers(
    db: &impl ConnectionTrait,
    kind: &ObligationKind,
    periods: &[Period],
) -> Result<Vec<Waiver>, AppError> {
    let rows = waiver::Entity::find()
        .filter(waiver::Column::Obligation.eq(kind.code()))
        .filter(waiver::Column::Period.is_in(periods.iter().map(Period::to_string)))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|w| {
            Some(Waiver {
                kind: serde_json::from_str(&w.kind).ok()?,
                subject: serde_json::from_str(&w.subject).ok()?,
                period: Period::parse(&w.period).ok()?,
                reason: w.reason,
                by_person: w.by_person,
                at_ms: w.at_ms,
            })
        })
        .collect())
}

/// Keeps a waiver with its audit entry, inside the caller's transaction.
pub async fn waive(db: &impl ConnectionTrait, waiver: &Waiver) -> Result<(), AppError> {
    let kind = serde_json::to_string(&waiver.kind).map_err(|_| AppError::internal())?;
    let subject = serde_json::to_string(&waiver.subject).map_err(|_| AppError::internal())?;
    waiver::Entity::insert(waiver::ActiveModel {
        obligation: Set(waiver.kind.code().to_owned()),
        kind: Set(kind),
        subject: Set(subject),
        period: Set(waiver.period.to_string()),
        reason: Set(waiver.reason.clone()),
        by_person: Set(waiver.by_person),
        at_ms: Set(waiver.at_ms),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    let key = format!("{}/{}", waiver.kind.code(), waiver.period);
    audit::record(
        db,
        audit::Actor {
            person_id: waiver.by_person,
            at_ms: waiver.at_ms,
        },
        "waive_obligation",
        "waiver",
        &key,
        None,
        Some(waiver),
    )
    .await
}
