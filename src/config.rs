//! The organisation's settings file: `$TIPSCREEN_CONFIG`, else `tipscreen/config.toml` in the
//! user's config folder (`~/.config/tipscreen/config.toml` on Linux).
//!
//! ```toml
//! [sessions]
//! encrypt = "always"   # or "optional" (the default): `screen --encrypt` opts in
//! ```
//!
//! A file that cannot be read or has an unknown key is an error, never ignored: a typo must
//! not turn mandatory encryption off.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Errors about the settings file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read the settings file `{path}`: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid.
    #[error("the settings file `{path}` is not valid: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong, with the line.
        message: String,
    },
}

/// The settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Saved interviews.
    #[serde(default)]
    pub sessions: SessionsConfig,
}

/// `[sessions]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionsConfig {
    /// Whether saved interviews and reports must be encrypted.
    #[serde(default)]
    pub encrypt: EncryptPolicy,
}

/// `encrypt = "optional" | "always"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EncryptPolicy {
    /// Encrypted with `screen --encrypt`.
    #[default]
    Optional,
    /// Always encrypted; nothing is stored without it.
    Always,
}

/// The settings and the file they came from (`None`: no file, the defaults).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The settings.
    pub config: Config,
    /// The file read.
    pub path: Option<PathBuf>,
}

/// The file to read: `$TIPSCREEN_CONFIG` (which must then exist), else the one in the user's
/// config folder (only if it exists). The flag says whether the file must exist.
#[must_use]
pub fn location() -> Option<(PathBuf, bool)> {
    if let Some(p) = std::env::var_os("TIPSCREEN_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    dirs::config_dir().map(|d| (d.join("tipscreen").join("config.toml"), false))
}

/// Reads the settings from [`location`].
///
/// # Errors
/// When `$TIPSCREEN_CONFIG` names a missing file, or the file is unreadable or invalid.
pub fn load() -> Result<Loaded, ConfigError> {
    let Some((path, required)) = location() else {
        return Ok(Loaded::default());
    };
    if !required && !path.exists() {
        return Ok(Loaded::default());
    }
    Ok(Loaded {
        config: load_from(&path)?,
        path: Some(path),
    })
}

/// Reads the settings from one file.
///
/// # Errors
/// When the file is unreadable or invalid.
pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&text).map_err(|message| ConfigError::Invalid {
        path: path.display().to_string(),
        message,
    })
}

fn parse(text: &str) -> Result<Config, String> {
    toml::from_str(text).map_err(|e| {
        let msg = e.message().to_owned();
        match e.span() {
            Some(span) => {
                let line = text
                    .get(..span.start)
                    .map_or(0, |s| s.matches('\n').count())
                    + 1;
                format!("line {line}: {msg}")
            }
            None => msg,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_is_read_and_mistakes_are_errors() {
        assert_eq!(parse("").expect("empty"), Config::default());
        assert_eq!(
            parse("[sessions]\nencrypt = \"always\"\n")
                .expect("valid")
                .sessions
                .encrypt,
            EncryptPolicy::Always
        );
        assert_eq!(
            parse("[sessions]\nencrypt = \"optional\"\n")
                .expect("valid")
                .sessions
                .encrypt,
            EncryptPolicy::Optional
        );
        let typo = parse("[sessions]\nencrpyt = \"always\"\n").expect_err("unknown key");
        assert!(typo.starts_with("line 2:"), "{typo}");
        assert!(parse("[sessions]\nencrypt = \"sometimes\"\n").is_err());
        assert!(parse("[sessions]\nencrypt = true\n").is_err());
    }
}
