"""Write the example tracker workbook: the Thriving Movement priority, Q1 FY20-21.

usage: python examples/make_example_workbook.py [OUTPUT.xlsx]

The workbook follows docs/workbook.md: every sheet tuningdeck declares (tuningdeck.workbook.sheets),
in its order, each with its declared header in row 1. Its text is the Q1 FY20-21 Thriving Movement
Tuning Session, word for word, for the title, section, priority update, metrics table, objective,
key results, drill-down (with its data table), OKR change, image, chart and acronyms slides, in
the deck's order. Statuses are filled in for Q1 only: the later quarters show "-".

The reference deck gives the charts' figures only by quarter, so their monthly series are
illustrative: shaped like the year (higher in spring, the COVID-19 peak in April and May 2020)
and scaled so that each quarter the deck quotes averages to its figure (89K active editors a
month in Q1 FY20-21, +7.3% on Q1 FY19-20). The pictures are illustrations drawn by
make_example_images.py into images/, which the Images sheet names relative to the workbook.

The output is the same byte for byte on every run (fixed document dates and zip timestamps), and
it is written atomically: a reader never sees a half-written file.
"""

from __future__ import annotations

import datetime as dt
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

from tuningdeck.workbook.sheets import SHEETS as DECLARED_SHEETS

__all__ = ["ROWS", "WIDTHS", "build_workbook", "main", "sheets", "workbook_bytes", "write_atomic"]

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
    {"Kind": "metrics table", "Key": "metrics-editors"},
    {"Kind": "metrics table", "Key": "metrics-retention"},
    {"Kind": "metrics table", "Key": "metrics-newcomers"},
    {"Kind": "metrics table", "Key": "metrics-leaders"},
    {"Kind": "section", "Key": "MTP Priority OKRs"},
    {"Kind": "objective", "Key": "armdeb"},
    {"Kind": "key results", "Key": "armdeb"},
    {"Kind": "image", "Key": "talk-pages"},
    {"Kind": "objective", "Key": "ip-masking"},
    {"Kind": "key results", "Key": "ip-masking"},
    {"Kind": "drill-down", "Key": "ip-masking"},
    {"Kind": "objective", "Key": "community-programs"},
    {"Kind": "key results", "Key": "community-programs"},
    {"Kind": "image", "Key": "reading-wikipedia-classroom"},
    {"Kind": "image", "Key": "fb-live"},
    {"Kind": "objective", "Key": "community-leadership-development"},
    {"Kind": "key results", "Key": "community-leadership-development"},
    {"Kind": "objective", "Key": "grantmaking"},
    {"Kind": "okr change", "Key": "grantmaking"},
    {"Kind": "key results", "Key": "grantmaking"},
    {"Kind": "drill-down", "Key": "grantmaking"},
    {"Kind": "image", "Key": "grantmaking-global-metrics"},
    {"Kind": "objective", "Key": "address-knowledge-gaps"},
    {"Kind": "key results", "Key": "address-knowledge-gaps"},
    {"Kind": "objective", "Key": "movement-consultation"},
    {"Kind": "okr change", "Key": "movement-consultation"},
    {"Kind": "key results", "Key": "movement-consultation"},
    {"Kind": "section", "Key": "Appendix"},
    {"Kind": "acronyms"},
    {"Kind": "metrics table", "Key": "metrics-appendix"},
    {"Kind": "chart", "Key": "active-editors"},
    {"Kind": "chart", "Key": "new-editor-retention"},
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

# --- Tables, Metrics and Key results ---------------------------------------------------------
# A status row holds the whole year, Q1 to Q4; only Q1 is filled in. Footnote marks are
# superscript markup (^{+o}); a "*" that opens nothing, as in "89K/mo*", stays a star.

METRICS_TITLE = "Thriving Movement Metrics"

