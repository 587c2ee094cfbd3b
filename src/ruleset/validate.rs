//! Raw files -> validated [`RuleSet`], collecting every problem as a [`Diagnostic`].

use std::collections::HashMap;
use std::ops::Range;

use sha2::{Digest, Sha256};
use toml::Spanned;

use super::files::Folder;
use super::model::{
    AgeRule, Audience, Condition, Dimension, Indicator, Meta, Outcome, Question, QuestionKind,
    RedFlag, RuleSet,
};
use super::raw::{RawManifest, RawTheme};
use crate::condition::compile::{compile, Allowed, QuestionType, Scope, Symbol, TypeErrorKind};
use crate::condition::parser::parse;
use crate::condition::{Cond, Leaf};
use crate::diagnostic::{has_errors, Diagnostic, FileId, SourceMap};

/// Options for loading.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Also look for conditions that can never be true (slower; for `check`).
    pub satisfiability: bool,
}

/// The result of loading: the rule set when there were no errors, and every diagnostic.
#[derive(Debug)]
pub struct Loaded {
    /// The rule set, when it has no errors.
    pub ruleset: Option<RuleSet>,
    /// Everything found, errors first by place.
    pub diagnostics: Vec<Diagnostic>,
}

/// Most options a choice question may have: a multi_choice answer is a 64-bit set.
pub const MAX_OPTIONS: usize = 64;

#[derive(Clone, Copy)]
enum Sym {
    Question(usize),
    Dimension(usize),
    Indicator(usize),
    Threshold(usize),
}

struct Ctx<'a> {
    sources: &'a mut SourceMap,
    diags: Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }
}

fn valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn valid_ruleset_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Where the text of a TOML string value starts in the file, so that spans inside a condition
/// can point at the exact character. Returns `None` when the string uses escapes (then the
/// diagnostic points at the whole string).
fn content_start(text: &str, span: &Range<usize>, value: &str) -> Option<usize> {
    let raw = text.get(span.clone())?;
    let skip = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        let after = span.start + 3;
        if text.get(after..)?.starts_with("\r\n") {
            5
        } else if text.get(after..)?.starts_with('\n') {
            4
        } else {
            3
        }
    } else if raw.starts_with('\'') || raw.starts_with('"') {
        1
    } else {
        return None;
    };
    let start = span.start + skip;
    (text.get(start..start + value.len()) == Some(value)).then_some(start)
}

/// Loads and validates the rule set in `folder`.
pub fn load(folder: &Folder, sources: &mut SourceMap, options: LoadOptions) -> Loaded {
    let mut ctx = Ctx {
        sources,
        diags: Vec::new(),
    };
    let ruleset = load_inner(folder, &mut ctx, options);
    let mut diagnostics = ctx.diags;
    sort_diagnostics(&mut diagnostics, ctx.sources);
    let ruleset = if has_errors(&diagnostics) {
        None
    } else {
        ruleset
    };
    Loaded {
        ruleset,
        diagnostics,
    }
}

/// Sorts diagnostics by file, then position, keeping unplaced ones first.
pub fn sort_diagnostics(diags: &mut [Diagnostic], sources: &SourceMap) {
    diags.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            d.at.as_ref()
                .map(|(f, s)| (sources.path(*f).to_owned(), s.start))
        };
        key(a).cmp(&key(b)).then(a.code.cmp(b.code))
    });
}

fn parse_toml<T: serde::de::DeserializeOwned>(ctx: &mut Ctx<'_>, file: FileId) -> Option<T> {
    let text = ctx.sources.text(file).to_owned();
    match toml::from_str::<T>(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            // Tell syntax errors (E001) from a valid TOML document of the wrong shape (E002).
            let syntax = text.parse::<toml::Table>().is_err();
            let code = if syntax { "E001" } else { "E002" };
            let message = e.message().trim().to_owned();
            let message = message
                .strip_prefix("TOML parse error: ")
                .unwrap_or(&message)
                .to_owned();
            let mut d = Diagnostic::error(
                code,
                if syntax {
                    format!("invalid TOML: {message}")
                } else {
                    message
                },
            );
            if let Some(span) = e.span() {
                d = d.at(file, span);
            }
            ctx.push(d);
            None
        }
    }
}

