//! Where rule-set and locale files come from: embedded in the binary, or a folder on disk.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

/// The rule sets shipped in the binary (`rules/`).
pub static EMBEDDED_RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");
/// The locales shipped in the binary (`locales/`).
pub static EMBEDDED_LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// A folder of files, embedded or on disk.
#[derive(Debug, Clone)]
pub enum Folder {
    /// A folder inside the binary, with the path it is shown as.
    Embedded(&'static Dir<'static>, String),
    /// A folder on disk.
    Disk(PathBuf),
}

impl Folder {
    /// The embedded rule set with this id, if it exists.
    #[must_use]
    pub fn embedded_ruleset(id: &str) -> Option<Folder> {
        EMBEDDED_RULES
            .get_dir(id)
            .filter(|d| d.get_file(d.path().join("ruleset.toml")).is_some())
            .map(|d| Folder::Embedded(d, format!("rules/{id}")))
    }

    /// Ids of the rule sets shipped in the binary, sorted.
    #[must_use]
    pub fn embedded_ruleset_ids() -> Vec<String> {
        let mut ids: Vec<String> = EMBEDDED_RULES
            .dirs()
            .filter(|d| d.get_file(d.path().join("ruleset.toml")).is_some())
            .filter_map(|d| d.path().file_name()?.to_str().map(str::to_owned))
            .collect();
        ids.sort();
        ids
    }

    /// The embedded locales folder.
    #[must_use]
    pub fn embedded_locales() -> Folder {
        Folder::Embedded(&EMBEDDED_LOCALES, "locales".into())
    }

    /// How a file in the folder is named in messages.
    #[must_use]
    pub fn display(&self, name: &str) -> String {
        match self {
            Folder::Embedded(_, shown) => format!("{shown}/{name}"),
            Folder::Disk(p) => p.join(name).display().to_string(),
        }
    }

    /// A sub-folder.
    #[must_use]
    pub fn sub(&self, name: &str) -> Option<Folder> {
        match self {
            Folder::Embedded(d, shown) => d
                .get_dir(d.path().join(name))
                .map(|sub| Folder::Embedded(sub, format!("{shown}/{name}"))),
            Folder::Disk(p) => {
                let sub = p.join(name);
                sub.is_dir().then_some(Folder::Disk(sub))
            }
        }
    }

    /// Reads a file as UTF-8 text.
    ///
    /// # Errors
    /// A lowercase reason when the file is missing, unreadable or not UTF-8.
    pub fn read(&self, name: &str) -> Result<String, String> {
        match self {
            Folder::Embedded(d, _) => d
                .get_file(d.path().join(name))
                .ok_or_else(|| "no such file".to_owned())
                .and_then(|f| {
                    f.contents_utf8()
                        .map(str::to_owned)
                        .ok_or_else(|| "the file is not valid UTF-8".to_owned())
                }),
            Folder::Disk(p) => read_text(&p.join(name)),
        }
    }

    /// Names of the sub-folders, sorted.
    #[must_use]
    pub fn sub_folders(&self) -> Vec<String> {
        let mut names: Vec<String> = match self {
            Folder::Embedded(d, _) => d
                .dirs()
                .filter_map(|s| s.path().file_name()?.to_str().map(str::to_owned))
                .collect(),
            Folder::Disk(p) => std::fs::read_dir(p)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .filter(|e| e.path().is_dir())
                        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
        };
        names.sort();
        names
    }

    /// Names of the files ending in `ext`, sorted.
    #[must_use]
    pub fn files_with(&self, ext: &str) -> Vec<String> {
        let mut names: Vec<String> = match self {
            Folder::Embedded(d, _) => d
                .files()
                .filter_map(|f| f.path().file_name()?.to_str().map(str::to_owned))
                .filter(|n| n.ends_with(ext))
                .collect(),
            Folder::Disk(p) => std::fs::read_dir(p)
                .map(|rd| {
                    rd.filter_map(Result::ok)
                        .filter(|e| e.path().is_file())
                        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
                        .filter(|n| n.ends_with(ext))
                        .collect()
                })
                .unwrap_or_default(),
        };
        names.sort();
        names
    }

    /// The last component of the folder's path.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Folder::Embedded(d, _) => d
                .path()
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned(),
            Folder::Disk(p) => p
                .canonicalize()
                .unwrap_or_else(|_| p.clone())
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned(),
        }
    }
}

/// Reads a file from disk as UTF-8 text, with a lowercase reason on failure.
///
/// # Errors
/// When the file cannot be read or is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        _ => e.to_string().to_lowercase(),
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "the file is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text))
}
