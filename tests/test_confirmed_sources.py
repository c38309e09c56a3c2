"""The site publishes only what data/confirmed_sources.yml records as confirmed: the catalogue's
outside hosts (checked in test_resource_catalogue.py) and the support services' status and numbers."""

from __future__ import annotations

import datetime as dt

import yaml

from tiw import ROOT

CONFIRMED = ROOT / "data" / "confirmed_sources.yml"
SERVICES = ROOT / "data" / "services.yml"


def _confirmed() -> dict:
    return yaml.safe_load(CONFIRMED.read_text(encoding="utf-8"))


def confirmed_hosts() -> set[str]:
    return {h["host"] for h in _confirmed()["hosts"]}


def host_is_confirmed(host: str, hosts: set[str]) -> bool:
    """www.gov.wales is gov.wales; a subdomain of a listed host is not confirmed by it."""
    host = host.lower().removeprefix("www.")
    return host in hosts


def test_every_entry_names_its_source_and_check_date():
    data = _confirmed()
    for kind in ("hosts", "services"):
        assert data[kind], f"{CONFIRMED.name}: no {kind}"
        for entry in data[kind]:
            key = entry.get("host") or entry.get("id")
            assert entry.get("source"), f"{CONFIRMED.name}: {kind} '{key}' has no source"
            assert isinstance(entry.get("checked"), dt.date), f"{CONFIRMED.name}: {kind} '{key}' has no checked date"


def test_host_matching_is_exact():
    hosts = {"gov.wales"}
    assert host_is_confirmed("www.gov.wales", hosts)
    assert not host_is_confirmed("evil-gov.wales", hosts)
    assert not host_is_confirmed("gov.wales.example.com", hosts)


def test_services_published_as_confirmed_are_confirmed_with_the_same_numbers():
    facts = {s["id"]: s for s in _confirmed()["services"]}
    services = yaml.safe_load(SERVICES.read_text(encoding="utf-8"))["services"]
    for service in services:
        sid = service["id"]
        assert sid in facts, f"data/services.yml: '{sid}' is not in {CONFIRMED.name}: record its source first"
        fact = facts[sid]
        if service["status"] == "confirmed":
            assert fact["confirmed"], (
                f"data/services.yml: '{sid}' is published as confirmed, but {CONFIRMED.name} says to check it first"
            )
        numbers = [c["value"] for c in service["contacts"] if c["kind"] in ("phone", "text")]
        assert numbers == fact["numbers"], (
            f"data/services.yml: '{sid}' numbers {numbers} differ from {CONFIRMED.name} {fact['numbers']}"
        )


def test_service_web_addresses_are_on_confirmed_hosts():
    """Confirmed, or listed under `to_check` (visible to editors), never silently accepted."""
    hosts = confirmed_hosts() | {h["host"] for h in _confirmed().get("to_check", [])}
    services = yaml.safe_load(SERVICES.read_text(encoding="utf-8"))["services"]
    unconfirmed = []
    for service in services:
        for url in [service.get("source_url")] + [c["value"] for c in service["contacts"] if c["kind"] == "web"]:
            if url and not host_is_confirmed(url.split("/")[2], hosts):
                unconfirmed.append(f"{service['id']}: {url}")
    assert not unconfirmed, unconfirmed
