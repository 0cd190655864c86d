"""frontline: the places and events of English-language reporting on the war
in Ukraine, as GeoJSON FeatureCollections or GeoDataFrames.

A binding of the Rust crate of the same name: it runs offline, the
gazetteer (GeoNames, CC BY 4.0) is compiled into the extension, and the
layers are the bytes the ``frontline`` CLI writes, parsed::

    >>> import frontline
    >>> layer = frontline.extract("Russian forces captured Robotyne.", layer="events")
    >>> layer["features"][0]["properties"]["title"]
    'RU capture at Robotyne'

Many articles are read in parallel, without the GIL, by :func:`extract_many`;
:func:`front` draws who holds what from many articles; :func:`resolve` looks
a name up in the gazetteer. Errors are the classes of :mod:`frontline.errors`.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Iterable, Mapping
from typing import Any, Optional

from . import _frontline
from .errors import (
    ArticleError,
    BadNameError,
    BaselineError,
    DateError,
    FileError,
    FrontlineError,
    GazetteerFileError,
    UnknownCountryError,
    UnknownRegionError,
)
from . import errors as _errors

__version__ = "0.1.0"

LAYERS = ("places", "events", "mentions")

__all__ = [
    "extract",
    "extract_many",
    "resolve",
    "front",
    "load",
    "LAYERS",
    "FrontlineError",
    "FileError",
    "GazetteerFileError",
    "BadNameError",
    "UnknownRegionError",
    "UnknownCountryError",
    "DateError",
    "ArticleError",
    "BaselineError",
]


def extract(
    text: str,
    *,
    published: Any = None,
    layer: str = "places",
    id: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> dict:
    """Reads one article and returns one of its layers as a GeoJSON
    FeatureCollection: the same bytes, parsed, as
    ``frontline extract - --layer LAYER --published ... --id ...`` writes for
    the same text.

    ``text`` is plain text, Markdown or HTML (recognised by its first tag).
    ``published`` is the publication date, ``"YYYY-MM-DD"`` or a
    ``datetime.date``; it dates the events and weighs the places by the
    theatre of the war on that day. ``layer`` is ``"places"`` (a point per
    distinct place), ``"events"`` (what happened where) or ``"mentions"`` (a
    point per place name, with the names that resolve to nothing in the
    collection's ``unresolved`` member).

    Raises :class:`ArticleError` for an empty text, :class:`DateError` for a
    malformed date and ``ValueError`` for an unknown layer.
    """
    raw = _frontline.extract(
        text, _date(published), layer, _text(id), _text(title), _text(url)
    )
    return json.loads(raw)


def extract_many(
    articles: Any,
    *,
    layer: str = "places",
    jobs: Optional[int] = None,
    to: str = "geojson",
    errors: str = "raise",
    batch_coherence: bool = True,
) -> Any:
    """Reads many articles in parallel and returns one layer merged over all
    of them, in input order, each feature with its ``article_id`` and
    ``published``: the bytes ``frontline layers`` writes to
    ``DIR/LAYER.geojson`` for the same articles, parsed.

    ``articles`` is a pandas DataFrame or an iterable of mappings, with a
    ``text`` and optionally ``id``, ``published``, ``title`` and ``url``
    (a missing id is ``line-N``, N counted from 1, as in JSON Lines); a
    plain string is an article's text. The articles are read on ``jobs``
    threads (default: every CPU; at most that many) with the GIL released;
    the result does not depend on their number.

    With ``batch_coherence`` (the default, as ``frontline layers``) the
    articles are read twice, and an ambiguous name leans toward where the
    batch's unambiguous places are (the ``batch`` score part);
    ``batch_coherence=False`` reads each article alone, as
    ``frontline layers --no-batch-coherence``.

    ``to="geojson"`` returns a FeatureCollection (a dict); ``to="geopandas"``
    a GeoDataFrame in EPSG:4326 (GeoPandas needed) whose ``published`` and
    ``event_date`` are datetime columns; for the mentions layer the names
    that resolve to nothing are in its ``attrs["unresolved"]``.

    An article that cannot be read (no text, a malformed date) raises its
    error (:class:`ArticleError`, named ``articles[N]``, N from 0) with
    ``errors="raise"``; with ``errors="skip"`` it is left out and one
    warning says how many were.
    """
    if to not in ("geojson", "geopandas"):
        raise ValueError(f'to must be "geojson" or "geopandas", not {to!r}')
    _check_errors(errors)
    # Points and lines without a dict per feature: GeoJSON text sequences
    # read by Arrow's JSON reader (the mentions layer keeps its
    # `unresolved` names, which only the GeoJSON collection has).
    columnar = to == "geopandas" and layer != "mentions"
    raw, _articles, failures = _frontline.extract_many(
        _rows(articles), layer, jobs, columnar, batch_coherence
    )
    _fail(failures, errors)
    if columnar:
        return _geodataframe_of_sequence(raw)
    collection = json.loads(raw)
    if to == "geojson":
        return collection
    return _geodataframe(collection)


def resolve(
    name: str,
    *,
    near: Optional[tuple[float, float]] = None,
    country: Optional[str] = None,
    admin1: Optional[str] = None,
    limit: Optional[int] = None,
) -> list[dict]:
    """The places a name may mean, best first, as ``frontline resolve --json``
    lists them: each a dict with its ``geonameid``, ``name``, ``lat``,
    ``lon``, ``admin1``, ``country_code``, ``feature_code``, ``population``,
    ``matched`` and ``score``. An unknown name gives an empty list.

    ``near`` is a ``(latitude, longitude)`` the place is likely near;
    ``country`` an ISO code (``"UA"``) or a country's name; ``admin1`` a
    first-level region (``"Donetsk"``, ``"Kharkiv Oblast"``). Raises
    :class:`BadNameError` for an empty or overlong name and
    :class:`UnknownCountryError` / :class:`UnknownRegionError` for a
    country or region that does not exist.
    """
    if near is not None:
        near = (float(near[0]), float(near[1]))
    return json.loads(_frontline.resolve(name, near, admin1, country, limit))


def front(
    articles: Any,
    *,
    as_of: Any = None,
    baseline: Any = None,
    published: Any = None,
    jobs: Optional[int] = None,
    errors: str = "raise",
    batch_coherence: bool = True,
) -> dict:
    """Draws the front from many articles' events, as ``frontline front``
    does: returns a dict of its four layers as FeatureCollections,
    ``control`` (every settlement's holder on the day), ``front`` (the line
    between RU- and UA-held settlements), ``contested`` (contested zones)
    and ``arrows`` (advances), and ``as_of``, the day drawn
    (``"YYYY-MM-DD"``).

    ``articles`` is read as :func:`extract_many` reads it (with
    ``batch_coherence`` as there). ``as_of`` is the
    day to draw (default: the latest date of an event or an article);
    ``baseline`` a file (CSV, or GeoJSON such as a ``control.geojson``
    written before) of known holders; ``published`` the date of articles
    that have none. Raises :class:`BaselineError` for a malformed baseline,
    :class:`FileError` for one that cannot be read, ``ValueError`` when there
    is no day to draw.
    """
    _check_errors(errors)
    path = None if baseline is None else str(baseline)
    day, layers, failures = _frontline.front(
        _rows(articles), _date(as_of), path, _date(published), jobs, batch_coherence
    )
    _fail(failures, errors)
    drawn = {name: json.loads(raw) for name, raw in layers}
    drawn["as_of"] = day
    return drawn


def load() -> None:
    """Loads the bundled gazetteer now (about 0.1 s, once per process), so
    that the first call does not pay for it; a worker process calls it once
    when it starts."""
    _frontline.load()


# ---------------------------------------------------------------------------


def _missing(v: Any) -> bool:
    """None, NaN, NaT, pandas.NA."""
    if v is None:
        return True
    try:
        return bool(v != v)
    except (TypeError, ValueError):
        # pandas.NA compares to NA, whose truth is ambiguous.
        return True


def _text(v: Any) -> Optional[str]:
    if _missing(v):
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, float) and v.is_integer() and not math.isinf(v):
        return str(int(v))
    return str(v)


def _date(v: Any) -> Optional[str]:
    """A date as text: a string as it is (the library checks it), a
    ``datetime`` or ``pandas.Timestamp`` as its day, a ``date`` as ISO."""
    if _missing(v):
        return None
    if isinstance(v, str):
        return v
    day = getattr(v, "date", None)
    if callable(day):
        v = day()
    iso = getattr(v, "isoformat", None)
    if callable(iso):
        return iso()
    return str(v)


_FIELDS = ("id", "text", "published", "title", "url")


def _rows(articles: Any) -> list:
    """Articles as tuples of (id, text, published, title, url)."""
    columns = getattr(articles, "columns", None)
    if columns is not None and hasattr(articles, "itertuples"):
        if "text" not in columns:
            raise ValueError("the DataFrame has no `text` column")
        cols = [articles[c] if c in columns else None for c in _FIELDS]
        n = len(articles)
        values = [list(c) if c is not None else [None] * n for c in cols]
        return [
            (_text(i), _text(t), _date(p), _text(ti), _text(u))
            for i, t, p, ti, u in zip(*values)
        ]
    if isinstance(articles, (str, bytes, Mapping)):
        raise TypeError(
            "articles must be an iterable of articles (dicts or strings) or a DataFrame"
        )
    rows = []
    for i, a in enumerate(articles):
        if isinstance(a, str):
            rows.append((None, a, None, None, None))
        elif isinstance(a, Mapping):
            rows.append(
                (
                    _text(a.get("id")),
                    _text(a.get("text")),
                    _date(a.get("published")),
                    _text(a.get("title")),
                    _text(a.get("url")),
                )
            )
        else:
            raise TypeError(
                f"articles[{i}] is a {type(a).__name__}, not a dict or a string"
            )
    return rows


def _check_errors(errors: str) -> None:
    if errors not in ("raise", "skip"):
        raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')


def _fail(failures: list, errors: str) -> None:
    """Raises the first failed article's error, or warns how many failed."""
    if not failures:
        return
    if errors == "raise":
        cls, message = failures[0]
        raise getattr(_errors, cls)(message)
    first = failures[0][1]
    warnings.warn(
        f"frontline: {len(failures)} articles failed and were left out; the first: {first}",
        stacklevel=3,
    )


def _geodataframe_of_sequence(raw: bytes) -> Any:
    """A GeoJSON text sequence of Points and LineStrings (one feature a
    line, after an RS) as a GeoDataFrame, read by pyarrow's JSON reader:
    the features' order, their properties as columns."""
    try:
        import geopandas
        import pandas
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.json as pj
        import shapely
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError('to="geopandas" needs GeoPandas and pyarrow') from e
    import io

    ndjson = raw.replace(b"\x1e", b"")
    if not ndjson:
        return _geodataframe({"features": []})
    line_start = b'{"type":"Feature","geometry":{"type":"LineString"'
    if line_start in ndjson:
        # Points and lines apart: Arrow wants one type per field.
        lines = ndjson.split(b"\n")[:-1]
        kinds = [line.startswith(line_start) for line in lines]
        parts = []
        for is_line in (False, True):
            index = [i for i, k in enumerate(kinds) if k == is_line]
            if index:
                parts.append((is_line, index, b"\n".join(lines[i] for i in index)))
    else:
        parts = [(False, None, ndjson)]
    groups = []
    for is_line, index, body in parts:
        table = pj.read_json(io.BytesIO(body), read_options=pj.ReadOptions(block_size=1 << 24))
        coords = table.column("geometry").combine_chunks().field("coordinates")
        if is_line:
            points = pc.list_flatten(coords)
            xy = pc.list_flatten(points).to_numpy(zero_copy_only=False).reshape(-1, 2)
            offsets = coords.offsets.to_numpy()
            geometry = shapely.from_ragged_array(
                shapely.GeometryType.LINESTRING, xy, (offsets,)
            )
        else:
            x = pc.list_element(coords, 0).to_numpy(zero_copy_only=False)
            y = pc.list_element(coords, 1).to_numpy(zero_copy_only=False)
            geometry = shapely.points(x, y)
        props = table.column("properties").combine_chunks()
        columns = {field.name: props.field(field.name) for field in props.type}
        part = pa.table(columns).to_pandas()
        if index is not None:
            part.index = index
        groups.append(geopandas.GeoDataFrame(part, geometry=geometry, crs="EPSG:4326"))
    gdf = groups[0] if len(groups) == 1 else pandas.concat(groups).sort_index()
    gdf = gdf.reset_index(drop=True)
    for column in ("published", "event_date"):
        if column in gdf.columns:
            gdf[column] = pandas.to_datetime(gdf[column], format="%Y-%m-%d")
    return gdf


def _geodataframe(collection: dict) -> Any:
    try:
        import geopandas
        import pandas
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            'to="geopandas" needs GeoPandas: pip install geopandas'
        ) from e
    features = collection["features"]
    if features:
        gdf = geopandas.GeoDataFrame.from_features(features, crs="EPSG:4326")
    else:
        gdf = geopandas.GeoDataFrame(
            {"geometry": geopandas.GeoSeries([], crs="EPSG:4326")}, crs="EPSG:4326"
        )
    for column in ("published", "event_date"):
        if column in gdf.columns:
            gdf[column] = pandas.to_datetime(gdf[column], format="%Y-%m-%d")
    if "unresolved" in collection:
        gdf.attrs["unresolved"] = collection["unresolved"]
    return gdf
