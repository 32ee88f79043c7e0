//! Tests of the grid grouping suggestion: worked examples and properties.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

fn objects(industry: Industry, ids: std::ops::Range<i32>) -> Vec<GroupingInput> {
    ids.map(|id| GroupingInput {
        id,
        industry,
        area: None,
    })
    .collect()
}

fn sizes(grids: &[ProposedGrid]) -> Vec<usize> {
    grids.iter().map(|g| g.enterprise_ids.len()).collect()
}

#[test]
fn forty_five_industrial_objects_make_three_grids_of_fifteen() {
    let grids = propose_grids(&objects(Industry::Industrial, 0..45), DEFAULT_GRID_SIZE);
    assert_eq!(sizes(&grids), [15, 15, 15]);
    let names: Vec<&str> = grids.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["工业网格1", "工业网格2", "工业网格3"]);
    assert!(
        grids
            .iter()
            .all(|g| g.industry == Some(Industry::Industrial))
    );
    assert_eq!(grids[0].enterprise_ids, (0..15).collect::<Vec<_>>());
}

#[test]
fn split_never_leaves_a_tiny_remainder() {
    let grids = propose_grids(&objects(Industry::Trade, 0..41), 20);
    assert_eq!(sizes(&grids), [14, 14, 13]);
    let grids = propose_grids(&objects(Industry::Trade, 0..21), 20);
    assert_eq!(sizes(&grids), [11, 10]);
}

#[test]
fn small_industries_are_pooled_into_mixed_grids() {
    let mut input = objects(Industry::Industrial, 0..30);
    input.extend(objects(Industry::Construction, 100..106));
    input.extend(objects(Industry::RealEstate, 200..205));
    let grids = propose_grids(&input, 20);
    assert_eq!(sizes(&grids), [15, 15, 11]);
    assert_eq!(grids[2].name, "综合网格1");
    assert_eq!(grids[2].industry, None);
    assert_eq!(grids[2].enterprise_ids[..6], [100, 101, 102, 103, 104, 105]);
}

#[test]
fn a_pool_too_small_for_a_grid_joins_the_smallest_industry() {
    let mut input = objects(Industry::Industrial, 0..40);
    input.extend(objects(Industry::Service, 100..112));
    input.extend(objects(Industry::Other, 200..203));
    let grids = propose_grids(&input, 20);
    assert_eq!(sizes(&grids), [20, 20, 15]);
    assert_eq!(grids[2].name, "综合网格1");
    assert_eq!(grids[2].enterprise_ids[12..], [200, 201, 202]);
}

#[test]
fn a_tiny_township_gets_one_mixed_grid_and_an_empty_one_none() {
    let mut input = objects(Industry::Trade, 0..3);
    input.extend(objects(Industry::Service, 10..12));
    let grids = propose_grids(&input, 20);
    assert_eq!(sizes(&grids), [5]);
    assert_eq!(grids[0].industry, None);
    assert!(propose_grids(&[], 20).is_empty());
    // A zero target is treated as one object per grid, not a division by zero.
    assert_eq!(sizes(&propose_grids(&input, 0)), [1, 1, 1, 1, 1]);
}

#[test]
fn objects_of_one_area_stay_together() {
    let mut input = objects(Industry::Industrial, 0..24);
    for object in &mut input {
        object.area = Some(
            if object.id % 2 == 0 {
                "东村"
            } else {
                "西村"
            }
            .to_owned(),
        );
    }
    let grids = propose_grids(&input, 12);
    assert_eq!(
        grids[0].enterprise_ids,
        (0..24).step_by(2).collect::<Vec<_>>()
    );
    assert_eq!(
        grids[1].enterprise_ids,
        (1..24).step_by(2).collect::<Vec<_>>()
    );
}

#[test]
fn a_repeated_id_is_placed_once() {
    let mut input = objects(Industry::Trade, 0..12);
    input.push(input[3].clone());
    let grids = propose_grids(&input, 20);
    assert_eq!(sizes(&grids), [12]);
}

fn input() -> impl Strategy<Value = Vec<GroupingInput>> {
    let industry = proptest::sample::select(Industry::ALL.to_vec());
    let area = proptest::option::of(proptest::sample::select(vec!["甲", "乙", "丙"]));
    proptest::collection::vec((industry, area), 0..160).prop_map(|rows| {
        rows.into_iter()
            .zip(1..)
            .map(|((industry, area), id)| GroupingInput {
                id: id * 7 % 1009,
                industry,
                area: area.map(str::to_owned),
            })
            .collect()
    })
}

