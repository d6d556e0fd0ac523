# Writes the hand-made recurring / VTODO / RFC 5546 scenarios (inputs only; expectations are
# recorded with ITIP_RECORD=1 and reviewed by hand). The sabre-* scenarios were cut from
# ../../shared/fixtures/sabre-4.7.1-public/transcript.jsonl by hand.
import os
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'Scenarios')
TZ = """BEGIN:VTIMEZONE
TZID:Asia/Tokyo
BEGIN:STANDARD
TZOFFSETFROM:+0900
TZOFFSETTO:+0900
TZNAME:JST
DTSTART:19700101T000000
END:STANDARD
END:VTIMEZONE
"""
A = 'mailto:alice@example.org'
def cal(*comps, tz=True):
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Scenario//EN\n" + (TZ if tz else "") + "".join(comps) + "END:VCALENDAR\n"
def att(who, ps='NEEDS-ACTION', extra=''):
    rsvp = ';RSVP=TRUE' if ps == 'NEEDS-ACTION' else ''
    return f"ATTENDEE;CN={who.capitalize()};PARTSTAT={ps}{rsvp}{extra}:mailto:{who}@example.org\n"
def master(atts, extra='', seq=0, summary='Weekly sync'):
    return ("BEGIN:VEVENT\nUID:series-1@example.org\nDTSTAMP:20270101T000000Z\n"
            "DTSTART;TZID=Asia/Tokyo:20270104T090000\nDTEND;TZID=Asia/Tokyo:20270104T093000\n"
            f"RRULE:FREQ=WEEKLY;COUNT=10\nSUMMARY:{summary}\nSEQUENCE:{seq}\n" + extra +
            "ORGANIZER;CN=Alice:mailto:alice@example.org\n" + "".join(atts) + "END:VEVENT\n")
def override(rid, atts, start=None, summary='Weekly sync (long)', extra='', seq=0, end=None):
    start = start or rid
    end = end or start[:11] + '30' + start[13:]
    return ("BEGIN:VEVENT\nUID:series-1@example.org\nDTSTAMP:20270101T000000Z\n"
            f"RECURRENCE-ID;TZID=Asia/Tokyo:{rid}\nDTSTART;TZID=Asia/Tokyo:{start}\nDTEND;TZID=Asia/Tokyo:{end}\n"
            f"SUMMARY:{summary}\nSEQUENCE:{seq}\n" + extra + "ORGANIZER;CN=Alice:mailto:alice@example.org\n" + "".join(atts) + "END:VEVENT\n")
def scenario(name, lines, **files):
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    for f, body in files.items():
        open(os.path.join(d, f.replace('_', '.')), 'w').write(body.replace('\n', '\r\n'))
    old = [l for l in open(os.path.join(d, 'scenario.txt'))] if os.path.exists(os.path.join(d, 'scenario.txt')) else []
    expects = [l.rstrip('\n') for l in old if l.startswith('expect') and l.rstrip('\n') not in lines]
    open(os.path.join(d, 'scenario.txt'), 'w').write('\n'.join(lines + expects) + '\n')

MASTER_ATTS = [att('alice', 'ACCEPTED'), att('bob'), att('carol')]
OVR_ATTS = MASTER_ATTS + [att('dave')]
R = '20270118T090000'
SERIES = cal(master(MASTER_ATTS), override(R, OVR_ATTS, start='20270118T100000'))

scenario('rec-invite', ['# alice creates a weekly series; the 18 Jan instance is moved and dave joins only that one:',
    '# bob and carol get the series with the instance, dave only the instance.',
    'kind: plan', 'actor: ' + A, 'old: -', 'new: new.ics'], new_ics=SERIES)
