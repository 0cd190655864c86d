//! What happened: the actions events report.

use serde::{Deserialize, Serialize};

use crate::side::Side;

/// What happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Action {
    /// Gained ground, no control claimed.
    Advance,
    /// Took control: took, seized, occupied, liberated, retook.
    Capture,
    /// Left, or was forced out.
    Withdrawal,
    /// Pushed the other side back.
    Counterattack,
    /// Attacked, with no outcome stated.
    Assault,
    /// Defended against an attack.
    Repelled,
    /// Fighting with no direction.
    Clash,
    /// Artillery, missiles, rockets.
    Shelling,
    /// Aircraft, drones, glide bombs.
    AirStrike,
    /// Digging in, building defences.
    Fortification,
    /// Units sent, arrived or redeployed.
    Deployment,
    /// Holds or controls a place: "Ukrainian forces still hold Vuhledar",
    /// "under Russian control", "in Ukrainian hands".
    Hold,
}

impl Action {
    /// The action's name as written in layers (`air_strike`).
    pub fn label(self) -> &'static str {
        match self {
            Action::Advance => "advance",
            Action::Capture => "capture",
            Action::Withdrawal => "withdrawal",
            Action::Counterattack => "counterattack",
            Action::Assault => "assault",
            Action::Repelled => "repelled",
            Action::Clash => "clash",
            Action::Shelling => "shelling",
            Action::AirStrike => "air_strike",
            Action::Fortification => "fortification",
            Action::Deployment => "deployment",
            Action::Hold => "hold",
        }
    }

    /// The closest ACLED sub-event type. A capture by Ukraine on its own
    /// territory is "Government regains territory"; by anyone else,
    /// "Non-state actor overtakes territory", as ACLED codes it.
    pub fn acled_sub_event_type(self, actor: Side) -> &'static str {
        match self {
            Action::Capture if actor == Side::UA => "Government regains territory",
            Action::Capture => "Non-state actor overtakes territory",
            Action::Withdrawal => "Non-violent transfer of territory",
            Action::Advance
            | Action::Counterattack
            | Action::Assault
            | Action::Repelled
            | Action::Clash => "Armed clash",
            Action::Shelling => "Shelling/artillery/missile attack",
            Action::AirStrike => "Air/drone strike",
            Action::Fortification => "Headquarters or base established",
            Action::Deployment | Action::Hold => "Other",
        }
    }
}
