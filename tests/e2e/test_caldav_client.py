"""The python `caldav` library (a real client) against the nginx front."""
import datetime

import caldav
import pytest

from conftest import USERS


@pytest.fixture
def principal(base_url):
    client = caldav.DAVClient(url=base_url + "/", username="carol", password=USERS["carol"][0])
    return client.principal()


def test_discovery_finds_the_default_calendar(principal):
    names = [calendar.url.path for calendar in principal.calendars()]
    assert "/calendars/carol/default/" in names


def test_calendar_create_event_save_load_delete_and_sync(principal, unique):
    name = unique("cal")
    calendar = principal.make_calendar(name=name, cal_id=name)
    try:
        start = datetime.datetime(2027, 3, 1, 10, 0, tzinfo=datetime.timezone.utc)
        event = calendar.save_event(
            dtstart=start, dtend=start + datetime.timedelta(hours=1), summary="Client test", uid=unique("uid"))
        events = calendar.events()
        assert len(events) == 1
        loaded = calendar.event_by_uid(event.icalendar_component["uid"])
        assert "Client test" in loaded.data
        sync = calendar.objects_by_sync_token(load_objects=False)
        token = sync.sync_token
        second = calendar.save_event(
            dtstart=start, dtend=start + datetime.timedelta(hours=2), summary="Second", uid=unique("uid"))
        changed = calendar.objects_by_sync_token(sync_token=token, load_objects=False)
        assert [str(obj.url.path) for obj in changed] == [str(second.url.path)]
        event.delete()
        assert len(calendar.events()) == 1
    finally:
        calendar.delete()
