//! Themes: every keyword of the data file counts for its theme, sections and directives of
//! hand-made speeches get the themes their headings state, and snapshots of whole speeches.

use std::path::Path;

use jianghua::model::{Section, Speech, ThemeId};
use jianghua::themes::ThemeLexicon;
use serde::Serialize;

const THEMES_TSV: &str = include_str!("../data/themes.tsv");

#[test]
fn every_keyword_counts_for_its_theme() {
    let lexicon = ThemeLexicon::builtin();
    let mut checked = 0;
    for (number, line) in THEMES_TSV.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let theme = ThemeId::from_id(columns[0]).expect("a theme id");
        let keyword = columns[1];
        let weight: f64 = columns[2].parse().expect("a weight");
        let sentence = format!("——{keyword}——");
        let evidence = lexicon.evidence(&sentence);
        assert!(
            evidence.get(theme) >= weight && (weight == 0.0 || evidence.get(theme) > 0.0),
            "line {}: {keyword} gives {theme:?} {}",
            number + 1,
            evidence.get(theme)
        );
        checked += 1;
    }
    assert!(checked >= 300, "{checked} keywords checked");
}

fn parse_input(name: &str) -> Speech {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    jianghua::parse_bytes(&bytes, &Default::default()).expect("decodes")
}

fn first_themes(sections: &[Section]) -> Vec<Option<ThemeId>> {
    sections.iter().map(|s| s.themes.first().copied()).collect()
}

#[test]
fn headings_state_the_topic_of_their_sections() {
    let speech = parse_input("tests/inputs/lexicon_standing_committee.txt");
    assert_eq!(
        first_themes(&speech.sections),
        [
            Some(ThemeId::Supervision),
            Some(ThemeId::Decision),
            Some(ThemeId::Appointment),
            Some(ThemeId::RuleOfLaw),
        ]
    );
    let directives = &speech.sections[0].directives;
    assert_eq!(directives.len(), 2);
    assert!(directives
        .iter()
        .all(|d| d.themes.first() == Some(&ThemeId::Supervision)));
}

#[test]
fn document_weights_sum_to_one_strongest_first() {
    for name in [
        "seeds/002_d8406d316734750d.txt",
        "tests/inputs/lexicon_standing_committee.txt",
        "tests/inputs/lexicon_provincial_speech.txt",
    ] {
        let speech = parse_input(name);
        let sum: f64 = speech.themes.iter().map(|t| t.weight).sum();
        assert!((sum - 1.0).abs() < 1e-9, "{name}: {sum}");
        assert!(
            speech.themes.windows(2).all(|w| w[0].weight >= w[1].weight),
            "{name}"
        );
        let mut seen: Vec<ThemeId> = speech.themes.iter().map(|t| t.theme).collect();
        seen.dedup();
        assert_eq!(seen.len(), speech.themes.len(), "{name}: each theme once");
    }
}

#[test]
fn every_section_and_directive_of_a_themed_speech_has_themes() {
    for name in [
        "seeds/000_3f4916e24b487887.txt",
        "seeds/004_1c549c44ea05e382.txt",
    ] {
        let speech = parse_input(name);
        fn check(name: &str, sections: &[Section]) {
            for s in sections {
                assert!(!s.themes.is_empty(), "{name}: section {}", s.ordinal);
                assert!(s.themes.len() <= jianghua::themes::MAX_THEMES);
                for d in &s.directives {
                    assert!(!d.themes.is_empty(), "{name}: directive {}", d.ordinal);
                }
                check(name, &s.subsections);
            }
        }
        check(name, &speech.sections);
    }
}

/// A compact view of the themes of a speech for snapshots.
#[derive(Serialize)]
struct Summary {
    document: Vec<String>,
    sections: Vec<SectionThemes>,
}

#[derive(Serialize)]
struct SectionThemes {
    section: String,
    themes: Vec<ThemeId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    directives: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    subsections: Vec<SectionThemes>,
}

fn section_themes(s: &Section) -> SectionThemes {
    let ids = |themes: &[ThemeId]| {
        themes
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    SectionThemes {
        section: format!("{} {}", s.ordinal, s.heading),
        themes: s.themes.clone(),
        directives: s
            .directives
            .iter()
            .map(|d| format!("{} {} → {}", d.ordinal, d.heading, ids(&d.themes)))
            .collect(),
        subsections: s.subsections.iter().map(section_themes).collect(),
    }
}

fn summary(speech: &Speech) -> Summary {
    Summary {
        document: speech
            .themes
            .iter()
            .map(|t| format!("{} {:.3}", t.theme.as_str(), t.weight))
            .collect(),
        sections: speech.sections.iter().map(section_themes).collect(),
    }
}

#[test]
fn snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs: Vec<(String, String)> = Vec::new();
    for dir in ["seeds", "tests/inputs"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("input folder") {
            let path = entry.expect("entry").path();
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let name = match dir {
                "seeds" => format!("seed_{}", stem.split('_').next().unwrap_or(&stem)),
                _ if stem.starts_with("lexicon_") => stem.clone(),
                _ => continue,
            };
            inputs.push((name, format!("{dir}/{stem}.txt")));
        }
    }
    inputs.sort();
    for (name, path) in inputs {
        let speech = parse_input(&path);
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_yaml_snapshot!(format!("themes__{name}"), summary(&speech));
        });
    }
}
