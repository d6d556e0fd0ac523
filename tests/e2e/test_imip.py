"""iMIP (RFC 6047) end to end: invitations mailed to an SMTP server on loopback (aiosmtpd),
SCHEDULE-STATUS after sending, retry while the SMTP server is down, and mailed replies fed to
`almanac imip receive` the way an MTA pipes them.

These tests run their own `almanac serve` (with a config file that enables iMIP) and nginx on
the session's database; the organizer is frank@example.net, the user the inbound fixtures in
Tests/IMIPTests/Fixtures write to.
"""
import email
import os
import re
import subprocess
import threading
import time
from email import policy
from pathlib import Path

import pytest
from requests.auth import HTTPBasicAuth

import harness
from conftest import DAV

from aiosmtpd import controller as aiosmtpd_controller

FIXTURES = harness.ROOT / "Tests" / "IMIPTests" / "Fixtures"
SENDER = "calendar@almanac.test"
# The organizer the .eml fixtures reply to, and the UID they answer.
FRANK = ("frank", "frank-secret", "frank@example.net", "Frank Foster")
FIXTURE_UID = "adfe35a6-21c2-4c1d-9639-d1a1bfed4d87"


class SMTPSink:
    """An aiosmtpd server on a fixed loopback port that can be stopped and started again."""

    def __init__(self):
        self.port = harness.free_port()
        self.messages = []  # (mail_from, [rcpt], email.message.EmailMessage, raw bytes)
        self.lock = threading.Lock()
        self.controller = None
        self.start()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("reject"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode()
        parsed = email.message_from_bytes(raw, policy=policy.default)
        with self.lock:
            self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed, raw))
        return "250 OK"

    def start(self):
        self.controller = aiosmtpd_controller.Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def to(self, address):
        with self.lock:
            return [m for m in self.messages if address in m[1]]

    def wait_for(self, address, count=1, timeout=20, uid=None):
        def matching():
            found = self.to(address)
            if uid:
                found = [m for m in found if uid in calendar_text(m[2])]
            return found

        harness.wait_until(lambda: len(matching()) >= count, timeout, f"{count} mail(s) to {address}")
        return matching()


def calendar_text(message, kind="text/calendar"):
    for part in message.walk():
        if part.get_content_type() == kind:
            return part.get_content() if isinstance(part.get_content(), str) else part.get_content().decode()
    return ""


def unfold(text):
    return text.replace("\r\n ", "").replace("\n ", "")


def attendee_param(body, address, name):
    for line in unfold(body).splitlines():
        if line.startswith("ATTENDEE") and line.lower().endswith(":mailto:" + address.lower()):
            match = re.search(rf";{name}=([^;:]*)", line)
            return match.group(1) if match else None
    return None


@pytest.fixture(scope="module")
def smtp():
    sink = SMTPSink()
    yield sink
    try:
        sink.stop()
    except Exception:
        pass


@pytest.fixture(scope="module")
def imip_stack(e2e_dir, db_url, almanac_cli, smtp):
    """An iMIP-enabled `almanac serve` + nginx on the session database, with user frank."""
    name, password, address, display = FRANK
    if name not in almanac_cli("user", "list").stdout:
        almanac_cli("user", "add", name, "--password", password, "--email", address, "--display-name", display)
    directory = e2e_dir / "imip"
    directory.mkdir()
    directory.chmod(0o755)
    config = directory / "almanac.conf"
    config.write_text("\n".join([
        "imip.enabled = true",
        f"imip.sender = {SENDER}",
        "imip.sender-name-format = {name} via Almanac",
        "imip.default-language = en",
        f"smtp.url = smtp://127.0.0.1:{smtp.port}",
        "smtp.security = none",
        "imip.poll-interval = 0.3",
        "imip.retry-delays = 1,2",
        "imip.give-up-after = 600",
        "imip.max-per-hour = 1000",
        "imip.max-recipients = 20",
    ]) + "\n")
    responder = harness.Responder(directory, db_url, extra=["--config", str(config)])
    (directory / "nginx").mkdir()
    front = harness.Nginx(directory / "nginx", responder.socket)

    class Stack:
        base_url = front.base_url
        config_path = config
        log = directory / "almanac.log"

    yield Stack
    front.stop()
    assert responder.stop() == 0


@pytest.fixture
def frank(imip_stack):
    return DAV(imip_stack.base_url, HTTPBasicAuth(FRANK[0], FRANK[1]))


