//! `tipscreen screen`: the interview. Language and region, the interview record, consent,
//! safety first, the questions with skip logic (back, pause, resume), then the summary and whom
//! to call. Saved after every answer.

mod contacts;
mod script;
mod terminal;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use fluent_bundle::FluentArgs;

use super::context::{language, load_context, locales_folder, rules_folder};
use super::sessions::{Purpose, Vault};
use super::Status;
use crate::cli::{Global, ScreenArgs};
use tipscreen::answer::Answer;
use tipscreen::crypto::Key;
use tipscreen::engine::Evaluation;
use tipscreen::i18n::{keys, Languages, Localizer};
use tipscreen::input::Record;
use tipscreen::output::summary::{render_summary, ContactLine};
use tipscreen::output::{self, Prepared, ReportContext, Texts};
use tipscreen::questionnaire::prompt::question_view;
use tipscreen::questionnaire::{Flow, Prompter, Reply};
use tipscreen::ruleset::{Audience, RuleSet};
use tipscreen::session::{now_utc, InterviewRecord, Session, Store};

/// Saves the interview after each answer: the flow, the texts of text answers, finished.
type Save<'a> = dyn FnMut(&Flow<'_>, &BTreeMap<usize, String>, bool) -> anyhow::Result<()> + 'a;

/// How the interview ended.
enum End {
    Finished,
    Paused,
}

pub fn run(global: &Global, args: &ScreenArgs) -> anyhow::Result<Status> {
    // A report named `.age` asks for encryption too: never plain text in a file named so.
    let age_report = args
        .report
        .as_ref()
        .is_some_and(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("age")));
    let locales = locales_folder(global)?;
    let ui = Localizer::new(&language(global, &locales)?, &locales, None)?;
    let vault = Vault::new(
        args.encrypt || age_report,
        args.passphrase_file.as_deref(),
        &ui,
    )?;
    run_with(global, args, &vault)
}

