"""The deck as data: frozen attrs classes, one per slide kind. Imports neither pptx nor openpyxl.

Every name in the ``__all__`` of the model's modules is exported here and from :mod:`tuningdeck`:
a slide class added to its module's ``__all__`` needs no other listing.
"""

from tuningdeck.model import data, deck, fiscal, slides, tables, visuals, words
from tuningdeck.model.data import *  # noqa: F403
from tuningdeck.model.deck import *  # noqa: F403
from tuningdeck.model.fiscal import *  # noqa: F403
from tuningdeck.model.slides import *  # noqa: F403
from tuningdeck.model.tables import *  # noqa: F403
from tuningdeck.model.visuals import *  # noqa: F403
from tuningdeck.model.words import *  # noqa: F403

__all__ = sorted(
    {
        *data.__all__,
        *deck.__all__,
        *fiscal.__all__,
        *slides.__all__,
        *tables.__all__,
        *visuals.__all__,
        *words.__all__,
    }
)


def _name_every_error() -> None:
    """Every model class's constructor names the field it refuses (see :func:`named_errors`)."""
    import attrs

    from tuningdeck.model.fields import named_errors

    for module in (data, deck, fiscal, slides, tables, visuals, words):
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type) and attrs.has(obj):
                named_errors(obj)


_name_every_error()
