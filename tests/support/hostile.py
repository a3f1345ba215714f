"""Limits for reading the hostile corpus: tight enough that each bomb is stopped within a second
or two, loose enough for every real form."""

from parsers.isolation import Limits

TEST_LIMITS = Limits(cpu_seconds=5, memory_mb=256, wall_seconds=10)
