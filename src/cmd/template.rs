//! `tipscreen template`: an empty intake file with the header the rule set expects.

use std::io::Write;

use super::context::load_context;
use super::Status;
use crate::cli::{Global, InputFormat, TemplateArgs};

pub fn run(global: &Global, args: &TemplateArgs) -> anyhow::Result<Status> {
    let ctx = load_context(global)?;
    let rs = &ctx.ruleset;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        InputFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            let header: Vec<&str> = std::iter::once("case_id")
                .chain(rs.questions.iter().map(|q| q.id.as_str()))
                .collect();
            w.write_record(&header)?;
            w.flush()?;
        }
        InputFormat::Jsonl => {
            let mut answers = serde_json::Map::new();
            for q in &rs.questions {
                answers.insert(q.id.clone(), serde_json::Value::Null);
            }
            let line = serde_json::json!({ "case_id": "", "answers": answers });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(Status::Ok)
}
