"""The chat network in words, at a frozen time: who can be reached now, the service asked about
first, when the closed ones open, and the helplines day and night."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from common.contact_channels import OSLO, read_channels
from common.network import network_listing, network_text

CHANNELS = read_channels()
MONDAY = datetime(2026, 11, 30, 0, 30, tzinfo=OSLO)


@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_the_helplines_that_never_close_are_there_at_every_hour_of_the_week(lang):
    for hours in range(0, 7 * 24):
        text = network_text(CHANNELS, MONDAY + timedelta(hours=hours), lang, "skatteetaten")
        assert "116 123" in text and "116 111" in text, (hours, text)


def test_the_service_asked_about_comes_first_when_it_is_open():
    text = network_text(CHANNELS, datetime(2026, 11, 30, 13, 0, tzinfo=OSLO), "nb", "ros")
    lines = text.splitlines()
    assert lines[0] == "Disse kan du kontakte:"
    assert lines[1].startswith("• ROS") and "åpent nå" in lines[1]
    # Its hours come from a dated source: the young person is told to check them.
    assert "sjekk nettsiden" in lines[1]


def test_a_closed_service_says_when_it_opens():
    # Saturday 23:50: Kors på halsen's chat opens tomorrow at 14, ROS on Monday at 9.
    text = network_text(CHANNELS, datetime(2026, 12, 5, 23, 50, tzinfo=OSLO), "nb", "ros")
    assert "åpner i morgen kl. 14:00" in text and "åpner mandag kl. 09:00" in text
    english = network_text(CHANNELS, datetime(2026, 12, 5, 23, 50, tzinfo=OSLO), "en", "ros")
    assert "opens tomorrow at 14:00" in english and "opens on Monday at 09:00" in english


def test_free_and_anonymous_are_said_only_where_the_catalogue_says_so():
    text = network_text(CHANNELS, datetime(2026, 12, 1, 3, 0, tzinfo=OSLO), "nb", None)
    alarm = next(line for line in text.splitlines() if "116 111" in line)
    sos = next(line for line in text.splitlines() if "Kirkens SOS" in line)
    assert "gratis og anonymt" in alarm and "gratis" not in sos


def test_one_line_per_service_at_most_five():
    text = network_text(CHANNELS, datetime(2026, 11, 30, 15, 0, tzinfo=OSLO), "nb", "kors-pa-halsen")
    lines = text.splitlines()[1:]
    assert len(lines) <= 5 and sum("Kors på halsen" in line for line in lines) == 1


def test_a_named_service_leads_even_when_it_is_closed():
    night = datetime(2026, 12, 1, 3, 0, tzinfo=OSLO)
    assert network_text(CHANNELS, night, "nb", "kors-pa-halsen").splitlines()[1].startswith("• Alarmtelefonen")
    led = network_text(CHANNELS, night, "nb", "kors-pa-halsen", lead=True).splitlines()[1]
    assert led.startswith("• Kors på halsen") and "åpner kl. 14:00" in led


def test_the_services_listed_are_the_lines_of_the_text_in_order():
    at = datetime(2026, 12, 5, 23, 50, tzinfo=OSLO)
    for service, lead in ((None, False), ("ros", False), ("ros", True)):
        listing = network_listing(CHANNELS, at, "nb", service, lead=lead)
        services, lines = listing.services, listing.text.splitlines()[1:]
        assert listing.text == network_text(CHANNELS, at, "nb", service, lead=lead)
        assert len(services) == len(lines) == len(set(services)) and services
    # with lead, the named service comes first whether open or not
    assert network_listing(CHANNELS, at, "nb", "ros", lead=True).services[0] == "ros"
