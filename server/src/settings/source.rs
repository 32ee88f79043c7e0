//! Where settings are read: the environment first, then the file `STATGRID_CONFIG` names
//! (`NAME=value` lines, `#` comments), so that a unit's `Environment=` can override the file.
//! A name the file does not know stops the start: a misspelt setting must not be ignored.
use super::SettingsError;
use std::collections::BTreeMap;

/// Every setting's name. The README's table lists the same.
pub const NAMES: &[&str] = &[
    "DATABASE_URL",
    "RUST_LOG",
    "STATGRID_ADDR",
    "STATGRID_SITE_ROOT",
    "STATGRID_DEMO",
    "STATGRID_DEMO_HISTORY",
    "STATGRID_PROFILE",
    "STATGRID_SECURE_COOKIES",
    "STATGRID_PUBLIC_ORIGIN",
    "STATGRID_TRUSTED_PROXIES",
    "STATGRID_CLOCK_START",
    "STATGRID_BACKUP_DIR",
    "STATGRID_BACKUP_EVERY_HOURS",
    "STATGRID_BACKUP_KEEP",
    "STATGRID_METRICS_ADDR",
    "STATGRID_STALE_PHONE_DAYS",
];

pub struct Source {
    environment: BTreeMap<String, String>,
    file: BTreeMap<String, String>,
}

impl Source {
    /// The process's environment, and the file `STATGRID_CONFIG` names if it is set.
    pub fn process() -> Result<Self, SettingsError> {
        let environment: BTreeMap<String, String> = std::env::vars().collect();
        let file = match environment.get("STATGRID_CONFIG") {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| SettingsError::File(path.clone(), e.to_string()))?;
                parse(&text).map_err(|why| SettingsError::File(path.clone(), why))?
            }
            None => BTreeMap::new(),
        };
        Ok(Source { environment, file })
    }

    /// A source of the given pairs only (tests).
    pub fn of(pairs: &[(&str, &str)]) -> Self {
        Source {
            environment: pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            file: BTreeMap::new(),
        }
    }

    pub fn get(&self, name: &str) -> Option<String> {
        self.environment
            .get(name)
            .or_else(|| self.file.get(name))
            .cloned()
    }
}

/// A settings file's pairs; an unknown name, a line without `=` or a name given twice is an
/// error naming its line.
fn parse(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut pairs = BTreeMap::new();
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            return Err(format!("line {number} is not NAME=value"));
        };
        let name = name.trim();
        if !NAMES.contains(&name) {
            return Err(format!("line {number}: {name} is not a setting"));
        }
        let value = value.trim().trim_matches('"');
        if pairs.insert(name.to_owned(), value.to_owned()).is_some() {
            return Err(format!("line {number}: {name} is set twice"));
        }
    }
    Ok(pairs)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gives_names_and_values() {
        let pairs = parse(
            "# StatGrid\nSTATGRID_ADDR = 0.0.0.0:3000\n\nDATABASE_URL=\"postgres://s@db/city\"\n",
        )
        .unwrap();
        assert_eq!(pairs["STATGRID_ADDR"], "0.0.0.0:3000");
        assert_eq!(pairs["DATABASE_URL"], "postgres://s@db/city");
    }

    #[test]
    fn a_misspelt_or_doubled_setting_is_refused_with_its_line() {
        assert_eq!(
            parse("STATGRID_ADDR=1.2.3.4:5\nSTATGRID_SECURE_COOKIE=1").unwrap_err(),
            "line 2: STATGRID_SECURE_COOKIE is not a setting"
        );
        assert_eq!(
            parse("STATGRID_DEMO=1\nSTATGRID_DEMO=0").unwrap_err(),
            "line 2: STATGRID_DEMO is set twice"
        );
        assert_eq!(
            parse("STATGRID_DEMO").unwrap_err(),
            "line 1 is not NAME=value"
        );
    }

    #[test]
    fn the_environment_overrides_the_file() {
        let source = Source {
            environment: [("STATGRID_DEMO".to_owned(), "0".to_owned())].into(),
            file: parse("STATGRID_DEMO=1\nSTATGRID_ADDR=0.0.0.0:80").unwrap(),
        };
        assert_eq!(source.get("STATGRID_DEMO").as_deref(), Some("0"));
        assert_eq!(source.get("STATGRID_ADDR").as_deref(), Some("0.0.0.0:80"));
        assert_eq!(source.get("STATGRID_PROFILE"), None);
    }
}
