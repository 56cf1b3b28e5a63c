//! Checks a JSON value against the campaign's JSON Schema (the subset of JSON Schema that schemars emits),
//! reporting every mismatch with its path rather than stopping at the first, as serde would.

use super::path;
use super::problem::{JsonType, Message, Problem};
use serde_json::{Map, Value};

/// Follows `$ref`s into the schema's `$defs`.
pub(super) struct Walker<'s> {
    root: &'s Value,
}

impl<'s> Walker<'s> {
    pub(super) fn new(root: &'s Value) -> Self {
        Walker { root }
    }

    pub(super) fn check_root(&self, value: &Value, out: &mut Vec<Problem>) {
        self.check(value, self.root, "", out);
    }

    fn resolve(&self, mut node: &'s Value) -> &'s Value {
        // A chain of references is short in practice; the bound only protects against a cyclic schema.
        for _ in 0..16 {
            let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let target = reference
                .strip_prefix("#/$defs/")
                .and_then(|name| self.root.get("$defs").and_then(|defs| defs.get(name)));
            match target {
                Some(def) => node = def,
                None => break,
            }
        }
        node
    }

    fn check(&self, value: &Value, node: &'s Value, at: &str, out: &mut Vec<Problem>) {
        let node = self.resolve(node);
        if let Some(branches) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
            self.check_alternatives(value, branches, at, out);
            return;
        }
        if let Some(types) = node.get("type") {
            let allowed = schema_types(types);
            if !allowed.iter().any(|t| type_matches(value, *t)) {
                let expected = allowed.into_iter().filter(|t| *t != JsonType::Null).collect();
                out.push(Problem::error(at, Message::WrongType { expected, found: JsonType::of(value) }));
                return;
            }
        }
        if let Some(allowed) = node.get("enum").and_then(Value::as_array) {
            if !allowed.contains(value) {
                out.push(not_allowed(at, value, allowed.iter()));
                return;
            }
        }
        if let Some(constant) = node.get("const") {
            if constant != value {
                out.push(not_allowed(at, value, std::iter::once(constant)));
                return;
            }
        }
        match value {
            Value::Object(fields) => self.check_object(fields, node, at, out),
            Value::Array(items) => self.check_array(items, node, at, out),
            Value::Number(number) => check_range(number.as_f64(), node, at, out),
            _ => {}
        }
    }

    fn check_alternatives(&self, value: &Value, branches: &'s [Value], at: &str, out: &mut Vec<Problem>) {
        let resolved: Vec<&Value> = branches.iter().map(|b| self.resolve(b)).collect();
        // An enum whose variants carry descriptions: every branch is a `const`.
        if resolved.iter().all(|b| b.get("const").is_some()) {
            if !resolved.iter().any(|b| b.get("const") == Some(value)) {
                out.push(not_allowed(at, value, resolved.iter().filter_map(|b| b.get("const"))));
            }
            return;
        }
        let mut first_plausible: Option<Vec<Problem>> = None;
        for branch in &resolved {
            let mut attempt = Vec::new();
            self.check(value, branch, at, &mut attempt);
            if attempt.is_empty() {
                return;
            }
            // Report the problems of the branch whose shape the value has (an object for an object, …).
            if first_plausible.is_none() && branch_accepts_type(self, branch, value) {
                first_plausible = Some(attempt);
            }
        }
        match first_plausible {
            Some(problems) => out.extend(problems),
            None => {
                let mut expected: Vec<JsonType> = Vec::new();
                for branch in &resolved {
                    for t in branch.get("type").map(schema_types).unwrap_or_default() {
                        if t != JsonType::Null && !expected.contains(&t) {
                            expected.push(t);
                        }
                    }
                }
                out.push(Problem::error(at, Message::WrongType { expected, found: JsonType::of(value) }));
            }
        }
    }

