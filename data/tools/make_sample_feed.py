#!/usr/bin/env python3
"""Generates the SAMPLE agenda feed (assets/feed/sample_feed.json) and a small sample .ics.

Everything it writes is fictional sample data ("(voorbeeld)"), placed on plausible spots:
each venue lies inside the polygon of its own buurt, outside water, 10-25 m beside a
residential/pedestrian/tertiary street, and at least 80 m from the other venues.
Geodata comes from ../shared/data (read only; nothing from it is copied into the output).

    python3 data/tools/make_sample_feed.py [--shared ../shared/data] [--out assets/feed]

Deterministic: the same inputs give byte-identical output (fixed seed, fixed base date).
"""
import argparse
import json
import math
import os
import random

BASE_MONDAY = (2026, 1, 5)  # first week of the sample schedules
GENERATED_AT = "2026-01-01T12:00:00Z"

# buurt name in delfshaven_buurten.geojson -> neighbourhood id of the feed
BUURT_TO_AREA = {
    "Nieuwe Westen": "nieuwe-westen", "Middelland": "middelland", "Spangen": "spangen",
    "Bospolder": "botu", "Tussendijken": "botu", "Oud Mathenesse": "oud-mathenesse-witte-dorp",
    "Witte Dorp": "oud-mathenesse-witte-dorp", "Delfshaven": "delfshaven-schiemond", "Schiemond": "delfshaven-schiemond",
}
VENUES_PER_AREA = {"nieuwe-westen": 13, "middelland": 11, "spangen": 9, "botu": 11,
                   "oud-mathenesse-witte-dorp": 7, "delfshaven-schiemond": 9}
NETWORKS = ["delfshaven-lokaal", "delfshaven-helpt", "warme-buurthuiskamers", "veerkrachtig-botu",
            "buurthuiskamers-nieuwe-westen", "huize-middelland", "groene-connectie", "armoedeplatform",
            "inloopspreekuren", "platform-tegen-eenzaamheid", "leerwerkgemeenschap-ggz"]
AREA_NETWORK = {"botu": "veerkrachtig-botu", "nieuwe-westen": "buurthuiskamers-nieuwe-westen",
                "middelland": "huize-middelland"}
AREA_POSTCODE = {"nieuwe-westen": "3022", "middelland": "3021", "spangen": "3026", "botu": "3024",
                 "oud-mathenesse-witte-dorp": "3025", "delfshaven-schiemond": "3029"}
STREET_CLASSES = {"residential", "pedestrian", "tertiary", "living_street"}

KINDS = [("buurthuiskamer", "Huiskamer"), ("buurthuiskamer", "Buurthuiskamer"), ("buurthuis", "Buurthuis"),
         ("speeltuin", "Speeltuin"), ("groenplek", "Buurttuin"), ("atelier", "Atelier"), ("cafe", "Buurtcafé"),
         ("spreekuurlocatie", "Vraagpunt"), ("bibliotheek", "Leespunt"), ("kerk", "Ontmoetingskerk"),
         ("sporthal", "Sportzaal"), ("zorglocatie", "Zorgpunt")]
KIND_WEIGHTS = [14, 8, 7, 6, 5, 4, 4, 4, 2, 2, 2, 2]
NAMES = ["De Schans", "De Kade", "Het Anker", "De Singel", "De Linde", "Het Bolwerk", "De Zwaan", "De Vlasakker",
         "Het Haventje", "De Kruidenier", "De Pijp", "Het Lichtschip", "De Kaasboer", "De Molenwiek", "Het Veerhuis",
         "De Stoomboot", "De Lindeboom", "Het Tolhuis", "De Waterpoort", "De Zeemeeuw", "Het Spinnewiel",
         "De Oude Bakkerij", "De Pelgrim", "Het Zeilschip", "De Ruyter", "De Binnenplaats", "Het Pakhuis",
         "De Groene Hoek", "De Rozenhof", "Het Trefpunt", "De Vuurtoren", "De Brug", "De Dijk", "Het Sluisje",
         "De Kastanje", "De Wilg", "Het Erf", "De Tuinkamer", "Het Tramhuisje", "De Kapiteinshut", "De Zonnewijzer",
         "Het Kompas", "De Ankerplaats", "De Kroon", "Het Steigertje", "De Kraan", "De Jutter", "De Wieken",
         "Het Vlot", "De Boei", "De Meerpaal", "Het Dok", "De Loods", "De Scheepshelling", "De Lantaarn",
         "Het Buurtraam", "De Theepot", "De Koffiemolen", "Het Open Huis", "De Fietsenmaker", "De Boomgaard"]
