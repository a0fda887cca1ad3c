"""Write the example tracker workbook: the Thriving Movement priority, Q1 FY20-21.

usage: python examples/make_example_workbook.py [OUTPUT.xlsx]

The workbook follows docs/workbook.md: the sheets Deck, Slides, Updates, Objectives, Drill-downs,
OKR changes, Quotes and Acronyms, each with its header in row 1. Its text is the Q1 FY20-21
Thriving Movement Tuning Session, word for word, for the title, section, priority update,
objective, drill-down, OKR change and acronyms slides.

The output is the same byte for byte on every run (fixed document dates and zip timestamps), and
it is written atomically: a reader never sees a half-written file.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["SHEETS", "build_workbook", "main", "workbook_bytes", "write_atomic"]

HERE = Path(__file__).resolve().parent
DEFAULT_OUTPUT = HERE / "thriving-movement-fy20-21.xlsx"

#: Every date inside the file: the day after Q1 FY20-21 ended.
FIXED_DATE = (2020, 10, 1, 0, 0, 0)
FIXED_W3CDTF = "2020-10-01T00:00:00Z"

QUARTER = "Q1"
IP_MASKING_RESEARCH = (
    "https://meta.wikimedia.org/wiki/IP_Editing:_Privacy_Enhancement_and_Abuse_Mitigation/Research"
)


def lines(*paragraphs: str) -> str:
    """One cell's text: each paragraph on its own line (Alt+Enter in Excel)."""
    return "\n".join(paragraphs)


# --- Deck and Slides -------------------------------------------------------------------------

DECK = [
    {"Setting": "Priority", "Value": "Thriving Movement"},
    {"Setting": "Fiscal year", "Value": "FY20-21"},
    {
        "Setting": "Acronyms intro",
        "Value": "Have any acronyms you're using in your deck? Please add and define here so "
        "that all staff can understand and interpret content.",
    },
]

SLIDES = [
    {"Kind": "title"},
    {"Kind": "section", "Key": "MTP Priority Update"},
    {"Kind": "priority update", "Key": "thriving-movement"},
    {"Kind": "section", "Key": "MTP Priority OKRs"},
    {"Kind": "objective", "Key": "armdeb"},
    {"Kind": "objective", "Key": "ip-masking"},
    {"Kind": "drill-down", "Key": "ip-masking"},
    {"Kind": "objective", "Key": "community-programs"},
    {"Kind": "objective", "Key": "community-leadership-development"},
    {"Kind": "objective", "Key": "grantmaking"},
    {"Kind": "okr change", "Key": "grantmaking"},
    {"Kind": "drill-down", "Key": "grantmaking"},
    {"Kind": "objective", "Key": "address-knowledge-gaps"},
    {"Kind": "objective", "Key": "movement-consultation"},
    {"Kind": "okr change", "Key": "movement-consultation"},
    {"Kind": "section", "Key": "Appendix"},
    {"Kind": "acronyms"},
]

# --- Updates ---------------------------------------------------------------------------------

UPDATES = [
    {
        "Key": "thriving-movement",
        "Quarter": QUARTER,
        "Title": "Thriving Movement",
        "Overview": "The Thriving Movement task force enters its 2nd year of collaboration "
        "across all Foundation departments.",
        "Progress": lines(
            "We've introduced a new theory of change for our **Grantmaking** practices based in "
            "equity and empowering the community in grantmaking allocations. **Movement Comms** "
            "also launched a team to strengthen the narrative about the Foundation's work to "
            "support and expand the movement and has designed a framework which aims to provide "
            "better information and greater trust.",
            "In Q1 we saw a 7.3% increase in active **editors** overall, with 6.0% in "
            "established communities, 9.5% distributed across most of the emerging markets, "
            "with the largest YoY growth in India, Argentina, Vietnam, Iran and Brazil. It's "
            "also notable to mention that we've retained many of the editors who joined during "
            "the April/May **COVID-19** peak. **IP Masking** completed the prototype for the "
            "**IP Info** feature, making this is the first time a feature has been developed "
            "that exposes IP information to people outside of our organization. The Reading "
            "Wikipedia toolkit is currently supporting 470+ teachers in Bolivia, Morocco, and "
            "the Philippines. The Education team is also designing a proof of concept for "
            "aligning Wikimedia content to national curricula with the Ghanaian National "
            "Association for Curriculum and Assessment as part of Wikimedia's participation in "
            "UNESCO's Global Education Coalition for COVID-19 response.",
            "Safe Spaces completed 17.2M CSAM images scanned, with no material turning up. "
            "These results indicate that our platform does significantly better policing this "
            "emotionally highly taxing material than other large providers.",
        ),
        "Deliverables": lines(
            "ARMDEB",
            "IP Masking",
            "Community Programs",
            "Community leadership development",
            "Grantmaking",
            "Address knowledge gaps",
            "Movement Consultations",
            "Safe and Secure Spaces",
        ),
        # Deliverables and actions are lists, one item a line; the slide shows each action as
        # a bullet, so the lines need no "- ".
        "Actions": lines(
            "Developer hiring for IP Masking Anti-Harassment Tools",
            "Grantmaking OKRs update, new equitable metrics",
        ),
    },
]

