#![allow(clippy::unwrap_used)]
use super::*;

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(*name, HeaderValue::from_str(value).unwrap());
    }
    map
}

#[test]
fn over_plain_http_the_cookies_have_plain_names() {
    let request = SessionRequest::new(
        &headers(&[(
            "cookie",
            "statgrid_session=f1; statgrid_office=o1; __Host-statgrid_session=x",
        )]),
        false,
    );
    assert!(!request.secure);
    assert_eq!(request.tokens(Need::Any).collect::<Vec<_>>(), ["f1", "o1"]);
    let set = cookie(SessionKind::Field, "t", false).unwrap();
    assert!(
        set.to_str()
            .unwrap()
            .starts_with("statgrid_session=t; Path=/; HttpOnly")
    );
    assert!(!set.to_str().unwrap().contains("Secure"));
}

#[test]
fn behind_a_tls_proxy_only_host_prefixed_cookies_count() {
    let request = SessionRequest::new(
        &headers(&[
            ("x-forwarded-proto", "https"),
            (
                "cookie",
                "statgrid_session=planted; __Host-statgrid_session=f1",
            ),
        ]),
        false,
    );
    assert!(request.secure);
    assert_eq!(request.tokens(Need::Any).collect::<Vec<_>>(), ["f1"]);
    let set = cookie(SessionKind::Office, "t", true).unwrap();
    let set = set.to_str().unwrap();
    assert!(set.starts_with("__Host-statgrid_office=t; Path=/;"));
    assert!(set.ends_with("; Secure"));
}

#[test]
fn the_setting_or_a_forwarded_header_means_tls() {
    assert!(SessionRequest::new(&HeaderMap::new(), true).secure);
    assert!(
        SessionRequest::new(&headers(&[("forwarded", "for=1.2.3.4;proto=https")]), false).secure
    );
    assert!(!SessionRequest::new(&headers(&[("x-forwarded-proto", "http")]), false).secure);
}

#[test]
fn office_routes_take_no_phone_cookie() {
    let request = SessionRequest::new(
        &headers(&[
            ("authorization", "Bearer b1"),
            ("cookie", "statgrid_session=f1; statgrid_office=o1"),
        ]),
        false,
    );
    assert_eq!(
        request.tokens(Need::Office).collect::<Vec<_>>(),
        ["b1", "o1"]
    );
    assert_eq!(Need::of_path("/api/v1/admin/import"), Need::Office);
    assert_eq!(
        Need::of_path("/api/v1/township/export/visits.csv"),
        Need::Office
    );
    assert_eq!(Need::of_path("/api/v1/sync/pull"), Need::Any);
    assert_eq!(Need::of_path("/api/v1/photos/abc"), Need::Any);
}

#[test]
fn the_device_is_named_from_the_user_agent() {
    let request = SessionRequest::new(
        &headers(&[(
            "user-agent",
            "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
        )]),
        false,
    );
    assert_eq!(request.device, "Android · Chrome");
}

#[test]
fn a_kept_session_statement_is_sea_query_s_with_each_request_s_own_token() {
    use crate::sync::latest::Head;
    for backend in [DbBackend::Postgres, DbBackend::Sqlite] {
        for hash in ["first", "second"] {
            let built = session::Entity::find_by_id(hash.to_owned())
                .find_also_related(person::Entity)
                .build(backend);
            assert_eq!(session_statement::<()>(backend, hash.to_owned()), built);
            let with_head = session_statement::<Head>(backend, hash.to_owned());
            assert!(
                with_head.sql.contains("head_directory"),
                "{}",
                with_head.sql
            );
            assert_eq!(with_head.values, built.values);
        }
    }
}
