"""Pathway rules: what a referral on each pathway must contain, kept as YAML an authority can
edit, checked by a small engine. ``check_record`` is the one entry point."""

from service.rules.engine import CheckResult, Missing, RuleBook, RulesError, load_rulebook

__all__ = ["CheckResult", "Missing", "RuleBook", "RulesError", "load_rulebook"]
