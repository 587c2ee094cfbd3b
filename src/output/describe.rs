//! A rule set described for other tools (`rules show --format json`).

use serde_json::{json, Value};

use crate::ruleset::{Audience, RuleSet};

/// The stable name of an audience.
#[must_use]
pub fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Person => "person",
        Audience::Assessor => "assessor",
    }
}

/// Every question, indicator, dimension, outcome and red flag, with conditions as written.
#[must_use]
pub fn ruleset_json(rs: &RuleSet) -> Value {
    let questions: Vec<Value> = rs
        .questions
        .iter()
        .map(|q| {
            json!({
                "id": q.id,
                "section": rs.sections.get(q.section),
                "kind": q.kind.as_str(),
                "options": q.options,
                "show_if": q.show_if.as_ref().map(|c| c.text.as_str()),
                "sensitive": q.sensitive,
                "min": q.min,
                "max": q.max,
                "integer": q.integer,
            })
        })
        .collect();
    let indicators: Vec<Value> = rs
        .indicators
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "dimension": rs.dimensions.get(i.dimension).map(|d| d.id.as_str()),
                "strength": i.strength.as_str(),
                "when": i.when.text,
                "source": i.source,
            })
        })
        .collect();
    let dimensions: Vec<Value> = rs
        .dimensions
        .iter()
        .map(|d| {
            json!({
                "id": d.id,
                "present_if": d.present_if.text,
                "indicators": d.indicators.iter().filter_map(|&i| rs.indicators.get(i).map(|x| x.id.as_str())).collect::<Vec<_>>(),
                "source": d.source,
            })
        })
        .collect();
    let outcomes: Vec<Value> = rs
        .outcomes
        .iter()
        .map(|o| json!({ "id": o.id, "level": o.level, "when": o.when.text }))
        .collect();
    let red_flags: Vec<Value> = rs
        .red_flags
        .iter()
        .map(|f| json!({ "id": f.id, "when": f.when.text }))
        .collect();
    let thresholds: serde_json::Map<String, Value> = rs
        .thresholds
        .iter()
        .map(|(k, v)| (k.clone(), json!(v)))
        .collect();
    json!({
        "id": rs.meta.id,
        "version": rs.meta.version,
        "sha256": rs.meta.hash,
        "audience": audience(rs.meta.audience),
        "jurisdiction": rs.meta.jurisdiction,
        "locales": rs.meta.locales,
        "source": { "citation": rs.meta.citation, "notes": rs.meta.notes },
        "sections": rs.sections,
        "age": rs.age.as_ref().map(|a| json!({
            "question": rs.questions.get(a.question).map(|q| q.id.as_str()),
            "adult_from": a.adult_from,
            "appears_minor": a.appears_minor.and_then(|q| rs.questions.get(q)).map(|q| q.id.as_str()),
        })),
        "thresholds": thresholds,
        "questions": questions,
        "indicators": indicators,
        "dimensions": dimensions,
        "red_flags": red_flags,
        "outcomes": outcomes,
    })
}
