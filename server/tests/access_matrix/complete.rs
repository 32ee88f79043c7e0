//! Every endpoint the server answers, to hold against the table: server functions from
//! server_fn's registry, pages from Leptos' route lists, and hand-written axum routes by
//! reading the `.route(` calls in the sources (axum cannot list a router's routes, and a
//! registry of our own would have to be threaded through six routers owned elsewhere).
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// (method, path pattern, where it was found).
pub type Endpoint = (String, String, String);

pub fn server_functions() -> Vec<Endpoint> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            (
                method.to_string(),
                path.to_owned(),
                "server function".into(),
            )
        })
        .collect()
}

pub fn pages() -> Vec<Endpoint> {
    let lists = [
        ("App", leptos_axum::generate_route_list(app::App)),
        (
            "OfficeApp",
            leptos_axum::generate_route_list(app::office::OfficeApp),
        ),
        (
            "FilingApp",
            leptos_axum::generate_route_list(app::filing::FilingApp),
        ),
        (
            "TownshipApp",
            leptos_axum::generate_route_list(app::office::TownshipApp),
        ),
    ];
    let mut found = Vec::new();
    for (app_name, list) in lists {
        for listing in list {
            for method in listing.methods() {
                let method = format!("{method:?}").to_uppercase();
                found.push((
                    method,
                    listing.path().to_owned(),
                    format!("page of {app_name}"),
                ));
            }
        }
    }
    found
}

/// The path constants routes are built from, by the source folder they are used in.
const PATH_CONSTANTS: [(&str, &str, &str); 22] = [
    ("app/src/sync/", "LOGIN_PATH", app::sync::api::LOGIN_PATH),
    ("app/src/sync/", "LOGOUT_PATH", app::sync::api::LOGOUT_PATH),
    (
        "app/src/sync/",
        "PASSWORD_PATH",
        app::sync::api::PASSWORD_PATH,
    ),
    ("app/src/sync/", "PUSH_PATH", app::sync::api::PUSH_PATH),
    ("app/src/sync/", "PULL_PATH", app::sync::api::PULL_PATH),
    (
        "app/src/duties/",
        "DUTIES_PATH",
        app::duties::api::DUTIES_PATH,
    ),
    ("app/src/photos/", "PHOTOS_PATH", app::photos::PHOTOS_PATH),
    (
        "app/src/courses/",
        "COURSES_PATH",
        app::courses::api::COURSES_PATH,
    ),
    (
        "app/src/notices/",
        "NOTICES_PATH",
        app::notices::api::NOTICES_PATH,
    ),
    (
        "app/src/notices/",
        "NOTICE_READ_PATH",
        app::notices::api::NOTICE_READ_PATH,
    ),
    (
        "app/src/township/",
        "EXPORT_PATH",
        app::township::export::EXPORT_PATH,
    ),
    (
        "app/src/assessment/",
        "PAYMENTS_PATH",
        app::assessment::api::PAYMENTS_PATH,
    ),
    (
        "app/src/assessment/",
        "MINE_PATH",
        app::assessment::api::MINE_PATH,
    ),
    ("app/src/funds/", "MINE_PATH", app::funds::api::MINE_PATH),
    (
        "app/src/kinds/score_sheets/",
        "MINE_PATH",
        app::kinds::score_sheets::api::MINE_PATH,
    ),
    (
        "app/src/evaluation/",
        "NOTICE_XLSX_PATH",
        app::evaluation::api::NOTICE_XLSX_PATH,
    ),
    (
        "app/src/evaluation/",
        "NOTICE_DOCX_PATH",
        app::evaluation::api::NOTICE_DOCX_PATH,
    ),
    (
        "app/src/evaluation/",
        "ARCHIVE_PATH",
        app::evaluation::api::ARCHIVE_PATH,
    ),
    (
        "app/src/admin/",
        "IMPORT_PATH",
        app::admin::api::IMPORT_PATH,
    ),
    (
        "app/src/admin/",
        "IMPORT_PROGRESS_PATH",
        app::admin::api::IMPORT_PROGRESS_PATH,
    ),
    (
        "app/src/admin/",
        "EXPORT_PATH",
        app::admin::api::EXPORT_PATH,
    ),
    ("app/src/admin/", "AUDIT_PATH", app::admin::api::AUDIT_PATH),
];

