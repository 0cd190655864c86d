//! The `frontline` command: a thin shell over the library.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc: a batch allocates and frees much per article, and glibc's
/// allocator spends a fifth of a batch's time on it (`cargo bench --bench
/// batch` measures both).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use frontline::{Gazetteer, Hints};

/// Reads reporting on the war in Ukraine and turns it into map layers.
#[derive(Parser, Debug)]
#[command(name = "frontline", version, about)]
struct Cli {
    /// A CSV of your own places and aliases, added to the bundled gazetteer
    /// (may be given more than once; columns in the README).
    #[arg(long = "gazetteer-extra", value_name = "FILE", global = true)]
    gazetteer_extra: Vec<PathBuf>,

    /// Read the gazetteer from this data file (`cargo run --release
    /// --example gazetteer-file -- FILE` writes one) instead of the one
    /// compiled in; required by a build without the `bundled-gazetteer`
    /// feature. Also from the environment: FRONTLINE_GAZETTEER.
    #[arg(long, value_name = "FILE", global = true)]
    gazetteer: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read one article and write its places as a GeoJSON layer.
    Extract {
        /// The article: a .txt, .md or .html file, or - for standard input.
        #[arg(default_value = "-")]
        input: String,
        /// Which layer to write.
        #[arg(long, value_enum, default_value_t = LayerArg::Places)]
        layer: LayerArg,
        /// Output format.
        #[arg(long, value_parser = format_names(), default_value = "geojson")]
        format: String,
        /// The article's publication date: YYYY-MM-DD, or a timestamp
        /// (2024-06-27T10:00:00Z, "Thu, 27 Jun 2024 10:00:00 +0000").
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// The article's id (default: the file's stem).
        #[arg(long)]
        id: Option<String>,
        /// The article's title.
        #[arg(long)]
        title: Option<String>,
        /// The article's URL.
        #[arg(long)]
        url: Option<String>,
        /// Write here (atomically) instead of standard output, with the
        /// layer's QGIS style beside it (OUT with the extension .qml).
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Do not write QGIS styles (LAYER.qml) beside the layers (with -o).
        #[arg(long)]
        no_styles: bool,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// The largest article to read, in bytes; a larger one is an error
        /// naming it (in a batch, an article that failed).
        #[arg(long, value_name = "BYTES", default_value_t = frontline::batch::DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: u64,
    },
    /// Read many articles and write per-article and merged layers and an index.
    Layers {
        /// A folder of .txt, .md and .html articles and .rss/.atom/.xml feeds, a
        /// JSON Lines file of {"id", "text", "published"?, "title"?, "url"?}, an
        /// RSS or Atom feed, or - for either on stdin.
        input: String,
        /// Where to write: articles/ID.LAYER.EXT, LAYER.EXT (merged), index.csv.
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
        /// Which layers, comma-separated.
        #[arg(long, value_enum, value_delimiter = ',', default_values_t = [LayerArg::Places, LayerArg::Events, LayerArg::Mentions])]
        layer: Vec<LayerArg>,
        /// Output format.
        #[arg(long, value_parser = format_names(), default_value = "geojson")]
        format: String,
        /// Indent GeoJSON.
        #[arg(long)]
        pretty: bool,
        /// Do not write QGIS styles (LAYER.qml) beside the layers.
        #[arg(long)]
        no_styles: bool,
        /// Threads to read with (default, and at most: the number of CPUs; a
        /// larger number is cut to it). The output does not depend on it.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// The largest article to read, in bytes; a larger one is an error
        /// naming it (in a batch, an article that failed).
        #[arg(long, value_name = "BYTES", default_value_t = frontline::batch::DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: u64,
        /// Read each article alone: no batch coherence (by default the input
        /// is read twice, and an ambiguous name leans toward where the
        /// batch's unambiguous places are).
        #[arg(long)]
        no_batch_coherence: bool,
    },
    /// Estimate who holds which settlement on a day, and the front line:
    /// writes control, front, contested and arrows layers (GeoJSON, or --format).
    Front {
        /// A folder of .txt, .md and .html articles and .rss/.atom/.xml feeds, a
        /// JSON Lines file of {"id", "text", "published"?, "title"?, "url"?}, an
        /// RSS or Atom feed, or - for either on stdin.
        input: String,
        /// The day to draw (default: the last day anything was observed).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// A known state to start from: CSV or GeoJSON of settlements with
        /// side and since (a control.geojson written earlier will do).
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Where to write the layers.
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
        /// Also write timeline-control, timeline-front and
        /// timeline-contested.geojson: the state on every day it changed.
        #[arg(long)]
        timeline: bool,
        /// Do not write QGIS styles (LAYER.qml) beside the layers nor the QGIS project frontline.qgs.
        #[arg(long)]
        no_styles: bool,
        /// The publication date of articles that have none (folders of plain
        /// files): YYYY-MM-DD, or a timestamp as for `extract`.
        #[arg(long, value_name = "DATE")]
        published: Option<String>,
        /// No line between settlements of opposite sides further apart than this.
        #[arg(long, value_name = "KM", default_value_t = frontline::front::MAX_GAP_KM)]
        max_gap_km: f64,
        /// Line pieces whose longest edge is at most this long are `solid`.
        #[arg(long, value_name = "KM", default_value_t = frontline::front::SOLID_KM)]
        solid_km: f64,
        /// Line pieces whose longest edge is at most this long are `inferred`; longer ones `gap`.
        #[arg(long, value_name = "KM", default_value_t = frontline::front::INFERRED_KM)]
        inferred_km: f64,
        /// Do not clip the line to Ukraine's land (it may then run over the sea or into Russia).
        #[arg(long)]
        no_land_clip: bool,
        /// Put the line at edge midpoints even where an edge crosses a river.
        #[arg(long)]
        no_rivers: bool,
        /// Radius of the zone drawn around a contested settlement.
        #[arg(long, value_name = "KM", default_value_t = frontline::front::CONTESTED_RADIUS_KM)]
        contested_radius_km: f64,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// Output format of the layers.
        #[arg(long, value_parser = format_names(), default_value = "geojson")]
        format: String,
        /// Threads to read with (default, and at most: the number of CPUs; a
        /// larger number is cut to it). The output does not depend on it.
        #[arg(long, value_name = "N")]
        jobs: Option<usize>,
        /// The largest article to read, in bytes; a larger one is an error
        /// naming it (in a batch, an article that failed).
        #[arg(long, value_name = "BYTES", default_value_t = frontline::batch::DEFAULT_MAX_ARTICLE_BYTES)]
        max_article_bytes: u64,
        /// Read each article alone: no batch coherence (by default the input
        /// is read twice, and an ambiguous name leans toward where the
        /// batch's unambiguous places are).
        #[arg(long)]
        no_batch_coherence: bool,
    },
    /// Score recognition and resolution against a folder of annotated articles.
    Eval {
        /// The folder of ID.txt and ID.gold.json files.
        #[arg(long, value_name = "DIR")]
        gold: PathBuf,
        /// Also list every miss, false alarm and wrong place.
        #[arg(long)]
        errors: bool,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the places a name may mean, best first, with their scores.
    Resolve {
        /// The place name, in any spelling (Kharkov, Artemivsk, Donetsk Oblast).
        name: String,
        /// Print a JSON array instead of a table.
        #[arg(long)]
        json: bool,
        /// Show at most N candidates (all by default).
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// Prefer places near this point.
        #[arg(long, value_name = "LAT,LON", value_parser = parse_lat_lon)]
        near: Option<(f64, f64)>,
        /// Keep only places in this first-level region (Donetsk, Kharkiv Oblast).
        #[arg(long, value_name = "NAME")]
        admin1: Option<String>,
        /// Keep only places in this country (ISO code or name).
        #[arg(long, value_name = "CC")]
        country: Option<String>,
    },
    /// Draw layers (a front or layers output folder, or GeoJSON layer
    /// files) to a PNG or SVG map on a Natural Earth basemap.
    Render(RenderArgs),
}

/// The layers frontline writes.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum LayerArg {
    /// A point per distinct place, with a summary of its events.
    Places,
    /// A feature per event: what happened where, by which side.
    Events,
    /// A point per resolved place name, in text order.
    Mentions,
}

