//! Test-only: small rule sets from TOML text, and the shipped ones.

use crate::diagnostic::SourceMap;
use crate::ruleset::{load, Folder, LoadOptions, RuleSet};

/// A rule set `t` with these sections and question tables, a threshold `limit = 12`, and one
/// indicator, dimension and outcome; kept in a temporary folder.
pub fn ruleset(sections: &[&str], questions: &str) -> RuleSet {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = tmp.path().join("t");
    std::fs::create_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let sections: Vec<String> = sections.iter().map(|s| format!("\"{s}\"")).collect();
    let manifest = format!(
        "id = \"t\"\nversion = \"0.1.0\"\naudience = \"assessor\"\njurisdiction = \"KZ\"\n\
         locales = [\"en\"]\nfiles = [\"q.toml\", \"r.toml\"]\nsections = [{}]\n\
         [source]\ncitation = \"test\"\nnotes = \"test\"\n[thresholds]\nlimit = 12\n",
        sections.join(", "),
    );
    let rules = "[[dimension]]\nid = \"dm\"\npresent_if = 'strong >= 1'\nsource = \"test\"\n\
                 [[indicator]]\nid = \"i1\"\ndimension = \"dm\"\nstrength = \"strong\"\n\
                 when = 'true'\nsource = \"test\"\n\
                 [[outcome]]\nid = \"o\"\nlevel = \"none\"\nwhen = 'true'\n";
    for (name, text) in [
        ("ruleset.toml", manifest.as_str()),
        ("q.toml", questions),
        ("r.toml", rules),
    ] {
        std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{e}"));
    }
    let mut sources = SourceMap::default();
    let loaded = load(&Folder::Disk(dir), &mut sources, LoadOptions::default());
    loaded.ruleset.unwrap_or_else(|| {
        let mut out = Vec::new();
        for d in &loaded.diagnostics {
            let _ = d.render(&sources, &mut out);
        }
        panic!("{}", String::from_utf8_lossy(&out))
    })
}

/// A shipped rule set.
pub fn shipped(id: &str) -> RuleSet {
    let folder = Folder::embedded_ruleset(id).unwrap_or_else(|| panic!("no {id}"));
    let mut sources = SourceMap::default();
    load(&folder, &mut sources, LoadOptions::default())
        .ruleset
        .unwrap_or_else(|| panic!("{id} does not load"))
}
