#!/usr/bin/env python3
"""Generate Ringback's bundled sample week (fully synthetic).

    python3 generate.py           # rewrite the data files, expected.csv and README.md
    python3 generate.py --check   # re-read the written files and verify them

Standard library only, fixed seed, no network: running it twice gives byte-identical files.
Every file is rendered from the one SCENARIO below, so the data and the answer key
(expected.csv) cannot disagree.

Company: Summit Ridge Roofing & Air, Austin TX (America/Chicago, CST = UTC-6 all week).
Week: ISO 2026-W47, Mon 2026-11-16 .. Sun 2026-11-22; audit as of Mon 2026-11-23 08:00.
"""

import base64
import csv
import io
import mailbox
import os
import quopri
import random
import re
import sys
from datetime import date, datetime, timedelta, timezone

SEED = 202647
HERE = os.path.dirname(os.path.abspath(__file__))


def path_of(name):
    """The exports live in exports/ so that `ringback audit examples/sample-week/exports` reads
    only them; the answer key and README stay beside this script."""
    if name in ("README.md", "expected.csv"):
        return os.path.join(HERE, name)
    return os.path.join(HERE, "exports", name)
CST = timezone(timedelta(hours=-6))
DAYS = {d: date(2026, 11, 16 + i) for i, d in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])}
AS_OF = "2026-11-23 08:00 America/Chicago"

MAIN_LINE = "(512) 555-0100"
MAIN_E164 = "+15125550100"
# The Google Business Profile's call tracking number ([profile] numbers in the example config):
# these buyers found the company on its Business Profile and called that number.
PROFILE_LINE = "(512) 555-0108"
PROFILE_CALLERS = {"+15125550149", "+15125550126", "+15125550178", "+15125550195"}
OFFICE = "office@summitridge.example.com"
OFFICE_DISPLAY = "Summit Ridge Roofing & Air <office@summitridge.example.com>"
STAFF_EMAIL = {
    "Maria Alvarez": "maria@summitridge.example.com",
    "Dana Brooks": "dana@summitridge.example.com",
    "Tom Nguyen": "tom@summitridge.example.com",
    "Rick Hollis": "rick@summitridge.example.com",
    "Priya Shah": "priya@summitridge.example.com",
}
STAFF = ["Maria Alvarez", "Dana Brooks", "Tom Nguyen", "Rick Hollis", "Priya Shah", "Luis Mendez", "Jake Turner"]

# Precedence when one person's signals are combined (lower wins). "spam" and "answered" are
# person-level outcomes decided separately (see Person.category).
PRECEDENCE = ["stop", "emergency", "warranty", "active_estimate", "old_estimate", "routine", "unknown"]
CATEGORY_ORDER = PRECEDENCE + ["spam", "answered"]

CALLS_HEADER = ["Start Time", "Direction", "From", "Caller Name", "To", "Result", "Duration (sec)", "Agent"]
VM_HEADER = ["Received", "From", "Caller Name", "Duration (sec)", "Transcription"]
FORMS_HEADER = ["Entry Id", "Entry Date", "Name (First)", "Name (Last)", "Phone", "Email", "Service",
                "Street Address", "Message"]
SMS_HEADER = ["From", "To", "Body", "Status", "SentDate", "Direction", "Sid"]
EST_HEADER = ["Quote #", "Client name", "Client phone", "Client email", "Salesperson", "Service", "Status",
              "Total ($)", "Sent date"]
EXPECTED_HEADER = ["contact", "name", "signals", "category", "stopped", "note"]

SERVICES = {"Roof Repair", "Roof Replacement", "Storm Damage", "AC Repair", "Heating Repair", "HVAC Maintenance",
            "Other"}
EST_STATUSES = {"Awaiting response", "Approved", "Converted", "Archived", "Changes requested"}

rng = random.Random(SEED)  # scenario stream
rr = None  # render stream, reset by render_all()

# ---------------------------------------------------------------------------------------------
# Phone numbers: only the fictional 555-01XX range. (512) 555-0100..0109 belong to the company.
# ---------------------------------------------------------------------------------------------
_POOL = {}
for _area in (512, 737, 254, 830):
    _sfx = [s for s in range(100) if not (_area == 512 and s < 10)]
    rng.shuffle(_sfx)
    _POOL[_area] = _sfx


def take_number(area, suffix=None):
    pool = _POOL[area]
    if suffix is None:
        suffix = pool.pop()
    else:
        pool.remove(suffix)
    return area, suffix


def fmt_phone(area, sfx, style):
    xx = "%02d" % sfx
    return {
        "paren": "(%d) 555-01%s" % (area, xx),
        "dash": "%d-555-01%s" % (area, xx),
        "e164": "+1%d55501%s" % (area, xx),
        "digits": "%d55501%s" % (area, xx),
        "dot": "%d.555.01%s" % (area, xx),
        "space": "%d 555 01%s" % (area, xx),
        "plus1": "+1 %d-555-01%s" % (area, xx),
    }[style]


def at(day, hm):
    """Local (CST) datetime for a weekday name and "HH:MM" or "HH:MM:SS"; seconds drawn if absent."""
    parts = [int(x) for x in hm.split(":")]
    if len(parts) == 2:
        parts.append(rng.randrange(60))
    d = DAYS[day]
    return datetime(d.year, d.month, d.day, parts[0], parts[1], parts[2], tzinfo=CST)


def gmail_on(d, hm, who):
    """Quote header as Gmail writes it: 'On Thu, Nov 5, 2026 at 3:12 PM Rick Hollis <...> wrote:'."""
    h, m = [int(x) for x in hm.split(":")]
    t = datetime(d.year, d.month, d.day, h, m)
    clock = "%d:%02d %s" % ((h % 12) or 12, m, "AM" if h < 12 else "PM")
    return "On %s, %s %d, %d at %s %s <%s> wrote:" % (t.strftime("%a"), t.strftime("%b"), d.day, d.year, clock,
                                                       who, STAFF_EMAIL[who])


def quoted(lines):
    return "\n".join(">" if not ln else "> " + ln for ln in lines)


# ---------------------------------------------------------------------------------------------
# The scenario model
# ---------------------------------------------------------------------------------------------
PEOPLE = []


class Person:
    def __init__(self, ref, name, expect, note, area=512, email=None, cnam="", phone=True, suffix=None):
        self.ref = ref
        self.name = name
        self.expect = expect
        self.note = note
        self.email = email
        self.cnam = cnam
        self.events = []
        self.estimates = []
        if phone:
            self.area, self.sfx = take_number(area, suffix)
        else:
            self.area = self.sfx = None
        PEOPLE.append(self)

    # --- identity -----------------------------------------------------------------------------
    @property
    def e164(self):
        return fmt_phone(self.area, self.sfx, "e164") if self.area else ""

    def ph(self, style):
        return fmt_phone(self.area, self.sfx, style)

    @property
    def spoken(self):  # how a transcription engine writes a number read aloud
        return self.ph("space")

    def any_style(self, styles=("paren", "dash", "e164", "digits")):
        return self.ph(rng.choice(styles))

    # --- inbound signals ------------------------------------------------------------------------
    def missed(self, day, hm):
        self.events.append(dict(kind="call", t=at(day, hm + ":00"), result="Missed", dur=0, agent="",
                                frm=self.any_style(), signal=True, cat="unknown"))
        return self

    def answered(self, day, hm, agent, dur):
        self.events.append(dict(kind="call", t=at(day, hm + ":00"), result="Answered", dur=dur, agent=agent,
                                frm=self.any_style(), signal=True, cat=None))
        return self

    def vm(self, day, hm, text, cat, lag=1):
        """A voicemail: the Voicemail-result call row plus the transcript 1-2 minutes later."""
        t = at(day, hm + ":00")
        words = len(text.split())
        vdur = max(9, int(words / 2.5) + rng.randrange(5))
        self.events.append(dict(kind="call", t=t, result="Voicemail", dur=vdur + 22 + rng.randrange(9), agent="",
                                frm=self.any_style(), signal=True, cat=None))
        self.events.append(dict(kind="vm", t=t + timedelta(minutes=lag), text=text, dur=vdur,
                                frm=self.any_style(("paren", "e164")), signal=True, cat=cat))
        return self

    def form(self, day, hm, service, message, cat, phone_style="paren", email_as=None, with_phone=True,
             with_email=True, first=None, last=None, address=None):
        assert service in SERVICES
        if first is None:
            first, last = self.name.split(" ", 1)
        self.events.append(dict(kind="form", t=at(day, hm), first=first, last=last,
                                phone=self.ph(phone_style) if with_phone else "",
                                email=(email_as or self.email) if with_email else "",
                                service=service, message=message, address=address or street_address(),
                                signal=True, cat=cat))
        return self

    def sms(self, day, hm, body, cat):
        self.events.append(dict(kind="sms_in", t=at(day, hm), body=body, signal=True, cat=cat))
        return self

    def email_in(self, day, hm, subject, body, cat, style="plain", quote=None, in_reply_to=None,
                 display=None, html=None):
        self.events.append(dict(kind="email", t=at(day, hm), subject=subject, body=body, style=style,
                                quote=quote, in_reply_to=in_reply_to, display=display or self.name,
                                html=html, signal=True, cat=cat))
        return self

    # --- outbound attempts (not signals) ---------------------------------------------------------
    def call_out(self, day, hm, agent, result, dur):
        assert agent in STAFF and result in ("Completed", "No Answer")
        assert (result == "No Answer" and 0 <= dur <= 25) or result == "Completed"
        self.events.append(dict(kind="call_out", t=at(day, hm + ":00"), agent=agent, result=result, dur=dur,
                                to=self.any_style(), signal=False))
        return self

    def sms_out(self, day, hm, body, direction="outbound-reply"):
        assert direction in ("outbound-api", "outbound-reply")
        self.events.append(dict(kind="sms_out", t=at(day, hm), body=body, direction=direction, signal=False))
        return self

    def estimate(self, number, sent, service, salesperson, status, total, with_phone=True, with_email=True):
        assert status in EST_STATUSES
        ESTIMATES.append(dict(number=number, name=self.name, sent=date.fromisoformat(sent), service=service,
                              salesperson=salesperson, status=status, total=total,
                              phone=self.ph(rng.choice(("paren", "dash"))) if (with_phone and self.area) else "",
                              email=self.email if with_email and self.email else ""))
        self.estimates.append(number)
        return self

    # --- answer key ---------------------------------------------------------------------------
    @property
    def signals(self):
        return [e for e in self.events if e["signal"]]

    @property
    def contact(self):
        # Phone if any of the person's signals carries one, else the (lower-case) email.
        if any(e["kind"] in ("call", "vm", "sms_in") or (e["kind"] == "form" and e["phone"])
               for e in self.signals):
            return self.e164
        return self.email.lower()

    @property
    def stopped(self):
        return any(e["cat"] == "stop" for e in self.signals)

    @property
    def category(self):
        cats = [e["cat"] for e in self.signals if e["cat"]]
        if "stop" in cats:
            return "stop"
        real = [c for c in cats if c not in ("spam", "unknown")]
        if "spam" in cats and not real:
            return "spam"  # a spam sender's bare missed calls are spam too
        cats = [c for c in cats if c != "spam"]
        if not cats:
            return "answered"  # only answered calls: handled live
        return min(cats, key=PRECEDENCE.index)

    @property
    def contacts(self):
        """Inbound contacts: signals, counting a voicemail and its call row once."""
        return sum(1 for e in self.signals if e["kind"] != "vm")


