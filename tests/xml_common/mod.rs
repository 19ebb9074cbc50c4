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
                Utf8, Utf8Bom, Gb18030, Utf16le, Utf16be,
            ])),
            prop::collection::vec(passage(), 0..2),
        ),
    )
        .prop_map(
            |(
                (title, genre, speaker, date, occasion, place),
                (level, fragment, announced_sections, source, encoding, redactions),
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
