//! The rule set's questionnaire as an XLSForm (sheets `survey`, `choices`, `settings`), for
//! KoboToolbox, ODK Central and the other ODK tools. The names are a contract: the CSV export
//! of a filled form has one column per question id, with option ids, `yes` / `no`,
//! `dont_know` and `declined` as values (conventions in docs/xlsform.md).
//!
//! [`build`] makes the sheets as plain tables; [`XlsForm::write`] writes them as `.xlsx`.

use std::io::Write;

use fluent_bundle::FluentArgs;
use rust_xlsxwriter::{Format, Workbook};

use super::relevance::{Relevance, DECLINED, DONT_KNOW};
use super::xpath::{number, Expr};
use crate::i18n::{keys, Localizer};
use crate::ruleset::{Audience, Question, QuestionKind, RuleSet};

/// Errors while building or writing a form.
#[derive(Debug, thiserror::Error)]
pub enum XlsFormError {
    /// A `show_if` uses something a form cannot compute.
    #[error("the `show_if` of question `{question}` uses {what}, which a form cannot compute")]
    Unsupported {
        /// The question whose `show_if` it is.
        question: String,
        /// What it uses.
        what: &'static str,
    },
    /// A `show_if` reads a question whose own skip logic was not translated before it.
    #[error("the `show_if` of question `{question}` reads a question that comes after it in the rule set's order of skip logic")]
    Order {
        /// The question whose `show_if` it is.
        question: String,
    },
    /// Two rows of the form, or two choice lists, would have the same name.
    #[error("the name `{name}` would be used twice in the form ({what})")]
    NameClash {
        /// The name.
        name: String,
        /// Which two things have it.
        what: String,
    },
    /// No language to write the labels in.
    #[error("no language to write the form's labels in")]
    NoLanguage,
    /// The workbook could not be written.
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

/// The name of the yes/no choice list, shared by every yes_no question.
pub const YES_NO_LIST: &str = "yes_no";
/// The choice list of the consent question: only yes and no.
pub const CONSENT_LIST: &str = "tipscreen_consent";
/// The name of the consent question (rule sets whose questions are put to the person).
pub const CONSENT_FIELD: &str = "tipscreen_consent";
/// The name of the note with the consent script.
pub const CONSENT_NOTE: &str = "consent_script";

/// One language of the form's labels.
#[derive(Debug, Clone, Copy)]
pub struct FormLanguage<'a> {
    /// Language code, e.g. `kk`.
    pub code: &'a str,
    /// Its name in English, e.g. `Kazakh`.
    pub name: &'a str,
    /// The messages in that language (with the rule set's texts).
    pub loc: &'a Localizer,
}

impl FormLanguage<'_> {
    /// The language as XLSForm columns name it: `Kazakh (kk)`.
    #[must_use]
    pub fn column(&self) -> String {
        format!("{} ({})", self.name, self.code)
    }
}

/// The English name of a language tipscreen ships, as ODK tools show it.
#[must_use]
pub fn english_name(code: &str) -> Option<&'static str> {
    match code {
        "en" => Some("English"),
        "ru" => Some("Russian"),
        "kk" => Some("Kazakh"),
        "uz" => Some("Uzbek"),
        "ky" => Some("Kyrgyz"),
        "tg" => Some("Tajik"),
        _ => None,
    }
}

/// One sheet: a header row and rows of text cells (empty string: empty cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name.
    pub name: &'static str,
    /// Column names.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    fn new(name: &'static str, header: Vec<String>) -> Self {
        Sheet {
            name,
            header,
            rows: Vec::new(),
        }
    }

    /// The index of a column.
    #[must_use]
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The cell of `row` in column `name` (empty when either is missing).
    #[must_use]
    pub fn cell<'s>(&'s self, row: &'s [String], name: &str) -> &'s str {
        self.column(name)
            .and_then(|c| row.get(c))
            .map_or("", String::as_str)
    }

    /// The first row whose column `key` holds `value`.
    #[must_use]
    pub fn find(&self, key: &str, value: &str) -> Option<&[String]> {
        let c = self.column(key)?;
        self.rows
            .iter()
            .find(|r| r.get(c).is_some_and(|v| v == value))
            .map(Vec::as_slice)
    }

    fn push(&mut self, cells: &[(String, String)]) {
        let mut row = vec![String::new(); self.header.len()];
        for (k, v) in cells {
            if let Some(slot) = self.column(k).and_then(|c| row.get_mut(c)) {
                slot.clone_from(v);
            }
        }
        self.rows.push(row);
    }
}

