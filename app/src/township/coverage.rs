//! 走访覆盖: whether each enterprise of the township was visited as the cadence requires, for
//! the quarter of the chosen month. The cadence engine judges; this gathers its input and
//! groups its answer by grid.
use crate::cadence::ssr::QuarterVisits;
use crate::db::grid;
use crate::domain::cadence::{Obligation, Period, Status, Subject, summary};
use crate::domain::period::{Quarter, format_date};
use crate::township::api::{GridCoverage, OpenEnterprise, VisitCoverage};
use crate::township::ssr::ScopeEnterprise;
use std::collections::HashMap;
use time::Date;

/// Enterprises listed as not yet visited, at most (a township has a few hundred).
const OPEN_LIST_MAX: usize = 500;

/// The coverage of `quarter` for the `enterprises` of `grids`, from the visits read under them.
pub fn visit_coverage(
    visits: QuarterVisits,
    quarter: Quarter,
    today: Date,
    grids: &[&grid::Model],
    enterprises: &HashMap<i32, ScopeEnterprise>,
) -> VisitCoverage {
    let open: Vec<i32> = enterprises
        .values()
        .filter(|e| !e.closed)
        .map(|e| e.id)
        .collect();
    let judgement = visits.judge(today, &open);
    let Some(rule) = judgement.rule else {
        return VisitCoverage {
            quarter: quarter.label(),
            policy_name: judgement.policy_name,
            due: String::new(),
            per_quarter: 0,
            started: false,
            grids: Vec::new(),
            not_visited: Vec::new(),
            not_visited_total: 0,
        };
    };
    let per_quarter = rule.kind.required_amount();
    let period = Period::Quarter(quarter);
    let obligations = judgement.obligations;
    let names: HashMap<i32, &str> = grids.iter().map(|g| (g.id, g.name.as_str())).collect();
    let mut grouped = by_grid(&obligations, enterprises);
    let per_grid = grids
        .iter()
        .map(|g| {
            let own = grouped.remove(&g.id).unwrap_or_default();
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
    VisitCoverage {
        quarter: quarter.label(),
        policy_name: judgement.policy_name,
        due: format_date(rule.deadline(rule.due_date(&period))),
        per_quarter,
        started: today >= quarter.first_day(),
        grids: per_grid,
        not_visited,
        not_visited_total: total_open,
    }
}

/// The obligations of the enterprises, by the grid each enterprise is in: one pass, so a
/// township of a hundred grids does not walk every obligation once per grid.
pub(super) fn by_grid(
    obligations: &[Obligation],
    enterprises: &HashMap<i32, ScopeEnterprise>,
) -> HashMap<i32, Vec<Obligation>> {
    let mut grouped: HashMap<i32, Vec<Obligation>> = HashMap::new();
    for o in obligations {
        let Subject::Enterprise(id) = o.subject else {
            continue;
        };
        if let Some(e) = enterprises.get(&id) {
            grouped.entry(e.grid_id).or_default().push(o.clone());
        }
    }
    grouped
}
