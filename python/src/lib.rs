//! `frontline._frontline`: the Rust side of the Python package, a thin
//! shell over the frontline library. Every function takes plain values,
//! releases the GIL while the library works, and hands back the bytes the
//! CLI would write (the Python side parses them); a library error is raised
//! as the exception class of `frontline.errors` its variant maps to, with
//! the library's message.

use std::path::PathBuf;
use std::sync::OnceLock;

use frontline::batch::{for_each_extraction_with, survey, ArticleFields, Item, Reading};
use frontline::control::{Baseline, TimelineBuilder};
use frontline::document::Format as Markup;
use frontline::front::layers::{arrows_layer, contested_layer, control_layer, front_layer};
use frontline::front::{FrontMap, FrontOptions};
use frontline::layer::{collection_bytes, EncodedLayer, LayerKind, OutputFormat};
use frontline::{Article, Error, Gazetteer, Hints};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

// The allocator the CLI uses: many small allocations from several threads.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The bundled gazetteer, loaded once per process on first use.
fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(Gazetteer::bundled)
}

/// The class of `frontline.errors` a library error is raised as.
fn error_class(e: &Error) -> &'static str {
    match e {
        Error::Io { .. } => "FileError",
        Error::ExtraGazetteer { .. } | Error::GazetteerFile { .. } => "GazetteerFileError",
        Error::EmptyName | Error::NameTooLong { .. } => "BadNameError",
        Error::UnknownRegion(_) => "UnknownRegionError",
        Error::UnknownCountry(_) => "UnknownCountryError",
        Error::BadDate(_) | Error::BadTimestamp(_) => "DateError",
        Error::NotUtf8 { .. }
        | Error::Article { .. }
        | Error::EmptyArticle { .. }
        | Error::TooLarge { .. }
        | Error::Skipped { .. } => "ArticleError",
        Error::Baseline { .. } => "BaselineError",
        // A layer read back, a gold file, a render, and errors added
        // later (the enum is non-exhaustive): the base class.
        _ => "FrontlineError",
    }
}

/// The Python exception for a library error: its class, its message.
fn raise(py: Python<'_>, e: &Error) -> PyErr {
    let class = py
        .import("frontline.errors")
        .and_then(|m| m.getattr(error_class(e)));
    match class {
        Ok(class) => PyErr::from_type(class.downcast_into().expect("a class"), e.to_string()),
        Err(missing) => missing,
    }
}

/// A layer's name as the library's kind.
fn layer_kind(layer: &str) -> PyResult<LayerKind> {
    LayerKind::ALL
        .into_iter()
        .find(|k| k.name() == layer)
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "layer must be \"places\", \"events\" or \"mentions\", not {layer:?}"
            ))
        })
}

/// The number of threads to read with: `jobs` when given, at most the
/// number of CPUs, else all (as the CLI's `--jobs`).
fn pool(jobs: Option<usize>) -> PyResult<rayon::ThreadPool> {
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = jobs.filter(|&n| n > 0).map_or(cpus, |n| n.min(cpus));
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// One article's fields: id, text, published, title, url.
type Row = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Rows as the batch's items, each named `articles[N]` (N from 0) in messages.
fn items(rows: Vec<Row>) -> impl Iterator<Item = Item> {
    rows.into_iter()
        .enumerate()
        .map(|(i, (id, text, published, title, url))| {
            ArticleFields {
                id,
                text,
                published,
                title,
                url,
            }
            .into_item(format!("articles[{i}]"), i + 1)
        })
}

/// One article's layer as the GeoJSON bytes `frontline extract - --layer
/// LAYER` writes for the same text and flags.
#[pyfunction]
#[pyo3(signature = (text, published=None, layer="places", id=None, title=None, url=None))]
fn extract<'py>(
    py: Python<'py>,
    text: String,
    published: Option<String>,
    layer: &str,
    id: Option<String>,
    title: Option<String>,
    url: Option<String>,
) -> PyResult<Bound<'py, PyBytes>> {
    let kind = layer_kind(layer)?;
    let bytes = py.allow_threads(|| -> Result<Vec<u8>, Error> {
        if text.trim().is_empty() {
            return Err(Error::EmptyArticle {
                source: "text".into(),
            });
        }
        let format = Markup::sniff(&text);
        let mut article = Article::new(text).with_format(format);
        if let Some(date) = published {
            article = article.with_published(&date)?;
        }
        article.meta.id = id;
        article.meta.title = title;
        article.meta.url = url;
        let found = frontline::extract_to(gazetteer(), &article, kind.depth());
        Ok(EncodedLayer::of(kind, &found, OutputFormat::GEOJSON).file())
    });
    bytes
        .map(|b| PyBytes::new(py, &b))
        .map_err(|e| raise(py, &e))
}

/// Many articles' layer merged, as the bytes `frontline layers` writes to
/// `DIR/LAYER.geojson` (or, with `seq`, `DIR/LAYER.geojsons`) for the same
/// articles, with the number of articles read and each failed one's error
/// class and message.
#[pyfunction]
#[pyo3(signature = (rows, layer, jobs=None, seq=false, batch_coherence=true))]
#[allow(clippy::type_complexity)]
fn extract_many<'py>(
    py: Python<'py>,
    rows: Vec<Row>,
    layer: &str,
    jobs: Option<usize>,
    seq: bool,
    batch_coherence: bool,
) -> PyResult<(Bound<'py, PyBytes>, usize, Vec<(&'static str, String)>)> {
    let kind = layer_kind(layer)?;
    let format = if seq {
        OutputFormat::GEOJSONSEQ
    } else {
        OutputFormat::GEOJSON
    };
    let pool = pool(jobs)?;
    let merged = py
        .allow_threads(|| {
            pool.install(|| {
                let gaz = gazetteer();
                let prior = batch_coherence.then(|| survey(gaz, items(rows.clone()), || {}));
                let reading = Reading {
                    gaz,
                    prior: prior.as_ref(),
                };
                frontline::in_memory::merge_layer_with(reading, items(rows), kind, format, || {})
            })
        })
        .map_err(|e| raise(py, &e))?;
    let failures = merged
        .failures
        .iter()
        .map(|e| (error_class(e), e.to_string()))
        .collect();
    Ok((PyBytes::new(py, &merged.bytes), merged.articles, failures))
}

