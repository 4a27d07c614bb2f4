"""/moderation: the queue, one submission beside it, decisions and the stats panel.

Laptop: queue and submission side by side. Phone (360 px): the queue, and once a
submission is open, the submission alone with a "Back to the queue" button.
"""

import reflex as rx

from pk_rentals import routes
from pk_rentals.components.frame import page_frame, signed_in_only
from pk_rentals.components.i18n import ltr, t
from pk_rentals.components.moderation import (
    ModerationKeys,
    band_badge,
    bilingual,
    flag_badge,
    message,
    moderators_only,
    status_badge,
)
from pk_rentals.components.trust_badge import trust_badge_for
from pk_rentals.models import SubmissionStatus
from pk_rentals.services.moderation import Decision, Flag
from pk_rentals.services.verification import REJECTION_REASONS
from pk_rentals.state.moderation import ModerationState as M
from pk_rentals.state.moderation import SecurityTabState as S
from pk_rentals.state.ui import UiState

SHORTCUTS = (
    ("A", "moderation.shortcut.approve"),
    ("R", "moderation.shortcut.reject"),
    ("S", "moderation.shortcut.resubmit"),
    ("J", "moderation.shortcut.next"),
    ("K", "moderation.shortcut.previous"),
    ("?", "moderation.shortcut.help"),
)


def _card(*children, **props) -> rx.Component:
    return rx.card(
        rx.vstack(*children, spacing="3", align="stretch", width="100%"),
        size="2",
        width="100%",
        **props,
    )


def _label(key: str) -> rx.Component:
    return rx.text(t(key), size="1", weight="medium", color_scheme="gray")


# --- header, help, stats ---------------------------------------------------------------


def _help() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.button(
                rx.icon("keyboard", size=16, aria_hidden="true"),
                t("moderation.shortcuts"),
                variant="soft",
                color_scheme="gray",
                size="2",
                custom_attrs={"data-shortcut": "?"},
                data_testid="shortcuts-help",
            )
        ),
        rx.dialog.content(
            rx.dialog.title(t("moderation.shortcuts")),
            rx.el.dl(
                *[
                    rx.flex(
                        rx.el.dt(rx.code(key, size="3", weight="bold"), min_width="2.5rem"),
                        rx.el.dd(t(label), margin="0"),
                        spacing="3",
                        align="center",
                    )
                    for key, label in SHORTCUTS
                ],
                class_name="pk-shortcut-list",
            ),
            rx.text(t("moderation.shortcut.typing"), size="2", color_scheme="gray"),
            rx.flex(
                rx.dialog.close(rx.button(t("moderation.close"), variant="soft")),
                justify="end",
                margin_top="1rem",
            ),
            max_width="26rem",
            data_testid="shortcuts-dialog",
        ),
    )


def _title() -> rx.Component:
    return rx.flex(
        rx.heading(t("moderation.title"), as_="h1", size="7"),
        rx.spacer(),
        rx.hstack(
            rx.link(
                rx.icon("scroll-text", size=16, aria_hidden="true"),
                t("moderation.audit"),
                href=routes.MODERATION_AUDIT,
                class_name="pk-icon-link",
                data_testid="audit-link",
            ),
            _help(),
            spacing="4",
            align="center",
        ),
        align="center",
        wrap="wrap",
        spacing="3",
        width="100%",
    )


def _stat(label_key: str, value: rx.Component, note_key: str, testid: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            _label(label_key),
            value,
            rx.text(t(note_key), size="1", color_scheme="gray") if note_key else rx.fragment(),
            spacing="1",
        ),
        size="2",
        data_testid=testid,
    )


