"""What every signed-in user manages for themselves: profile, password, personal API tokens."""
