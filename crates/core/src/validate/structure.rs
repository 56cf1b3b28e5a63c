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
        Some("uint8") => (Some(0), Some(i64::from(u8::MAX))),
        Some("uint16") => (Some(0), Some(i64::from(u16::MAX))),
        Some("uint32") => (Some(0), Some(i64::from(u32::MAX))),
        Some("int32") => (Some(i64::from(i32::MIN)), Some(i64::from(i32::MAX))),
        _ => (None, None),
    };
    let min = node.get("minimum").and_then(Value::as_i64).or(format_min);
    let max = node.get("maximum").and_then(Value::as_i64).or(format_max);
    // Bounds are whole numbers well inside f64's exact range.
    if min.is_some_and(|m| number < m as f64) || max.is_some_and(|m| number > m as f64) {
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
    // Field names are ASCII; ASCII case folding also keeps Unicode tables out of the wasm bundle.
    let squash = |s: &str| s.to_ascii_lowercase().replace(['-', '_', ' '], "");
    if let Some(same) = known.iter().find(|k| squash(k) == squash(name)) {
        return Some(same);
    }
    let limit = if name.chars().count() <= 4 { 1 } else { 2 };
    known
        .into_iter()
        .map(|k| (edit_distance(&name.to_ascii_lowercase(), k), k))
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

/// A copy of `value` that has the campaign's shape, so that the semantic rules can still run when the shape is
/// wrong: unknown fields are dropped, ill-typed values become neutral ones (absent when optional), missing required
/// fields get neutral values. Every change corresponds to a problem `check_root` has already reported.
pub(super) fn repair(walker: &Walker<'_>, value: &Value) -> Value {
    walker.repair(value, walker.root)
}

impl<'s> Walker<'s> {
    fn accepts(&self, value: &Value, node: &'s Value) -> bool {
        let mut problems = Vec::new();
        self.check(value, node, "", &mut problems);
        problems.is_empty()
    }

    fn repair(&self, value: &Value, node: &'s Value) -> Value {
        let node = self.resolve(node);
        if let Some(branches) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
            if self.accepts(value, node) {
                return value.clone();
            }
            let plausible = branches.iter().find(|b| branch_accepts_type(self, b, value) && !is_null_schema(self, b));
            return match plausible {
                Some(branch) => self.repair(value, branch),
                None => self.neutral(node),
            };
        }
        if let Some(types) = node.get("type") {
            if !schema_types(types).iter().any(|t| type_matches(value, *t)) {
                return self.neutral(node);
            }
        }
        let allowed_enum = node.get("enum").and_then(Value::as_array);
        if allowed_enum.is_some_and(|allowed| !allowed.contains(value))
            || node.get("const").is_some_and(|constant| constant != value)
        {
            return self.neutral(node);
        }
        match value {
            Value::Object(fields) => {
                let properties = node.get("properties").and_then(Value::as_object);
                let mut repaired = Map::new();
                for (name, field) in fields {
                    match (properties.and_then(|p| p.get(name)), node.get("additionalProperties")) {
                        (Some(schema), _) => {
                            repaired.insert(name.clone(), self.repair(field, schema));
                        }
                        (None, Some(Value::Bool(false))) => {}
                        (None, Some(schema @ Value::Object(_))) => {
                            repaired.insert(name.clone(), self.repair(field, schema));
                        }
                        (None, _) => {
                            repaired.insert(name.clone(), field.clone());
                        }
                    }
                }
                for name in node.get("required").and_then(Value::as_array).into_iter().flatten() {
                    let (Some(name), Some(properties)) = (name.as_str(), properties) else { continue };
                    if !repaired.contains_key(name) {
                        let neutral = properties.get(name).map(|p| self.neutral(p)).unwrap_or(Value::Null);
                        repaired.insert(name.to_owned(), neutral);
                    }
                }
                Value::Object(repaired)
            }
            Value::Array(items) => match node.get("items") {
                Some(schema) => Value::Array(items.iter().map(|item| self.repair(item, schema)).collect()),
                None => value.clone(),
            },
            Value::Number(number) => {
                let mut out = Vec::new();
                check_range(number.as_f64(), node, "", &mut out);
                if out.is_empty() {
                    value.clone()
                } else {
                    self.neutral(node)
                }
            }
            _ => value.clone(),
        }
    }

    /// The plainest value a schema accepts: null for optional values, else its default, else an empty one.
    fn neutral(&self, node: &'s Value) -> Value {
        let node = self.resolve(node);
        if let Some(branches) = node.get("anyOf").or_else(|| node.get("oneOf")).and_then(Value::as_array) {
            if branches.iter().any(|b| is_null_schema(self, b)) {
                return Value::Null;
            }
            return branches.first().map(|b| self.neutral(b)).unwrap_or(Value::Null);
        }
        if let Some(default) = node.get("default") {
            return default.clone();
        }
        if let Some(first) = node.get("enum").and_then(Value::as_array).and_then(|a| a.first()) {
            return first.clone();
        }
        if let Some(constant) = node.get("const") {
            return constant.clone();
        }
        let types = node.get("type").map(schema_types).unwrap_or_default();
        if types.contains(&JsonType::Null) {
            return Value::Null;
        }
        match types.first() {
            Some(JsonType::Text) => Value::String(String::new()),
            Some(JsonType::WholeNumber | JsonType::Number) => {
                node.get("minimum").cloned().unwrap_or_else(|| Value::from(0))
            }
            Some(JsonType::TrueFalse) => Value::Bool(false),
            Some(JsonType::List) => Value::Array(Vec::new()),
            Some(JsonType::Group) => self.repair(&Value::Object(Map::new()), node),
            Some(JsonType::Null) | None => Value::Null,
        }
    }
}

fn is_null_schema(walker: &Walker<'_>, branch: &Value) -> bool {
    walker.resolve(branch).get("type").map(schema_types).is_some_and(|t| t == [JsonType::Null])
}
