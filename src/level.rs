//! The risk level of a screening result.

use serde::{Deserialize, Serialize};

/// How serious the situation is, from `none` to `urgent`. Ordered, so levels compare.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// No indicators found.
    #[default]
    None,
    /// Some signs; keep in touch, offer information.
    Low,
    /// Strong signs; refer for assessment.
    Medium,
    /// Presumed victim; refer now.
    High,
    /// Danger now, medical emergency, or a child at risk: act at once.
    Urgent,
}

impl Level {
    /// All levels from lowest to highest.
    pub const ALL: [Level; 5] = [
        Level::None,
        Level::Low,
        Level::Medium,
        Level::High,
        Level::Urgent,
    ];

    /// The stable name used in machine-readable output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Level::None => "none",
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Urgent => "urgent",
        }
    }

    /// Parses a stable name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
