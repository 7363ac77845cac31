//! The organisations Cadre knows before any import, added to every database at start-up.

use std::fmt::Write as _;

use cadre_domain::organisation::KNOWN_ORGANISATIONS;
use cadre_domain::text::match_key;

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// SQL that adds [`KNOWN_ORGANISATIONS`] and every key they go by (name, acronym, aliases, as
/// [`match_key`]s) to a database, idempotently: an organisation is added only when none of
/// its keys is known yet, and keys already present are left alone. Run by every engine's
/// migration step, inside its migration transaction, after the schema migrations.
pub(crate) fn seed_known_organisations_sql() -> String {
    let mut sql = String::new();
    for org in KNOWN_ORGANISATIONS {
        let names: Vec<&str> = std::iter::once(org.name)
            .chain(org.acronym)
            .chain(org.aliases.iter().copied())
            .collect();
        let mut keys: Vec<String> = Vec::new();
        for n in &names {
            let k = match_key(n);
            if !k.is_empty() && !keys.contains(&k) {
                keys.push(k);
            }
        }
        let key_list = keys.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            sql,
            "INSERT INTO organisations (name, acronym, kind, needs_review) SELECT {}, {}, {}, FALSE \
             WHERE NOT EXISTS (SELECT 1 FROM organisation_aliases WHERE key IN ({key_list}));",
            quote(org.name),
            org.acronym.map(quote).unwrap_or_else(|| "NULL".into()),
            quote(org.kind.as_str()),
        );
        // The organisation: the one already owning one of its keys, else the one just added.
        let owner = format!(
            "COALESCE((SELECT MIN(organisation_id) FROM organisation_aliases WHERE key IN ({key_list})), \
             (SELECT MIN(id) FROM organisations WHERE name = {}))",
            quote(org.name)
        );
        let mut done: Vec<String> = Vec::new();
        for n in &names {
            let k = match_key(n);
            if k.is_empty() || done.contains(&k) {
                continue;
            }
            let _ = writeln!(
                sql,
                "INSERT INTO organisation_aliases (key, organisation_id, alias) SELECT {}, o.id, {} \
                 FROM organisations o WHERE o.id = {owner} ON CONFLICT (key) DO NOTHING;",
                quote(&k),
                quote(n),
            );
            done.push(k);
        }
    }
    sql
}

#[cfg(test)]
mod tests {
    #[test]
    fn seed_sql_quotes_apostrophes() {
        let sql = super::seed_known_organisations_sql();
        assert!(sql.contains("'Ministère de l''Intérieur et de la Décentralisation'"));
    }
}