STREETS = ["Schansweg", "Kadehof", "Ankerstraat", "Singelpad", "Lindehof", "Bolwerkstraat", "Zwanenpad",
           "Vlasakkerstraat", "Havenhof", "Kruidenierspad", "Lichtschipstraat", "Molenwiekhof", "Veerhuisstraat",
           "Stoombootpad", "Tolhuisstraat", "Waterpoortpad", "Zeemeeuwstraat", "Spinnewielhof", "Bakkerspad",
           "Pelgrimshof", "Zeilschipstraat", "Binnenhof-West", "Pakhuispad", "Rozenhofstraat", "Trefpuntpad"]

# (category, titles, audiences options, hour choices, duration, cost options, language options)
TEMPLATES = [
    ("koffie", ["Koffieochtend", "Inloop met koffie en thee", "Buurtkoffie", "Open huiskamer"],
     [["iedereen"], ["ouderen"], ["iedereen"]], [9, 10, 10, 14], 120, [0, 0, 0.5], [["nl"], ["nl", "tr"]]),
    ("maaltijd", ["Buurtmaaltijd", "Samen eten", "Kookclub", "Soep op woensdag", "Warme hap"],
     [["iedereen"], ["ouderen"], ["iedereen", "nieuwkomers"]], [12, 17, 18], 120, [3, 4, 5, 0], [["nl"], ["nl", "ar"]]),
    ("taal", ["Taalcafé", "Nederlands oefenen", "Taalmaatjes", "Lezen en schrijven"],
     [["nieuwkomers"], ["vrouwen", "nieuwkomers"], ["iedereen"]], [10, 13, 19], 90, [0],
     [["nl"], ["nl", "tr"], ["nl", "ar"], ["nl", "pl"], ["nl", "pt"]]),
    ("formulierhulp", ["Formulierenspreekuur", "Hulp bij post en formulieren", "Belastinghulp"],
     [["iedereen"]], [9, 13, 14], 120, [0], [["nl", "tr", "ar"], ["nl", "en"], ["nl", "pl", "pt"]]),
    ("kinderen", ["Knutselmiddag", "Speelmiddag", "Huiswerkklas", "Kinderclub", "Voorleesuurtje"],
     [["kinderen"], ["kinderen", "ouders"]], [14, 15], 90, [0, 0, 1], [["nl"]]),
    ("sport", ["Stoelyoga", "Wandelvoetbal", "Buurtgym", "Dansen voor vrouwen", "Bewegen op muziek"],
     [["ouderen"], ["vrouwen"], ["iedereen"], ["jongeren"]], [10, 11, 19], 60, [0, 2], [["nl"], ["nl", "tr"]]),
    ("creatief", ["Handwerkclub", "Schilderen en tekenen", "Naaiatelier", "Keramiek", "Breicafé"],
     [["iedereen"], ["vrouwen"], ["ouderen"]], [10, 13, 19], 120, [0, 2, 3.5], [["nl"], ["nl", "pt"]]),
    ("groen", ["Tuinieren in de buurttuin", "Moestuinochtend", "Zaadjes ruilen", "Groen onderhoud"],
     [["iedereen"], ["kinderen", "ouders"]], [10, 14], 120, [0], [["nl"]]),
    ("gespreksgroep", ["Praatgroep", "Mannengroep", "Vrouwengroep", "Lotgenotengroep", "Herstelgroep"],
     [["iedereen"], ["mannen"], ["vrouwen"], ["mantelzorgers"]], [10, 14, 19], 90, [0], [["nl"], ["nl", "tr"]]),
    ("spreekuur", ["Wijkspreekuur", "Spreekuur wijkverpleegkundige", "Vraag het de wijkagent", "Schuldhulp inloop"],
     [["iedereen"]], [9, 13], 120, [0], [["nl"], ["nl", "en"]]),
    ("muziek", ["Buurtkoor", "Muziekmiddag", "Zingen met elkaar", "Open podium"],
     [["iedereen"], ["ouderen"]], [14, 19, 20], 90, [0, 2.5], [["nl"]]),
    ("wandelen", ["Wandelgroep", "Ommetje door de wijk", "Natuurwandeling langs de Schie"],
     [["iedereen"], ["ouderen"]], [10, 11], 60, [0], [["nl"]]),
    ("computer", ["Digicafé", "Hulp met je telefoon", "DigiD-spreekuur"],
     [["ouderen"], ["iedereen"]], [10, 14], 90, [0], [["nl"], ["nl", "tr", "ar"]]),
    ("geldzaken", ["Thuisadministratie", "Rondkomen-café"], [["iedereen"]], [13, 19], 120, [0], [["nl"]]),
    ("spel", ["Spelletjesmiddag", "Sjoelen", "Schaakclub", "Bingo"], [["iedereen"], ["ouderen"], ["jongeren"]],
     [14, 19], 120, [0, 1], [["nl"]]),
]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA"]
CANCEL_REASONS = ["Vrijwilligers op cursus", "Ruimte in gebruik voor de verkiezingen", "Zieke begeleider",
                  "Lekkage in de keuken", "Feestdag"]
