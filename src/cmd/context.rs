//! What most commands need: the rule set, its sources, and the messages in the chosen language.

use std::path::Path;

use anyhow::{anyhow, bail, Context as _};

use crate::cli::Global;
use tipscreen::diagnostic::{count, SourceMap};
use tipscreen::i18n::{choose_language, Languages, Localizer};
use tipscreen::ruleset::{load, Folder, LoadOptions, RuleSet};

/// The rule set used when `--rules` is not given.
pub const DEFAULT_RULESET: &str = "kz-handbook";

/// A loaded rule set with its messages.
pub struct Context {
    /// The validated rule set.
    pub ruleset: RuleSet,
    /// The messages in the chosen language.
    pub loc: Localizer,
}

/// The folder of a rule set named by id or path.
pub fn rules_folder(spec: &str) -> anyhow::Result<Folder> {
    let path = Path::new(spec);
    if path.is_dir() {
        return Ok(Folder::Disk(path.to_path_buf()));
    }
    Folder::embedded_ruleset(spec).ok_or_else(|| {
        anyhow!(
            "no rule set `{spec}`: not a folder, and not a shipped rule set (shipped: {})",
            Folder::embedded_ruleset_ids().join(", ")
        )
    })
}

/// The locales folder: `--locales` or the shipped one.
pub fn locales_folder(global: &Global) -> anyhow::Result<Folder> {
    match &global.locales {
        Some(p) if p.is_dir() => Ok(Folder::Disk(p.clone())),
        Some(p) => bail!("`--locales {}` is not a folder", p.display()),
        None => Ok(Folder::embedded_locales()),
    }
}

/// The officer's language, from `--lang`, `TIPSCREEN_LANG`, the system locale, or English
/// (never a partial language: those are for the person, `screen --with-lang`).
pub fn language(global: &Global, locales: &Folder) -> anyhow::Result<String> {
    let languages = Languages::load(locales).map_err(|e| anyhow!(e))?;
    let env = std::env::var("TIPSCREEN_LANG").ok();
    let system = sys_locale::get_locale();
    Ok(choose_language(
        global.lang.as_deref(),
        env.as_deref(),
        system.as_deref(),
        &languages,
    )?)
}

/// Loads the rule set named by `--rules` (or the default) and the messages for it.
pub fn load_context(global: &Global) -> anyhow::Result<Context> {
    let spec = global.rules.as_deref().unwrap_or(DEFAULT_RULESET);
    let folder = rules_folder(spec)?;
    let mut sources = SourceMap::default();
    let loaded = load(&folder, &mut sources, LoadOptions::default());
    let Some(ruleset) = loaded.ruleset else {
        let mut msg = Vec::new();
        for d in &loaded.diagnostics {
            let _ = d.render(&sources, &mut msg);
        }
        let (errors, _, _) = count(&loaded.diagnostics);
        bail!(
            "the rule set `{spec}` has {errors} error(s); run `tipscreen check {spec}` to see them all\n{}",
            String::from_utf8_lossy(&msg).trim_end()
        );
    };
    let locales = locales_folder(global)?;
    let lang = language(global, &locales)?;
    let own = folder.sub("locales");
    let loc = Localizer::new(&lang, &locales, Some((&ruleset.meta.id, own.as_ref())))
        .context("loading translations")?;
    Ok(Context { ruleset, loc })
}

/// Width for tables: `COLUMNS` when set, else the terminal's width, else 100 (so that piped
/// output is the same everywhere).
pub fn table_width() -> u16 {
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
    {
        return w.clamp(40, 1000);
    }
    let probe = comfy_table::Table::new();
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        if let Some(w) = probe.width() {
            return w.clamp(40, 1000);
        }
    }
    100
}
