"""The portal's shared foundations: roles, permission enforcement, the domain error, GOV.UK helpers; imports no app."""
