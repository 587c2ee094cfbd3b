//! `tipscreen rules list` and `tipscreen rules show ID`.

use std::io::Write;

use anyhow::anyhow;
use comfy_table::Table;

use super::context::{language, locales_folder, rules_folder};
use super::Status;
use crate::cli::{Global, RulesShowArgs, ShowFormat};
use tipscreen::diagnostic::SourceMap;
use tipscreen::i18n::{keys, Localizer};
use tipscreen::output::describe;
use tipscreen::ruleset::{load, Folder, LoadOptions, RuleSet};

fn load_one(spec: &str) -> anyhow::Result<(RuleSet, Folder)> {
    let folder = rules_folder(spec)?;
    let mut sources = SourceMap::default();
    let loaded = load(&folder, &mut sources, LoadOptions::default());
    loaded
        .ruleset
        .map(|rs| (rs, folder))
        .ok_or_else(|| anyhow!("the rule set `{spec}` has errors; run `tipscreen check {spec}`"))
}

fn table() -> Table {
    tipscreen::output::table::new_table(None)
}

pub fn list(global: &Global) -> anyhow::Result<Status> {
    let locales = locales_folder(global)?;
    let lang = language(global, &locales)?;
    let mut t = table();
    t.set_header(vec![
        "id",
        "version",
        "audience",
        "questions",
        "indicators",
        "title",
    ]);
    for id in Folder::embedded_ruleset_ids() {
        let (rs, folder) = load_one(&id)?;
        let own = folder.sub("locales");
        let loc = Localizer::new(&lang, &locales, Some((&rs.meta.id, own.as_ref())))?;
        t.add_row(vec![
            rs.meta.id.clone(),
            rs.meta.version.clone(),
            describe::audience(rs.meta.audience).to_owned(),
            rs.questions.len().to_string(),
            rs.indicators.len().to_string(),
            loc.msg(keys::RULESET_TITLE),
        ]);
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{t}")?;
    Ok(Status::Ok)
}

pub fn show(global: &Global, args: &RulesShowArgs) -> anyhow::Result<Status> {
    let (rs, folder) = load_one(&args.id)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let v = describe::ruleset_json(&rs);
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        ShowFormat::Table => {
            let locales = locales_folder(global)?;
            let lang = language(global, &locales)?;
            let own = folder.sub("locales");
            let loc = Localizer::new(&lang, &locales, Some((&rs.meta.id, own.as_ref())))?;
            writeln!(
                out,
                "{} {} ({})\n{}\n",
                rs.meta.id,
                rs.meta.version,
                loc.msg(keys::RULESET_TITLE),
                rs.meta.citation
            )?;
            let mut t = table();
            t.set_header(vec!["question", "section", "kind", "show if", "text"]);
            for q in &rs.questions {
                t.add_row(vec![
                    q.id.clone(),
                    rs.sections.get(q.section).cloned().unwrap_or_default(),
                    q.kind.as_str().to_owned(),
                    q.show_if
                        .as_ref()
                        .map(|c| c.text.clone())
                        .unwrap_or_default(),
                    loc.msg(&keys::question(&q.id)),
                ]);
            }
            writeln!(out, "{t}\n")?;
            let mut t = table();
            t.set_header(vec!["indicator", "strength", "when", "source"]);
            for i in &rs.indicators {
                t.add_row(vec![
                    i.id.clone(),
                    i.strength.as_str().to_owned(),
                    i.when.text.clone(),
                    i.source.clone(),
                ]);
            }
            writeln!(out, "{t}\n")?;
            let mut t = table();
            t.set_header(vec!["dimension", "present if", "indicators"]);
            for d in &rs.dimensions {
                t.add_row(vec![
                    d.id.clone(),
                    d.present_if.text.clone(),
                    d.indicators.len().to_string(),
                ]);
            }
            writeln!(out, "{t}\n")?;
            let mut t = table();
            t.set_header(vec!["rule", "level", "when"]);
            for f in &rs.red_flags {
                t.add_row(vec![
                    format!("red flag {}", f.id),
                    "urgent".to_owned(),
                    f.when.text.clone(),
                ]);
            }
            for o in &rs.outcomes {
                t.add_row(vec![
                    o.id.clone(),
                    o.level.as_str().to_owned(),
                    o.when.text.clone(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(Status::Ok)
}
