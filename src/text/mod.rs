//! Free text and answer words: which way an answer points ([`polarity`]) and what a
//! client's text may disclose that a person must read first ([`safeguarding`]).

pub mod polarity;
pub mod safeguarding;
