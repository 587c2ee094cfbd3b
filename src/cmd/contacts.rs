//! `tipscreen contacts`: the referral directory (shipped, plus `--contacts FILE`), filtered by
//! region and service, as cards or JSON, with the source and verified date of every entry.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context as _};
use fluent_bundle::FluentArgs;

use super::context::{language, locales_folder, table_width};
use super::Status;
use crate::cli::{ContactsArgs, Global, ShowFormat};
use tipscreen::diagnostic::{count, Diagnostic, Severity, SourceMap};
use tipscreen::i18n::Localizer;
use tipscreen::output::table::new_table;
use tipscreen::referral::{
    check_dates, is_region, is_stale, labels, load, Contact, Date, Directory, Input, Service,
    REGIONS,
};

/// The rule set whose `region` question names the regions (`opt-region-<id>`).
const REGION_NAMES: &str = "kz-handbook";

/// Today: `TIPSCREEN_TODAY` (YYYY-MM-DD) when set, else the system clock (UTC).
pub fn today() -> anyhow::Result<Date> {
    if let Ok(v) = std::env::var("TIPSCREEN_TODAY") {
        return Date::parse(v.trim())
            .ok_or_else(|| anyhow!("TIPSCREEN_TODAY=`{v}` is not a date: write YYYY-MM-DD"));
    }
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    let days = i64::try_from(secs / 86_400).context("the system clock is out of range")?;
    Ok(Date::from_days_since_epoch(days))
}

/// The shipped directory and the `--contacts` files, validated; errors stop here.
fn load_directory(args: &ContactsArgs) -> anyhow::Result<(Directory, SourceMap, Vec<Diagnostic>)> {
    let mut inputs = vec![Input::shipped()];
    inputs.extend(args.extra.iter().map(|p| Input::from_disk(p)));
    let mut sources = SourceMap::default();
    let loaded = load(&inputs, &mut sources);
    let Some(directory) = loaded.directory else {
        let mut msg = Vec::new();
        for d in &loaded.diagnostics {
            let _ = d.render(&sources, &mut msg);
        }
        let (errors, _, _) = count(&loaded.diagnostics);
        bail!(
            "the contact directory has {errors} error(s)\n{}",
            String::from_utf8_lossy(&msg).trim_end()
        );
    };
    Ok((directory, sources, loaded.diagnostics))
}

fn check_filters(args: &ContactsArgs) -> anyhow::Result<Option<Service>> {
    if let Some(r) = &args.region {
        if !is_region(r) {
            bail!("unknown region `{r}`; regions: {}", REGIONS.join(", "));
        }
    }
    args.service
        .as_deref()
        .map(|s| {
            Service::parse(s)
                .ok_or_else(|| anyhow!("unknown service `{s}`; services: {}", Service::ids()))
        })
        .transpose()
}

pub fn run(global: &Global, args: &ContactsArgs) -> anyhow::Result<Status> {
    let service = check_filters(args)?;
    let today = today()?;
    let (directory, sources, diagnostics) = load_directory(args)?;

    // Warnings other than staleness go to standard error; stale entries are flagged on their
    // card (or with `stale` in JSON).
    let dates = check_dates(&directory, today);
    let mut err = std::io::stderr().lock();
    for d in diagnostics
        .iter()
        .chain(dates.iter().filter(|d| d.code != "C014"))
        .filter(|d| d.severity >= Severity::Warning)
    {
        d.render(&sources, &mut err)?;
    }

    let shown: Vec<&Contact> = directory
        .contacts
        .iter()
        .filter(|c| args.region.as_deref().is_none_or(|r| c.serves(r)))
        .filter(|c| service.is_none_or(|s| c.offers(s)))
        .collect();

    let mut out = std::io::stdout().lock();
    match args.format {
        ShowFormat::Json => {
            let v = json(&directory, &shown, args, service, today)?;
            serde_json::to_writer_pretty(&mut out, &v)?;
            writeln!(out)?;
        }
        ShowFormat::Table => {
            let locales = locales_folder(global)?;
            let lang = language(global, &locales)?;
            let loc = Localizer::new(&lang, &locales, Some((labels::MESSAGES, None)))
                .context("loading translations")?;
            // Region names come from the `region` question; ids are shown when they are missing.
            let regions = Localizer::new(&lang, &locales, Some((REGION_NAMES, None))).ok();
            write_cards(&mut out, &loc, regions.as_ref(), &shown, today)?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}

fn json(
    directory: &Directory,
    shown: &[&Contact],
    args: &ContactsArgs,
    service: Option<Service>,
    today: Date,
) -> anyhow::Result<serde_json::Value> {
    let mut contacts = Vec::new();
    for c in shown {
        let mut v = serde_json::to_value(c)?;
        if let Some(obj) = v.as_object_mut() {
            obj.insert("stale".into(), is_stale(c, today).into());
        }
        contacts.push(v);
    }
    Ok(serde_json::json!({
        "today": today.to_string(),
        "files": directory.files,
        "filters": {
            "region": args.region,
            "service": service.map(Service::as_str),
        },
        "stale_after_months": tipscreen::referral::STALE_AFTER_MONTHS,
        "contacts": contacts,
        "rules": directory.rules,
    }))
}

fn write_cards(
    out: &mut dyn Write,
    loc: &Localizer,
    regions: Option<&Localizer>,
    shown: &[&Contact],
    today: Date,
) -> anyhow::Result<()> {
    let mut args = FluentArgs::new();
    args.set("count", shown.len());
    writeln!(
        out,
        "{} ({})",
        loc.msg(labels::TITLE),
        loc.msg_args(labels::COUNT, &args)
    )?;
    writeln!(out, "{}", loc.msg(labels::INTRO))?;
    writeln!(out, "{}\n", loc.msg(labels::NO_HOTLINE))?;
    if shown.is_empty() {
        writeln!(out, "{}", loc.msg(labels::NONE))?;
        return Ok(());
    }
    let width = table_width();
    for c in shown {
        let mut t = new_table(Some(width));
        t.set_header(vec![
            loc.msg(labels::ORGANISATION),
            format!("{} ({})", c.name_in(loc.lang()), c.id),
        ]);
        t.add_row(vec![loc.msg(labels::SERVICES), labels::services(loc, c)]);
        t.add_row(vec![loc.msg(labels::PHONES), labels::phones(loc, c)]);
        if let Some(h) = &c.hours {
            t.add_row(vec![loc.msg(labels::HOURS), h.clone()]);
        }
        t.add_row(vec![
            loc.msg(labels::REGIONS),
            labels::regions(loc, regions, c),
        ]);
        let who = labels::eligibility(loc, c);
        if !who.is_empty() {
            t.add_row(vec![loc.msg(labels::ELIGIBLE), who.join("\n")]);
        }
        if !c.languages.is_empty() {
            t.add_row(vec![loc.msg(labels::LANGUAGES), c.languages.join(", ")]);
        }
        t.add_row(vec![loc.msg(labels::SOURCE), labels::source(loc, c)]);
        t.add_row(vec![loc.msg(labels::VERIFIED), c.verified.to_string()]);
        if let Some(n) = c.note_in(loc.lang()) {
            t.add_row(vec![loc.msg(labels::NOTE), n.to_owned()]);
        }
        writeln!(out, "{t}")?;
        if is_stale(c, today) {
            writeln!(out, "! {}", labels::stale(loc, c.verified))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
