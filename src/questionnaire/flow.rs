//! The order of an interview: which question comes next, going back, and dropping answers that
//! no longer apply after a change. Pure: no input or output.

use crate::answer::Answer;
use crate::condition::Tri;
use crate::engine::{apply_skip_logic, Engine, Evaluation};
use crate::ruleset::RuleSet;

/// The state of one interview.
#[derive(Debug, Clone)]
pub struct Flow<'r> {
    rs: &'r RuleSet,
    answers: Vec<Answer>,
    /// Questions in the order they were answered (for going back).
    history: Vec<usize>,
    /// Questions left unasked on purpose (a script without an answer for them).
    skipped: Vec<bool>,
    /// The question reopened by going back: asked next, whatever skip logic says, and its
    /// answer kept until it is answered again (so that clearing it does not bring back
    /// questions it had ruled out).
    reopened: Option<usize>,
}

/// Where the interview stands, for "Documents · 7 of about 24".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Section index of the question.
    pub section: usize,
    /// 1-based number of this question among those asked so far.
    pub position: usize,
    /// Questions answered plus those that still apply or may apply: an estimate.
    pub about: usize,
}

impl<'r> Flow<'r> {
    /// A new interview with no answers.
    #[must_use]
    pub fn new(rs: &'r RuleSet) -> Self {
        Flow {
            rs,
            answers: vec![Answer::Missing; rs.questions.len()],
            history: Vec::new(),
            skipped: vec![false; rs.questions.len()],
            reopened: None,
        }
    }

    /// An interview resumed with earlier answers, in the order they were given.
    #[must_use]
    pub fn resume(rs: &'r RuleSet, answers: Vec<Answer>, history: Vec<usize>) -> Self {
        let mut answers = answers;
        answers.resize(rs.questions.len(), Answer::Missing);
        let mut f = Flow {
            rs,
            skipped: vec![false; answers.len()],
            reopened: None,
            answers,
            history: history
                .into_iter()
                .filter(|&q| q < rs.questions.len())
                .collect(),
        };
        f.drop_inapplicable();
        f
    }

