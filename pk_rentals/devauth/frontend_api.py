"""The Frontend API's old home: the router and the clock the resources read."""

from pk_rentals.devauth.frontend import router
from pk_rentals.devauth.frontend.sign_ups import EMAIL_REFUSALS

__all__ = ["EMAIL_REFUSALS", "router"]
