"""The thresholds the design check holds a deck to, in one place.

Contrast follows WCAG 2.x (success criterion 1.4.3): 4.5:1 for text, 3:1 for large text (at
least 18 pt, or 14 pt bold). Type sizes and the share of the body region follow the Foundation's
deck guidelines.
"""

from __future__ import annotations

__all__ = [
    "BODY_MIN_PT",
    "CAPTION_GAP_PT",
    "CAPTION_MAX_WORDS",
    "CONTRAST_LARGE",
    "CONTRAST_TEXT",
    "FOOTER_BAND_TOLERANCE_PT",
    "LARGE_BOLD_PT",
    "LARGE_PT",
    "MAX_EMPTY_SHARE",
    "SECONDARY_MIN_PT",
    "SHORT_BLOCK_PT",
    "TABLE_MIN_PT",
]

CONTRAST_TEXT = 4.5
"""Smallest contrast ratio for text."""
CONTRAST_LARGE = 3.0
"""Smallest contrast ratio for large text."""
LARGE_PT = 18.0
"""Text at least this size is large."""
LARGE_BOLD_PT = 14.0
"""Bold text at least this size is large."""

BODY_MIN_PT = 12.0
"""Smallest size for body text (everything outside tables, footers and captions)."""
TABLE_MIN_PT = 10.0
"""Smallest size for table text."""
SECONDARY_MIN_PT = 10.0
"""Smallest size for footers, slide numbers, footnotes and captions."""

MAX_EMPTY_SHARE = 0.45
"""Largest share of the body region that may stay empty (unless the content is one short
block)."""
SHORT_BLOCK_PT = LARGE_PT
"""Text-only content that, set at this size in its own frames, would still leave more than
:data:`MAX_EMPTY_SHARE` of the body region empty is "one short block": it may sit alone in an
emptier body region (its length, not its size, leaves the room)."""

CAPTION_GAP_PT = 18.0
"""A short text at most this far above or below a picture, chart or table is its caption."""
CAPTION_MAX_WORDS = 25
"""A caption has at most this many words."""
FOOTER_BAND_TOLERANCE_PT = 2.0
"""A shape whose top is within this of the body region's bottom, or below it, is in the footer
band."""
