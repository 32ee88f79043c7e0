//! The results notice (000 §二): grades, the opening figures, the lists by city in division
//! order, and the listing the spreadsheet writes.
use super::tests::{code, division};
use super::*;
use crate::domain::assessment::Grade;

/// A part of 000 §二's lists: 长沙市 and 湘潭市, with counties and townships in code order.
fn hunan_places() -> Gazetteer {
    let mut xiangxi = division("433100", "湘西土家族苗族自治州");
    xiangxi.short = Some("湘西州".into());
    Gazetteer::new([
        division("430100", "长沙市"),
        division("430102", "芙蓉区"),
        division("430102001", "荷花园街道"),
        division("430103", "天心区"),
        division("430103002", "新开铺街道"),
        division("430181", "浏阳市"),
        division("430181003", "古港镇"),
        division("430300", "湘潭市"),
        division("430302", "雨湖区"),
        division("430302004", "楠竹山镇"),
        division("430304", "岳塘区"),
        division("430304005", "东坪街道"),
        division("430382", "韶山市"),
        division("430382006", "韶山乡"),
        xiangxi,
        division("433101", "吉首市"),
        division("433101007", "丹青镇"),
    ])
}

fn evaluated(c: &str, total: u32) -> Evaluated {
    Evaluated {
        code: code(c),
        name: None,
        total,
    }
}

#[test]
fn the_notice_lists_each_grade_by_city_in_division_order_with_counts() {
    // Entered in no particular order, as sheets come in.
    let results = [
        evaluated("430382006", 850),
        evaluated("433101007", 915),
        evaluated("430181003", 940),
        evaluated("430102001", 962),
        evaluated("430304005", 880),
        evaluated("430302004", 900),
        evaluated("430103002", 931),
    ];
    let notice = notice(&results, &Thresholds::default(), &hunan_places());
    assert_eq!(
        notice.opening,
        "共评价7个单位，平均分数为91.1分。其中，优秀（90分及以上）5个，合格（80分及以上）2个。"
    );
    let lines: Vec<(String, Vec<String>)> = (notice.sections.iter())
        .map(|s| {
            (
                s.heading.clone(),
                s.cities.iter().map(CityLine::text).collect(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                "（一）优秀（90分及以上）".to_string(),
                vec![
                    "长沙市（3个）：芙蓉区荷花园街道、天心区新开铺街道、浏阳市古港镇".to_string(),
                    "湘潭市（1个）：雨湖区楠竹山镇".to_string(),
                    "湘西州（1个）：吉首市丹青镇".to_string(),
                ]
            ),
            (
                "（二）合格（80分及以上）".to_string(),
                vec!["湘潭市（2个）：岳塘区东坪街道、韶山市韶山乡".to_string()]
            ),
        ]
    );
}

#[test]
fn the_listing_holds_every_unit_with_its_total_in_the_notice_order() {
    let results = [
        evaluated("430382006", 850),
        evaluated("430102001", 962),
        evaluated("433101007", 795),
        evaluated("430103002", 931),
    ];
    let rows: Vec<(Grade, String, String, String, u32)> =
        listing(&results, &Thresholds::default(), &hunan_places())
            .into_iter()
            .map(|l| (l.grade, l.city, l.code.to_string(), l.name, l.total))
            .collect();
    let row = |g, city: &str, code: &str, name: &str, total| {
        (
            g,
            city.to_string(),
            code.to_string(),
            name.to_string(),
            total,
        )
    };
    assert_eq!(
        rows,
        vec![
            row(
                Grade::Excellent,
                "长沙市",
                "430102001",
                "芙蓉区荷花园街道",
                962
            ),
            row(
                Grade::Excellent,
                "长沙市",
                "430103002",
                "天心区新开铺街道",
                931
            ),
            row(Grade::Qualified, "湘潭市", "430382006", "韶山市韶山乡", 850),
            row(
                Grade::Unqualified,
                "湘西州",
                "433101007",
                "吉首市丹青镇",
                795
            ),
        ]
    );
}

#[test]
fn the_opening_figures_match_the_hunan_notice() {
    // 000 §二: 100 units, average 93.6, 87 excellent and 13 qualified.
    let totals = [850; 13].into_iter().chain([949; 86]).chain([936]);
    let summary = Summary::of(&Thresholds::default(), totals);
    assert_eq!((summary.units, summary.average), (100, 936));
    assert_eq!(
        summary.text(&Thresholds::default()),
        "共评价100个单位，平均分数为93.6分。其中，优秀（90分及以上）87个，合格（80分及以上）13个。"
    );
}

#[test]
fn thresholds_are_the_campaigns_and_an_unqualified_unit_is_named_as_such() {
    let local = Thresholds {
        excellent: 850,
        qualified: 755,
    };
    assert_eq!(local.validate(), Ok(()));
    assert_eq!(local.grade(850), Grade::Excellent);
    assert_eq!(local.grade(755), Grade::Qualified);
    assert_eq!(local.grade(754), Grade::Unqualified);
    let results = [
        evaluated("430102001", 700),
        Evaluated {
            name: Some("长沙经开区".into()),
            ..evaluated("430100", 860)
        },
    ];
    let notice = notice(&results, &local, &hunan_places());
    assert_eq!(notice.sections[0].heading, "（一）优秀（85分及以上）");
    assert_eq!(
        notice.sections[0].cities[0].text(),
        "长沙市（1个）：长沙经开区"
    );
    assert_eq!(notice.sections[1].heading, "（二）不合格（75.5分以下）");
    assert!(
        notice
            .opening
            .ends_with("优秀（85分及以上）1个，不合格（75.5分以下）1个。")
    );
    assert!(
        Thresholds {
            excellent: 800,
            qualified: 800
        }
        .validate()
        .is_err()
    );
    assert_eq!(
        Summary::of(&local, []).text(&local),
        "共评价0个单位，平均分数为0分。"
    );
}
