//! The browser app's files. Assets are served as they are (brotli/gzip copies written at build
//! time by end2end/precompress.mjs go to browsers that accept them); any other path is a client
//! route and gets the page of the area it belongs to (`app::Area`), which boots that area's
//! bundle. Status 200 either way: the client router decides what a path shows.
use app::Area;
use axum::body::Body;
use axum::extract::Request;
use axum::handler::HandlerWithoutStateExt;
use axum::response::Response;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use tower::{service_fn, util::BoxCloneSyncService, ServiceExt};
use tower_http::services::{ServeDir, ServeFile};

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
        async move {
            match files.oneshot(req).await {
                Ok(res) => Ok::<_, Infallible>(res.map(Body::new)),
                Err(never) => match never {},
            }
        }
    }))
}

/// The page for the area a path belongs to: `<dist>/a/<area>/index.html`.
fn area_page_path(dist: &Path, path: &str) -> PathBuf {
    dist.join("a").join(Area::of_path(path).slug()).join("index.html")
}

async fn area_page(dist: &Path, req: Request) -> Response {
    let page = area_page_path(dist, req.uri().path());
    match ServeFile::new(page).precompressed_br().precompressed_gzip().oneshot(req).await {
        Ok(res) => res.map(Body::new),
        Err(never) => match never {},
    }
}
