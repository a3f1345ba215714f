"""A step that stops a statutory clock (a decision, an assessment's outcome) asks why it is late
when the clock has already run out: the reason is kept with the clock, for the team and for
inspection."""

from forms.fields import long_text
from forms.posted import PostedForm


class StopsAClock(PostedForm):
    late_reason = long_text(
        "Why is this later than it was due?",
        hint="For example, waiting for information from the school, or the family could not be "
        "reached. It is kept with the referral's timescales.",
    )

    #: the clocks this step stops that have run out, as "Decision on the referral, due 8 June
    #: 2026": set by the page; empty when nothing is late
    overdue: list[str] = []

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if self.overdue and not (self.late_reason.data or "").strip():
            self.late_reason.errors = [*self.late_reason.errors, "Say why this is late"]
            valid = False
        return valid

    def late_reason_given(self) -> str | None:
        if not self.overdue:
            return None
        return (self.late_reason.data or "").strip() or None
