//! Online courses (在线教育培训, 001 §三(三)1: 集网格日常管理、部门管理、在线教育培训、统计服务等
//! 多功能应用为一体的数字化智治平台): a lesson the city bureau or a township puts online for the
//! people of its grids, in one of the training plan's subjects and worth some hours. Whoever
//! studies it records an online training (在线学习) of its name and hours, which counts towards
//! their continuing education like any other.
use super::text::{TextError, clean_line, named};
use super::training::{HOURS_MAX, TrainingTopic};
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const TITLE_MAX_CHARS: usize = 60;
/// Longest description, in characters.
pub const BODY_MAX_CHARS: usize = 2000;
/// Longest link, in characters.
pub const LINK_MAX_CHARS: usize = 300;

/// A course as typed in the township view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDraft {
    pub title: String,
    /// A [`TrainingTopic`] code.
    pub topic: String,
    /// 学时; 0 when not filled in.
    pub hours: u32,
    /// Where the lesson is watched or read (a video platform, 统计e家); may be empty when the
    /// description is the lesson.
    pub link: String,
    /// What the lesson covers, or the lesson itself.
    pub body: String,
}

/// A course that passed [`CourseDraft::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCourse {
    pub title: String,
    pub topic: TrainingTopic,
    pub hours: u32,
    pub link: String,
    pub body: String,
}

/// Why a course was refused, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CourseError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("请选择课程内容")]
    TopicUnknown,
    #[error("学时应为 1 到 {HOURS_MAX} 之间的整数")]
    HoursOutOfRange,
    #[error("课程链接应以 https:// 或 http:// 开头，不超过 {LINK_MAX_CHARS} 字，且不含空格")]
    BadLink,
}

impl CourseDraft {
    /// Checks every field, returning every problem at once in form order.
    pub fn validate(&self) -> Result<ValidCourse, Vec<CourseError>> {
        let mut errors = Vec::new();
        let title = named(
            &clean_line(&self.title),
            TITLE_MAX_CHARS,
            true,
            ("title", "课程名称"),
        )
        .map_err(|e| errors.push(e.into()))
        .unwrap_or_default();
        let topic = TrainingTopic::from_code(self.topic.trim())
            .ok_or(CourseError::TopicUnknown)
            .map_err(|e| errors.push(e))
            .ok();
        if !(1..=HOURS_MAX).contains(&self.hours) {
            errors.push(CourseError::HoursOutOfRange);
        }
        let link = self.link.trim().to_owned();
        if !link_ok(&link) {
            errors.push(CourseError::BadLink);
        }
        let body = named(&self.body, BODY_MAX_CHARS, true, ("body", "课程简介"))
            .map_err(|e| errors.push(e.into()))
            .unwrap_or_default();
        match topic {
            Some(topic) if errors.is_empty() => Ok(ValidCourse {
                title,
                topic,
                hours: self.hours,
                link,
                body,
            }),
            _ => Err(errors),
        }
    }
}

/// An empty link, or a web address a phone can open: no other scheme (`javascript:` above
/// all) reaches a page as a link.
fn link_ok(link: &str) -> bool {
    link.is_empty()
        || ((link.starts_with("https://") || link.starts_with("http://"))
            && link.chars().count() <= LINK_MAX_CHARS
            && !link.chars().any(|c| c.is_whitespace() || c.is_control()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "course_tests.rs"]
mod tests;
