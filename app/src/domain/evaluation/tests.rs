use super::campaign::{CalendarError, check_calendar, hunan, jinzhong};
use super::presets::{PRESETS, department, hunan_township, preset, shanxi};
use super::questionnaire::{
    Answer, AnswerError, SummaryReport, check_answers, look_back_questions,
};
use super::sample::SplitMix;
use super::*;
use crate::domain::assessment::Grade;
use proptest::prelude::*;
use time::Date;
use time::macros::date;

fn code(text: &str) -> DivisionCode {
    DivisionCode::parse(text).unwrap()
}

fn division(c: &str, name: &str) -> Division {
    Division {
        code: code(c),
        name: name.into(),
        short: None,
    }
}

#[test]
fn a_code_tells_its_level_parent_and_city() {
    let township = code("430102007");
    assert_eq!(township.level(), Level::Township);
    assert_eq!(township, code("430102007000"));
    assert_eq!(township.to_string(), "430102007");
    assert_eq!(township.parent(), Some(code("430102")));
    assert_eq!(township.ancestor(Level::City), Some(code("430100")));
    assert_eq!(code("430102").level(), Level::County);
    assert_eq!(code("430100").level(), Level::City);
    assert_eq!(code("430000").parent(), None);
    assert_eq!(code("430100").ancestor(Level::County), None);
    let json = serde_json::to_string(&township).unwrap();
    assert_eq!(json, "\"430102007\"");
    assert_eq!(
        serde_json::from_str::<DivisionCode>(&json).unwrap(),
        township
    );
}

#[test]
fn a_code_that_is_not_one_is_refused_in_chinese() {
    for bad in ["43010", "4301020071", "43010a", "", "中文代码"] {
        assert!(
            matches!(DivisionCode::parse(bad), Err(CodeError::Malformed(_))),
            "{bad}"
        );
    }
    let village = DivisionCode::parse("430102007001").unwrap_err();
    assert_eq!(village, CodeError::BelowTownship("430102007001".into()));
    assert!(village.to_string().contains("应以 000 结尾"));
    assert!(DivisionCode::parse("000100").is_err());
    assert!(serde_json::from_str::<DivisionCode>("\"12\"").is_err());
}

proptest! {
    #[test]
    fn a_division_sorts_after_its_parent_and_before_the_next_sibling(
        p in 11u32..66, c in 1u32..99, k in 1u32..99, t in 1u32..999,
    ) {
        let township = code(&format!("{p:02}{c:02}{k:02}{t:03}"));
        let county = township.parent().unwrap();
        let city = county.parent().unwrap();
        prop_assert!(city < county && county < township);
        prop_assert_eq!(city.level(), Level::City);
        let next_county = code(&format!("{p:02}{c:02}{:02}", k + 1));
        prop_assert!(township < next_county);
    }
}

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

#[test]
fn every_preset_adds_up_to_a_hundred_with_its_points_marked_local() {
    for key in PRESETS {
        let template = preset(key).unwrap();
        assert_eq!(template.validate(), Ok(()), "{key}");
        assert!(template.points_local, "{key}");
    }
    assert_eq!(preset("beijing"), None);
    let aspects = |t: Template| t.aspects.into_iter().map(|a| a.name).collect::<Vec<_>>();
    assert_eq!(
        aspects(hunan_township()),
        [
            "工作任务",
            "制度管理",
            "业务流程",
            "统计服务",
            "人员配备",
            "教育培训",
            "办公场所",
            "经费保障"
        ]
    );
    let shanxi = aspects(shanxi(UnitKind::CountyBureau));
    assert!(
        shanxi.contains(&"信息化建设".to_string()) && !shanxi.contains(&"办公场所".to_string())
    );
    assert_eq!(department(false).items().count(), 4);
    assert_eq!(department(true).items().count(), 5);
}

#[test]
fn a_template_that_cannot_be_scored_is_refused_with_every_reason() {
    let mut template = hunan_township();
    template.aspects[0].items[1].id = "task.surveys".into();
    template.aspects[1].items[0].points = 0;
    template.aspects.push(Aspect {
        name: "空".into(),
        items: vec![],
    });
    let errors = template.validate().unwrap_err();
    assert_eq!(
        errors,
        vec![
            TemplateError::Repeated("task.surveys".into()),
            TemplateError::NoPoints("统计名录库管理及维护规范".into()),
            TemplateError::Items("空".into()),
            TemplateError::NotHundred("92".into()),
        ]
    );
    assert_eq!(errors[3].to_string(), "各项分值合计应为 100 分，现为 92 分");
}

