use portal_server::{Application, Config};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // JSON lines on stderr, info and above unless RUST_LOG says otherwise. Stdout carries only
    // the URL line, for people and scripts.
    tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();

    let config = Config::from_env()?;
    // `portal-server backup <file>`: a consistent copy of the running portal's database.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, to] = args.as_slice() {
        anyhow::ensure!(command == "backup", "usage: portal-server [backup <file>]");
        let bytes = portal_server::db::backup(&config.database_url, to.as_ref()).await?;
        println!("backup written to {to} ({bytes} bytes)");
        return Ok(());
    }
    anyhow::ensure!(args.is_empty(), "usage: portal-server [backup <file>]");
    let app = Application::build(config).await?;
    let addr = app.local_addr();
    tracing::info!(%addr, "listening");
    println!("IP portal running at http://{addr}/");
    app.run_until_stopped().await
}
