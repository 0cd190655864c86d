"""Errors are typed exceptions with the library's messages."""

import pytest

import frontline
from frontline import errors


def test_a_malformed_date_is_a_date_error_and_a_value_error():
    with pytest.raises(frontline.DateError) as e:
        frontline.extract("Shelling hit Kupiansk.", published="27 June 2024")
    assert str(e.value) == ('"27 June 2024" is not a date (YYYY-MM-DD) or a timestamp '
                            "(RFC 3339: 2024-06-27T10:00:00Z; RFC 2822: Thu, 27 Jun 2024 10:00:00 +0000)")
    assert isinstance(e.value, ValueError)
    assert isinstance(e.value, frontline.FrontlineError)


def test_an_empty_article_is_an_article_error():
    with pytest.raises(frontline.ArticleError, match="the article has no text"):
        frontline.extract("  \n ")


def test_a_bad_article_in_a_batch_is_named_by_its_position():
    articles = [{"id": "a", "text": "Shelling hit Kupiansk."},
                {"id": "b", "text": "Shelling hit Kherson.", "published": "yesterday"}]
    with pytest.raises(frontline.ArticleError) as e:
        frontline.extract_many(articles)
    assert str(e.value) == ('articles[1]: field `published`: "yesterday" is not a date '
                            "(YYYY-MM-DD) or a timestamp (RFC 3339: 2024-06-27T10:00:00Z; "
                            "RFC 2822: Thu, 27 Jun 2024 10:00:00 +0000)")


def test_skipped_articles_are_left_out_with_a_warning():
    articles = [{"id": "a", "text": "Shelling hit Kupiansk."}, {"id": "b", "text": ""}]
    with pytest.warns(UserWarning, match=r"1 articles failed.*articles\[1\]: no text"):
        layer = frontline.extract_many(articles, errors="skip")
    assert [f["properties"]["article_id"] for f in layer["features"]] == ["a"]


def test_resolve_names_an_unknown_country():
    with pytest.raises(frontline.UnknownCountryError) as e:
        frontline.resolve("Kharkiv", country="Atlantis")
    assert str(e.value) == 'no country with the code or name "Atlantis"'
    assert isinstance(e.value, LookupError)


def test_an_empty_name_is_a_bad_name():
    with pytest.raises(frontline.BadNameError, match="the name is empty"):
        frontline.resolve("")


def test_a_missing_baseline_is_a_file_error(tmp_path):
    with pytest.raises(frontline.FileError) as e:
        frontline.front(["Russian forces captured Robotyne."], as_of="2024-06-01",
                        baseline=tmp_path / "none.csv")
    assert "none.csv" in str(e.value)
    assert isinstance(e.value, OSError)


def test_a_malformed_baseline_row_is_a_baseline_error(tmp_path):
    bad = tmp_path / "base.csv"
    bad.write_text("name,side,since\nAvdiivka,RU,17 Feb\n")
    with pytest.raises(frontline.BaselineError, match=r"base.csv:2: field `since`"):
        frontline.front(["Russian forces captured Robotyne."], as_of="2024-06-01", baseline=bad)


def test_an_unknown_layer_is_a_value_error():
    with pytest.raises(ValueError, match="layer must be"):
        frontline.extract("Kyiv", layer="rivers")


def test_every_error_class_derives_from_the_base():
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.FrontlineError)
