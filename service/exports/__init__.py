"""Data out of Front Door for returns the council makes: the DfE's CIN census (cin_census)."""
