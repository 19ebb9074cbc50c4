//! A structural difference of two JSON documents: which field changed, old → new.
//!
//! Objects are compared key by key, arrays position by position (extra items are added or
//! removed at the end), so a change reads as `/sections/2/directives/1/heading: "…" → "…"`,
//! at the RFC 6901 JSON Pointer of the value, as `validate` names values. Each change belongs
//! to a [`Part`] of the document, and changes of `start`/`end` in a span are told apart
//! ([`Change::is_span_shift`]): an edit of the input moves every span after it.

use std::fmt;

use serde_json::Value;

/// Where a value lies in a document: the JSON Pointer `/sections/2/directives/1/heading`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath {
    pointer: String,
    /// The path's keys and indexes, unescaped.
    tokens: Vec<String>,
}

impl JsonPath {
    fn key(&self, key: &str) -> Self {
        self.push(key.to_owned())
    }

    fn index(&self, index: usize) -> Self {
        self.push(index.to_string())
    }

    fn push(&self, token: String) -> Self {
        let mut path = self.clone();
        path.pointer.push('/');
        path.pointer
            .push_str(&token.replace('~', "~0").replace('/', "~1"));
        path.tokens.push(token);
        path
    }

    /// The JSON Pointer (`""` for the whole document).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The keys and indexes along the path.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.tokens.iter().map(String::as_str)
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            f.write_str("(document)")
        } else {
            f.write_str(&self.pointer)
        }
    }
}

/// The parts of a document that `check` groups its changes by, in the order it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// `meta`, `front_matter`, `schema_version`.
    Meta,
    /// The body's structure and text: salutation, preamble, sections (but their directives),
    /// closing, appendix.
    Outline,
    /// The directives of sections, at any depth.
    Directives,
    /// `doctrines`.
    Doctrines,
    /// `themes`.
    Themes,
    /// `boilerplate`.
    Boilerplate,
    /// `diagnostics`.
    Diagnostics,
}

impl Part {
    /// The name shown (`directives`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Part::Meta => "meta",
            Part::Outline => "outline",
            Part::Directives => "directives",
            Part::Doctrines => "doctrines",
            Part::Themes => "themes",
            Part::Boilerplate => "boilerplate",
            Part::Diagnostics => "diagnostics",
        }
    }

    fn of(path: &JsonPath) -> Self {
        let mut tokens = path.tokens();
        match tokens.next().unwrap_or_default() {
            "doctrines" => Part::Doctrines,
            "themes" => Part::Themes,
            "boilerplate" => Part::Boilerplate,
            "diagnostics" => Part::Diagnostics,
            "sections" if path.tokens().any(|token| token == "directives") => Part::Directives,
            "salutation" | "preamble" | "sections" | "closing" | "appendix" => Part::Outline,
            _ => Part::Meta,
        }
    }
}

/// One difference.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<'a> {
    /// A value that is in both, different.
    Changed {
        /// Where.
        path: JsonPath,
        /// The expected value.
        old: &'a Value,
        /// The value now.
        new: &'a Value,
    },
    /// A value only in the new document.
    Added {
        /// Where.
        path: JsonPath,
        /// The value now.
        new: &'a Value,
    },
    /// A value only in the old document.
    Removed {
        /// Where.
        path: JsonPath,
        /// The expected value.
        old: &'a Value,
    },
}

impl Change<'_> {
    /// Where the change is.
    pub fn path(&self) -> &JsonPath {
        match self {
            Change::Changed { path, .. }
            | Change::Added { path, .. }
            | Change::Removed { path, .. } => path,
        }
    }

    /// The part of the document it lies in.
    pub fn part(&self) -> Part {
        Part::of(self.path())
    }

    /// Whether it is the `start` or `end` of a span (`span`, `heading_span`) changed to
    /// another number: what an edit of the input does to every span after it. The text at
    /// the span, when it changed too, is a change of its own.
    pub fn is_span_shift(&self) -> bool {
        let Change::Changed { path, old, new } = self else {
            return false;
        };
        let tokens: Vec<&str> = path.tokens().collect();
        let in_span = match tokens.as_slice() {
            [.., holder, "start" | "end"] => *holder == "span" || holder.ends_with("_span"),
            _ => false,
        };
        in_span && old.is_u64() && new.is_u64()
    }

    /// Whether it is `meta.input_digest` added to a document made before digests were
    /// recorded: no change of the document.
    pub fn is_digest_recorded(&self) -> bool {
        matches!(self, Change::Added { path, .. } if path.pointer() == "/meta/input_digest")
    }

    /// The kind of change: `changed`, `added` or `removed`.
    pub const fn kind(&self) -> &'static str {
        match self {
            Change::Changed { .. } => "changed",
            Change::Added { .. } => "added",
            Change::Removed { .. } => "removed",
        }
    }
}

