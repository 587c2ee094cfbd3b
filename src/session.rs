//! Saved interviews: one JSON file per interview in the user's data folder, written atomically
//! after every answer (temp file, fsync, rename), readable by the owner only.
//!
//! With a key ([`Store::with_key`]) every file is written encrypted in the age format
//! (`ID.json.age`); the key itself is kept in the folder, encrypted with a passphrase
//! (`identity.age`). See `docs/data-safety.md`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::answer::Answer;
use crate::crypto::{CryptoError, Key, Passphrase};
use crate::input::value::parse_json_answer;
use crate::output::explain::answer_token;
use crate::ruleset::RuleSet;

/// Version of the session file format.
pub const FORMAT: u32 = 1;

/// Errors about sessions; messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The folder or a file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A session file is not valid.
    #[error("{path}: not a valid session file: {reason}")]
    Corrupt {
        /// The file.
        path: String,
        /// Why (never the answers).
        reason: String,
    },
    /// No session with this id.
    #[error("no saved interview `{0}`")]
    NotFound(String),
    /// An encrypted session, and no key.
    #[error("{0}: encrypted; the passphrase is needed to open it")]
    Locked(String),
    /// The passphrase does not open the key file.
    #[error("wrong passphrase for `{0}`")]
    WrongPassphrase(String),
    /// The key file could not be opened or made.
    #[error("{path}: {source}")]
    Key {
        /// The key file.
        path: String,
        /// The cause.
        #[source]
        source: CryptoError,
    },
    /// Encrypted sessions, and no key file to open them.
    #[error(
        "no key file `{0}`: the encrypted interviews in this folder cannot be opened without it"
    )]
    NoKey(String),
    /// A save without a key in a store that requires encryption.
    #[error("encryption is required and no key is unlocked: nothing was saved")]
    EncryptionRequired,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> SessionError + '_ {
    move |source| SessionError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Facts about the interview itself, recorded before the questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InterviewRecord {
    /// Who interviews.
    #[serde(default)]
    pub interviewer: String,
    /// Their agency or organisation.
    #[serde(default)]
    pub agency: String,
    /// Date of the interview (YYYY-MM-DD).
    #[serde(default)]
    pub date: String,
    /// Where.
    #[serde(default)]
    pub place: String,
    /// Region id of the interview (for contacts).
    #[serde(default)]
    pub region: Option<String>,
    /// Whether an interpreter is present.
    #[serde(default)]
    pub interpreter: Option<bool>,
    /// Whether the interpreter is independent of the employer or recruiter.
    #[serde(default)]
    pub interpreter_independent: Option<bool>,
    /// Whether the setting is private (no employer or "escort" present).
    #[serde(default)]
    pub private_setting: Option<bool>,
}

/// The rule set an interview uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesetRef {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Content hash.
    pub sha256: String,
}

/// One saved interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// File format version.
    pub format: u32,
    /// Id (the file name without `.json`).
    pub id: String,
    /// When it started (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub created: String,
    /// When it was last saved.
    pub updated: String,
    /// The rule set.
    pub ruleset: RulesetRef,
    /// Interview language.
    pub lang: String,
    /// The person's language, when shown under each question.
    #[serde(default)]
    pub with_lang: Option<String>,
    /// Interview record.
    #[serde(default)]
    pub record: InterviewRecord,
    /// Whether consent was recorded (always true for a saved session: without consent
    /// nothing is stored).
    pub consent: bool,
    /// Answers by question id: tokens (`yes`, option ids, numbers, `dont_know`, `declined`),
    /// or the text itself for text questions.
    #[serde(default)]
    pub answers: BTreeMap<String, serde_json::Value>,
    /// Question ids in the order they were answered.
    #[serde(default)]
    pub history: Vec<String>,
    /// Whether the interview reached its end.
    #[serde(default)]
    pub finished: bool,
}

impl Session {
    /// A new session for a rule set.
    #[must_use]
    pub fn new(rs: &RuleSet, lang: &str, with_lang: Option<&str>, now: &str) -> Self {
        Session {
            format: FORMAT,
            id: new_id(now),
            created: now.to_owned(),
            updated: now.to_owned(),
            ruleset: RulesetRef {
                id: rs.meta.id.clone(),
                version: rs.meta.version.clone(),
                sha256: rs.meta.hash.clone(),
            },
            lang: lang.to_owned(),
            with_lang: with_lang.map(str::to_owned),
            record: InterviewRecord::default(),
            consent: true,
            answers: BTreeMap::new(),
            history: Vec::new(),
            finished: false,
        }
    }

