"""Modul 2: what the numbers say about a region, compared with the other districts of its country.

Built on the shipped reference data (see ``data/regions/SOURCES.md``). What the data has differs by
country: German Kreise have a yearly population series 2015–2020 and a full age structure, Swiss
Gemeinden the change 2010–2019 and three age shares, Austria and South Tyrol only population and
area. Whatever a region lacks is said in plain German in ``RegionProfile.notes``.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache

from regionallabor.core.formatting import format_int
from regionallabor.core.messages import COUNTRIES, t
from regionallabor.core.model import Region
from regionallabor.modul1.region import region_figures
from regionallabor.refdata import ATTRIBUTION, Area, Figures, area, counted_areas, table_rows

DE_YEARS = tuple(range(2015, 2021))
DE_AGE_BANDS = (
    "0_3",
    "3_6",
    "6_10",
    "10_15",
    "15_18",
    "18_20",
    "20_25",
    "25_30",
    "30_35",
    "35_40",
    "40_45",
    "45_50",
    "50_55",
    "55_60",
    "60_65",
    "65_75",
    "75plus",
)
OPEN_BAND_END = 90  # the 75+ bar is drawn up to 90, so that its length is people per year of age like the others

# Whom a region is compared with: the country's districts (South Tyrol is one province: its Gemeinden),
# as (dative plural, accusative/genitive plural) for "als 8 von 10 …" and "als fast alle …", "in der Mitte der …".
PEERS = {
    "DE": ("Landkreisen und kreisfreien Städten in Deutschland", "Landkreise und kreisfreien Städte in Deutschland"),
    "AT": ("Bezirken in Österreich", "Bezirke in Österreich"),
    "CH": ("Bezirken der Schweiz", "Bezirke der Schweiz"),
    "BZ": ("Gemeinden Südtirols", "Gemeinden Südtirols"),
}
PEER_COLUMNS = {
    "density": "density_per_km2",
    "change": "pop_change_pct",
    "share_65plus": "share_65plus_pct",
    "share_young": "share_young_pct",
}
YOUNG = {"DE": "18 Jahren", "CH": "20 Jahren"}


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    value: float
    unit: str
    stand: str
    source: str


@dataclass(frozen=True)
class Comparison:
    indicator: Indicator
    median: float
    below_share: float  # share of the peers with a lower value (ties count half)
    country: str
    peer_values: tuple[float, ...]
    sentence: str  # addressed to the team: "Eure Region ist älter als …"
    group: tuple[str, str] | None = None  # whom it is compared with, as PEERS says it; None: the country's districts

    @property
    def with_gemeinden(self) -> bool:
        return self.group is not None

    def sentence_as(self, who: str) -> str:
        """The sentence about someone else: "Unsere Region …" in documents the team hands to others."""
        return comparison_sentence(
            self.indicator.key, self.indicator.value, self.below_share, self.country, who, self.group
        )


@dataclass(frozen=True)
class Trend:
    years: tuple[int, ...]
    values: tuple[int, ...]
    label: str
    source: str
    context_note: str = ""  # set when the line shows the surrounding districts, not the region itself


@dataclass(frozen=True)
class AgeStructure:
    """Either a pyramid (bands with men and women) or plain shares, with year and source."""

    year: int
    source: str
    bands: tuple[tuple[int, int], ...] = ()  # (from age, to age) per band, the last one open
    men: tuple[int, ...] = ()
    women: tuple[int, ...] = ()
    shares: tuple[tuple[str, float], ...] = ()
    context_note: str = ""

    @property
    def is_pyramid(self) -> bool:
        return bool(self.bands)


@dataclass(frozen=True)
class RegionProfile:
    figures: Figures
    countries: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    comparisons: tuple[Comparison, ...]
    trend: Trend | None
    age: AgeStructure | None
    notes: tuple[str, ...]

    @property
    def has_areas(self) -> bool:
        return bool(self.countries)


# reference tables, read once per kernel: a few hundred rows each, looked up by code and summed

Row = dict[str, str]


def _value(row: Row, column: str) -> float | None:
    return float(row[column]) if row[column] else None


def _total(rows: list[Row], column: str) -> float:
    """The sum over the rows that have a value (an empty cell is missing data, not 0)."""
    return sum(value for row in rows if (value := _value(row, column)) is not None)


@cache
def _german_kreise() -> dict[str, Row]:
    return {row["ags"]: row for row in table_rows("de_kreise_indicators_2015-2020.csv")}


@cache
def _german_ages() -> dict[str, Row]:
    year = str(DE_YEARS[-1])
    return {
        row["ags"]: row for row in table_rows("de_kreise_population_age_sex_2015-2020_wide.csv") if row["year"] == year
    }


@cache
def _swiss_gemeinden() -> tuple[Row, ...]:
    """The Swiss Gemeinden with their area id and their Bezirk's; rows with a note (merged since) are left out."""
    return tuple(
        {**row, "area_id": f"CH-G-{int(float(row['bfs_nr']))}", "district": f"CH-B{int(float(row['district_id']))}"}
        for row in table_rows("ch_gemeinden_bfs_regionalportraets_2021.csv")
        if not row["note"]
    )


