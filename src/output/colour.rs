//! Whether output is coloured: decided once at start-up (`--color`, `NO_COLOR`, a terminal or
//! not) by the binary, which tells `console` (prompts) and this module (tables). Off unless
//! the binary turns it on, so that library users and tests get plain text.

use std::ffi::OsStr;
use std::sync::atomic::{AtomicBool, Ordering};

/// When to colour (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum When {
    /// When the stream is a terminal and `NO_COLOR` is unset or empty.
    #[default]
    Auto,
    /// Always, whatever the stream and `NO_COLOR`.
    Always,
    /// Never.
    Never,
}

/// Whether to colour a stream: `always` and `never` as said; `auto` on a terminal unless
/// `NO_COLOR` has a value (<https://no-color.org>: an empty value does not count).
#[must_use]
pub fn decide(when: When, no_color: Option<&OsStr>, is_terminal: bool) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto => is_terminal && no_color.is_none_or(OsStr::is_empty),
    }
}

static TABLES: AtomicBool = AtomicBool::new(false);

/// Turns colour in tables on or off (for standard output; once, at start-up).
pub fn set_tables(on: bool) {
    TABLES.store(on, Ordering::Relaxed);
}

/// Whether tables are coloured.
#[must_use]
pub fn tables() -> bool {
    TABLES.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_then_no_color_then_terminal() {
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        assert!(decide(When::Always, set, false));
        assert!(!decide(When::Never, None, true));
        assert!(decide(When::Auto, None, true));
        assert!(decide(When::Auto, empty, true));
        assert!(!decide(When::Auto, set, true));
        assert!(!decide(When::Auto, None, false));
    }
}
