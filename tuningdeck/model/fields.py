"""Converters and validators shared by the model's classes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["not_empty", "to_lines", "to_text"]


def to_text(value: str | None) -> str:
    """Normalise a text field: ``None`` becomes ``""``, line endings become ``\\n``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__} {value!r}")
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def to_lines(value: str | Iterable[str | None] | None) -> tuple[str, ...]:
    """Normalise a list field: a string is split into lines; empty items are dropped."""
    if value is None:
        return ()
    items = value.splitlines() if isinstance(value, str) else list(value)
    return tuple(t for t in (to_text(i) for i in items) if t)


def not_empty(instance: Any, attribute: attrs.Attribute, value: str) -> None:
    """Validator: a required text field must not be empty."""
    if not value:
        raise ValueError(f"{type(instance).__name__}.{attribute.name} must not be empty")