scenario('rec-exdate-cancels-instance', ['# alice adds an EXDATE for 11 Jan: a per-instance CANCEL (RECURRENCE-ID) to bob and carol, nothing else.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES,
    new_ics=cal(master(MASTER_ATTS, extra='EXDATE;TZID=Asia/Tokyo:20270111T090000\n'), override(R, OVR_ATTS, start='20270118T100000')))
scenario('rec-override-status-cancelled', ['# alice sets STATUS:CANCELLED on the 18 Jan override: per-instance CANCEL to bob, carol and dave.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES,
    new_ics=cal(master(MASTER_ATTS), override(R, OVR_ATTS, start='20270118T100000', extra='STATUS:CANCELLED\n', seq=1)))
scenario('rec-instance-only-change', ['# alice renames only the 18 Jan instance: a REQUEST with only that instance to its attendees.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES,
    new_ics=cal(master(MASTER_ATTS), override(R, OVR_ATTS, start='20270118T100000', summary='Weekly sync (planning)')))
scenario('rec-attendee-added-to-instance', ['# alice overrides 25 Jan and adds erin to it only: erin gets only that instance,',
    '# bob and carol get the new instance alone.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES,
    new_ics=cal(master(MASTER_ATTS), override(R, OVR_ATTS, start='20270118T100000'),
                override('20270125T090000', MASTER_ATTS + [att('erin')], summary='Weekly sync')))
scenario('rec-attendee-removed-from-instance', ['# alice removes carol from the 18 Jan instance: carol gets a CANCEL for it,',
    '# bob and dave get that instance with the new attendee list.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES,
    new_ics=cal(master(MASTER_ATTS), override(R, [att('alice', 'ACCEPTED'), att('bob'), att('dave')], start='20270118T100000')))
scenario('rec-attendee-removed', ['# alice removes carol everywhere: carol gets a CANCEL of the whole series;',
    '# bob gets the updated series, dave the updated instance.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob')]), override(R, [att('alice', 'ACCEPTED'), att('bob'), att('dave')], start='20270118T100000')))
scenario('rec-organizer-deletes', ['# alice DELETEs the series: CANCEL of the whole series to bob and carol,',
    '# a per-instance CANCEL to dave, SEQUENCE one higher.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: -'], old_ics=SERIES)

BOB = 'mailto:bob@example.org'
BOB_COPY = cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')]),
               override(R, [att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol'), att('dave')], start='20270118T100000'))
ORG_ACCEPTED = BOB_COPY
scenario('rec-attendee-declines-one-instance', ['# bob declines 11 Jan, an instance nobody overrode: his client adds an override;',
    '# the REPLY carries only that instance (RECURRENCE-ID) and only bob.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics'], old_ics=BOB_COPY,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')]),
                override(R, [att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol'), att('dave')], start='20270118T100000'),
                override('20270111T090000', [att('alice', 'ACCEPTED'), att('bob', 'DECLINED'), att('carol')], summary='Weekly sync')))
REPLY_11 = cal("""BEGIN:VEVENT
UID:series-1@example.org
DTSTAMP:20270102T000000Z
SEQUENCE:0
RECURRENCE-ID;TZID=Asia/Tokyo:20270111T090000
DTSTART;TZID=Asia/Tokyo:20270111T090000
DTEND;TZID=Asia/Tokyo:20270111T093000
ORGANIZER;CN=Alice:mailto:alice@example.org
ATTENDEE;CN=Bob;PARTSTAT=DECLINED:mailto:bob@example.org
END:VEVENT
""").replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REPLY\n')
scenario('rec-apply-instance-reply', ['# bob\'s REPLY for 11 Jan reaches alice: her copy gets a new override derived from the master',
    '# with bob DECLINED (SCHEDULE-STATUS 2.0); carol gets that instance as a refresh; the tag stays.',
    'kind: apply-reply', 'actor: ' + A, 'old: old.ics', 'message: message.ics'], old_ics=ORG_ACCEPTED, message_ics=REPLY_11)
scenario('rec-attendee-deletes-series', ['# THE SABRE FAULT: bob deletes his copy of a series with an overridden instance.',
    '# The REPLY declines the master and the override, each once, each with PARTSTAT=DECLINED.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: -'], old_ics=BOB_COPY)
REPLY_ALL = cal("""BEGIN:VEVENT
UID:series-1@example.org
DTSTAMP:20270102T000000Z
SEQUENCE:0
DTSTART;TZID=Asia/Tokyo:20270104T090000
DTEND;TZID=Asia/Tokyo:20270104T093000
ORGANIZER;CN=Alice:mailto:alice@example.org
ATTENDEE;CN=Bob;PARTSTAT=DECLINED:mailto:bob@example.org
END:VEVENT
BEGIN:VEVENT
UID:series-1@example.org
DTSTAMP:20270102T000000Z
SEQUENCE:0
RECURRENCE-ID;TZID=Asia/Tokyo:20270118T090000
DTSTART;TZID=Asia/Tokyo:20270118T100000
DTEND;TZID=Asia/Tokyo:20270118T103000
ORGANIZER;CN=Alice:mailto:alice@example.org
ATTENDEE;CN=Bob;PARTSTAT=DECLINED:mailto:bob@example.org
END:VEVENT
""").replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REPLY\n')
scenario('rec-apply-series-decline', ['# THE SABRE FAULT, organizer side: bob\'s decline of master and override is applied',
    '# to both existing components: no empty PARTSTAT, no duplicated instance.',
    'kind: apply-reply', 'actor: ' + A, 'old: old.ics', 'message: message.ics'], old_ics=ORG_ACCEPTED, message_ics=REPLY_ALL)
scenario('rec-attendee-exdate-declines', ['# bob deletes the 1 Feb instance in his client (EXDATE): a REPLY declining that instance.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics'], old_ics=BOB_COPY,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')], extra='EXDATE;TZID=Asia/Tokyo:20270201T090000\n'),
                override(R, [att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol'), att('dave')], start='20270118T100000')))
ALARM = "BEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Sync\nTRIGGER:-PT10M\nEND:VALARM\n"
BOB_COPY_ALARM = cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')]).replace('END:VEVENT', ALARM + 'END:VEVENT'),
               override(R, [att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol'), att('dave')], start='20270118T100000').replace('END:VEVENT', ALARM + 'END:VEVENT'))
INSTANCE_REQ = cal(override(R, [att('alice', 'ACCEPTED'), att('bob'), att('carol', 'TENTATIVE'), att('dave')], start='20270118T100000', summary='Weekly sync (planning)', seq=0)).replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n')
scenario('rec-apply-instance-request', ['# a per-instance REQUEST (18 Jan renamed) merges into bob\'s series: the other',
    '# components stay, bob keeps his ACCEPTED (no time change) and his alarm.',
    'kind: apply-request', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'], old_ics=BOB_COPY_ALARM, message_ics=INSTANCE_REQ)
CANCEL_11 = cal("""BEGIN:VEVENT
UID:series-1@example.org
DTSTAMP:20270102T000000Z
SEQUENCE:0
RECURRENCE-ID;TZID=Asia/Tokyo:20270111T090000
DTSTART;TZID=Asia/Tokyo:20270111T090000
ORGANIZER;CN=Alice:mailto:alice@example.org
ATTENDEE;CN=Bob:mailto:bob@example.org
STATUS:CANCELLED
END:VEVENT
""").replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:CANCEL\n')
scenario('rec-apply-instance-cancel', ['# a per-instance CANCEL for 11 Jan: bob\'s copy gets an EXDATE, the rest stays.',
    'kind: apply-cancel', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'], old_ics=BOB_COPY, message_ics=CANCEL_11)
CANCEL_18 = CANCEL_11.replace('20270111T090000\nDTSTART;TZID=Asia/Tokyo:20270111T090000', '20270118T090000\nDTSTART;TZID=Asia/Tokyo:20270118T100000')
scenario('rec-apply-override-cancel', ['# a per-instance CANCEL for the overridden 18 Jan: the override goes, the master gets an EXDATE.',
    'kind: apply-cancel', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'], old_ics=BOB_COPY, message_ics=CANCEL_18)
CANCEL_ALL = CANCEL_11.replace('RECURRENCE-ID;TZID=Asia/Tokyo:20270111T090000\nDTSTART;TZID=Asia/Tokyo:20270111T090000\n', 'DTSTART;TZID=Asia/Tokyo:20270104T090000\n').replace('SEQUENCE:0', 'SEQUENCE:1')
scenario('rec-apply-cancel-whole', ['# a CANCEL without RECURRENCE-ID deletes bob\'s copy.',
    'kind: apply-cancel', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'], old_ics=BOB_COPY, message_ics=CANCEL_ALL)
STALE = CANCEL_ALL.replace('SEQUENCE:1', 'SEQUENCE:0')
scenario('rec-apply-stale-request', ['# a REQUEST with a lower SEQUENCE than bob\'s copy is ignored.',
    'kind: apply-request', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'],
    old_ics=BOB_COPY.replace('SEQUENCE:0', 'SEQUENCE:3'), message_ics=INSTANCE_REQ)
scenario('err-attendee-changes-summary', ['# bob changes the SUMMARY of his copy: 403 allowed-attendee-scheduling-object-change.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics',
    'expect-error: allowed-attendee-scheduling-object-change'], old_ics=BOB_COPY, new_ics=BOB_COPY.replace('SUMMARY:Weekly sync\n', 'SUMMARY:My own title\n'))
scenario('err-attendee-moves-instance', ['# bob moves one instance in his copy: 403 allowed-attendee-scheduling-object-change.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics',
    'expect-error: allowed-attendee-scheduling-object-change'], old_ics=BOB_COPY,
    new_ics=BOB_COPY.replace('END:VCALENDAR', override('20270111T090000', [att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')], start='20270111T110000', summary='Weekly sync') + 'END:VCALENDAR'))
scenario('err-organizer-differs', ['# the override names another ORGANIZER: 403 same-organizer-in-all-components.',
    'kind: plan', 'actor: ' + A, 'old: -', 'new: new.ics', 'expect-error: same-organizer-in-all-components'],
    new_ics=cal(master(MASTER_ATTS), override(R, OVR_ATTS, start='20270118T100000').replace('ORGANIZER;CN=Alice:mailto:alice@', 'ORGANIZER;CN=Mallory:mailto:mallory@')))
scenario('err-organizer-replaced', ['# alice hands the ORGANIZER to mallory in her stored copy: 403 allowed-organizer-scheduling-object-change.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics', 'expect-error: allowed-organizer-scheduling-object-change'],
    old_ics=SERIES, new_ics=SERIES.replace('ORGANIZER;CN=Alice:mailto:alice@', 'ORGANIZER;CN=Mallory:mailto:mallory@'))
scenario('agent-client-and-none', ['# carol is SCHEDULE-AGENT=CLIENT, dave NONE: only bob gets a REQUEST from the server.',
    'kind: plan', 'actor: ' + A, 'old: -', 'new: new.ics'],
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol', extra=';SCHEDULE-AGENT=CLIENT'), att('dave', extra=';SCHEDULE-AGENT=NONE')])))
scenario('agent-server-to-client', ['# carol switches from SERVER to CLIENT: RFC 6638 §3.2.1.2 table says CANCEL for her.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master(MASTER_ATTS)), new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol', extra=';SCHEDULE-AGENT=CLIENT')])))
scenario('force-send-request', ['# nothing changed but bob carries SCHEDULE-FORCE-SEND=REQUEST: only bob gets a REQUEST,',
    '# and the parameter is not stored.', 'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master(MASTER_ATTS)), new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', extra=';SCHEDULE-FORCE-SEND=REQUEST'), att('carol')])))
scenario('force-send-reply', ['# bob re-sends his answer with SCHEDULE-FORCE-SEND=REPLY on ORGANIZER although nothing changed.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')])),
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')]).replace('ORGANIZER;CN=Alice:', 'ORGANIZER;CN=Alice;SCHEDULE-FORCE-SEND=REPLY:')))
scenario('organizer-own-answer-only', ['# alice only changes her own PARTSTAT: nobody else\'s answer is reset, no message.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')])),
    new_ics=cal(master([att('alice', 'TENTATIVE'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')])))
scenario('organizer-summary-change', ['# alice renames the series: REQUEST "update" to bob and carol; their answers stand.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')])),
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')], summary='Weekly sync (new room)')))
scenario('attendee-stale-copy', ['# bob\'s client still shows carol NEEDS-ACTION although she accepted meanwhile: bob\'s own',
    '# answer is taken, carol\'s stored answer is kept, no 403.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol', 'ACCEPTED')])),
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'TENTATIVE'), att('carol')])))
scenario('apply-request-refresh', ['# a refresh (only carol\'s answer changed) updates bob\'s copy but not its Schedule-Tag.',
    'kind: apply-request', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')])),
    message_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')])).replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n'))
scenario('apply-request-reschedule', ['# a reschedule REQUEST (new time, SEQUENCE 1): bob\'s answer is replaced by the request\'s NEEDS-ACTION.',
    'kind: apply-request', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')])),
    message_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol')], seq=1).replace('20270104T09', '20270105T09')).replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n'))

# VTODO
O = 'mailto:olivia@example.org'
def todo(atts, extra='', seq=0):
    return ("BEGIN:VTODO\nUID:task-1@example.org\nDTSTAMP:20270101T000000Z\nDTSTART:20270110T090000Z\nDUE:20270115T170000Z\n"
            f"SUMMARY:Write the migration report\nSEQUENCE:{seq}\nSTATUS:NEEDS-ACTION\n" + extra +
            "ORGANIZER;CN=Olivia:mailto:olivia@example.org\n" + "".join(atts) + "END:VTODO\n")
TASK = cal(todo([att('pat')]), tz=False)
scenario('todo-assign', ['# olivia assigns a task to pat: a VTODO REQUEST (RFC 5546 §3.4.2).',
    'kind: plan', 'actor: ' + O, 'old: -', 'new: new.ics'], new_ics=TASK)
PAT_COPY = cal(todo([att('pat', 'ACCEPTED')]), tz=False)
scenario('todo-complete', ['# pat completes the task in his copy: a REPLY with PARTSTAT=COMPLETED, PERCENT-COMPLETE',
    '# and COMPLETED (RFC 5546 §3.4.3); his copy records PARTSTAT=COMPLETED.',
    'kind: plan', 'actor: mailto:pat@example.org', 'old: old.ics', 'new: new.ics'], old_ics=PAT_COPY,
    new_ics=PAT_COPY.replace('STATUS:NEEDS-ACTION\n', 'STATUS:COMPLETED\nPERCENT-COMPLETE:100\nCOMPLETED:20270112T080000Z\n'))
TODO_REPLY = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Scenario//EN\nMETHOD:REPLY\nBEGIN:VTODO\nUID:task-1@example.org\n"
    "DTSTAMP:20270112T080000Z\nSEQUENCE:0\nORGANIZER;CN=Olivia:mailto:olivia@example.org\n"
    "ATTENDEE;CN=Pat;PARTSTAT=COMPLETED:mailto:pat@example.org\nPERCENT-COMPLETE:100\nCOMPLETED:20270112T080000Z\nEND:VTODO\nEND:VCALENDAR\n")
scenario('todo-apply-completion', ['# pat\'s COMPLETED reply reaches olivia: her task is COMPLETED, 100 %, with pat\'s COMPLETED time.',
    'kind: apply-reply', 'actor: ' + O, 'now: 20270112T090000Z', 'old: old.ics', 'message: message.ics'],
    old_ics=cal(todo([att('pat', 'ACCEPTED', ';SCHEDULE-STATUS=1.2')]), tz=False), message_ics=TODO_REPLY)

# RFC 5546 §4.2 group event examples (A organizes, B, C and room D attend)
def ev(atts, extra='', seq=0, start='19970701T200000Z', end='19970701T210000Z'):
    return ("BEGIN:VEVENT\nUID:calsrv.example.com-873970198738777@example.com\nDTSTAMP:19970611T190000Z\n"
            f"DTSTART:{start}\nDTEND:{end}\nSUMMARY:Conference\nSEQUENCE:{seq}\n" + extra +
            "ORGANIZER:mailto:a@example.com\n" + "".join(atts) + "END:VEVENT\n")
RA = 'mailto:a@example.com'
def ra(who, ps='NEEDS-ACTION', role='REQ-PARTICIPANT', cu=''):
    r = ';RSVP=TRUE' if ps == 'NEEDS-ACTION' else ''
    return f"ATTENDEE;ROLE={role};PARTSTAT={ps}{r}{cu}:mailto:{who}@example.com\n"
GROUP = [ra('a', 'ACCEPTED', 'CHAIR'), ra('b'), ra('c'), ra('d', cu=';CUTYPE=ROOM')]
scenario('rfc5546-4.2.1-group-request', ['# RFC 5546 §4.2.1: A invites B, C and room D: three REQUESTs.',
    'kind: plan', 'actor: ' + RA, 'old: -', 'new: new.ics'], new_ics=cal(ev(GROUP), tz=False))
scenario('rfc5546-4.2.2-reply', ['# RFC 5546 §4.2.2: B accepts.',
    'kind: plan', 'actor: mailto:b@example.com', 'old: old.ics', 'new: new.ics'],
    old_ics=cal(ev(GROUP), tz=False), new_ics=cal(ev([ra('a', 'ACCEPTED', 'CHAIR'), ra('b', 'ACCEPTED'), ra('c'), ra('d', cu=';CUTYPE=ROOM')]), tz=False))
GROUP2 = [ra('a', 'ACCEPTED', 'CHAIR'), ra('b', 'ACCEPTED'), ra('c', 'ACCEPTED'), ra('d', 'ACCEPTED', cu=';CUTYPE=ROOM')]
scenario('rfc5546-4.2.3-update', ['# RFC 5546 §4.2.3: A moves the conference to 21:00-22:00; the client did not bump SEQUENCE:',
    '# the server makes it 1 and asks everybody again.',
    'kind: plan', 'actor: ' + RA, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(ev(GROUP2), tz=False), new_ics=cal(ev(GROUP2, start='19970701T210000Z', end='19970701T220000Z'), tz=False))
scenario('rfc5546-4.2.9-cancel', ['# RFC 5546 §4.2.9: A cancels the whole event (STATUS:CANCELLED, SEQUENCE 1): a CANCEL to everybody.',
    'kind: plan', 'actor: ' + RA, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(ev(GROUP2), tz=False), new_ics=cal(ev(GROUP2, extra='STATUS:CANCELLED\n', seq=1), tz=False))
scenario('rfc5546-4.2.8-remove-attendee', ['# RFC 5546 §4.2.8 spirit: A removes C: C gets a CANCEL, B and D get the new attendee list.',
    'kind: plan', 'actor: ' + RA, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(ev(GROUP2), tz=False), new_ics=cal(ev([ra('a', 'ACCEPTED', 'CHAIR'), ra('b', 'ACCEPTED'), ra('d', 'ACCEPTED', cu=';CUTYPE=ROOM')]), tz=False))

scenario('todo-progress', ['# pat starts the task (STATUS:IN-PROCESS, 40 %): a REPLY with PARTSTAT=IN-PROCESS and PERCENT-COMPLETE.',
    'kind: plan', 'actor: mailto:pat@example.org', 'old: old.ics', 'new: new.ics'], old_ics=PAT_COPY,
    new_ics=PAT_COPY.replace('STATUS:NEEDS-ACTION\n', 'STATUS:IN-PROCESS\nPERCENT-COMPLETE:40\n'))
PAT_STARTED = PAT_COPY.replace('STATUS:NEEDS-ACTION\n', 'STATUS:IN-PROCESS\nPERCENT-COMPLETE:40\n').replace('PARTSTAT=ACCEPTED', 'PARTSTAT=IN-PROCESS')
scenario('todo-percent-only', ['# pat moves from 40 % to 80 %: same PARTSTAT, still a REPLY carrying the progress.',
    'kind: plan', 'actor: mailto:pat@example.org', 'old: old.ics', 'new: new.ics'], old_ics=PAT_STARTED,
    new_ics=PAT_STARTED.replace('PERCENT-COMPLETE:40', 'PERCENT-COMPLETE:80'))
scenario('todo-assignee-changes-due', ['# pat moves the DUE date of the task: that is the organizer\'s, 403.',
    'kind: plan', 'actor: mailto:pat@example.org', 'old: old.ics', 'new: new.ics',
    'expect-error: allowed-attendee-scheduling-object-change'], old_ics=PAT_COPY, new_ics=PAT_COPY.replace('DUE:20270115T170000Z', 'DUE:20270120T170000Z'))

ACCEPTED_SERIES = cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')]))
scenario('organizer-bookkeeping-only', ['# Thunderbird bumps X-MOZ-GENERATION and alice changes TRANSP: nothing for attendees.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=ACCEPTED_SERIES,
    new_ics=ACCEPTED_SERIES.replace('SEQUENCE:0\n', 'SEQUENCE:0\nX-MOZ-GENERATION:3\nTRANSP:TRANSPARENT\n'))
scenario('organizer-adds-attendee', ['# alice adds erin to the series: erin gets "new", bob and carol an "update" with answers kept.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=ACCEPTED_SERIES,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED'), att('erin')])))
scenario('organizer-moves-one-instance', ['# alice moves 25 Jan to 11:00; her client copies the answers into the new override:',
    '# they are reset there only (SEQUENCE 1), and a per-instance reschedule REQUEST goes to bob and carol.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=ACCEPTED_SERIES,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')]),
                override('20270125T090000', [att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol', 'DECLINED')], start='20270125T110000', summary='Weekly sync')))
scenario('organizer-reverts-instance', ['# alice removes the 18 Jan override: the instance is the master\'s again, bob and carol get the whole series,',
    '# dave (invited to that instance only) gets a CANCEL for it.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=SERIES, new_ics=cal(master(MASTER_ATTS)))
scenario('organizer-restores-instance', ['# alice removes an EXDATE: the instance comes back, the whole series goes out again.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master(MASTER_ATTS, extra='EXDATE;TZID=Asia/Tokyo:20270111T090000\n')), new_ics=cal(master(MASTER_ATTS)))
DAVE = 'mailto:dave@example.org'
DAVE_COPY = cal(override(R, [att('alice', 'ACCEPTED'), att('bob'), att('carol'), att('dave')], start='20270118T100000'))
scenario('instance-only-attendee-answers', ['# dave, invited to the 18 Jan instance only, accepts: a REPLY for that instance.',
    'kind: plan', 'actor: ' + DAVE, 'old: old.ics', 'new: new.ics'], old_ics=DAVE_COPY,
    new_ics=DAVE_COPY.replace('PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dave', 'PARTSTAT=ACCEPTED:mailto:dave'))
scenario('instance-only-attendee-gets-copy', ['# the REQUEST for the 18 Jan instance only creates dave\'s copy holding just that instance.',
    'kind: apply-request', 'actor: ' + DAVE, 'old: -', 'message: message.ics'],
    message_ics=DAVE_COPY.replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n'))
BOB_EXCLUDED = cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')], extra='EXDATE;TZID=Asia/Tokyo:20270125T090000\n'))
REINVITE = cal(override('20270125T090000', [att('alice', 'ACCEPTED'), att('bob'), att('carol')], summary='Weekly sync (extra agenda)')).replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n')
scenario('apply-request-reinvites-excluded-instance', ['# bob had dropped 25 Jan (EXDATE); alice sends that instance anew: the EXDATE goes, the override comes.',
    'kind: apply-request', 'actor: ' + BOB, 'old: old.ics', 'message: message.ics'], old_ics=BOB_EXCLUDED, message_ics=REINVITE)
scenario('todo-assignee-deletes', ['# pat deletes his copy of the task: a REPLY with PARTSTAT=DECLINED.',
    'kind: plan', 'actor: mailto:pat@example.org', 'old: old.ics', 'new: -'], old_ics=PAT_COPY)

scenario('err-attendee-invents-instance', ['# bob adds an override for a Tuesday the weekly series never has: 403.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics',
    'expect-error: allowed-attendee-scheduling-object-change'], old_ics=BOB_COPY,
    new_ics=BOB_COPY.replace('END:VCALENDAR', override('20270112T090000', [att('alice', 'ACCEPTED'), att('bob', 'DECLINED'), att('carol')], summary='Weekly sync') + 'END:VCALENDAR'))

CANCELLED_18 = cal(master(MASTER_ATTS), override(R, OVR_ATTS, start='20270118T100000', extra='STATUS:CANCELLED\n', seq=1))
scenario('rec-update-after-cancelled-instance', ['# after cancelling 18 Jan, alice renames the series: bob and carol get the series with',
    '# 18 Jan excluded (never the cancelled override, so the RRULE cannot bring it back); dave gets nothing.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=CANCELLED_18,
    new_ics=CANCELLED_18.replace('SUMMARY:Weekly sync\n', 'SUMMARY:Weekly sync (room 4)\n'))

scenario('todo-organizer-deletes', ['# olivia deletes the assigned task: a VTODO CANCEL to pat (RFC 5546 §3.4.5).',
    'kind: plan', 'actor: ' + O, 'old: old.ics', 'new: -'], old_ics=cal(todo([att('pat', 'ACCEPTED')]), tz=False))
TODO_CANCEL = ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//Scenario//EN\nMETHOD:CANCEL\nBEGIN:VTODO\nUID:task-1@example.org\n"
    "DTSTAMP:20270112T080000Z\nSEQUENCE:1\nORGANIZER;CN=Olivia:mailto:olivia@example.org\n"
    "ATTENDEE;CN=Pat:mailto:pat@example.org\nSTATUS:CANCELLED\nEND:VTODO\nEND:VCALENDAR\n")
scenario('todo-apply-cancel', ['# the VTODO CANCEL deletes pat\'s copy.',
    'kind: apply-cancel', 'actor: mailto:pat@example.org', 'old: old.ics', 'message: message.ics'], old_ics=PAT_COPY, message_ics=TODO_CANCEL)
scenario('todo-apply-request', ['# the VTODO REQUEST creates pat\'s copy.',
    'kind: apply-request', 'actor: mailto:pat@example.org', 'old: -', 'message: message.ics'],
    message_ics=TASK.replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n'))

STORED_ANSWERS = cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED', ';SCHEDULE-STATUS=2.0'), att('carol', 'TENTATIVE', ';SCHEDULE-STATUS=2.0')]))
scenario('organizer-stale-answers', ['# alice\'s client had not seen bob\'s and carol\'s replies and writes a new DESCRIPTION with their',
    '# old NEEDS-ACTION: the stored answers stay (the sabre fault: one answer overwrote another).',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=STORED_ANSWERS,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol')], extra='DESCRIPTION:Agenda attached\n')))
scenario('organizer-re-requests', ['# alice resets bob to NEEDS-ACTION with SCHEDULE-FORCE-SEND=REQUEST: that reset is kept and bob is asked again.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'], old_ics=STORED_ANSWERS,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', extra=';SCHEDULE-FORCE-SEND=REQUEST'), att('carol', 'TENTATIVE', ';SCHEDULE-STATUS=2.0')])))
scenario('organizer-records-client-attendee', ['# erin is SCHEDULE-AGENT=CLIENT: alice records erin\'s phoned-in answer herself, and it stays.',
    'kind: plan', 'actor: ' + A, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('erin', extra=';SCHEDULE-AGENT=CLIENT')])),
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('erin', 'ACCEPTED', ';SCHEDULE-AGENT=CLIENT')])))

DAVE_TWO = cal(override(R, [att('alice', 'ACCEPTED'), att('dave', 'ACCEPTED')], start='20270118T100000'),
               override('20270201T090000', [att('alice', 'ACCEPTED'), att('dave', 'TENTATIVE')], summary='Weekly sync'))
scenario('apply-request-instance-only-copy-merges', ['# dave holds two instances only; a REQUEST for one of them leaves the other alone.',
    'kind: apply-request', 'actor: ' + DAVE, 'old: old.ics', 'message: message.ics'], old_ics=DAVE_TWO,
    message_ics=cal(override(R, [att('alice', 'ACCEPTED'), att('dave', 'ACCEPTED')], start='20270118T100000', summary='Weekly sync (demo)')).replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REQUEST\n'))

scenario('attendee-client-rewrites-times-in-utc', ['# bob\'s client stores the times in UTC (same instants) while accepting: no 403, one REPLY.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol')])),
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'ACCEPTED'), att('carol')]).replace(
        'DTSTART;TZID=Asia/Tokyo:20270104T090000\nDTEND;TZID=Asia/Tokyo:20270104T093000', 'DTSTART:20270104T000000Z\nDTEND:20270104T003000Z')))

BOB_PLAIN = cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol')]))
scenario('attendee-delegates', ['# RFC 5546 §2.1.5: bob delegates to frank: a REPLY (bob DELEGATED, naming frank) to alice,',
    '# and a REQUEST from bob to frank.',
    'kind: plan', 'actor: ' + BOB, 'old: old.ics', 'new: new.ics'], old_ics=BOB_PLAIN,
    new_ics=cal(master([att('alice', 'ACCEPTED'), att('bob', 'DELEGATED', ';DELEGATED-TO="mailto:frank@example.org"'), att('carol'),
                        att('frank', extra=';DELEGATED-FROM="mailto:bob@example.org"')])))
DELEGATION_REPLY = cal("""BEGIN:VEVENT
UID:series-1@example.org
DTSTAMP:20270102T000000Z
SEQUENCE:0
ORGANIZER;CN=Alice:mailto:alice@example.org
ATTENDEE;CN=Bob;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:frank@example.org":mailto:bob@example.org
ATTENDEE;CN=Frank;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;DELEGATED-FROM="mailto:bob@example.org":mailto:frank@example.org
END:VEVENT
""").replace('VERSION:2.0\n', 'VERSION:2.0\nMETHOD:REPLY\n')
scenario('apply-delegation-reply', ['# bob\'s delegation reaches alice: bob DELEGATED (DELEGATED-TO frank), frank joins the list;',
    '# carol is refreshed (frank already has bob\'s REQUEST).',
    'kind: apply-reply', 'actor: ' + A, 'old: old.ics', 'message: message.ics'],
    old_ics=cal(master([att('alice', 'ACCEPTED'), att('bob'), att('carol')])), message_ics=DELEGATION_REPLY)
