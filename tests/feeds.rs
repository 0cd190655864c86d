//! RSS and Atom feeds read as articles (fixtures in tests/data/feeds,
//! written for this project: see its README).

use frontline::document::Format;
use frontline::feed::{items, FeedEntry};
use frontline::{extract, Gazetteer};

fn read(name: &str) -> Vec<FeedEntry> {
    let path = format!("tests/data/feeds/{name}");
    let file = std::fs::File::open(&path).unwrap();
    items(std::io::BufReader::new(file), &path, 10_000_000).collect()
}

#[test]
fn rss_items_are_articles_with_guid_title_link_date_and_full_content() {
    let entries = read("wire.rss");
    assert_eq!(entries.len(), 5);
    let first = entries[0].article.as_ref().unwrap();
    let meta = &first.meta;
    assert_eq!(
        meta.id.as_deref(),
        Some("https://example.org/ukraine/2024/06/27/kamianka-shelling")
    );
    assert_eq!(
        meta.title.as_deref(),
        Some("Russian forces shell Kam’ianka & Kupiansk")
    );
    assert_eq!(meta.url.as_deref(), meta.id.as_deref());
    assert_eq!(meta.published.unwrap().to_string(), "2024-06-27");
    assert_eq!(
        meta.published_at.unwrap().to_rfc3339(),
        "2024-06-27T10:00:00+00:00"
    );
    // content:encoded, not the shorter description, read as HTML.
    assert_eq!(first.format, Format::Html);
    assert!(first.text.contains("repelled an assault near Kupiansk"));
    assert_eq!(entries[0].source, "tests/data/feeds/wire.rss: item 1");

    // A guid that is no link is the id; the link stays the url.
    let second = entries[1].article.as_ref().unwrap();
    assert_eq!(
        second.meta.id.as_deref(),
        Some("example-wire-20240628-0042")
    );
    assert_eq!(
        second.meta.url.as_deref(),
        Some("https://example.org/ukraine/2024/06/28/chasiv-yar")
    );
    // 01:15 in Kyiv on the 28th: the report is of the 28th.
    assert_eq!(second.meta.published.unwrap().to_string(), "2024-06-28");
    // The description, entity-escaped HTML, is unescaped once by XML.
    assert!(second
        .text
        .starts_with("<p>Russian troops attacked Chasiv Yar"));

    // dc:date dates an item with no pubDate; with no guid or link the id
    // is the feed's stem and the item's number.
    let fifth = entries[4].article.as_ref().unwrap();
    assert_eq!(fifth.meta.published.unwrap().to_string(), "2024-06-28");
    assert_eq!(entries[4].id, "wire-5");
}

#[test]
fn a_bad_item_fails_by_feed_and_number_and_the_items_after_it_are_read() {
    let entries = read("wire.rss");
    let no_text = entries[2].article.as_ref().unwrap_err().to_string();
    assert_eq!(
        no_text,
        "tests/data/feeds/wire.rss: item 3: the item has no text \
         (no content:encoded, content, description or summary)"
    );
    let bad_date = entries[3].article.as_ref().unwrap_err().to_string();
    assert!(
        bad_date.starts_with(
            "tests/data/feeds/wire.rss: item 4: field `pubDate`: \"the 28th of June\" is not a date"
        ),
        "{bad_date}"
    );
    assert!(entries[4].article.is_ok());
}

#[test]
fn atom_entries_take_the_alternate_link_the_published_date_and_any_content_type() {
    let entries = read("monitor.atom");
    assert_eq!(entries.len(), 3);
    let first = entries[0].article.as_ref().unwrap();
    assert_eq!(
        first.meta.id.as_deref(),
        Some("tag:example.com,2024:monitor/1")
    );
    assert_eq!(first.meta.title.as_deref(), Some("Terny & Torske"));
    // rel="alternate", not the enclosure before it.
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://example.com/monitor/2024/06/27/terny")
    );
    // published (27 June, Kyiv time), not updated (28 June).
    assert_eq!(first.meta.published.unwrap().to_string(), "2024-06-27");
    assert_eq!(first.format, Format::Html);

    // A summary of type="text" is plain text; a link with no rel is the url.
    let second = entries[1].article.as_ref().unwrap();
    assert_eq!(second.format, Format::Text);
    assert_eq!(
        second.meta.url.as_deref(),
        Some("https://example.com/monitor/2024/06/28/avdiivka")
    );

    // XHTML content keeps its markup, read as HTML.
    let third = entries[2].article.as_ref().unwrap();
    assert!(third
        .text
        .contains("<p>Fighting continued near <b>Lyptsi</b>"));
    assert!(third.meta.url.is_none());
}

#[test]
fn a_place_written_with_an_rsquo_entity_in_a_feed_is_found() {
    let gaz = Gazetteer::bundled();
    let article = read("wire.rss").remove(0).article.unwrap();
    let found = extract(&gaz, &article);
    let kamianka = found
        .resolved()
        .find(|m| m.text == "Kam’ianka")
        .expect("Kam’ianka is a mention");
    // Kharkiv Oblast is named beside it: one of the Kamiankas of GeoNames'
    // admin1 07 (Kharkiv).
    let place = &kamianka.resolution.as_ref().unwrap().place;
    assert_eq!(
        (&*place.name, &*place.country_code, &*place.admin1_code),
        ("Kamianka", "UA", "07")
    );
}

#[test]
fn yesterday_in_an_atom_entry_is_the_day_before_its_local_date() {
    let gaz = Gazetteer::bundled();
    let article = read("monitor.atom").remove(1).article.unwrap();
    let found = extract(&gaz, &article);
    let capture = found
        .events
        .iter()
        .find(|e| e.action == frontline::Action::Capture)
        .unwrap();
    // updated 2024-06-28T00:30:00+03:00: the 28th in Kyiv, so yesterday is the 27th.
    assert_eq!(capture.event_date.unwrap().to_string(), "2024-06-27");
}

