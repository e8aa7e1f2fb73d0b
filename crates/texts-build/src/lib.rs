//! The one way texts are written in this project: a catalog per part of the product, one TOML
//! file per language (`locales/zh/gi.toml`, `locales/en/gi.toml`), turned into Rust by a build
//! script. A translator edits TOML and never reads Rust; the code reads a struct field
//! (`texts.search_label`) or calls a method (`texts.total(n)`), so a text the code uses but the
//! catalog lacks is a compile error, as it was with the hand-written structs before.
//!
//! A catalog file holds, per key:
//! - a string: a fixed text (`search_button = "搜索"`), a `&'static str` field;
//! - a string with `{name}` placeholders: a text with values in it
//!   (`total = "共找到 {n} 个地理标志产品"`), a method taking one `Display` argument per
//!   placeholder, in the order they first appear in the Chinese text (the source language; a
//!   translation may put them in any order). `{{` and `}}` are literal braces;
//! - an array of strings: a list (tips, steps), a `[&'static str; N]` field;
//! - a table `{ one = "1 message", other = "{n} messages" }`: a count said differently when it
//!   is one (English needs it, Chinese does not); the method's `n` is then a `u64`, in every
//!   language. A plain text with `{n}` in another language is fine.
//!
//! The build fails, naming the file and key, when the languages do not have the same keys, a
//! key is a string in one and a list in the other, lists differ in length, or a translation
//! does not use exactly the placeholders of the source text.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The languages, in the order of `portal_domain::Lang`'s variants: (folder, variant).
pub const LANGUAGES: [(&str, &str); 2] = [("zh", "Zh"), ("en", "En")];

/// One catalog to generate.
pub struct Catalog<'a> {
    /// The file stem: `gi` reads `locales/zh/gi.toml` and `locales/en/gi.toml`.
    pub name: &'a str,
    /// The generated struct: `GiTexts`.
    pub struct_name: &'a str,
    /// The generated function that picks a language's texts: `gi_texts`.
    pub accessor: &'a str,
}

/// `catalog("gi", "GiTexts", "gi_texts")`: a [`Catalog`] by its three names.
pub const fn catalog<'a>(name: &'a str, struct_name: &'a str, accessor: &'a str) -> Catalog<'a> {
    Catalog {
        name,
        struct_name,
        accessor,
    }
}

/// For a build script: generates each catalog into `$OUT_DIR/texts_<name>.rs` (include it with
/// `include!(concat!(env!("OUT_DIR"), "/texts_gi.rs"))`), naming the language type by
/// `lang_path` (`portal_domain::Lang`, or `crate::Lang` inside the domain crate). Panics with
/// the catalog's problems, which fails the build with them.
pub fn generate(locales: &Path, lang_path: &str, catalogs: &[Catalog]) {
    let out = std::env::var("OUT_DIR").expect("run from a build script");
    for catalog in catalogs {
        let mut sources = Vec::new();
        for (folder, _) in LANGUAGES {
            let path = locales.join(folder).join(format!("{}.toml", catalog.name));
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            sources.push((path.display().to_string(), text));
        }
        let code = render(catalog, lang_path, &sources).unwrap_or_else(|problems| {
            panic!("text catalog `{}`:\n{}", catalog.name, problems.join("\n"))
        });
        let target = Path::new(&out).join(format!("texts_{}.rs", catalog.name));
        std::fs::write(&target, code).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
    }
}

/// What a key holds.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    /// A text with placeholders, and their names in order of first appearance.
    Template(String, Vec<String>),
    /// A count's text when it is one and otherwise, and the placeholders of both.
    Plural {
        one: String,
        other: String,
        names: Vec<String>,
    },
    List(Vec<String>),
}

impl Value {
    fn names(&self) -> Option<&Vec<String>> {
        match self {
            Value::Template(_, names) | Value::Plural { names, .. } => Some(names),
            _ => None,
        }
    }
}

