//! Entry point of the browser app: installs the panic hook and the console logger, then mounts
//! the page.

mod app;
mod browser;
mod display;
mod engine_bridge;
mod i18n;
mod sample;
mod state;
mod storage;
mod ui;

fn main() {
    console_error_panic_hook::set_once();
    // A second logger cannot be installed; the first one stays, so the error is only logged.
    if let Err(error) = console_log::init_with_level(log::Level::Debug) {
        log::warn!("console logger not installed: {error}");
    }
    leptos::mount::mount_to_body(app::App);
}
