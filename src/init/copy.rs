//! What of an export's values `prem init` may write into prem.toml, a starter codebook or
//! the terminal.
//!
//! Those files travel (a question to a colleague, a helpdesk ticket, a shared drive), so a
//! value is written as the export spells it only when at least [`MIN_CLIENTS`] distinct
//! clients gave it: an answer category or a unit's name, never one client's words ("Kevin
//! Jansen", "huiselijk geweld"). Otherwise prem writes its own word for it where it has
//! one (a level of a known answer vocabulary, a "no answer" code, yes or no), and else
//! describes it by its length and how many clients gave it. The rule is about counts, not
//! about kinds: a number or an answer word a single client gave is not copied either.
//!
//! Clients are told apart by the respondent column when init found one, else each row is a
//! client. The export's own dictionary (column names, and an SPSS file's question and
//! answer labels) is the questionnaire's text, not a client's, and is written as it is.

use std::collections::{HashMap, HashSet};

use crate::ingest::value::normalize;

/// Distinct clients who must give a value before `prem init` copies it.
pub const MIN_CLIENTS: usize = 5;

/// Whether a value that `clients` distinct clients gave may be copied as it is.
pub fn copyable(clients: usize) -> bool {
    clients >= MIN_CLIENTS
}

/// A value as a comment may show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// As written: copyable, or prem's own word for it.
    Text(String),
    /// Described: its number of characters and the clients who gave it.
    Described { chars: usize, clients: usize },
}

/// Distinct clients per value of a column; values are compared as prem compares answers
/// (normalised), so "Altijd" and "altijd " are one value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clients(HashMap<String, usize>);

/// Who gave a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Client<'a> {
    Id(&'a str),
    Row(usize),
}

impl Clients {
    /// Counts `values`, row by row; a wide export's merged column holds each care type's
    /// `rows` below one another, so value `j` is row `j % rows`. `ids` are the respondent
    /// column's values, row by row, when there is one; a row without an id is a client of
    /// its own.
    pub fn count(values: &[String], ids: Option<&[String]>, rows: usize) -> Clients {
        let mut seen: HashMap<String, HashSet<Client<'_>>> = HashMap::new();
        for (j, v) in values.iter().enumerate() {
            if v.trim().is_empty() {
                continue;
            }
            let row = if rows == 0 { j } else { j % rows };
            let client = ids
                .and_then(|ids| ids.get(row))
                .map(|id| id.trim())
                .filter(|id| !id.is_empty())
                .map_or(Client::Row(row), Client::Id);
            seen.entry(normalize(v)).or_default().insert(client);
        }
        Clients(seen.into_iter().map(|(v, c)| (v, c.len())).collect())
    }

    /// Distinct clients who gave `value`.
    pub fn of(&self, value: &str) -> usize {
        self.0.get(&normalize(value)).copied().unwrap_or(0)
    }

    /// Whether `value` may be copied as it is.
    pub fn copyable(&self, value: &str) -> bool {
        copyable(self.of(value))
    }

    /// A word prem knows (a level, a "no answer" code): as the export spells it when
    /// copyable, else as prem spells it (`own`), capitalised when the export's is.
    pub fn word(&self, given: &str, own: &str) -> String {
        if self.copyable(given) {
            return given.to_string();
        }
        let mut own_chars = own.chars();
        match (given.trim().chars().next(), own_chars.next()) {
            (Some(g), Some(o)) if g.is_uppercase() => o.to_uppercase().chain(own_chars).collect(),
            _ => own.to_string(),
        }
    }

    /// A value prem has no word of its own for: as given when copyable, else none.
    pub fn value(&self, given: &str) -> Option<String> {
        self.copyable(given).then(|| given.to_string())
    }

    /// A value in a comment: as given when copyable, else described.
    pub fn shown(&self, given: &str) -> Shown {
        match self.value(given) {
            Some(v) => Shown::Text(v),
            None => Shown::Described {
                chars: given.trim().chars().count(),
                clients: self.of(given),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// Distinct by respondent: six rows of two clients are two clients; without a
    /// respondent column each row is one.
    #[test]
    fn clients_are_counted_by_respondent_else_by_row() {
        let values = strings(&["Kevin Jansen"; 6]);
        let ids = strings(&["R1", "R1", "R1", "R2", "R2", "R2"]);
        let by_id = Clients::count(&values, Some(&ids), 6);
        assert_eq!(by_id.of("kevin  jansen"), 2);
        assert_eq!(
            by_id.shown("Kevin Jansen"),
            Shown::Described {
                chars: 12,
                clients: 2
            }
        );
        let by_row = Clients::count(&values, None, 6);
        assert_eq!(by_row.of("Kevin Jansen"), 6);
        assert_eq!(
            by_row.shown("Kevin Jansen"),
            Shown::Text("Kevin Jansen".into())
        );
        // An empty id: the row is a client of its own.
        let ids = strings(&["R1", "", "", "", "", "R1"]);
        assert_eq!(Clients::count(&values, Some(&ids), 6).of("Kevin Jansen"), 5);
    }

    /// A wide column: each care type's rows below one another, the same clients.
    #[test]
    fn a_wide_column_counts_each_client_once() {
        let values = strings(&["Altijd", "Altijd", "Altijd", "Altijd"]);
        let ids = strings(&["R1", "R2"]);
        assert_eq!(Clients::count(&values, Some(&ids), 2).of("Altijd"), 2);
        assert_eq!(Clients::count(&values, None, 2).of("Altijd"), 2);
    }

    #[test]
    fn words_fall_back_to_prems_own_spelling() {
        let few = Clients::count(&strings(&["VAAK", "vaak"]), None, 2);
        assert_eq!(few.word("VAAK", "vaak"), "Vaak");
        assert_eq!(few.word("vaak", "vaak"), "vaak");
        assert_eq!(few.value("VAAK"), None);
        let many = Clients::count(&strings(&["VAAK"; 5]), None, 5);
        assert_eq!(many.word("VAAK", "vaak"), "VAAK");
        assert!(!copyable(MIN_CLIENTS - 1) && copyable(MIN_CLIENTS));
    }
}