def event(uid, attendees, sequence=0, start="20270302T010000Z", end="20270302T020000Z", summary="Migration go/no-go"):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac e2e//EN", "BEGIN:VEVENT", f"UID:{uid}",
             "DTSTAMP:20261125T080000Z", f"SUMMARY:{summary}", f"DTSTART:{start}", f"DTEND:{end}",
             f"SEQUENCE:{sequence}", "LOCATION:Room Fuji / video bridge",
             "ORGANIZER;CN=Frank Foster:mailto:frank@example.net",
             "ATTENDEE;CN=Frank Foster;PARTSTAT=ACCEPTED:mailto:frank@example.net"]
    for attendee in attendees:
        lines.append(f"ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE{attendee}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def wait_for_status(client, path, address, wanted, timeout=20):
    harness.wait_until(lambda: attendee_param(client.get(path).text, address, "SCHEDULE-STATUS") == wanted, timeout,
                       f"SCHEDULE-STATUS {wanted} for {address}")


def receive(db_url, eml, *extra, env_extra=None):
    """Pipes a message into `almanac imip receive`; returns the CompletedProcess."""
    env = dict(os.environ, ALMANAC_DB_URL=db_url, ALMANAC_CONFIG="none", **(env_extra or {}))
    data = eml if isinstance(eml, bytes) else Path(eml).read_bytes()
    return subprocess.run([harness.almanac_binary(), "imip", "receive", *extra], input=data, env=env,
                          capture_output=True)


def test_invitation_is_mailed(frank, smtp, unique):
    uid = unique("imip-invite")
    path = f"/calendars/frank/default/{uid}.ics"
    body = event(uid, [";CN=Olga Outside:mailto:olga@external.test",
                       ";CN=Jürgen Außen;LANGUAGE=de:mailto:juergen@external.test",
                       ";CN=Bob Brown:mailto:bob@example.com"])
    put = frank.put(path, body, headers={"If-None-Match": "*"})
    assert put.status_code == 201, put.text
    stored = frank.get(path).text
    assert attendee_param(stored, "bob@example.com", "SCHEDULE-STATUS") == "1.2"
    assert attendee_param(stored, "olga@external.test", "SCHEDULE-STATUS") in ("1.0", "1.1")

    (mail_from, rcpts, message, raw), = smtp.wait_for("olga@external.test", uid=uid)
    assert mail_from == SENDER and rcpts == ["olga@external.test"]
    assert message["From"].addresses[0].addr_spec == SENDER
    assert message["From"].addresses[0].display_name == "Frank Foster via Almanac"
    assert message["Reply-To"].addresses[0].addr_spec == "frank@example.net"
    assert message["To"].addresses[0].addr_spec == "olga@external.test"
    assert message["Subject"].startswith("Invitation: Migration go/no-go")
    assert message["Message-ID"].startswith("<") and message["Message-ID"].endswith("@almanac.test>")
    assert message["Date"] and message["MIME-Version"] == "1.0"
    assert message["Auto-Submitted"] == "auto-generated"
    assert all(b < 128 for b in raw), "the message is 7-bit clean"
    # multipart/mixed( multipart/alternative(text/plain, text/html, text/calendar), application/ics )
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in alternative.get_payload()] == ["text/plain", "text/html", "text/calendar"]
    assert alternative.get_payload()[2].get_param("method") == "REQUEST"
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "invite.ics"
    ics = unfold(calendar_text(message))
    assert "METHOD:REQUEST" in ics and f"UID:{uid}" in ics and "SEQUENCE:0" in ics
    assert "Migration go/no-go" in alternative.get_payload()[0].get_content()
    assert "<html" in alternative.get_payload()[1].get_content().lower()

    # The attendee's LANGUAGE picks the template.
    (_, _, german, _), = smtp.wait_for("juergen@external.test", uid=uid)
    assert german["Subject"].startswith("Einladung")
    # Local attendees get no mail.
    assert smtp.to("bob@example.com") == []
    # After sending, the organizer's copy says 1.1 (sent) for both.
    wait_for_status(frank, path, "olga@external.test", "1.1")
    wait_for_status(frank, path, "juergen@external.test", "1.1")
    assert attendee_param(frank.get(path).text, "bob@example.com", "SCHEDULE-STATUS") == "1.2"

    # An update goes out as "Updated" with the new SEQUENCE.
    updated = event(uid, [";CN=Olga Outside:mailto:olga@external.test"], sequence=1, start="20270302T030000Z",
                    end="20270302T040000Z")
    assert frank.put(path, updated).status_code in (201, 204)
    mails = smtp.wait_for("olga@external.test", count=2, uid=uid)
    latest = mails[-1][2]
    assert latest["Subject"].startswith("Updated: ")
    assert "SEQUENCE:1" in unfold(calendar_text(latest))
    assert "What changed" in calendar_text(latest, "text/plain")
    # Removed attendees are told so.
    cancel = [m for m in smtp.wait_for("juergen@external.test", count=2, uid=uid)][-1][2]
    assert "METHOD:CANCEL" in unfold(calendar_text(cancel))


