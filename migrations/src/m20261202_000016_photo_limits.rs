//! Photo upkeep: each photo names the record that lists it (so a withdrawn record's photos
//! stop being served and the sweep can remove them), filled in for the records already
//! stored; and an index for counting a person's recent uploads against the quota.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::FromQueryResult;
use sea_orm_migration::sea_orm::prelude::Uuid;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Photo::Table)
                    .add_column(ColumnDef::new(Photo::RecordId).uuid().null())
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            (
                "ix_photo_person_received",
                [Photo::PersonId, Photo::ReceivedAtMs],
            ),
            ("ix_photo_record_person", [Photo::RecordId, Photo::PersonId]),
        ] {
            let mut index = Index::create().name(name).table(Photo::Table).to_owned();
            for column in columns {
                index.col(column);
            }
            manager.create_index(index).await?;
        }
        for table in [Record::Visit, Record::GridActivity] {
            link_listed_photos(manager, table).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in ["ix_photo_person_received", "ix_photo_record_person"] {
            manager
                .drop_index(Index::drop().name(name).table(Photo::Table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Photo::Table)
                    .drop_column(Photo::RecordId)
                    .to_owned(),
            )
            .await
    }
}

#[derive(FromQueryResult)]
struct Listing {
    id: Uuid,
    photos: String,
}

/// Gives every photo that a stored record of `table` lists that record's id.
async fn link_listed_photos(manager: &SchemaManager<'_>, table: Record) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let select = Query::select()
        .columns([Record::Id, Record::Photos])
        .from(table)
        .and_where(Expr::col(Record::Photos).ne("[]"))
        .to_owned();
    let listings = Listing::find_by_statement(db.get_database_backend().build(&select))
        .all(db)
        .await?;
    for listing in listings {
        // A JSON array of UUID strings: the quoted parts that parse as UUIDs.
        let photos: Vec<Uuid> = listing
            .photos
            .split('"')
            .filter_map(|part| Uuid::parse_str(part).ok())
            .collect();
        if photos.is_empty() {
            continue;
        }
        let update = Query::update()
            .table(Photo::Table)
            .value(Photo::RecordId, listing.id)
            .and_where(Expr::col(Photo::Id).is_in(photos))
            .to_owned();
        manager.exec_stmt(update).await?;
    }
    Ok(())
}

#[derive(DeriveIden, Clone, Copy)]
enum Photo {
    Table,
    Id,
    PersonId,
    ReceivedAtMs,
    /// The record that lists the photo; none until one does (or once it no longer does).
    RecordId,
}

#[derive(DeriveIden, Clone, Copy)]
enum Record {
    Visit,
    GridActivity,
    Id,
    /// Photo ids as a JSON array.
    Photos,
}
