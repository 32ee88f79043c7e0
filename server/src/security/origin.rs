//! Which requests may change something: those a page of this site sent. A browser names the
//! page's origin (`Origin`, or at least `Sec-Fetch-Site`) on every such request; a request
//! naming neither comes from a program (the phone app's sync with a Bearer token, curl), and is
//! let through only without cookies, since a session cookie is what another site could
//! borrow.
use app::error::AppError;
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};

/// The body limit server functions read under (axum's default).
pub const SERVER_FN_BODY_LIMIT: u64 = 2 * 1024 * 1024;

/// Whether the request may run: reading is always allowed; a change must come from the site,
/// and a server function takes JSON (the codec every StatGrid server function declares) of
/// at most [`SERVER_FN_BODY_LIMIT`] bytes.
pub fn check(
    request: &Request,
    public_origin: Option<&str>,
    server_fn: bool,
) -> Result<(), AppError> {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return Ok(());
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| a.as_str()));
    from_the_site(request.headers(), host, public_origin)?;
    if server_fn {
        json_of_bounded_size(request.headers())?;
    }
    Ok(())
}

/// Whether the headers show a request sent by this site's pages (or by no browser at all,
/// without cookies).
pub fn from_the_site(
    headers: &HeaderMap,
    host: Option<&str>,
    public_origin: Option<&str>,
) -> Result<(), AppError> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let allowed = match (text("origin"), text("sec-fetch-site")) {
        (Some(origin), _) => match public_origin {
            Some(public) => origin.eq_ignore_ascii_case(public.trim_end_matches('/')),
            None => origin.split_once("://").is_some_and(|(scheme, authority)| {
                matches!(scheme, "http" | "https")
                    && host.is_some_and(|h| authority.eq_ignore_ascii_case(h))
            }),
        },
        (None, Some(site)) => matches!(site, "same-origin" | "none"),
        (None, None) => !headers.contains_key(header::COOKIE),
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::CrossSite)
    }
}

fn json_of_bounded_size(headers: &HeaderMap) -> Result<(), AppError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(AppError::UnsupportedMediaType);
    }
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if length.is_some_and(|n| n > SERVER_FN_BODY_LIMIT) {
        return Err(AppError::TooLarge);
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_static(value));
        }
        map
    }

    const HOST: Option<&str> = Some("127.0.0.1:3000");

    #[test]
    fn a_page_of_the_site_may_change_things_and_another_sites_may_not() {
        let ok = |pairs, public| from_the_site(&headers(pairs), HOST, public).is_ok();
        assert!(ok(&[("origin", "http://127.0.0.1:3000")], None));
        assert!(
            ok(&[("origin", "https://127.0.0.1:3000")], None),
            "TLS at a proxy"
        );
        assert!(!ok(&[("origin", "http://evil.example")], None));
        assert!(!ok(&[("origin", "null")], None));
        assert!(!ok(
            &[("origin", "http://127.0.0.1:3000.evil.example")],
            None
        ));
        let public = Some("https://statgrid.example.cn/");
        assert!(ok(&[("origin", "https://statgrid.example.cn")], public));
        assert!(!ok(&[("origin", "http://127.0.0.1:3000")], public));
        assert!(ok(&[("sec-fetch-site", "same-origin")], None));
        assert!(ok(&[("sec-fetch-site", "none")], None));
        assert!(!ok(&[("sec-fetch-site", "cross-site")], None));
        assert!(!ok(&[("sec-fetch-site", "same-site")], None));
    }

    #[test]
    fn a_program_may_change_things_only_without_a_cookie() {
        assert!(from_the_site(&headers(&[]), HOST, None).is_ok());
        let bearer = headers(&[("authorization", "Bearer abc")]);
        assert!(from_the_site(&bearer, HOST, None).is_ok());
        let cookie = headers(&[("cookie", "statgrid_session=abc")]);
        assert_eq!(from_the_site(&cookie, HOST, None), Err(AppError::CrossSite));
    }

    #[test]
    fn server_functions_read_json_only() {
        let json = headers(&[("content-type", "Application/JSON; charset=utf-8")]);
        assert!(json_of_bounded_size(&json).is_ok());
        for other in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ] {
            let sent = headers(&[("content-type", other)]);
            assert_eq!(
                json_of_bounded_size(&sent),
                Err(AppError::UnsupportedMediaType)
            );
        }
        assert_eq!(
            json_of_bounded_size(&headers(&[])),
            Err(AppError::UnsupportedMediaType)
        );
        let huge = headers(&[
            ("content-type", "application/json"),
            ("content-length", "2097153"),
        ]);
        assert_eq!(json_of_bounded_size(&huge), Err(AppError::TooLarge));
    }
}