fn run_with(global: &Global, args: &ScreenArgs, vault: &Vault) -> anyhow::Result<Status> {
    // A resumed interview goes on in the languages it started in, unless given again.
    if let Some(id) = args.resume.as_deref().filter(|id| !id.is_empty()) {
        if global.lang.is_none() || args.with_lang.is_none() {
            let saved = vault.store(Purpose::Resume(id))?.load(id)?;
            let g = Global {
                lang: global.lang.clone().or(Some(saved.lang)),
                ..global.clone()
            };
            let a = ScreenArgs {
                with_lang: args
                    .with_lang
                    .clone()
                    .or(saved.with_lang)
                    .or(Some(String::new())),
                ..args.clone()
            };
            return run_with(&g, &a, vault);
        }
    }
    let interactive = args.answers.is_none();
    if interactive && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        bail!(
            "`tipscreen screen` asks questions on a terminal, and there is none here; \
             to run an interview from a file of answers, use `tipscreen screen --answers FILE.toml` \
             (see the README)"
        );
    }
    let locales = locales_folder(global)?;
    let ctx = load_context(global)?;
    let rs = &ctx.ruleset;
    let rules_spec = global.rules.clone().unwrap_or_else(|| rs.meta.id.clone());
    let own_locales = rules_folder(&rules_spec)?.sub("locales");
    let languages = Languages::load(&locales).map_err(|e| anyhow!(e))?;
    let lang = ctx.loc.lang().to_owned();

    // The person's language, shown under each question (only when questions are put to the
    // person).
    let with_lang = match (&args.with_lang, rs.meta.audience) {
        // Empty: resumed without a second language.
        (Some(l), _) if l.is_empty() => None,
        (Some(l), Audience::Person) => {
            let code = tipscreen::i18n::language_code(l)
                .filter(|c| languages.codes().contains(c))
                .ok_or_else(|| {
                    anyhow!(
                        "language `{l}` is not available; available: {}",
                        languages.codes().join(", ")
                    )
                })?;
            (code != lang).then_some(code)
        }
        _ => None,
    };
    let second = with_lang
        .as_deref()
        .map(|l| Localizer::new(l, &locales, Some((&rs.meta.id, own_locales.as_ref()))))
        .transpose()?;
    let width = args.width.unwrap_or_else(summary_width);
    let texts = Texts::new(ctx.loc, rs);
    let directory = contacts::Contacts::load(&locales)?;

    if let Some(path) = &args.answers {
        let file = script::read(path, rs)?;
        // A scripted run stores only its report; the key (and so the passphrase) is needed
        // only for that, and is had before the run starts.
        let report_key = if args.report.is_some() && vault.encrypts() {
            vault.store(Purpose::New)?.key().cloned()
        } else {
            None
        };
        let record = file.interview.record();
        let consent = file.interview.consent;
        let p = script::Scripted::new(rs, &file, Box::new(std::io::stdout()), width);
        return scripted(
            rs,
            &texts,
            second.as_ref(),
            &directory,
            p,
            record,
            consent,
            args,
            width,
            global.redact,
            report_key.as_ref(),
        );
    }

    // The passphrase, when needed, is asked before anything else (and before Ctrl-C is
    // caught by the prompter).
    let store = vault.store(match args.resume.as_deref() {
        Some("") => Purpose::Pick,
        Some(id) => Purpose::Resume(id),
        None => Purpose::New,
    })?;
    let mut prompter: Box<dyn Prompter> = Box::new(terminal::Terminal::new(
        texts.msg("answer-yes"),
        texts.msg("answer-no"),
    ));

    // Resume, or start a new interview.
    let (mut session, mut flow, mut text_answers) = match &args.resume {
        Some(id) => {
            if id.is_empty() {
                let Some(id) = pick_session(&store, prompter.as_mut(), &texts)? else {
                    return Ok(Status::Ok);
                };
                drop(prompter);
                let again = ScreenArgs {
                    resume: Some(id),
                    ..args.clone()
                };
                return run_with(global, &again, vault);
            }
            let id = id.clone();
            let session = store.load(&id)?;
            if session.ruleset.id != rs.meta.id {
                bail!(
                    "interview `{id}` uses rule set `{}`; resume it with `--rules {}`",
                    session.ruleset.id,
                    session.ruleset.id
                );
            }
            let (answers, history, texts_map, problems) = session.answers_for(rs);
            for p in problems {
                prompter.show(&format!("{}: {p}", texts.msg("screen-answer-dropped")))?;
            }
            let flow = Flow::resume(rs, answers, history);
            let mut args = FluentArgs::new();
            args.set("id", session.id.as_str());
            prompter.show(&texts.loc.msg_args("screen-resumed", &args))?;
            (session, flow, texts_map)
        }
        None => {
            let now = now_utc();
            let Some(mut record) = interview_record(prompter.as_mut(), &texts, rs, args, &now)?
            else {
                // Ctrl-C before the first question: nothing was stored.
                prompter.show(&format!("\n{}", texts.msg("screen-cancelled")))?;
                return Ok(Status::Ok);
            };
            if record.region.is_none() {
                record.region = args.region.clone();
            }
            if rs.meta.audience == Audience::Person
                && !consent(prompter.as_mut(), &texts, second.as_ref(), &record)?
            {
                // Nothing is stored; the person still gets the contacts.
                let lines = directory.lines(
                    rs,
                    &Evaluation::default(),
                    &[],
                    record.region.as_deref(),
                    second.as_ref().unwrap_or(&texts.loc),
                );
                prompter.show(&texts.msg("consent-refused"))?;
                prompter.show(&contacts::card(
                    &lines,
                    second.as_ref().unwrap_or(&texts.loc),
                    width,
                ))?;
                return Ok(Status::Ok);
            }
            let mut session = Session::new(rs, &lang, with_lang.as_deref(), &now);
            session.record = record;
            store.create(&session)?;
            (session, Flow::new(rs), BTreeMap::new())
        }
    };

    let end = interview(
        rs,
        &texts,
        second.as_ref(),
        &directory,
        prompter.as_mut(),
        &mut flow,
        &mut text_answers,
        &mut |flow: &Flow<'_>, texts_map: &BTreeMap<usize, String>, finished: bool| {
            session.set_answers(rs, flow.answers(), flow.history(), texts_map);
            session.updated = now_utc();
            session.finished = finished;
            store.save(&session).map_err(anyhow::Error::from)
        },
        width,
    )?;
    match end {
        End::Paused => {
            let mut a = FluentArgs::new();
            a.set("id", session.id.as_str());
            prompter.show(&texts.loc.msg_args("screen-paused", &a))?;
            Ok(Status::Ok)
        }
        End::Finished => {
            let e = flow.evaluate();
            finish(
                rs,
                &texts,
                second.as_ref(),
                &directory,
                prompter.as_mut(),
                &e,
                &session,
                args,
                width,
                flow.answers(),
                global.redact,
                store.key(),
            )?;
            Ok(Status::Ok)
        }
    }
}

