"""Pieces of the profile pages: avatar, the profile form, the phone verifier."""

from __future__ import annotations

import reflex as rx

from pk_rentals.components.i18n import ltr, script_messages, t
from pk_rentals.components.ui import busy_spinner, loading, message_text
from pk_rentals.models.enums import Language
from pk_rentals.places import OTHER_CITY, PROVINCES
from pk_rentals.services.profile import AREA_MAX, BIO_MAX, NAME_LENGTH, PROBLEMS
from pk_rentals.state.profile import DRAFT_KEY, ProfileState
from pk_rentals.state.ui import UiState

FORM_ID = "profile-form"
PHONE_MESSAGES = [
    "send",
    "sending",
    "sent",
    "code",
    "verify",
    "verifying",
    "resend",
    "code_incorrect",
    "code_expired",
    "too_many",
    "taken",
    "failed",
]


class FormDraft(rx.Component):
    library = "$/public/js/form_draft.jsx"
    tag = "FormDraft"

    form_id: rx.Var[str]
    storage_key: rx.Var[str]
    owner: rx.Var[str]


class PhoneVerifier(rx.Component):
    library = "$/public/js/clerk_widgets.jsx"  # loads with Clerk
    tag = "PhoneVerifier"

    phone_number: rx.Var[str]
    phone_display: rx.Var[str]
    messages: rx.Var[dict]
    on_verified: rx.EventHandler[rx.event.no_args_event_spec]


def avatar(url: rx.Var, initials: rx.Var, size: str = "5") -> rx.Component:
    """The public avatar: Clerk's image, else initials; never the verification selfie,
    which only the person and moderators may see."""
    return rx.avatar(
        src=url,
        fallback=initials,
        size=size,
        radius="full",
        color_scheme="grass",
        variant="solid",
        alt="",
        data_testid="avatar",
    )


def field_error(name: str) -> rx.Component:
    return rx.cond(
        ProfileState.errors.contains(name),
        rx.text(
            message_text(ProfileState.errors[name], PROBLEMS),
            id=f"{name}-error",
            class_name="pk-field-error",
            role="alert",
            size="2",
            data_testid=f"error-{name}",
        ),
    )


def field(name: str, label_key: str, control: rx.Component, hint_key: str = "") -> rx.Component:
    return rx.box(
        rx.el.label(t(label_key), html_for=name, class_name="pk-label"),
        control,
        rx.text(t(hint_key), id=f"{name}-hint", size="1", color_scheme="gray") if hint_key else "",
        field_error(name),
        class_name="pk-field",
        width="100%",
    )


def _described(name: str, hint: bool = False) -> dict:
    ids = f"{name}-error" + (f" {name}-hint" if hint else "")
    return {
        "id": name,
        "name": name,
        "aria_invalid": rx.cond(ProfileState.errors.contains(name), "true", "false"),
        "aria_describedby": ids,
    }


def _text_input(name: str, value: rx.Var, **props) -> rx.Component:
    return rx.input(default_value=value, size="3", width="100%", **_described(name, True), **props)


def _select(name: str, value: rx.Var, options: list[rx.Component], **props) -> rx.Component:
    return rx.el.select(
        *options,
        default_value=value,
        class_name="pk-select",
        **_described(name),
        **props,
    )


def _option(value: str, label: rx.Var | str) -> rx.Component:
    return rx.el.option(label, value=value)


def _province_options() -> list[rx.Component]:
    return [
        _option("", t("form.province.choose")),
        *[_option(p.name, rx.cond(UiState.is_urdu, p.name_ur, p.name)) for p in PROVINCES.values()],
    ]


def _city_options() -> list[rx.Component]:
    return [
        _option("", t("form.city.choose")),
        rx.foreach(
            ProfileState.city_choices,
            lambda city: _option(city[0], rx.cond(UiState.is_urdu, city[2], city[1])),
        ),
        _option(OTHER_CITY, t("form.city.other")),
    ]


def _language_choice() -> rx.Component:
    return rx.el.fieldset(
        rx.el.legend(t("form.language"), class_name="pk-label"),
        rx.radio_group.root(
            rx.flex(
                *[
                    rx.el.label(
                        rx.radio_group.item(value=language.value),
                        t(f"language.{language.value}"),
                        class_name="pk-choice",
                    )
                    for language in Language
                ],
                spacing="4",
                wrap="wrap",
            ),
            name="preferred_language",
            default_value=ProfileState.preferred_language,
            size="3",
        ),
        class_name="pk-fieldset",
    )