/// The Rust code of one catalog, or every problem found in its files. `sources` are
/// (file name, contents) in the order of [`LANGUAGES`].
fn render(
    catalog: &Catalog,
    lang_path: &str,
    sources: &[(String, String)],
) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let mut languages: Vec<BTreeMap<String, Value>> = Vec::new();
    for (file, text) in sources {
        match parse(file, text) {
            Ok(values) => languages.push(values),
            Err(mut found) => problems.append(&mut found),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let source = &languages[0];
    for ((file, _), values) in sources.iter().zip(&languages).skip(1) {
        compare(&sources[0].0, source, file, values, &mut problems);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(code(catalog, lang_path, &languages))
}

fn parse(file: &str, text: &str) -> Result<BTreeMap<String, Value>, Vec<String>> {
    let table: toml::Table = text.parse().map_err(|e| vec![format!("{file}: {e}")])?;
    let mut values = BTreeMap::new();
    let mut problems = Vec::new();
    for (key, value) in table {
        if !is_identifier(&key) {
            problems.push(format!(
                "{file}: `{key}` is not a usable key (lower-case letters, digits and _, not a Rust keyword)"
            ));
            continue;
        }
        let parsed = match value {
            toml::Value::String(text) => match placeholders(&text) {
                Ok(names) if names.is_empty() => Ok(Value::Text(unescape(&text))),
                Ok(names) => Ok(Value::Template(text, names)),
                Err(problem) => Err(problem),
            },
            toml::Value::Array(items) => items
                .into_iter()
                .map(|item| match item {
                    toml::Value::String(text) if !text.contains(['{', '}']) => Ok(text),
                    _ => Err("a list holds plain texts only (no placeholders)".to_string()),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Value::List),
            toml::Value::Table(forms) => plural(&forms),
            _ => Err("must be a text or a list of texts".to_string()),
        };
        match parsed {
            Ok(value) => {
                values.insert(key, value);
            }
            Err(problem) => problems.push(format!("{file}: `{key}`: {problem}")),
        }
    }
    if problems.is_empty() {
        Ok(values)
    } else {
        Err(problems)
    }
}

fn plural(forms: &toml::Table) -> Result<Value, String> {
    let form = |name: &str| match forms.get(name) {
        Some(toml::Value::String(text)) => Ok(text.clone()),
        _ => Err(format!("a count's table needs `{name} = \"…\"`")),
    };
    let (one, other) = (form("one")?, form("other")?);
    if forms.len() != 2 {
        return Err("a count's table holds only `one` and `other`".into());
    }
    let mut names = placeholders(&other)?;
    for name in placeholders(&one)? {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if !names.iter().any(|n| n == "n") {
        return Err("a count's texts need the placeholder {n}".into());
    }
    Ok(Value::Plural { one, other, names })
}

fn compare(
    source_file: &str,
    source: &BTreeMap<String, Value>,
    file: &str,
    values: &BTreeMap<String, Value>,
    problems: &mut Vec<String>,
) {
    for key in source.keys().filter(|k| !values.contains_key(*k)) {
        problems.push(format!(
            "{file}: `{key}` is missing (it is in {source_file})"
        ));
    }
    for key in values.keys().filter(|k| !source.contains_key(*k)) {
        problems.push(format!("{file}: `{key}` is not in {source_file}"));
    }
    for (key, ours) in source {
        let Some(theirs) = values.get(key) else {
            continue;
        };
        match (ours, theirs) {
            (Value::Text(_), Value::Text(_)) => {}
            (Value::Template(..) | Value::Plural { .. }, Value::Template(..) | Value::Plural { .. }) => {
                let (mut a, mut b) = (ours.names().unwrap().clone(), theirs.names().unwrap().clone());
                a.sort();
                b.sort();
                if a != b {
                    problems.push(format!(
                        "{file}: `{key}` uses the placeholders {{{}}}, {source_file} uses {{{}}}",
                        b.join("}, {"),
                        a.join("}, {")
                    ));
                }
            }
            (Value::List(a), Value::List(b)) if a.len() == b.len() => {}
            (Value::List(a), Value::List(b)) => problems.push(format!(
                "{file}: `{key}` lists {} texts, {source_file} lists {}",
                b.len(),
                a.len()
            )),
            _ => problems.push(format!(
                "{file}: `{key}` is not the same kind of value (text, text with placeholders, list) as in {source_file}"
            )),
        }
    }
}

/// The names of a text's `{name}` placeholders in order of first appearance; `{{`/`}}` are
/// literal braces.
fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => return Err("a `{` is not closed (write `{{` for a brace)".into()),
                    }
                }
                if !is_identifier(&name) {
                    return Err(format!("`{{{name}}}` is not a placeholder name"));
                }
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            '}' => return Err("a `}` is not opened (write `}}` for a brace)".into()),
            _ => {}
        }
    }
    Ok(names)
}

