//! Rectification (整改, 000 §三(一)): the items an inspection took points off are the unit's
//! tasks; it closes each with a note of what it did and photos of the evidence. A task whose
//! item the inspection no longer marks down is no task, whatever was closed before. The bureau
//! may send a closing back with its reason (退回整改): the task is open until closed anew.
use super::sheet::Shortfall;
use crate::domain::photo::{PhotoError, check_photos};
use crate::domain::text::{TextError, named};
use std::collections::BTreeSet;
use uuid::Uuid;

/// Longest closing note, in characters.
pub const NOTE_MAX_CHARS: usize = 500;
/// Longest reason for sending a closing back, in characters.
pub const REASON_MAX_CHARS: usize = 200;

/// Why a closing was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClosingError {
    #[error("检查评分中这一项没有扣分，无需整改")]
    NotATask,
    #[error("{0}")]
    Note(#[from] TextError),
    #[error("{0}")]
    Photos(#[from] PhotoError),
}

/// A closing as the unit sends it, checked against the inspection's shortfalls: the note
/// cleaned, or why not.
pub fn close(
    tasks: &[Shortfall],
    item: &str,
    note: &str,
    photos: &[Uuid],
) -> Result<String, ClosingError> {
    if !tasks.iter().any(|t| t.item == item) {
        return Err(ClosingError::NotATask);
    }
    check_photos(photos)?;
    Ok(named(note, NOTE_MAX_CHARS, true, ("note", "整改情况"))?)
}

/// Why a closing could not be sent back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReturnError {
    #[error("这一项尚未整改（或已退回），无需退回")]
    NotClosed,
    #[error("{0}")]
    Reason(#[from] TextError),
}

/// A closing sent back, checked: `standing` is the task's closing if it has one not already
/// sent back; it is given back with the reason cleaned, or why not.
pub fn send_back<C>(standing: Option<C>, reason: &str) -> Result<(C, String), ReturnError> {
    let closing = standing.ok_or(ReturnError::NotClosed)?;
    Ok((
        closing,
        named(reason, REASON_MAX_CHARS, true, ("reason", "退回理由"))?,
    ))
}

/// How far a unit's rectification came: its tasks, and how many it closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub tasks: usize,
    pub closed: usize,
}

impl Progress {
    /// The tasks of `shortfalls`, those among `closed` (item ids) counted as closed.
    pub fn of(shortfalls: &[Shortfall], closed: &BTreeSet<String>) -> Progress {
        Progress {
            tasks: shortfalls.len(),
            closed: shortfalls
                .iter()
                .filter(|s| closed.contains(&s.item))
                .count(),
        }
    }

    pub fn open(self) -> usize {
        self.tasks - self.closed
    }
}

impl std::ops::Add for Progress {
    type Output = Progress;
    fn add(self, other: Progress) -> Progress {
        Progress {
            tasks: self.tasks + other.tasks,
            closed: self.closed + other.closed,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::evaluation::Method;
    use proptest::prelude::*;

    fn shortfall(item: &str) -> Shortfall {
        Shortfall {
            item: item.into(),
            aspect: "工作任务".into(),
            text: "撰写统计分析报告".into(),
            method: Method::Check,
            lost: 15,
            note: "分析报告只有一篇".into(),
        }
    }

    #[test]
    fn a_closing_needs_a_task_a_note_and_few_photos() {
        let tasks = [shortfall("tasks.report")];
        assert_eq!(
            close(&tasks, "tasks.report", "  已补写分析报告三篇  ", &[]),
            Ok("已补写分析报告三篇".to_string())
        );
        assert_eq!(
            close(&tasks, "office.room", "已整改", &[]),
            Err(ClosingError::NotATask)
        );
        let empty = close(&tasks, "tasks.report", " ", &[]).unwrap_err();
        assert_eq!(empty.to_string(), "请填写整改情况");
        let long = "改".repeat(NOTE_MAX_CHARS + 1);
        let refused = close(&tasks, "tasks.report", &long, &[]).unwrap_err();
        assert_eq!(refused.to_string(), "整改情况不能超过500字（当前501字）");
        let photos: Vec<Uuid> = (0..7).map(|_| Uuid::now_v7()).collect();
        let refused = close(&tasks, "tasks.report", "已整改", &photos).unwrap_err();
        assert_eq!(refused.to_string(), "每条记录最多6张照片");
    }

    #[test]
    fn only_a_standing_closing_goes_back_and_with_a_reason() {
        assert_eq!(
            send_back(Some(7), " 照片看不清整改后的台账 "),
            Ok((7, "照片看不清整改后的台账".to_string()))
        );
        assert_eq!(
            send_back(None::<i32>, "重新整改"),
            Err(ReturnError::NotClosed)
        );
        let empty = send_back(Some(7), "  ").unwrap_err();
        assert_eq!(empty.to_string(), "请填写退回理由");
        let long = "退".repeat(REASON_MAX_CHARS + 1);
        let refused = send_back(Some(7), &long).unwrap_err();
        assert_eq!(refused.to_string(), "退回理由不能超过200字（当前201字）");
    }

    proptest! {
        #[test]
        fn progress_counts_only_the_items_marked_down(
            items in proptest::collection::btree_set("[a-e]", 0..5),
            closed in proptest::collection::btree_set("[a-h]", 0..8),
        ) {
            let tasks: Vec<Shortfall> = items.iter().map(|i| shortfall(i)).collect();
            let progress = Progress::of(&tasks, &closed);
            prop_assert_eq!(progress.tasks, items.len());
            prop_assert_eq!(progress.closed, items.intersection(&closed).count());
            prop_assert_eq!(progress.open() + progress.closed, progress.tasks);
        }
    }
}
