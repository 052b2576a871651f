//! Madoguchi (窓口): the member support center of a points site.
//!
//! One crate serves both sides: with `csr` it is the browser app (mounted by `frontend/`), with
//! `ssr` it also carries the server functions' bodies and the server-only helpers (`infra`).
//! Each feature lives in its own folder: pages, `api.rs` (server functions) and, fenced behind
//! `ssr`, its storage code.
#![recursion_limit = "256"]

pub mod account;
pub mod admin;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod category_editor;
pub mod chat;
pub mod contact;
pub mod corner;
pub mod desk;
pub mod domain;
pub mod error;
pub mod faq;
pub mod files;
pub mod i18n;
pub mod ideas;
pub mod incidents;
#[cfg(feature = "ssr")]
pub mod infra;
pub mod insights;
pub mod live;
pub mod mail;
pub mod members;
pub mod parent;
pub mod rules;
pub mod search;
pub mod shell;
pub mod survey;
pub mod team;
pub mod webhooks;

pub use shell::{
    AccountApp, Area, ChatApp, ChatHistoryApp, ContactApp, HelpApp, HistoryApp, HomeApp, IdeasApp, StaffAdminApp,
    StaffApp, StaffChatApp, StaffContentApp, StaffFiguresApp, StaffInquiryApp, StaffRecordsApp,
};
