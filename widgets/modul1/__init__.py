"""Modul 1 · Team & Region: one file per section of the page."""

from .region import RegionEditor
from .team import TeamEditor
from .vernetzung import NetworkingChoice

__all__ = ["NetworkingChoice", "RegionEditor", "TeamEditor"]
