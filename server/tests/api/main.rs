//! Integration tests: the real server on a random port, over HTTP, against SQLite by default or
//! PostgreSQL when `MADOGUCHI_TEST_POSTGRES` names a server (the test command runs both).
mod account;
mod account_mail;
mod admin;
mod auth;
mod chat;
mod chat_limits;
mod chat_restart;
mod chat_support;
mod contact;
mod faq;
mod helpers;
mod holes;
mod hostile;
mod ideas;
mod inbox;
mod limits;
mod matrix;
mod reset;
mod security;
mod site;
mod smtp;
mod sso;
mod survey;
mod two_factor;
mod withdrawal;
mod ws;