class Extra:
    """A row the importer must reject; it belongs to nobody."""


ESTIMATES = []
REJECTS = []

STREETS = ["Oak Hollow Dr", "Pecan Bend Ln", "Cedar Ridge Cv", "Mesquite Trl", "Limestone Loop", "Bluebonnet Way",
           "Agave Ct", "Canyon Wren Dr", "Live Oak Trl", "Prairie Dove Ln", "Sotol Path", "Yaupon Holly Dr",
           "Granite Shoals St", "Whitetail Run", "Cypress Mill Rd", "Hill Country Blvd"]
CITIES = [("Austin", "78745"), ("Austin", "78748"), ("Austin", "78731"), ("Austin", "78759"),
          ("Round Rock", "78681"), ("Pflugerville", "78660"), ("Cedar Park", "78613"), ("Leander", "78641"),
          ("Georgetown", "78628"), ("Kyle", "78640"), ("Buda", "78610"), ("Manor", "78653")]


def street_address():
    city, zp = rng.choice(CITIES)
    return "%d %s, %s, TX %s" % (rng.randrange(1100, 14999), rng.choice(STREETS), city, zp)


# =============================================================================================
# SCENARIO
# =============================================================================================
# Emergencies ---------------------------------------------------------------------------------
p = Person("E1", "Gloria Pennington", "emergency", "ceiling leak after hail; 3 missed calls then voicemail",
           cnam="PENNINGTON G")
p.missed("Thu", "06:52").missed("Thu", "06:54").missed("Thu", "06:57")
p.vm("Thu", "06:59", "hi this is gloria pennington um we have water coming through the ceiling in the living "
     "room from the storm last night its dripping on the floor ive got pots out please call me back as soon as "
     "you can %s" % p.spoken, "emergency")
p.call_out("Thu", "07:41", "Dana Brooks", "Completed", 212)

p = Person("E2", "Harold Jeffries", "emergency", "furnace out Friday night; wife 84 on oxygen",
           cnam="JEFFRIES H")
p.vm("Fri", "22:14", "yes this is harold jeffries our furnance quit this evening and its getting real cold in "
     "here my wife is 84 and shes on oxygen can somebody come out tonight or first thing please my number is "
     "%s" % p.spoken, "emergency")
p.call_out("Fri", "22:31", "Luis Mendez", "Completed", 264)

p = Person("E3", "Tamika Rhodes", "emergency", "hail hole by chimney, needs tarp; form then text", area=737,
           email="tamika.rhodes@example.net")
p.form("Thu", "05:48:12", "Storm Damage", "Hail last night broke a bunch of shingles and there is a hole by the "
       "chimney. Water got in the attic. Need a tarp before it rains again tonight.", "emergency",
       phone_style="dash")
p.sms("Thu", "08:31:40", "Hi did you get my web form? Hole in roof from the hail, more rain tonight. Need a tarp",
      "emergency")
p.sms_out("Thu", "09:18:05", "Hi Tamika, this is Dana at Summit Ridge. Got your form. Jake can tarp today "
          "between 1 and 3. Does that work?")

p = Person("E4", "Earl Whitcomb", "emergency", "tree limb through roof decking", cnam="WHITCOMB EARL")
p.vm("Thu", "07:05", "this is earl whitcomb on pecan bend a big limb off the oak tree came down on the roof in "
     "the storm last night theres a hole in the decking and i can see daylight from the attic please call",
     "emergency")
p.call_out("Thu", "07:52", "Jake Turner", "No Answer", 18)
p.call_out("Thu", "08:34", "Jake Turner", "Completed", 141)

p = Person("E5", "Renee Dubois", "emergency", "gas smell near furnace closet", area=737, cnam="WIRELESS CALLER")
p.vm("Sat", "18:26", "hi um i smell gas kind of near the furnace closet when the heat kicks on its not super "
     "strong but im worried my number is %s please call back" % p.spoken, "emergency")
p.call_out("Sat", "18:49", "Luis Mendez", "Completed", 187)

p = Person("E6", "Courtney Blake", "emergency", "no heat with two small kids; form + email; never called back",
           email="courtney.blake@example.net")
p.form("Sat", "06:41:37", "Heating Repair", "No heat since last night. Thermostat says 56 inside and we have two "
       "little kids (3 and 1). Furnace clicks but no flame.", "emergency", phone_style="digits")
p.email_in("Sat", "09:12:50", "Following up - no heat", "Hi,\n\nI filled out your form early this morning. "
           "Still no heat and the kids are bundled up in the living room. Please call me at %s.\n\nCourtney"
           % p.ph("paren"), "emergency")

p = Person("E7", "Marcus Greene", "emergency", "kitchen leak: 'the leak won't stop' (not a stop)")
p.sms("Thu", "10:12:05", "Roof is leaking in the kitchen after the storm and the leak won't stop, water dripping "
      "on the floor near the stove. Can someone come today?", "emergency")
p.sms_out("Thu", "10:16:44", "Hi Marcus, Tom at Summit Ridge. We're getting a crew to you today. If water is near "
          "outlets or the stove, switch off that breaker. Calling you in a few minutes.")
p.call_out("Thu", "10:24", "Tom Nguyen", "Completed", 96)

p = Person("E8", "Alan Pryor", "emergency", "skylight leak by email only; no callback on record", phone=False,
           email="alan.pryor@example.org")
p.email_in("Thu", "08:43:19", "Water coming in around skylight", "Good morning,\n\nAfter last night's hail the "
           "skylight in our upstairs bathroom is leaking. Water came in around the frame and soaked the carpet in "
           "the hallway. We have towels down for now.\n\nWhat is the soonest someone can look at it? Email is the "
           "best way to reach me, I'm in meetings all day.\n\nAlan Pryor", "emergency")

p = Person("E9", "Stephanie Moreau", "emergency",
           "quote request Tuesday, then 'now it's flooding' Thursday (escalation)", cnam="MOREAU S")
p.vm("Tue", "14:22", "hi this is stephanie moreau id like to get someone out to look at the roof weve got a couple "
     "water stains on the ceiling in the hallway its not urgent just want a quote for the repair thanks",
     "active_estimate")
p.call_out("Wed", "10:05", "Rick Hollis", "No Answer", 22)
p.missed("Thu", "07:16")
p.vm("Thu", "07:18", "its stephanie moreau again um now its flooding the hallway ceiling is coming down and water "
     "is pouring in please call me back right away", "emergency")
p.call_out("Thu", "08:02", "Dana Brooks", "Completed", 133)

p = Person("E10", "Carol Whitfield", "emergency", "no heat at 90-year-old mother's house; 2 missed calls + text")
p.missed("Sat", "07:10").missed("Sat", "07:12")
p.sms("Sat", "07:15:44", "No heat at my mothers house, its 52 degrees inside and she is 90. Nobody answers the "
      "phone. Please call %s" % p.ph("dash"), "emergency")
p.call_out("Sat", "09:47", "Luis Mendez", "Completed", 152)

p = Person("E11", "Bruce Kaminski", "emergency", "hail cracked skylight, water in den; called back next day",
           cnam="KAMINSKI BRUCE")
p.missed("Thu", "08:05")
p.vm("Thu", "08:09", "yeah this is bruce kaminski the hail cracked our skylight and busted some shingles water is "
     "dripping into the den need somebody to come look and tarp it", "emergency")
p.call_out("Fri", "10:12", "Rick Hollis", "Completed", 205)

p = Person("E12", "Jasmine Odom", "emergency", "no heat with a newborn; one unanswered attempt", area=737)
p.vm("Sun", "06:28", "hi we have a newborn at home and the heater is blowing cold air all night its like 58 in "
     "here please call back this is jasmine", "emergency")
p.call_out("Sun", "07:55", "Luis Mendez", "No Answer", 25)

p = Person("E13", "Ian Mercer", "emergency", "water through bedroom ceiling during the storm (multi-line form)")
p.form("Wed", "23:41:09", "Storm Damage", "Water is coming in through the bedroom ceiling.\nPut a bucket under it "
       "for now.\nPlease call first thing in the morning.", "emergency", phone_style="paren", with_email=False)
p.call_out("Thu", "07:45", "Dana Brooks", "Completed", 118)

# Stop (do-not-contact) ---------------------------------------------------------------------
p = Person("S1", "Kevin Marsh", "stop", "asked for a quote, then replied STOP to the callback text",
           email="kmarsh@example.com")
p.form("Mon", "19:52:31", "Roof Replacement", "Looking for a quote on a full replacement, house is 2 story about "
       "2,600 sq ft, 30 yr old shingles.", "active_estimate", phone_style="paren")
p.sms_out("Tue", "08:06:12", "Hi Kevin, this is Tom with Summit Ridge Roofing & Air about your roof replacement "
          "request. When is a good time for Rick to come out? Reply STOP to opt out.", "outbound-api")
p.sms("Tue", "08:11:03", "STOP", "stop")

p = Person("S2", "Denise Okafor", "stop", "asked for a heat pump quote, then 'please remove me' by email",
           email="denise.okafor@example.net")
p.missed("Tue", "11:37")
p.form("Tue", "11:40:02", "Other", "Would like a quote to replace our heat pump, it is 15 years old. Tried calling.",
       "active_estimate", phone_style="dot")
p.call_out("Wed", "13:30", "Priya Shah", "No Answer", 21)
p.email_in("Thu", "16:02:27", "Heat pump quote", "We went with another company. Not interested, please remove me "
           "from your list.\n\nThank you,\nDenise Okafor", "stop")

