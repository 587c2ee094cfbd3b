//! Kleene's three-valued logic.

use serde::Serialize;

/// A truth value that may be unknown. Ordered `False < Unknown < True`, so `and` is `min` and
/// `or` is `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    /// Definitely false whatever the unknown answers turn out to be. (The values 0, 1, 2 are
    /// relied on by arithmetic in the engine.)
    False = 0,
    /// Depends on answers that are not known.
    #[default]
    Unknown = 1,
    /// Definitely true whatever the unknown answers turn out to be.
    True = 2,
}

impl std::ops::Not for Tri {
    type Output = Tri;

    /// Kleene negation.
    fn not(self) -> Tri {
        match self {
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
            Tri::True => Tri::False,
        }
    }
}

impl Tri {
    /// Kleene conjunction.
    #[must_use]
    pub fn and(self, other: Tri) -> Tri {
        self.min(other)
    }

    /// Kleene disjunction.
    #[must_use]
    pub fn or(self, other: Tri) -> Tri {
        self.max(other)
    }

    /// A known boolean.
    #[must_use]
    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }

    /// The stable name used in machine-readable output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Tri::False => "false",
            Tri::Unknown => "unknown",
            Tri::True => "true",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tri::{self, False, True, Unknown};

    #[test]
    fn kleene_tables() {
        let all = [False, Unknown, True];
        for a in all {
            for b in all {
                let and = a.and(b);
                let or = a.or(b);
                if a == False || b == False {
                    assert_eq!(and, False);
                }
                if a == True || b == True {
                    assert_eq!(or, True);
                }
                assert_eq!(!a.and(b), (!a).or(!b), "de Morgan");
            }
        }
        assert_eq!(!Unknown, Unknown);
        assert_eq!(Tri::from_bool(true), True);
    }
}