def _per_day_chart(
    title: str,
    data_key: str,
    color: str,
    data: rx.Var,
    total: rx.Var,
    height: int = 110,
    **card_props,
) -> rx.Component:
    """A count per day as bars (Pakistan days, oldest first), with a sentence saying
    the total for screen readers: the chart itself is hidden from them. ``height`` in
    pixels: as tall as the card beside it, so neither has a gap at the bottom."""
    window = f"{title}.window"
    return rx.card(
        rx.vstack(
            rx.hstack(
                _label(title),
                rx.text("(", t(window), ")", size="1", color_scheme="gray"),
                spacing="1",
            ),
            # Dates read left to right in both languages.
            rx.box(
                rx.recharts.bar_chart(
                    rx.recharts.bar(
                        data_key=data_key,
                        fill=rx.color(color, 9),
                        radius=[3, 3, 0, 0],
                        is_animation_active=False,
                    ),
                    rx.recharts.x_axis(
                        data_key="day", tick_line=False, font_size=11, interval="preserveStartEnd"
                    ),
                    rx.recharts.y_axis(
                        allow_decimals=False, width=28, tick_line=False, font_size=11
                    ),
                    rx.recharts.graphing_tooltip(cursor=False),
                    data=data,
                    # No keyboard stop inside a chart hidden from screen readers:
                    # the sentence below says the same.
                    custom_attrs={"accessibilityLayer": False},
                    margin={"top": 4, "right": 4, "left": 0, "bottom": 0},
                    width="100%",
                    height=height,
                ),
                dir="ltr",
                width="100%",
                aria_hidden="true",
            ),
            rx.el.span(t(title), ": ", total, " (", t(window), ")", class_name="pk-sr-only"),
            spacing="1",
            width="100%",
        ),
        size="2",
        **card_props,
    )


def _chart() -> rx.Component:
    return _per_day_chart(
        "moderation.stats.per_day",
        "decisions",
        "grass",
        M.decisions_per_day,
        M.decisions_total,
        grid_column=rx.breakpoints(initial="1 / -1", md="auto"),
        data_testid="stats-chart",
    )


def _security_chart() -> rx.Component:
    return _per_day_chart(
        "security.per_day",
        "failures",
        "tomato",
        S.per_day,
        S.total_14d,
        height=170,  # the eight kinds of failure listed beside it
        data_testid="security-chart",
    )


def _security_kinds() -> rx.Component:
    return rx.card(
        rx.vstack(
            _label("security.last_24h"),
            rx.el.dl(
                rx.foreach(
                    S.by_kind,
                    lambda pair: rx.hstack(
                        rx.el.dt(message("security.kind", pair[0].to(str)), class_name="pk-dt"),
                        rx.el.dd(
                            rx.text(pair[1], weight="bold"),
                            margin="0",
                            data_testid=f"security-kind-{pair[0]}",
                        ),
                        justify="between",
                        width="100%",
                    ),
                ),
                style={"width": "100%", "margin": "0"},
            ),
            spacing="2",
            width="100%",
        ),
        size="2",
        data_testid="security-kinds",
    )


def _security_top() -> rx.Component:
    return rx.card(
        rx.vstack(
            _label("security.top"),
            rx.text(t("security.threshold"), " ", S.threshold, size="1", color_scheme="gray"),
            rx.cond(
                S.top.length() > 0,
                # A list, not a table: it wraps on a phone instead of scrolling sideways.
                rx.el.ul(
                    rx.foreach(
                        S.top,
                        lambda row: rx.el.li(
                            rx.hstack(
                                rx.vstack(
                                    rx.text(row.display_name, weight="medium"),
                                    rx.code(ltr(row.clerk_user_id), size="1"),
                                    spacing="0",
                                    min_width="0",
                                ),
                                rx.hstack(
                                    rx.cond(row.flagged, flag_badge(Flag.SECURITY.value)),
                                    rx.text(
                                        t("security.failures"),
                                        ": ",
                                        rx.el.b(row.failures),
                                        white_space="nowrap",
                                    ),
                                    spacing="2",
                                    align="center",
                                    wrap="wrap",
                                ),
                                justify="between",
                                align="center",
                                wrap="wrap",
                                spacing="2",
                                width="100%",
                            ),
                            class_name="pk-security-row",
                            data_testid="security-account",
                        ),
                    ),
                    aria_label=t("security.top"),
                    style={"listStyle": "none", "padding": "0", "margin": "0", "width": "100%"},
                ),
                rx.text(t("security.top.none"), size="2", data_testid="security-none"),
            ),
            spacing="2",
            width="100%",
        ),
        size="2",
        grid_column="1 / -1",  # the whole row: a list of names reads poorly in half of it
        data_testid="security-top",
    )


