"""Set-up shared by every test: a quiet matplotlib, the deck's fonts, rendering with LibreOffice.

Warnings are errors (see ``filterwarnings`` in pyproject.toml). Nothing is skipped for a missing
tool: a test that renders fails with a message saying what to install (``./dev test`` installs
LibreOffice and poppler itself).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.render_check import RenderedDeck, ensure_fonts, render, require_tools, set_render_dir
from tuningdeck.preview import PreviewError


def pytest_configure(config: pytest.Config) -> None:
    """Before test modules are imported: matplotlib never opens a window or probes for a GUI."""
    os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session", autouse=True)
def _render_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rendered PDFs go to this session's temporary directory, kept by pytest for inspection."""
    path = tmp_path_factory.mktemp("rendered")
    set_render_dir(path)
    return path


@pytest.fixture(scope="session")
def installed_fonts() -> Path:
    """Install Montserrat and Lato for fontconfig once per session; the directory they are in."""
    return ensure_fonts()


@pytest.fixture(scope="session")
def libreoffice() -> None:
    """Fail (never skip) when LibreOffice or poppler is missing."""
    try:
        require_tools()
    except PreviewError as e:
        pytest.fail(str(e), pytrace=False)


@pytest.fixture(scope="session")
def render_deck(installed_fonts: Path, libreoffice: None) -> Callable[[Path], RenderedDeck]:
    """Render a .pptx with LibreOffice (cached per file content); see tests/render_check.py."""
    return render
