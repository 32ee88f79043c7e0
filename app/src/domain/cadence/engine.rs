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
    evaluate_between(policy, subjects, facts, waivers, from, today, today)
}

/// As [`evaluate`], but only the obligations whose period overlaps `from..=to` (and not
/// after `today`), still judged on `today`: a board of last year's months judges those
/// months, not every month since.
pub fn evaluate_between(
    policy: &Policy,
    subjects: &Subjects,
    facts: &[Fact],
    waivers: &[Waiver],
    from: Date,
    to: Date,
    today: Date,
) -> Vec<Obligation> {
    let mut out = Vec::new();
    let to = to.min(today);
    if from > to {
        return out;
    }
    for rule in &policy.rules {
        let done = fulfilling_facts(rule, facts);
        for (subject, period) in owed(rule, subjects, facts, from, to) {
            let entries = done.get(&(subject, period)).map_or(&[][..], Vec::as_slice);
            out.push(judge(rule, subject, period, entries, waivers, today));
        }
    }
    out
}

/// One obligation of `rule`: `subject`'s duty for `period`, judged on `today` from the
/// (date, amount) of the facts that count for it (those dated after `today` are ignored) and
/// the latest of the `waivers` granted for it. [`evaluate`] judges each pair it lists with
/// this; the phone's duty cards call it directly for the few duties they show, so the phone
/// links the rule without the engine's bookkeeping.
pub fn judge(
    rule: &Rule,
    subject: Subject,
    period: Period,
    entries: &[(Date, u32)],
    waivers: &[Waiver],
    today: Date,
) -> Obligation {
    let due = rule.due_date(&period);
    let done_on = completed_on(entries, rule.kind.required_amount(), today);
    let waiver = waivers
        .iter()
        .filter(|w| w.subject == subject && w.period == period && w.kind.same_duty(&rule.kind))
        .reduce(|latest, w| if w.at_ms > latest.at_ms { w } else { latest });
    let status = match waiver {
        Some(w) => Status::Waived {
            reason: w.reason.clone(),
            by_person: w.by_person,
            at_ms: w.at_ms,
        },
        None => rule.status_on(due, done_on, today),
    };
    Obligation {
        kind: rule.kind.clone(),
        subject,
        period,
        due,
        status,
        done_on,
    }
}

/// `subject`'s once-a-year duty of `rule` (a plan) for `year`, done on `done_on` if at all,
/// judged on `today`: a plan drawn up the December before counts for the year it is for, and
/// a year not begun is 未到期.
pub fn judge_year(
    rule: &Rule,
    subject: Subject,
    year: i32,
    done_on: Option<Date>,
    waivers: &[Waiver],
    today: Date,
) -> Status {
    let done: Vec<(Date, u32)> = done_on.map(|day| (day, 1)).into_iter().collect();
    judge(rule, subject, Period::Year(year), &done, waivers, today).status
}

/// The (subject, period) pairs a rule creates in `from..=to`, sorted.
fn owed(
    rule: &Rule,
    subjects: &Subjects,
    facts: &[Fact],
    from: Date,
    to: Date,
) -> Vec<(Subject, Period)> {
    let mut pairs: Vec<(Subject, Period)> = match rule.kind {
        ObligationKind::MajorEvent { .. } => facts
            .iter()
            .filter(|f| f.kind == FactKind::MajorEventOccurred && (from..=to).contains(&f.date))
            .map(|f| (f.subject, rule.kind.period_of(f.date)))
            .collect(),
        _ => {
            let periods = periods_between(rule, from, to);
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

/// Dates and amounts of the facts fulfilling the rule, by
/// subject and the period they count for.
fn fulfilling_facts(rule: &Rule, facts: &[Fact]) -> BTreeMap<(Subject, Period), Vec<(Date, u32)>> {
    let mut done: BTreeMap<(Subject, Period), Vec<(Date, u32)>> = BTreeMap::new();
    for fact in facts {
        if !rule.kind.fulfilled_by(&fact.kind) {
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

/// The date on which the running total of amounts up to `today`, in date order, first
/// reaches `required`.
fn completed_on(entries: &[(Date, u32)], required: u32, today: Date) -> Option<Date> {
    let mut sorted: Vec<(Date, u32)> = entries
        .iter()
        .copied()
        .filter(|(d, _)| *d <= today)
        .collect();
    sorted.sort_unstable();
    let mut total: u32 = 0;
    sorted.into_iter().find_map(|(date, amount)| {
        total = total.saturating_add(amount);
        (total >= required).then_some(date)
    })
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
