//! The ridings' boundaries for the browser and the CLI: `voix data build` splits the TopoJSON sources of
//! `data/source/` into one file per province or territory, so that a reader downloads only the ridings their
//! postal code can be in, and only when they reach the lookup (never in the first load):
//!
//! - `boundaries/map/XX.json` (simplified at 500 m) draws the small map of a shared postal code area;
//! - `boundaries/exact/XX.json` (simplified at 100 m) answers "Use my location" and `voix lookup --at`.
//!
//! Each is TopoJSON with only that province's ridings and the arcs they use, renumbered (`fed_num` kept, names
//! left to `canada.json`); the quantized arcs are copied, not recomputed, so the split loses nothing.

use super::output::Sizes;
use super::{DataError, SourceProblem};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use voix_core::directory::locate::Boundaries;
use voix_core::directory::FedNum;

/// One set of boundary files: its folder, its source, and the most one file may weigh with brotli.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoundarySet {
    pub kind: Boundaries,
    pub source: &'static str,
    pub brotli_budget: usize,
}

/// The map's outlines: Quebec's 78 ridings are about 16,300 B brotli.
pub const MAP: BoundarySet =
    BoundarySet { kind: Boundaries::Map, source: "fed2023_simpl500m.topo.json", brotli_budget: 20_000 };
/// The location lookup's boundaries: Quebec's are about 46,800 B brotli, fetched only when the reader asks.
pub const EXACT: BoundarySet =
    BoundarySet { kind: Boundaries::Exact, source: "fed2023_simpl100m.topo.json", brotli_budget: 50_000 };

/// The folder of the boundary files beside a data file (`data/canada.json` → `data/boundaries`).
pub fn folder_beside(data_file: &Path) -> PathBuf {
    data_file.parent().unwrap_or(Path::new("")).join("boundaries")
}

/// One written file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenBoundaries {
    pub path: PathBuf,
    pub ridings: usize,
    pub sizes: Sizes,
}

/// Reads `source/<set.source>` and writes `out/<set.kind.folder()>/XX.json` for each province; with `dry_run`, checks
/// only. Files are replaced whole (written beside, then renamed).
pub fn write_set(
    source: &Path,
    out: &Path,
    set: BoundarySet,
    dry_run: bool,
) -> Result<Vec<WrittenBoundaries>, DataError> {
    let path = source.join(set.source);
    let text = std::fs::read_to_string(&path).map_err(|error| DataError::Read { path: path.clone(), source: error })?;
    let bad = |detail: String| DataError::Source {
        path: path.clone(),
        line: None,
        problem: SourceProblem::BadBoundaries { detail },
    };
    let topology: Value = serde_json::from_str(&text).map_err(|error| bad(error.to_string()))?;
    let folder = out.join(set.kind.folder());
    let mut written = Vec::new();
    for (province, (file, ridings)) in split(&topology).map_err(bad)? {
        let file_path = folder.join(format!("{province}.json"));
        // The readers' own check: the widget and `voix lookup --at` read exactly this.
        voix_core::directory::locate::shapes_from_topojson(&file)
            .map_err(|detail| bad(format!("{province}: {detail}")))?;
        let sizes = Sizes::of(&file);
        if sizes.brotli > set.brotli_budget {
            return Err(DataError::BoundariesOverBudget {
                path: file_path,
                brotli: sizes.brotli,
                budget: set.brotli_budget,
            });
        }
        if !dry_run {
            replace(&file_path, &file)?;
        }
        written.push(WrittenBoundaries { path: file_path, ridings, sizes });
    }
    Ok(written)
}

fn replace(path: &Path, text: &str) -> Result<(), DataError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| DataError::Write { path: parent.into(), source })?;
    }
    let temporary = path.with_extension("json.tmp");
    std::fs::write(&temporary, text).map_err(|source| DataError::Write { path: temporary.clone(), source })?;
    std::fs::rename(&temporary, path).map_err(|source| DataError::Write { path: path.into(), source })
}

