//! Quotas and who answers for what: contact points (000 §一(一)) and each county's inspections
//! in a look-back (002 §三(二)).
use super::tests::code;
use super::*;
use proptest::prelude::*;
use time::Date;
use time::macros::date;

#[test]
fn quotas_say_what_is_missing() {
    let short = Quota {
        wanted: campaign::COUNTY_INSPECTS_AT_LEAST,
        done: 4,
    };
    assert!(!short.met());
    assert_eq!(short.text(), "已检查 4 个，不少于 6 个");
    assert_eq!(Quota { wanted: 6, done: 7 }.text(), "已检查 7 个");
    assert_eq!(
        (Linker::BureauLeader.links(), Linker::CityBureau.links()),
        (Some(2), Some(3))
    );
}

#[test]
fn each_contact_point_links_as_many_townships_as_its_kind_and_a_county_leader_any() {
    let link = |person: &str, linker, unit: &str| (person.to_string(), linker, unit.to_string());
    let points = contact_points([
        link("周明远", Linker::BureauLeader, "芙蓉区荷花园街道"),
        link("综合处", Linker::Division, "天心区新开铺街道"),
        link("周明远", Linker::BureauLeader, "浏阳市古港镇"),
        link("长沙市统计局", Linker::CityBureau, "雨湖区楠竹山镇"),
        link("李副局长", Linker::CountyLeader, "榆次区"),
    ]);
    let lines: Vec<(&str, &str, bool)> = points
        .iter()
        .map(|p| (p.person.as_str(), p.linker.label(), p.met()))
        .collect();
    assert_eq!(
        lines,
        [
            ("周明远", "局领导", true),
            ("综合处", "处室", false),
            ("长沙市统计局", "市州统计局", false),
            ("李副局长", "包县区领导", true),
        ]
    );
    assert_eq!(points[0].units, ["芙蓉区荷花园街道", "浏阳市古港镇"]);
    assert_eq!(points[0].text(), "联点 2 个");
    assert_eq!(points[2].text(), "联点 1 个，应联点 3 个");
    assert_eq!(points[3].text(), "联点 1 个");
}

#[test]
fn each_county_counts_its_townships_inspected_and_meets_its_quota_on_the_sixth() {
    // 榆次区 with seven townships, 昔阳县 with two.
    let yuci: Vec<DivisionCode> = (100..107).map(|n| code(&format!("140702{n}"))).collect();
    let xiyang = [code("140724100"), code("140724101")];
    let townships: Vec<DivisionCode> = yuci.iter().chain(&xiyang).copied().collect();
    let window = Window {
        stage: StageKind::CountyInspection,
        opens: date!(2026 - 05 - 25),
        closes: date!(2026 - 06 - 10),
    };
    let mut inspected: Vec<(DivisionCode, Date)> = (yuci.iter().take(5))
        .map(|t| (*t, date!(2026 - 06 - 01)))
        .collect();
    inspected.push((xiyang[0], date!(2026 - 06 - 05)));
    let board = county_progress(&townships, &inspected, &window, date!(2026 - 06 - 08));
    let line = |p: &CountyProgress| (p.county.to_string(), p.quota.text(), p.timing.label());
    assert_eq!(
        board.iter().map(line).collect::<Vec<_>>(),
        [
            (
                "140702".into(),
                "已检查 5 个，不少于 6 个".into(),
                "进行中".into()
            ),
            (
                "140724".into(),
                "已检查 1 个，不少于 2 个".into(),
                "进行中".into()
            ),
        ]
    );
    // The sixth comes three days late; 昔阳县 never finishes.
    inspected.push((yuci[5], date!(2026 - 06 - 13)));
    let board = county_progress(&townships, &inspected, &window, date!(2026 - 06 - 20));
    assert_eq!(
        board.iter().map(line).collect::<Vec<_>>(),
        [
            (
                "140702".into(),
                "已检查 6 个".into(),
                "逾期 3 天完成".into()
            ),
            (
                "140724".into(),
                "已检查 1 个，不少于 2 个".into(),
                "已逾期，未完成".into()
            ),
        ]
    );
}

proptest! {
    #[test]
    fn a_county_never_counts_more_than_its_townships_inspected(
        picks in proptest::collection::vec((0usize..12, 0i64..30), 0..30),
    ) {
        let townships: Vec<DivisionCode> = (0..12)
            .map(|n| code(&format!("1407{:02}{}", 2 + n / 6, 100 + n % 6)))
            .collect();
        let start = date!(2026 - 05 - 25);
        let mut inspected: Vec<(DivisionCode, Date)> = picks
            .iter()
            .map(|(t, d)| (townships[*t], start + time::Duration::days(*d)))
            .collect();
        inspected.sort();
        inspected.dedup_by_key(|(t, _)| *t);
        let window = Window { stage: StageKind::CountyInspection, opens: start, closes: date!(2026 - 06 - 10) };
        let board = county_progress(&townships, &inspected, &window, date!(2026 - 07 - 01));
        prop_assert_eq!(board.len(), 2);
        for county in &board {
            prop_assert!(county.quota.done <= 6 && county.quota.wanted == 6);
            let finished = !matches!(county.timing, Timing::Missed);
            prop_assert_eq!(finished, county.quota.met());
        }
    }
}
