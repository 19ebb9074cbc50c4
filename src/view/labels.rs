//! What the view calls things: the names documents give kinds and codes, and the Chinese names
//! of the themes (`data/theme_names.tsv`).

use std::sync::OnceLock;

use serde::Serialize;

use crate::model::ThemeId;

const THEME_NAMES: &str = include_str!("../../data/theme_names.tsv");

/// The name a document writes for `value`, an enumeration of the model (`navigation`,
/// `ordinal_gap`): what a reader of the JSON looks for.
pub fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The Chinese name of a theme (立法 for `legislation`), its id when the table lacks it.
pub fn theme(theme: ThemeId) -> &'static str {
    static NAMES: OnceLock<Vec<(ThemeId, &'static str)>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        crate::lexicon_file::content_lines(THEME_NAMES)
            .filter_map(|(_, line)| {
                let (id, name) = line.split_once('\t')?;
                Some((ThemeId::from_id(id.trim())?, name.trim()))
            })
            .collect()
    });
    names
        .iter()
        .find(|(id, _)| *id == theme)
        .map_or(theme.as_str(), |(_, name)| name)
}

/// The themes named and joined for a label (立法 · 监督).
pub fn themes(themes: &[ThemeId]) -> String {
    themes
        .iter()
        .map(|&t| theme(t))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BoilerplateKind;

    #[test]
    fn every_theme_has_a_chinese_name() {
        for id in ThemeId::ALL {
            assert_ne!(
                theme(id),
                id.as_str(),
                "{id:?} has no name in theme_names.tsv"
            );
        }
    }

    #[test]
    fn kinds_are_named_as_documents_write_them() {
        assert_eq!(name(&BoilerplateKind::Navigation), "navigation");
    }
}
