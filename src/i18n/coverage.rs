//! Checks translations: syntax, missing and extra messages, variables that differ from English,
//! messages that fail to format, and drafts waiting for review.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;

use super::keys;
use super::languages::Languages;
use crate::diagnostic::{Diagnostic, FileId, SourceMap};
use crate::ruleset::model::Place;
use crate::ruleset::{Folder, RuleSet};

/// One parsed locale file.
struct FtlFile {
    file: FileId,
    /// Message id -> (variables, is draft).
    messages: BTreeMap<String, (BTreeSet<String>, bool)>,
    resource: Option<FluentResource>,
    /// Where the file says it is a draft as a whole (its first resource comment, `### draft`).
    whole_draft: Option<std::ops::Range<usize>>,
}

/// Byte offsets of the lines that define message `id`, in order, for diagnostics.
fn message_offsets(text: &str, id: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id) {
            if rest.trim_start().starts_with('=') {
                out.push(offset);
            }
        }
        offset += line.len();
    }
    out
}

/// Byte offset of the (first) line that defines message `id`.
fn message_offset(text: &str, id: &str) -> Option<usize> {
    message_offsets(text, id).first().copied()
}

fn line_span(text: &str, offset: usize) -> std::ops::Range<usize> {
    let end = text
        .get(offset..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| offset + i);
    offset..end
}

fn is_draft(comment: Option<&ast::Comment<&str>>) -> bool {
    comment.is_some_and(|c| {
        c.content
            .iter()
            .any(|l| l.trim().to_lowercase().starts_with("draft"))
    })
}

/// Whether the file is a draft as a whole: its first resource comment (`###`) says `draft`.
/// Every message of such a file is a draft, wherever it is. (A later `### draft` marks the
/// messages after it.)
fn is_whole_draft(res: &ast::Resource<&str>) -> bool {
    res.body
        .iter()
        .find_map(|e| match e {
            ast::Entry::ResourceComment(c) => Some(is_draft(Some(c))),
            _ => None,
        })
        .unwrap_or(false)
}

/// Where the first resource comment says `draft` (`### draft`), to point at; else its first
/// line.
fn whole_draft_span(text: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    let mut first = None;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix("###") {
            first.get_or_insert(offset);
            if rest.trim_start().to_lowercase().starts_with("draft") {
                let end = line.len() - rest.len() + (rest.len() - rest.trim_start().len()) + 5;
                return offset..offset + end;
            }
        } else if first.is_some() {
            break;
        }
        offset += line.len();
    }
    first.map_or(0..0, |o| line_span(text, o))
}

/// Adds the variables a pattern uses (`$count`, …) to `out`.
pub(crate) fn collect_vars_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            collect_vars_expr(expression, out);
        }
    }
}

fn collect_vars_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            collect_vars_inline(selector, out);
            for v in variants {
                collect_vars_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => collect_vars_inline(i, out),
    }
}

fn collect_vars_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_vars_inline(a, out);
            }
            for a in &arguments.named {
                collect_vars_inline(&a.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_vars_expr(expression, out),
        _ => {}
    }
}

