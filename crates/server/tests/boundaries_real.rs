//! The point-in-polygon on the real ridings' boundaries (`data/boundaries/exact`, what the widget and
//! `voix lookup --at` read): checked against a second, independent test (the winding number) on random points of
//! every riding, and the data's real overlaps answered as overlaps, not guessed.

use std::path::Path;
use voix_core::directory::locate::{riding_at, shapes_from_topojson, Miss, Point, Shape};
use voix_core::directory::FedNum;

fn real_shapes() -> Vec<Shape> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/boundaries/exact");
    let mut paths: Vec<_> =
        std::fs::read_dir(&folder).expect("data/boundaries/exact").map(|entry| entry.expect("entry").path()).collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|path| shapes_from_topojson(&std::fs::read_to_string(path).expect("read")).expect("topojson"))
        .collect()
}

/// The winding number of `ring` around `point` (Sunday's algorithm): another way to say "inside" than the
/// crossing count the lookup uses.
fn winding(ring: &[Point], (x, y): Point) -> i32 {
    let mut winding = 0;
    for (index, &(x1, y1)) in ring.iter().enumerate() {
        let (x2, y2) = ring[(index + 1) % ring.len()];
        let side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
        if y1 <= y && y2 > y && side > 0.0 {
            winding += 1;
        } else if y1 > y && y2 <= y && side < 0.0 {
            winding -= 1;
        }
    }
    winding
}

/// Inside by winding: each ring's own test is its winding number, and a polygon holds the point when an odd number
/// of its rings do (its outer ring and none of its holes; the data does not always walk holes the other way).
fn inside_by_winding(shape: &Shape, point: Point) -> bool {
    shape.polygons.iter().any(|rings| rings.iter().filter(|ring| winding(ring, point) != 0).count() % 2 == 1)
}

#[test]
fn random_points_of_every_real_riding_are_found_in_it() {
    let shapes = real_shapes();
    assert_eq!(shapes.len(), 343, "the ridings of the 2023 Representation Order");
    let mut seed: u64 = 0x0dd_ba11;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let (mut tried, mut inside, mut disagreements, mut overlaps) = (0, 0, 0, 0);
    for shape in &shapes {
        let outer = shape.polygons.iter().filter_map(|rings| rings.first()).flatten();
        let (min_x, min_y, max_x, max_y) = outer.fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, &(x, y)| {
            (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
        });
        let mut found = 0;
        while found < 25 && tried < 2_000_000 {
            tried += 1;
            let point = (min_x + next() * (max_x - min_x), min_y + next() * (max_y - min_y));
            let by_winding = inside_by_winding(shape, point);
            if by_winding != shape.contains(point) {
                disagreements += 1;
            }
            if !by_winding {
                continue;
            }
            found += 1;
            inside += 1;
            match riding_at(&shapes, point) {
                Ok(fed_num) => assert_eq!(fed_num, shape.fed_num, "{point:?}"),
                Err(Miss::Several(list)) if list.contains(&shape.fed_num) => overlaps += 1,
                Err(miss) => panic!("{point:?} inside {} answered {miss:?}", shape.fed_num),
            }
        }
        assert_eq!(found, 25, "riding {}: too few points inside its bounds", shape.fed_num);
    }
    println!("{inside} points inside, {overlaps} in an overlap of two ridings, {disagreements} disagreements");
    assert_eq!(disagreements, 0, "the crossing count and the winding number agree on every point");
    assert!(overlaps * 200 <= inside, "overlaps are rare: {overlaps} of {inside}");
}

#[test]
fn the_data_s_overlaps_and_the_territories_are_answered_honestly() {
    let shapes = real_shapes();
    let at = |lat: f64, lon: f64| riding_at(&shapes, (lon, lat));
    // Two ridings of the Fraser Valley overlap here in the data: both are said, neither is chosen.
    assert_eq!(at(49.08, -122.68), Err(Miss::Several(vec![FedNum(59001), FedNum(59032)])));
    assert_eq!(at(45.4236, -75.7009), Ok(FedNum(35079)), "Parliament Hill: Ottawa Centre");
    // Fort Smith, NT: in the full-resolution file it lies in a strip along 60°N that is in no riding; the
    // simplified boundaries close that strip, and the town is in the Northwest Territories' riding.
    assert_eq!(at(60.0054, -111.8939), Ok(FedNum(61001)));
    assert_eq!(at(60.7212, -135.0568), Ok(FedNum(60001)), "Whitehorse");
    assert_eq!(at(41.0, -75.7), Err(Miss::OutsideCanada), "Pennsylvania, south of Canada's bounds");
    assert_eq!(at(44.0, -74.0), Err(Miss::NoRiding), "upstate New York, inside the bounding box");
    assert_eq!(at(-75.7009, 45.4236), Err(Miss::OutsideCanada), "latitude and longitude swapped");
}
