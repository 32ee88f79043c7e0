//! The cadence engine: from a policy, who it binds, the recorded facts and
//! the waivers, every obligation of a date range with its status. Pure, so
//! the phone (offline, from cached and pending records) and the server agree.

use std::collections::BTreeMap;

use time::Date;

use super::{
    Fact, FactKind, Obligation, ObligationKind, Period, Policy, Rule, Status, Subject, Subjects,
    Waiver,
};

/// Every obligation of `policy` whose period overlaps `from..=today`, for
/// each subject the rule binds, judged on `today` (a Beijing calendar date
/// the caller supplies; the engine never reads a clock).
///
/// A fact counts for the period it names, else the period containing its
/// date; facts dated after `today` are ignored. Major-event obligations come
/// from `MajorEventOccurred` facts dated in the range. Obligations are listed
/// by rule order, then subject, then period. To include earlier periods still
/// falling due in the range (last month's report due on the 5th), start
/// `from` earlier and filter on [`Obligation::due`].
pub fn evaluate(
    policy: &Policy,
    subjects: &Subjects,
    facts: &[Fact],
    waivers: &[Waiver],
    from: Date,
    today: Date,
) -> Vec<Obligation> {
    let mut out = Vec::new();
    if from > today {
        return out;
    }
    for rule in &policy.rules {
        let done = fulfilling_facts(rule, facts, today);
        let waived = latest_waivers(rule, waivers);
        for (subject, period) in owed(rule, subjects, facts, from, today) {
            let due = rule.due_date(&period);
            let done_on = done
                .get(&(subject, period))
                .and_then(|entries| completed_on(entries, rule.kind.required_amount()));
            let status = match waived.get(&(subject, period)) {
                Some(w) => Status::Waived {
                    reason: w.reason.clone(),
                    by_person: w.by_person,
                    at_ms: w.at_ms,
                },
                None => rule.status_on(due, done_on, today),
            };
            out.push(Obligation {
                kind: rule.kind.clone(),
                subject,
                period,
                due,
                status,
                done_on,
            });
        }
    }
    out
}

/// The obligations of one `rule` for exactly `periods` (those begun by `today`), waivers
/// included: what [`evaluate`] says of a policy holding that rule alone. For callers that
/// judge one duty, such as the phone's duty cards and the township overview.
pub fn evaluate_rule(
    rule: &Rule,
    subjects: &Subjects,
    facts: &[Fact],
    waivers: &[Waiver],
    periods: &[Period],
    today: Date,
) -> Vec<Obligation> {
    let Some(from) = periods.iter().map(Period::first_day).min() else {
        return Vec::new();
    };
    let policy = Policy {
        name: String::new(),
        rules: vec![rule.clone()],
    };
    let mut out = evaluate(&policy, subjects, facts, waivers, from, today);
    out.retain(|o| periods.contains(&o.period));
    out
}

/// The (subject, period) pairs a rule creates in the range, sorted.
fn owed(
    rule: &Rule,
    subjects: &Subjects,
    facts: &[Fact],
    from: Date,
    today: Date,
) -> Vec<(Subject, Period)> {
    let mut pairs: Vec<(Subject, Period)> = match rule.kind {
        ObligationKind::MajorEvent => facts
            .iter()
            .filter(|f| f.kind == FactKind::MajorEventOccurred && (from..=today).contains(&f.date))
            .map(|f| (f.subject, rule.kind.period_of(f.date)))
            .collect(),
        _ => {
            let periods = periods_between(rule, from, today);
            let bound = subjects.bound_by(&rule.kind);
            bound
                .into_iter()
                .flat_map(|s| periods.iter().map(move |&p| (s, p)))
                .collect()
        }
    };
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The rule's periods overlapping `from..=to`, in order.
fn periods_between(rule: &Rule, from: Date, to: Date) -> Vec<Period> {
    let mut periods = Vec::new();
    let mut period = rule.kind.period_of(from);
    loop {
        periods.push(period);
        let Some(next_day) = period.last_day().next_day().filter(|&d| d <= to) else {
            return periods;
        };
        let next = rule.kind.period_of(next_day);
        // Only a period ending later is progress; anything else would loop.
        if next.last_day() <= period.last_day() {
            return periods;
        }
        period = next;
    }
}

/// Dates and amounts of the facts fulfilling the rule up to `today`, by
/// subject and the period they count for.
fn fulfilling_facts(
    rule: &Rule,
    facts: &[Fact],
    today: Date,
) -> BTreeMap<(Subject, Period), Vec<(Date, u32)>> {
    let mut done: BTreeMap<(Subject, Period), Vec<(Date, u32)>> = BTreeMap::new();
    for fact in facts {
        if fact.date > today || !rule.kind.fulfilled_by(&fact.kind) {
            continue;
        }
        let anchor = fact.period.map_or(fact.date, |p| p.last_day());
        let period = rule.kind.period_of(anchor);
        done.entry((fact.subject, period))
            .or_default()
            .push((fact.date, fact.amount));
    }
    done
}

/// The date on which the running total of amounts, in date order, first
/// reaches `required`.
fn completed_on(entries: &[(Date, u32)], required: u32) -> Option<Date> {
    let mut sorted = entries.to_vec();
    sorted.sort_unstable();
    let mut total: u32 = 0;
    sorted.into_iter().find_map(|(date, amount)| {
        total = total.saturating_add(amount);
        (total >= required).then_some(date)
    })
}

/// For each subject and period, the latest waiver granted for the rule's duty.
fn latest_waivers<'a>(
    rule: &Rule,
    waivers: &'a [Waiver],
) -> BTreeMap<(Subject, Period), &'a Waiver> {
    let mut latest: BTreeMap<(Subject, Period), &Waiver> = BTreeMap::new();
    for w in waivers.iter().filter(|w| w.kind.same_duty(&rule.kind)) {
        let slot = latest.entry((w.subject, w.period)).or_insert(w);
        if w.at_ms > slot.at_ms {
            *slot = w;
        }
    }
    latest
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "engine_tests.rs"]
mod tests;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "engine_props.rs"]
mod props;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "engine_kinds_tests.rs"]
mod kinds_tests;
