//! Snapshots of the Akoma Ntoso export: every seed as parsed now, and the fully filled-in
//! fixture, whose parts each have their Akoma Ntoso counterpart; and what archivists and the
//! Akoma Ntoso naming convention ask of it (eIds, FRBR dates, one person a speaker, no text
//! said twice).

mod xml_common;

use std::collections::HashSet;

use jianghua::model::{PartialDate, Span, Speaker};
use jianghua::xml::to_akn;
use quick_xml::events::Event;
use quick_xml::Reader;

fn snapshot(name: &str, akn: &str) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, akn);
    });
}

#[test]
fn akn_of_every_seed() {
    for path in xml_common::seeds() {
        let akn = to_akn(&xml_common::parse_file(&path));
        snapshot(&format!("akn__{}", xml_common::stem(&path)), &akn);
    }
}

#[test]
fn akn_of_a_document_with_every_part() {
    let akn = to_akn(&xml_common::rich());
    snapshot("akn__rich", &akn);
    for expected in [
        "<FRBRdate date=\"2024-03-01\" name=\"delivery\"/>",
        "<FRBRcountry value=\"cn\"/>",
        "<FRBRlanguage language=\"zho\"/>",
        "<TLCPerson eId=\"speaker\"",
        "showAs=\"张雷明\"",
        "<speech eId=\"dbsect_1__speech_1\" by=\"#speaker\" as=\"#speakerRole\">",
        "<from eId=\"dbsect_1__speech_1__from_1\">市委书记 张雷明</from>",
        "<num>一、</num>",
        "<heading>坚持党的领导</heading>",
        "<item eId=\"dbsect_1__speech_1__tblock_1__list_1__item_1\">",
        "<num>一要</num>",
        "<concept refersTo=\"#doctrine_1\">习近平法治思想</concept>",
        "<ref href=\"#doctrine_3\">《中华人民共和国立法法》</ref>",
        "<TLCReference eId=\"doctrine_3\"",
        "<TLCConcept eId=\"doctrine_2\"",
        "<docTitle>在市委人大工作会议上的讲话</docTitle>",
    ] {
        assert!(akn.contains(expected), "missing {expected}\n{akn}");
    }
    // Both mentions of 四个意识 are marked, the second one in the second section.
    assert_eq!(
        akn.matches("<concept refersTo=\"#doctrine_2\">“四个意识”</concept>")
            .count(),
        2
    );
    // The directive text is not repeated outside its item.
    assert_eq!(akn.matches("提高立法质量").count(), 1);
}

/// Every element of an Akoma Ntoso document: its name and attributes.
fn elements(akn: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut reader = Reader::from_str(akn);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name: String = e.local_name().as_ref().to_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("an attribute");
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("a value")
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((name, attrs));
            }
            Event::Eof => return out,
            _ => {}
        }
    }
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// The naming convention's eId: `name_number` parts joined by `__`, under an unnumbered
/// `preface` for the preface's.
fn is_convention_eid(eid: &str) -> bool {
    let eid = eid.strip_prefix("preface__").unwrap_or(eid);
    eid.split("__").all(|part| {
        part.split_once('_').is_some_and(|(name, number)| {
            !name.is_empty()
                && name.chars().all(|c| c.is_ascii_alphabetic())
                && !number.is_empty()
                && number
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
    })
}

#[test]
fn every_block_and_container_has_a_unique_eid_by_the_naming_convention() {
    const NEEDS_EID: [&str; 7] = [
        "debateSection",
        "speech",
        "from",
        "p",
        "tblock",
        "blockList",
        "item",
    ];
    let mut documents: Vec<_> = xml_common::seeds()
        .iter()
        .map(|path| xml_common::parse_file(path))
        .collect();
    documents.push(xml_common::rich());
    documents.push(xml_common::minimal());
    for speech in &documents {
        let akn = to_akn(speech);
        let mut seen = HashSet::new();
        for (name, attrs) in elements(&akn) {
            let eid = attr(&attrs, "eId");
            if NEEDS_EID.contains(&name.as_str()) {
                let eid = eid.unwrap_or_else(|| panic!("<{name}> without an eId:\n{akn}"));
                assert!(is_convention_eid(eid), "{eid}");
                assert!(seen.insert(eid.to_owned()), "{eid} twice:\n{akn}");
            }
        }
    }
    // Names as the convention abbreviates them, numbers as the text numbers its parts.
    let akn = to_akn(&xml_common::rich());
    for eid in [
        "dbsect_1",
        "dbsect_1__speech_1",
        "dbsect_1__speech_1__p_1",
        "dbsect_1__speech_1__tblock_2",
        "dbsect_1__speech_1__tblock_1__list_1__item_2__p_1",
        "dbsect_1__speech_1__tblock_1__tblock_1__p_1",
        "dbsect_1__p_1",
        "preface__p_1",
    ] {
        assert!(akn.contains(&format!("eId=\"{eid}\"")), "no {eid}");
    }
}

#[test]
fn two_parts_numbered_alike_keep_distinct_eids() {
    let mut speech = xml_common::rich();
    speech.sections[1].ordinal = speech.sections[0].ordinal;
    let akn = to_akn(&speech);
    assert!(akn.contains("eId=\"dbsect_1__speech_1__tblock_1\""));
    assert!(akn.contains("eId=\"dbsect_1__speech_1__tblock_1_2\""));
}

/// The `date` and `name` of the FRBRWork's `FRBRdate`, and the work IRI.
fn work_identity(akn: &str) -> (String, String, String) {
    let elements = elements(akn);
    let find = |name: &str| {
        elements
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, attrs)| attrs.clone())
            .unwrap_or_else(|| panic!("no <{name}>"))
    };
    let date = find("FRBRdate");
    let uri = find("FRBRuri");
    (
        attr(&date, "date").unwrap_or_default().to_owned(),
        attr(&date, "name").unwrap_or_default().to_owned(),
        attr(&uri, "value").unwrap_or_default().to_owned(),
    )
}

