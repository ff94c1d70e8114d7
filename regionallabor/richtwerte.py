"""The course's Richtwerte: numbers its texts, its tools and the conference presets all state.

One place each, so that Modul 5's text, the handbook, the planner's warnings and the presets cannot say
different things; ``tests/test_richtwerte.py`` finds a text or a preset that states another number.
They are the course's guidance, not rules: a team may plan otherwise, the planner then says so.
"""

from __future__ import annotations

# Menschen je Thementisch: below, a table lacks perspectives; above, not everyone gets a word in.
# The planner warns above the upper bound.
TABLE_PEOPLE = (6, 12)

# Minutes per programme item, (shortest, longest) – None where the format sets no bound.
# Thementische: per round; World Café: all its rounds (2–3 rounds of 20–30 minutes).
FORMAT_MINUTES: dict[str, tuple[int | None, int | None]] = {
    "begruessung": (None, 15),
    "impuls": (15, 20),
    "thementische": (45, 70),
    "world_cafe": (40, 90),
    "fishbowl": (45, 75),
    "open_space": (90, None),
}

# Weeks before the conference the written invitation goes out: a Werkstatt in the village later, a large
# conference earlier. The handbook's "Mitte" phase starts at the earlier bound.
INVITATION_WEEKS = (8, 5)

# More than this share of the guests from one sector: the Vielfalts-Check says to mix the round wider.
DOMINANT_SECTOR_SHARE = 0.4

# Actions one person is responsible for at the same time, at most.
ACTIONS_PER_PERSON = 2
