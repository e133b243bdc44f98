"""A synthetic knowledge base of N actions across plan files, for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

from knowledge import yamlio

FIRST = [
    "Alex",
    "Sam",
    "Jo",
    "Chris",
    "Pat",
    "Kim",
    "Lee",
    "Robin",
    "Jamie",
    "Morgan",
    "Taylor",
    "Jordan",
    "Casey",
    "Drew",
    "Avery",
    "Quinn",
    "Riley",
    "Rowan",
    "Sky",
    "Ellis",
]
LAST = [
    "Smith",
    "Jones",
    "Patel",
    "Khan",
    "Brown",
    "Taylor",
    "Wilson",
    "Evans",
    "Thomas",
    "Roberts",
    "Walker",
    "Wright",
    "Hughes",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "Turner",
    "Hill",
    "Moore",
    "Cooper",
    "Ward",
    "Morris",
    "King",
    "Baker",
    "Harris",
    "Lewis",
    "Young",
    "Allen",
    "Scott",
]
WORDS = [
    "review",
    "foster",
    "carer",
    "assessment",
    "harmful",
    "sexual",
    "behaviour",
    "safeguarding",
    "partnership",
    "audit",
    "training",
    "exploitation",
    "missing",
    "children",
    "care",
    "leavers",
    "residential",
    "homes",
    "allegations",
    "designated",
    "officer",
    "police",
    "health",
    "education",
    "schools",
    "neglect",
    "domestic",
    "abuse",
    "early",
    "help",
    "mental",
    "wellbeing",
    "survivors",
    "victims",
    "records",
    "commissioning",
    "governance",
    "scrutiny",
    "panel",
    "report",
    "evaluation",
    "framework",
    "recruitment",
    "staffing",
    "inspection",
    "ofsted",
    "quality",
    "assurance",
    "learning",
    "procedures",
    "policy",
    "voice",
    "participation",
    "disability",
    "equality",
    "criminal",
    "justice",
    "county",
    "lines",
    "online",
    "harm",
    "transition",
    "adoption",
    "fostering",
    "agency",
    "independent",
    "reviewing",
]


def write(root: Path, actions: int = 10_000, plans: int = 200, people: int = 1_000, seed: int = 7) -> Path:
    """Write the synthetic knowledge base under root and return root."""
    rng = random.Random(seed)
    (root / "plans").mkdir(parents=True, exist_ok=True)
    (root / "people").mkdir(exist_ok=True)
    src = {"seed": "synthetic", "quote": "generated"}
    names = [
        f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}{'' if i < 600 else i}" for i in range(people)
    ]
    people_rows = [
        {
            "id": f"p{i}",
            "name": n,
            "titles": [f"Service Manager {i % 40}"],
            "email": f"p{i}@example.org",
            "source": dict(src),
        }
        for i, n in enumerate(names)
    ]
    roles = [
        {"id": f"r{i}", "title": f"Head of Service {i}", "holders": [{"person": f"p{i}"}], "source": dict(src)}
        for i in range(50)
    ]
    (root / "people" / "people.yaml").write_text(yamlio.dump({"people": people_rows, "roles": roles}))
    (root / "organisations.yaml").write_text(yamlio.dump({"organisations": []}))
    per_plan = actions // plans
    for p in range(plans):
        rows = []
        for a in range(per_plan):
            year = rng.randint(2024, 2027)
            month = rng.randint(1, 12)
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
            lead = f"p{rng.randrange(people)}" if rng.random() < 0.8 else f"r{rng.randrange(50)}"
            rows.append(
                {
                    "id": f"{a + 1}{'' if a % 3 else 'a'}",
                    "text": text.capitalize(),
                    "theme": " ".join(rng.choice(WORDS) for _ in range(3)),
                    "leads": [lead],
                    "timescale": f"by {month}/{year}",
                    "due": f"{year}-{month:02d}",
                    "status": rng.choice(["not-started", "in-progress", "ongoing", "complete", "not-stated"]),
                    "milestones": [
                        {
                            "text": " ".join(rng.choice(WORDS) for _ in range(6)),
                            "date_text": "x",
                            "due": f"{year}-{rng.randint(1, 12):02d}",
                            "status": "complete",
                        }
                    ],
                    "updates": [
                        {
                            "date": f"{year - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                            "text": " ".join(rng.choice(WORDS) for _ in range(10)),
                        }
                    ],
                    "source": dict(src),
                }
            )
        plan = {
            "id": f"plan-{p}",
            "title": f"Synthetic plan {p}",
            "short_names": [f"plan {p}"],
            "source": dict(src),
            "actions": rows,
        }
        (root / "plans" / f"plan-{p}.yaml").write_text(yamlio.dump({"plan": plan}))
    return root
