"""Build Tuning Session decks from Python: from the example workbook, and from scratch.

usage: python examples/build_deck.py

Writes two decks into examples/out/:

- ``thriving-movement-q1-fy20-21.pptx``: the example workbook's Q1 deck, with one slide added in
  code;
- ``small-deck.pptx``: a four-slide deck built from the model classes alone, no workbook; its
  last slide, a content slide with a picture, is the one ``./dev gallery`` shows in
  ``docs/gallery/content.png``.
"""

from __future__ import annotations

from pathlib import Path

import tuningdeck

HERE = Path(__file__).resolve().parent
WORKBOOK = HERE / "thriving-movement-fy20-21.xlsx"
OUT = HERE / "out"


def from_workbook() -> Path:
    """Read the example workbook's Q1 deck, add a quote slide at the end and save it."""
    # read_workbook checks every sheet and reports every problem at once (as Sheet!Cell);
    # the result is a Deck: an immutable list of slide objects for the quarter asked for.
    deck = tuningdeck.read_workbook(WORKBOOK, quarter="Q1")

    # Decks never change in place: append returns a new deck with the slide added.
    deck = deck.append(
        tuningdeck.QuoteSlide(
            title="Project: Talk pages",
            quote="The gadget works great. Congrats to the team.",
            name="Nux",
            affiliation="Wikipedia editor",
            department="Product",
            notes="Feedback left on a talk page by an editor who uses the new reply tool.",
        )
    )

    # save renders every slide and writes the .pptx atomically.
    return deck.save(OUT / "thriving-movement-q1-fy20-21.pptx")


def from_scratch() -> Path:
    """Build a small deck from the model classes, with no workbook at all."""
    deck = tuningdeck.Deck(
        [
            tuningdeck.TitleSlide(title="Thriving Movement Tuning Session Q1 FY20-21"),
            tuningdeck.SectionSlide(title="MTP Priority OKRs"),
            tuningdeck.ObjectiveSlide(
                title="Grantmaking",
                objective="To transform grantmaking at WMF to be in line with the movement "
                "strategic direction and better serve equity and the objectives of building a "
                "thriving movement.",
                # Text fields take the workbook's inline markup: one paragraph a line,
                # "- " for a bullet, **bold**, *italic* and [text](https://...) links.
                narrative=(
                    "**Grants Team:** Created a proposed vision for its role to support the "
                    "development of a thriving movement, to be validated.\n"
                    "**Grant Processes:**\n"
                    "- Finalized our internal data clean up and beginning Q2 will launch new "
                    "data collection process in Fluxx.\n"
                    "- Designed a new survey for grantees to understand Diversity and "
                    "Inclusion in programming and demographics."
                ),
                target="Q4 FY20-21",
                # Every slide kind also takes a department tag, speaker notes and a footnote.
                department="Advancement",
                notes="The proposed key results follow on the OKR change slide.",
            ),
            # A plain content slide: text with bullets and numbered items, a picture beside it.
            tuningdeck.ContentSlide(
                title="Reading Wikipedia in the Classroom",
                text=(
                    "The toolkit helps teachers build **media and information literacy** with "
                    "Wikipedia.\n"
                    "- 470+ teachers trained in Bolivia, Morocco and the Philippines\n"
                    "- Module 1 introduces how Wikipedia is written and checked\n"
                    "  - with a learning pathway for each lesson\n"
                    "1. Train the trainers\n"
                    "2. Pilot in classrooms\n"
                    "3. Publish the open curriculum"
                ),
                image=HERE / "images" / "reading-wp-toolkit-module-1.png",
                alt_text="The toolkit's Module 1 learning pathway",
                department="Community Programs",
            ),
        ],
        quarter="Q1",
        fiscal_year="FY20-21",
    )
    return deck.save(OUT / "small-deck.pptx")


if __name__ == "__main__":
    for path in (from_workbook(), from_scratch()):
        print(f"wrote {path}")
