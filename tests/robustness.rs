//! Odd input never panics: extraction and every layer survive text that is
//! empty, all punctuation, unbalanced markup, broken entities, combining
//! marks, very long words and names at the very end.

use frontline::document::Format;
use frontline::layer::{Format as Out, Layer};
use frontline::{extract, Article, Gazetteer, LayerKind};

fn gaz() -> &'static Gazetteer {
    static GAZ: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    GAZ.get_or_init(Gazetteer::bundled)
}

fn survive(text: &str, format: Format) {
    let found = extract(gaz(), &Article::new(text).with_format(format));
    let chars = text.chars().count();
    for m in &found.mentions {
        assert!(m.start <= m.end && m.end <= chars, "{m:?} in {text:?}");
    }
    for kind in LayerKind::ALL {
        let layer = Layer::of(kind, &found);
        for out in [Out::GeoJson { pretty: false }, Out::GeoJsonSeq, Out::Csv] {
            let _ = layer.write(out);
        }
    }
}

#[test]
fn odd_text_does_not_panic() {
    let long_word = "A".repeat(50_000);
    let many_names = "Kyiv, ".repeat(2_000);
    let cases = [
        "",
        " ",
        ".",
        "...!!!???",
        "'s",
        "Kharkiv's",
        "U.S.",
        "the village of",
        "near",
        "east of",
        "Russian forces captured",
        "5 km north of",
        "On 31 February 2024, Russian forces shelled Kupiansk.",
        "On 5 July 99999, Russian forces shelled Kupiansk.",
        "Russian forces advanced 1e400 km north of Vovchansk.",
        "Zaporiz\u{0301}z\u{0301}ia oblast and Київ and Харків’s",
        "Chasiv\u{00A0}Yar\u{200B} Yar",
        "(Pokrovsk raion, Donetsk region",
        "Donetsk region)",
        "«Avdiivka» — “Bakhmut”…",
        long_word.as_str(),
        many_names.as_str(),
        "Rostov-on-",
        "-on-Don",
        "Velyka Novosilka Velyka Novosilka Velyka",
    ];
    for text in cases {
        survive(text, Format::Text);
        survive(text, Format::Markdown);
    }
}

#[test]
fn odd_html_does_not_panic() {
    for html in [
        "<",
        "<p",
        "<script>Kyiv",
        "<!-- Kyiv",
        "&",
        "&#xFFFFFFFF; Kyiv",
        "&#99999999999; Kharkiv",
        "&nbsp",
        "<b>Lyptsi</b",
        "</p>Vovchansk<p>",
        "<style>x{}</style><p>Terny, Donetsk Oblast</p>",
    ] {
        survive(html, Format::Html);
    }
}

/// Deterministic pseudo-random texts from fragments that stress the rules:
/// names, cues, triggers, sides, punctuation, markup, odd Unicode.
#[test]
fn random_fragments_do_not_panic() {
    const FRAGMENTS: &[&str] = &[
        "Kyiv",
        "Kharkiv's",
        "U.S.",
        "North Korea",
        "Donetsk Oblast",
        "region",
        "raion",
        "oblast",
        "the village of",
        "near",
        "east of",
        "5 km north of",
        "toward",
        "in the direction of",
        "captured",
        "forced",
        "from",
        "back",
        "pushed",
        "repelled",
        "Russian forces",
        "Ukrainian troops",
        "they",
        "which",
        "that",
        "occupied",
        "(",
        ")",
        ",",
        ".",
        ";",
        " and ",
        "\n\n",
        "\n",
        "’s",
        "'",
        "-",
        "—",
        "<p>",
        "</b>",
        "&amp;",
        "&#",
        "<",
        ">",
        "Novooleksandrivka",
        "Terny",
        "Gen.",
        "Vladimir Putin",
        "Kyiv Post",
        "On 5 July 2022",
        "May",
        "may",
        "Київ",
        "é",
        "\u{0301}",
        "\u{200B}",
        "🙂",
        "Sea of Azov",
        "Rostov-on-Don",
        "New York",
        "Times",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for _ in 0..400 {
        let n = 1 + next() % 40;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(FRAGMENTS[next() % FRAGMENTS.len()]);
            if next() % 3 == 0 {
                text.push(' ');
            }
        }
        let format = match next() % 3 {
            0 => Format::Text,
            1 => Format::Markdown,
            _ => Format::Html,
        };
        survive(&text, format);
    }
}