def profile_form(submit_key: str) -> rx.Component:
    """The setup wizard's and the profile page's form (uncontrolled, so typing works
    while the connection is down; FormDraft keeps it across reloads)."""
    return rx.form(
        rx.vstack(
            field(
                "display_name",
                "form.display_name",
                _text_input(
                    "display_name",
                    ProfileState.display_name,
                    max_length=NAME_LENGTH[1] + 10,
                    auto_complete="name",
                ),
                "form.display_name.hint",
            ),
            field(
                "phone",
                "form.phone",
                _text_input(
                    "phone",
                    ProfileState.phone_display,
                    type="tel",
                    input_mode="tel",
                    auto_complete="tel",
                    dir="ltr",
                    placeholder="0300 1234567",
                ),
                "form.phone.hint",
            ),
            rx.grid(
                field(
                    "province",
                    "form.province",
                    _select(
                        "province",
                        ProfileState.province,
                        _province_options(),
                        on_change=ProfileState.set_form_province,
                    ),
                ),
                field(
                    "city",
                    "form.city",
                    _select(
                        "city",
                        ProfileState.listed_city,
                        _city_options(),
                        on_change=ProfileState.set_form_city,
                        key=ProfileState.form_province,  # a new province: a fresh menu
                    ),
                ),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="4",
                width="100%",
            ),
            rx.cond(
                ProfileState.city_is_other,
                field(
                    "city_other",
                    "form.city_other",
                    _text_input("city_other", ProfileState.typed_city, max_length=60),
                ),
            ),
            field(
                "area",
                "form.area",
                _text_input("area", ProfileState.area, max_length=AREA_MAX + 10),
                "form.area.hint",
            ),
            field(
                "bio",
                "form.bio",
                rx.text_area(
                    default_value=ProfileState.bio,
                    rows="4",
                    size="3",
                    width="100%",
                    max_length=BIO_MAX + 50,
                    **_described("bio", True),
                ),
                "form.bio.hint",
            ),
            _language_choice(),
            rx.button(
                busy_spinner(ProfileState.saving),
                rx.cond(ProfileState.saving, t("form.saving"), t(submit_key)),
                type="submit",
                size="3",
                disabled=ProfileState.saving,
                aria_busy=ProfileState.saving,
                class_name="pk-submit",
                data_testid="profile-save",
            ),
            spacing="4",
            width="100%",
        ),
        FormDraft.create(form_id=FORM_ID, storage_key=DRAFT_KEY, owner=ProfileState.public_id),
        id=FORM_ID,
        key=ProfileState.revision,
        on_submit=ProfileState.save,
        reset_on_submit=False,
        width="100%",
        max_width="40rem",
        data_testid="profile-form",
    )


def phone_verification() -> rx.Component:
    """The profile's number: verified, or Clerk's SMS-code verification of it."""
    messages = script_messages({name: f"phone.{name}" for name in PHONE_MESSAGES})
    return rx.cond(
        ProfileState.phone_verified,
        rx.hstack(
            rx.icon("circle-check", color=rx.color("blue", 11), aria_hidden="true"),
            rx.text(t("phone.verified"), " ", ltr(ProfileState.phone_display)),
            align="center",
            spacing="2",
            data_testid="phone-verified",
        ),
        rx.cond(
            ProfileState.phone,
            rx.vstack(
                rx.text(
                    ltr(ProfileState.phone_display),
                    " · ",
                    t("phone.not_verified"),
                    size="2",
                    color_scheme="gray",
                ),
                rx.cond(
                    ProfileState.phone_syncing,
                    loading("phone.verifying"),
                    PhoneVerifier.create(
                        phone_number=ProfileState.phone,
                        phone_display=ProfileState.phone_display,
                        messages=messages,
                        on_verified=ProfileState.phone_verified_at_clerk,
                    ),
                ),
                spacing="2",
                align="start",
                width="100%",
            ),
            rx.text(t("phone.save_first"), color_scheme="gray"),
        ),
    )
