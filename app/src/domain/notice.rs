//! Notices (通知): what a township, street, department or the city bureau tells the grids below
//! it online (001 §三(三)1: 采取“线上联络与线下例会”相结合的模式; §三(三)1 数字化智治平台 of
//! 日常管理 and 统计服务). A notice goes to everyone holding a role in the unit's grids, who read
//! it on the phone, offline after one visit; the unit sees who has read it.
use super::text::{TextError, clean_line, named};
use serde::{Deserialize, Serialize};

/// Longest title, in characters.
pub const TITLE_MAX_CHARS: usize = 60;
/// Longest body, in characters: a notice, not a document (attachments stay in the bureau's
/// own channels).
pub const BODY_MAX_CHARS: usize = 2000;
/// How long a notice stays on the phones and in the unit's list, in days: a year's work.
pub const KEPT_DAYS: i64 = 366;
/// Most notices a phone is sent: the newest, far above what a unit posts in a year.
pub const SENT_MAX: u64 = 100;
/// Days an unread notice stays among the phone's reminders.
pub const REMINDED_DAYS: i64 = 30;

/// A notice as typed in the township view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeDraft {
    pub title: String,
    pub body: String,
}

/// A notice that passed [`NoticeDraft::validate`]: the title on one line, the body's line
/// breaks kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNotice {
    pub title: String,
    pub body: String,
}

impl NoticeDraft {
    /// Checks both fields, returning every problem at once in form order.
    pub fn validate(&self) -> Result<ValidNotice, Vec<TextError>> {
        let title = named(
            &clean_line(&self.title),
            TITLE_MAX_CHARS,
            true,
            ("title", "通知标题"),
        );
        let body = named(&self.body, BODY_MAX_CHARS, true, ("body", "通知内容"));
        match (title, body) {
            (Ok(title), Ok(body)) => Ok(ValidNotice { title, body }),
            (title, body) => Err([title.err(), body.err()].into_iter().flatten().collect()),
        }
    }
}

/// Who has read a notice, as the unit sees it: "已读 12 / 30".
pub fn read_share(read: usize, audience: usize) -> String {
    format!("已读 {} / {audience}", read.min(audience))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "notice_tests.rs"]
mod tests;
