//! The walk over an article's sentences: triggers found, places attached
//! to them, each kept place an [`Event`](super::Event).

use super::attach::{area_locates_previous, names_an_area, role_of, Reach, Role, Site, SiteKind};
use super::*;
use std::rc::Rc;

/// How far, in words, a place may stand from its trigger.
pub(super) const MAX_REACH: usize = 25;
/// How far, in words, a place may stand from "hold" or "control": "still
/// hold Vuhledar", "Kreminna is under Russian control".
pub(super) const HOLD_REACH: usize = 5;
/// How far, in words, a "take" may stand before its place, every word
/// between leading to it: "had taken full control of the village of Sokil".
pub(super) const TAKE_REACH: usize = 8;
/// How far, in words, around a trigger its clause is taken to reach.
pub(super) const CLAUSE: usize = 8;

/// The most words of one sentence the event rules read at once. A real
/// sentence is under 150 words; a longer "sentence" (a list run together,
/// text with no full stops) is read in windows of at most this many words,
/// so that rules that look across their sentence stay linear in its length.
pub(super) const MAX_WINDOW: usize = 400;

/// The windows (first and last word) in which the sentence of words
/// `first..=last` is read: the whole sentence when it has at most
/// [`MAX_WINDOW`] words, else windows of at most that many, each ending
/// at the last comma or semicolon of its second half when there is one.
pub(super) fn windows(gaps: &[&str], first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = first;
    while last - start + 1 > MAX_WINDOW {
        let hard = start + MAX_WINDOW - 1;
        let end = (start + MAX_WINDOW / 2..=hard)
            .rev()
            .find(|&k| gaps[k].contains([',', ';']))
            .unwrap_or(hard);
        out.push((start, end));
        start = end + 1;
    }
    out.push((start, last));
    out
}

/// The round brackets of a text, to tell whether a place is written inside
/// them, found in one pass (searching back from each place was quadratic).
pub(super) struct Brackets {
    /// Byte offset of each bracket, in text order, and whether it opens.
    marks: Vec<(usize, bool)>,
}

impl Brackets {
    pub(super) fn new(text: &str) -> Brackets {
        let marks = text
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| match b {
                b'(' => Some((i, true)),
                b')' => Some((i, false)),
                _ => None,
            })
            .collect();
        Brackets { marks }
    }

    /// True when the last bracket before byte `at` opens: "Kurakhove
    /// (Pokrovsk raion" is inside, "(the town) Pokrovsk" is not.
    pub(super) fn is_open_at(&self, at: usize) -> bool {
        let before = self.marks.partition_point(|&(i, _)| i < at);
        before > 0 && self.marks[before - 1].1
    }
}

