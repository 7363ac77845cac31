use super::*;

#[test]
fn both_languages_have_the_same_keys() {
    for (name, fr, en) in FILES {
        let mut fr_keys: Vec<String> = message_keys(fr).collect();
        let mut en_keys: Vec<String> = message_keys(en).collect();
        fr_keys.sort();
        en_keys.sort();
        let only_fr: Vec<_> = fr_keys.iter().filter(|k| !en_keys.contains(k)).collect();
        let only_en: Vec<_> = en_keys.iter().filter(|k| !fr_keys.contains(k)).collect();
        assert!(
            only_fr.is_empty() && only_en.is_empty(),
            "{name}.ftl: only in French {only_fr:?}, only in English {only_en:?}"
        );
    }
}

#[test]
fn every_message_formats_in_both_languages() {
    for lang in Lang::ALL {
        for key in keys() {
            if !catalogue(lang).plain.contains_key(&key) {
                // A message with arguments: formats with them (missing ones show as names).
                let text = tf(lang, &key, &[]);
                assert!(!text.is_empty() && text != key, "{key} in {lang:?}");
            }
        }
    }
}

#[test]
fn french_is_written_with_french_typography() {
    for (name, fr, _) in FILES {
        for (n, line) in fr.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            // Values, and the lines that continue them (variants of a selector).
            let value = line.split_once('=').map_or(line, |(_, v)| v);
            for mark in [" :", " ;", " ?", " !", "\u{a0}?", "\u{a0}!", "\u{a0};"] {
                assert!(
                    !value.contains(mark),
                    "fr/{name}.ftl line {}: {mark:?} wants a narrow no-break space (U+202F) before the mark, or U+00A0 before ':'",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn arguments_and_plurals() {
    assert_eq!(
        tf(Lang::Fr, "age-open-months", &[("months", 14.into())]),
        "ouvert depuis 14 mois"
    );
    assert_eq!(
        tf(Lang::En, "age-open-months", &[("months", 1.into())]),
        "open for 1 month"
    );
    assert_eq!(
        tf(Lang::En, "age-open-months", &[("months", 14.into())]),
        "open for 14 months"
    );
    assert_eq!(
        tf(Lang::Fr, "results-count", &[("n", 12345.into())]),
        "12\u{202f}345 résultats"
    );
}

#[test]
fn dates_times_and_numbers() {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(date(Lang::Fr, d(2026, 12, 1)), "1er décembre 2026");
    assert_eq!(date(Lang::Fr, d(2023, 2, 16)), "16 février 2023");
    assert_eq!(date(Lang::En, d(2026, 12, 1)), "1 December 2026");
    let nine = NaiveTime::from_hms_opt(9, 5, 0).unwrap();
    assert_eq!(
        (time(Lang::Fr, nine), time(Lang::En, nine)),
        ("9h05".into(), "9:05".into())
    );
    assert_eq!(number(Lang::Fr, 1234567), "1\u{202f}234\u{202f}567");
    assert_eq!(number(Lang::En, -1234), "-1,234");
    assert_eq!(number(Lang::En, 999), "999");
}

#[test]
fn the_browser_chooses_among_the_languages_cadre_speaks() {
    assert_eq!(
        Lang::from_accept_language("en-GB,en;q=0.9,fr;q=0.8"),
        Some(Lang::En)
    );
    assert_eq!(
        Lang::from_accept_language("fr-NE, en;q=0.5"),
        Some(Lang::Fr)
    );
    assert_eq!(Lang::from_accept_language("ha, en;q=0.3"), Some(Lang::En));
    assert_eq!(Lang::from_accept_language("de, ha"), None);
    assert_eq!(
        Lang::from_accept_language("en;q=0, fr;q=0.1"),
        Some(Lang::Fr)
    );
    assert_eq!(Lang::from_accept_language(""), None);
}

#[test]
fn an_unknown_key_shows_itself() {
    assert_eq!(t(Lang::En, "no-such-key"), "no-such-key");
}
