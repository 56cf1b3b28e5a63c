//! The widget's small JSON reader (`voix_core::json`) against serde_json: the same values from valid JSON, and for
//! broken JSON the same error, at the same line and column, as `voix check` reports (serde_json reading a
//! `serde_json::Value`). Reading whole campaigns is compared in `widget_read.rs`.

use serde_json::Value;
use voix_core::json::{self, Kind};
use voix_core::validate::{read_campaign, Message, SyntaxKind};
use voix_core::validate_campaign;

/// The small reader's value as a serde_json value, to compare the two readers' results.
fn to_serde(value: &json::Value) -> Value {
    match &value.kind {
        Kind::Null => Value::Null,
        Kind::Bool(value) => Value::Bool(*value),
        Kind::Number(text) => serde_json::from_str(text).expect("a number serde reads"),
        Kind::String(text) => Value::String(text.clone()),
        Kind::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        // serde_json keeps the last of repeated keys.
        Kind::Object(members) => Value::Object(members.iter().map(|m| (m.key.clone(), to_serde(&m.value))).collect()),
    }
}

/// Both readers agree on `source`: the same value, or the same error words at the same line and column.
fn agrees(source: &str) {
    let ours = json::parse(source);
    let serde = serde_json::from_str::<Value>(source);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => assert_eq!(&to_serde(a), b, "{source:?}"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{source:?}"),
        _ => panic!("{source:?}: ours {ours:?}, serde {serde:?}"),
    }
}

#[test]
fn broken_json_gives_the_same_problem_as_voix_check() {
    use SyntaxKind::*;
    let other = |words: &str| Other(words.to_owned());
    let table: &[(&str, SyntaxKind, (usize, usize))] = &[
        ("{\"schema\": \"x\"\n \"id\": \"y\"}", ExpectedCommaOrBrace, (2, 2)),
        ("[1 2]", ExpectedCommaOrBracket, (1, 4)),
        ("{\"a\": 1,}", TrailingComma, (1, 9)),
        ("[1,\n]", TrailingComma, (2, 1)),
        ("{schema: 1}", KeyNotQuoted, (1, 2)),
        ("{\"a\": 1, b: 2}", KeyNotQuoted, (1, 10)),
        ("{'schema': 1}", KeyNotQuoted, (1, 2)),
        ("{\"a\": 'x'}", ExpectedValue, (1, 7)),
        ("{\"a\" 1}", ExpectedColon, (1, 6)),
        ("{\"a\": \"unfinished", EndsTooSoon, (1, 17)),
        ("{\"a\": {\"b\": 1}", EndsTooSoon, (1, 14)),
        ("{\"a\": [1, 2", EndsTooSoon, (1, 11)),
        ("[1,", EndsTooSoon, (1, 3)),
        ("{\"a\":", EndsTooSoon, (1, 5)),
        ("", EndsTooSoon, (1, 0)),
        ("  \n", EndsTooSoon, (2, 0)),
        ("{\"a\": \"\\x\"}", InvalidEscape, (1, 9)),
        ("{\"a\": \"\\u12G4\"}", InvalidEscape, (1, 13)),
        ("{\"a\": \"\\u12", EndsTooSoon, (1, 11)),
        ("{\"a\": \"tab\there\"}", ControlCharacter, (1, 11)),
        ("{\"a\": \"line\nbreak\"}", ControlCharacter, (2, 0)),
        ("{\"a\": \"\\uDE00\"}", other("lone leading surrogate in hex escape"), (1, 13)),
        ("{\"a\": \"\\uD83D\"}", other("unexpected end of hex escape"), (1, 14)),
        ("{\"a\": \"\\uD83D\\n\"}", other("unexpected end of hex escape"), (1, 15)),
        ("{\"a\": \"\\uD83D\\u0041\"}", other("lone leading surrogate in hex escape"), (1, 19)),
        ("{\"goal\": 0100}", InvalidNumber, (1, 11)),
        ("{\"goal\": -}", InvalidNumber, (1, 11)),
        ("{\"goal\": 1.}", InvalidNumber, (1, 12)),
        ("{\"goal\": 1e}", InvalidNumber, (1, 12)),
        ("{\"goal\": .5}", ExpectedValue, (1, 10)),
        ("{\"goal\": +5}", ExpectedValue, (1, 10)),
        ("{\"goal\": 1e400}", InvalidNumber, (1, 14)),
        ("{\"goal\": -2e308}", InvalidNumber, (1, 15)),
        ("{\"ok\": tru}", BareWord, (1, 11)),
        ("{\"ok\": True}", ExpectedValue, (1, 8)),
        ("{\"ok\": nul", EndsTooSoon, (1, 10)),
        ("{\"a\": 1} {", TextAfterEnd, (1, 10)),
        ("{\"a\": 1}}", TextAfterEnd, (1, 9)),
        ("{\"a\": 1 // comment\n}", ExpectedCommaOrBrace, (1, 9)),
    ];
    for (source, kind, position) in table {
        agrees(source);
        // The widget and `voix check` report the same problem.
        let lean = read_campaign(source);
        let full = validate_campaign(source, None);
        assert_eq!(lean.problems.len(), 1, "{source:?}");
        assert_eq!(lean.problems[0], full.problems[0], "{source:?}");
        assert_eq!(lean.problems[0].message, Message::Syntax(kind.clone()), "{source:?}");
        assert_eq!(lean.problems[0].position, Some(*position), "{source:?}");
    }
}

