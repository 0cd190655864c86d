//! Publication dates given as timestamps: RFC 3339 and RFC 2822 read as
//! the date where the article was written, in the library, JSON Lines and
//! the command.

use frontline::{batch, extract, Article, Gazetteer};

#[test]
fn yesterday_in_a_kyiv_report_stamped_after_midnight_is_the_day_before_its_local_date() {
    let gaz = Gazetteer::bundled();
    // 00:30 in Kyiv on 28 June 2024 is 21:30 UTC on the 27th: the report is
    // of 28 June, and its "yesterday" is 27 June.
    let article = Article::new("Russian forces captured Robotyne yesterday.")
        .with_published("2024-06-28T00:30:00+03:00")
        .unwrap();
    let found = extract(&gaz, &article);
    assert_eq!(found.events.len(), 1);
    assert_eq!(
        found.events[0].event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-06-27")
    );
}

#[test]
fn a_timestamp_and_its_date_give_the_same_layers() {
    let gaz = Gazetteer::bundled();
    let text = "Russian forces captured Robotyne on Tuesday, near Orikhiv.";
    let layer = |published: &str| {
        let article = Article::new(text).with_published(published).unwrap();
        frontline::layer::events_layer(&extract(&gaz, &article)).to_string()
    };
    let by_date = layer("2024-06-27");
    assert_eq!(layer("2024-06-27T10:00:00Z"), by_date);
    assert_eq!(layer("Thu, 27 Jun 2024 10:00:00 +0000"), by_date);
    assert!(by_date.contains("\"published\":\"2024-06-27\""));
    // "on Tuesday": 25 June 2024, the Tuesday before Thursday the 27th.
    assert!(by_date.contains("\"event_date\":\"2024-06-25\""));
}

#[test]
fn json_lines_take_timestamps_and_name_the_line_of_a_bad_one() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Kyiv.\", \"published\": \"2024-06-27T10:00:00Z\"}\n",
        "{\"id\": \"b\", \"text\": \"Kyiv.\", \"published\": \"Thu, 27 Jun 2024 10:00:00 +0000\"}\n",
        "{\"id\": \"c\", \"text\": \"Kyiv.\", \"published\": \"27.06.2024\"}\n",
    );
    let items = batch::read_json_lines(input.as_bytes(), "in.jsonl");
    for item in &items[..2] {
        let meta = &item.article.as_ref().unwrap().meta;
        assert_eq!(meta.published.unwrap().to_string(), "2024-06-27");
        assert_eq!(
            meta.published_at.unwrap().to_rfc3339(),
            "2024-06-27T10:00:00+00:00"
        );
    }
    let e = items[2].article.as_ref().unwrap_err().to_string();
    assert!(
        e.starts_with("in.jsonl:3: field `published`: \"27.06.2024\" is not a date"),
        "{e}"
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_command_reads_a_timestamp_as_published_and_refuses_a_bad_one_by_name() {
    use std::process::Command;
    let run = |published: &str| {
        Command::new(env!("CARGO_BIN_EXE_frontline"))
            .args(["extract", "-", "--published", published])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(b"Russian forces captured Robotyne.")?;
                child.wait_with_output()
            })
            .unwrap()
    };
    let by_date = run("2024-06-27");
    let by_time = run("Thu, 27 Jun 2024 10:00:00 +0000");
    assert!(by_time.status.success());
    assert_eq!(by_time.stdout, by_date.stdout);
    let bad = run("last Thursday");
    assert_eq!(bad.status.code(), Some(2));
    let message = String::from_utf8_lossy(&bad.stderr);
    assert!(
        message
            .contains("--published: \"last Thursday\" is not a date (YYYY-MM-DD) or a timestamp"),
        "{message}"
    );
}
