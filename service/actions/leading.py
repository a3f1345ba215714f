"""A formal change of a CAF's lead professional (seed 004): the record names the new one, who
then sees and keeps the CAF; the change is kept with its criteria, and the one who held it
keeps read access (``permissions.sees``)."""

from datetime import date

from service.actions import work
from service.db import referrals
from service.db.models import LeadProfessionalChange, Referral, User


def change_lead(
    caf: Referral, new: dict, criteria: list[str], agreed_on: date, reason: str | None, user: User
) -> LeadProfessionalChange:
    previous = (caf.record or {}).get("lead_professional") or _started_by(caf)
    referrals.record_part(caf, "lead_professional", new)
    change = LeadProfessionalChange(
        previous=previous,
        new=new,
        previous_email=(previous.get("email") or "").lower() or None,
        criteria=criteria,
        agreed_on=agreed_on,
        reason=reason,
        changed_by_id=user.id,
    )
    caf.lead_changes.append(change)
    work.done("change_lead", "referral", caf.id)
    return change


def _started_by(caf: Referral) -> dict:
    """Until one is agreed, the lead professional is the practitioner who completed the CAF."""
    user = caf.created_by
    given = {
        "name": user.full_name,
        "role": user.job_title,
        "agency": user.agency,
        "phone": user.phone,
        "email": user.email,
    }
    return {key: value for key, value in given.items() if value}
