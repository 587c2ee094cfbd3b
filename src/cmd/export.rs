//! `tipscreen export xlsform`: the questionnaire as an XLSForm for KoboToolbox / ODK.

use std::io::Write as _;
use std::path::Path;

use anyhow::{bail, Context as _};

use super::context::{load_context, locales_folder, rules_folder, DEFAULT_RULESET};
use super::Status;
use crate::cli::{Global, XlsformArgs};
use tipscreen::export::{build, english_name, FormLanguage};
use tipscreen::i18n::{language_code, Languages, Localizer};

pub fn xlsform(global: &Global, args: &XlsformArgs) -> anyhow::Result<Status> {
    let path = args.output.as_path();
    let shown = path.display();
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        bail!("`{shown}`: the form must be written to a `.xlsx` file (XLSForm tools read the format from the name)");
    }
    if path.exists() && !args.force {
        bail!("`{shown}` exists; add --force to replace it");
    }
    // The default language is --lang or English, not the environment's: the form is for
    // everybody who fills it in, and each of them can switch language in the form.
    let default_code = match &global.lang {
        Some(l) => language_code(l).unwrap_or_else(|| l.clone()),
        None => "en".to_owned(),
    };
    let mut with_lang = global.clone();
    with_lang.lang = Some(default_code.clone());
    let ctx = load_context(&with_lang)?;
    let rs = &ctx.ruleset;

    let spec = global.rules.as_deref().unwrap_or(DEFAULT_RULESET);
    let own = rules_folder(spec)?.sub("locales");
    let locales = locales_folder(global)?;
    let known = Languages::load(&locales).ok();
    let mut locs = Vec::new();
    for code in &rs.meta.locales {
        let loc = Localizer::new(code, &locales, Some((&rs.meta.id, own.as_ref())))
            .with_context(|| format!("loading the `{code}` translations"))?;
        let name = english_name(code)
            .map(str::to_owned)
            .or_else(|| {
                known
                    .as_ref()
                    .and_then(|k| k.get(code))
                    .map(|l| l.name.clone())
            })
            .unwrap_or_else(|| code.clone());
        locs.push((code.clone(), name, loc));
    }
    let Some(default) = rs.meta.locales.iter().position(|c| *c == default_code) else {
        bail!(
            "the rule set `{}` has no texts in `{default_code}`; it has: {}",
            rs.meta.id,
            rs.meta.locales.join(", ")
        );
    };
    let langs: Vec<FormLanguage<'_>> = locs
        .iter()
        .map(|(code, name, loc)| FormLanguage { code, name, loc })
        .collect();
    let form = build(rs, &langs, default)
        .with_context(|| format!("cannot export the rule set `{}`", rs.meta.id))?;
    let bytes = form
        .to_xlsx()
        .with_context(|| format!("cannot write `{shown}`"))?;
    write_file(path, &bytes, args.force).with_context(|| format!("cannot write `{shown}`"))?;

    let names: Vec<&str> = langs.iter().map(|l| l.name).collect();
    writeln!(
        std::io::stderr().lock(),
        "wrote `{shown}`: XLSForm of rule set `{}` {} ({} questions; labels in {})",
        rs.meta.id,
        rs.meta.version,
        rs.questions.len(),
        names.join(", ")
    )?;
    Ok(Status::Ok)
}

/// Writes the file; without `force`, never replaces one that appeared since the check.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> std::io::Result<()> {
    let mut f = if force {
        std::fs::File::create(path)?
    } else {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)?
    };
    f.write_all(bytes)?;
    f.sync_all()
}
