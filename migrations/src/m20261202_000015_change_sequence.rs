//! The pull's cursor becomes a change sequence from the database instead of a wall-clock
//! millisecond: one counter row (`sync_sequence`), bumped inside every transaction that writes a
//! record a phone pulls, and each such row's `change_seq`. The counter's row lock orders writers
//! by commit, so a record committed after a pull always has a higher number than that pull's
//! cursor, whatever its clock said and whichever server wrote it.
//!
//! Withdrawal tombstones are keyed by record, kind and sender instead of record alone, so that
//! one person's withdrawal of an id cannot take the place of another's.
//!
//! Rows stored before get change number 1 and the counter starts there: no phone holds a cursor
//! inside that range (the cursor's query parameter and the phone's key are new), so their order
//! among themselves does not matter to any pull. 1 is also the column's default, so a row
//! loaded around the engine (a bulk load) counts as stored before; the engine numbers every
//! row it writes.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The change number of everything stored before the sequence began.
const BEFORE: i64 = 1;

/// Each record table a pull reads, with the column it is pulled by (its author, or its grid for
/// the kinds a grid's leaders hold).
const RECORDS: [(Record, Record); 6] = [
    (Record::Visit, Record::PersonId),
    (Record::GridActivity, Record::PersonId),
    (Record::Training, Record::PersonId),
    (Record::MajorEvent, Record::PersonId),
    (Record::MonthlyReport, Record::GridId),
    (Record::AnnualPlan, Record::GridId),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SyncSequence::Table)
                    .col(integer(SyncSequence::Id).primary_key())
                    .col(big_integer(SyncSequence::Value))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(SyncSequence::Table)
                    .columns([SyncSequence::Id, SyncSequence::Value])
                    .values_panic([1.into(), BEFORE.into()])
                    .to_owned(),
            )
            .await?;
        for (table, holder) in RECORDS {
            add_change_seq(manager, table, &[holder]).await?;
        }
        scope_tombstones(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        unscope_tombstones(manager).await?;
        for (table, _) in RECORDS {
            manager
                .drop_index(
                    Index::drop()
                        .name(index_name(table, "seq"))
                        .table(table)
                        .to_owned(),
                )
                .await?;
            manager
                .alter_table(
                    Table::alter()
                        .table(table)
                        .drop_column(Record::ChangeSeq)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(SyncSequence::Table).to_owned())
            .await
    }
}

fn index_name(table: impl Iden, what: &str) -> String {
    format!("ix_{}_{what}", table.to_string())
}

/// Adds `change_seq` and indexes it after `holder`.
async fn add_change_seq(
    manager: &SchemaManager<'_>,
    table: Record,
    holder: &[Record],
) -> Result<(), DbErr> {
    manager
        .alter_table(
            Table::alter()
                .table(table)
                .add_column(big_integer(Record::ChangeSeq).default(BEFORE))
                .to_owned(),
        )
        .await?;
    let mut index = Index::create()
        .name(index_name(table, "seq"))
        .table(table)
        .to_owned();
    for column in holder {
        index.col(*column);
    }
    manager
        .create_index(index.col(Record::ChangeSeq).to_owned())
        .await
}

/// The tombstones move to a table keyed by (id, kind, person_id), with their change number.
async fn scope_tombstones(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Scoped::Table)
                .col(uuid(Withdrawal::Id))
                .col(string_len(Withdrawal::Kind, 30))
                .col(integer(Withdrawal::PersonId))
                .col(integer_null(Withdrawal::GridId))
                .col(integer(Withdrawal::Version))
                .col(big_integer(Withdrawal::AtMs))
                .col(big_integer(Record::ChangeSeq).default(BEFORE))
                .primary_key(
                    Index::create()
                        .name("pk_withdrawal_scoped")
                        .col(Withdrawal::Id)
                        .col(Withdrawal::Kind)
                        .col(Withdrawal::PersonId),
                )
                .to_owned(),
        )
        .await?;
    manager
        .exec_stmt(
            Query::insert()
                .into_table(Scoped::Table)
                .columns(TOMBSTONE)
                .select_from(
                    Query::select()
                        .columns(TOMBSTONE)
                        .from(Withdrawal::Table)
                        .to_owned(),
                )
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .to_owned(),
        )
        .await?;
    manager
        .drop_table(Table::drop().table(Withdrawal::Table).to_owned())
        .await?;
    manager
        .rename_table(
            Table::rename()
                .table(Scoped::Table, Withdrawal::Table)
                .to_owned(),
        )
        .await?;
    add_tombstone_index(manager, Withdrawal::PersonId, "person_seq").await?;
    add_tombstone_index(manager, Withdrawal::GridId, "grid_seq").await
}

