//! Snapshots of the Akoma Ntoso export: every seed as parsed now, and the fully filled-in
//! fixture, whose parts each have their Akoma Ntoso counterpart.

mod xml_common;

use jianghua::xml::to_akn;

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
        "<speech eId=\"dbsect_1__spe_1\" by=\"#speaker\" as=\"#speakerRole\">",
        "<from>市委书记 张雷明</from>",
        "<num>一、</num>",
        "<heading>坚持党的领导</heading>",
        "<item>",
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
