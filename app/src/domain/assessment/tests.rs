use super::allocation::{rate_check, seats, stars};
use super::*;
use proptest::prelude::*;

fn scored(total: Tenths, earned: Vec<Tenths>) -> Scored {
    Scored {
        earned,
        manual: 0,
        total,
    }
}

#[test]
fn both_presets_add_up_to_a_hundred_points() {
    assert_eq!(Scheme::yuhuan().validate(), Ok(()));
    assert_eq!(Scheme::yueqing().validate(), Ok(()));
    assert_eq!(Scheme::preset("yueqing"), Some(Scheme::yueqing()));
    assert_eq!(Scheme::preset("hunan"), None);
}

#[test]
fn a_scheme_that_does_not_add_up_is_refused_with_every_reason() {
    let mut scheme = Scheme::yuhuan();
    scheme.manual_points = 5;
    scheme.indicators[1].target = 120;
    scheme.indicators.push(scheme.indicators[0]);
    scheme.reward = Reward::Stars {
        rate_floor_pct: 120,
        tiers: vec![StarTier {
            share_pct: 90,
            amount_yuan: 1000,
        }],
    };
    let errors = scheme.validate().unwrap_err();
    assert_eq!(
        errors,
        vec![
            SchemeError::PointsNotHundred(95),
            SchemeError::Target("走访覆盖率（%）", 100),
            SchemeError::Repeated("走访企业次数"),
            SchemeError::SharesNotHundred(90),
            SchemeError::RateFloor,
        ]
    );
    assert_eq!(
        errors[0].to_string(),
        "各项指标与评定分值合计应为 100 分，现为 95 分"
    );
    let mut bands = Scheme::yueqing();
    bands.pass_mark = 95;
    assert_eq!(bands.validate(), Err(vec![SchemeError::ExcellentMark]));
}

#[test]
fn an_indicator_pays_in_proportion_up_to_its_target() {
    let visits = Indicator {
        measure: Measure::Visits,
        points: 25,
        target: 24,
    };
    assert_eq!(score::earned(&visits, &Figure::count(24)), 250);
    assert_eq!(score::earned(&visits, &Figure::count(40)), 250);
    assert_eq!(score::earned(&visits, &Figure::count(12)), 125);
    assert_eq!(score::earned(&visits, &Figure::count(7)), 72);
    let coverage = Indicator {
        measure: Measure::Coverage,
        points: 20,
        target: 100,
    };
    assert_eq!(score::earned(&coverage, &Figure::rate(15, 20)), 150);
    // Nothing owed is nothing missed.
    assert_eq!(Figure::rate(0, 0).value(), 100);
}

#[test]
fn a_sheet_adds_its_indicators_and_the_assessors_points() {
    let scheme = Scheme::yuhuan();
    let figures = [
        Figure::count(24),
        Figure::rate(10, 20),
        Figure::count(2),
        Figure::count(24),
        Figure::count(0),
    ];
    let manual = scheme.parse_manual("12.5").unwrap();
    let sheet = scheme.score(&figures, manual);
    assert_eq!(sheet.earned, vec![100, 100, 100, 250, 0]);
    assert_eq!(sheet.total, 675);
    assert_eq!(points_text(sheet.total), "67.5");
    assert_eq!(scheme.grade(sheet.total), Grade::Qualified);
    assert_eq!(scheme.grade(599), Grade::Unqualified);
    assert_eq!(Scheme::yueqing().grade(900), Grade::Excellent);
    assert_eq!(Scheme::yuhuan().grade(1000), Grade::Qualified);
}

#[test]
fn the_assessors_points_are_read_as_typed_and_bounded() {
    let scheme = Scheme::yuhuan();
    assert_eq!(scheme.parse_manual(""), Ok(0));
    assert_eq!(scheme.parse_manual(" 15 "), Ok(150));
    assert_eq!(scheme.parse_manual("9.5"), Ok(95));
    assert_eq!(scheme.parse_manual("20.5"), Err(PointsError::TooMany(20)));
    for bad in ["-1", "1.25", "abc", ".5", "1.", "１２"] {
        assert_eq!(
            scheme.parse_manual(bad),
            Err(PointsError::Malformed),
            "{bad}"
        );
    }
}

