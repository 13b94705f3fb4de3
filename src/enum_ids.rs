//! Every enum whose id is written to a file or read from one: the id (strum) parses back
//! to the same variant, and where serde also names the enum (JSON, prem.toml) it uses the
//! same id, so the files cannot drift apart.

use std::fmt::Debug;
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde::Serialize;
use strum::IntoEnumIterator;

use crate::analysis::flags::{FlagKind, ReasonId};
use crate::analysis::score::Tier;
use crate::config::ParticipationLevel;
use crate::error::row::Problem;
use crate::i18n::Language;
use crate::period::PeriodKind;
use crate::registers::actions::{Horizon, Status};
use crate::text::safeguarding::Category;

/// The ids of all variants, each checked to parse back to its variant.
fn ids<E>() -> Vec<&'static str>
where
    E: IntoEnumIterator + Into<&'static str> + FromStr + Copy + PartialEq + Debug,
{
    E::iter()
        .map(|v| {
            let id: &'static str = v.into();
            assert_eq!(E::from_str(id).ok(), Some(v), "{id}");
            id
        })
        .collect()
}

/// [`ids`], each also checked to be serde's name of the variant.
fn serialized_ids<E>() -> Vec<&'static str>
where
    E: IntoEnumIterator + Into<&'static str> + FromStr + Serialize + Copy + PartialEq + Debug,
{
    let ids = ids::<E>();
    for (v, id) in E::iter().zip(&ids) {
        let json = serde_json::to_value(v).expect("json");
        assert_eq!(json.as_str(), Some(*id), "{v:?}");
    }
    ids
}

/// [`serialized_ids`], each also checked to deserialize back to its variant.
fn read_ids<E>() -> Vec<&'static str>
where
    E: IntoEnumIterator
        + Into<&'static str>
        + FromStr
        + Serialize
        + DeserializeOwned
        + Copy
        + PartialEq
        + Debug,
{
    let ids = serialized_ids::<E>();
    for (v, id) in E::iter().zip(&ids) {
        let read: E = serde_json::from_value((*id).into()).expect("deserialize");
        assert_eq!(read, v, "{id}");
    }
    ids
}

#[test]
fn score_and_quality_ids() {
    assert_eq!(
        serialized_ids::<Tier>(),
        ["suppressed", "indicatief", "full"]
    );
    let problems = serialized_ids::<Problem>();
    assert_eq!(problems.len(), 15);
    assert_eq!(problems[0], "unknown_answer");
    assert!(problems.contains(&"duplicate_respondent"), "{problems:?}");
}

#[test]
fn flag_ids() {
    assert_eq!(ids::<FlagKind>(), ["improvement", "strength"]);
    assert_eq!(
        ids::<ReasonId>(),
        [
            "worse_than_expected",
            "better_than_expected",
            "decline_previous",
            "decline_year",
            "rise_previous",
            "rise_year",
            "spc_concern",
            "spc_improvement",
            "top_verbeterscore",
            "top_topbox",
            "below_target",
            "target_met"
        ]
    );
}

#[test]
fn signal_ids() {
    assert_eq!(
        ids::<Category>(),
        [
            "child_at_risk",
            "suicide",
            "self_harm",
            "abuse",
            "violence",
            "mental_health",
            "flagged"
        ]
    );
}

#[test]
fn register_ids_and_their_other_spellings() {
    assert_eq!(ids::<Horizon>(), ["30 dagen", "90 dagen", "jaar"]);
    assert_eq!(ids::<Status>(), ["gepland", "lopend", "afgerond"]);
    for (text, h) in [
        ("1m", Horizon::Month),
        ("3 maanden", Horizon::Quarter),
        ("12m", Horizon::Year),
    ] {
        assert_eq!(text.parse::<Horizon>().ok(), Some(h), "{text}");
    }
    for (text, s) in [
        ("planned", Status::Planned),
        ("in uitvoering", Status::Running),
        ("gereed", Status::Done),
    ] {
        assert_eq!(text.parse::<Status>().ok(), Some(s), "{text}");
    }
    // One ladder for prem.toml and the register: the same Dutch ids in both.
    assert_eq!(
        read_ids::<ParticipationLevel>(),
        [
            "informeren",
            "raadplegen",
            "adviseren",
            "coproduceren",
            "meebeslissen",
            "zelfbeheer"
        ]
    );
    assert!("binnenkort".parse::<Horizon>().is_err());
    assert!("".parse::<Status>().is_err());
}

#[test]
fn config_ids() {
    assert_eq!(
        read_ids::<PeriodKind>(),
        ["month", "quarter", "half", "year"]
    );
    assert_eq!(read_ids::<Language>(), ["nl", "en"]);
}
