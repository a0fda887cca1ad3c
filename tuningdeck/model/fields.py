"""Converters and validators shared by the model's classes, and errors that name their field.

:func:`named_errors` makes a class's constructor raise :class:`~tuningdeck.errors.FieldError`
naming the field whose value was refused, whatever converter or validator refused it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from tuningdeck.errors import FieldError

T = TypeVar("T")

__all__ = ["NOT_XML", "check_xml_chars", "named_errors", "not_empty", "to_lines", "to_text"]

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot hold at all: C0 controls but tab, newline and carriage return,
lone surrogates, and U+FFFE/U+FFFF."""


def check_xml_chars(text: str) -> str:
    """``text``, or a ValueError naming the first character a deck's XML cannot hold."""
    m = NOT_XML.search(text)
    if m:
        raise ValueError(
            f"contains the control character U+{ord(m.group()):04X} at position {m.start() + 1}, "
            "which a deck cannot hold; expected text without it"
        )
    return text


def to_text(value: str | None) -> str:
    """Normalise a text field: ``None`` becomes ``""``, line endings become ``\\n``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__} {value!r}")
    if value.isprintable():  # one line, no control character: nothing to normalise or refuse
        text = value.strip()
    else:
        text = check_xml_chars(value.replace("\r\n", "\n").replace("\r", "\n").strip())
    if "](" in text:
        from tuningdeck.text.markup import LINK_SCHEMES, bad_link

        url = bad_link(text)
        if url is not None:
            raise ValueError(
                f'a link to "{url[:60]}"; expected a link starting '
                f"{', '.join(s + ':' for s in LINK_SCHEMES)} (a web page or an e-mail address)"
            )
    return text


def to_lines(value: str | Iterable[str | None] | None) -> tuple[str, ...]:
    """Normalise a list field: a string is split into lines; empty items are dropped."""
    if value is None:
        return ()
    items = value.splitlines() if isinstance(value, str) else list(value)
    return tuple(t for t in (to_text(i) for i in items) if t)


def not_empty(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    """Validator: a required text field must not be empty."""
    if not value:
        raise FieldError(type(instance).__name__, attribute.name, "must not be empty")


def named_errors(cls: type[T]) -> type[T]:
    """Make ``cls``'s constructor raise :class:`FieldError` naming the field it refused.

    A converter's or validator's ValueError or TypeError is traced to its field by trying each
    field's converter on the value given for it; what no single field explains (a check across
    fields) is told for the class as a whole.
    """
    init = cls.__init__

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except FieldError:
            raise
        except (ValueError, TypeError) as e:
            raise _name(cls, kwargs, e) from e

    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls


def _name(cls: type, kwargs: dict[str, Any], error: Exception) -> FieldError:
    for f in attrs.fields(cls):
        if f.name in kwargs and f.converter is not None:
            try:
                f.converter(kwargs[f.name])
            except (ValueError, TypeError) as e:
                return FieldError(cls.__name__, f.name, str(e))
    return FieldError(cls.__name__, None, str(error))
