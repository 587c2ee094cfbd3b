//! `--format csv`: one row per record; lists are space-separated ids.

use std::io::{self, Write};

use super::json_out::record_json;
use super::{Report, ReportContext, Scored, Totals};

/// The fixed columns, before the pass-through fields and the localized texts.
pub(crate) const COLUMNS: &[&str] = &[
    "file",
    "record",
    "line",
    "case_id",
    "status",
    "error",
    "level",
    "upper",
    "settled",
    "applicable",
    "outcome",
    "upper_outcome",
    "red_flags",
    "safety_checked",
    "age",
    "fired",
    "dimensions_present",
    "dimensions_undetermined",
    "deciding_not_asked",
    "deciding_unknown",
    "warnings",
];

pub(crate) struct CsvReport<'a> {
    ctx: &'a ReportContext<'a>,
    header_fields: Option<Vec<String>>,
    /// For Excel: a UTF-8 BOM (without it Excel reads UTF-8 as the system's code page) and `;`
    /// (the list separator of the Russian and Kazakh Windows settings, where `,` is the
    /// decimal mark). No `sep=` line: with one, Excel ignores the BOM.
    excel: bool,
}

impl<'a> CsvReport<'a> {
    pub(crate) fn new(ctx: &'a ReportContext<'a>, excel: bool) -> Self {
        CsvReport {
            ctx,
            header_fields: None,
            excel,
        }
    }
}

impl CsvReport<'_> {
    /// A CSV writer in this report's dialect.
    fn writer<'w>(&self, out: &'w mut dyn Write) -> csv::Writer<&'w mut dyn Write> {
        let mut b = csv::WriterBuilder::new();
        if self.excel {
            b.delimiter(b';').terminator(csv::Terminator::CRLF);
        }
        b.from_writer(out)
    }
}

fn io_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

impl Report for CsvReport<'_> {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        // The header needs the pass-through columns, known with the first record.
        if self.excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        Ok(())
    }

    fn record(&mut self, out: &mut dyn Write, s: &Scored<'_>) -> io::Result<()> {
        let mut w = self.writer(out);
        if self.header_fields.is_none() {
            let names: Vec<String> = s.record.fields.iter().map(|(k, _)| k.clone()).collect();
            let mut header: Vec<&str> = COLUMNS.to_vec();
            header.extend(names.iter().map(String::as_str));
            header.extend(["level_text", "summary_text", "action_text"]);
            w.write_record(&header).map_err(io_err)?;
            self.header_fields = Some(names);
        }
        let j = record_json(self.ctx, s);
        let v = serde_json::to_value(&j).map_err(io::Error::other)?;
        let text = |k: &str| match v.get(k) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        };
        let ids = |k: &str, field: Option<&str>| -> String {
            v.get(k)
                .and_then(|x| x.as_array())
                .map(|a| {
                    a.iter()
                        .filter_map(|x| match field {
                            Some(f) => x.get(f).and_then(|y| y.as_str()),
                            None => x.as_str(),
                        })
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        };
        let dims = |state: &str| -> String {
            v.get("dimensions")
                .and_then(|x| x.as_array())
                .map(|a| {
                    a.iter()
                        .filter(|d| d.get("state").and_then(|s| s.as_str()) == Some(state))
                        .filter_map(|d| d.get("id").and_then(|s| s.as_str()))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default()
        };
        let warnings = s
            .record
            .warnings
            .iter()
            .map(|w| w.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let mut row: Vec<String> = vec![
            text("file"),
            text("record"),
            text("line"),
            text("case_id"),
            text("status"),
            text("error"),
            text("level"),
            text("upper"),
            text("settled"),
            text("applicable"),
            text("outcome"),
            text("upper_outcome"),
            ids("red_flags", None),
            text("safety_checked"),
            text("age"),
            ids("fired", Some("id")),
            dims("present"),
            dims("undetermined"),
            ids("deciding_not_asked", None),
            ids("deciding_unknown", None),
            warnings,
        ];
        // Pass-through values in the header's order (JSON Lines records may differ per line).
        if let Some(names) = &self.header_fields {
            for name in names {
                row.push(
                    s.record
                        .fields
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default(),
                );
            }
        }
        row.push(text("level_text"));
        row.push(text("summary_text"));
        row.push(text("action_text"));
        w.write_record(&row).map_err(io_err)?;
        w.flush()
    }

    fn end(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        if self.header_fields.is_none() {
            let mut w = self.writer(out);
            let mut header: Vec<&str> = COLUMNS.to_vec();
            header.extend(["level_text", "summary_text", "action_text"]);
            w.write_record(&header).map_err(io_err)?;
            w.flush()?;
        }
        Ok(())
    }
}
