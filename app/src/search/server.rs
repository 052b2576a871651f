//! Server side of search: the tokens (`tokens`), the documents written beside what they describe
//! (`index`), the one-time indexing of older rows (`backfill`) and the search itself (`query`).
pub mod backfill;
pub mod index;
pub mod query;
mod snippet;
pub mod tokens;