struct ThemeFile {
    file: FileId,
    theme: RawTheme,
}

fn load_inner(folder: &Folder, ctx: &mut Ctx<'_>, options: LoadOptions) -> Option<RuleSet> {
    let manifest_text = match folder.read("ruleset.toml") {
        Ok(t) => t,
        Err(why) => {
            ctx.push(Diagnostic::error(
                "E003",
                format!("cannot read `{}`: {why}", folder.display("ruleset.toml")),
            ));
            return None;
        }
    };
    let mut hasher = Sha256::new();
    hasher.update(b"ruleset.toml\0");
    hasher.update(manifest_text.as_bytes());
    let mfile = ctx
        .sources
        .add(folder.display("ruleset.toml"), manifest_text);
    let manifest: RawManifest = parse_toml(ctx, mfile)?;

    if !valid_ruleset_id(manifest.id.get_ref()) {
        ctx.push(
            Diagnostic::error(
                "E021",
                format!(
                    "invalid rule-set id `{}`: use lowercase letters, digits and `-`",
                    manifest.id.get_ref()
                ),
            )
            .at(mfile, manifest.id.span()),
        );
    }
    let folder_name = folder.name();
    if !folder_name.is_empty() && folder_name != *manifest.id.get_ref() {
        ctx.push(
            Diagnostic::error(
                "E003",
                format!(
                    "rule-set id `{}` differs from its folder name `{folder_name}`",
                    manifest.id.get_ref()
                ),
            )
            .at(mfile, manifest.id.span())
            .label("must equal the folder name"),
        );
    }
    if !manifest
        .locales
        .get_ref()
        .iter()
        .any(|l| l.get_ref() == "en")
    {
        ctx.push(
            Diagnostic::error("E002", "`locales` must include `en`")
                .at(mfile, manifest.locales.span()),
        );
    }

    // Sections.
    let mut section_index: HashMap<String, usize> = HashMap::new();
    let mut sections = Vec::new();
    let mut section_places = Vec::new();
    for s in &manifest.sections {
        if !valid_id(s.get_ref()) {
            ctx.push(
                Diagnostic::error("E021", format!("invalid section id `{}`", s.get_ref()))
                    .at(mfile, s.span())
                    .label("use lowercase letters, digits and `_`, starting with a letter"),
            );
        }
        if section_index.contains_key(s.get_ref()) {
            ctx.push(
                Diagnostic::error("E010", format!("duplicate section `{}`", s.get_ref()))
                    .at(mfile, s.span()),
            );
            continue;
        }
        section_index.insert(s.get_ref().clone(), sections.len());
        sections.push(s.get_ref().clone());
        section_places.push((mfile, s.span()));
    }

    // Theme files.
    let mut themes = Vec::new();
    let mut seen_files: HashMap<String, ()> = HashMap::new();
    for f in &manifest.files {
        let name = f.get_ref();
        if seen_files.insert(name.clone(), ()).is_some() {
            ctx.push(
                Diagnostic::error("E010", format!("file `{name}` is listed twice"))
                    .at(mfile, f.span()),
            );
            continue;
        }
        if name == "ruleset.toml"
            || name.contains('/')
            || name.contains('\\')
            || !name.ends_with(".toml")
        {
            ctx.push(
                Diagnostic::error(
                    "E003",
                    format!("`{name}` is not a theme file name (a `.toml` file in this folder)"),
                )
                .at(mfile, f.span()),
            );
            continue;
        }
        match folder.read(name) {
            Ok(text) => {
                hasher.update(name.as_bytes());
                hasher.update(b"\0");
                hasher.update(text.as_bytes());
                let file = ctx.sources.add(folder.display(name), text);
                if let Some(theme) = parse_toml::<RawTheme>(ctx, file) {
                    themes.push(ThemeFile { file, theme });
                }
            }
            Err(why) => ctx.push(
                Diagnostic::error(
                    "E003",
                    format!("cannot read `{}`: {why}", folder.display(name)),
                )
                .at(mfile, f.span()),
            ),
        }
    }
    let hash = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>();

    let mut v = Validator {
        syms: HashMap::new(),
        places: HashMap::new(),
        questions: Vec::new(),
        dimensions: Vec::new(),
        indicators: Vec::new(),
        thresholds: Vec::new(),
        has_age: manifest.age.is_some(),
    };

    // Questions.
    for tf in &themes {
        for q in &tf.theme.question {
            let q = q.get_ref();
            let id = q.id.get_ref();
            if !valid_id(id) {
                ctx.push(
                    Diagnostic::error("E021", format!("invalid question id `{id}`"))
                        .at(tf.file, q.id.span())
                        .label("use lowercase letters, digits and `_`, starting with a letter"),
                );
            }
            if !v.declare(
                ctx,
                id,
                Sym::Question(v.questions.len()),
                tf.file,
                q.id.span(),
            ) {
                continue;
            }
            let section = match section_index.get(q.section.get_ref()) {
                Some(&i) => i,
                None => {
                    ctx.push(
                        Diagnostic::error(
                            "E011",
                            format!("unknown section `{}`", q.section.get_ref()),
                        )
                        .at(tf.file, q.section.span())
                        .label("not listed in `sections` of ruleset.toml"),
                    );
                    0
                }
            };
            let kind = *q.kind.get_ref();
            let mut options = Vec::new();
            match (&q.options, kind.has_options()) {
                (Some(opts), true) => {
                    if opts.get_ref().is_empty() {
                        ctx.push(
                            Diagnostic::error("E002", format!("question `{id}` has no options"))
                                .at(tf.file, opts.span()),
                        );
                    }
                    if opts.get_ref().len() > MAX_OPTIONS {
                        ctx.push(
                            Diagnostic::error(
                                "E018",
                                format!(
                                    "question `{id}` has {} options; at most {MAX_OPTIONS} are allowed",
                                    opts.get_ref().len()
                                ),
                            )
                            .at(tf.file, opts.span()),
                        );
                    }
                    for o in opts.get_ref() {
                        let name = o.get_ref();
                        if !valid_id(name) || matches!(name.as_str(), "dont_know" | "declined") {
                            ctx.push(
                                Diagnostic::error("E021", format!("invalid option id `{name}`"))
                                    .at(tf.file, o.span())
                                    .label(if valid_id(name) {
                                        "`dont_know` and `declined` are given to every question already"
                                    } else {
                                        "use lowercase letters, digits and `_`, starting with a letter"
                                    }),
                            );
                        }
                        if options.contains(name) {
                            ctx.push(
                                Diagnostic::error("E010", format!("duplicate option `{name}`"))
                                    .at(tf.file, o.span()),
                            );
                        }
                        options.push(name.clone());
                    }
                }
                (None, true) => ctx.push(
                    Diagnostic::error(
                        "E002",
                        format!(
                            "question `{id}` of kind `{}` needs `options`",
                            kind.as_str()
                        ),
                    )
                    .at(tf.file, q.kind.span()),
                ),
                (Some(opts), false) => ctx.push(
                    Diagnostic::error(
                        "E002",
                        format!(
                            "question `{id}` of kind `{}` cannot have `options`",
                            kind.as_str()
                        ),
                    )
                    .at(tf.file, opts.span()),
                ),
                (None, false) => {}
            }
            if kind != QuestionKind::Number {
                for (name, f) in [("min", &q.min), ("max", &q.max)] {
                    if let Some(f) = f {
                        ctx.push(
                            Diagnostic::error(
                                "E002",
                                format!("`{name}` only applies to number questions"),
                            )
                            .at(tf.file, f.span()),
                        );
                    }
                }
                if let Some(i) = &q.integer {
                    ctx.push(
                        Diagnostic::error("E002", "`integer` only applies to number questions")
                            .at(tf.file, i.span()),
                    );
                }
            }
            for f in [&q.min, &q.max].into_iter().flatten() {
                if !f.get_ref().is_finite() {
                    ctx.push(
                        Diagnostic::error("E018", "bound is not a finite number")
                            .at(tf.file, f.span()),
                    );
                }
            }
            if let (Some(lo), Some(hi)) = (&q.min, &q.max) {
                if lo.get_ref() > hi.get_ref() {
                    ctx.push(
                        Diagnostic::error(
                            "E018",
                            format!(
                                "`min` ({}) is greater than `max` ({})",
                                lo.get_ref(),
                                hi.get_ref()
                            ),
                        )
                        .at(tf.file, lo.span()),
                    );
                }
            }
            v.questions.push(QDraft {
                file: tf.file,
                show_if_span: q.show_if.as_ref().map(Spanned::span),
                question: Question {
                    at: (tf.file, q.id.span()),
                    id: id.clone(),
                    section,
                    kind,
                    options,
                    show_if: None,
                    sensitive: q.sensitive,
                    min: q.min.as_ref().map(|m| *m.get_ref()),
                    max: q.max.as_ref().map(|m| *m.get_ref()),
                    integer: q.integer.as_ref().is_some_and(|i| *i.get_ref()),
                },
            });
        }
    }

    // Dimensions.
    for tf in &themes {
        for d in &tf.theme.dimension {
            let d = d.get_ref();
            let id = d.id.get_ref();
            if !valid_id(id) {
                ctx.push(
                    Diagnostic::error("E021", format!("invalid dimension id `{id}`"))
                        .at(tf.file, d.id.span()),
                );
            }
            if v.declare(
                ctx,
                id,
                Sym::Dimension(v.dimensions.len()),
                tf.file,
                d.id.span(),
            ) {
                v.dimensions.push((id.clone(), tf.file));
            }
        }
    }

    // Indicators.
    for tf in &themes {
        for i in &tf.theme.indicator {
            let i = i.get_ref();
            let local = i.id.get_ref();
            if !valid_id(local) {
                ctx.push(
                    Diagnostic::error("E021", format!("invalid indicator id `{local}`"))
                        .at(tf.file, i.id.span())
                        .label("write the local id; it is used as `dimension.id`"),
                );
            }
            let dim = match v.syms.get(i.dimension.get_ref()) {
                Some(Sym::Dimension(d)) => Some(*d),
                _ => {
                    ctx.push(
                        Diagnostic::error(
                            "E011",
                            format!("unknown dimension `{}`", i.dimension.get_ref()),
                        )
                        .at(tf.file, i.dimension.span()),
                    );
                    None
                }
            };
            let full = format!("{}.{}", i.dimension.get_ref(), local);
            if v.declare(
                ctx,
                &full,
                Sym::Indicator(v.indicators.len()),
                tf.file,
                i.id.span(),
            ) {
                v.indicators.push((full, dim));
            }
        }
    }

    // Thresholds.
    for (name, value) in &manifest.thresholds {
        if !valid_id(name.get_ref()) {
            ctx.push(
                Diagnostic::error(
                    "E021",
                    format!("invalid threshold name `{}`", name.get_ref()),
                )
                .at(mfile, name.span()),
            );
        }
        if !value.get_ref().is_finite() || *value.get_ref() < 0.0 {
            ctx.push(
                Diagnostic::error(
                    "E018",
                    format!(
                        "threshold `{}` is {}; it must be a finite number, 0 or more",
                        name.get_ref(),
                        value.get_ref()
                    ),
                )
                .at(mfile, value.span()),
            );
        }
        if v.declare(
            ctx,
            name.get_ref(),
            Sym::Threshold(v.thresholds.len()),
            mfile,
            name.span(),
        ) {
            v.thresholds
                .push((name.get_ref().clone(), *value.get_ref()));
        }
    }

    // Age.
    let mut age = None;
    if let Some(a) = &manifest.age {
        let q = v.question_of_kind(ctx, &a.question, QuestionKind::Number, mfile);
        let minor = a
            .appears_minor
            .as_ref()
            .map(|m| v.question_of_kind(ctx, m, QuestionKind::YesNo, mfile));
        let from = *a.adult_from.get_ref();
        if !(from.is_finite() && from > 0.0 && from <= 150.0) {
            ctx.push(
                Diagnostic::error(
                    "E018",
                    format!("`adult_from` is {from}; it must be an age between 1 and 150"),
                )
                .at(mfile, a.adult_from.span()),
            );
        }
        if let (Some(question), Some(appears_minor)) = (q, minor.unwrap_or(Some(usize::MAX))) {
            age = Some(AgeRule {
                question,
                adult_from: from,
                appears_minor: (appears_minor != usize::MAX).then_some(appears_minor),
            });
        }
    }

    // Conditions.
    let questions_only = Allowed {
        questions: true,
        place: "`show_if`",
        ..Allowed::default()
    };
    let mut show_ifs = Vec::new();
    for tf in &themes {
        for q in &tf.theme.question {
            if let Some(s) = &q.get_ref().show_if {
                show_ifs.push((q.get_ref().id.get_ref().clone(), tf.file, s));
            }
        }
    }
    for (id, file, s) in show_ifs {
        let c = v.condition(ctx, file, s, questions_only);
        if let (Some(c), Some(Sym::Question(i))) = (c, v.syms.get(&id).copied()) {
            if let Some(d) = v.questions.get_mut(i) {
                if d.question.id == id {
                    d.question.show_if = Some(c);
                }
            }
        }
    }

    let mut indicators = Vec::new();
    for tf in &themes {
        for i in &tf.theme.indicator {
            let i = i.get_ref();
            let when = v.condition(
                ctx,
                tf.file,
                &i.when,
                Allowed {
                    questions: true,
                    place: "an indicator's `when`",
                    ..Allowed::default()
                },
            );
            let full = format!("{}.{}", i.dimension.get_ref(), i.id.get_ref());
            let dim = v
                .indicators
                .iter()
                .find(|(f, _)| *f == full)
                .and_then(|x| x.1);
            if let (Some(when), Some(dimension)) = (when, dim) {
                indicators.push(Indicator {
                    at: (tf.file, i.id.span()),
                    id: full,
                    dimension,
                    strength: i.strength,
                    when,
                    source: i.source.clone(),
                });
            }
        }
    }

    let mut dimensions = Vec::new();
    for tf in &themes {
        for d in &tf.theme.dimension {
            let d = d.get_ref();
            let present_if = v.condition(
                ctx,
                tf.file,
                &d.present_if,
                Allowed {
                    counts: true,
                    place: "`present_if`",
                    ..Allowed::default()
                },
            );
            // Members by declaration, so that an indicator whose condition has an error still
            // counts (its error is reported on its own) and indices never shift.
            let idx = match v.syms.get(d.id.get_ref()) {
                Some(Sym::Dimension(i)) => *i,
                _ => continue,
            };
            let members: Vec<usize> = v
                .indicators
                .iter()
                .enumerate()
                .filter(|(_, (_, dim))| *dim == Some(idx))
                .map(|(n, _)| n)
                .collect();
            if let Some(present_if) = present_if {
                if members.is_empty() {
                    ctx.push(
                        Diagnostic::warning(
                            "W031",
                            format!("dimension `{}` has no indicators", d.id.get_ref()),
                        )
                        .at(tf.file, d.id.span())
                        .label("it can never be present"),
                    );
                }
                dimensions.push(Dimension {
                    at: (tf.file, d.id.span()),
                    id: d.id.get_ref().clone(),
                    present_if,
                    indicators: members,
                    source: d.source.clone(),
                });
            }
        }
    }

    let mut outcomes = Vec::new();
    let mut previous: Option<(crate::level::Level, String)> = None;
    let mut outcome_ids: HashMap<String, ()> = HashMap::new();
    for tf in &themes {
        for o in &tf.theme.outcome {
            let o = o.get_ref();
            let id = o.id.get_ref();
            if !valid_id(id) {
                ctx.push(
                    Diagnostic::error("E021", format!("invalid outcome id `{id}`"))
                        .at(tf.file, o.id.span()),
                );
            }
            if outcome_ids.insert(id.clone(), ()).is_some() {
                ctx.push(
                    Diagnostic::error("E010", format!("duplicate outcome `{id}`"))
                        .at(tf.file, o.id.span()),
                );
            }
            let level = *o.level.get_ref();
            let not_applicable = o.not_applicable.as_ref().is_some_and(|n| *n.get_ref());
            if not_applicable {
                // "Does not apply" is decided before any level, so these come first.
                if let Some((_, prev_id)) = &previous {
                    ctx.push(
                        Diagnostic::error(
                            "E017",
                            format!("not-applicable outcome `{id}` comes after `{prev_id}`"),
                        )
                        .at(tf.file, o.id.span())
                        .label("outcomes with `not_applicable = true` must come first"),
                    );
                }
                if level != crate::level::Level::None {
                    ctx.push(
                        Diagnostic::error(
                            "E017",
                            format!("not-applicable outcome `{id}` must have level `none`"),
                        )
                        .at(tf.file, o.level.span()),
                    );
                }
            } else if let Some((prev, prev_id)) = &previous {
                if level > *prev {
                    ctx.push(
                        Diagnostic::error(
                            "E017",
                            format!(
                                "outcome `{id}` (level `{level}`) comes after `{prev_id}` (level `{prev}`)"
                            ),
                        )
                        .at(tf.file, o.level.span())
                        .label("outcomes must be listed from the highest level down")
                        .with_note("the first outcome that is true wins, so a higher level listed later could be hidden"),
                    );
                }
            }
            if !not_applicable {
                previous = Some((level, id.clone()));
            }
            let when = v.condition(
                ctx,
                tf.file,
                &o.when,
                Allowed {
                    questions: true,
                    indicators: true,
                    dimensions: true,
                    child: true,
                    counts: false,
                    place: "an outcome",
                },
            );
            if let Some(when) = when {
                outcomes.push(Outcome {
                    at: (tf.file, o.id.span()),
                    id: id.clone(),
                    level,
                    when,
                    not_applicable,
                });
            }
        }
    }
    if outcomes.is_empty() && !has_errors(&ctx.diags) {
        ctx.push(Diagnostic::error("E002", "the rule set has no `[[outcome]]`").at(mfile, 0..0));
    }

    let mut red_flags = Vec::new();
    let mut flag_ids: HashMap<String, ()> = HashMap::new();
    for tf in &themes {
        for r in &tf.theme.red_flag {
            let r = r.get_ref();
            let id = r.id.get_ref();
            if !valid_id(id) {
                ctx.push(
                    Diagnostic::error("E021", format!("invalid red flag id `{id}`"))
                        .at(tf.file, r.id.span()),
                );
            }
            if flag_ids.insert(id.clone(), ()).is_some() {
                ctx.push(
                    Diagnostic::error("E010", format!("duplicate red flag `{id}`"))
                        .at(tf.file, r.id.span()),
                );
            }
            let when = v.condition(
                ctx,
                tf.file,
                &r.when,
                Allowed {
                    questions: true,
                    indicators: true,
                    child: true,
                    place: "a red flag",
                    ..Allowed::default()
                },
            );
            if let Some(when) = when {
                red_flags.push(RedFlag {
                    at: (tf.file, r.id.span()),
                    id: id.clone(),
                    when,
                });
            }
        }
    }

    let show_order = v.show_order(ctx);

    if has_errors(&ctx.diags) {
        return None;
    }
    let audience = manifest
        .audience
        .as_ref()
        .map_or(Audience::Person, |a| *a.get_ref());
    let rs = RuleSet::assemble(
        Meta {
            id: manifest.id.get_ref().clone(),
            version: manifest.version.get_ref().clone(),
            audience,
            jurisdiction: manifest.jurisdiction.clone().unwrap_or_default(),
            locales: manifest
                .locales
                .get_ref()
                .iter()
                .map(|l| l.get_ref().clone())
                .collect(),
            citation: manifest.source.citation.clone(),
            notes: manifest.source.notes.clone(),
            hash,
            manifest: mfile,
            section_places,
        },
        sections,
        v.questions.into_iter().map(|d| d.question).collect(),
        indicators,
        dimensions,
        outcomes,
        red_flags,
        age,
        v.thresholds,
        show_order,
    );
    if options.satisfiability {
        super::satisfiable::check(&rs, &themes_places(&themes), &mut ctx.diags);
    }
    Some(rs)
}

