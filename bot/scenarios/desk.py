"""The desk reference: the agency.yaml settings a call's resolution facts need, as shown with the brief.

A desk officer has the tow yard's number and the records hours on the wall; a trainee cannot give facts it
could not otherwise know, so each scenario carries the settings its facts are written with, under the
labels here (bot/scenarios/model.py `Scenario.desk_card` shows them).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.scenarios.schema import PLACEHOLDER

DESK_LABELS = {
    "jail_info_phone": "Inmate information line",
    "jail_name": "Jail",
    "watch_commander_phone": "Watch commander",
    "watch_commander_email": "Watch commander e-mail",
    "online_report_minutes": "Online report takes",
    "online_report_followup": "After the online report",
    "records_location": "Records",
    "records_hours": "Records hours",
    "report_copy_fee": "Report copy fee",
    "report_copy_time": "Ready in",
    "tow_yard_name": "Tow yard",
    "tow_yard_phone": "Tow yard phone",
    "tow_yard_address": "Tow yard address",
    "dispatch_phone": "Dispatch",
    "clearance_fee": "Clearance letter fee",
    "fingerprint_hours": "Fingerprints",
    "property_phone": "Property unit",
    "fraud_line": "Fraud line",
    "crisis_line": "Crisis line",
    "mental_health_team_phone": "Mental health team",
    "victim_advocate_phone": "Victim advocate",
    "dv_hotline": "DV hotline",
    "court_self_help_center": "Court self-help",
    "court_self_help_phone": "Self-help phone",
    "impound_release_hours": "Release hours",
    "impound_release_fee": "Release fee",
    "vin_inspection_hours": "VIN inspections",
    "vin_inspection_phone": "VIN booking",
    "ride_along_min_age": "Ride-along minimum age",
    "ride_along_processing": "Ride-along approval",
    "permit_office": "Permits",
    "permit_office_phone": "Permits phone",
    "solicitor_permit_fee": "Solicitor permit fee",
    "solicitor_permit_time": "Solicitor permit takes",
    "registration_unit_phone": "Registration unit",
    "registration_hours": "Registration",
    "parking_citation_phone": "Parking citations",
    "parking_contest_days": "Days to contest",
    "mediation_phone": "Community mediation",
    "adult_services_phone": "Adult services",
    "commendations_email": "Commendations e-mail",
    "collision_report_form": "Collision report",
    "dmv_collision_days": "DMV SR-1 deadline (days)",
    "desk_phone": "Front desk",
    "lobby_hours": "Lobby hours",
}
"""How the desk reference names each agency.yaml setting (others: the setting's name in words)."""


def desk_reference(raw_facts: Any, agency: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The agency settings the resolution facts are written with, in the order they first appear."""
    found: dict[str, str] = {}

    def walk(value: Any) -> None:
        if isinstance(value, str):
            for name, _ in PLACEHOLDER.findall(value):
                if name in agency and name not in found:
                    found[name] = agency[name]
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(raw_facts)
    order = list(DESK_LABELS)
    keys = sorted(found, key=lambda k: order.index(k) if k in order else len(order))
    return tuple((DESK_LABELS.get(k, k.replace("_", " ").capitalize()), found[k]) for k in keys)
