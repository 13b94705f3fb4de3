//! The year's client participation on the participatieladder: one bar per step, lowest
//! step at the bottom (a ladder is climbed), its length the number of activities, with the
//! clients involved beside it. Steps with no activity are shown empty, so the chart says
//! where the network never gets to.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::{
    draw_title, fit, text, Chart, DrawResult, GRID, INK, LABEL, MUTED, SMALL, UNIT, WIDTH,
};

/// The chart's data and texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Ladder {
    pub title: String,
    pub subtitle: String,
    /// Steps lowest first: label, activities, clients involved (as shown, e.g. "42 cliënten").
    pub steps: Vec<(String, usize, String)>,
}

const ROW: i32 = 56;
const X0: i32 = 300;
const X1: i32 = WIDTH as i32 - 260;

impl Chart for Ladder {
    fn size(&self) -> (u32, u32) {
        (WIDTH, (130 + ROW * self.steps.len() as i32 + 30) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> DrawResult<DB> {
        let top = draw_title(root, &self.title, &self.subtitle)?;
        let most = self.steps.iter().map(|s| s.1).max().unwrap_or(0).max(1);
        let width = |n: usize| ((X1 - X0) as f64 * n as f64 / most as f64).round() as i32;
        // Highest step at the top.
        for (i, (label, n, clients)) in self.steps.iter().rev().enumerate() {
            let y = top + 10 + i as i32 * ROW;
            let mid = y + ROW / 2;
            root.draw(&Text::new(
                fit(label, LABEL, (X0 - 30) as u32),
                (X0 - 16, mid),
                text(LABEL, &INK, HPos::Right, VPos::Center),
            ))?;
            root.draw(&PathElement::new(
                vec![(X0, y + 4), (X0, y + ROW - 4)],
                GRID.stroke_width(2),
            ))?;
            if *n > 0 {
                root.draw(&Rectangle::new(
                    [(X0, y + 8), (X0 + width(*n), y + ROW - 8)],
                    UNIT.filled(),
                ))?;
            }
            let shown = if *n > 0 {
                format!("{n} · {clients}")
            } else {
                "0".to_string()
            };
            root.draw(&Text::new(
                shown,
                (X0 + width(*n) + 12, mid),
                text(SMALL, &MUTED, HPos::Left, VPos::Center),
            ))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_with_empty_steps() {
        let chart = Ladder {
            title: "Participatie".into(),
            subtitle: "2026".into(),
            steps: vec![
                ("informeren".into(), 0, String::new()),
                ("raadplegen".into(), 5, "177 cliënten".into()),
                ("meebeslissen".into(), 1, "15 cliënten".into()),
            ],
        };
        let out = super::super::render(&chart).unwrap();
        assert!(out.svg.contains("raadplegen") && out.svg.contains("5 · 177 cliënten"));
        assert!(out.png.starts_with(b"\x89PNG"));
    }
}
