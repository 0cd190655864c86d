use super::*;
use crate::doc::Doc;
use crate::recognize::find_mentions;

fn resolve(text: &str) -> Vec<ResolvedMention> {
    let gaz = Gazetteer::bundled();
    let t = Doc::new(text);
    resolve_mentions(&gaz, &find_mentions(&gaz, &t), |b| {
        text[..b].chars().count()
    })
}

fn id_of(found: &[ResolvedMention], name: &str) -> u32 {
    found
        .iter()
        .find(|m| m.text == name)
        .and_then(|m| m.resolution.as_ref())
        .map(|r| r.place.geonameid)
        .unwrap_or_else(|| panic!("{name} not resolved in {found:?}"))
}

#[test]
fn total_order_orders_floats_as_total_cmp_does() {
    let xs = [
        f64::NEG_INFINITY,
        f64::MIN,
        -3.5,
        -1e-300,
        -0.0,
        0.0,
        1e-300,
        2.0,
        f64::MAX,
        f64::INFINITY,
        f64::NAN,
        -f64::NAN,
    ];
    for a in xs {
        for b in xs {
            assert_eq!(
                total_order(a).cmp(&total_order(b)),
                a.total_cmp(&b),
                "{a} {b}"
            );
        }
    }
}

#[test]
fn a_homonym_next_to_a_known_town_is_the_one_near_it() {
    let found = resolve(
        "Russia took Avdiivka. Russian forces partially occupied the village of Novooleksandrivka.",
    );
    // Novooleksandrivka, Pokrovsk raion (GeoNames 9112926), 25 km from Avdiivka.
    assert_eq!(id_of(&found, "Novooleksandrivka"), 9112926);
}

#[test]
fn a_named_region_picks_the_homonym_inside_it() {
    let found = resolve("Fighting continued in Donetsk Oblast, near Terny.");
    // Terny, Donetsk oblast (GeoNames 691608).
    assert_eq!(id_of(&found, "Terny"), 691608);
}

#[test]
fn only_the_regions_named_nearest_a_name_pick_its_homonym() {
    let found = resolve(
        "Russian missiles hit Kryvyi Rih and Dnipro. Russia claimed Sokil in the Donetsk region. \
         In the Kharkiv region, fighting raged near Lyptsi. \
         Drones were downed over the Mykolaiv, Odesa and Kherson regions. \
         Ukraine struck an air base in Russia's Lipetsk region and a depot near Novorossiysk.",
    );
    // Kryvyi Rih, the city (UA.txt 703845, 603,904 people), not the
    // village in the Kherson region (704009) named in a later paragraph.
    assert_eq!(id_of(&found, "Kryvyi Rih"), 703845);
    // Novorossiysk, Russia (cities500.txt 518255): its sentence names a
    // Russian region, nearer than the Kherson region before it.
    assert_eq!(id_of(&found, "Novorossiysk"), 518255);
    // Lyptsi, Kharkiv Oblast (UA.txt 702989), right after its region.
    assert_eq!(id_of(&found, "Lyptsi"), 702989);
    // Myroliubivka north of Pokrovsk (UA.txt 9112911), not Kherson's,
    // with the Kherson region two paragraphs on.
    let found = resolve(
        "Russian forces attacked near Myrolubivka, Lysivka, Krutyi Yar and Promin, north of Pokrovsk.\n\n\
         Commanders said the situation near Pokrovsk remained difficult.\n\n\
         In the Kherson region, Russian forces shelled Kherson and Beryslav.",
    );
    assert_eq!(id_of(&found, "Myrolubivka"), 9112911);
    // Krutyi Yar, Donetsk Oblast (UA.txt 9112175).
    assert_eq!(id_of(&found, "Krutyi Yar"), 9112175);
}

#[test]
fn a_region_named_without_a_suffix_picks_the_homonym_inside_it() {
    // Vesele, Crimea (UA.txt 689740, admin1 11), not the Vesele of the
    // Zaporizhzhia region that leads without context.
    let found = resolve("Explosions were reported near Vesele in Crimea on Tuesday.");
    assert_eq!(id_of(&found, "Vesele"), 689740);
}

#[test]
fn a_hamlet_does_not_take_a_citys_name_from_places_named_elsewhere() {
    let found = resolve(
        "Fighting continued near Toretsk and Kurakhove on Tuesday.\n\n\
         In the northeast, forces repelled attacks near Kupiansk.\n\n\
         A glide bomb hit a residential building in Zaporizhzhia, killing two people.",
    );
    // Zaporizhzhia the regional centre (GeoNames 687700), not a hamlet
    // of the same name near Pokrovsk.
    assert_eq!(id_of(&found, "Zaporizhzhia"), 687700);
}

