//! The ridings' boundaries in the widget: fetched from the Voix server one province at a time, only when the lookup
//! needs them (`/data/boundaries/map/XX.json` for the small map, `…/exact/XX.json` for "Use my location"), and the
//! browser's location. Reading them, drawing and the point-in-polygon (`voix_core::directory::{locate, map}`) run
//! in their own wasm chunk: a reader who never reaches the riding step never downloads them. The location
//! is compared here, in the page, and sent nowhere.

use crate::load::{fetch_text, FetchFailure};
use leptos::wasm_split::SplitLoaderError;
use voix_core::directory::locate::{riding_at, shapes_from_topojson, Boundaries, Miss, Point, Shape};
use voix_core::directory::map::{draw, Drawing};
use voix_core::directory::FedNum;
use voix_core::i18n::LocationText;
use voix_core::postal::Province;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The boundary files of `provinces`, fetched beside the riding data (`data_url`).
async fn fetch_boundaries(data_url: &str, set: Boundaries, provinces: &[Province]) -> Result<Vec<String>, ()> {
    let mut texts = Vec::new();
    for province in provinces {
        let url = web_sys::Url::new_with_base(&set.file(*province), data_url).map_err(|_| ())?.href();
        let text = fetch_text(&url).await.map_err(|failure| {
            let detail = match failure {
                FetchFailure::Status(status) => format!("HTTP {status}"),
                FetchFailure::Network(detail) => detail,
            };
            web_sys::console::error_1(&format!("[voix] riding boundaries {url}: {detail}").into());
        })?;
        texts.push(text);
    }
    Ok(texts)
}

fn read_all(texts: &[String]) -> Result<Vec<Shape>, ()> {
    let mut shapes = Vec::new();
    for text in texts {
        shapes.extend(shapes_from_topojson(text).map_err(|_| ())?);
    }
    Ok(shapes)
}

/// What the geometry chunk is asked: one entry point, so the first download carries one loader stub for it.
enum Ask {
    Draw(Vec<FedNum>),
    Locate(Point),
}

enum Answer {
    Drawing(Option<Drawing>),
    Riding(Result<FedNum, Miss>),
    Unreadable,
}

/// Reads the boundaries and answers, in the geometry chunk.
#[cfg_attr(voix_split, leptos::wasm_split::wasm_split(voix_geometry, wasm_split_path = ::leptos::wasm_split, fallible))]
fn in_geometry_chunk(texts: Vec<String>, ask: Ask) -> Result<Answer, SplitLoaderError> {
    let Ok(shapes) = read_all(&texts) else { return Ok(Answer::Unreadable) };
    Ok(match ask {
        Ask::Draw(ridings) => {
            let chosen: Vec<&Shape> =
                ridings.iter().filter_map(|fed_num| shapes.iter().find(|shape| shape.fed_num == *fed_num)).collect();
            Answer::Drawing(draw(&chosen))
        }
        Ask::Locate(point) => Answer::Riding(riding_at(&shapes, point)),
    })
}

async fn answer(texts: Vec<String>, ask: Ask) -> Answer {
    // Split, the chunk's function is async (it fetches the chunk first); otherwise a plain call.
    #[cfg(voix_split)]
    let answer = in_geometry_chunk(texts, ask).await;
    #[cfg(not(voix_split))]
    let answer = in_geometry_chunk(texts, ask);
    answer.unwrap_or(Answer::Unreadable)
}

/// The small map of the ridings a postal code area is shared by; `None` when it cannot be drawn (the list beside
/// it is enough).
pub async fn map_of(data_url: &str, ridings: Vec<FedNum>) -> Option<Drawing> {
    let mut provinces: Vec<Province> = ridings.iter().filter_map(|fed_num| fed_num.province()).collect();
    provinces.dedup();
    let texts = fetch_boundaries(data_url, Boundaries::Map, &provinces).await.ok()?;
    match answer(texts, Ask::Draw(ridings)).await {
        Answer::Drawing(drawing) => drawing,
        _ => None,
    }
}

/// The exact riding of the browser's location among the ridings of `provinces`, or what to tell the person.
pub async fn riding_here(data_url: &str, provinces: &[Province]) -> Result<FedNum, LocationText> {
    let point = current_position().await?;
    let texts = fetch_boundaries(data_url, Boundaries::Exact, provinces)
        .await
        .map_err(|()| LocationText::BoundariesUnavailable)?;
    match answer(texts, Ask::Locate(point)).await {
        // Only the province's ridings were compared: "no riding" means none of them.
        Answer::Riding(Err(Miss::NoRiding)) => Err(LocationText::NotInProvince),
        Answer::Riding(found) => found.map_err(|miss| miss.text()),
        _ => Err(LocationText::BoundariesUnavailable),
    }
}

/// The browser's location (longitude, latitude), asked once; a refusal or a failure is said as such.
async fn current_position() -> Result<Point, LocationText> {
    // Read through Reflect rather than web-sys's typed Geolocation and PositionOptions: their bindings would sit in
    // the first download's JavaScript glue, for a button few readers press.
    let navigator =
        web_sys::window().map(|window| JsValue::from(window.navigator())).ok_or(LocationText::Unavailable)?;
    let geolocation = js_sys::Reflect::get(&navigator, &"geolocation".into()).map_err(|_| LocationText::Unavailable)?;
    let get_current_position = js_sys::Reflect::get(&geolocation, &"getCurrentPosition".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok())
        .ok_or(LocationText::Unavailable)?;
    let options = js_sys::Object::new();
    for (name, value) in
        [("enableHighAccuracy", JsValue::TRUE), ("timeout", 20_000.into()), ("maximumAge", 60_000.into())]
    {
        let _ = js_sys::Reflect::set(&options, &name.into(), &value);
    }
    let mut asked = Ok(JsValue::UNDEFINED);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let arguments = js_sys::Array::new();
        for argument in [JsValue::from(resolve), reject.into(), options.clone().into()] {
            arguments.push(&argument);
        }
        asked = js_sys::Reflect::apply(&get_current_position, &geolocation, &arguments);
    });
    asked.map_err(|_| LocationText::Unavailable)?;
    let number = |value: &JsValue, path: [&str; 2]| -> Option<f64> {
        let coords = js_sys::Reflect::get(value, &path[0].into()).ok()?;
        js_sys::Reflect::get(&coords, &path[1].into()).ok()?.as_f64()
    };
    match JsFuture::from(promise).await {
        Ok(position) => {
            let lat = number(&position, ["coords", "latitude"]).ok_or(LocationText::Unavailable)?;
            let lon = number(&position, ["coords", "longitude"]).ok_or(LocationText::Unavailable)?;
            Ok((lon, lat))
        }
        // GeolocationPositionError.PERMISSION_DENIED is 1; 2 and 3 are "unavailable" and "timeout".
        Err(error) => {
            let code = js_sys::Reflect::get(&error, &"code".into()).ok().and_then(|code| code.as_f64());
            Err(if code == Some(1.0) { LocationText::Refused } else { LocationText::Unavailable })
        }
    }
}
