//! A small map of the ridings a postal code area is shared by, drawn as SVG paths from their boundaries: the
//! reader sees where each one lies, beside the list of the same ridings (the map is never the only way to
//! choose). Coordinates are projected (longitude shrunk by the cosine of the latitude, so shapes are not
//! stretched), fitted to a box and rounded to whole units: the paths print integers only, no float formatting.

use super::locate::{Point, Shape};
use super::FedNum;
use std::fmt::Write;

/// The drawing's width in SVG units (its height follows the ridings' shape, at most [`MAX_HEIGHT`]).
pub const WIDTH: i32 = 320;
/// The tallest drawing (a tall riding is drawn narrower instead).
pub const MAX_HEIGHT: i32 = 320;
/// Blank space around the ridings, in SVG units.
const MARGIN: i32 = 8;

/// The map: a `viewBox="0 0 width height"` and one path per riding.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    pub width: i32,
    pub height: i32,
    pub ridings: Vec<DrawnRiding>,
}

/// One riding's outline (`d` of an SVG path, even-odd fill for its holes) and where its label goes: a point
/// inside its largest part.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnRiding {
    pub fed_num: FedNum,
    pub path: String,
    pub label: (i32, i32),
}

impl Drawing {
    /// The map as SVG markup: `title` names it for screen readers, `names[i]` labels riding `i` (the first one,
    /// the likeliest, drawn darker, as it is first in the list beside the map). Styled by attributes, so the
    /// widget's stylesheet (in its first download) needs no rule for it.
    pub fn to_svg(&self, title: &str, names: &[&str]) -> String {
        let mut svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="280" viewBox="0 0 {} {}" role="img" aria-label="{}">"#,
            self.width,
            self.height,
            escape(title)
        );
        for (index, riding) in self.ridings.iter().enumerate() {
            let opacity = if index == 0 { "0.35" } else { "0.12" };
            let _ = write!(
                svg,
                r##"<path d="{}" fill-rule="evenodd" fill="#0b5cad" fill-opacity="{opacity}" stroke="#1b1b1b"/>"##,
                riding.path
            );
        }
        for (riding, name) in self.ridings.iter().zip(names) {
            let _ = write!(
                svg,
                r##"<text x="{}" y="{}" text-anchor="middle" font-size="11" font-weight="600" fill="#1b1b1b" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
                riding.label.0,
                riding.label.1,
                escape(name)
            );
        }
        svg.push_str("</svg>");
        svg
    }
}

/// Text for SVG markup: `&`, `<`, `>` and `"` escaped.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

/// Draws `shapes` together; `None` when there is nothing to draw.
pub fn draw(shapes: &[&Shape]) -> Option<Drawing> {
    let points = || shapes.iter().flat_map(|shape| shape.polygons.iter().flatten().flatten());
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points() {
        (min_x, min_y, max_x, max_y) = (min_x.min(x), min_y.min(y), max_x.max(x), max_y.max(y));
    }
    if min_x > max_x {
        return None;
    }
    let shrink = ((min_y + max_y) / 2.0).to_radians().cos();
    let (span_x, span_y) = (((max_x - min_x) * shrink).max(1e-9), (max_y - min_y).max(1e-9));
    let inner = f64::from(WIDTH - 2 * MARGIN);
    let scale = (inner / span_x).min(f64::from(MAX_HEIGHT - 2 * MARGIN) / span_y);
    let height = (span_y * scale).ceil() as i32 + 2 * MARGIN;
    let offset_x = (inner - span_x * scale) / 2.0 + f64::from(MARGIN);
    let project = |(x, y): Point| -> (i32, i32) {
        (
            ((x - min_x) * shrink * scale + offset_x).round() as i32,
            ((max_y - y) * scale + f64::from(MARGIN)).round() as i32,
        )
    };
    let ridings = shapes
        .iter()
        .map(|shape| {
            let mut path = String::new();
            for ring in shape.polygons.iter().flatten() {
                write_ring(&mut path, ring.iter().map(|&point| project(point)));
            }
            let label = label_point(shape).map_or((WIDTH / 2, height / 2), project);
            DrawnRiding { fed_num: shape.fed_num, path, label }
        })
        .collect();
    Some(Drawing { width: WIDTH, height, ridings })
}

/// `M x y l dx dy … z` with relative moves, repeated points (after rounding) left out.
fn write_ring(path: &mut String, points: impl Iterator<Item = (i32, i32)>) {
    let mut last: Option<(i32, i32)> = None;
    for point in points {
        match last {
            None => {
                let _ = write!(path, "M{} {}", point.0, point.1);
            }
            Some(previous) if previous == point => continue,
            Some(previous) => {
                let _ = write!(path, "l{} {}", point.0 - previous.0, point.1 - previous.1);
            }
        }
        last = Some(point);
    }
    if last.is_some() {
        path.push('z');
    }
}

