//! The application being filled in, shared by every page of the task list.
//!
//! It lives in three places. The server keeps the draft under a secret token (so a person can
//! leave and come back, and files can be uploaded to it); this device keeps the token and a copy
//! of the answers in localStorage, written on every keystroke, so a reload or a lost network
//! loses nothing; and the pages work on the copy in memory. A change is saved to the server
//! shortly after typing pauses; when that fails the copy stays marked as unsent, the pages say
//! so, and the save is retried until it works. After submitting, the token and the copy are
//! removed from the device.
//!
//! Nothing here is ever logged: the answers are personal data.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_domain::api::assistance::{
    code, section_problems, section_status, AssistanceDraft, DraftContext, DraftView, EvidenceFile,
    GiId, Problems, Section, SectionStatus,
};
use portal_domain::calendar::Date;
use portal_domain::Lang;
use serde::{Deserialize, Serialize};

use crate::api::{self, ApiError};
use crate::prefs::use_prefs;

const TOKEN_KEY: &str = "assistance.token";
const COPY_KEY: &str = "assistance.draft";
/// How long typing must pause before the draft is sent.
const SAVE_DELAY: Duration = Duration::from_millis(600);
/// How long to wait before trying a failed save again.
const RETRY_DELAY: Duration = Duration::from_secs(5);
/// ... and when the server refused to start a draft because too many were started from this
/// network (it lifts within the hour): each try would only be refused again.
const RATE_LIMITED_RETRY_DELAY: Duration = Duration::from_secs(60);

/// What this device keeps besides the token.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct LocalCopy {
    draft: AssistanceDraft,
    /// Changed here since the server last confirmed a save.
    unsent: bool,
    /// The idempotency key of the submit, once one was sent: a retry (after a lost answer)
    /// reuses it and gets the same request back instead of a second one.
    submit_key: Option<String>,
}

/// Where saving stands, for the line the pages show.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    /// Nothing typed yet in this visit.
    Idle,
    Saving,
    Saved,
    /// The last save did not reach the server (or it refused it: its message). The answers are
    /// kept on this device and the save is retried.
    Failed(Option<String>),
}

/// The draft, provided to every page of the app by [`provide_draft`].
#[derive(Clone, Copy)]
pub struct DraftStore {
    pub token: RwSignal<Option<String>>,
    pub draft: RwSignal<AssistanceDraft>,
    /// The server's last answer: the files and its own view of the sections.
    pub view: RwSignal<Option<DraftView>>,
    pub save: RwSignal<SaveState>,
    /// The answers are known (from this device's copy, or loaded from the server).
    pub ready: RwSignal<bool>,
    /// The draft the token names was already submitted (its confirmation was not seen here).
    pub submitted: RwSignal<bool>,
    unsent: RwSignal<bool>,
    submit_key: RwSignal<Option<String>>,
    busy: RwSignal<bool>,
    generation: RwSignal<u64>,
    lang: RwSignal<Lang>,
}

impl DraftStore {
    /// Changes the answers; if anything changed, keeps the copy on this device at once and
    /// sends it to the server when typing pauses.
    pub fn update(self, f: impl FnOnce(&mut AssistanceDraft)) {
        let mut changed = false;
        self.draft.maybe_update(|d| {
            let before = d.clone();
            f(d);
            changed = *d != before;
            changed
        });
        if changed {
            self.unsent.set(true);
            self.persist();
            let generation = self.generation.get_untracked() + 1;
            self.generation.set(generation);
            set_timeout(
                move || {
                    if self.generation.get_untracked() == generation {
                        self.flush();
                    }
                },
                SAVE_DELAY,
            );
        }
    }

    /// Whether the answers on this device have not reached the server yet.
    pub fn unsent(self) -> bool {
        self.unsent.get()
    }

    fn persist(self) {
        let Some(storage) = crate::storage::local() else {
            return;
        };
        let copy = LocalCopy {
            draft: self.draft.get_untracked(),
            unsent: self.unsent.get_untracked(),
            submit_key: self.submit_key.get_untracked(),
        };
        match self.token.get_untracked() {
            Some(token) => {
                let _ = storage.set_item(TOKEN_KEY, &token);
            }
            None => {
                let _ = storage.remove_item(TOKEN_KEY);
            }
        }
        if copy == LocalCopy::default() {
            let _ = storage.remove_item(COPY_KEY);
        } else if let Ok(json) = serde_json::to_string(&copy) {
            let _ = storage.set_item(COPY_KEY, &json);
        }
    }

