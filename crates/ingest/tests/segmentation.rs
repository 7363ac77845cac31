//! Lost-space repair, measured on the real documents: each seed with every space inside its lines
//! removed (as PDF extraction loses them), repaired, and compared word by word with the seed as
//! written. The seeds are read from disk, never copied into the project.
//!
//! Measured honestly: when seed X is repaired, the lexicon holds the French list plus the words
//! of the *other* seeds (as if they had been imported before), never X's own words.

mod common;

use common::seeds_dir;

use cadre_ingest::segment::{Lexicon, lose_spaces, repair_lost_spaces, word_accuracy};
use cadre_ingest::{ReadOptions, read_document, read_text};
use proptest::prelude::*;

/// (file name, bytes as written) of every seed, in name order.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = seeds_dir();
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read seeds at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".txt"))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("seed readable"))
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= 4,
        "expected the four seeds in {}",
        dir.display()
    );
    out
}

fn seed(prefix: &str) -> (String, Vec<u8>) {
    seeds()
        .into_iter()
        .find(|(name, _)| name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix}*"))
}

/// The text the parsers read (decoded, normalised): what repair sees in `read_text`.
fn normalised(name: &str, bytes: &[u8]) -> String {
    let read = read_text(name, bytes, &ReadOptions::default()).expect("seed reads");
    assert_eq!(
        read.lines_repaired, 0,
        "{name}: repair changed the seed as written"
    );
    read.text
}

#[test]
fn seeds_as_written_are_left_exactly_as_they_are() {
    for (name, bytes) in seeds() {
        let raw = String::from_utf8(bytes.clone()).expect("seeds are UTF-8");
        let text = normalised(&name, &bytes);
        for original in [raw, text] {
            let repaired = repair_lost_spaces(&original, Lexicon::french());
            assert_eq!(repaired.lines_repaired, 0, "{name}");
            if repaired.text != original {
                let changed = original
                    .lines()
                    .zip(repaired.text.lines())
                    .find(|(a, b)| a != b);
                panic!("{name}: a line was changed: {changed:?}");
            }
        }
    }
}

