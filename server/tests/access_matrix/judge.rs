//! What "allowed" and "refused" look like in an answer, one judge per kind of endpoint.
use super::cell::{Target, Verdict};
use super::world::{self, Answer};
use serde_json::Value;

/// The server-rendered page with its data; refused: 401/403, or the page saying so in words.
pub fn page_data(a: &Answer, t: &Target) -> Verdict {
    let refusals = [
        app::error::AppError::Forbidden,
        app::error::AppError::Unauthenticated,
    ];
    match by_status(a, t) {
        Verdict::Allowed if refusals.iter().any(|r| a.text.contains(&r.to_string())) => {
            Verdict::Refused
        }
        verdict => verdict,
    }
}

/// 2xx allowed; 401 or 403 refused.
pub fn by_status(a: &Answer, _: &Target) -> Verdict {
    match a.status {
        200..=299 => Verdict::Allowed,
        401 | 403 => Verdict::Refused,
        s => Verdict::Unclear(format!("{s} {}", a.text)),
    }
}

/// Served on the site: any answer but 404, which refuses (the path is not there).
pub fn on_site(a: &Answer, _: &Target) -> Verdict {
    if a.status == 404 {
        Verdict::Refused
    } else {
        Verdict::Allowed
    }
}

/// Past the access check: any answer but 401/403 and 5xx (the request itself may be one the
/// server refuses in words, so that an allowed call changes nothing).
pub fn past_gate(a: &Answer, _: &Target) -> Verdict {
    match a.status {
        401 | 403 => Verdict::Refused,
        200..=499 => Verdict::Allowed,
        s => Verdict::Unclear(format!("{s} {}", a.text)),
    }
}

/// The record accepted; refused: rejected as outside the person's grids or not theirs to
/// change (or not signed in).
pub fn pushed(a: &Answer, _: &Target) -> Verdict {
    let result = &a.body["results"][0];
    let code = result["problems"][0]["code"].as_str().unwrap_or("");
    match (a.status, result["status"].as_str()) {
        (401 | 403, _) => Verdict::Refused,
        (200, Some("accepted")) => Verdict::Allowed,
        (200, Some("rejected")) if code.ends_with("not_allowed") => Verdict::Refused,
        _ => Verdict::Unclear(format!("{} {}", a.status, a.body)),
    }
}

/// Allowed when the page offers the townships to choose from.
pub fn townships_listed(a: &Answer, t: &Target) -> Verdict {
    let township = &t.world.tree.named("西岭街道").name;
    match by_status(a, t) {
        Verdict::Allowed if !a.text.contains(&format!(">{township}</option>")) => Verdict::Refused,
        verdict => verdict,
    }
}

/// Allowed when the pulled directory holds the grid.
pub fn pulled(a: &Answer, t: &Target) -> Verdict {
    listed(a, &a.body["directory"]["grids"], |g| {
        g["id"] == t.subject.id
    })
}

/// Allowed when the list of one's sessions holds the one making the request.
pub fn this_device_listed(a: &Answer, _: &Target) -> Verdict {
    listed(a, &a.body, |s| s["this_device"] == true)
}

/// Allowed when the office pages' door is open; refused when it asks the password or is not
/// the person's.
pub fn office_door(a: &Answer, _: &Target) -> Verdict {
    match (a.status, a.body.as_str()) {
        (200, _) if a.body["open"]["name"].is_string() => Verdict::Allowed,
        (200, Some("ask_password" | "not_offered")) => Verdict::Refused,
        _ => Verdict::Unclear(format!("{} {}", a.status, a.body)),
    }
}

/// Allowed when the board lists the grid's major event.
pub fn events_listed(a: &Answer, t: &Target) -> Verdict {
    listed(a, &a.body, |e| e["grid_name"] == t.subject.name.as_str())
}

pub fn listed(a: &Answer, list: &Value, find: impl Fn(&Value) -> bool) -> Verdict {
    match (a.status, list.as_array()) {
        (401 | 403, _) => Verdict::Refused,
        (200, Some(items)) if items.iter().any(find) => Verdict::Allowed,
        (200, Some(_)) => Verdict::Refused,
        _ => Verdict::Unclear(format!("{} {}", a.status, a.body)),
    }
}

pub fn fixture<'t>(t: &'t Target) -> &'t world::Fixture {
    t.world.fixture(t.subject)
}

pub fn firm(t: &Target) -> i64 {
    t.world.firms[&t.subject.id]
}