/// The hand-written routes, or what the scan could not read (as an error to fix here).
pub fn routes() -> Result<Vec<Endpoint>, Vec<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    let mut unread = Vec::new();
    for folder in ["app/src", "server/src"] {
        for file in rust_files(&root.join(folder)) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let name = file
                .strip_prefix(&root)
                .unwrap_or(&file)
                .display()
                .to_string();
            scan(&text, &name, &mut found, &mut unread);
        }
    }
    if unread.is_empty() {
        Ok(found)
    } else {
        Err(unread)
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

fn scan(text: &str, file: &str, found: &mut Vec<Endpoint>, unread: &mut Vec<String>) {
    let code: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    for unknown in [".nest(", ".nest_service(", ".route_service("] {
        if code.contains(unknown) {
            unread.push(format!(
                "{file}: `{unknown}` is not read by the access-matrix scan"
            ));
        }
    }
    for (at, _) in code.match_indices(".route(") {
        let args = arguments(&code[at + ".route(".len()..]);
        let [path, methods] = args.as_slice() else {
            unread.push(format!("{file}: a `.route(` call without two arguments"));
            continue;
        };
        match resolve(path, file) {
            Some(path) => {
                for method in http_methods(methods) {
                    found.push((method, path.clone(), file.to_owned()));
                }
            }
            None => unread.push(format!(
                "{file}: route path `{path}`: add its constant to PATH_CONSTANTS"
            )),
        }
    }
}

/// The top-level, comma-separated arguments of a call whose `(` has just been passed.
fn arguments(rest: &str) -> Vec<String> {
    let (mut depth, mut current, mut args, mut in_string) = (0, String::new(), Vec::new(), false);
    for c in rest.chars() {
        match c {
            '"' => in_string = !in_string,
            '(' | '[' | '{' if !in_string => depth += 1,
            ')' | ']' | '}' if !in_string && depth == 0 => break,
            ')' | ']' | '}' if !in_string => depth -= 1,
            ',' if !in_string && depth == 0 => {
                args.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        args.push(current.trim().to_owned());
    }
    args
}

/// `"/literal"`, `CONSTANT` or `&format!("{CONSTANT}/{{param}}")`.
fn resolve(expression: &str, file: &str) -> Option<String> {
    let constant = |name: &str| {
        PATH_CONSTANTS
            .iter()
            .find(|(folder, n, _)| *n == name && file.starts_with(folder))
            .map(|(_, _, value)| (*value).to_owned())
    };
    if let Some(literal) = expression.strip_prefix('"') {
        return literal.strip_suffix('"').map(str::to_owned);
    }
    if let Some(format) = expression.strip_prefix("&format!(\"") {
        let template = format.strip_suffix("\")")?;
        let mut out = template.replace("{{", "\u{1}").replace("}}", "\u{2}");
        while let Some(open) = out.find('{') {
            let close = open + out[open..].find('}')?;
            out.replace_range(open..=close, &constant(&out[open + 1..close])?);
        }
        return Some(out.replace('\u{1}', "{").replace('\u{2}', "}"));
    }
    constant(expression)
}

/// The HTTP methods a method router expression names: `put(a).get(b).layer(…)` → PUT, GET.
fn http_methods(expression: &str) -> BTreeSet<String> {
    let (mut depth, mut word, mut methods) = (0, String::new(), BTreeSet::new());
    for c in expression.chars() {
        match c {
            '(' => {
                if depth == 0 && ["get", "post", "put", "delete", "patch"].contains(&word.as_str())
                {
                    methods.insert(word.to_uppercase());
                }
                depth += 1;
                word.clear();
            }
            ')' => depth -= 1,
            c if c.is_alphanumeric() || c == '_' => word.push(c),
            _ => word.clear(),
        }
    }
    methods
}
