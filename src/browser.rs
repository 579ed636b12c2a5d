//! Browser services other than storage: today's date, reading a chosen file, downloads,
//! printing, the clipboard and the page language.

use chrono::NaiveDate;
use wasm_bindgen::{JsCast, JsValue};

/// Today in the browser's time zone: the only place the app reads the clock.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    let date =
        NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date());
    // The browser's calendar always gives a valid day; the epoch is only a last resort.
    date.unwrap_or_default()
}

/// The bytes of a file the user picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer =
        wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `text` as a file download named `name`, through a Blob and an object URL: nothing
/// leaves the machine.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    // Wrap the text in a Blob and give it a local URL.
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;

    // Click a detached link to it, then free the URL.
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(describe)?
        .dyn_into()
        .map_err(|e| describe(e.into()))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(describe)
}

/// Empties a file input, so that choosing the same file again reads it again.
pub fn reset_file_input(id: &str) {
    let element = leptos::prelude::document().get_element_by_id(id);
    if let Some(input) = element.and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_value("");
    }
}

/// Opens the browser's print dialog; the print stylesheet hides the controls.
pub fn print() {
    if let Err(error) = leptos::prelude::window().print() {
        log::warn!("print failed: {}", describe(error));
    }
}

/// Copies `text` to the clipboard.
pub async fn copy(text: String) -> Result<(), String> {
    let clipboard = leptos::prelude::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.map_err(describe)?;
    Ok(())
}

/// Sets the `lang` attribute of the page, for screen readers and hyphenation.
pub fn set_page_lang(code: &str) {
    if let Some(root) = leptos::prelude::document().document_element() {
        if let Err(error) = root.set_attribute("lang", code) {
            log::warn!("lang not set: {}", describe(error));
        }
    }
}

/// `text` encoded for a URL component (a `mailto:` subject or body).
pub fn encode_uri_component(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

fn describe(value: JsValue) -> String {
    value.as_string().unwrap_or_else(|| format!("{value:?}"))
}