fn themes_places(themes: &[ThemeFile]) -> super::satisfiable::RawPlaces {
    let mut p = super::satisfiable::RawPlaces::default();
    for tf in themes {
        for q in &tf.theme.question {
            if let Some(s) = &q.get_ref().show_if {
                p.show_if.push((tf.file, s.span()));
            }
        }
        for i in &tf.theme.indicator {
            p.indicator.push((tf.file, i.get_ref().when.span()));
        }
        for d in &tf.theme.dimension {
            p.dimension.push((tf.file, d.get_ref().present_if.span()));
        }
        for o in &tf.theme.outcome {
            p.outcome.push((tf.file, o.get_ref().when.span()));
        }
        for r in &tf.theme.red_flag {
            p.red_flag.push((tf.file, r.get_ref().when.span()));
        }
    }
    p
}

struct QDraft {
    file: FileId,
    /// Where its `show_if` value is written, for cycle diagnostics.
    show_if_span: Option<Range<usize>>,
    question: Question,
}

struct Validator {
    syms: HashMap<String, Sym>,
    places: HashMap<String, (FileId, Range<usize>)>,
    questions: Vec<QDraft>,
    dimensions: Vec<(String, FileId)>,
    indicators: Vec<(String, Option<usize>)>,
    thresholds: Vec<(String, f64)>,
    has_age: bool,
}

