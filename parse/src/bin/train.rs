//! Trains the tagger and parser on UD_English-EWT and writes the model.
//!
//! ```sh
//! cargo run --release -p frontline-parse --bin train -- \
//!     --ewt path/to/UD_English-EWT --out parse/model/en-ewt.bin
//! ```

use frontline_parse::train::{evaluate, read_split, train, Settings};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut ewt = None;
    let mut out = None;
    let mut set = Settings::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--ewt" => ewt = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--tagger-epochs" => set.tagger_epochs = number(&a, &value()?)?,
            "--parser-epochs" => set.parser_epochs = number(&a, &value()?)?,
            "--folds" => set.folds = number(&a, &value()?)?,
            "--tagger-prune" => set.tagger_prune = number(&a, &value()?)?,
            "--first-pass-prune" => set.first_pass_prune = number(&a, &value()?)?,
            "--parser-prune" => set.parser_prune = number(&a, &value()?)?,
            _ => return Err(format!("unknown argument {a:?}; usage: train --ewt DIR --out FILE [--tagger-epochs N] [--parser-epochs N] [--folds N] [--tagger-prune X] [--first-pass-prune X] [--parser-prune X]")),
        }
    }
    let ewt = ewt.ok_or("--ewt DIR (a checkout of UD_English-EWT) is required")?;
    let out = out.ok_or("--out FILE is required")?;
    let train_set = read_split(&ewt, "train")?;
    let dev = read_split(&ewt, "dev")?;
    eprintln!("{} training sentences, {:?}", train_set.len(), set);
    let model = train(&train_set, set);
    let (t, p) = model.sizes();
    eprintln!("weights: tagger {t}, parser {p}");
    eprintln!("dev: {}", evaluate(&model, &dev));
    let bytes = model.to_bytes();
    let tmp = out.with_extension("bin.tmp");
    std::fs::write(&tmp, &bytes).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &out).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

fn number<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.parse()
        .map_err(|_| format!("{flag}: {v:?} is not a number"))
}