/// [`find_events`] with the facts about the text's words already looked up.
pub(crate) fn find_events_with(
    t: &Tokenized<'_>,
    facts: &[WordFacts],
    mentions: &[ResolvedMention],
    published: Option<NaiveDate>,
) -> Vec<Event> {
    let lower: &[Word<'_>] = &t.lower;
    let gaps: Vec<&str> = (0..t.tokens.len()).map(|k| t.gap(k)).collect();
    // The side each word names: side words ("Russian", "Kyiv"), and any
    // country the text names (Poland → PL).
    let mut token_side: Vec<Option<Side>> = (0..t.tokens.len())
        .map(|k| side_at(lower, facts, k).or_else(|| named_side(lower, k)))
        .collect();
    for m in mentions {
        let Some(r) = &m.resolution else { continue };
        if !r.place.is_country() {
            continue;
        }
        let k = t.tokens.partition_point(|tok| tok.start < m.bytes.0);
        if k < t.tokens.len() {
            let cc = r.place.country_code.as_bytes();
            if token_side[k].is_none() && cc.len() == 2 {
                token_side[k] = Some(Side::Other([cc[0], cc[1]]));
            }
        }
    }
    // "… Elements of the 90th Battalion arrived": the side it was named with.
    carry_unit_sides(lower, &mut token_side);
    let brackets = Brackets::new(t.text);
    // Whether a mention was resolved to a settlement.
    let populated = |m: usize| {
        mentions[m]
            .resolution
            .as_ref()
            .is_some_and(|r| r.place.is_populated())
    };
    let paragraph_source = paragraph_sources(t);
    let mut events = Vec::new();
    let mut last_actor = Side::Unknown;
    // The settlements of the last sentence that named any, and its paragraph.
    // (Shared, not copied, by the sentences after it: a sentence naming
    // thousands would otherwise be copied once for each sentence after it.)
    let mut named_before: Option<(Rc<Vec<usize>>, usize)> = None;
    // The settlements that opened the last sentence naming any, in any
    // paragraph: only a settlement the sentence was about (one that opens
    // it) is still "the settlement" of a new paragraph.
    let mut named_last: Rc<Vec<usize>> = Rc::default();
    let opens_its_sentence =
        |m: usize| mentions[m].bytes.0 <= t.sentences[mentions[m].sentence].start;
    // The last first-level region named, for "the oblast", "the region".
    let mut region_before: Option<usize> = None;
    let is_region = |m: usize| {
        mentions[m]
            .resolution
            .as_ref()
            .is_some_and(|r| r.place.feature_code == "ADM1")
    };
    // What "the city" stands for with no settlement named before in its
    // paragraph: the settlement the article names most often.
    let topic = article_topic(mentions.len(), populated, |m| {
        mentions[m]
            .resolution
            .as_ref()
            .map_or(0, |r| r.place.geonameid)
    });
    // Tokens and mentions are in text order: walk both once.
    let mut next_token = 0;
    let mut next_mention = 0;
    for s in 0..t.sentences.len() {
        let first = next_token;
        while next_token < t.tokens.len() && t.tokens[next_token].sentence == s {
            next_token += 1;
        }
        let mut in_sentence: Vec<usize> = Vec::new();
        while next_mention < mentions.len() && mentions[next_mention].sentence <= s {
            // "the Luhansk People's Republic" names an actor, no place.
            if mentions[next_mention].sentence == s
                && mentions[next_mention].resolution.is_some()
                && !names_a_formation(
                    &t.text[mentions[next_mention].bytes.0..mentions[next_mention].bytes.1],
                    &t.text[mentions[next_mention].bytes.1..],
                )
            {
                in_sentence.push(next_mention);
            }
            next_mention += 1;
        }
        // The last settlement named before this sentence in its paragraph:
        // what "the city" and "the village" stand for.
        let paragraph = t.sentences[s].paragraph;
        let before: Rc<Vec<usize>> = named_before
            .as_ref()
            .filter(|(_, p)| *p == paragraph)
            .map_or_else(
                || Rc::new(topic.into_iter().collect()),
                |(list, _)| Rc::clone(list),
            );
        // With neither, the settlement that opened the last sentence naming any.
        let earlier: Rc<Vec<usize>> = Rc::clone(&named_last);
        let antecedent = before.last().or(earlier.last()).copied();
        let settled: Vec<usize> = in_sentence
            .iter()
            .copied()
            .filter(|&m| populated(m))
            .collect();
        let region_earlier = region_before;
        if let Some(&m) = in_sentence.iter().rev().find(|&&m| is_region(m)) {
            region_before = Some(m);
        }
        if !settled.is_empty() {
            named_last = Rc::new(
                settled
                    .iter()
                    .copied()
                    .filter(|&m| opens_its_sentence(m))
                    .collect(),
            );
            named_before = Some((Rc::new(settled), paragraph));
        }
        if next_token == first {
            continue;
        }
        let last = next_token - 1;
        // A sentence far longer than any real one is read in windows of
        // at most MAX_WINDOW words, each with its own places: every rule
        // below reads at most a window, so a sentence of any length reads
        // in linear time. A real sentence is one window.
        let windows = windows(&gaps, first, last);
        let whole = windows.len() == 1;
        let mut sentence_mentions = in_sentence;
        let mut next_of_sentence = 0;
        for (first, last) in windows {
            // The mentions that begin in the window.
            let in_sentence: Vec<usize> = if whole {
                std::mem::take(&mut sentence_mentions)
            } else {
                let from = next_of_sentence;
                while next_of_sentence < sentence_mentions.len()
                    && t.tokens.partition_point(|tok| {
                        tok.start < mentions[sentence_mentions[next_of_sentence]].bytes.0
                    }) <= last
                {
                    next_of_sentence += 1;
                }
                sentence_mentions[from..next_of_sentence].to_vec()
            };
            // Where the window begins: a list is read back no further.
            let window_start = if whole { 0 } else { t.tokens[first].start };
            let sentence = Sentence {
                text: t.text,
                lower,
                gaps: &gaps,
                facts,
                first,
                last,
                grammar: GrammarCell::new(&t.tokens),
            };
            let mut triggers = sentence.find_triggers();
            // "trying to capture", "plans to seize", "an offensive to retake".
            sentence.govern(&mut triggers);
            // ", pushing back…": a participle after a comma elaborates.
            for tr in triggers.iter_mut().skip(1) {
                tr.elaborates = lower[tr.at].ends_with("ing") && gaps[tr.at - 1].contains(',');
            }
            // Deployments are of units: "sent troops", not "transferred batteries".
            let units = triggers.iter().any(|tr| tr.action == Action::Deployment)
                && facts[first..=last]
                    .iter()
                    .any(|f| f.lists & Lists::UNIT != 0);
            triggers.retain(|tr| tr.action != Action::Deployment || units);
            if triggers.is_empty() {
                // "…pushed Russian forces back from Vovchansk. … they're doing
                // well at Lyptsi, Starytsya": a sentence with no trigger whose
                // subject is the side that just acted goes on with its action.
                if let Some(tr) = sentence.carried_over(&token_side, s, &events) {
                    triggers.push(tr);
                } else {
                    // An actor named without an event is still the "they" of the next sentence.
                    if let Some(side) = (first..=last).rev().find_map(|k| token_side[k]) {
                        last_actor = side;
                    }
                    continue;
                }
            }
            // Dates matter only to events, which need a place: one named here,
            // or one named before that "the city" stands for.
            let placed = !in_sentence.is_empty()
                || ((antecedent.is_some() || region_earlier.is_some()) && sentence.has_anaphor());
            let sentence_date = placed.then(|| sentence.date_in(published)).flatten();
            // A mention's first and last word, by binary search.
            let token_of = |m: usize| {
                let start = mentions[m].bytes.0;
                t.tokens
                    .partition_point(|tok| tok.start < start)
                    .clamp(first, last)
            };
            let token_end = |m: usize| {
                let end = mentions[m].bytes.1;
                t.tokens
                    .partition_point(|tok| tok.start < end)
                    .saturating_sub(1)
                    .clamp(first, last)
            };
            let sentence_recalls_earlier = placed && sentence.recalls_earlier(published);
            // The first token of the list a mention stands in ("near A, B and C").
            // Names no place fits still stand in lists ("near Myrolubivka,
            // Lysivka and Mykhailivka").
            let list_head = |m: usize| {
                let mut cur = m;
                while cur > 0
                    && mentions[cur - 1].sentence == s
                    && mentions[cur - 1].bytes.0 >= window_start
                {
                    let prev = cur - 1;
                    let gap = &t.text[mentions[prev].bytes.1..mentions[cur].bytes.0];
                    if !is_list_gap(gap) {
                        break;
                    }
                    cur = prev;
                }
                token_of(cur)
            };
            if triggers.is_empty() {
                continue;
            }
            // The sentence's resolved places, as the place rules read them.
            let sites: Vec<Site> = in_sentence
                .iter()
                .map(|&m| Site {
                    mention: m,
                    at: token_of(m),
                    end: token_end(m),
                    bytes: mentions[m].bytes,
                    list_head: list_head(m),
                    bracketed: brackets.is_open_at(mentions[m].bytes.0),
                    kind: SiteKind::of(&mentions[m].resolution.as_ref().expect("resolved").place),
                })
                .collect();
            // A mention's place among the sentence's sites.
            let site_of = |m: usize| {
                in_sentence
                    .binary_search(&m)
                    .expect("a mention of the sentence")
            };
            // Each place goes to the nearest trigger within reach, preferring
            // one before it; a place headed to ("toward X") to the one before it.
            let mut by_trigger: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
            // "…on Lyman and took control of the city": a trigger whose object
            // is "the city" takes no named place before it.
            let object_refers: Vec<bool> = triggers
                .iter()
                .map(|tr| {
                    sentence
                        .settlement_named_again(tr.at)
                        .is_some_and(|noun| noun > tr.at)
                })
                .collect();
            for &m in &in_sentence {
                let at = token_of(m);
                let toward = sentence.heads_to(at);
                let best = (0..triggers.len())
                    .filter(|&i| !(toward && triggers[i].at > at))
                    .filter(|&i| triggers[i].at.abs_diff(at) <= MAX_REACH)
                    .filter(|&i| !(object_refers[i] && triggers[i].at > at))
                    // An adjective's place is added to it below.
                    .filter(|&i| !triggers[i].is_adjective())
                    // A frame takes the places of its phrase: "the battle of
                    // Bakhmut", "the battle lines in Kharkiv Oblast".
                    .filter(|&i| {
                        let tr = triggers[i].at;
                        !triggers[i].frame
                            || (at > tr && at - tr <= 4 && (tr..at).all(|x| !gaps[x].contains(',')))
                    })
                    // "hold", "control" take the place next to them; "take"
                    // the place right after it ("after taking the towns of
                    // Selydove and Novohrodivka", not "take years to rebuild").
                    .filter(|&i| {
                        let tr = &triggers[i];
                        if tr.action == Action::Hold {
                            // "Marinka had been a frontline city held by
                            // Ukraine", "Lysychansk … remained under Ukrainian
                            // control": a state said of the subject before it.
                            let of_subject = at < tr.at
                                && (lower.get(tr.at + 1).is_some_and(|w| w == "by")
                                    || lower[first.max(tr.at.saturating_sub(2))..tr.at]
                                        .iter()
                                        .any(|w| w == "under" || w == "within"));
                            // "held a number of settlements around Popasna,
                            // including the villages of Troitske, …": the list
                            // after "including" is what is held.
                            let including = at > tr.at
                                && (tr.at + 1..at.min(tr.at + 3 * HOLD_REACH / 2 + 1))
                                    .any(|j| lower[j] == "including");
                            tr.at.abs_diff(at) <= HOLD_REACH || of_subject || including
                        } else if is_take(&lower[tr.at]) && sentence.passive_at(tr.at) {
                            // "Izium had been taken by Russian forces": the
                            // subject before the passive was taken.
                            at < tr.at && tr.at - at <= TAKE_REACH
                        } else if is_take(&lower[tr.at]) {
                            let head = list_head(m);
                            head > tr.at
                                && head - tr.at <= TAKE_REACH
                                && lower[tr.at + 1..head]
                                    .iter()
                                    .all(|w| OBJECT_LEAD.contains(&w.as_ref()))
                        } else {
                            true
                        }
                    })
                    .filter(|&i| {
                        !sentence.clause_break(triggers[i].at.min(at), triggers[i].at.max(at))
                    })
                    .min_by_key(|&i| {
                        let tr = triggers[i].at;
                        if tr <= at {
                            (at - tr) * 2
                        } else {
                            (tr - at) * 3 + 1
                        }
                    });
                if let Some(best) = best {
                    by_trigger[best].push(m);
                }
            }
            // "shelled Russian-held Horlivka": the place after a holding
            // adjective is held, and stays where the clause's event is.
            // Not a place that only locates another ("just north of the
            // Russian-held city of Donetsk"): there the holder is background.
            for (i, tr) in triggers.iter().enumerate() {
                if !tr.is_adjective() || sentence.locates_after(tr.at - 1) {
                    continue;
                }
                let after = in_sentence.iter().copied().find(|&m| {
                    let at = token_of(m);
                    at > tr.at && at - tr.at <= HOLD_REACH && !sentence.clause_break(tr.at, at)
                });
                by_trigger[i].extend(after);
            }
            // The places of an elaborating participle are its main trigger's too.
            let mut shared_into: Vec<Vec<usize>> = vec![Vec::new(); triggers.len()];
            for i in 1..triggers.len() {
                if triggers[i].elaborates {
                    let shared: Vec<usize> = by_trigger[i]
                        .iter()
                        .copied()
                        .filter(|&m| !sentence.heads_to(token_of(m)))
                        .collect();
                    shared_into[i - 1].extend(shared.iter().copied());
                    by_trigger[i - 1].extend(shared);
                }
            }
            // "entered Lyman after a Russian withdrawal": a circumstance with no
            // place of its own happened where the event before it did.
            for i in 1..triggers.len() {
                if by_trigger[i].is_empty()
                    && !triggers[i].is_adjective()
                    && sentence.is_circumstance(triggers[i].at)
                {
                    let shared = by_trigger[i - 1].clone();
                    by_trigger[i].extend(shared);
                }
            }
            // "had advanced to and recaptured Krynky": verbs joined by "and"
            // before one object share it.
            for i in 0..triggers.len().saturating_sub(1) {
                let (a, b) = (triggers[i].at, triggers[i + 1].at);
                let joined = b > a + 1
                    && b - a <= 3
                    && lower[a + 1..b].iter().any(|w| w == "and")
                    && lower[a + 1..b]
                        .iter()
                        .all(|w| matches!(w.as_ref(), "and" | "to" | "or" | "then"));
                if joined && by_trigger[i].is_empty() && !triggers[i].planned {
                    let shared: Vec<usize> = by_trigger[i + 1]
                        .iter()
                        .copied()
                        .filter(|&m| !sentence.heads_to(token_of(m)))
                        .collect();
                    by_trigger[i].extend(shared);
                }
            }
            // "resisted the Russian advance in Irpin, Bucha and Hostomel": the
            // places of the event resisted are held by the side resisting.
            for i in 0..triggers.len().saturating_sub(1) {
                let (a, b) = (triggers[i].at, triggers[i + 1].at);
                if triggers[i].action == Action::Hold
                    && lower[a].starts_with("resist")
                    && by_trigger[i].is_empty()
                    && b > a
                    && b - a <= 3
                {
                    let shared = by_trigger[i + 1].clone();
                    by_trigger[i].extend(shared);
                }
            }
            // "intensified offensive operations around Lyman and made gains": a
            // verb joined by "and" with no place of its own happened where the
            // one before it did.
            for i in 1..triggers.len() {
                let tr = &triggers[i];
                if by_trigger[i].is_empty()
                    && !tr.is_adjective()
                    && !triggers[i - 1].planned
                    && !triggers[i - 1].is_adjective()
                    && tr.action != triggers[i - 1].action
                    && sentence.joined_by_and(tr.at)
                {
                    let shared: Vec<usize> = by_trigger[i - 1]
                        .iter()
                        .copied()
                        .filter(|&m| !sentence.heads_to(token_of(m)))
                        .collect();
                    by_trigger[i].extend(shared);
                }
            }
            // The side each trigger found, for the participles that elaborate it.
            let mut trigger_actor: Vec<Side> = Vec::with_capacity(triggers.len());
            for (i, tr) in triggers.iter().enumerate() {
                // "Lysychansk and Sievierodonetsk were … not under Russian
                // control": held by the other side.
                let denied = tr.action == Action::Hold && sentence.control_denied(tr.at);
                if (sentence.negated(tr.at) && !denied) || sentence.hedged(tr.at) {
                    trigger_actor.push(Side::Unknown);
                    continue;
                }
                let (mut actor, mut target) = sentence.sides(
                    &token_side,
                    tr,
                    last_actor,
                    paragraph_source
                        .get(t.sentences[s].paragraph)
                        .copied()
                        .flatten(),
                );
                // "…launched a missile attack, hitting targets in Kyiv": the
                // participle's subject is the clause's; an action it repeats
                // adds nothing (its places went to the clause's trigger).
                if tr.elaborates && i > 0 && trigger_actor[i - 1] != Side::Unknown {
                    if triggers[i - 1].action == tr.action {
                        trigger_actor.push(trigger_actor[i - 1]);
                        continue;
                    }
                    actor = trigger_actor[i - 1];
                    target = target.filter(|&t| t != actor);
                }
                if denied {
                    actor = actor.opponent();
                    target = None;
                }
                // "Russian-held": the side joined to the word holds.
                if let Some(side) = tr.side {
                    actor = side;
                    target = None;
                }
                // "surrendered the city to the Russian Army": the side handed
                // the place takes it; the side handing it over withdraws.
                let surrender = sentence.is_surrender(tr.at);
                if let Some(to) = sentence.surrendered_to(&token_side, tr.at) {
                    actor = to.opponent();
                    target = Some(to);
                }
                trigger_actor.push(actor);
                if actor != Side::Unknown {
                    last_actor = actor;
                }
                // In a sentence with no place, a trigger only says who acts;
                // a plan reports nothing where it aims.
                if !placed || tr.planned {
                    continue;
                }
                let certainty = sentence.certainty(tr.at);
                // Extent is read in the trigger's clause, not the whole sentence.
                let (lo, hi) = (
                    tr.at.saturating_sub(CLAUSE).max(first),
                    (tr.at + CLAUSE).min(last),
                );
                // Territorial actions need a side: without one, the text was misread.
                let territorial = matches!(
                    tr.action,
                    Action::Capture
                        | Action::Withdrawal
                        | Action::Counterattack
                        | Action::Advance
                        | Action::Hold
                );
                // So does a siege: one with no besieger named is a battle's name.
                if (territorial || is_siege_noun(&lower[tr.at])) && actor == Side::Unknown {
                    continue;
                }
                // The place the event heads to, and the places it is at.
                let mut toward: Option<usize> = None;
                let mut places: Vec<usize> = Vec::new();
                let reach = Reach {
                    sentence: &sentence,
                    sites: &sites,
                    attached: &by_trigger[i],
                    trigger: tr,
                };
                for &m in &by_trigger[i] {
                    match role_of(&reach, site_of(m)) {
                        Some(Role::Toward) => toward = Some(m),
                        Some(Role::Aside) => {}
                        None => places.push(m),
                    }
                }
                // "toward Kurakhove, Hostre and Ukrainsk": every place of the
                // list is headed to.
                let mut toward_list: Vec<usize> = toward.into_iter().collect();
                while let Some(&cur) = toward_list.last() {
                    let Some(&next) = in_sentence.iter().find(|&&o| o > cur) else {
                        break;
                    };
                    let gap = &t.text[mentions[cur].bytes.1..mentions[next].bytes.0];
                    if !is_list_gap(gap) {
                        break;
                    }
                    toward_list.push(next);
                }
                // Places after the one the event heads to describe it ("toward
                // Pokrovsk, a hub on the road to Kostiantynivka").
                if let Some(tw) = toward {
                    places.retain(|&m| {
                        (m < tw || shared_into[i].contains(&m)) && !toward_list.contains(&m)
                    });
                }
                // ", which they liberated": the place is the one before "which".
                let relative = (tr.at.saturating_sub(3).max(first)..tr.at)
                    .find(|&j| matches!(lower[j].as_ref(), "which" | "where"));
                if let (Some(j), true) = (relative, places.is_empty()) {
                    if let Some(&m) = in_sentence
                        .iter()
                        .rev()
                        .find(|&&m| token_end(m) < j && populated(m))
                    {
                        places.push(m);
                    }
                }
                // The most specific places: an oblast or country beside villages
                // only locates them.
                let any_settlement = places.iter().any(|&m| populated(m));
                if any_settlement {
                    places.retain(|&m| populated(m));
                }
                // Only headed to: the event is on the approach to the places.
                let approach = places.is_empty() && !toward_list.is_empty();
                if approach {
                    places = toward_list;
                }
                // "…were withdrawn from the city", "captured it": the settlement
                // named before; "recapture these settlements": all of them.
                // "recaptured the settlement from Russian and DPR forces" in a
                // sentence that names only the oblast: the object is the place.
                let areas_only = places.iter().all(|&m| !populated(m));
                if areas_only {
                    // "the village Terny" names it here.
                    let named_here = |j: usize| in_sentence.iter().any(|&m| token_of(m) == j);
                    match sentence.refers_back(tr.at, named_here) {
                        Some(Reference::One {
                            noun: Noun::Region,
                            at,
                            ..
                        }) if places.is_empty() => {
                            let here = in_sentence
                                .iter()
                                .rev()
                                .copied()
                                .find(|&m| is_region(m) && token_end(m) < at);
                            places.extend(here.or(region_earlier));
                        }
                        Some(Reference::One {
                            noun: Noun::Region, ..
                        }) => {}
                        Some(Reference::One { noun, at, after }) if places.is_empty() || after => {
                            let fits = |m: usize| {
                                let p = &mentions[m].resolution.as_ref().expect("resolved").place;
                                noun.fits(p.population, &p.feature_code)
                            };
                            // A settlement that opens its sentence, or stands
                            // before an auxiliary ("Avdiivka could become"), is
                            // a subject.
                            let subject = |m: usize| {
                                mentions[m].bytes.0 <= t.sentences[mentions[m].sentence].start
                                    || begins_with_auxiliary(&t.text[mentions[m].bytes.1..])
                            };
                            let here: Vec<usize> = in_sentence
                                .iter()
                                .copied()
                                // ("Moscow kept up its bombardment of the
                                // city": a capital that acts is no antecedent.)
                                .filter(|&m| {
                                    populated(m)
                                        && token_end(m) < at
                                        && !is_actor_word(&lower[token_of(m)])
                                })
                                .collect();
                            let pool = [&here, &*before, &*earlier]
                                .into_iter()
                                .find(|list| !list.is_empty());
                            if let Some(m) =
                                pool.and_then(|list| pick_antecedent(list, fits, subject))
                            {
                                places.clear();
                                places.push(m);
                            }
                        }
                        Some(Reference::Many) if places.is_empty() && !before.is_empty() => {
                            places.extend(before.iter().copied())
                        }
                        _ => {}
                    }
                }
                let bearing = sentence.compass_heading(tr.at);
                // (A settlement named before this sentence names no area here.)
                let area_of = |m: usize| {
                    in_sentence
                        .binary_search(&m)
                        .is_ok_and(|i| names_an_area(&sentence, &sites, i))
                };
                // "fighting in the Zaporizhzhia direction near Robotyne": the
                // direction only says where the settlements named with it lie.
                let settled_beside = |m: usize| {
                    places
                        .iter()
                        .any(|&o| o != m && !area_of(o) && populated(o))
                };
                for &m in &places {
                    let r = mentions[m].resolution.as_ref().expect("resolved");
                    let place = place_ref(mentions, m);
                    let at = token_of(m);
                    let relative = sentence.relative_position(at, &place);
                    let extent = if territorial {
                        sentence.extent(
                            lo.min(at.saturating_sub(6).max(first)),
                            hi.max(at).min(last),
                        )
                    } else {
                        Extent::Full
                    };
                    // "a platoon … had surrendered near Chernihiv": a unit's
                    // surrender beside a place hands nothing over.
                    if surrender && sentence.near_words(list_head(m)) {
                        continue;
                    }
                    let area_of = area_of(m);
                    if area_of && settled_beside(m) {
                        continue;
                    }
                    let locates_previous =
                        area_of && area_locates_previous(&sentence, &sites, site_of(m));
                    if locates_previous {
                        continue;
                    }
                    let near = relative.is_some() || approach || sentence.near_words(list_head(m));
                    let geo_precision = if !r.place.is_populated() || area_of {
                        3
                    } else if near {
                        2
                    } else {
                        1
                    };
                    let (lat, lon) = relative
                        .as_ref()
                        .map_or((place.lat, place.lon), |p| (p.lat, p.lon));
                    let toward = toward.filter(|_| !approach);
                    let heading =
                        (toward.is_some_and(|tw| tw != m) || bearing.is_some()).then(|| Heading {
                            bearing: bearing.or_else(|| {
                                toward.filter(|&tw| tw != m).map(|tw| {
                                    let to = place_ref(mentions, tw);
                                    bearing_deg(lat, lon, to.lat, to.lon).round()
                                })
                            }),
                            toward: toward
                                .filter(|&tw| tw != m)
                                .map(|tw| place_ref(mentions, tw)),
                        });
                    let historical = sentence_recalls_earlier
                        || match (sentence_date, published) {
                            (Some(d), Some(p)) => (p - d).num_days() > 60,
                            _ => false,
                        };
                    events.push(Event {
                        action: tr.action,
                        actor,
                        actor_name: actor_name(lower, first, last, tr.at, actor).to_string(),
                        target,
                        place,
                        extent,
                        heading,
                        relative,
                        lat,
                        lon,
                        geo_precision,
                        certainty,
                        published,
                        event_date: sentence_date,
                        historical,
                        approach,
                        sentence: s,
                        trigger: t.tokens[tr.at].text.to_string(),
                        acled_sub_event_type: tr.action.acled_sub_event_type(actor),
                    });
                    // A surrender: the other side captured the place.
                    if surrender && matches!(actor, Side::RU | Side::UA) {
                        let taker = actor.opponent();
                        let name = actor_name(lower, first, last, tr.at, taker).to_string();
                        let c = counterpart(
                            events.last().expect("just pushed"),
                            Action::Capture,
                            taker,
                            name,
                            actor,
                        );
                        events.push(c);
                    }
                    // "forced Ukrainian troops from Avdiivka": they withdrew.
                    if tr.object_loses && tr.action == Action::Capture {
                        if let Some(loser) = target {
                            let name = actor_name(lower, first, last, tr.at, loser).to_string();
                            let w = counterpart(
                                events.last().expect("just pushed"),
                                Action::Withdrawal,
                                loser,
                                name,
                                actor,
                            );
                            events.push(w);
                        }
                    }
                }
            }
        }
    }
    events
}

/// The same event seen from the other side: "surrendered the city" is also
/// the other side's capture, "forced Ukrainian troops from Avdiivka" also
/// their withdrawal. `event` with `action` by `actor` (named `actor_name`)
/// against `target`.
fn counterpart(
    event: &Event,
    action: Action,
    actor: Side,
    actor_name: String,
    target: Side,
) -> Event {
    let mut e = event.clone();
    e.action = action;
    e.actor = actor;
    e.actor_name = actor_name;
    e.target = Some(target);
    e.acled_sub_event_type = action.acled_sub_event_type(actor);
    e
}

/// Whether `rest` (the text after a name) begins with an auxiliary or a
/// verb of state: "… could become", "… was captured", "… remains".
fn begins_with_auxiliary(rest: &str) -> bool {
    let word = rest
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "is" | "was"
            | "were"
            | "has"
            | "had"
            | "could"
            | "would"
            | "will"
            | "may"
            | "might"
            | "remains"
            | "remained"
            | "became"
            | "becomes"
            | "lies"
    )
}

