"""The handbook „Mitmach-Konferenz“: its build with Sphinx, its chapters, the course's text checks."""