fn read_ftl(
    dir: &Folder,
    name: &str,
    sources: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<FtlFile> {
    let text = match dir.read(name) {
        Ok(t) => t,
        Err(_) => return None,
    };
    let file = sources.add(dir.display(name), text.clone());
    let mut messages = BTreeMap::new();
    // On a syntax error the parser still returns every valid entry: read those too, so that
    // one broken message does not make all the others look missing.
    let (res, errors) = match fluent_syntax::parser::parse(text.as_str()) {
        Ok(res) => (res, Vec::new()),
        Err((res, errors)) => (res, errors),
    };
    let whole_draft = is_whole_draft(&res).then(|| whole_draft_span(&text));
    let mut file_draft = whole_draft.is_some();
    for e in &errors {
        diags.push(
            Diagnostic::error("E022", format!("fluent syntax error: {}", e.kind))
                .at(file, e.pos.clone()),
        );
    }
    let mut seen_twice: BTreeMap<String, usize> = BTreeMap::new();
    {
        {
            for entry in &res.body {
                match entry {
                    ast::Entry::ResourceComment(c) => file_draft |= is_draft(Some(c)),
                    ast::Entry::Message(m) => {
                        let mut vars = BTreeSet::new();
                        if let Some(v) = &m.value {
                            collect_vars_pattern(v, &mut vars);
                        }
                        for a in &m.attributes {
                            collect_vars_pattern(&a.value, &mut vars);
                        }
                        let draft = file_draft || is_draft(m.comment.as_ref());
                        if messages
                            .insert(m.id.name.to_owned(), (vars, draft))
                            .is_some()
                        {
                            // Point at the repeated definition, as for duplicate ids in rules.
                            let n = seen_twice.entry(m.id.name.to_owned()).or_insert(0);
                            *n += 1;
                            let offsets = message_offsets(&text, m.id.name);
                            let at = offsets.get(*n).or(offsets.first()).copied().unwrap_or(0);
                            diags.push(
                                Diagnostic::error(
                                    "E010",
                                    format!("message `{}` is defined twice", m.id.name),
                                )
                                .at(file, line_span(&text, at)),
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let resource = match FluentResource::try_new(text.clone()) {
        Ok(r) => Some(r),
        Err((r, _)) => Some(r),
    };
    Some(FtlFile {
        file,
        messages,
        resource,
        whole_draft,
    })
}

/// Messages a rule set needs, each with the place of the item that needs it.
#[must_use]
pub fn required_messages(rs: &RuleSet) -> Vec<(String, Place)> {
    let top: Place = (rs.meta.manifest, 0..0);
    let mut out = vec![
        (keys::RULESET_TITLE.to_owned(), top.clone()),
        (keys::RULESET_DESCRIPTION.to_owned(), top),
    ];
    for (s, at) in rs.sections.iter().zip(&rs.meta.section_places) {
        out.push((keys::section(s), at.clone()));
    }
    for q in &rs.questions {
        out.push((keys::question(&q.id), q.at.clone()));
        for o in &q.options {
            out.push((keys::option(&q.id, o), q.at.clone()));
        }
    }
    for i in &rs.indicators {
        out.push((keys::indicator(&i.id), i.at.clone()));
    }
    for d in &rs.dimensions {
        out.push((keys::dimension(&d.id), d.at.clone()));
    }
    for o in &rs.outcomes {
        out.push((keys::outcome(&o.id), o.at.clone()));
        out.push((keys::outcome_action(&o.id), o.at.clone()));
    }
    for f in &rs.red_flags {
        out.push((keys::red_flag(&f.id), f.at.clone()));
    }
    out
}

/// What to check.
#[derive(Debug)]
pub struct CoverageInput<'a> {
    /// The locales folder (user interface, and rule-set texts unless the rule set has its own).
    pub locales: &'a Folder,
    /// The languages and which must be complete.
    pub languages: &'a Languages,
    /// The rule set, and its own locales folder when it has one.
    pub ruleset: Option<(&'a RuleSet, Option<&'a Folder>)>,
    /// Also check the user-interface messages (`ui.ftl`).
    pub ui: bool,
}

/// Runs every translation check, appending diagnostics.
pub fn check(input: &CoverageInput<'_>, sources: &mut SourceMap, diags: &mut Vec<Diagnostic>) {
    let codes = input.languages.codes();
    if input.ui {
        let complete: Vec<String> = input
            .languages
            .list
            .iter()
            .filter(|l| l.complete)
            .map(|l| l.code.clone())
            .collect();
        check_file(
            input.locales,
            "ui.ftl",
            &codes,
            &complete,
            &[],
            sources,
            diags,
        );
    }
    if let Some((rs, own)) = input.ruleset {
        let name = format!("{}.ftl", rs.meta.id);
        let dir = own.unwrap_or(input.locales);
        let mut langs = codes.clone();
        for l in &rs.meta.locales {
            if !langs.contains(l) {
                langs.push(l.clone());
            }
        }
        let required = required_messages(rs);
        check_file(
            dir,
            &name,
            &langs,
            &rs.meta.locales,
            &required,
            sources,
            diags,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn check_file(
    dir: &Folder,
    name: &str,
    langs: &[String],
    complete: &[String],
    required: &[(String, Place)],
    sources: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) {
    let mut files: BTreeMap<String, FtlFile> = BTreeMap::new();
    for lang in langs {
        let Some(sub) = dir.sub(lang) else {
            if complete.contains(lang) {
                diags.push(Diagnostic::error(
                    "E020",
                    format!(
                        "no translations for `{lang}`: `{}` is missing",
                        dir.display(&format!("{lang}/{name}"))
                    ),
                ));
            }
            continue;
        };
        match read_ftl(&sub, name, sources, diags) {
            Some(f) => {
                files.insert(lang.clone(), f);
            }
            None if complete.contains(lang) => diags.push(Diagnostic::error(
                "E020",
                format!("`{}` is missing", sub.display(name)),
            )),
            None => {}
        }
    }
    let Some(en) = files.get("en") else { return };

    // Messages the rule set needs must exist in every declared locale.
    for (id, at) in required {
        for lang in complete {
            if let Some(f) = files.get(lang) {
                if !f.messages.contains_key(id) {
                    diags.push(
                        Diagnostic::error(
                            "E020",
                            format!(
                                "missing translation: message `{id}` is not in `{}`",
                                sources.path(f.file)
                            ),
                        )
                        .at(at.0, at.1.clone())
                        .label("this needs the message"),
                    );
                }
            }
        }
    }
    let required_ids: BTreeSet<&str> = required.iter().map(|(id, _)| id.as_str()).collect();

    for (lang, f) in &files {
        if lang == "en" {
            continue;
        }
        let text = sources.text(f.file).to_owned();
        let en_text = sources.text(en.file).to_owned();
        // Missing in a complete language (those the rule set requires are reported above).
        if complete.contains(lang) {
            for id in en.messages.keys() {
                if !f.messages.contains_key(id) && !required_ids.contains(id.as_str()) {
                    let at = message_offset(&en_text, id).unwrap_or(0);
                    diags.push(
                        Diagnostic::error(
                            "E020",
                            format!(
                                "missing translation: message `{id}` is not in `{}`",
                                sources.path(f.file)
                            ),
                        )
                        .at(en.file, line_span(&en_text, at))
                        .label("defined in English"),
                    );
                }
            }
        }
        for (id, (vars, _)) in &f.messages {
            let at = message_offset(&text, id).unwrap_or(0);
            match en.messages.get(id) {
                None => diags.push(
                    Diagnostic::warning(
                        "W031",
                        format!("message `{id}` does not exist in English"),
                    )
                    .at(f.file, line_span(&text, at))
                    .label("unused: English has no such message"),
                ),
                Some((en_vars, _)) if en_vars != vars => {
                    let show = |s: &BTreeSet<String>| {
                        if s.is_empty() {
                            "none".to_owned()
                        } else {
                            s.iter()
                                .map(|v| format!("`${v}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        }
                    };
                    diags.push(
                        Diagnostic::error(
                            "E023",
                            format!(
                                "message `{id}` uses variables {} but English uses {}",
                                show(vars),
                                show(en_vars)
                            ),
                        )
                        .at(f.file, line_span(&text, at)),
                    );
                }
                Some(_) => {}
            }
        }
    }

    // Every message formats without error in every language.
    for (lang, f) in &files {
        let Some(res) = &f.resource else { continue };
        let text = sources.text(f.file).to_owned();
        let langid = lang.parse().unwrap_or_default();
        let mut bundle: FluentBundle<&FluentResource> = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(false);
        if bundle.add_resource(res).is_err() {
            continue; // duplicates are reported above
        }
        for (id, (vars, _)) in &f.messages {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            for n in [1, 3, 5, 21] {
                let mut args = FluentArgs::new();
                for v in vars {
                    args.set(v.as_str(), n);
                }
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                if let Some(e) = errors.first() {
                    let at = message_offset(&text, id).unwrap_or(0);
                    diags.push(
                        Diagnostic::error("E024", format!("message `{id}` fails to format: {e}"))
                            .at(f.file, line_span(&text, at)),
                    );
                    break;
                }
            }
        }
    }

    // Drafts waiting for review, one note per file. A file that is a draft as a whole gets
    // one line with the count, not a list of its ids.
    for f in files.values() {
        if let Some(at) = &f.whole_draft {
            diags.push(
                Diagnostic::note(
                    "N041",
                    format!(
                        "`{}` is a draft as a whole: all {} message(s) need review by a native \
                         speaker before use in the field",
                        sources.path(f.file),
                        f.messages.len()
                    ),
                )
                .at(f.file, at.clone())
                .label("`### draft`: every message of this file is a draft"),
            );
            continue;
        }
        let drafts: Vec<&str> = f
            .messages
            .iter()
            .filter(|(_, (_, d))| *d)
            .map(|(id, _)| id.as_str())
            .collect();
        if !drafts.is_empty() {
            let shown: Vec<String> = drafts.iter().take(12).map(|d| format!("`{d}`")).collect();
            let more = drafts.len().saturating_sub(12);
            diags.push(Diagnostic::note(
                "N041",
                format!(
                    "{} message(s) in `{}` are drafts that need review by a native speaker: {}{}",
                    drafts.len(),
                    sources.path(f.file),
                    shown.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ),
            ));
        }
    }
}

/// Lists the draft messages of one locale file (for reports).
#[must_use]
pub fn drafts_in(text: &str) -> Vec<String> {
    let Ok(res) = fluent_syntax::parser::parse(text) else {
        return Vec::new();
    };
    let mut file_draft = is_whole_draft(&res);
    let mut out = Vec::new();
    for entry in &res.body {
        match entry {
            ast::Entry::ResourceComment(c) => file_draft |= is_draft(Some(c)),
            ast::Entry::Message(m) if file_draft || is_draft(m.comment.as_ref()) => {
                out.push(m.id.name.to_owned());
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_resource_comment_saying_draft_makes_every_message_a_draft() {
        let whole = "### draft: machine-assisted translation.\n### More about it.\n\n\
                     a = A\n## Group\nb = B\n";
        assert_eq!(drafts_in(whole), ["a", "b"]);
        let text =
            "### Texts of something.\n\na = A\n# draft\nb = B\n\n### draft from here\n\nc = C\n";
        assert_eq!(drafts_in(text), ["b", "c"]);
        let parsed = |t| fluent_syntax::parser::parse(t).unwrap_or_else(|(r, _)| r);
        assert!(is_whole_draft(&parsed(whole)));
        assert!(!is_whole_draft(&parsed(text)));
        assert!(!is_whole_draft(&parsed("a = A\n")));
        assert_eq!(whole_draft_span(whole), 0..9);
        assert_eq!(
            whole_draft_span("### Texts.\n###   Draft: all\na = A\n"),
            11..22
        );
    }

    #[test]
    fn a_whole_draft_file_gets_one_note_with_the_count() {
        let mut sources = SourceMap::default();
        let mut diags = Vec::new();
        let locales = Folder::embedded_locales();
        let languages = Languages::load(&locales).unwrap_or_else(|e| panic!("{e}"));
        check(
            &CoverageInput {
                locales: &locales,
                languages: &languages,
                ruleset: None,
                ui: true,
            },
            &mut sources,
            &mut diags,
        );
        for lang in ["uz", "ky", "tg"] {
            let notes: Vec<&Diagnostic> = diags
                .iter()
                .filter(|d| d.code == "N041" && d.message.contains(&format!("{lang}/ui.ftl")))
                .collect();
            assert_eq!(notes.len(), 1, "{lang}: {notes:?}");
            assert!(
                notes[0]
                    .message
                    .contains("is a draft as a whole: all 9 message(s)"),
                "{}",
                notes[0].message
            );
        }
    }
}
