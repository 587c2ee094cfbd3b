//! `tipscreen sessions list|delete ID|purge`: saved interviews; and [`Vault`], which opens
//! the folder of saved interviews for every command, with the key when they are encrypted.

use std::cell::OnceCell;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{anyhow, bail, Context as _};

use super::context::{language, locales_folder};
use super::Status;
use crate::cli::{Global, SessionsCommand};
use tipscreen::config::{self, EncryptPolicy};
use tipscreen::crypto::{Key, Passphrase};
use tipscreen::i18n::Localizer;
use tipscreen::output::table::new_table;
use tipscreen::session::{self, now_utc, SessionError, Store};

/// Typed passphrases tried before giving up.
const ATTEMPTS: usize = 3;

pub fn run(global: &Global, cmd: &SessionsCommand) -> anyhow::Result<Status> {
    let locales = locales_folder(global)?;
    let loc = Localizer::new(&language(global, &locales)?, &locales, None)?;
    let mut out = std::io::stdout().lock();
    match cmd {
        SessionsCommand::List { passphrase_file } => {
            let vault = Vault::new(false, passphrase_file.as_deref(), &loc)?;
            let store = vault.store(Purpose::List)?;
            let (list, bad) = store.list();
            let mut err = std::io::stderr().lock();
            for b in &bad {
                writeln!(err, "warning: {b} ({})", loc.msg("sessions-set-aside"))?;
            }
            if list.is_empty() {
                writeln!(out, "{}", loc.msg("sessions-none"))?;
                return Ok(Status::Ok);
            }
            let mut t = new_table(Some(super::context::table_width()));
            t.set_header(vec![
                loc.msg("sessions-id"),
                loc.msg("sessions-updated"),
                loc.msg("sessions-ruleset"),
                loc.msg("sessions-answered"),
                loc.msg("sessions-state"),
                loc.msg("sessions-label"),
            ]);
            for s in list {
                t.add_row(vec![
                    s.id,
                    super::screen::short_time(&s.updated),
                    s.ruleset,
                    s.answered.to_string(),
                    loc.msg(if s.finished {
                        "sessions-finished"
                    } else {
                        "sessions-open"
                    }),
                    s.label,
                ]);
            }
            writeln!(out, "{t}")?;
            writeln!(out, "{}", loc.msg("sessions-where"))?;
            writeln!(out, "  {}", store.dir().display())?;
        }
        SessionsCommand::Delete { id } => {
            plain_store()?.delete(id)?;
            writeln!(out, "{}: {id}", loc.msg("sessions-deleted"))?;
        }
        SessionsCommand::Purge {
            older_than,
            dry_run,
        } => {
            let period = session::parse_period(older_than).map_err(|e| anyhow!(e))?;
            let now = now()?;
            let store = plain_store()?;
            let (purged, errors) = store.purge(period, now, *dry_run);
            let cutoff = now.checked_sub(period).unwrap_or(SystemTime::UNIX_EPOCH);
            let verb = if *dry_run { "would delete" } else { "deleted" };
            for p in &purged {
                writeln!(
                    out,
                    "{verb} {} (last saved {})",
                    p.id,
                    super::screen::short_time(&session::format_utc(p.last_saved))
                )?;
            }
            writeln!(
                out,
                "{} interview{} last saved before {} {}.",
                purged.len(),
                if purged.len() == 1 { "" } else { "s" },
                super::screen::short_time(&session::format_utc(cutoff)),
                if *dry_run {
                    "would be deleted (nothing was deleted)"
                } else {
                    "deleted"
                }
            )?;
            if let Some(first) = errors.first() {
                let mut err = std::io::stderr().lock();
                for e in &errors {
                    writeln!(err, "warning: {e}")?;
                }
                bail!(
                    "{} file{} could not be deleted (first: {first})",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                );
            }
        }
    }
    Ok(Status::Ok)
}

