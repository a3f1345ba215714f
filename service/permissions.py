"""Who may do what, in one place: the routes ask it (``role_required``, the ``may_*`` checks),
the pages ask it to offer only what may be done, and the queries use ``sees`` so that a referral
a user may not see is never loaded at all.

Roles (seed 000, 004): practitioners make referrals and CAFs and keep those they lead; managers
decide on referrals routed to their team; admins import legacy forms and keep the templates.
"""

from functools import wraps

from flask import abort
from flask_login import current_user
from sqlalchemy import func, select

from record import Pathway, lifecycle
from record.lifecycle import OPEN_STAGES, Move, Stage
from service.db.models import FeedbackLink, LeadProfessionalChange, Referral, Role, User

#: the roles each kind of work is for, as routes name them in ``role_required``
MAKES_REFERRALS = (Role.PRACTITIONER, Role.MANAGER)
DECIDES = (Role.MANAGER,)  # decisions, CIN plans, a referral's audit trail
ADMINISTERS = (Role.ADMIN,)  # imports of legacy forms, the councils' templates


def role_required(*roles: str):
    """Refuse (403) a signed-in user whose role is not one of ``roles``."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def sees(user: User):
    """The referrals ``user`` may see, as a condition for a query: everyone the referrals they
    made; practitioners also the submitted ones naming them as lead professional, or that did
    before the lead professional changed (they keep read access); managers the
    submitted ones routed to their team; admins nothing more (the referrals they confirmed from
    imports are theirs)."""
    made = Referral.created_by_id == user.id
    submitted = Referral.status != Stage.DRAFT
    if user.role == Role.PRACTITIONER:
        lead_email = Referral.record["lead_professional"]["email"].as_string()
        led_before = select(LeadProfessionalChange.referral_id).where(
            LeadProfessionalChange.previous_email == user.email.lower()
        )
        leads = func.lower(lead_email) == user.email.lower()
        return made | (submitted & (leads | Referral.id.in_(led_before)))
    if user.role == Role.MANAGER and user.team:
        return made | (submitted & (Referral.team == user.team))
    return made


def may_change_draft(draft: Referral, user: User) -> bool:
    """A draft is seen and changed only by the practitioner who started it."""
    return draft.status == Stage.DRAFT and draft.created_by_id == user.id


def may_make_referrals(user: User) -> bool:
    return user.role in MAKES_REFERRALS


def may_decide(user: User) -> bool:
    return user.role in DECIDES


def administers(user: User) -> bool:
    return user.is_authenticated and user.role in ADMINISTERS


def is_lead_professional(referral: Referral, user: User) -> bool:
    lead = (referral.record or {}).get("lead_professional") or {}
    return bool(lead.get("email")) and lead["email"].lower() == user.email.lower()


def holds(referral: Referral, user: User) -> bool:
    """Whether ``user`` holds the case as its lead professional: the one named, or, until one
    is named, the practitioner who started it (seed 004 "Lead professional")."""
    lead_named = bool(((referral.record or {}).get("lead_professional") or {}).get("email"))
    return is_lead_professional(referral, user) if lead_named else referral.created_by_id == user.id


def may_keep_tac_plan(referral: Referral, user: User) -> bool:
    """The TAC plan is recorded by the lead professional (seed 004) or a manager; on a referral
    that is not a CAF, also by the referrer who convened the TAC. A CAF's practitioner who has
    handed the lead on only reads it."""
    if referral.status == Stage.DRAFT:
        return False
    convened = not lifecycle.is_caf(referral.pathway) and referral.created_by_id == user.id
    return may_decide(user) or holds(referral, user) or convened


def may_change_lead(referral: Referral, user: User) -> bool:
    """A CAF's lead professional is changed, formally, by whoever holds it or a manager; a
    former lead professional keeps reading the record but changes nothing."""
    if not lifecycle.is_caf(referral.pathway) or referral.status not in OPEN_STAGES:
        return False
    return may_decide(user) or (user.role == Role.PRACTITIONER and holds(referral, user))


def may_assess(referral: Referral, user: User) -> bool:
    """A manager records the initial assessment's outcome once a decision leads to one."""
    return may_decide(user) and _fits(referral, Move.ASSESS)


def may_change_decision(referral: Referral, user: User) -> bool:
    """Until the referral is assessed; a closed one's decision may be changed (a slip)."""
    return may_decide(user) and (referral.status == Stage.CLOSED or _fits(referral, Move.DECIDE))


def may_request_specialist(referral: Referral, user: User) -> bool:
    """A CAF's lead professional, or a manager, records its request to a specialist service."""
    return may_keep_tac_plan(referral, user) and _fits(referral, Move.REQUEST_SPECIALIST)


def _fits(referral: Referral, move: Move) -> bool:
    """The page offers ``move`` only where the referral's life allows it (record.lifecycle)."""
    return lifecycle.allows(referral.pathway, referral.status, move, referral.record or {})


def may_keep_cin_plan(user: User) -> bool:
    return may_decide(user)


def may_close(referral: Referral, user: User) -> bool:
    """A manager closes any open referral; a CAF also its lead professional, who is the
    practitioner who started it until another is named (seed 004 "Lead professional")."""
    if referral.status not in OPEN_STAGES:
        return False
    if may_decide(user):
        return True
    if referral.pathway != Pathway.EARLY_HELP or user.role != Role.PRACTITIONER:
        return False
    return holds(referral, user)


def may_send_again(link: FeedbackLink, user: User) -> bool:
    """A link to the referrer is sent again by a manager (who sends them with the decision);
    a document shared with an agency, also by whoever shared it."""
    return user.is_authenticated and (may_decide(user) or link.created_by_id == user.id)
