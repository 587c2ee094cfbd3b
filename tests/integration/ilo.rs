//! The shipped rule set `ilo-2009-adult-labour` (ILO/EC 2009 operational indicators, adults,
//! labour exploitation).
//!
//! 1. Its shape: 67 indicators with the strengths of the list in the domain brief (section 5),
//!    one yes/no question per indicator, an assessor checklist, children not applicable.
//! 2. Property tests: thousands of random answer sets, each scored by the engine and by a plain
//!    implementation of the ILO decision rule and of the rule set's lower levels written here
//!    (it reads no condition of the rule set and calls no condition code):
//!    - `engine_matches_plain_rule_by_counts`: every indicator question yes / no / unknown. The
//!      rule (presence of an element, then the outcome) only ever gets higher when an indicator
//!      fires, so the level the answers establish is the level with every unknown indicator
//!      answered no, and the highest possible level is the one with every unknown answered yes.
//!    - `engine_matches_every_completion`: at most ten unknown answers; every completion of them
//!      (and both ages when the age is not established) is scored separately, without assuming
//!      the above: `now` is the lowest and `upper` the highest level over the completions where
//!      the list applies.

use std::sync::OnceLock;

use proptest::prelude::*;
use tipscreen::answer::Answer;
use tipscreen::condition::{Leaf, Tri};
use tipscreen::diagnostic::SourceMap;
use tipscreen::engine::{Engine, Evaluation};
use tipscreen::level::Level;
use tipscreen::ruleset::{load, Audience, Folder, LoadOptions, QuestionKind, RuleSet, Strength};

const ID: &str = "ilo-2009-adult-labour";

/// Strength, short for the table: strong, medium, weak.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    S,
    M,
    W,
}
use St::{M, S, W};

/// The six elements (dimensions), in the order of the ILO list.
const DIMS: [&str; 6] = [
    "deceptive_recruitment",
    "coercive_recruitment",
    "recruitment_vulnerability",
    "exploitation",
    "coercion_destination",
    "vulnerability_destination",
];

