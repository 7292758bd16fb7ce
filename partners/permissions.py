"""Who may invite people to the portal, and to which roles: the one place these rules live."""

from core.roles import VRU_STAFF_ROLES, Role, is_administrator, is_vru_staff

can_invite_people = is_vru_staff | is_administrator


def roles_invitable_by(user) -> list[Role]:
    """Administrators invite anyone; VRU staff invite youth leads and VRU colleagues, never administrators."""
    if is_administrator.test(user):
        return list(Role)
    if is_vru_staff.test(user):
        return [role for role in Role if role == Role.YOUTH_LEAD or role in VRU_STAFF_ROLES]
    return []