p = Person("A25", "Dwayne Mitchell", "active_estimate", "flat garage roof; callback text went to a wrong number",
           cnam="MITCHELL DWAYNE")
dwayne = p
p.vm("Mon", "08:03", "hi um yeah this is dwayne calling about a estimate for the uh the flat roof on my garage its "
     "got some soft spots call me back at %s" % p.spoken, "active_estimate", lag=2)
p.missed("Mon", "12:02")
p.call_out("Mon", "15:40", "Tom Nguyen", "Completed", 77)

p = Person("S3", "", "stop", "'wrong number' reply to a mistyped callback text", area=737, suffix=dwayne.sfx)
p.sms_out("Mon", "10:25:30", "Hi Dwayne, this is Tom with Summit Ridge Roofing & Air returning your call about "
          "the garage roof. When is a good time to talk?", "outbound-api")
p.sms("Mon", "10:31:58", "Wrong number. I don't know any Dwayne.", "stop")

p = Person("S4", "Gary Lindqvist", "stop", "'Stop texting me' after an old-quote check-in text",
           email="glindqvist@example.com")
p.estimate("3671", "2026-08-27", "Roof Repair", "Rick Hollis", "Awaiting response", 215000)
p.sms_out("Mon", "09:00:00", "Hi Gary, Rick from Summit Ridge here. Checking in on the roof repair quote from "
          "August. Still interested? No pressure either way.", "outbound-api")
p.sms("Mon", "09:47:21", "Stop texting me", "stop")

p = Person("S5", "Frank Delgado", "stop", "voicemail 'take me off your call list'; called again Friday anyway",
           cnam="DELGADO FRANK")
p.estimate("3015", "2026-03-04", "Roof Replacement", "Rick Hollis", "Awaiting response", 1620000, with_email=False)
p.call_out("Mon", "11:20", "Rick Hollis", "No Answer", 0)
p.call_out("Tue", "15:40", "Rick Hollis", "No Answer", 12)
p.vm("Wed", "08:14", "this is frank delgado yall have called me like three times about that roof quote from back "
     "in march were not doing it please take me off your call list thank you", "stop")
p.call_out("Fri", "11:05", "Rick Hollis", "No Answer", 19)

p = Person("S6", "Pamela Greer", "stop", "STOP to a tune-up promo text")
p.sms_out("Tue", "10:00:00", "Summit Ridge Roofing & Air: Fall furnace tune-up $89 through Nov 30. Reply to book, "
          "STOP to opt out.", "outbound-api")
p.sms("Tue", "10:03:37", "STOP", "stop")

p = Person("S7", "Doug Fenwick", "stop", "asked for a gutter price, then 'don't contact me again'",
           cnam="FENWICK DOUG")
p.missed("Mon", "13:05")
p.vm("Mon", "13:08", "hey this is doug fenwick wanting to get a price on new gutters and maybe the fascia board on "
     "the back of the house give me a call", "active_estimate")
p.sms("Thu", "12:30:16", "Never mind, already hired somebody. Please don't contact me again.", "stop")

p = Person("S8", "Yolanda Pierce", "stop", "'Unsubscribe' to a maintenance reminder text", area=737)
p.sms_out("Wed", "09:30:00", "Summit Ridge Roofing & Air: your annual HVAC maintenance visit is due. Reply YES to "
          "schedule or STOP to opt out.", "outbound-api")
p.sms("Wed", "11:52:09", "Unsubscribe", "stop")

# Spam ------------------------------------------------------------------------------------------
p = Person("SP1", "Google listing robocall", "spam", "listing-verification robocall: 2 missed calls + voicemail",
           area=737, cnam="BUSINESS SVCS")
p.missed("Mon", "09:14").missed("Tue", "14:02")
p.vm("Wed", "10:31", "this is an important message regarding your google business listing our records show your "
     "listing has not been verified and may be removed from google maps press 1 now to speak with a google "
     "specialist", "spam")

p = Person("SP2", "Jordan Pace", "spam", "SEO pitch email", phone=False, email="jordan@rankhigher.example.net")
p.email_in("Mon", "06:12:40", "Quick question about summitridge.example.com",
           "Hi there,\n\nI was looking at summitridge.example.com and noticed you're not on page 1 for \"roofer "
           "Austin\" or \"AC repair Austin\". We help contractors get 3x more calls from Google in 90 days.\n\nDo "
           "you have 10 minutes this week for a quick call?\n\nBest,\nJordan Pace\nGrowth Lead, RankHigher",
           "spam")

p = Person("SP3", "LeadFlow Partners", "spam", "lead seller, HTML-only email", phone=False,
           email="deals@leadflowpartners.example.org")
p.email_in("Tue", "05:30:02", "We have homeowners ready to buy - roofing & HVAC leads in Austin", None, "spam",
           style="html",
           html="<html><body>\n<h2>Exclusive Roofing &amp; HVAC Leads</h2>\n<p>Hi Summit Ridge team,</p>\n"
                "<p>We have <b>homeowners ready to buy</b> in Travis and Williamson County right now. Exclusive "
                "leads, never shared, $45 each.</p>\n<p><a href=\"https://leadflowpartners.example.org/austin\">"
                "Claim your territory</a></p>\n<p style=\"font-size:10px\">LeadFlow Partners, 100 Main St, "
                "Suite 5</p>\n</body></html>")

p = Person("SP4", "", "spam", "business loan text", area=830)
p.sms("Wed", "14:47:33", "Summit Ridge: you're pre-approved for up to $250,000 in working capital. Funds in 24 hrs, "
      "no credit check. Reply YES to claim your offer", "spam")

p = Person("SP5", "Vehicle warranty robocall", "spam", "car warranty robocall voicemail", area=254,
           cnam="WIRELESS CALLER")
p.vm("Thu", "13:40", "were calling about your cars extended warranty weve been trying to reach you this is your "
     "final courtesy call press 1 to speak to an agent", "spam")

p = Person("SP6", "Brittany Coles", "spam", "staffing recruiter email", phone=False,
           email="brittany@techtalentstaffing.example.com")
p.email_in("Fri", "08:02:11", "Pre-screened HVAC techs available now",
           "Hi Maria,\n\nAre you hiring for the busy season? We have 6 pre-screened HVAC technicians and 2 roofing "
           "crew leads in the Austin area available to start next week. Our fee is only due after 90 days.\n\n"
           "Can I send over a few profiles?\n\nBrittany Coles\nTechTalent Staffing", "spam")

p = Person("SP7", "", "spam", "fake Google Business Profile suspension text", area=737)
p.sms("Fri", "09:05:47", "ALERT: Your Google Business Profile will be suspended in 24 hrs due to unverified info. "
      "Verify now: gbp-verify.example.com/sr", "spam")

p = Person("SP8", "Texas Energy Savings robocall", "spam", "energy/solar robocall voicemail", cnam="TX ENERGY")
p.vm("Sat", "10:20", "hi this is amanda with texas energy savings calling for the business owner about lowering "
     "your commercial electric rate please call us back at your earliest convenience", "spam")

p = Person("SP9", "Web Growth Team", "spam", "second SEO pitch email", phone=False,
           email="hello@webgrowthteam.example.com")
p.email_in("Thu", "05:55:00", "Your website is losing 40 calls a month",
           "Hello,\n\nWe ran a free audit of your website and found 14 issues that are costing you calls. Reply "
           "\"AUDIT\" and we'll send the full report.\n\nWeb Growth Team", "spam")

# Active estimates -------------------------------------------------------------------------
p = Person("A1", "Brian Holloway", "active_estimate", "form with phone+email, then email from same address",
           email="bholloway@example.com")
p.form("Mon", "21:14:05", "Roof Replacement", "Need an estimate to replace the roof on a 1-story ranch, about "
       "1,900 sq ft. Some shingles curling. Evenings are best.", "active_estimate", phone_style="paren",
       email_as="BHolloway@example.com")
p.email_in("Tue", "07:02:36", "Roof estimate - photos", "Hi,\n\nI sent the form on your site last night. Forgot to "
           "say, can someone come out Thursday or Friday afternoon? I'll send photos of the curling shingles "
           "separately.\n\nThanks,\nBrian", "active_estimate")
p.call_out("Tue", "08:10", "Rick Hollis", "Completed", 244)

p = Person("A2", "Helen Sato", "active_estimate", "ready to go ahead on recent quote #3897", phone=False,
           email="helen.sato@example.org")
p.estimate("3897", "2026-11-05", "Roof Replacement", "Rick Hollis", "Awaiting response", 1748000)
p.email_in("Mon", "08:37:14", "Re: Estimate #3897 from Summit Ridge Roofing & Air",
           "Hi Rick,\n\nWe've talked it over and we'd like to go ahead with the architectural shingle option. What "
           "is the earliest start date, and do you need a deposit up front?\n\nThanks,\nHelen", "active_estimate",
           quote=(gmail_on(date(2026, 11, 5), "15:12", "Rick Hollis"),
                  ["Hi Helen,", "", "Thanks for having me out. Attached is estimate #3897 for the roof replacement,",
                   "with two shingle options. Let me know if you have any questions.", "",
                   "Rick Hollis", "Summit Ridge Roofing & Air"]),
           in_reply_to="<3897.20261105.rick@summitridge.example.com>")

p = Person("A3", "Gordon Feld", "active_estimate", "price for AC + furnace; called back within minutes",
           cnam="FELD GORDON")
p.vm("Mon", "10:48", "hi uh this is gordon feld were looking at replacing the ac and the furnace its about 20 "
     "years old wanted to get somebody out to give us a price thanks", "active_estimate")
p.call_out("Mon", "11:02", "Priya Shah", "Completed", 318)

p = Person("A4", "Lorraine Bishop", "active_estimate", "noisy furnace, still heating; wants a visit this week",
           area=737, email="lbishop@example.net")
p.form("Tue", "12:22:47", "Heating Repair", "Furnace is making a loud squealing noise when it starts up. Still "
       "heating fine. Can someone come look this week? Weekday mornings work.", "active_estimate",
       phone_style="paren")

p = Person("A5", "Ray Castillo", "active_estimate", "'can you stop by Tuesday' (not a stop); quote #3862",
           email="raycastillo@example.com")
p.estimate("3862", "2026-10-28", "Gutters & Fascia", "Rick Hollis", "Awaiting response", 421500)
p.sms("Wed", "09:12:30", "Hi this is Ray, Rick gave us a quote last month for the gutters and fascia. Can you stop "
      "by Tuesday to measure the back side again? Thinking of adding the patio cover gutter.", "active_estimate")