    /// Stores the answers of an interview (texts of text questions from `texts`).
    pub fn set_answers(
        &mut self,
        rs: &RuleSet,
        answers: &[Answer],
        history: &[usize],
        texts: &BTreeMap<usize, String>,
    ) {
        self.answers.clear();
        for (i, (q, a)) in rs.questions.iter().zip(answers).enumerate() {
            let v = match a {
                Answer::Missing | Answer::NotApplicable => continue,
                Answer::Text => {
                    serde_json::Value::String(texts.get(&i).cloned().unwrap_or_default())
                }
                // Whole numbers as integers (`16`, not `16.0`), for people reading the file.
                Answer::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => {
                    serde_json::json!(*x as i64)
                }
                Answer::Number(x) => serde_json::json!(x),
                other => serde_json::Value::String(answer_token(q, *other).into_owned()),
            };
            self.answers.insert(q.id.clone(), v);
        }
        self.history = history
            .iter()
            .filter_map(|&q| rs.questions.get(q).map(|x| x.id.clone()))
            .collect();
    }

    /// The answers as the engine needs them, the answer order, and the texts of text
    /// questions. Answers to questions the rule set no longer has, or values it no longer
    /// accepts, are returned as problems (by question id, never the value).
    #[must_use]
    pub fn answers_for(
        &self,
        rs: &RuleSet,
    ) -> (
        Vec<Answer>,
        Vec<usize>,
        BTreeMap<usize, String>,
        Vec<String>,
    ) {
        let mut answers = vec![Answer::Missing; rs.questions.len()];
        let mut texts = BTreeMap::new();
        let mut problems = Vec::new();
        for (id, v) in &self.answers {
            let Some(q) = rs.question(id) else {
                problems.push(format!("`{id}` is not a question of `{}`", rs.meta.id));
                continue;
            };
            let Some(question) = rs.questions.get(q) else {
                continue;
            };
            match parse_json_answer(question, v) {
                Ok(a) => {
                    if a == Answer::Text {
                        if let Some(s) = v.as_str() {
                            texts.insert(q, s.to_owned());
                        }
                    }
                    if let Some(slot) = answers.get_mut(q) {
                        *slot = a;
                    }
                }
                Err(why) => problems.push(format!("`{id}`: {}", why.describe())),
            }
        }
        let history = self
            .history
            .iter()
            .filter_map(|id| rs.question(id))
            .collect();
        (answers, history, texts, problems)
    }
}

/// A new id: the time and a value unique to this process and moment, so that two interviews
/// started at once on one machine never share a file (the file is also created exclusively).
fn new_id(now: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    let stamp: String = now.chars().filter(char::is_ascii_digit).take(14).collect();
    format!("{stamp}-{:08x}", h.finish() as u32)
}

/// A summary of a saved session for listings.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionInfo {
    /// Id.
    pub id: String,
    /// Started.
    pub created: String,
    /// Last saved.
    pub updated: String,
    /// Rule set id.
    pub ruleset: String,
    /// Number of answers.
    pub answered: usize,
    /// Whether finished.
    pub finished: bool,
    /// Interviewer and place, to recognise it.
    pub label: String,
}

/// The name of the passphrase-encrypted key file in the folder of sessions.
pub const KEY_FILE: &str = "identity.age";

/// What [`Store::purge`] removed (or would remove) for one interview.
#[derive(Debug, Clone, PartialEq)]
pub struct Purged {
    /// The session id.
    pub id: String,
    /// When it was last saved (the newest modification time of its files).
    pub last_saved: SystemTime,
    /// Its files: plain, encrypted, set aside as corrupt, or an unfinished save.
    pub files: Vec<PathBuf>,
}

/// The folder of saved sessions.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Saves are encrypted to it, encrypted sessions decrypted with it.
    key: Option<Key>,
    /// Saves without a key fail.
    require_key: bool,
}

impl Store {
    /// The default folder: `$TIPSCREEN_DATA_DIR`, else the user's data folder
    /// (`~/.local/share/tipscreen/sessions` on Linux).
    #[must_use]
    pub fn default_dir() -> Option<PathBuf> {
        if let Some(d) = std::env::var_os("TIPSCREEN_DATA_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(d).join("sessions"));
        }
        dirs::data_dir().map(|d| d.join("tipscreen").join("sessions"))
    }