# --- Objectives ------------------------------------------------------------------------------

OBJECTIVES = [
    {
        "Key": "armdeb",
        "Quarter": QUARTER,
        "Title": "Attract and Retain a Larger and More Diverse Editor Base",
        "Objective": "Build useful, delightful, and newcomer-friendly features, in order to "
        "attract and retain a larger and more diverse editor base.",
        "Narrative": lines(
            "ARMDEB teams are releasing features on lots of Wikipedia languages, scaling "
            "projects up as we build out the feature sets.",
            "- Talk page reply tools are deployed as opt-out features on Arabic, Czech and "
            "Hungarian WP, and are on as a beta feature by request of 9 more Wikipedias. The "
            "team is currently investigating sending notifications for specific conversations.",
            "- Growth's Newcomer tasks feature is deployed on 7 more Wikipedias this quarter — "
            "Russian, Persian, Hebrew, Polish, Portuguese, Swedish and Turkish — bringing the "
            'total to 17. A structured workflow to "add a link" has been tested, and will be '
            "added next quarter.",
            "- Community Tech's Watchlist expiry feature has been deployed on Hebrew, Czech, "
            "French, German and Persian.",
            "- The Android team introduced a very popular user contributions view that shows "
            "the contributions app users have made; users who interacted with the contribs page "
            "were 3x more likely to make more edits.",
        ),
        "Target": "EOY",
        "Department": "Product",
    },
    {
        "Key": "ip-masking",
        "Quarter": QUARTER,
        "Title": "IP Masking",
        "Objective": "In order to protect our users from misuse of personally identifiable "
        "information and our communities and content from vandalism, spam, and harassment, "
        "make IP addresses accessible to as few people as possible while ensuring that admins, "
        "stewards, and checkusers remain able to effectively perform their duties.",
        "Narrative": lines(
            "- In Q1 we completed our target for deploying the new Checkuser tool "
            "(Special:Investigate) to all projects. The tool is steadily gaining usage as "
            "expected and we're getting an influx of feedback.",
            "- We also completed a research study into patrolling workflows of editors. We had "
            "initially planned for this research to be conducted on 5 target wikis but we could "
            "only get participants from 2 projects. The insights from this research study will "
            "inform our design decisions on the IP Info tool, which is a critical project for "
            f"IP Masking. The report from the research is [published]({IP_MASKING_RESEARCH}) "
            "on the wiki.",
            "- We also built a prototype for the IP Info feature and began development work on "
            "the extension in Q1. This is the first time a feature has been developed that "
            "exposes IP users' non-personally identifiable information to people outside of "
            "our organization. Given that, it's been a challenge to work out all the contracts, "
            "vet the terms of use for vendors and figure out the technical wirings before we "
            "can build this feature.",
        ),
        "Target": "EOY",
        "Department": "Product",
    },
    {
        "Key": "community-programs",
        "Quarter": QUARTER,
        "Title": "Community Programs",
        "Objective": "Make it easier for INGO, GLAM, and Education partners to work with the "
        "movement to address strategic knowledge gaps, share high impact content, and use "
        "Wikimedia projects in teaching and learning.",
        "Narrative": lines(
            "The Campaigns team launched advisory services for community campaigns, starting "
            "with Wikipedia Pages Wanting Photos, and worked closely with the Partnerships team "
            "to support WHO and to devise a regional outreach strategy for #1lib1ref. We are "
            "developing a broader campaigns strategy based in the Rose Jackson report (more in "
            "WWR).",
            "The GLAM team engaged a wider network of GLAM institutions and the volunteer "
            "community in the development and adoption of standards and workflows, with the "
            "first office hours session attracting >60 people.",
            "The Education Team produced and launched the training program for Reading "
            "Wikipedia in the Classroom in 3 countries and 3 languages (Arabic, Spanish, "
            "Tagalog) with 470 teachers currently working toward a certificate. They identified "
            "the Ghanaian National Association for Curriculum and Assessment as a partner for a "
            "curriculum-to-wiki mapping pilot being explored as part of the UNESCO Global "
            "Education Coalition for COVID-19 Response.",
        ),
        "Target": "Q4 FY20-21",
        "Department": "Product",
    },
    {
        "Key": "community-leadership-development",
        "Quarter": QUARTER,
        "Title": "Community Leadership Development",
        "Objective": "Deliver online programming and publish learning resources to support "
        "and increase community-led capacity-building and leadership development "
        "opportunities.",
        "Narrative": lines(
            "The goal of the online learning pilot and trainer incubator project is to support "
            "community learning with an experience tailored to specific objectives, and measure "
            "our ability to deliver trainings that builds movement growth capacities online. To "
            "support the development of core curriculums for both projects, we are recruiting "
            "an Instructional Designer, but the departure of an existing staff member may lead "
            "to adjustments for the pilot. We are still on track to launch in Q3 as planned.",
            "In preparing for the Q3 launch of the online learning pilot, we have engaged 3 "
            "teams to support movement engagement and participant outreach : 1) "
            "Anti-Harassment (Trust and Safety), 2) Campaigns (Product) and 3) Digital Security "
            "(Technology)",
            "The training incubator project is developing an intensive online “lab model” for "
            "the movement that will address a specific problem with a capacity-building and an "
            "action-planning opportunity.",
        ),
        "Target": "Q4 FY20-21",
        "Department": "Legal",
    },
    {
        "Key": "grantmaking",
        "Quarter": QUARTER,
        "Title": "Grantmaking",
        "Objective": "To transform grantmaking at WMF to be in line with the movement "
        "strategic direction and better serve equity and the objectives of building a thriving "
        "movement.",
        "Narrative": lines(
            "A new grantmaking strategy that is based in equity and empowers the community in "
            "grantmaking allocations. The plan is to pilot and learn new models in line with "
            "recommendations while the Global Council is being established.",
            "**Grants Team:** Created a proposed vision for its role to support the development "
            "of a thriving movement, to be validated.",
            "**Grant Processes:**",
            "The new strategy includes reviewing our processes and piloting new applications, "
            "reporting and metrics- equity focus. The need to use information to inform and "
            "drive decision making is central to how we will move forward.",
            "- Finalized our internal data clean up and beginning Q2 will launch new data "
            "collection process in Fluxx.",
            "- Designed a new survey for grantees to understand Diversity and Inclusion in "
            "programming and demographics.",
            "**Grant Programs:** A proposal for a new grants portfolio",
            "Participatory process developed to review the current grant programs and also to "
            "identify needs from the movement that are not currently being met.",
        ),
        "Target": "Q4 FY20-21",
        "Department": "Advancement",
    },
    {
        "Key": "address-knowledge-gaps",
        "Quarter": QUARTER,
        "Title": "Address Knowledge Gaps",
        "Objective": "Decision makers have access to sufficient (directional) data about the "
        "state of knowledge gaps to be able to make informed decisions about which areas of "
        "the gaps to prioritize work towards.",
        "Narrative": lines(
            "**Defining and measuring knowledge gaps:** Last quarter, we created the first "
            "taxonomy of knowledge gap. In Q1, we presented and gathered feedback from various "
            "communities on the taxonomy, and we will incorporate it in Q2.",
            "**Prioritize knowledge gaps:** To be able to prioritize content gaps, we started "
            "working on quantifying *article importance*. This would help us mitigate biases "
            "when addressing knowledge gaps.",
            "**Bridging knowledge gaps:** We built language agnostic topic-classification "
            "models and deployed them through APIs.",
        ),
        "Target": "Q4 FY20-21",
    },
    {
        "Key": "movement-consultation",
        "Quarter": QUARTER,
        "Title": "Movement Consultation",
        "Objective": "Develop and iterate on a framework that increases clarity and "
        "effectiveness of Foundation/community consultations, resulting in better information "
        "and greater trust.",
        "Narrative": lines(
            "Defined a “consultation” as a **focused, time-bound engagement** with Wikimedia "
            "community members **to help Foundation staff make a decision** based directly on "
            "the feedback received.",
            "Typically **large in scale**, they often address **potentially controversial or "
            "high-visibility issues**. Consultations focus directly on a decision that the "
            "Foundation is looking to advance.",
        ),
        "Target": "Q4 FY20-21",
    },
]