#[test]
fn the_documents_shares_give_whole_seats_that_add_up() {
    assert_eq!(seats(10, &[60, 30, 10]), vec![6, 3, 1]);
    assert_eq!(seats(20, &[60, 30, 10]), vec![12, 6, 2]);
    // 3, 1.5 and 0.5: the seat left over goes to the lower of the equal fractions.
    assert_eq!(seats(5, &[60, 30, 10]), vec![3, 2, 0]);
    assert_eq!(seats(7, &[60, 30, 10]), vec![4, 2, 1]);
    assert_eq!(seats(0, &[60, 30, 10]), vec![0, 0, 0]);
}

#[test]
fn the_best_get_three_stars_and_a_tie_is_never_split() {
    let ranked = |totals: &[Tenths]| -> Vec<Ranked> {
        (totals.iter())
            .map(|&t| Ranked {
                total: t,
                earned: vec![t],
            })
            .collect()
    };
    let given = stars(
        &ranked(&[700, 950, 800, 650, 900, 880, 720, 610, 990, 830]),
        &[60, 30, 10],
    );
    assert_eq!(given, vec![1, 2, 1, 1, 2, 2, 1, 1, 3, 1]);
    // Two tied for the one three-star seat both get two stars; the seat stays empty.
    let tied = stars(
        &ranked(&[950, 950, 800, 700, 690, 680, 670, 660, 650, 640]),
        &[60, 30, 10],
    );
    assert_eq!(tied, vec![2, 2, 2, 2, 1, 1, 1, 1, 1, 1]);
    // The indicators in order break a tie on the total.
    let broken = vec![
        Ranked {
            total: 900,
            earned: vec![200, 700],
        },
        Ranked {
            total: 900,
            earned: vec![250, 650],
        },
    ];
    assert_eq!(stars(&broken, &[50, 50]), vec![1, 2]);
}

#[test]
fn stars_wait_for_a_qualification_rate_of_eighty_percent() {
    assert_eq!(rate_check(10, 8, 80), Ok(()));
    let below = rate_check(10, 7, 80).unwrap_err();
    assert_eq!(below.rate_pct, 70);
    assert!(below.to_string().contains("合格率为 70%，低于 80% 的下限"));
    let scheme = Scheme::yuhuan();
    let sheets: Vec<Filled> = [900, 500, 500, 800, 700]
        .iter()
        .map(|&t| Filled {
            scored: scored(t, vec![t]),
            chosen_yuan: None,
        })
        .collect();
    let (outcomes, below) = outcomes(&scheme, &sheets, &[]).unwrap();
    assert_eq!(below.map(|b| b.rate_pct), Some(60));
    assert!(
        outcomes
            .iter()
            .all(|o| o.stars.is_none() && o.reward_yuan == 0)
    );
}

#[test]
fn qualified_members_are_paid_by_their_stars() {
    let scheme = Scheme::yuhuan();
    let sheets: Vec<Filled> = [950, 850, 750, 650, 550]
        .iter()
        .map(|&t| Filled {
            scored: scored(t, vec![t]),
            chosen_yuan: None,
        })
        .collect();
    let (outcomes, below) = outcomes(&scheme, &sheets, &[]).unwrap();
    assert_eq!(below, None);
    let paid: Vec<(Option<u8>, u32)> = outcomes.iter().map(|o| (o.stars, o.reward_yuan)).collect();
    // Four qualified: 2.4, 1.2 and 0.4 seats give 3, 1 and 0, the equal fractions
    // favouring the lower tier.
    assert_eq!(
        paid,
        vec![
            (Some(2), 2000),
            (Some(1), 1000),
            (Some(1), 1000),
            (Some(1), 1000),
            (None, 0)
        ]
    );
}

#[test]
fn a_grids_reward_is_chosen_within_its_grades_band() {
    let scheme = Scheme::yueqing();
    let sheet = |total, chosen_yuan| Filled {
        scored: scored(total, vec![total]),
        chosen_yuan,
    };
    let names = [
        "一网格".to_owned(),
        "二网格".to_owned(),
        "三网格".to_owned(),
    ];
    let (outcomes, _) = outcomes(
        &scheme,
        &[
            sheet(920, Some(4500)),
            sheet(700, None),
            sheet(500, Some(2000)),
        ],
        &names,
    )
    .unwrap();
    let paid: Vec<(Grade, u32)> = outcomes.iter().map(|o| (o.grade, o.reward_yuan)).collect();
    assert_eq!(
        paid,
        vec![
            (Grade::Excellent, 4500),
            (Grade::Qualified, 1000),
            (Grade::Unqualified, 0)
        ]
    );
    let refused = super::outcomes(&scheme, &[sheet(700, Some(3500))], &names).unwrap_err();
    assert_eq!(
        refused[0].to_string(),
        "一网格：合格的奖励应在 1000 到 3000 元之间"
    );
}

