fn main() {
    let gaz = frontline::Gazetteer::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let corpus = frontline::eval::load_gold(&dir).expect("corpus");
    let (mut names, mut cands, mut mentions, mut maxc) = (0, 0, 0, 0);
    let mut t = std::time::Duration::ZERO;
    for (_, a) in &corpus {
        let doc = frontline::document::Document::new(&a.text, a.format);
        let tokens = frontline::text::tokenize(doc.text());
        let ms = frontline::recognize::find_mentions(&gaz, &tokens);
        mentions += ms.len();
        let mut seen = std::collections::HashSet::new();
        for m in &ms {
            if m.known && seen.insert(m.text.clone()) {
                names += 1;
                let s = std::time::Instant::now();
                let c = gaz
                    .resolve(&m.text, &Default::default())
                    .unwrap_or_default();
                t += s.elapsed();
                cands += c.len();
                maxc = maxc.max(c.len());
            }
        }
    }
    println!("mentions {mentions} distinct names {names} candidates {cands} max {maxc} resolve time {:?}", t);
}