# --- Drill-downs -----------------------------------------------------------------------------

DRILL_DOWNS = [
    {
        "Key": "ip-masking",
        "Quarter": QUARTER,
        "Title": "IP Masking",
        "Situation": lines(
            "During this quarter, the Board asked the Product department to build more "
            "anti-harassment tools that were focused on the people experiencing harassment, as "
            "opposed to admins and functionaries.",
            "Product worked with Trust & Safety to generate and prioritize a list of "
            '"victim-focused" projects to add to the Anti-Harassment Tools team\'s roadmap for '
            "this year.",
        ),
        "Impact": lines(
            "The Anti-Harassment Tools team has been working primarily on the IP Masking MTP "
            "goal; the team will now expand its mandate.",
            "When the new staff is onboarded, the team will begin to work on projects from the "
            "shared Product/Trust & Safety backlog.",
            "Our work on IP Masking will go slower over the next couple quarters while the team "
            "adjusts to this expanded role.",
        ),
        "Recommendation": lines(
            "The team's first Trust & Safety project will be a secure polling feature to make "
            "the upcoming board elections safer.",
            "Later, the team will work on the Incident Reporting System, which will provide "
            "easier access to support for users who feel attacked or threatened.",
            "This system will be based on the governance and enforcement conclusions in the "
            "Universal Code of Conduct consultations.",
        ),
    },
    {
        "Key": "grantmaking",
        "Quarter": QUARTER,
        "Title": "Drill Down: Grantmaking",
        "Situation": "The impact of grants towards the Thriving Movement goals had not been "
        "articulated.",
        "Impact": "Leadership understood the distribution of funds and questioned how to "
        "measure the impact of grant programs towards broader goals.",
        "Recommendation": "Review current data available and align metrics with Thriving "
        "Movement goals to establish baselines and identify new metrics for the future.",
    },
]

