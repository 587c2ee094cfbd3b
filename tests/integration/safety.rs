//! Data safety, end to end: encrypted interviews and reports (and that they open with the
//! standard `age` tool), wrong passphrases, encryption made mandatory by an organisation's
//! settings file, purging old interviews, and damaged encrypted files.
//!
//! The `age` tool must be installed (Debian: `apt-get install age`; `.ci/run` does it): the
//! tests that use it fail, never skip, when it is missing.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tipscreen::crypto::{is_age, Key, Passphrase};
use tipscreen::diagnostic::SourceMap;
use tipscreen::ruleset::{load, Folder, LoadOptions, RuleSet};
use tipscreen::session::{parse_utc, Session, Store};

const PASSPHRASE: &str = "correct horse battery staple";

/// Words of `docs/examples/interview.toml` that must never be readable in a stored file: the
/// interviewer, the place, and answers.
const SECRETS: [&str; 6] = [
    "A. Example",
    "Example NGO",
    "uzbekistan",
    "approached_by_stranger",
    "domestic_work",
    "employer_housing",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temp folder with the data folder, the settings folder and a passphrase file.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().expect("temp"),
        };
        std::fs::write(env.passphrase(), format!("{PASSPHRASE}\n")).expect("passphrase file");
        env
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn data(&self) -> PathBuf {
        self.path("data")
    }

    fn sessions(&self) -> PathBuf {
        self.data().join("sessions")
    }

    fn passphrase(&self) -> PathBuf {
        self.path("passphrase.txt")
    }

    /// The binary with a clean environment: data and settings only in the temp folder.
    fn tipscreen(&self) -> Command {
        let mut c = Command::cargo_bin("tipscreen").expect("binary built");
        c.env_remove("TIPSCREEN_LANG")
            .env_remove("TIPSCREEN_CONFIG")
            .env_remove("TIPSCREEN_NOW")
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("LANG", "C")
            .env("LC_ALL", "C")
            .env("NO_COLOR", "1")
            .env("TIPSCREEN_TODAY", "2026-11-24")
            .env("TIPSCREEN_DATA_DIR", self.data())
            .current_dir(root());
        c
    }

    /// `screen --answers docs/examples/interview.toml` with `extra` flags.
    fn scripted(&self, extra: &[&str]) -> Output {
        self.tipscreen()
            .args(["screen", "--width", "80", "--answers"])
            .arg(root().join("docs/examples/interview.toml"))
            .args(extra)
            .output()
            .expect("runs")
    }

    /// The organisation's settings file in the user's config folder.
    fn settings(&self, text: &str) -> PathBuf {
        let p = self.path("config").join("tipscreen").join("config.toml");
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("settings");
        p
    }

    fn key(&self) -> Key {
        Store::open(self.sessions())
            .expect("open")
            .unlock(&pass())
            .expect("the key opens with the passphrase")
    }
}

fn pass() -> Passphrase {
    Passphrase::new(PASSPHRASE.to_owned()).expect("not empty")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn kz() -> RuleSet {
    let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
    load(&folder, &mut SourceMap::default(), LoadOptions::default())
        .ruleset
        .expect("valid")
}

/// Every file under `dir`.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn assert_no_plaintext(file: &Path, secrets: &[&str]) {
    let bytes = std::fs::read(file).expect("read");
    for secret in secrets {
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "`{secret}` is readable in {}",
            file.display()
        );
    }
}

/// The standard `age` tool; the test fails (never skips) without it.
fn age() -> std::process::Command {
    match std::process::Command::new("age").arg("--version").output() {
        Ok(o) if o.status.success() => std::process::Command::new("age"),
        _ => panic!(
            "the `age` command-line tool is not installed, and this test checks that files open \
             with it: install it (Debian/Ubuntu: `apt-get install -y age`; .ci/run does this)"
        ),
    }
}