p.sms_out("Wed", "09:40:51", "Hi Ray, Rick here. Tuesday works, I can be there around 10. See you then.")

p = Person("A6", "Omar Haddad", "active_estimate", "question on quote #3914 (changes requested)", phone=False,
           email="omar.haddad@example.com")
p.estimate("3914", "2026-11-10", "Roof Replacement", "Rick Hollis", "Changes requested", 2296000)
p.email_in("Tue", "13:15:58", "Re: Estimate #3914 - revised",
           "Rick,\n\nQuick question before we sign. Does the revised price include the ridge vent and new pipe "
           "boots, or are those extra?\nFrom what I read online a ridge vent helps a lot with attic heat.\n\nAlso, "
           "can the work be done in early December?\n\nOmar", "active_estimate",
           quote=(gmail_on(date(2026, 11, 10), "16:48", "Rick Hollis"),
                  ["Omar,", "", "Here is the revised estimate #3914 with the changes we discussed.", "",
                   "Rick"]),
           in_reply_to="<3914.20261110.rick@summitridge.example.com>")

p = Person("A7", "Teresa Nakamura", "active_estimate", "missed call + voicemail + form, same phone",
           cnam="WIRELESS CALLER")
p.missed("Tue", "12:10")
p.vm("Tue", "12:14", "hi my name is teresa nakamura im calling about getting a roof inspection we bought the house "
     "in 2009 and i think the roof is original would like to know what it would cost to replace", "active_estimate")
p.form("Tue", "19:31:55", "Roof Replacement", "Called earlier and left a message. Would like an inspection and a "
       "price for a new roof.", "active_estimate", phone_style="digits", with_email=False)
p.call_out("Wed", "09:30", "Rick Hollis", "Completed", 276)

p = Person("A8", "Jeffrey Dunlap", "active_estimate", "second opinion on a \"full tear-off\" (quoted CSV field)",
           email="jdunlap@example.net")
p.form("Wed", "20:05:18", "Roof Repair", "We got a quote from another company for a \"full tear-off\", but the "
       "roof is only 12 years old. Can you give us a second opinion, and a price to just repair the valley?",
       "active_estimate", phone_style="dash")
p.call_out("Fri", "15:20", "Rick Hollis", "No Answer", 14)

p = Person("A9", "Angela Ruiz", "routine", "'cancel my Friday appointment and reschedule' (not a stop)",
           area=737)
p.sms("Wed", "17:55:10", "Hi this is Angela Ruiz. I need to cancel my Friday appointment and reschedule for next "
      "week, my work schedule changed. Sorry!", "routine")
p.sms_out("Thu", "08:12:26", "No problem Angela. How about Tuesday 11/24 at 9am or Wednesday 11/25 at 1pm? - Dana")

p = Person("A12", "Phil Carver", "active_estimate", "answered call Monday, then text asking for the estimate",
           cnam="CARVER PHIL")
p.answered("Mon", "10:05", "Tom Nguyen", 342)
p.sms("Wed", "16:20:08", "Hi Tom, Phil Carver. As discussed Monday, please send the estimate for the attic "
      "insulation and duct sealing when you can.", "active_estimate")

p = Person("A13", "Monica Ferris", "active_estimate", "Sunday-night form: metal roof price",
           email="monica.ferris@example.org")
p.form("Sun", "20:45:33", "Roof Replacement", "Looking for a price on a standing seam metal roof, house is about "
       "2,400 sq ft. Also interested in replacing gutters at the same time.", "active_estimate",
       phone_style="plus1")

p = Person("A14", "Beverly Tran", "active_estimate", "wants to schedule install on quote #3925; Friday 4:52 pm",
           cnam="TRAN BEVERLY", email="btran@example.com")
p.estimate("3925", "2026-11-12", "Heat Pump Replacement", "Priya Shah", "Awaiting response", 1248000)
p.vm("Fri", "16:52", "hi priya this is beverly tran calling back about the heat pump quote wed like to go ahead "
     "and get the install scheduled give me a call back when you can", "active_estimate")

p = Person("A15", "Gregory Lam", "active_estimate", "roof for new addition (multipart/alternative email)",
           phone=False, email="greg.lam@example.org")
p.email_in("Wed", "11:04:22", "Estimate request - roof for new addition",
           "Hello,\n\nWe are adding a 400 sq ft room on the back of the house and need a roofer to tie the new roof "
           "into the existing one. Framing should be done around December 10.\n\nCould you provide an estimate? I "
           "can send the plans.\n\nRegards,\nGregory Lam", "active_estimate", style="alternative")

p = Person("A16", "Natalie Ingram", "active_estimate", "ductwork quote (quoted-printable email)", phone=False,
           email="n.ingram@example.com")
p.email_in("Thu", "14:30:41", "Ductwork replacement quote",
           "Hi there \u2014 we'd like a quote for replacing the ductwork in our attic. The house was built in 1987 "
           "and as far as we know the ducts are the original flex duct\u2026 one of the back bedrooms barely gets "
           "any air.\n\nCould someone come out for an assessment next week? Mornings are best.\n\n"
           "Thanks,\nNatalie Ingram", "active_estimate", style="qp")

p = Person("A17", "Jos\u00e9 Ram\u00edrez", "active_estimate", "new roof quote, Spanish/English (RFC 2047 subject)",
           phone=False, email="jose.ramirez@example.net")
p.email_in("Fri", "19:12:03", "Cotizaci\u00f3n \u2013 techo nuevo (Ram\u00edrez)",
           "Buenas tardes,\n\nQuisiera una cotizaci\u00f3n para reemplazar el techo de mi casa en Pflugerville. Es "
           "de una planta, m\u00e1s o menos 1,800 pies cuadrados.\n\nGood afternoon, I would like a quote to replace "
           "the roof on my house in Pflugerville. One story, about 1,800 sq ft.\n\nGracias,\nJos\u00e9 "
           "Ram\u00edrez", "active_estimate", style="rfc2047")

p = Person("A18", "Kendra Wallace", "active_estimate", "missed call then form 8 minutes later",
           cnam="WIRELESS CALLER")
p.missed("Wed", "13:02")
p.form("Wed", "13:10:27", "Roof Repair", "Just tried calling. Some shingles are missing on the north side, no "
       "leaks inside. Would like a repair price.", "active_estimate", phone_style="dash", with_email=False)

p = Person("A20", "Hector Villarreal", "active_estimate", "answered Monday; missed call + voicemail Wednesday",
           cnam="VILLARREAL H")
p.answered("Mon", "14:15", "Dana Brooks", 188)
p.missed("Wed", "11:20")
p.vm("Wed", "11:22", "hey this is hector villarreal rick was supposed to come measure the roof today just checking "
     "if hes still coming im home all afternoon", "active_estimate")
p.call_out("Wed", "12:05", "Rick Hollis", "Completed", 64)

p = Person("A22", "Brenda Koh", "active_estimate", "form with email only (mixed case), then email",
           phone=False, email="brenda.koh@example.org")
p.form("Tue", "22:08:41", "Roof Repair", "Flashing around the chimney looks loose. No leak yet. Could someone take "
       "a look and quote a repair? Email is best.", "active_estimate", with_phone=False,
       email_as="Brenda.Koh@Example.org")
p.email_in("Thu", "12:15:09", "Chimney flashing repair", "Hello,\n\nJust following up on the request I sent "
           "Tuesday night. Roughly what does a flashing repair run?\n\nBrenda", "active_estimate")

p = Person("A23", "Samuel Ortiz", "active_estimate", "pre-listing roof inspection (email)", phone=False,
           email="sam.ortiz@example.com")
p.email_in("Sat", "10:40:27", "Roof inspection before we list the house",
           "Hi,\n\nWe're listing our house in January and the realtor suggested a roof inspection and a repair "
           "estimate first. Do you do that, and what does it cost? We're in Cedar Park.\n\nSam Ortiz",
           "active_estimate")

p = Person("A24", "Wendy Albright", "active_estimate", "referral from neighbor; one unanswered attempt", area=737,
           email="wendy.albright@example.net")
p.form("Fri", "12:48:02", "Roof Replacement", "Our neighbor on Live Oak Trail just had you replace their roof and "
       "it looks great. Can we get a quote for ours? Same style house.", "active_estimate", phone_style="paren")
p.call_out("Fri", "14:30", "Rick Hollis", "No Answer", 20)

p = Person("A27", "Mike Brandt", "active_estimate", "new-roof estimate, saw trucks in the neighborhood",
           cnam="BRANDT MICHAEL")
p.vm("Thu", "15:05", "yeah calling about getting an estimate on a new roof saw your trucks in the neighborhood "
     "today this is mike brandt %s" % p.spoken, "active_estimate")

p = Person("A28", "Olivia Chen", "active_estimate", "price to replace outdoor AC unit before spring", area=737,
           email="olivia.chen@example.com")
p.form("Mon", "12:30:11", "AC Repair", "AC quit at the end of summer. We're fine on heat for now but want a price "
       "to replace the outdoor unit before next spring.", "active_estimate", phone_style="dash")

# Old estimates ---------------------------------------------------------------------------------
p = Person("O1", "Ellen Whitaker", "old_estimate", "ready to move forward on June quote #3402", phone=False,
           email="ellen.whitaker@example.com")
p.estimate("3402", "2026-06-08", "Roof Replacement", "Rick Hollis", "Awaiting response", 1462000)
p.email_in("Tue", "09:55:12", "Re: Your estimate from Summit Ridge Roofing & Air (#3402)",
           "Hi Rick,\n\nSorry for going quiet all summer. We're ready to move forward if the price is still close. "
           "Can you let us know?\n\nEllen", "old_estimate",
           quote=(gmail_on(date(2026, 6, 8), "16:40", "Rick Hollis"),
                  ["Hi Ellen,", "", "Attached is estimate #3402 for the roof replacement at your home.", "",
                   "Rick Hollis"]),
           in_reply_to="<3402.20260608.rick@summitridge.example.com>")

p = Person("O2", "Lydia Marchetti", "old_estimate", "is April quote #3148 still good", cnam="MARCHETTI L")
p.estimate("3148", "2026-04-14", "AC + Furnace Replacement", "Priya Shah", "Awaiting response", 1387500,
           with_email=False)
p.vm("Mon", "15:32", "hi this is lydia marchetti priya gave us a quote back in april for the ac and furnace wanted "
     "to see if that price is still good were thinking about doing it before winter gets bad", "old_estimate")
