//! The exact riding of a location: point-in-polygon over the ridings' boundaries (longitude, latitude in degrees),
//! one implementation for the widget (the browser's location, in wasm, nothing sent anywhere) and the CLI
//! (`voix lookup --at`). The boundary data has gaps and overlaps (a strip along 60°N in no riding, a northern BC
//! riding overlapping Yukon and the Northwest Territories), so the answer says so instead of guessing:
//! [`Located::Nowhere`] or [`Located::Several`], and the caller falls back to the postal code's short list.

use super::FedNum;
use crate::i18n::LocationText;
use crate::json::{Kind, Value};
use crate::postal::Province;

/// A point: longitude then latitude, in degrees (WGS84), as GeoJSON and TopoJSON write them.
pub type Point = (f64, f64);

/// One riding's boundary: polygons, each an outer ring followed by its holes (rings closed or not).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub fed_num: FedNum,
    pub polygons: Vec<Vec<Vec<Point>>>,
    bounds: (f64, f64, f64, f64),
}

/// The two sets of boundary files `voix data build` writes beside the data file, one file per province: the
/// widget fetches them and `voix lookup --at` reads them, at the same relative paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundaries {
    /// Simplified at 500 m: the small map of a shared postal code area.
    Map,
    /// Simplified at 100 m: the exact riding of a location.
    Exact,
}

impl Boundaries {
    /// The set's folder under `boundaries/`.
    pub fn folder(self) -> &'static str {
        match self {
            Boundaries::Map => "map",
            Boundaries::Exact => "exact",
        }
    }

    /// A province's file, relative to the data file's folder: `boundaries/map/QC.json`.
    pub fn file(self, province: Province) -> String {
        format!("boundaries/{}/{}.json", self.folder(), province.code())
    }
}

/// Where a point is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Located {
    /// Inside exactly one riding.
    One(FedNum),
    /// Inside no riding of the data (outside Canada, or in one of the data's gaps).
    Nowhere,
    /// Inside more than one (an overlap of the data): these, by number.
    Several(Vec<FedNum>),
}

impl Shape {
    pub fn new(fed_num: FedNum, polygons: Vec<Vec<Vec<Point>>>) -> Shape {
        let mut bounds = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for &(x, y) in polygons.iter().filter_map(|rings| rings.first()).flatten() {
            bounds = (bounds.0.min(x), bounds.1.min(y), bounds.2.max(x), bounds.3.max(y));
        }
        Shape { fed_num, polygons, bounds }
    }

    /// Whether `point` is inside (a point exactly on an edge may count either way).
    pub fn contains(&self, point: Point) -> bool {
        let (x, y) = point;
        let (min_x, min_y, max_x, max_y) = self.bounds;
        if x < min_x || x > max_x || y < min_y || y > max_y {
            return false;
        }
        // Even-odd over every ring of a polygon: inside its outer ring and in none of its holes.
        self.polygons.iter().any(|rings| rings.iter().filter(|ring| ring_contains(ring, point)).count() % 2 == 1)
    }
}

/// The ray-crossing test for one ring.
fn ring_contains(ring: &[Point], (x, y): Point) -> bool {
    let mut inside = false;
    let Some(&last) = ring.last() else { return false };
    let mut previous = last;
    for &current in ring {
        let ((x1, y1), (x2, y2)) = (previous, current);
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
        previous = current;
    }
    inside
}

/// Finds the riding(s) of `point` among `shapes`.
pub fn locate(shapes: &[Shape], point: Point) -> Located {
    let mut found: Vec<FedNum> =
        shapes.iter().filter(|shape| shape.contains(point)).map(|shape| shape.fed_num).collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [] => Located::Nowhere,
        [one] => Located::One(*one),
        _ => Located::Several(found),
    }
}

