//! Diagnostics about rule sets and locales: a stable code, a severity, a file and a byte span,
//! rendered with `file:line:col` and the source line.

use std::io::Write;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term;
use serde::Serialize;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational (not checked, drafts).
    Note,
    /// Suspicious but usable.
    Warning,
    /// The rule set cannot be used.
    Error,
}

/// Index of a file in a [`SourceMap`].
pub type FileId = usize;

/// The texts diagnostics point into.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: SimpleFiles<String, String>,
    count: usize,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<String>, text: impl Into<String>) -> FileId {
        self.count += 1;
        self.files.add(path.into(), text.into())
    }

    /// The display path of a file.
    #[must_use]
    pub fn path(&self, id: FileId) -> &str {
        self.files.get(id).map_or("", |f| f.name().as_str())
    }

    /// The text of a file.
    #[must_use]
    pub fn text(&self, id: FileId) -> &str {
        self.files.get(id).map_or("", |f| f.source().as_str())
    }

    /// 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, id: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(id);
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        (line, col)
    }
}

/// One problem found in a rule set, a locale or a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `E011` (listed in docs/rule-format.md).
    pub code: &'static str,
    /// How serious.
    pub severity: Severity,
    /// Lowercase message with user values in backticks.
    pub message: String,
    /// Where: a file and a byte range; `None` for problems without a place.
    pub at: Option<(FileId, Range<usize>)>,
    /// Short label under the caret.
    pub label: String,
    /// Further notes.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// An error at a place.
    #[must_use]
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A warning at a place.
    #[must_use]
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// A note.
    #[must_use]
    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            at: None,
            label: String::new(),
            notes: Vec::new(),
        }
    }

    /// Sets the place.
    #[must_use]
    pub fn at(mut self, file: FileId, span: Range<usize>) -> Self {
        self.at = Some((file, span));
        self
    }

    /// Sets the label under the caret.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// `path:line:col`, or the empty string when the diagnostic has no place.
    #[must_use]
    pub fn location(&self, sources: &SourceMap) -> String {
        match &self.at {
            Some((file, span)) => {
                let (line, col) = sources.line_col(*file, span.start);
                format!("{}:{line}:{col}", sources.path(*file))
            }
            None => String::new(),
        }
    }

    /// Renders the diagnostic with the source line and a caret.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn render(&self, sources: &SourceMap, out: &mut dyn Write) -> std::io::Result<()> {
        let sev = match self.severity {
            Severity::Error => cs::Severity::Error,
            Severity::Warning => cs::Severity::Warning,
            Severity::Note => cs::Severity::Note,
        };
        let mut d = cs::Diagnostic::new(sev)
            .with_code(self.code)
            .with_message(&self.message)
            .with_notes(self.notes.clone());
        if let Some((file, span)) = &self.at {
            let len = sources.text(*file).len();
            let span = span.start.min(len)..span.end.min(len).max(span.start.min(len));
            d = d.with_labels(vec![
                cs::Label::primary(*file, span).with_message(&self.label)
            ]);
        }
        let config = term::Config::default();
        term::emit_to_io_write(out, &config, &sources.files, &d).map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => std::io::Error::other(other.to_string()),
        })
    }
}

/// Counts of diagnostics by severity.
#[must_use]
pub fn count(diagnostics: &[Diagnostic]) -> (usize, usize, usize) {
    let n = |s| diagnostics.iter().filter(|d| d.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Note))
}

/// True when any diagnostic is an error.
#[must_use]
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let mut map = SourceMap::default();
        let id = map.add("a.toml", "x = 1\nй = \"q\"\n");
        assert_eq!(map.line_col(id, 0), (1, 1));
        assert_eq!(map.line_col(id, 6), (2, 1));
        // `=` after the two-byte Cyrillic letter and a space is the third character.
        assert_eq!(map.line_col(id, 9), (2, 3));
    }

    #[test]
    fn rendering_names_file_line_and_code() {
        let mut map = SourceMap::default();
        let id = map.add("rules/x/a.toml", "when = 'nobody'\n");
        let d = Diagnostic::error("E011", "unknown identifier `nobody`")
            .at(id, 8..14)
            .label("not a question, dimension or indicator");
        let mut out = Vec::new();
        d.render(&map, &mut out).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("error[E011]: unknown identifier `nobody`"),
            "{text}"
        );
        assert!(text.contains("rules/x/a.toml:1:9"), "{text}");
        assert_eq!(d.location(&map), "rules/x/a.toml:1:9");
    }
}
