//! The rows of the December assessment: a level-2 unit's leader and 分管领导 score and submit
//! its own; the city bureau reads every unit's, decides on them and keeps the scheme.
use super::sf;
use crate::access_matrix::cell::{Row, Subject};
use crate::access_matrix::judge::*;
use crate::access_matrix::rule::Cap::*;
use serde_json::json;

pub(super) fn rows() -> Vec<Row> {
    vec![
        sf(
            "/api/assessment_load",
            Assess,
            Subject::Grid,
            by_status,
            |t| json!({"unit": t.subject.id, "year": t.world.this_year()}),
        ),
        // No one is assessed as subject 0: an allowed call is refused in words and changes
        // nothing.
        sf(
            "/api/assessment_mark",
            AssessOwn,
            Subject::Grid,
            past_gate,
            |t| {
                let mark = json!({"subject_id": 0, "manual": "", "remark": "", "chosen": ""});
                json!({"unit": t.subject.id, "year": t.world.this_year(), "mark": mark})
            },
        ),
        sf(
            "/api/assessment_submit",
            AssessOwn,
            Subject::Grid,
            past_gate,
            |t| json!({"unit": t.subject.id, "year": t.world.this_year() - 1}),
        ),
        // Last year's was never submitted in the fixtures: an allowed call is refused in words.
        sf(
            "/api/assessment_decide",
            Confirm,
            Subject::Grid,
            past_gate,
            |t| {
                let year = t.world.this_year() - 2;
                json!({"unit": t.subject.id, "year": year, "decision": {"decision": "confirm"}})
            },
        ),
        // Listed for anyone with office pages: the units they score, every unit for the bureau.
        sf(
            "/api/assessment_city",
            Office,
            Subject::Any,
            by_status,
            |t| json!({"year": t.world.this_year()}),
        ),
        sf(
            "/api/assessment_awards",
            Office,
            Subject::Any,
            by_status,
            |t| json!({"year": t.world.this_year()}),
        ),
        sf(
            "/api/assessment_scheme_save",
            Administer,
            Subject::Any,
            by_status,
            |t| {
                let scheme = serde_json::to_value(app::domain::assessment::Scheme::yuhuan());
                json!({"year": t.world.this_year(), "scheme": scheme.unwrap_or_default()})
            },
        ),
    ]
}