TABLES = [
    {"Key": "metrics-editors", "Quarter": QUARTER, "Title": METRICS_TITLE, "Department": "Product"},
    {
        "Key": "metrics-retention",
        "Quarter": QUARTER,
        "Title": METRICS_TITLE,
        "Department": "Product",
    },
    {"Key": "metrics-newcomers", "Quarter": QUARTER, "Title": METRICS_TITLE},
    {"Key": "metrics-leaders", "Quarter": QUARTER, "Title": METRICS_TITLE},
    {
        "Key": "armdeb",
        "Quarter": QUARTER,
        "Title": "Attract and Retain a Larger and More Diverse Editor Base",
    },
    {"Key": "ip-masking", "Quarter": QUARTER, "Title": "IP Masking"},
    {"Key": "community-programs", "Quarter": QUARTER, "Title": "Community Programs"},
    {
        "Key": "community-leadership-development",
        "Quarter": QUARTER,
        "Title": "Community Leadership Development",
    },
    {
        "Key": "grantmaking",
        "Quarter": QUARTER,
        "Title": "Grantmaking",
        "Department": "Advancement",
    },
    {"Key": "address-knowledge-gaps", "Quarter": QUARTER, "Title": "Address Knowledge Gaps"},
    {"Key": "movement-consultation", "Quarter": QUARTER, "Title": "Movement Consultation"},
    {"Key": "metrics-appendix", "Quarter": QUARTER, "Title": METRICS_TITLE},
]


def status_row(
    table: str,
    text: tuple[str, str],
    goal: str,
    q1: str = "",
    *,
    baseline: str = "",
    outcome: str = "",
    sub: bool = False,
    better: str = "",
) -> dict[str, str]:
    """One row of Metrics or Key results: ``text`` is (column, text); Q2-Q4 stay blank."""
    row = {
        "Table": table,
        text[0]: text[1],
        "Baseline": baseline,
        "Goal": goal,
        "Q1": q1,
        "Level": "sub" if sub else "",
        "Better": better,
    }
    if outcome:
        row["Outcome"] = outcome
    return row


def metric(
    table: str,
    outcome: str,
    text: str,
    goal: str,
    q1: str = "",
    *,
    baseline: str = "",
    better: str = "",
) -> dict[str, str]:
    """A Metrics row; a blank ``outcome`` continues the outcome of the row above."""
    return status_row(
        table, ("Metric", text), goal, q1, baseline=baseline, outcome=outcome, better=better
    )


def sub_metric(table: str, text: str, goal: str, q1: str) -> dict[str, str]:
    """A Metrics sub-row, such as Established markets."""
    return status_row(table, ("Metric", text), goal, q1, sub=True)


def result(
    table: str, text: str, goal: str, q1: str = "", *, baseline: str = "", sub: bool = False
) -> dict[str, str]:
    """A Key results row; ``sub`` for a sub-row."""
    return status_row(table, ("Key result", text), goal, q1, baseline=baseline, sub=sub)


NEWCOMERS = "We will welcome and support newcomers."
COMMUNITIES = "We will have strong, diverse, and innovative communities that represent the world."
LEADERS = "We will have strong and empowered movement leaders and affiliates."
CONTENT = "We will support diverse content creation."
SAFETY = (
    "We will have safe and secure spaces and equitable, efficient processes for all participants."
)
ACTIVE_EDITORS = "Monthly active editors increase YoY"
RETENTION = "New editor retention rate increases YoY"
EMPOWERMENT = "Improve newcomer empowerment"
EMPOWERMENT_BASELINE = "72% of newcomers feel empowered to succeed."
PARTICIPATION = (
    "Increase participation of youth, diverse genders, diverse sexual orientations, and "
    "diverse geographies"
)
PARTICIPATION_BASELINE = (
    "Youth (15%); Women (11.6%); Gender minorities (1.8%); Outside NA/EU (32%)."
)
PARTICIPATION_GOAL = "Maintain participation for all target groups."
ANNUALLY = "Measured annually Q2"
YOY = "+5% YoY"

