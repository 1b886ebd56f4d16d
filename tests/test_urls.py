"""Relative links: the fast string walk agrees with a plain segment-by-segment computation."""

from __future__ import annotations

import itertools
import random

from generator.urls import link


def _by_segments(from_url: str, to_url: str) -> str:
    """The same relative href, computed the slow and obvious way."""
    to_url, hash_, anchor = to_url.partition("#")
    here = from_url.split("/")[:-1]
    there = to_url.split("/")
    common = 0
    for a, b in zip(here, there[:-1]):
        if a != b:
            break
        common += 1
    target = "/".join([".."] * (len(here) - common) + there[common:])
    return (target or "./") + hash_ + anchor


PAGES = ["", "sok/", "kode/JKA21/", "kode/JKA2/", "ncsp/J/", "ncsp/JK/", "ncsp/JKA/", "endringer/2017/",
         "endringer/feed.xml", "bok/ncsp-A/", "frister.ics", "nedlasting/2017/liste.txt"]
TARGETS = PAGES + ["kode/", "kode/JKA21/#historikk", "api/kode/JKA21.json", "endringer/2017/#ncsp-JKA21",
                   "kode/JKA210/", "ncsp/", "ncsp/J/#merknader", "nedlasting/2016/liste.txt"]


def test_known_links() -> None:
    assert link("kode/JKA21/", "kode/JKB30/") == "../JKB30/"
    assert link("kode/JKA21/", "api/kode/JKA21.json") == "../../api/kode/JKA21.json"
    assert link("kode/JKA21/", "kode/JKA21/#historikk") == "./#historikk"
    assert link("", "") == "./"
    assert link("kode/AB/", "kode/ABC/") == "../ABC/"
    assert link("endringer/feed.xml", "endringer/2017/") == "2017/"


def test_every_pair_agrees_with_the_segment_walk() -> None:
    for from_url, to_url in itertools.product(PAGES, TARGETS):
        assert link(from_url, to_url) == _by_segments(from_url, to_url), (from_url, to_url)


def test_random_urls_agree_with_the_segment_walk() -> None:
    rng = random.Random(11)
    names = ["a", "ab", "abc", "b", "kode", "A1", "x.json"]

    def url() -> str:
        parts = [rng.choice(names) for _ in range(rng.randint(0, 4))]
        return "/".join(parts) + rng.choice(["/", "", "/#top"]) if parts else rng.choice(["", "#top"])

    for _ in range(5000):
        from_url, to_url = url().partition("#")[0], url()
        assert link(from_url, to_url) == _by_segments(from_url, to_url), (from_url, to_url)