#[test]
fn a_region_written_after_a_name_locates_it() {
    let gaz = Gazetteer::bundled();
    let text =
        "The ministry claimed that Russian troops liberated Pershotravneve in Kharkiv Oblast.";
    let t = Doc::new(text);
    let found = resolve_mentions(&gaz, &find_mentions(&gaz, &t), |b| b);
    let place = &found[0].resolution.as_ref().unwrap().place;
    // Kharkiv oblast is GeoNames admin1 code 07.
    assert_eq!((&*place.country_code, &*place.admin1_code), ("UA", "07"));
}

#[test]
fn one_name_located_in_two_regions_is_two_places() {
    let found = resolve(
        "Russian forces attacked near Bilohorivka, Luhansk Oblast. \
         Fighting was reported near Bilohorivka in Donetsk Oblast.",
    );
    let ids: Vec<u32> = found
        .iter()
        .filter(|m| m.text == "Bilohorivka")
        .map(|m| m.resolution.as_ref().unwrap().place.geonameid)
        .collect();
    // GeoNames 712588 (Luhansk, admin1 14) and 712589 (Donetsk, 05).
    assert_eq!(ids, [712588, 712589]);
}

#[test]
fn offsets_count_characters_of_the_input() {
    let found = resolve("“Kyiv’s” mayor visited Lyptsi.");
    let lyptsi = found.iter().find(|m| m.text == "Lyptsi").unwrap();
    assert_eq!((lyptsi.start, lyptsi.end), (23, 29));
}

#[test]
fn confidence_is_a_probability() {
    for m in resolve("Novooleksandrivka and Kharkiv and Terny.") {
        let c = m.resolution.unwrap().confidence;
        assert!((0.0..=1.0).contains(&c));
    }
}

#[test]
fn a_small_far_away_town_with_no_cue_is_not_a_mention() {
    // "Patriot" is a town in Indiana; here it is a missile system.
    let found = resolve("Israel may send Patriot batteries.");
    assert!(found.iter().all(|m| m.text != "Patriot"), "{found:?}");
}

#[test]
fn names_listed_before_a_plural_suffix_are_regions() {
    let found = resolve("Drones flew over Kyiv, Chernihiv, Poltava and Odesa oblasts.");
    // The ADM1 rows of UA.txt: Kyiv 703446, Chernihiv 710734,
    // Poltava 696634, Odesa 698738.
    assert_eq!(id_of(&found, "Kyiv"), 703446);
    assert_eq!(id_of(&found, "Chernihiv"), 710734);
    assert_eq!(id_of(&found, "Poltava"), 696634);
    assert_eq!(id_of(&found, "Odesa oblasts"), 698738);
}

#[test]
fn a_city_possessive_locates_the_name_after_it() {
    let found = resolve("A glide bomb hit a residential area in Kharkiv's Kyivskyi district.");
    // Kyivskyi Rayon of Kharkiv city (UA.txt 705705), not Donetsk's.
    assert_eq!(id_of(&found, "Kyivskyi district"), 705705);
    // A country's possessive locates nothing: Kursk Oblast (RU, 538555).
    let found = resolve("Ukrainian troops advanced in Russia's Kursk region.");
    assert_eq!(id_of(&found, "Kursk region"), 538555);
}

#[test]
fn a_big_city_named_elsewhere_does_not_pull_a_village_to_it() {
    let found = resolve(
        "Russian troops are digging trenches near Oleshky on the left bank of the Dnipro River. \
         HIMARS struck a command post in Nova Kakhovka. A glide bomb hit Kharkiv.",
    );
    // Oleshky, Kherson Oblast (UA.txt 691037), not the hamlet near Kharkiv.
    assert_eq!(id_of(&found, "Oleshky"), 691037);
}

#[test]
fn a_regions_possessive_locates_the_name_after_it() {
    let found = resolve(
        "Russian attacks killed three people in Kherson Oblast's Beryslav. \
         Russian forces shelled Donetsk Oblast's Kostiantynivka.",
    );
    // Kostiantynivka, the city in Donetsk Oblast (UA.txt 705104), not
    // the Kherson village near Beryslav.
    assert_eq!(id_of(&found, "Kostiantynivka"), 705104);
}

