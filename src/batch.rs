//! Many articles at once: per-article layers, merged layers and an index.
//!
//! Input is a folder of `.txt`, `.md` and `.html` articles (the id is the
//! file stem) or JSON Lines of `{"id", "text", "published"?, "title"?,
//! "url"?}`. A bad article (not UTF-8, empty, a broken JSON line) is reported
//! with its file and line and the batch goes on.
//!
//! Output, in the folder given:
//! - `articles/ID.LAYER.EXT`: one file per article per layer;
//! - `LAYER.EXT`: each layer merged over all articles, in input order;
//! - `index.csv`: every article with its counts, or its error.
//!
//! Articles are read in parallel; the output does not depend on how many
//! threads read them. Every file is written atomically.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::article::Article;
use crate::document::{Document, Format as Markup};
use crate::error::{Error, Result};
use crate::layer::{EncodedLayer, Format, Layer, LayerKind, MergedWriter};
use crate::output::{write_atomic, write_atomic_parts};
use crate::{extract, extract_to, Depth, Gazetteer};

/// One article to read, or why it cannot be read.
#[derive(Debug)]
pub struct Item {
    /// Where it came from: a file, or `FILE:LINE` for JSON Lines.
    pub source: String,
    /// Its id, as far as it is known.
    pub id: String,
    /// The article, or what is wrong with it.
    pub article: Result<Article>,
}

/// What happened to one article of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The article's id, made safe and unique for file names.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// Its publication date, if known.
    pub published: String,
    /// Resolved mentions.
    pub mentions: usize,
    /// Distinct places.
    pub places: usize,
    /// Events; `None` when the layers asked for need none and no events
    /// were looked for (the mentions layer alone).
    pub events: Option<usize>,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

/// The totals of a batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles read, failed ones included.
    pub articles: usize,
    /// Distinct places over all articles (per article, summed).
    pub places: usize,
    /// Events over all articles; `None` when no events were looked for.
    pub events: Option<usize>,
    /// Articles that failed.
    pub failures: usize,
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Reads every `.txt`, `.md`, `.markdown`, `.html` and `.htm` file of a
/// folder, in name order. A file name that begins with a date
/// (`2024-06-27-kharkiv.txt`) gives the article's publication date.
pub fn read_folder(dir: &Path) -> Result<Vec<Item>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(
                        e.to_ascii_lowercase().as_str(),
                        "txt" | "md" | "markdown" | "html" | "htm"
                    )
                })
        })
        .collect();
    paths.sort();
    Ok(paths
        .into_iter()
        .map(|path| {
            let source = path.display().to_string();
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let article = std::fs::read(&path)
                .map_err(|e| Error::Io {
                    path: path.clone(),
                    source: e,
                })
                .and_then(|bytes| {
                    let markup = Markup::from_path(&path);
                    Document::from_bytes(&bytes, markup, &source)?;
                    let text = String::from_utf8(bytes).expect("checked");
                    if text.trim().is_empty() {
                        return Err(Error::EmptyArticle {
                            source: source.clone(),
                        });
                    }
                    let mut article = Article::new(text).with_format(markup).with_id(id.clone());
                    // "2024-06-27-kharkiv.txt": the date the name begins with.
                    article.meta.published = id
                        .get(..10)
                        .and_then(|d| crate::article::parse_date(d).ok());
                    Ok(article)
                });
            Item {
                source,
                id,
                article,
            }
        })
        .collect())
}

