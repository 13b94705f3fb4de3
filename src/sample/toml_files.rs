//! The sample's `prem.toml` and the local enquête's codebook, written as commented TOML.

use super::*;

// prem.toml and the codebook are written by hand, not by the `toml` crate: they are
// commented templates for users to edit (toml writes no comments), and toml's writer would
// pick a literal string ('…') for a value holding `"` or `\`, changing the bytes.

/// A TOML basic string.
pub(super) fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

pub(super) fn toml_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| toml_str(s)).collect();
    format!("[{}]", quoted.join(", "))
}

/// The codebook of the local enquête.
pub(super) fn local_codebook() -> String {
    let mut s = String::with_capacity(4096);
    s.push_str(
        "# Codebook of the local enquête \"Enquête cliëntervaring kraamperiode\" (Microsoft Forms).\n\
         # Synthetic, written by `prem sample`. Columns are named after the full question text.\n\n",
    );
    s.push_str("name = \"lokale-enquete\"\n");
    s.push_str("title = \"Enquête cliëntervaring kraamperiode\"\n\n");
    s.push_str("# Answers are text labels, worst first; case, accents and spaces do not matter.\n");
    s.push_str("[scales.frequentie]\n");
    s.push_str("type = \"ordinal\"\n");
    s.push_str("levels = [\"nooit\", \"soms\", \"meestal\", \"altijd\"]\n");
    s.push_str("positive = [\"altijd\"]\n");
    s.push_str("problem = [\"nooit\", \"soms\"]\n");
    s.push_str("missing = [\"weet ik niet\", \"niet van toepassing\"]\n");
    for t in &LOCAL_THEMES {
        s.push_str("\n[[themes]]\n");
        s.push_str(&format!("id = {}\n", toml_str(t.id)));
        s.push_str(&format!("label = {}\n", toml_str(t.label)));
        s.push_str(&format!("label_en = {}\n", toml_str(t.label_en)));
        s.push_str(&format!("importance = {:.1}\n", t.importance));
        s.push_str(&format!("keywords = {}\n", toml_list(t.keywords)));
    }
    for item in &LOCAL_ITEMS {
        s.push_str("\n[[items]]\n");
        s.push_str(&format!("id = {}\n", toml_str(item.id)));
        s.push_str(&format!(
            "theme = {}\n",
            toml_str(LOCAL_THEMES[item.theme].id)
        ));
        s.push_str(&format!("columns = {}\n", toml_list(&[item.text])));
        s.push_str(&format!("text = {}\n", toml_str(item.text)));
        s.push_str("scale = \"frequentie\"\n");
        if item.reverse {
            s.push_str("# Lower is better: \"nooit\" lang wachten is the best answer.\n");
        }
        s.push_str(&format!("reverse = {}\n", item.reverse));
    }
    // "Opmerkingen" holds compliments and complaints alike: as `comments`, each text is
    // quoted only on the side its words show (declared as `improvement`, "Het chatten met
    // de praktijk werkte goed." was once quoted under an improvement point).
    s.push_str("\n[open]\n# Opmerkingen of either kind: each is quoted as a compliment or a complaint only\n# when its words say clearly which.\ncomments = [\"Opmerkingen\"]\n");
    s
}

/// The analysis configuration of the sample.
pub(super) fn prem_toml(reports: &str) -> String {
    let mut s = String::with_capacity(4096);
    s.push_str(
        "# prem.toml — example analysis, written by `prem sample` (synthetic data).\n\
         # Paths and globs are relative to this file. Unknown keys are an error.\n\n",
    );
    s.push_str("[analysis]\n");
    s.push_str("# Title of the reports.\nname = \"Regio Noord-Holland Noord\"\n");
    s.push_str("# Reporting period: quarter | month | half | year.\nperiod = \"quarter\"\n");
    s.push_str("# Language of the reports: nl | en.\nlanguage = \"nl\"\n");
    s.push_str(&format!(
        "# Folder for the reports.\noutput = {}\n",
        toml_str(reports)
    ));
    s.push_str(
        "# Our 'waarom', shown atop every agenda.\n\
         why = \"Omdat iedere moeder, ieder kind en ieder gezin een goede start verdient, en wij van cliënten willen leren wat beter kan.\"\n",
    );
    s.push_str("# Minimal important difference on the 0–10 score.\nmid = 0.45\n");
    s.push_str("\n# A theme scoring below its target (0–10) is flagged.\n[targets]\n");
    s.push_str(&format!("{WORSE_THEME} = 8.0\n"));
    s.push_str(
        "\n# Small cells: below min_n nothing is shown; below indicative_n a cell is 'indicatief'.\n\
         [privacy]\nmin_n = 10\nindicative_n = 30\n",
    );
    s.push_str(SAMPLE_QUOTES);
    s.push_str("\n# The national PREM Geboortezorg, one export per quarter, long layout.\n");
    s.push_str("[[source]]\nname = \"prem\"\nfiles = [\"exports/prem-*.csv\"]\n");
    s.push_str("codebook = \"prem-geboortezorg\"\n");
    s.push_str("# Dates are written day first (01-02-2026).\ndate_order = \"dmy\"\n");
    s.push_str("# Level on the participatieladder.\nparticipation = \"raadplegen\"\n");
    s.push_str("# Canonical field = column name in the export.\n[source.columns]\n");
    for (field, col) in [
        ("respondent", 0),
        ("vsv", 1),
        ("organisation", 2),
        ("care_type", 3),
        ("date", 4),
        ("parity", 5),
        ("age", 6),
        ("education", 7),
        ("place_of_birth", 8),
    ] {
        s.push_str(&format!("{field} = {}\n", toml_str(PREM_COLUMNS[col])));
    }
    s.push_str("\n# The local enquête (Microsoft Forms export; the header is on row 3).\n");
    s.push_str("[[source]]\nname = \"lokaal\"\nfiles = [\"exports/lokale-enquete.xlsx\"]\n");
    s.push_str("codebook = \"lokale-enquete.toml\"\nsheet = \"Antwoorden\"\nheader_row = 3\n");
    s.push_str("participation = \"raadplegen\"\n[source.columns]\n");
    for (field, col) in [
        ("respondent", 0),
        ("date", 1),
        ("vsv", 2),
        ("parity", 3),
        ("age", 4),
    ] {
        s.push_str(&format!("{field} = {}\n", toml_str(LOCAL_COLUMNS[col])));
    }
    s
}
