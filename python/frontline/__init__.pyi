"""Type stubs of the frontline package."""

import datetime
import os
from collections.abc import Iterable, Mapping
from typing import Any, Literal, Optional, TypedDict, Union, overload

from .errors import (
    ArticleError as ArticleError,
    BadNameError as BadNameError,
    BaselineError as BaselineError,
    DateError as DateError,
    FileError as FileError,
    FrontlineError as FrontlineError,
    GazetteerFileError as GazetteerFileError,
    UnknownCountryError as UnknownCountryError,
    UnknownRegionError as UnknownRegionError,
)

__version__: str
LAYERS: tuple[str, str, str]

Layer = Literal["places", "events", "mentions"]
DateLike = Union[str, datetime.date, None]
FeatureCollection = dict[str, Any]
Articles = Union[Iterable[Union[Mapping[str, Any], str]], Any]

class Front(TypedDict):
    control: FeatureCollection
    front: FeatureCollection
    contested: FeatureCollection
    arrows: FeatureCollection
    as_of: str

def extract(
    text: str,
    *,
    published: DateLike = None,
    layer: Layer = "places",
    id: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> FeatureCollection: ...
@overload
def extract_many(
    articles: Articles,
    *,
    layer: Layer = "places",
    jobs: Optional[int] = None,
    to: Literal["geojson"] = "geojson",
    errors: Literal["raise", "skip"] = "raise",
    batch_coherence: bool = True,
) -> FeatureCollection: ...
@overload
def extract_many(
    articles: Articles,
    *,
    layer: Layer = "places",
    jobs: Optional[int] = None,
    to: Literal["geopandas"],
    errors: Literal["raise", "skip"] = "raise",
    batch_coherence: bool = True,
) -> Any: ...
def resolve(
    name: str,
    *,
    near: Optional[tuple[float, float]] = None,
    country: Optional[str] = None,
    admin1: Optional[str] = None,
    limit: Optional[int] = None,
) -> list[dict[str, Any]]: ...
def front(
    articles: Articles,
    *,
    as_of: DateLike = None,
    baseline: Union[str, os.PathLike[str], None] = None,
    published: DateLike = None,
    jobs: Optional[int] = None,
    errors: Literal["raise", "skip"] = "raise",
    batch_coherence: bool = True,
) -> Front: ...
def load() -> None: ...
