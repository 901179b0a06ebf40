"""The network map: the client in the middle, the people around them in four rings. Server-rendered SVG."""

import math
import re
from html import escape as _escape_html

from django.utils.text import Truncator

from steunwerk.vocab import Circle, Involvement, Load

# Characters XML 1.0 forbids even when escaped; one pasted into a name would make the standalone SVG unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text):
    return _escape_html(_NOT_XML.sub("", text))


SIZE = 640
CENTRE = SIZE / 2
RING_RADII = {Circle.HOUSEHOLD: 80, Circle.FAMILY_FRIENDS: 150, Circle.NEIGHBOURHOOD: 220, Circle.PROFESSIONALS: 290}
LOAD_STYLE = {  # fill and dash pattern: the difference never rests on colour alone
    Load.ABLE: ("#cfe8d5", ""),
    Load.UNDER_PRESSURE: ("#fbe3b3", "6 3"),
    Load.TOO_BUSY: ("#f6c2b5", "2 3"),
    Load.STOPPED: ("#e0e0e0", "1 5"),
}


def member_view(member):
    """The few facts the map needs, from a NetworkMember or from a snapshot's dict."""
    if isinstance(member, dict):
        return member
    return {
        "id": member.pk,
        "name": member.name,
        "relation": member.relation,
        "relation_label": str(member.get_relation_display()),
        "circle": str(member.circle),
        "load": member.load,
        "load_label": str(member.get_load_display()),
        "involvement": member.involvement,
    }


def render_svg(client_name, members, title):
    members = [member_view(m) for m in members]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}" '
        f'role="img" aria-labelledby="map-title map-desc">',
        f'<title id="map-title">{escape(title)}</title>',
        f'<desc id="map-desc">{escape(_description(client_name, members))}</desc>',
    ]
    for circle, radius in reversed(RING_RADII.items()):
        parts.append(
            f'<circle cx="{CENTRE}" cy="{CENTRE}" r="{radius}" fill="none" stroke="#9aa5b1" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{CENTRE}" y="{CENTRE - radius + 14}" text-anchor="middle" font-size="11" '
            f'fill="#52606d">{escape(str(Circle(circle).label))}</text>'
        )
    parts.append(f'<circle cx="{CENTRE}" cy="{CENTRE}" r="34" fill="#0b5394"/>')
    parts.append(
        f'<text x="{CENTRE}" y="{CENTRE + 4}" text-anchor="middle" font-size="12" fill="#fff">'
        f"{escape(Truncator(client_name).chars(14))}</text>"
    )
    for circle, radius in RING_RADII.items():
        ring = [m for m in members if m["circle"] == circle]
        inner = RING_RADII_PREVIOUS.get(circle, 34)
        r = (radius + inner) / 2 if circle != Circle.HOUSEHOLD else 60
        for i, m in enumerate(ring):
            angle = (
                -math.pi / 2 + (2 * math.pi * (i + 0.5) / max(len(ring), 1)) + (0.35 * list(RING_RADII).index(circle))
            )
            x, y = CENTRE + r * math.cos(angle), CENTRE + r * math.sin(angle)
            fill, dash = LOAD_STYLE.get(m["load"], LOAD_STYLE[Load.ABLE])
            stroke = "#a00" if m.get("involvement") == "no" else "#334e68"
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            parts.append(
                f'<g class="member" data-id="{escape(str(m.get("id", "")))}">'
                f"<title>{escape(m['name'])}: {escape(m['relation_label'])}, {escape(m['load_label'])}</title>"
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="22" fill="{fill}" stroke="{stroke}" stroke-width="2"{dash_attr}/>'
                f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" font-size="10">'
                f"{escape(Truncator(m['name']).chars(12))}</text>"
                f'<text x="{x:.1f}" y="{y + 34:.1f}" text-anchor="middle" font-size="9" fill="#52606d">'
                f"{escape(m['relation_label'])}</text></g>"
            )
    parts.append("</svg>")
    return "".join(parts)


RING_RADII_PREVIOUS = {Circle.FAMILY_FRIENDS: 80, Circle.NEIGHBOURHOOD: 150, Circle.PROFESSIONALS: 220}


def _description(client_name, members):
    if not members:
        return f"{client_name} heeft nog niemand in het netwerk."
    lines = [f"Netwerk van {client_name}:"]
    for circle in RING_RADII:
        ring = [m for m in members if m["circle"] == circle]
        if ring:
            people = ", ".join(f"{m['name']} ({m['relation_label']}, {m['load_label'].lower()})" for m in ring)
            lines.append(f"{Circle(circle).label}: {people}.")
    return " ".join(lines)


def compare(then, now):
    """What changed between two lists of members: added, gone, and changed load or involvement."""
    then_by, now_by = {m["id"]: m for m in map(member_view, then)}, {m["id"]: m for m in map(member_view, now)}
    added = [now_by[k] for k in now_by if k not in then_by]
    gone = [then_by[k] for k in then_by if k not in now_by]
    changed = []
    for key in then_by.keys() & now_by.keys():
        before, after = then_by[key], now_by[key]
        if before["load"] != after["load"] or before.get("involvement") != after.get("involvement"):
            changed.append((_with_involvement_label(before), _with_involvement_label(after)))
    return {"added": added, "gone": gone, "changed": sorted(changed, key=lambda pair: pair[1]["name"])}


def _with_involvement_label(member):
    """Snapshots keep the value only; the comparison says it in words."""
    value = member.get("involvement")
    return {**member, "involvement_label": str(Involvement(value).label) if value in Involvement.values else ""}
