//! Command-line flags (clap derive). Only describes; `cmd/` acts.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Screens a person for indicators of human trafficking.
///
/// A screening, not an identification: formal identification of a victim is done by the
/// competent authorities. A presumed victim must not be treated as an offender.
#[derive(Debug, Parser)]
#[command(name = "tipscreen", version, about, long_about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Options shared by every command.
    #[command(flatten)]
    pub global: Global,
}

/// Options shared by every command.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Language of the output: en, ru, kk (default: $TIPSCREEN_LANG, then the system locale,
    /// then English).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Rule set: the id of a shipped one (`kz-handbook`, see `rules list`) or a folder.
    #[arg(long, global = true, value_name = "ID|PATH")]
    pub rules: Option<String>,
    /// A folder of translations to use instead of the shipped ones (`<lang>/ui.ftl`, …).
    #[arg(long, global = true, value_name = "PATH")]
    pub locales: Option<PathBuf>,
    /// Leave out of every output and report the answers to questions marked sensitive and
    /// all free-text answers.
    #[arg(long, global = true)]
    pub redact: bool,
    /// When to colour the output: `auto` (when it goes to a terminal and NO_COLOR is not set),
    /// `always` or `never`.
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t = ColorWhen::Auto
    )]
    pub color: ColorWhen,
}

/// Values of `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when the output is a terminal and NO_COLOR is not set (or empty).
    Auto,
    /// Always colour, even in a pipe or with NO_COLOR.
    Always,
    /// Never colour.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Interview a person: guided questions, then a localized summary and whom to call.
    Screen(ScreenArgs),
    /// List or delete saved interviews.
    #[command(subcommand)]
    Sessions(SessionsCommand),
    /// Score intake records from CSV or JSON Lines files (`-` reads standard input).
    Score(ScoreArgs),
    /// Print an empty intake file with the header the rule set expects.
    Template(TemplateArgs),
    /// Export the rule set's questionnaire for other tools (an XLSForm for KoboToolbox / ODK).
    #[command(subcommand)]
    Export(ExportCommand),
    /// Validate a rule set and its translations; report every problem with file:line:col.
    Check(CheckArgs),
    /// List the shipped rule sets or show one.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// List referral contacts (emergency, police, shelters, legal aid…), with their sources.
    Contacts(ContactsArgs),
    /// Print a shell completion script (e.g. `tipscreen completions bash > ~/.local/share/bash-completion/completions/tipscreen`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `tipscreen man | man -l -`.
    Man,
}