METRICS = [
    # Slide 1: active editors, with the established and emerging markets as sub-rows.
    metric(
        "metrics-editors",
        NEWCOMERS,
        ACTIVE_EDITORS,
        YOY,
        "+7.3% YoY (89K/mo*)",
        baseline="99K active editors/month",
    ),
    sub_metric("metrics-editors", "Established markets", YOY, "+6.0% YoY (71K/mo ^{+o})"),
    sub_metric("metrics-editors", "Emerging markets", YOY, "+9.5% YoY (23K/mo ^{+})"),
    # Slide 2: new editor retention.
    metric(
        "metrics-retention",
        NEWCOMERS,
        RETENTION,
        YOY,
        "+7.5% YoY (5.7%/mo*)",
        baseline="6.7% editor retention/month",
    ),
    sub_metric("metrics-retention", "Established markets", YOY, "not available# (6.6%/mo ^{†})"),
    sub_metric("metrics-retention", "Emerging markets", YOY, "+12.2% YoY (4.6%/mo ^{†})"),
    # Slide 3: the annual surveys.
    metric(
        "metrics-newcomers",
        NEWCOMERS,
        EMPOWERMENT,
        "Maintain baseline",
        ANNUALLY,
        baseline=EMPOWERMENT_BASELINE,
    ),
    metric(
        "metrics-newcomers",
        COMMUNITIES,
        PARTICIPATION,
        PARTICIPATION_GOAL,
        ANNUALLY,
        baseline=PARTICIPATION_BASELINE,
    ),
    # Slide 4: leaders, content and safety; "paused" metrics have no Q1 status.
    metric(
        "metrics-leaders",
        LEADERS,
        "Increase diversity of movement leaders",
        "Maintain baselines",
        ANNUALLY,
        baseline="Women (26%), Gender minorities (2.9%), outside Eur/NA (45%)",
    ),
    metric(
        "metrics-leaders",
        "",
        "Movement leaders feel supported",
        "Maintain baselines",
        ANNUALLY,
        baseline="Organizers (64%), Admins (86%)",
    ),
    metric(
        "metrics-leaders",
        CONTENT,
        "Metric for GLAM and campaign content contributions",
        "Establish baseline",
        "no data yet",
    ),
    metric(
        "metrics-leaders", "", "Increased presence of underrepresented forms of knowledge", "paused"
    ),
    metric(
        "metrics-leaders",
        SAFETY,
        "Decrease in reported threats to safety",
        "33% unsafe, 13% harassed",
        ANNUALLY,
        baseline="35% unsafe, 14% harassed",
        better="lower",
    ),
    metric(
        "metrics-leaders",
        "",
        "Documentation and announcements available in 10 most spoken languages",
        "paused",
        baseline="English only",
    ),
    # The appendix: the editors and the surveys on one slide.
    metric(
        "metrics-appendix",
        NEWCOMERS,
        ACTIVE_EDITORS,
        YOY,
        "+7.3% YoY (89K/mo*)",
        baseline="99K/month",
    ),
    sub_metric("metrics-appendix", "Established markets", YOY, "+6.0% YoY (71K/mo ^{+o})"),
    sub_metric("metrics-appendix", "Emerging markets", YOY, "+9.5% YoY (23K/mo ^{+})"),
    metric("metrics-appendix", "", RETENTION, YOY, "+7.5% YoY (5.7%/mo*)", baseline="6.7%/month"),
    sub_metric("metrics-appendix", "Established markets", YOY, "(6.6%/mo ^{+#})"),
    sub_metric("metrics-appendix", "Emerging markets", YOY, "+12.2% YoY (4.6%/mo ^{+})"),
    metric(
        "metrics-appendix",
        COMMUNITIES,
        EMPOWERMENT,
        "75% (+5% YoY)",
        ANNUALLY,
        baseline=EMPOWERMENT_BASELINE,
    ),
    metric(
        "metrics-appendix",
        "",
        PARTICIPATION,
        PARTICIPATION_GOAL,
        ANNUALLY,
        baseline=PARTICIPATION_BASELINE,
    ),
]