/// The topology split by province (code → its TopoJSON text and how many ridings it has).
fn split(topology: &Value) -> Result<BTreeMap<&'static str, (String, usize)>, String> {
    let arcs = topology.get("arcs").and_then(Value::as_array).ok_or("no arcs")?;
    let transform = topology.get("transform").ok_or("no transform")?;
    let object = topology.get("objects").and_then(Value::as_object).and_then(|objects| objects.values().next());
    let geometries = object.and_then(|object| object.get("geometries")).and_then(Value::as_array);
    let mut by_province: BTreeMap<&'static str, Vec<(FedNum, &Value)>> = BTreeMap::new();
    for geometry in geometries.ok_or("no geometries")? {
        let fed_num = match geometry.pointer("/properties/fed_num") {
            Some(Value::String(text)) => text.parse::<u32>().ok(),
            Some(other) => other.as_u64().and_then(|n| u32::try_from(n).ok()),
            None => None,
        };
        let fed_num = FedNum(fed_num.ok_or("a geometry without a numeric fed_num")?);
        let province = fed_num.province().ok_or(format!("riding {fed_num} is in no province"))?;
        by_province.entry(province.code()).or_default().push((fed_num, geometry));
    }
    let mut files = BTreeMap::new();
    for (province, mut ridings) in by_province {
        ridings.sort_by_key(|(fed_num, _)| *fed_num);
        // The arcs these ridings use, in their original order, and each one's new index.
        let mut used: BTreeMap<u64, u64> = BTreeMap::new();
        for (_, geometry) in &ridings {
            collect_arcs(geometry.get("arcs").ok_or("a geometry without arcs")?, &mut used)?;
        }
        for (new, old) in used.values_mut().enumerate() {
            *old = new as u64;
        }
        let own_arcs: Vec<&Value> = used
            .keys()
            .map(|&old| usize::try_from(old).ok().and_then(|old| arcs.get(old)).ok_or("an arc index is out of range"))
            .collect::<Result<_, _>>()?;
        let geometries: Vec<Value> = ridings
            .iter()
            .map(|(fed_num, geometry)| {
                json!({
                    "type": geometry.get("type"),
                    "arcs": renumber(geometry.get("arcs").unwrap_or(&Value::Null), &used),
                    "properties": {"fed_num": fed_num.0},
                })
            })
            .collect();
        let file = json!({
            "type": "Topology",
            "transform": transform,
            "objects": {"ridings": {"type": "GeometryCollection", "geometries": geometries}},
            "arcs": own_arcs,
        });
        files.insert(province, (file.to_string(), ridings.len()));
    }
    Ok(files)
}

/// Every arc index under `arcs` (nested lists of integers; `!i` is arc `i` walked backwards).
fn collect_arcs(arcs: &Value, used: &mut BTreeMap<u64, u64>) -> Result<(), String> {
    match arcs {
        Value::Array(items) => items.iter().try_for_each(|item| collect_arcs(item, used)),
        Value::Number(number) => {
            let index = number.as_i64().ok_or("an arc index is not a whole number")?;
            used.insert(if index >= 0 { index } else { !index } as u64, 0);
            Ok(())
        }
        _ => Err("an arc index is not a number".into()),
    }
}

fn renumber(arcs: &Value, new_index: &BTreeMap<u64, u64>) -> Value {
    match arcs {
        Value::Array(items) => Value::Array(items.iter().map(|item| renumber(item, new_index)).collect()),
        Value::Number(number) => {
            let index = number.as_i64().unwrap_or_default();
            let old = if index >= 0 { index } else { !index } as u64;
            let new = new_index.get(&old).copied().unwrap_or_default() as i64;
            json!(if index >= 0 { new } else { !new })
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use voix_core::directory::locate::{locate, shapes_from_topojson, Located};

    #[test]
    fn a_split_keeps_each_province_s_ridings_and_only_the_arcs_they_use() {
        // An Ontario riding and a Quebec one sharing arc 1 (walked backwards by Quebec), and an arc nobody uses.
        let topology: Value = serde_json::from_str(
            r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[-80,45]},
            "arcs":[[[5,5],[1,0]],[[1,0],[0,1]],[[1,1],[-1,0],[0,-1],[1,0]],[[1,0],[1,0],[0,1],[-1,0]]],
            "objects":{"r":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[1,2]],"properties":{"fed_num":"35001","name":"West"}},
              {"type":"MultiPolygon","arcs":[[[3,-2]]],"properties":{"fed_num":24002}}]}}}"#,
        )
        .expect("json");
        let files = split(&topology).expect("split");
        assert_eq!(files.keys().copied().collect::<Vec<_>>(), ["ON", "QC"]);
        let (ontario, count) = &files["ON"];
        assert_eq!(*count, 1);
        assert!(!ontario.contains("West"), "names are canada.json's: {ontario}");
        let shapes = shapes_from_topojson(ontario).expect("readable");
        assert_eq!(locate(&shapes, (-79.5, 45.5)), Located::One(FedNum(35001)));
        let quebec = shapes_from_topojson(&files["QC"].0).expect("readable");
        assert_eq!(locate(&quebec, (-78.5, 45.5)), Located::One(FedNum(24002)));
        assert_eq!(locate(&quebec, (-79.5, 45.5)), Located::Nowhere, "Ontario's riding is not in Quebec's file");
        let value: Value = serde_json::from_str(&files["QC"].0).expect("json");
        assert_eq!(value["arcs"].as_array().map(Vec::len), Some(2), "arcs 1 and 3 only");
    }
}
