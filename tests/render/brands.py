"""Templates as people make them, made by the tests from the Foundation master's builder.

- :func:`powerpoint_brand`: another brand (colours, fonts, organisation name) whose master was
  saved the way PowerPoint 2016+ saves one: ``a16:creationId`` on every shape, ``p14``
  extensions, an ``mc:AlternateContent`` block, PowerPoint's layout names ("Title and Content")
  and placeholder names ("Title 1", "Text Placeholder 2"), with a settings file beside it that
  maps the names tuningdeck knows to the template's; :func:`brand_workbook` gives the example
  workbook the brand's organisation name.
- :func:`four_by_three`: the master at 10 x 7.5 in; :func:`a4`: on A4 paper, landscape.
- :func:`libreoffice_saved`: a master saved by LibreOffice Impress (its own layouts, every
  content placeholder "PlaceHolder N" with idx 0).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import uuid
import zipfile
from pathlib import Path

import attrs
from lxml import etree

from tuningdeck.render.master import build_template
from tuningdeck.theme import Theme

__all__ = [
    "BRAND_LAYOUTS",
    "BRAND_ORGANISATION",
    "brand_theme",
    "brand_workbook",
    "four_by_three",
    "libreoffice_saved",
    "powerpoint_brand",
    "without_layout",
]

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A14 = "http://schemas.microsoft.com/office/drawing/2010/main"
A16 = "http://schemas.microsoft.com/office/drawing/2014/main"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
CREATION_ID = "{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"
P14_CREATION_ID = "{BB962C8B-B14F-4D97-AF65-F5344CB8AC3E}"

BRAND_ORGANISATION = "Example Civic Trust"
#: Our layout names -> the brand template's (PowerPoint's own where it has one).
BRAND_LAYOUTS = {
    "Title": "Title Slide",
    "Section": "Section Header",
    "Content": "Title and Content",
    "Two Columns": "Two Content",
    "Table": "Title and Table",
    "Chart": "Title and Chart",
    "Images": "Pictures",
}
#: PowerPoint's placeholder names, by placeholder type.
_PPT_NAMES = {
    "title": "Title",
    "ctrTitle": "Title",
    "subTitle": "Subtitle",
    "body": "Text Placeholder",
    "tbl": "Table Placeholder",
    "chart": "Chart Placeholder",
    "sldNum": "Slide Number Placeholder",
    "ftr": "Footer Placeholder",
}

BRAND_SETTINGS = """\
name = "Example Civic Trust"

[colors]
text = "1B1B3A"
text_secondary = "44445E"
accent = "C2185B"
accent_dark = "7B1040"
accent_light = "FCE4EC"
band = "EDE7F0"
band_light = "F8F5FA"
rule = "CBC3D3"

[fonts]
heading = "Source Serif 4"
body = "IBM Plex Sans"

[layouts]
{layouts}

# "Two Content" numbers its content placeholders 1 and 2, as PowerPoint does: no idx to match
[placeholders."Two Content"]
Left = "Content Placeholder 2"
Right = "Content Placeholder 3"
"""


def brand_workbook(folder: Path, example: Path) -> Path:
    """The example workbook (with its pictures) in ``folder``, its deck the brand's
    organisation's (the Deck sheet's Organisation setting)."""
    import openpyxl

    shutil.copytree(example.parent / "images", folder / "images")
    book = openpyxl.load_workbook(example)
    book["Deck"].append(["Organisation", BRAND_ORGANISATION])
    path = folder / example.name
    book.save(path)
    return path


def brand_theme() -> Theme:
    """The second brand's theme (its settings file over foundation.toml)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "brand.toml"
        path.write_text(_settings(), encoding="utf-8")
        return Theme.load(path)


def _settings() -> str:
    layouts = "\n".join(f'"{ours}" = "{theirs}"' for ours, theirs in BRAND_LAYOUTS.items())
    return BRAND_SETTINGS.format(layouts=layouts)


def _q(ns: str, tag: str) -> str:
    return f"{{{ns}}}{tag}"


