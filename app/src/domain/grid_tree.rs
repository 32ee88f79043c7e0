//! The grid tree, built once from every grid: subtrees, the township above a grid, which
//! grids a person sees and whose reports and filings they review. Bad data (a cycle, a
//! missing parent) never makes a walk loop: every grid is visited at most once.

use std::collections::{BTreeSet, HashMap};

use super::grid::{GridId, GridKind, Role};

/// Every grid with its parent and kind, indexed both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridTree {
    parents: HashMap<GridId, Option<GridId>>,
    kinds: HashMap<GridId, GridKind>,
    children: HashMap<GridId, Vec<GridId>>,
}

impl GridTree {
    /// The tree of `grids`, each given as (id, parent, kind).
    pub fn new(grids: impl IntoIterator<Item = (GridId, Option<GridId>, GridKind)>) -> Self {
        let mut tree = GridTree::default();
        for (id, parent, kind) in grids {
            tree.parents.insert(id, parent);
            tree.kinds.insert(id, kind);
            if let Some(parent) = parent {
                tree.children.entry(parent).or_default().push(id);
            }
        }
        tree
    }

    /// The kind of `grid`, if it is in the tree.
    pub fn kind(&self, grid: GridId) -> Option<GridKind> {
        self.kinds.get(&grid).copied()
    }

    /// The parent of `grid`, if it has one.
    pub fn parent(&self, grid: GridId) -> Option<GridId> {
        self.parents.get(&grid).copied().flatten()
    }

    /// The grids below `root`, at any depth (`root` itself only if a cycle leads back to it).
    pub fn descendants(&self, root: GridId) -> BTreeSet<GridId> {
        let mut found = BTreeSet::new();
        self.expand(&mut found, self.children_of(root));
        found
    }

    /// `root` and every grid below it.
    pub fn subtree(&self, root: GridId) -> BTreeSet<GridId> {
        let mut found = BTreeSet::from([root]);
        self.expand(&mut found, self.children_of(root));
        found
    }

    /// Whether `grid` is `root` or lies below it, as [`Self::subtree`] would say, found by
    /// walking up from `grid` instead of gathering the subtree: a permission check asks it for
    /// every row of a page.
    pub fn is_within(&self, grid: GridId, root: GridId) -> bool {
        let mut id = grid;
        // At most one step per grid, so a cycle ends the walk.
        for _ in 0..=self.parents.len() {
            if id == root {
                return true;
            }
            let Some(parent) = self.parent(id) else {
                return false;
            };
            id = parent;
        }
        false
    }

    /// The level-2 unit (township, street or department grid) `grid` lies in: itself or its
    /// nearest such ancestor.
    pub fn unit_of(&self, grid: GridId) -> Option<GridId> {
        let mut id = grid;
        // At most one step per grid, so a cycle ends the walk.
        for _ in 0..=self.parents.len() {
            if self.kind(id).is_some_and(GridKind::is_level_two) {
                return Some(id);
            }
            id = self.parent(id)?;
        }
        None
    }

    /// The grids a person with these roles may see: for each role that sees the subtree,
    /// the grid and all its descendants; for a member's role, the grid itself.
    pub fn visible_for(&self, roles: &[(GridId, Role)]) -> BTreeSet<GridId> {
        let mut visible: BTreeSet<GridId> = roles.iter().map(|&(grid, _)| grid).collect();
        let mut expanded = BTreeSet::new();
        for &(grid, role) in roles {
            if self.kind(grid).is_some_and(|kind| role.sees_below(kind)) && expanded.insert(grid) {
                self.expand(&mut expanded, self.children_of(grid));
            }
        }
        visible.extend(expanded);
        visible
    }

    /// The grids whose monthly reports and major events a person with these roles reviews:
    /// the subtrees of the grids they review in ([`Role::reviews_in`]).
    pub fn reviewed_by(&self, roles: &[(GridId, Role)]) -> BTreeSet<GridId> {
        let reviewing: Vec<(GridId, Role)> = roles
            .iter()
            .copied()
            .filter(|&(grid, role)| self.kind(grid).is_some_and(|kind| role.reviews_in(kind)))
            .collect();
        self.visible_for(&reviewing)
    }

    /// Whether a person with these roles reviews `grid`'s reports and major events: whether
    /// [`Self::reviewed_by`] holds it, found by walking up from `grid` rather than gathering
    /// the subtrees (the township overview asks it for every grid with a duty open).
    pub fn reviews(&self, roles: &[(GridId, Role)], grid: GridId) -> bool {
        roles.iter().any(|&(at, role)| {
            self.kind(at).is_some_and(|kind| {
                role.reviews_in(kind)
                    && (at == grid || (role.sees_below(kind) && self.is_within(grid, at)))
            })
        })
    }

    /// The grids directly under `grid`.
    pub fn children_of(&self, grid: GridId) -> impl Iterator<Item = GridId> + '_ {
        self.children.get(&grid).into_iter().flatten().copied()
    }

    /// Adds to `found` the grids of `start` and everything below them not yet found.
    fn expand(&self, found: &mut BTreeSet<GridId>, start: impl Iterator<Item = GridId>) {
        let mut stack: Vec<GridId> = start.collect();
        while let Some(next) = stack.pop() {
            if found.insert(next) {
                stack.extend(self.children_of(next));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "grid_tree_tests.rs"]
mod tests;
