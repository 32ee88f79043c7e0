use super::*;
use proptest::prelude::*;

fn draft(title: &str, body: &str) -> NoticeDraft {
    NoticeDraft {
        title: title.into(),
        body: body.into(),
    }
}

#[test]
fn a_notice_keeps_its_lines_and_loses_what_would_mislead() {
    let valid = draft(
        "  关于报送\n11月报表的通知 ",
        "各网格：\r\n请于12月5日前报送。\u{202E}\n",
    )
    .validate()
    .unwrap();
    assert_eq!(valid.title, "关于报送 11月报表的通知");
    assert_eq!(valid.body, "各网格：\n请于12月5日前报送。");
}

#[test]
fn an_empty_notice_is_refused_with_both_fields_named() {
    let errors = draft(" ", "\n").validate().unwrap_err();
    let words: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(words, ["请填写通知标题", "请填写通知内容"]);
    assert_eq!(errors[1].field(), "body");
}

#[test]
fn a_long_body_is_refused_with_its_length() {
    let body = "统".repeat(BODY_MAX_CHARS + 1);
    let errors = draft("通知", &body).validate().unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        format!(
            "通知内容不能超过{BODY_MAX_CHARS}字（当前{}字）",
            BODY_MAX_CHARS + 1
        )
    );
}

#[test]
fn the_read_share_never_shows_more_readers_than_the_audience() {
    assert_eq!(read_share(3, 12), "已读 3 / 12");
    assert_eq!(read_share(13, 12), "已读 12 / 12");
}

proptest! {
    #[test]
    fn whatever_is_typed_a_kept_notice_is_within_its_bounds(title in ".{0,80}", body in "(?s).{0,2100}") {
        if let Ok(valid) = draft(&title, &body).validate() {
            prop_assert!(!valid.title.is_empty() && valid.title.chars().count() <= TITLE_MAX_CHARS);
            prop_assert!(!valid.title.contains('\n'));
            prop_assert!(!valid.body.is_empty() && valid.body.chars().count() <= BODY_MAX_CHARS);
        }
    }
}