/// Every difference between `old` and `new`, in document order.
pub fn diff<'a>(old: &'a Value, new: &'a Value) -> Vec<Change<'a>> {
    let mut changes = Vec::new();
    compare(&JsonPath::default(), old, new, &mut changes);
    changes
}

fn compare<'a>(path: &JsonPath, old: &'a Value, new: &'a Value, changes: &mut Vec<Change<'a>>) {
    match (old, new) {
        (Value::Object(old_map), Value::Object(new_map)) => {
            for (key, old_value) in old_map {
                match new_map.get(key) {
                    Some(new_value) => compare(&path.key(key), old_value, new_value, changes),
                    None => changes.push(Change::Removed {
                        path: path.key(key),
                        old: old_value,
                    }),
                }
            }
            for (key, new_value) in new_map {
                if !old_map.contains_key(key) {
                    changes.push(Change::Added {
                        path: path.key(key),
                        new: new_value,
                    });
                }
            }
        }
        (Value::Array(old_items), Value::Array(new_items)) => {
            for (index, (old_item, new_item)) in old_items.iter().zip(new_items).enumerate() {
                compare(&path.index(index), old_item, new_item, changes);
            }
            let common = old_items.len().min(new_items.len());
            for (index, old_item) in old_items.iter().enumerate().skip(common) {
                changes.push(Change::Removed {
                    path: path.index(index),
                    old: old_item,
                });
            }
            for (index, new_item) in new_items.iter().enumerate().skip(common) {
                changes.push(Change::Added {
                    path: path.index(index),
                    new: new_item,
                });
            }
        }
        _ if old == new => {}
        _ => changes.push(Change::Changed {
            path: path.clone(),
            old,
            new,
        }),
    }
}

/// How many characters of a value a change shows before eliding the rest.
const SHOWN_CHARS: usize = 60;
/// Characters of context kept around the differing part of two long strings.
const CONTEXT_CHARS: usize = 12;

impl fmt::Display for Change<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Change::Changed {
                path,
                old: Value::String(old),
                new: Value::String(new),
            } => {
                let (old, new) = differing_parts(old, new);
                write!(f, "{path}: {old} → {new}")
            }
            Change::Changed { path, old, new } => {
                write!(f, "{path}: {} → {}", shorten(old), shorten(new))
            }
            Change::Added { path, new } => write!(f, "{path}: added {}", shorten(new)),
            Change::Removed { path, old } => write!(f, "{path}: removed {}", shorten(old)),
        }
    }
}

/// A value as compact JSON, elided past [`SHOWN_CHARS`] characters.
fn shorten(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= SHOWN_CHARS {
        return text;
    }
    let mut short: String = text.chars().take(SHOWN_CHARS).collect();
    short.push('…');
    short
}

