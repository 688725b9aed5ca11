"""The account's people: users, invites, and the rules about who may change whom."""