KEY_RESULTS = [
    # ARMDEB
    result(
        "armdeb",
        "Monthly active editors increase 5% YoY",
        YOY,
        "+7.3% YoY (89K/mo*)",
        baseline="99K active editors/month",
    ),
    result("armdeb", "Established markets", YOY, "+6.0% YoY (71K/mo ^{+o})", sub=True),
    result("armdeb", "Emerging markets", YOY, "+9.5% YoY (23K/mo ^{+})", sub=True),
    result(
        "armdeb",
        "New editor retention rate increases 5% YoY",
        YOY,
        "+7.5% YoY (5.7%/mo*)",
        baseline="6.7% editor retention/month",
    ),
    result("armdeb", "Established markets", YOY, "(6.6%/mo ^{+#})", sub=True),
    result("armdeb", "Emerging markets", YOY, "+12.2% YoY (4.6%/mo ^{+})", sub=True),
    # IP Masking
    result(
        "ip-masking",
        "Build and ship two tools to identify and block bad actors without exposing IP "
        "addresses, improving the ability to protect users and wiki content while shielding "
        "unregistered users from misuse of personally identifiable information",
        "Develop 2 tools towards IP Masking",
        "Developed prototype for the first of the two tools (IP Info) and began user testing",
        baseline="Zero existing tools that allow patrollers to work without relying on IP "
        "addresses when dealing with vandalism from unregistered editors.",
    ),
    # Community Programs: several lines in a cell
    result(
        "community-programs",
        "A support model for community content campaigns is developed and tested through at "
        "least 1 pilot with a UN partner and 4 consultations on community-led campaigns; 15% YoY "
        "total edit increase in the #lib1ref campaign (Jan & May) with increased participation "
        "in 1 underrepresented region.",
        lines(
            "1 UN pilot", "4 mentored campaigns", "lib1ref: 15% YoY growth, 1 new region engaged"
        ),
        lines("WHO & UN Human Rights partnerships in development", "1 campaign mentored"),
        baseline="1 pilot 0 consultations 51,289 edits on 84 wikis",
    ),
    result(
        "community-programs",
        "GLAM best practices are developed for Structured Data on Commons and demonstrated by a "
        "cohort of mentored institutions uploading 350,000 images with captions and copyright "
        "statements.",
        "350K uploads with captions and copyright statements",
        "0",
        baseline="0 uploads",
    ),
    result(
        "community-programs",
        "Reading Wikipedia toolkit is piloted with 75 teachers in 3 countries and 3 languages; "
        "a proof of concept aligning national curricula and Wikimedia content initiated w/ "
        "UNESCO.",
        lines("75 teachers, 3 countries/lang", "UNESCO PoC"),
        lines("470 teachers in 3 countries/lang", "Pilot partner selected"),
        baseline="0 teachers",
    ),
    # Community Leadership Development
    result(
        "community-leadership-development",
        "Pilot an online learning experience that will engage 3-5 movement partners/groups to "
        "support critical capacity building in diverse contexts to address the decentralization "
        "of learning and capacity building in the movement as outlined by the movement strategy",
        "3-5 groups (30 volunteers per cohort)",
        "(3 groups) confirmed",
        baseline="0 groups",
    ),
    result(
        "community-leadership-development",
        "Provide an intensive trainer development program to support the growth of 10+ "
        "movement volunteers who will be empowered as trainers of capacity-building efforts in "
        "the movement over time.",
        "10+ volunteers",
        "(curriculum scoped and recruitment launched)",
        baseline="0 volunteers",
    ),
    # Grantmaking
    result(
        "grantmaking",
        "KR1: Ensure 65% of all grants are from communities that are not well established * so "
        "that grantmaking becomes a key mechanism to empower and welcome newcomers and increase "
        "diversity of content.",
        "66%",
        "Measured Annually",
        baseline="64% of grants",
    ),
    result(
        "grantmaking",
        "KR2: 70% of movement organizers from emerging communities are satisfied with the "
        "resources (financial and otherwise) they have to reach the goals.",
        "70%",
        "Measured Annually",
        baseline="67.7% of movement organizers",
    ),
    result(
        "grantmaking",
        "KR3: Develop model in collaboration with community/staff following milestones of: "
        "Define grantmaking priorities in support of movement recommendations and in "
        "consultation with staff/communities, create new grantmaking strategy, develop ongoing "
        "evaluation plan, and pilot new grantmaking structures.",
        "Grants Strategy Completed",
        lines(
            "- Developed Strategy Review Values & Process",
            "- Created Vision for Role of CR",
            "- Reviewed grantmaking insights/needs with 9 teams in WMF",
            "- Historical metrics review and clean up",
            "- Creation of D&I grantee survey",
        ),
        baseline="Strategy Non Existent",
    ),
    # Address Knowledge Gaps: the key result holds its milestones, one a line
    result(
        "address-knowledge-gaps",
        lines(
            "Knowledge Gap Index",
            "Q1: Communicate and gather feedback on the taxonomy of knowledge gaps from 4 "
            "communities",
            "Q2: Iterate and improve the taxonomy based on feedback and bring external "
            "collaborators for co-developing the metrics",
            "Q2-Q4: Define the first set of metrics for 60% of gaps",
            "Q4: Prototype metrics and the knowledge gap index",
        ),
        "Define or finalize metrics for 60% of the gaps",
        "0",
        baseline="0%",
    ),
    result(
        "address-knowledge-gaps",
        lines(
            "Prioritization",
            "Q4: Develop a validated algorithm and test API to prioritize (missing) articles for "
            "contributors and readers.",
        ),
        "4 milestones",
        "1",
        baseline="0 milestones",
    ),
    result(
        "address-knowledge-gaps",
        lines(
            "Language agnostic topic models",
            "Q2: Develop a validated algorithm for list building for content creation, and",
            "Q4: Recommending what articles to read.",
        ),
        "4 milestones",
        "1",
        baseline="0 milestones",
    ),
    # Movement Consultation
    result(
        "movement-consultation",
        "Lead and coordinate consultations & other large community-facing activities across 6 "
        "departments. Reshape and manage weekly meetings and shared calendar.",
        "X",
        "✓",
        baseline="Temporary cross-dept weekly sync and calendar managed by Product.",
    ),
    result(
        "movement-consultation",
        "Build, share, and/or update 3 consultation tools on a quarterly basis.",
        "X",
        "✓",
        baseline="90% completed v1 Consultation Guidebook, not widely shared.",
    ),
    result(
        "movement-consultation",
        "Support at least 5 potential or ongoing consultation efforts.",
        "X",
        "✓",
        baseline="No support.",
    ),
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

# The Grantmaking drill-down's table, one value a row: rows grouped under the MTP outcomes.


def data_rows(
    drill_down: str, group: str, columns: Sequence[str], rows: Sequence[Sequence[str]]
) -> list[dict[str, str]]:
    """Drill-down data rows: each of ``rows`` is (label, one value per column)."""
    out = []
    for label, *values in rows:
        for column, value in zip(columns, values, strict=True):
            out.append(
                {
                    "Drill-down": drill_down,
                    "Group": group if not out else "",
                    "Row": label,
                    "Column": column,
                    "Value": value,
                }
            )
    return out


FISCAL_YEARS = ("FY19/20", "FY20/21")

DRILL_DOWN_DATA = [
    *data_rows(
        "grantmaking",
        COMMUNITIES,
        FISCAL_YEARS,
        [
            (
                "KR1: Ensure 65% of all grantees are from communities that are not well "
                "established * so that grantmaking becomes a key mechanism to empower and "
                "welcome newcomers and increase diversity of content.",
                "64%",
                "66 %",
            ),
            (
                "% of grantees who are new/ from not well established community*",
                "43% / 51%",
                "45% / 53%",
            ),
            (
                "% of all funds for all grants in emerging and least developed communities",
                "37%",
                "39%",
            ),
            ("% of gender focused grants/ % of funds", "26% / 8.7%", "26% / 9%"),
        ],
    ),
    *data_rows(
        "grantmaking",
        LEADERS,
        FISCAL_YEARS,
        [
            (
                "KR2: 70% of movement organizers from emerging communities are satisfied with "
                "the resources (financial and otherwise) they have to reach the goals.",
                "67.7%",
                "70%",
            ),
            (
                "% of rapid grant grantees that received a rapid grant in the prior year",
                "55%",
                "57%",
            ),
            (
                "% of rapid grantees that had more than 1 rapid grant in the reporting year",
                "24%",
                "26%",
            ),
        ],
    ),
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

# --- Images ----------------------------------------------------------------------------------
# The pictures are illustrations drawn by make_example_images.py; paths are relative to this
# workbook's folder. The talk-page screenshot's text is part of the picture, not of the deck.

IMAGES = [
    {
        "Key": "talk-pages",
        "Quarter": QUARTER,
        "Title": "Project: Talk pages",
        "Image 1": "images/reply-tool-sv-wiki.png",
        "Caption 1": "Reply Tool at sv.wiki",
        "Department": "Product",
    },
    {
        "Key": "reading-wikipedia-classroom",
        "Quarter": QUARTER,
        "Title": "Reading Wikipedia in the Classroom: Engaging educators in the age of COVID",
        "Image 1": "images/reading-wp-toolkit-module-1.png",
        "Caption 1": "Reading WP Toolkit (Arabic version) - Module 1 Learning Pathway",
    },
    {
        "Key": "fb-live",
        "Quarter": QUARTER,
        "Image 1": "images/fb-live-mou-signing.png",
        "Image 2": "images/fb-live-teacher-training.png",
        "Caption": "Images: FB Live screenshots of 1) MOU signing and 2) Module 1 teacher "
        "training with Pasay School District (Philippines)",
    },
    {
        "Key": "grantmaking-global-metrics",
        "Quarter": QUARTER,
        "Title": "Drill Down: Grantmaking",
        "Image 1": "images/target-participants-new-editors.png",
        "Caption 1": "Target Numbers for Participants and New Editors",
        "Image 2": "images/target-content-pages.png",
        "Caption 2": "Target Number of Content Pages Created or Improved",
        "Intro": lines(
            "**Target Impact for Global Metrics FY19-20**",
            "Global metrics are one element of current evaluation. We plan to develop a "
            "holistic approach for measuring impact that is connected to a theory of change for "
            "a new grants portfolio.",
        ),
    },
]

# --- Charts and Chart data -------------------------------------------------------------------
# The reference deck quotes quarterly figures only; the monthly series below are illustrative,
# shaped like a year (a summer dip, higher in spring, the COVID-19 peak in April and May 2020)
# and scaled so the quarters the deck quotes come out exactly: Q1 FY20-21 averages 89,000
# active editors a month, 7.3% above Q1 FY19-20, and FY19-20 averages about the 99K baseline;
# new editor retention averages 5.7% a month in Q1 FY20-21, 7.5% above Q1 FY19-20.

YOY_GOAL = "(Goal: +5% YoY)"
ILLUSTRATIVE = (
    "Illustrative monthly series, consistent with the deck's quarterly figures: {figures}."
)

CHARTS = [
    {
        "Key": "active-editors",
        "Quarter": QUARTER,
        "Title": "Wikimedia Active Editors year-over-year comparison",
        "Subtitle": "July 2018 - September 2020",
        "Kind": "yoy",
        "Number format": '0,"K"',
        # Callout blank: computed from the data, Q1 +7.3% YoY
        "Callout detail": YOY_GOAL,
        "Note": ILLUSTRATIVE.format(figures="Q1 FY20-21 89K/month, +7.3% YoY; baseline 99K"),
    },
    {
        "Key": "new-editor-retention",
        "Quarter": QUARTER,
        "Title": "New Editors Retention year-over-year comparison",
        # The reference's period; the series runs on to September 2020 for Q1's callout.
        "Subtitle": "July 2017 - June 2020",
        "Kind": "yoy",
        "Number format": "0.0%",
        "Callout": "Q1 +7.5% YoY",
        "Callout detail": YOY_GOAL,
        "Note": ILLUSTRATIVE.format(figures="Q1 FY20-21 5.7%/month, +7.5% YoY"),
    },
]

#: Monthly values by fiscal year, July to June (the current year up to September).
ACTIVE_EDITORS = {
    2018: (79_800, 78_900, 83_100, 86_400, 87_200, 82_600, 88_900, 88_100, 92_300, 91_200,
           92_800, 86_900),
    2019: (81_935, 81_200, 85_700, 89_800, 90_600, 86_100, 95_400, 94_700, 107_900, 131_600,
           127_300, 112_200),
    2020: (87_400, 88_300, 91_300),
}  # fmt: skip
NEW_EDITOR_RETENTION = {
    2017: (0.0541, 0.0532, 0.0566, 0.0618, 0.0630, 0.0589, 0.0652, 0.0660, 0.0688, 0.0671,
           0.0664, 0.0602),
    2018: (0.0528, 0.0519, 0.0557, 0.0611, 0.0622, 0.0578, 0.0641, 0.0655, 0.0679, 0.0662,
           0.0650, 0.0596),
    2019: (0.0514, 0.0523, 0.0554, 0.0642, 0.0655, 0.0607, 0.0688, 0.0702, 0.0761, 0.0893,
           0.0865, 0.0741),
    2020: (0.0552, 0.0561, 0.0597),
}  # fmt: skip

#: How the Value cells of each chart are shown in the workbook.
VALUE_FORMATS = {"active-editors": "#,##0", "new-editor-retention": "0.00%"}


def monthly_rows(chart: str, by_year: Mapping[int, Sequence[float]]) -> list[dict[str, object]]:
    """Chart data rows of a yoy chart: one a month, its Period a date cell, Series blank."""
    rows: list[dict[str, object]] = []
    for start, values in by_year.items():
        for i, value in enumerate(values):
            month = 7 + i
            year = start if month <= 12 else start + 1
            period = dt.datetime(year, (month - 1) % 12 + 1, 1)
            rows.append({"Chart": chart, "Period": period, "Value": value})
    return rows


CHART_DATA = [
    *monthly_rows("active-editors", ACTIVE_EDITORS),
    *monthly_rows("new-editor-retention", NEW_EDITOR_RETENTION),
]

# --- Acronyms --------------------------------------------------------------------------------

ACRONYMS = [
    {"Term": "APP", "Definition": "Annual Planning Process"},
    {"Term": "CSAM", "Definition": "Child Sex Abuse Material"},
    {"Term": "INGO", "Definition": "International non-Governmental Organization"},
]

# --- Sheets: the declared sheets and columns, this example's rows and widths ------------------

#: The example's rows, by sheet; a declared sheet not listed here is written with its header only.
ROWS: dict[str, Sequence[Mapping[str, object]]] = {
    "Deck": DECK,
    "Slides": SLIDES,
    "Updates": UPDATES,
    "Tables": TABLES,
    "Metrics": METRICS,
    "Objectives": OBJECTIVES,
    "Key results": KEY_RESULTS,
    "Drill-downs": DRILL_DOWNS,
    "Drill-down data": DRILL_DOWN_DATA,
    "OKR changes": OKR_CHANGES,
    "Charts": CHARTS,
    "Chart data": CHART_DATA,
    "Images": IMAGES,
    "Acronyms": ACRONYMS,
}

_TAIL = {"Department": 14, "Footnote": 24, "Notes": 40}
_STATUS = {
    "Baseline": 30,
    "Goal": 24,
    "Q1": 28,
    "Q2": 12,
    "Q3": 12,
    "Q4": 12,
    "Level": 8,
    "Better": 8,
    "Judge": 8,
}

#: Column widths (in characters) for this example's text; a column not listed takes the width
#: the sheet's declaration gives it.
WIDTHS: dict[str, dict[str, int]] = {
    "Deck": {"Setting": 18, "Value": 70},
    "Slides": {"Kind": 16, "Key": 34, "Quarters": 10, "Notes": 50},
    "Updates": {
        "Key": 20,
        "Quarter": 9,
        "Title": 20,
        "Overview": 40,
        "Progress": 90,
        "Deliverables": 30,
        "Actions": 45,
        **_TAIL,
    },
    "Tables": {"Key": 30, "Quarter": 9, "Title": 34, "Callout": 16, **_TAIL},
    "Metrics": {"Table": 20, "Outcome": 34, "Metric": 45, **_STATUS},
    "Objectives": {
        "Key": 30,
        "Quarter": 9,
        "Title": 30,
        "Objective": 50,
        "Narrative": 90,
        "Target": 12,
        **_TAIL,
    },
    "Key results": {"Table": 30, "Key result": 60, **_STATUS},
    "Drill-downs": {
        "Key": 16,
        "Quarter": 9,
        "Title": 24,
        "Situation": 50,
        "Impact": 50,
        "Recommendation": 50,
        "Recommendation heading": 24,
        **_TAIL,
    },
    "Drill-down data": {"Drill-down": 14, "Group": 34, "Row": 60, "Column": 10, "Value": 12},
    "OKR changes": {
        "Key": 24,
        "Quarter": 9,
        "Title": 34,
        "Original": 70,
        "Proposed": 70,
        **_TAIL,
    },
    "Quotes": {
        "Key": 16,
        "Quarter": 9,
        "Title": 24,
        "Quote": 70,
        "Name": 20,
        "Affiliation": 24,
        "Place": 16,
        **_TAIL,
    },
    "Charts": {
        "Key": 22,
        "Quarter": 9,
        "Title": 34,
        "Subtitle": 24,
        "Kind": 8,
        "Number format": 12,
        "Goal": 8,
        "Goal label": 10,
        "Callout": 14,
        "Callout detail": 16,
        "Engine": 9,
        "Note": 40,
        **_TAIL,
    },
    "Chart data": {"Chart": 22, "Period": 10, "Series": 10, "Value": 10},
    "Images": {
        "Key": 26,
        "Quarter": 9,
        "Title": 34,
        **{f"{c} {i}": w for i in range(1, 5) for c, w in (("Image", 30), ("Caption", 30))},
        "Fit": 6,
        "Caption": 50,
        "Intro": 50,
        "Quote": 30,
        "Attribution": 16,
        **_TAIL,
    },
    "Highlights": {
        "Key": 16,
        "Quarter": 9,
        "Title": 24,
        **{f"{c} {i}": w for i in range(1, 7) for c, w in (("Value", 10), ("Label", 24))},
        **_TAIL,
    },
    "Acronyms": {"Term": 12, "Definition": 50},
}


def sheets() -> list[tuple[str, list[tuple[str, int]], Sequence[Mapping[str, object]]]]:
    """Each sheet tuningdeck declares, in its order: its name, its columns (header and width) in
    the declared order, and this example's rows for it."""
    declared = {spec.name: spec for spec in DECLARED_SHEETS}
    for name in (*ROWS, *WIDTHS):
        if name not in declared:
            raise KeyError(f"sheet {name} is not one tuningdeck declares")
    for name, widths in WIDTHS.items():
        unknown = set(widths) - {c.name for c in declared[name].columns}
        if unknown:
            raise KeyError(f"sheet {name}: no declared column {sorted(unknown)}")
    return [
        (
            spec.name,
            [(c.name, WIDTHS.get(spec.name, {}).get(c.name, c.width)) for c in spec.columns],
            ROWS.get(spec.name, ()),
        )
        for spec in DECLARED_SHEETS
    ]


_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="EAECF0")  # the Foundation look's table band
_HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)
_CELL_ALIGN = Alignment(vertical="top", wrap_text=True)


def _number_format(sheet: str, column: str, row: Mapping[str, object]) -> str | None:
    """How a cell that holds a date or a number is shown; None for the default."""
    value = row.get(column)
    if isinstance(value, dt.date):
        return "yyyy-mm"
    if sheet == "Chart data" and column == "Value":
        return VALUE_FORMATS.get(str(row.get("Chart")))
    return None


def _fill_sheet(
    ws: Worksheet, columns: Sequence[tuple[str, int]], rows: Iterable[Mapping[str, object]]
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
            value = row.get(name)
            cell = ws.cell(row=r, column=col, value=None if value in ("", None) else value)
            cell.alignment = _CELL_ALIGN
            fmt = _number_format(ws.title, name, row)
            if fmt:
                cell.number_format = fmt
    # Keep the header, and on narrative sheets the Key and Quarter columns, in view.
    ws.freeze_panes = "C2" if headers[:2] == ["Key", "Quarter"] else "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"


def build_workbook() -> Workbook:
    """The example workbook, in memory."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, columns, rows in sheets():
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
