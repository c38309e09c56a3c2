"""The "Get help now" list, rendered from data/services.yml. Only confirmed entries are published."""
from __future__ import annotations

import html
import re

from macros.context import MacroContext
from tiw.dates import format_date

__all__ = ["support_services"]


def _href(contact: dict) -> str:
    digits = re.sub(r"[^0-9+]", "", contact["value"])
    # The schema fixes each kind's form (schemas/services.schema.yaml), so no other scheme reaches here.
    return {"phone": f"tel:{digits}", "text": f"sms:{digits}", "email": f"mailto:{contact['value']}",
            "web": contact["value"]}[contact["kind"]]


def support_services(ctx: MacroContext):
    def support_services() -> str:
        cards = []
        for s in ctx.data.services:
            if s["status"] != "confirmed":
                continue
            contacts = "".join(
                f'<li><a href="{html.escape(_href(c))}">{ctx.tx(c["label"])}</a></li>' for c in s["contacts"])
            checked = html.escape(ctx.t("service_checked", date=format_date(s["checked"], ctx.lang)))
            source = (f' <a href="{html.escape(s["source_url"])}">{html.escape(ctx.t("service_source"))}</a>'
                      if s.get("source_url") else "")
            note = f'<p>{ctx.tx(s["note"])}</p>' if s.get("note") else ""
            cards.append(
                f'<section class="tiw-service" aria-labelledby="service-{s["id"]}">'
                f'<h2 id="service-{s["id"]}">{ctx.tx(s["name"])}</h2>'
                f'<p>{ctx.tx(s["for_whom"])}</p>'
                + (f'<p><strong>{html.escape(ctx.t("service_hours"))}</strong> {ctx.tx(s["hours"])}</p>' if s.get("hours") else "")
                + f'{note}<ul class="tiw-service__contacts">{contacts}</ul>'
                f'<p class="tiw-service__checked">{checked}.{source}</p></section>')
        withheld = sum(1 for s in ctx.data.services if s["status"] != "confirmed")
        tail = f'<p class="tiw-service__withheld">{html.escape(ctx.t("services_withheld", count=withheld))}</p>' if withheld else ""
        return f'<div class="tiw-services">{"".join(cards)}</div>{tail}\n'
    return support_services
