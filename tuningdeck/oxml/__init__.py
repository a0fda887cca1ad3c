"""Element builders for the DrawingML and PresentationML tuningdeck writes.

One fixed namespace map (:mod:`tuningdeck.oxml.ns`); builders for text (:mod:`.text`), tables
(:mod:`.table`), shapes and slides (:mod:`.shapes`) and package parts (:mod:`.package`), each
handing out copies of memoised prototypes (:mod:`.core`) so that a slide of a thousand elements
costs little more than its text.
"""
