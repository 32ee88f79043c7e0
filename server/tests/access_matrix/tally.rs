//! What the matrix found: each cell's mark, the failures, and the printed summary.
use super::cell::{Row, Verdict};
use super::rule::{Grid, ROLES, Relation, RoleSpec};
use sea_orm::DbBackend;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Where a cell sits: row, role, relation.
#[derive(Clone, Copy)]
pub struct Cell {
    pub row: &'static str,
    pub role: &'static RoleSpec,
    pub relation: Relation,
}

impl Cell {
    pub fn of(row: &Row, role: &'static RoleSpec, relation: Relation) -> Cell {
        Cell {
            row: row.what,
            role,
            relation,
        }
    }

    fn name(&self) -> String {
        let phone = self.role.phone.unwrap_or("-");
        format!(
            "{} × {} {phone} × {}",
            self.row,
            self.role.label,
            self.relation.label()
        )
    }
}

pub struct Tally {
    backend: DbBackend,
    /// Each row's marks, role by role: ✓ allowed, ✗ refused, · skipped, ! known difference,
    /// # a known fault, ? disagreeing with the rule.
    marks: BTreeMap<&'static str, String>,
    asserted: usize,
    allowed: usize,
    refused: usize,
    skipped: BTreeMap<&'static str, usize>,
    known: Vec<String>,
    faults: Vec<String>,
    pub failures: Vec<String>,
}

impl Tally {
    pub fn on(backend: DbBackend) -> Tally {
        Tally {
            backend,
            marks: BTreeMap::new(),
            asserted: 0,
            allowed: 0,
            refused: 0,
            skipped: BTreeMap::new(),
            known: Vec::new(),
            faults: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// The rows of [`super::FAULTS`] on this database.
    fn faults_of(&self) -> impl Iterator<Item = &'static str> + '_ {
        super::FAULTS
            .iter()
            .filter(|(_, on, _)| *on == self.backend)
            .map(|(row, _, _)| *row)
    }

    fn mark(&mut self, cell: Cell, mark: char) {
        let marks = self.marks.entry(cell.row).or_default();
        if cell.relation == Relation::Own || cell.relation == Relation::NoSession {
            marks.push(' ');
        }
        marks.push(mark);
    }

    pub fn skip(&mut self, cell: Cell, why: &'static str) {
        *self.skipped.entry(why).or_default() += 1;
        self.mark(cell, '·');
    }

    pub fn assert(&mut self, cell: Cell, subject: &Grid, expected: bool, verdict: Verdict) {
        self.asserted += 1;
        let known = super::KNOWN.iter().find(|(rows, phones, relations, _)| {
            rows.contains(&cell.row)
                && cell.role.phone.is_some_and(|p| phones.contains(&p))
                && relations.contains(&cell.relation)
        });
        let answered = match verdict {
            Verdict::Allowed => true,
            Verdict::Refused => false,
            Verdict::Unclear(answer) if self.faults_of().any(|row| row == cell.row) => {
                self.faults
                    .push(format!("{} on {}: {answer}", cell.name(), subject.name));
                return self.mark(cell, '#');
            }
            Verdict::Unclear(answer) => {
                self.failures.push(format!(
                    "{} on {}: unclear answer {answer}",
                    cell.name(),
                    subject.name
                ));
                return self.mark(cell, '?');
            }
        };
        if answered {
            self.allowed += 1
        } else {
            self.refused += 1
        }
        let says = |b: bool| if b { "allowed" } else { "refused" };
        match (answered == expected, known) {
            (true, None) => self.mark(cell, if answered { '✓' } else { '✗' }),
            (false, Some((_, _, _, why))) => {
                self.known.push(format!(
                    "{} on {}: rule {}, server {} ({why})",
                    cell.name(),
                    subject.name,
                    says(expected),
                    says(answered)
                ));
                self.mark(cell, '!');
            }
            (true, Some(_)) => {
                self.failures.push(format!(
                    "{} on {}: no longer a known difference: remove it from KNOWN",
                    cell.name(),
                    subject.name
                ));
                self.mark(cell, '?');
            }
            (false, None) => {
                self.failures.push(format!(
                    "{} on {}: rule {}, server {}",
                    cell.name(),
                    subject.name,
                    says(expected),
                    says(answered)
                ));
                self.mark(cell, '?');
            }
        }
    }

    pub fn summary(&self, rows: &[Row]) -> String {
        let relations: usize = ROLES.iter().map(|r| r.relations.len()).sum();
        let skipped: usize = self.skipped.values().sum();
        let mut out = format!(
            "access matrix: {} rows × {} roles × own/sibling/parent/child ({relations} role-relations) = {} cells: {} asserted ({} allowed, {} refused, {} known differences), {skipped} skipped, {} failing\n",
            rows.len(),
            ROLES.len(),
            rows.len() * relations,
            self.asserted,
            self.allowed,
            self.refused,
            self.known.len(),
            self.failures.len()
        );
        let stalled = super::world::STALLED_PAGES.load(std::sync::atomic::Ordering::Relaxed);
        let _ = writeln!(
            out,
            "  pages whose body stalled and were fetched again (this process so far): {stalled}"
        );
        for (why, n) in &self.skipped {
            let _ = writeln!(out, "  skipped {n}: {why}");
        }
        out.push_str("roles (columns; per role: own sibling parent child):\n");
        for role in &ROLES {
            let grids: Vec<String> = role
                .relations
                .iter()
                .map(|(rel, g)| format!("{} {}", rel.label(), g.unwrap_or("— (none)")))
                .collect();
            let _ = writeln!(
                out,
                "  {} {}: {}",
                role.label,
                role.phone.unwrap_or(""),
                grids.join(", ")
            );
        }
        out.push_str("✓ allowed  ✗ refused  · no such cell  ! known difference  # known fault  ? disagrees\n");
        for row in rows {
            let marks = self.marks.get(row.what).map_or("", String::as_str);
            let _ = writeln!(
                out,
                "  {:<36} {:<10} {marks}",
                row.what,
                format!("{:?}", row.cap)
            );
        }
        for known in &self.known {
            let _ = writeln!(out, "  known difference: {known}");
        }
        for fault in &self.faults {
            let _ = writeln!(out, "  known fault: {fault}");
        }
        out
    }

    /// Fails each row of [`super::FAULTS`] that no longer shows its fault.
    pub fn check_faults(&mut self) {
        let rows: Vec<&str> = self.faults_of().collect();
        for row in rows {
            if !self
                .faults
                .iter()
                .any(|f| f.starts_with(&format!("{row} ×")))
            {
                self.failures
                    .push(format!("{row}: its fault is gone: remove it from FAULTS"));
            }
        }
    }
}
