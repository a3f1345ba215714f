"""A referral's audit trail for its managers: every sign-in-bound view, download, change,
decision, share and export about it, on a page and as a CSV file. Exporting is itself audited."""

import csv
import io

from flask import Blueprint, Response, render_template

from service.access import referral_or_404
from service.actions import work
from service.db import audit
from service.permissions import DECIDES, role_required

bp = Blueprint("audit_trail", __name__)

COLUMNS = ["When (UTC)", "Who", "Role", "Action", "About", "Outcome", "From"]


def _rows(events) -> list[list[str]]:
    return [
        [
            event.occurred_at.strftime("%Y-%m-%d %H:%M:%S"),
            event.user.full_name if event.user else "Someone outside the council, by e-mailed link",
            event.user.role if event.user else "",
            event.action,
            f"{event.object_type} {event.object_id}",
            event.outcome,
            event.remote_addr or "",
        ]
        for event in events
    ]


def _read_trail(referral_id: int, action: str):
    """The referral and its trail's rows, the reading itself audited as ``action``."""
    referral = referral_or_404(referral_id, action)
    rows = _rows(audit.trail_for(referral))
    work.done(action, "referral", referral.id)
    return referral, rows


@bp.route("/referrals/<int:referral_id>/audit")
@role_required(*DECIDES)
def show(referral_id: int):
    referral, rows = _read_trail(referral_id, "view_audit")
    return render_template("referrals/audit.html", referral=referral, columns=COLUMNS, rows=rows)


@bp.route("/referrals/<int:referral_id>/audit.csv")
@role_required(*DECIDES)
def export(referral_id: int):
    referral, rows = _read_trail(referral_id, "export")
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return Response(
        output.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=audit-referral-{referral.id}.csv"},
    )