# --- OKR changes -----------------------------------------------------------------------------

OKR_CHANGES = [
    {
        "Key": "grantmaking",
        "Quarter": QUARTER,
        "Title": "OKR Change: Grantmaking",
        "Original": lines(
            "KR1: An accessible grant making process which supports the wikimedia community to "
            "achieve TM goals by increasing the X% numbers of strong leadership, the growth of "
            "community and diverse content.",
            "KR2: Ensure 65% of all new grantees are from emerging communities so that "
            "grantmaking becomes a key mechanism to empower and welcome newcomers and increase "
            "diversity of content.",
        ),
        "Proposed": lines(
            "KR1: 70% of movement organizers from emerging communities are satisfied with the "
            "resources (financial and otherwise) they have to reach the goals.",
            "KR2: Ensure 66% of all grants are from communities that are not well established "
            "so that grantmaking becomes a key mechanism to empower and welcome newcomers and "
            "increase diversity of content.",
        ),
    },
    {
        "Key": "movement-consultation",
        "Quarter": QUARTER,
        "Title": "OKR Change: Movement Consultation",
        "Original": lines(
            "KR1: Create consistency by maintaining the Consultation plan framework quarterly, "
            "making sure it's accessible and updated and used in every Foundation consultation",
            "KR2: Support Foundation teams by coaching at least one consultation per quarter "
            "including a retrospective intended to iterate on the framework/guidelines",
            "KR3: Make improvements to the guidelines that will increase trust by developing a "
            "“consultation satisfaction” matrix to poll user satisfaction, polling at least "
            "twice per year",
        ),
        "Proposed": lines(
            "KR1: Lead and coordinate consultations & other large community-facing activities "
            "across 6 departments. Reshape and manage weekly meetings and shared calendar.",
            "KR2: Build, share, and/or update 3 consultation tools on a quarterly basis.",
            "KR3: Support at least 5 potential or ongoing consultation efforts.",
        ),
    },
]

