//! Shared by the XML and Akoma Ntoso tests: the documents to test on and proptest strategies
//! for random models.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use jianghua::model::*;
use proptest::prelude::*;

/// The repository root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a folder of the repository with the given extension, sorted; none when the
/// folder does not exist.
pub fn files(folder: &str, extension: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(root().join(folder)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files
}

/// The seed speeches.
pub fn seeds() -> Vec<PathBuf> {
    files("seeds", "txt")
}

/// Every speech text the tests parse: the seeds and the inputs under `tests/inputs/`.
pub fn speech_texts() -> Vec<PathBuf> {
    let mut all = seeds();
    all.extend(files("tests/inputs", "txt"));
    all
}

/// The file name without extension, for snapshot names.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Parses a speech text file with the current parser.
pub fn parse_file(path: &Path) -> Speech {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    jianghua::parse_bytes(&bytes, &jianghua::ParseOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The smallest document: nothing found, every list empty.
pub fn minimal() -> Speech {
    Speech {
        schema: None,
        schema_version: SCHEMA_VERSION.to_owned(),
        meta: Meta {
            title: None,
            genre: Genre::Unknown,
            speaker: None,
            date: None,
            occasion: None,
            place: None,
            level: None,
            fragment: false,
            announced_sections: None,
            source: None,
            encoding: None,
            input: None,
            input_digest: None,
            redactions: Vec::new(),
        },
        front_matter: Vec::new(),
        salutation: None,
        preamble: Vec::new(),
        sections: Vec::new(),
        closing: Vec::new(),
        appendix: Vec::new(),
        doctrines: Vec::new(),
        themes: Vec::new(),
        boilerplate: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// The input text of [`rich`].
pub const RICH_TEXT: &str = "在市委人大工作会议上的讲话\n市委书记 张雷明\n2024年3月1日\n来源：平顶山日报\n\n同志们：\n　　这次会议很重要。下面，我讲两个方面意见。\n一、坚持党的领导\n　　必须深入学习贯彻习近平法治思想，增强“四个意识”。一要加强立法。认真实施《中华人民共和国立法法》，提高立法质量。二要强化监督。做到正确监督、有效监督 & <依法> 监督。\n（一）完善制度。健全工作制度。\n二、服务发展大局\n　　围绕中心工作，增强“四个意识”。\n让我们团结奋斗！\n名词解释：双联系，即常委会组成人员联系代表、代表联系群众。\n责任编辑：李四\u{c}\r\n";

/// The span of the first occurrence of `needle` in [`RICH_TEXT`] at or after character `from`.
fn find(needle: &str, from: usize) -> Span {
    let byte_from = RICH_TEXT
        .char_indices()
        .nth(from)
        .map_or(RICH_TEXT.len(), |(i, _)| i);
    let byte = RICH_TEXT[byte_from..]
        .find(needle)
        .map(|i| i + byte_from)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"));
    let start = RICH_TEXT[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn fixed_block<K>(kind: K, needle: &str) -> Block<K> {
    Block {
        kind,
        text: needle.to_owned(),
        span: find(needle, 0),
    }
}

fn piece(needle: &str) -> Passage {
    Passage {
        text: needle.to_owned(),
        span: find(needle, 0),
    }
}

/// A document with every part filled in, its spans true to [`RICH_TEXT`]: the fixture of the
/// snapshots and of the schema checks.
pub fn rich() -> Speech {
    let heading_line = "一、坚持党的领导";
    let body = "　　必须深入学习贯彻习近平法治思想，增强“四个意识”。一要加强立法。认真实施《中华人民共和国立法法》，提高立法质量。二要强化监督。做到正确监督、有效监督 & <依法> 监督。";
    let first = "一要加强立法。认真实施《中华人民共和国立法法》，提高立法质量。";
    let second = "二要强化监督。做到正确监督、有效监督 & <依法> 监督。";
    let sub = "（一）完善制度。健全工作制度。";
    let section_two = "二、服务发展大局";
    let section_two_body = "　　围绕中心工作，增强“四个意识”。";
    let span_of = |from: &str, to: &str| Span::new(find(from, 0).start, find(to, 0).end);
    let date = PartialDate {
        year: Some(2024),
        month: Some(3),
        day: Some(1),
        text: "2024年3月1日".into(),
        span: find("2024年3月1日", 0),
    };
    let second_formulation = find("“四个意识”", find(section_two, 0).start);
    Speech {
        schema: None,
        schema_version: SCHEMA_VERSION.to_owned(),
        meta: Meta {
            title: Some("在市委人大工作会议上的讲话".into()),
            genre: Genre::Speech,
            speaker: Some(Speaker {
                name: Some("张雷明".into()),
                role: Some("市委书记".into()),
            }),
            date: Some(date.clone()),
            occasion: Some("市委人大工作会议".into()),
            place: Some("平顶山".into()),
            level: Some(Level::Municipal),
            fragment: false,
            announced_sections: Some(2),
            source: Some(Source {
                site: None,
                url: None,
                published: None,
                origin: Some("平顶山日报".into()),
                author: None,
            }),
            encoding: Some(Encoding::Utf8),
            input: None,
            input_digest: None,
            redactions: Vec::new(),
        },
        front_matter: vec![
            fixed_block(FrontMatterKind::Title, "在市委人大工作会议上的讲话"),
            fixed_block(FrontMatterKind::Byline, "市委书记 张雷明"),
            fixed_block(FrontMatterKind::Date, "2024年3月1日"),
            fixed_block(FrontMatterKind::Source, "来源：平顶山日报"),
        ],
        salutation: Some(piece("同志们")),
        preamble: vec![piece("　　这次会议很重要。下面，我讲两个方面意见。")],
        sections: vec![
            Section {
                ordinal: 1,
                marker: Some("一、".into()),
                heading: "坚持党的领导".into(),
                heading_span: find("坚持党的领导", 0),
                themes: vec![ThemeId::PartyLeadership, ThemeId::Legislation],
                paragraphs: vec![piece(heading_line), piece(body)],
                directives: vec![
                    Directive {
                        ordinal: 1,
                        marker: "一要".into(),
                        heading: "加强立法".into(),
                        text: first.into(),
                        span: find(first, 0),
                        themes: vec![ThemeId::Legislation],
                    },
                    Directive {
                        ordinal: 2,
                        marker: "二要".into(),
                        heading: "强化监督".into(),
                        text: second.into(),
                        span: find(second, 0),
                        themes: vec![ThemeId::Supervision],
                    },
                ],
                subsections: vec![Section {
                    ordinal: 1,
                    marker: Some("（一）".into()),
                    heading: "完善制度".into(),
                    heading_span: find("完善制度", 0),
                    themes: vec![ThemeId::SelfBuilding],
                    paragraphs: vec![piece(sub)],
                    directives: Vec::new(),
                    subsections: Vec::new(),
                    span: find(sub, 0),
                }],
                span: span_of(heading_line, sub),
            },
            Section {
                ordinal: 2,
                marker: Some("二、".into()),
                heading: "服务发展大局".into(),
                heading_span: find("服务发展大局", 0),
                themes: vec![ThemeId::Development],
                paragraphs: vec![piece(section_two), piece(section_two_body)],
                directives: Vec::new(),
                subsections: Vec::new(),
                span: span_of(section_two, section_two_body),
            },
        ],
        closing: vec![piece("让我们团结奋斗！")],
        appendix: vec![piece(
            "名词解释：双联系，即常委会组成人员联系代表、代表联系群众。",
        )],
        doctrines: vec![
            Doctrine {
                name: "习近平法治思想".into(),
                kind: DoctrineKind::Thought,
                aliases: Vec::new(),
                mentions: vec![piece("习近平法治思想")],
                count: 1,
                attribution: None,
            },
            Doctrine {
                name: "四个意识".into(),
                kind: DoctrineKind::Formulation,
                aliases: Vec::new(),
                mentions: vec![
                    piece("“四个意识”"),
                    Passage {
                        text: "“四个意识”".into(),
                        span: second_formulation,
                    },
                ],
                count: 2,
                attribution: None,
            },
            Doctrine {
                name: "中华人民共和国立法法".into(),
                kind: DoctrineKind::Law,
                aliases: vec!["立法法".into()],
                mentions: vec![piece("《中华人民共和国立法法》")],
                count: 1,
                attribution: None,
            },
        ],
        themes: vec![
            ThemeScore {
                theme: ThemeId::Legislation,
                weight: 0.1 + 0.2,
            },
            ThemeScore {
                theme: ThemeId::PartyLeadership,
                weight: 1.0 - (0.1 + 0.2),
            },
        ],
        boilerplate: vec![fixed_block(
            BoilerplateKind::Editor,
            "责任编辑：李四\u{c}\r",
        )],
        diagnostics: vec![
            Diagnostic {
                code: DiagnosticCode::UnusualCharacters,
                severity: Severity::Note,
                message: "form feed U+000C at the end".into(),
                span: Some(find("\u{c}", 0)),
            },
            Diagnostic {
                code: DiagnosticCode::NoTitle,
                severity: Severity::Warning,
                message: "<no span> & no \"title\"".into(),
                span: None,
            },
        ],
    }
}

// Strategies. Texts draw on the characters that are hard for XML: whitespace of every kind,
// markup characters, text that looks like markup, and characters XML 1.0 cannot carry.

fn tricky_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => any::<char>().prop_map(String::from),
        4 => "[讲话同志们人大，。、“”《》 ]{1,4}",
        1 => prop::sample::select(vec![
            " ", "\u{3000}", "\u{A0}", "\n", "\r", "\r\n", "\t", "<", ">", "&", "\"", "'",
            "]]>", "&amp;", "<ctrl code=\"U+0001\"/>", "<![CDATA[x]]>", "<!--c-->",
            "\u{0}", "\u{1}", "\u{B}", "\u{C}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}",
            "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{200B}", "\u{1F600}",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A string of up to `max` pieces, each one character or a short tricky sequence.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_piece(), 0..=max).prop_map(|pieces| pieces.concat())
}

pub fn span() -> impl Strategy<Value = Span> {
    (0usize..100_000, 0usize..500).prop_map(|(start, len)| Span::new(start, start + len))
}

pub fn passage() -> impl Strategy<Value = Passage> {
    (text(8), span()).prop_map(|(text, span)| Passage { text, span })
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text(4))
}

pub fn theme_id() -> impl Strategy<Value = ThemeId> {
    prop::sample::select(ThemeId::ALL.to_vec())
}

pub fn front_matter_kind() -> impl Strategy<Value = FrontMatterKind> {
    use FrontMatterKind::*;
    prop::sample::select(vec![Title, Subtitle, Byline, Date, Source])
}

pub fn boilerplate_kind() -> impl Strategy<Value = BoilerplateKind> {
    use BoilerplateKind::*;
    prop::sample::select(vec![
        Navigation,
        Widget,
        Related,
        Footer,
        Advertisement,
        Editor,
        Continuation,
        Repeated,
        Other,
    ])
}

pub fn block<K: Clone + std::fmt::Debug>(
    kind: impl Strategy<Value = K>,
) -> impl Strategy<Value = Block<K>> {
    (kind, text(6), span()).prop_map(|(kind, text, span)| Block { kind, text, span })
}

pub fn partial_date() -> impl Strategy<Value = PartialDate> {
    (
        prop::option::of(any::<i32>()),
        prop::option::of(1u8..=12),
        prop::option::of(1u8..=31),
        text(4),
        span(),
    )
        .prop_map(|(year, month, day, text, span)| PartialDate {
            year,
            month,
            day,
            text,
            span,
        })
}

pub fn meta() -> impl Strategy<Value = Meta> {
    use Encoding::*;
    use Genre::*;
    use Level::*;
    let speaker =
        prop::option::of((opt_text(), opt_text()).prop_map(|(name, role)| Speaker { name, role }));
    let source = prop::option::of(
        (
            opt_text(),
            opt_text(),
            prop::option::of(partial_date()),
            opt_text(),
            opt_text(),
        )
            .prop_map(|(site, url, published, origin, author)| Source {
                site,
                url,
                published,
                origin,
                author,
            }),
    );
    (
        (
            opt_text(),
            prop::sample::select(vec![Speech, Statement, Report, Article, Unknown]),
            speaker,
            prop::option::of(partial_date()),
            opt_text(),
            opt_text(),
        ),
        (
            prop::option::of(prop::sample::select(vec![
                National, Provincial, Municipal, County, Township,
            ])),
            any::<bool>(),
            prop::option::of(any::<u32>()),
            source,
            prop::option::of(prop::sample::select(vec![
                Utf8, Utf8Bom, Gb18030, Utf16le, Utf16be, Big5,
            ])),
            prop::option::of(prop::sample::select(vec![
                InputFormat::Text,
                InputFormat::Html,
            ])),
            prop::option::of((any::<u64>(), "[0-9a-f]{64}")),
            prop::collection::vec(passage(), 0..2),
        ),
    )
        .prop_map(
            |(
                (title, genre, speaker, date, occasion, place),
                (level, fragment, announced_sections, source, encoding, input, digest, redactions),
            )| Meta {
                title,
                genre,
                speaker,
                date,
                occasion,
                place,
                level,
                fragment,
                announced_sections,
                source,
                encoding,
                input,
                input_digest: digest.map(|(size, sha256)| InputDigest { size, sha256 }),
                redactions,
            },
        )
}

pub fn directive() -> impl Strategy<Value = Directive> {
    (
        1u32..20,
        text(3),
        text(4),
        text(8),
        span(),
        prop::collection::vec(theme_id(), 0..3),
    )
        .prop_map(|(ordinal, marker, heading, text, span, themes)| Directive {
            ordinal,
            marker,
            heading,
            text,
            span,
            themes,
        })
}

/// Sections nested up to three deep.
pub fn section() -> impl Strategy<Value = Section> {
    let leaf = section_with(Just(Vec::new()).boxed());
    leaf.prop_recursive(3, 12, 3, |inner| {
        section_with(prop::collection::vec(inner, 0..3).boxed())
    })
}

fn section_with(subsections: BoxedStrategy<Vec<Section>>) -> BoxedStrategy<Section> {
    (
        (1u32..20, prop::option::of(text(3)), text(6), span()),
        (
            prop::collection::vec(theme_id(), 0..3),
            prop::collection::vec(passage(), 0..3),
            prop::collection::vec(directive(), 0..3),
            subsections,
            span(),
        ),
    )
        .prop_map(
            |(
                (ordinal, marker, heading, heading_span),
                (themes, paragraphs, directives, subsections, span),
            )| Section {
                ordinal,
                marker,
                heading,
                heading_span,
                themes,
                paragraphs,
                directives,
                subsections,
                span,
            },
        )
        .boxed()
}

pub fn doctrine() -> impl Strategy<Value = Doctrine> {
    use DoctrineKind::*;
    (
        text(6),
        prop::sample::select(vec![Thought, Formulation, Law, Meeting, Publication, Quote]),
        prop::collection::vec(text(4), 0..3),
        prop::collection::vec(passage(), 0..3),
        any::<u32>(),
        opt_text(),
    )
        .prop_map(
            |(name, kind, aliases, mentions, count, attribution)| Doctrine {
                name,
                kind,
                aliases,
                mentions,
                count,
                attribution,
            },
        )
}

/// Weights of every kind a float can be, infinities and NaN aside (NaN is not equal to itself).
pub fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0f64..=1.0,
        any::<f64>().prop_filter("comparable", |w| w.is_finite()),
        Just(0.1),
        Just(1.0 / 3.0),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(-0.0),
    ]
}

pub fn theme_score() -> impl Strategy<Value = ThemeScore> {
    (theme_id(), weight()).prop_map(|(theme, weight)| ThemeScore { theme, weight })
}

pub fn diagnostic() -> impl Strategy<Value = Diagnostic> {
    use DiagnosticCode::*;
    use Severity::*;
    (
        prop::sample::select(vec![
            AnnouncedSectionsMismatch,
            OrdinalGap,
            Fragment,
            NoSections,
            EncodingDetected,
            UnusualCharacters,
            NoTitle,
            BoilerplateInBody,
        ]),
        prop::sample::select(vec![Note, Warning, Error]),
        text(6),
        prop::option::of(span()),
    )
        .prop_map(|(code, severity, message, span)| Diagnostic {
            code,
            severity,
            message,
            span,
        })
}

pub fn speech() -> impl Strategy<Value = Speech> {
    (
        (
            text(3),
            meta(),
            prop::collection::vec(block(front_matter_kind()), 0..3),
            prop::option::of(passage()),
            prop::collection::vec(passage(), 0..3),
            prop::collection::vec(section(), 0..3),
        ),
        (
            prop::collection::vec(passage(), 0..2),
            prop::collection::vec(passage(), 0..2),
            prop::collection::vec(doctrine(), 0..3),
            prop::collection::vec(theme_score(), 0..3),
            prop::collection::vec(block(boilerplate_kind()), 0..3),
            prop::collection::vec(diagnostic(), 0..2),
        ),
    )
        .prop_map(
            |(
                (schema_version, meta, front_matter, salutation, preamble, sections),
                (closing, appendix, doctrines, themes, boilerplate, diagnostics),
            )| Speech {
                schema: None,
                schema_version,
                meta,
                front_matter,
                salutation,
                preamble,
                sections,
                closing,
                appendix,
                doctrines,
                themes,
                boilerplate,
                diagnostics,
            },
        )
}
