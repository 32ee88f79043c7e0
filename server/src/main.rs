//! `statgrid`: serves the app. Settings come from `STATGRID_*` variables and `DATABASE_URL`,
//! over the file `STATGRID_CONFIG` names (`server/src/settings.rs`).
//! `statgrid backup [DIR]` backs up the database of `DATABASE_URL` (a running server's too)
//! into DIR (`backups` by default); `statgrid restore FILE` restores a backup into the empty
//! database of `DATABASE_URL`.
use server::backup;
use server::settings::Settings;
use server::startup::Application;
use std::path::Path;
use std::process::ExitCode;

type Outcome = Result<(), Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match Settings::load() {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("statgrid: {e}");
            return ExitCode::FAILURE;
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(&settings.log_filter))
        .json()
        .init();
    warn_of_unknown_variables();
    match run(settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("statgrid: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(settings: Settings) -> Outcome {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        [] => serve(settings).await,
        ["backup"] => back_up(&settings, Path::new("backups")).await,
        ["backup", dir] => back_up(&settings, Path::new(dir)).await,
        ["restore", file] => {
            backup::restore(Path::new(file), &settings.database_url).await?;
            println!("restored {file}; the server migrates it when it starts");
            Ok(())
        }
        _ => Err("usage: statgrid | statgrid backup [DIR] | statgrid restore FILE".into()),
    }
}

async fn serve(settings: Settings) -> Outcome {
    let app = Application::build(settings).await?;
    tracing::info!(address = %app.address(), "StatGrid listening");
    app.run_until_stopped().await?;
    Ok(())
}

async fn back_up(settings: &Settings, dir: &Path) -> Outcome {
    let made =
        backup::back_up(&settings.database_url, dir, time::OffsetDateTime::now_utc()).await?;
    println!("{} ({} bytes)", made.file.display(), made.bytes);
    Ok(())
}

/// A `STATGRID_` variable that is not a setting is most likely a misspelt one: said at start.
/// (Not refused: the tests' own variables reach the servers they start.)
fn warn_of_unknown_variables() {
    for (name, _) in std::env::vars() {
        let known = server::settings::NAMES.contains(&name.as_str()) || name == "STATGRID_CONFIG";
        if name.starts_with("STATGRID_") && !known {
            tracing::warn!(variable = %name, "not a StatGrid setting: ignored");
        }
    }
}
