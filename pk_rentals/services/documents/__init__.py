"""Reading the CNIC card photo offline: find the number, the dates, and whether it is a CNIC."""

from pk_rentals.services.documents.cnic_text import CardText, parse_card_text

__all__ = ["CardText", "parse_card_text"]
