//! The one integration-test binary: data-driven suites, each in its own module.

// A test may stop at the first surprise; helpers outside #[test] functions included.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod broken;
mod cases;
mod cli;
mod html;
mod ilo;
mod kobo;
mod locales;
#[cfg(unix)]
mod pty;
mod referral;
mod robustness;
mod safety;
mod screen;
mod xlsform;
