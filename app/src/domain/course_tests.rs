use super::*;
use proptest::prelude::*;

fn draft(link: &str, hours: u32) -> CourseDraft {
    CourseDraft {
        title: " 新修订统计法解读 ".into(),
        topic: "law".into(),
        hours,
        link: link.into(),
        body: "第一讲：统计调查对象的权利与义务。".into(),
    }
}

#[test]
fn a_course_is_kept_with_its_subject_and_hours() {
    let valid = draft(" https://tjj.example.gov.cn/course/12 ", 2)
        .validate()
        .unwrap();
    assert_eq!(valid.title, "新修订统计法解读");
    assert_eq!(valid.topic, TrainingTopic::Law);
    assert_eq!(valid.hours, 2);
    assert_eq!(valid.link, "https://tjj.example.gov.cn/course/12");
    assert!(
        draft("", 1).validate().is_ok(),
        "the description may be the lesson"
    );
}

#[test]
fn a_link_that_is_no_web_address_is_refused() {
    for link in [
        "javascript:alert(1)",
        "ftp://example.com/a",
        "https://example.com/a b",
        "tjj.example.gov.cn",
    ] {
        let errors = draft(link, 2).validate().unwrap_err();
        assert_eq!(errors, [CourseError::BadLink], "{link}");
    }
}

#[test]
fn every_problem_is_named_at_once() {
    let empty = CourseDraft::default().validate().unwrap_err();
    let words: Vec<String> = empty.iter().map(ToString::to_string).collect();
    assert_eq!(
        words,
        [
            "请填写课程名称",
            "请选择课程内容",
            "学时应为 1 到 40 之间的整数",
            "请填写课程简介"
        ]
    );
    assert_eq!(
        draft("", HOURS_MAX + 1).validate().unwrap_err(),
        [CourseError::HoursOutOfRange]
    );
}

proptest! {
    #[test]
    fn a_kept_link_is_empty_or_a_web_address(link in "(https?://)?[ -~]{0,40}") {
        if let Ok(valid) = draft(&link, 1).validate() {
            prop_assert!(valid.link.is_empty() || valid.link.starts_with("http"));
            prop_assert!(!valid.link.contains(' '));
        }
    }
}