p.call_out("Tue", "10:20", "Priya Shah", "Completed", 233)

p = Person("O3", "Trent Hayward", "old_estimate", "is the September gutter quote still good (text)")
p.estimate("3715", "2026-09-10", "Seamless Gutters", "Rick Hollis", "Awaiting response", 348000, with_email=False)
p.sms("Wed", "19:14:50", "Is the gutter quote from September still good? Might be ready after Thanksgiving.",
      "old_estimate")

p = Person("O4", "Naomi Castellanos", "old_estimate", "quote #2651 from last December", phone=False,
           email="ncastellanos@example.net")
p.estimate("2651", "2025-12-09", "Roof Replacement", "Rick Hollis", "Archived", 2135000)
p.email_in("Thu", "17:22:48", "Estimate 2651 from last December",
           "Hello,\n\nYou gave us an estimate last December for a new roof (2651). Insurance finally came through. "
           "Is the quote still valid or do we need a new one?\n\nNaomi Castellanos", "old_estimate")

p = Person("O5", "Marisol Ortega", "old_estimate", "August quote #3633, ready to schedule (form)", area=737,
           email="marisol.ortega@example.org")
p.estimate("3633", "2026-08-13", "Roof Replacement", "Rick Hollis", "Changes requested", 1977500)
p.form("Mon", "18:40:22", "Roof Replacement", "Rick quoted us in August (we asked for a couple of changes). We are "
       "ready to get on the schedule now if the price holds.", "old_estimate", phone_style="paren")

p = Person("O7", "Curtis Bell", "old_estimate", "July heat pump quote #3560; missed call + voicemail",
           cnam="BELL CURTIS")
p.estimate("3560", "2026-07-21", "Heat Pump Replacement", "Priya Shah", "Awaiting response", 1148000)
p.missed("Tue", "17:48")
p.vm("Tue", "17:50", "hey this is curtis bell calling about that heat pump estimate from back in the summer ive "
     "been putting it off but the old one is getting loud give me a call", "old_estimate")
p.call_out("Wed", "08:45", "Priya Shah", "Completed", 190)

p = Person("O8", "Walt Brennan", "old_estimate", "roof quote #2604 from a year ago", phone=False,
           email="walt.brennan@example.com")
p.estimate("2604", "2025-11-20", "Roof Replacement", "Rick Hollis", "Archived", 1894000)
p.email_in("Sat", "08:20:15", "Roof quote from last year",
           "Good morning,\n\nYou folks gave me a roof estimate about a year ago. Wondering if you could update it, "
           "we are finally ready to do it.\n\nWalt Brennan", "old_estimate")

p = Person("O9", "Paula Jennings", "old_estimate",
           "still interested; quoted text says 'stop following up' (not a stop)", phone=False,
           email="pjennings@example.org")
p.estimate("3758", "2026-09-24", "Attic Insulation", "Priya Shah", "Awaiting response", 496000)
p.email_in("Fri", "10:05:33", "Re: Your insulation estimate",
           "Hi Priya,\n\nYes, we're still interested, just busy. Could you come out in early December to go over "
           "the insulation quote again?\n\nPaula", "old_estimate",
           quote=(gmail_on(date(2026, 11, 12), "09:30", "Priya Shah"),
                  ["Hi Paula,", "", "Just checking in on the attic insulation estimate (#3758) from September.",
                   "If you'd rather we stop following up, just reply and say so - no hard feelings.", "",
                   "Priya Shah", "Summit Ridge Roofing & Air"]),
           in_reply_to="<3758.20261112.priya@summitridge.example.com>")

# Warranty ----------------------------------------------------------------------------------
p = Person("W1", "Sandra Kowalski", "warranty", "shingles lifting on July roof (#3431)", phone=False,
           email="skowalski@example.com")
p.estimate("3431", "2026-06-22", "Roof Replacement", "Rick Hollis", "Converted", 1589000)
p.email_in("Mon", "07:15:26", "Shingles lifting - roof you installed in July",
           "Hi,\n\nAfter the wind this weekend I noticed a few shingles lifting along the ridge on the back slope. "
           "No leaks inside. You replaced the roof in July, can someone come check it under the warranty?\n\n"
           "Sandra Kowalski", "warranty")

p = Person("W2", "Arthur Pruitt", "warranty", "thermostat from March install (#3052) keeps resetting",
           cnam="PRUITT ARTHUR")
p.estimate("3052", "2026-03-18", "Heat Pump + Smart Thermostat", "Priya Shah", "Converted", 1094000,
           with_email=False)
p.vm("Tue", "09:20", "hi this is arthur pruitt you installed a heat pump and a smart thermostat for us in march the "
     "thermostat keeps losing wifi and resetting the schedule the heat works fine just wanted somebody to look at "
     "it under the warranty", "warranty")
p.call_out("Tue", "09:50", "Luis Mendez", "Completed", 156)

p = Person("W3", "Janet Fairbanks", "warranty", "gutter guards (#3688) sagging", email="jfairbanks@example.net")
p.estimate("3688", "2026-09-02", "Gutter Guards", "Rick Hollis", "Approved", 284000)
p.form("Wed", "07:48:19", "Other", "The gutter guards you put on in September are sagging on the front of the "
       "house, looks like a couple of hangers pulled loose. Please send someone to fix under warranty.",
       "warranty", phone_style="paren")

p = Person("W4", "Victor Salinas", "warranty", "rattle from August heat pump (#3612), heat works", area=737)
p.estimate("3612", "2026-08-05", "Heat Pump Replacement", "Priya Shah", "Converted", 1120000, with_email=False)
p.sms("Thu", "16:40:33", "Hi, Victor Salinas here. The heat pump you installed in August makes a loud rattle when "
      "it kicks on. Heat still works. Is that covered?", "warranty")

p = Person("W5", "Debra Lyons", "warranty", "ridge-cap nails popping on 2025 roof (#2530), reply to old thread",
           phone=False, email="dlyons@example.net")
p.estimate("2530", "2025-10-15", "Roof Replacement", "Rick Hollis", "Converted", 1645000)
p.email_in("Sat", "11:30:58", "Re: Your new roof - thank you!",
           "Hi Maria,\n\nA year later we noticed some nails popping up along the ridge cap, and it looks a little "
           "uneven from the street. Is this something your warranty covers?\n\nDebra", "warranty",
           quote=(gmail_on(date(2025, 11, 10), "09:15", "Maria Alvarez"),
                  ["Hi Debra,", "", "Thank you for choosing Summit Ridge. Your new roof carries our 10-year",
                   "workmanship warranty; just reply to this email if anything comes up.", "", "Maria Alvarez"]),
           in_reply_to="<2530.20251110.maria@summitridge.example.com>")

p = Person("W6", "Glenn Harper", "warranty", "loose drip edge on May roof (#3290); missed call then form",
           email="glenn.harper@example.com", cnam="HARPER GLENN")
p.estimate("3290", "2026-05-12", "Roof Replacement", "Rick Hollis", "Converted", 1831000)
p.missed("Mon", "11:58")
p.form("Mon", "12:03:44", "Other", "You replaced our roof in May. A section of drip edge is coming loose over the "
       "garage and we're still finding nails in the driveway. Not urgent.", "warranty", phone_style="dash")

# Routine -----------------------------------------------------------------------------------
p = Person("R1", "Dale Kessler", "routine", "service area: Temple/Belton", area=254)
p.form("Mon", "09:40:12", "Other", "Do you service the Temple / Belton area? Just asking for future reference.",
       "routine", phone_style="paren", with_email=False, address="2208 Prairie Dove Ln, Temple, TX 76502")

p = Person("R2", "Ingrid Solberg", "routine", "what the maintenance plan includes", phone=False,
           email="isolberg@example.org")
p.email_in("Tue", "16:05:37", "Maintenance plan?", "Hello,\n\nWhat does your maintenance plan include and what does "
           "it cost per year? We have two systems (upstairs and downstairs).\n\nIngrid", "routine")

p = Person("R3", "Lamar Gaines", "routine", "Saturday hours; missed call + voicemail", cnam="GAINES LAMAR")
p.missed("Fri", "17:45")
p.vm("Fri", "17:46", "hi just wondering what your hours are on saturday thanks", "routine")
p.call_out("Sat", "08:15", "Tom Nguyen", "Completed", 41)

p = Person("R4", "Yvonne Carter", "routine", "financing question")
p.sms("Tue", "20:15:40", "Do you offer financing for a new roof? Just curious what the options are.", "routine")

p = Person("R5", "Howard Blum", "routine", "warranty terms question (not a warranty claim)", phone=False,
           email="hblum@example.com")
p.email_in("Wed", "14:12:05", "Warranty question", "Hi,\n\nWhat kind of warranty comes with a roof replacement? Is "
           "the workmanship warranty separate from the manufacturer warranty? We're comparing a few companies."
           "\n\nHoward Blum", "routine")

p = Person("R6", "Gina Romano", "routine", "maintenance plan billing (form)", area=737,
           email="gina.romano@example.com")
p.form("Thu", "19:22:06", "HVAC Maintenance", "Interested in your maintenance plan for 2 systems. How does billing "
       "work?", "routine", phone_style="dot")

p = Person("R7", "Terrence Hall", "routine", "open Saturday? (answered by text)")
p.sms("Fri", "18:05:12", "Are you guys open Saturday?", "routine")
p.sms_out("Sat", "08:05:40", "Yes, 8 to noon. - Tom, Summit Ridge")

p = Person("R8", "Frances Oyelaran", "routine", "gutter cleaning? Marble Falls?", area=830, cnam="OYELARAN F")
p.vm("Thu", "11:40", "hi i was wondering if you all do gutter cleaning or is it just roofs also do you come out to "
     "marble falls thanks", "routine")

p = Person("R9", "Leonard Zhou", "routine", "attic fans / radiant barrier, just researching",
           email="leonard.zhou@example.org")
p.form("Sat", "15:02:44", "Other", "Do you install attic fans or radiant barrier? Just researching for now.",
       "routine", phone_style="paren")

p = Person("R10", "Bethany Crowe", "routine", "do you work in Kyle/Buda", area=737)
p.sms("Sun", "13:40:09", "Hi do you work in Kyle/Buda?", "routine")

p = Person("R11", "Nolan Garrity", "routine", "credit card for deposit?", cnam="GARRITY NOLAN")
p.vm("Mon", "17:52", "yeah hi do yall take credit cards for the deposit or is it check only thanks", "routine")

