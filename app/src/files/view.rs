//! The attachment picker (button, and pasted screenshots) and the list pages show files in.
use super::{Attachment, MAX_FILES_PER_MESSAGE};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

/// The files of a message being written: uploaded ones, uploads under way, and the last problem.
#[derive(Clone, Copy)]
pub struct Uploads {
    pub files: RwSignal<Vec<Attachment>>,
    /// Uploads under way, in the order they were chosen, with how much has gone up.
    running: RwSignal<Vec<Running>>,
    pub problem: RwSignal<Option<AppError>>,
    /// The requests behind `running`, so they can be cancelled.
    requests: StoredValue<Vec<(u32, web_sys::XmlHttpRequest)>, LocalStorage>,
    /// Only the browser starts uploads.
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    next_key: StoredValue<u32>,
}

/// One upload under way. `sent` and `size` are bytes (JavaScript numbers).
#[derive(Clone, PartialEq)]
struct Running {
    key: u32,
    sent: f64,
    size: f64,
}

impl Uploads {
    pub fn new(initial: Vec<Attachment>) -> Uploads {
        Uploads {
            files: RwSignal::new(initial),
            running: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            requests: StoredValue::new_local(Vec::new()),
            next_key: StoredValue::new(0),
        }
    }

    pub fn ids(&self) -> Vec<String> {
        self.files.with_untracked(|f| f.iter().map(|a| a.id.clone()).collect())
    }

    pub fn clear(&self) {
        self.files.set(Vec::new());
        self.problem.set(None);
    }

    /// Uploads are running: sending now would leave them out.
    pub fn busy(&self) -> bool {
        self.running.with(|r| !r.is_empty())
    }

    /// `busy` for event handlers (no tracking).
    pub fn busy_untracked(&self) -> bool {
        self.running.with_untracked(|r| !r.is_empty())
    }

    pub fn remove(&self, id: &str) {
        self.files.update(|f| f.retain(|a| a.id != id));
    }

    /// Whole percent of what is being uploaded that has gone up; 100 means the server is
    /// checking the files.
    fn percent(&self) -> u32 {
        let (sent, size) = self.running.with(|r| r.iter().fold((0.0, 0.0), |(a, b), u| (a + u.sent, b + u.size)));
        if size <= 0.0 {
            return 100;
        }
        ((sent / size) * 100.0).clamp(0.0, 100.0) as u32
    }

    /// Stops the uploads under way; nothing of them is kept (the server drops a partial body).
    pub fn cancel(&self) {
        for (_, request) in self.requests.try_update_value(std::mem::take).unwrap_or_default() {
            let _ = request.abort();
        }
        self.running.set(Vec::new());
    }

    /// Uploads these files, as many as fit in the three places.
    #[cfg(feature = "csr")]
    pub fn add(&self, chosen: Vec<web_sys::File>) {
        let taken = self.files.with_untracked(Vec::len) + self.running.with_untracked(Vec::len);
        let room = MAX_FILES_PER_MESSAGE.saturating_sub(taken);
        if chosen.len() > room {
            let problem = crate::domain::ValidationError::TooMany { max: MAX_FILES_PER_MESSAGE };
            self.problem.set(Some(AppError::field("file", problem)));
        } else {
            self.problem.set(None);
        }
        for file in chosen.into_iter().take(room) {
            self.start(file);
        }
    }

    #[cfg(not(feature = "csr"))]
    pub fn add(&self, _chosen: Vec<web_sys::File>) {}

    #[cfg(feature = "csr")]
    fn start(&self, file: web_sys::File) {
        let this = *self;
        let key = this.next_key.get_value();
        this.next_key.set_value(key.wrapping_add(1));
        this.running.update(|r| r.push(Running { key, sent: 0.0, size: file.size() }));
        leptos::task::spawn_local(async move {
            let result = send(&file, key, this).await;
            this.requests.update_value(|r| r.retain(|(k, _)| *k != key));
            // `cancel` empties `running`: an upload no longer there was stopped on purpose.
            let still_wanted = this.running.try_update(|r| {
                let before = r.len();
                r.retain(|u| u.key != key);
                r.len() < before
            });
            let still_wanted = still_wanted.unwrap_or(false);
            match result {
                Ok(attachment) if still_wanted => this.files.update(|f| f.push(attachment)),
                Err(e) if still_wanted => this.problem.set(Some(e)),
                _ => {}
            }
        });
    }

    /// A paste into the message box: image files on the clipboard are attached (text pastes as
    /// usual).
    pub fn paste(&self, ev: &web_sys::ClipboardEvent) {
        let Some(list) = ev.clipboard_data().and_then(|d| d.files()) else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if !files.is_empty() {
            ev.prevent_default();
            self.add(files);
        }
    }
}

