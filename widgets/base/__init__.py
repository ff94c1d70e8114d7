"""Pieces every course tool uses."""

from .page import open_course_page

__all__ = ["open_course_page"]
