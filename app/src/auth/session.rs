//! The browser's view of who is logged in, shared through context. The server re-checks on every
//! call; this only decides what to show.
use super::api::current_user;
use super::UserView;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Session {
    user: LocalResource<Option<UserView>>,
}

impl Session {
    pub fn provide() -> Session {
        // A failed lookup (network) shows the visitor view; the next action retries.
        let user = LocalResource::new(|| async { current_user().await.ok().flatten() });
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

    pub fn refresh(&self) {
        self.user.refetch();
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}