    /// The rule set.
    #[must_use]
    pub fn ruleset(&self) -> &'r RuleSet {
        self.rs
    }

    /// The answers so far, one per question (`Missing` when not asked).
    #[must_use]
    pub fn answers(&self) -> &[Answer] {
        &self.answers
    }

    /// The questions answered, in order.
    #[must_use]
    pub fn history(&self) -> &[usize] {
        &self.history
    }

    fn applicability(&self) -> Vec<Tri> {
        let mut eff = self.answers.clone();
        let mut applies = vec![Tri::True; self.answers.len()];
        apply_skip_logic(self.rs, &mut eff, &mut applies);
        applies
    }

    /// The next question to ask: the first one in interview order that is not answered and
    /// whose skip logic does not rule it out (an unknown `show_if` still asks: better one
    /// question too many than a missed one).
    #[must_use]
    pub fn next(&self) -> Option<usize> {
        if let Some(q) = self.reopened {
            return Some(q);
        }
        let applies = self.applicability();
        (0..self.answers.len()).find(|&q| {
            self.answers.get(q) == Some(&Answer::Missing)
                && !self.skipped.get(q).copied().unwrap_or(false)
                && applies.get(q).copied().unwrap_or(Tri::False) != Tri::False
        })
    }

    /// Leaves a question unasked: `next` passes over it.
    pub fn skip(&mut self, q: usize) {
        if let Some(s) = self.skipped.get_mut(q) {
            *s = true;
        }
    }

    /// Records an answer and drops the answers that no longer apply because of it; returns
    /// the questions whose answers were dropped.
    pub fn answer(&mut self, q: usize, a: Answer) -> Vec<usize> {
        if self.reopened == Some(q) {
            self.reopened = None;
        }
        if let Some(slot) = self.answers.get_mut(q) {
            *slot = a;
            self.history.retain(|&h| h != q);
            self.history.push(q);
        }
        self.drop_inapplicable()
    }

    /// Goes back one question: returns it with its answer, which `next` asks again (the
    /// answer can be offered as the default). The answer stands until it is changed.
    pub fn back(&mut self) -> Option<(usize, Answer)> {
        // Going back again from a reopened question goes to the one before it.
        let q = self.history.pop()?;
        let old = self.answers.get(q).copied().unwrap_or_default();
        self.reopened = Some(q);
        Some((q, old))
    }

    /// Removes answers to questions whose `show_if` is now false; repeats until stable, since
    /// dropping one answer can rule out another question.
    fn drop_inapplicable(&mut self) -> Vec<usize> {
        let mut dropped = Vec::new();
        loop {
            let applies = self.applicability();
            let now: Vec<usize> = (0..self.answers.len())
                .filter(|&q| {
                    applies.get(q) == Some(&Tri::False)
                        && self.answers.get(q) != Some(&Answer::Missing)
                })
                .collect();
            if now.is_empty() {
                return dropped;
            }
            for &q in &now {
                if let Some(slot) = self.answers.get_mut(q) {
                    *slot = Answer::Missing;
                }
                self.history.retain(|&h| h != q);
            }
            dropped.extend(now);
        }
    }

    /// Progress for question `q`.
    #[must_use]
    pub fn progress(&self, q: usize) -> Progress {
        let applies = self.applicability();
        // A reopened question keeps its answer until changed; it is not counted before itself.
        let answered = self
            .answers
            .iter()
            .enumerate()
            .filter(|(i, a)| **a != Answer::Missing && *i != q)
            .count();
        let open = (0..self.answers.len())
            .filter(|&i| {
                self.answers.get(i) == Some(&Answer::Missing)
                    && applies.get(i).copied().unwrap_or(Tri::False) != Tri::False
            })
            .count();
        Progress {
            section: self.rs.questions.get(q).map_or(0, |x| x.section),
            position: answered + 1,
            about: answered + open,
        }
    }

    /// The evaluation of the answers so far.
    #[must_use]
    pub fn evaluate(&self) -> Evaluation {
        Engine::new(self.rs).evaluate(&self.answers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceMap;
    use crate::ruleset::{load, Folder, LoadOptions};

    fn kz() -> RuleSet {
        let folder = Folder::embedded_ruleset("kz-handbook").expect("shipped");
        let mut sources = SourceMap::default();
        load(&folder, &mut sources, LoadOptions::default())
            .ruleset
            .expect("valid")
    }

    fn q(rs: &RuleSet, id: &str) -> usize {
        rs.question(id).expect("question exists")
    }

    #[test]
    fn safety_comes_first_and_skip_logic_hides_questions() {
        let rs = kz();
        let mut f = Flow::new(&rs);
        assert_eq!(f.next(), Some(q(&rs, "feels_safe_now")));
        f.answer(q(&rs, "feels_safe_now"), Answer::Bool(true));
        assert_eq!(f.next(), Some(q(&rs, "needs_medical_help")));
        f.answer(q(&rs, "needs_medical_help"), Answer::Bool(false));
        // Age not known yet: the guardian question may apply, so it is asked.
        assert_eq!(f.next(), Some(q(&rs, "with_parent_or_guardian")));
        // Give the age first (as an interviewer may): 30 rules the guardian question out.
        f.answer(q(&rs, "age"), Answer::Number(30.0));
        assert_ne!(f.next(), Some(q(&rs, "with_parent_or_guardian")));
        assert_ne!(f.next(), Some(q(&rs, "appears_under_18")));
        // No debt: its follow-ups are never asked.
        f.answer(q(&rs, "owes_money"), Answer::Bool(false));
        let mut seen = Vec::new();
        while let Some(n) = f.next() {
            seen.push(rs.questions[n].id.clone());
            f.answer(n, Answer::DontKnow);
        }
        assert!(!seen.contains(&"can_leave_before_repaying".to_owned()));
        assert!(!seen.contains(&"debt_grows".to_owned()));
    }

    #[test]
    fn changing_an_answer_drops_answers_that_no_longer_apply() {
        let rs = kz();
        let mut f = Flow::new(&rs);
        f.answer(q(&rs, "owes_money"), Answer::Bool(true));
        f.answer(q(&rs, "can_leave_before_repaying"), Answer::Bool(false));
        f.answer(q(&rs, "debt_grows"), Answer::Bool(true));
        let dropped = f.answer(q(&rs, "owes_money"), Answer::Bool(false));
        let mut ids: Vec<&str> = dropped
            .iter()
            .map(|&d| rs.questions[d].id.as_str())
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, ["can_leave_before_repaying", "debt_grows"]);
        assert_eq!(f.answers()[q(&rs, "debt_grows")], Answer::Missing);
        assert_eq!(f.history(), &[q(&rs, "owes_money")]);
    }

    #[test]
    fn going_back_reopens_the_previous_question_with_its_answer() {
        let rs = kz();
        let mut f = Flow::new(&rs);
        f.answer(q(&rs, "feels_safe_now"), Answer::Bool(true));
        f.answer(q(&rs, "needs_medical_help"), Answer::Bool(false));
        assert_eq!(
            f.back(),
            Some((q(&rs, "needs_medical_help"), Answer::Bool(false)))
        );
        assert_eq!(f.next(), Some(q(&rs, "needs_medical_help")));
        assert_eq!(
            f.back(),
            Some((q(&rs, "feels_safe_now"), Answer::Bool(true)))
        );
        assert_eq!(f.back(), None);
        assert_eq!(f.next(), Some(q(&rs, "feels_safe_now")));
    }

    #[test]
    fn going_back_after_an_answer_that_ruled_questions_out_reopens_that_answer() {
        let rs = kz();
        let mut f = Flow::new(&rs);
        f.answer(q(&rs, "feels_safe_now"), Answer::Bool(true));
        f.answer(q(&rs, "needs_medical_help"), Answer::Bool(false));
        f.answer(q(&rs, "with_parent_or_guardian"), Answer::Bool(true));
        // The age rules the guardian question out and drops its answer.
        f.answer(q(&rs, "age"), Answer::Number(30.0));
        assert_eq!(f.next(), Some(q(&rs, "gender")));
        // Back from `gender` goes to `age`, with the age kept as the default.
        assert_eq!(f.back(), Some((q(&rs, "age"), Answer::Number(30.0))));
        assert_eq!(f.next(), Some(q(&rs, "age")));
        assert_eq!(f.answers()[q(&rs, "age")], Answer::Number(30.0));
        // Changing it to a child's age brings the guardian question back.
        f.answer(q(&rs, "age"), Answer::Number(15.0));
        assert_eq!(f.next(), Some(q(&rs, "with_parent_or_guardian")));
    }

    #[test]
    fn a_red_flag_shows_in_the_evaluation_at_once() {
        let rs = kz();
        let mut f = Flow::new(&rs);
        f.answer(q(&rs, "feels_safe_now"), Answer::Bool(false));
        let e = f.evaluate();
        assert!(e.red_flag_fired);
        assert_eq!(e.now, crate::level::Level::Urgent);
    }

    #[test]
    fn resume_keeps_answers_and_order() {
        let rs = kz();
        let mut f = Flow::new(&rs);
        f.answer(q(&rs, "feels_safe_now"), Answer::Bool(true));
        f.answer(q(&rs, "needs_medical_help"), Answer::Bool(false));
        let g = Flow::resume(&rs, f.answers().to_vec(), f.history().to_vec());
        assert_eq!(g.next(), f.next());
        assert_eq!(g.history(), f.history());
        let p = g.progress(q(&rs, "with_parent_or_guardian"));
        assert_eq!(p.position, 3);
        assert!(p.about >= 30 && p.about <= 40, "{p:?}");
    }
}
