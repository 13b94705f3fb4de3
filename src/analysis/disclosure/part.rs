//! What one VSV contributes to its region: its shown cells' sums, its shown scores over care
//! types and its shown response counts. `prem share` writes it; a peer's file is read into it.

use crate::analysis::score::{Acc, Measure};
use crate::period::Period;

/// One VSV's publishable contribution to its region: the sums of its shown cells at VSV
/// level (per care type, or whole for a source without care types), its shown scores over
/// care types (n and covers), and its shown response counts. A region is the sum of its
/// VSVs' parts and nothing else (rule R, spec §10), so a VSV's published numbers depend on
/// its own data only, and a peer's part read from its shared file counts exactly as if its
/// rows had been pooled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Part {
    /// The VSV (id in [`crate::ingest::Canonical::names`]).
    pub vsv: u32,
    /// Shown cells at VSV level.
    pub cells: Vec<PartCell>,
    /// Shown scores over care types.
    pub units: Vec<PartUnit>,
    /// Shown response counts: (period, source, distinct respondents).
    pub responses: Vec<(Period, u16, u64)>,
}

/// A shown VSV-level cell of a [`Part`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartCell {
    pub period: Period,
    /// None for a source without care types.
    pub care_type: Option<u32>,
    pub measure: Measure,
    pub sums: Acc,
}

/// A shown VSV score over care types of a [`Part`].
#[derive(Debug, Clone, PartialEq)]
pub struct PartUnit {
    pub period: Period,
    pub measure: Measure,
    /// Distinct respondents who answered for at least one covered care type.
    pub n: u64,
    /// The care types it averages: the part's shown care-type cells of this measure.
    pub covers: Vec<u32>,
}
