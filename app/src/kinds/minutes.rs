//! Meeting minutes (会议纪要) as a record kind, all in one module: the phone's form (filing
//! bundle) and its line in 我的记录 (field bundle), and, on the server, its table and its
//! contract with the sync engine. Kept by their author, pulled back to the author's phone,
//! and closed with the month like every grid record.
use crate::directory::picker::{GridChoice, member_grids};
use crate::domain::minutes::{MinutesDraft, NOTES_MAX_CHARS};
use crate::domain::period::format_date;
use crate::filing::go_to_field_app;
use crate::records::{ListItem, refusal, state_class};
use crate::sync::client;
use crate::sync::editing::{Editing, RecordForm, RefusalBanner, SaveControls, SignedIn};
use crate::sync::outbox::OutboxRecord;
use crate::sync::withdraw::WithdrawButton;
use leptos::prelude::*;

/// The name this kind's records go under in a pull.
pub const PULLED_AS: &str = "minutes";

/// Minutes as the server stored them, pulled back by their author.
pub type MinutesRecord = crate::sync::pulled::StoredRecord<MinutesDraft>;

impl ListItem for MinutesDraft {
    fn item(record: OutboxRecord, minutes: Self) -> AnyView {
        let problems = refusal(&record.state);
        let edit = record
            .editable()
            .then(|| format!("/minutes/new?id={}", record.id));
        view! {
            <li class="record">
                <div class="record-head">
                    <strong>{format!("会议纪要 · {}", minutes.held_on)}</strong>
                    <span class=state_class(&record.state)>{record.label()}</span>
                </div>
                <p class="findings">{minutes.notes}</p>
                {problems.map(|p| view! { <p class="error">{p}</p> })}
                {edit.map(|href| view! { <a href=href rel="external" class="button">"修改纪要"</a> })}
                <WithdrawButton record=record.clone() />
            </li>
        }
        .into_any()
    }
}

#[component]
pub fn MinutesFormPage() -> impl IntoView {
    view! {
        <SignedIn allowed=|p| !p.activity_grids().is_empty() refusal="只有企业网格的成员可以记会议纪要。">
            <MinutesForm />
        </SignedIn>
    }
}

#[component]
fn MinutesForm() -> impl IntoView {
    let opened = Editing::from_query();
    let problems = opened.problems();
    let save = RecordForm::<MinutesDraft>::new(opened.id);
    let grids = member_grids();
    let form = RwSignal::new(
        opened
            .draft::<MinutesDraft>()
            .unwrap_or_else(|| MinutesDraft {
                grid_id: grids.first().map_or(0, |g| g.0),
                held_on: client::today().map(format_date).unwrap_or_default(),
                notes: String::new(),
            }),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.submit(form.get_untracked(), |_| go_to_field_app("/records"));
    };
    view! {
        <section class="card">
            <h1>"会议纪要"</h1>
            <RefusalBanner problems />
            <form on:submit=submit class="form" novalidate>
                <GridChoice grids chosen=Signal::derive(move || form.with(|f| f.grid_id))
                    on_choose=move |grid| form.update(|f| f.grid_id = grid)
                    error=Signal::derive(save.error_for("grid_id")) />
                <label>
                    "会议日期"
                    <input type="date" name="held_on" prop:value=move || form.with(|f| f.held_on.clone())
                        on:input=move |ev| form.update(|f| f.held_on = event_target_value(&ev)) />
                    <span class="field-error">{save.error_for("held_on")}</span>
                </label>
                <label>
                    "会议内容"
                    <textarea name="notes" rows="6" maxlength=NOTES_MAX_CHARS.to_string()
                        prop:value=move || form.with(|f| f.notes.clone())
                        on:input=move |ev| form.update(|f| f.notes = event_target_value(&ev))></textarea>
                    <span class="field-error">{save.error_for("notes")}</span>
                </label>
                <SaveControls state=save.state label="保存纪要" />
            </form>
        </section>
    }
}

