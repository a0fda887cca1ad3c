"""Make the bundled Foundation master, ``layouts/foundation.pptx``, from ``foundation.toml``.

Run ``python -m tuningdeck.render.master [OUT.pptx]`` after changing the theme's colours, fonts or
geometry. The master carries the layouts the renderers ask for by name (:data:`LAYOUTS`), each with
named placeholders; a user's own template works when its layouts carry the same names.
"""

from tuningdeck.render.master.build import build_template, main
from tuningdeck.render.master.layouts import LAYOUTS, Box

__all__ = ["LAYOUTS", "Box", "build_template", "main"]
