//! List numbering: one bullet and one ordered scheme, nine levels deep.

use docx_rs::{
    AbstractNumbering, Level, LevelJc, LevelText, NumberFormat, SpecialIndentType, Start,
};

// docx-rs always writes its own abstract numbering 1 and numbering 1: ours start at 2.
pub(super) const BULLET_ABSTRACT: usize = 2;
pub(super) const ORDERED_ABSTRACT: usize = 3;
pub(super) const BULLET_NUMBERING: usize = 2;
/// Nesting depth Word numbering supports (levels 0–8).
pub(super) const MAX_LEVEL: usize = 8;
/// Left indent per list level and the hanging indent of the marker, in twips.
pub(super) const LIST_INDENT: i32 = 425;
const LIST_HANGING: i32 = 283;

pub(super) fn bullet_numbering() -> AbstractNumbering {
    let mut n = AbstractNumbering::new(BULLET_ABSTRACT);
    for level in 0..=MAX_LEVEL {
        let marker = ["•", "◦", "▪"][level % 3];
        n = n.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(marker),
                LevelJc::new("left"),
            )
            .indent(
                Some(LIST_INDENT * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(LIST_HANGING)),
                None,
                None,
            ),
        );
    }
    n
}

pub(super) fn ordered_numbering() -> AbstractNumbering {
    let mut n = AbstractNumbering::new(ORDERED_ABSTRACT);
    for level in 0..=MAX_LEVEL {
        let format = ["decimal", "lowerLetter", "lowerRoman"][level % 3];
        n = n.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(format!("%{}.", level + 1)),
                LevelJc::new("left"),
            )
            .indent(
                Some(LIST_INDENT * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(LIST_HANGING)),
                None,
                None,
            ),
        );
    }
    n
}
