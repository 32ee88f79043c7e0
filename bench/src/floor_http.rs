//! `statgrid-floor-http`: the HTTP floor of `make bench`. An axum server whose one handler
//! answers every request with an empty 200, on the same runtime as `statgrid`: the most
//! requests per second this machine serves under the load generator's settings, against which
//! StatGrid's own reads are compared.
use std::error::Error;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let addr = std::env::var("STATGRID_ADDR").unwrap_or_else(|_| "127.0.0.1:3304".into());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    let app = axum::Router::new().fallback(|| async {});
    axum::serve(listener, app).await?;
    Ok(())
}
