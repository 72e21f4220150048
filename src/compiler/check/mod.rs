pub mod checks;
pub mod external;
pub mod link_check;
