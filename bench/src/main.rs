//! `statgrid-bench`: the server-side figures of `make bench` (sync, ingest, dashboard, import). The
//! browser and load figures come from `scripts/bench.sh`, which runs this too.
mod assessment;
mod dashboard;
mod dataset;
mod db;
mod evaluation;
mod import;
mod report;
mod sync;

use db::{Backend, Res};

fn env_i64(name: &str, default: i64) -> i64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Whether to run a section: all by default, or those named in `BENCH_ONLY` (comma-separated:
/// sync, dashboard, province, import, assessment, evaluation).
fn wanted(section: &str) -> bool {
    std::env::var("BENCH_ONLY").map_or(true, |only| only.split(',').any(|s| s.trim() == section))
}

#[tokio::main]
async fn main() -> Res<()> {
    if wanted("sync") {
        report::section("Sync (the phone's batching over HTTP, release server in process)");
        sync::run(Backend::Sqlite, &[1_000, 10_000]).await?;
        sync::run(Backend::Postgres, &[1_000, 10_000]).await?;
    }
    if wanted("dashboard") || wanted("province") {
        report::section("Dashboard");
    }
    if wanted("dashboard") {
        dashboard::township(Backend::Sqlite).await?;
        dashboard::township(Backend::Postgres).await?;
    }
    if wanted("province") {
        dashboard::province(
            env_i64("BENCH_PROVINCE_TOWNSHIPS", 1_300),
            env_i64("BENCH_PROVINCE_ENTERPRISES", 100_000),
            env_i64("BENCH_PROVINCE_VISITS", 5_000_000),
        )
        .await?;
    }
    if wanted("assessment") {
        report::section("Annual assessment");
        assessment::city(
            env_i64("BENCH_ASSESSMENT_TOWNSHIPS", 50),
            env_i64("BENCH_ASSESSMENT_MEMBERS", 5_000),
            env_i64("BENCH_ASSESSMENT_VISITS", 100_000),
        )
        .await?;
    }
    if wanted("evaluation") {
        report::section("Standardization evaluation of a province");
        let cities = env_i64("BENCH_EVALUATION_CITIES", 13) as u32;
        evaluation::province(Backend::Sqlite, cities).await?;
        evaluation::province(Backend::Postgres, cities).await?;
    }
    if wanted("import") {
        report::section("Directory import");
        // The largest file an import takes: its header and the data rows fill the row cap.
        let largest = app::directory::import::limits::MAX_ROWS as i64 - 1;
        let rows = env_i64("BENCH_IMPORT_ROWS", largest) as usize;
        import::run(Backend::Sqlite, rows).await?;
        import::run(Backend::Postgres, rows).await?;
    }

    db::drop_postgres_databases().await?;
    Ok(())
}