p = Person("R12", "Evelyn Stroud", "routine", "open the day after Thanksgiving?", phone=False,
           email="estroud@example.net")
p.email_in("Thu", "09:30:18", "Holiday hours", "Hi, is your office open the day after Thanksgiving? Thanks, Evelyn",
           "routine")

# Unknown: missed calls, no voicemail, nothing else ----------------------------------------
UNKNOWN = [
    ("U1", "", "WIRELESS CALLER", 512, [("Mon", "08:12")], [("Mon", "09:05", "Dana Brooks", "Completed", 45)]),
    ("U2", "M Herrera", "HERRERA M", 512, [("Mon", "16:40")], []),
    ("U3", "", "", 737, [("Tue", "10:31")], [("Tue", "13:50", "Tom Nguyen", "No Answer", 0)]),
    ("U4", "", "AUSTIN TX", 512, [("Tue", "18:20")], []),
    ("U5", "", "WIRELESS CALLER", 512, [("Wed", "07:35")], []),
    ("U6", "V Johnson", "V JOHNSON", 512, [("Wed", "12:47")], [("Wed", "14:15", "Dana Brooks", "No Answer", 24)]),
    ("U7", "", "WIRELESS CALLER", 737, [("Thu", "06:48")], []),
    ("U8", "", "", 512, [("Thu", "07:02"), ("Thu", "07:06")], []),
    ("U9", "", "ROUND ROCK TX", 512, [("Thu", "07:33")], []),
    ("U10", "", "WIRELESS CALLER", 512, [("Thu", "08:21")], []),
    ("U11", "K Lott", "LOTT K", 512, [("Thu", "09:14")], []),
    ("U12", "", "WIRELESS CALLER", 737, [("Thu", "12:05")], []),
    ("U13", "", "", 512, [("Fri", "11:44"), ("Fri", "15:02")], []),
    ("U14", "", "WIRELESS CALLER", 830, [("Fri", "21:30")], []),
    ("U15", "", "CEDAR PARK TX", 512, [("Sat", "10:05")], []),
]
for ref, name, cnam, area, calls, outs in UNKNOWN:
    note = "missed call, no voicemail" if len(calls) == 1 else "%d missed calls, no voicemail" % len(calls)
    if outs:
        note += "; " + ("reached on callback" if outs[0][3] == "Completed" else "callback not answered")
    p = Person(ref, name, "unknown", note, area=area, cnam=cnam)
    for day, hm in calls:
        p.missed(day, hm)
    for o in outs:
        p.call_out(*o)

# Answered live (handled) -------------------------------------------------------------------
ANSWERED = [
    ("AN1", "Keith Norris", "NORRIS KEITH", [("Mon", "08:44", "Dana Brooks", 214)]),
    ("AN2", "", "WIRELESS CALLER", [("Mon", "13:32", "Tom Nguyen", 95)]),
    ("AN3", "Shirley Dawson", "DAWSON S", [("Tue", "09:05", "Dana Brooks", 402), ("Thu", "10:40", "Dana Brooks", 61)]),
    ("AN4", "Raymond Iles", "ILES RAYMOND", [("Tue", "15:18", "Maria Alvarez", 527)]),
    ("AN5", "", "WIRELESS CALLER", [("Wed", "10:12", "Tom Nguyen", 133)]),
    ("AN6", "Marjorie Stiles", "STILES M", [("Thu", "09:52", "Dana Brooks", 248)]),
    ("AN7", "", "AUSTIN TX", [("Thu", "14:18", "Tom Nguyen", 176)]),
    ("AN8", "Cody Ferrell", "FERRELL CODY", [("Fri", "10:44", "Dana Brooks", 89)]),
    ("AN9", "", "WIRELESS CALLER", [("Sat", "09:20", "Tom Nguyen", 143)]),
]
for ref, name, cnam, calls in ANSWERED:
    p = Person(ref, name, "answered", "answered live" + (" twice" if len(calls) > 1 else ""), cnam=cnam)
    for c in calls:
        p.answered(*c)

# Quotes for people who never write during the week -----------------------------------------
NEVER = [
    ("3930", "Russell Ames", "2026-11-13", "Roof Repair", "Rick Hollis", "Awaiting response", 185000),
    ("3919", "Claire Donovan", "2026-11-11", "Furnace Replacement", "Priya Shah", "Awaiting response", 689000),
    ("3889", "Martin Voss", "2026-11-03", "Roof Replacement", "Rick Hollis", "Approved", 1512500),
    ("3870", "Lucia Fontaine", "2026-10-30", "AC Replacement", "Priya Shah", "Changes requested", 842000),
    ("3848", "Derek Malone", "2026-10-20", "Roof Replacement", "Rick Hollis", "Awaiting response", 2048000),
    ("3730", "Tina Hargrove", "2026-09-15", "Seamless Gutters", "Rick Hollis", "Archived", 312000),
    ("3518", "Warren Pike", "2026-07-07", "Roof Replacement", "Rick Hollis", "Converted", 1704000),
    ("3355", "Sylvia Ortmann", "2026-05-28", "AC Replacement", "Priya Shah", "Converted", 795000),
    ("2890", "Oscar Lindell", "2026-02-10", "Roof Repair", "Rick Hollis", "Archived", 96000),
]
for num, name, sent, service, sp, status, cents in NEVER:
    area, sfx = take_number(rng.choice((512, 512, 737)))
    first, last = name.lower().split()
    ESTIMATES.append(dict(number=num, name=name, sent=date.fromisoformat(sent), service=service, salesperson=sp,
                          status=status, total=cents, phone=fmt_phone(area, sfx, rng.choice(("paren", "dash"))),
                          email="%s.%s@%s" % (first, last, rng.choice(("example.com", "example.net", "example.org")))))

# Rows the importer must reject (they belong to nobody) -------------------------------------
_bad_area, _bad_sfx = take_number(737)
REJECTS.append(dict(file="calls.csv", kind="call", sort=at("Wed", "12:58:00"), start="13/45/2026 25:99",
                    frm=fmt_phone(_bad_area, _bad_sfx, "dash"), cnam="WIRELESS CALLER", result="Missed", dur=0,
                    why="unparseable Start Time"))
REJECTS.append(dict(file="calls.csv", kind="call", sort=at("Thu", "07:09:00"), start=None, frm="Anonymous",
                    cnam="", result="Missed", dur=0, why="inbound From is \"Anonymous\" (no usable phone)"))
REJECTS.append(dict(file="web-forms.csv", kind="form", t=at("Thu", "11:02:37"), first="Rob", last="", phone="",
                    email="", service="Storm Damage", address="", message="hail damage need someone to look at roof",
                    why="neither phone nor email"))


# =============================================================================================
# Rendering
# =============================================================================================
def us_time(t):
    return t.strftime("%m/%d/%Y %I:%M %p")


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def line_of(text, needle):
    """1-based physical line where the row containing needle starts."""
    return text[: text.index(needle)].count("\n") + 1


def render_calls():
    rows = []  # (sort time, seq, row)
    seq = 0
    for p in PEOPLE:
        for e in p.events:
            seq += 1
            if e["kind"] == "call":
                line = PROFILE_LINE if p.e164 in PROFILE_CALLERS else MAIN_LINE
                rows.append((e["t"], seq, [us_time(e["t"]), "Inbound", e["frm"], p.cnam, line, e["result"],
                                           str(e["dur"]), e["agent"]]))
            elif e["kind"] == "call_out":
                rows.append((e["t"], seq, [us_time(e["t"]), "Outbound", MAIN_LINE, "SUMMIT RIDGE RF", e["to"],
                                           e["result"], str(e["dur"]), e["agent"]]))
    for r in REJECTS:
        if r["file"] == "calls.csv":
            seq += 1
            rows.append((r["sort"], seq, [r["start"] or us_time(r["sort"]), "Inbound", r["frm"], r["cnam"],
                                          MAIN_LINE, r["result"], str(r["dur"]), ""]))
    rows.sort(key=lambda x: (x[0], x[1]))
    return csv_text(CALLS_HEADER, [r for _, _, r in rows])


def render_voicemails():
    rows = []
    for p in PEOPLE:
        for e in p.events:
            if e["kind"] == "vm":
                rows.append((e["t"], [e["t"].strftime("%Y-%m-%d %H:%M"), e["frm"], p.cnam, str(e["dur"]),
                                      e["text"]]))
    rows.sort(key=lambda x: x[0])
    return csv_text(VM_HEADER, [r for _, r in rows])


def render_forms():
    items = []
    for p in PEOPLE:
        for e in p.events:
            if e["kind"] == "form":
                items.append(e)
    items += [r for r in REJECTS if r["file"] == "web-forms.csv"]
    items.sort(key=lambda e: e["t"])
    rows = []
    entry = 2317
    for e in items:
        entry += 1 + (1 if rr.random() < 0.25 else 0)  # spam-filtered entries leave gaps
        rows.append([str(entry), e["t"].strftime("%Y-%m-%d %H:%M:%S"), e["first"], e["last"], e["phone"],
                     e["email"], e["service"], e["address"], e["message"]])
    return csv_text(FORMS_HEADER, rows)


def sid(n):
    return "SM" + "%032x" % random.Random("sms-%d-%d" % (SEED, n)).getrandbits(128)


def render_sms():
    items = []
    for p in PEOPLE:
        for e in p.events:
            if e["kind"] == "sms_in":
                items.append((e["t"], [p.e164, MAIN_E164, e["body"], "received", None, "inbound"]))
            elif e["kind"] == "sms_out":
                items.append((e["t"], [MAIN_E164, p.e164, e["body"], "delivered", None, e["direction"]]))
    items.sort(key=lambda x: x[0])
    rows = []
    for n, (t, r) in enumerate(items):
        r[4] = t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append(r + [sid(n)])
    rows.reverse()  # Twilio exports newest first
    return csv_text(SMS_HEADER, rows)


def render_estimates():
    rows = sorted(ESTIMATES, key=lambda e: -int(e["number"]))
    out = []
    for e in rows:
        out.append([e["number"], e["name"], e["phone"], e["email"], e["salesperson"], e["service"], e["status"],
                    "{:,.2f}".format(e["total"] / 100), e["sent"].isoformat()])
    return csv_text(EST_HEADER, out)


def encoded_word(text, mode="B"):
    raw = text.encode("utf-8")
    if mode == "B":
        return "=?UTF-8?B?%s?=" % base64.b64encode(raw).decode("ascii")
    q = "".join(chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else
                ("_" if b == 32 else "=%02X" % b) for b in raw)
    return "=?UTF-8?Q?%s?=" % q


