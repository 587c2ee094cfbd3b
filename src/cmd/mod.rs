//! One file per subcommand; the only code that talks to the user.

mod check;
mod contacts;
mod context;
mod export;
mod rules;
mod score;
mod screen;
mod sessions;
mod template;

use crate::cli::{Cli, Command, ExportCommand, RulesCommand};

/// What a command found, as an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing to report (exit 0).
    Ok,
    /// Findings: `check` errors, `--strict` bad records (exit 1).
    Findings,
}

impl From<Status> for std::process::ExitCode {
    fn from(s: Status) -> Self {
        match s {
            Status::Ok => std::process::ExitCode::SUCCESS,
            Status::Findings => std::process::ExitCode::from(1),
        }
    }
}

/// Runs the command.
///
/// # Errors
/// Usage and runtime errors (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    match cli.command {
        Command::Score(args) => score::run(&cli.global, &args),
        Command::Screen(args) => screen::run(&cli.global, &args),
        Command::Sessions(cmd) => sessions::run(&cli.global, &cmd),
        Command::Template(args) => template::run(&cli.global, &args),
        Command::Export(ExportCommand::Xlsform(args)) => export::xlsform(&cli.global, &args),
        Command::Check(args) => check::run(&cli.global, &args),
        Command::Rules(RulesCommand::List) => rules::list(&cli.global),
        Command::Rules(RulesCommand::Show(args)) => rules::show(&cli.global, &args),
        Command::Contacts(args) => contacts::run(&cli.global, &args),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = std::io::stdout().lock();
            clap_complete::generate(shell, &mut cmd, "tipscreen", &mut out);
            Ok(Status::Ok)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(cmd).render(&mut out)?;
            Ok(Status::Ok)
        }
    }
}
