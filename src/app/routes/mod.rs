//! One file per view.

pub mod home;
pub mod list;
pub mod not_found;
pub mod page;
pub mod tag;
pub mod tags;
