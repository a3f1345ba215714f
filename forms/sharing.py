"""Who a document is shared with: an agency and the address of the person there."""

from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField
from wtforms.validators import DataRequired, Email, Length

from forms.fields import text
from forms.posted import PostedForm


class ShareForm(PostedForm):
    agency = text(
        "Agency",
        DataRequired("Enter the agency you are sharing with"),
        Length(max=200),
        hint="For example, Chiltern CAMHS",
    )
    email = text(
        "Email address of the person at the agency",
        DataRequired("Enter the email address to send the link to"),
        Email("Enter an email address in the right format, like name@example.nhs.uk"),
        hint="They get a link to the document, not the document itself, and confirm this address "
        "before they can read it. Use a secure email address where you have one.",
    )
    share = SubmitField("Share document", widget=GovSubmitInput())