    /// Sends the answers now if they have not been sent (and nothing is under way).
    pub fn flush(self) {
        if self.busy.get_untracked() || !self.unsent.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.save.set(SaveState::Saving);
        spawn_local(async move {
            let lang = self.lang.get_untracked();
            let token = match self.ensure_token().await {
                Ok(token) => token,
                Err(error) => return self.failed(error),
            };
            let sent = self.draft.get_untracked();
            match api::assistance_save_draft(&token, &sent, lang).await {
                Ok(view) => {
                    if self.draft.with_untracked(|d| *d == sent) {
                        self.unsent.set(false);
                        self.persist();
                    }
                    self.view.set(Some(view));
                    self.busy.set(false);
                    self.save.set(SaveState::Saved);
                    // Typed while this was on its way: send that too.
                    self.flush();
                }
                // Expired (30 days) or unknown: the answers here start a new draft.
                Err(ApiError::NotFound) => {
                    self.token.set(None);
                    self.view.set(None);
                    self.persist();
                    self.busy.set(false);
                    self.flush();
                }
                Err(ApiError::Validation(body)) if body.code == code::DRAFT_SUBMITTED => {
                    self.busy.set(false);
                    self.submitted.set(true);
                    self.save.set(SaveState::Idle);
                }
                Err(error) => self.failed(error),
            }
        });
    }

    fn failed(self, error: ApiError) {
        self.busy.set(false);
        let (message, delay) = match error {
            ApiError::Validation(body) if body.code == code::DRAFTS_RATE_LIMITED => {
                (Some(body.message), RATE_LIMITED_RETRY_DELAY)
            }
            ApiError::Validation(body) => (Some(body.message), RETRY_DELAY),
            _ => (None, RETRY_DELAY),
        };
        self.save.set(SaveState::Failed(message));
        set_timeout(
            move || {
                if matches!(self.save.get_untracked(), SaveState::Failed(_)) {
                    self.flush();
                }
            },
            delay,
        );
    }

    /// The draft's token, creating the draft on the server first if there is none yet.
    pub async fn ensure_token(self) -> Result<String, ApiError> {
        if let Some(token) = self.token.get_untracked() {
            return Ok(token);
        }
        let created = api::assistance_create_draft(self.lang.get_untracked()).await?;
        self.token.set(Some(created.token.clone()));
        if self.view.with_untracked(Option::is_none) {
            self.view.set(Some(created.view));
        }
        self.persist();
        Ok(created.token)
    }

    /// The files uploaded to the draft.
    pub fn files(self) -> Vec<EvidenceFile> {
        self.view
            .with(|v| v.as_ref().map(|v| v.files.clone()).unwrap_or_default())
    }

    /// After an upload or a removal: the server's list of files.
    pub fn set_files(self, files: Vec<EvidenceFile>) {
        self.view.update(|v| {
            if let Some(v) = v {
                v.files = files;
            }
        });
    }

    /// Today in Shanghai: the server's date of the last save (so a person whose device clock
    /// is wrong is checked as the server will check them), else this device's clock.
    pub fn today(self) -> Date {
        let server = self.view.with(|v| {
            v.as_ref()
                .and_then(|v| v.updated_at.get(..10).map(str::to_owned))
        });
        server
            .and_then(|d| Date::parse(&d).ok())
            .or_else(|| {
                let performance = window().performance()?;
                let ms = performance.time_origin() + performance.now();
                Date::from_unix_seconds_shanghai((ms / 1000.0) as i64)
            })
            .unwrap_or_else(|| Date::new(2026, 1, 1).expect("a valid date"))
    }

    /// The problems of one section, by the checks the server runs too (tracked).
    pub fn problems(self, section: Section) -> Problems {
        let files = self.files();
        let today = self.today();
        self.draft.with(|d| {
            section_problems(
                d,
                section,
                &DraftContext {
                    today,
                    files: &files,
                    gi_exists: &|_: &GiId| true,
                },
            )
        })
    }

    /// The task-list status of a section (tracked).
    pub fn status(self, section: Section) -> SectionStatus {
        let files = self.files();
        let today = self.today();
        self.draft.with(|d| {
            section_status(
                d,
                section,
                &DraftContext {
                    today,
                    files: &files,
                    gi_exists: &|_: &GiId| true,
                },
            )
        })
    }

    pub fn is_empty(self) -> bool {
        self.draft.with(|d| *d == AssistanceDraft::default()) && self.token.with(Option::is_none)
    }

