"""pk_rentals: the trust and identity layer of a Pakistani rental marketplace."""
