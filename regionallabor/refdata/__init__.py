"""Shipped reference data: districts and Gemeinden of DE, AT, CH and South Tyrol.

The files under ``data/regions/`` are copies of the course's reference data;
``data/regions/SOURCES.md`` says where each comes from and under which licence.
Everything loads lazily and once per kernel.
"""

from regionallabor.refdata.eckdaten import Figures, counted_areas, summarize
from regionallabor.refdata.gebiete import (
    ATTRIBUTION,
    DATA,
    DISTRICT_COUNTRY,
    Area,
    all_areas,
    area,
    district_name,
    gemeinden_in,
    search,
    table_rows,
)
from regionallabor.refdata.grenzen import RegionShape, bounds_of, neighbouring_districts, polygon, region_shape

__all__ = [
    "ATTRIBUTION",
    "DATA",
    "DISTRICT_COUNTRY",
    "Area",
    "Figures",
    "RegionShape",
    "all_areas",
    "area",
    "bounds_of",
    "counted_areas",
    "district_name",
    "gemeinden_in",
    "neighbouring_districts",
    "polygon",
    "region_shape",
    "search",
    "summarize",
    "table_rows",
]