/// Every indicator of the adult labour list: (dimension, indicator, question, strength).
#[rustfmt::skip]
const TABLE: [(&str, &str, &str, St); 67] = [
    // deceptive_recruitment
    ("deceptive_recruitment", "nature_of_job", "dr_nature_of_job", S),
    ("deceptive_recruitment", "conditions_of_work", "dr_conditions_of_work", M),
    ("deceptive_recruitment", "work_contract", "dr_work_contract", M),
    ("deceptive_recruitment", "family_reunification", "dr_family_reunification", M),
    ("deceptive_recruitment", "housing_and_living_conditions", "dr_housing_living_conditions", M),
    ("deceptive_recruitment", "legal_documentation", "dr_legal_documentation", M),
    ("deceptive_recruitment", "travel_and_recruitment_conditions", "dr_travel_recruitment_conditions", M),
    ("deceptive_recruitment", "wages_earnings", "dr_wages_earnings", M),
    ("deceptive_recruitment", "marriage_or_adoption", "dr_marriage_adoption", M),
    ("deceptive_recruitment", "education_opportunities", "dr_education_opportunities", W),
    // coercive_recruitment
    ("coercive_recruitment", "violence_on_victims", "cr_violence_on_victims", S),
    ("coercive_recruitment", "abduction_marriage_adoption_selling", "cr_abduction_marriage_adoption_selling", M),
    ("coercive_recruitment", "confiscation_of_documents", "cr_confiscation_of_documents", M),
    ("coercive_recruitment", "debt_bondage", "cr_debt_bondage", M),
    ("coercive_recruitment", "isolation_confinement_surveillance", "cr_isolation_confinement_surveillance", M),
    ("coercive_recruitment", "threat_of_denunciation", "cr_threat_of_denunciation", M),
    ("coercive_recruitment", "threats_of_violence", "cr_threats_of_violence", M),
    ("coercive_recruitment", "threats_to_inform_family", "cr_threats_to_inform_family", M),
    ("coercive_recruitment", "violence_on_family", "cr_violence_on_family", M),
    ("coercive_recruitment", "withholding_of_money", "cr_withholding_of_money", M),
    // recruitment_vulnerability
    ("recruitment_vulnerability", "difficult_family_situation", "rv_difficult_family_situation", M),
    ("recruitment_vulnerability", "illegal_status", "rv_illegal_status", M),
    ("recruitment_vulnerability", "lack_of_education", "rv_lack_of_education", M),
    ("recruitment_vulnerability", "lack_of_information", "rv_lack_of_information", M),
    ("recruitment_vulnerability", "control_of_exploiters", "rv_control_of_exploiters", M),
    ("recruitment_vulnerability", "economic_reasons", "rv_economic_reasons", M),
    ("recruitment_vulnerability", "false_information_law_authorities", "rv_false_information_law", M),
    ("recruitment_vulnerability", "false_information_migration", "rv_false_information_migration", M),
    ("recruitment_vulnerability", "family_situation", "rv_family_situation", M),
    ("recruitment_vulnerability", "personal_situation", "rv_personal_situation", M),
    ("recruitment_vulnerability", "psychological_emotional_dependency", "rv_emotional_dependency", M),
    ("recruitment_vulnerability", "relationship_with_authorities", "rv_relationship_with_authorities", M),
    ("recruitment_vulnerability", "cultural_religious_beliefs", "rv_cultural_religious_beliefs", W),
    ("recruitment_vulnerability", "difficulties_in_the_past", "rv_difficulties_in_the_past", W),
    ("recruitment_vulnerability", "difficulty_to_organise_travel", "rv_difficulty_organising_travel", W),
    ("recruitment_vulnerability", "general_context", "rv_general_context", W),
    // exploitation
    ("exploitation", "excessive_working_days_or_hours", "ex_excessive_hours", S),
    ("exploitation", "bad_living_conditions", "ex_bad_living_conditions", M),
    ("exploitation", "hazardous_work", "ex_hazardous_work", M),
    ("exploitation", "low_or_no_salary", "ex_low_or_no_salary", M),
    ("exploitation", "no_respect_of_labour_laws", "ex_labour_laws_not_respected", M),
    ("exploitation", "no_social_protection", "ex_no_social_protection", M),
    ("exploitation", "very_bad_working_conditions", "ex_very_bad_working_conditions", M),
    ("exploitation", "wage_manipulation", "ex_wage_manipulation", M),
    ("exploitation", "no_access_to_education", "ex_no_access_to_education", W),
    // coercion_destination
    ("coercion_destination", "confiscation_of_documents", "cd_confiscation_of_documents", S),
    ("coercion_destination", "debt_bondage", "cd_debt_bondage", S),
    ("coercion_destination", "isolation_confinement_surveillance", "cd_isolation_confinement_surveillance", S),
    ("coercion_destination", "violence_on_victims", "cd_violence_on_victims", S),
    ("coercion_destination", "forced_illicit_activities", "cd_forced_illicit_activities", M),
    ("coercion_destination", "forced_tasks_or_clients", "cd_forced_tasks_or_clients", M),
    ("coercion_destination", "forced_to_act_against_peers", "cd_forced_to_act_against_peers", M),
    ("coercion_destination", "forced_to_lie", "cd_forced_to_lie", M),
    ("coercion_destination", "threat_of_denunciation", "cd_threat_of_denunciation", M),
    ("coercion_destination", "threat_of_worse_conditions", "cd_threat_of_worse_conditions", M),
    ("coercion_destination", "threats_of_violence", "cd_threats_of_violence", M),
    ("coercion_destination", "under_strong_influence", "cd_under_strong_influence", M),
    ("coercion_destination", "violence_on_family", "cd_violence_on_family", M),
    ("coercion_destination", "withholding_of_wages", "cd_withholding_of_wages", M),
    ("coercion_destination", "threats_to_inform_family", "cd_threats_to_inform_family", W),
    // vulnerability_destination
    ("vulnerability_destination", "dependency_on_exploiters", "vd_dependency_on_exploiters", M),
    ("vulnerability_destination", "difficulty_unknown_area", "vd_unknown_area", M),
    ("vulnerability_destination", "economic_reasons", "vd_economic_reasons", M),
    ("vulnerability_destination", "family_situation", "vd_family_situation", M),
    ("vulnerability_destination", "relationship_with_authorities", "vd_relationship_with_authorities", M),
    ("vulnerability_destination", "difficulties_in_the_past", "vd_difficulties_in_the_past", W),
    ("vulnerability_destination", "personal_characteristics", "vd_personal_characteristics", W),
];

