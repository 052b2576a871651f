//! The browser app's files. Assets are served as they are (brotli/gzip copies written at build
//! time by end2end/precompress.mjs go to browsers that accept them); any other path is a client
//! route and gets the page of the area it belongs to (`app::Area`), which boots that area's
//! bundle. Status 200 either way: the client router decides what a path shows.
//!
//! Trunk names every asset by a hash of its content, so assets are cached for a year without
//! asking again; the pages that reference them are revalidated each time (`no-cache`), so a new
//! build reaches browsers on their next page load.
use app::Area;
use axum::body::Body;
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use axum::response::Response;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use tower::{service_fn, util::BoxCloneSyncService, ServiceExt};
use tower_http::services::{ServeDir, ServeFile};

/// Where the areas' pages and assets live, under the site root (`<dist>/a/<area>/`).
const AREAS_URL: &str = "/a/";

pub type SiteService = BoxCloneSyncService<Request, Response, Infallible>;

pub fn service(dist: &Path) -> SiteService {
    let pages = dist.to_path_buf();
    let area_page = move |req: Request| {
        let pages = pages.clone();
        async move { area_page(&pages, req).await }
    };
    let files = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(area_page.into_service());
    BoxCloneSyncService::new(service_fn(move |req: Request| {
        let files = files.clone();
        let hashed_asset = is_hashed_asset(req.uri().path());
        async move {
            let mut res = match files.oneshot(req).await {
                Ok(res) => res.map(Body::new),
                Err(never) => match never {},
            };
            if res.status().is_success() {
                let policy = if hashed_asset { "public, max-age=31536000, immutable" } else { "no-cache" };
                res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
            }
            Ok::<_, Infallible>(res)
        }
    }))
}

/// `/a/<area>/<name>-<hash>.<ext>`: what Trunk writes, named by content.
fn is_hashed_asset(path: &str) -> bool {
    path.starts_with(AREAS_URL) && !path.ends_with('/') && !path.ends_with(".html")
}

/// The page for the area a path belongs to: `<dist>/a/<area>/index.html`.
fn area_page_path(dist: &Path, path: &str) -> PathBuf {
    dist.join("a").join(Area::of_path(path).slug()).join("index.html")
}

async fn area_page(dist: &Path, req: Request) -> Response {
    // A missing asset is a 404, never a page: a browser must not cache HTML as a script.
    if req.uri().path().starts_with(AREAS_URL) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let page = area_page_path(dist, req.uri().path());
    match ServeFile::new(page).precompressed_br().precompressed_gzip().oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    }
}
