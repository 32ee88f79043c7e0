//! The grid grouping suggestion for a township: propose enterprise grids of about 20 survey
//! objects of one industry (001 §三(一), 003 §三(一)), then apply what the administrator accepted.
use super::tree::checked_name;
use super::{AdminSession, audit};
use crate::admin::api::{GridNode, GroupingProposal, ProposedGridView};
use crate::db::{enterprise, grid};
use crate::domain::grid::{GridKind, Industry};
use crate::domain::grouping::{DEFAULT_GRID_SIZE, GroupingInput, propose_by_area};
use crate::error::AppError;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeSet, HashMap};

impl AdminSession {
    /// The township's enterprises and the enterprise grids they sit in now.
    async fn township_enterprises(
        &self,
        township_id: i32,
    ) -> Result<(grid::Model, Vec<grid::Model>, Vec<enterprise::Model>), AppError> {
        let grids = self.viewer.grids.all();
        let township = grids
            .iter()
            .find(|g| g.id == township_id && !g.closed)
            .filter(|g| GridKind::from_code(&g.kind).is_some_and(GridKind::is_level_two))
            .cloned()
            .ok_or_else(|| AppError::Invalid("请选择一个乡镇（街道）、部门或开发区网格".into()))?;
        let below = self.viewer.grids.tree.descendants(township_id);
        let enterprise_grids: Vec<grid::Model> = grids
            .iter()
            .filter(|g| below.contains(&g.id) && g.kind == GridKind::Enterprise.code() && !g.closed)
            .cloned()
            .collect();
        let ids: Vec<i32> = enterprise_grids.iter().map(|g| g.id).collect();
        let enterprises = enterprise::Entity::find()
            .filter(enterprise::Column::GridId.is_in(ids))
            .filter(enterprise::Column::Closed.eq(false))
            .all(&self.db)
            .await?;
        Ok((township, enterprise_grids, enterprises))
    }

    pub async fn propose_grouping(&self, township_id: i32) -> Result<GroupingProposal, AppError> {
        let (township, grids, enterprises) = self.township_enterprises(township_id).await?;
        let areas = self.work_areas(&township);
        let tree = &self.viewer.grids.tree;
        let grid_names: HashMap<i32, &str> =
            grids.iter().map(|g| (g.id, g.name.as_str())).collect();
        let inputs: Vec<(GroupingInput, Option<i32>)> = enterprises
            .iter()
            .map(|e| {
                let input = GroupingInput {
                    id: e.id,
                    industry: Industry::from_code(&e.industry).unwrap_or(Industry::Other),
                    area: grid_names.get(&e.grid_id).map(|n| (*n).to_owned()),
                };
                let area = tree.parent(e.grid_id).filter(|p| areas.contains_key(p));
                (input, area)
            })
            .collect();
        let names: HashMap<i32, &str> = enterprises
            .iter()
            .map(|e| (e.id, e.name.as_str()))
            .collect();
        Ok(GroupingProposal {
            township_id,
            grids: propose_by_area(&inputs, DEFAULT_GRID_SIZE)
                .into_iter()
                .map(|(area, g)| {
                    let home = area.and_then(|a| areas.get(&a)).unwrap_or(&township.name);
                    ProposedGridView {
                        name: format!("{home}{}", g.name),
                        work_area: area,
                        industry: g.industry,
                        enterprises: g
                            .enterprise_ids
                            .iter()
                            .map(|id| {
                                let name = names.get(id).map(|n| (*n).to_owned());
                                (*id, name.unwrap_or_default())
                            })
                            .collect(),
                    }
                })
                .collect(),
        })
    }

    /// The open work areas directly under the township, by id with their names: where its
    /// enterprise grids sit in a four-level township, and stay.
    fn work_areas(&self, township: &grid::Model) -> HashMap<i32, String> {
        self.viewer
            .grids
            .all()
            .iter()
            .filter(|g| g.parent_id == Some(township.id) && !g.closed)
            .filter(|g| g.kind == GridKind::WorkArea.code())
            .map(|g| (g.id, g.name.clone()))
            .collect()
    }