#[test]
fn a_reward_is_typed_in_whole_yuan() {
    assert_eq!(parse_reward("", 5000), Ok(None));
    assert_eq!(parse_reward(" 4500元 ", 5000), Ok(Some(4500)));
    for bad in ["4500.5", "-1", "5001", "+3", "abc"] {
        assert_eq!(
            parse_reward(bad, 5000),
            Err(RewardError { max: 5000 }),
            "{bad}"
        );
    }
}

fn shares() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(1u32..100, 1..5).prop_map(|mut raw| {
        // Scaled to add up to exactly 100.
        let sum: u32 = raw.iter().sum();
        let mut scaled: Vec<u32> = raw.iter().map(|r| r * 100 / sum).collect();
        let short = 100 - scaled.iter().sum::<u32>();
        scaled[0] += short;
        raw.clear();
        scaled
    })
}

proptest! {
    #[test]
    fn seats_add_up_and_none_is_a_seat_off_its_share(qualified in 0usize..500, shares in shares()) {
        let seats = seats(qualified, &shares);
        prop_assert_eq!(seats.iter().sum::<usize>(), qualified);
        for (seat, share) in seats.iter().zip(&shares) {
            let exact = qualified as f64 * f64::from(*share) / 100.0;
            prop_assert!((*seat as f64 - exact).abs() < 1.0, "{} seats for {}", seat, exact);
        }
    }

    #[test]
    fn stars_follow_the_ranking_and_fill_the_seats(
        totals in prop::collection::vec(600u32..1000, 0..60),
        shares in shares(),
    ) {
        let ranked: Vec<Ranked> = totals.iter().map(|&t| Ranked { total: t, earned: vec![t % 7] }).collect();
        let given = stars(&ranked, &shares);
        prop_assert_eq!(given.len(), ranked.len());
        let key = |r: &Ranked| (r.total, r.earned.clone());
        for a in 0..ranked.len() {
            prop_assert!(given[a] >= 1 && usize::from(given[a]) <= shares.len());
            for b in 0..ranked.len() {
                // A better sheet never has fewer stars, and equal sheets have the same.
                if key(&ranked[a]) > key(&ranked[b]) {
                    prop_assert!(given[a] >= given[b]);
                }
                if key(&ranked[a]) == key(&ranked[b]) {
                    prop_assert_eq!(given[a], given[b]);
                }
            }
        }
        let seats = seats(ranked.len(), &shares);
        let mut keys: Vec<_> = ranked.iter().map(key).collect();
        keys.sort();
        keys.dedup();
        for tier in 0..seats.len() {
            let stars = tier as u8 + 1;
            // A tie may only move people down: no tier and those above it hold more than
            // their seats, and with no ties each tier has exactly its seats.
            let at_least = given.iter().filter(|&&s| s >= stars).count();
            prop_assert!(at_least <= seats[tier..].iter().sum::<usize>());
            if keys.len() == ranked.len() {
                prop_assert_eq!(given.iter().filter(|&&s| s == stars).count(), seats[tier]);
            }
        }
    }
}

#[test]
fn the_city_confirms_or_returns_what_was_submitted_and_unlocks_with_a_reason() {
    assert!(Stage::Draft.open() && Stage::Returned.open());
    assert_eq!(Stage::Submitted.check_open(), Err(StageError::Locked));
    assert_eq!(
        Stage::Submitted.decide(&Decision::Confirm),
        Ok((Stage::Confirmed, String::new()))
    );
    let back = Decision::Return {
        reason: " 李娜的走访次数有误 ".into(),
    };
    assert_eq!(
        Stage::Submitted.decide(&back),
        Ok((Stage::Returned, "李娜的走访次数有误".into()))
    );
    assert_eq!(
        Stage::Draft.decide(&Decision::Confirm),
        Err(StageError::NotSubmitted)
    );
    assert_eq!(
        Stage::Confirmed.decide(&back),
        Err(StageError::NotSubmitted)
    );
    let unlock = |reason: &str| Decision::Unlock {
        reason: reason.into(),
    };
    assert_eq!(
        Stage::Submitted.decide(&unlock("复核")),
        Err(StageError::NotConfirmed)
    );
    let refused = Stage::Confirmed.decide(&unlock("  ")).unwrap_err();
    assert_eq!(refused.to_string(), "请填写原因");
    assert_eq!(
        Stage::Confirmed.decide(&unlock("财政局复核名单")),
        Ok((Stage::Returned, "财政局复核名单".into()))
    );
}
