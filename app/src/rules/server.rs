//! Server side of the desk rules: the supervisors' settings (`settings`), the runner with its
//! lease (`runner`) and each rule in its own file.
mod auto_assign;
mod auto_close;
mod due_alerts;
pub mod runner;
pub mod settings;
