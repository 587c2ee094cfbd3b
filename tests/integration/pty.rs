//! `tipscreen screen` in a real pseudo-terminal, driven with keys as a person would: the
//! interview record, consent, questions (arrow keys, Enter, typed numbers, Esc to go back, the
//! menu behind an empty typed answer), the summary; Ctrl-C to pause, a killed process, and
//! `--resume`.
//!
//! dialoguer redraws its menus with cursor movements; the tests match on the text (escape
//! sequences removed), never on positions. A key is sent only once the program is reading keys
//! (the terminal is in raw mode: no ICANON), so nothing depends on timing; every wait has a
//! generous timeout.

use std::io::{ErrorKind, Write as _};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession;
use nix::sys::termios::{tcgetattr, LocalFlags};
use serde_json::Value;
use tipscreen::diagnostic::SourceMap;
use tipscreen::i18n::{keys, Localizer};
use tipscreen::ruleset::{load, Folder, LoadOptions, QuestionKind, RuleSet};

use crate::screen::find_flex;

/// For each expectation.
const TIMEOUT: Duration = Duration::from_secs(20);
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The rule set and the messages in one language, as the binary has them.
struct Texts {
    rs: RuleSet,
    loc: Localizer,
}

impl Texts {
    fn new(lang: &str) -> Self {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped rule set");
        let mut sources = SourceMap::default();
        let rs = load(&folder, &mut sources, LoadOptions::default())
            .ruleset
            .expect("kz-handbook is valid");
        let loc = Localizer::new(
            lang,
            &Folder::embedded_locales(),
            Some(("kz-handbook", None)),
        )
        .expect("shipped locales load");
        Texts { rs, loc }
    }

    fn msg(&self, key: &str) -> String {
        self.loc.msg(key)
    }

    /// A message with `{ $var }` placeables, up to the first one: enough to recognise it.
    fn msg_head(&self, key: &str) -> String {
        // Without its arguments fluent writes `{$var}` in place of each.
        let m = self.loc.msg_args(key, &fluent_bundle::FluentArgs::new());
        m[..m.find("{$").unwrap_or(m.len())].to_owned()
    }

    fn question_text(&self, id: &str) -> String {
        self.msg(&keys::question(id))
    }

    /// The question whose text starts `text` (whitespace ignored: the text may be wrapped);
    /// the longest such text wins.
    fn question_at(&self, text: &str) -> Option<(String, QuestionKind, usize)> {
        let text = compact(text);
        self.rs
            .questions
            .iter()
            .map(|q| (compact(&self.question_text(&q.id)), q))
            .filter(|(t, _)| text.starts_with(t.as_str()))
            .max_by_key(|(t, _)| t.len())
            .map(|(_, q)| (q.id.clone(), q.kind, q.options.len()))
    }

    /// Parses a progress line ("Safety first · question 1 of about 40"): position and about.
    fn progress(&self, line: &str) -> Option<(usize, usize)> {
        // The template, with markers where the numbers go.
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("section", "\u{E000}");
        args.set("position", "\u{E001}");
        args.set("about", "\u{E002}");
        let tpl = self.loc.msg_args("prompt-progress", &args);
        let (_, rest) = tpl.split_once('\u{E000}')?;
        let (mid1, rest) = rest.split_once('\u{E001}')?;
        let (mid2, end) = rest.split_once('\u{E002}')?;
        let line = line.trim_end();
        let (_, after) = line.split_once(mid1)?;
        let digits = |s: &str| -> Option<(usize, usize)> {
            let n = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            Some((s[..n].parse().ok()?, n))
        };
        let (position, n) = digits(after)?;
        let after = after[n..].strip_prefix(mid2)?;
        let (about, n) = digits(after)?;
        (after[n..] == *end).then_some((position, about))
    }
}

/// The text without any whitespace: wrapped and unwrapped texts compare equal.
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A question as the program put it.
#[derive(Debug, Clone)]
struct Asked {
    id: String,
    kind: QuestionKind,
    options: usize,
    /// "Safety first · question 1 of about 40".
    progress: String,
    position: usize,
    about: usize,
    /// What the program drew from the progress line on (question, hints, menu).
    screen: String,
}

