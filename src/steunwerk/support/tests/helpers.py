"""Helpers for reading responses and the access log in the support view tests."""

import re
from html import unescape

from steunwerk.access.models import AccessLogEntry


def log_rows(**filters):
    return AccessLogEntry.objects.filter(**filters)


def text_of(response):
    """The page as a user reads it: tags stripped, entities decoded, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def plan_tables(response):
    """Each rendered Plan van Aanpak table as (column headers, [text of each column cell])."""
    html = response.content.decode()
    tables = []
    for table in re.findall(r'<table class="plan">(.*?)</table>', html, flags=re.S):
        headers = [
            unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", table, flags=re.S)
        ]
        cells = [
            re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", c))).strip()
            for c in re.findall(r"<td>(.*?)</td>", table, flags=re.S)
        ]
        tables.append((headers, cells))
    return tables


def plan_data(version, steps=(), drawn="2026-06-22", evaluation="2026-09-22", extra_rows=2, **header):
    """What the browser posts: the plan header, then the step rows (existing ones, with "id", first)."""
    rows = list(steps) + [{}] * extra_rows
    data = {
        "version": version,
        "drawn_up_on": drawn,
        "evaluation_on": evaluation,
        "needed_aids": "",
        "ladder_note": "",
        **header,
        "steps-TOTAL_FORMS": len(rows),
        "steps-INITIAL_FORMS": sum(1 for r in rows if r.get("id")),
        "steps-MIN_NUM_FORMS": 0,
        "steps-MAX_NUM_FORMS": 30,
    }
    for i, row in enumerate(rows):
        data.update(
            {
                f"steps-{i}-id": row.get("id", ""),
                f"steps-{i}-description": row.get("description", ""),
                f"steps-{i}-actor": row.get("actor", ""),
                f"steps-{i}-performer": row.get("performer", ""),
                f"steps-{i}-amount": row.get("amount", ""),
                f"steps-{i}-law": row.get("law", ""),
            }
        )
        for link in ("network_member", "provision", "method"):  # optional: posted only when the row names one
            if link in row:
                data[f"steps-{i}-{link}"] = row[link]
        if row.get("DELETE"):
            data[f"steps-{i}-DELETE"] = "on"
    return data


def step(actor, description, performer="", amount="", **kw):
    return {"actor": actor, "description": description, "performer": performer, "amount": amount, **kw}