/// `POST /api/files?name=…` with the file as the body. XMLHttpRequest rather than fetch: only it
/// reports how much of a request body has gone up, and a photo on a slow line takes a while.
#[cfg(feature = "csr")]
async fn send(file: &web_sys::File, key: u32, uploads: Uploads) -> Result<Attachment, AppError> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let failed =
        |e: wasm_bindgen::JsValue| AppError::Transport(e.as_string().unwrap_or_else(|| "XMLHttpRequest".into()));
    let request = web_sys::XmlHttpRequest::new().map_err(failed)?;
    let name: String = js_sys::encode_uri_component(&file.name()).into();
    request.open_with_async("POST", &format!("/api/files?name={name}"), true).map_err(failed)?;
    request.set_request_header("content-type", "application/octet-stream").map_err(failed)?;
    let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
        uploads.running.update(|r| {
            if let Some(u) = r.iter_mut().find(|u| u.key == key) {
                u.sent = ev.loaded();
            }
        });
    });
    request.upload().map_err(failed)?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    // `loadend` comes once, after success, failure or abort alike.
    let (ended, end) = futures_channel::oneshot::channel::<()>();
    let mut ended = Some(ended);
    let on_end = Closure::<dyn FnMut()>::new(move || {
        if let Some(ended) = ended.take() {
            let _ = ended.send(());
        }
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    uploads.requests.update_value(|r| r.push((key, request.clone())));
    request.send_with_opt_blob(Some(file)).map_err(failed)?;
    let _ = end.await;
    let text = request.response_text().ok().flatten().unwrap_or_default();
    match request.status().unwrap_or(0) {
        0 => Err(AppError::Transport("upload interrupted".into())),
        200..=299 => serde_json::from_str(&text).map_err(|e| AppError::Transport(e.to_string())),
        status => Err(serde_json::from_str::<AppError>(&text).unwrap_or(AppError::Transport(status.to_string()))),
    }
}

/// The attach button with what is attached so far (each removable) and any problem.
#[component]
pub fn AttachmentPicker(uploads: Uploads, #[prop(into)] id: String) -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(list) = input.files() {
            uploads.add((0..list.length()).filter_map(|i| list.get(i)).collect());
        }
        // The same file can be chosen again after removing it.
        input.set_value("");
    };
    let problem = move || {
        uploads.problem.get().map(|e| {
            let lang = i18n.get();
            let text = e.field_message("file", lang).or_else(|| e.field_message("attachments", lang));
            text.unwrap_or_else(|| e.message(lang))
        })
    };
    let full = move || uploads.files.with(Vec::len) + uploads.running.with(Vec::len) >= MAX_FILES_PER_MESSAGE;
    let hint_id = format!("{id}-hint");
    view! {
        <div class="attach">
            <label class="attach-button" class:disabled=full>
                <input
                    id=id
                    type="file"
                    multiple
                    class="sr-only"
                    accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
                    aria-describedby=hint_id.clone()
                    disabled=full
                    on:change=on_change
                />
                "📎 " {i18n.t(msg::ATTACH_BUTTON)}
            </label>
            <span id=hint_id class="muted small">{i18n.t(msg::ATTACH_HINT)}</span>
            <Show when=move || uploads.busy()>
                <UploadProgress uploads=uploads />
            </Show>
            {move || problem().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <ul class="attachments">
                <For each=move || uploads.files.get() key=|a| a.id.clone() let:file>
                    {
                        let id = file.id.clone();
                        view! {
                            <li>
                                <FileChip file=file />
                                <button type="button" class="link small" on:click=move |_| uploads.remove(&id)>
                                    {i18n.t(msg::ATTACH_REMOVE)}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </div>
    }
}

/// The uploads under way: a bar with the share sent, and a way to stop them.
#[component]
fn UploadProgress(uploads: Uploads) -> impl IntoView {
    let i18n = use_i18n();
    let label = move || match uploads.percent() {
        100 => msg::ATTACH_CHECKING.get(i18n.get()).to_string(),
        p => format!("{}… {p}%", msg::ATTACH_UPLOADING.get(i18n.get())),
    };
    view! {
        <div class="uploads" role="status">
            <progress max="100" value=move || uploads.percent().to_string() aria-label=i18n.t(msg::ATTACH_UPLOADING)></progress>
            <span class="muted small">{label}</span>
            <button type="button" class="link small" on:click=move |_| uploads.cancel()>
                {i18n.t(msg::ATTACH_CANCEL)}
            </button>
        </div>
    }
}

/// Files as pages show them: thumbnails that open the full image, PDFs as downloads.
#[component]
pub fn AttachmentList(files: Vec<Attachment>) -> impl IntoView {
    let i18n = use_i18n();
    (!files.is_empty()).then(|| {
        view! {
            <ul class="attachments" aria-label=i18n.t(msg::ATTACHMENTS)>
                {files.into_iter().map(|file| view! { <li><FileChip file=file /></li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn FileChip(file: Attachment) -> impl IntoView {
    let i18n = use_i18n();
    let size = file.size_label();
    match file.thumb_url() {
        Some(thumb) => view! {
            <a class="file-thumb" href=file.url() target="_blank" rel="noopener" title=i18n.t(msg::ATTACH_OPEN)>
                <img src=thumb alt=file.name.clone() width="96" height="96" loading="lazy" />
                <span class="file-name">{file.name.clone()}</span>
            </a>
        }
        .into_any(),
        None => view! {
            <a class="file-doc" href=file.url() download=file.name.clone() title=i18n.t(msg::ATTACH_DOWNLOAD)>
                <span aria-hidden="true">"📄"</span>
                <span class="file-name">{file.name.clone()}</span>
                <span class="muted small">{size}</span>
            </a>
        }
        .into_any(),
    }
}
