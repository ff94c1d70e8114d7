"""Printable documents and their charts: one document model, written as HTML and as PDF; charts as SVG and PNG."""