    /// Opens (and creates, owner-only) the folder.
    ///
    /// # Errors
    /// When the folder cannot be created.
    pub fn open(dir: PathBuf) -> Result<Store, SessionError> {
        fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        restrict(&dir, 0o700).map_err(io_err(&dir))?;
        Ok(Store {
            dir,
            key: None,
            require_key: false,
        })
    }

    /// The same folder with a key: every save is encrypted to it, and encrypted sessions open.
    #[must_use]
    pub fn with_key(self, key: Key) -> Store {
        Store {
            key: Some(key),
            ..self
        }
    }

    /// The same folder, refusing to save without a key (an organisation's policy).
    #[must_use]
    pub fn requiring_encryption(self) -> Store {
        Store {
            require_key: true,
            ..self
        }
    }

    /// The key, when unlocked.
    #[must_use]
    pub fn key(&self) -> Option<&Key> {
        self.key.as_ref()
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The passphrase-encrypted key file.
    #[must_use]
    pub fn key_path(&self) -> PathBuf {
        self.dir.join(KEY_FILE)
    }

    /// Whether the folder has a key file.
    #[must_use]
    pub fn has_key_file(&self) -> bool {
        self.key_path().exists()
    }

    /// Opens the key file with the passphrase.
    ///
    /// # Errors
    /// No key file, a wrong passphrase, or a damaged key file.
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<Key, SessionError> {
        let path = self.key_path();
        if !path.exists() {
            return Err(SessionError::NoKey(path.display().to_string()));
        }
        let sealed = fs::read(&path).map_err(io_err(&path))?;
        Key::unseal(&sealed, passphrase).map_err(|e| match e {
            CryptoError::WrongPassphrase => {
                SessionError::WrongPassphrase(path.display().to_string())
            }
            source => SessionError::Key {
                path: path.display().to_string(),
                source,
            },
        })
    }

    /// Makes a new key and stores it encrypted with the passphrase; if another process made
    /// one first, opens that one instead (one folder never has two keys).
    ///
    /// # Errors
    /// When the file cannot be written, or (for a key made meanwhile) cannot be opened with
    /// this passphrase.
    pub fn create_key(&self, passphrase: &Passphrase, now: &str) -> Result<Key, SessionError> {
        let path = self.key_path();
        let key = Key::generate();
        let sealed = key
            .seal(passphrase, now)
            .map_err(|source| SessionError::Key {
                path: path.display().to_string(),
                source,
            })?;
        let tmp = self.dir.join(format!(".{KEY_FILE}.tmp"));
        write_synced(&tmp, &sealed)?;
        // A hard link, unlike a rename, never replaces a key made meanwhile: the sessions
        // encrypted to it would be lost.
        let linked = fs::hard_link(&tmp, &path);
        let _ = fs::remove_file(&tmp);
        match linked {
            Ok(()) => {
                self.sync_dir();
                Ok(key)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => self.unlock(passphrase),
            Err(e) => Err(io_err(&path)(e)),
        }
    }

    /// Whether any session in the folder is encrypted.
    #[must_use]
    pub fn has_encrypted(&self) -> bool {
        fs::read_dir(&self.dir).is_ok_and(|rd| {
            rd.filter_map(Result::ok).any(|e| {
                e.file_name()
                    .to_str()
                    .is_some_and(|n| !n.starts_with('.') && n.ends_with(".json.age"))
            })
        })
    }

    /// Whether the session `id` is stored encrypted.
    #[must_use]
    pub fn is_encrypted(&self, id: &str) -> bool {
        valid_id(id) && self.sealed_path(id).exists()
    }

    fn plain_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    fn sealed_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json.age"))
    }

    /// Where this store writes the session: encrypted when it has a key.
    fn path(&self, id: &str) -> PathBuf {
        if self.key.is_some() {
            self.sealed_path(id)
        } else {
            self.plain_path(id)
        }
    }

    /// Writes a session atomically: a temp file in the same folder, fsync, rename over the old
    /// file, fsync the folder. A crash at any point leaves either the old or the new file.
    /// With a key the file is encrypted, and a plain copy from before is removed.
    ///
    /// # Errors
    /// When the file cannot be written, or would be plain where encryption is required or
    /// where the session is already encrypted.
    pub fn save(&self, s: &Session) -> Result<(), SessionError> {
        if !valid_id(&s.id) {
            return Err(SessionError::NotFound(s.id.clone()));
        }
        if self.key.is_none() {
            if self.require_key {
                return Err(SessionError::EncryptionRequired);
            }
            if self.sealed_path(&s.id).exists() {
                // Never a plain copy of an encrypted interview.
                return Err(SessionError::Locked(
                    self.sealed_path(&s.id).display().to_string(),
                ));
            }
        }
        let path = self.path(&s.id);
        let json = serde_json::to_vec_pretty(s).map_err(|e| SessionError::Corrupt {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let data = match &self.key {
            Some(key) => key.encrypt(&json).map_err(|source| SessionError::Key {
                path: path.display().to_string(),
                source,
            })?,
            None => json,
        };
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let tmp = self.dir.join(format!(".{name}.tmp"));
        write_synced(&tmp, &data)?;
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
        if self.key.is_some() {
            let plain = self.plain_path(&s.id);
            if plain.exists() {
                fs::remove_file(&plain).map_err(io_err(&plain))?;
            }
        }
        self.sync_dir();
        Ok(())
    }

    /// Makes renames and removals durable; not supported everywhere, so not an error.
    fn sync_dir(&self) {
        if let Ok(d) = fs::File::open(&self.dir) {
            let _ = d.sync_all();
        }
    }

    /// Claims the file for a new session, failing if it exists (two interviews never share one
    /// file), then saves it.
    ///
    /// # Errors
    /// When the id is taken or the file cannot be written.
    pub fn create(&self, s: &Session) -> Result<(), SessionError> {
        if self.key.is_none() && self.require_key {
            return Err(SessionError::EncryptionRequired);
        }
        let path = self.path(&s.id);
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        owner_only(&mut opts);
        opts.open(&path).map_err(io_err(&path))?;
        self.save(s)
    }

    /// Reads one session (the encrypted file when there is one).
    ///
    /// # Errors
    /// When it does not exist, is not valid, or is encrypted and the store has no key.
    pub fn load(&self, id: &str) -> Result<Session, SessionError> {
        if !valid_id(id) {
            return Err(SessionError::NotFound(id.to_owned()));
        }
        for path in [self.sealed_path(id), self.plain_path(id)] {
            if path.exists() {
                return read_session(&path, self.key.as_ref());
            }
        }
        Err(SessionError::NotFound(id.to_owned()))
    }

    /// Deletes one session, plain and encrypted.
    ///
    /// # Errors
    /// When it does not exist or cannot be removed.
    pub fn delete(&self, id: &str) -> Result<(), SessionError> {
        if !valid_id(id) {
            return Err(SessionError::NotFound(id.to_owned()));
        }
        let mut found = false;
        for path in [self.plain_path(id), self.sealed_path(id)] {
            if path.exists() {
                found = true;
                fs::remove_file(&path).map_err(io_err(&path))?;
            }
        }
        if !found {
            return Err(SessionError::NotFound(id.to_owned()));
        }
        self.sync_dir();
        Ok(())
    }

    /// Deletes every interview last saved before `now - older_than`: its plain and encrypted
    /// files, the copies set aside as corrupt, and unfinished saves. "Last saved" is the newest
    /// modification time of its files, so this needs no key. The key file is never touched.
    /// With `dry_run` nothing is deleted. Returns what was (or would be) deleted, oldest
    /// first, and the files that could not be deleted.
    #[must_use]
    pub fn purge(
        &self,
        older_than: Duration,
        now: SystemTime,
        dry_run: bool,
    ) -> (Vec<Purged>, Vec<SessionError>) {
        let cutoff = now
            .checked_sub(older_than)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        let mut groups: BTreeMap<String, Purged> = BTreeMap::new();
        let mut errors = Vec::new();
        let Ok(rd) = fs::read_dir(&self.dir) else {
            return (Vec::new(), errors);
        };
        for e in rd.filter_map(Result::ok) {
            let path = e.path();
            let Some(id) = e.file_name().to_str().and_then(session_of_file) else {
                continue;
            };
            let modified = match e.metadata().and_then(|m| m.modified()) {
                Ok(t) => t,
                Err(err) => {
                    errors.push(io_err(&path)(err));
                    continue;
                }
            };
            let g = groups.entry(id.clone()).or_insert_with(|| Purged {
                id,
                last_saved: SystemTime::UNIX_EPOCH,
                files: Vec::new(),
            });
            g.last_saved = g.last_saved.max(modified);
            g.files.push(path);
        }
        let mut old: Vec<Purged> = groups
            .into_values()
            .filter(|g| g.last_saved < cutoff)
            .collect();
        old.sort_by(|a, b| a.last_saved.cmp(&b.last_saved).then(a.id.cmp(&b.id)));
        let mut done = Vec::new();
        for mut g in old {
            g.files.sort();
            if !dry_run {
                let mut all = true;
                for f in &g.files {
                    if let Err(err) = fs::remove_file(f) {
                        if err.kind() != std::io::ErrorKind::NotFound {
                            all = false;
                            errors.push(io_err(f)(err));
                        }
                    }
                }
                if !all {
                    continue;
                }
            }
            done.push(g);
        }
        if !dry_run {
            self.sync_dir();
        }
        (done, errors)
    }

    /// Every session, newest first, and the files that could not be read (each is renamed to
    /// `*.corrupt` so that it is reported once and never blocks the others).
    #[must_use]
    pub fn list(&self) -> (Vec<SessionInfo>, Vec<SessionError>) {
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        let Ok(rd) = fs::read_dir(&self.dir) else {
            return (ok, bad);
        };
        let mut paths: Vec<PathBuf> = rd
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    !n.starts_with('.') && (n.ends_with(".json") || n.ends_with(".json.age"))
                })
            })
            .collect();
        paths.sort();
        // A plain file next to the encrypted one of the same interview is an older copy
        // (a save stopped before removing it): the encrypted one is listed.
        let sealed: Vec<PathBuf> = paths
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "age"))
            .map(|p| p.with_extension(""))
            .collect();
        paths.retain(|p| !sealed.contains(p));
        for p in paths {
            match read_session(&p, self.key.as_ref()) {
                Ok(s) => ok.push(SessionInfo {
                    label: [s.record.interviewer.as_str(), s.record.place.as_str()]
                        .iter()
                        .filter(|x| !x.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", "),
                    id: s.id,
                    created: s.created,
                    updated: s.updated,
                    ruleset: s.ruleset.id,
                    answered: s.answers.len(),
                    finished: s.finished,
                }),
                // Without the key it is not corrupt: left where it is.
                Err(e @ SessionError::Locked(_)) => bad.push(e),
                Err(e) => {
                    let mut aside = p.clone().into_os_string();
                    aside.push(".corrupt");
                    let _ = fs::rename(&p, &aside);
                    bad.push(e);
                }
            }
        }
        ok.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
        (ok, bad)
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// The id of the session a file of the folder belongs to, for any of its forms: `ID.json`,
/// `ID.json.age`, either with `.corrupt`, or `.ID.json[.age].tmp`.
fn session_of_file(name: &str) -> Option<String> {
    let (hidden, rest) = match name.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, name),
    };
    let rest = if hidden {
        rest.strip_suffix(".tmp")?
    } else {
        rest.strip_suffix(".corrupt").unwrap_or(rest)
    };
    let id = rest
        .strip_suffix(".json.age")
        .or_else(|| rest.strip_suffix(".json"))?;
    valid_id(id).then(|| id.to_owned())
}

