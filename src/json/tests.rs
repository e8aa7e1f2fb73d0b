//! The reader against `serde_json` (what the server writes with): the same values come back,
//! and what `serde_json` refuses is refused.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{from_str, parse, Json};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Plain,
    Wrapped(u32),
    Pair(i64, String),
    Named { a: bool, b: Option<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Inner {
    n: u8,
    x: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Outer {
    text: String,
    maybe: Option<u32>,
    #[serde(default)]
    missing: Vec<String>,
    kinds: Vec<Kind>,
    map: BTreeMap<String, Inner>,
    #[serde(flatten)]
    inner: Inner,
    negative: i32,
    c: char,
    tuple: (u16, bool),
    unit: (),
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged {
    One { value: u32 },
    Two,
}

fn sample() -> Outer {
    Outer {
        text: "引号 \" 反斜杠 \\ 换行\n制表\t控制\u{1}😀 /".to_owned(),
        maybe: None,
        missing: vec![],
        kinds: vec![
            Kind::Plain,
            Kind::Wrapped(7),
            Kind::Pair(-3, "p".to_owned()),
            Kind::Named {
                a: true,
                b: Some("b".to_owned()),
            },
        ],
        map: BTreeMap::from([("k".to_owned(), Inner { n: 255, x: -1.5e-3 })]),
        inner: Inner { n: 0, x: 2.0 },
        negative: -2_000_000,
        c: '字',
        tuple: (65535, false),
        unit: (),
    }
}

#[test]
fn reads_back_what_serde_json_writes() {
    let value = sample();
    let text = serde_json::to_string(&value).unwrap();
    assert_eq!(from_str::<Outer>(&text), Some(value.clone()));
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    assert_eq!(from_str::<Outer>(&pretty), Some(value));
}

#[test]
fn reads_the_api_error_body_and_domain_answers() {
    let body = portal_domain::api::ApiErrorBody {
        code: "validation_failed".to_owned(),
        message: "请检查".to_owned(),
        fields: BTreeMap::from([(
            "mobile".to_owned(),
            portal_domain::api::FieldError {
                code: "mobile.invalid".to_owned(),
                message: "手机号码".to_owned(),
            },
        )]),
    };
    let text = serde_json::to_string(&body).unwrap();
    assert_eq!(from_str(&text), Some(body));
    // Fields the type does not know are skipped; a missing `#[serde(default)]` is its default.
    let body: portal_domain::api::ApiErrorBody =
        from_str(r#"{"extra":[1,{"a":null}],"code":"c","message":"m"}"#).unwrap();
    assert!(body.fields.is_empty());
}

#[test]
fn reads_internally_tagged_enums() {
    assert_eq!(
        from_str::<Tagged>(r#"{"kind":"one","value":3}"#),
        Some(Tagged::One { value: 3 })
    );
    assert_eq!(from_str::<Tagged>(r#"{"kind":"two"}"#), Some(Tagged::Two));
}

#[test]
fn numbers_as_serde_json_reads_them() {
    for text in [
        "0",
        "-0",
        "12",
        "-12",
        "1.5",
        "-0.25",
        "1e3",
        "2E-2",
        "18446744073709551615",
    ] {
        let ours = from_str::<f64>(text);
        let theirs = serde_json::from_str::<f64>(text).ok();
        assert_eq!(ours, theirs, "{text}");
    }
    assert_eq!(from_str::<u64>("18446744073709551615"), Some(u64::MAX));
    assert_eq!(from_str::<i64>("-9223372036854775808"), Some(i64::MIN));
    assert_eq!(from_str::<u8>("256"), None);
    assert_eq!(from_str::<u32>("-1"), None);
    assert_eq!(from_str::<u32>("1.5"), None);
}

#[test]
fn refuses_what_is_not_json() {
    for text in [
        "",
        " ",
        "nul",
        "tru",
        "[1,]",
        "[1 2]",
        "{\"a\":1,}",
        "{a:1}",
        "{\"a\" 1}",
        "01",
        "1.",
        "-",
        ".5",
        "1e",
        "\"open",
        "\"bad \\x escape\"",
        "\"\\ud800\"",
        "\"\\u12\"",
        "[1]]",
        "\"raw\ncontrol\"",
        "{\"a\":1} x",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "{text:?}"
        );
    }
}

#[test]
fn refuses_the_wrong_shape() {
    assert_eq!(from_str::<String>("1"), None);
    assert_eq!(from_str::<Vec<u8>>("{}"), None);
    assert_eq!(from_str::<Inner>("[1, 2.0]"), None);
    assert_eq!(from_str::<Inner>(r#"{"n":1}"#), None);
    assert_eq!(from_str::<Kind>(r#""nope""#), None);
    assert_eq!(from_str::<Kind>(r#"{"wrapped":1,"plain":null}"#), None);
    assert_eq!(from_str::<()>("0"), None);
}

#[test]
fn escapes_and_nesting() {
    assert_eq!(
        parse(r#" "\u00e9\ud83d\ude00\/\b\f\r" "#),
        Some(Json::Str("é😀/\u{8}\u{c}\r".to_owned()))
    );
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert_eq!(parse(&deep), None);
    let fine = "[".repeat(100) + &"]".repeat(100);
    assert!(parse(&fine).is_some());
}
