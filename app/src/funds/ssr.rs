//! The funds ledger read from the database: the grids' members or enterprises, as the city's
//! scheme counts them, and the spending of their activities this year.
use super::api::{FundsLedger, FundsLine};
use crate::auth::ssr::Viewer;
use crate::db::{enterprise, grid_activity, role_assignment};
use crate::domain::cadence::Period;
use crate::domain::funds::{FundBasis, FundRule, Ledger};
use crate::domain::grid::{GridKind, Role};
use crate::domain::permission::Ability;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{BTreeSet, HashMap};

/// The ledger of `grid`, a level-2 unit or the city, for a viewer who sees it.
pub async fn ledger(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
) -> Result<Option<FundsLedger>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some(row) = viewer.grids.get(grid) else {
        return Ok(None);
    };
    let kind = GridKind::from_code(&row.kind);
    let groups: Vec<(String, Vec<i32>)> = match kind {
        Some(GridKind::City) => (viewer.grids.all().iter())
            .filter(|g| {
                !g.closed && GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two)
            })
            .map(|g| {
                (
                    g.name.clone(),
                    crate::assessment::figures::enterprise_grids(viewer, g.id),
                )
            })
            .collect(),
        Some(k) if k.is_level_two() => crate::assessment::figures::enterprise_grids(viewer, grid)
            .into_iter()
            .filter_map(|g| Some((viewer.grids.get(g)?.name.clone(), vec![g])))
            .collect(),
        _ => return Ok(None),
    };
    let year = viewer.today()?.year();
    let rule = crate::assessment::ssr::current_scheme(db).await?.funds;
    let all: Vec<i32> = groups.iter().flat_map(|(_, g)| g.iter().copied()).collect();
    let heads = heads(db, &all, rule).await?;
    let spent = spent(db, &all, year).await?;
    let lines: Vec<FundsLine> = (groups.into_iter())
        .map(|(name, grids)| {
            let count = |of: &HashMap<i32, i64>| {
                grids
                    .iter()
                    .map(|g| of.get(g).copied().unwrap_or(0))
                    .sum::<i64>()
            };
            FundsLine {
                name,
                ledger: rule.ledger(
                    u32::try_from(count(&heads)).unwrap_or(u32::MAX),
                    count(&spent),
                ),
            }
        })
        .collect();
    let total = Ledger {
        heads: lines.iter().map(|l| l.ledger.heads).sum(),
        entitlement_fen: lines.iter().map(|l| l.ledger.entitlement_fen).sum(),
        spent_fen: lines.iter().map(|l| l.ledger.spent_fen).sum(),
    };
    Ok(Some(FundsLedger {
        unit: row.name.clone(),
        year,
        rule,
        by_unit: kind == Some(GridKind::City),
        lines,
        total,
    }))
}

/// Each grid's members, or its open enterprises, as `rule` counts them.
async fn heads(
    db: &impl ConnectionTrait,
    grids: &[i32],
    rule: FundRule,
) -> Result<HashMap<i32, i64>, AppError> {
    let rows: Vec<(i32, i32)> = match rule.basis {
        FundBasis::Members => {
            role_assignment::Entity::find()
                .select_only()
                .columns([
                    role_assignment::Column::GridId,
                    role_assignment::Column::PersonId,
                ])
                .filter(role_assignment::Column::GridId.is_in(grids.iter().copied()))
                .filter(role_assignment::Column::Role.eq(Role::Member.code()))
                .into_tuple()
                .all(db)
                .await?
        }
        FundBasis::SurveyObjects => {
            enterprise::Entity::find()
                .select_only()
                .columns([enterprise::Column::GridId, enterprise::Column::Id])
                .filter(enterprise::Column::GridId.is_in(grids.iter().copied()))
                .filter(enterprise::Column::Closed.eq(false))
                .into_tuple()
                .all(db)
                .await?
        }
    };
    let distinct: BTreeSet<(i32, i32)> = rows.into_iter().collect();
    let mut heads: HashMap<i32, i64> = HashMap::new();
    for (g, _) in distinct {
        *heads.entry(g).or_default() += 1;
    }
    Ok(heads)
}

/// What each grid's activities of `year` recorded spending, in fen.
async fn spent(
    db: &impl ConnectionTrait,
    grids: &[i32],
    year: i32,
) -> Result<HashMap<i32, i64>, AppError> {
    let rows: Vec<(i32, i64)> = grid_activity::Entity::find()
        .select_only()
        .columns([
            grid_activity::Column::GridId,
            grid_activity::Column::SpendFen,
        ])
        .filter(grid_activity::Column::GridId.is_in(grids.iter().copied()))
        .filter(grid_activity::Column::ActivityDate.between(
            Period::Year(year).first_day(),
            Period::Year(year).last_day(),
        ))
        .into_tuple()
        .all(db)
        .await?;
    let mut spent: HashMap<i32, i64> = HashMap::new();
    for (g, fen) in rows {
        *spent.entry(g).or_default() += fen;
    }
    Ok(spent)
}