/// Index of a dimension in [`DIMS`].
fn dim_index(id: &str) -> usize {
    DIMS.iter()
        .position(|d| *d == id)
        .unwrap_or_else(|| panic!("unknown dimension {id}"))
}

fn shipped() -> &'static RuleSet {
    static RS: OnceLock<RuleSet> = OnceLock::new();
    RS.get_or_init(|| {
        let folder = Folder::embedded_ruleset(ID).expect("the rule set is shipped");
        let mut sources = SourceMap::default();
        let loaded = load(&folder, &mut sources, LoadOptions::default());
        let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        loaded
            .ruleset
            .unwrap_or_else(|| panic!("{ID} has errors: {codes:?}"))
    })
}

// --- 1. Shape ----------------------------------------------------------------------------------

#[test]
fn shape_matches_the_ilo_adult_labour_list() {
    let rs = shipped();
    assert_eq!(rs.meta.id, ID);
    assert_eq!(rs.meta.version, "1.0.0");
    assert_eq!(rs.meta.audience, Audience::Assessor);
    assert_eq!(rs.meta.jurisdiction, "international");
    assert_eq!(rs.meta.locales, ["en", "ru", "kk"]);
    assert!(rs.meta.citation.contains("WCMS_105023"));
    assert!(rs.red_flags.is_empty());

    let mut sections = vec!["profile"];
    sections.extend(DIMS);
    assert_eq!(rs.sections, sections);
    let dims: Vec<&str> = rs.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dims, DIMS);

    // Exact counts per dimension and strength (domain brief, section 5).
    let expected: [(&str, usize, usize, usize); 6] = [
        ("deceptive_recruitment", 1, 8, 1),
        ("coercive_recruitment", 1, 9, 0),
        ("recruitment_vulnerability", 0, 12, 4),
        ("exploitation", 1, 7, 1),
        ("coercion_destination", 4, 10, 1),
        ("vulnerability_destination", 0, 5, 2),
    ];
    for (dim, strong, medium, weak) in expected {
        let d = rs.dimensions.iter().position(|x| x.id == dim).expect(dim);
        let count = |s: Strength| {
            rs.indicators
                .iter()
                .filter(|i| i.dimension == d && i.strength == s)
                .count()
        };
        assert_eq!(
            (
                count(Strength::Strong),
                count(Strength::Medium),
                count(Strength::Weak)
            ),
            (strong, medium, weak),
            "{dim}: strong, medium, weak"
        );
        assert_eq!(rs.dimensions[d].indicators.len(), strong + medium + weak);
        assert_eq!(
            rs.dimensions[d].present_if.text,
            "strong >= 2 or (strong >= 1 and medium + weak >= 1) or medium >= 3 or (medium >= 2 and weak >= 1)",
            "{dim}"
        );
    }
    assert_eq!(rs.indicators.len(), 67);
    assert_eq!(TABLE.len(), 67);

    // Every indicator's `when` reads exactly one yes_no question, its own.
    let mut used = vec![false; rs.questions.len()];
    for ind in &rs.indicators {
        let mut leaves = Vec::new();
        ind.when.cond.visit_leaves(&mut |l| leaves.push(l));
        let [Leaf::Question(q)] = leaves[..] else {
            panic!("{}: `when` reads {leaves:?}, not one question", ind.id);
        };
        let q = q as usize;
        assert_eq!(rs.questions[q].kind, QuestionKind::YesNo, "{}", ind.id);
        assert_eq!(ind.when.text.trim(), rs.questions[q].id, "{}", ind.id);
        assert!(!used[q], "{}: question used twice", ind.id);
        used[q] = true;
        let strength = ind.strength.as_str();
        assert!(
            ind.source.starts_with("ILO 2009 WCMS_105023, ")
                && ind.source.ends_with(&format!(
                    " ({strength}); unverified against the primary PDF"
                )),
            "{}: source `{}`",
            ind.id,
            ind.source
        );
    }
    // 67 indicator questions, plus `age` and `appears_under_18`.
    assert_eq!(rs.questions.len(), 69);

    // The table here agrees with the rule set, row by row.
    for (dim, ind, q, st) in TABLE {
        let full = format!("{dim}.{ind}");
        let i = rs
            .indicators
            .iter()
            .find(|x| x.id == full)
            .unwrap_or_else(|| panic!("no indicator {full}"));
        let want = match st {
            S => Strength::Strong,
            M => Strength::Medium,
            W => Strength::Weak,
        };
        assert_eq!(i.strength, want, "{full}");
        assert_eq!(rs.dimensions[i.dimension].id, dim, "{full}");
        let qi = rs.question(q).unwrap_or_else(|| panic!("no question {q}"));
        let mut leaves = Vec::new();
        i.when.cond.visit_leaves(&mut |l| leaves.push(l));
        assert_eq!(leaves, [Leaf::Question(qi as u32)], "{full}");
        assert_eq!(
            rs.questions[qi].section,
            1 + dim_index(dim),
            "{q} is in its dimension's section"
        );
    }

    // Age: for adults only.
    let age = rs.age.as_ref().expect("[age]");
    assert_eq!(Some(age.question), rs.question("age"));
    assert!((age.adult_from - 18.0).abs() < f64::EPSILON);
    assert_eq!(age.appears_minor, rs.question("appears_under_18"));
    let age_q = &rs.questions[age.question];
    assert_eq!(age_q.kind, QuestionKind::Number);
    assert_eq!(
        (age_q.min, age_q.max, age_q.integer),
        (Some(0.0), Some(120.0), true)
    );

    // Outcomes: not applicable (child) first, then non-increasing levels.
    let outcomes: Vec<(&str, Level, bool)> = rs
        .outcomes
        .iter()
        .map(|o| (o.id.as_str(), o.level, o.not_applicable))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("not_applicable_child", Level::None, true),
            ("trafficking_indicated", Level::High, false),
            ("exploitation_with_coercion", Level::Medium, false),
            ("recruitment_and_exploitation", Level::Medium, false),
            ("recruitment_and_destination", Level::Medium, false),
            ("exploitation_only", Level::Low, false),
            ("recruitment_only", Level::Low, false),
            ("destination_only", Level::Low, false),
            ("strong_indicator_only", Level::Low, false),
            ("no_element", Level::None, false),
        ]
    );
    assert_eq!(rs.outcomes[0].when.text.trim(), "child");
}

