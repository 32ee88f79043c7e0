//! Administrative divisions above the grid (GB/T 2260 and the statistical division codes):
//! province → city (地级) → county (区县、县级市) → township or street. The code gives a
//! division's level, its parent and its official order, which is the order results are
//! published in (000 §二: 按照行政区划顺序排列).
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A division's level, read from its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Province,
    City,
    County,
    Township,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::City => "地级",
            Level::County => "县级",
            Level::Township => "乡级",
        }
    }
}

/// A division code: 6 digits for a province, city or county; 9 digits, or 12 ending in
/// `000`, for a township or street. Kept as 12 digits, so that comparing codes is comparing
/// their official order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DivisionCode([u8; 12]);

/// Why a division code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("区划代码应为 6 位（省、市、县）或 9 位、12 位（乡镇、街道）数字，“{0}”不是")]
    Malformed(String),
    #[error("区划代码“{0}”不是乡镇（街道）一级：12 位代码应以 000 结尾")]
    BelowTownship(String),
    #[error("区划代码“{0}”的省级部分不能为 00")]
    NoProvince(String),
}

impl DivisionCode {
    pub fn parse(text: &str) -> Result<DivisionCode, CodeError> {
        let text = text.trim();
        let malformed = || CodeError::Malformed(text.chars().take(20).collect());
        if !matches!(text.len(), 6 | 9 | 12) || !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        if text.len() == 12 && !text.ends_with("000") {
            return Err(CodeError::BelowTownship(text.to_string()));
        }
        if text.starts_with("00") {
            return Err(CodeError::NoProvince(text.to_string()));
        }
        let mut digits = [b'0'; 12];
        digits[..text.len()].copy_from_slice(text.as_bytes());
        Ok(DivisionCode(digits))
    }

    fn part(&self, range: std::ops::Range<usize>) -> &[u8] {
        &self.0[range]
    }

    fn zero(&self, range: std::ops::Range<usize>) -> bool {
        self.part(range).iter().all(|&b| b == b'0')
    }

    pub fn level(&self) -> Level {
        if !self.zero(6..9) {
            Level::Township
        } else if !self.zero(4..6) {
            Level::County
        } else if !self.zero(2..4) {
            Level::City
        } else {
            Level::Province
        }
    }

    /// The division this one belongs to; none for a province.
    pub fn parent(&self) -> Option<DivisionCode> {
        let keep = match self.level() {
            Level::Province => return None,
            Level::City => 2,
            Level::County => 4,
            Level::Township => 6,
        };
        let mut digits = [b'0'; 12];
        digits[..keep].copy_from_slice(&self.0[..keep]);
        Some(DivisionCode(digits))
    }

    /// The division of `level` this one lies in (itself at its own level).
    pub fn ancestor(&self, level: Level) -> Option<DivisionCode> {
        let mut code = *self;
        while code.level() > level {
            code = code.parent()?;
        }
        (code.level() == level).then_some(code)
    }
}

impl fmt::Display for DivisionCode {
    /// Six digits above a township, nine for a township.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = if self.level() == Level::Township {
            9
        } else {
            6
        };
        f.write_str(std::str::from_utf8(&self.0[..len]).map_err(|_| fmt::Error)?)
    }
}

impl TryFrom<String> for DivisionCode {
    type Error = CodeError;
    fn try_from(text: String) -> Result<Self, CodeError> {
        DivisionCode::parse(&text)
    }
}

impl From<DivisionCode> for String {
    fn from(code: DivisionCode) -> String {
        code.to_string()
    }
}

/// A division as imported: its code, its official name and, where the bureaus write it
/// shorter in their notices (湘西州, 江华县), that shorter name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Division {
    pub code: DivisionCode,
    pub name: String,
    #[serde(default)]
    pub short: Option<String>,
}

impl Division {
    /// The name used in published lists.
    pub fn listed(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

/// The divisions known, by code.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer(BTreeMap<DivisionCode, Division>);

impl Gazetteer {
    pub fn new(divisions: impl IntoIterator<Item = Division>) -> Gazetteer {
        Gazetteer(divisions.into_iter().map(|d| (d.code, d)).collect())
    }

    pub fn get(&self, code: DivisionCode) -> Option<&Division> {
        self.0.get(&code)
    }

    /// The city a division lies in.
    pub fn city_of(&self, code: DivisionCode) -> Option<&Division> {
        self.get(code.ancestor(Level::City)?)
    }

    /// How a unit is named in a list grouped by city: a township with its county before it
    /// (芙蓉区荷花园街道), a county by itself. A division not known is named by its code.
    pub fn listed_name(&self, code: DivisionCode) -> String {
        let own = self
            .get(code)
            .map_or_else(|| code.to_string(), |d| d.listed().to_string());
        match code.level() {
            Level::Township => match code.parent().and_then(|c| self.get(c)) {
                Some(county) => format!("{}{own}", county.listed()),
                None => own,
            },
            _ => own,
        }
    }

    /// The divisions directly under `parent`, in official order.
    pub fn children(&self, parent: DivisionCode) -> impl Iterator<Item = &Division> {
        self.0
            .values()
            .filter(move |d| d.code.parent() == Some(parent))
    }
}