@cache
def _peer_values(country: str, column: str) -> tuple[float, ...]:
    if country == "BZ":
        if column != "density_per_km2":
            return ()
        values = (_value(row, "density_2021") for row in table_rows("it_bz_gemeinden_pop2021.csv"))
    else:
        values = (
            _value(row, column)
            for row in table_rows("regions_districtlevel_DE_AT_CH_BZ.csv")
            if row["country"] == country
        )
    return tuple(value for value in values if value is not None)


# comparison in words


def below_share(value: float, peers: tuple[float, ...]) -> float:
    below = sum(1 for p in peers if p < value)
    equal = sum(1 for p in peers if p == value)
    return (below + equal / 2) / len(peers)


def _phrases(key: str, value: float) -> tuple[str, str, str]:
    """(higher, lower, subject of 'in the middle') for an indicator."""
    if key == "density":
        return "ist dichter besiedelt als", "ist dünner besiedelt als", "bei der Besiedlung"
    if key == "population":
        return "hat mehr Einwohner:innen als", "hat weniger Einwohner:innen als", "bei der Einwohnerzahl"
    if key == "share_65plus":
        return "ist älter als", "ist jünger als", "beim Anteil Älterer"
    if key == "share_young":
        return (
            "hat anteilig mehr junge Menschen als",
            "hat anteilig weniger junge Menschen als",
            "beim Anteil junger Menschen",
        )
    if value < 0:
        return (
            "hat weniger Einwohner:innen verloren als",
            "hat mehr Einwohner:innen verloren als",
            "bei der Entwicklung",
        )
    return "ist stärker gewachsen als", "ist schwächer gewachsen als", "bei der Entwicklung"


def comparison_sentence(
    key: str, value: float, share: float, country: str, who: str = "Eure Region", group: tuple[str, str] | None = None
) -> str:
    """'Eure Region ist älter als 8 von 10 Landkreisen …' – for people who don't read percentiles."""
    higher, lower, subject = _phrases(key, value)
    dative, plural = group or PEERS[country]
    if 0.45 <= share < 0.55:
        return f"{who} liegt {subject} etwa in der Mitte der {plural}."
    verb, side = (higher, share) if share >= 0.5 else (lower, 1 - share)
    if side >= 0.95:
        return f"{who} {verb} fast alle {plural}."
    return f"{who} {verb} {round(side * 10)} von 10 {dative}."


def compare(
    indicator: Indicator, country: str, peers: tuple[float, ...] | None = None, group: tuple[str, str] | None = None
) -> Comparison | None:
    """The indicator among ``peers`` – by default the country's districts."""
    peers = _peer_values(country, PEER_COLUMNS[indicator.key]) if peers is None else peers
    if not peers:
        return None
    share = below_share(indicator.value, peers)
    return Comparison(
        indicator,
        statistics.median(peers),
        share,
        country,
        peers,
        comparison_sentence(indicator.key, indicator.value, share, country, group=group),
        group,
    )


