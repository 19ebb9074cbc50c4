//! The speech document: the typed model of a congress work speech.
//!
//! Field names follow the published JSON contract exactly; the doc comments below become the
//! descriptions of the generated JSON Schema (`jianghua schema`), which is what users read.
//!
//! The validator takes a document that reads as these types for one that conforms to that schema
//! (`validate::conformance`). That holds while every struct is a plain object and every
//! enumeration has unit variants only: `#[serde(flatten)]`, untagged or internally tagged enums
//! and `#[serde(alias)]` would let the types read what the schema refuses. A value constraint
//! given to the schema alone (`#[schemars(range…)]`, `#[schemars(pattern…)]`) needs its check in
//! `validate::conformance` too; its tests fail until it has one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the document contract this crate writes and reads: `MAJOR.MINOR`. A minor
/// version only adds (optional fields, enumeration values); a major version may change anything.
/// README's "Versions" section states the whole policy.
pub const SCHEMA_VERSION: &str = "1.0";

/// What the schema accepts as a `schema_version`: `MAJOR.MINOR`, without leading zeros.
pub const SCHEMA_VERSION_PATTERN: &str = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$";

/// What the schema accepts as a SHA-256: 64 lowercase hexadecimal digits, as `sha256sum` prints.
pub const SHA256_PATTERN: &str = r"^[0-9a-f]{64}$";

/// A congress work speech (人大工作讲话), parsed into its parts.
///
/// Every object that has both `text` and `span` satisfies `input[span.start..span.end] == text`,
/// counted in Unicode scalar values of the decoded input. Every non-whitespace character of the
/// input lies inside the span of at least one such object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "jianghua speech document")]
pub struct Speech {
    /// The JSON Schema the document declares, as editors add it: the `$id` of this schema. The
    /// tool does not need it and writes it only when the document read had one.
    #[serde(
        rename = "$schema",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "string_when_present"
    )]
    #[schemars(with = "String")]
    pub schema: Option<String>,
    /// Version of the document contract this document follows: `MAJOR.MINOR` (`1.0`).
    #[schemars(pattern(SCHEMA_VERSION_PATTERN))]
    pub schema_version: String,
    /// What the speech is, who gave it, when, where and where it was published.
    pub meta: Meta,
    /// The title, byline, date and source lines, in input order.
    pub front_matter: Vec<Block<FrontMatterKind>>,
    /// The salutation (同志们 / 各位代表、同志们) as written, without the trailing punctuation.
    pub salutation: Option<Passage>,
    /// Body text before the first section.
    pub preamble: Vec<Passage>,
    /// The top-level numbered (or unnumbered lead-sentence) parts of the speech.
    pub sections: Vec<Section>,
    /// The peroration after the last section (让我们…而努力奋斗, 汇报完毕).
    pub closing: Vec<Passage>,
    /// What the document itself adds after the closing: glossaries (名词解释), notes, attachments.
    pub appendix: Vec<Passage>,
    /// Cited doctrines, one entry per distinct doctrine, in order of first mention.
    pub doctrines: Vec<Doctrine>,
    /// Document-level themes, strongest first.
    pub themes: Vec<ThemeScore>,
    /// Web chrome and other non-speech text, classified by kind, in input order.
    pub boilerplate: Vec<Block<BoilerplateKind>>,
    /// Warnings and notes about the input (announced five points but found four, …).
    pub diagnostics: Vec<Diagnostic>,
}

/// A key that may be missing but, when present, holds a string: `null` is refused, as the
/// schema refuses it.
fn string_when_present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    String::deserialize(deserializer).map(Some)
}

/// A half-open range `[start, end)` of Unicode scalar value offsets into the decoded input:
/// the same indices that Python's `str` slicing uses.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Offset of the first character (inclusive).
    pub start: usize,
    /// Offset just past the last character (exclusive); never less than `start`.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of characters covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A piece of the input: its text exactly as written and where it lies.
///
/// Used for paragraphs of the body, the salutation and doctrine mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    /// The text, exactly `input[span]` (no trimming or normalization).
    pub text: String,
    /// Where the text lies in the input.
    pub span: Span,
}

/// A paragraph of the body.
pub type Paragraph = Passage;

/// A classified line or run of lines outside the speech body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "{K}Block")]
pub struct Block<K> {
    /// What the block is.
    pub kind: K,
    /// The text, exactly `input[span]`.
    pub text: String,
    /// Where the block lies in the input.
    pub span: Span,
}