def _rewrite(path: Path, edit: dict[str, object]) -> None:
    """Rewrite the XML parts of the package at ``path``: ``edit[name](root)`` for each part whose
    name starts with one of ``edit``'s keys."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            for prefix, fn in edit.items():
                if item.filename.startswith(prefix) and item.filename.endswith(".xml"):
                    root = etree.fromstring(data)
                    fn(root)  # type: ignore[operator]
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)  # fmt: skip
            dst.writestr(item, data)
    tmp.replace(path)


def _powerpoint_shapes(root: etree._Element) -> None:
    """What PowerPoint 2016+ adds and renames in a master's or layout's shapes."""
    for c_nv_pr in root.iter(_q(P, "cNvPr")):
        if c_nv_pr.get("id") == "1":
            continue
        ext_lst = etree.SubElement(c_nv_pr, _q(A, "extLst"))
        ext = etree.SubElement(ext_lst, _q(A, "ext"), uri=CREATION_ID)
        etree.SubElement(
            ext, _q(A16, "creationId"), nsmap={"a16": A16}, id=f"{{{uuid.uuid4()}}}".upper()
        )
        ph = c_nv_pr.getparent().find(f"{_q(P, 'nvPr')}/{_q(P, 'ph')}")
        if ph is not None:
            kind = _PPT_NAMES.get(ph.get("type", "obj"), "Content Placeholder")
            c_nv_pr.set("name", f"{kind} {c_nv_pr.get('id')}")
    c_sld = root.find(_q(P, "cSld"))
    ext_lst = c_sld.find(_q(P, "extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(c_sld, _q(P, "extLst"))
    for old in ext_lst.findall(f"{_q(P, 'ext')}[@uri='{P14_CREATION_ID}']"):
        ext_lst.remove(old)
    ext = etree.SubElement(ext_lst, _q(P, "ext"), uri=P14_CREATION_ID)
    etree.SubElement(ext, _q(P14, "creationId"), nsmap={"p14": P14}, val="3456789012")


def _powerpoint_layout(root: etree._Element) -> None:
    _powerpoint_shapes(root)
    c_sld = root.find(_q(P, "cSld"))
    name = c_sld.get("name")
    c_sld.set("name", BRAND_LAYOUTS.get(name, name))
    tree = c_sld.find(_q(P, "spTree"))
    if name == "Two Columns":  # PowerPoint's own two-content layout: idx 1 and 2, obj type
        for n, ph in enumerate(
            ph for ph in tree.iter(_q(P, "ph")) if ph.get("idx") in ("10", "11")
        ):
            ph.set("idx", str(n + 1))
            ph.attrib.pop("type", None)
            c_nv_pr = ph.getparent().getparent().find(_q(P, "cNvPr"))
            c_nv_pr.set("name", f"Content Placeholder {n + 2}")
    accent = next((sp for sp in tree.iter(_q(P, "sp")) if _name(sp) == "Title accent"), None)
    if accent is not None:  # drawn as PowerPoint draws a shape with a 2010 effect
        block = etree.Element(_q(MC, "AlternateContent"), nsmap={"mc": MC})
        choice = etree.SubElement(block, _q(MC, "Choice"), nsmap={"a14": A14}, Requires="a14")
        fallback = etree.SubElement(block, _q(MC, "Fallback"))
        accent.addprevious(block)
        fallback.append(etree.fromstring(etree.tostring(accent)))
        choice.append(accent)


def _name(shape: etree._Element) -> str | None:
    c_nv_pr = next(shape.iter(_q(P, "cNvPr")), None)
    return None if c_nv_pr is None else c_nv_pr.get("name")


def powerpoint_brand(folder: Path) -> Path:
    """``folder/brand.pptx`` saved as PowerPoint saves a master, and ``folder/brand.toml``."""
    path = build_template(folder / "brand.pptx", brand_theme())
    _rewrite(
        path,
        {"ppt/slideMasters/": _powerpoint_shapes, "ppt/slideLayouts/": _powerpoint_layout},
    )
    (folder / "brand.toml").write_text(_settings(), encoding="utf-8")
    return path


def four_by_three(folder: Path) -> Path:
    """The Foundation master at 4:3 (10 x 7.5 in), its margins and panels scaled across."""
    return resized(folder / "four-by-three.pptx", 10.0, 7.5)


def a4(folder: Path) -> Path:
    """The Foundation master on A4 paper, landscape (297 x 210 mm)."""
    return resized(folder / "a4.pptx", 297 / 25.4, 210 / 25.4)


def resized(path: Path, width: float, height: float) -> Path:
    """The Foundation master at ``width`` x ``height`` inches, its margins and panels scaled
    across, its title and footer bands as high as before."""
    base = Theme.load()
    g = base.geometry
    k = width / g.width
    theme = attrs.evolve(
        base,
        geometry=attrs.evolve(
            g,
            width=width,
            height=height,
            margin_x=g.margin_x * k,
            gutter=g.gutter * k,
            sidebar_width=g.sidebar_width * k,
        ),
    )
    return build_template(path, theme)


def without_layout(folder: Path, name: str) -> Path:
    """The Foundation master without its layout ``name`` (as if someone deleted it)."""
    from pptx import Presentation

    path = build_template(folder / f"without-{name.lower().replace(' ', '-')}.pptx")
    prs = Presentation(str(path))
    master = prs.slide_master
    layout = next(lay for lay in master.slide_layouts if lay.name == name)
    master.slide_layouts.remove(layout)
    prs.save(str(path))
    return path


LIBREOFFICE_SETTINGS = """\
[layouts]
Content = "Title, Content"
"Two Columns" = "Title, 2 Content"

[placeholders."Title, Content"]
Body = "PlaceHolder 2"

[placeholders."Title, 2 Content"]
Left = "PlaceHolder 2"
Right = "PlaceHolder 3"
"""


def libreoffice_saved(folder: Path, source: Path) -> Path:
    """``source`` opened and saved by LibreOffice Impress as ``folder/impress.pptx``, with a
    settings file mapping two of its layouts."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed (./dev test installs it)"
    out = folder / "converted"
    with tempfile.TemporaryDirectory(prefix="tuningdeck-lo-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pptx",
                "--outdir",
                str(out),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    path = folder / "impress.pptx"
    shutil.move(out / source.name, path)
    (folder / "impress.toml").write_text(LIBREOFFICE_SETTINGS, encoding="utf-8")
    return path
