//! BPJS Ketenagakerjaan rules for Indonesian regencies and villages: what covering people costs, what a
//! budget buys, what a family receives, and who may join and pay. Pure Rust, no browser types; the wasm
//! binding (`wasm.rs`) is a thin layer over this API.
//!
//! Every figure comes from `rules/params.rs`, each with its source in ../shared/RULES.md.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::panic
    )
)]

pub mod benefits;
pub mod category;
pub mod contribution;
pub mod eligibility;
pub mod error;
pub mod estimate;
pub mod json;
pub mod money;
pub mod month;
pub mod note;
pub mod rules;
pub mod terbilang;

pub use error::{Error, ErrorCode, Lang, Result};
pub use money::Rupiah;
pub use month::Month;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