impl Validator {
    /// Adds a name to the shared namespace; reports a duplicate and returns false when taken.
    fn declare(
        &mut self,
        ctx: &mut Ctx<'_>,
        name: &str,
        sym: Sym,
        file: FileId,
        span: Range<usize>,
    ) -> bool {
        if let Some((pf, ps)) = self.places.get(name) {
            let (line, _) = ctx.sources.line_col(*pf, ps.start);
            let first = format!("{}:{line}", ctx.sources.path(*pf));
            ctx.push(
                Diagnostic::error("E010", format!("duplicate id `{name}`"))
                    .at(file, span)
                    .label(format!("first defined at {first}"))
                    .with_note(
                        "questions, dimensions, indicators and thresholds share one namespace",
                    ),
            );
            return false;
        }
        self.syms.insert(name.to_owned(), sym);
        self.places.insert(name.to_owned(), (file, span));
        true
    }

    fn question_of_kind(
        &self,
        ctx: &mut Ctx<'_>,
        name: &Spanned<String>,
        kind: QuestionKind,
        file: FileId,
    ) -> Option<usize> {
        match self.syms.get(name.get_ref()) {
            Some(Sym::Question(i)) => {
                let actual = self.questions.get(*i)?.question.kind;
                if actual == kind {
                    Some(*i)
                } else {
                    ctx.push(
                        Diagnostic::error(
                            "E013",
                            format!(
                                "`{}` must be a `{}` question, not `{}`",
                                name.get_ref(),
                                kind.as_str(),
                                actual.as_str()
                            ),
                        )
                        .at(file, name.span()),
                    );
                    None
                }
            }
            _ => {
                ctx.push(
                    Diagnostic::error("E011", format!("unknown question `{}`", name.get_ref()))
                        .at(file, name.span()),
                );
                None
            }
        }
    }

