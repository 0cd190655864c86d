//! Prints the parse of a sentence (words separated by spaces), one word a
//! line: index, word, tag, head, relation (CoNLL-U's columns 1, 2, 4, 7, 8).
//!
//! ```sh
//! cargo run --release -p frontline-parse --example show -- Russian forces captured the village .
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match frontline_parse::parse(&words) {
        Ok(p) => {
            for (i, (w, t)) in words.iter().zip(p.tokens()).enumerate() {
                let head = t.head.map_or(0, |h| h + 1);
                println!(
                    "{}\t{w}\t{}\t{head}\t{}",
                    i + 1,
                    t.upos.name(),
                    t.deprel.name()
                );
            }
        }
        Err(e) => {
            eprintln!("show: {e}");
            std::process::exit(1);
        }
    }
}
