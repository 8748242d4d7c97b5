//! Small pure scanners, one per grammar rule, each with its unit tests.
//!
//! They are written with nom's `complete` parsers and never fail loudly: a
//! scanner that does not match returns `None` (or a nom error), and the caller
//! treats the line as plain text.

pub(crate) mod boilerplate;
pub(crate) mod code;
pub(crate) mod date;
pub(crate) mod formula;
pub(crate) mod markers;
pub(crate) mod metadata;
pub(crate) mod phrases;
pub(crate) mod quotes;