async fn add_tombstone_index(
    manager: &SchemaManager<'_>,
    holder: Withdrawal,
    name: &str,
) -> Result<(), DbErr> {
    manager
        .create_index(
            Index::create()
                .name(index_name(Withdrawal::Table, name))
                .table(Withdrawal::Table)
                .col(holder)
                .col(Record::ChangeSeq)
                .to_owned(),
        )
        .await
}

/// Back to one tombstone per id (the first of several kept) and the index by time.
async fn unscope_tombstones(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    manager
        .create_table(
            Table::create()
                .table(Scoped::Table)
                .col(uuid(Withdrawal::Id).primary_key())
                .col(string_len(Withdrawal::Kind, 30))
                .col(integer(Withdrawal::PersonId))
                .col(integer_null(Withdrawal::GridId))
                .col(integer(Withdrawal::Version))
                .col(big_integer(Withdrawal::AtMs))
                .to_owned(),
        )
        .await?;
    manager
        .exec_stmt(
            Query::insert()
                .into_table(Scoped::Table)
                .columns(TOMBSTONE)
                .select_from(
                    Query::select()
                        .columns(TOMBSTONE)
                        .from(Withdrawal::Table)
                        // SQLite reads `ON CONFLICT` after a bare FROM as a join's `ON`.
                        .and_where(Expr::val(1).eq(1))
                        .order_by(Withdrawal::AtMs, Order::Asc)
                        .to_owned(),
                )
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .on_conflict(OnConflict::column(Withdrawal::Id).do_nothing().to_owned())
                .to_owned(),
        )
        .await?;
    manager
        .drop_table(Table::drop().table(Withdrawal::Table).to_owned())
        .await?;
    manager
        .rename_table(
            Table::rename()
                .table(Scoped::Table, Withdrawal::Table)
                .to_owned(),
        )
        .await?;
    manager
        .create_index(
            Index::create()
                .name("ix_withdrawal_at")
                .table(Withdrawal::Table)
                .col(Withdrawal::AtMs)
                .to_owned(),
        )
        .await
}

/// The tombstone's columns other than its change number.
const TOMBSTONE: [Withdrawal; 6] = [
    Withdrawal::Id,
    Withdrawal::Kind,
    Withdrawal::PersonId,
    Withdrawal::GridId,
    Withdrawal::Version,
    Withdrawal::AtMs,
];

#[derive(DeriveIden)]
enum SyncSequence {
    Table,
    /// Always 1: the one counter.
    Id,
    /// The last change number given out.
    Value,
}

#[derive(DeriveIden, Clone, Copy)]
enum Record {
    Visit,
    GridActivity,
    Training,
    MajorEvent,
    MonthlyReport,
    AnnualPlan,
    PersonId,
    GridId,
    /// The change number of the transaction that last wrote the row.
    ChangeSeq,
}

#[derive(DeriveIden, Clone, Copy)]
enum Withdrawal {
    Table,
    Id,
    Kind,
    PersonId,
    GridId,
    Version,
    AtMs,
}

/// The tombstone table while it is rebuilt.
#[derive(DeriveIden)]
enum Scoped {
    #[sea_orm(iden = "withdrawal_rebuilt")]
    Table,
}
