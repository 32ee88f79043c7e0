use super::campaign::{CalendarError, check_calendar, hunan, jinzhong};
use super::presets::{PRESETS, department, hunan_township, preset, shanxi};
use super::questionnaire::{
    Answer, AnswerError, SummaryReport, check_answers, look_back_questions,
};
use super::sample::SplitMix;
use super::*;
use proptest::prelude::*;
use time::macros::date;

pub(super) fn code(text: &str) -> DivisionCode {
    DivisionCode::parse(text).unwrap()
}

pub(super) fn division(c: &str, name: &str) -> Division {
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