#[cfg(feature = "ssr")]
pub mod ssr {
    //! The kind on the server. Its entity lives here rather than in `crate::db`, so that
    //! adding the kind touches no list of entities.
    use super::{MinutesRecord, PULLED_AS};
    use crate::domain::minutes::{MinutesDraft, ValidMinutes};
    use crate::domain::period::format_date;
    use crate::error::ServerError;
    use crate::grid_scope::{GridScope, Wording};
    use crate::month_lock;
    use crate::sync::api::Problem;
    use crate::sync::kind::{Holders, Incoming, RecordKind, stored_row};
    use crate::sync::store::wire_version;
    use sea_orm::{ActiveValue::Set, DatabaseConnection, DatabaseTransaction};

    pub mod entity {
        //! A stored meeting's minutes; its key is the UUID the phone made.
        use sea_orm::entity::prelude::*;

        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "meeting_minutes")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub id: Uuid,
            pub grid_id: i32,
            pub person_id: i32,
            pub held_on: time::Date,
            #[sea_orm(column_type = "Text")]
            pub notes: String,
            pub version: i32,
            pub device_time_ms: i64,
            pub received_at_ms: i64,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    /// Minutes name no people, so the people words are never shown.
    const WORDING: Wording = Wording {
        record: "会议纪要",
        people_field: "",
        people_code: "",
        people_label: "",
        date_field: "held_on",
    };

    pub struct Minutes;

    stored_row!(entity, received_at_ms, ReceivedAtMs);

    impl RecordKind for Minutes {
        type Draft = MinutesDraft;
        type Scope = GridScope;
        type Admitted = ValidMinutes;
        type Row = entity::Model;
        type Entity = entity::Entity;
        type Pulled = MinutesRecord;

        const NOUN: &'static str = "会议纪要";
        const PULLED_AS: &'static str = PULLED_AS;
        const HOLDERS: Holders = Holders::Author;

        fn admit(
            scope: &GridScope,
            _draft: &MinutesDraft,
            valid: ValidMinutes,
        ) -> Result<ValidMinutes, Vec<Problem>> {
            scope.admit(valid.grid_id, &[], valid.held_on, &WORDING)?;
            Ok(valid)
        }

        fn as_draft(valid: &ValidMinutes) -> MinutesDraft {
            MinutesDraft {
                grid_id: valid.grid_id,
                held_on: format_date(valid.held_on),
                notes: valid.notes.clone(),
            }
        }

        async fn stored_draft(
            _tx: &DatabaseTransaction,
            row: &entity::Model,
        ) -> Result<MinutesDraft, ServerError> {
            Ok(draft_of(row))
        }

        async fn locked(
            tx: &DatabaseTransaction,
            row: &entity::Model,
        ) -> Result<Option<Vec<Problem>>, ServerError> {
            month_lock::refusal(tx, row.grid_id, row.held_on, WORDING.date_field).await
        }

        fn row(
            new: &Incoming<'_, ValidMinutes>,
            _before: Option<&entity::Model>,
        ) -> entity::ActiveModel {
            let valid = new.admitted;
            entity::ActiveModel {
                id: Set(new.id),
                grid_id: Set(valid.grid_id),
                person_id: Set(new.person_id),
                held_on: Set(valid.held_on),
                notes: Set(valid.notes.clone()),
                version: Set(new.version),
                device_time_ms: Set(new.device_time_ms),
                received_at_ms: Set(new.at_ms),
            }
        }

        async fn pulled(
            _db: &DatabaseConnection,
            rows: Vec<entity::Model>,
        ) -> Result<Vec<MinutesRecord>, ServerError> {
            Ok(rows
                .iter()
                .map(|row| MinutesRecord {
                    id: row.id,
                    draft: draft_of(row),
                    version: wire_version(row.version),
                    received_at_ms: row.received_at_ms,
                })
                .collect())
        }
    }

    fn draft_of(row: &entity::Model) -> MinutesDraft {
        MinutesDraft {
            grid_id: row.grid_id,
            held_on: format_date(row.held_on),
            notes: row.notes.clone(),
        }
    }
}