fn dated(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> PartialDate {
    PartialDate {
        year,
        month,
        day,
        text: String::new(),
        span: Span::new(0, 0),
    }
}

#[test]
fn frbr_iris_carry_only_what_is_known_of_the_date() {
    let mut speech = xml_common::rich();
    let (date, name, uri) = work_identity(&to_akn(&speech));
    assert_eq!((date.as_str(), name.as_str()), ("2024-03-01", "delivery"));
    assert!(uri.starts_with("/akn/cn/debate/2024-03-01/"), "{uri}");

    speech.meta.date = Some(dated(Some(2024), Some(3), None));
    let (date, name, uri) = work_identity(&to_akn(&speech));
    assert_eq!(
        (date.as_str(), name.as_str()),
        ("2024-03-01", "delivery (month)")
    );
    assert!(uri.starts_with("/akn/cn/debate/2024/"), "{uri}");

    // No year: nothing is known, whatever month and day are written (日期:01-17).
    speech.meta.date = Some(dated(None, Some(1), Some(17)));
    let akn = to_akn(&speech);
    let (date, name, uri) = work_identity(&akn);
    assert_eq!(name, "unknown");
    // The schema requires a date; only the name-marked placeholder carries one.
    assert_eq!(date, "0001-01-01");
    assert!(uri.starts_with("/akn/cn/debate/undated/"), "{uri}");
    assert_eq!(
        akn.matches("0001-01-01").count(),
        3,
        "only in FRBRdate:\n{akn}"
    );
    assert!(!akn.contains("docDate"), "no docDate for an unknown date");

    // A publication date stands in for an unknown delivery date, and says so.
    speech
        .meta
        .source
        .get_or_insert_with(Default::default)
        .published = Some(dated(Some(2022), Some(6), Some(24)));
    let (date, name, uri) = work_identity(&to_akn(&speech));
    assert_eq!(
        (date.as_str(), name.as_str()),
        ("2022-06-24", "publication")
    );
    assert!(uri.starts_with("/akn/cn/debate/2022-06-24/"), "{uri}");
}

#[test]
fn the_preface_marks_the_speech_date() {
    let akn = to_akn(&xml_common::rich());
    assert!(
        akn.contains("<p eId=\"preface__p_3\" class=\"date\"><docDate date=\"2024-03-01\">2024年3月1日</docDate></p>"),
        "{akn}"
    );
}

/// The `TLCPerson`s of a document: `(href, showAs)`.
fn persons(akn: &str) -> Vec<(String, String)> {
    elements(akn)
        .into_iter()
        .filter(|(name, _)| name == "TLCPerson")
        .map(|(_, attrs)| {
            (
                attr(&attrs, "href").unwrap_or_default().to_owned(),
                attr(&attrs, "showAs").unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_speaker_of_unknown_name_is_a_person_of_that_speech_alone() {
    let named = xml_common::rich();
    assert_eq!(
        persons(&to_akn(&named)),
        [(
            "/akn/ontology/person/cn/%E5%BC%A0%E9%9B%B7%E6%98%8E".to_owned(),
            "张雷明".to_owned()
        )]
    );
    let mut office_only = xml_common::rich();
    office_only.meta.speaker = Some(Speaker {
        name: None,
        role: Some("市委书记".into()),
    });
    let mut nobody = xml_common::minimal();
    nobody.meta.speaker = None;
    let (first, second) = (persons(&to_akn(&office_only)), persons(&to_akn(&nobody)));
    assert_eq!(first.len(), 1);
    assert_eq!(second.len(), 1);
    assert_ne!(
        first[0].0, second[0].0,
        "two unknown speakers are two persons"
    );
    assert!(first[0].0.ends_with("/!main#speaker"), "{first:?}");
    assert_eq!(first[0].1, "市委书记");
    assert_eq!(second[0].1, "unknown speaker");
}

#[test]
fn number_and_heading_are_not_repeated_in_the_text() {
    let akn = to_akn(&xml_common::rich());
    // （一）完善制度。健全工作制度。 → num, heading, and the text after them.
    assert!(akn.contains("<num>（一）</num>"));
    assert!(akn.contains("<heading>完善制度</heading>"));
    assert!(akn.contains(">健全工作制度。</p>"), "{akn}");
    assert_eq!(akn.matches("完善制度").count(), 1, "{akn}");
    // A heading alone on its line leaves no paragraph behind.
    assert_eq!(akn.matches("坚持党的领导").count(), 1, "{akn}");
    // Seeds: no paragraph opens with its tblock's number and heading.
    for path in xml_common::seeds() {
        let speech = xml_common::parse_file(&path);
        let akn = to_akn(&speech);
        for section in &speech.sections {
            let line = format!(
                "{}{}",
                section.marker.as_deref().unwrap_or_default(),
                section.heading
            );
            assert!(
                !akn.contains(&format!("\">{line}")),
                "{}: {line} repeated",
                path.display()
            );
        }
    }
}
