//! The attachment picker (button, and pasted screenshots) and the list pages show files in.
use super::{Attachment, MAX_FILES_PER_MESSAGE};
use crate::error::AppError;
use crate::i18n::{msg, use_i18n};
use leptos::prelude::*;

/// The files of a message being written: uploaded ones, uploads under way, and the last problem.
#[derive(Clone, Copy)]
pub struct Uploads {
    pub files: RwSignal<Vec<Attachment>>,
    pub pending: RwSignal<usize>,
    pub problem: RwSignal<Option<AppError>>,
}

impl Uploads {
    pub fn new(initial: Vec<Attachment>) -> Uploads {
        Uploads { files: RwSignal::new(initial), pending: RwSignal::new(0), problem: RwSignal::new(None) }
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
        self.pending.get() > 0
    }

    pub fn remove(&self, id: &str) {
        self.files.update(|f| f.retain(|a| a.id != id));
    }

    /// Uploads these files, as many as fit in the three places.
    #[cfg(feature = "csr")]
    pub fn add(&self, chosen: Vec<web_sys::File>) {
        let room =
            MAX_FILES_PER_MESSAGE.saturating_sub(self.files.with_untracked(Vec::len) + self.pending.get_untracked());
        if chosen.len() > room {
            let problem = crate::domain::ValidationError::TooMany { max: MAX_FILES_PER_MESSAGE };
            self.problem.set(Some(AppError::field("file", problem)));
        } else {
            self.problem.set(None);
        }
        let this = *self;
        for file in chosen.into_iter().take(room) {
            this.pending.update(|n| *n += 1);
            leptos::task::spawn_local(async move {
                match send(file).await {
                    Ok(attachment) => this.files.update(|f| f.push(attachment)),
                    Err(e) => this.problem.set(Some(e)),
                }
                this.pending.update(|n| *n -= 1);
            });
        }
    }

    #[cfg(not(feature = "csr"))]
    pub fn add(&self, _chosen: Vec<web_sys::File>) {}

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

/// `POST /api/files?name=…` with the file as the body.
#[cfg(feature = "csr")]
async fn send(file: web_sys::File) -> Result<Attachment, AppError> {
    use gloo_net::http::Request;
    let transport = |e: gloo_net::Error| AppError::Transport(e.to_string());
    let name: String = js_sys::encode_uri_component(&file.name()).into();
    let response = Request::post(&format!("/api/files?name={name}"))
        .header("content-type", "application/octet-stream")
        .body(file)
        .map_err(transport)?
        .send()
        .await
        .map_err(transport)?;
    let text = response.text().await.map_err(transport)?;
    if response.ok() {
        serde_json::from_str(&text).map_err(|e| AppError::Transport(e.to_string()))
    } else {
        Err(serde_json::from_str::<AppError>(&text).unwrap_or(AppError::Transport(response.status().to_string())))
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
    let full = move || uploads.files.with(Vec::len) + uploads.pending.get() >= MAX_FILES_PER_MESSAGE;
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
                <span class="muted small" role="status">{i18n.t(msg::ATTACH_UPLOADING)}</span>
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