fn mark(item: &str, points: u32) -> Mark {
    Mark {
        item: item.into(),
        points,
        note: String::new(),
        done: true,
        photos: vec![],
    }
}

#[test]
fn a_sheet_adds_up_by_aspect_and_lists_the_points_lost_as_tasks() {
    let template = department(false);
    let mut marks = vec![
        mark("dept.leader", 250),
        mark("dept.office", 200),
        mark("dept.staff", 250),
    ];
    marks[1].note = "责任科室未发文明确".into();
    let tally = template.tally(&marks);
    assert_eq!(
        (tally.total, tally.unscored, tally.aspects.clone()),
        (700, 1, vec![700])
    );
    assert_eq!(template.check(&marks), Ok(()));
    assert_eq!(
        template.check_complete(&marks),
        Err(vec![MarkError::Incomplete(1)])
    );
    assert_eq!(
        MarkError::Incomplete(1).to_string(),
        "还有 1 项未打分，全部打分后才能提交"
    );
    marks.push(Mark {
        done: false,
        ..mark("dept.system", 125)
    });
    assert_eq!(template.check_complete(&marks), Ok(()));
    assert_eq!(template.tally(&marks).unchecked, 1);
    let tasks = template.shortfalls(&marks);
    assert_eq!(tasks.len(), 2);
    assert_eq!((tasks[0].item.as_str(), tasks[0].lost), ("dept.office", 50));
    assert_eq!(tasks[0].note, "责任科室未发文明确");
    assert_eq!((tasks[1].method, tasks[1].lost), (Method::Check, 125));
}

#[test]
fn marks_that_do_not_fit_the_sheet_are_refused_with_every_reason() {
    let template = department(true);
    let mut too_long = mark("dept.leader", 250);
    too_long.note = "长".repeat(501);
    too_long.photos = vec![uuid::Uuid::nil(); 7];
    let errors = template
        .check(&[
            mark("dept.staff", 210),
            too_long,
            mark("dept.staff", 10),
            mark("nope", 1),
        ])
        .unwrap_err();
    assert_eq!(
        errors,
        vec![
            MarkError::TooMany {
                text: "有统计专业人员".into(),
                max: "20".into()
            },
            MarkError::TooMany {
                text: "有分管领导".into(),
                max: "20".into()
            },
            MarkError::Note("有分管领导".into()),
            MarkError::Photos("有分管领导".into()),
            MarkError::Repeated("有统计专业人员".into()),
            MarkError::Unknown("nope".into()),
        ]
    );
    assert_eq!(errors[0].to_string(), "“有统计专业人员”最多 20 分");
}

proptest! {
    #[test]
    fn a_full_sheet_totals_its_aspects_and_a_hundred_less_the_points_lost(
        scores in proptest::collection::vec(0u32..=200, 13),
    ) {
        let template = hunan_township();
        let marks: Vec<Mark> = template.items().zip(&scores).map(|(i, s)| mark(&i.id, *s)).collect();
        let tally = template.tally(&marks);
        prop_assert_eq!(tally.total, tally.aspects.iter().sum::<u32>());
        prop_assert!(tally.total <= 1000);
        if template.check(&marks).is_ok() {
            let lost: u32 = template.shortfalls(&marks).iter().map(|s| s.lost).sum();
            prop_assert_eq!(tally.total + lost, 1000);
        }
    }
}