# --- Acronyms --------------------------------------------------------------------------------

ACRONYMS = [
    {"Term": "APP", "Definition": "Annual Planning Process"},
    {"Term": "CSAM", "Definition": "Child Sex Abuse Material"},
    {"Term": "INGO", "Definition": "International non-Governmental Organization"},
]

# --- Sheets: name, columns (header and width), rows ------------------------------------------

_TAIL = (("Department", 14), ("Footnote", 24), ("Notes", 40))

#: Each sheet in workbook order: its name, its columns as (header, width), and its rows.
SHEETS: tuple[tuple[str, tuple[tuple[str, int], ...], Sequence[Mapping[str, str]]], ...] = (
    ("Deck", (("Setting", 18), ("Value", 70)), DECK),
    ("Slides", (("Kind", 16), ("Key", 34), ("Quarters", 10), ("Notes", 50)), SLIDES),
    (
        "Updates",
        (
            ("Key", 20),
            ("Quarter", 9),
            ("Title", 20),
            ("Overview", 40),
            ("Progress", 90),
            ("Deliverables", 30),
            ("Actions", 45),
            *_TAIL,
        ),
        UPDATES,
    ),
    (
        "Objectives",
        (
            ("Key", 30),
            ("Quarter", 9),
            ("Title", 30),
            ("Objective", 50),
            ("Narrative", 90),
            ("Target", 12),
            *_TAIL,
        ),
        OBJECTIVES,
    ),
    (
        "Drill-downs",
        (
            ("Key", 16),
            ("Quarter", 9),
            ("Title", 24),
            ("Situation", 50),
            ("Impact", 50),
            ("Recommendation", 50),
            ("Recommendation heading", 24),
            *_TAIL,
        ),
        DRILL_DOWNS,
    ),
    (
        "OKR changes",
        (
            ("Key", 24),
            ("Quarter", 9),
            ("Title", 34),
            ("Original", 70),
            ("Proposed", 70),
            *_TAIL,
        ),
        OKR_CHANGES,
    ),
    (
        "Quotes",
        (
            ("Key", 16),
            ("Quarter", 9),
            ("Title", 24),
            ("Quote", 70),
            ("Name", 20),
            ("Affiliation", 24),
            ("Place", 16),
            *_TAIL,
        ),
        (),
    ),
    ("Acronyms", (("Term", 12), ("Definition", 50)), ACRONYMS),
)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="EAECF0")  # the Foundation look's table band
_HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)
_CELL_ALIGN = Alignment(vertical="top", wrap_text=True)


def _fill_sheet(
    ws: Worksheet, columns: Sequence[tuple[str, int]], rows: Iterable[Mapping[str, str]]
) -> None:
    """Write the header row, the rows (by header name) and the sheet's formatting."""
    headers = [name for name, _ in columns]
    for col, (name, width) in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=col, value=name)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _HEADER_ALIGN
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=2):
        unknown = set(row) - set(headers)
        if unknown:
            raise KeyError(f"sheet {ws.title}: no column for {sorted(unknown)}")
        for col, name in enumerate(headers, start=1):
            cell = ws.cell(row=r, column=col, value=row.get(name) or None)
            cell.alignment = _CELL_ALIGN
    # Keep the header, and on narrative sheets the Key and Quarter columns, in view.
    ws.freeze_panes = "C2" if headers[:2] == ["Key", "Quarter"] else "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"


def build_workbook() -> Workbook:
    """The example workbook, in memory."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, columns, rows in SHEETS:
        _fill_sheet(wb.create_sheet(name), columns, rows)
    wb.active = 0
    props = wb.properties
    props.title = "Thriving Movement tracker FY20-21"
    props.creator = "tuningdeck"
    props.lastModifiedBy = "tuningdeck"
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes that depend only on its content, not on the clock."""
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + FIXED_W3CDTF.encode() + rb"\g<2>",
                    data,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder; return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Write the workbook to the path given, or next to this script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) > 1 or any(a.startswith("-") for a in args):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = write_atomic(args[0] if args else DEFAULT_OUTPUT, workbook_bytes(build_workbook()))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