/// Writes a new file (owner-only) and syncs it to disk.
fn write_synced(path: &Path, data: &[u8]) -> Result<(), SessionError> {
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    owner_only(&mut opts);
    let mut f = opts.open(path).map_err(io_err(path))?;
    f.write_all(data).map_err(io_err(path))?;
    f.sync_all().map_err(io_err(path))?;
    restrict(path, 0o600).map_err(io_err(path))
}

fn read_session(path: &Path, key: Option<&Key>) -> Result<Session, SessionError> {
    let corrupt = |reason: String| SessionError::Corrupt {
        path: path.display().to_string(),
        reason,
    };
    let encrypted = path.extension().is_some_and(|e| e == "age");
    if encrypted && key.is_none() {
        return Err(SessionError::Locked(path.display().to_string()));
    }
    let bytes = fs::read(path).map_err(io_err(path))?;
    if bytes.len() > 16 << 20 {
        return Err(corrupt("larger than 16 MiB".into()));
    }
    let bytes = match key {
        Some(key) if encrypted => key.decrypt(&bytes).map_err(|e| corrupt(e.to_string()))?,
        _ => bytes,
    };
    let s: Session = serde_json::from_slice(&bytes)
        // The position only: the message of serde_json may quote the content.
        .map_err(|e| {
            corrupt(format!(
                "invalid JSON at line {}, column {}",
                e.line(),
                e.column()
            ))
        })?;
    if s.format != FORMAT {
        return Err(corrupt(format!("format {} is not supported", s.format)));
    }
    Ok(s)
}