impl From<LayerArg> for frontline::LayerKind {
    fn from(a: LayerArg) -> Self {
        match a {
            LayerArg::Places => frontline::LayerKind::Places,
            LayerArg::Events => frontline::LayerKind::Events,
            LayerArg::Mentions => frontline::LayerKind::Mentions,
        }
    }
}

fn parse_lat_lon(s: &str) -> Result<(f64, f64), String> {
    let (lat, lon) = s
        .split_once(',')
        .ok_or_else(|| format!("{s:?} is not LAT,LON"))?;
    let lat: f64 = lat
        .trim()
        .parse()
        .map_err(|_| format!("{lat:?} is not a latitude"))?;
    let lon: f64 = lon
        .trim()
        .parse()
        .map_err(|_| format!("{lon:?} is not a longitude"))?;
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        return Err(format!("{s:?} is outside -90..90, -180..180"));
    }
    Ok((lat, lon))
}

/// What went wrong, and the exit code it gives.
enum Failure {
    /// Bad input or a failed read or write: exit 2.
    Error(String),
    /// The command ran but found nothing: exit 1.
    NotFound(String),
    /// The reader of standard output went away (`| head`): a quiet exit 0,
    /// as ripgrep and GNU tools do.
    ClosedPipe,
}

/// A failure to write to standard output: a closed pipe is no error.
fn stdout_failure(e: std::io::Error) -> Failure {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::ClosedPipe
    } else {
        Failure::Error(format!("stdout: {e}"))
    }
}

