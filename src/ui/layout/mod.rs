//! The page frame: title bar and notices.

mod notice_banner;
mod top_bar;

pub use notice_banner::NoticeBanner;
pub use top_bar::TopBar;