/// With the standard tool, as docs/data-safety.md tells a person: the key file is decrypted
/// with the passphrase (typed: `age` reads it from the terminal only), then `file` with the key.
#[cfg(unix)]
fn open_with_age_tool(env: &Env, file: &Path) -> Vec<u8> {
    let identity_txt = env.path("identity.txt");
    let _ = std::fs::remove_file(&identity_txt);
    let mut decrypt_key = age();
    decrypt_key
        .arg("-d")
        .arg("-o")
        .arg(&identity_txt)
        .arg(env.sessions().join("identity.age"));
    let mut t = pty::Pty::spawn(decrypt_key);
    t.expect("passphrase");
    t.type_line(PASSPHRASE);
    assert_eq!(t.finish(), 0, "age -d -o identity.txt identity.age");
    let text = std::fs::read_to_string(&identity_txt).expect("identity.txt written");
    assert!(text.contains("AGE-SECRET-KEY-1"), "an age identity");

    let out = age()
        .arg("-d")
        .arg("-i")
        .arg(&identity_txt)
        .arg(file)
        .output()
        .expect("age runs");
    assert!(
        out.status.success(),
        "age -d -i identity.txt {}: {}",
        file.display(),
        stderr(&out)
    );

    // In one step: `age` takes the passphrase-encrypted key itself.
    let one_step = env.path("one-step.out");
    let _ = std::fs::remove_file(&one_step);
    let mut direct = age();
    direct
        .arg("-d")
        .arg("-i")
        .arg(env.sessions().join("identity.age"))
        .arg("-o")
        .arg(&one_step)
        .arg(file);
    let mut t = pty::Pty::spawn(direct);
    t.expect("passphrase");
    t.type_line(PASSPHRASE);
    assert_eq!(t.finish(), 0, "age -d -i identity.age FILE");
    assert_eq!(std::fs::read(&one_step).expect("written"), out.stdout);
    out.stdout
}

