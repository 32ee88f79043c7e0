//! Continuing education on the duty cards: the rule binds the members, who see their own
//! hours; the leaders, deputies and instructors of their enterprise grids follow them.
use super::api::MemberEducation;
use crate::auth::ssr::Viewer;
use crate::cadence::ssr::waivers;
use crate::directory::ssr::members_of;
use crate::domain::cadence::{ObligationKind, Period, Policy, Rule, Subject};
use crate::domain::grid::GridKind;
use crate::domain::permission::Ability;
use crate::domain::training::education_status;
use crate::error::AppError;
use crate::trainings::ssr::hours_attended;
use sea_orm::ConnectionTrait;
use time::Date;

/// The policy's continuing-education rule, if it has one.
pub fn rule(policy: &Policy) -> Option<Rule> {
    policy
        .rules
        .iter()
        .find(|r| matches!(r.kind, ObligationKind::ContinuingEducation { .. }))
        .cloned()
}

/// Whether the rule binds the viewer, who then has a card of their own.
pub fn binds(viewer: &Viewer) -> bool {
    viewer.profile.may(Ability::Study)
}

/// The members of the enterprise grids the viewer follows, with their hours this year up to
/// `today` and the duty's status under `rule` and its waivers, by grid and name.
pub async fn members(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    rule: &Rule,
    today: Date,
) -> Result<Vec<MemberEducation>, AppError> {
    let mut followed: Vec<i32> = (viewer.profile.roles.iter())
        .filter(|r| r.permits(Ability::FollowStudy))
        .map(|r| r.grid_id)
        .collect();
    followed.sort_unstable();
    followed.dedup();
    let members: Vec<_> = members_of(db, &followed)
        .await?
        .into_iter()
        .filter(|m| m.role.studies_in(GridKind::Enterprise) && m.person_id != viewer.person_id())
        .collect();
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let year = today.year();
    let people: Vec<i32> = members.iter().map(|m| m.person_id).collect();
    let attended = hours_attended(db, &people, year).await?;
    let mut waived = waivers(db, &rule.kind, &[Period::Year(year)]).await?;
    waived.retain(|w| matches!(w.subject, Subject::Person(p) if people.contains(&p)));
    let mut list: Vec<MemberEducation> = members
        .into_iter()
        .map(|m| {
            let days = attended.get(&m.person_id).map_or(&[][..], Vec::as_slice);
            let (hours, status) = education_status(rule, m.person_id, year, days, &waived, today);
            MemberEducation {
                name: m.name,
                grid_name: viewer
                    .grids
                    .get(m.grid_id)
                    .map_or_else(String::new, |g| g.name.clone()),
                hours,
                required: rule.kind.required_amount(),
                status,
            }
        })
        .collect();
    list.sort_by(|a, b| (&a.grid_name, &a.name).cmp(&(&b.grid_name, &b.name)));
    Ok(list)
}