# A Gemeinde is compared with the Gemeinden of its size: Destatis' Gemeindegrößenklassen (Einwohner:innen).
GEMEINDE_CLASSES = (0, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000)
MIN_GEMEINDE_PEERS = 20


def size_class(population: int) -> tuple[int, int | None]:
    """(lowest, first above) of the size class a population falls in; None above the largest bound."""
    low = max(bound for bound in GEMEINDE_CLASSES if bound <= population)
    above = [bound for bound in GEMEINDE_CLASSES if bound > population]
    return low, above[0] if above else None


def size_class_label(low: int, high: int | None) -> str:
    if low == 0:
        return t("figures.class_below", high=format_int(high))
    if high is None:
        return t("figures.class_above", low=format_int(low))
    return t("figures.class_between", low=format_int(low), high=format_int(high))


@cache
def _gemeinde_peers(country: str, low: int, high: int | None) -> tuple[tuple[float, float], ...]:
    """(population, density) of every Gemeinde of ``country`` in the size class."""
    from regionallabor.refdata import all_areas

    return tuple(
        (float(a.population), a.population / a.area_km2)
        for a in all_areas().values()
        if a.country == country
        and not a.is_district
        and a.population
        and a.area_km2
        and low <= a.population
        and (high is None or a.population < high)
    )


def _gemeinde_comparisons(figures: Figures, country: str, density: Indicator) -> tuple[Comparison, ...]:
    """Density and population of a region of Gemeinden among the Gemeinden of its size class in its country."""
    low, high = size_class(figures.population)
    peers = _gemeinde_peers(country, low, high)
    if len(peers) < MIN_GEMEINDE_PEERS:
        return ()
    label = size_class_label(low, high)
    where = COUNTRIES[country]
    group = (
        t("figures.gemeinden_dative", size=label, country=where),
        t("figures.gemeinden_plural", size=label, country=where),
    )
    population = Indicator(
        "population", t("figures.population"), float(figures.population), "Einw.", figures.stand or "", density.source
    )
    found = (
        compare(density, country, tuple(d for _, d in peers), group),
        compare(population, country, tuple(p for p, _ in peers), group),
    )
    return tuple(c for c in found if c is not None)


# the profile


def _german_profile(counted: list[Area]):
    kreise = [a for a in counted if a.is_district]
    gemeinden = [a for a in counted if not a.is_district]
    source = ATTRIBUTION["DE"]["figures"]
    context_ids = sorted({a.id for a in kreise} | {a.parent_id for a in gemeinden})
    codes = [i.removeprefix("DE-") for i in context_ids]
    table, ages = _german_kreise(), _german_ages()
    codes = [c for c in codes if c in table]
    if not codes:
        return (), None, None
    context_note = names = ""
    if gemeinden:
        names = ", ".join(area(i).name for i in context_ids if area(i))
        context_note = t(
            "figures.trend_context",
            districts=names,
            which="diesen Kreis" if len(codes) == 1 else "diese Kreise zusammen",
        )
    kreise_rows = [table[c] for c in codes]
    years = [y for y in DE_YEARS if all(row[f"pop_{y}"] for row in kreise_rows)]
    values = [int(_total(kreise_rows, f"pop_{y}")) for y in years]
    table_source = source + ", GENESIS 12411-0018"
    trend = Trend(tuple(years), tuple(values), "Einwohner:innen am 31.12.", table_source, context_note)

    age_rows = [ages[c] for c in codes if c in ages]
    men = tuple(int(_total(age_rows, f"m_{b}")) for b in DE_AGE_BANDS)
    women = tuple(int(_total(age_rows, f"f_{b}")) for b in DE_AGE_BANDS)
    bands = tuple(
        (int(b.split("_")[0]), int(b.split("_")[1])) if "plus" not in b else (75, OPEN_BAND_END) for b in DE_AGE_BANDS
    )
    age = AgeStructure(
        DE_YEARS[-1],
        table_source,
        bands,
        men,
        women,
        context_note=t("figures.age_context", districts=names) if gemeinden else "",
    )
    indicators = []
    if not gemeinden:
        total = sum(men) + sum(women)
        young = sum(men[:5]) + sum(women[:5])
        old = sum(men[-2:]) + sum(women[-2:])
        stand = "31.12.2020"
        indicators = [
            Indicator("share_65plus", t("figures.share_65plus"), 100 * old / total, "%", stand, source),
            Indicator(
                "share_young", t("figures.share_young", young=YOUNG["DE"]), 100 * young / total, "%", stand, source
            ),
        ]
        if years and years[0] == 2015:
            change = 100 * (values[-1] / values[0] - 1)
            indicators.insert(
                0, Indicator("change", t("figures.change", period="2015–2020"), change, "%", "2015–2020", source)
            )
    return tuple(indicators), trend, age