/// Writes bytes to standard output.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(stdout_failure)
}

/// Writes a line to standard error, never panicking: when standard error
/// is closed or full, there is nowhere left to say anything.
fn say(line: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// The thread count to read with: `--jobs` when given, at most the number
/// of CPUs (so `--jobs 100000` cannot start 100,000 threads), else all.
fn threads(jobs: Option<usize>) -> usize {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    jobs.filter(|&n| n > 0).map_or(cpus, |n| n.min(cpus))
}

impl From<frontline::Error> for Failure {
    fn from(e: frontline::Error) -> Self {
        Failure::Error(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) | Err(Failure::ClosedPipe) => ExitCode::SUCCESS,
        Err(Failure::NotFound(msg)) => {
            say(format_args!("frontline: {msg}"));
            ExitCode::from(1)
        }
        Err(Failure::Error(msg)) => {
            say(format_args!("frontline: {msg}"));
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    // Drawing needs no gazetteer.
    let command = match cli.command {
        Command::Render(args) => return run_render(args),
        other => other,
    };
    let gaz = load_gazetteer(cli.gazetteer.as_deref(), &cli.gazetteer_extra)?;
    match command {
        Command::Render(args) => run_render(args),
        Command::Extract {
            input,
            layer,
            format,
            published,
            id,
            title,
            url,
            output,
            pretty,
            no_styles,
            max_article_bytes,
        } => {
            let mut article = read_article(&input, max_article_bytes)?;
            if let Some(date) = published {
                article = article
                    .with_published(&date)
                    .map_err(|e| Failure::Error(format!("--published: {e}")))?;
            }
            article.meta.id = id.or(article.meta.id);
            article.meta.title = title;
            article.meta.url = url;
            let kind: frontline::LayerKind = layer.into();
            let found = frontline::extract_to(&gaz, &article, kind.depth());
            drop(article);
            // Serialised straight from typed records (the same bytes as
            // `Layer::write`) and written feature by feature where the
            // format allows, never the whole layer in memory.
            let format = format_of(&format, pretty);
            let write =
                |out: &mut dyn Write| frontline::layer::write_layer(kind, &found, format, out);
            match output {
                Some(path) => {
                    frontline::output::write_atomic_with(&path, write)?;
                    if !no_styles {
                        frontline::qgis::write_style(kind.name(), &path)?;
                    }
                }
                None => {
                    let mut out =
                        std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
                    write(&mut out)
                        .and_then(|()| out.flush())
                        .map_err(stdout_failure)?;
                }
            }
            Ok(())
        }
        Command::Layers {
            input,
            out_dir,
            layer,
            format,
            pretty,
            no_styles,
            jobs,
            max_article_bytes,
            no_batch_coherence,
        } => {
            // Styles beside what was written, also when some articles failed.
            let result = run_layers(
                &gaz,
                &input,
                &out_dir,
                &layer,
                format_of(&format, pretty),
                jobs,
                (max_article_bytes, !no_batch_coherence),
            );
            if !no_styles {
                write_layer_styles(&out_dir, &layer, format_of(&format, pretty))?;
            }
            result
        }
        Command::Front {
            input,
            as_of,
            baseline,
            out_dir,
            timeline,
            no_styles,
            published,
            max_gap_km,
            solid_km,
            inferred_km,
            no_land_clip,
            no_rivers,
            contested_radius_km,
            pretty,
            format,
            jobs,
            max_article_bytes,
            no_batch_coherence,
        } => {
            let positive = |x: f64, flag: &str| {
                if x.is_finite() && x > 0.0 {
                    Ok(x)
                } else {
                    Err(Failure::Error(format!(
                        "--{flag}: {x} is not a positive distance"
                    )))
                }
            };
            let options = frontline::front::FrontOptions {
                max_gap_km: positive(max_gap_km, "max-gap-km")?,
                solid_km: positive(solid_km, "solid-km")?,
                inferred_km: positive(inferred_km, "inferred-km")?,
                contested_radius_km: positive(contested_radius_km, "contested-radius-km")?,
                clip_to_land: !no_land_clip,
                follow_water: !no_rivers,
                ..Default::default()
            };
            let config = FrontConfig {
                as_of: as_of
                    .as_deref()
                    .map(frontline::article::parse_date)
                    .transpose()?,
                published: published
                    .as_deref()
                    .map(|p| frontline::published::parse_published(p).map(|p| p.date))
                    .transpose()
                    .map_err(|e| Failure::Error(format!("--published: {e}")))?,
                baseline,
                options,
                over_time: timeline,
                styles: !no_styles,
                format: format_of(&format, pretty),
                jobs,
                max_article_bytes,
                coherence: !no_batch_coherence,
            };
            run_front(&gaz, &input, &out_dir, &config)
        }
        Command::Eval { gold, errors, json } => {
            let corpus = frontline::eval::load_gold(&gold)?;
            let scores = frontline::eval::evaluate(&gaz, &corpus);
            let mut text = if json {
                serde_json::to_string_pretty(&scores).map_err(|e| Failure::Error(e.to_string()))?
            } else {
                let mut text = scores.to_string();
                if errors {
                    for e in &scores.errors {
                        text.push_str(&format!("\n  {e}"));
                    }
                }
                text
            };
            text.push('\n');
            write_stdout(text.as_bytes())
        }
        Command::Resolve {
            name,
            json,
            limit,
            near,
            admin1,
            country,
        } => {
            let hints = Hints {
                near,
                admin1,
                country,
            };
            let mut found = gaz.resolve(&name, &hints)?;
            if found.is_empty() {
                return Err(Failure::NotFound(format!("no place named {name:?}")));
            }
            found.truncate(limit.unwrap_or(usize::MAX));
            let records: Vec<_> = found.iter().map(|c| c.record(&gaz)).collect();
            let mut out = std::io::stdout().lock();
            let written = if json {
                serde_json::to_writer_pretty(&mut out, &records)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(out))
            } else {
                frontline::resolve::write_table(&mut out, &records)
            };
            written.and_then(|()| out.flush()).map_err(stdout_failure)
        }
    }
}

/// `frontline layers`: reads the articles, writes the layers, reports
/// failures by source and a one-line summary; exit 1 when any article failed.
fn run_layers(
    gaz: &Gazetteer,
    input: &str,
    out_dir: &std::path::Path,
    layers: &[LayerArg],
    format: frontline::layer::OutputFormat,
    jobs: Option<usize>,
    (max_article_bytes, coherence): (u64, bool),
) -> Result<(), Failure> {
    let started = std::time::Instant::now();
    let mut kinds: Vec<frontline::LayerKind> = layers.iter().map(|&l| l.into()).collect();
    kinds.sort();
    kinds.dedup();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(jobs))
        .build()
        .map_err(|e| Failure::Error(e.to_string()))?;
    let (items, prior, bar) =
        pool.install(|| read_batch(gaz, input, max_article_bytes, None, coherence))?;
    let reading = frontline::batch::Reading {
        gaz,
        prior: prior.as_ref(),
    };
    // Failures are said as they come: a batch of any size keeps no list.
    let summary = pool.install(|| {
        frontline::batch::run_streaming_with(
            reading,
            items,
            &kinds,
            format,
            out_dir,
            || bar.inc(1),
            |o| {
                if let Some(e) = &o.error {
                    bar.suspend(|| say(format_args!("frontline: {e}")));
                }
            },
        )
    })?;
    bar.finish_and_clear();
    let events = summary
        .events
        .map(|n| format!("{n} events, "))
        .unwrap_or_default();
    let skipped = match summary.skipped {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    say(format_args!(
        "frontline: {} articles, {} places, {events}{} failed{skipped}, in {:.2} s → {}",
        summary.articles,
        summary.places,
        summary.failures,
        started.elapsed().as_secs_f64(),
        out_dir.display()
    ));
    if summary.failures > 0 {
        return Err(Failure::NotFound(format!(
            "{} of {} articles failed",
            summary.failures, summary.articles
        )));
    }
    Ok(())
}

/// The articles of a batch, read lazily.
type Items = Box<dyn Iterator<Item = frontline::batch::Item> + Send>;

/// Reads the articles of a batch, lazily: a folder, a JSON Lines file or
/// feed, or either on standard input (`-`); with their number when it is
/// known beforehand (a folder without feeds).
fn read_items(input: &str, max_article_bytes: u64) -> Result<(Items, Option<usize>), Failure> {
    use frontline::batch::{folder_items, stream_items};
    use std::io::BufReader;
    if input == "-" {
        let stdin = BufReader::with_capacity(1 << 16, std::io::stdin());
        return Ok((stream_items(stdin, "stdin", max_article_bytes)?, None));
    }
    let path = PathBuf::from(input);
    if path.is_dir() {
        let items = folder_items(&path, max_article_bytes)?;
        let count = items.size_hint().1;
        Ok((Box::new(items), count))
    } else {
        let file =
            std::fs::File::open(&path).map_err(|e| Failure::Error(format!("{input}: {e}")))?;
        let reader = BufReader::with_capacity(1 << 16, file);
        Ok((stream_items(reader, input, max_article_bytes)?, None))
    }
}

/// A progress bar on a terminal (a spinner when the number of articles is
/// not known beforehand), nothing otherwise.
fn progress_bar(len: Option<usize>) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    match len {
        Some(len) => indicatif::ProgressBar::new(len as u64),
        None => indicatif::ProgressBar::new_spinner(),
    }
}

/// The settings of `frontline front`.
struct FrontConfig {
    as_of: Option<chrono::NaiveDate>,
    published: Option<chrono::NaiveDate>,
    baseline: Option<PathBuf>,
    options: frontline::front::FrontOptions,
    over_time: bool,
    styles: bool,
    format: frontline::layer::OutputFormat,
    jobs: Option<usize>,
    max_article_bytes: u64,
    coherence: bool,
}

/// `frontline front`: reads the articles and the baseline, builds the
/// control timeline, writes the layers for the day; reports failed
/// articles by source and a summary; exit 1 when any article failed.
fn run_front(
    gaz: &Gazetteer,
    input: &str,
    out_dir: &std::path::Path,
    config: &FrontConfig,
) -> Result<(), Failure> {
    use frontline::control::{Baseline, TimelineBuilder};
    let started = std::time::Instant::now();
    let mut builder = TimelineBuilder::new();
    if let Some(path) = &config.baseline {
        builder.add_baseline(&Baseline::read(gaz, path)?);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(config.jobs))
        .build()
        .map_err(|e| Failure::Error(e.to_string()))?;
    let (items, prior, bar) = pool.install(|| {
        read_batch(
            gaz,
            input,
            config.max_article_bytes,
            config.published,
            config.coherence,
        )
    })?;
    let reading = frontline::batch::Reading {
        gaz,
        prior: prior.as_ref(),
    };
    let (mut articles, mut failed, mut events) = (0, 0, 0);
    let mut last_day = None;
    pool.install(|| {
        frontline::batch::for_each_extraction_with(
            reading,
            items,
            || bar.inc(1),
            |_, result| {
                articles += 1;
                match result {
                    Ok(found) => {
                        events += found.events.len();
                        let days = found.events.iter().filter_map(|e| e.event_date);
                        last_day = last_day.max(days.chain(found.article.published).max());
                        builder.add_extraction(gaz, &found);
                    }
                    Err(e) => {
                        // Folder entries that are not files are listed, not failures.
                        if !matches!(e, frontline::Error::Skipped { .. }) {
                            failed += 1;
                        }
                        bar.suspend(|| say(format_args!("frontline: {e}")));
                    }
                }
            },
        )
    });
    bar.finish_and_clear();
    let timeline = builder.build();
    let as_of = config
        .as_of
        .or(last_day.max(config.published))
        .or_else(|| timeline.change_dates().last().copied())
        .ok_or_else(|| {
            Failure::Error(
                "no date to draw: give --as-of, or articles with a published date".into(),
            )
        })?;
    let written = frontline::front::layers::write_layers(
        &timeline,
        as_of,
        &config.options,
        out_dir,
        config.over_time,
        config.format,
    )?;
    if config.styles {
        frontline::front::layers::write_qgis(&written, as_of, out_dir)?;
    }
    let skipped = timeline.skipped();
    if skipped.undated > 0 {
        say(format_args!(
            "frontline: {} events had no date (their articles have no `published`): give --published",
            skipped.undated
        ));
    }
    let [ru, ua, contested, unknown] = written.settlements;
    say(format_args!(
        "frontline: {articles} articles, {events} events, {failed} failed; as of {as_of}: \
         {ru} RU, {ua} UA, {contested} contested, {unknown} unknown; \
         front {} lines, {:.1} km; {} contested zones; {} arrows; in {:.2} s → {}",
        written.lines,
        written.length_km,
        written.zones,
        written.arrows,
        started.elapsed().as_secs_f64(),
        out_dir.display()
    ));
    if failed > 0 {
        return Err(Failure::NotFound(format!(
            "{failed} of {articles} articles failed"
        )));
    }
    Ok(())
}

/// Reads an article from a file (format from its extension) or from
/// standard input (`-`, format sniffed), of at most `max_bytes` bytes.
fn read_article(input: &str, max_bytes: u64) -> Result<frontline::Article, Failure> {
    use frontline::document::Format;
    use std::io::Read;
    let too_large = |source: &str| frontline::Error::TooLarge {
        source: source.to_string(),
        max: max_bytes,
    };
    let (bytes, source, format, id) = if input == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::Error(format!("stdin: {e}")))?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large("stdin").into());
        }
        let format = Format::sniff(&String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]));
        (bytes, "stdin".to_string(), format, None)
    } else {
        let path = PathBuf::from(input);
        let fail = |e: std::io::Error| Failure::Error(format!("{input}: {e}"));
        let file = std::fs::File::open(&path).map_err(fail)?;
        let mut bytes = Vec::new();
        file.take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(fail)?;
        if bytes.len() as u64 > max_bytes {
            return Err(too_large(input).into());
        }
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        (bytes, input.to_string(), Format::from_path(&path), id)
    };
    let text = frontline::document::utf8_text(bytes, &source)?;
    if text.trim().is_empty() {
        return Err(frontline::Error::EmptyArticle { source }.into());
    }
    let mut article = frontline::Article::new(text).with_format(format);
    article.meta.id = id;
    Ok(article)
}

