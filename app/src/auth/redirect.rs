//! Where to send someone after logging in (`?next=`): only a path of this site, never another.
//!
//! Browsers forgive a lot in URLs: they drop tabs and newlines (`/%09/evil.example` becomes
//! `//evil.example`, a link to another host), read `\` as `/`, and resolve `//host` to another
//! site. So the value is first held to plain path characters, then — in the browser — resolved
//! by the browser's own URL parser against the page and kept only if the origin is still ours.

/// A local path (with query and fragment), or `None` when `raw` could lead anywhere else.
pub fn local_path(raw: &str) -> Option<String> {
    let plain = raw.starts_with('/')
        && !raw.starts_with("//")
        && !raw.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if !plain {
        return None;
    }
    same_origin(raw)
}

#[cfg(feature = "csr")]
fn same_origin(raw: &str) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    let url = web_sys::Url::new_with_base(raw, &origin).ok()?;
    (url.origin() == origin).then(|| format!("{}{}{}", url.pathname(), url.search(), url.hash()))
}

/// Outside the browser (tests, the server) there is no page to resolve against; the plain-path
/// rule above already refuses every form that leaves the origin.
#[cfg(not(feature = "csr"))]
fn same_origin(raw: &str) -> Option<String> {
    Some(raw.to_owned())
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(local_path("/contact/history?x=1#top").as_deref(), Some("/contact/history?x=1#top"));
        assert_eq!(local_path("/").as_deref(), Some("/"));
    }

    #[test]
    fn anything_that_could_leave_the_site_is_refused() {
        for raw in [
            "//evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            " /x",
            "/ /evil",
            "evil.example",
            "",
        ] {
            assert_eq!(local_path(raw), None, "{raw:?}");
        }
    }
}