def mbox_escape(body):
    return "\n".join(re.sub(r"^(>*From )", r">\1", ln) for ln in body.split("\n"))


def render_mbox():
    items = []
    for p in PEOPLE:
        for e in p.events:
            if e["kind"] == "email":
                items.append((e["t"], p, e))
    items.sort(key=lambda x: x[0])
    out = []
    for n, (t, p, e) in enumerate(items):
        addr = p.email
        display = e["display"]
        from_hdr = ("%s <%s>" % (encoded_word(display, "Q"), addr) if any(ord(c) > 127 for c in display)
                    else '"%s" <%s>' % (display, addr) if "," in display else "%s <%s>" % (display, addr))
        subject = e["subject"]
        if e["style"] == "rfc2047":
            subject = encoded_word(subject, "B")
        domain = addr.split("@")[1]
        mid = "<%s.%04d.%s@mail.%s>" % (t.strftime("%Y%m%d%H%M%S"), rr.randrange(10000),
                                        "%08x" % rr.getrandbits(32), domain)
        hdrs = [("Return-Path", "<%s>" % addr),
                ("From", from_hdr),
                ("To", OFFICE_DISPLAY),
                ("Date", t.strftime("%a, %d %b %Y %H:%M:%S -0600")),
                ("Subject", subject),
                ("Message-ID", mid)]
        if e["in_reply_to"]:
            hdrs += [("In-Reply-To", e["in_reply_to"]), ("References", e["in_reply_to"])]
        hdrs.append(("MIME-Version", "1.0"))
        body = e["body"]
        if e["quote"]:
            on_line, qlines = e["quote"]
            body = body + "\n\n" + on_line + "\n" + quoted(qlines)
        if e["style"] in ("plain", "rfc2047"):
            nonascii = any(ord(c) > 127 for c in body)
            hdrs += [("Content-Type", 'text/plain; charset="UTF-8"'),
                     ("Content-Transfer-Encoding", "8bit" if nonascii else "7bit")]
            payload = body + "\n"
        elif e["style"] == "qp":
            hdrs += [("Content-Type", 'text/plain; charset="UTF-8"'),
                     ("Content-Transfer-Encoding", "quoted-printable")]
            payload = quopri.encodestring(body.encode("utf-8")).decode("ascii") + "\n"
        elif e["style"] == "html":
            hdrs += [("Content-Type", 'text/html; charset="UTF-8"'), ("Content-Transfer-Encoding", "7bit")]
            payload = e["html"] + "\n"
        elif e["style"] == "alternative":
            boundary = "----=_NextPart_000_%04X_01DB%08X" % (rr.getrandbits(16), rr.getrandbits(32))
            hdrs += [("Content-Type", 'multipart/alternative;\n\tboundary="%s"' % boundary)]
            html = "<html><body>\n" + "\n".join(
                "<p>%s</p>" % para.replace("&", "&amp;").replace("\n", "<br>\n")
                for para in body.split("\n\n")) + "\n</body></html>"
            payload = ("This is a multi-part message in MIME format.\n\n"
                       "--%s\nContent-Type: text/plain; charset=\"us-ascii\"\nContent-Transfer-Encoding: 7bit\n\n"
                       "%s\n\n--%s\nContent-Type: text/html; charset=\"us-ascii\"\n"
                       "Content-Transfer-Encoding: 7bit\n\n%s\n\n--%s--\n" % (boundary, body, boundary, html,
                                                                              boundary))
        else:
            raise ValueError(e["style"])
        envelope = "From %s %s" % (addr, t.astimezone(timezone.utc).strftime("%a %b %d %H:%M:%S %Y"))
        msg = "\n".join("%s: %s" % h for h in hdrs) + "\n\n" + mbox_escape(payload)
        if not msg.endswith("\n"):
            msg += "\n"
        out.append(envelope + "\n" + msg)
    return "\n".join(out)


def render_expected():
    rows = []
    for p in PEOPLE:
        if not p.signals:
            continue
        cat = p.category
        assert cat == p.expect, (p.ref, cat, p.expect)
        rows.append([p.contact, p.name, str(len(p.signals)), cat, "1" if p.stopped else "0", p.note])
    rows.sort(key=lambda r: (CATEGORY_ORDER.index(r[3]), r[0]))
    return csv_text(EXPECTED_HEADER, rows)


# ---------------------------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------------------------
def file_totals(files):
    """Per file: rows, inbound (signals), outbound, rejected."""
    t = {}
    calls = list(csv.reader(io.StringIO(files["calls.csv"])))[1:]
    rej_calls = sum(1 for r in REJECTS if r["file"] == "calls.csv")
    inbound = sum(1 for r in calls if r[1] == "Inbound")
    t["calls.csv"] = (len(calls), inbound - rej_calls, len(calls) - inbound, rej_calls)
    vms = list(csv.reader(io.StringIO(files["voicemails.csv"])))[1:]
    t["voicemails.csv"] = (len(vms), len(vms), 0, 0)
    forms = list(csv.reader(io.StringIO(files["web-forms.csv"])))[1:]
    rej_forms = sum(1 for r in REJECTS if r["file"] == "web-forms.csv")
    t["web-forms.csv"] = (len(forms), len(forms) - rej_forms, 0, rej_forms)
    sms = list(csv.reader(io.StringIO(files["sms.csv"])))[1:]
    sin = sum(1 for r in sms if r[5] == "inbound")
    t["sms.csv"] = (len(sms), sin, len(sms) - sin, 0)
    n_mail = len(re.findall(r"^From \S+ \w{3} \w{3} ", files["inbox.mbox"], re.M))
    t["inbox.mbox"] = (n_mail, n_mail, 0, 0)
    est = list(csv.reader(io.StringIO(files["estimates.csv"])))[1:]
    t["estimates.csv"] = (len(est), None, None, None)
    return t


def render_readme(files):
    tot = file_totals(files)
    people = [p for p in PEOPLE if p.signals]
    n_signals = sum(len(p.signals) for p in people)
    by_cat = {}
    for p in people:
        c = by_cat.setdefault(p.category, [0, 0])
        c[0] += 1
        c[1] += len(p.signals)

    def short(p):
        return "%s (%s)" % (p.name or "no name", p.contact)

    L = []
    a = L.append
    a("# Sample week: Summit Ridge Roofing & Air, 2026-W47")
    a("")
    a("Fully synthetic data for trying Ringback and for its tests. Every name is invented, every")
    a("phone number is in the fictional 555-01XX range (area codes 512, 737, 254, 830) and every")
    a("email address is at example.com, example.net or example.org.")
    a("")
    a("All files here are written by `generate.py` (Python 3 standard library, fixed seed, no")
    a("network). Do not edit them by hand: change the scenario in `generate.py` and run")
    a("")
    a("    python3 generate.py          # rewrites every file below, byte-identically")
    a("    python3 generate.py --check  # re-reads the files and checks them against expected.csv")
    a("")
    a("## The business and the week")
    a("")
    a("- Company: Summit Ridge Roofing & Air, Austin, Texas (America/Chicago), main line %s." % MAIN_LINE)
    a("- Google Business Profile: call tracking number %s (`[profile] numbers` in the example config);" % PROFILE_LINE)
    a("  %d buyers called it this week, so their lead source is \"Google Business Profile\"." % len(PROFILE_CALLERS))
    a("- Hours: Mon-Fri 07:30-17:30, Sat 08:00-12:00, Sun closed.")
    a("- Team: Maria Alvarez (owner), Dana Brooks (dispatcher), Tom Nguyen (office/CSR), Rick Hollis")
    a("  (estimator, roofing), Priya Shah (estimator, HVAC), Luis Mendez (technician, HVAC, service lead,")
    a("  on call this week), Jake Turner (technician, roofing, service lead).")
    a("- Week: ISO 2026-W47, Monday 2026-11-16 to Sunday 2026-11-22. Audit as of %s." % AS_OF)
    a("- Weather: hail Wednesday night (Nov 18) -> roof leaks and storm calls Thursday morning; cold")
    a("  snap Friday night -> no-heat calls Friday night through Sunday.")
    a("")
    a("## Files")
    a("")
    a("| File | Rows | Inbound signals | Outbound | Rejected |")
    a("|---|---:|---:|---:|---:|")
    for f in ["calls.csv", "voicemails.csv", "web-forms.csv", "sms.csv", "inbox.mbox"]:
        r, i, o, j = tot[f]
        a("| `%s` | %d | %d | %d | %d |" % (f, r, i, o, j))
    a("| `estimates.csv` | %d | - | - | - |" % tot["estimates.csv"][0])
    s_rows = sum(tot[f][0] for f in ["calls.csv", "voicemails.csv", "web-forms.csv", "sms.csv", "inbox.mbox"])
    s_in = sum(tot[f][1] for f in ["calls.csv", "voicemails.csv", "web-forms.csv", "sms.csv", "inbox.mbox"])
    s_out = sum(tot[f][2] for f in ["calls.csv", "voicemails.csv", "web-forms.csv", "sms.csv", "inbox.mbox"])
    a("| **total** | %d | %d | %d | %d |" % (s_rows, s_in, s_out, len(REJECTS)))
    a("")
    a("Rows in `inbox.mbox` are messages. `expected.csv` is the answer key (below).")
    a("")
    a("- `calls.csv`: phone-system log, local time (`11/16/2026 07:42 AM`), oldest first. Inbound `From`")
    a("  numbers use mixed formats. Outbound rows are callbacks from the main line: `Completed` with")
    a("  duration >= 30 s means they talked; `No Answer` is 0-25 s.")
    a("- `voicemails.csv`: transcripts, local time. Each follows its `Voicemail` call row from the same")
    a("  number 1-2 minutes earlier: one voicemail is two signals (the call row and the transcript).")
    a("- `web-forms.csv`: form entries, local time; entry ids have gaps. One message spans three lines")
    a("  (quoted newlines); one contains a comma and double quotes.")
    a("- `sms.csv`: Twilio log, UTC (`...Z`), newest first; `Sid` is deterministic.")
    a("- `inbox.mbox`: inbound mail to %s only (staff replies are not in it). Date headers" % OFFICE)
    a("  are -0600; the `From ` envelope lines are UTC. Includes an HTML-only message, a")
    a("  multipart/alternative one, a quoted-printable body, an RFC 2047 encoded Subject, a `>From `")
    a("  escaped body line, and replies whose quoted text (`> ...`) must be ignored.")
    a("- `estimates.csv`: Jobber-style quotes, newest quote number first; %d quotes belong to people who" %
      len(NEVER))
    a("  do not write this week.")
    a("")
    a("### The 3 rejected rows")
    a("")
    for r in REJECTS:
        if r["file"] == "calls.csv":
            ln = line_of(files["calls.csv"], r["start"] or ",Inbound,Anonymous,")
        else:
            ln = line_of(files["web-forms.csv"], ",Rob,")
        a("- `%s` line %d: %s." % (r["file"], ln, r["why"]))
    a("")
    a("Line numbers are file lines (the header is line 1). These rows belong to nobody in")
    a("`expected.csv` and are not counted as signals.")
    a("")
    a("## The answer key: expected.csv")
    a("")
    a("One row per person who sent at least one accepted inbound signal: %d people, %d signals." %
      (len(people), n_signals))
    a("")
    a("- `contact`: E.164 phone if any of the person's signals carries one, else the lower-case email.")
    a("  Phone and email are the same person only when one signal (a web form) carries both;")
    a("  `estimates.csv` does not merge identities.")
    a("- `signals`: inbound rows from the person in all five files (answered calls included).")
    a("- `category`: all of the person's signals combined, most urgent wins:")
    a("  stop > emergency > warranty > active_estimate > old_estimate > routine > unknown. A sender of")
    a("  only spam (plus bare missed calls) is `spam`; a person with only answered calls is `answered`.")
    a("- `stopped`: 1 if the person asked to stop at any point.")
    a("")
    a("| Category | People | Signals |")
    a("|---|---:|---:|")
    for c in CATEGORY_ORDER:
        if c in by_cat:
            a("| %s | %d | %d |" % (c, by_cat[c][0], by_cat[c][1]))
    a("| **total** | %d | %d |" % (len(people), n_signals))
    a("")
    a("## Cases worth knowing")
    a("")
    repeat = [p for p in people if p.contacts >= 2]
    a("- Repeat and cross-channel contacts (2 or more inbound contacts; a voicemail and its call row")
    a("  count once): %d people." % len(repeat))
    for p in repeat:
        chans = []
        for e in p.signals:
            if e["kind"] == "call":
                k = {"Answered": "answered call", "Voicemail": "voicemail"}.get(e["result"], "missed call")
            else:
                k = {"form": "form", "sms_in": "text", "email": "email"}.get(e["kind"])
            if k:
                chans.append(k)
        a("  - %s: %s." % (short(p), ", ".join(chans)))
    stops = [p for p in people if p.stopped]
    after = [p for p in stops if any(e["cat"] not in (None, "stop", "unknown") for e in p.signals)]
    R = PEOPLE_BY_REF
    a("- Stop after a real request earlier in the week (must end do-not-contact):")
    a("  %s." % "; ".join(short(p) for p in after))
    a("- STOP in reply to a callback text: %s." % short(R["S1"]))
    a("- \"Wrong number\" reply to a callback text sent to a mistyped number (meant for %s): %s." %
      (short(R["A25"]), short(R["S3"])))
    a("- Called again after asking to stop: %s (outbound `No Answer`, Friday)." % short(R["S5"]))
    a("- Not stop: %s \"the leak won't stop\"; %s \"can you stop by Tuesday\";" % (short(R["E7"]), short(R["A5"])))
    a("  %s \"cancel my Friday appointment and reschedule\"; %s \"stop following up\" only" %
      (short(R["A9"]), short(R["O9"])))
    a("  in the quoted text of a reply.")
    a("- Escalation: %s asked for a repair quote Tuesday, then \"now it's flooding\" Thursday." % short(R["E9"]))
    a("- Warranty terms question (routine, not warranty): %s." % short(R["R5"]))
    never = [p for p in people if p.category == "emergency" and not any(e["kind"] in ("call_out", "sms_out")
                                                                        for e in p.events)]
    a("- Emergencies with no outbound attempt on record: %s." % "; ".join(short(p) for p in never))
    a("- The `From` of the `Voicemail` call rows and the voicemail rows may use different formats for")
    a("  the same number.")
    a("")
    return "\n".join(L)