def test_smtp_down_then_back_sends_once(frank, smtp, unique, mariadb):
    uid = unique("imip-down")
    path = f"/calendars/frank/default/{uid}.ics"
    smtp.stop()
    try:
        assert frank.put(path, event(uid, [":mailto:dora@external.test"])).status_code == 201
        # The sender tries, fails and keeps the mail queued with a next attempt.
        harness.wait_until(
            lambda: mariadb.sql(f"SELECT attempts FROM almanac_mailqueue WHERE uid = '{uid}'",
                                "almanac_e2e").strip() not in ("", "0"), 20, "a failed attempt")
        assert attendee_param(frank.get(path).text, "dora@external.test", "SCHEDULE-STATUS") == "1.0"
    finally:
        smtp.start()
    smtp.wait_for("dora@external.test", uid=uid, timeout=30)
    wait_for_status(frank, path, "dora@external.test", "1.1")
    time.sleep(3)  # longer than the retry delays: nothing more may arrive
    assert len([m for m in smtp.to("dora@external.test") if uid in calendar_text(m[2])]) == 1
    assert mariadb.sql(f"SELECT COUNT(*) FROM almanac_mailqueue WHERE uid = '{uid}'", "almanac_e2e").strip() == "0"


def test_refused_recipient_gets_5_1(frank, smtp, unique, mariadb):
    """A 5xx answer is final: no retry, the mail leaves the queue, SCHEDULE-STATUS 5.1."""
    uid = unique("imip-reject")
    path = f"/calendars/frank/default/{uid}.ics"
    assert frank.put(path, event(uid, [":mailto:reject-me@external.test"])).status_code == 201
    wait_for_status(frank, path, "reject-me@external.test", "5.1")
    assert mariadb.sql(f"SELECT COUNT(*) FROM almanac_mailqueue WHERE uid = '{uid}'", "almanac_e2e").strip() == "0"
    assert smtp.to("reject-me@external.test") == []


def test_two_responders_send_each_mail_once(frank, smtp, unique, e2e_dir, db_url, imip_stack):
    """Two `almanac serve` on one database: each queued mail is claimed by one of them only."""
    directory = e2e_dir / "imip-second"
    directory.mkdir()
    directory.chmod(0o755)
    second = harness.Responder(directory, db_url, extra=["--config", str(imip_stack.config_path)])
    try:
        uids = [unique("imip-pair") for _ in range(8)]
        for uid in uids:
            attendees = [f":mailto:pair{n}@external.test" for n in range(3)]
            assert frank.put(f"/calendars/frank/default/{uid}.ics", event(uid, attendees)).status_code == 201
        for n in range(3):
            smtp.wait_for(f"pair{n}@external.test", count=len(uids))
        time.sleep(2)
        for n in range(3):
            got = [calendar_text(m[2]) for m in smtp.to(f"pair{n}@external.test")]
            for uid in uids:
                assert sum(uid in text for text in got) == 1, f"{uid} to pair{n}"
    finally:
        assert second.stop() == 0
    log = (directory / "almanac.log").read_text()
    assert "imip: mail sender started" in log


# --- inbound ---------------------------------------------------------------------------------

REPLIES = [
    # fixture, replying attendee, PARTSTAT it carries
    ("gmail-reply-accepted.eml", "grace@example.net", "ACCEPTED"),
    ("outlook-reply-declined.eml", "heidi@example.net", "DECLINED"),
    ("apple-reply-tentative.eml", "grace@example.net", "TENTATIVE"),
    ("thunderbird-reply-accepted.eml", "zed@example.com", "ACCEPTED"),
    ("octet-stream-latin1-reply.eml", "grace@example.net", "DECLINED"),
    ("delegate-reply-sent-by.eml", "grace@example.net", "ACCEPTED"),
]