#[test]
fn the_generator_is_splitmix64_as_published() {
    // The reference output of SplitMix64 seeded with 0.
    let mut rng = SplitMix(0);
    assert_eq!(rng.next(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(rng.next(), 0x6E78_9E6A_A1B9_65F4);
}

fn city_units(counties: u32, per_county: u32) -> (Vec<DivisionCode>, Vec<DivisionCode>) {
    let counties: Vec<DivisionCode> = (1..=counties)
        .map(|k| code(&format!("1401{k:02}")))
        .collect();
    let townships = (counties.iter())
        .flat_map(|c| (1..=per_county).map(move |t| code(&format!("{c}{t:03}"))))
        .collect();
    (counties, townships)
}

#[test]
fn the_same_seed_draws_the_same_units_and_another_seed_others() {
    let (counties, townships) = city_units(11, 12);
    let size = SampleSize::default();
    let first = Sample::draw(20_240_610, size, &counties, &townships);
    assert_eq!((first.counties.len(), first.townships.len()), (6, 24));
    assert!(first.counties.is_sorted() && first.townships.is_sorted());
    assert!(
        first
            .townships
            .iter()
            .all(|t| first.counties.contains(&t.parent().unwrap()))
    );
    let mut shuffled = townships.clone();
    shuffled.reverse();
    assert_eq!(Sample::draw(20_240_610, size, &counties, &shuffled), first);
    let other = Sample::draw(20_240_611, size, &counties, &townships);
    assert_ne!(
        (other.counties, other.townships),
        (first.counties, first.townships)
    );
}

#[test]
fn a_pool_smaller_than_the_quota_is_drawn_whole_and_says_how_short() {
    let (counties, townships) = city_units(4, 3);
    let sample = Sample::draw(7, SampleSize::default(), &counties, &townships);
    assert_eq!(sample.counties, counties);
    assert_eq!(sample.townships.len(), 12);
    assert_eq!(sample.short_of(SampleSize::default()), (2, 12));
    let anywhere = SampleSize {
        counties: 1,
        townships: 5,
        townships_in_drawn_counties: false,
    };
    let sample = Sample::draw(7, anywhere, &counties, &townships);
    assert_eq!((sample.counties.len(), sample.townships.len()), (1, 5));
    let townships_only = Sample::draw(7, SampleSize::default(), &[], &townships);
    assert_eq!(
        (
            townships_only.counties.len(),
            townships_only.townships.len()
        ),
        (0, 12)
    );
}

proptest! {
    #[test]
    fn a_draw_is_within_the_pool_without_repeats(seed: u64, k in 0usize..30) {
        let (counties, townships) = city_units(8, 5);
        let size = SampleSize { counties: 3, townships: k, townships_in_drawn_counties: false };
        let sample = Sample::draw(seed, size, &counties, &townships);
        let mut unique = sample.townships.clone();
        unique.dedup();
        prop_assert_eq!(unique.len(), k.min(40));
        prop_assert!(sample.townships.iter().all(|t| townships.contains(t)));
        prop_assert_eq!(Sample::draw(seed, size, &counties, &townships), sample);
    }
}

#[test]
fn the_look_back_calendar_marks_late_and_missed_stages() {
    let windows = jinzhong(2024).unwrap();
    assert_eq!(check_calendar(&windows), Ok(()));
    let own = windows[0];
    assert_eq!(
        (own.opens, own.closes),
        (date!(2024 - 05 - 10), date!(2024 - 05 - 25))
    );
    assert_eq!(windows[3].closes, date!(2024 - 07 - 01));
    assert_eq!(own.timing(None, date!(2024 - 05 - 01)), Timing::Upcoming);
    assert_eq!(own.timing(None, date!(2024 - 05 - 25)), Timing::Open);
    assert_eq!(
        own.timing(Some(date!(2024 - 05 - 25)), date!(2024 - 06 - 01)),
        Timing::OnTime
    );
    let late = own.timing(Some(date!(2024 - 05 - 28)), date!(2024 - 06 - 01));
    assert_eq!(
        (late, late.label()),
        (Timing::Late { days: 3 }, "逾期 3 天完成".to_string())
    );
    assert_eq!(own.timing(None, date!(2024 - 05 - 26)), Timing::Missed);
    assert_eq!(check_calendar(&hunan(2022).unwrap()), Ok(()));
    let mut wrong = windows.clone();
    wrong[1].closes = date!(2024 - 05 - 01);
    wrong[2].opens = date!(2024 - 05 - 01);
    wrong.push(windows[0]);
    assert_eq!(
        check_calendar(&wrong),
        Err(vec![
            CalendarError::Reversed("县级检查"),
            CalendarError::OutOfOrder("市级检查"),
            CalendarError::Repeated("自评"),
        ])
    );
}

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

#[test]
fn the_questionnaire_takes_only_answers_its_questions_allow() {
    let questions = look_back_questions();
    let answers = vec![
        ("body".to_string(), Answer::Text("是".into())),
        ("staff".to_string(), Answer::Number(5)),
        ("network".to_string(), Answer::Text("很好".into())),
        ("trainings".to_string(), Answer::Number(101)),
    ];
    let errors = check_answers(&questions, &answers, true).unwrap_err();
    assert_eq!(
        errors,
        vec![
            AnswerError::NotAChoice("联网直报设备及网络是否满足需要".into()),
            AnswerError::Number("本年度参加统计培训次数".into(), 100),
            AnswerError::Missing("统计工作经费是否列入财政预算".into()),
            AnswerError::Missing("规范化建设中遇到的主要困难".into()),
        ]
    );
    assert_eq!(check_answers(&questions, &answers[..2], false), Ok(()));
    let json: Vec<(String, Answer)> =
        serde_json::from_str(r#"[["staff",5],["body","否"]]"#).unwrap();
    assert_eq!(check_answers(&questions, &json, false), Ok(()));
}

#[test]
fn a_summary_report_has_its_four_parts() {
    let report = SummaryReport {
        experience: " 建立台账 ".into(),
        problems: "人员不足".into(),
        suggestions: "增加培训".into(),
        next_steps: String::new(),
    };
    let error = report.clone().parse().unwrap_err();
    assert_eq!(error.to_string(), "请填写下一步工作打算");
    let done = SummaryReport {
        next_steps: "完善制度".into(),
        ..report
    }
    .parse()
    .unwrap();
    assert_eq!(done.experience, "建立台账");
}

#[test]
fn a_plan_of_each_kind_takes_the_documents_templates_and_calendar() {
    let look_back = Plan::new(" 2024年规范化建设“回头看” ", 2024, CampaignKind::Jinzhong).unwrap();
    assert_eq!(look_back.name, "2024年规范化建设“回头看”");
    assert_eq!(look_back.templates.len(), 2);
    assert_eq!(look_back.windows.len(), 4);
    assert_eq!(look_back.sample_size, SampleSize::default());
    let hunan = Plan::new("联点评价", 2022, CampaignKind::Hunan).unwrap();
    assert_eq!(
        hunan.templates.keys().collect::<Vec<_>>(),
        [&UnitKind::TownshipOffice]
    );
    assert_eq!(hunan.windows[0].closes, date!(2022 - 10 - 31));
    assert!(matches!(
        Plan::new(" ", 2024, CampaignKind::Hunan),
        Err(PlanError::Name(_))
    ));
    assert_eq!(
        Plan::new("x", 1999, CampaignKind::Hunan),
        Err(PlanError::Year)
    );
    let mut wrong = hunan.clone();
    wrong.thresholds.excellent = 700;
    assert_eq!(
        wrong.validate().unwrap_err().to_string(),
        "优秀分数线应高于合格分数线，且不超过 100 分"
    );
}

#[test]
fn a_plan_covers_the_counties_and_townships_under_a_city_it_has_sheets_for() {
    let places: Vec<Division> = [
        "140700",
        "140702",
        "140702001",
        "140724",
        "140724100",
        "140800",
        "140802001",
    ]
    .into_iter()
    .rev()
    .map(|c| division(c, c))
    .collect();
    let look_back = Plan::new("回头看", 2024, CampaignKind::Jinzhong).unwrap();
    let units = look_back.units_under(code("140700"), &places).unwrap();
    let listed: Vec<(String, UnitKind)> = units.iter().map(|(c, k)| (c.to_string(), *k)).collect();
    assert_eq!(
        listed,
        [
            ("140702".to_string(), UnitKind::CountyBureau),
            ("140702001".to_string(), UnitKind::TownshipOffice),
            ("140724".to_string(), UnitKind::CountyBureau),
            ("140724100".to_string(), UnitKind::TownshipOffice),
        ]
    );
    let hunan = Plan::new("联点", 2024, CampaignKind::Hunan).unwrap();
    assert_eq!(
        hunan.units_under(code("140724"), &places).unwrap(),
        [(code("140724100"), UnitKind::TownshipOffice)]
    );
    assert_eq!(
        hunan.units_under(code("140900"), &places),
        Err(PlanError::NoUnits)
    );
}
