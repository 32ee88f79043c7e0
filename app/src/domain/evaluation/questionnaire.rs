//! The questionnaire the inspected unit fills (002 §二(二): 调查问卷) and its summary report
//! (总结报告: 经验、问题、建议、下一步打算, 002 §三(二), §五(四)).
use crate::domain::grid::coded_enum;
use crate::domain::text::{TextError, named};
use serde::{Deserialize, Serialize};

pub const QUESTIONS_MAX: usize = 60;
pub const CHOICES_MAX: usize = 10;
pub const ANSWER_MAX_CHARS: usize = 1000;
/// Longest part of a summary report, in characters.
pub const REPORT_PART_MAX_CHARS: usize = 5000;

coded_enum! {
    /// The materials a unit sends for a look-back besides its sheets.
    MaterialKind {
        Questionnaire = "questionnaire", "调查问卷";
        SummaryReport = "summary_report", "总结报告";
    }
}

/// What a question asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ask {
    Choice { choices: Vec<String> },
    Number { max: u32 },
    Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub text: String,
    pub ask: Ask,
}

/// An answer as the unit gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Number(u32),
    Text(String),
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    #[error("问卷中没有这个问题")]
    Unknown,
    #[error("“{0}”请从给出的选项中选择")]
    NotAChoice(String),
    #[error("“{0}”应填 0 至 {1} 之间的整数")]
    Number(String, u32),
    #[error("“{0}”的回答不能超过 {ANSWER_MAX_CHARS} 字")]
    TooLong(String),
    #[error("“{0}”尚未回答")]
    Missing(String),
}

impl Question {
    pub fn check(&self, answer: &Answer) -> Result<(), AnswerError> {
        let text = || self.text.clone();
        match (&self.ask, answer) {
            (Ask::Choice { choices }, Answer::Text(t)) if choices.contains(t) => Ok(()),
            (Ask::Choice { .. }, _) => Err(AnswerError::NotAChoice(text())),
            (Ask::Number { max }, Answer::Number(n)) if n <= max => Ok(()),
            (Ask::Number { max }, _) => Err(AnswerError::Number(text(), *max)),
            (Ask::Text, Answer::Text(t)) if t.chars().count() <= ANSWER_MAX_CHARS => Ok(()),
            (Ask::Text, _) => Err(AnswerError::TooLong(text())),
        }
    }
}

/// Every reason `answers` (question id, answer) are refused; with `complete`, every question
/// must be answered, as a submitted questionnaire must.
pub fn check_answers(
    questions: &[Question],
    answers: &[(String, Answer)],
    complete: bool,
) -> Result<(), Vec<AnswerError>> {
    let mut errors = Vec::new();
    for (id, answer) in answers {
        match questions.iter().find(|q| &q.id == id) {
            Some(question) => errors.extend(question.check(answer).err()),
            None => errors.push(AnswerError::Unknown),
        }
    }
    if complete {
        let missing = questions
            .iter()
            .filter(|q| answers.iter().all(|(id, _)| id != &q.id));
        errors.extend(missing.map(|q| AnswerError::Missing(q.text.clone())));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A summary report's four parts, as 002 asks for them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryReport {
    pub experience: String,
    pub problems: String,
    pub suggestions: String,
    pub next_steps: String,
}

impl SummaryReport {
    /// The report cleaned, or the first part that is empty or too long.
    pub fn parse(self) -> Result<SummaryReport, TextError> {
        let part =
            |text: &str, field, label| named(text, REPORT_PART_MAX_CHARS, true, (field, label));
        Ok(SummaryReport {
            experience: part(&self.experience, "experience", "经验亮点")?,
            problems: part(&self.problems, "problems", "存在问题")?,
            suggestions: part(&self.suggestions, "suggestions", "意见建议")?,
            next_steps: part(&self.next_steps, "next_steps", "下一步工作打算")?,
        })
    }
}

/// The look-back questionnaire of 002, as a start: the questions are a local choice, since the
/// document names the questionnaire and not its questions.
pub fn look_back_questions() -> Vec<Question> {
    let choice = |id: &str, text: &str, choices: &[&str]| Question {
        id: id.into(),
        text: text.into(),
        ask: Ask::Choice {
            choices: choices.iter().map(|c| c.to_string()).collect(),
        },
    };
    let yes_no = ["是", "否"];
    vec![
        choice("body", "是否设立独立的统计机构", &yes_no),
        Question {
            id: "staff".into(),
            text: "专职统计人员人数".into(),
            ask: Ask::Number { max: 500 },
        },
        choice("budget", "统计工作经费是否列入财政预算", &yes_no),
        choice(
            "network",
            "联网直报设备及网络是否满足需要",
            &["满足", "基本满足", "不满足"],
        ),
        Question {
            id: "trainings".into(),
            text: "本年度参加统计培训次数".into(),
            ask: Ask::Number { max: 100 },
        },
        Question {
            id: "difficulties".into(),
            text: "规范化建设中遇到的主要困难".into(),
            ask: Ask::Text,
        },
    ]
}