/// Writes the QGIS style of each merged layer `layers` wrote beside it
/// (`places.qml` beside `places.geojson`), where it was written.
fn write_layer_styles(
    out_dir: &std::path::Path,
    layers: &[LayerArg],
    format: frontline::layer::OutputFormat,
) -> Result<(), Failure> {
    for &layer in layers {
        let kind: frontline::LayerKind = layer.into();
        let path = out_dir.join(format!("{}.{}", kind.name(), format.extension()));
        if path.exists() {
            frontline::qgis::write_style(kind.name(), &path)?;
        }
    }
    Ok(())
}

/// The gazetteer: from `--gazetteer FILE` or `FRONTLINE_GAZETTEER`, else
/// the one compiled in (a build without it says what to give), with the
/// extra files added.
fn load_gazetteer(file: Option<&std::path::Path>, extra: &[PathBuf]) -> Result<Gazetteer, Failure> {
    let from_env = std::env::var_os("FRONTLINE_GAZETTEER")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let mut gaz = match file.map(PathBuf::from).or(from_env) {
        Some(path) => Gazetteer::from_path(path)?,
        None => bundled_gazetteer()?,
    };
    for path in extra {
        gaz.add_extra_file(path)?;
    }
    Ok(gaz)
}

#[cfg(feature = "bundled-gazetteer")]
fn bundled_gazetteer() -> Result<Gazetteer, Failure> {
    Ok(Gazetteer::bundled())
}

