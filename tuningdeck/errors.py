"""Errors a user can act on: each names where the problem is and what was expected."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

__all__ = [
    "FieldError",
    "InputError",
    "LayoutError",
    "OutputError",
    "Problem",
    "TemplateError",
    "WorkbookError",
    "WorkbookWarning",
]


@frozen
class Problem:
    """One thing wrong with the input, at ``Sheet!Cell`` (a whole sheet when ``cell`` is None)."""

    sheet: str
    cell: str | None
    message: str

    @property
    def where(self) -> str:
        """``Sheet!B7``, or just ``Sheet`` for a problem with the sheet as a whole."""
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class InputError(ValueError):
    """Base class of the errors caused by what the user gave us (exit code 2 on the CLI)."""


class FieldError(InputError, TypeError):
    """A value a model class refuses, naming the class and field: ``ObjectiveSlide.title: …``.

    Also a :class:`TypeError`, as a value of the wrong type was one before it was named.
    """

    def __init__(self, owner: str, field: str | None, reason: str) -> None:
        self.owner = owner
        self.field = field
        self.reason = reason
        super().__init__(f"{owner}.{field}: {reason}" if field else f"{owner}: {reason}")


class WorkbookError(InputError):
    """A workbook that cannot be read into a deck; carries every problem found, not the first."""

    def __init__(self, problems: Iterable[Problem], path: str = "") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.path = path
        head = f"{path}: " if path else ""
        n = len(self.problems)
        lines = [f"{head}{n} problem{'s' if n != 1 else ''} in the workbook:"]
        lines += [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


class WorkbookWarning(UserWarning):
    """Something in a workbook that is ignored but may be a mistake, e.g. an unknown column."""


class TemplateError(InputError):
    """A template that lacks a layout or placeholder the renderer needs."""


class LayoutError(InputError):
    """Content that cannot be laid out on a slide even at the smallest allowed type size.

    A deck's layout problems are raised together (:meth:`of`), each naming the cell its slide
    was written in (``Objectives!A5: ...``) or, for a deck built in code, its slide.
    """

    problems: tuple[Problem, ...] = ()

    @classmethod
    def of(cls, problems: Iterable[Problem]) -> LayoutError:
        """One error listing every layout problem of a deck."""
        found = tuple(problems)
        n = len(found)
        head = f"{n} slide{'s' if n != 1 else ''} cannot be laid out:"
        error = cls("\n".join([head, *(f"  {p}" for p in found)]))
        error.problems = found
        return error


class OutputError(InputError):
    """An output path that cannot or must not be written: one line naming it and the cause."""
