pub mod checks;
pub mod link_check;