    fn condition(
        &self,
        ctx: &mut Ctx<'_>,
        file: FileId,
        s: &Spanned<String>,
        allowed: Allowed,
    ) -> Option<Condition> {
        let text = s.get_ref();
        let whole = s.span();
        let start = content_start(ctx.sources.text(file), &whole, text);
        let map = |r: Range<usize>| match start {
            Some(st) => st + r.start..st + r.end,
            None => whole.clone(),
        };
        let node = match parse(text) {
            Ok(n) => n,
            Err(e) => {
                ctx.push(
                    Diagnostic::error("E015", format!("syntax error in condition: {}", e.message))
                        .at(file, map(e.span)),
                );
                return None;
            }
        };
        match compile(&node, self, allowed) {
            Ok(cond) => Some(Condition {
                cond,
                text: text.clone(),
            }),
            Err(errors) => {
                for e in errors {
                    let code = match e.kind {
                        TypeErrorKind::UnknownIdentifier => "E011",
                        TypeErrorKind::UnknownOption => "E012",
                        TypeErrorKind::Mismatch => "E013",
                        TypeErrorKind::EqualityOnSet => "E014",
                        TypeErrorKind::NotAllowedHere => "E019",
                    };
                    ctx.push(Diagnostic::error(code, e.message).at(file, map(e.span)));
                }
                None
            }
        }
    }