PEOPLE_BY_REF = {p.ref: p for p in PEOPLE}


def render_all():
    global rr
    rr = random.Random(SEED + 1)  # rendering draws from its own stream, so every render is identical
    files = {}
    files["calls.csv"] = render_calls()
    files["voicemails.csv"] = render_voicemails()
    files["web-forms.csv"] = render_forms()
    files["sms.csv"] = render_sms()
    files["inbox.mbox"] = render_mbox()
    files["estimates.csv"] = render_estimates()
    files["expected.csv"] = render_expected()
    files["README.md"] = render_readme(files)
    return files


# =============================================================================================
# --check: re-read the written files independently and compare with expected.csv
# =============================================================================================
def norm_phone(raw):
    digits = re.sub(r"\D", "", raw or "")
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10:
        return ""
    return "+1" + digits


def check():
    errors = []
    read = lambda f: open(path_of(f), encoding="utf-8", newline="").read()
    phone_re = re.compile(r"^\+1(512|737|254|830)55501\d\d$")
    email_re = re.compile(r"@([a-z0-9.-]+\.)?example\.(com|net|org)$")
    count = {}
    links = {}

    def add(key):
        count[key] = count.get(key, 0) + 1

    def chk_phone(e164, where):
        if not phone_re.match(e164):
            errors.append("bad phone %s in %s" % (e164, where))

    calls = list(csv.DictReader(io.StringIO(read("calls.csv"))))
    assert list(calls[0].keys()) == CALLS_HEADER
    vm_calls = []
    for i, r in enumerate(calls):
        for col in ("From", "To"):
            if r[col] != "Anonymous":
                ph = norm_phone(r[col])
                chk_phone(ph, "calls.csv row %d" % (i + 2))
        if r["Direction"] != "Inbound":
            if r["From"] != MAIN_LINE or r["Result"] not in ("Completed", "No Answer") or not r["Agent"]:
                errors.append("bad outbound row %d" % (i + 2))
            continue
        try:
            t = datetime.strptime(r["Start Time"], "%m/%d/%Y %I:%M %p")
        except ValueError:
            continue  # rejected
        ph = norm_phone(r["From"])
        if not ph:
            continue  # rejected
        if r["Result"] == "Answered" and r["Agent"] not in STAFF:
            errors.append("answered without agent row %d" % (i + 2))
        if r["Result"] == "Missed" and r["Agent"]:
            errors.append("missed with agent row %d" % (i + 2))
        if r["Result"] == "Voicemail":
            vm_calls.append((ph, t))
        add(ph)
    vms = list(csv.DictReader(io.StringIO(read("voicemails.csv"))))
    for r in vms:
        ph = norm_phone(r["From"])
        t = datetime.strptime(r["Received"], "%Y-%m-%d %H:%M")
        if not any(c == ph and timedelta(minutes=1) <= t - ct <= timedelta(minutes=2) for c, ct in vm_calls):
            errors.append("voicemail without call row: %s %s" % (ph, t))
        add(ph)
    if len(vms) != len(vm_calls):
        errors.append("voicemail rows %d != Voicemail call rows %d" % (len(vms), len(vm_calls)))
    forms = list(csv.DictReader(io.StringIO(read("web-forms.csv"))))
    for r in forms:
        ph, em = norm_phone(r["Phone"]), r["Email"].lower()
        if r["Service"] not in SERVICES:
            errors.append("bad service %s" % r["Service"])
        if em and not email_re.search(em):
            errors.append("bad email %s" % em)
        if ph:
            chk_phone(ph, "web-forms.csv")
            if em:
                links[em] = ph
            add(ph)
        elif em:
            add(em)
    sms = list(csv.DictReader(io.StringIO(read("sms.csv"))))
    for r in sms:
        if not re.match(r"^SM[0-9a-f]{32}$", r["Sid"]):
            errors.append("bad sid")
        datetime.strptime(r["SentDate"], "%Y-%m-%dT%H:%M:%SZ")
        chk_phone(r["From"], "sms.csv")
        chk_phone(r["To"], "sms.csv")
        if r["Direction"] == "inbound":
            add(r["From"])
    mbox = mailbox.mbox(path_of("inbox.mbox"), create=False)
    import email.header
    import email.utils
    n_mail = 0
    for msg in mbox:
        n_mail += 1
        name, addr = email.utils.parseaddr(msg["From"])
        addr = addr.lower()
        if not email_re.search(addr):
            errors.append("bad email %s" % addr)
        if msg["To"] is None or OFFICE not in msg["To"]:
            errors.append("mail not to office")
        email.utils.parsedate_to_datetime(msg["Date"])
        str(email.header.make_header(email.header.decode_header(msg["Subject"])))
        for part in msg.walk():
            if not part.is_multipart():
                part.get_payload(decode=True).decode(part.get_content_charset() or "ascii")
        add(addr)
    mbox.close()
    # merge email counts into the phone a form linked them to
    for em, ph in links.items():
        if em in count:
            count[ph] = count.get(ph, 0) + count.pop(em)
    exp = list(csv.DictReader(io.StringIO(read("expected.csv"))))
    exp_count = {r["contact"]: int(r["signals"]) for r in exp}
    if exp_count != count:
        for k in sorted(set(exp_count) | set(count)):
            if exp_count.get(k) != count.get(k):
                errors.append("signals for %s: expected.csv %s, files %s" % (k, exp_count.get(k), count.get(k)))
    est = list(csv.DictReader(io.StringIO(read("estimates.csv"))))
    for r in est:
        if r["Status"] not in EST_STATUSES:
            errors.append("bad estimate status")
        if r["Client phone"]:
            chk_phone(norm_phone(r["Client phone"]), "estimates.csv")
    # regenerating must reproduce the files exactly
    for name, text in render_all().items():
        if read(name) != text:
            errors.append("%s differs from a fresh render" % name)
    n_in = sum(exp_count.values())
    print("calls %d rows, voicemails %d, forms %d, sms %d, emails %d, estimates %d; %d people, %d signals" %
          (len(calls), len(vms), len(forms), len(sms), n_mail, len(est), len(exp), n_in))
    for e in errors:
        print("ERROR:", e)
    return 1 if errors else 0


def main():
    if "--check" in sys.argv[1:]:
        sys.exit(check())
    files = render_all()
    os.makedirs(os.path.join(HERE, "exports"), exist_ok=True)
    for name, text in files.items():
        with open(path_of(name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print("wrote %s" % ", ".join(sorted(files)))


if __name__ == "__main__":
    main()