#[cfg(not(feature = "bundled-gazetteer"))]
fn bundled_gazetteer() -> Result<Gazetteer, Failure> {
    Err(Failure::Error(
        "this frontline was built without the bundled gazetteer (cargo feature \
         `bundled-gazetteer`): give --gazetteer FILE or set FRONTLINE_GAZETTEER=FILE \
         (a default build writes the file: cargo run --release --example gazetteer-file -- FILE)"
            .into(),
    ))
}

/// The `--format` choices: every output format of the library's registry.
fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        frontline::layer::format::FORMATS
            .iter()
            .map(|f| clap::builder::PossibleValue::new(f.name()).help(f.about())),
    )
}

/// The output format named (one of [`format_names`]), indented or not.
fn format_of(name: &str, pretty: bool) -> frontline::layer::OutputFormat {
    frontline::layer::OutputFormat::named(name)
        .expect("clap accepts only registered format names")
        .pretty(pretty)
}

/// `frontline render`.
#[derive(clap::Args, Debug)]
struct RenderArgs {
    /// A `front` or `layers` output folder, or GeoJSON layer files (several
    /// may be given: they are drawn together).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The image to write: .png or .svg.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// The box to show, degrees W,S,E,N (default: fitted to the layers).
    #[arg(long, value_name = "W,S,E,N", allow_hyphen_values = true)]
    bbox: Option<String>,
    /// Image width, pixels.
    #[arg(long, default_value_t = 1200)]
    width: u32,
    /// Image height, pixels.
    #[arg(long, default_value_t = 800)]
    height: u32,
    /// The title (default: what the map shows and its date).
    #[arg(long)]
    title: Option<String>,
    /// The day to draw a timeline-* layer on (default: its latest).
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
}

