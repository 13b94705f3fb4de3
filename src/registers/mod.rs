//! The registers the officer keeps beside the exports: improvement actions
//! ([`actions`], `acties.csv`) and client participation ([`participation`],
//! `participatie.csv`), both read by one [`reader`], and the one rule for finding a VSV
//! by the name a person typed ([`find_unit`]).

pub mod actions;
pub mod participation;
pub(crate) mod reader;

use crate::ingest::value::normalize;
use crate::ingest::Canonical;

/// The unit (VSV) among `among` that a person's `name` means: the one rule wherever a VSV
/// is named by hand (`prem report --vsv`, the `vsv` column of `acties.csv` and
/// `participatie.csv`). Surrounding spaces, case, accents and runs of inner spaces do not
/// count, as for column names and answer labels ([`normalize`]): " sint-jans gasthuis"
/// finds "Sint-Jans Gasthuis", "Zaanstreek-Noord" finds "Zaanstreek-noord". A name
/// spelled exactly as the data spell it always finds that unit; a looser spelling that
/// fits two units finds none, so nothing is put with the wrong VSV by a guess.
pub fn find_unit(data: &Canonical, among: &[u32], name: &str) -> Option<u32> {
    if let Some(&v) = among.iter().find(|&&v| data.names.get(v) == name) {
        return Some(v);
    }
    let wanted = normalize(name);
    let mut fits = among
        .iter()
        .filter(|&&v| normalize(data.names.get(v)) == wanted);
    match (fits.next(), fits.next()) {
        (Some(&v), None) => Some(v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_found_ignoring_case_accents_and_spaces_but_never_by_a_guess() {
        let mut data = Canonical::default();
        let names = ["Sint-Jans Gasthuis", "Zaanstreek", "Noord", "noord"];
        let ids: Vec<u32> = names.iter().map(|n| data.names.intern(n)).collect();
        let find = |name: &str| find_unit(&data, &ids, name);
        assert_eq!(find("Sint-Jans Gasthuis"), Some(ids[0]));
        assert_eq!(find("  sint-jans   GASTHUIS "), Some(ids[0]));
        assert_eq!(find("Zäänstreek"), Some(ids[1]));
        // Exactly as the data spell it: that unit, though another differs only in case.
        assert_eq!(find("Noord"), Some(ids[2]));
        assert_eq!(find("noord"), Some(ids[3]));
        // A looser spelling that fits both: neither.
        assert_eq!(find("NOORD"), None);
        assert_eq!(find("Zuid"), None);
        // Only among the units asked about.
        assert_eq!(find_unit(&data, &ids[1..2], "Sint-Jans Gasthuis"), None);
    }
}
