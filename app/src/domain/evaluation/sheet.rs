//! A score sheet filled in: the points of each item, a note, the photos taken as evidence and
//! whether the item was looked at, asked or checked; its aspect subtotals and total, and the
//! items that lost points, which become the unit's rectification tasks (000 §三(一)).
use super::template::{Method, Template};
use crate::domain::assessment::{Tenths, points_text};
use serde::{Deserialize, Serialize};

/// Longest note on an item, in characters; most photos on an item.
pub const NOTE_MAX_CHARS: usize = 500;
pub const PHOTOS_MAX: usize = 6;

/// One item scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub item: String,
    pub points: Tenths,
    #[serde(default)]
    pub note: String,
    /// The item was looked at, asked about or checked, as its method says.
    #[serde(default)]
    pub done: bool,
    /// Photo ids, as the photo store gives them.
    #[serde(default)]
    pub photos: Vec<uuid::Uuid>,
}

/// Why a sheet's marks were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MarkError {
    #[error("评分表中没有编号为“{0}”的评分项")]
    Unknown(String),
    #[error("“{0}”打了两次分")]
    Repeated(String),
    #[error("“{text}”最多 {max} 分")]
    TooMany { text: String, max: String },
    #[error("“{0}”的说明不能超过 {NOTE_MAX_CHARS} 字")]
    Note(String),
    #[error("“{0}”最多附 {PHOTOS_MAX} 张照片")]
    Photos(String),
    #[error("还有 {0} 项未打分，全部打分后才能提交")]
    Incomplete(usize),
}

/// A sheet's sums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Each aspect's points, in the template's order.
    pub aspects: Vec<Tenths>,
    pub total: Tenths,
    /// Items with no mark yet.
    pub unscored: usize,
    /// Items scored but not marked as looked at, asked or checked.
    pub unchecked: usize,
}

/// An item that lost points: a rectification task for the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortfall {
    pub item: String,
    pub aspect: String,
    pub text: String,
    pub method: Method,
    pub lost: Tenths,
    pub note: String,
}

impl Template {
    /// Every reason `marks` cannot be kept on this template's sheet.
    pub fn check(&self, marks: &[Mark]) -> Result<(), Vec<MarkError>> {
        let mut errors = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for mark in marks {
            let Some(item) = self.item(&mark.item) else {
                errors.push(MarkError::Unknown(mark.item.chars().take(40).collect()));
                continue;
            };
            if !seen.insert(&item.id) {
                errors.push(MarkError::Repeated(item.text.clone()));
            }
            if mark.points > item.points {
                let max = points_text(item.points);
                errors.push(MarkError::TooMany {
                    text: item.text.clone(),
                    max,
                });
            }
            if mark.note.chars().count() > NOTE_MAX_CHARS {
                errors.push(MarkError::Note(item.text.clone()));
            }
            if mark.photos.len() > PHOTOS_MAX {
                errors.push(MarkError::Photos(item.text.clone()));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// As [`Template::check`], and every item scored: what a submitted sheet must be.
    pub fn check_complete(&self, marks: &[Mark]) -> Result<(), Vec<MarkError>> {
        let mut errors = self.check(marks).err().unwrap_or_default();
        let unscored = self.tally(marks).unscored;
        if unscored > 0 {
            errors.push(MarkError::Incomplete(unscored));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn mark<'a>(marks: &'a [Mark], id: &str) -> Option<&'a Mark> {
        marks.iter().find(|m| m.item == id)
    }

    /// The sums of `marks`; a mark's points count up to its item's.
    pub fn tally(&self, marks: &[Mark]) -> Tally {
        let mut tally = Tally {
            aspects: Vec::new(),
            total: 0,
            unscored: 0,
            unchecked: 0,
        };
        for aspect in &self.aspects {
            let mut sum = 0;
            for item in &aspect.items {
                match Self::mark(marks, &item.id) {
                    Some(mark) => {
                        sum += mark.points.min(item.points);
                        tally.unchecked += usize::from(!mark.done);
                    }
                    None => tally.unscored += 1,
                }
            }
            tally.aspects.push(sum);
            tally.total += sum;
        }
        tally
    }

    /// The items scored below their points, in the template's order.
    pub fn shortfalls(&self, marks: &[Mark]) -> Vec<Shortfall> {
        let mut found = Vec::new();
        for aspect in &self.aspects {
            for item in &aspect.items {
                let Some(mark) = Self::mark(marks, &item.id) else {
                    continue;
                };
                if mark.points < item.points {
                    found.push(Shortfall {
                        item: item.id.clone(),
                        aspect: aspect.name.clone(),
                        text: item.text.clone(),
                        method: item.method,
                        lost: item.points - mark.points,
                        note: mark.note.clone(),
                    });
                }
            }
        }
        found
    }
}
