//! The panels of the desktop app (feature `gui`), one per file. Each draws from the
//! [`AppState`](crate::app::AppState) it is given and reports what the user did as
//! [`Action`](crate::app::Action)s; none mutates state. Colours and sizes are in [`theme`].

pub mod article;
pub mod attention;
pub mod basemap;
pub mod claims;
pub mod export_dialog;
pub mod filters;
pub mod map;
pub mod open_dialog;
pub mod projection;
pub mod review;
pub mod sources;
pub mod stories;
pub mod theme;
pub mod timeline;
pub mod toolbar;

pub use article::article_ui;
pub use attention::attention_ui;
pub use claims::claims_ui;
pub use export_dialog::export_dialog_ui;
pub use filters::filters_ui;
pub use map::{MapCache, map_ui};
pub use open_dialog::{open_dialog_ui, paste_dialog_ui};
pub use review::review_ui;
pub use sources::sources_ui;
pub use stories::{stories_ui, story_header_ui};
pub use timeline::timeline_ui;
pub use toolbar::{status_ui, toolbar_ui};

/// A count as people read it: 12345 → "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
