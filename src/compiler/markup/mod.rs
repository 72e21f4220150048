pub mod embeds;
pub mod emoji;
pub mod highlight;
pub mod images;
pub mod links;
pub mod markdown;
pub mod render;
pub mod sanitize;
