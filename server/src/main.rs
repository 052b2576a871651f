//! `madoguchi` — serve the app, or manage it:
//!   madoguchi [serve] [--demo]          run the server (--demo seeds a member and a staff account
//!                                       into an empty database and prints their passwords)
//!   madoguchi create-staff --email E [--name N] [--role agent|supervisor]
//!                                       create a staff account; the password comes from
//!                                       MADOGUCHI_STAFF_PASSWORD or a prompt
//!   madoguchi check-config [--reach]    name every problem with the settings (exit 1 if any);
//!                                       --reach also connects to the database, SMTP and bucket
//!   madoguchi backup --to FILE          consistent copy of the running SQLite database, and
//!                                       FILE.files.json listing the attachments it refers to
//!   madoguchi restore --from FILE       put a backup where DATABASE_URL points (nothing there yet)
//!   madoguchi parent-reference --bind ADDR
//!                                       the reference parent site (docs/parent-api.yaml) with
//!                                       generated members, signed with MADOGUCHI_PARENT_API_KEY
use app::auth::server::{create_user_with_role, CreateUserError};
use app::auth::{Role, StaffRole};
use app::domain::{DisplayName, Email, Password};
use app::infra::{Db, Settings};
use madoguchi_server::startup::{clock_from, Application, BoxError};
use madoguchi_server::{ops, settings, telemetry};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("check-config") {
        return check_config(args.iter().any(|a| a == "--reach")).await;
    }
    let result = match settings::load() {
        Err(e) => Err(e.into()),
        Ok(settings) => match args.first().map(String::as_str) {
            None | Some("serve") | Some("--demo") => serve(settings, args.iter().any(|a| a == "--demo")).await,
            Some("create-staff") => create_staff(settings, &args[1..]).await,
            Some("backup") => backup(settings, &args[1..]).await,
            Some("restore") => restore(settings, &args[1..]).await,
            Some("parent-reference") => parent_reference(settings, &args[1..]).await,
            Some(other) => {
                Err(format!("unknown command {other:?}; see the comment at the top of server/src/main.rs").into())
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("madoguchi: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every problem at once, so an operator fixes them in one pass.
async fn check_config(reach: bool) -> ExitCode {
    let (settings, mut problems) = settings::load_all();
    problems.extend(ops::check_config::problems(&settings));
    if reach {
        problems.extend(ops::check_config::reach(&settings).await);
    }
    if problems.is_empty() {
        println!("settings OK{}", if reach { "; database, SMTP and files reached" } else { "" });
        return ExitCode::SUCCESS;
    }
    eprintln!("madoguchi check-config: {} problem(s):", problems.len());
    for problem in &problems {
        eprintln!("  - {problem}");
    }
    ExitCode::FAILURE
}

async fn backup(settings: Settings, args: &[String]) -> Result<(), BoxError> {
    let to = flag(args, "--to").ok_or("--to FILE is required")?;
    let report = ops::backup::backup(&settings, std::path::Path::new(&to)).await?;
    println!(
        "backed up {} inquiries and {} chat messages to {to} ({} bytes); {} lists {} attachment file(s){}",
        report.inquiries,
        report.chat_messages,
        report.database_bytes,
        ops::backup::manifest_path(std::path::Path::new(&to)).display(),
        report.files,
        if report.files_missing > 0 {
            format!(" ({} not in the store right now)", report.files_missing)
        } else {
            String::new()
        }
    );
    Ok(())
}

async fn restore(settings: Settings, args: &[String]) -> Result<(), BoxError> {
    let from = flag(args, "--from").ok_or("--from FILE is required")?;
    let report = ops::backup::restore(&settings, std::path::Path::new(&from)).await?;
    println!(
        "restored {} inquiries and {} chat messages ({} bytes); all {} attachment file(s) it refers to are in the store",
        report.inquiries, report.chat_messages, report.database_bytes, report.files
    );
    Ok(())
}

async fn serve(mut settings: Settings, demo: bool) -> Result<(), BoxError> {
    if demo && settings.parent_api_url.is_none() {
        // The demo shows the parent-site panels against the reference parent site, started here
        // on a loopback port with a fresh key (a real deployment points at the points site).
        let key = format!("demo-{}", random_password().repeat(3));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/", listener.local_addr()?);
        let today = settings.fake_now.as_deref().and_then(app::calendar::Moment::parse).map(|m| m.tokyo().date);
        let router = madoguchi_server::parent_reference::router(&key, today);
        tokio::spawn(async move { axum::serve(listener, router).await });
        eprintln!("--demo: reference parent site at {url} (member@example.jp is its member p-demo-0001)");
        settings.parent_api_url = Some(url);
        settings.parent_api_key = Some(key);
    }
    let app = Application::build(settings).await?;
    if demo {
        seed_demo(app.state()).await?;
    }
    tracing::info!(port = app.port(), database = %app.state().db.url.split('?').next().unwrap_or(""), "listening");
    eprintln!("Madoguchi is running at http://127.0.0.1:{}", app.port());
    app.run_until_stopped(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

async fn create_staff(settings: Settings, args: &[String]) -> Result<(), BoxError> {
    let email =
        Email::parse(&flag(args, "--email").ok_or("--email is required")?).map_err(|e| format!("email: {e:?}"))?;
    let name = flag(args, "--name").unwrap_or_else(|| "スタッフ".into());
    let name = DisplayName::parse(&name).map_err(|e| format!("name: {e:?}"))?;
    // The first supervisor comes from here; the rest are invited from /admin/staff.
    let role = match flag(args, "--role").as_deref() {
        None | Some("agent") => StaffRole::Agent,
        Some("supervisor") => StaffRole::Supervisor,
        Some(other) => return Err(format!("--role: {other} is neither agent nor supervisor").into()),
    };
    let raw = match std::env::var("MADOGUCHI_STAFF_PASSWORD") {
        Ok(p) if !p.is_empty() => p,
        _ => rpassword::prompt_password("Password for the new staff account: ")?,
    };
    let password = Password::parse(&raw).map_err(|e| format!("password: {e:?}"))?;
    let clock = clock_from(&settings)?;
    let db = Db::connect(&settings.database_url).await?;
    match create_user_with_role(&db, &email, &password, name.as_ref(), Role::Staff, Some(role), clock.now_ms()).await {
        Ok(user) => {
            println!("created staff account {} (id {}, {})", user.email, user.id, role.as_str());
            Ok(())
        }
        Err(CreateUserError::EmailTaken) => Err(format!("{email} is already registered").into()),
        Err(e @ CreateUserError::Hashing(_)) => Err(e.to_string().into()),
        Err(CreateUserError::Db(e)) => Err(e.into()),
    }
}

/// Demo accounts for a first look, only into an empty database and only when asked.
async fn seed_demo(state: &app::infra::AppState) -> Result<(), BoxError> {
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&state.db.pool).await?;
    if users > 0 {
        eprintln!("--demo: the database already has accounts; nothing seeded");
        return Ok(());
    }
    for (email, name, role) in
        [("member@example.jp", "山田 花子", Role::Member), ("staff@example.jp", "サポート 佐藤", Role::Staff)]
    {
        let password = random_password();
        let email = Email::parse(email).map_err(|e| format!("{e:?}"))?;
        let parsed = Password::parse(&password).map_err(|e| format!("{e:?}"))?;
        // The demo's staff account runs the desk, so it is a supervisor.
        let staff_role = (role == Role::Staff).then_some(StaffRole::Supervisor);
        create_user_with_role(&state.db, &email, &parsed, name, role, staff_role, state.clock.now_ms())
            .await
            .map_err(|e| e.to_string())?;
        eprintln!("--demo: {} account {email} / password {password}", role.as_str());
    }
    // The demo member came from the parent site: its clicks show beside points claims.
    sqlx::query("UPDATE users SET sso_subject = 'p-demo-0001' WHERE email = 'member@example.jp'")
        .execute(&state.db.pool)
        .await?;
    Ok(())
}

fn random_password() -> String {
    use rand_core::{OsRng, RngCore};
    let alphabet = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    (0..14).map(|_| alphabet[(OsRng.next_u32() as usize) % alphabet.len()] as char).collect()
}

/// The reference parent site, for development and the tests (`server/src/parent_reference.rs`).
async fn parent_reference(settings: Settings, args: &[String]) -> Result<(), BoxError> {
    let bind = flag(args, "--bind").unwrap_or_else(|| "127.0.0.1:3900".into());
    let key = settings.parent_api_key.ok_or("MADOGUCHI_PARENT_API_KEY is required (the key both sides sign with)")?;
    // The demo and the browser tests pin "now"; the reference judges clicks by the same day.
    let today = settings.fake_now.as_deref().and_then(app::calendar::Moment::parse).map(|m| m.tokyo().date);
    madoguchi_server::parent_reference::serve(&bind, &key, today).await
}