def _security() -> rx.Component:
    return rx.cond(
        S.loading,
        rx.center(rx.spinner(size="3"), padding="2rem", role="status"),
        rx.grid(
            _security_chart(),
            _security_kinds(),
            _security_top(),
            columns=rx.breakpoints(initial="1", md="1fr 1fr"),
            spacing="3",
            width="100%",
            data_testid="security-panel",
        ),
    )


def _stats() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger(t("moderation.tab.queue"), value="review", data_testid="tab-review"),
            rx.tabs.trigger(
                t("moderation.tab.security"), value="security", data_testid="tab-security"
            ),
        ),
        rx.tabs.content(_review_stats(), value="review", padding_top="0.75rem"),
        rx.tabs.content(_security(), value="security", padding_top="0.75rem"),
        value=S.tab,
        on_change=S.choose_tab,
        width="100%",
    )


def _review_stats() -> rx.Component:
    return rx.grid(
        _stat(
            "moderation.stats.pending",
            rx.text(M.pending_count, size="7", weight="bold", data_testid="stats-pending"),
            "",
            "stats-pending-card",
        ),
        _stat(
            "moderation.stats.median",
            rx.text(
                bilingual(M.median_en, M.median_ur),
                size="6",
                weight="bold",
                data_testid="stats-median",
            ),
            "moderation.stats.median.window",
            "stats-median-card",
        ),
        _chart(),
        columns=rx.breakpoints(initial="2", md="1fr 1fr 2fr"),
        spacing="3",
        width="100%",
        data_testid="moderation-stats",
    )


# --- the queue -------------------------------------------------------------------------


def _select(value, on_change, options: list[tuple[str, rx.Component]], label_key, testid):
    return rx.vstack(
        rx.el.label(t(label_key), html_for=testid, class_name="pk-field-label"),
        rx.select.root(
            rx.select.trigger(id=testid, width="100%", data_testid=testid),
            rx.select.content(
                *[rx.select.item(text, value=option) for option, text in options],
                position="popper",
            ),
            value=value,
            on_change=on_change,
        ),
        spacing="1",
        flex="1",
        min_width="10rem",
    )


def _filters() -> rx.Component:
    return rx.flex(
        _select(
            M.status_filter,
            M.filter_status,
            [(s.value, t(f"moderation.status.{s.value}")) for s in SubmissionStatus],
            "moderation.filter.status",
            "filter-status",
        ),
        _select(
            M.flag_filter,
            M.filter_flag,
            [("all", t("moderation.flag.all"))]
            + [(f.value, t(f"moderation.flag.{f.value}")) for f in Flag],
            "moderation.filter.flag",
            "filter-flag",
        ),
        direction="column",
        spacing="2",
        width="100%",
    )


def _queue_item(item) -> rx.Component:
    selected = item.id == M.selected.id
    return rx.el.li(
        rx.el.button(
            rx.vstack(
                rx.flex(
                    rx.text(item.name, weight="bold", size="3", class_name="pk-wrap-anywhere"),
                    rx.spacer(),
                    rx.text(
                        ltr(item.submitted),
                        size="1",
                        color_scheme="gray",
                        white_space="nowrap",
                    ),
                    spacing="2",
                    width="100%",
                    align="baseline",
                ),
                rx.text(
                    bilingual(item.place_en, item.place_ur),
                    " · ",
                    ltr(item.cnic_masked),
                    size="2",
                    color_scheme="gray",
                ),
                rx.flex(
                    rx.badge(
                        t("moderation.attempt"), " ", item.attempt, variant="outline", size="1"
                    ),
                    band_badge(item.face_band),
                    rx.foreach(item.flags, flag_badge),
                    spacing="1",
                    wrap="wrap",
                ),
                spacing="1",
                align="start",
                width="100%",
            ),
            on_click=M.open(item.id),
            class_name=rx.cond(selected, "pk-queue-item pk-queue-item-selected", "pk-queue-item"),
            aria_current=rx.cond(selected, "true", "false"),
            data_testid="queue-item",
            custom_attrs={"data-submission": item.id},
        ),
    )