#[test]
fn xml_that_is_not_well_formed_ends_the_feed_with_an_entry_saying_where() {
    let entries = read("broken.xml");
    assert_eq!(entries.len(), 2);
    assert!(entries[0].article.is_ok());
    let e = entries[1].article.as_ref().unwrap_err().to_string();
    assert!(
        e.starts_with("tests/data/feeds/broken.xml: item 2: not well-formed XML near byte"),
        "{e}"
    );
}

#[test]
fn a_file_that_is_no_feed_is_one_failed_entry_naming_it() {
    let svg = "<?xml version=\"1.0\"?><svg><title>Kyiv</title></svg>";
    let entries: Vec<FeedEntry> = items(svg.as_bytes(), "map.xml", 1000).collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0].article.as_ref().unwrap_err().to_string(),
        "map.xml: not an RSS or Atom feed: its root element is <svg>, not <rss>, <rdf:RDF> or <feed>"
    );
    let empty: Vec<FeedEntry> = items(&b""[..], "empty.rss", 1000).collect();
    assert!(empty[0]
        .article
        .as_ref()
        .unwrap_err()
        .to_string()
        .starts_with("empty.rss: not an RSS or Atom feed"));
}

#[test]
fn an_item_over_the_size_limit_fails_and_the_next_is_read() {
    let rss = format!(
        "<rss><channel><item><guid>big</guid><description>{}</description></item>\
         <item><guid>small</guid><description>Sumy.</description></item></channel></rss>",
        "Kyiv ".repeat(100)
    );
    let entries: Vec<FeedEntry> = items(rss.as_bytes(), "news.rss", 100).collect();
    assert_eq!(
        entries[0].article.as_ref().unwrap_err().to_string(),
        "news.rss: item 1: the article is larger than 100 bytes (raise --max-article-bytes to read it)"
    );
    assert_eq!(entries[1].article.as_ref().unwrap().text, "Sumy.");
}

#[test]
fn rss_1_0_items_and_their_dublin_core_dates_are_read() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.org/"><title>News</title></channel>
  <item rdf:about="https://example.org/1"><title>Sumy</title>
    <link>https://example.org/1</link><dc:date>2024-06-27T10:00:00Z</dc:date>
    <description>Russian forces shelled Sumy.</description></item>
</rdf:RDF>"#;
    let entries: Vec<FeedEntry> = items(rdf.as_bytes(), "news.rdf", 1000).collect();
    let a = entries[0].article.as_ref().unwrap();
    assert_eq!(a.meta.id.as_deref(), Some("https://example.org/1"));
    assert_eq!(a.meta.published.unwrap().to_string(), "2024-06-27");
}

#[cfg(feature = "cli")]
mod command {
    use std::process::{Command, Stdio};

    fn out_dir(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("frontline-feeds-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn layers_reads_a_feed_file_and_lists_its_bad_items_in_the_index() {
        let dir = out_dir("file");
        let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
            .args(["layers", "tests/data/feeds/wire.rss", "--out-dir"])
            .arg(&dir)
            .output()
            .unwrap();
        // Two items failed: exit 1, the batch written all the same.
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("wire.rss: item 3: the item has no text"),
            "{stderr}"
        );
        let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
        let rows: Vec<&str> = index.lines().collect();
        assert_eq!(rows.len(), 6);
        assert!(rows[1].starts_with(
            "https___example.org_ukraine_2024_06_27_kamianka-shelling,tests/data/feeds/wire.rss: item 1,2024-06-27,"
        ));
        assert!(rows[1].ends_with(",ok,"));
        assert!(rows[3].contains(",failed,"));
        let merged = std::fs::read_to_string(dir.join("places.geojson")).unwrap();
        assert!(merged.contains("\"article_title\":\"Fighting near Chasiv Yar\""));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_feed_on_standard_input_is_told_from_json_lines_by_its_first_bytes() {
        let dir = out_dir("stdin");
        let mut child = Command::new(env!("CARGO_BIN_EXE_frontline"))
            .args(["layers", "-", "--layer", "mentions", "--out-dir"])
            .arg(&dir)
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let atom = std::fs::read("tests/data/feeds/monitor.atom").unwrap();
        {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(&atom).unwrap();
        }
        let status = child.wait().unwrap();
        assert!(status.success());
        let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
        assert_eq!(index.lines().count(), 4);
        assert!(index.contains("tag_example.com_2024_monitor_2,stdin: item 2,2024-06-28,"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_folder_mixes_articles_and_feeds_in_name_order() {
        let input = out_dir("folder-in");
        std::fs::create_dir_all(&input).unwrap();
        std::fs::copy("tests/data/feeds/monitor.atom", input.join("b.atom")).unwrap();
        std::fs::write(input.join("a.txt"), "Russian forces shelled Kherson.").unwrap();
        std::fs::write(input.join("c.md"), "Ukrainian forces hold Kupiansk.").unwrap();
        let dir = out_dir("folder-out");
        let out = Command::new(env!("CARGO_BIN_EXE_frontline"))
            .arg("layers")
            .arg(&input)
            .arg("--out-dir")
            .arg(&dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
        let ids: Vec<&str> = index
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert_eq!(
            ids,
            [
                "a",
                "tag_example.com_2024_monitor_1",
                "tag_example.com_2024_monitor_2",
                "tag_example.com_2024_monitor_3",
                "c"
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::remove_dir_all(&input).unwrap();
    }
}
