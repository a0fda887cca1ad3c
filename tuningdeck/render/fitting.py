"""Where a picture goes in its frame: letter-boxed to fit, or cropped to fill, its ratio kept.

Pure geometry; the image files themselves are read by :mod:`tuningdeck.imagefile`.
"""

from __future__ import annotations

from tuningdeck.render.plan import Frame
from tuningdeck.vocab import Fit

__all__ = ["NO_CROP", "Crop", "place"]

#: Fractions trimmed from the (left, top, right, bottom) of a picture.
Crop = tuple[float, float, float, float]

NO_CROP: Crop = (0.0, 0.0, 0.0, 0.0)


def place(image_w: float, image_h: float, frame: Frame, mode: Fit | str) -> tuple[Frame, Crop]:
    """The picture's frame and crop for an ``image_w`` x ``image_h`` image drawn in ``frame``.

    :attr:`Fit.FIT` shows the whole image: the frame shrinks to the image's ratio and is centred in
    ``frame`` (letter-boxed), with nothing cropped. :attr:`Fit.CROP` fills ``frame`` and trims the
    excess equally from both sides of the long dimension. Either way the picture is drawn at the
    image's own aspect ratio.
    """
    if image_w <= 0 or image_h <= 0:
        raise ValueError(f"an image needs a positive size, got {image_w} x {image_h}")
    if frame.w <= 0 or frame.h <= 0:
        raise ValueError(f"a picture needs a frame with area, got {frame.w:.1f} x {frame.h:.1f}")
    mode = Fit.parse(mode)
    ratio = image_w / image_h
    room = frame.w / frame.h
    if mode is Fit.FIT:
        if room > ratio:
            w, h = frame.h * ratio, frame.h
        else:
            w, h = frame.w, frame.w / ratio
        x, y = frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2
        return Frame(x, y, w, h), NO_CROP
    if room > ratio:  # cropped, and the frame is wider: trim the top and bottom
        trim = (1 - ratio / room) / 2
        return frame, (0.0, trim, 0.0, trim)
    trim = (1 - room / ratio) / 2
    return frame, (trim, 0.0, trim, 0.0)