    /// Creates the accepted grids under the township or their work area, moves each enterprise
    /// into its new grid and closes the old grids left empty; all in one transaction, audited.
    pub async fn apply_grouping(
        &self,
        mut proposal: GroupingProposal,
    ) -> Result<Vec<GridNode>, AppError> {
        proposal.grids.retain(|g| !g.enterprises.is_empty());
        let (township, old_grids, enterprises) =
            self.township_enterprises(proposal.township_id).await?;
        let township_ids: BTreeSet<i32> = enterprises.iter().map(|e| e.id).collect();
        let proposed: Vec<i32> = proposal
            .grids
            .iter()
            .flat_map(|g| g.enterprises.iter().map(|(id, _)| *id))
            .collect();
        let unique: BTreeSet<i32> = proposed.iter().copied().collect();
        if unique.len() != proposed.len() || unique != township_ids {
            return Err(AppError::Invalid(
                "分组方案须把本乡镇的每家企业恰好分入一个网格，请重新生成".into(),
            ));
        }
        let all_grids = self.viewer.grids.all();
        let mut seen = BTreeSet::new();
        for g in &proposal.grids {
            // Old grids of this township are closed by the change, so their names may be reused.
            let others: Vec<grid::Model> = all_grids
                .iter()
                .filter(|a| !old_grids.iter().any(|o| o.id == a.id))
                .cloned()
                .collect();
            let name = checked_name(&g.name, &others, None)?;
            if !seen.insert(name) {
                return Err(AppError::Invalid(format!(
                    "分组方案里有两个“{}”",
                    g.name.trim()
                )));
            }
        }
        let areas = self.work_areas(&township);
        let parent_of = |g: &ProposedGridView| match g.work_area {
            None => Ok((township.id, township.level)),
            Some(area) if areas.contains_key(&area) => Ok((area, township.level + 1)),
            Some(_) => Err(AppError::Invalid(
                "分组方案中的工作管理片已不在本乡镇，请重新生成".into(),
            )),
        };
        let parents = proposal
            .grids
            .iter()
            .map(parent_of)
            .collect::<Result<Vec<_>, _>>()?;
        let me = audit::Actor::of(&self.viewer);
        let tx = crate::db::begin_write(&self.db).await?;
        for old in &old_grids {
            let mut closed: grid::ActiveModel = old.clone().into();
            closed.closed = Set(true);
            grid::Entity::update(closed).exec(&tx).await?;
        }
        for (g, (parent, parent_level)) in proposal.grids.iter().zip(parents) {
            let id = grid::Entity::insert(grid::ActiveModel {
                parent_id: Set(Some(parent)),
                level: Set(parent_level + 1),
                kind: Set(GridKind::Enterprise.code().to_owned()),
                name: Set(g.name.trim().to_owned()),
                industry: Set(g.industry.map(|i| i.code().to_owned())),
                closed: Set(false),
                ..Default::default()
            })
            .exec(&tx)
            .await?
            .last_insert_id;
            let ids: Vec<i32> = g.enterprises.iter().map(|(id, _)| *id).collect();
            enterprise::Entity::update_many()
                .col_expr(
                    enterprise::Column::GridId,
                    sea_orm::sea_query::Expr::value(id),
                )
                .filter(enterprise::Column::Id.is_in(ids))
                .exec(&tx)
                .await?;
        }
        let before = serde_json::json!(
            old_grids
                .iter()
                .map(|g| g.name.as_str())
                .collect::<Vec<_>>()
        );
        let after = serde_json::to_value(&proposal).map_err(|_| AppError::internal())?;
        audit::record(
            &tx,
            me,
            "apply_grouping",
            "grid",
            &township.id.to_string(),
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        self.list_grids().await
    }
}