    /// The idempotency key for submitting this draft (kept, so a retry sends the same one).
    pub fn submit_key(self) -> String {
        if let Some(key) = self.submit_key.get_untracked() {
            return key;
        }
        let key = new_key();
        self.submit_key.set(Some(key.clone()));
        self.persist();
        key
    }

    /// Forgets the draft on this device (after it was submitted, or to start again).
    pub fn forget(self) {
        self.generation.update(|g| *g += 1);
        self.token.set(None);
        self.draft.set(AssistanceDraft::default());
        self.view.set(None);
        self.unsent.set(false);
        self.submit_key.set(None);
        self.submitted.set(false);
        self.save.set(SaveState::Idle);
        if let Some(storage) = crate::storage::local() {
            let _ = storage.remove_item(TOKEN_KEY);
            let _ = storage.remove_item(COPY_KEY);
        }
    }

    /// Loads the draft the token names: its files, and its answers if this device has no copy.
    fn load(self, token: String) {
        spawn_local(async move {
            match api::assistance_draft(&token, self.lang.get_untracked()).await {
                Ok(view) => {
                    if view.submitted.is_some() && self.submit_key.get_untracked().is_none() {
                        // Submitted and confirmed elsewhere: nothing to continue here.
                        self.forget();
                    } else {
                        self.submitted.set(view.submitted.is_some());
                        if !self.ready.get_untracked() {
                            self.draft.set(view.draft.clone());
                        }
                        self.view.set(Some(view));
                    }
                    self.ready.set(true);
                    self.flush();
                }
                Err(ApiError::NotFound) => {
                    // Expired: keep what is on this device, and save it as a new draft.
                    self.token.set(None);
                    let has_answers = self
                        .draft
                        .with_untracked(|d| *d != AssistanceDraft::default());
                    self.unsent.set(has_answers);
                    self.persist();
                    self.ready.set(true);
                    self.flush();
                }
                Err(_) => {
                    self.ready.set(true);
                    self.save.set(SaveState::Failed(None));
                    set_timeout(move || self.load(token), RETRY_DELAY);
                }
            }
        });
    }
}

/// 128 random bits from the browser's crypto source, as hex (the time since the page loaded if
/// that is refused: the key only has to be unique per draft).
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        let now = window().performance().map(|p| p.now()).unwrap_or_default();
        bytes[..8].copy_from_slice(&now.to_bits().to_le_bytes());
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads the token and the copy this device keeps, loads the draft from the server, and
/// provides the store to every page.
pub fn provide_draft() -> DraftStore {
    let prefs = use_prefs();
    let storage = crate::storage::local();
    let token = storage
        .as_ref()
        .and_then(|s| s.get_item(TOKEN_KEY).ok().flatten())
        .filter(|t| !t.is_empty());
    let copy = storage
        .as_ref()
        .and_then(|s| s.get_item(COPY_KEY).ok().flatten())
        .and_then(|json| crate::json::from_str::<LocalCopy>(&json));
    let has_copy = copy.is_some();
    let copy = copy.unwrap_or_default();
    let store = DraftStore {
        token: RwSignal::new(token.clone()),
        draft: RwSignal::new(copy.draft),
        view: RwSignal::new(None),
        save: RwSignal::new(SaveState::Idle),
        ready: RwSignal::new(token.is_none() || has_copy),
        submitted: RwSignal::new(false),
        unsent: RwSignal::new(copy.unsent),
        submit_key: RwSignal::new(copy.submit_key),
        busy: RwSignal::new(false),
        generation: RwSignal::new(0),
        lang: prefs.lang,
    };
    match token {
        Some(token) => store.load(token),
        // Typed before a draft existed on the server (offline from the start).
        None => store.flush(),
    }
    provide_context(store);
    store
}

pub fn use_draft() -> DraftStore {
    expect_context::<DraftStore>()
}

impl DraftStore {
    /// Saves the answers now and waits for the server (before submitting: the server submits
    /// what it has).
    pub async fn save_now(self) -> Result<(), ApiError> {
        let lang = self.lang.get_untracked();
        let token = self.ensure_token().await?;
        if !self.unsent.get_untracked() {
            return Ok(());
        }
        let sent = self.draft.get_untracked();
        let view = api::assistance_save_draft(&token, &sent, lang).await?;
        if self.draft.with_untracked(|d| *d == sent) {
            self.unsent.set(false);
            self.persist();
        }
        self.view.set(Some(view));
        self.save.set(SaveState::Saved);
        Ok(())
    }
}