def _pager() -> rx.Component:
    # On a phone the chevrons alone keep the row inside the card (the words did not fit).
    return rx.flex(
        rx.button(
            rx.icon("chevron-left", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
            rx.el.span(t("moderation.previous_page"), class_name="pk-hide-narrow"),
            on_click=M.previous_page,
            disabled=M.page_number <= 1,
            variant="soft",
            size="2",
            aria_label=t("moderation.previous_page"),
            class_name="pk-pager-button",
            data_testid="previous-page",
        ),
        rx.text(
            t("moderation.page"),
            " ",
            M.page_number,
            size="2",
            color_scheme="gray",
            white_space="nowrap",
        ),
        rx.button(
            rx.el.span(t("moderation.next_page"), class_name="pk-hide-narrow"),
            rx.icon("chevron-right", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
            on_click=M.next_page,
            disabled=~M.has_next,
            variant="soft",
            size="2",
            aria_label=t("moderation.next_page"),
            class_name="pk-pager-button",
            data_testid="next-page",
        ),
        justify="between",
        align="center",
        spacing="2",
        width="100%",
    )


def _step_buttons() -> rx.Component:
    """Previous/next submission (K/J); also what the shortcuts click."""
    return rx.hstack(
        rx.icon_button(
            rx.icon("chevron-up", size=16, aria_hidden="true"),
            on_click=M.move(-1),
            disabled=M.items.length() == 0,
            variant="ghost",
            size="2",
            aria_label=t("moderation.shortcut.previous"),
            title="K",
            custom_attrs={"data-shortcut": "k"},
            data_testid="previous-submission",
        ),
        rx.icon_button(
            rx.icon("chevron-down", size=16, aria_hidden="true"),
            on_click=M.move(1),
            disabled=M.items.length() == 0,
            variant="ghost",
            size="2",
            aria_label=t("moderation.shortcut.next"),
            title="J",
            custom_attrs={"data-shortcut": "j"},
            data_testid="next-submission",
        ),
        spacing="3",
    )


def _queue() -> rx.Component:
    return rx.el.section(
        _card(
            rx.flex(
                rx.heading(t("moderation.queue"), as_="h2", size="4"),
                rx.spacer(),
                _step_buttons(),
                align="center",
            ),
            _filters(),
            rx.cond(
                M.queue_loading,
                rx.center(rx.spinner(size="3"), padding="2rem", role="status"),
                rx.cond(
                    M.items.length() > 0,
                    rx.el.ul(
                        rx.foreach(M.items, _queue_item),
                        class_name="pk-queue-list",
                        data_testid="queue-list",
                    ),
                    rx.vstack(
                        rx.icon("inbox", size=32, color=rx.color("gray", 9), aria_hidden="true"),
                        rx.text(t("moderation.empty"), weight="bold"),
                        rx.text(t("moderation.empty.body"), size="2", color_scheme="gray"),
                        align="center",
                        text_align="center",
                        padding_y="2rem",
                        data_testid="queue-empty",
                    ),
                ),
            ),
            _pager(),
        ),
        aria_label=t("moderation.queue"),
        # On a phone an open submission takes the whole width.
        class_name=rx.cond(M.has_selection, "pk-queue pk-has-selection", "pk-queue"),
        width="100%",
        min_width="0",
    )


# --- one submission --------------------------------------------------------------------


def _face_boxes(boxes: rx.Var | None, image: rx.Component, frame: str) -> rx.Component:
    """The image with the face checks' boxes drawn over it (positions in % of it)."""
    if boxes is None:
        return image
    return rx.box(
        image,
        rx.foreach(
            boxes,
            lambda box: rx.box(
                class_name="pk-face-box",
                style={
                    "left": box["left"],
                    "top": box["top"],
                    "width": box["width"],
                    "height": box["height"],
                },
                data_testid="face-box",
            ),
        ),
        class_name=f"pk-face-frame {frame}",
    )


def _image(url: rx.Var, label_key: str, testid: str, boxes: rx.Var | None = None) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.trigger(
            rx.el.button(
                _face_boxes(
                    boxes,
                    rx.image(
                        src=url,
                        alt=t(label_key),
                        class_name="pk-moderation-thumb",
                        loading="lazy",
                    ),
                    "pk-face-frame-thumb",
                ),
                rx.flex(
                    rx.text(t(label_key), size="2", weight="medium"),
                    rx.icon("zoom-in", size=14, aria_hidden="true"),
                    spacing="1",
                    align="center",
                    justify="center",
                ),
                class_name="pk-moderation-figure",
                aria_label=rx.cond(
                    UiState.is_urdu,
                    f"{_text(label_key, 'ur')}: {_text('moderation.zoom', 'ur')}",
                    f"{_text(label_key, 'en')}: {_text('moderation.zoom', 'en')}",
                ),
                data_testid=testid,
            )
        ),
        rx.dialog.content(
            rx.dialog.title(t(label_key), size="3"),
            rx.center(
                _face_boxes(
                    boxes,
                    rx.image(src=url, alt=t(label_key), class_name="pk-moderation-full"),
                    "pk-face-frame-full",
                ),
                width="100%",
            ),
            rx.flex(
                rx.dialog.close(
                    rx.button(t("moderation.close"), variant="soft", data_testid="zoom-close")
                ),
                justify="end",
                margin_top="0.75rem",
            ),
            max_width="min(96vw, 64rem)",
            data_testid=f"{testid}-zoom",
        ),
    )


def _text(key: str, language: str) -> str:
    from pk_rentals.i18n import text

    return text(key, language)


def _images() -> rx.Component:
    return rx.grid(
        _image(M.selected.selfie_url, "moderation.selfie", "image-selfie", M.selected.selfie_boxes),
        _image(
            M.selected.cnic_front_url,
            "moderation.cnic_front",
            "image-cnic-front",
            M.selected.cnic_boxes,
        ),
        _image(M.selected.cnic_back_url, "moderation.cnic_back", "image-cnic-back"),
        columns=rx.breakpoints(initial="2", md="3"),
        spacing="3",
        width="100%",
    )


def _info_note(message_key: str, testid: str, text_size: str = "2") -> rx.Component:
    """A quiet grey note beside a submission's details."""
    return rx.callout.root(
        rx.callout.icon(rx.icon("info", aria_hidden="true")),
        rx.callout.text(t(message_key), size=text_size),
        color_scheme="gray",
        size="1",
        width="100%",
        data_testid=testid,
    )


def _cnic() -> rx.Component:
    return rx.vstack(
        _label("moderation.cnic"),
        rx.flex(
            rx.code(
                ltr(rx.cond(M.revealed_cnic != "", M.revealed_cnic, M.selected.cnic_masked)),
                size="4",
                variant="ghost",
                data_testid="cnic-number",
            ),
            rx.button(
                rx.icon("eye", size=16, aria_hidden="true"),
                t("moderation.reveal"),
                on_click=M.reveal,
                disabled=M.revealed_cnic != "",
                variant="outline",
                size="1",
                data_testid="reveal-cnic",
            ),
            spacing="3",
            align="center",
            wrap="wrap",
        ),
        rx.text(t("moderation.reveal.note"), size="1", color_scheme="gray"),
        spacing="1",
    )


def _flag_explained(flag) -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("flag", aria_hidden="true")),
        rx.vstack(
            rx.text(message("moderation.flag", flag), weight="bold", size="2"),
            rx.callout.text(
                rx.match(
                    flag,
                    *[
                        (f.value, rx.fragment(t(f"moderation.flag.{f.value}.explain")))
                        for f in Flag
                        if f is not Flag.PROVINCE_MISMATCH and f is not Flag.SELFIE_AGE
                    ],
                    (
                        Flag.PROVINCE_MISMATCH.value,
                        rx.fragment(
                            t("moderation.flag.province_mismatch.explain"),
                            " (",
                            t("moderation.card_says"),
                            ": ",
                            bilingual(M.selected.cnic_province_en, M.selected.cnic_province_ur),
                            " · ",
                            t("moderation.profile_says"),
                            ": ",
                            bilingual(
                                M.selected.profile_province_en, M.selected.profile_province_ur
                            ),
                            ")",
                        ),
                    ),
                    (
                        Flag.SELFIE_AGE.value,
                        rx.fragment(
                            t("moderation.flag.selfie_age.explain"),
                            " (",
                            M.selected.selfie_age_minutes,
                            " ",
                            t("moderation.minutes_before"),
                            ")",
                        ),
                    ),
                    rx.fragment(),
                ),
                size="2",
            ),
            spacing="1",
        ),
        color_scheme="orange",
        size="1",
        width="100%",
        data_testid="flag-explained",
    )


