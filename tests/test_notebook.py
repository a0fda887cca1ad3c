"""The notebook view renders the deck with LibreOffice and shows one thumbnail per slide."""

from __future__ import annotations

from pathlib import Path

from tuningdeck import Deck, SectionSlide, TitleSlide
from tuningdeck.notebook import gallery


def test_gallery_shows_every_slide(installed_fonts: Path, libreoffice: None) -> None:
    deck = Deck(
        [
            TitleSlide(title="Thriving Movement Tuning Session Q1 FY20-21"),
            SectionSlide(title="Appendix"),
        ]
    )
    shown = gallery(deck, width=320, columns=2)
    assert len(shown) == 2
    assert all(png.startswith(b"\x89PNG") for png in shown.images)
    html = shown._repr_html_()
    assert html.count("<img ") == 2 and "repeat(2,1fr)" in html


def test_example_notebook_runs(
    tmp_path: Path, monkeypatch: object, installed_fonts: Path, libreoffice: None
) -> None:
    """Every code cell of examples/notebook.ipynb runs against the current API."""
    import json
    import shutil

    examples = Path(__file__).resolve().parents[1] / "examples"
    shutil.copy(examples / "thriving-movement-fy20-21.xlsx", tmp_path)
    if (examples / "images").is_dir():
        shutil.copytree(examples / "images", tmp_path / "images")
    monkeypatch.chdir(tmp_path)  # type: ignore[attr-defined]
    notebook = json.loads((examples / "notebook.ipynb").read_text(encoding="utf-8"))
    namespace: dict[str, object] = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), "notebook.ipynb", "exec"), namespace)
    assert (tmp_path / "out" / "ip-masking-q1.pptx").is_file()