/// The kinds of front-matter blocks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FrontMatterKind {
    /// The title of the speech (each line of a title split over several lines).
    Title,
    /// A subtitle or kicker line (——在…会议上的讲话).
    Subtitle,
    /// The speaker line (市委书记 张雷明).
    Byline,
    /// The date of delivery or of publication, alone on its line.
    Date,
    /// Where the page came from: 来源, 发布时间, 作者, 原文链接 lines.
    Source,
}

/// The kinds of boilerplate blocks: text that is on the page but is not the speech.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Site navigation, menus, breadcrumbs (当前位置, 首页 > …), section lists.
    Navigation,
    /// Share, print, font-size, favourite and reading-time widgets.
    Widget,
    /// Lists of related or recent articles, notices and picture captions around the text.
    Related,
    /// Page footers: copyright (版权所有), ICP numbers, contact details, disclaimers.
    Footer,
    /// Advertisements and calls to action (扫码, 领取福利).
    Advertisement,
    /// Editor and proofreader lines (责任编辑, 编辑, 校对).
    Editor,
    /// Continuation marks of print pages (上接一版, 下转二版).
    Continuation,
    /// Licence and copyright notices (本作品…属于公有领域, 转载请注明出处, 禁止转载).
    Licence,
    /// Footnote marks left by a wiki copy (`[1]`, `[註 1]`, or `[ / 1 / ]` over three lines).
    Footnote,
    /// Photo captions and credits (图为…, 新华社记者 张三 摄) and summary boxes (核心阅读).
    Caption,
    /// A repeated copy of the title or lead.
    Repeated,
    /// Any other text judged not to belong to the speech.
    Other,
}

/// What the speech is, who gave it, when and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The title of the speech, lines of a split title joined, or null when the page has none.
    pub title: Option<String>,
    /// What kind of text this is.
    pub genre: Genre,
    /// Who gave the speech.
    pub speaker: Option<Speaker>,
    /// When the speech was given.
    pub date: Option<PartialDate>,
    /// The meeting at which it was given (市委人大工作会议, 市五届人大七次会议闭幕会).
    pub occasion: Option<String>,
    /// The city, county or province the speech is about, without its 市/县/省 suffix (平顶山).
    pub place: Option<String>,
    /// Administrative level of the body addressed.
    pub level: Option<Level>,
    /// True where the text is visibly incomplete (上接一版, starts mid-section).
    #[serde(default)]
    pub fragment: bool,
    /// The number of parts the speaker announced (下面，我讲五个方面意见 → 5).
    pub announced_sections: Option<u32>,
    /// Where the page came from.
    pub source: Option<Source>,
    /// The character encoding the input was decoded from.
    pub encoding: Option<Encoding>,
    /// What the input was: `html` for a saved web page, whose extracted text the spans index;
    /// absent for a plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<InputFormat>,
    /// The size and SHA-256 of the input file the document was made from, so that a source
    /// given to the validator can be told apart from the document's own; absent in documents
    /// made before it was recorded, and in those parsed from text in memory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_digest: Option<InputDigest>,
    /// Redaction markers in the text (XX同志, 新X市): names or places the publisher blanked out.
    #[serde(default)]
    pub redactions: Vec<Passage>,
}

/// The size and SHA-256 of an input file: what `sha256sum` prints for it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InputDigest {
    /// The size of the input in bytes, as stored (before decoding).
    pub size: u64,
    /// The SHA-256 of the input's bytes, 64 lowercase hexadecimal digits.
    #[schemars(pattern(SHA256_PATTERN))]
    pub sha256: String,
}

impl InputDigest {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        use sha2::Digest;
        let hash = sha2::Sha256::digest(bytes);
        let sha256 = hash.iter().map(|byte| format!("{byte:02x}")).collect();
        Self {
            size: bytes.len() as u64,
            sha256,
        }
    }
}

/// The genre of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// A speech (讲话).
    Speech,
    /// A statement or report-back at a meeting (发言, 汇报).
    Statement,
    /// A work report (工作报告).
    Report,
    /// A commentary or article (署名文章, 评论).
    Article,
    /// Not determined.
    Unknown,
}

/// Administrative level of the body addressed.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 全国人大.
    National,
    /// A province, autonomous region or municipality directly under the central government.
    Provincial,
    /// A prefecture-level city (市) or autonomous prefecture (州).
    Municipal,
    /// A county, county-level city or district (县, 区).
    County,
    /// A township or town (乡, 镇, 街道).
    Township,
}

/// Who gave the speech; either part may be unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// The speaker's name, internal spaces removed (习近平).
    pub name: Option<String>,
    /// The speaker's office (市委书记, 县人大常委会主任).
    pub role: Option<String>,
}