#[test]
#[cfg(unix)]
fn an_encrypted_report_is_not_plaintext_and_opens_with_the_library_and_the_age_tool() {
    let env = Env::new();
    let report = env.path("r.json");
    let o = env.scripted(&[
        "--encrypt",
        "--passphrase-file",
        s(&env.passphrase()),
        "--report",
        s(&report),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let sealed = env.path("r.json.age");
    assert!(!report.exists(), "no plain report");
    assert!(sealed.exists(), "the report is written as r.json.age");
    assert!(stdout(&o).contains("r.json.age"), "{}", stdout(&o));

    // Nothing readable anywhere: the report, the key file, and nothing else stored.
    let stored = files_under(env.dir.path());
    let data_files = files_under(&env.data());
    assert_eq!(
        data_files,
        [env.sessions().join("identity.age")],
        "a scripted run stores only its report (and the key made for it)"
    );
    for f in stored.iter().filter(|f| *f != &env.passphrase()) {
        assert_no_plaintext(f, &SECRETS);
        assert!(
            is_age(&std::fs::read(f).expect("read")),
            "{} is an age file",
            f.display()
        );
    }

    // The library decrypts it.
    let key = env.key();
    let plain = key
        .decrypt(&std::fs::read(&sealed).expect("read"))
        .expect("decrypts");
    let v: serde_json::Value = serde_json::from_slice(&plain).expect("the JSON report");
    assert_eq!(v["answers"]["citizenship"], "uzbekistan");
    assert_eq!(v["interview"]["interviewer"], "A. Example");

    // The standard tool opens it the same way.
    assert_eq!(open_with_age_tool(&env, &sealed), plain);

    // A Markdown report too.
    let md = env.path("r.md.age");
    let o = env.scripted(&[
        "--passphrase-file",
        s(&env.passphrase()),
        "--report",
        s(&md),
    ]);
    assert!(
        o.status.success(),
        "`.age` asks for encryption: {}",
        stderr(&o)
    );
    assert_no_plaintext(&md, &SECRETS);
    let text = String::from_utf8(key.decrypt(&std::fs::read(&md).expect("read")).expect("ok"))
        .expect("UTF-8");
    assert!(text.contains("A. Example"), "{text}");
}

/// `tipscreen ARGS` for a pseudo-terminal, with the same clean environment.
#[cfg(unix)]
fn terminal_cmd(env: &Env, args: &[&str]) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tipscreen"));
    cmd.args(args)
        .env_remove("TIPSCREEN_LANG")
        .env_remove("TIPSCREEN_CONFIG")
        .env("XDG_CONFIG_HOME", env.path("config"))
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("COLUMNS", "200")
        .env("TIPSCREEN_DATA_DIR", env.data())
        .current_dir(root());
    cmd
}

#[test]
#[cfg(unix)]
fn an_encrypted_interview_on_the_terminal_is_saved_encrypted_lists_and_opens_with_age() {
    let env = Env::new();
    let t = pty::Texts::new();
    let mut p = pty::Pty::spawn(terminal_cmd(
        &env,
        &[
            "screen",
            "--width",
            "80",
            "--region",
            "almaty_city",
            "--encrypt",
            "--passphrase-file",
            s(&env.passphrase()),
        ],
    ));
    // The interview record, consent, two answers, then Ctrl-C and "pause".
    p.expect(&t.msg("record-interviewer"));
    p.keys("Interviewer Name\r");
    p.expect(&t.msg("record-agency"));
    p.keys("Shelter Agency\r");
    p.expect(&t.msg("record-date"));
    p.keys("\r");
    p.expect(&t.msg("record-place"));
    p.keys("Secret Place\r");
    p.expect(&t.msg("record-interpreter"));
    p.expect(&t.msg("answer-no"));
    p.keys("\x1b[B\x1b[B\r");
    p.expect(&t.msg("record-private"));
    p.expect(&t.msg("answer-no"));
    p.keys("\x1b[B\r");
    p.expect(&t.msg("consent-question"));
    p.expect(&t.msg("answer-no"));
    p.keys("\x1b[B\r");
    p.expect(&t.question("feels_safe_now"));
    p.keys("\r");
    p.expect(&t.question("needs_medical_help"));
    p.keys("\x1b[B\r");
    p.expect(&t.question("with_parent_or_guardian"));
    p.keys("\x03");
    p.expect(&t.msg("screen-save-and-quit"));
    p.keys("\r");
    assert_eq!(p.finish(), 0, "paused");

    let files = files_under(&env.sessions());
    let sessions: Vec<&PathBuf> = files
        .iter()
        .filter(|f| f.to_string_lossy().ends_with(".json.age"))
        .collect();
    assert_eq!(sessions.len(), 1, "one encrypted session: {files:?}");
    assert_eq!(files.len(), 2, "the session and the key only: {files:?}");
    let secrets = ["Interviewer Name", "Shelter Agency", "Secret Place"];
    for f in &files {
        assert_no_plaintext(f, &secrets);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in &files {
            let mode = std::fs::metadata(f).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", f.display());
        }
    }

    // The library and the standard tool read the same interview.
    let plain = env
        .key()
        .decrypt(&std::fs::read(sessions[0]).expect("read"))
        .expect("decrypts");
    let session: Session = serde_json::from_slice(&plain).expect("a session");
    assert_eq!(session.record.place, "Secret Place");
    assert_eq!(session.answers.len(), 2, "{:?}", session.answers);
    assert_eq!(open_with_age_tool(&env, sessions[0]), plain);

    // Resumed without `--encrypt`: it stays encrypted, in the same file.
    let mut p = pty::Pty::spawn(terminal_cmd(
        &env,
        &[
            "screen",
            "--width",
            "80",
            "--resume",
            &session.id,
            "--passphrase-file",
            s(&env.passphrase()),
        ],
    ));
    p.expect(&t.question("with_parent_or_guardian"));
    p.keys("\r");
    p.expect(&t.question("age"));
    p.keys("\x03");
    p.expect(&t.msg("screen-save-and-quit"));
    p.keys("\r");
    assert_eq!(p.finish(), 0, "paused again");
    assert_eq!(files_under(&env.sessions()), files, "the same two files");
    let again: Session = serde_json::from_slice(
        &env.key()
            .decrypt(&std::fs::read(sessions[0]).expect("read"))
            .expect("decrypts"),
    )
    .expect("a session");
    assert_eq!(again.answers.len(), 3, "{:?}", again.answers);

    // The passphrase typed on the terminal: a wrong one may be typed again.
    let mut p = pty::Pty::spawn(terminal_cmd(&env, &["sessions", "list"]));
    p.expect("Passphrase of the saved interviews");
    p.type_line("not it");
    p.expect("Wrong passphrase");
    p.expect("Passphrase of the saved interviews");
    p.type_line(PASSPHRASE);
    p.expect("Interviewer Name, Secret Place");
    assert_eq!(p.finish(), 0);

    // `sessions list` opens it with the passphrase file.
    let o = env
        .tipscreen()
        .env("COLUMNS", "200")
        .args(["sessions", "list", "--passphrase-file"])
        .arg(env.passphrase())
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(&session.id), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("Interviewer Name, Secret Place"),
        "{}",
        stdout(&o)
    );
    // Without a passphrase, and no terminal to ask: a clear error, nothing shown.
    let o = env
        .tipscreen()
        .args(["sessions", "list"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--passphrase-file"), "{}", stderr(&o));
    assert!(!stdout(&o).contains("Secret Place"));
}

#[test]
fn a_wrong_passphrase_is_a_clear_error_with_exit_code_2() {
    let env = Env::new();
    let ok = env.scripted(&[
        "--encrypt",
        "--passphrase-file",
        s(&env.passphrase()),
        "--report",
        s(&env.path("first.json")),
    ]);
    assert!(ok.status.success(), "{}", stderr(&ok));

    let wrong = env.path("wrong.txt");
    std::fs::write(&wrong, "not the passphrase\n").expect("write");
    let report = env.path("r.json");
    let o = env.scripted(&[
        "--encrypt",
        "--passphrase-file",
        s(&wrong),
        "--report",
        s(&report),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("wrong passphrase"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!report.exists() && !env.path("r.json.age").exists());
    assert!(
        !stdout(&o).contains("Level now"),
        "refused before the interview"
    );

    let o = env
        .tipscreen()
        .args(["sessions", "list", "--passphrase-file"])
        .arg(&wrong)
        .output()
        .expect("runs");
    // No encrypted session yet: listing needs no passphrase.
    assert!(o.status.success(), "{}", stderr(&o));
    let store = Store::open(env.sessions())
        .expect("open")
        .with_key(env.key());
    store
        .create(&Session::new(&kz(), "en", None, "2026-11-24T10:00:00Z"))
        .expect("create");
    let o = env
        .tipscreen()
        .args(["sessions", "list", "--passphrase-file"])
        .arg(&wrong)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("wrong passphrase"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"));

    // An empty or missing passphrase file is an error too, never an empty passphrase.
    std::fs::write(&wrong, "\n").expect("write");
    let o = env
        .tipscreen()
        .args(["sessions", "list", "--passphrase-file"])
        .arg(&wrong)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("empty"), "{}", stderr(&o));
}

#[test]
fn mandatory_encryption_refuses_to_store_unencrypted() {
    let env = Env::new();
    let settings = env.settings("[sessions]\nencrypt = \"always\"\n");
    let report = env.path("r.json");
    let o = env.scripted(&["--report", s(&report)]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(err.contains("refusing to store"), "{err}");
    assert!(err.contains(s(&settings)), "names the settings file: {err}");
    assert!(err.contains("encrypt = \"always\""), "{err}");
    assert!(!report.exists() && !env.path("r.json.age").exists());
    assert!(files_under(&env.data()).is_empty(), "nothing stored");

    // Nothing to store: the scripted run goes on.
    let o = env.scripted(&[]);
    assert!(o.status.success(), "{}", stderr(&o));

    // With the passphrase, the report is encrypted without `--encrypt`.
    let o = env.scripted(&[
        "--passphrase-file",
        s(&env.passphrase()),
        "--report",
        s(&report),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!report.exists());
    assert_no_plaintext(&env.path("r.json.age"), &SECRETS);
    assert!(env
        .key()
        .decrypt(&std::fs::read(env.path("r.json.age")).expect("read"))
        .is_ok());

    // `$TIPSCREEN_CONFIG` names the file instead; a mistake in it is an error, never ignored.
    let typo = env.path("typo.toml");
    std::fs::write(&typo, "[sessions]\nencrpyt = \"always\"\n").expect("write");
    let o = env
        .tipscreen()
        .env("TIPSCREEN_CONFIG", &typo)
        .args(["screen", "--answers", "docs/examples/interview.toml"])
        .args(["--report", s(&report)])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    let o = env
        .tipscreen()
        .env("TIPSCREEN_CONFIG", env.path("missing.toml"))
        .args(["screen", "--answers", "docs/examples/interview.toml"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2), "a named settings file must exist");

    // And the library refuses too.
    let store = Store::open(env.path("other"))
        .expect("open")
        .requiring_encryption();
    let err = store
        .create(&Session::new(&kz(), "en", None, "2026-11-24T10:00:00Z"))
        .expect_err("refused");
    assert!(err.to_string().contains("encryption is required"), "{err}");
    assert!(files_under(&env.path("other")).is_empty());
}

/// Sets a file's modification time ("last saved").
fn saved_at(path: &Path, day: &str) {
    let t = parse_utc(day).expect("date");
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(t))
        .expect("set time");
}

#[test]
fn purge_deletes_only_sessions_last_saved_before_the_period() {
    let env = Env::new();
    let rs = kz();
    let dir = env.sessions();
    let plain = Store::open(dir.clone()).expect("open");
    let key = plain
        .create_key(&pass(), "2026-01-01T00:00:00Z")
        .expect("key");
    let sealed = plain.clone().with_key(key);
    let mut ids = Vec::new();
    for (i, (store, day)) in [
        (&plain, "2026-01-05"),
        (&sealed, "2026-01-20"),
        (&sealed, "2026-02-20"),
        (&plain, "2026-03-01"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut s = Session::new(&rs, "en", None, &format!("{day}T10:00:00Z"));
        s.id = format!("20260101000000-0000000{i}");
        store.create(&s).expect("create");
        let name = if std::ptr::eq(store, &sealed) {
            format!("{}.json.age", s.id)
        } else {
            format!("{}.json", s.id)
        };
        saved_at(&dir.join(name), day);
        ids.push(s.id);
    }
    saved_at(&plain.key_path(), "2025-01-01");
    let now = "2026-03-10T12:00:00Z";
    let purge = |extra: &[&str]| {
        env.tipscreen()
            .env("TIPSCREEN_NOW", now)
            .args(["sessions", "purge"])
            .args(extra)
            .output()
            .expect("runs")
    };

    let o = purge(&["--older-than", "30d", "--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains(&ids[0]) && stdout(&o).contains(&ids[1]));
    assert_eq!(files_under(&dir).len(), 5, "a dry run deletes nothing");

    let o = purge(&["--older-than", "30d"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 interviews"), "{}", stdout(&o));
    let left: Vec<String> = files_under(&dir)
        .iter()
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    assert_eq!(
        left,
        [
            format!("{}.json.age", ids[2]),
            format!("{}.json", ids[3]),
            "identity.age".to_owned()
        ],
        "only the sessions last saved before 2026-02-08 are deleted; never the key"
    );

    // Weeks: 2026-02-20 is more than 2 weeks before now.
    let o = purge(&["--older-than", "2w"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dir.join(format!("{}.json.age", ids[2])).exists());
    assert!(dir.join(format!("{}.json", ids[3])).exists());

    for bad in ["30", "0d", "1m", "-3d"] {
        let o = purge(&[&format!("--older-than={bad}")]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&o).contains("30d"),
            "says what is accepted: {}",
            stderr(&o)
        );
    }
    let o = env
        .tipscreen()
        .env("TIPSCREEN_NOW", "soon")
        .args(["sessions", "purge", "--older-than", "30d"])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(dir.join(format!("{}.json", ids[3])).exists());
    // The real clock is never used when TIPSCREEN_NOW is set: a date in the past keeps all.
    let o = env
        .tipscreen()
        .env("TIPSCREEN_NOW", "2026-03-01T12:00:00Z")
        .args(["sessions", "purge", "--older-than", "1d"])
        .output()
        .expect("runs");
    assert!(o.status.success());
    assert!(dir.join(format!("{}.json", ids[3])).exists());
}

#[test]
fn a_damaged_encrypted_session_is_set_aside_and_the_others_still_resume() {
    let env = Env::new();
    let rs = kz();
    let store = Store::open(env.sessions()).expect("open");
    let key = store
        .create_key(&pass(), "2026-11-24T10:00:00Z")
        .expect("key");
    let store = store.with_key(key);
    let mut good = Session::new(&rs, "en", None, "2026-11-24T10:00:00Z");
    good.record.interviewer = "Good Interviewer".into();
    store.create(&good).expect("create");
    let bad = Session::new(&rs, "en", None, "2026-11-24T11:00:00Z");
    store.create(&bad).expect("create");
    let bad_path = env.sessions().join(format!("{}.json.age", bad.id));
    let bytes = std::fs::read(&bad_path).expect("read");
    std::fs::write(&bad_path, &bytes[..bytes.len() / 2]).expect("truncate");

    let o = env
        .tipscreen()
        .env("COLUMNS", "200")
        .args(["sessions", "list", "--passphrase-file"])
        .arg(env.passphrase())
        .output()
        .expect("runs");
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&bad.id) && err.contains("truncated"), "{err}");
    assert!(stdout(&o).contains("Good Interviewer"), "{}", stdout(&o));
    assert!(!bad_path.exists());
    assert!(env
        .sessions()
        .join(format!("{}.json.age.corrupt", bad.id))
        .exists());
    assert_eq!(store.load(&good.id).expect("resumes"), good);
}

/// A program in a pseudo-terminal: text is matched with escape sequences removed and
/// whitespace ignored; keys are sent once the program reads keys (raw mode) or, for a
/// passphrase read in line mode, once its prompt is shown.
#[cfg(unix)]
mod pty {
    use std::io::{ErrorKind, Write as _};
    use std::os::fd::AsRawFd;
    use std::time::{Duration, Instant};

    use expectrl::process::unix::WaitStatus;
    use expectrl::session::OsSession;
    use nix::sys::termios::{tcgetattr, LocalFlags};
    use tipscreen::i18n::{keys, Localizer};
    use tipscreen::ruleset::Folder;

    use crate::screen::find_flex;

    const TIMEOUT: Duration = Duration::from_secs(30);

    /// The English messages, as the binary has them.
    pub struct Texts(Localizer);

    impl Texts {
        pub fn new() -> Texts {
            Texts(
                Localizer::new(
                    "en",
                    &Folder::embedded_locales(),
                    Some(("kz-handbook", None)),
                )
                .expect("shipped locales"),
            )
        }

        pub fn msg(&self, key: &str) -> String {
            self.0.msg(key)
        }

        pub fn question(&self, id: &str) -> String {
            self.0.msg(&keys::question(id))
        }
    }

    pub struct Pty {
        session: OsSession,
        text: Vec<u8>,
        seen: usize,
        eof: bool,
    }

    impl Pty {
        pub fn spawn(cmd: std::process::Command) -> Pty {
            let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
            session
                .get_process_mut()
                .set_window_size(100, 40)
                .expect("window size");
            Pty {
                session,
                text: Vec::new(),
                seen: 0,
                eof: false,
            }
        }

        fn pump(&mut self) {
            let mut buf = [0u8; 8192];
            loop {
                match self.session.try_read(&mut buf) {
                    Ok(0) => {
                        self.eof = true;
                        return;
                    }
                    Ok(n) => self.text.extend(strip_escapes(&buf[..n])),
                    Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    Err(_) => {
                        self.eof = true;
                        return;
                    }
                }
            }
        }

        fn fail(&self, what: &str) -> ! {
            panic!(
                "{what}\n--- output ---\n{}",
                String::from_utf8_lossy(&self.text)
            );
        }

        /// Waits for `needle` in the output not read yet.
        pub fn expect(&mut self, needle: &str) {
            let start = Instant::now();
            loop {
                self.pump();
                let unread = String::from_utf8_lossy(&self.text[self.seen..]).into_owned();
                if let Some(end) = find_flex(&unread, needle) {
                    self.seen += unread[..end].len();
                    return;
                }
                if self.eof || start.elapsed() > TIMEOUT {
                    self.fail(&format!("waited for {needle:?}"));
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        }

        fn send(&mut self, bytes: &str) {
            self.session
                .write_all(bytes.as_bytes())
                .and_then(|()| self.session.flush())
                .expect("write to the terminal");
        }

        /// Keys, once the program reads keys.
        pub fn keys(&mut self, keys: &str) {
            let start = Instant::now();
            while !tcgetattr(self.session.as_raw_fd())
                .is_ok_and(|t| !t.local_flags.contains(LocalFlags::ICANON))
            {
                self.pump();
                if self.eof || start.elapsed() > TIMEOUT {
                    self.fail(&format!("the program does not read keys ({keys:?})"));
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            self.send(keys);
        }

        /// A line typed at a prompt read in line mode (a passphrase).
        pub fn type_line(&mut self, line: &str) {
            self.send(&format!("{line}\r"));
        }

        /// Reads to the end; the exit code.
        pub fn finish(&mut self) -> i32 {
            let start = Instant::now();
            while !self.eof {
                self.pump();
                if start.elapsed() > TIMEOUT {
                    self.fail("the program did not end");
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            match self.session.get_process().wait().expect("wait") {
                WaitStatus::Exited(_, code) => code,
                other => self.fail(&format!("did not exit normally: {other:?}")),
            }
        }
    }

    impl Drop for Pty {
        fn drop(&mut self) {
            let p = self.session.get_process_mut();
            if p.is_alive().unwrap_or(false) {
                let _ = p.kill(expectrl::process::unix::Signal::SIGKILL);
                let _ = p.wait();
            }
        }
    }

    /// The text without CSI and OSC sequences and carriage returns (a sequence split across
    /// two reads may leave a few stray bytes; the needles are plain words).
    fn strip_escapes(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                0x1b if bytes.get(i + 1) == Some(&b'[') => {
                    i += 2;
                    while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                        i += 1;
                    }
                    i += 1;
                }
                0x1b if bytes.get(i + 1) == Some(&b']') => {
                    while i < bytes.len() && bytes[i] != 0x07 {
                        i += 1;
                    }
                    i += 1;
                }
                0x1b => i += 2,
                b'\r' => i += 1,
                b => {
                    out.push(b);
                    i += 1;
                }
            }
        }
        out
    }
}
