//! The terminal prompter: dialoguer menus and inputs. The only place that reads keys.
//!
//! Esc goes back (in typed answers: an empty answer opens a menu with "back"); Ctrl-C asks
//! whether to save and quit. The cursor is shown again whatever happens.

use std::io;

use console::{StyledObject, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{FuzzySelect, Input, MultiSelect, Select};

/// Styled text for standard error, where the prompts go: coloured when standard error is (the
/// decision made at start-up), whatever standard output is.
fn style<D>(d: D) -> StyledObject<D> {
    console::style(d).for_stderr()
}

use tipscreen::answer::Answer;
use tipscreen::questionnaire::prompt::{check_typed, Choice};
use tipscreen::questionnaire::{Prompter, QuestionView, Reply};
use tipscreen::ruleset::QuestionKind;

/// Asks on the terminal (standard error, so that standard output can be redirected).
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
    yes: String,
    no: String,
    /// Questions shown so far: the keys are explained on the first ones only.
    asked: usize,
}

impl Terminal {
    /// A prompter on standard error. Ctrl-C is caught so that dialoguer returns an
    /// `Interrupted` error instead of the process dying with the cursor hidden.
    pub fn new(yes: String, no: String) -> Self {
        // Only the first handler can be installed; a second call is harmless.
        let _ = ctrlc::set_handler(|| {});
        let colours = console::colors_enabled_stderr();
        Terminal {
            term: Term::stderr(),
            theme: if colours {
                Box::new(ColorfulTheme::default())
            } else {
                Box::new(SimpleTheme)
            },
            yes,
            no,
            asked: 0,
        }
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.term.show_cursor();
    }
}

/// Interrupted (Ctrl-C) or a closed terminal.
fn interrupted(e: &dialoguer::Error) -> bool {
    let dialoguer::Error::IO(io) = e;
    io.kind() == io::ErrorKind::Interrupted
}

fn to_io(e: dialoguer::Error) -> io::Error {
    let dialoguer::Error::IO(io) = e;
    io
}

fn label(c: &Choice) -> String {
    match &c.second {
        Some(s) if *s != c.label => format!("{}  ·  {}", c.label, s),
        _ => c.label.clone(),
    }
}

impl Terminal {
    /// Writes text wrapped at word boundaries to the terminal's width (the terminal itself
    /// would cut words in half).
    fn write_wrapped(&self, text: &str, paint: impl Fn(&str) -> String) -> io::Result<()> {
        let width = usize::from(self.term.size_checked().map_or(80, |(_, w)| w)).max(20);
        for line in text.lines() {
            for piece in textwrap::wrap(line, width) {
                self.term.write_line(&paint(&piece))?;
            }
        }
        Ok(())
    }

    fn header(&mut self, v: &QuestionView) -> io::Result<()> {
        self.term.write_line("")?;
        self.write_wrapped(&v.progress, |s| style(s).cyan().to_string())?;
        self.write_wrapped(&v.text, |s| style(s).bold().to_string())?;
        if let Some(s) = v.second_text.as_ref().filter(|s| **s != v.text) {
            self.write_wrapped(s, |s| style(s).italic().to_string())?;
        }
        if let Some(h) = &v.hint {
            self.write_wrapped(h, str::to_owned)?;
        }
        if let Some(h) = v
            .second_hint
            .as_ref()
            .filter(|s| Some(*s) != v.hint.as_ref())
        {
            self.write_wrapped(h, |s| style(s).italic().to_string())?;
        }
        if let Some(n) = &v.note {
            self.write_wrapped(n, |s| style(s).dim().to_string())?;
        }
        // The keys are explained on the first questions only.
        if self.asked < 2 {
            self.write_wrapped(&v.texts.keys_help, |s| style(s).dim().to_string())?;
        }
        self.asked += 1;
        Ok(())
    }

    /// A menu of the special answers and "back".
    fn special_menu(&self, v: &QuestionView) -> io::Result<Reply> {
        let mut items: Vec<String> = v.special.iter().map(label).collect();
        items.push(v.texts.back.clone());
        match Select::with_theme(self.theme.as_ref())
            .items(&items)
            .default(0)
            .interact_on_opt(&self.term)
        {
            Ok(Some(i)) => Ok(v
                .special
                .get(i)
                .map_or(Reply::Back, |c| Reply::Answer(c.answer, None))),
            Ok(None) => Ok(Reply::Back),
            Err(e) if interrupted(&e) => Ok(Reply::Interrupt),
            Err(e) => Err(to_io(e)),
        }
    }
}