/// A date of which any part may be missing (日期:01-17 has no year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartialDate {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month (1–12), when written.
    #[schemars(range(min = 1, max = 12))]
    pub month: Option<u8>,
    /// The day of the month (1–31), when written.
    #[schemars(range(min = 1, max = 31))]
    pub day: Option<u8>,
    /// The date exactly as written.
    pub text: String,
    /// Where the date is written in the input.
    pub span: Span,
}

/// Where the page came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The site that published the page (廉政法治网).
    pub site: Option<String>,
    /// The original URL (原文链接).
    pub url: Option<String>,
    /// When the page was published (发布时间).
    pub published: Option<PartialDate>,
    /// Where the publisher took it from (来源: 贵州党建云).
    pub origin: Option<String>,
    /// The author line (作者).
    pub author: Option<String>,
}

/// The character encoding an input was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// GB18030 (which includes GBK and GB2312).
    Gb18030,
    /// UTF-16, little-endian, with a byte order mark.
    Utf16le,
    /// UTF-16, big-endian, with a byte order mark.
    Utf16be,
    /// UTF-16, little-endian, without a byte order mark (told by its zero bytes and what they decode to).
    Utf16leNoBom,
    /// UTF-16, big-endian, without a byte order mark (told by its zero bytes and what they decode to).
    Utf16beNoBom,
    /// Another encoding, named on the command line (`--encoding`); a note names it.
    Other,
    /// Decoded with `--lossy`: bytes that did not decode were replaced by U+FFFD, each run
    /// reported by an `undecodable_bytes` warning with its byte offset.
    Lossy,
    /// Big5, as declared by a web page's charset.
    Big5,
}

/// What the input was before its text was parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// A plain text: the spans index it as decoded.
    Text,
    /// An HTML page: the spans index the text extracted from it (`jianghua text` prints it).
    Html,
}

/// A top-level numbered (or unnumbered lead-sentence) part of the speech, or a part nested in one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// The number written in the text (第二 → 2), not the position; for unnumbered sections, the position.
    #[schemars(range(min = 1))]
    pub ordinal: u32,
    /// The marker as written (一、, （二）, 第三，, 一是), or null for unnumbered sections.
    pub marker: Option<String>,
    /// The lead phrase after the marker up to the first 。 (or the whole heading line), without the marker.
    pub heading: String,
    /// Where the heading lies in the input.
    pub heading_span: Span,
    /// Themes of the section (its own text and its directives), strongest first.
    pub themes: Vec<ThemeId>,
    /// The section's text up to its first subsection, the heading line included.
    pub paragraphs: Vec<Passage>,
    /// Numbered instructions in the section's own paragraphs (一要…二要…, 一是…二是…).
    pub directives: Vec<Directive>,
    /// Numbered parts nested in this one (一、 → （一）).
    pub subsections: Vec<Section>,
    /// The whole section, marker to last character.
    pub span: Span,
}

/// A numbered instruction inside a section (一要…二要…, 一是…二是…, 第一…第二…, 首先…其次…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Directive {
    /// The number written in the text (三要 → 3; 首先 → 1, 其次 → 2).
    #[schemars(range(min = 1))]
    pub ordinal: u32,
    /// The marker as written (一要, 二是, 第三，, 首先，).
    pub marker: String,
    /// The lead phrase after the marker up to the first 。.
    pub heading: String,
    /// From the marker to the next directive or the end of its paragraph, exactly `input[span]`.
    pub text: String,
    /// Where the directive lies in the input.
    pub span: Span,
    /// Themes of the directive, strongest first.
    pub themes: Vec<ThemeId>,
}

/// A doctrine, formulation, law, meeting, publication or quotation the speech cites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Doctrine {
    /// The canonical name, without 《》 or quotation marks.
    pub name: String,
    /// What kind of thing is cited.
    pub kind: DoctrineKind,
    /// The other forms it was cited in (双联系 for 两个联系), without the canonical name.
    pub aliases: Vec<String>,
    /// Every occurrence, in input order.
    pub mentions: Vec<Passage>,
    /// The number of mentions.
    pub count: u32,
    /// For quotations: who is quoted (习近平总书记).
    pub attribution: Option<String>,
}

/// What kind of thing a doctrine is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DoctrineKind {
    /// A named body of thought (习近平法治思想).
    Thought,
    /// A numbered or fixed political formulation (四个意识, 两个维护, 六个必须坚持).
    Formulation,
    /// A law, regulation or decision (《全国人民代表大会组织法》, …条例, …决定).
    Law,
    /// A party congress, plenum or work conference (党的二十大, 十九届历次全会, 中央人大工作会议).
    Meeting,
    /// A publication or a published text (《求是》, a speech title).
    Publication,
    /// A leader's words in quotation marks.
    Quote,
}

