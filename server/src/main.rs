//! `statgrid`: serves the app. Settings come from `STATGRID_*` variables and `DATABASE_URL`.
use server::settings::Settings;
use server::startup::Application;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,sea_orm=warn".into()),
        )
        .json()
        .init();
    let settings = Settings::from_env()?;
    let app = Application::build(settings).await?;
    tracing::info!(address = %app.address(), "StatGrid listening");
    app.run_until_stopped().await?;
    Ok(())
}