#[test]
fn valid_json_reads_the_same_values() {
    let sources = [
        r#"{"a": "plain", "b": "\" \\ \/ \b \f \n \r \t", "c": "\u00e9\u0041\u2028", "d": "\uD83D\uDE00 \ud83d\ude00"}"#,
        r#"["é", "日本", "😀", "", "\u0000"]"#,
        r#"[0, -0, 1, -1, 12.5e-3, 1E+2, 18446744073709551615, 18446744073709551616, -9223372036854775808, 1e308]"#,
        r#"{"a": 1, "a": 2}"#,
        " \t\r\n{ \"a\" : [ true , false , null ] }\n ",
        "17",
        "\"text\"",
        "[[[[[[[[[[]]]]]]]]]]",
        "1.7976931348623157e308",
        "-1.7976931348623157e308",
        "0.00000000000000000000000000000000000000001e330",
    ];
    for source in sources {
        agrees(source);
    }
    for file in ["lawful-access.json", "glossary.json"] {
        let path = format!("{}/../../campaigns/{file}", env!("CARGO_MANIFEST_DIR"));
        agrees(&std::fs::read_to_string(path).expect("campaign file"));
    }
}

#[test]
fn numbers_too_large_for_a_float_are_out_of_range_as_in_serde_json() {
    let long = |digits: usize| format!("1{}", "0".repeat(digits));
    for source in [
        long(300),
        long(308),
        long(309),
        long(400),
        format!("[{}.5e-100]", long(400)),
        "1.7976931348623158e308".to_owned(),
        "1.797693134862316e308".to_owned(),
        "179.76931348623157e306".to_owned(),
        "0.17976931348623157e309".to_owned(),
        "1e308".to_owned(),
        "1e309".to_owned(),
        "0e999999999999".to_owned(),
        "1e99999999999999999999".to_owned(),
        "1e-99999999999999999999".to_owned(),
        "-1e309".to_owned(),
        format!("{}e99999999999", long(25)),
        format!("{}e-99999999999", long(25)),
        format!("{}e285", long(25)),
        format!("{}e284", long(25)),
        format!("0.{}1e99999999999", "0".repeat(30)),
        "0.0e99999999999".to_owned(),
        "-0e5".to_owned(),
    ] {
        agrees(&source);
    }
}

