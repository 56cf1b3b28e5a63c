//! `voix lookup --at LAT,LON`: the exact riding of a location, from the ridings' boundaries that `voix data build`
//! writes beside the data file (`boundaries/exact/XX.json`), with the same point-in-polygon as the widget's "Use my
//! location". A location in a gap or an overlap of the boundaries, or outside Canada, gets no riding and a reason.

use super::{heading, read_directory, riding_json, write_district, EXIT_BAD_CODE, EXIT_FOUND, EXIT_NO_DATA};
use crate::check::Format;
use crate::ridings::boundaries;
use std::io::{self, Write};
use std::path::Path;
use voix_core::directory::as_of_line;
use voix_core::directory::locate::{riding_at, shapes_from_topojson, Miss, Point, Shape};
use voix_core::i18n::LocationText;
use voix_core::Lang;

/// Exit status: the location is valid but in no riding of the data (or several, or outside Canada).
pub const EXIT_NO_RIDING_THERE: u8 = 3;

/// Why the text after `--at` is not a location.
#[derive(Clone, Debug, PartialEq)]
pub enum AtProblem {
    Malformed(String),
    Latitude(f64),
    Longitude(f64),
}

impl AtProblem {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (AtProblem::Malformed(text), Lang::En) => format!(
                "\"{text}\" is not a location: write the latitude, a comma, then the longitude, in degrees (for example 45.4236,-75.7009)"
            ),
            (AtProblem::Malformed(text), Lang::Fr) => format!(
                "«\u{a0}{text}\u{a0}» n'est pas une position\u{a0}: écrivez la latitude, une virgule, puis la longitude, en degrés (par exemple 45.4236,-75.7009)"
            ),
            (AtProblem::Latitude(value), Lang::En) => format!("{value} is not a latitude (from -90 to 90 degrees)"),
            (AtProblem::Latitude(value), Lang::Fr) => {
                format!("{value} n'est pas une latitude (de -90 à 90 degrés)")
            }
            (AtProblem::Longitude(value), Lang::En) => {
                format!("{value} is not a longitude (from -180 to 180 degrees)")
            }
            (AtProblem::Longitude(value), Lang::Fr) => {
                format!("{value} n'est pas une longitude (de -180 à 180 degrés)")
            }
        }
    }
}

/// `LAT,LON` (spaces allowed around each number) → (longitude, latitude), the order of the boundary data.
pub fn parse_at(text: &str) -> Result<Point, AtProblem> {
    let malformed = || AtProblem::Malformed(text.chars().take(60).collect());
    let (lat, lon) = text.split_once(',').ok_or_else(malformed)?;
    let number = |part: &str| part.trim().parse::<f64>().ok().filter(|value| value.is_finite()).ok_or_else(malformed);
    let (lat, lon) = (number(lat)?, number(lon)?);
    if !(-90.0..=90.0).contains(&lat) {
        return Err(AtProblem::Latitude(lat));
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(AtProblem::Longitude(lon));
    }
    Ok((lon, lat))
}

/// Every riding's boundary from `folder` (one TopoJSON file per province), or what went wrong.
pub(super) fn read_shapes(folder: &Path) -> Result<Vec<Shape>, String> {
    let entries = std::fs::read_dir(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
    paths.retain(|path| path.extension().is_some_and(|extension| extension == "json"));
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{}: no boundary files", folder.display()));
    }
    let mut shapes = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        shapes.extend(shapes_from_topojson(&text).map_err(|problem| format!("{}: {problem}", path.display()))?);
    }
    Ok(shapes)
}

/// Looks the location `at` up and prints its riding (or why there is none) in `lang`. Returns the exit status.
pub fn run_at(
    at: &str,
    data: &Path,
    format: Format,
    lang: Lang,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<u8> {
    let point = match parse_at(at) {
        Ok(point) => point,
        Err(problem) => {
            writeln!(err, "{}", problem.text(lang))?;
            return Ok(EXIT_BAD_CODE);
        }
    };
    let Some(directory) = read_directory(data, lang, err)? else { return Ok(EXIT_NO_DATA) };
    let folder = boundaries::folder_beside(data).join(boundaries::EXACT.kind.folder());
    let shapes = match read_shapes(&folder) {
        Ok(shapes) => shapes,
        Err(problem) => {
            writeln!(err, "{} ({problem})", LocationText::BoundariesUnavailable.get(lang))?;
            return Ok(EXIT_NO_DATA);
        }
    };
    let found = riding_at(&shapes, point).and_then(|fed_num| directory.district(fed_num).ok_or(Miss::NoRiding));
    let (lon, lat) = point;
    match format {
        Format::Json => {
            let mut answer = serde_json::json!({
                "at": {"lat": lat, "lon": lon},
                "ridings": [],
                "exact": found.is_ok(),
                "as_of": directory.as_of().to_string(),
            });
            match &found {
                Ok(district) => answer["ridings"] = serde_json::json!([riding_json(district, None)]),
                Err(miss) => {
                    answer["reason"] = miss.reason().into();
                    answer["message"] = serde_json::json!({
                        "en": miss.text().get(Lang::En),
                        "fr": miss.text().get(Lang::Fr),
                    });
                    if let Miss::Several(fed_nums) = miss {
                        answer["overlapping"] = fed_nums.iter().map(|fed_num| fed_num.0).collect();
                    }
                }
            }
            writeln!(out, "{answer}")?;
        }
        Format::Text => match &found {
            Ok(district) => {
                writeln!(out, "{}", heading(LocationText::YourLocationIsIn.get(lang), lang))?;
                write_district(out, district, None, lang)?;
                writeln!(out, "{}.", as_of_line(&directory.as_of(), lang))?;
            }
            Err(miss) => writeln!(out, "{}", miss.text().get(lang))?,
        },
    }
    Ok(if found.is_ok() { EXIT_FOUND } else { EXIT_NO_RIDING_THERE })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_is_latitude_then_longitude() {
        assert_eq!(parse_at("45.4236,-75.7009"), Ok((-75.7009, 45.4236)));
        assert_eq!(parse_at(" 45.4236 , -75.7009 "), Ok((-75.7009, 45.4236)));
        assert_eq!(parse_at("91,-75"), Err(AtProblem::Latitude(91.0)));
        assert_eq!(parse_at("45,-181"), Err(AtProblem::Longitude(-181.0)));
        for bad in ["", "45.4", "45.4;-75.7", "north,west", "NaN,1", "inf,1", "45,-75,3"] {
            assert!(matches!(parse_at(bad), Err(AtProblem::Malformed(_))), "{bad}");
        }
        assert!(AtProblem::Malformed("x".into()).text(Lang::Fr).contains("n'est pas une position"));
    }
}
