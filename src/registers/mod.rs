//! The registers the officer keeps beside the exports: improvement actions
//! ([`actions`], `acties.csv`) and client participation ([`participation`],
//! `participatie.csv`).

pub mod actions;
pub mod participation;
