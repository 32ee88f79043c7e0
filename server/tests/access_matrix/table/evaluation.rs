//! The rows of standardization evaluation: the city bureau plans campaigns, draws samples,
//! assigns who scores each unit, keeps the totals, reads the notice and sends closings back;
//! the units close their rectification tasks and send their materials.
use super::sf;
use crate::access_matrix::cell::{Row, Subject};
use crate::access_matrix::judge::*;
use crate::access_matrix::rule::Cap::*;
use serde_json::json;

pub(super) fn rows() -> Vec<Row> {
    vec![
        sf(
            "/api/evaluation/campaigns",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        // The world has no divisions: an allowed call is refused in words and writes nothing.
        sf(
            "/api/evaluation/campaign_create",
            Administer,
            Subject::Any,
            past_gate,
            |t| {
                let draft = json!({"name": "回头看", "year": t.world.this_year(), "kind": "jinzhong", "root": "140700"});
                json!({"draft": draft})
            },
        ),
        sf(
            "/api/evaluation/campaign",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({"id": 0}),
        ),
        // No campaign 0: an allowed call is refused in words.
        sf(
            "/api/evaluation/campaign_draw",
            Administer,
            Subject::Any,
            past_gate,
            |_| json!({"id": 0}),
        ),
        sf(
            "/api/evaluation/campaign_totals",
            Administer,
            Subject::Any,
            past_gate,
            |_| json!({"id": 0, "totals": []}),
        ),
        // No campaign 0: an allowed call is refused in words and assigns nobody.
        sf(
            "/api/evaluation/campaign_assign",
            Administer,
            Subject::Any,
            past_gate,
            |_| json!({"id": 0, "entry": {"code": "140700", "phone": "13800000002", "role": "inspection"}}),
        ),
        sf(
            "/api/evaluation/campaign_unassign",
            Administer,
            Subject::Any,
            past_gate,
            |_| json!({"id": 0, "assignment": 0}),
        ),
        sf(
            "/api/evaluation/campaign_unit",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({"id": 0, "code": "990181100"}),
        ),
        sf(
            "/api/evaluation/campaign_notice",
            Administer,
            Subject::Any,
            by_status,
            |_| json!({"id": 0}),
        ),
        // Anyone who may use the office pages reads the tasks of the units whose
        // self-assessment they fill (none for others).
        sf(
            "/api/evaluation/rectification_mine",
            Office,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        // No campaign 0: an allowed call is refused in words and nothing is kept.
        sf(
            "/api/evaluation/rectification_close",
            Office,
            Subject::Any,
            past_gate,
            |_| json!({"entry": {"campaign_id": 0, "code": "990181100", "item": "x", "note": "已整改"}}),
        ),
        // Only the bureau sends a closing back; no campaign 0: refused in words, nothing kept.
        sf(
            "/api/evaluation/rectification_return",
            Administer,
            Subject::Any,
            past_gate,
            |_| json!({"entry": {"campaign_id": 0, "code": "990181100", "item": "x", "reason": "重新整改"}}),
        ),
        // Like rectification: the unit's own people read and send its look-back materials.
        sf(
            "/api/evaluation/materials_mine",
            Office,
            Subject::Any,
            by_status,
            |_| json!({}),
        ),
        sf(
            "/api/evaluation/materials_send",
            Office,
            Subject::Any,
            past_gate,
            |_| json!({"entry": {"campaign_id": 0, "code": "990181100", "body": {"kind": "questionnaire", "answers": []}}}),
        ),
    ]
}
