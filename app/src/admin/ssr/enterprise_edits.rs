//! The directory one enterprise at a time: find, add, edit, move between grids, close and
//! open again. Each change is checked by the domain rules and lands with its audit entry.
use super::enterprises::row_of;
use super::{AdminSession, audit};
use crate::admin::api::{ENTERPRISE_LIST_MAX, EnterpriseChange, EnterpriseEntry, EnterpriseQuery};
use crate::auth::grids::Grids;
use crate::db::enterprise;
use crate::domain::enterprise::{EnterpriseDraft, ValidEnterprise, describe};
use crate::domain::grid::{GridKind, Industry};
use crate::domain::grouping::shape_warnings;
use crate::error::AppError;
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use std::collections::HashMap;

const KIND: &str = "enterprise";

impl AdminSession {
    pub async fn find_enterprises(
        &self,
        query: EnterpriseQuery,
    ) -> Result<Vec<EnterpriseEntry>, AppError> {
        let mut select = enterprise::Entity::find();
        if let Some(grid_id) = query.grid_id {
            select = select.filter(enterprise::Column::GridId.eq(grid_id));
        }
        let text = query.text.trim();
        if !text.is_empty() {
            select = select.filter(
                Condition::any()
                    .add(enterprise::Column::Name.contains(text))
                    .add(enterprise::Column::CreditCode.contains(text.to_uppercase())),
            );
        }
        if !query.include_closed {
            select = select.filter(enterprise::Column::Closed.eq(false));
        }
        let found = select
            .order_by_asc(enterprise::Column::Name)
            .limit(ENTERPRISE_LIST_MAX)
            .all(&self.db)
            .await?;
        let names = self.viewer.grids.names();
        Ok(found.into_iter().map(|e| entry(e, &names)).collect())
    }

    pub async fn change_enterprise(
        &self,
        change: EnterpriseChange,
    ) -> Result<EnterpriseEntry, AppError> {
        let me = audit::Actor::of(&self.viewer);
        let tx = crate::db::begin_write(&self.db).await?;
        let names = self.viewer.grids.names();
        let saved = match change {
            EnterpriseChange::Add { fields } => {
                let valid = checked(&self.viewer.grids, &fields)?;
                refuse_taken_code(&tx, &valid, None).await?;
                let mut new = active(&valid);
                new.closed = Set(false);
                let saved = enterprise::Entity::insert(new)
                    .exec_with_returning(&tx)
                    .await?;
                let after = row_of(&saved, &names);
                audit::record(
                    &tx,
                    me,
                    "add_enterprise",
                    KIND,
                    &saved.credit_code,
                    None,
                    after.as_ref(),
                )
                .await?;
                saved
            }
            EnterpriseChange::Edit { id, fields } => {
                let before = stored(&tx, id).await?;
                let valid = checked(&self.viewer.grids, &fields)?;
                refuse_taken_code(&tx, &valid, Some(id)).await?;
                let mut edited = active(&valid);
                edited.id = Set(id);
                let saved = enterprise::Entity::update(edited).exec(&tx).await?;
                let (b, a) = (row_of(&before, &names), row_of(&saved, &names));
                audit::record(
                    &tx,
                    me,
                    "edit_enterprise",
                    KIND,
                    &saved.credit_code,
                    b.as_ref(),
                    a.as_ref(),
                )
                .await?;
                saved
            }
            EnterpriseChange::Move { id, grid_id } => {
                let before = stored(&tx, id).await?;
                open_enterprise_grid(&self.viewer.grids, grid_id)?;
                let mut moved: enterprise::ActiveModel = before.clone().into();
                moved.grid_id = Set(grid_id);
                let saved = enterprise::Entity::update(moved).exec(&tx).await?;
                let (b, a) = (row_of(&before, &names), row_of(&saved, &names));
                audit::record(
                    &tx,
                    me,
                    "move_enterprise",
                    KIND,
                    &saved.credit_code,
                    b.as_ref(),
                    a.as_ref(),
                )
                .await?;
                saved
            }
            EnterpriseChange::Close { id } | EnterpriseChange::Reopen { id } => {
                let close = matches!(change, EnterpriseChange::Close { .. });
                let before = stored(&tx, id).await?;
                if close && before.closed {
                    return Err(AppError::Invalid(format!("“{}”已经关闭", before.name)));
                }
                if !close && !before.closed {
                    return Err(AppError::Invalid(format!("“{}”没有关闭", before.name)));
                }
                if !close {
                    // Its grid may have closed meanwhile: reopening into it would hide it again.
                    open_enterprise_grid(&self.viewer.grids, before.grid_id)?;
                }
                let mut flipped: enterprise::ActiveModel = before.clone().into();
                flipped.closed = Set(close);
                let saved = enterprise::Entity::update(flipped).exec(&tx).await?;
                let row = row_of(&saved, &names);
                let (action, b, a) = if close {
                    ("close_enterprise", row.as_ref(), None)
                } else {
                    ("reopen_enterprise", None, row.as_ref())
                };
                audit::record(&tx, me, action, KIND, &saved.credit_code, b, a).await?;
                saved
            }
        };
        let warnings = if saved.closed {
            Vec::new()
        } else {
            self.shape_warnings(&tx, &saved).await?
        };
        tx.commit().await?;
        Ok(EnterpriseEntry {
            warnings,
            ..entry(saved, &names)
        })
    }