impl Prompter for Terminal {
    fn ask(&mut self, v: &QuestionView) -> io::Result<Reply> {
        self.header(v)?;
        match v.kind {
            QuestionKind::YesNo | QuestionKind::SingleChoice => {
                let all: Vec<&Choice> = v.choices.iter().chain(&v.special).collect();
                let mut items: Vec<String> = all.iter().map(|c| label(c)).collect();
                items.push(v.texts.back.clone());
                let default = v
                    .default
                    .and_then(|d| all.iter().position(|c| c.answer == d))
                    .unwrap_or(0);
                match Select::with_theme(self.theme.as_ref())
                    .items(&items)
                    .default(default)
                    .interact_on_opt(&self.term)
                {
                    Ok(Some(i)) => Ok(all
                        .get(i)
                        .map_or(Reply::Back, |c| Reply::Answer(c.answer, None))),
                    Ok(None) => Ok(Reply::Back),
                    Err(e) if interrupted(&e) => Ok(Reply::Interrupt),
                    Err(e) => Err(to_io(e)),
                }
            }
            QuestionKind::MultiChoice => {
                let items: Vec<String> = v.choices.iter().map(label).collect();
                let defaults: Vec<bool> = v
                    .choices
                    .iter()
                    .map(|c| match (v.default, c.answer) {
                        (Some(Answer::Multi(set)), Answer::Multi(bit)) => set & bit != 0,
                        _ => false,
                    })
                    .collect();
                self.term
                    .write_line(&style(&v.texts.none_selected).dim().to_string())?;
                match MultiSelect::with_theme(self.theme.as_ref())
                    .items(&items)
                    .defaults(&defaults)
                    .interact_on_opt(&self.term)
                {
                    Ok(Some(picked)) if !picked.is_empty() => {
                        let set = picked
                            .iter()
                            .filter_map(|&i| match v.choices.get(i).map(|c| c.answer) {
                                Some(Answer::Multi(b)) => Some(b),
                                _ => None,
                            })
                            .fold(0, |a, b| a | b);
                        Ok(Reply::Answer(Answer::Multi(set), None))
                    }
                    // Nothing picked: don't know, prefers not to say, or back.
                    Ok(Some(_)) => self.special_menu(v),
                    Ok(None) => Ok(Reply::Back),
                    Err(e) if interrupted(&e) => Ok(Reply::Interrupt),
                    Err(e) => Err(to_io(e)),
                }
            }
            QuestionKind::Number | QuestionKind::Text => {
                let view = v.clone();
                let mut input = Input::<String>::with_theme(self.theme.as_ref())
                    .allow_empty(true)
                    .validate_with(move |s: &String| -> Result<(), String> {
                        if s.trim().is_empty() {
                            return Ok(());
                        }
                        check_typed(&view, s).map(|_| ())
                    });
                if let Some(t) = &v.default_text {
                    input = input.with_initial_text(t.clone());
                }
                match input.interact_text_on(&self.term) {
                    Ok(s) if s.trim().is_empty() => self.special_menu(v),
                    Ok(s) => match check_typed(v, &s) {
                        Ok(a) => Ok(Reply::Answer(
                            a,
                            (a == Answer::Text).then(|| s.trim().to_owned()),
                        )),
                        Err(msg) => {
                            self.term.write_line(&msg)?;
                            Ok(Reply::Back)
                        }
                    },
                    Err(e) if interrupted(&e) => Ok(Reply::Interrupt),
                    Err(e) => Err(to_io(e)),
                }
            }
        }
    }

    fn show(&mut self, text: &str) -> io::Result<()> {
        // Tables are laid out already; only plain lines are wrapped.
        if text.contains('│') {
            return self.term.write_line(text);
        }
        self.write_wrapped(text, str::to_owned)
    }

    fn confirm(&mut self, text: &str, default: Option<bool>) -> io::Result<Option<bool>> {
        // A menu in the interview language rather than y/n keys, which mean nothing in
        // Russian or Kazakh. Without a default the cursor starts on no item.
        let items = [self.yes.clone(), self.no.clone()];
        let mut select = Select::with_theme(self.theme.as_ref())
            .with_prompt(text)
            .items(&items);
        if let Some(d) = default {
            select = select.default(if d { 0 } else { 1 });
        }
        loop {
            match select.clone().interact_on_opt(&self.term) {
                Ok(Some(i)) => return Ok(Some(i == 0)),
                // Esc: there is nothing to go back to here; ask again.
                Ok(None) => {}
                Err(e) if interrupted(&e) => return Ok(None),
                Err(e) => return Err(to_io(e)),
            }
        }
    }

    fn line(&mut self, label: &str, default: &str) -> io::Result<Option<String>> {
        let mut input = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(label)
            .allow_empty(true);
        if !default.is_empty() {
            input = input.with_initial_text(default.to_owned());
        }
        match input.interact_text_on(&self.term) {
            Ok(s) => Ok(Some(s.trim().to_owned())),
            Err(e) if interrupted(&e) => Ok(None),
            Err(e) => Err(to_io(e)),
        }
    }

    fn pick(&mut self, label: &str, items: &[String], default: usize) -> io::Result<Option<usize>> {
        match FuzzySelect::with_theme(self.theme.as_ref())
            .with_prompt(label)
            .items(items)
            .default(default.min(items.len().saturating_sub(1)))
            .interact_on_opt(&self.term)
        {
            Ok(v) => Ok(v),
            Err(e) if interrupted(&e) => Ok(None),
            Err(e) => Err(to_io(e)),
        }
    }
}
