//! Render: scored cells → files (tables, data-quality report, manifest, agendas).
//! Everything here returns bytes or text; only the CLI writes them.

pub mod agenda;
pub mod chapter;
pub mod charts;
pub mod comments;
pub mod diagnostic;
pub mod docx;
pub mod figures;
pub mod heard;
pub mod html;
pub mod index;
pub mod labels;
pub mod markdown;
pub mod points;
pub mod quality;
pub mod tables;

/// A document of the report before its formats are written: the Markdown, and what the
/// HTML and Word versions need besides it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The title, as plain text.
    pub title: String,
    /// The text.
    pub markdown: String,
    /// The charts it shows, relative to its folder and without extension
    /// (`charts/theme-scores`, `../regio/charts/heatmap`).
    pub charts: Vec<String>,
}
