//! The browser's view of who is logged in, shared through context. The server re-checks on every
//! call; this only decides what to show.
use super::api::current_user;
use super::UserView;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Session {
    /// `None` until the first lookup answers; then the user, or `None` for a visitor.
    user: RwSignal<Option<Option<UserView>>>,
}

impl Session {
    pub fn provide() -> Session {
        let user = RwSignal::new(None);
        leptos::task::spawn_local(async move {
            // A failed lookup (network) shows the visitor view; the next action retries.
            user.set(Some(current_user().await.ok().flatten()));
        });
        let session = Session { user };
        provide_context(session);
        session
    }

    /// `None` while the first lookup is in flight, then `Some(user or visitor)`.
    pub fn state(&self) -> Option<Option<UserView>> {
        self.user.get()
    }

    pub fn user(&self) -> Option<UserView> {
        self.user.get().flatten()
    }

    /// Login, registration and logout answer with who is now logged in; record it at once so
    /// the next page never sees a stale "visitor".
    pub fn set(&self, user: Option<UserView>) {
        self.user.set(Some(user));
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