fn summary_width() -> u16 {
    let term = console::Term::stdout();
    if term.is_term() {
        term.size_checked().map_or(80, |(_, w)| w.clamp(40, 120))
    } else {
        80
    }
}

/// The scripted interview: no saving, the same flow and summary.
#[allow(clippy::too_many_arguments)]
fn scripted(
    rs: &RuleSet,
    texts: &Texts,
    second: Option<&Localizer>,
    directory: &contacts::Contacts,
    mut p: script::Scripted<'_>,
    record: InterviewRecord,
    consent_given: bool,
    args: &ScreenArgs,
    width: u16,
    redact: bool,
    report_key: Option<&Key>,
) -> anyhow::Result<Status> {
    let record = InterviewRecord {
        region: record.region.or_else(|| args.region.clone()),
        ..record
    };
    warn_setting(&mut p, texts, &record)?;
    if rs.meta.audience == Audience::Person {
        p.show(&consent_script(texts, second, &record))?;
        if !consent_given {
            let loc = second.unwrap_or(&texts.loc);
            let lines = directory.lines(
                rs,
                &Evaluation::default(),
                &[],
                record.region.as_deref(),
                loc,
            );
            p.show(&texts.msg("consent-refused"))?;
            p.show(&contacts::card(&lines, loc, width))?;
            return Ok(Status::Ok);
        }
    }
    let mut flow = Flow::new(rs);
    let mut text_answers = BTreeMap::new();
    let end = interview(
        rs,
        texts,
        second,
        directory,
        &mut p,
        &mut flow,
        &mut text_answers,
        &mut |_, _, _| Ok(()),
        width,
    )?;
    if let End::Finished = end {
        let mut session = Session::new(
            rs,
            texts.loc.lang(),
            second.map(Localizer::lang),
            &now_utc(),
        );
        session.record = record;
        session.set_answers(rs, flow.answers(), flow.history(), &text_answers);
        session.finished = true;
        let e = flow.evaluate();
        finish(
            rs,
            texts,
            second,
            directory,
            &mut p,
            &e,
            &session,
            args,
            width,
            flow.answers(),
            redact,
            report_key,
        )?;
    }
    Ok(Status::Ok)
}

/// The question loop; `save` runs after every answer.
#[allow(clippy::too_many_arguments)]
fn interview(
    rs: &RuleSet,
    texts: &Texts,
    second: Option<&Localizer>,
    directory: &contacts::Contacts,
    p: &mut dyn Prompter,
    flow: &mut Flow<'_>,
    text_answers: &mut BTreeMap<usize, String>,
    save: &mut Save<'_>,
    width: u16,
) -> anyhow::Result<End> {
    let mut pending_default: Option<(usize, Answer)> = None;
    let mut alerted = flow.evaluate().red_flag_fired;
    while let Some(q) = flow.next() {
        let (default, default_text) = match pending_default.take() {
            Some((dq, a)) if dq == q => (
                Some(a),
                text_answers.get(&q).cloned().or_else(|| match a {
                    Answer::Number(x) => Some(output::explain::format_number(x)),
                    _ => None,
                }),
            ),
            _ => (None, None),
        };
        let Some(view) = question_view(flow, q, &texts.loc, second, default, default_text) else {
            break;
        };
        match p.ask(&view)? {
            Reply::Answer(a, text) => {
                match text {
                    Some(t) if a == Answer::Text => {
                        text_answers.insert(q, t);
                    }
                    _ => {
                        text_answers.remove(&q);
                    }
                }
                let dropped = flow.answer(q, a);
                for d in dropped {
                    text_answers.remove(&d);
                }
                save(flow, text_answers, false)?;
                let e = flow.evaluate();
                if e.red_flag_fired && !alerted {
                    alerted = true;
                    red_flag_alert(rs, texts, second, directory, p, &e, flow.answers(), width)?;
                }
            }
            Reply::Back => {
                if let Some((bq, old)) = flow.back() {
                    pending_default = Some((bq, old));
                    save(flow, text_answers, false)?;
                }
            }
            Reply::Skip => flow.skip(q),
            Reply::Interrupt => {
                p.show("")?;
                match p.confirm(&texts.msg("screen-save-and-quit"), Some(true))? {
                    Some(false) => {}
                    // Saved after every answer already; quitting keeps it for --resume.
                    _ => {
                        save(flow, text_answers, false)?;
                        return Ok(End::Paused);
                    }
                }
            }
        }
    }
    save(flow, text_answers, true)?;
    Ok(End::Finished)
}

