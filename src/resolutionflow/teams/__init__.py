"""Teams inside an account and who belongs to them."""
