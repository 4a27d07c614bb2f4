"""The Reflex app: pages, head, theme and the HTTP routes mounted beside Reflex's."""

import reflex as rx

import pk_rentals.models  # noqa: F401 - tables must be registered for Reflex's schema check
from pk_rentals import routes
from pk_rentals.api import create_api
from pk_rentals.components.head import head_components
from pk_rentals.pages.landing import landing
from pk_rentals.pages.not_found import not_found

app = rx.App(
    api_transformer=create_api(),
    head_components=head_components(),
    html_lang="ur",
    html_custom_attrs={"dir": "rtl"},
    stylesheets=["/styles.css"],
)
app.add_page(
    landing,
    route=routes.HOME,
    title="PK Rentals: verified renters and owners",
    description="Rent from people who have verified their CNIC and a live selfie.",
)
app.add_page(not_found, route=routes.NOT_FOUND, title="Page not found · PK Rentals")
