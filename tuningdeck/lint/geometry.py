"""Rectangles on a slide, in points from its top left."""

from __future__ import annotations

from attrs import frozen

__all__ = ["Box"]


@frozen
class Box:
    """A rectangle in points from the slide's top left: left, top, right, bottom."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        """Right minus left."""
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        """Bottom minus top."""
        return self.y1 - self.y0

    @property
    def area(self) -> float:
        """Width times height (0 for an empty box)."""
        return max(self.width, 0.0) * max(self.height, 0.0)

    @property
    def center(self) -> tuple[float, float]:
        """The middle of the box."""
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def holds(self, x: float, y: float, tol: float = 0.0) -> bool:
        """Whether the point lies inside the box, widened by ``tol`` on every side."""
        return self.x0 - tol <= x <= self.x1 + tol and self.y0 - tol <= y <= self.y1 + tol

    def clip(self, other: Box) -> Box | None:
        """The part of this box inside ``other``, or None when they do not meet."""
        box = Box(
            max(self.x0, other.x0),
            max(self.y0, other.y0),
            min(self.x1, other.x1),
            min(self.y1, other.y1),
        )
        return box if box.width > 0 and box.height > 0 else None