#[test]
fn nesting_stops_where_serde_json_stops() {
    for depth in [126, 127, 128, 129, 1000] {
        agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        agrees(&format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)));
    }
}

/// Every way of cutting or slightly breaking a small document, compared with serde_json.
#[test]
fn cut_and_broken_documents_give_the_same_errors() {
    let document = "{\n  \"schema\": \"voix/campaign/v1\",\n  \"list\": [1, -2.5e3, true, null, {\"é\": \"\\u00e9\\uD83D\\uDE00\\n\"}],\n  \"deep\": {\"a\": [[], {}], \"b\": \"x\"}\n}\n";
    let boundaries: Vec<usize> = (0..=document.len()).filter(|&i| document.is_char_boundary(i)).collect();
    for &cut in &boundaries {
        agrees(&document[..cut]);
        for insert in [",", "\"", "}", "]", "x", "\\", "\n", ":", "0", "\u{1}"] {
            agrees(&format!("{}{insert}{}", &document[..cut], &document[cut..]));
        }
    }
    for pair in boundaries.windows(2) {
        agrees(&format!("{}{}", &document[..pair[0]], &document[pair[1]..]));
    }
}

#[test]
fn integers_out_of_range_are_refused_as_serde_refuses_them() {
    let campaign = |goal: &str, retention: &str| {
        let source =
            std::fs::read_to_string(format!("{}/../../campaigns/lawful-access.json", env!("CARGO_MANIFEST_DIR")));
        let mut value: Value = serde_json::from_str(&source.expect("campaign")).expect("json");
        value["petition"]["goal"] = serde_json::json!("@goal");
        value["letter"]["retention_days"] = serde_json::json!("@retention");
        value.to_string().replace("\"@goal\"", goal).replace("\"@retention\"", retention)
    };
    let numbers =
        ["0", "1", "65535", "65536", "4294967295", "4294967296", "18446744073709551615", "-1", "-9223372036854775808"];
    for number in numbers {
        for source in [campaign(number, "30"), campaign("1", number)] {
            let ours = json::from_str::<voix_core::Campaign>(&source).map_err(|e| e.to_string());
            let serde = serde_json::from_str::<voix_core::Campaign>(&source).map_err(|e| e.to_string());
            assert_eq!(ours, serde, "{number}");
        }
    }
    // Floats: refused too (serde's message writes the float its own way; ours quotes the text).
    for number in ["1.5", "1e3", "-0", "18446744073709551616", "-9223372036854775809"] {
        for source in [campaign(number, "30"), campaign("1", number)] {
            let error = json::from_str::<voix_core::Campaign>(&source).expect_err(number);
            let serde = serde_json::from_str::<voix_core::Campaign>(&source).expect_err(number);
            assert!(error.to_string().starts_with("invalid type: floating point"), "{error}");
            assert_eq!(error.position(), (serde.line(), serde.column()), "{number}");
        }
    }
}

#[test]
fn the_shared_glossary_reads_as_serde_reads_it() {
    let path = format!("{}/../../campaigns/glossary.json", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(path).expect("glossary");
    let ours: voix_core::explainer::GlossaryFile = json::from_str(&source).expect("reads");
    let serde: voix_core::explainer::GlossaryFile = serde_json::from_str(&source).expect("reads");
    assert_eq!(ours, serde);
    for broken in [
        r#"{"schema": "voix/glossary/v1"}"#,
        r#"{"schema": "voix/glossary/v1", "terms": [], "extra": 1}"#,
        r#"{"schema": "voix/glossary/v1", "terms": [{"id": "x", "term": {"en": "X"}, "definition": {}}]}"#,
        r#"{"schema": 1, "terms": []}"#,
    ] {
        let ours = json::from_str::<voix_core::explainer::GlossaryFile>(broken).map_err(|e| e.to_string());
        let serde = serde_json::from_str::<voix_core::explainer::GlossaryFile>(broken).map_err(|e| e.to_string());
        assert_eq!(ours, serde, "{broken}");
    }
}
