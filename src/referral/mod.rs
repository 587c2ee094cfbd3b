//! The referral directory: whom to call after the interview. Contacts and the rules that pick
//! them are data (`rules/contacts/kz.toml`, and an organisation's own files), read with spans,
//! validated into a [`Directory`] with every problem as a diagnostic, then used by [`select`].
//! Every contact carries its source and the date it was last verified; [`check_dates`] warns
//! about entries older than 12 months as of a day passed in (the library never reads the clock).
//! Format and diagnostic codes: docs/contacts.md.

mod contact;
pub mod date;
pub mod labels;
pub mod model;
pub mod phone;
pub mod raw;
pub mod select;
pub mod staleness;
pub mod translations;
pub mod validate;

pub use date::{Date, Verified};
pub use model::{
    is_region, Age, Contact, Directory, Eligibility, Gender, Group, Rule, Service, Source,
    SourceKind, Tri, ALL_REGIONS, REGIONS,
};
pub use phone::phone_problem;
pub use select::{select, Caveat, Condition, Person, Selected, Why};
pub use staleness::{check_dates, is_stale, STALE_AFTER_MONTHS};
pub use validate::{load, Input, Loaded, SHIPPED_PATH};