#[test]
fn seeds_without_spaces_are_restored_word_for_word() {
    let seeds: Vec<(String, String)> = seeds()
        .into_iter()
        .map(|(name, bytes)| {
            let text = normalised(&name, &bytes);
            (name, text)
        })
        .collect();
    let mut failures = Vec::new();
    for (name, original) in &seeds {
        let lost = lose_spaces(original);
        let others = seeds
            .iter()
            .filter(|(other, _)| other != name)
            .map(|(_, text)| text.as_str());
        let leave_one_out = Lexicon::with_vocabulary(others);
        let french = word_accuracy(original, &repair_lost_spaces(&lost, Lexicon::french()).text);
        let repaired = repair_lost_spaces(&lost, &leave_one_out);
        let accuracy = word_accuracy(original, &repaired.text);
        println!(
            "{name}: French list only {:.2}%, with the other seeds' words {:.2}% ({} of {} words), {} lines repaired",
            100.0 * french.share(),
            100.0 * accuracy.share(),
            accuracy.matched,
            accuracy.words,
            repaired.lines_repaired
        );
        assert!(repaired.lines_repaired > 0, "{name}: nothing repaired");
        if accuracy.share() < 0.97 {
            failures.push(format!(
                "{name}: {:.2}% < 97% (leave-one-out)",
                100.0 * accuracy.share()
            ));
        }
        if french.share() < 0.95 {
            failures.push(format!(
                "{name}: {:.2}% < 95% (French list only)",
                100.0 * french.share()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

fn repair(text: &str) -> String {
    repair_lost_spaces(text, Lexicon::french()).text
}

#[test]
fn the_examples_of_lost_spaces() {
    assert_eq!(
        repair("Pointsinscritsàl'ordredujour"),
        "Points inscrits à l'ordre du jour"
    );
    assert_eq!(repair("Date 16février2023"), "Date 16 février 2023");
    assert_eq!(
        repair("Lieu SallederéunionDGECM-R"),
        "Lieu Salle de réunion DGECM-R"
    );
    let r = repair_lost_spaces(
        "Date\t16février2023\nLieu\tSallederéunion",
        Lexicon::french(),
    );
    assert_eq!(r.text, "Date\t16 février 2023\nLieu\tSalle de réunion");
    assert_eq!(r.lines_repaired, 2);
}

#[test]
fn numbers_codes_and_compounds_stay_whole() {
    assert_eq!(
        repair("Laréunionacommencéà9H15-11H00le1ermars"),
        "La réunion a commencé à 9H15-11H00 le 1er mars"
    );
    assert_eq!(
        repair("ledécretn°2020-744/PRN/MISP/D/ACRdu28septembre2020adoptelaPNM"),
        "le décret n°2020-744/PRN/MISP/D/ACR du 28 septembre 2020 adopte la PNM"
    );
    assert_eq!(
        repair("la2èmeréuniondelaCroix-Rougeestpeut-êtrereportée"),
        "la 2ème réunion de la Croix-Rouge est peut-être reportée"
    );
    assert_eq!(
        repair("c'est-à-direjusqu'àlafindumois"),
        "c'est-à-dire jusqu'à la fin du mois"
    );
    // Addresses are never cut, even in a repaired line.
    assert_eq!(
        repair("Contactezlesecrétariat\tsecretariat.permanent@gmail.com"),
        "Contactez le secrétariat\tsecretariat.permanent@gmail.com"
    );
}

#[test]
fn punctuation_is_spaced_the_french_way_or_as_the_document_does() {
    assert_eq!(
        repair("-Ouverture(SP/CCM);-Divers,etprochainesétapes."),
        "-Ouverture (SP/CCM) ; -Divers, et prochaines étapes."
    );
    // A document that writes "word;" keeps doing so in its repaired lines.
    let tight = "Les membres présents sont les suivants; la séance est ouverte: voici\nLesdiscussionsontportésurlesrecommandations;lesuivi:lecalendrier";
    let repaired = repair(tight);
    assert!(
        repaired.ends_with(
            "Les discussions ont porté sur les recommandations; le suivi: le calendrier"
        ),
        "{repaired}"
    );
}

#[test]
fn normal_text_with_names_and_acronyms_is_not_touched() {
    for line in [
        "Le programme \"Safe for Women\" d'ONUFemmes et de SlycanTrust",
        "Ses partenaires : Nexus Solidarietà Emilia Romagna, Re.Mi et C.C.E.N",
        "1\tKadirou Nafissa\tMI/D\t90000000\tprenom.nom@example.org",
        "Personnes/AgenceResponsable",
        "- **Résultat2** : appui aux migrant.e.s",
        "Site : www.migration-spccm.ne ; décret n°2018-303/PRN/MD/U/L",
    ] {
        let r = repair_lost_spaces(line, Lexicon::french());
        assert_eq!((r.text.as_str(), r.lines_repaired), (line, 0));
    }
}

#[test]
fn vocabulary_of_imported_documents_helps() {
    // Place names the French list does not know are cut into words…
    let lost = "lespostesdeSabonguidaetd'Allela";
    let expected = "les postes de Sabon guida et d'Allela";
    assert_ne!(repair(lost), expected);
    // …until a document already imported used them.
    let lexicon = Lexicon::with_vocabulary(["Visite des postes de Sabon guida et Allela"]);
    assert_eq!(repair_lost_spaces(lost, &lexicon).text, expected);
}

/// The parts of a meeting the header and the tables give.
fn essentials(name: &str, bytes: &[u8]) -> String {
    let m = read_document(name, bytes, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .meeting;
    let actions: Vec<String> = m
        .action_points()
        .map(|a| format!("{} | {:?} | {:?}", a.what, a.responsible, a.deadline))
        .collect();
    format!(
        "date {}\nstart {:?}\nplace {:?}\nagenda items {}\nactions {actions:#?}",
        m.date,
        m.start_time,
        m.place,
        m.agenda.len()
    )
}

#[test]
fn minutes_without_spaces_read_as_the_originals() {
    for prefix in ["000", "004"] {
        let (name, bytes) = seed(prefix);
        let original = essentials(&name, &bytes);
        let text = normalised(&name, &bytes);
        let lost = lose_spaces(&text);
        assert!(!lost.contains(' '));
        let read = read_text("x.txt", lost.as_bytes(), &ReadOptions::default()).unwrap();
        assert!(
            read.lines_repaired > 10,
            "{name}: {} lines",
            read.lines_repaired
        );
        assert!(read.notes.iter().any(|n| n.contains("spaces restored")));
        assert_eq!(essentials("x.txt", lost.as_bytes()), original, "{name}");
    }
}

fn no_spaces(s: &str) -> String {
    s.chars().filter(|&c| c != ' ').collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Repair only inserts spaces: letters, case and signs stay as written.
    #[test]
    fn only_spaces_are_inserted(s in "\\PC{0,80}") {
        let out = repair(&s);
        prop_assert_eq!(no_spaces(&out), no_spaces(&s));
        prop_assert_eq!(out.lines().count(), s.lines().count());
    }

    #[test]
    fn only_spaces_are_inserted_in_french_without_spaces(
        s in "[a-zA-Zàâçéèêëîïôûùœ'’°/.,;:()\\-0-9\\t\\n«»\"]{0,120}"
    ) {
        let out = repair(&s);
        prop_assert_eq!(no_spaces(&out), no_spaces(&s));
    }
}