def _flags() -> rx.Component:
    return rx.vstack(
        _label("moderation.flags"),
        rx.cond(
            M.selected.flags.length() > 0,
            rx.vstack(rx.foreach(M.selected.flags, _flag_explained), spacing="2", width="100%"),
            rx.text(t("moderation.no_flags"), size="2"),
        ),
        spacing="1",
        width="100%",
    )


def _face_fact(label_key: str, value: rx.Var, testid: str) -> rx.Component:
    return rx.text(t(label_key), ": ", ltr(value), size="2", data_testid=testid)


def _faces() -> rx.Component:
    """What the automatic face checks found, and that they decide nothing."""
    s = M.selected

    def quality(figures: rx.Var) -> rx.Component:
        return rx.text(
            ltr(figures),
            " (",
            t("moderation.faces.sharpness"),
            " · ",
            t("moderation.faces.brightness"),
            ")",
            size="1",
            color_scheme="gray",
        )

    return rx.vstack(
        _label("moderation.faces"),
        rx.match(
            s.face_status,
            (
                "done",
                rx.vstack(
                    rx.flex(
                        band_badge(s.face_band, "2"),
                        rx.cond(
                            s.face_distance != "",
                            rx.text(
                                t("moderation.faces.distance"),
                                " ",
                                ltr(rx.el.strong(s.face_distance)),
                                " (",
                                t("moderation.faces.scale"),
                                " ",
                                ltr(s.face_bands),
                                ")",
                                size="2",
                                data_testid="face-distance",
                            ),
                            rx.text(t("moderation.faces.no_distance"), size="2"),
                        ),
                        spacing="2",
                        align="center",
                        wrap="wrap",
                    ),
                    _face_fact("moderation.faces.in_selfie", s.selfie_faces, "selfie-faces"),
                    quality(s.selfie_quality),
                    _face_fact("moderation.faces.on_cnic", s.cnic_faces, "cnic-faces"),
                    quality(s.cnic_quality),
                    rx.text(
                        t("moderation.faces.boxes"),
                        " ",
                        t("moderation.faces.took"),
                        " ",
                        ltr(s.face_seconds, " "),
                        t("moderation.faces.seconds"),
                        " · ",
                        ltr(s.face_model),
                        size="1",
                        color_scheme="gray",
                        class_name="pk-wrap-anywhere",
                    ),
                    spacing="1",
                    width="100%",
                ),
            ),
            ("unavailable", rx.text(t("moderation.flag.checks_unavailable.explain"), size="2")),
            ("purged", rx.text(t("moderation.faces.purged"), size="2", data_testid="faces-purged")),
            rx.text(t("moderation.faces.pending"), size="2", data_testid="faces-pending"),
        ),
        _info_note("moderation.faces.aid", "faces-aid", text_size="1"),
        spacing="2",
        width="100%",
        data_testid="face-checks",
    )


