"""Who may read the quarterly report and make its PDF: VRU staff and administrators, as for the dashboard."""

from core.roles import sees_everything

can_view_quarterly_report = sees_everything
