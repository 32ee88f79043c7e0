//! The funds ledger read from the database: the grids' members or enterprises, as the city's
//! scheme counts them, and the spending of their activities this year.
use super::api::{FundStatement, FundsLedger, FundsLine, Spending};
use crate::auth::ssr::Viewer;
use crate::db::grid_activity;
use crate::domain::activity::ActivityType;
use crate::domain::cadence::Period;
use crate::domain::funds::Ledger;
use crate::domain::grid::GridKind;
use crate::domain::period::format_date;
use crate::domain::permission::Ability;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;

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
    let groups: Vec<(i32, String, Vec<i32>)> = match kind {
        Some(GridKind::City) => (viewer.grids.all().iter())
            .filter(|g| {
                !g.closed && GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two)
            })
            .map(|g| {
                (
                    g.id,
                    g.name.clone(),
                    crate::assessment::figures::enterprise_grids(viewer, g.id),
                )
            })
            .collect(),
        Some(k) if k.is_level_two() => crate::assessment::figures::enterprise_grids(viewer, grid)
            .into_iter()
            .filter_map(|g| Some((g, viewer.grids.get(g)?.name.clone(), vec![g])))
            .collect(),
        _ => return Ok(None),
    };
    let today = viewer.today()?;
    let year = today.year();
    let rule = crate::assessment::ssr::current_scheme(db).await?.funds;
    let all: Vec<i32> = groups
        .iter()
        .flat_map(|(_, _, g)| g.iter().copied())
        .collect();
    let (heads, counted_on) = super::count::heads(db, &all, rule, year, today).await?;
    let spent = spent(db, &all, year).await?;
    let lines: Vec<FundsLine> = (groups.into_iter())
        .map(|(id, name, grids)| {
            let count = |of: &HashMap<i32, i64>| {
                grids
                    .iter()
                    .map(|g| of.get(g).copied().unwrap_or(0))
                    .sum::<i64>()
            };
            FundsLine {
                id,
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
        counted_on: counted_on.map(format_date),
        by_unit: kind == Some(GridKind::City),
        lines,
        total,
    }))
}

/// The statement of enterprise grid `grid` this year, for a viewer who sees it.
pub async fn statement(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    grid: i32,
) -> Result<Option<FundStatement>, AppError> {
    if !viewer.permits_over(Ability::SeeBelow, grid) {
        return Err(AppError::Forbidden);
    }
    let Some(row) = viewer.grids.get(grid) else {
        return Ok(None);
    };
    if GridKind::from_code(&row.kind) != Some(GridKind::Enterprise) {
        return Ok(None);
    }
    let today = viewer.today()?;
    let year = today.year();
    let rule = crate::assessment::ssr::current_scheme(db).await?.funds;
    let (heads, counted_on) = super::count::heads(db, &[grid], rule, year, today).await?;
    let activities = grid_activity::Entity::find()
        .filter(grid_activity::Column::GridId.eq(grid))
        .filter(grid_activity::Column::SpendFen.gt(0))
        .filter(grid_activity::Column::ActivityDate.between(
            Period::Year(year).first_day(),
            Period::Year(year).last_day(),
        ))
        .order_by_asc(grid_activity::Column::ActivityDate)
        .all(db)
        .await?;
    let spending: Vec<Spending> = (activities.into_iter())
        .map(|a| Spending {
            date: format_date(a.activity_date),
            activity: ActivityType::from_code(&a.activity_type)
                .map_or(a.activity_type.clone(), |t| t.label().to_owned()),
            place: a.place,
            people: serde_json::from_str::<Vec<i32>>(&a.participants).map_or(0, |p| p.len()),
            spend_fen: a.spend_fen,
        })
        .collect();
    let heads = u32::try_from(heads.get(&grid).copied().unwrap_or(0)).unwrap_or(u32::MAX);
    let unit = crate::assessment::mine::unit_above(viewer, grid)
        .and_then(|u| viewer.grids.get(u))
        .map(|u| u.name.clone())
        .unwrap_or_default();
    Ok(Some(FundStatement {
        grid: row.name.clone(),
        unit,
        year,
        rule,
        counted_on: counted_on.map(format_date),
        ledger: rule.ledger(heads, spending.iter().map(|s| s.spend_fen).sum()),
        spending,
    }))
}

/// What each grid's activities of `year` recorded spending, in fen.
pub(super) async fn spent(
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
