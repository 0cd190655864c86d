"""The exceptions frontline raises, one class per kind of error of the Rust
library (its `frontline::Error` enum), each with the library's message.

Every class derives from :class:`FrontlineError` and from the built-in
exception that says what went wrong (``ValueError``, ``LookupError``,
``OSError``), so ``except ValueError`` catches a bad date as it would for any
other library.
"""


class FrontlineError(Exception):
    """Base class of every error frontline raises."""


class FileError(FrontlineError, OSError):
    """A file could not be read or written (the message names it)."""


class GazetteerFileError(FrontlineError, ValueError):
    """A row of an extra gazetteer file is malformed (file, line, field)."""


class BadNameError(FrontlineError, ValueError):
    """A place name to resolve is empty or too long."""


class UnknownRegionError(FrontlineError, LookupError):
    """No first-level region has the name given."""


class UnknownCountryError(FrontlineError, LookupError):
    """No country has the code or name given."""


class DateError(FrontlineError, ValueError):
    """A date is not of the form YYYY-MM-DD."""


class ArticleError(FrontlineError, ValueError):
    """An article cannot be read: no text, not UTF-8, too large, or a bad
    field (the message names the article, e.g. ``articles[3]``)."""


class BaselineError(FrontlineError, ValueError):
    """A row of a baseline file is malformed (file, line, field)."""


__all__ = [
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