// --- 2. The plain rule -------------------------------------------------------------------------

/// The ILO presence rule for one element, on plain counts.
fn present(strong: usize, medium: usize, weak: usize) -> bool {
    strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)
}

/// The level (and outcome id) for one fully known adult picture: which elements are present,
/// and whether any strong indicator fired.
fn ilo_level(elements: [bool; 6], any_strong: bool) -> (Level, &'static str) {
    let [dr, cr, rv, ex, cd, vd] = elements;
    let recruitment = dr || cr || rv;
    let destination = cd || vd;
    match (recruitment, ex, destination) {
        (true, true, true) => (Level::High, "trafficking_indicated"),
        (false, true, true) => (Level::Medium, "exploitation_with_coercion"),
        (true, true, false) => (Level::Medium, "recruitment_and_exploitation"),
        (true, false, true) => (Level::Medium, "recruitment_and_destination"),
        (false, true, false) => (Level::Low, "exploitation_only"),
        (true, false, false) => (Level::Low, "recruitment_only"),
        (false, false, true) => (Level::Low, "destination_only"),
        (false, false, false) if any_strong => (Level::Low, "strong_indicator_only"),
        (false, false, false) => (Level::None, "no_element"),
    }
}

/// Elements present and whether a strong indicator fired, for indicators known to fire.
fn picture(fires: impl Fn(usize) -> bool) -> ([bool; 6], bool) {
    let mut counts = [[0usize; 3]; 6];
    let mut any_strong = false;
    for (row, (dim, _, _, st)) in TABLE.iter().enumerate() {
        if fires(row) {
            let s = match st {
                S => 0,
                M => 1,
                W => 2,
            };
            counts[dim_index(dim)][s] += 1;
            any_strong |= *st == S;
        }
    }
    (counts.map(|[s, m, w]| present(s, m, w)), any_strong)
}

/// Whether an indicator answer is yes (`Some(true)`), no (`Some(false)`) or unknown (`None`).
fn fact(a: Answer) -> Option<bool> {
    match a {
        Answer::Bool(b) => Some(b),
        Answer::Missing | Answer::DontKnow | Answer::Declined => None,
        other => panic!("not an indicator answer: {other:?}"),
    }
}