#[test]
fn a_direction_from_a_town_favours_places_that_way_and_near_it() {
    // Many Ivanivkas lie due south of Kupiansk, one of them 160 km away
    // beside the other places named; "south of Kupiansk" means near it.
    let found = resolve(
        "Russian forces attacked near Stepove and Berdychi, northwest of Avdiivka. \
         Ukrainian forces repelled attacks near Ivanivka, south of Kupiansk.",
    );
    let ivanivka = found
        .iter()
        .find(|m| m.text == "Ivanivka")
        .and_then(|m| m.resolution.as_ref())
        .expect("Ivanivka resolved");
    // Kupiansk's GeoNames row (UA.txt 703656): 49.71003, 37.61581.
    let d = distance_km(49.71003, 37.61581, ivanivka.place.lat, ivanivka.place.lon);
    assert!(d < 40.0, "{d:.0} km from Kupiansk");
}

#[test]
fn names_listed_together_lie_in_one_country() {
    // The Sumy region is named, and Voronizh there is also written
    // "Voronezh"; listed with Belgorod it is Russia's Voronezh (472045).
    let found = resolve(
        "Shelling hit villages in the Sumy region. Air defences shot down drones over Belgorod and Voronezh.",
    );
    assert_eq!(id_of(&found, "Voronezh"), 472045);
    // Within one country, closeness still decides: Pivdenne, the port
    // beside Odesa (UA.txt 687997), not its namesake 500 km away.
    let found = resolve("Grain leaves from Odesa, Chornomorsk and Pivdenne.");
    assert_eq!(id_of(&found, "Pivdenne"), 687997);
}

#[test]
fn a_name_written_without_the_softening_of_yu_is_found_in_context() {
    // "Myrolubivka" for Myroliubivka (Миролюбівка): the one north of
    // Pokrovsk beside Lysivka (UA.txt 9112911), of twenty namesakes.
    let found = resolve(
        "Russian forces attacked near Myrolubivka, Lysivka and Mykhailivka, north of Pokrovsk.",
    );
    assert_eq!(id_of(&found, "Myrolubivka"), 9112911);
    // Short English words stay words: "lute" is not Liute.
    let found = resolve("Fighting continued near Lute and Tube.");
    assert!(found.iter().all(|m| m.resolution.is_none()), "{found:?}");
}

#[test]
fn a_russian_form_is_the_village_near_its_neighbours_though_geonames_knows_it_only_in_ukrainian() {
    // "Andreevka": the Andriivka of Bakhmut raion (UA.txt 9114136, no
    // Russian alternate), 4 km from Klishchiivka, not Sukhanivka
    // (713440, whose alternates list "Andreevka"), 45 km north.
    let found = resolve(
        "Russian forces repelled a Ukrainian attack near Kleshcheevka, south of Artemovsk, \
         and fighting continued near Andreevka.",
    );
    assert_eq!(id_of(&found, "Andreevka"), 9114136);
    // "Karlovka" beside Umanskoye: the Karlivka of Pokrovsk raion
    // (9112520), not Klishchiivka, whose alternates list "Karlovka".
    let found = resolve("Russian forces advanced near Karlovka and Umanskoye.");
    assert_eq!(id_of(&found, "Karlovka"), 9112520);
    assert_eq!(id_of(&found, "Umanskoye"), 690685);
}

#[test]
fn settlements_listed_before_a_plural_region_suffix_are_the_areas_around_them() {
    // UCDP GED style: "the Novoselivka and Dobropolye regions of the
    // Zaporozhye region" names no oblast called Novoselivka: the villages,
    // located by the oblast after "of". UA.txt: 705924 Dobropillia
    // (Zaporizhzhia, 26; not the Donetsk town 709900); Novoselivka rows
    // 699205 and 699206 both lie in Zaporizhzhia.
    let found = resolve(
        "Positions in the Novoselivka and Dobropolye regions of the Zaporozhye region were shelled.",
    );
    assert_eq!(id_of(&found, "Dobropolye"), 705924);
    let novoselivka = found
        .iter()
        .find(|m| m.text == "Novoselivka")
        .and_then(|m| m.resolution.as_ref())
        .unwrap();
    assert_eq!(&*novoselivka.place.admin1_code, "26");
}

#[test]
fn oblasts_listed_before_a_plural_suffix_stay_oblasts() {
    // GeoNames: Kursk and Belgorod oblasts (ADM1), not their cities.
    let found = resolve("Drones struck the Kursk and Belgorod regions of Russia.");
    for name in ["Kursk", "Belgorod"] {
        let r = found
            .iter()
            .find(|m| m.text == name)
            .and_then(|m| m.resolution.as_ref())
            .unwrap();
        assert_eq!(&*r.place.feature_code, "ADM1", "{name}");
    }
}
