//! A level-2 unit's training plan for a year (培训计划), against the trainings held: 各乡镇(街道)、
//! 部门……制定培训计划，开展切合实际的统计业务培训。包括统计实务、统计法律知识和统计人员管理、
//! 统计网格管理、统计日常管理系统操作培训 (001 §四(二)1). A plan gives, for each of the five
//! subjects, how many sessions the unit means to hold and when; the trainings recorded in the
//! unit and the grids below it say how many were held.

use serde::{Deserialize, Serialize};

use super::text::clean_line;
use super::training::TrainingTopic;

/// The subjects a plan covers (001 §四(二)1), in the document's order.
pub const SUBJECTS: [TrainingTopic; 5] = [
    TrainingTopic::Practice,
    TrainingTopic::Law,
    TrainingTopic::Staff,
    TrainingTopic::Grid,
    TrainingTopic::System,
];

/// Most sessions of one subject a year: twice a month.
pub const SESSIONS_MAX: u32 = 24;

/// Longest note on when the sessions are held, in characters.
pub const NOTE_MAX_CHARS: usize = 100;

/// One subject's line of a plan, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanLine {
    pub topic: TrainingTopic,
    /// Sessions planned; 0 plans none.
    pub sessions: u32,
    /// 时间安排, e.g. "3月、9月，各乡镇集中培训".
    pub note: String,
}

/// A year's plan, as entered: a line for each subject the unit plans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingPlanDraft {
    pub year: i32,
    pub lines: Vec<PlanLine>,
}

/// Why a plan was refused, in words for the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("培训计划只能制定去年、今年或明年的")]
    YearOutOfRange,
    #[error("{}不是文件规定的培训内容", .0.label())]
    NotASubject(TrainingTopic),
    #[error("{}填了不止一次", .0.label())]
    Repeated(TrainingTopic),
    #[error("{}：计划次数不能超过{max}次", .topic.label())]
    TooManySessions { topic: TrainingTopic, max: u32 },
    #[error("{}：时间安排不能超过{max}字", .topic.label())]
    NoteTooLong { topic: TrainingTopic, max: usize },
    #[error("培训计划至少要安排一次培训")]
    NothingPlanned,
}

impl TrainingPlanDraft {
    /// The plan with its notes cleaned, every subject once, in the document's order (a
    /// subject left out plans no session); every problem at once.
    pub fn validate(&self, this_year: i32) -> Result<Vec<PlanLine>, Vec<PlanError>> {
        let mut problems = Vec::new();
        if !(this_year - 1..=this_year + 1).contains(&self.year) {
            problems.push(PlanError::YearOutOfRange);
        }
        let mut lines: Vec<PlanLine> = SUBJECTS
            .iter()
            .map(|&topic| PlanLine {
                topic,
                sessions: 0,
                note: String::new(),
            })
            .collect();
        let mut seen = Vec::new();
        for entered in &self.lines {
            let topic = entered.topic;
            let Some(line) = lines.iter_mut().find(|l| l.topic == topic) else {
                problems.push(PlanError::NotASubject(topic));
                continue;
            };
            if seen.contains(&topic) {
                problems.push(PlanError::Repeated(topic));
                continue;
            }
            seen.push(topic);
            if entered.sessions > SESSIONS_MAX {
                problems.push(PlanError::TooManySessions {
                    topic,
                    max: SESSIONS_MAX,
                });
            }
            let note = clean_line(&entered.note);
            if note.chars().count() > NOTE_MAX_CHARS {
                problems.push(PlanError::NoteTooLong {
                    topic,
                    max: NOTE_MAX_CHARS,
                });
            }
            line.sessions = entered.sessions;
            line.note = note;
        }
        if lines.iter().all(|l| l.sessions == 0) {
            problems.push(PlanError::NothingPlanned);
        }
        if problems.is_empty() {
            Ok(lines)
        } else {
            Err(problems)
        }
    }
}

/// One subject planned against held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubjectProgress {
    pub topic: TrainingTopic,
    pub planned: u32,
    pub held: u32,
    pub note: String,
}

impl SubjectProgress {
    /// Sessions still to hold to meet the plan.
    pub fn behind(&self) -> u32 {
        self.planned.saturating_sub(self.held)
    }
}

/// Each subject's plan against the sessions `held` (one topic per training held that year): a
/// line per subject of the plan, in its order, then one for trainings on other topics if any
/// were held.
pub fn progress(plan: &[PlanLine], held: &[TrainingTopic]) -> Vec<SubjectProgress> {
    let count = |topic: TrainingTopic| {
        let n = held.iter().filter(|&&t| t == topic).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let mut lines: Vec<SubjectProgress> = SUBJECTS
        .iter()
        .map(|&topic| {
            let planned = plan.iter().find(|l| l.topic == topic);
            SubjectProgress {
                topic,
                planned: planned.map_or(0, |l| l.sessions),
                held: count(topic),
                note: planned.map(|l| l.note.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let other = count(TrainingTopic::Other);
    if other > 0 {
        lines.push(SubjectProgress {
            topic: TrainingTopic::Other,
            planned: 0,
            held: other,
            note: String::new(),
        });
    }
    lines
}

#[cfg(test)]
#[path = "training_plan_tests.rs"]
mod tests;
