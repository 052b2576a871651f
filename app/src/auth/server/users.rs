use super::hashing;
use crate::auth::{Role, StaffRole, UserView};
use crate::domain::{Email, Password};
use crate::error::AppError;
use crate::infra::Db;
use sqlx::Row;

/// The columns `view_from_row` reads.
pub const USER_COLUMNS: &str = "id, email, display_name, role, staff_role, email_verified_at, totp_confirmed_at";

/// A stored account. Deliberately not `Serialize`: the hash stays on the server.
pub struct UserRecord {
    pub view: UserView,
    pub password_hash: String,
    /// A deactivated staff account: it cannot log in.
    pub deactivated: bool,
}

#[derive(Debug)]
pub enum CreateUserError {
    EmailTaken,
    /// The password could not be hashed (busy, or the hashing task failed).
    Hashing(AppError),
    Db(sqlx::Error),
}

impl std::fmt::Display for CreateUserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateUserError::EmailTaken => f.write_str("email already registered"),
            CreateUserError::Hashing(e) => write!(f, "password hashing: {e}"),
            CreateUserError::Db(e) => write!(f, "database: {e}"),
        }
    }
}

pub(crate) fn view_from_row(row: &sqlx::any::AnyRow) -> Result<UserView, sqlx::Error> {
    let role: String = row.try_get("role")?;
    let staff_role: Option<String> = row.try_get("staff_role")?;
    Ok(UserView {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        role: Role::parse(&role).unwrap_or(Role::Member),
        staff_role: staff_role.as_deref().and_then(StaffRole::parse),
        email_verified: row.try_get::<Option<i64>, _>("email_verified_at")?.is_some(),
        two_factor: row.try_get::<Option<i64>, _>("totp_confirmed_at")?.is_some(),
        // Filled in by `sessions`/`login`, which know the setting.
        two_factor_due: false,
        unread_replies: 0,
        mail_refused_from: None,
    })
}

/// An account made by an operator (the command line, the demo seed): its address counts as
/// verified. Members who sign up themselves go through `register` and verify by mail.
pub async fn create_user(
    db: &Db,
    email: &Email,
    password: &Password,
    display_name: &str,
    role: Role,
    now_ms: i64,
) -> Result<UserView, CreateUserError> {
    // Staff made by an operator get a role (the command line's --role; agent unless asked).
    let staff_role = (role == Role::Staff).then_some(StaffRole::Agent);
    create_user_with_role(db, email, password, display_name, role, staff_role, now_ms).await
}

/// `create_user` with the staff role chosen (`None` for members).
pub async fn create_user_with_role(
    db: &Db,
    email: &Email,
    password: &Password,
    display_name: &str,
    role: Role,
    staff_role: Option<StaffRole>,
    now_ms: i64,
) -> Result<UserView, CreateUserError> {
    let hash = hashing::hash(password.expose().to_owned()).await.map_err(CreateUserError::Hashing)?;
    let row = sqlx::query(&format!(
        "INSERT INTO users (email, password_hash, display_name, role, staff_role, created_at, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING {USER_COLUMNS}"
    ))
    .bind(email.as_ref())
    .bind(hash)
    .bind(display_name)
    .bind(role.as_str())
    .bind(staff_role.map(StaffRole::as_str))
    .bind(now_ms)
    .fetch_one(&db.pool)
    .await
    .map_err(|e| match e.as_database_error() {
        Some(db_err) if db_err.is_unique_violation() => CreateUserError::EmailTaken,
        _ => CreateUserError::Db(e),
    })?;
    view_from_row(&row).map_err(CreateUserError::Db)
}

pub async fn find_by_id(db: &Db, id: i64) -> Result<Option<UserView>, AppError> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(match row {
        Some(row) => Some(view_from_row(&row)?),
        None => None,
    })
}

pub async fn find_by_email(db: &Db, email: &str) -> Result<Option<UserRecord>, AppError> {
    let row = sqlx::query(&format!("SELECT {USER_COLUMNS}, password_hash, deactivated_at FROM users WHERE email = $1"))
        .bind(email)
        .fetch_optional(&db.pool)
        .await?;
    Ok(match row {
        Some(row) => Some(UserRecord {
            view: view_from_row(&row)?,
            password_hash: row.try_get("password_hash")?,
            deactivated: row.try_get::<Option<i64>, _>("deactivated_at")?.is_some(),
        }),
        None => None,
    })
}

/// The language the member reads our mails in.
pub async fn mail_lang<'c, E>(executor: E, id: i64) -> Result<crate::i18n::Lang, AppError>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let row: Option<(String,)> =
        sqlx::query_as("SELECT mail_lang FROM users WHERE id = $1").bind(id).fetch_optional(executor).await?;
    Ok(row.and_then(|(code,)| crate::i18n::Lang::from_code(&code)).unwrap_or_default())
}
