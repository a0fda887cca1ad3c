"""Kinds made from one row of their sheet: each field from its column, pictures checked."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pytest
from attrs import field, frozen
from PIL import Image as PILImage

from tuningdeck.catalogue import KindSpec, Ref, Source
from tuningdeck.model import Quarter, Slide
from tuningdeck.vocab import Layout, Placeholder
from tuningdeck.workbook.kinds import slide_kind
from tuningdeck.workbook.rows import Row, RowErrors, SlideSource
from tuningdeck.workbook.schema import CellKind, ColumnSpec, keyed_sheet


@frozen(kw_only=True)
class PictureSlide(Slide):
    """A slide with a title and an optional picture, for these tests."""

    kind: ClassVar[str] = "picture"

    title: str
    picture: Path | None = None
    caption: str = field(default="(none)")


SHEET = keyed_sheet(
    "Pictures",
    "Test pictures.",
    ColumnSpec("Title", required=True),
    ColumnSpec("Picture", CellKind.PICTURE),
    ColumnSpec("Caption"),
)
KIND = KindSpec(
    model=PictureSlide,
    planner=Ref("tuningdeck.render.kinds.quote:plan"),
    layouts={Layout.CONTENT: {Placeholder.TITLE}},
    source=Source(
        sheet=SHEET, fields={"title": "Title", "picture": "Picture", "caption": "Caption"}
    ),
)


def source(folder: Path, **cells: str) -> SlideSource:
    values = {"title": "A title", "picture": "", "caption": "", **cells, "notes": "Say it."}
    refs = {"title": "C2", "picture": "D2", "caption": "E2", "notes": "H2"}
    slide = Row("Slides", 2, {"kind": "picture", "key": "p"}, {"kind": "A2", "key": "B2"})
    return SlideSource(
        slide=slide,
        row=Row("Pictures", 2, values, refs),
        quarter=Quarter.Q1,
        settings={},
        title="Deck",
        sheets={},
        folder=folder,
    )


def test_fields_come_from_their_columns_and_blank_cells_keep_defaults(tmp_path: Path) -> None:
    kind = slide_kind(KIND)
    assert kind.fields["picture"] == "Picture" and kind.fields["notes"] == "Notes"
    slide = kind.build(source(tmp_path))
    assert slide == PictureSlide(title="A title", notes="Say it.")


def test_a_picture_cell_is_a_checked_path_from_the_workbooks_folder(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (40, 30)).save(tmp_path / "images" / "a.png")
    slide = slide_kind(KIND).build(source(tmp_path, picture="images/a.png", caption="A"))
    assert slide == PictureSlide(
        title="A title", picture=tmp_path / "images" / "a.png", caption="A", notes="Say it."
    )


def test_a_missing_or_unreadable_picture_is_reported_at_its_cell(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a picture")
    for text, reason in (("gone.png", "image file not found"), ("notes.txt", "not an image file")):
        with pytest.raises(RowErrors) as info:
            slide_kind(KIND).build(source(tmp_path, picture=text))
        (error,) = info.value.errors
        assert (error.sheet, error.cell) == ("Pictures", "D2")
        assert error.message.startswith(f'image "{text}": {reason}')
        assert error.message.endswith(
            "expected a picture file (PNG, JPEG, GIF, …), its path relative to the workbook's "
            "folder"
        )


def test_a_picture_outside_the_workbooks_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "book").mkdir()
    PILImage.new("RGB", (40, 30)).save(tmp_path / "outside.png")
    with pytest.raises(RowErrors) as info:
        slide_kind(KIND).build(source(tmp_path / "book", picture="../outside.png"))
    (error,) = info.value.errors
    assert (error.sheet, error.cell) == ("Pictures", "D2")
    assert error.message == (
        'image "../outside.png" is outside the workbook\'s folder; expected a path inside it, '
        "or the picture's folder given with --pictures-from"
    )