fn run_render(args: RenderArgs) -> Result<(), Failure> {
    let bbox = args
        .bbox
        .as_deref()
        .map(frontline::render::projection::BBox::parse)
        .transpose()
        .map_err(|e| Failure::Error(format!("--bbox: {e}")))?;
    let day = args
        .as_of
        .as_deref()
        .map(frontline::article::parse_date)
        .transpose()?
        .map(|d| d.to_string());
    let options = frontline::render::RenderOptions {
        width: args.width,
        height: args.height,
        bbox,
        title: args.title,
    };
    let start = std::time::Instant::now();
    let done =
        frontline::render::render_files(&args.inputs, &args.output, &options, day.as_deref())?;
    let b = done.bbox;
    say(format_args!(
        "frontline: drew {:.2},{:.2},{:.2},{:.2}{}{} in {:.2} s → {} ({} bytes)",
        b.west,
        b.south,
        b.east,
        b.north,
        if done.left_out.is_empty() {
            String::new()
        } else {
            format!("; outside: {}", done.left_out.join(", "))
        },
        if done.skipped > 0 {
            format!("; {} features not drawn", done.skipped)
        } else {
            String::new()
        },
        start.elapsed().as_secs_f64(),
        done.path.display(),
        done.bytes
    ));
    Ok(())
}