/// `screen`
#[derive(Debug, Clone, Args)]
pub struct ScreenArgs {
    /// A second language shown under each question, for the person (e.g. `--lang ru
    /// --with-lang kk`: the officer reads Russian, the person Kazakh): en, ru, kk, or the draft
    /// translations uz (Uzbek, Latin), ky (Kyrgyz), tg (Tajik).
    #[arg(long, value_name = "LANG")]
    pub with_lang: Option<String>,
    /// Region of the interview (an id such as `almaty_city`); asked when not given.
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Run without prompts from a TOML file of answers (training, demos, tests).
    #[arg(long, value_name = "FILE.toml", conflicts_with = "resume")]
    pub answers: Option<PathBuf>,
    /// Continue an unfinished interview (its id, or pick from a list).
    #[arg(long, value_name = "ID", num_args = 0..=1, default_missing_value = "")]
    pub resume: Option<String>,
    /// Write the result to this file: Markdown (`.md`), JSON (`.json`) or a printable HTML
    /// page (`.html`).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Width of the summary (default: the terminal's, or 80).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    /// Encrypt the saved interview and the report (age format, `FILE.age`; see
    /// docs/data-safety.md). Asks for the passphrase of the saved interviews' key (made on
    /// first use). An organisation's settings file can make this mandatory.
    #[arg(long)]
    pub encrypt: bool,
    /// Read the passphrase from the first line of this file instead of asking for it (never
    /// give it on the command line).
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

/// `sessions …`
#[derive(Debug, Subcommand)]
pub enum SessionsCommand {
    /// List saved interviews (newest first); asks for the passphrase when some are encrypted.
    List {
        /// Read the passphrase from the first line of this file instead of asking for it.
        #[arg(long, value_name = "FILE")]
        passphrase_file: Option<PathBuf>,
    },
    /// Delete a saved interview (plain and encrypted).
    Delete {
        /// Its id (see `sessions list`).
        id: String,
    },
    /// Delete every interview last saved longer ago than a period, encrypted or not (no
    /// passphrase needed).
    Purge {
        /// The period: days or weeks, such as `30d` or `4w`.
        #[arg(long, value_name = "PERIOD", required = true)]
        older_than: String,
        /// Only list what would be deleted.
        #[arg(long)]
        dry_run: bool,
    },
}

/// `contacts`
#[derive(Debug, Args)]
pub struct ContactsArgs {
    /// Only contacts serving this region (an id such as `almaty_city`, `turkistan`).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Only contacts offering this service (`emergency`, `police`, `shelter`, `hotline`,
    /// `legal_aid`, `medical`, `psychological`, `return_reintegration`, `child_protection`,
    /// `consular`).
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,
    /// An organisation's own directory file, added to the shipped one.
    #[arg(long = "contacts", value_name = "FILE")]
    pub extra: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

/// `score`
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Intake files (.csv, .jsonl); `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// Input format; by default from the file extension (standard input: CSV unless the first
    /// byte is `{`).
    #[arg(long, value_enum)]
    pub input: Option<InputFormat>,
    /// Text encoding of the input files. `auto`: UTF-8 (with or without BOM), or
    /// Windows-1251 when the start of the file is not UTF-8 but Russian text; UTF-16 with a
    /// BOM is also read. A byte order mark always wins over this option.
    #[arg(
        long,
        value_name = "ENCODING",
        default_value = "auto",
        value_parser = clap::builder::TypedValueParser::map(
            clap::builder::PossibleValuesParser::new([
                clap::builder::PossibleValue::new("auto"),
                clap::builder::PossibleValue::new("utf-8").alias("utf8"),
                clap::builder::PossibleValue::new("windows-1251").alias("cp1251"),
            ]),
            |s: String| tipscreen::input::EncodingChoice::from_label(&s).unwrap_or_default(),
        )
    )]
    pub encoding: tipscreen::input::EncodingChoice,
    /// Exit with status 1 when any record had a warning or an error.
    #[arg(long)]
    pub strict: bool,
    /// With `--format csv`: write CSV as Excel expects it (UTF-8 with a byte order mark, `;`
    /// between fields, CRLF line ends), so that Russian and Kazakh text opens correctly.
    #[arg(long)]
    pub excel: bool,
}

/// Formats of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// A table for the screen, with a summary of counts per level.
    Table,
    /// One JSON document with every record.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// CSV, one row per record.
    Csv,
    /// A Markdown report.
    Markdown,
    /// A printable, self-contained HTML page: counts per level, then one section per record.
    Html,
}

/// Formats of intake files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Comma- or semicolon-separated values with a header of question ids.
    Csv,
    /// One JSON object per line: `{"case_id": …, "answers": {…}}`.
    Jsonl,
}

/// `template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Format of the empty intake file.
    #[arg(long, short, value_enum, default_value_t = InputFormat::Csv)]
    pub format: InputFormat,
}

/// `export …`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write the questionnaire as an XLSForm (.xlsx) for KoboToolbox, ODK Central and ODK
    /// Collect: labels in every language of the rule set, the same skip logic as `screen`
    /// (see docs/xlsform.md). `--lang` picks the default language and the form's title.
    Xlsform(XlsformArgs),
}

/// `export xlsform`
#[derive(Debug, Args)]
pub struct XlsformArgs {
    /// The file to write (`.xlsx`).
    #[arg(long, short, value_name = "FILE.xlsx")]
    pub output: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `check`
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// A rule-set folder (default: every shipped rule set).
    #[arg(value_name = "PATH")]
    pub path: Option<PathBuf>,
    /// Output format of the diagnostics.
    #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// Formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Human-readable, with source lines and carets.
    Text,
    /// One JSON object per diagnostic, one per line.
    Jsonl,
}

/// `rules …`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List the shipped rule sets.
    List,
    /// Show one rule set: questions, indicators, dimensions, outcomes, red flags.
    Show(RulesShowArgs),
}

/// `rules show`
#[derive(Debug, Args)]
pub struct RulesShowArgs {
    /// Id of a shipped rule set, or a folder.
    #[arg(value_name = "ID|PATH")]
    pub id: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
    pub format: ShowFormat,
}

/// Formats of `rules show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Tables for the screen.
    Table,
    /// JSON for other tools.
    Json,
}
