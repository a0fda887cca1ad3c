"""Where a picture goes in its frame: letter-boxed to fit, or cropped to fill, its ratio kept.

Pure geometry plus a look at the image file's header; nothing here knows about PowerPoint.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Literal

from tuningdeck.errors import InputError
from tuningdeck.render.plan import Frame

__all__ = ["Crop", "ImageError", "image_size", "picture_source", "place"]

#: Fractions trimmed from the (left, top, right, bottom) of a picture.
Crop = tuple[float, float, float, float]

NO_CROP: Crop = (0.0, 0.0, 0.0, 0.0)

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


def _open(path: Path):  # type: ignore[no-untyped-def]
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


def _orientation(im: object) -> int:
    try:
        return int(im.getexif().get(_ORIENTATION, 1))  # type: ignore[attr-defined]
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


def place(
    image_w: float, image_h: float, frame: Frame, mode: Literal["fit", "crop"]
) -> tuple[Frame, Crop]:
    """The picture's frame and crop for an ``image_w`` x ``image_h`` image drawn in ``frame``.

    ``"fit"`` shows the whole image: the frame shrinks to the image's ratio and is centred in
    ``frame`` (letter-boxed), with nothing cropped. ``"crop"`` fills ``frame`` and trims the
    excess equally from both sides of the long dimension. Either way the picture is drawn at the
    image's own aspect ratio.
    """
    if image_w <= 0 or image_h <= 0:
        raise ValueError(f"an image needs a positive size, got {image_w} x {image_h}")
    if frame.w <= 0 or frame.h <= 0:
        raise ValueError(f"a picture needs a frame with area, got {frame.w:.1f} x {frame.h:.1f}")
    ratio = image_w / image_h
    room = frame.w / frame.h
    if mode == "fit":
        if room > ratio:
            w, h = frame.h * ratio, frame.h
        else:
            w, h = frame.w, frame.w / ratio
        x, y = frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2
        return Frame(x, y, w, h), NO_CROP
    if mode == "crop":
        if room > ratio:  # the frame is wider: trim the top and bottom
            trim = (1 - ratio / room) / 2
            return frame, (0.0, trim, 0.0, trim)
        trim = (1 - room / ratio) / 2
        return frame, (trim, 0.0, trim, 0.0)
    raise ValueError(f"unknown fit {mode!r}; expected 'fit' or 'crop'")