/// The Rust expression that makes a text with placeholders (`format!`), or one that has none.
fn formatted(text: &str) -> String {
    match placeholders(text) {
        Ok(names) if names.is_empty() => format!("String::from({:?})", unescape(text)),
        _ => format!("format!({text:?})"),
    }
}

fn unescape(text: &str) -> String {
    text.replace("{{", "{").replace("}}", "}")
}

fn is_identifier(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "box", "break", "const", "continue", "crate", "dyn", "else",
        "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
        "move", "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait",
        "true", "try", "type", "unsafe", "use", "where", "while", "yield", "lang",
    ];
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z' | '_'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && !KEYWORDS.contains(&name)
}

fn code(catalog: &Catalog, lang_path: &str, languages: &[BTreeMap<String, Value>]) -> String {
    let name = catalog.struct_name;
    let source = &languages[0];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// Generated by portal-texts-build from locales/*/{}.toml: edit those files, not this.\n",
        catalog.name
    );
    let _ = writeln!(
        out,
        "/// The texts of `locales/*/{}.toml` in one language; [`{}`] picks it.",
        catalog.name, catalog.accessor
    );
    let _ = writeln!(
        out,
        "#[allow(dead_code)]\npub struct {name} {{\n    lang: {lang_path},"
    );
    for (key, value) in source {
        match value {
            Value::Text(_) => {
                let _ = writeln!(out, "    pub {key}: &'static str,");
            }
            Value::List(items) => {
                let _ = writeln!(out, "    pub {key}: [&'static str; {}],", items.len());
            }
            Value::Template(..) | Value::Plural { .. } => {}
        }
    }
    out.push_str("}\n\n#[allow(dead_code)]\nimpl ");
    let _ = writeln!(out, "{name} {{");
    let _ = writeln!(
        out,
        "    /// The language of these texts.\n    pub const fn lang(&self) -> {lang_path} {{\n        self.lang\n    }}"
    );
    for (key, value) in source {
        let Some(names) = value.names() else {
            continue;
        };
        let counted = languages
            .iter()
            .any(|values| matches!(values.get(key), Some(Value::Plural { .. })));
        let params: Vec<String> = names
            .iter()
            .map(|n| match n.as_str() {
                "n" if counted => "n: u64".to_string(),
                _ => format!("{n}: impl ::core::fmt::Display"),
            })
            .collect();
        let _ = writeln!(
            out,
            "\n    pub fn {key}(&self, {}) -> String {{\n        match self.lang {{",
            params.join(", ")
        );
        for ((_, variant), values) in LANGUAGES.iter().zip(languages) {
            let arm = match values.get(key) {
                Some(Value::Template(text, _)) => formatted(text),
                Some(Value::Plural { one, other, .. }) => {
                    format!(
                        "if n == 1 {{ {} }} else {{ {} }}",
                        formatted(one),
                        formatted(other)
                    )
                }
                _ => continue,
            };
            let _ = writeln!(out, "            {lang_path}::{variant} => {arm},");
        }
        out.push_str("        }\n    }\n");
    }
    out.push_str("}\n");
    let upper = catalog.name.to_uppercase();
    for ((folder, variant), values) in LANGUAGES.iter().zip(languages) {
        let _ = writeln!(
            out,
            "\npub static {upper}_{}: {name} = {name} {{\n    lang: {lang_path}::{variant},",
            folder.to_uppercase()
        );
        for (key, value) in values {
            match value {
                Value::Text(text) => {
                    let _ = writeln!(out, "    {key}: {text:?},");
                }
                Value::List(items) => {
                    let _ = writeln!(out, "    {key}: {items:?},");
                }
                Value::Template(..) | Value::Plural { .. } => {}
            }
        }
        out.push_str("};\n");
    }
    let _ = writeln!(
        out,
        "\n/// The `{}` texts in `lang`.\n#[allow(dead_code)]\npub fn {}(lang: {lang_path}) -> &'static {name} {{\n    match lang {{",
        catalog.name, catalog.accessor
    );
    for (folder, variant) in LANGUAGES {
        let _ = writeln!(
            out,
            "        {lang_path}::{variant} => &{upper}_{},",
            folder.to_uppercase()
        );
    }
    out.push_str("    }\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: Catalog = Catalog {
        name: "gi",
        struct_name: "GiTexts",
        accessor: "gi_texts",
    };

    fn render_pair(zh: &str, en: &str) -> Result<String, Vec<String>> {
        render(
            &CATALOG,
            "Lang",
            &[
                ("zh/gi.toml".into(), zh.into()),
                ("en/gi.toml".into(), en.into()),
            ],
        )
    }

    #[test]
    fn texts_templates_and_lists_become_fields_and_methods() {
        let code = render_pair(
            "search = \"搜索\"\ntotal = \"共 {n} 个，第 {page} 页\"\ntips = [\"一\", \"二\"]\nbrace = \"{{x}}\"",
            "search = \"Search\"\ntotal = \"Page {page}: {n} found\"\ntips = [\"one\", \"two\"]\nbrace = \"{{x}}\"",
        )
        .unwrap();
        assert!(code.contains("pub search: &'static str,"));
        assert!(code.contains("pub tips: [&'static str; 2],"));
        assert!(code.contains(
            "pub fn total(&self, n: impl ::core::fmt::Display, page: impl ::core::fmt::Display)"
        ));
        assert!(code.contains("Lang::En => format!(\"Page {page}: {n} found\"),"));
        assert!(code.contains("brace: \"{x}\","));
        assert!(code.contains("search: \"Search\","));
        assert!(code.contains("pub fn gi_texts(lang: Lang) -> &'static GiTexts"));
    }

    #[test]
    fn a_count_is_said_differently_when_it_is_one() {
        let code = render_pair(
            "hits = \"找到 {n} 段\"",
            "hits = { one = \"1 passage found\", other = \"{n} passages found\" }",
        )
        .unwrap();
        assert!(
            code.contains("pub fn hits(&self, n: u64) -> String"),
            "{code}"
        );
        assert!(code.contains(
            "Lang::En => if n == 1 { String::from(\"1 passage found\") } else { format!(\"{n} passages found\") },"
        ));
        let problems = render_pair("hits = \"找到 {n} 段\"", "hits = { one = \"1\" }").unwrap_err();
        assert!(problems.join("\n").contains("needs `other"), "{problems:?}");
    }

    #[test]
    fn every_mismatch_between_the_languages_is_named() {
        let problems = render_pair(
            "a = \"甲\"\nb = \"{n} 个\"\nc = [\"一\"]\nd = \"丁\"",
            "a = [\"A\"]\nb = \"{count} found\"\nc = [\"one\", \"two\"]\ne = \"E\"",
        )
        .unwrap_err();
        let all = problems.join("\n");
        assert!(all.contains("en/gi.toml: `d` is missing"), "{all}");
        assert!(
            all.contains("en/gi.toml: `e` is not in zh/gi.toml"),
            "{all}"
        );
        assert!(all.contains("`a` is not the same kind"), "{all}");
        assert!(
            all.contains("`b` uses the placeholders {count}, zh/gi.toml uses {n}"),
            "{all}"
        );
        assert!(
            all.contains("`c` lists 2 texts, zh/gi.toml lists 1"),
            "{all}"
        );
    }

    #[test]
    fn bad_keys_and_braces_are_refused() {
        let problems = render_pair("type = \"x\"\nOpen = \"y\"\nz = \"{ oops\"", "").unwrap_err();
        let all = problems.join("\n");
        assert!(all.contains("`type` is not a usable key"), "{all}");
        assert!(all.contains("`Open` is not a usable key"), "{all}");
        assert!(all.contains("`z`: a `{` is not closed"), "{all}");
    }
}
