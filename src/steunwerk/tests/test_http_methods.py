"""Every page answers only the methods it serves: PUT, PATCH and DELETE get 405, never the GET answer (issue 14)."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

STAND_IN = {IntConverter: "1"}


def every_url(patterns=None, prefix=""):
    """(route name, URL) of every route, its arguments filled with stand-ins (1 for a number, "x" otherwise)."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = str(entry.pattern)
        for name, converter in getattr(entry.pattern, "converters", {}).items():
            route = re.sub(rf"<(?:\w+:)?{name}>", STAND_IN.get(type(converter), "x"), route)
        if isinstance(entry, URLResolver):
            yield from every_url(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield entry.name, "/" + (prefix + route).lstrip("^").rstrip("$")


def test_the_route_list_covers_the_pages():
    names = {name for name, _url in every_url()}
    assert {"caseload", "trajectory", "profile", "triage", "report", "login"} <= names


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_no_page_treats_another_method_as_a_get(world, login, method):
    signed_in, anonymous = login(world.professional), Client()
    answered = {
        # The sign-in page sends a signed-in user on to their work whatever the method: ask it as a visitor.
        url: getattr(anonymous if name == "login" else signed_in, method)(url).status_code
        for name, url in every_url()
    }
    assert {url: status for url, status in answered.items() if status != 405} == {}


def test_a_page_that_only_shows_refuses_a_post(world, login):
    browser = login(world.professional)
    assert browser.post("/ping/").status_code == 405
    assert browser.post(f"/trajecten/{world.own_trajectory.pk}/").status_code == 405