/// Reads JSON Lines of articles; `name` names the input in messages. Blank
/// lines are skipped; a line that is not a JSON object with a `text` is an
/// item that failed, named by its line.
pub fn read_json_lines(reader: impl BufRead, name: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for (i, line) in reader.split(b'\n').enumerate() {
        let n = i + 1;
        let source = format!("{name}:{n}");
        let bytes = match line {
            Ok(b) => b,
            Err(e) => {
                items.push(Item {
                    id: format!("line-{n}"),
                    article: Err(Error::Article {
                        source: source.clone(),
                        message: e.to_string(),
                    }),
                    source,
                });
                break;
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let fail = |message: String, id: String| Item {
            id,
            article: Err(Error::Article {
                source: source.clone(),
                message,
            }),
            source: source.clone(),
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            items.push(fail("not UTF-8".into(), format!("line-{n}")));
            continue;
        };
        let parsed: JsonArticle = match serde_json::from_str(text) {
            Ok(p) => p,
            Err(e) => {
                items.push(fail(
                    format!("not a JSON article: {e}"),
                    format!("line-{n}"),
                ));
                continue;
            }
        };
        let id = match &parsed.id {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) if !v.is_null() => v.to_string(),
            _ => format!("line-{n}"),
        };
        let Some(body) = parsed.text.filter(|t| !t.trim().is_empty()) else {
            items.push(fail("no text".into(), id));
            continue;
        };
        let mut article = Article::new(body).with_id(id.clone());
        article.format = Markup::sniff(&article.text);
        article.meta.title = parsed.title;
        article.meta.url = parsed.url;
        let article = match parsed.published {
            Some(date) => article.with_published(&date).map_err(|e| Error::Article {
                source: source.clone(),
                message: format!("field `published`: {e}"),
            }),
            None => Ok(article),
        };
        items.push(Item {
            source,
            id,
            article,
        });
    }
    items
}

/// Articles read in parallel before their layers are merged.
const CHUNK: usize = 256;

/// Reads one article and encodes its layers; a bad article is an outcome
/// with its error, not an error of the batch.
fn read_one(
    gaz: &Gazetteer,
    item: Item,
    id: String,
    kinds: &[LayerKind],
    format: Format,
) -> Result<(Outcome, Vec<EncodedLayer>)> {
    // Read as far as the deepest layer needs.
    let depth = kinds.iter().map(|k| k.depth()).max().unwrap_or_default();
    let events_read = depth == Depth::Events;
    let mut article = match item.article {
        Ok(a) => a,
        Err(e) => {
            let outcome = Outcome {
                id,
                source: item.source,
                published: String::new(),
                mentions: 0,
                places: 0,
                events: events_read.then_some(0),
                error: Some(e.to_string()),
            };
            return Ok((
                outcome,
                kinds
                    .iter()
                    .map(|&k| EncodedLayer::from_layer(&Layer::merge(k, []), format))
                    .collect(),
            ));
        }
    };
    article.meta.id = Some(article.meta.id.unwrap_or_else(|| id.clone()));
    let found = extract_to(gaz, &article, depth);
    let layers: Vec<EncodedLayer> = kinds
        .iter()
        .map(|&k| EncodedLayer::of(k, &found, format))
        .collect();
    let places = layers
        .iter()
        .find(|l| l.kind() == LayerKind::Places)
        .map_or_else(|| found.place_count(), EncodedLayer::len);
    let outcome = Outcome {
        id,
        source: item.source,
        published: article
            .meta
            .published
            .map(|d| d.to_string())
            .unwrap_or_default(),
        mentions: found.resolved().count(),
        places,
        events: events_read.then_some(found.events.len()),
        error: None,
    };
    Ok((outcome, layers))
}

/// Writes an article's layers to their files in `articles_dir`, each
/// atomically.
fn write_article_files(
    articles_dir: &Path,
    id: &str,
    layers: &[EncodedLayer],
    format: Format,
) -> Result<()> {
    for layer in layers {
        let path = articles_dir.join(format!(
            "{id}.{}.{}",
            layer.kind().name(),
            format.extension()
        ));
        let parts = layer.file_parts();
        let parts: Vec<&[u8]> = parts.iter().map(|p| p.as_ref()).collect();
        write_atomic_parts(&path, &parts)?;
    }
    Ok(())
}

/// Makes ids safe for file names (letters, digits, `.`, `_`, `-`) and
/// unique, in input order: a repeated id gets `-2`, `-3`, ….
fn file_ids(items: &[Item]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::new();
    items
        .iter()
        .map(|item| {
            let mut base: String = item
                .id
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            if base.is_empty() || base.starts_with('.') {
                base = format!("article{base}");
            }
            let mut id = base.clone();
            let mut k = 2;
            while !seen.insert(id.clone()) {
                id = format!("{base}-{k}");
                k += 1;
            }
            id
        })
        .collect()
}

/// Reads every item and writes its layers, the merged layers and the index
/// into `out_dir`. `progress` is called once per article read, from any
/// thread. Failed articles are in the outcomes with their error; only a
/// failure to write is an error of the batch.
pub fn run(
    gaz: &Gazetteer,
    items: Vec<Item>,
    kinds: &[LayerKind],
    format: Format,
    out_dir: &Path,
    progress: impl Fn() + Sync,
) -> Result<(Vec<Outcome>, Summary)> {
    let articles_dir = out_dir.join("articles");
    std::fs::create_dir_all(&articles_dir).map_err(|source| Error::Io {
        path: articles_dir.clone(),
        source,
    })?;
    let ids = file_ids(&items);
    let ext = format.extension();
    let mut merged: Vec<MergedWriter> = kinds
        .iter()
        .map(|&kind| {
            MergedWriter::create(kind, format, out_dir.join(format!("{}.{ext}", kind.name())))
        })
        .collect::<Result<_>>()?;
    let mut outcomes = Vec::with_capacity(items.len());
    in_order_chunks(
        items.into_iter().zip(ids),
        |(item, id)| {
            let result = read_one(gaz, item, id, kinds, format);
            progress();
            result
        },
        // Every file is written from this one thread, in input order, while
        // the next chunk is read: threads creating files in one folder at
        // once only wait on each other in the kernel.
        |result| {
            let (outcome, layers) = result?;
            if outcome.error.is_none() {
                write_article_files(&articles_dir, &outcome.id, &layers, format)?;
            }
            for (writer, layer) in merged.iter_mut().zip(&layers) {
                writer.append(layer)?;
            }
            outcomes.push(outcome);
            Ok(())
        },
    )?;
    for writer in merged {
        writer.finish()?;
    }
    write_atomic(&out_dir.join("index.csv"), &index_csv(&outcomes))?;

    let summary = Summary {
        articles: outcomes.len(),
        places: outcomes.iter().map(|o| o.places).sum(),
        events: outcomes
            .iter()
            .filter_map(|o| o.events)
            .reduce(|a, b| a + b),
        failures: outcomes.iter().filter(|o| o.error.is_some()).count(),
    };
    Ok((outcomes, summary))
}

/// Reads every item, in parallel a chunk at a time, and hands each result
/// to `each` in input order, with the item's source: the extraction, or
/// why the article could not be read. `progress` is called once per
/// article, from any thread.
///
/// ```
/// use frontline::{batch, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let jsonl = "{\"id\": \"a\", \"text\": \"Russian forces captured Robotyne.\"}\n{broken\n";
/// let items = batch::read_json_lines(jsonl.as_bytes(), "in.jsonl");
/// let mut seen = Vec::new();
/// batch::for_each_extraction(&gaz, items, || {}, |source, result| {
///     seen.push((source.to_string(), result.map(|x| x.events.len()).map_err(|e| e.to_string())));
/// });
/// assert_eq!(seen[0], ("in.jsonl:1".to_string(), Ok(1)));
/// assert!(seen[1].1.as_ref().unwrap_err().starts_with("in.jsonl:2:"));
/// ```
pub fn for_each_extraction(
    gaz: &Gazetteer,
    items: Vec<Item>,
    progress: impl Fn() + Sync,
    mut each: impl FnMut(&str, Result<crate::Extraction>),
) {
    let done: Result<()> = in_order_chunks(
        items,
        |item| {
            let found = item.article.map(|mut article| {
                article.meta.id.get_or_insert_with(|| item.id.clone());
                extract(gaz, &article)
            });
            progress();
            (item.source, found)
        },
        |(source, result)| {
            each(&source, result);
            Ok(())
        },
    );
    done.expect("handing results on cannot fail");
}

/// Runs `work` on the items in parallel, a [`CHUNK`] at a time, and hands
/// each result to `each` in input order: memory stays bounded (two chunks)
/// and what `each` sees does not depend on the number of threads. `each`
/// runs on the calling thread while the next chunk is worked on, so that
/// writing merged layers overlaps reading. Stops after the first error
/// `each` returns.
fn in_order_chunks<T: Send, R: Send>(
    items: impl IntoIterator<Item = T>,
    work: impl Fn(T) -> R + Sync,
    mut each: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let mut pending = items.into_iter().peekable();
    let mut done: Vec<R> = Vec::new();
    loop {
        let chunk: Vec<T> = pending.by_ref().take(CHUNK).collect();
        if chunk.is_empty() && done.is_empty() {
            return Ok(());
        }
        let previous = std::mem::take(&mut done);
        let handed = rayon::in_place_scope(|scope| {
            scope.spawn(|_| done = chunk.into_par_iter().map(&work).collect());
            previous.into_iter().try_for_each(&mut each)
        });
        handed?;
    }
}

fn index_csv(outcomes: &[Outcome]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id",
        "source",
        "published",
        "mentions",
        "places",
        "events",
        "status",
        "error",
    ])
    .expect("write to memory");
    for o in outcomes {
        w.write_record([
            o.id.clone(),
            o.source.clone(),
            o.published.clone(),
            o.mentions.to_string(),
            o.places.to_string(),
            o.events.map(|n| n.to_string()).unwrap_or_default(),
            if o.error.is_some() { "failed" } else { "ok" }.to_string(),
            o.error.clone().unwrap_or_default(),
        ])
        .expect("write to memory");
    }
    w.into_inner().expect("flush to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_that_begins_with_a_date_dates_the_article() {
        let dir = std::env::temp_dir().join(format!("frontline-dated-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("2024-06-27-kharkiv.txt"), "Kharkiv.").unwrap();
        std::fs::write(dir.join("2024-13-01-bad.txt"), "Kyiv.").unwrap();
        let items = read_folder(&dir).unwrap();
        let dates: Vec<Option<String>> = items
            .iter()
            .map(|i| {
                i.article
                    .as_ref()
                    .unwrap()
                    .meta
                    .published
                    .map(|d| d.to_string())
            })
            .collect();
        assert_eq!(dates, [Some("2024-06-27".to_string()), None]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn broken_json_lines_are_failed_items_named_by_line() {
        let input =
            "{\"id\": \"a\", \"text\": \"Kyiv.\"}\n{broken\n\n{\"id\": 7, \"text\": \"\"}\n";
        let items = read_json_lines(input.as_bytes(), "in.jsonl");
        assert_eq!(items.len(), 3);
        assert!(items[0].article.is_ok());
        assert_eq!(items[1].source, "in.jsonl:2");
        assert!(items[1]
            .article
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("in.jsonl:2: not a JSON article"));
        assert_eq!(items[2].id, "7");
        assert!(items[2]
            .article
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("no text"));
    }

    #[test]
    fn ids_are_made_safe_and_unique() {
        let item = |id: &str| Item {
            source: String::new(),
            id: id.into(),
            article: Ok(Article::new("x")),
        };
        let ids = file_ids(&[item("a/b"), item("a/b"), item(""), item("ok-1")]);
        assert_eq!(ids, ["a_b", "a_b-2", "article", "ok-1"]);
    }
}