def fresh_fixture_event(frank, smtp=None):
    """frank's event with the fixtures' UID, invited anew: grace, heidi, zed (external) and bob (local)."""
    path = f"/calendars/frank/default/{FIXTURE_UID}.ics"
    frank.delete(path)
    body = event(FIXTURE_UID, [";CN=Grace Garcia:mailto:grace@example.net", ";CN=Heidi Horvath:mailto:heidi@example.net",
                               ";CN=Zed External:mailto:zed@example.com", ";CN=Bob Brown:mailto:bob@example.com"])
    assert frank.put(path, body, headers={"If-None-Match": "*"}).status_code == 201
    # Let the mail sender stamp 1.1 first: the replies below then meet a settled copy.
    for address in ("grace@example.net", "heidi@example.net", "zed@example.com"):
        wait_for_status(frank, path, address, "1.1")
    return path


def inbox_replies(client, user, uid):
    listing = client.propfind(f"/calendars/{user}/inbox/", '<?xml version="1.0"?><D:propfind xmlns:D="DAV:">'
                              '<D:prop><D:getetag/></D:prop></D:propfind>', depth=1)
    hrefs = [h for h in re.findall(r"<d:href>([^<]+)</d:href>", listing.text) if not h.endswith("/inbox/")]
    return [b for b in (client.get(h).text for h in hrefs) if uid in unfold(b) and "METHOD:REPLY" in b]


@pytest.mark.parametrize("fixture,attendee,partstat", REPLIES)
def test_mailed_reply_updates_organizer_like_a_caldav_reply(fixture, attendee, partstat, frank, dav, db_url,
                                                           imip_stack):
    path = fresh_fixture_event(frank)
    before = frank.get(path)
    replies_before = len(inbox_replies(frank, "frank", FIXTURE_UID))

    # The same answer given by a local attendee over CalDAV, for comparison.
    bob = dav("bob")
    from test_scheduling import answer, find_copy
    href, body, etag = find_copy(bob, "bob", FIXTURE_UID)
    assert bob.put(href, answer(body, "bob", partstat), headers={"If-Match": etag}).status_code == 204

    result = receive(db_url, FIXTURES / fixture, "--recipient", "frank@example.net")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode().count("\n") == 1 and "applied REPLY" in result.stderr.decode()

    after = frank.get(path)
    stored = after.text
    assert attendee_param(stored, attendee, "PARTSTAT") == partstat
    assert attendee_param(stored, "bob@example.com", "PARTSTAT") == partstat
    # Exactly what a CalDAV reply leaves behind: same status code, RSVP cleared alike.
    assert (attendee_param(stored, attendee, "SCHEDULE-STATUS")
            == attendee_param(stored, "bob@example.com", "SCHEDULE-STATUS"))
    assert attendee_param(stored, attendee, "RSVP") == attendee_param(stored, "bob@example.com", "RSVP")
    # Schedule-Tag unchanged by replies (RFC 6638 §3.3), etag changed.
    assert after.headers.get("Schedule-Tag") == before.headers.get("Schedule-Tag")
    assert after.headers.get("ETag") != before.headers.get("ETag")
    # The reply landed in frank's inbox, next to bob's.
    assert len(inbox_replies(frank, "frank", FIXTURE_UID)) == replies_before + 2
    # The other (local) attendee's copy hears of the answer.
    assert attendee_param(find_copy(bob, "bob", FIXTURE_UID)[1], attendee, "PARTSTAT") == partstat


def build_reply(sender, attendee, organizer=True, uid=FIXTURE_UID, partstat="ACCEPTED"):
    calendar = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "METHOD:REPLY", "BEGIN:VEVENT",
                f"UID:{uid}", "DTSTAMP:20261125T100000Z", "SEQUENCE:0"]
    if organizer:
        calendar.append("ORGANIZER:mailto:frank@example.net")
    calendar += [f"ATTENDEE;PARTSTAT={partstat}:mailto:{attendee}", "END:VEVENT", "END:VCALENDAR"]
    body = "\r\n".join(calendar) + "\r\n"
    return ("\r\n".join([f"From: <{sender}>", "To: frank@example.net", "Subject: Accepted",
                         "MIME-Version: 1.0", "Content-Type: text/calendar; charset=UTF-8; method=REPLY", "",
                         body])).encode()


