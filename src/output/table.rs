//! Tables for the screen (comfy-table 8: styles are loaded with `load_style`).

use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

use crate::level::Level;

/// A table in the house style: thin Unicode borders, wrapped to `width` when given. Terminal
/// detection is off, so the layout is the same on a terminal, in a pipe and in tests; colour
/// follows the one decision made at start-up ([`super::colour::tables`], off by default).
#[must_use]
pub fn new_table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.force_no_tty();
    if super::colour::tables() {
        t.enforce_styling();
    }
    match width {
        Some(w) => {
            t.set_width(w);
            t.set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            t.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    t
}

/// Header cells in bold (shown only when tables are coloured).
#[must_use]
pub fn header(titles: Vec<String>) -> Vec<Cell> {
    titles
        .into_iter()
        .map(|t| Cell::new(t).add_attribute(Attribute::Bold))
        .collect()
}

/// A cell in the colour of a level (shown only when tables are coloured): red for urgent and
/// high, yellow for medium; none below, so that "no indicators" does not look like an all-clear.
#[must_use]
pub fn level_cell(text: String, level: Level) -> Cell {
    let cell = Cell::new(text);
    match level {
        Level::Urgent => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        Level::High => cell.fg(Color::Red),
        Level::Medium => cell.fg(Color::Yellow),
        Level::Low | Level::None => cell,
    }
}