/// Two long strings shown by the part where they differ, with a little context either side;
/// short strings are shown whole. Both are quoted as JSON strings.
fn differing_parts(old: &str, new: &str) -> (String, String) {
    let quote = |s: &str| Value::from(s).to_string();
    if old.chars().count() <= SHOWN_CHARS && new.chars().count() <= SHOWN_CHARS {
        return (quote(old), quote(new));
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars
        .iter()
        .zip(&new_chars)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_chars[prefix..]
        .iter()
        .rev()
        .zip(new_chars[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let start = prefix.saturating_sub(CONTEXT_CHARS);
    let excerpt = |chars: &[char]| {
        let end = (chars.len() - suffix + CONTEXT_CHARS).min(chars.len());
        let middle: String = chars[start..end].iter().collect();
        let middle = if middle.chars().count() > SHOWN_CHARS * 2 {
            let mut cut: String = middle.chars().take(SHOWN_CHARS * 2).collect();
            cut.push('…');
            cut
        } else {
            middle
        };
        let quoted = quote(&middle);
        let before = if start > 0 { "…" } else { "" };
        let after = if end < chars.len() { "…" } else { "" };
        format!("{before}{quoted}{after}")
    };
    (excerpt(&old_chars), excerpt(&new_chars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_changed_field_is_named_by_its_path() {
        let old = json!({"sections": [{"heading": "坚持党的领导"}, {"directives": [{"heading": "a"}, {"heading": "b"}]}]});
        let new = json!({"sections": [{"heading": "坚持党的领导"}, {"directives": [{"heading": "a"}, {"heading": "c"}]}]});
        let changes: Vec<String> = diff(&old, &new).iter().map(ToString::to_string).collect();
        assert_eq!(changes, [r#"/sections/1/directives/1/heading: "b" → "c""#]);
    }

    #[test]
    fn changes_know_their_part_and_span_shifts() {
        let old = json!({"meta": {"title": "a"}, "sections": [{"heading": "x", "span": {"start": 1, "end": 5}, "heading_span": {"start": 2, "end": 3}, "directives": [{"heading": "d"}]}], "doctrines": []});
        let new = json!({"meta": {"title": "b", "input_digest": {"size": 1, "sha256": "00"}}, "sections": [{"heading": "y", "span": {"start": 2, "end": 6}, "heading_span": {"start": 3, "end": 4}, "directives": [{"heading": "e"}]}], "doctrines": [{"name": "n"}]});
        let changes = diff(&old, &new);
        let mut seen: Vec<(&str, Part, bool)> = changes
            .iter()
            .map(|c| (c.path().pointer(), c.part(), c.is_span_shift()))
            .collect();
        seen.sort();
        let mut expected = vec![
            ("/meta/title", Part::Meta, false),
            ("/meta/input_digest", Part::Meta, false),
            ("/sections/0/heading", Part::Outline, false),
            ("/sections/0/span/start", Part::Outline, true),
            ("/sections/0/span/end", Part::Outline, true),
            ("/sections/0/heading_span/start", Part::Outline, true),
            ("/sections/0/heading_span/end", Part::Outline, true),
            ("/sections/0/directives/0/heading", Part::Directives, false),
            ("/doctrines/0", Part::Doctrines, false),
        ];
        expected.sort();
        assert_eq!(seen, expected);
        let recorded: Vec<&str> = changes
            .iter()
            .filter(|c| c.is_digest_recorded())
            .map(|c| c.path().pointer())
            .collect();
        assert_eq!(recorded, ["/meta/input_digest"]);
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        let old = json!({"a/b": {"c~d": 1}});
        let new = json!({"a/b": {"c~d": 2}});
        assert_eq!(diff(&old, &new)[0].path().pointer(), "/a~1b/c~0d");
    }

    #[test]
    fn extra_and_missing_items_and_keys_are_listed() {
        let old = json!({"a": [1, 2, 3], "gone": true});
        let new = json!({"a": [1, 5], "new key": null});
        let changes: Vec<String> = diff(&old, &new).iter().map(ToString::to_string).collect();
        assert_eq!(
            changes,
            [
                "/a/1: 2 → 5",
                "/a/2: removed 3",
                "/gone: removed true",
                "/new key: added null"
            ]
        );
    }

    #[test]
    fn equal_documents_have_no_changes() {
        let doc = json!({"a": [1, {"b": "c"}]});
        assert!(diff(&doc, &doc).is_empty());
    }

    #[test]
    fn long_strings_show_where_they_differ() {
        let old = format!("{}甲{}", "前".repeat(50), "后".repeat(50));
        let new = format!("{}乙{}", "前".repeat(50), "后".repeat(50));
        let (old, new) = differing_parts(&old, &new);
        assert_eq!(
            old,
            format!("…\"{}甲{}\"…", "前".repeat(12), "后".repeat(12))
        );
        assert_eq!(
            new,
            format!("…\"{}乙{}\"…", "前".repeat(12), "后".repeat(12))
        );
    }
}