#[allow(clippy::too_many_arguments)]
fn red_flag_alert(
    rs: &RuleSet,
    texts: &Texts,
    second: Option<&Localizer>,
    directory: &contacts::Contacts,
    p: &mut dyn Prompter,
    e: &Evaluation,
    answers: &[Answer],
    width: u16,
) -> anyhow::Result<()> {
    let mut out = String::new();
    out.push_str(&format!("\n!!! {}\n", texts.msg("alert-red-flag")));
    for f in output::explain::fired_red_flag_texts(texts, e) {
        out.push_str(&format!("  ! {f}\n"));
    }
    let lines = directory.lines(rs, e, answers, None, &texts.loc);
    let emergency: Vec<ContactLine> = lines.into_iter().take(4).collect();
    out.push_str(&contacts::card(
        &emergency,
        second.unwrap_or(&texts.loc),
        width,
    ));
    out.push_str(&format!("\n{}\n", texts.msg("alert-continue")));
    p.show(&out)?;
    Ok(())
}

/// The interview record; `None` when interrupted (Ctrl-C).
fn interview_record(
    p: &mut dyn Prompter,
    texts: &Texts,
    rs: &RuleSet,
    args: &ScreenArgs,
    now: &str,
) -> anyhow::Result<Option<InterviewRecord>> {
    let mut r = InterviewRecord {
        date: now.get(..10).unwrap_or_default().to_owned(),
        ..InterviewRecord::default()
    };
    p.show(&texts.msg("record-title"))?;
    let today = r.date.clone();
    let fields = [
        ("record-interviewer", ""),
        ("record-agency", ""),
        ("record-date", today.as_str()),
        ("record-place", ""),
    ];
    let mut values = Vec::new();
    for (key, default) in fields {
        match p.line(&texts.msg(key), default)? {
            Some(v) => values.push(v),
            None => return Ok(None),
        }
    }
    let mut values = values.into_iter();
    r.interviewer = values.next().unwrap_or_default();
    r.agency = values.next().unwrap_or_default();
    r.date = values.next().unwrap_or_default();
    r.place = values.next().unwrap_or_default();
    r.region = match &args.region {
        Some(region) => Some(region.clone()),
        None => pick_region(p, texts, rs)?,
    };
    // No defaults: these must be answered, not passed with Enter.
    r.interpreter = p.confirm(&texts.msg("record-interpreter"), None)?;
    if r.interpreter.is_none() {
        return Ok(None);
    }
    if r.interpreter == Some(true) {
        r.interpreter_independent =
            p.confirm(&texts.msg("record-interpreter-independent"), None)?;
        if r.interpreter_independent.is_none() {
            return Ok(None);
        }
    }
    r.private_setting = p.confirm(&texts.msg("record-private"), None)?;
    if r.private_setting.is_none() {
        return Ok(None);
    }
    warn_setting(p, texts, &r)?;
    Ok(Some(r))
}

fn warn_setting(p: &mut dyn Prompter, texts: &Texts, r: &InterviewRecord) -> anyhow::Result<()> {
    if r.private_setting == Some(false) {
        p.show(&format!("! {}", texts.msg("warning-not-private")))?;
    }
    if r.interpreter_independent == Some(false) {
        p.show(&format!("! {}", texts.msg("warning-interpreter")))?;
    }
    Ok(())
}