/// The places a name may mean, best first, as the JSON `frontline resolve
/// --json` prints.
#[pyfunction]
#[pyo3(signature = (name, near=None, admin1=None, country=None, limit=None))]
fn resolve<'py>(
    py: Python<'py>,
    name: String,
    near: Option<(f64, f64)>,
    admin1: Option<String>,
    country: Option<String>,
    limit: Option<usize>,
) -> PyResult<Bound<'py, PyBytes>> {
    let hints = Hints {
        near,
        admin1,
        country,
    };
    let found = py.allow_threads(|| -> Result<Vec<u8>, Error> {
        let gaz = gazetteer();
        let mut found = gaz.resolve(&name, &hints)?;
        found.truncate(limit.unwrap_or(usize::MAX));
        let records: Vec<_> = found.iter().map(|c| c.record(gaz)).collect();
        Ok(serde_json::to_vec(&records).expect("records serialise"))
    });
    found
        .map(|b| PyBytes::new(py, &b))
        .map_err(|e| raise(py, &e))
}

/// The front drawn from many articles: the day drawn, the four layers'
/// bytes (`control`, `front`, `contested`, `arrows`, as `frontline front`
/// writes them) and each failed article's error class and message.
#[pyfunction]
#[pyo3(signature = (rows, as_of=None, baseline=None, published=None, jobs=None, batch_coherence=true))]
#[allow(clippy::type_complexity)]
fn front<'py>(
    py: Python<'py>,
    rows: Vec<Row>,
    as_of: Option<String>,
    baseline: Option<PathBuf>,
    published: Option<String>,
    jobs: Option<usize>,
    batch_coherence: bool,
) -> PyResult<(
    String,
    Vec<(&'static str, Bound<'py, PyBytes>)>,
    Vec<(&'static str, String)>,
)> {
    let pool = pool(jobs)?;
    let drawn = py.allow_threads(|| -> Result<_, Error> {
        let gaz = gazetteer();
        let as_of = as_of
            .as_deref()
            .map(frontline::article::parse_date)
            .transpose()?;
        let published = published
            .as_deref()
            .map(frontline::article::parse_date)
            .transpose()?;
        let mut builder = TimelineBuilder::new();
        if let Some(path) = &baseline {
            builder.add_baseline(&Baseline::read(gaz, path)?);
        }
        let dated = |rows: Vec<Row>| items(rows).map(move |item| item.published_or(published));
        let (mut failures, mut last_day) = (Vec::new(), None);
        pool.install(|| {
            let prior = batch_coherence.then(|| survey(gaz, dated(rows.clone()), || {}));
            let reading = Reading {
                gaz,
                prior: prior.as_ref(),
            };
            for_each_extraction_with(
                reading,
                dated(rows),
                || {},
                |_, result| match result {
                    Ok(found) => {
                        let days = found.events.iter().filter_map(|e| e.event_date);
                        last_day = last_day.max(days.chain(found.article.published).max());
                        builder.add_extraction(gaz, &found);
                    }
                    Err(e) => failures.push(e),
                },
            )
        });
        let timeline = builder.build();
        // The day drawn, chosen as `frontline front` chooses it.
        let as_of = as_of
            .or(last_day.max(published))
            .or_else(|| timeline.change_dates().last().copied());
        let Some(as_of) = as_of else {
            return Ok((None, Vec::new(), failures));
        };
        let options = FrontOptions::default();
        let map = FrontMap::at(&timeline, as_of, &options);
        let layers = vec![
            ("control", collection_bytes(&control_layer(&map), false)),
            (
                "front",
                collection_bytes(&front_layer(&map, &options), false),
            ),
            (
                "contested",
                collection_bytes(&contested_layer(&map, &options), false),
            ),
            ("arrows", collection_bytes(&arrows_layer(&map), false)),
        ];
        Ok((Some(as_of), layers, failures))
    });
    let (as_of, layers, failures) = drawn.map_err(|e| raise(py, &e))?;
    let Some(as_of) = as_of else {
        return Err(PyValueError::new_err(
            "no date to draw: give as_of, or articles with a published date",
        ));
    };
    let layers = layers
        .into_iter()
        .map(|(name, bytes)| (name, PyBytes::new(py, &bytes)))
        .collect();
    let failures = failures
        .iter()
        .map(|e| (error_class(e), e.to_string()))
        .collect();
    Ok((as_of.to_string(), layers, failures))
}

/// Loads the gazetteer now (about 0.1 s), so that the first call does not
/// pay for it; worker processes call it once when they start.
#[pyfunction]
fn load(py: Python<'_>) {
    py.allow_threads(|| {
        gazetteer();
    });
}

#[pymodule]
fn _frontline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(resolve, m)?)?;
    m.add_function(wrap_pyfunction!(front, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    Ok(())
}