CHANGE_NOTES = ["Deze keer in de grote zaal", "Een uur later door de buurtschoonmaak", "Met een gastspreker"]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def to_xy(lon, lat):  # local equirectangular metres around Delfshaven
    return (lon - 4.45) * 111320 * math.cos(math.radians(51.915)), (lat - 51.915) * 110574


def in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def in_polygon(lon, lat, coords):  # GeoJSON Polygon: outer ring + holes
    return in_ring(lon, lat, coords[0]) and not any(in_ring(lon, lat, h) for h in coords[1:])


def in_geometry(lon, lat, geom):
    polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
    return any(in_polygon(lon, lat, p) for p in polys)


def seg_dist(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = 0 if dx == dy == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def place_venues(shared, rng):
    buurten = load(os.path.join(shared, "delfshaven_buurten.geojson"))["features"]
    water = load(os.path.join(shared, "delfshaven_osm_water.geojson"))["features"]
    roads = load(os.path.join(shared, "delfshaven_osm_roads.geojson"))["features"]
    segments = []
    for f in roads:
        if f["properties"].get("highway_class") not in STREET_CLASSES or f["properties"].get("bridge"):
            continue
        pts = [to_xy(*c) for c in f["geometry"]["coordinates"]]
        segments += [(a, b) for a, b in zip(pts, pts[1:])]
    areas = {}
    for b in buurten:
        areas.setdefault(BUURT_TO_AREA[b["properties"]["buurt"]], []).append(b)
    placed = []
    for area, count in VENUES_PER_AREA.items():
        feats = areas[area]
        weights = [f["properties"]["area_m2"] for f in feats]
        n = 0
        while n < count:
            buurt = rng.choices(feats, weights)[0]
            a, b = rng.choice([s for s in segments if in_geometry(*from_xy(*s[0]), buurt["geometry"])])
            t = rng.random()
            mx, my = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
            nx, ny = -(b[1] - a[1]), b[0] - a[0]
            norm = math.hypot(nx, ny) or 1
            side = rng.choice([-1, 1]) * rng.uniform(10, 25)
            x, y = mx + side * nx / norm, my + side * ny / norm
            lon, lat = from_xy(x, y)
            if not in_geometry(lon, lat, buurt["geometry"]):
                continue
            if any(in_geometry(lon, lat, w["geometry"]) for w in water):
                continue
            if any(math.hypot(x - px, y - py) < 80 for (px, py, _, _, _) in placed):
                continue
            if min(seg_dist(x, y, *s[0], *s[1]) for s in segments) < 8:  # not on a street
                continue
            placed.append((x, y, round(lon, 6), round(lat, 6), area))
            n += 1
    return placed


def from_xy(x, y):
    return 4.45 + x / (111320 * math.cos(math.radians(51.915))), 51.915 + y / 110574


def make_venues(points, rng):
    names = NAMES[:]
    rng.shuffle(names)
    venues = []
    # Networks: every network gets venues; area networks prefer their own area.
    for i, (_, _, lon, lat, area) in enumerate(points):
        kind, prefix = rng.choices(KINDS, KIND_WEIGHTS)[0]
        name = f"{prefix} {names[i]} (voorbeeld)"
        vid = (prefix + "-" + names[i]).lower().replace(" ", "-").replace("é", "e")
        network = AREA_NETWORK.get(area) if rng.random() < 0.5 else None
        if network is None:
            network = NETWORKS[i % len(NETWORKS)]
        street = rng.choice(STREETS)
        days = rng.sample(["mo", "tu", "we", "th", "fr", "sa"], rng.randint(3, 5))
        hours = [{"day": d, "open": rng.choice(["09:00", "09:30", "10:00"]),
                  "close": rng.choice(["16:00", "17:00", "21:30"])} for d in ["mo", "tu", "we", "th", "fr", "sa"] if d in days]
        venues.append({
            "id": vid, "name": name, "kind": kind, "neighbourhood": area, "network": network,
            "address": f"{street} {rng.randint(1, 180)}",
            "postcode": f"{AREA_POSTCODE[area]} {rng.choice('ABCDEGHJKLMNPRSTVWXZ')}{rng.choice('ABCDEGHJKLMNPRSTVWXZ')}",
            "location": {"lat": lat, "lon": lon},
            "description": f"Voorbeeldlocatie in {area_label(area)}. Fictief: deze plek bestaat niet.",
            "opening_hours": hours,
            "accessibility": {"wheelchair": rng.random() < 0.7, "accessible_toilet": rng.random() < 0.5,
                              "hearing_loop": rng.random() < 0.2,
                              "notes": rng.choice(["", "Drempel bij de ingang, hulp aanwezig", "Lift naar de eerste verdieping",
                                                   "Ingang aan de achterkant"])},
            "contact": {"phone": f"010-555{rng.randint(1000, 9999)}", "email": f"info@{vid}.voorbeeld.nl"},
        })
    # Make sure all 11 networks are present.
    used = {v["network"] for v in venues}
    for i, net in enumerate(n for n in NETWORKS if n not in used):
        venues[i * 5 + 1]["network"] = net
    return venues


def area_label(area):
    return {"nieuwe-westen": "het Nieuwe Westen", "middelland": "Middelland", "spangen": "Spangen",
            "botu": "Bospolder-Tussendijken", "oud-mathenesse-witte-dorp": "Oud-Mathenesse",
            "delfshaven-schiemond": "Delfshaven"}[area]


def date_add(days):
    import datetime
    return datetime.date(*BASE_MONDAY) + datetime.timedelta(days=days)


def make_activities(venues, rng):
    acts = []
    for v in venues:
        for k in range(rng.randint(4, 8)):
            cat, titles, auds, hours, dur, costs, langs = rng.choice(TEMPLATES)
            day_index = rng.randrange(len(DAYS))
            hour = rng.choice(hours)
            minute = rng.choice([0, 0, 30])
            start_date = date_add(day_index)
            kind = rng.random()
            schedule = {"start": f"{start_date.isoformat()}T{hour:02d}:{minute:02d}", "duration_min": dur}
            if kind < 0.68:
                schedule["rrule"] = f"FREQ=WEEKLY;BYDAY={DAYS[day_index]}"
            elif kind < 0.83:
                schedule["rrule"] = f"FREQ=WEEKLY;INTERVAL=2;BYDAY={DAYS[day_index]}"
            elif kind < 0.93:
                nth = rng.choice(["1", "2", "3", "-1"])
                schedule["rrule"] = f"FREQ=MONTHLY;BYDAY={nth}{DAYS[day_index]}"
            elif kind < 0.97:  # holiday programme: weekdays within a date range
                schedule["start"] = f"{date_add(7 * 29).isoformat()}T{hour:02d}:00"  # late July
                schedule["rrule"] = "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"
                schedule["from"] = date_add(7 * 29).isoformat()
                schedule["until"] = date_add(7 * 29 + 11).isoformat()
            else:  # one-off event
                schedule["start"] = f"{date_add(rng.randrange(20, 300)).isoformat()}T{hour:02d}:00"
                schedule["duration_min"] = 180
            if "rrule" in schedule and rng.random() < 0.15:
                schedule["exdates"] = [date_add(7 * 16 + day_index).isoformat()]  # week of 27 April (Koningsdag)
            title = rng.choice(titles)
            act = {"id": f"{v['id']}-{cat}-{k}", "title": title, "venue": v["id"],
                   "organiser": rng.choice([f"Vrijwilligers van {v['name'].replace(' (voorbeeld)', '')}",
                                            "Stichting Buurtkracht (voorbeeld)", "Welzijn Delfshaven (voorbeeld)",
                                            "Bewonersgroep (voorbeeld)"]),
                   "audiences": rng.choice(auds), "categories": [cat],
                   "languages": rng.choice(langs), "schedule": schedule,
                   "description": f"{title} bij {v['name']}. Voorbeeldactiviteit."}
            cost = rng.choice(costs)
            if rng.random() < 0.9:
                act["cost_eur"] = cost
                if cost == 0:
                    act["cost_note"] = "Gratis"
            else:
                act["cost_note"] = "Vrijwillige bijdrage"
            if cat in ("maaltijd", "creatief") and rng.random() < 0.5:
                act["registration_required"] = True
                act["contact"] = v["contact"]["phone"]
            acts.append(act)
    weekly = [a for a in acts if a["schedule"].get("rrule", "").startswith("FREQ=WEEKLY;BYDAY")]
    for i, a in enumerate(rng.sample(weekly, 12)):
        first = a["schedule"]["start"][:10]
        import datetime
        d = datetime.date.fromisoformat(first) + datetime.timedelta(weeks=rng.randint(8, 40))
        if i < 8:
            a["changes"] = [{"date": d.isoformat(), "cancelled": True, "reason": rng.choice(CANCEL_REASONS)}]
        else:
            a["changes"] = [{"date": d.isoformat(), "start": "15:00", "note": rng.choice(CHANGE_NOTES)}]
    return acts


ICS_TEMPLATE = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Buurtkaart Delfshaven//voorbeeld//NL\r
X-WR-CALNAME:Voorbeeldagenda (fictief)\r
{events}END:VCALENDAR\r
"""


def make_ics(venues):
    v0, v1, v2 = venues[0]["id"], venues[1]["id"], venues[2]["id"]
    events = [
        ("voorbeeld-1@buurtkaart", "Buurtontbijt (voorbeeld)", v0, "koffie", "iedereen",
         "DTSTART;TZID=Europe/Amsterdam:20260103T093000\r\nDTEND;TZID=Europe/Amsterdam:20260103T110000\r\n"
         "RRULE:FREQ=WEEKLY;BYDAY=SA\r\nEXDATE;TZID=Europe/Amsterdam:20260425T093000\r\n"),
        ("voorbeeld-2@buurtkaart", "Repair café (voorbeeld)", v1, "creatief", "iedereen",
         "DTSTART;TZID=Europe/Amsterdam:20260110T130000\r\nDURATION:PT3H\r\nRRULE:FREQ=MONTHLY;BYDAY=2SA\r\n"),
        ("voorbeeld-3@buurtkaart", "Buurtfeest (voorbeeld)", v2, "muziek", "iedereen",
         "DTSTART;VALUE=DATE:20260606\r\nDTEND;VALUE=DATE:20260607\r\n"),
    ]
    body = ""
    for uid, summary, venue, cat, aud, times in events:
        body += (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T120000Z\r\nSUMMARY:{summary}\r\n"
                 f"X-BUURTKAART-VENUE:{venue}\r\nCATEGORIES:{cat}\r\nX-BUURTKAART-AUDIENCE:{aud}\r\n{times}END:VEVENT\r\n")
    body += ("BEGIN:VEVENT\r\nUID:voorbeeld-1@buurtkaart\r\nDTSTAMP:20260101T120000Z\r\n"
             "RECURRENCE-ID;TZID=Europe/Amsterdam:20260328T093000\r\nSTATUS:CANCELLED\r\n"
             "COMMENT:Gaat niet door: voorjaarsschoonmaak\r\nDTSTART;TZID=Europe/Amsterdam:20260328T093000\r\nEND:VEVENT\r\n")
    return ICS_TEMPLATE.format(events=body)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=os.path.normpath(os.path.join(root, "..", "shared", "data")))
    ap.add_argument("--out", default=os.path.join(root, "assets", "feed"))
    args = ap.parse_args()
    rng = random.Random(20260105)
    points = place_venues(args.shared, rng)
    venues = make_venues(points, rng)
    activities = make_activities(venues, rng)
    feed = {
        "schema": "buurtkaart-feed/1.0",
        "timezone": "Europe/Amsterdam",
        "generated_at": GENERATED_AT,
        "publisher": "Buurtkaart Delfshaven — VOORBEELDDATA (sample data, fictional)",
        "sample": True,
        "notices": [{"id": "voorbeelddata", "severity": "warning",
                     "text": "Dit zijn voorbeeldgegevens: de locaties en activiteiten zijn verzonnen. "
                             "Sample data: venues and activities are fictional."}],
        "venues": venues,
        "activities": activities,
    }
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "sample_feed.json"), "w", encoding="utf-8") as f:
        json.dump(feed, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(args.out, "sample_agenda.ics"), "w", encoding="utf-8", newline="") as f:
        f.write(make_ics(venues))
    print(f"{len(venues)} venues, {len(activities)} activities -> {args.out}")


if __name__ == "__main__":
    main()
