//! Render: scored cells → files (tables, data-quality report, manifest, agendas).
//! Everything here returns bytes or text; only the CLI writes them.

pub mod agenda;
pub mod charts;
pub mod docx;
pub mod figures;
pub mod html;
pub mod manifest;
pub mod markdown;
pub mod points;
pub mod quality;
pub mod tables;
