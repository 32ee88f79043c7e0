//! 走访覆盖: whether each enterprise of the township was visited as the cadence requires, for
//! the quarter of the chosen month. The cadence engine judges; this gathers its input and
//! groups its answer by grid.
use crate::db::{enterprise, grid, visit};
use crate::domain::cadence::{
    Fact, FactKind, ObligationKind, Period, Policy, Status, Subject, Subjects, evaluate, summary,
};
use crate::domain::period::{Quarter, format_date};
use crate::error::AppError;
use crate::township::api::{GridCoverage, OpenEnterprise, VisitCoverage};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use time::Date;

/// Enterprises listed as not yet visited, at most (a township has a few hundred).
const OPEN_LIST_MAX: usize = 500;

/// The policy in force, reduced to its visit rule (if it has one).
async fn visit_policy(db: &impl ConnectionTrait) -> Result<Policy, AppError> {
    let (mut policy, _) = crate::cadence::ssr::policy(db).await?;
    policy
        .rules
        .retain(|r| matches!(r.kind, ObligationKind::EnterpriseVisits { .. }));
    Ok(policy)
}

pub async fn visit_coverage(
    db: &impl ConnectionTrait,
    quarter: Quarter,
    today: Date,
    grids: &[&grid::Model],
    enterprises: &HashMap<i32, enterprise::Model>,
) -> Result<VisitCoverage, AppError> {
    let policy = visit_policy(db).await?;
    let Some(rule) = policy.rules.first() else {
        return Ok(VisitCoverage {
            quarter: quarter.label(),
            policy_name: policy.name,
            due: String::new(),
            per_quarter: 0,
            started: false,
            grids: Vec::new(),
            not_visited: Vec::new(),
            not_visited_total: 0,
        });
    };
    let per_quarter = rule.kind.required_amount();
    let period = Period::Quarter(quarter);
    let open: Vec<&enterprise::Model> = enterprises.values().filter(|e| !e.closed).collect();
    let subjects = Subjects {
        enterprises: open.iter().map(|e| e.id).collect(),
        ..Subjects::default()
    };
    let ids: Vec<i32> = open.iter().map(|e| e.id).collect();
    let mut facts = Vec::new();
    // In chunks: a township's enterprises may outnumber the parameters a statement binds.
    for chunk in ids.chunks(1000) {
        let visits = visit::Entity::find()
            .filter(visit::Column::EnterpriseId.is_in(chunk.to_vec()))
            .filter(visit::Column::VisitDate.between(quarter.first_day(), quarter.last_day()))
            .all(db)
            .await?;
        facts.extend(visits.into_iter().map(|v| {
            Fact::new(
                FactKind::Visit,
                Subject::Enterprise(v.enterprise_id),
                v.visit_date,
            )
        }));
    }
    let obligations: Vec<_> = evaluate(&policy, &subjects, &facts, &[], quarter.first_day(), today)
        .into_iter()
        .filter(|o| o.period == period)
        .collect();
    let grid_of = |subject: &Subject| match subject {
        Subject::Enterprise(id) => enterprises.get(id).map(|e| e.grid_id),
        _ => None,
    };
    let names: HashMap<i32, &str> = grids.iter().map(|g| (g.id, g.name.as_str())).collect();
    let per_grid = grids
        .iter()
        .map(|g| {
            let own: Vec<_> = obligations
                .iter()
                .filter(|o| grid_of(&o.subject) == Some(g.id))
                .cloned()
                .collect();
            GridCoverage {
                grid_id: g.id,
                grid_name: g.name.clone(),
                enterprises: own.len(),
                counts: summary(&own),
            }
        })
        .collect();
    let mut not_visited: Vec<OpenEnterprise> = obligations
        .iter()
        .filter(|o| {
            matches!(
                o.status,
                Status::Overdue | Status::DueSoon | Status::NotYetDue
            )
        })
        .filter_map(|o| {
            let Subject::Enterprise(id) = o.subject else {
                return None;
            };
            let e = enterprises.get(&id)?;
            Some(OpenEnterprise {
                enterprise_name: e.name.clone(),
                grid_name: names
                    .get(&e.grid_id)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                status: o.status.clone(),
            })
        })
        .collect();
    not_visited.sort_by(|a, b| {
        (&a.grid_name, &a.enterprise_name).cmp(&(&b.grid_name, &b.enterprise_name))
    });
    let total_open = not_visited.len();
    not_visited.truncate(OPEN_LIST_MAX);
    Ok(VisitCoverage {
        quarter: quarter.label(),
        policy_name: policy.name.clone(),
        due: format_date(rule.deadline(rule.due_date(&period))),
        per_quarter,
        started: today >= quarter.first_day(),
        grids: per_grid,
        not_visited,
        not_visited_total: total_open,
    })
}