/// Regions from the rule set's `region` question, in the interview language.
fn pick_region(
    p: &mut dyn Prompter,
    texts: &Texts,
    rs: &RuleSet,
) -> anyhow::Result<Option<String>> {
    let Some(q) = rs.question("region").and_then(|q| rs.questions.get(q)) else {
        return Ok(None);
    };
    let mut items: Vec<String> = q
        .options
        .iter()
        .map(|o| texts.loc.msg(&keys::option(&q.id, o)))
        .collect();
    items.push(texts.msg("record-region-skip"));
    let picked = p.pick(&texts.msg("record-region"), &items, items.len() - 1)?;
    Ok(picked.and_then(|i| q.options.get(i).cloned()))
}

/// The consent script, in the interview language and the person's; it starts with who asks
/// when the interviewer gave a name.
fn consent_script(texts: &Texts, second: Option<&Localizer>, r: &InterviewRecord) -> String {
    // The person's language (`own`) uses only its own messages: without a consent script of
    // its own there is no second script, never English in its place.
    let script = |loc: &Localizer, own: bool| -> Option<String> {
        let mut s = String::new();
        if !r.interviewer.is_empty() {
            let mut a = FluentArgs::new();
            a.set("interviewer", r.interviewer.as_str());
            a.set("agency", r.agency.as_str());
            let intro = if own {
                loc.own_msg_args("consent-intro", &a)
            } else {
                Some(loc.msg_args("consent-intro", &a))
            };
            if let Some(intro) = intro {
                s.push_str(&intro);
                s.push(' ');
            }
        }
        s.push_str(&if own {
            loc.own_msg("consent-script")?
        } else {
            loc.msg("consent-script")
        });
        Some(s)
    };
    let mut out = format!(
        "\n{}\n{}\n",
        texts.msg("consent-title"),
        script(&texts.loc, false).unwrap_or_default()
    );
    if let Some(s) = second.and_then(|s| script(s, true)) {
        out.push('\n');
        out.push_str(&s);
        out.push('\n');
    }
    out
}

fn consent(
    p: &mut dyn Prompter,
    texts: &Texts,
    second: Option<&Localizer>,
    r: &InterviewRecord,
) -> anyhow::Result<bool> {
    p.show(&consent_script(texts, second, r))?;
    Ok(p.confirm(&texts.msg("consent-question"), None)?
        .unwrap_or(false))
}

fn pick_session(
    store: &Store,
    p: &mut dyn Prompter,
    texts: &Texts,
) -> anyhow::Result<Option<String>> {
    let (list, bad) = store.list();
    for b in bad {
        p.show(&format!("! {b} ({})", texts.msg("sessions-set-aside")))?;
    }
    let open: Vec<_> = list.into_iter().filter(|s| !s.finished).collect();
    if open.is_empty() {
        p.show(&texts.msg("sessions-none-open"))?;
        return Ok(None);
    }
    let items: Vec<String> = open
        .iter()
        .map(|s| {
            format!(
                "{}  {}  {} ({})  {}",
                s.id,
                short_time(&s.updated),
                s.ruleset,
                s.answered,
                s.label
            )
        })
        .collect();
    Ok(p.pick(&texts.msg("sessions-pick"), &items, 0)?
        .and_then(|i| open.get(i).map(|s| s.id.clone())))
}

/// `2026-11-24T03:35:01Z` as `2026-11-24 03:35`, for listings.
pub fn short_time(t: &str) -> String {
    t.get(..16)
        .map_or_else(|| t.to_owned(), |s| s.replace('T', " "))
}

