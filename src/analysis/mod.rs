//! From canonical tables to what may be published: scores and their uncertainty
//! ([`score`]), disclosure control ([`disclosure`], minding what earlier releases published:
//! [`ledger`]), comparison and standardisation ([`compare`], [`standard`], [`benchmark`]),
//! changes over periods ([`trend`]), improvement points ([`flags`]), free text
//! ([`comments`], [`moderation`]), other VSVs' shared aggregates ([`share`], [`peer`]) and
//! the year ([`year`]).

pub mod analyse;
pub mod benchmark;
pub mod comments;
pub mod compare;
pub mod direction;
pub mod disclosure;
pub mod flag_quotes;
pub mod flags;
pub mod follow_up;
pub mod ledger;
pub mod moderation;
pub mod peer;
pub mod score;
pub mod share;
pub mod standard;
pub mod trend;
pub mod year;
