//! Tables for the screen (comfy-table 8: styles are loaded with `load_style`).

use comfy_table::{presets, ContentArrangement, Table};

/// A table in the house style: thin Unicode borders, wrapped to `width` when given. Colour and
/// terminal detection are off, so the output is the same on a terminal, in a pipe and in tests.
#[must_use]
pub fn new_table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.force_no_tty();
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
