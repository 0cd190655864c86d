//! Where the word rules cannot see, the sentence's grammar decides
//! (`frontline-parse`, trained on UD English EWT): a word of trying far
//! from the infinitive it governs still makes an attempt.

mod common;

use common::events::*;
use frontline::{Action, Side};

/// GeoNames 697421: Petropavlivka, PPLA3, Kharkiv Oblast (admin1 07).
const PETROPAVLIVKA: u32 = 697421;

#[test]
fn trying_far_from_its_infinitive_makes_an_attempt_not_a_capture() {
    let ev =
        events("Russian troops are trying hard, despite heavy losses, to capture Petropavlivka.");
    assert!(
        find(&ev, Action::Capture, PETROPAVLIVKA).is_none(),
        "{ev:?}"
    );
    let assault = find(&ev, Action::Assault, PETROPAVLIVKA).expect("assault");
    assert_eq!(assault.actor, Side::RU);
}