/// Whether the person is a child: known (`Some`), or not established (`None`).
fn child(age: Answer, appears_under_18: Answer) -> Option<bool> {
    match age {
        Answer::Number(n) => Some(n < 18.0),
        _ if appears_under_18 == Answer::Bool(true) => Some(true),
        _ => None,
    }
}

/// One generated answer set: age, "appears under 18", and one answer per row of [`TABLE`].
#[derive(Debug, Clone)]
struct Case {
    age: Answer,
    appears: Answer,
    facts: Vec<Answer>,
}

impl Case {
    /// The answers in the rule set's order.
    fn answers(&self, rs: &RuleSet) -> Vec<Answer> {
        let mut out = vec![Answer::Missing; rs.questions.len()];
        out[rs.question("age").expect("age")] = self.age;
        out[rs.question("appears_under_18").expect("appears")] = self.appears;
        for ((_, _, q, _), a) in TABLE.iter().zip(&self.facts) {
            out[rs.question(q).expect("question")] = *a;
        }
        out
    }
}

const UNKNOWN: [Answer; 3] = [Answer::Missing, Answer::DontKnow, Answer::Declined];

fn age_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        3 => (18u32..=120).prop_map(|n| Answer::Number(n.into())),
        2 => (0u32..18).prop_map(|n| Answer::Number(n.into())),
        2 => (0usize..3).prop_map(|k| UNKNOWN[k]),
    ]
}

fn appears_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        Just(Answer::Bool(true)),
        Just(Answer::Bool(false)),
        (0usize..3).prop_map(|k| UNKNOWN[k]),
    ]
}

/// Percent of "yes" per element (one density drawn per element, so that elements are present,
/// absent or undetermined in every combination).
const YES_PCT: [u8; 4] = [0, 12, 30, 60];
/// Percent of unknown answers (one rate drawn per answer set).
const UNKNOWN_PCT: [u8; 4] = [0, 5, 25, 70];

fn cases() -> impl Strategy<Value = Case> {
    (
        age_answer(),
        appears_answer(),
        prop::array::uniform6(0usize..4),
        0usize..4,
        prop::collection::vec((0u8..100, 0u8..100, 0usize..3), 67),
    )
        .prop_map(|(age, appears, density, unknown, rolls)| {
            let facts = TABLE
                .iter()
                .zip(rolls)
                .map(|((dim, ..), (yes, unk, kind))| {
                    if unk < UNKNOWN_PCT[unknown] {
                        UNKNOWN[kind]
                    } else {
                        Answer::Bool(yes < YES_PCT[density[dim_index(dim)]])
                    }
                })
                .collect();
            Case {
                age,
                appears,
                facts,
            }
        })
}

/// Answer sets with every indicator answered, then at most ten of them made unknown.
fn few_unknowns() -> impl Strategy<Value = Case> {
    (
        age_answer(),
        appears_answer(),
        prop::array::uniform6(0usize..4),
        prop::collection::vec(0u8..100, 67),
        prop::collection::vec((0usize..67, 0usize..3), 0..=10),
    )
        .prop_map(|(age, appears, density, rolls, unknown)| {
            let mut facts: Vec<Answer> = TABLE
                .iter()
                .zip(rolls)
                .map(|((dim, ..), yes)| Answer::Bool(yes < YES_PCT[density[dim_index(dim)]]))
                .collect();
            for (row, kind) in unknown {
                facts[row] = UNKNOWN[kind];
            }
            Case {
                age,
                appears,
                facts,
            }
        })
}

/// Checks that hold for every result, whatever the answers.
fn invariants(rs: &RuleSet, raw: &[Answer], e: &Evaluation) -> Result<(), TestCaseError> {
    prop_assert!(e.now <= e.upper);
    prop_assert_eq!(
        e.settled(),
        e.deciding_not_asked.is_empty() && e.deciding_unknown.is_empty()
    );
    for &q in &e.deciding_not_asked {
        prop_assert_eq!(raw[q], Answer::Missing, "{}", rs.questions[q].id);
    }
    for &q in &e.deciding_unknown {
        prop_assert!(
            matches!(raw[q], Answer::DontKnow | Answer::Declined),
            "{}",
            rs.questions[q].id
        );
    }
    Ok(())
}

