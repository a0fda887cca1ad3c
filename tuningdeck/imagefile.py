"""Image files as pictures: their size as meant to be seen, and what to embed for them.

Pillow reads only a file's header; nothing here knows about PowerPoint, so the workbook reader
checks pictures with it without loading the renderers.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from tuningdeck.errors import InputError

if TYPE_CHECKING:
    from PIL.ImageFile import ImageFile

__all__ = ["ImageError", "image_size", "picture_source"]

#: EXIF orientations that turn the picture a quarter turn, so width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112

#: Formats a PowerPoint file can embed as they are; others are converted to PNG.
_EMBEDDABLE = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}


class ImageError(InputError):
    """An image file that is missing or cannot be read as a picture."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def _open(path: Path) -> ImageFile:
    """Open ``path`` lazily with Pillow (only the header is read); an :class:`ImageError` if not."""
    from PIL import Image, UnidentifiedImageError

    if not path.is_file():
        raise ImageError(path, "image file not found")
    try:
        return Image.open(path)
    except UnidentifiedImageError:
        raise ImageError(path, "not an image file Pillow can read (PNG, JPEG, GIF, ...)") from None
    except OSError as e:
        raise ImageError(path, f"cannot read the image ({e})") from e


def _orientation(im: ImageFile) -> int:
    try:
        return int(im.getexif().get(_ORIENTATION, 1))
    except Exception:  # a damaged EXIF block: draw the pixels as stored
        return 1


def image_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """The width and height of the image at ``path`` in pixels, as it is meant to be seen.

    Reads only the file's header. A photo whose EXIF orientation turns it a quarter turn has its
    width and height swapped. A missing or unreadable file raises :class:`ImageError`.
    """
    p = Path(path)
    with _open(p) as im:
        w, h = im.size
        if _orientation(im) in _QUARTER_TURNS:
            w, h = h, w
    if w <= 0 or h <= 0:
        raise ImageError(p, f"the image has no area ({w} x {h} pixels)")
    return w, h


def picture_source(path: str | os.PathLike[str]) -> Path | bytes:
    """What to embed for the image at ``path``: the file itself when it can go in as it is.

    A photo with an EXIF orientation is turned upright first, and a format PowerPoint cannot
    embed (WebP, ...) is converted, both to PNG bytes (JPEG for photos), so that every
    application draws the picture the way :func:`image_size` measured it.
    """
    from PIL import ImageOps

    p = Path(path)
    with _open(p) as im:
        fmt = im.format or ""
        if fmt in _EMBEDDABLE and _orientation(im) == 1:
            return p
        try:
            upright = ImageOps.exif_transpose(im)
            out = io.BytesIO()
            if fmt == "JPEG":
                upright.save(out, "JPEG", quality=92)
            else:
                upright.save(out, "PNG")
        except OSError as e:
            raise ImageError(p, f"cannot read the image ({e})") from e
    return out.getvalue()