/// Reads riding boundaries from TopoJSON (one object of Polygon/MultiPolygon geometries with a `fed_num`
/// property, quantized arcs with a `transform`): the format of `data/source/fed2023_simpl100m.topo.json` and of the
/// per-province files `voix data build` writes. Read with the small JSON reader, so the widget links no serde.
pub fn shapes_from_topojson(json: &str) -> Result<Vec<Shape>, String> {
    let root = crate::json::parse(json).map_err(|error| format!("not JSON: {}", error.code.message()))?;
    let transform = root.get("transform").ok_or("no transform")?;
    let pair = |name: &str| -> Result<(f64, f64), String> {
        match transform.get(name).map(|value| &value.kind) {
            Some(Kind::Array(values)) if values.len() == 2 => Ok((float(&values[0])?, float(&values[1])?)),
            _ => Err(format!("transform.{name} is not a pair of numbers")),
        }
    };
    let (scale, translate) = (pair("scale")?, pair("translate")?);
    let mut arcs: Vec<Vec<Point>> = Vec::new();
    for arc in array(root.get("arcs"), "arcs")? {
        let (mut x, mut y) = (0i64, 0i64);
        let mut points = Vec::new();
        for delta in array(Some(arc), "an arc")? {
            let [dx, dy, ..] = array(Some(delta), "an arc point")? else { return Err("a short arc point".into()) };
            x = x.checked_add(whole(dx)?).ok_or("an arc runs off the grid")?;
            y = y.checked_add(whole(dy)?).ok_or("an arc runs off the grid")?;
            points.push((x as f64 * scale.0 + translate.0, y as f64 * scale.1 + translate.1));
        }
        arcs.push(points);
    }
    let ring = |indexes: &Value| -> Result<Vec<Point>, String> {
        let mut ring: Vec<Point> = Vec::new();
        for index in array(Some(indexes), "a ring")? {
            let index = whole(index)?;
            let arc = usize::try_from(if index >= 0 { index } else { !index }).ok().and_then(|i| arcs.get(i));
            let arc = arc.ok_or("an arc index is out of range")?;
            let skip = usize::from(!ring.is_empty());
            if index >= 0 {
                ring.extend(arc.iter().skip(skip));
            } else {
                ring.extend(arc.iter().rev().skip(skip));
            }
        }
        Ok(ring)
    };
    let polygon = |rings: &Value| -> Result<Vec<Vec<Point>>, String> {
        array(Some(rings), "a polygon")?.iter().map(ring).collect()
    };
    let Some(Kind::Object(objects)) = root.get("objects").map(|objects| &objects.kind) else {
        return Err("no objects".into());
    };
    let object = &objects.first().ok_or("no object")?.value;
    let mut shapes = Vec::new();
    for geometry in array(object.get("geometries"), "geometries")? {
        let fed_num = geometry.get("properties").and_then(|properties| properties.get("fed_num"));
        let fed_num = match fed_num.map(|value| &value.kind) {
            Some(Kind::String(text) | Kind::Number(text)) => text.parse::<u32>().ok(),
            _ => None,
        };
        let fed_num = FedNum(fed_num.ok_or("a geometry without a numeric fed_num")?);
        let arcs = geometry.get("arcs").ok_or("a geometry without arcs")?;
        let polygons = match geometry.get("type").map(|kind| &kind.kind) {
            Some(Kind::String(kind)) if kind == "Polygon" => vec![polygon(arcs)?],
            Some(Kind::String(kind)) if kind == "MultiPolygon" => {
                array(Some(arcs), "a multipolygon")?.iter().map(polygon).collect::<Result<_, _>>()?
            }
            _ => continue,
        };
        shapes.push(Shape::new(fed_num, polygons));
    }
    Ok(shapes)
}

/// The items of an array, or what was expected.
fn array<'a>(value: Option<&'a Value>, what: &str) -> Result<&'a [Value], String> {
    match value.map(|value| &value.kind) {
        Some(Kind::Array(items)) => Ok(items),
        _ => Err(format!("{what} is not a list")),
    }
}

/// A whole number (TopoJSON's quantized coordinates and arc indexes).
fn whole(value: &Value) -> Result<i64, String> {
    let Kind::Number(text) = &value.kind else { return Err("a coordinate is not a number".into()) };
    match crate::json::integer(text) {
        Some((negative, magnitude)) => {
            let magnitude = i64::try_from(magnitude).map_err(|_| "a coordinate is too large".to_owned())?;
            Ok(if negative { -magnitude } else { magnitude })
        }
        None => Err(format!("{text} is not a whole number")),
    }
}

/// Any number (the transform's scale and translation).
fn float(value: &Value) -> Result<f64, String> {
    match &value.kind {
        Kind::Number(text) => decimal(text).ok_or_else(|| format!("{text} is not a number")),
        _ => Err("the transform is not numbers".into()),
    }
}