#[test]
fn a_grid_past_twenty_or_of_another_industry_is_warned_of() {
    assert!(
        shape_warnings(
            "东湖工业一网格",
            Some(Industry::Industrial),
            20,
            Industry::Industrial
        )
        .is_empty()
    );
    let warnings = shape_warnings(
        "东湖工业一网格",
        Some(Industry::Industrial),
        21,
        Industry::Trade,
    );
    let words: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        [
            "“东湖工业一网格”现有 21 家企业，超过文件建议的每个网格约 20 家，可考虑拆分",
            "“东湖工业一网格”是工业网格，这家企业属贸易",
        ]
    );
    // A mixed grid (综合网格) takes any industry.
    assert!(shape_warnings("东湖综合网格1", None, 12, Industry::Trade).is_empty());
}

#[test]
fn work_areas_keep_their_enterprises_and_the_township_its_own() {
    let north = objects(Industry::Industrial, 0..30);
    let south = objects(Industry::Trade, 30..40);
    let own = objects(Industry::Service, 40..45);
    let input: Vec<(GroupingInput, Option<i32>)> = north
        .into_iter()
        .map(|e| (e, Some(7)))
        .chain(south.into_iter().map(|e| (e, Some(8))))
        .chain(own.into_iter().map(|e| (e, None)))
        .collect();
    let grids = propose_by_area(&input, DEFAULT_GRID_SIZE);
    let areas: Vec<(Option<i32>, usize)> = grids
        .iter()
        .map(|(area, g)| (*area, g.enterprise_ids.len()))
        .collect();
    assert_eq!(
        areas,
        [(None, 5), (Some(7), 15), (Some(7), 15), (Some(8), 10)]
    );
}

proptest! {
    /// Every enterprise lands in exactly one grid, and that grid is in its own work area.
    #[test]
    fn by_area_every_enterprise_stays_in_its_work_area(input in input(), areas in proptest::collection::vec(proptest::option::of(0u8..3), 160), target in 1usize..40) {
        let input: Vec<(GroupingInput, Option<u8>)> =
            input.into_iter().zip(areas).collect();
        let grids = propose_by_area(&input, target);
        let mut placed: Vec<i32> = Vec::new();
        for (area, grid) in &grids {
            for id in &grid.enterprise_ids {
                let home = input.iter().find(|(e, _)| e.id == *id).map(|(_, a)| *a);
                prop_assert_eq!(home, Some(*area));
                placed.push(*id);
            }
        }
        placed.sort_unstable();
        let mut all: Vec<i32> = input.iter().map(|(e, _)| e.id).collect();
        all.sort_unstable();
        all.dedup();
        prop_assert_eq!(placed, all);
    }

    #[test]
    fn every_enterprise_appears_exactly_once(input in input(), target in 1usize..40) {
        let grids = propose_grids(&input, target);
        let mut placed: Vec<i32> = grids.iter().flat_map(|g| g.enterprise_ids.clone()).collect();
        placed.sort_unstable();
        let mut expected: Vec<i32> = input.iter().map(|e| e.id).collect();
        expected.sort_unstable();
        prop_assert_eq!(placed, expected);
    }

    #[test]
    fn single_industry_grids_hold_only_that_industry(input in input(), target in 1usize..40) {
        let industry_of: BTreeMap<i32, Industry> = input.iter().map(|e| (e.id, e.industry)).collect();
        for grid in propose_grids(&input, target) {
            let industries: Vec<Industry> =
                grid.enterprise_ids.iter().map(|id| industry_of[id]).collect();
            match grid.industry {
                Some(industry) => prop_assert!(industries.iter().all(|i| *i == industry)),
                None => prop_assert!(industries.iter().any(|i| *i != industries[0])),
            }
        }
    }

    #[test]
    fn grid_sizes_stay_within_bounds(input in input(), target in 1usize..40) {
        prop_assume!(input.len() >= target.div_ceil(2));
        for grid in propose_grids(&input, target) {
            let size = grid.enterprise_ids.len();
            prop_assert!(size >= target.div_ceil(2) && size <= target + target / 2, "{size} for {target}");
        }
    }

    #[test]
    fn large_industries_cross_into_at_most_one_mixed_grid(input in input(), target in 2usize..40) {
        let mut counts: BTreeMap<Industry, usize> = BTreeMap::new();
        for e in &input {
            *counts.entry(e.industry).or_default() += 1;
        }
        let industry_of: BTreeMap<i32, Industry> = input.iter().map(|e| (e.id, e.industry)).collect();
        let grids = propose_grids(&input, target);
        for (industry, count) in counts.into_iter().filter(|(_, c)| *c >= target.div_ceil(2)) {
            let mixed_with_it = grids
                .iter()
                .filter(|g| g.industry.is_none())
                .filter(|g| g.enterprise_ids.iter().any(|id| industry_of[id] == industry))
                .count();
            prop_assert!(mixed_with_it <= 1, "{industry:?} ({count}) in {mixed_with_it} mixed grids");
        }
    }

    #[test]
    fn result_is_independent_of_input_order(
        (input, shuffled) in input().prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
        target in 1usize..40,
    ) {
        prop_assert_eq!(propose_grids(&input, target), propose_grids(&shuffled, target));
    }
}