/// A theme from the closed vocabulary, with its weight in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemeScore {
    /// The theme.
    pub theme: ThemeId,
    /// Its share of the document's theme evidence, between 0 and 1; the weights sum to 1.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub weight: f64,
}

/// The controlled vocabulary of themes: the axis along which speeches are compared.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ThemeId {
    /// 党的领导: Party leadership over 人大 work, political direction, 两个维护, 请示报告.
    PartyLeadership,
    /// 全过程人民民主: whole-process people's democracy, 人民当家作主, elections of deputies.
    PeopleDemocracy,
    /// 立法: local legislation, 法规, 条例, 立法联系点, 科学立法.
    Legislation,
    /// 监督: supervision of the government, courts and procuratorates: 执法检查, 专题询问, 预算审查.
    Supervision,
    /// 重大事项决定: decisions and resolutions on major matters, 决议决定.
    Decision,
    /// 选举任免: elections and appointments of state functionaries, 人事任免, 宪法宣誓.
    Appointment,
    /// 代表工作: work with and by deputies: 议案建议, 代表联络站, 双联系, training and duty performance.
    Deputies,
    /// 服务大局: serving the central task: high-quality development, business environment, key projects.
    Development,
    /// 民生: livelihood and wellbeing: 民生实事, employment, education, health care, elderly care.
    Livelihood,
    /// 自身建设: building the 人大 bodies themselves: 四个机关, cadres, work style, institutions.
    SelfBuilding,
    /// 法治: rule of law broadly: 依法治国, constitutional authority, legal publicity, 法治政府.
    RuleOfLaw,
}

impl ThemeId {
    /// Every theme, in the vocabulary's order.
    pub const ALL: [ThemeId; 11] = [
        ThemeId::PartyLeadership,
        ThemeId::PeopleDemocracy,
        ThemeId::Legislation,
        ThemeId::Supervision,
        ThemeId::Decision,
        ThemeId::Appointment,
        ThemeId::Deputies,
        ThemeId::Development,
        ThemeId::Livelihood,
        ThemeId::SelfBuilding,
        ThemeId::RuleOfLaw,
    ];

    /// The id as written in documents (`party_leadership`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ThemeId::PartyLeadership => "party_leadership",
            ThemeId::PeopleDemocracy => "people_democracy",
            ThemeId::Legislation => "legislation",
            ThemeId::Supervision => "supervision",
            ThemeId::Decision => "decision",
            ThemeId::Appointment => "appointment",
            ThemeId::Deputies => "deputies",
            ThemeId::Development => "development",
            ThemeId::Livelihood => "livelihood",
            ThemeId::SelfBuilding => "self_building",
            ThemeId::RuleOfLaw => "rule_of_law",
        }
    }

    /// Parses an id as written in documents.
    pub fn from_id(id: &str) -> Option<ThemeId> {
        ThemeId::ALL.into_iter().find(|t| t.as_str() == id)
    }
}

/// A warning or note about the input, found while parsing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Diagnostic {
    /// Stable identifier of the rule that fired.
    pub code: DiagnosticCode,
    /// How serious it is.
    pub severity: Severity,
    /// A plain-language explanation.
    pub message: String,
    /// Where in the input it applies, when it applies to a place.
    pub span: Option<Span>,
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Informational: something unusual that was handled.
    Note,
    /// Something likely wrong in the input or its structure.
    Warning,
    /// Something definitely wrong.
    Error,
}

/// Stable identifiers of the parser's diagnostics.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticCode {
    /// The speaker announced a number of parts that differs from the sections found.
    AnnouncedSectionsMismatch,
    /// Section or directive numbers skip or repeat (一、 then 三、).
    OrdinalGap,
    /// The text starts after its beginning (上接一版, first section is not 1).
    Fragment,
    /// No section structure was found; the body is kept as preamble.
    NoSections,
    /// The input was not UTF-8 and was decoded from another encoding.
    EncodingDetected,
    /// Invisible or unusual characters (zero-width spaces, replacement characters) were found.
    UnusualCharacters,
    /// No title could be found.
    NoTitle,
    /// Text was judged to be web boilerplate in the middle of the body.
    BoilerplateInBody,
    /// The input starts like a document (`<`, `{`) but is not one; it was read as a speech text.
    UnclearForm,
    /// Bytes that did not decode were replaced by U+FFFD (`--lossy`).
    UndecodableBytes,
}
