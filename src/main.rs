//! The `tipscreen` binary: parse flags, run the command, print the error once, map it to an
//! exit code (0 ok, 1 findings, 2 usage or runtime error).

mod cli;
mod cmd;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Decides colour once for the whole run, for standard output (tables) and standard error
/// (prompts): `--color`, then NO_COLOR, then whether each is a terminal.
fn set_colour(when: cli::ColorWhen) {
    use std::io::IsTerminal;
    use tipscreen::output::colour::{decide, set_tables, When};
    let when = match when {
        cli::ColorWhen::Auto => When::Auto,
        cli::ColorWhen::Always => When::Always,
        cli::ColorWhen::Never => When::Never,
    };
    let no_color = std::env::var_os("NO_COLOR");
    let stdout = decide(when, no_color.as_deref(), std::io::stdout().is_terminal());
    let stderr = decide(when, no_color.as_deref(), std::io::stderr().is_terminal());
    console::set_colors_enabled(stdout);
    console::set_colors_enabled_stderr(stderr);
    set_tables(stdout);
}

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    set_colour(cli.global.color);
    match cmd::run(cli) {
        Ok(code) => code.into(),
        Err(e) => {
            // A closed pipe (`tipscreen score … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {e}");
            for cause in e.chain().skip(1) {
                let _ = writeln!(err, "  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}