/// A point inside the riding's largest outer ring: the middle of the widest stretch of the horizontal line
/// through the ring's middle height that lies inside it (a centroid can fall outside a crescent-shaped riding).
fn label_point(shape: &Shape) -> Option<Point> {
    let ring = shape.polygons.iter().filter_map(|rings| rings.first()).max_by(|a, b| area(a).total_cmp(&area(b)))?;
    let (low, high) = ring.iter().fold((f64::MAX, f64::MIN), |(low, high), &(_, y)| (low.min(y), high.max(y)));
    let y = (low + high) / 2.0;
    let mut crossings: Vec<f64> = Vec::new();
    let mut previous = *ring.last()?;
    for &current in ring {
        let ((x1, y1), (x2, y2)) = (previous, current);
        if (y1 > y) != (y2 > y) {
            crossings.push(x1 + (y - y1) * (x2 - x1) / (y2 - y1));
        }
        previous = current;
    }
    crossings.sort_by(f64::total_cmp);
    let widest = crossings.chunks_exact(2).max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))?;
    Some(((widest[0] + widest[1]) / 2.0, y))
}

/// A ring's area (shoelace), unsigned, in squared degrees: only to compare a riding's parts.
fn area(ring: &[Point]) -> f64 {
    let Some(&last) = ring.last() else { return 0.0 };
    let mut previous = last;
    let mut twice = 0.0;
    for &current in ring {
        twice += previous.0 * current.1 - current.0 * previous.1;
        previous = current;
    }
    (twice / 2.0).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(fed_num: u32, ring: &[Point]) -> Shape {
        Shape::new(FedNum(fed_num), vec![vec![ring.to_vec()]])
    }

    #[test]
    fn two_ridings_side_by_side_fill_the_width_and_keep_their_proportions() {
        let west = shape(35001, &[(-80.0, 45.0), (-79.0, 45.0), (-79.0, 46.0), (-80.0, 46.0)]);
        let east = shape(35002, &[(-79.0, 45.0), (-78.0, 45.0), (-78.0, 46.0), (-79.0, 46.0)]);
        let drawing = draw(&[&west, &east]).expect("a drawing");
        assert_eq!(drawing.width, WIDTH);
        // 2° of longitude at 45.5°N are 1.40° of latitude wide: the height is about half the width.
        let expected = (f64::from(WIDTH - 2 * MARGIN) / (2.0 * 45.5f64.to_radians().cos())).ceil() as i32;
        assert_eq!(drawing.height, expected + 2 * MARGIN);
        assert_eq!(drawing.ridings[0].path, "M8 225l152 0l0 -217l-152 0z");
        assert!(drawing.ridings[1].path.starts_with("M160 225"), "{}", drawing.ridings[1].path);
        assert_eq!(drawing.ridings[0].label, (84, 116));
        assert_eq!(draw(&[]), None);
    }

    #[test]
    fn the_svg_names_the_map_and_labels_each_riding_with_its_name_escaped() {
        let west = shape(35001, &[(-80.0, 45.0), (-79.0, 45.0), (-79.0, 46.0), (-80.0, 46.0)]);
        let east = shape(35002, &[(-79.0, 45.0), (-78.0, 45.0), (-78.0, 46.0), (-79.0, 46.0)]);
        let svg = draw(&[&west, &east]).expect("a drawing").to_svg("Map \"of\" ridings", &["A & B", "<C>"]);
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="280" viewBox="0 0 320 233" role="img" aria-label="Map &quot;of&quot; ridings">"#), "{svg}");
        assert_eq!(svg.matches("<path d=\"M").count(), 2);
        assert!(svg.contains(">A &amp; B</text>") && svg.contains(">&lt;C&gt;</text>"), "{svg}");
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn a_crescent_s_label_is_inside_it() {
        // A U shape: its centroid lies in the gap between the arms.
        let u = shape(
            24001,
            &[(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (2.0, 3.0), (2.0, 1.0), (1.0, 1.0), (1.0, 3.0), (0.0, 3.0)],
        );
        let label = label_point(&u).expect("a label");
        assert!(u.contains(label), "{label:?}");
    }

    #[test]
    fn points_that_round_to_the_same_unit_are_written_once() {
        let mut path = String::new();
        write_ring(&mut path, [(1, 1), (1, 1), (4, 1), (4, 5)].into_iter());
        assert_eq!(path, "M1 1l3 0l0 4z");
    }
}