/// "Now" for `purge`: `TIPSCREEN_NOW` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SSZ`, UTC) when set,
/// for tests; else the system clock.
fn now() -> anyhow::Result<SystemTime> {
    match std::env::var("TIPSCREEN_NOW") {
        Ok(v) if !v.is_empty() => session::parse_utc(&v).ok_or_else(|| {
            anyhow!("TIPSCREEN_NOW=`{v}` is not a time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
        }),
        _ => Ok(SystemTime::now()),
    }
}

fn data_dir() -> anyhow::Result<PathBuf> {
    Store::default_dir()
        .ok_or_else(|| anyhow!("no data folder for saved interviews; set TIPSCREEN_DATA_DIR"))
}

/// The folder without a key: for what needs none (delete, purge).
fn plain_store() -> anyhow::Result<Store> {
    Ok(Store::open(data_dir()?)?)
}

/// What the folder is opened for; it decides whether the key is needed.
#[derive(Debug, Clone, Copy)]
pub(super) enum Purpose<'a> {
    /// A new interview.
    New,
    /// Continuing this interview.
    Resume(&'a str),
    /// Choosing an interview to continue.
    Pick,
    /// Listing.
    List,
}

/// The folder of saved interviews, the encryption policy, and the key once unlocked (the
/// passphrase is asked once per command).
pub(super) struct Vault {
    /// Whether what is saved from now on is encrypted.
    encrypt: bool,
    /// The settings file that makes encryption mandatory.
    mandatory: Option<PathBuf>,
    passphrase_file: Option<PathBuf>,
    key: OnceCell<Key>,
    /// Passphrase prompts in the interface language: new, enter, again, differ, wrong.
    prompts: [String; 5],
}

impl Vault {
    /// Reads the organisation's settings; `encrypt`: the user asked for encryption.
    pub(super) fn new(
        encrypt: bool,
        passphrase_file: Option<&Path>,
        loc: &Localizer,
    ) -> anyhow::Result<Vault> {
        let loaded = config::load()?;
        let mandatory = (loaded.config.sessions.encrypt == EncryptPolicy::Always)
            .then(|| loaded.path.unwrap_or_default());
        Ok(Vault {
            encrypt,
            mandatory,
            passphrase_file: passphrase_file.map(Path::to_path_buf),
            key: OnceCell::new(),
            prompts: [
                "passphrase-new",
                "passphrase-enter",
                "passphrase-again",
                "passphrase-differ",
                "passphrase-wrong",
            ]
            .map(|k| loc.msg(k)),
        })
    }

    /// Whether what is saved (sessions, reports) is encrypted.
    pub(super) fn encrypts(&self) -> bool {
        self.encrypt || self.mandatory.is_some()
    }

    /// The folder, with the key when `purpose` needs it: to save encrypted (the key is made on
    /// first use), or to read encrypted interviews.
    ///
    /// # Errors
    /// No data folder; no passphrase to be had; a wrong passphrase; a damaged key file.
    pub(super) fn store(&self, purpose: Purpose<'_>) -> anyhow::Result<Store> {
        let mut store = Store::open(data_dir()?)?;
        if self.mandatory.is_some() {
            store = store.requiring_encryption();
        }
        let (need, may_create) = match purpose {
            Purpose::New => (self.encrypts(), true),
            Purpose::Resume(id) => (self.encrypts() || store.is_encrypted(id), self.encrypts()),
            Purpose::Pick | Purpose::List => (store.has_encrypted(), false),
        };
        if !need {
            return Ok(store);
        }
        let key = self.key(&store, may_create)?;
        Ok(store.with_key(key))
    }

    fn key(&self, store: &Store, may_create: bool) -> anyhow::Result<Key> {
        if let Some(k) = self.key.get() {
            return Ok(k.clone());
        }
        let key = if store.has_key_file() {
            self.unlock(store)?
        } else if may_create {
            let p = self.passphrase(true)?;
            store.create_key(&p, &now_utc())?
        } else {
            return Err(SessionError::NoKey(store.key_path().display().to_string()).into());
        };
        Ok(self.key.get_or_init(|| key).clone())
    }

    /// Opens the key file: from the passphrase file once, or typed (a few tries).
    fn unlock(&self, store: &Store) -> anyhow::Result<Key> {
        let mut tries = 0;
        loop {
            let p = self.passphrase(false)?;
            match store.unlock(&p) {
                Err(SessionError::WrongPassphrase(path))
                    if self.passphrase_file.is_none() && tries + 1 < ATTEMPTS =>
                {
                    tries += 1;
                    let _ = writeln!(std::io::stderr(), "{} (`{path}`)", self.prompts[4]);
                }
                other => return Ok(other?),
            }
        }
    }

    /// The passphrase: from `--passphrase-file`, else typed on the terminal (twice for a new
    /// key). Never from the command line.
    fn passphrase(&self, new: bool) -> anyhow::Result<Passphrase> {
        if let Some(f) = &self.passphrase_file {
            return Ok(Passphrase::from_file(f)?);
        }
        if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
            bail!("{}", self.no_passphrase_reason());
        }
        let [new_p, enter, again, differ, _] = &self.prompts;
        let mut prompt = dialoguer::Password::new().with_prompt(if new { new_p } else { enter });
        if new {
            prompt = prompt.with_confirmation(again, differ);
        }
        let text = prompt.interact().context("cannot read the passphrase")?;
        Ok(Passphrase::new(text)?)
    }

    fn no_passphrase_reason(&self) -> String {
        let how = "give it with `--passphrase-file FILE`, or run on a terminal to type it";
        match &self.mandatory {
            Some(path) => format!(
                "refusing to store the interview unencrypted: the settings file `{}` requires \
                 encryption ([sessions] encrypt = \"always\"), and there is no terminal to ask \
                 for the passphrase; {how}",
                path.display()
            ),
            None => format!("the passphrase of the saved interviews is needed; {how}"),
        }
    }
}