pub(super) fn place_ref(mentions: &[ResolvedMention], m: usize) -> PlaceRef {
    let r = mentions[m].resolution.as_ref().expect("resolved");
    PlaceRef {
        geonameid: r.place.geonameid,
        name: r.place.name.to_string(),
        lat: r.place.lat,
        lon: r.place.lon,
        mention: m,
    }
}

#[cfg(test)]
mod tests {
    use super::{windows, MAX_WINDOW};

    #[test]
    fn a_sentence_of_real_length_is_read_whole() {
        let gaps = vec![" "; 150];
        assert_eq!(windows(&gaps, 0, 149), vec![(0, 149)]);
        let gaps = vec![", "; MAX_WINDOW + 10];
        assert_eq!(
            windows(&gaps, 10, MAX_WINDOW + 9),
            vec![(10, MAX_WINDOW + 9)]
        );
    }

    #[test]
    fn an_overlong_sentence_is_read_in_windows_that_end_at_a_comma() {
        // 1,000 words, a comma after every seventh ("…captured Terny, ").
        let gaps: Vec<&str> = (0..1_000)
            .map(|k| if k % 7 == 6 { ", " } else { " " })
            .collect();
        let found = windows(&gaps, 0, 999);
        // Contiguous, covering every word, none longer than the bound.
        assert_eq!(found.first().map(|w| w.0), Some(0));
        assert_eq!(found.last().map(|w| w.1), Some(999));
        for pair in found.windows(2) {
            assert_eq!(pair[0].1 + 1, pair[1].0);
        }
        for &(a, b) in &found {
            assert!(b - a < MAX_WINDOW, "{a}..={b}");
        }
        // Each but the last ends after the last comma it holds: word 398
        // (the 57th clause's last) for the first.
        assert_eq!(found[0], (0, 398));
        for &(_, b) in &found[..found.len() - 1] {
            assert_eq!(gaps[b], ", ");
        }
        // With no comma, a window is cut at the bound.
        let gaps = vec![" "; 1_000];
        assert_eq!(
            windows(&gaps, 0, 999),
            vec![
                (0, MAX_WINDOW - 1),
                (MAX_WINDOW, 2 * MAX_WINDOW - 1),
                (2 * MAX_WINDOW, 999)
            ]
        );
    }
}
