//! The condition language: parse (with spans), type-check and compile, evaluate (three-valued).

pub mod ast;
pub mod compile;
pub mod compiled;
pub mod parser;
pub mod tri;

pub use compiled::{Cond, Env, Leaf, Num};
pub use tri::Tri;
