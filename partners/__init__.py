"""Who: organisations and their succession, people, invitations and sign-in."""
