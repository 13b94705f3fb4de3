//! The sample's README: what is synthetic and what was planted.

use super::*;

impl Plan {
    pub(super) fn readme(&self, duplicates: &[String]) -> String {
        let o = &self.opts;
        let first = self.quarters[0].label();
        let last = self.quarters[self.quarters.len() - 1].label();
        let mut s = String::with_capacity(4096);
        s.push_str("# Sample data (synthetic)\n\n");
        s.push_str(
            "Everything in this folder is **synthetic**: no real client, answer or organisation. \
             The VSV names are real Dutch regions, but every practice, hospital and kraamzorg \
             organisation, every answer and every open text is invented. Use it to try `prem`, \
             to write tests and to show the reports.\n\n",
        );
        let reports = if o.reports == "reports" {
            String::new()
        } else {
            format!(" --reports {}", o.reports)
        };
        s.push_str(&format!(
            "Generated with `prem sample --out data-samples --vsvs {} --quarters {} --per-quarter {} --seed {}{reports}` \
             ({} VSVs, {first} to {last}). The same options give byte-identical files.\n\n",
            o.vsvs, o.quarters, o.per_quarter, o.seed, o.vsvs
        ));
        s.push_str("## Files\n\n");
        s.push_str(&format!(
            "- `exports/prem-YYYY-Kq.csv`: the PREM Geboortezorg export, one file per quarter, long layout \
             (one row per respondent × care type: Verloskundigenpraktijk, Kraamzorg and for ~70 % Ziekenhuis), \
             saved as a Dutch Excel does: `;`, Windows-1252, CRLF.\n\
             - `exports/lokale-enquete.xlsx`: a local enquête (sheet `Antwoorden`, title and export date above \
             the header on row 3), 4-point frequency scale as text labels, one reversed item.\n\
             - `lokale-enquete.toml`: its codebook (themes {}, {}, {}).\n\
             - `prem.toml`: the analysis of both sources.\n\
             - `acties.csv`: the actions register (one running, one overdue, one done, one planned).\n\
             - `participatie.csv`: the participation register: a year of activities (cliëntenraad, \
             spiegelgesprek, focusgroepen, kritische incidenten, poll, panel, customer journey, \
             dialoogsessie) on five steps of the ladder, some tied to actions; its open ends are P1 \
             and P6 (older than 90 days, no action) and action A3 (done, never fed back).\n\n",
            LOCAL_THEMES[0].id, LOCAL_THEMES[1].id, LOCAL_THEMES[2].id
        ));
        s.push_str("## Planted effects\n\n");
        if let Some(worse) = self.vsvs.get(WORSE_VSV_INDEX) {
            s.push_str(&format!(
                "- **{}** scores about {WORSE_BY:.1} points lower on `{WORSE_THEME}`, for every care type in every \
                 quarter (and lower on `voorlichting` in the local enquête).\n",
                worse.name
            ));
        }
        s.push_str(&format!(
            "- `{DECLINING_THEME}` is stable, then drops by about {:.1}, {:.1} and {:.1} points in the last three \
             quarters, in every VSV (and `digitale_bereikbaarheid` declines in the local enquête); the open \
             texts about terugbellen and telefoon grow with it.\n\
             - Other VSV × theme differences are small (±0.2).\n",
            DECLINE[0], DECLINE[1], DECLINE[2]
        ));
        if let Some(v) = self.vsvs.get(IMPROVING_VSV_INDEX) {
            s.push_str(&format!(
                "- **{}** rises by about {IMPROVE_BY:.1} on `{IMPROVING_THEME}` in the three quarters after its \
                 action A3 in `acties.csv` started: the agenda's follow-up shows the effect.\n",
                v.name
            ));
        }
        if let Some(small) = self.small {
            s.push_str(&format!(
                "- **{}** is small (about {:.0} respondents a quarter); practices differ in size, so many \
                 practice × quarter cells are below 30 and some below 10.\n",
                self.vsvs[small].name, self.vsvs[small].size
            ));
        }
        s.push_str("\n## Planted data-quality problems\n\n");
        if let Some((from, to)) = duplicate_quarters(o) {
            s.push_str(&format!(
                "- {} respondents of `{from}` ({}) appear again at the top of `{to}` (same number, care \
                 types and answers): count them once and report them.\n",
                duplicates.len(),
                duplicates.join(", ")
            ));
        }
        s.push_str(
            "- Per PREM file: one unparseable date (`31-02-YYYY` or `onbekend`), one out-of-range answer \
             (`11` or `0` on a 1–10 item) and one unknown label (`goed`, `prima` or `zeer goed`).\n\
             - Dates mostly `dd-mm-yyyy`, some `dd/mm/yyyy`, ISO `yyyy-mm-dd` and `dd-mm-yyyy hh:mm`.\n\
             - Missing answers: `n.v.t.` (often for Betrokkenheid partner and Pijnbestrijding) and empty \
             cells; a few respondents stop halfway. A few grades have a decimal comma (`8,5`, valid).\n\
             - Age as years, as bands (`<25`, `25-29`, `35 of ouder`) or empty.\n\
             - About 2 % of the open texts hold a fake e-mail address, phone number or postcode, for \
             testing the scrubbing of quotes; some need CSV quoting (newline, `;`, `\"`).\n\
             - Local enquête: labels in varied case and with spaces (`altijd`, ` Meestal `), `Weet ik niet`, \
             empty answers.\n",
        );
        s
    }
}