fn outcome_id(rs: &RuleSet, i: Option<usize>) -> &str {
    i.map_or("-", |i| rs.outcomes[i].id.as_str())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn engine_matches_plain_rule_by_counts(case in cases()) {
        let rs = shipped();
        let raw = case.answers(rs);
        let e = Engine::new(rs).evaluate(&raw);
        invariants(rs, &raw, &e)?;

        let facts: Vec<Option<bool>> = case.facts.iter().map(|a| fact(*a)).collect();
        // Worst case: every unknown indicator answered no; best case: every one answered yes.
        let (lo, strong_lo) = picture(|r| facts[r] == Some(true));
        let (hi, strong_hi) = picture(|r| facts[r] != Some(false));

        // Indicators and elements.
        let mut fired: Vec<String> = e.fired().map(|i| rs.indicators[i].id.clone()).collect();
        fired.sort();
        let mut want_fired: Vec<String> = TABLE
            .iter()
            .zip(&facts)
            .filter(|(_, f)| **f == Some(true))
            .map(|((d, i, ..), _)| format!("{d}.{i}"))
            .collect();
        want_fired.sort();
        prop_assert_eq!(fired, want_fired);
        for (d, dim) in rs.dimensions.iter().enumerate() {
            let k = dim_index(&dim.id);
            let want = match (lo[k], hi[k]) {
                (true, _) => Tri::True,
                (false, false) => Tri::False,
                (false, true) => Tri::Unknown,
            };
            prop_assert_eq!(e.dimensions[d].present, want, "{}", dim.id);
        }

        // Result.
        let (now, now_id) = ilo_level(lo, strong_lo);
        let (upper, upper_id) = ilo_level(hi, strong_hi);
        match child(case.age, case.appears) {
            Some(true) => {
                prop_assert_eq!(e.applicable, Tri::False);
                prop_assert_eq!((e.now, e.upper), (Level::None, Level::None));
                prop_assert_eq!(outcome_id(rs, e.now_outcome), "not_applicable_child");
                prop_assert_eq!(outcome_id(rs, e.upper_outcome), "not_applicable_child");
                prop_assert!(e.settled());
            }
            adult_or_open => {
                let applicable = if adult_or_open.is_some() { Tri::True } else { Tri::Unknown };
                prop_assert_eq!(e.applicable, applicable);
                prop_assert_eq!((e.now, e.upper), (now, upper));
                prop_assert_eq!(outcome_id(rs, e.now_outcome), now_id);
                prop_assert_eq!(outcome_id(rs, e.upper_outcome), upper_id);
                prop_assert_eq!(e.settled(), now == upper && applicable == Tri::True);
            }
        }
    }

    #[test]
    fn engine_matches_every_completion(case in few_unknowns()) {
        let rs = shipped();
        let raw = case.answers(rs);
        let e = Engine::new(rs).evaluate(&raw);
        invariants(rs, &raw, &e)?;

        let facts: Vec<Option<bool>> = case.facts.iter().map(|a| fact(*a)).collect();
        let open: Vec<usize> = (0..facts.len()).filter(|&r| facts[r].is_none()).collect();
        let ages: &[bool] = match child(case.age, case.appears) {
            Some(true) => &[true],
            Some(false) => &[false],
            None => &[false, true],
        };
        let (mut lowest, mut highest) = (None::<Level>, None::<Level>);
        let (mut applies, mut not_applies) = (false, false);
        for &is_child in ages {
            for bits in 0u32..(1 << open.len()) {
                if is_child {
                    // The adult list does not apply: no level.
                    not_applies = true;
                    continue;
                }
                applies = true;
                let fires = |r: usize| match open.iter().position(|&o| o == r) {
                    Some(k) => bits >> k & 1 == 1,
                    None => facts[r] == Some(true),
                };
                let (elements, any_strong) = picture(fires);
                let (level, _) = ilo_level(elements, any_strong);
                lowest = Some(lowest.map_or(level, |l| l.min(level)));
                highest = Some(highest.map_or(level, |h| h.max(level)));
            }
        }
        let applicable = match (applies, not_applies) {
            (true, false) => Tri::True,
            (false, true) => Tri::False,
            _ => Tri::Unknown,
        };
        prop_assert_eq!(e.applicable, applicable);
        prop_assert_eq!(e.now, lowest.unwrap_or(Level::None));
        prop_assert_eq!(e.upper, highest.unwrap_or(Level::None));
    }
}
