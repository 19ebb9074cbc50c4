//! Marks on the text: a fragment (上接一版, opens mid-sentence or at a late part), and
//! redactions (XX, ××).

use std::sync::LazyLock;

use super::Page;
use crate::model::{BoilerplateKind, Passage};
use crate::parse::Role;
use crate::pattern::Pattern;
use crate::text::is_han;

impl Page<'_> {
    pub(super) fn is_fragment(&self) -> bool {
        let continued = self
            .segments
            .iter()
            .any(|s| s.role == Role::Boilerplate(BoilerplateKind::Continuation));
        let first = self.body().next().map(|s| self.text(&s.range));
        let mid_sentence =
            first.is_some_and(|t| t.starts_with(['，', ',', '、', '；', ';', '。', '）', ')']));
        let late_section = first.is_some_and(opens_a_late_section);
        continued || mid_sentence || late_section
    }

    /// XX / X / ×× markers in the front matter and the body, with the suffix they stand before.
    pub(super) fn redactions(&self) -> Vec<Passage> {
        let mut out = Vec::new();
        for s in self
            .segments
            .iter()
            .filter(|s| matches!(s.role, Role::Body | Role::Front(_)))
        {
            let text = self.text(&s.range);
            // Most texts have no redaction mark; those are not searched.
            if !text.contains(['X', 'Ｘ', '×']) {
                continue;
            }
            for m in REDACTION.find_iter(text) {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_some_and(|c| c.is_ascii_alphanumeric())
                    || after.is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    continue;
                }
                let mut range = m.range();
                // 新X市, 新X的: one blanked character of a name, the rest of it written.
                let single = m.as_str().chars().count() == 1;
                if let Some(c) =
                    before.filter(|&c| single && is_han(c) && !FUNCTION_CHARS.contains(c))
                {
                    range.start -= c.len_utf8();
                }
                if let Some(suffix) = ["同志", "市", "县", "省", "区", "镇", "乡", "村", "大"]
                    .iter()
                    .find(|suffix| text[m.end()..].starts_with(**suffix))
                {
                    range.end += suffix.len();
                }
                out.push(
                    self.source
                        .passage(&(s.range.start + range.start..s.range.start + range.end)),
                );
            }
        }
        out
    }
}

/// Characters that stand between words rather than inside a name.
const FUNCTION_CHARS: &str = "的和与及是在了把被将对为等向给由从同";

/// A body that opens at a later section: 二、…, 第三，….
/// Whether `text` opens with the marker of a part after the first (二、, 第三，): a page that
/// starts there is a fragment.
fn opens_a_late_section(text: &str) -> bool {
    let mut chars = text.strip_prefix('第').unwrap_or(text).chars();
    chars.next().is_some_and(|c| "二三四五六七八九".contains(c))
        && chars.next().is_some_and(|c| "、，,．.".contains(c))
}

static REDACTION: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::bodies(r"(?:X|Ｘ|×){1,4}").expect("valid redaction pattern"));