@pytest.mark.parametrize("case,expected", [
    ("spoofed-reply.eml", 65),
    ("malformed-calendar.eml", 65),
    ("no-calendar.eml", 65),
    ("no-from.eml", 65),
    ("reply-for-two.eml", 65),
    ("local-sender", 65),
    ("unknown-uid-without-organizer", 67),
    ("organizer-not-local", 67),
])
def test_rejected_mail_changes_nothing(case, expected, frank, db_url, mariadb, imip_stack):
    path = fresh_fixture_event(frank)
    if case == "local-sender":
        eml = build_reply("bob@example.com", "bob@example.com")  # local users never reply by mail
    elif case == "unknown-uid-without-organizer":
        eml = build_reply("grace@example.net", "grace@example.net", organizer=False, uid="no-such-uid-anywhere")
    elif case == "organizer-not-local":
        eml = build_reply("grace@example.net", "grace@example.net").replace(
            b"ORGANIZER:mailto:frank@example.net", b"ORGANIZER:mailto:someone@elsewhere.test")
    else:
        eml = (FIXTURES / case).read_bytes()
    before = frank.get(path)
    rows = mariadb.sql("SELECT COUNT(*) FROM schedulingobjects", "almanac_e2e")
    changes = mariadb.sql("SELECT COUNT(*) FROM calendarchanges", "almanac_e2e")
    result = receive(db_url, eml)
    assert result.returncode == expected, result.stderr.decode()
    assert result.stderr.decode().count("\n") == 1 and "rejected" in result.stderr.decode()
    after = frank.get(path)
    assert after.headers.get("ETag") == before.headers.get("ETag") and after.text == before.text
    assert mariadb.sql("SELECT COUNT(*) FROM schedulingobjects", "almanac_e2e") == rows
    assert mariadb.sql("SELECT COUNT(*) FROM calendarchanges", "almanac_e2e") == changes


def test_database_unavailable_is_tempfail(e2e_dir):
    eml = FIXTURES / "gmail-reply-accepted.eml"
    result = receive(f"mysql://root@localhost/almanac_e2e?socket={e2e_dir}/no-such.sock", eml)
    assert result.returncode == 75, result.stderr.decode()


def test_external_request_answer_then_cancel(frank, db_url, smtp, imip_stack):
    """A REQUEST from an outside organizer lands in frank's inbox and calendar; frank's answer is
    mailed back as a REPLY; the organizer's CANCEL removes the event."""
    from test_scheduling import answer, find_copy
    google_uid = "7kq2v9r0b1c2d3e4f5g6h7i8j9@google.com"
    result = receive(db_url, FIXTURES / "gmail-request-external.eml", "--recipient", "frank@example.net")
    assert result.returncode == 0, result.stderr.decode()
    copy = find_copy(frank, "frank", google_uid)
    assert copy is not None and "olivia@gmail.example" in unfold(copy[1])

    # frank accepts in his client: the REPLY goes to olivia by mail, from frank's name.
    accepted = re.sub(r"(ATTENDEE[^\r\n]*?)PARTSTAT=NEEDS-ACTION([^\r\n]*:mailto:frank@example\.net)",
                      r"\1PARTSTAT=ACCEPTED\2", unfold(copy[1]))
    assert "PARTSTAT=ACCEPTED" in accepted
    assert frank.put(copy[0], accepted, headers={"If-Match": copy[2]}).status_code in (201, 204)
    (_, rcpts, reply, _), = smtp.wait_for("olivia@gmail.example", uid=google_uid)
    assert reply["Subject"].startswith("Accepted: ")
    assert reply["Reply-To"].addresses[0].addr_spec == "frank@example.net"
    ics = unfold(calendar_text(reply))
    assert "METHOD:REPLY" in ics and "PARTSTAT=ACCEPTED" in ics
    # The ORGANIZER line of frank's copy records the sending.
    harness.wait_until(lambda: re.search(r"ORGANIZER[^\n]*SCHEDULE-STATUS=1\.1",
                                         unfold(frank.get(copy[0]).text)) is not None, 20, "1.1 on ORGANIZER")
    copy = find_copy(frank, "frank", google_uid)
    # A forged request in the organizer's name is refused and leaves the copy alone.
    spoofed = receive(db_url, FIXTURES / "spoofed-request.eml")
    assert spoofed.returncode == 65
    assert find_copy(frank, "frank", "7kq2v9r0b1c2d3e4f5g6h7i8j9@google.com")[2] == copy[2]
    result = receive(db_url, FIXTURES / "gmail-cancel-external.eml")
    assert result.returncode == 0, result.stderr.decode()
    after = find_copy(frank, "frank", "7kq2v9r0b1c2d3e4f5g6h7i8j9@google.com")
    assert after is None or "STATUS:CANCELLED" in unfold(after[1])