/// The articles of a batch and, with `coherence`, the prior of a first
/// pass over them (batch coherence, `frontline::batch::survey`), with a
/// progress bar over both passes. Standard input is kept in an anonymous
/// temporary file between the passes. `published` dates the articles
/// that have none of their own.
fn read_batch(
    gaz: &Gazetteer,
    input: &str,
    max_article_bytes: u64,
    published: Option<chrono::NaiveDate>,
    coherence: bool,
) -> Result<
    (
        Items,
        Option<frontline::context::BatchPrior>,
        indicatif::ProgressBar,
    ),
    Failure,
> {
    use std::io::{BufReader, Seek};
    let dated = move |item: frontline::batch::Item| item.published_or(published);
    if !coherence {
        let (items, count) = read_items(input, max_article_bytes)?;
        return Ok((Box::new(items.map(dated)), None, progress_bar(count)));
    }
    let io = |e: std::io::Error| Failure::Error(format!("{input}: {e}"));
    let spool = if input == "-" {
        let mut file = tempfile::tempfile().map_err(io)?;
        std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(io)?;
        Some(file)
    } else {
        None
    };
    let read = || -> Result<(Items, Option<usize>), Failure> {
        let Some(file) = &spool else {
            return read_items(input, max_article_bytes);
        };
        let mut file = file.try_clone().map_err(io)?;
        file.rewind().map_err(io)?;
        let reader = BufReader::with_capacity(1 << 16, file);
        let items = frontline::batch::stream_items(reader, "stdin", max_article_bytes)?;
        Ok((items, None))
    };
    let (first, count) = read()?;
    let bar = progress_bar(count.map(|n| 2 * n));
    let prior = frontline::batch::survey(gaz, first.map(dated), || bar.inc(1));
    let (second, _) = read()?;
    Ok((Box::new(second.map(dated)), Some(prior), bar))
}
