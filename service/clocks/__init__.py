"""Statutory clocks: policy files saying what starts each clock and how long it runs, counted
in working days on a bank-holiday calendar."""
