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

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_PIXELS",
    "ImageError",
    "check_decodable",
    "image_size",
    "picture_source",
]

#: EXIF orientations that turn the picture a quarter turn, so width and height swap.
_QUARTER_TURNS = {5, 6, 7, 8}
_ORIENTATION = 0x0112

#: Formats a PowerPoint file can embed as they are; others are converted to PNG.
_EMBEDDABLE = {"PNG", "JPEG", "GIF", "BMP", "TIFF"}

MAX_FILE_BYTES = 50 * 2**20
"""The largest picture file taken (50 MB)."""
MAX_PIXELS = 60_000_000
"""The most pixels a picture may have (a 60-megapixel photo); more is refused unread."""
_AT_MOST = f"at most {MAX_PIXELS // 1_000_000} megapixels (save a smaller copy)"


class ImageError(InputError):
    """An image file that is missing or cannot be read as a picture."""

    def __init__(self, path: str | os.PathLike[str], reason: str, expected: str = "") -> None:
        self.path = Path(path)
        self.reason = reason
        self.expected = expected
        """What would do instead, when it is more than "a picture file"."""
        super().__init__(f"{self.path}: {reason}" + (f"; expected {expected}" if expected else ""))


def _open(path: Path) -> ImageFile:
    """Open ``path`` lazily with Pillow (only the header is read); an :class:`ImageError` if not.

    Refused before decoding: a file over :data:`MAX_FILE_BYTES`, a picture of more than
    :data:`MAX_PIXELS` pixels.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        st = path.stat()
    except FileNotFoundError:
        raise ImageError(path, "image file not found") from None
    except OSError as e:
        raise ImageError(path, f"cannot be read ({_reason(e)})") from None
    if not path.is_file():
        raise ImageError(path, "not a file")
    if st.st_size > MAX_FILE_BYTES:
        raise ImageError(
            path,
            f"the file is {st.st_size / 2**20:,.0f} MB",
            f"at most {MAX_FILE_BYTES // 2**20} MB (save a smaller copy)",
        )
    try:
        with Image.open(path) as probe:
            w, h = probe.size
        if w * h > MAX_PIXELS:
            raise ImageError(path, f"too many pixels ({w:,} x {h:,})", _AT_MOST)
        return Image.open(path)
    except Image.DecompressionBombError:
        raise ImageError(path, "too many pixels", _AT_MOST) from None
    except UnidentifiedImageError:
        raise ImageError(path, "not an image file Pillow can read (PNG, JPEG, GIF, ...)") from None
    except OSError as e:
        raise ImageError(path, f"cannot read the image ({_reason(e)})") from e


def _reason(e: OSError) -> str:
    """The OS's reason without the path Python repeats."""
    return e.strerror or str(e)


def check_decodable(path: str | os.PathLike[str]) -> None:
    """Raise :class:`ImageError` when the picture at ``path`` is cut short or damaged.

    Cheap: a PNG's chunks are checked without decoding its pixels, a JPEG's end marker is looked
    for; other formats are decoded.
    """
    from PIL import Image

    p = Path(path)
    with _open(p) as im:
        fmt = im.format
    try:
        if fmt == "PNG":
            with Image.open(p) as im:
                im.verify()
        elif fmt == "JPEG":
            with open(p, "rb") as f:
                f.seek(-2, os.SEEK_END)
                if f.read(2) != b"\xff\xd9":
                    raise OSError("the file ends before the picture does")
        else:
            with Image.open(p) as im:
                im.load()
    except (OSError, SyntaxError, ValueError) as e:  # Pillow's errors for damaged data
        raise ImageError(p, f"the picture is damaged or cut short ({e})") from None


def _orientation(im: ImageFile) -> int:
    """The EXIF orientation (1: as stored). A PNG is decoded for it only when it has EXIF."""
    if im.format == "PNG" and not _png_has_exif(getattr(im, "filename", "")):
        return 1
    try:
        return int(im.getexif().get(_ORIENTATION, 1))
    except Exception:  # a damaged EXIF block: draw the pixels as stored
        return 1


def _png_has_exif(path: str | os.PathLike[str]) -> bool:
    """Whether the PNG at ``path`` has an eXIf chunk, found from the chunk headers alone."""
    try:
        with open(path, "rb") as f:
            f.seek(8)  # the signature
            while True:
                head = f.read(8)
                if len(head) < 8:
                    return False
                size, kind = int.from_bytes(head[:4], "big"), head[4:]
                if kind == b"eXIf":
                    return True
                if kind == b"IEND":
                    return False
                f.seek(size + 4, os.SEEK_CUR)  # the data and its CRC
    except OSError:
        return True  # let Pillow look


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