    /// Orders questions so that each comes after the questions its `show_if` reads; reports
    /// each cycle once, at the `show_if` of its first question.
    fn show_order(&self, ctx: &mut Ctx<'_>) -> Vec<usize> {
        let n = self.questions.len();
        let deps: Vec<Vec<usize>> = self
            .questions
            .iter()
            .map(|d| {
                let mut out = Vec::new();
                if let Some(c) = &d.question.show_if {
                    c.cond.visit_leaves(&mut |l| {
                        if let Leaf::Question(q) = l {
                            out.push(q as usize);
                        }
                    });
                }
                out
            })
            .collect();
        // 0 = unvisited, 1 = on the stack, 2 = done. Iterative DFS: no recursion on input.
        let mut state = vec![0u8; n];
        let mut order = Vec::with_capacity(n);
        let mut reported = vec![false; n];
        for root in 0..n {
            if state[root] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
            state[root] = 1;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let node_deps = deps.get(node).map_or(&[][..], Vec::as_slice);
                if let Some(&dep) = node_deps.get(*next) {
                    *next += 1;
                    match state.get(dep) {
                        Some(0) => {
                            state[dep] = 1;
                            stack.push((dep, 0));
                        }
                        Some(1) => {
                            let pos = stack.iter().position(|(q, _)| *q == dep).unwrap_or(0);
                            let cycle: Vec<usize> = stack
                                .get(pos..)
                                .map_or(vec![], |s| s.iter().map(|(q, _)| *q).collect());
                            if !cycle.iter().any(|q| reported[*q]) {
                                for q in &cycle {
                                    reported[*q] = true;
                                }
                                self.report_cycle(ctx, &cycle);
                            }
                        }
                        _ => {}
                    }
                } else {
                    state[node] = 2;
                    order.push(node);
                    stack.pop();
                }
            }
        }
        order
    }

    fn report_cycle(&self, ctx: &mut Ctx<'_>, cycle: &[usize]) {
        let Some(&first) = cycle.iter().min() else {
            return;
        };
        let names: Vec<String> = cycle
            .iter()
            .chain(std::iter::once(&cycle[0]))
            .filter_map(|q| {
                self.questions
                    .get(*q)
                    .map(|d| format!("`{}`", d.question.id))
            })
            .collect();
        let Some(d) = self.questions.get(first) else {
            return;
        };
        // Point at the `show_if` value of the first question of the cycle.
        let span = d
            .show_if_span
            .clone()
            .unwrap_or_else(|| d.question.at.1.clone());
        ctx.push(
            Diagnostic::error(
                "E016",
                format!("cycle in `show_if`: {}", names.join(" -> ")),
            )
            .at(d.file, span)
            .label("this question's skip logic depends on itself")
            .with_note("a question can only be shown after the questions its `show_if` reads"),
        );
    }
}

impl Scope for Validator {
    fn lookup(&self, name: &str) -> Option<Symbol<'_>> {
        match *self.syms.get(name)? {
            Sym::Question(i) => {
                let q = &self.questions.get(i)?.question;
                let ty = match q.kind {
                    QuestionKind::YesNo => QuestionType::YesNo,
                    QuestionKind::SingleChoice => QuestionType::SingleChoice,
                    QuestionKind::MultiChoice => QuestionType::MultiChoice,
                    QuestionKind::Number => QuestionType::Number,
                    QuestionKind::Text => QuestionType::Text,
                };
                Some(Symbol::Question(i as u32, ty, &q.options))
            }
            Sym::Dimension(d) => Some(Symbol::Dimension(d as u32)),
            Sym::Indicator(i) => Some(Symbol::Indicator(i as u32)),
            Sym::Threshold(t) => self.thresholds.get(t).map(|(_, v)| Symbol::Threshold(*v)),
        }
    }

    fn has_child(&self) -> bool {
        self.has_age
    }
}

/// True when a condition mentions `child`.
#[must_use]
pub fn uses_child(c: &Cond) -> bool {
    let mut found = false;
    c.visit_leaves(&mut |l| found |= l == Leaf::Child);
    found
}
