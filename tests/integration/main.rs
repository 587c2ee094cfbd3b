//! The one integration-test binary: data-driven suites, each in its own module.

mod broken;
mod cases;
mod cli;
