//! The sound and the desktop notification for desk events, and their settings in this browser.
//! Browsers let a page play sound only after the staff member interacted with it, and show
//! desktop notifications only after they allowed them; both fail quietly otherwise.
use leptos::prelude::*;

const SOUND_KEY: &str = "madoguchi.desk.sound";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Sound is on unless this browser switched it off.
pub fn sound_on() -> bool {
    storage().and_then(|s| s.get_item(SOUND_KEY).ok().flatten()).as_deref() != Some("off")
}

/// Switches the sound and remembers it; answers the new state.
pub fn toggle_sound() -> bool {
    let on = !sound_on();
    if let Some(s) = storage() {
        let _ = s.set_item(SOUND_KEY, if on { "on" } else { "off" });
    }
    on
}

thread_local! {
    /// One audio context for the tab (browsers limit how many a page may open).
    static AUDIO: std::cell::RefCell<Option<web_sys::AudioContext>> = const { std::cell::RefCell::new(None) };
}

/// A short, quiet two-tone chime.
pub fn beep() {
    AUDIO.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            *cell = web_sys::AudioContext::new().ok();
        }
        let Some(ctx) = cell.as_ref() else { return };
        let _ = ctx.resume();
        for (i, freq) in [880.0_f32, 1320.0].into_iter().enumerate() {
            let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
            osc.frequency().set_value(freq);
            gain.gain().set_value(0.06);
            let _ = osc.connect_with_audio_node(&gain);
            let _ = gain.connect_with_audio_node(&ctx.destination());
            let at = ctx.current_time() + 0.12 * i as f64;
            let _ = osc.start_with_when(at);
            let _ = osc.stop_with_when(at + 0.1);
        }
    });
}

pub fn notifications_allowed() -> bool {
    web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
}

/// Asks the browser for permission; `allowed` follows once answered (or on the next focus).
pub fn request_notifications(allowed: RwSignal<bool>) {
    use leptos::wasm_bindgen::closure::Closure;
    if let Ok(promise) = web_sys::Notification::request_permission() {
        let answered = Closure::once(move |_: leptos::wasm_bindgen::JsValue| allowed.set(notifications_allowed()));
        let _ = promise.then(&answered);
        // Called once by the browser when the staff member answers.
        answered.forget();
    }
}

/// A desktop notification with `body`, when allowed.
pub fn notify(body: &str) {
    if !notifications_allowed() {
        return;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    options.set_tag("madoguchi-desk");
    let _ = web_sys::Notification::new_with_options("Madoguchi", &options);
}