def _person() -> rx.Component:
    return rx.vstack(
        _label("moderation.person"),
        rx.flex(
            rx.text(M.selected.name, weight="bold", data_testid="detail-name"),
            trust_badge_for(M.selected.level, "small"),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.text(bilingual(M.selected.place_en, M.selected.place_ur), size="2"),
        rx.text(
            rx.cond(
                M.selected.phone_verified,
                t("moderation.phone_verified"),
                t("moderation.phone_not_verified"),
            ),
            " · ",
            t("moderation.member_since"),
            " ",
            ltr(M.selected.member_since),
            size="2",
            color_scheme="gray",
        ),
        spacing="1",
    )


def _earlier() -> rx.Component:
    return rx.vstack(
        _label("moderation.earlier"),
        rx.cond(
            M.selected.earlier.length() > 0,
            rx.el.ul(
                rx.foreach(
                    M.selected.earlier,
                    lambda e: rx.el.li(
                        rx.flex(
                            rx.text(t("moderation.attempt"), " ", e.attempt, size="2"),
                            status_badge(e.status),
                            rx.cond(
                                e.reason_code != "",
                                rx.text(message("rejection", e.reason_code), size="2"),
                                rx.fragment(),
                            ),
                            rx.text(ltr(e.submitted), size="1", color_scheme="gray"),
                            spacing="2",
                            align="center",
                            wrap="wrap",
                        )
                    ),
                ),
                class_name="pk-plain-list",
                data_testid="earlier-attempts",
            ),
            rx.text(t("moderation.earlier.none"), size="2"),
        ),
        spacing="1",
        width="100%",
    )


def _decision_button(decision: Decision, key: str, color: str, icon: str) -> rx.Component:
    needs_reason = decision is not Decision.APPROVE
    disabled = ~M.can_decide | (M.reason_code == "") if needs_reason else ~M.can_decide
    return rx.button(
        rx.cond(M.saving, rx.spinner(size="1"), rx.icon(icon, size=16, aria_hidden="true")),
        t(f"moderation.{decision.value}"),
        rx.code(key.upper(), variant="ghost", size="1", class_name="pk-key-hint"),
        on_click=M.decide(decision.value),
        disabled=disabled,
        color_scheme=color,
        size="3",
        custom_attrs={"data-shortcut": key}
        | ({"data-shortcut-focus": "decision-reason"} if needs_reason else {}),
        data_testid=f"decide-{decision.value}",
        flex="1 1 auto",
    )


def _decision() -> rx.Component:
    return rx.vstack(
        rx.heading(t("moderation.decision"), as_="h3", size="3"),
        rx.cond(
            M.already_status != "",
            rx.callout.root(
                rx.callout.icon(rx.icon("users", aria_hidden="true")),
                rx.vstack(
                    rx.text(t("moderation.already"), weight="bold"),
                    rx.callout.text(
                        t("moderation.already.body"),
                        " ",
                        message("moderation.status", M.already_status),
                        " · ",
                        t("moderation.by"),
                        " ",
                        rx.el.strong(M.already_by),
                        " · ",
                        ltr(M.already_at),
                    ),
                    spacing="1",
                ),
                color_scheme="amber",
                role="alert",
                width="100%",
                data_testid="already-decided",
            ),
            rx.fragment(),
        ),
        rx.cond(
            M.selected.status == SubmissionStatus.PENDING.value,
            rx.vstack(
                rx.vstack(
                    rx.el.label(
                        t("moderation.reason"),
                        html_for="decision-reason",
                        class_name="pk-field-label",
                    ),
                    rx.select.root(
                        rx.select.trigger(
                            placeholder=_placeholder(),
                            id="decision-reason",
                            width="100%",
                            data_testid="decision-reason",
                        ),
                        rx.select.content(
                            *[
                                rx.select.item(t(f"rejection.{code}"), value=code)
                                for code in REJECTION_REASONS
                            ],
                            position="popper",
                        ),
                        value=M.reason_code,
                        on_change=M.set_reason,
                    ),
                    spacing="1",
                    width="100%",
                ),
                rx.vstack(
                    rx.el.label(
                        t("moderation.note"), html_for="decision-note", class_name="pk-field-label"
                    ),
                    rx.text_area(
                        id="decision-note",
                        value=M.note,
                        on_change=M.set_note.debounce(400),
                        max_length=500,
                        rows="2",
                        width="100%",
                        data_testid="decision-note",
                    ),
                    spacing="1",
                    width="100%",
                ),
                rx.cond(
                    M.problem != "",
                    rx.callout(
                        message("moderation.error", M.problem),
                        icon="triangle-alert",
                        color_scheme="tomato",
                        role="alert",
                        width="100%",
                        data_testid="decision-problem",
                    ),
                    rx.fragment(),
                ),
                rx.flex(
                    _decision_button(Decision.APPROVE, "a", "grass", "check"),
                    _decision_button(Decision.REJECT, "r", "tomato", "x"),
                    _decision_button(Decision.REQUEST_RESUBMISSION, "s", "blue", "rotate-ccw"),
                    spacing="2",
                    wrap="wrap",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            rx.vstack(
                rx.flex(
                    status_badge(M.selected.status),
                    rx.text(
                        t("moderation.decided"),
                        " ",
                        ltr(M.selected.decided),
                        " · ",
                        t("moderation.by"),
                        " ",
                        rx.el.bdi(M.selected.decided_by, dir="auto"),  # a name, or an email
                        size="2",
                    ),
                    spacing="2",
                    align="center",
                    wrap="wrap",
                    data_testid="decided-summary",
                ),
                rx.cond(
                    M.selected.reason_code != "",
                    rx.text(message("rejection", M.selected.reason_code), size="2"),
                    rx.fragment(),
                ),
                rx.cond(
                    M.selected.note != "",
                    rx.blockquote(M.selected.note, size="2"),
                    rx.fragment(),
                ),
                spacing="2",
                width="100%",
            ),
        ),
        spacing="3",
        width="100%",
    )


def _placeholder() -> rx.Var:
    return rx.cond(
        UiState.is_urdu,
        _text("moderation.reason.placeholder", "ur"),
        _text("moderation.reason.placeholder", "en"),
    )


def _detail_body() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.button(
                rx.icon("arrow-left", size=16, aria_hidden="true", class_name="pk-flip-rtl"),
                t("moderation.back"),
                on_click=M.close,
                variant="ghost",
                size="2",
                class_name="pk-back-to-queue",
                data_testid="back-to-queue",
            ),
            width="100%",
        ),
        rx.flex(
            rx.heading(M.selected.name, as_="h2", size="5", class_name="pk-wrap-anywhere"),
            status_badge(M.selected.status),
            rx.badge(t("moderation.attempt"), " ", M.selected.attempt, variant="outline"),
            spacing="2",
            align="center",
            wrap="wrap",
        ),
        rx.text(
            t("moderation.submitted"),
            " ",
            ltr(M.selected.submitted),
            size="2",
            color_scheme="gray",
        ),
        rx.cond(
            M.selected.images_purged,
            _info_note("moderation.images_purged", "images-purged"),
            _images(),
        ),
        rx.grid(
            rx.vstack(_cnic(), _person(), spacing="4"),
            rx.vstack(_faces(), _flags(), _earlier(), spacing="4"),
            columns=rx.breakpoints(initial="1", lg="2"),
            spacing="4",
            width="100%",
        ),
        rx.separator(size="4"),
        _decision(),
        spacing="3",
        width="100%",
        data_testid="moderation-detail-body",
    )


def _detail() -> rx.Component:
    return rx.el.section(
        _card(
            rx.cond(
                M.detail_loading,
                rx.center(rx.spinner(size="3"), padding="3rem", role="status"),
                rx.cond(
                    M.has_selection,
                    _detail_body(),
                    rx.vstack(
                        rx.icon(
                            "mouse-pointer-click",
                            size=32,
                            color=rx.color("gray", 9),
                            aria_hidden="true",
                        ),
                        rx.text(t("moderation.choose"), color_scheme="gray"),
                        rx.cond(
                            M.problem != "",
                            rx.text(message("moderation.error", M.problem), color_scheme="tomato"),
                            rx.fragment(),
                        ),
                        align="center",
                        text_align="center",
                        padding_y="3rem",
                    ),
                ),
            ),
        ),
        id="moderation-detail",
        aria_label=t("moderation.decision"),
        class_name=rx.cond(M.has_selection, "pk-detail pk-has-selection", "pk-detail"),
        width="100%",
        min_width="0",
        data_testid="moderation-detail",
    )


def moderation_page() -> rx.Component:
    return page_frame(
        signed_in_only(
            rx.vstack(
                moderators_only(
                    rx.vstack(
                        ModerationKeys.create(keys="arsjk?"),
                        _title(),
                        _stats(),
                        rx.grid(
                            _queue(),
                            _detail(),
                            columns=rx.breakpoints(initial="1", md="minmax(17rem, 22rem) 1fr"),
                            spacing="4",
                            width="100%",
                            align_items="start",
                        ),
                        spacing="4",
                        width="100%",
                        data_testid="moderation-content",
                    )
                ),
                rx.fragment(on_mount=M.load),
                padding_y="1.5rem",
                width="100%",
                data_testid="moderation-page",
            )
        )
    )