/// The summary, the contact card, and the report file (encrypted to `report_key` when given).
#[allow(clippy::too_many_arguments)]
fn finish(
    rs: &RuleSet,
    texts: &Texts,
    second: Option<&Localizer>,
    directory: &contacts::Contacts,
    p: &mut dyn Prompter,
    e: &Evaluation,
    session: &Session,
    args: &ScreenArgs,
    width: u16,
    answers: &[Answer],
    global_redact: bool,
    report_key: Option<&Key>,
) -> anyhow::Result<()> {
    let lines = directory.lines(rs, e, answers, session.record.region.as_deref(), &texts.loc);
    p.show(&render_summary(rs, texts, e, &lines, width))?;
    if let Some(s) = second {
        let person_lines = directory.lines(rs, e, answers, session.record.region.as_deref(), s);
        p.show(&contacts::card(&person_lines, s, width))?;
    }
    if let Some(path) = &args.report {
        let (path, format_path) = report_paths(path, report_key.is_some());
        let path = &path;
        let prepared = Prepared::new(rs);
        let ctx = ReportContext {
            rs,
            texts,
            prepared: &prepared,
            width: Some(width),
            redact: global_redact,
        };
        let record = Record {
            number: 1,
            line: 0,
            case_id: session.id.clone(),
            answers: answers.to_vec(),
            ..Record::default()
        };
        let scored = output::Scored {
            record: &record,
            eval: Some(e),
            file: "screen",
        };
        let is_json = format_path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("json"));
        let is_html = format_path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("html") || x.eq_ignore_ascii_case("htm"));
        let mut data: Vec<u8> = Vec::new();
        if is_html {
            let part = output::InterviewPart {
                record: &session.record,
                referrals: &lines,
            };
            let mut report = output::html_interview_report(&ctx, part);
            let mut totals = output::Totals::default();
            totals.add(&scored);
            report.begin(&mut data)?;
            report.record(&mut data, &scored)?;
            report.end(&mut data, &totals)?;
        } else if is_json {
            let v = serde_json::json!({
                "result": output::record_value(&ctx, &scored),
                "interview": session.record,
                "session": session.id,
                "language": session.lang,
                "answers": if global_redact {
                    output::explain::redact_answers(rs, &session.answers)
                } else {
                    session.answers.clone()
                },
                "referrals": lines.iter().map(|l| serde_json::json!({
                    "name": l.name, "phones": l.phones, "why": l.what, "note": l.note,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut data, &v)?;
            data.push(b'\n');
        } else {
            let mut report = output::report(output::Format::Markdown, &ctx);
            report.begin(&mut data)?;
            writeln!(data, "## {}\n", texts.msg("record-title"))?;
            for (label, value) in [
                ("record-interviewer", session.record.interviewer.clone()),
                ("record-agency", session.record.agency.clone()),
                ("record-date", session.record.date.clone()),
                ("record-place", session.record.place.clone()),
            ] {
                writeln!(data, "- {}: {}", texts.msg(label), value)?;
            }
            writeln!(data)?;
            report.record(&mut data, &scored)?;
            writeln!(data, "## {}\n", texts.msg("summary-contacts"))?;
            for l in &lines {
                writeln!(
                    data,
                    "- **{}**: {} — {} {}",
                    l.name, l.phones, l.what, l.note
                )?;
            }
        }
        if let Some(key) = report_key {
            data = key.encrypt(&data)?;
        }
        std::fs::write(path, data).with_context(|| format!("cannot write `{}`", path.display()))?;
        let mut a = FluentArgs::new();
        a.set("file", path.display().to_string());
        p.show(&texts.loc.msg_args("screen-report-written", &a))?;
    }
    Ok(())
}

/// Where the report goes and the name that gives its format: encrypted, `FILE.age` (`.age`
/// added unless there); the format from the name without `.age`.
fn report_paths(path: &Path, encrypted: bool) -> (PathBuf, PathBuf) {
    let is_age = path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("age"));
    let plain_name = if is_age {
        path.with_extension("")
    } else {
        path.to_path_buf()
    };
    let target = if encrypted && !is_age {
        let mut p = path.as_os_str().to_owned();
        p.push(".age");
        PathBuf::from(p)
    } else {
        path.to_path_buf()
    };
    (target, plain_name)
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::io;

    use super::*;
    use tipscreen::diagnostic::SourceMap;
    use tipscreen::questionnaire::QuestionView;
    use tipscreen::ruleset::{load, Folder, LoadOptions};

    /// Answers from a queue and records what was asked and shown.
    struct Fake {
        replies: VecDeque<Reply>,
        asked: Vec<(String, Option<Answer>)>,
        shown: Vec<String>,
        pause: bool,
    }

    impl Prompter for Fake {
        fn ask(&mut self, q: &QuestionView) -> io::Result<Reply> {
            self.asked.push((q.id.clone(), q.default));
            Ok(self.replies.pop_front().unwrap_or(Reply::Skip))
        }
        fn show(&mut self, text: &str) -> io::Result<()> {
            self.shown.push(text.to_owned());
            Ok(())
        }
        fn confirm(&mut self, _: &str, _: Option<bool>) -> io::Result<Option<bool>> {
            Ok(Some(self.pause))
        }
        fn line(&mut self, _: &str, d: &str) -> io::Result<Option<String>> {
            Ok(Some(d.to_owned()))
        }
        fn pick(&mut self, _: &str, _: &[String], d: usize) -> io::Result<Option<usize>> {
            Ok(Some(d))
        }
    }

    fn kz() -> RuleSet {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
        load(&folder, &mut SourceMap::default(), LoadOptions::default())
            .ruleset
            .expect("valid")
    }

    fn run(rs: &RuleSet, fake: &mut Fake, saves: &mut usize) -> (End, Vec<Answer>) {
        let locales = Folder::embedded_locales();
        let loc = Localizer::new("en", &locales, Some((&rs.meta.id, None))).expect("en");
        let texts = Texts::new(loc, rs);
        let directory = contacts::Contacts::load(&locales).expect("directory");
        let mut flow = Flow::new(rs);
        let mut text_answers = BTreeMap::new();
        let end = interview(
            rs,
            &texts,
            None,
            &directory,
            fake,
            &mut flow,
            &mut text_answers,
            &mut |_, _, _| {
                *saves += 1;
                Ok(())
            },
            80,
        )
        .expect("interview runs");
        (end, flow.answers().to_vec())
    }

    fn fake(replies: Vec<Reply>) -> Fake {
        Fake {
            replies: replies.into(),
            asked: Vec::new(),
            shown: Vec::new(),
            pause: true,
        }
    }

    fn yes() -> Reply {
        Reply::Answer(Answer::Bool(true), None)
    }

    fn no() -> Reply {
        Reply::Answer(Answer::Bool(false), None)
    }

    #[test]
    fn going_back_reasks_with_the_old_answer_and_saves_each_step() {
        let rs = kz();
        let mut f = fake(vec![yes(), no(), Reply::Back, yes(), Reply::Interrupt]);
        let mut saves = 0;
        let (end, answers) = run(&rs, &mut f, &mut saves);
        assert!(matches!(end, End::Paused));
        let ids: Vec<&str> = f.asked.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "feels_safe_now",
                "needs_medical_help",
                "with_parent_or_guardian",
                "needs_medical_help",
                "with_parent_or_guardian"
            ]
        );
        // The question asked again offers its earlier answer.
        assert_eq!(f.asked[3].1, Some(Answer::Bool(false)));
        let medical = rs.question("needs_medical_help").expect("q");
        assert_eq!(
            answers[medical],
            Answer::Bool(true),
            "the changed answer counts"
        );
        // Two answers, one back, one changed answer, and the pause.
        assert_eq!(saves, 5);
    }

    #[test]
    fn a_red_flag_alerts_once_with_emergency_contacts() {
        let rs = kz();
        let mut f = fake(vec![no(), no(), Reply::Interrupt]);
        let mut saves = 0;
        let _ = run(&rs, &mut f, &mut saves);
        let alerts: Vec<&String> = f.shown.iter().filter(|s| s.contains("Urgent")).collect();
        assert_eq!(alerts.len(), 1, "{:?}", f.shown);
        assert!(alerts[0].contains("112"), "{}", alerts[0]);
    }

    #[test]
    fn changing_an_answer_drops_the_answers_that_no_longer_apply() {
        let rs = kz();
        let q = |id: &str| rs.question(id).expect("question");
        let mut f = fake(Vec::new());
        // Answer every question "don't know" except the debt ones, then go back to the debt
        // question and change it: its follow-ups must be dropped.
        let mut replies = Vec::new();
        for question in &rs.questions {
            replies.push(match question.id.as_str() {
                "owes_money" => yes(),
                "can_leave_before_repaying" => no(),
                "debt_grows" => yes(),
                _ => Reply::Answer(Answer::DontKnow, None),
            });
        }
        f.replies = replies.into();
        let mut saves = 0;
        let (end, answers) = run(&rs, &mut f, &mut saves);
        assert!(matches!(end, End::Finished));
        assert_eq!(answers[q("debt_grows")], Answer::Bool(true));
        let mut flow = Flow::resume(&rs, answers, Vec::new());
        let dropped = flow.answer(q("owes_money"), Answer::Bool(false));
        assert!(dropped.contains(&q("debt_grows")));
        assert!(dropped.contains(&q("can_leave_before_repaying")));
    }
}