#[cfg(unix)]
fn owner_only(opts: &mut fs::OpenOptions) {
    use std::os::unix::fs::OpenOptionsExt;
    opts.mode(0o600);
}

#[cfg(not(unix))]
fn owner_only(_opts: &mut fs::OpenOptions) {}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ` (hand-written: one conversion does not need a
/// date crate).
#[must_use]
pub fn now_utc() -> String {
    format_utc(SystemTime::now())
}

/// A time as `YYYY-MM-DDTHH:MM:SSZ` (UTC; times before 1970 as 1970-01-01).
#[must_use]
pub fn format_utc(t: SystemTime) -> String {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian calendar (Howard
/// Hinnant's algorithm).
#[must_use]
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) to days since 1970-01-01 (the inverse of [`civil_from_days`]).
#[must_use]
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ` (UTC) as a time; `None` when it is not one.
#[must_use]
pub fn parse_utc(s: &str) -> Option<SystemTime> {
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let t = s.get(r)?;
        if t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" || !(1..=12).contains(&m) {
        return None;
    }
    let days_in_month = match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days_in_month).contains(&d) {
        return None;
    }
    let secs_of_day = match s.len() {
        10 => 0,
        20 if s.get(10..11)? == "T" && s.get(13..14)? == ":" && s.get(16..17)? == ":" => {
            let (hh, mm, ss) = (num(11..13)?, num(14..16)?, num(17..19)?);
            if s.get(19..20)? != "Z" || hh > 23 || mm > 59 || ss > 59 {
                return None;
            }
            u64::from(hh * 3600 + mm * 60 + ss)
        }
        _ => return None,
    };
    let days = u64::try_from(days_from_civil(i64::from(y), m, d)).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(days * 86_400 + secs_of_day))
}

