//! 数据质量核查: the checks of reported data that instructors and departments make on their
//! visits (001 §三(二): 网格指导员……保障统计数据质量; 001 §三(三)2: 部门……监督行业统计数据质量).
//! A check is a visit whose purpose is 数据质量核查; one that found something to follow up
//! leaves the enterprise open until a later check finds nothing more to follow.
use time::Date;

/// A visit whose purpose was 数据质量核查.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub enterprise_id: i32,
    pub day: Date,
    /// When the server received it: orders two checks of one day.
    pub received_at_ms: i64,
    /// Whether it found something to follow up (需要跟进).
    pub follow_up: bool,
}

/// What a set of checks shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub checks: usize,
    /// Enterprises checked at least once.
    pub enterprises: usize,
    /// For each enterprise still to follow up, the index of its latest check, oldest first.
    pub open: Vec<usize>,
    /// Enterprises once found wanting whose latest check found nothing more (已整改).
    pub resolved: usize,
}

/// Summarises `checks`: each enterprise is judged by its latest check.
pub fn summarise(checks: &[Check]) -> Summary {
    let mut latest: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    let mut ever_open = std::collections::BTreeSet::new();
    for (i, check) in checks.iter().enumerate() {
        if check.follow_up {
            ever_open.insert(check.enterprise_id);
        }
        let key = |c: &Check| (c.day, c.received_at_ms);
        let newer = latest
            .get(&check.enterprise_id)
            .is_none_or(|&j| key(check) >= key(&checks[j]));
        if newer {
            latest.insert(check.enterprise_id, i);
        }
    }
    let mut open: Vec<usize> = latest
        .values()
        .copied()
        .filter(|&i| checks[i].follow_up)
        .collect();
    open.sort_by_key(|&i| (checks[i].day, checks[i].received_at_ms));
    let resolved = latest
        .iter()
        .filter(|(e, i)| ever_open.contains(*e) && !checks[**i].follow_up)
        .count();
    Summary {
        checks: checks.len(),
        enterprises: latest.len(),
        open,
        resolved,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "data_quality_tests.rs"]
mod tests;
