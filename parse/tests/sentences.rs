//! The bundled model on sentences whose trees are not in doubt. Only robust
//! facts are asserted (the root, the subject, the object), the kind of
//! facts event reading relies on.

use frontline_parse::{parse, Deprel, Parse, Upos};

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

fn parsed(s: &str) -> (Vec<&str>, Parse) {
    let w = words(s);
    let p = parse(&w).expect("the bundled model reads");
    (w, p)
}

fn at(w: &[&str], word: &str) -> usize {
    w.iter().position(|x| *x == word).unwrap()
}

#[test]
fn russian_forces_captured_the_village() {
    let (w, p) = parsed("Russian forces captured the village .");
    let v = at(&w, "captured");
    assert_eq!(p.root(), Some(v));
    assert_eq!(p.subject(v), Some(at(&w, "forces")));
    assert_eq!(p.child(v, Deprel::Obj), Some(at(&w, "village")));
    assert_eq!(p.tokens()[v].upos, Upos::Verb);
    assert_eq!(p.deprel(at(&w, "Russian")), Deprel::Amod);
}

#[test]
fn the_controlled_verb_of_trying_hangs_on_trying_and_shares_its_subject() {
    let (w, p) = parsed("Russian troops are trying to capture the town .");
    let capture = at(&w, "capture");
    let trying = at(&w, "trying");
    assert_eq!(p.head(capture), Some(trying));
    assert_eq!(p.deprel(capture), Deprel::Xcomp);
    assert_eq!(p.subject(capture), Some(at(&w, "troops")));
}

#[test]
fn a_passive_has_a_passive_subject_and_an_agent() {
    let (w, p) = parsed("The city was liberated by Ukrainian forces .");
    let v = at(&w, "liberated");
    assert_eq!(p.root(), Some(v));
    assert_eq!(p.deprel(at(&w, "city")), Deprel::NsubjPass);
    assert_eq!(p.agent(v), Some(at(&w, "forces")));
    assert!(p.is_passive(v));
}

#[test]
fn a_reported_clause_is_a_complement_of_the_reporting_verb() {
    let (w, p) = parsed("The institute said that Ukrainian troops advanced near Robotyne .");
    let said = at(&w, "said");
    let advanced = at(&w, "advanced");
    assert_eq!(p.root(), Some(said));
    assert_eq!(p.head(advanced), Some(said));
    assert_eq!(p.deprel(advanced), Deprel::Ccomp);
    assert_eq!(p.subject(advanced), Some(at(&w, "troops")));
    assert_eq!(p.subject(said), Some(at(&w, "institute")));
}

#[test]
fn not_is_an_adverb_of_the_verb_it_negates() {
    let (w, p) = parsed("Russian forces did not capture the village .");
    let v = at(&w, "capture");
    assert_eq!(p.head(at(&w, "not")), Some(v));
    assert_eq!(p.deprel(at(&w, "not")), Deprel::Advmod);
}

#[test]
fn a_possessor_of_a_nominal_trigger_is_nmod_poss() {
    let (w, p) = parsed("Russia 's capture of Avdiivka was confirmed .");
    let capture = at(&w, "capture");
    assert_eq!(p.head(at(&w, "Russia")), Some(capture));
    assert_eq!(p.deprel(at(&w, "Russia")), Deprel::NmodPoss);
    assert_eq!(p.head(at(&w, "Avdiivka")), Some(capture));
}

#[test]
fn every_word_but_the_root_has_a_head_and_there_is_one_root() {
    let (_, p) = parsed(
        "Shelling continued overnight in Kherson , officials said , and two people were wounded .",
    );
    let roots = p.tokens().iter().filter(|t| t.head.is_none()).count();
    assert_eq!(roots, 1);
    let root = p.root().unwrap();
    assert_eq!(p.deprel(root), Deprel::Root);
    for i in 0..p.len() {
        if i != root {
            assert!(
                p.governors(i).any(|g| g == root),
                "word {i} reaches the root"
            );
        }
    }
}

#[test]
fn an_empty_sentence_parses_to_nothing() {
    assert!(parse(&[]).unwrap().is_empty());
}

#[test]
fn parsing_is_deterministic() {
    let w = words("Ukrainian defenders repelled three assaults on Chasiv Yar .");
    assert_eq!(parse(&w).unwrap(), parse(&w).unwrap());
}