/// A form as three sheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XlsForm {
    /// Questions, groups and notes.
    pub survey: Sheet,
    /// Choice lists.
    pub choices: Sheet,
    /// Title, id, version, default language.
    pub settings: Sheet,
}

/// Cells of one row, built column by column.
#[derive(Default)]
struct Cells(Vec<(String, String)>);

impl Cells {
    fn set(mut self, column: &str, value: impl Into<String>) -> Self {
        self.0.push((column.to_owned(), value.into()));
        self
    }

    /// One column per language: `prefix::English (en)`, … with `text(loc)` (none when `None`).
    fn per_language(
        mut self,
        prefix: &str,
        langs: &[FormLanguage<'_>],
        text: impl Fn(&Localizer) -> Option<String>,
    ) -> Self {
        for l in langs {
            if let Some(t) = text(l.loc) {
                self.0.push((format!("{prefix}::{}", l.column()), t));
            }
        }
        self
    }
}

/// The constraint of a multi_choice question: `dont_know` and `declined` stand alone.
pub const EXCLUSIVE_SPECIAL_ANSWERS: &str =
    "not((selected(., 'dont_know') or selected(., 'declined')) and count-selected(.) > 1)";

/// Builds the form of `rs` with labels in `langs`; `default` indexes the default language
/// (the form's title is in it).
///
/// # Errors
/// A `show_if` the form cannot express, a name used twice, or no language.
pub fn build(
    rs: &RuleSet,
    langs: &[FormLanguage<'_>],
    default: usize,
) -> Result<XlsForm, XlsFormError> {
    let default_lang = langs.get(default).ok_or(XlsFormError::NoLanguage)?;
    check_names(rs)?;
    let relevance = Relevance::new(rs)?;

    let per_lang = |prefix: &str| -> Vec<String> {
        langs
            .iter()
            .map(|l| format!("{prefix}::{}", l.column()))
            .collect()
    };
    let mut header: Vec<String> = vec!["type".into(), "name".into()];
    header.extend(per_lang("label"));
    header.extend(per_lang("hint"));
    header.extend(per_lang("guidance_hint"));
    header.extend(["required".into(), "relevant".into(), "constraint".into()]);
    header.extend(per_lang("constraint_message"));
    let mut survey = Sheet::new("survey", header);

    let mut choice_header: Vec<String> = vec!["list_name".into(), "name".into()];
    choice_header.extend(per_lang("label"));
    let mut choices = Sheet::new("choices", choice_header);
    for (name, key) in special_answers(true) {
        choices.push(
            &Cells::default()
                .set("list_name", YES_NO_LIST)
                .set("name", name)
                .per_language("label", langs, |l| Some(l.msg(key)))
                .0,
        );
    }
    if rs.meta.audience == Audience::Person {
        // Consent is given or not: no "don't know" here.
        for (name, key) in [("yes", "answer-yes"), ("no", "answer-no")] {
            choices.push(
                &Cells::default()
                    .set("list_name", CONSENT_LIST)
                    .set("name", name)
                    .per_language("label", langs, |l| Some(l.msg(key)))
                    .0,
            );
        }
    }

    let mut section_relevant = String::new();
    if rs.meta.audience == Audience::Person {
        survey.push(
            &Cells::default()
                .set("type", "note")
                .set("name", CONSENT_NOTE)
                // `consent-intro` names the interviewer, whom the form does not know.
                .per_language("label", langs, |l| {
                    Some(format!(
                        "{}\n\n{}",
                        l.msg("consent-title"),
                        l.msg("consent-script")
                    ))
                })
                .0,
        );
        survey.push(
            &Cells::default()
                .set("type", format!("select_one {CONSENT_LIST}"))
                .set("name", CONSENT_FIELD)
                .per_language("label", langs, |l| Some(l.msg("consent-question")))
                .set("required", "yes")
                .0,
        );
        section_relevant = Expr::is(CONSENT_FIELD, "yes").to_string();
    }

    for (s, section) in rs.sections.iter().enumerate() {
        let questions: Vec<(usize, &Question)> = rs
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| q.section == s)
            .collect();
        if questions.is_empty() {
            continue;
        }
        survey.push(
            &Cells::default()
                .set("type", "begin_group")
                .set("name", section.as_str())
                .per_language("label", langs, |l| Some(l.msg(&keys::section(section))))
                .set("relevant", section_relevant.as_str())
                .0,
        );
        for (i, q) in questions {
            survey.push(&question_row(q, langs, relevance.relevant(i)).0);
            if q.kind.has_options() {
                for o in &q.options {
                    choices.push(
                        &Cells::default()
                            .set("list_name", q.id.as_str())
                            .set("name", o.as_str())
                            .per_language("label", langs, |l| Some(l.msg(&keys::option(&q.id, o))))
                            .0,
                    );
                }
                for (name, key) in special_answers(false) {
                    choices.push(
                        &Cells::default()
                            .set("list_name", q.id.as_str())
                            .set("name", name)
                            .per_language("label", langs, |l| Some(l.msg(key)))
                            .0,
                    );
                }
            }
        }
        survey.push(&Cells::default().set("type", "end_group").0);
    }

    let mut settings = Sheet::new(
        "settings",
        ["form_title", "form_id", "version", "default_language"]
            .map(String::from)
            .to_vec(),
    );
    settings.push(
        &Cells::default()
            .set("form_title", default_lang.loc.msg(keys::RULESET_TITLE))
            .set("form_id", form_id(&rs.meta.id))
            .set("version", rs.meta.version.as_str())
            .set("default_language", default_lang.column())
            .0,
    );
    Ok(XlsForm {
        survey,
        choices,
        settings,
    })
}

/// The form's id: `tipscreen_` and the rule set id with `-` as `_`.
#[must_use]
pub fn form_id(ruleset_id: &str) -> String {
    format!("tipscreen_{}", ruleset_id.replace('-', "_"))
}

/// The choices after a question's options (`with_yes_no`: `yes` and `no` first).
fn special_answers(with_yes_no: bool) -> Vec<(&'static str, &'static str)> {
    let mut v = Vec::new();
    if with_yes_no {
        v.push(("yes", "answer-yes"));
        v.push(("no", "answer-no"));
    }
    v.push((DONT_KNOW, "answer-dont-know"));
    v.push((DECLINED, "answer-declined"));
    v
}

fn question_row(q: &Question, langs: &[FormLanguage<'_>], relevant: Option<Expr>) -> Cells {
    let id = q.id.as_str();
    let kind = match q.kind {
        QuestionKind::YesNo => format!("select_one {YES_NO_LIST}"),
        QuestionKind::SingleChoice => format!("select_one {id}"),
        QuestionKind::MultiChoice => format!("select_multiple {id}"),
        QuestionKind::Number if q.integer => "integer".to_owned(),
        QuestionKind::Number => "decimal".to_owned(),
        QuestionKind::Text => "text".to_owned(),
    };
    let mut cells = Cells::default()
        .set("type", kind)
        .set("name", id)
        .per_language("label", langs, |l| Some(l.msg(&keys::question(id))))
        .per_language("hint", langs, |l| l.try_msg(&keys::question_hint(id)))
        .per_language("guidance_hint", langs, |l| {
            l.try_msg(&keys::question_note(id))
        });
    // A select is required: "don't know" and "prefers not to say" are choices. A number or a
    // text may stay empty: empty is unknown.
    if matches!(
        q.kind,
        QuestionKind::YesNo | QuestionKind::SingleChoice | QuestionKind::MultiChoice
    ) {
        cells = cells.set("required", "yes");
    }
    if let Some(r) = relevant {
        cells = cells.set("relevant", r.to_string());
    }
    match q.kind {
        QuestionKind::MultiChoice => {
            cells = cells
                .set("constraint", EXCLUSIVE_SPECIAL_ANSWERS)
                .per_language("constraint_message", langs, |l| {
                    l.try_msg("form-exclusive-answers")
                });
        }
        QuestionKind::Number if q.min.is_some() || q.max.is_some() => {
            let bounds: Vec<String> = [(">=", q.min), ("<=", q.max)]
                .into_iter()
                .filter_map(|(op, b)| b.map(|b| format!(". {op} {}", number(b))))
                .collect();
            let mut args = FluentArgs::new();
            args.set("min", q.min.map_or_else(|| "…".to_owned(), number));
            args.set("max", q.max.map_or_else(|| "…".to_owned(), number));
            cells = cells.set("constraint", bounds.join(" and ")).per_language(
                "constraint_message",
                langs,
                |l| Some(l.msg_args("invalid-out-of-range", &args)),
            );
        }
        _ => {}
    }
    cells
}

/// Every name in the survey sheet is unique, and so is every choice list name.
fn check_names(rs: &RuleSet) -> Result<(), XlsFormError> {
    let mut names: Vec<(&str, String)> = Vec::new();
    if rs.meta.audience == Audience::Person {
        names.push((CONSENT_NOTE, "the consent note".into()));
        names.push((CONSENT_FIELD, "the consent question".into()));
    }
    for s in &rs.sections {
        names.push((s.as_str(), format!("section `{s}`")));
    }
    for q in &rs.questions {
        names.push((q.id.as_str(), format!("question `{}`", q.id)));
    }
    let mut lists: Vec<(&str, String)> = vec![
        (YES_NO_LIST, "the yes/no list".into()),
        (CONSENT_LIST, "the consent list".into()),
    ];
    for q in rs.questions.iter().filter(|q| q.kind.has_options()) {
        lists.push((q.id.as_str(), format!("the options of question `{}`", q.id)));
    }
    for set in [&names, &lists] {
        for (i, (name, what)) in set.iter().enumerate() {
            if let Some((_, other)) = set.iter().take(i).find(|(n, _)| n == name) {
                return Err(XlsFormError::NameClash {
                    name: (*name).to_owned(),
                    what: format!("{other} and {what}"),
                });
            }
        }
    }
    Ok(())
}

impl XlsForm {
    /// Writes the form as an `.xlsx` workbook.
    ///
    /// # Errors
    /// When the workbook cannot be made or written.
    pub fn write<W: Write + Send>(&self, out: W) -> Result<(), XlsFormError> {
        let mut workbook = Workbook::new();
        // A fixed creation date (the workbook would carry the time of the export): the same
        // rule set always gives the same bytes.
        let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?;
        workbook
            .set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
        let bold = Format::new().set_bold();
        for sheet in [&self.survey, &self.choices, &self.settings] {
            let ws = workbook.add_worksheet();
            ws.set_name(sheet.name)?;
            for (c, h) in sheet.header.iter().enumerate() {
                ws.write_string_with_format(0, col(c)?, h, &bold)?;
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                let r = u32::try_from(r + 1).map_err(|_| too_big())?;
                for (c, v) in row.iter().enumerate() {
                    if !v.is_empty() {
                        ws.write_string(r, col(c)?, v)?;
                    }
                }
            }
            ws.set_freeze_panes(1, 0)?;
        }
        workbook.save_to_writer(out)?;
        Ok(())
    }

    /// The form as the bytes of an `.xlsx` file.
    ///
    /// # Errors
    /// When the workbook cannot be made.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, XlsFormError> {
        let mut buf = std::io::Cursor::new(Vec::new());
        self.write(&mut buf)?;
        Ok(buf.into_inner())
    }
}

fn too_big() -> XlsFormError {
    XlsFormError::Xlsx(rust_xlsxwriter::XlsxError::RowColumnLimitError)
}

fn col(c: usize) -> Result<u16, XlsFormError> {
    u16::try_from(c).map_err(|_| too_big())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testing::{ruleset, shipped};
    use crate::ruleset::Folder;

    fn locs(id: &str, codes: &[&str]) -> Vec<(String, Localizer)> {
        codes
            .iter()
            .map(|c| {
                let loc = Localizer::new(c, &Folder::embedded_locales(), Some((id, None)))
                    .unwrap_or_else(|e| panic!("{e}"));
                ((*c).to_owned(), loc)
            })
            .collect()
    }

    fn form(rs: &RuleSet, codes: &[&str], default: usize) -> XlsForm {
        let locs = locs(&rs.meta.id, codes);
        let langs: Vec<FormLanguage<'_>> = locs
            .iter()
            .map(|(code, loc)| FormLanguage {
                code,
                name: english_name(code).unwrap_or(code),
                loc,
            })
            .collect();
        build(rs, &langs, default).unwrap_or_else(|e| panic!("{e}"))
    }

    fn row<'a>(sheet: &'a Sheet, name: &str) -> &'a [String] {
        sheet
            .find("name", name)
            .unwrap_or_else(|| panic!("no row {name}"))
    }

    #[test]
    fn kz_handbook_survey_starts_with_consent_and_groups_sections() {
        let rs = shipped("kz-handbook");
        let f = form(&rs, &["en", "ru", "kk"], 0);
        let s = &f.survey;
        assert_eq!(
            s.header.join(","),
            "type,name,label::English (en),label::Russian (ru),label::Kazakh (kk),\
             hint::English (en),hint::Russian (ru),hint::Kazakh (kk),\
             guidance_hint::English (en),guidance_hint::Russian (ru),guidance_hint::Kazakh (kk),\
             required,relevant,constraint,constraint_message::English (en),\
             constraint_message::Russian (ru),constraint_message::Kazakh (kk)"
        );
        let first: Vec<(&str, &str)> = s
            .rows
            .iter()
            .take(4)
            .map(|r| (s.cell(r, "type"), s.cell(r, "name")))
            .collect();
        assert_eq!(
            first,
            [
                ("note", CONSENT_NOTE),
                ("select_one tipscreen_consent", CONSENT_FIELD),
                ("begin_group", "safety"),
                ("select_one yes_no", "feels_safe_now"),
            ]
        );
        let note = row(s, CONSENT_NOTE);
        assert!(s
            .cell(note, "label::English (en)")
            .starts_with("Before we start\n\n"));
        let group = row(s, "debt");
        assert_eq!(s.cell(group, "relevant"), "${tipscreen_consent} = 'yes'");
        let en = locs("kz-handbook", &["en"]);
        let debt = en.first().map(|(_, l)| l.msg("section-debt"));
        assert_eq!(Some(s.cell(group, "label::English (en)")), debt.as_deref());
        // One begin_group and one end_group per section, every question once.
        let count = |t: &str| s.rows.iter().filter(|r| s.cell(r, "type") == t).count();
        assert_eq!(count("begin_group"), rs.sections.len());
        assert_eq!(count("end_group"), rs.sections.len());
        assert_eq!(s.rows.len(), 2 + 2 * rs.sections.len() + rs.questions.len());
    }

    #[test]
    fn kz_handbook_question_rows() {
        let rs = shipped("kz-handbook");
        let f = form(&rs, &["en", "ru", "kk"], 0);
        let s = &f.survey;
        let r = row(s, "can_leave_before_repaying");
        assert_eq!(s.cell(r, "type"), "select_one yes_no");
        assert_eq!(s.cell(r, "required"), "yes");
        assert_eq!(s.cell(r, "relevant"), "${owes_money} != 'no'");
        let (en, ru) = (
            s.cell(r, "label::English (en)"),
            s.cell(r, "label::Russian (ru)"),
        );
        assert!(!en.is_empty() && !ru.is_empty() && en != ru, "{en} / {ru}");

        let age = row(s, "age");
        assert_eq!(s.cell(age, "type"), "integer");
        assert_eq!(s.cell(age, "required"), "");
        assert_eq!(s.cell(age, "constraint"), ". >= 0 and . <= 120");
        assert_eq!(
            s.cell(age, "constraint_message::English (en)"),
            "Please enter a number from 0 to 120."
        );
        assert_eq!(s.cell(row(s, "hours_per_day"), "type"), "decimal");

        let multi = row(s, "how_decided");
        assert_eq!(s.cell(multi, "type"), "select_multiple how_decided");
        assert_eq!(s.cell(multi, "constraint"), EXCLUSIVE_SPECIAL_ANSWERS);
        assert_eq!(s.cell(row(s, "gender"), "type"), "select_one gender");

        // Interviewer notes become guidance hints.
        let with_note = rs
            .questions
            .iter()
            .find(|q| {
                locs("kz-handbook", &["en"])
                    .first()
                    .is_some_and(|(_, l)| l.has(&keys::question_note(&q.id)))
            })
            .unwrap_or_else(|| panic!("kz-handbook has notes"));
        assert!(!s
            .cell(row(s, &with_note.id), "guidance_hint::Kazakh (kk)")
            .is_empty());
    }

    #[test]
    fn choices_and_settings() {
        let rs = shipped("kz-handbook");
        let f = form(&rs, &["en", "ru", "kk"], 1);
        let c = &f.choices;
        assert_eq!(
            c.header.join(","),
            "list_name,name,label::English (en),label::Russian (ru),label::Kazakh (kk)"
        );
        let list = |name: &str| -> Vec<(String, String)> {
            c.rows
                .iter()
                .filter(|r| c.cell(r, "list_name") == name)
                .map(|r| {
                    (
                        c.cell(r, "name").to_owned(),
                        c.cell(r, "label::English (en)").to_owned(),
                    )
                })
                .collect()
        };
        let yes_no: Vec<(&str, &str)> = [
            ("yes", "Yes"),
            ("no", "No"),
            ("dont_know", "Don't know"),
            ("declined", "Prefers not to say"),
        ]
        .to_vec();
        assert_eq!(
            list(YES_NO_LIST),
            yes_no
                .iter()
                .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
                .collect::<Vec<_>>()
        );
        let gender: Vec<String> = list("gender").into_iter().map(|(n, _)| n).collect();
        assert_eq!(gender, ["female", "male", "other", "dont_know", "declined"]);

        let st = &f.settings;
        let r = st.rows.first().map_or(&[][..], Vec::as_slice);
        assert_eq!(st.cell(r, "form_id"), "tipscreen_kz_handbook");
        assert_eq!(st.cell(r, "version"), "1.0.0");
        assert_eq!(st.cell(r, "default_language"), "Russian (ru)");
        let ru = locs("kz-handbook", &["ru"]);
        let title = ru.first().map(|(_, l)| l.msg(keys::RULESET_TITLE));
        assert_eq!(Some(st.cell(r, "form_title")), title.as_deref());
    }

    #[test]
    fn an_assessor_checklist_has_no_consent_part() {
        let rs = shipped("ilo-2009-adult-labour");
        let f = form(&rs, &["en"], 0);
        let s = &f.survey;
        assert!(s.find("name", CONSENT_FIELD).is_none());
        assert!(s.find("name", CONSENT_NOTE).is_none());
        assert_eq!(
            s.rows.first().map(|r| s.cell(r, "type")),
            Some("begin_group")
        );
        assert!(s
            .rows
            .iter()
            .filter(|r| s.cell(r, "type") == "begin_group")
            .all(|r| s.cell(r, "relevant").is_empty()));
        assert_eq!(s.header.len(), 2 + 3 + 3 + 1, "one column per language");
    }

    #[test]
    fn interleaved_sections_are_grouped_in_section_order() {
        let q = |id: &str, section: &str| {
            format!("[[question]]\nid = \"{id}\"\nsection = \"{section}\"\nkind = \"yes_no\"\n")
        };
        let text = [q("a", "one"), q("b", "two"), q("c", "one"), q("d", "two")].concat();
        let rs = ruleset(&["one", "two"], &text);
        let f = form(&rs, &["en"], 0);
        let names: Vec<String> = f
            .survey
            .rows
            .iter()
            .map(|r| format!("{}:{}", f.survey.cell(r, "type"), f.survey.cell(r, "name")))
            .collect();
        assert_eq!(
            names,
            [
                "begin_group:one",
                "select_one yes_no:a",
                "select_one yes_no:c",
                "end_group:",
                "begin_group:two",
                "select_one yes_no:b",
                "select_one yes_no:d",
                "end_group:",
            ]
        );
    }

    #[test]
    fn a_name_used_twice_is_an_error() {
        let text = "[[question]]\nid = \"yes_no\"\nsection = \"one\"\nkind = \"single_choice\"\n\
                    options = [\"a\", \"b\"]\n";
        let rs = ruleset(&["one"], text);
        let locs = locs("t", &["en"]);
        let langs: Vec<FormLanguage<'_>> = locs
            .iter()
            .map(|(code, loc)| FormLanguage {
                code,
                name: "English",
                loc,
            })
            .collect();
        let err = build(&rs, &langs, 0).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("the name `yes_no` would be used twice in the form (the yes/no list and the options of question `yes_no`)")
        );
        let text = "[[question]]\nid = \"one\"\nsection = \"one\"\nkind = \"yes_no\"\n";
        let rs = ruleset(&["one"], text);
        assert!(matches!(
            build(&rs, &langs, 0),
            Err(XlsFormError::NameClash { .. })
        ));
        assert!(matches!(
            build(&rs, &langs, 3),
            Err(XlsFormError::NoLanguage)
        ));
    }

    #[test]
    fn the_workbook_has_the_three_sheets() {
        let rs = shipped("kz-handbook");
        let f = form(&rs, &["en", "ru", "kk"], 0);
        let bytes = f.to_xlsx().unwrap_or_else(|e| panic!("{e}"));
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
                .unwrap_or_else(|e| panic!("{e}"));
        use calamine::Reader as _;
        assert_eq!(wb.sheet_names(), ["survey", "choices", "settings"]);
        let survey = wb
            .worksheet_range("survey")
            .unwrap_or_else(|e| panic!("{e}"));
        let cells: Vec<Vec<String>> = survey
            .rows()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect();
        assert_eq!(cells.first(), Some(&f.survey.header));
        assert_eq!(&cells[1..], &f.survey.rows[..]);
    }
}
