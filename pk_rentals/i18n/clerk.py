"""Urdu text for Clerk's components: sign-in, sign-up, the user menu and, from
clerk_account, "Manage account"."""

from pk_rentals.i18n.clerk_account import CLERK_ACCOUNT_URDU

# Clerk's components in Urdu (Clerk ships no Urdu localization). Keys follow the
# LocalizationResource of @clerk/localizations; anything not listed stays English.
_SIGN_IN_URDU: dict = {
    "formButtonPrimary": "جاری رکھیں",
    "formFieldLabel__emailAddress": "ای میل ایڈریس",
    "formFieldLabel__password": "پاس ورڈ",
    "formFieldInputPlaceholder__emailAddress": "اپنا ای میل ایڈریس لکھیں",
    "formFieldInputPlaceholder__password": "اپنا پاس ورڈ لکھیں",
    "formFieldAction__forgotPassword": "پاس ورڈ بھول گئے؟",
    "formFieldHintText__optional": "اختیاری",
    "backButton": "واپس",
    "dividerText": "یا",
    "signIn": {
        "start": {
            # The Latin name is isolated (U+2066 … U+2069): in the Nastaliq line it
            # ran into the Urdu words and overlapped them.
            "title": "\u2066{{applicationName}}\u2069 میں سائن اِن کریں",
            "subtitle": "خوش آمدید! جاری رکھنے کے لیے سائن اِن کریں",
            "actionText": "اکاؤنٹ نہیں ہے؟",
            "actionLink": "اکاؤنٹ بنائیں",
        },
        "password": {
            "title": "اپنا پاس ورڈ لکھیں",
            "subtitle": "اپنے اکاؤنٹ کا پاس ورڈ لکھیں",
            "actionLink": "کوئی اور طریقہ",
        },
        "alternativeMethods": {
            "actionLink": "مدد حاصل کریں",
            "title": "کوئی اور طریقہ",
            "getHelp": {
                "title": "مدد حاصل کریں",
                "content": "سائن اِن میں مشکل ہو تو ہمیں ای میل کریں، ہم جلد از جلد "
                "آپ کا اکاؤنٹ بحال کرنے میں مدد کریں گے۔",
                "blockButton__emailSupport": "ای میل سپورٹ",
            },
        },
    },
    "signUp": {
        "start": {
            "title": "اپنا اکاؤنٹ بنائیں",
            "subtitle": "خوش آمدید! شروع کرنے کے لیے تفصیلات بھریں۔",
            "actionText": "پہلے سے اکاؤنٹ ہے؟",
            "actionLink": "سائن اِن",
        },
        "emailCode": {
            "title": "اپنے ای میل کی تصدیق کریں",
            "subtitle": "آپ کے ای میل پر بھیجا گیا تصدیقی کوڈ لکھیں",
            "formTitle": "تصدیقی کوڈ",
            "formSubtitle": "آپ کے ای میل پر بھیجا گیا تصدیقی کوڈ لکھیں",
            "resendButton": "کوڈ نہیں ملا؟ دوبارہ بھیجیں",
        },
    },
    "userButton": {
        "action__manageAccount": "اکاؤنٹ کا انتظام",
        "action__signOut": "سائن آؤٹ",
        "action__openUserMenu": "صارف مینو کھولیں",
        "action__closeUserMenu": "صارف مینو بند کریں",
    },
    "unstable__errors": {
        "form_password_incorrect": "پاس ورڈ غلط ہے۔ دوبارہ کوشش کریں۔",
        "form_password_length_too_short": "پاس ورڈ بہت چھوٹا ہے: کم از کم 8 حروف ہونے چاہییں۔",
        "form_code_incorrect": "کوڈ غلط ہے۔ ای میل دیکھ کر دوبارہ لکھیں۔",
        "form_identifier_exists": "یہ ای میل پہلے سے استعمال میں ہے۔ سائن اِن کریں۔",
        # Sign-up's email deliverability check (devauth/frontend/sign_ups.py EMAIL_REFUSALS).
        "form_param_format_invalid__email_address": "یہ ای میل ایڈریس درست نہیں۔ "
        "ہجے دیکھیں: یہ name@gmail.com جیسا ہونا چاہیے۔",
        "form_email_address_blocked": "عارضی (ڈسپوزایبل) ای میل قبول نہیں۔ "
        "اپنا مستقل ای میل ایڈریس لکھیں تاکہ مالک مکان اور کرایہ دار آپ سے رابطہ کر سکیں۔",
        "form_email_address_undeliverable": "اس ای میل ایڈریس پر ای میل نہیں پہنچ سکتی: "
        "@ کے بعد والا حصہ موجود نہیں یا ای میل وصول نہیں کرتا۔ ہجے دیکھیں۔",
        "form_email_address_unverifiable": "ابھی آپ کا ای میل ایڈریس چیک نہیں ہو سکا۔ "
        "ایک منٹ بعد دوبارہ کوشش کریں۔",
        # The password hint under the field as the person types (the policy: 8 or more
        # characters with letters, numbers and symbols).
        "form_password_not_strong_enough": "آپ کا پاس ورڈ کافی مضبوط نہیں۔",
        "passwordComplexity": {
            "sentencePrefix": "آپ کے پاس ورڈ میں یہ ہونا ضروری ہے:",
            "minimumLength": "کم از کم \u2066{{length}}\u2069 حروف",
            "maximumLength": "\u2066{{length}}\u2069 سے کم حروف",
            "requireLowercase": "ایک چھوٹا انگریزی حرف (a-z)",
            "requireUppercase": "ایک بڑا انگریزی حرف (A-Z)",
            "requireNumbers": "ایک ہندسہ (0-9)",
            "requireSpecialCharacter": "ایک علامت، جیسے # یا @",
        },
        "zxcvbn": {
            "goodPassword": "آپ کا پاس ورڈ تمام شرائط پوری کرتا ہے۔",
            "couldBeStronger": "پاس ورڈ چل جائے گا، مگر مزید مضبوط ہو سکتا ہے: "
            "کچھ حروف اور بڑھائیں۔",
            "notEnough": "آپ کا پاس ورڈ کافی مضبوط نہیں۔",
        },
    },
}


def _merged(base: dict, extra: dict, path: str = "") -> dict:
    """``base`` with ``extra`` merged in, section by section (``userProfile``,
    ``unstable__errors`` combine). A text written in both is refused: each Clerk
    string has one Urdu source."""
    merged = dict(base)
    for key, value in extra.items():
        if key not in merged:
            merged[key] = value
        elif isinstance(merged[key], dict) and isinstance(value, dict):
            merged[key] = _merged(merged[key], value, f"{path}{key}.")
        else:
            raise ValueError(f"Clerk text {path}{key} is written twice")
    return merged


CLERK_URDU: dict = _merged(_SIGN_IN_URDU, CLERK_ACCOUNT_URDU)
