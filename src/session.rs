//! Saved interviews: one JSON file per interview in the user's data folder, written atomically
//! after every answer (temp file, fsync, rename), readable by the owner only.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::answer::Answer;
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

/// The folder of saved sessions.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
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
        Ok(Store { dir })
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Writes a session atomically: a temp file in the same folder, fsync, rename over the old
    /// file, fsync the folder. A crash at any point leaves either the old or the new file.
    ///
    /// # Errors
    /// When the file cannot be written.
    pub fn save(&self, s: &Session) -> Result<(), SessionError> {
        if !valid_id(&s.id) {
            return Err(SessionError::NotFound(s.id.clone()));
        }
        let path = self.path(&s.id);
        let data = serde_json::to_vec_pretty(s).map_err(|e| SessionError::Corrupt {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let tmp = self.dir.join(format!(".{}.json.tmp", s.id));
        {
            let mut opts = fs::OpenOptions::new();
            opts.write(true).create(true).truncate(true);
            owner_only(&mut opts);
            let mut f = opts.open(&tmp).map_err(io_err(&tmp))?;
            f.write_all(&data).map_err(io_err(&tmp))?;
            f.sync_all().map_err(io_err(&tmp))?;
        }
        restrict(&tmp, 0o600).map_err(io_err(&tmp))?;
        fs::rename(&tmp, &path).map_err(io_err(&path))?;
        if let Ok(d) = fs::File::open(&self.dir) {
            // Makes the rename itself durable; not supported everywhere, so not an error.
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// Claims the file for a new session, failing if it exists (two interviews never share one
    /// file), then saves it.
    ///
    /// # Errors
    /// When the id is taken or the file cannot be written.
    pub fn create(&self, s: &Session) -> Result<(), SessionError> {
        let path = self.path(&s.id);
        let mut opts = fs::OpenOptions::new();
        opts.write(true).create_new(true);
        owner_only(&mut opts);
        opts.open(&path).map_err(io_err(&path))?;
        self.save(s)
    }

    /// Reads one session.
    ///
    /// # Errors
    /// When it does not exist or is not valid.
    pub fn load(&self, id: &str) -> Result<Session, SessionError> {
        if !valid_id(id) {
            return Err(SessionError::NotFound(id.to_owned()));
        }
        let path = self.path(id);
        if !path.exists() {
            return Err(SessionError::NotFound(id.to_owned()));
        }
        read_session(&path)
    }

    /// Deletes one session.
    ///
    /// # Errors
    /// When it does not exist or cannot be removed.
    pub fn delete(&self, id: &str) -> Result<(), SessionError> {
        if !valid_id(id) || !self.path(id).exists() {
            return Err(SessionError::NotFound(id.to_owned()));
        }
        let path = self.path(id);
        fs::remove_file(&path).map_err(io_err(&path))
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
                p.extension().is_some_and(|e| e == "json")
                    && !p
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
            })
            .collect();
        paths.sort();
        for p in paths {
            match read_session(&p) {
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
                Err(e) => {
                    let aside = p.with_extension("json.corrupt");
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

fn read_session(path: &Path) -> Result<Session, SessionError> {
    let corrupt = |reason: String| SessionError::Corrupt {
        path: path.display().to_string(),
        reason,
    };
    let bytes = fs::read(path).map_err(io_err(path))?;
    if bytes.len() > 16 << 20 {
        return Err(corrupt("larger than 16 MiB".into()));
    }
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
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
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
}
