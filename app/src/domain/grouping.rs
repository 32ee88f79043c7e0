//! Grid grouping suggestion for a township (001 §三(一), 003 §三(一)): enterprise
//! grids of about 20 survey objects of the same industry, crossing industries
//! only where an industry has too few objects for a grid of its own.
//!
//! The proposal is pure and deterministic: the same enterprises, in any order,
//! give the same grids. The administrator edits it before it is applied.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::domain::grid::Industry;

/// Survey objects per enterprise grid when nothing else is asked for.
pub const DEFAULT_GRID_SIZE: usize = 20;

/// Why a grid's make-up now departs from the documents' rule of about 20 survey objects of one
/// industry (001 §三(一), 003 §三(一)). A warning, not a refusal: where objects are few, a grid
/// may cross industries, and the administrator decides.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShapeWarning {
    #[error("“{grid}”现有 {count} 家企业，超过文件建议的每个网格约 {size} 家，可考虑拆分")]
    Large {
        grid: String,
        count: usize,
        size: usize,
    },
    #[error("“{grid}”是{grid_industry}网格，这家企业属{industry}")]
    Mixed {
        grid: String,
        grid_industry: &'static str,
        industry: &'static str,
    },
}

/// What to tell an administrator who just placed an enterprise of `industry` in `grid` (of
/// `grid_industry`, `None` for a mixed grid), which now holds `count` open enterprises.
pub fn shape_warnings(
    grid: &str,
    grid_industry: Option<Industry>,
    count: usize,
    industry: Industry,
) -> Vec<ShapeWarning> {
    let mut warnings = Vec::new();
    if count > DEFAULT_GRID_SIZE {
        warnings.push(ShapeWarning::Large {
            grid: grid.to_owned(),
            count,
            size: DEFAULT_GRID_SIZE,
        });
    }
    if let Some(own) = grid_industry.filter(|own| *own != industry) {
        warnings.push(ShapeWarning::Mixed {
            grid: grid.to_owned(),
            grid_industry: own.label(),
            industry: industry.label(),
        });
    }
    warnings
}

/// Name stem of a grid holding more than one industry.
const MIXED_STEM: &str = "综合";

/// One survey object to place in a grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupingInput {
    /// Database id of the enterprise.
    pub id: i32,
    /// Its industry (行业性质).
    pub industry: Industry,
    /// Its area or present grid label, if known; objects sharing one are kept
    /// next to each other, so a grid tends to stay within an area.
    pub area: Option<String>,
}

/// One proposed enterprise grid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedGrid {
    /// Suggested name, e.g. `工业网格1` or `综合网格1`.
    pub name: String,
    /// The single industry of every object in the grid; `None` when mixed.
    pub industry: Option<Industry>,
    /// The grid's enterprises, in proposal order.
    pub enterprise_ids: Vec<i32>,
}

/// Proposes the grids of a township whose enterprises sit in work areas (工作管理片, the third
/// level of a four-level township, 001 §三(二)3): each enterprise comes with the work area it
/// sits in now (`None`: directly under the township), and is grouped only with the others of
/// the same work area, so the work areas stay and the new grids sit under them. By work area,
/// the township's own first, each as [`propose_grids`] would group it alone.
pub fn propose_by_area<A: Ord + Copy>(
    enterprises: &[(GroupingInput, Option<A>)],
    target: usize,
) -> Vec<(Option<A>, ProposedGrid)> {
    let mut by_area: BTreeMap<Option<A>, Vec<GroupingInput>> = BTreeMap::new();
    for (enterprise, area) in enterprises {
        by_area.entry(*area).or_default().push(enterprise.clone());
    }
    by_area
        .into_iter()
        .flat_map(|(area, inputs)| {
            propose_grids(&inputs, target)
                .into_iter()
                .map(move |grid| (area, grid))
        })
        .collect()
}

/// Proposes enterprise grids of about `target` objects (at least 1; use
/// [`DEFAULT_GRID_SIZE`] by default).
///
/// An industry with at least half a grid's worth of objects gets
/// `ceil(n / target)` grids of near-equal size (45 → 15/15/15). Industries
/// with fewer are pooled into mixed grids; a pool too small for a grid of its
/// own joins the last grid of the smallest remaining industry instead. When the
/// township holds at least half a grid's worth, every grid then holds between
/// `ceil(target / 2)` and `target` objects. Ids are expected to be unique; a
/// repeated id is placed once.
pub fn propose_grids(enterprises: &[GroupingInput], target: usize) -> Vec<ProposedGrid> {
    let target = target.max(1);
    let half = target.div_ceil(2);
    let mut by_industry: BTreeMap<Industry, Vec<&GroupingInput>> = BTreeMap::new();
    for enterprise in unique_sorted(enterprises) {
        by_industry
            .entry(enterprise.industry)
            .or_default()
            .push(enterprise);
    }
    let (mut large, small): (Vec<_>, Vec<_>) = by_industry
        .into_values()
        .partition(|objects| objects.len() >= half);
    let mut pool: Vec<&GroupingInput> = small.into_iter().flatten().collect();
    if !pool.is_empty() && pool.len() < half {
        // Too few for a grid: they join the smallest industry's last grid
        // (the first such industry when several tie).
        let smallest = large.iter_mut().min_by_key(|objects| objects.len());
        if let Some(objects) = smallest {
            objects.append(&mut pool);
        }
    }
    let mut namer = Namer::default();
    large
        .iter()
        .chain(std::iter::once(&pool))
        .flat_map(|objects| split_evenly(objects, target))
        .map(|chunk| namer.grid(chunk))
        .collect()
}

/// The enterprises sorted by area (labelled areas first) and id, one per id.
fn unique_sorted(enterprises: &[GroupingInput]) -> Vec<&GroupingInput> {
    let mut sorted: Vec<&GroupingInput> = enterprises.iter().collect();
    let key = |e: &&GroupingInput| (e.area.is_none(), e.area.clone(), e.id, e.industry);
    sorted.sort_by_cached_key(key);
    let mut seen = BTreeSet::new();
    sorted.retain(|e| seen.insert(e.id));
    sorted
}

/// Splits `objects` into `ceil(len / target)` consecutive chunks whose sizes
/// differ by at most one, larger chunks first.
fn split_evenly<'a>(
    objects: &'a [&'a GroupingInput],
    target: usize,
) -> Vec<&'a [&'a GroupingInput]> {
    let count = objects.len().div_ceil(target);
    let mut chunks = Vec::with_capacity(count);
    let mut rest = objects;
    for index in 0..count {
        let size = objects.len() / count + usize::from(index < objects.len() % count);
        let (chunk, tail) = rest.split_at(size);
        chunks.push(chunk);
        rest = tail;
    }
    chunks
}

/// Numbers the grids of each industry, and the mixed grids, from 1.
#[derive(Default)]
struct Namer {
    next: BTreeMap<Option<Industry>, usize>,
}

impl Namer {
    fn grid(&mut self, chunk: &[&GroupingInput]) -> ProposedGrid {
        let first = chunk.first().map(|e| e.industry);
        let industry = first.filter(|i| chunk.iter().all(|e| e.industry == *i));
        let number = self.next.entry(industry).or_insert(0);
        *number += 1;
        let stem = industry.map_or(MIXED_STEM, |i| i.label());
        ProposedGrid {
            name: format!("{stem}网格{number}"),
            industry,
            enterprise_ids: chunk.iter().map(|e| e.id).collect(),
        }
    }
}

#[cfg(test)]
#[path = "grouping_tests.rs"]
mod tests;
