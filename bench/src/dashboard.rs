//! The township dashboard's queries, timed as a request does them: resolve the viewer from the
//! session, then read the month through the server's read pool: the township overview (visits,
//! coverage) and the review board of monthly reports (reports, the cadence over six months, the
//! month's visits). Like a server, the timing keeps the grids it read (`GridCache`): the login
//! before the runs read them, and each run checks the directory version.
use crate::dataset::{self, CITY_PHONE, LEADER_PHONE, PASSWORD, YEAR};
use crate::db::{Backend, Res, Started, fresh, start};
use crate::report::{Goal, figure, median_p99};
use app::auth::api::Credentials;
use app::auth::grids::GridCache;
use app::auth::session::{Need, SessionRequest};
use app::auth::ssr::{Viewer, login};
use app::reports::ssr::review::board;
use app::state::Clock;
use app::township::api::OverviewQuery;
use app::township::ssr::overview;
use sea_orm::DatabaseConnection;
use std::time::Instant;

/// A bearer office session of the leader with `phone`.
async fn leader_session(
    db: &DatabaseConnection,
    grids: &GridCache,
    phone: &str,
) -> Res<SessionRequest> {
    let (answer, _) = login(
        db,
        Clock::system(),
        grids,
        &Credentials {
            phone: phone.into(),
            password: PASSWORD.into(),
            office: true,
        },
        std::net::Ipv4Addr::LOCALHOST.into(),
        &SessionRequest::default(),
    )
    .await?;
    Ok(SessionRequest::bearer(&answer.token))
}

async fn time_overview(server: &Started, runs: usize) -> Res<(f64, f64, usize)> {
    let Started { db, reads, .. } = server;
    let grids = GridCache::default();
    let headers = leader_session(db, &grids, LEADER_PHONE).await?;
    let query = OverviewQuery {
        scope: None,
        month: Some(format!("{YEAR}-12")),
    };
    let mut samples = Vec::with_capacity(runs);
    let mut visits = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let viewer = Viewer::resolve(db, &grids, Clock::system(), &headers, Need::Office).await?;
        let result = overview(reads, &viewer, query.clone()).await?;
        samples.push(started.elapsed());
        visits = result.grids.iter().map(|g| g.visits).sum();
    }
    let (median, p99) = median_p99(&mut samples);
    Ok((median, p99, visits))
}

/// The review board of December as the leader with `phone` sees it: (median ms, p99 ms,
/// reports shown, townships compared).
async fn time_board(server: &Started, phone: &str, runs: usize) -> Res<(f64, f64, usize, usize)> {
    let Started { db, reads, .. } = server;
    let grids = GridCache::default();
    let headers = leader_session(db, &grids, phone).await?;
    let mut samples = Vec::with_capacity(runs);
    let (mut reports, mut townships) = (0, 0);
    for _ in 0..runs {
        let started = Instant::now();
        let viewer = Viewer::resolve(db, &grids, Clock::system(), &headers, Need::Office).await?;
        let result = board(reads, &viewer, None, Some(format!("{YEAR}-12"))).await?;
        samples.push(started.elapsed());
        reports = result.rows.iter().filter(|r| r.report.is_some()).count();
        townships = result.city.len();
    }
    let (median, p99) = median_p99(&mut samples);
    Ok((median, p99, reports, townships))
}

pub async fn township(backend: Backend) -> Res<()> {
    let server = start(fresh(backend, "town").await?, false).await?;
    let started = Instant::now();
    dataset::township(&server.db, 100, 20, 2).await?;
    let made = started.elapsed().as_secs_f64();
    let (median, p99, visits) = time_overview(&server, 100).await?;
    let (board_median, board_p99, reports, _) = time_board(&server, LEADER_PHONE, 100).await?;
    let name = backend.name();
    figure(
        &format!("township dataset 100×20×12 months ({name}): generated in"),
        made,
        "s",
        Goal::Info,
    );
    figure(
        &format!("dashboard, township of 100 grids ({name}): median"),
        median,
        "ms",
        Goal::Info,
    );
    figure(
        &format!("dashboard, township of 100 grids ({name}): p99"),
        p99,
        "ms",
        Goal::AtMost(20.0),
    );
    figure(
        &format!("  (visits in the month counted: {visits})"),
        visits as f64,
        "",
        Goal::Info,
    );
    figure(
        &format!("report review board, 100 grids × 6 months ({name}): median"),
        board_median,
        "ms",
        Goal::Info,
    );
    figure(
        &format!("report review board, 100 grids × 6 months ({name}): p99"),
        board_p99,
        "ms",
        Goal::AtMost(20.0),
    );
    figure(
        &format!("  (reports in the month shown: {reports})"),
        reports as f64,
        "",
        Goal::Info,
    );
    Ok(())
}

pub async fn province(townships: i64, enterprises: i64, visits: i64) -> Res<()> {
    let server = start(fresh(Backend::Postgres, "province").await?, false).await?;
    let started = Instant::now();
    dataset::province(&server.db, townships, enterprises, visits).await?;
    let made = started.elapsed().as_secs_f64();
    let (median, p99, shown) = time_overview(&server, 50).await?;
    let (city_median, city_p99, _, compared) = time_board(&server, CITY_PHONE, 20).await?;
    let scale = format!("{townships} townships, {enterprises} enterprises, {visits} visits");
    figure(
        &format!("province dataset ({scale}): generated in"),
        made,
        "s",
        Goal::Info,
    );
    figure(
        "dashboard, one township of the province (PostgreSQL): median",
        median,
        "ms",
        Goal::Info,
    );
    figure(
        "dashboard, one township of the province (PostgreSQL): p99",
        p99,
        "ms",
        Goal::AtMost(200.0),
    );
    figure(
        "  (visits in the month shown)",
        shown as f64,
        "",
        Goal::Info,
    );
    figure(
        "city comparison of the province, review board (PostgreSQL): median",
        city_median,
        "ms",
        Goal::Info,
    );
    figure(
        "city comparison of the province, review board (PostgreSQL): p99",
        city_p99,
        "ms",
        Goal::AtMost(100.0),
    );
    figure("  (townships compared)", compared as f64, "", Goal::Info);
    Ok(())
}
