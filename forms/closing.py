"""Closing a referral when Front Door's involvement ends without a decision saying so, such as a
TAC review finding the child's needs met (seed 004 "At the review(s)")."""

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField
from wtforms.validators import DataRequired

from forms.fields import long_text
from forms.posted import PostedForm


class CloseForm(PostedForm):
    reason = long_text(
        "Why is it being closed?",
        DataRequired("Say why it is being closed"),
        hint="For example, the TAC review found the child's needs met: support continues through "
        "universal services",
    )
    save = SubmitField("Close it", widget=GovSubmitInput())