def _swiss_profile(counted: list[Area], notes: list[str]):
    ids = {a.id for a in counted}
    rows = [row for row in _swiss_gemeinden() if row["area_id"] in ids or row["district"] in ids]
    if not rows:
        return (), None, None
    population = _total(rows, "pop_2019")
    earlier = sum(
        pop / (1 + change / 100)
        for row in rows
        if (pop := _value(row, "pop_2019")) is not None
        and (change := _value(row, "pop_change_2010_2019_pct")) is not None
    )
    source = ATTRIBUTION["CH"]["figures"]

    def weighted(column: str) -> float:
        return (
            sum(
                share * pop
                for row in rows
                if (share := _value(row, column)) is not None and (pop := _value(row, "pop_2019")) is not None
            )
            / population
        )

    stand = "31.12.2019"
    indicators = (
        Indicator(
            "change",
            t("figures.change", period="2010–2019"),
            100 * (population / earlier - 1),
            "%",
            "2010–2019",
            source,
        ),
        Indicator("share_65plus", t("figures.share_65plus"), weighted("age_65plus_pct_2019"), "%", stand, source),
        Indicator(
            "share_young",
            t("figures.share_young", young=YOUNG["CH"]),
            weighted("age_0_19_pct_2019"),
            "%",
            stand,
            source,
        ),
    )
    shares = (
        ("0–19 Jahre", weighted("age_0_19_pct_2019")),
        ("20–64 Jahre", weighted("age_20_64_pct_2019")),
        ("65 Jahre und älter", weighted("age_65plus_pct_2019")),
    )
    notes.append(t("figures.no_trend", country="die Schweiz") + " Die Entwicklung 2010–2019 steht oben als eine Zahl.")
    return indicators, None, AgeStructure(2019, source, shares=shares)


def region_profile(region: Region) -> RegionProfile:
    """Everything Modul 2 shows about the region's numbers, computed from the chosen areas."""
    figures = region_figures(region)
    counted, _ = counted_areas(region.area_ids)
    countries = tuple(sorted({a.country for a in counted}))
    notes: list[str] = []
    indicators: tuple[Indicator, ...] = ()
    trend, age = None, None
    if len(countries) == 1:
        country = countries[0]
        if country == "DE":
            indicators, trend, age = _german_profile(counted)
        elif country == "CH":
            indicators, trend, age = _swiss_profile(counted, notes)
        else:
            name = COUNTRIES[country]
            notes += [t("figures.no_trend", country=name), t("figures.no_age", country=name)]
    elif len(countries) > 1:
        notes.append(t("figures.mixed_countries"))
    if figures.density is not None and countries:
        density = Indicator(
            "density",
            t("figures.density"),
            figures.density,
            "Einw./km²",
            figures.stand or "",
            "; ".join(figures.sources),
        )
        indicators = (density, *indicators)
    comparisons = ()
    if len(countries) == 1:
        country = countries[0]
        gemeinden_only = all(not a.is_district for a in counted)
        if gemeinden_only and figures.population and indicators and indicators[0].key == "density":
            comparisons = _gemeinde_comparisons(figures, country, indicators[0])
        if not comparisons:
            comparisons = tuple(c for c in (compare(i, country) for i in indicators) if c is not None)
    return RegionProfile(figures, countries, indicators, comparisons, trend, age, tuple(notes))
