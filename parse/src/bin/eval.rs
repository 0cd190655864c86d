//! Scores a model on a split of UD_English-EWT (the test split by default):
//! UPOS accuracy, UAS and LAS with predicted tags, punctuation included and
//! excluded.
//!
//! ```sh
//! cargo run --release -p frontline-parse --bin eval -- --ewt path/to/UD_English-EWT
//! ```

use frontline_parse::train::{evaluate, read_split};
use frontline_parse::Model;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut ewt = None;
    let mut model_path = None;
    let mut split = "test".to_string();
    let mut prune: Option<(f32, f32, f32)> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--ewt" => ewt = Some(PathBuf::from(value()?)),
            "--model" => model_path = Some(PathBuf::from(value()?)),
            "--split" => split = value()?,
            "--prune" => {
                let v = value()?;
                let n: Vec<f32> = v
                    .split(',')
                    .map(|x| x.parse::<f32>().map_err(|_| format!("--prune: {x:?}")))
                    .collect::<Result<_, _>>()?;
                let [a, b, c] = n[..] else {
                    return Err("--prune takes FIRST,SECOND,PARSER".into());
                };
                prune = Some((a, b, c));
            }
            _ => {
                return Err(format!(
                    "unknown argument {a:?}; usage: eval --ewt DIR [--split test|dev|train] [--model FILE] [--prune FIRST,SECOND,PARSER]"
                ))
            }
        }
    }
    let ewt = ewt.ok_or("--ewt DIR (a checkout of UD_English-EWT) is required")?;
    let model = match &model_path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", p.display()))?
        }
        None => Model::bundled().map_err(|e| e.to_string())?.clone(),
    };
    let model = match prune {
        Some((a, b, c)) => {
            let m = model.pruned(a, b, c);
            let bytes = m.to_bytes().len();
            println!(
                "pruned at {a},{b},{c}: weights {:?}, {bytes} bytes",
                m.sizes()
            );
            m
        }
        None => model,
    };
    let gold = read_split(&ewt, &split)?;
    let start = Instant::now();
    let scores = evaluate(&model, &gold);
    let secs = start.elapsed().as_secs_f64();
    println!("EWT {split}: {scores}");
    println!(
        "speed: {:.0} words/s tagged and parsed ({} words in {:.2} s, one thread)",
        scores.words as f64 / secs,
        scores.words,
        secs
    );
    Ok(())
}