/// A JSON number as f64, to within a few units in the last place: its digits as a whole number times a power of
/// ten. Enough for coordinates (a millionth of a millimetre), and it keeps the standard library's exact decimal
/// reader, whose tables would weigh about 10 KB in the widget, out of the bundle.
fn decimal(text: &str) -> Option<f64> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits_part, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].trim_start_matches('+').parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = digits_part.split_once('.').unwrap_or((digits_part, ""));
    if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut scale = exponent;
    for (index, digit) in whole.bytes().chain(fraction.bytes()).enumerate() {
        // Digits past the 19th cannot change an f64: count their place, drop their value.
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(digit - b'0');
            scale -= i32::from(index >= whole.len());
        } else {
            scale += i32::from(index < whole.len());
        }
    }
    let magnitude = if scale >= 0 { mantissa as f64 * 10f64.powi(scale) } else { mantissa as f64 / 10f64.powi(-scale) };
    Some(if negative { -magnitude } else { magnitude })
}

/// Why a location gives no riding, as `voix lookup --at` names it (`reason`) and as the widget says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Miss {
    /// Outside Canada's bounding box (a typo, latitude and longitude swapped, or abroad).
    OutsideCanada,
    /// In Canada but in no riding of the data (a gap, such as the strip along 60°N).
    NoRiding,
    /// In more than one riding of the data (an overlap): these.
    Several(Vec<FedNum>),
}

impl Miss {
    /// The machine-readable name: `outside_canada`, `no_riding`, `several`.
    pub fn reason(&self) -> &'static str {
        match self {
            Miss::OutsideCanada => "outside_canada",
            Miss::NoRiding => "no_riding",
            Miss::Several(_) => "several",
        }
    }

    /// What to tell the person.
    pub fn text(&self) -> LocationText {
        match self {
            Miss::OutsideCanada => LocationText::OutsideCanada,
            Miss::NoRiding => LocationText::NoRiding,
            Miss::Several(_) => LocationText::Several,
        }
    }
}

/// The riding of a point, or why there is none: [`in_canada_bounds`] first, then [`locate`].
pub fn riding_at(shapes: &[Shape], point: Point) -> Result<FedNum, Miss> {
    if !in_canada_bounds(point) {
        return Err(Miss::OutsideCanada);
    }
    match locate(shapes, point) {
        Located::One(fed_num) => Ok(fed_num),
        Located::Nowhere => Err(Miss::NoRiding),
        Located::Several(fed_nums) => Err(Miss::Several(fed_nums)),
    }
}

