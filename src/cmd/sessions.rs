//! `tipscreen sessions list|delete ID`: saved interviews.

use std::io::Write;

use anyhow::anyhow;

use super::context::{language, locales_folder};
use super::Status;
use crate::cli::{Global, SessionsCommand};
use tipscreen::i18n::Localizer;
use tipscreen::output::table::new_table;
use tipscreen::session::Store;

pub fn run(global: &Global, cmd: &SessionsCommand) -> anyhow::Result<Status> {
    let locales = locales_folder(global)?;
    let loc = Localizer::new(&language(global, &locales)?, &locales, None)?;
    let dir = Store::default_dir()
        .ok_or_else(|| anyhow!("no data folder for saved interviews; set TIPSCREEN_DATA_DIR"))?;
    let store = Store::open(dir)?;
    let mut out = std::io::stdout().lock();
    match cmd {
        SessionsCommand::List => {
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
            store.delete(id)?;
            writeln!(out, "{}: {id}", loc.msg("sessions-deleted"))?;
        }
    }
    Ok(Status::Ok)
}
