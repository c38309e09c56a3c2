"""Support services from data/services.yml, the one source for every page that lists them: the
"Get help now" cards and the short list for one audience (children, young people). Only confirmed
entries are published; the build names the others (an INFO line), the pages say nothing of them."""

from __future__ import annotations

import logging
import re

from macros.context import MacroContext
from tiw.build import fragments, state
from tiw.core.dates import format_date
from tiw.core.errors import DataError

__all__ = ["support_services", "service_list"]

log = logging.getLogger("mkdocs.macros.help")


def _published(ctx: MacroContext) -> list[dict]:
    held = [s["id"] for s in ctx.data.services if s["status"] != "confirmed"]
    reported = state.store("support_services").setdefault("reported", set())
    if held and ctx.lang not in reported:
        reported.add(ctx.lang)
        log.info(f"data/services.yml: not published until their details are checked (status: unconfirmed): {', '.join(held)}")
    return [s for s in ctx.data.services if s["status"] == "confirmed"]


def _href(contact: dict) -> str:
    digits = re.sub(r"[^0-9+]", "", contact["value"])
    # The schema fixes each kind's form (schemas/services.schema.yaml), so no other scheme reaches here.
    return {"phone": f"tel:{digits}", "text": f"sms:{digits}", "email": f"mailto:{contact['value']}", "web": contact["value"]}[
        contact["kind"]
    ]


def _local(ctx: MacroContext, s: dict, field: str) -> str | None:
    return s[field][ctx.lang] if s.get(field) else None


def support_services(ctx: MacroContext):
    def support_services() -> str:
        services = [
            {
                "id": s["id"],
                "name": s["name"][ctx.lang],
                "for_whom": s["for_whom"][ctx.lang],
                "hours": _local(ctx, s, "hours"),
                "note": _local(ctx, s, "note"),
                "contacts": [{"href": _href(c), "label": c["label"][ctx.lang]} for c in s["contacts"]],
                "checked": format_date(s["checked"], ctx.lang),
                "source_url": s.get("source_url"),
            }
            for s in _published(ctx)
        ]
        return fragments.render("support-services.html", services=services, t=ctx.t)

    return support_services


def service_list(ctx: MacroContext):
    def service_list(audience: str, register: str = "chi") -> str:
        """The confirmed services for one audience (an id in the entries' `audiences`), with the
        contact labels in the page's register: `register="ti"` uses an entry's `label_ti`."""
        known = {a for s in ctx.data.services for a in s["audiences"]}
        if audience not in known or register not in ("chi", "ti"):
            raise DataError(
                f"{ctx.page.file.src_path}: service_list('{audience}', register='{register}'): "
                f"expected an audience used in data/services.yml ({', '.join(sorted(known))}) "
                "and register 'chi' or 'ti'."
            )
        services = [
            {
                "name": s["name"][ctx.lang],
                "for_whom": s["for_whom"][ctx.lang],
                "contacts": [
                    {"href": _href(c), "label": ((c.get("label_ti") if register == "ti" else None) or c["label"])[ctx.lang]}
                    for c in s["contacts"]
                ],
            }
            for s in _published(ctx)
            if audience in s["audiences"]
        ]
        return fragments.render("service-list.html", services=services)

    return service_list
