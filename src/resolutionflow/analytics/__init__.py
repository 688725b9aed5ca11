"""Analytics for team leads: figures computed from sessions and their timelines."""
