//! The grid tree: list, add, rename, move and close grids of each level and kind.
use super::{AdminSession, audit};
use crate::admin::api::{GridChange, GridNode};
use crate::auth::grids::Grids;
use crate::db::{enterprise, grid};
use crate::domain::grid::GridKind;
use crate::error::AppError;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

const NAME_MAX_CHARS: usize = 100;

impl AdminSession {
    pub async fn list_grids(&self) -> Result<Vec<GridNode>, AppError> {
        let counts: HashMap<i32, i64> = enterprise::Entity::find()
            .select_only()
            .column(enterprise::Column::GridId)
            .column_as(enterprise::Column::Id.count(), "n")
            .filter(enterprise::Column::Closed.eq(false))
            .group_by(enterprise::Column::GridId)
            .into_tuple::<(i32, i64)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let grids = grid::Entity::find()
            .order_by_asc(grid::Column::Id)
            .all(&self.db)
            .await?;
        Ok(grids
            .into_iter()
            .map(|g| GridNode {
                enterprises: counts.get(&g.id).copied().unwrap_or(0) as usize,
                id: g.id,
                parent_id: g.parent_id,
                level: g.level,
                kind: GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise),
                name: g.name,
                closed: g.closed,
            })
            .collect())
    }

    pub async fn change_grid(&self, change: GridChange) -> Result<Vec<GridNode>, AppError> {
        let tx = crate::db::begin_write(&self.db).await?;
        // Read in the transaction, not from the viewer: the change must see the tree as it is now.
        let tree = Grids::new(grid::Entity::find().all(&tx).await?);
        let grids = tree.all();
        let find = |id: i32| {
            tree.get(id)
                .ok_or_else(|| AppError::Invalid("没有这个网格".into()))
        };
        let me = audit::Actor::of(&self.viewer);
        match &change {
            GridChange::Add {
                parent_id,
                kind,
                name,
            } => {
                let parent = open_container(find(*parent_id)?)?;
                if *kind == GridKind::City {
                    return Err(AppError::Invalid("市域网格只能有一个".into()));
                }
                fits_under(*kind, parent)?;
                let name = checked_name(name, grids, None)?;
                grid::Entity::insert(grid::ActiveModel {
                    parent_id: Set(Some(parent.id)),
                    level: Set(parent.level + 1),
                    kind: Set(kind.code().to_owned()),
                    name: Set(name.clone()),
                    industry: Set(None),
                    closed: Set(false),
                    ..Default::default()
                })
                .exec(&tx)
                .await?;
                audit::record(&tx, me, "add_grid", "grid", &name, None, Some(&change)).await?;
            }
            GridChange::Rename { id, name } => {
                let g = find(*id)?;
                let name = checked_name(name, grids, Some(*id))?;
                let mut renamed: grid::ActiveModel = g.clone().into();
                renamed.name = Set(name.clone());
                grid::Entity::update(renamed).exec(&tx).await?;
                audit::record(
                    &tx,
                    me,
                    "rename_grid",
                    "grid",
                    &id.to_string(),
                    Some(&g.name),
                    Some(&name),
                )
                .await?;
            }
            GridChange::Move { id, parent_id } => {
                let g = find(*id)?;
                let parent = open_container(find(*parent_id)?)?;
                let kind = GridKind::from_code(&g.kind).unwrap_or(GridKind::Enterprise);
                fits_under(kind, parent)?;
                let moving = tree.tree.subtree(*id);
                if moving.contains(parent_id) {
                    return Err(AppError::Invalid(
                        "不能把网格移到它自己或它的下级网格之下".into(),
                    ));
                }
                let shift = parent.level + 1 - g.level;
                let mut moved: grid::ActiveModel = g.clone().into();
                moved.parent_id = Set(Some(parent.id));
                grid::Entity::update(moved).exec(&tx).await?;
                for sub in grids.iter().filter(|s| moving.contains(&s.id)) {
                    let mut relevelled: grid::ActiveModel = sub.clone().into();
                    relevelled.level = Set(sub.level + shift);
                    grid::Entity::update(relevelled).exec(&tx).await?;
                }
                audit::record(
                    &tx,
                    me,
                    "move_grid",
                    "grid",
                    &id.to_string(),
                    Some(&g.parent_id),
                    Some(&Some(parent.id)),
                )
                .await?;
            }
            GridChange::Close { id } => {
                let g = find(*id)?;
                let open_children = grids
                    .iter()
                    .filter(|c| c.parent_id == Some(*id) && !c.closed)
                    .count();
                if open_children > 0 {
                    return Err(AppError::Invalid(format!(
                        "“{}”下还有 {open_children} 个网格，请先移走或关闭",
                        g.name
                    )));
                }
                let members = enterprise::Entity::find()
                    .filter(enterprise::Column::GridId.eq(*id))
                    .filter(enterprise::Column::Closed.eq(false))
                    .count(&tx)
                    .await?;
                if members > 0 {
                    return Err(AppError::Invalid(format!(
                        "“{}”内还有 {members} 家企业，请先移到其他网格",
                        g.name
                    )));
                }
                let mut closed: grid::ActiveModel = g.clone().into();
                closed.closed = Set(true);
                grid::Entity::update(closed).exec(&tx).await?;
                audit::record(
                    &tx,
                    me,
                    "close_grid",
                    "grid",
                    &id.to_string(),
                    Some(&g.name),
                    None,
                )
                .await?;
            }
        }
        tx.commit().await?;
        self.list_grids().await
    }
}

/// A grid that may hold other grids: open, and not an enterprise grid.
fn open_container(g: &grid::Model) -> Result<&grid::Model, AppError> {
    if g.closed {
        return Err(AppError::Invalid(format!("“{}”已关闭", g.name)));
    }
    if g.kind == GridKind::Enterprise.code() {
        return Err(AppError::Invalid("企业网格下不能再设网格".into()));
    }
    Ok(g)
}

/// Refuses a grid of `kind` under `parent` where the documents draw no such level.
fn fits_under(kind: GridKind, parent: &grid::Model) -> Result<(), AppError> {
    let parent_kind = GridKind::from_code(&parent.kind).unwrap_or(GridKind::Enterprise);
    match kind.misplaced_under(parent_kind) {
        Some(why) => Err(AppError::Invalid(why)),
        None => Ok(()),
    }
}

/// Names are unique among open grids: imports name grids, and must find exactly one.
pub(super) fn checked_name(
    name: &str,
    grids: &[grid::Model],
    except: Option<i32>,
) -> Result<String, AppError> {
    let name = crate::domain::text::clean_line(name);
    if name.is_empty() {
        return Err(AppError::Invalid("请填写网格名称".into()));
    }
    if name.chars().count() > NAME_MAX_CHARS {
        return Err(AppError::Invalid(format!(
            "网格名称不能超过{NAME_MAX_CHARS}字"
        )));
    }
    if grids
        .iter()
        .any(|g| !g.closed && g.name == name && Some(g.id) != except)
    {
        return Err(AppError::Invalid(format!("已有名为“{name}”的网格")));
    }
    Ok(name)
}