    /// How the grid the enterprise now sits in departs from the documents' shape.
    async fn shape_warnings(
        &self,
        tx: &DatabaseTransaction,
        placed: &enterprise::Model,
    ) -> Result<Vec<String>, AppError> {
        let Some(grid) = self.viewer.grids.get(placed.grid_id) else {
            return Ok(Vec::new());
        };
        let count = enterprise::Entity::find()
            .filter(enterprise::Column::GridId.eq(grid.id))
            .filter(enterprise::Column::Closed.eq(false))
            .count(tx)
            .await?;
        let grid_industry = grid.industry.as_deref().and_then(Industry::from_code);
        let industry = Industry::from_code(&placed.industry).unwrap_or(Industry::Other);
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        Ok(shape_warnings(&grid.name, grid_industry, count, industry)
            .iter()
            .map(ToString::to_string)
            .collect())
    }
}

fn entry(e: enterprise::Model, names: &HashMap<i32, String>) -> EnterpriseEntry {
    EnterpriseEntry {
        id: e.id,
        grid_name: names.get(&e.grid_id).cloned().unwrap_or_default(),
        closed: e.closed,
        warnings: Vec::new(),
        fields: EnterpriseDraft {
            name: e.name,
            credit_code: e.credit_code,
            industry: Industry::from_code(&e.industry),
            grid_id: Some(e.grid_id),
            above_scale: e.above_scale,
            cultivation: e.cultivation,
            statistician_name: e.statistician_name,
            statistician_phone: e.statistician_phone,
        },
    }
}

async fn stored(tx: &DatabaseTransaction, id: i32) -> Result<enterprise::Model, AppError> {
    enterprise::Entity::find_by_id(id)
        .one(tx)
        .await?
        .ok_or_else(|| AppError::Invalid("没有这家企业，可能已被他人删除或合并".into()))
}

/// The draft, checked by the domain rules and against the grids.
fn checked(grids: &Grids, fields: &EnterpriseDraft) -> Result<ValidEnterprise, AppError> {
    let valid = fields
        .validate()
        .map_err(|problems| AppError::Invalid(describe(&problems)))?;
    open_enterprise_grid(grids, valid.grid_id)?;
    Ok(valid)
}

/// Enterprises belong to open enterprise grids only.
fn open_enterprise_grid(grids: &Grids, grid_id: i32) -> Result<(), AppError> {
    match grids.get(grid_id) {
        Some(g) if g.closed => Err(AppError::Invalid(format!("“{}”已关闭", g.name))),
        Some(g) if g.kind != GridKind::Enterprise.code() => Err(AppError::Invalid(format!(
            "“{}”不是企业网格，企业只能归入企业网格",
            g.name
        ))),
        Some(_) => Ok(()),
        None => Err(AppError::Invalid("所选网格不存在".into())),
    }
}

/// A credit code names one enterprise: say which one already holds it.
async fn refuse_taken_code(
    tx: &DatabaseTransaction,
    valid: &ValidEnterprise,
    except: Option<i32>,
) -> Result<(), AppError> {
    let holder = enterprise::Entity::find()
        .filter(enterprise::Column::CreditCode.eq(valid.credit_code.as_str()))
        .one(tx)
        .await?;
    match holder {
        Some(h) if Some(h.id) != except => Err(AppError::Invalid(if h.closed {
            format!(
                "该统一社会信用代码属于已关闭的“{}”，请勾选“含已关闭”找到它并重新启用",
                h.name
            )
        } else {
            format!("该统一社会信用代码已属于“{}”", h.name)
        })),
        _ => Ok(()),
    }
}

fn active(valid: &ValidEnterprise) -> enterprise::ActiveModel {
    enterprise::ActiveModel {
        grid_id: Set(valid.grid_id),
        name: Set(valid.name.clone()),
        credit_code: Set(valid.credit_code.as_str().to_owned()),
        industry: Set(valid.industry.code().to_owned()),
        above_scale: Set(valid.above_scale),
        cultivation: Set(valid.cultivation),
        statistician_name: Set(valid.statistician_name.clone()),
        statistician_phone: Set(valid
            .statistician_phone
            .as_ref()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()),
        ..Default::default()
    }
}