    fn check_object(&self, fields: &Map<String, Value>, node: &'s Value, at: &str, out: &mut Vec<Problem>) {
        let properties = node.get("properties").and_then(Value::as_object);
        for name in node.get("required").and_then(Value::as_array).into_iter().flatten() {
            if let Some(name) = name.as_str() {
                if !fields.contains_key(name) {
                    out.push(Problem::error(path::key(at, name), Message::MissingField));
                }
            }
        }
        for (name, value) in fields {
            let child = path::key(at, name);
            if let Some(schema) = properties.and_then(|p| p.get(name)) {
                self.check(value, schema, &child, out);
                continue;
            }
            match node.get("additionalProperties") {
                Some(Value::Bool(false)) => {
                    let known = properties.map(|p| p.keys().map(String::as_str).collect()).unwrap_or_default();
                    let suggestion = closest(name, known).map(str::to_owned);
                    out.push(Problem::error(child, Message::UnknownField { name: name.clone(), suggestion }));
                }
                Some(schema @ Value::Object(_)) => self.check(value, schema, &child, out),
                _ => {}
            }
        }
    }

    fn check_array(&self, items: &[Value], node: &'s Value, at: &str, out: &mut Vec<Problem>) {
        if let Some(min) = node.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                out.push(Problem::error(at, Message::TooFewItems { min }));
            }
        }
        if let Some(schema) = node.get("items") {
            for (index, item) in items.iter().enumerate() {
                self.check(item, schema, &path::index(at, index), out);
            }
        }
    }
}

fn branch_accepts_type(walker: &Walker<'_>, branch: &Value, value: &Value) -> bool {
    let branch = walker.resolve(branch);
    match branch.get("type") {
        Some(types) => schema_types(types).iter().any(|t| type_matches(value, *t)),
        None => false,
    }
}

fn check_range(number: Option<f64>, node: &Value, at: &str, out: &mut Vec<Problem>) {
    let Some(number) = number else { return };
    // schemars states the Rust integer type as a `format`; its bounds are the real limits.
    let (format_min, format_max) = match node.get("format").and_then(Value::as_str) {
        Some("uint8") => (Some(0.0), Some(f64::from(u8::MAX))),
        Some("uint16") => (Some(0.0), Some(f64::from(u16::MAX))),
        Some("uint32") => (Some(0.0), Some(f64::from(u32::MAX))),
        Some("int32") => (Some(f64::from(i32::MIN)), Some(f64::from(i32::MAX))),
        _ => (None, None),
    };
    let min = node.get("minimum").and_then(Value::as_f64).or(format_min);
    let max = node.get("maximum").and_then(Value::as_f64).or(format_max);
    if min.is_some_and(|m| number < m) || max.is_some_and(|m| number > m) {
        out.push(Problem::error(at, Message::OutOfRange { min, max }));
    }
}

fn not_allowed<'v>(at: &str, value: &Value, allowed: impl Iterator<Item = &'v Value>) -> Problem {
    let show = |v: &Value| v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string());
    Problem::error(at, Message::NotAllowed { found: show(value), allowed: allowed.map(show).collect() })
}

/// The kinds a schema `type` keyword allows (a name or a list of names).
fn schema_types(types: &Value) -> Vec<JsonType> {
    match types {
        Value::String(name) => JsonType::from_schema_name(name).into_iter().collect(),
        Value::Array(names) => names.iter().filter_map(Value::as_str).filter_map(JsonType::from_schema_name).collect(),
        _ => Vec::new(),
    }
}

fn type_matches(value: &Value, wanted: JsonType) -> bool {
    match (wanted, JsonType::of(value)) {
        (JsonType::Number, JsonType::WholeNumber) => true,
        (wanted, found) => wanted == found,
    }
}

/// The known name an unknown field was probably meant to be: same letters ignoring case, `-` and `_`, or at most
/// two edits away (one for short names).
pub(super) fn closest<'k>(name: &str, known: Vec<&'k str>) -> Option<&'k str> {
    let squash = |s: &str| s.to_lowercase().replace(['-', '_', ' '], "");
    if let Some(same) = known.iter().find(|k| squash(k) == squash(name)) {
        return Some(same);
    }
    let limit = if name.chars().count() <= 4 { 1 } else { 2 };
    known
        .into_iter()
        .map(|k| (edit_distance(&name.to_lowercase(), k), k))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
