"""Modul 6 · Aktionen & Weg: Aktionspool, action plan, status report, the Regionalprofil, the Selbstcheck."""