/// How to answer one question.
#[derive(Debug, Clone, Copy)]
enum Key {
    /// Enter: the first item (or the previous answer when going back).
    Enter,
    /// Down n times, then Enter.
    Down(usize),
    /// Type this, then Enter.
    Type(&'static str),
    /// "Don't know": from the menu, or from the menu behind an empty typed answer.
    DontKnow,
}

/// Escape sequences removed and `\r` dropped; bytes of an unfinished sequence wait for the
/// rest.
#[derive(Default)]
struct Screen {
    text: Vec<u8>,
    pending: Vec<u8>,
}

impl Screen {
    fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        let p = std::mem::take(&mut self.pending);
        let mut i = 0;
        while i < p.len() {
            match p[i] {
                0x1b => {
                    let Some(&next) = p.get(i + 1) else { break };
                    if next == b'[' {
                        // CSI: parameters and intermediates, then one final byte.
                        let Some(end) = p[i + 2..].iter().position(|b| (0x40..=0x7e).contains(b))
                        else {
                            break;
                        };
                        i += 2 + end + 1;
                    } else if next == b']' {
                        // OSC: up to BEL or ESC \.
                        let Some(end) = p[i + 2..].iter().position(|&b| b == 0x07 || b == 0x1b)
                        else {
                            break;
                        };
                        i += 2 + end + 1;
                        if p.get(i) == Some(&b'\\') {
                            i += 1;
                        }
                    } else {
                        i += 2;
                    }
                }
                b'\r' => i += 1,
                b => {
                    self.text.push(b);
                    i += 1;
                }
            }
        }
        self.pending = p[i.min(p.len())..].to_vec();
    }
}

/// The program in a pseudo-terminal, with everything it wrote.
struct Pty {
    session: OsSession,
    /// Raw output, escape sequences included.
    raw: Vec<u8>,
    screen: Screen,
    /// How much of `screen.text` the test has read.
    seen: usize,
    eof: bool,
    started: Instant,
}

impl Pty {
    /// `tipscreen ARGS` in a 100×40 terminal, saving interviews under `data`.
    fn spawn(data: &Path, args: &[&str]) -> Pty {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_tipscreen"));
        cmd.args(args)
            .env_remove("TIPSCREEN_LANG")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("CLICOLOR")
            .env("LANG", "C")
            .env("LC_ALL", "C")
            .env("TIPSCREEN_DATA_DIR", data)
            .env("TIPSCREEN_TODAY", "2026-11-24")
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("COLUMNS", "100")
            .env("LINES", "40")
            .current_dir(root());
        let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
        session
            .get_process_mut()
            .set_window_size(100, 40)
            .expect("window size");
        Pty {
            session,
            raw: Vec::new(),
            screen: Screen::default(),
            seen: 0,
            eof: false,
            started: Instant::now(),
        }
    }