/// A period such as `30d` (days) or `4w` (weeks), at least one day.
///
/// # Errors
/// A message saying what is accepted.
pub fn parse_period(s: &str) -> Result<Duration, String> {
    let bad =
        || format!("`{s}` is not a period: write a number of days or weeks, such as `30d` or `4w`");
    let (n, unit) = s.split_at(s.len().saturating_sub(1));
    let per = match unit {
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return Err(bad()),
    };
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: u64 = n.parse().map_err(|_| bad())?;
    if n == 0 {
        return Err(format!(
            "`{s}`: the period must be at least one day, such as `1d` or `30d`"
        ));
    }
    n.checked_mul(per)
        .filter(|&secs| secs <= 1_000 * 366 * 86_400)
        .map(Duration::from_secs)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceMap;
    use crate::ruleset::{load, Folder, LoadOptions};

    fn kz() -> RuleSet {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
        let mut sources = SourceMap::default();
        load(&folder, &mut sources, LoadOptions::default())
            .ruleset
            .expect("valid")
    }

    #[test]
    fn dates_are_computed_correctly() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn save_load_roundtrip_is_owner_only_and_ids_are_unique() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::open(dir.path().join("s")).expect("open");
        let rs = kz();
        let mut s = Session::new(&rs, "ru", Some("kk"), "2026-11-24T10:00:00Z");
        let other = Session::new(&rs, "ru", None, "2026-11-24T10:00:00Z");
        assert_ne!(s.id, other.id);
        let mut answers = vec![Answer::Missing; rs.questions.len()];
        let fs_q = rs.question("feels_safe_now").expect("q");
        let age = rs.question("age").expect("q");
        answers[fs_q] = Answer::Bool(true);
        answers[age] = Answer::Number(19.0);
        s.set_answers(&rs, &answers, &[fs_q, age], &BTreeMap::new());
        store.create(&s).expect("create");
        assert!(
            store.create(&s).is_err(),
            "a second interview cannot take the same file"
        );
        let back = store.load(&s.id).expect("load");
        assert_eq!(back, s);
        let (a, h, _, problems) = back.answers_for(&rs);
        assert_eq!(a, answers);
        assert_eq!(h, vec![fs_q, age]);
        assert!(problems.is_empty());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&store.path(&s.id)), 0o600);
            assert_eq!(mode(store.dir()), 0o700);
        }
    }

    #[test]
    fn a_corrupt_file_is_reported_and_set_aside_others_still_list() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::open(dir.path().to_path_buf()).expect("open");
        let rs = kz();
        let s = Session::new(&rs, "en", None, "2026-11-24T10:00:00Z");
        store.create(&s).expect("create");
        fs::write(
            dir.path().join("20260101000000-deadbeef.json"),
            b"{\"format\": 1, \"id\": tru",
        )
        .expect("write");
        let (ok, bad) = store.list();
        assert_eq!(ok.len(), 1);
        assert_eq!(bad.len(), 1);
        assert!(bad[0].to_string().contains("not a valid session file"));
        assert!(dir
            .path()
            .join("20260101000000-deadbeef.json.corrupt")
            .exists());
        let (ok, bad) = store.list();
        assert_eq!((ok.len(), bad.len()), (1, 0), "reported once");
        assert!(store.load("../etc/passwd").is_err());
    }
    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.to_owned()).expect("not empty")
    }

    #[test]
    fn encrypted_sessions_roundtrip_and_replace_the_plain_copy() {
        let dir = tempfile::tempdir().expect("temp");
        let plain = Store::open(dir.path().to_path_buf()).expect("open");
        let rs = kz();
        let mut s = Session::new(&rs, "en", None, "2026-11-24T10:00:00Z");
        s.record.interviewer = "Interviewer Name".into();
        plain.create(&s).expect("create plain");
        assert!(!plain.has_encrypted());

        let key = plain
            .create_key(&pass("pass phrase"), "2026-11-24T10:00:00Z")
            .expect("key");
        assert!(plain.has_key_file());
        let store = Store::open(dir.path().to_path_buf())
            .expect("open")
            .with_key(key);
        store.save(&s).expect("save encrypted");
        assert!(store.has_encrypted() && store.is_encrypted(&s.id));
        assert!(
            !plain.plain_path(&s.id).exists(),
            "the plain copy is removed"
        );
        let bytes = fs::read(store.sealed_path(&s.id)).expect("read");
        assert!(crate::crypto::is_age(&bytes));
        assert!(!bytes.windows(16).any(|w| w == b"Interviewer Name"));
        assert_eq!(store.load(&s.id).expect("load"), s);

        // Without the key: locked, never set aside, never saved over in plain.
        assert!(matches!(plain.load(&s.id), Err(SessionError::Locked(_))));
        let (ok, bad) = plain.list();
        assert!(ok.is_empty());
        assert!(matches!(bad.as_slice(), [SessionError::Locked(_)]));
        assert!(store.sealed_path(&s.id).exists(), "not set aside");
        assert!(matches!(plain.save(&s), Err(SessionError::Locked(_))));
        assert!(matches!(
            plain.clone().requiring_encryption().save(&Session {
                id: "20261124100000-00000001".into(),
                ..s.clone()
            }),
            Err(SessionError::EncryptionRequired)
        ));

        // The passphrase, again.
        let again = plain.unlock(&pass("pass phrase")).expect("unlock");
        assert_eq!(again.recipient(), store.key().expect("key").recipient());
        assert!(matches!(
            plain.unlock(&pass("wrong")),
            Err(SessionError::WrongPassphrase(_))
        ));
        // A second key is never made over the first.
        let other = plain
            .create_key(&pass("pass phrase"), "2026-11-25T10:00:00Z")
            .expect("opens the existing key");
        assert_eq!(other.recipient(), again.recipient());
        assert!(plain.create_key(&pass("other"), "now").is_err());

        let (ok, bad) = store.list();
        assert_eq!((ok.len(), bad.len()), (1, 0));
        assert_eq!(ok[0].label, "Interviewer Name");
        store.delete(&s.id).expect("delete");
        assert!(!store.has_encrypted());
        assert!(store.has_key_file(), "the key stays");
    }

    #[test]
    fn a_damaged_encrypted_file_is_set_aside_and_the_others_still_list() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::open(dir.path().to_path_buf())
            .expect("open")
            .with_key(Key::generate());
        let rs = kz();
        let good = Session::new(&rs, "en", None, "2026-11-24T10:00:00Z");
        store.create(&good).expect("create");
        let bytes = fs::read(store.sealed_path(&good.id)).expect("read");
        let truncated = "20260101000000-deadbeef";
        fs::write(
            store.sealed_path(truncated),
            &bytes[..bytes.len().saturating_sub(20)],
        )
        .expect("write");
        let foreign = "20260101000000-0000beef";
        fs::write(
            store.sealed_path(foreign),
            Key::generate().encrypt(b"{}").expect("encrypt"),
        )
        .expect("write");
        let (ok, bad) = store.list();
        assert_eq!(ok.len(), 1);
        let msgs: Vec<String> = bad.iter().map(ToString::to_string).collect();
        assert_eq!(msgs.len(), 2, "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("truncated")), "{msgs:?}");
        assert!(msgs.iter().any(|m| m.contains("another key")), "{msgs:?}");
        assert!(dir
            .path()
            .join(format!("{truncated}.json.age.corrupt"))
            .exists());
        let (ok, bad) = store.list();
        assert_eq!((ok.len(), bad.len()), (1, 0), "reported once");
        assert_eq!(store.load(&good.id).expect("resumes"), good);
    }

    #[test]
    fn purge_deletes_every_form_of_old_sessions_only() {
        let dir = tempfile::tempdir().expect("temp");
        let store = Store::open(dir.path().to_path_buf()).expect("open");
        store
            .create_key(&pass("p"), "2026-01-01T00:00:00Z")
            .expect("key");
        let at = |day: &str| parse_utc(day).expect("date");
        let touch = |name: &str, day: &str| {
            let p = dir.path().join(name);
            fs::write(&p, b"x").expect("write");
            fs::File::options()
                .write(true)
                .open(&p)
                .and_then(|f| f.set_modified(at(day)))
                .expect("set time");
        };
        touch("20260101000000-00000001.json", "2026-01-01");
        touch("20260101000000-00000002.json.age", "2026-01-02");
        touch("20260101000000-00000002.json.corrupt", "2026-01-01");
        touch(".20260101000000-00000003.json.age.tmp", "2026-01-03");
        // Old, but saved again recently in its encrypted form: kept whole.
        touch("20260101000000-00000004.json", "2026-01-01");
        touch("20260101000000-00000004.json.age", "2026-03-01");
        touch("20260301000000-00000005.json.age", "2026-03-01");
        touch("notes.txt", "2020-01-01");
        fs::File::options()
            .write(true)
            .open(store.key_path())
            .and_then(|f| f.set_modified(at("2020-01-01")))
            .expect("set time");

        let now = at("2026-03-10");
        let (would, errors) = store.purge(Duration::from_secs(30 * 86_400), now, true);
        assert!(errors.is_empty());
        let ids: Vec<&str> = would.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "20260101000000-00000001",
                "20260101000000-00000002",
                "20260101000000-00000003"
            ]
        );
        assert_eq!(would[1].files.len(), 2);
        assert!(dir.path().join("20260101000000-00000001.json").exists());

        let (done, errors) = store.purge(Duration::from_secs(30 * 86_400), now, false);
        assert!(errors.is_empty());
        assert_eq!(done, would);
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "20260101000000-00000004.json",
                "20260101000000-00000004.json.age",
                "20260301000000-00000005.json.age",
                "identity.age",
                "notes.txt"
            ]
        );
    }

    #[test]
    fn times_and_periods_are_parsed_strictly() {
        let secs = |s: &str| {
            parse_utc(s)
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map(|d| d.as_secs())
        };
        assert_eq!(secs("1970-01-01"), Some(0));
        for t in ["2025-11-24T03:35:01Z", "2000-02-29T23:59:59Z"] {
            assert_eq!(parse_utc(t).map(format_utc).as_deref(), Some(t));
        }
        assert_eq!(secs("2025-11-24"), Some(20_416 * 86_400));
        assert_eq!(secs("2000-02-29T01:02:03Z"), Some(11_016 * 86_400 + 3723));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "2026-01-01T25:00:00Z",
            "2026-01-01T10:00:00",
            "yesterday",
            "",
        ] {
            assert_eq!(parse_utc(bad), None, "{bad}");
        }
        for z in [0, 1, 59, 365, 11_016, 20_416, -1, -719_468] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(parse_period("30d"), Ok(Duration::from_secs(30 * 86_400)));
        assert_eq!(parse_period("2w"), Ok(Duration::from_secs(14 * 86_400)));
        for bad in [
            "30",
            "d",
            "0d",
            "-1d",
            "1.5w",
            "30 d",
            "3m",
            "99999999999999999999d",
            "",
        ] {
            assert!(parse_period(bad).is_err(), "{bad}");
        }
    }
}