/// Whether a point is plausibly in Canada at all (its bounding box, generously: the territories' riding boundaries
/// reach the North Pole over the
/// Arctic Ocean): anything else is a typo or a
/// location abroad, answered before any lookup.
pub fn in_canada_bounds((lon, lat): Point) -> bool {
    (-141.1..=-52.5).contains(&lon) && (41.6..=90.0).contains(&lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(fed_num: u32, x: f64, y: f64, size: f64) -> Shape {
        let ring = vec![(x, y), (x + size, y), (x + size, y + size), (x, y + size)];
        Shape::new(FedNum(fed_num), vec![vec![ring]])
    }

    #[test]
    fn inside_outside_and_a_hole() {
        let outer = vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)];
        let hole = vec![(4.0, 4.0), (6.0, 4.0), (6.0, 6.0), (4.0, 6.0)];
        let shape = Shape::new(FedNum(35001), vec![vec![outer, hole]]);
        assert!(shape.contains((1.0, 1.0)));
        assert!(!shape.contains((5.0, 5.0)), "in the hole (another riding inside this one)");
        assert!(!shape.contains((11.0, 5.0)));
        let island = square(35001, 20.0, 20.0, 1.0);
        let both = Shape::new(FedNum(35001), [shape.polygons.clone(), island.polygons].concat());
        assert!(both.contains((20.5, 20.5)), "a riding's island");
    }

    #[test]
    fn gaps_and_overlaps_are_said_not_guessed() {
        let shapes = [square(59041, 0.0, 0.0, 2.0), square(60001, 1.5, 0.0, 2.0), square(61001, 0.0, 3.0, 2.0)];
        assert_eq!(locate(&shapes, (0.5, 0.5)), Located::One(FedNum(59041)));
        assert_eq!(locate(&shapes, (1.75, 0.5)), Located::Several(vec![FedNum(59041), FedNum(60001)]));
        assert_eq!(locate(&shapes, (1.0, 2.5)), Located::Nowhere, "the strip between two ridings");
    }

    #[test]
    fn random_points_inside_random_ridings_are_found_in_them() {
        // A deterministic generator (no dependency): star-shaped polygons around separate centres, and points on
        // segments from the centre to a vertex, which lie inside: with five vertices or more and angles jittered by
        // at most half a step, no gap between vertices reaches a half-turn, so each polygon is star-shaped.
        let mut seed: u64 = 0x5eed_cafe;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for riding in 0..200u32 {
            let centre = (-140.0 + f64::from(riding % 20) * 4.0, 42.0 + f64::from(riding / 20) * 4.0);
            let vertices = 5 + (next() * 40.0) as usize;
            let ring: Vec<Point> = (0..vertices)
                .map(|i| {
                    let angle = std::f64::consts::TAU * (i as f64 + next() * 0.5) / vertices as f64;
                    let radius = 0.3 + next() * 1.5;
                    (centre.0 + radius * angle.cos(), centre.1 + radius * angle.sin())
                })
                .collect();
            let shape = Shape::new(FedNum(35000 + riding), vec![vec![ring.clone()]]);
            for _ in 0..50 {
                let vertex = ring[(next() * vertices as f64) as usize % vertices];
                let t = next() * 0.95;
                let point = (centre.0 + t * (vertex.0 - centre.0), centre.1 + t * (vertex.1 - centre.1));
                assert!(shape.contains(point), "riding {riding}: {point:?} in {ring:?}");
            }
            assert!(!shape.contains((centre.0 + 1.9, centre.1 + 1.9)), "outside its bounds");
        }
    }

    #[test]
    fn topojson_arcs_are_decoded_with_shared_and_reversed_arcs() {
        // Two unit squares side by side sharing the arc x = 1 (walked forwards by one, backwards by the other).
        let json = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[-80,45]},
            "arcs":[[[1,0],[0,1]],[[1,1],[-1,0],[0,-1],[1,0]],[[1,0],[1,0],[0,1],[-1,0]]],
            "objects":{"data":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0,1]],"properties":{"fed_num":"35001"}},
              {"type":"MultiPolygon","arcs":[[[2,-1]]],"properties":{"fed_num":35002}}]}}}"#;
        let shapes = shapes_from_topojson(json).expect("read");
        assert_eq!(locate(&shapes, (-79.5, 45.5)), Located::One(FedNum(35001)));
        assert_eq!(locate(&shapes, (-78.5, 45.5)), Located::One(FedNum(35002)));
        assert_eq!(locate(&shapes, (-77.5, 45.5)), Located::Nowhere);
        assert!(shapes_from_topojson("{}").is_err());
    }

    #[test]
    fn decimals_read_as_the_standard_library_reads_them_to_within_a_few_ulps() {
        let texts = [
            "0",
            "-0",
            "1",
            "-141.0181",
            "41.6769",
            "8.843588843588843e-05",
            "4.832254832254831e-05",
            "0.0008842888428884289",
            "1E3",
            "2.5e+2",
            "123456789012345678901234",
            "0.000000000000000000000123",
        ];
        for text in texts {
            let expected: f64 = text.parse().expect("a number");
            let read = decimal(text).expect("read");
            assert!((read - expected).abs() <= expected.abs() * 1e-15, "{text}: {read} vs {expected}");
        }
        for bad in ["", "-", ".5", "1.2.3", "1e", "e5", "0x10", "1,5"] {
            assert_eq!(decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn boundary_files_sit_beside_the_data_file_one_per_province() {
        assert_eq!(Boundaries::Map.file(Province::Quebec), "boundaries/map/QC.json");
        assert_eq!(Boundaries::Exact.file(Province::Nunavut), "boundaries/exact/NU.json");
    }

    #[test]
    fn canada_s_bounds() {
        assert!(in_canada_bounds((-75.7, 45.42)), "Ottawa");
        assert!(in_canada_bounds((-111.9, 60.0)), "Fort Smith, in the data's 60°N strip");
        assert!(!in_canada_bounds((2.35, 48.85)), "Paris");
        assert!(!in_canada_bounds((45.42, -75.7)), "latitude and longitude swapped");
    }
}
