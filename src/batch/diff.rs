//! A structural difference of two JSON documents: which field changed, old → new.
//!
//! Objects are compared key by key, arrays position by position (extra items are added or
//! removed at the end), so a change reads as `sections[2].directives[1].heading: "…" → "…"`.

use std::fmt;

use serde_json::Value;

/// Where a value lies in a document: `sections[2].directives[1].heading`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(String);

impl JsonPath {
    fn key(&self, key: &str) -> Self {
        let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        let mut path = self.0.clone();
        if plain {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
        } else {
            path.push('[');
            path.push_str(&Value::from(key).to_string());
            path.push(']');
        }
        JsonPath(path)
    }

    fn index(&self, index: usize) -> Self {
        JsonPath(format!("{}[{index}]", self.0))
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(document)")
        } else {
            f.write_str(&self.0)
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
        assert_eq!(changes, [r#"sections[1].directives[1].heading: "b" → "c""#]);
    }

    #[test]
    fn extra_and_missing_items_and_keys_are_listed() {
        let old = json!({"a": [1, 2, 3], "gone": true});
        let new = json!({"a": [1, 5], "new key": null});
        let changes: Vec<String> = diff(&old, &new).iter().map(ToString::to_string).collect();
        assert_eq!(
            changes,
            [
                "a[1]: 2 → 5",
                "a[2]: removed 3",
                "gone: removed true",
                r#"["new key"]: added null"#
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
