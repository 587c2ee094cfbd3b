//! Rebuilds when a shipped rule set or translation changes: they are embedded with
//! `include_dir!`, which cargo does not track by itself.

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=locales");
}