    /// Reads what is there without waiting.
    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => {
                    self.eof = true;
                    return;
                }
                Ok(n) => {
                    self.raw.extend_from_slice(&buf[..n]);
                    self.screen.feed(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => return,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // EIO: the program closed the terminal (it ended).
                Err(_) => {
                    self.eof = true;
                    return;
                }
            }
        }
    }

    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.screen.text).into_owned()
    }

    fn fail(&self, what: &str) -> ! {
        let t = self.transcript();
        let tail: String = {
            let chars: Vec<char> = t.chars().collect();
            chars[chars.len().saturating_sub(3000)..].iter().collect()
        };
        panic!(
            "{what} (after {:.1} s{})\n--- last output (escape sequences removed) ---\n{tail}\n---",
            self.started.elapsed().as_secs_f32(),
            if self.eof {
                ", the program has ended"
            } else {
                ""
            }
        );
    }

    /// The output not read yet (complete UTF-8 only).
    fn unread(&self) -> &str {
        let bytes = &self.screen.text[self.seen..];
        match std::str::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
        }
    }

    /// Waits until one of `needles` appears in output not read yet (whitespace ignored);
    /// returns its index and the output up to and including it.
    fn expect_any(&mut self, needles: &[&str]) -> (usize, String) {
        let start = Instant::now();
        loop {
            self.pump();
            let unread = self.unread();
            let found = needles
                .iter()
                .enumerate()
                .filter_map(|(i, n)| find_flex(unread, n).map(|end| (end, i)))
                .min();
            if let Some((end, i)) = found {
                let got = unread[..end].to_owned();
                self.seen += end;
                return (i, got);
            }
            if self.eof || start.elapsed() > TIMEOUT {
                self.fail(&format!("waited for {needles:?}"));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn expect(&mut self, needle: &str) -> String {
        self.expect_any(&[needle]).1
    }

    /// Whether the program is reading a key: the terminal is in raw mode.
    fn reading_keys(&self) -> bool {
        tcgetattr(self.session.as_raw_fd())
            .is_ok_and(|t| !t.local_flags.contains(LocalFlags::ICANON))
    }

    /// Sends keys once the program reads keys.
    fn send(&mut self, keys: &str) {
        let start = Instant::now();
        while !self.reading_keys() {
            self.pump();
            if self.eof || start.elapsed() > TIMEOUT {
                self.fail(&format!(
                    "the program does not read keys (to send {keys:?})"
                ));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        self.session
            .write_all(keys.as_bytes())
            .and_then(|()| self.session.flush())
            .expect("write to the terminal");
    }

    /// Reads to the end of the output and returns the rest and the exit code.
    fn finish(&mut self) -> (String, i32) {
        let start = Instant::now();
        while !self.eof {
            self.pump();
            if start.elapsed() > TIMEOUT {
                self.fail("the program did not end");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let rest = String::from_utf8_lossy(&self.screen.text[self.seen..]).into_owned();
        self.seen = self.screen.text.len();
        let code = match self.session.get_process().wait().expect("wait") {
            WaitStatus::Exited(_, code) => code,
            other => self.fail(&format!("the program did not exit normally: {other:?}")),
        };
        (rest, code)
    }

    /// The cursor, hidden by the menus, is shown again.
    fn assert_cursor_shown(&self) {
        let last = |seq: &[u8]| self.raw.windows(seq.len()).rposition(|w| w == seq);
        if let Some(hidden) = last(b"\x1b[?25l") {
            assert!(
                last(b"\x1b[?25h").is_some_and(|shown| shown > hidden),
                "the program left the cursor hidden"
            );
        }
    }

    // ----- the interview -----

    /// The interview record: names typed, date left as proposed, no interpreter, private.
    fn record(&mut self, t: &Texts) {
        self.expect(&t.msg("record-title"));
        self.expect(&t.msg("record-interviewer"));
        self.send("Ann Example\r");
        self.expect(&t.msg("record-agency"));
        self.send("Example NGO\r");
        self.expect(&t.msg("record-date"));
        self.send(ENTER);
        self.expect(&t.msg("record-place"));
        self.send("Office\r");
        // Yes/no menus without a default: the cursor is on no item; Down reaches "Yes" first.
        let no = t.msg("answer-no");
        self.expect(&t.msg("record-interpreter"));
        self.expect(&no);
        // Enter first: with the cursor on no item it chooses nothing.
        self.send(&format!("{ENTER}{DOWN}{DOWN}{ENTER}"));
        self.expect(&t.msg("record-private"));
        self.expect(&no);
        self.send(&format!("{DOWN}{ENTER}"));
    }

    /// The consent script and the consent question, answered yes or no.
    fn consent(&mut self, t: &Texts, agree: bool) {
        self.expect(&t.msg("consent-title"));
        self.expect(&t.msg("consent-question"));
        self.expect(&t.msg("answer-no"));
        self.send(&format!(
            "{}{ENTER}",
            if agree { DOWN } else { "\x1b[B\x1b[B" }
        ));
    }

    /// Waits for the next question (or the summary: `None`): a progress line, the question,
    /// and the program reading keys (so that everything it drew is here).
    fn next_question(&mut self, t: &Texts) -> Option<Asked> {
        let title = t.msg("summary-title");
        let start = Instant::now();
        loop {
            self.pump();
            let unread = self.unread();
            // The last complete progress line.
            let mut progress = None;
            let mut offset = 0;
            for line in unread.split_inclusive('\n') {
                if line.ends_with('\n') {
                    if let Some(p) = t.progress(line) {
                        progress = Some((line.trim().to_owned(), p, offset + line.len()));
                    }
                }
                offset += line.len();
            }
            match progress {
                None => {
                    if let Some(end) = find_flex(unread, &title) {
                        self.seen += end;
                        return None;
                    }
                }
                Some((line, (position, about), after)) if self.reading_keys() => {
                    // Drawn before the program started reading keys: all here now.
                    self.pump();
                    let unread = self.unread();
                    let Some((id, kind, options)) = t.question_at(&unread[after..]) else {
                        self.fail(&format!("no known question after {line:?}"))
                    };
                    let screen = unread[after..].to_owned();
                    self.seen += unread.len();
                    return Some(Asked {
                        id,
                        kind,
                        options,
                        progress: line,
                        position,
                        about,
                        screen,
                    });
                }
                Some(_) => {}
            }
            if self.eof || start.elapsed() > TIMEOUT {
                self.fail("waited for a question or the summary");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Answers the question on the screen.
    fn answer(&mut self, t: &Texts, q: &Asked, key: Key) {
        match key {
            Key::Enter => self.send(ENTER),
            Key::Down(n) => self.send(&format!("{}{ENTER}", DOWN.repeat(n))),
            Key::Type(s) => self.send(&format!("{s}{ENTER}")),
            Key::DontKnow => match q.kind {
                // Yes, No, Don't know…
                QuestionKind::YesNo => self.send(&format!("{DOWN}{DOWN}{ENTER}")),
                // The options, then Don't know…
                QuestionKind::SingleChoice => {
                    self.send(&format!("{}{ENTER}", DOWN.repeat(q.options)));
                }
                // Enter on an empty answer (or nothing marked) opens a menu: Don't know,
                // Prefers not to say, Back.
                QuestionKind::Number | QuestionKind::Text | QuestionKind::MultiChoice => {
                    self.send(ENTER);
                    self.expect(&t.msg("answer-back"));
                    self.send(ENTER);
                }
            },
        }
    }

    /// Answers every question until the summary: `plan` first, then Enter on menus and
    /// "Don't know" on typed and multiple-choice answers. Returns the questions asked.
    fn answer_rest(&mut self, t: &Texts, plan: &dyn Fn(&Asked) -> Option<Key>) -> Vec<Asked> {
        let mut asked = Vec::new();
        while let Some(q) = self.next_question(t) {
            let key = plan(&q).unwrap_or(match q.kind {
                QuestionKind::YesNo | QuestionKind::SingleChoice => Key::Enter,
                _ => Key::DontKnow,
            });
            self.answer(t, &q, key);
            asked.push(q);
            if asked.len() > 200 {
                self.fail("more than 200 questions: the interview does not end");
            }
        }
        asked
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // `PTY_TRANSCRIPTS=DIR` keeps what each program wrote (escape sequences removed).
        if let Some(dir) = std::env::var_os("PTY_TRANSCRIPTS") {
            let name = std::thread::current()
                .name()
                .unwrap_or("pty")
                .replace("::", "-");
            let path =
                Path::new(&dir).join(format!("{name}-{}.txt", self.session.get_process().pid()));
            let _ = std::fs::write(path, self.transcript());
        }
        // A test that failed half-way leaves no program behind.
        let p = self.session.get_process_mut();
        if p.is_alive().unwrap_or(false) {
            let _ = p.kill(Signal::SIGKILL);
            let _ = p.wait();
        }
    }
}

/// The saved interviews under `data`.
fn sessions(data: &Path) -> Vec<Value> {
    let dir = data.join("sessions");
    let mut out: Vec<(PathBuf, Value)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v = serde_json::from_str(&std::fs::read_to_string(&p).expect("read session"))
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, v)| v).collect()
}

fn only_session(data: &Path) -> Value {
    let all = sessions(data);
    assert_eq!(all.len(), 1, "one saved interview: {all:?}");
    all.into_iter().next().expect("one")
}

fn answered_ids(s: &Value) -> Vec<String> {
    let mut ids: Vec<String> = s["answers"]
        .as_object()
        .expect("answers")
        .keys()
        .cloned()
        .collect();
    ids.sort();
    ids
}

/// Whether `hay` says `text`, however it is wrapped.
fn says(hay: &str, text: &str) -> bool {
    find_flex(hay, text).is_some()
}

/// Answers the start of the interview the same way in every test: safe, no medical need,
/// guardian not known, `age`, and returns the questions asked.
fn first_questions(pty: &mut Pty, t: &Texts, age: &'static str) -> Vec<Asked> {
    let mut asked = Vec::new();
    for (id, key) in [
        ("feels_safe_now", Key::Enter),
        ("needs_medical_help", Key::Down(1)),
        ("with_parent_or_guardian", Key::DontKnow),
        ("age", Key::Type(age)),
    ] {
        let q = pty
            .next_question(t)
            .unwrap_or_else(|| pty.fail("summary too early"));
        assert_eq!(q.id, id, "question order");
        pty.answer(t, &q, key);
        asked.push(q);
    }
    asked
}

#[test]
fn a_full_interview_in_english_with_going_back() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("en");
    let mut pty = Pty::spawn(
        data.path(),
        &["screen", "--width", "80", "--region", "almaty_city"],
    );
    pty.record(&t);
    pty.consent(&t, true);

    let mut asked = first_questions(&mut pty, &t, "24");
    // What the person sees first: safety, counted from 1.
    assert!(
        asked[0].progress.contains("question 1 of about"),
        "{:?}",
        asked[0].progress
    );
    assert!(asked[1].progress.contains("question 2 of about"));
    assert!(asked[0].about >= 30, "{:?}", asked[0]);

    // Gender: Male. Then at the citizenship question, Esc goes back to gender, with the
    // cursor on the answer given; change it to Other.
    let gender = pty.next_question(&t).expect("gender");
    assert_eq!(gender.id, "gender");
    pty.answer(&t, &gender, Key::Down(1));
    let citizenship = pty.next_question(&t).expect("citizenship");
    assert_eq!(citizenship.id, "citizenship");
    assert_eq!(citizenship.position, gender.position + 1);
    pty.send(ESC);
    let again = pty.next_question(&t).expect("gender again");
    assert_eq!(again.id, "gender", "Esc re-asks the previous question");
    assert!(
        again.screen.contains("> Male"),
        "the cursor is on the answer given:\n{}",
        again.screen
    );
    pty.answer(&t, &again, Key::Down(1));
    let citizenship = pty.next_question(&t).expect("citizenship again");
    assert_eq!(citizenship.id, "citizenship");
    pty.answer(&t, &citizenship, Key::Down(1)); // Uzbekistan
    asked.extend([gender, again, citizenship]);

    let rest = pty.answer_rest(&t, &|_| None);
    asked.extend(rest);
    // Every question once, except gender (asked again after Esc).
    let mut ids: Vec<&str> = asked.iter().map(|q| q.id.as_str()).collect();
    ids.sort_unstable();
    let mut dedup = ids.clone();
    dedup.dedup();
    assert_eq!(ids.len(), dedup.len() + 1, "{ids:?}");
    for q in &asked {
        assert!(q.position <= q.about, "{q:?}");
    }
    for id in ["hours_per_day", "how_decided", "sectors", "legal_status"] {
        assert!(ids.contains(&id), "`{id}` was not asked: {ids:?}");
    }

    // The summary, as the officer reads it.
    let (summary, code) = pty.finish();
    assert_eq!(code, 0, "exit code");
    assert!(says(&summary, "Level now:"), "{summary}");
    assert!(says(&summary, &t.msg("disclaimer-screening")), "{summary}");
    assert!(
        says(&summary, &t.msg("disclaimer-non-punishment")),
        "{summary}"
    );
    assert!(summary.contains("International Organization"), "{summary}");
    let wide: Vec<&str> = summary.lines().filter(|l| l.chars().count() > 80).collect();
    assert!(
        wide.is_empty(),
        "summary lines wider than --width 80: {wide:#?}"
    );
    pty.assert_cursor_shown();

    // Saved, finished, with the changed answer and the record.
    let s = only_session(data.path());
    assert_eq!(s["finished"], true);
    assert_eq!(s["consent"], true);
    assert_eq!(s["lang"], "en");
    assert_eq!(s["answers"]["gender"], "other");
    assert_eq!(s["answers"]["citizenship"], "uzbekistan");
    assert_eq!(s["answers"]["age"], 24.0);
    assert_eq!(s["answers"]["needs_medical_help"], "no");
    assert_eq!(s["answers"]["hours_per_day"], "dont_know");
    assert_eq!(s["answers"]["sectors"], "dont_know");
    assert_eq!(s["record"]["interviewer"], "Ann Example");
    assert_eq!(s["record"]["agency"], "Example NGO");
    assert_eq!(s["record"]["place"], "Office");
    assert_eq!(s["record"]["region"], "almaty_city");
    assert_eq!(
        s["record"]["interpreter"], false,
        "Enter alone chose nothing"
    );
    assert_eq!(s["record"]["interpreter_independent"], Value::Null);
    assert!(!says(
        &pty.transcript(),
        &t.msg("record-interpreter-independent")
    ));
    assert_eq!(s["record"]["private_setting"], true);
    let date = s["record"]["date"].as_str().expect("date");
    assert!(
        date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-',
        "the proposed date is kept: {date}"
    );
}

#[test]
fn going_back_shows_the_question_with_the_number_it_had() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("en");
    let mut pty = Pty::spawn(
        data.path(),
        &["screen", "--width", "80", "--region", "almaty_city"],
    );
    pty.record(&t);
    pty.consent(&t, true);
    first_questions(&mut pty, &t, "24");
    let gender = pty.next_question(&t).expect("gender");
    pty.answer(&t, &gender, Key::Enter);
    let citizenship = pty.next_question(&t).expect("citizenship");
    assert_eq!(citizenship.position, gender.position + 1);
    pty.send(ESC);
    let again = pty.next_question(&t).expect("gender again");
    assert_eq!(again.id, "gender");
    assert_eq!(
        again.position, gender.position,
        "first {:?}, after Esc {:?}",
        gender.progress, again.progress
    );
    pty.answer(&t, &again, Key::Enter);
    let citizenship = pty.next_question(&t).expect("citizenship again");
    assert_eq!(citizenship.id, "citizenship");
    assert_eq!(citizenship.position, gender.position + 1);
}

#[test]
fn going_back_from_the_question_after_age_re_asks_the_age() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("en");
    let mut pty = Pty::spawn(
        data.path(),
        &["screen", "--width", "80", "--region", "almaty_city"],
    );
    pty.record(&t);
    pty.consent(&t, true);
    first_questions(&mut pty, &t, "24");
    let gender = pty.next_question(&t).expect("gender");
    assert_eq!(gender.id, "gender");
    pty.send(ESC);
    let back = pty.next_question(&t).expect("a question");
    assert_eq!(
        back.id, "age",
        "Esc at `gender` goes back to the previous question"
    );
    assert!(back.screen.contains("24"), "the age given is offered again");
}

#[test]
fn an_interview_in_russian() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("ru");
    let mut pty = Pty::spawn(
        data.path(),
        &[
            "--lang",
            "ru",
            "screen",
            "--width",
            "80",
            "--region",
            "almaty_city",
        ],
    );
    pty.record(&t);
    pty.consent(&t, true);
    let first = first_questions(&mut pty, &t, "31");
    assert!(
        first[0].progress.contains("вопрос 1 примерно из"),
        "{:?}",
        first[0].progress
    );
    let rest = pty.answer_rest(&t, &|_| None);
    assert!(rest.len() > 20, "{} questions", rest.len());
    let (summary, code) = pty.finish();
    assert_eq!(code, 0);
    // The title was read by `next_question`; the rest is in Russian too.
    assert!(
        pty.transcript().contains("Результат скрининга"),
        "no Russian summary title"
    );
    assert!(
        summary.contains(&t.msg_head("summary-level-now")),
        "{summary}"
    );
    assert!(says(&summary, &t.msg("disclaimer-screening")), "{summary}");
    assert!(
        !summary.contains("Level now"),
        "English in the Russian summary"
    );
    assert_eq!(only_session(data.path())["lang"], "ru");
}

#[test]
fn ctrl_c_pauses_and_resume_continues_at_the_next_question() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("en");
    let mut pty = Pty::spawn(
        data.path(),
        &["screen", "--width", "80", "--region", "almaty_city"],
    );
    pty.record(&t);
    pty.consent(&t, true);
    for (id, key) in [
        ("feels_safe_now", Key::Enter),
        ("needs_medical_help", Key::Down(1)),
        ("with_parent_or_guardian", Key::DontKnow),
    ] {
        let q = pty.next_question(&t).expect("question");
        assert_eq!(q.id, id);
        pty.answer(&t, &q, key);
    }
    // Ctrl-C in a typed answer; "No", do not pause: the same question again.
    let age = pty.next_question(&t).expect("age");
    assert_eq!(age.id, "age");
    pty.send(CTRL_C);
    pty.expect(&t.msg("screen-save-and-quit"));
    pty.expect(&t.msg("answer-no"));
    pty.send(&format!("{DOWN}{ENTER}"));
    let again = pty.next_question(&t).expect("age again");
    assert_eq!(again.id, "age", "not paused: the question is asked again");
    assert_eq!(again.position, age.position);
    pty.answer(&t, &again, Key::Type("30"));
    let gender = pty.next_question(&t).expect("gender");
    assert_eq!(gender.id, "gender");
    // Ctrl-C in a menu: "Pause the interview?" with Yes proposed.
    pty.send(CTRL_C);
    pty.expect(&t.msg("screen-save-and-quit"));
    pty.expect(&t.msg("answer-no"));
    pty.send(ENTER);
    let head = t.msg_head("screen-paused");
    pty.expect(&head);
    let (rest, code) = pty.finish();
    assert_eq!(code, 0, "pausing is a normal end");
    let id = rest
        .split_whitespace()
        .next()
        .expect("the session id")
        .to_owned();
    assert!(
        id.len() > 10 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        "session id: {id:?}"
    );
    pty.assert_cursor_shown();

    let path = data.path().join("sessions").join(format!("{id}.json"));
    assert!(path.exists(), "{} is saved", path.display());
    let s = only_session(data.path());
    assert_eq!(s["id"], id.as_str());
    assert_eq!(s["finished"], false);
    // The guardian question no longer applies at 30: its answer was dropped.
    assert_eq!(
        answered_ids(&s),
        ["age", "feels_safe_now", "needs_medical_help"],
        "{s}"
    );
    assert_eq!(s["answers"]["age"], 30.0);

    // Resume: the next unanswered question, then to the end.
    let mut pty = Pty::spawn(data.path(), &["screen", "--width", "80", "--resume", &id]);
    let mut a = fluent_bundle::FluentArgs::new();
    a.set("id", id.as_str());
    pty.expect(&t.loc.msg_args("screen-resumed", &a));
    let next = pty.next_question(&t).expect("a question");
    assert_eq!(
        next.id, "gender",
        "continues at the next unanswered question"
    );
    assert_eq!(next.position, 4, "{:?}", next.progress);
    pty.answer(&t, &next, Key::Enter);
    let asked = pty.answer_rest(&t, &|_| None);
    let ids: Vec<&str> = asked.iter().map(|q| q.id.as_str()).collect();
    for done in ["feels_safe_now", "needs_medical_help", "age"] {
        assert!(!ids.contains(&done), "`{done}` asked again: {ids:?}");
    }
    let (summary, code) = pty.finish();
    assert_eq!(code, 0);
    assert!(says(&summary, "Level now:"), "{summary}");
    let s = only_session(data.path());
    assert_eq!(s["finished"], true);
    assert_eq!(s["answers"]["age"], 30.0);
    assert_eq!(s["answers"]["gender"], "female");
    assert_eq!(s["record"]["interviewer"], "Ann Example");
}

#[test]
fn a_killed_interview_keeps_every_answer_and_resumes() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("en");
    let mut pty = Pty::spawn(
        data.path(),
        &["screen", "--width", "80", "--region", "almaty_city"],
    );
    pty.record(&t);
    pty.consent(&t, true);
    first_questions(&mut pty, &t, "45");
    for (id, key) in [
        ("gender", Key::Down(1)),
        ("citizenship", Key::Down(2)),
        ("region", Key::Enter),
    ] {
        let q = pty.next_question(&t).expect("question");
        assert_eq!(q.id, id);
        pty.answer(&t, &q, key);
    }
    // The next question is on the screen: the answer before it is saved. Kill hard.
    let next = pty.next_question(&t).expect("question");
    assert_eq!(next.id, "found_job_how");
    pty.send(""); // waits until the program reads keys
    pty.session
        .get_process_mut()
        .kill(Signal::SIGKILL)
        .expect("kill");
    let status = pty.session.get_process().wait().expect("wait");
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
        "{status:?}"
    );

    let s = only_session(data.path());
    assert_eq!(s["finished"], false);
    assert_eq!(
        answered_ids(&s),
        [
            "age",
            "citizenship",
            "feels_safe_now",
            "gender",
            "needs_medical_help",
            "region"
        ],
        "{s}"
    );
    assert_eq!(s["answers"]["gender"], "male");
    assert_eq!(s["answers"]["citizenship"], "tajikistan");
    assert_eq!(s["answers"]["region"], "abai");
    let id = s["id"].as_str().expect("id").to_owned();
    assert!(
        !data
            .path()
            .join("sessions")
            .join(format!(".{id}.json.tmp"))
            .exists(),
        "no temp file left after an answer was saved"
    );

    let mut pty = Pty::spawn(data.path(), &["screen", "--width", "80", "--resume", &id]);
    let next = pty.next_question(&t).expect("a question");
    assert_eq!(
        next.id, "found_job_how",
        "continues at the next unanswered question"
    );
    assert_eq!(next.position, 7, "{:?}", next.progress);
    pty.answer(&t, &next, Key::Enter);
    pty.answer_rest(&t, &|_| None);
    let (summary, code) = pty.finish();
    assert_eq!(code, 0);
    assert!(says(&summary, "Level now:"), "{summary}");
    let s = only_session(data.path());
    assert_eq!(s["finished"], true);
    assert_eq!(s["answers"]["citizenship"], "tajikistan");
    assert_eq!(s["answers"]["found_job_how"], "friends_or_relatives");
}

