"""``python -m tuningdeck.render.master [OUT.pptx]``: regenerate the bundled master."""

from tuningdeck.render.master.build import main

raise SystemExit(main())