#[test]
fn consent_refused_on_the_terminal_saves_nothing_and_gives_the_contacts() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("en");
    let mut pty = Pty::spawn(
        data.path(),
        &["screen", "--width", "80", "--region", "almaty_city"],
    );
    pty.record(&t);
    pty.consent(&t, false);
    pty.expect(&t.msg("consent-refused"));
    pty.expect(&t.msg("summary-card-title"));
    let (rest, code) = pty.finish();
    assert_eq!(code, 0);
    assert!(rest.contains("International Organization"), "{rest}");
    assert!(
        !pty.transcript().lines().any(|l| t.progress(l).is_some()),
        "no question asked"
    );
    assert!(sessions(data.path()).is_empty(), "nothing saved");
    let files: Vec<_> = walk(data.path());
    assert!(files.is_empty(), "no file saved: {files:?}");
    pty.assert_cursor_shown();
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn an_interview_in_russian_with_uzbek_under_each_question() {
    let data = tempfile::tempdir().expect("temp");
    let t = Texts::new("ru");
    let uz = Texts::new("uz");
    let mut pty = Pty::spawn(
        data.path(),
        &[
            "--lang",
            "ru",
            "screen",
            "--width",
            "80",
            "--region",
            "almaty_city",
            "--with-lang",
            "uz",
        ],
    );
    pty.record(&t);
    pty.consent(&t, true);
    assert!(
        says(&pty.transcript(), &uz.msg("consent-script")),
        "the Uzbek consent script"
    );

    // Each question in Russian, then in Uzbek: the text, the hint and every answer.
    let q = pty.next_question(&t).expect("the first question");
    assert_eq!(q.id, "feels_safe_now");
    for text in [
        "Hozir oʻzingizni xavfsiz his qilyapsizmi?",
        &uz.msg("q-feels_safe_now-hint"),
        &format!("{} · Ha", t.msg("answer-yes")),
        &format!("{} · Yoʻq", t.msg("answer-no")),
        &format!("{} · Bilmayman", t.msg("answer-dont-know")),
    ] {
        assert!(says(&q.screen, text), "no `{text}` in\n{}", q.screen);
    }
    // The note is for the interviewer, in Russian only.
    assert!(says(&q.screen, &t.msg("q-feels_safe_now-note")));
    pty.answer(&t, &q, Key::Enter);

    let q = pty.next_question(&t).expect("the second question");
    assert_eq!(q.id, "needs_medical_help");
    assert!(
        says(&q.screen, &uz.question_text("needs_medical_help")),
        "{}",
        q.screen
    );
}
