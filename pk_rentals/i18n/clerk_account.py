"""Urdu text for Clerk's "Manage account" (``<UserProfile/>``), merged into CLERK_URDU.

Only the screens pk_rentals shows: profile and picture, email addresses, phone
numbers, password and active devices. Organizations, billing, API keys, passkeys,
two-step verification, usernames, web3, connected accounts and Clerk's own "Delete
account" (switched off: the app's deletion page explains what is removed) stay out.
Latin values (an address, a number, a time) are isolated with U+2066 … U+2069 so they
read left to right inside the Urdu line instead of running into its words.
"""

from pk_rentals.i18n.catalogue import MESSAGES

# Left-to-right isolate around a value written in Latin letters or digits.
_LTR = "\u2066{}\u2069"
_IDENTIFIER = _LTR.format("{{identifier}}")
# Dates in Pakistani form (Intl's ur-PK: weekdays in Urdu, 5/12/2026, 3:45 PM).
_TIME = _LTR.format("{{ date | timeString('ur-PK') }}")
_WEEKDAY = "{{ date | weekday('ur-PK','long') }}"

CLERK_ACCOUNT_URDU: dict = {
    "badge__primary": "بنیادی",
    "badge__thisDevice": "یہ ڈیوائس",
    "badge__unverified": "غیر تصدیق شدہ",
    "badge__you": "آپ",
    "formButtonPrimary__verify": "تصدیق کریں",
    "formFieldLabel__currentPassword": "موجودہ پاس ورڈ",
    "formFieldLabel__newPassword": "نیا پاس ورڈ",
    "formFieldLabel__confirmPassword": "پاس ورڈ دوبارہ لکھیں",
    "formFieldLabel__signOutOfOtherSessions": "باقی تمام ڈیوائسز سے سائن آؤٹ کریں",
    "formFieldLabel__firstName": "پہلا نام",
    "formFieldLabel__lastName": "آخری نام",
    "formFieldLabel__phoneNumber": "فون نمبر",
    "formFieldInputPlaceholder__firstName": "پہلا نام",
    "formFieldInputPlaceholder__lastName": "آخری نام",
    "formFieldInputPlaceholder__phoneNumber": "اپنا فون نمبر لکھیں",
    "formFieldInput__emailAddress_format": "مثال: " + _LTR.format("name@example.com"),
    "formFieldError__matchingPasswords": "دونوں پاس ورڈ ایک جیسے ہیں۔",
    "formFieldError__notMatchingPasswords": "دونوں پاس ورڈ ایک جیسے نہیں۔",
    # When a device was last active, in the active devices list.
    "dates": {
        "sameDay": "آج، " + _TIME,
        "lastDay": "گزشتہ کل، " + _TIME,
        "nextDay": "آئندہ کل، " + _TIME,
        "previous6Days": f"پچھلے {_WEEKDAY}، {_TIME}",
        "next6Days": f"{_WEEKDAY}، {_TIME}",
        "numeric": _LTR.format("{{ date | numeric('ur-PK') }}"),
    },
    "userProfile": {
        "mobileButton__menu": "مینو",
        "formButtonPrimary__add": "شامل کریں",
        "formButtonPrimary__continue": "جاری رکھیں",
        "formButtonPrimary__finish": "مکمل کریں",
        "formButtonPrimary__remove": "ہٹائیں",
        "formButtonPrimary__save": "محفوظ کریں",
        "formButtonReset": "منسوخ کریں",
        "navbar": {
            "title": "اکاؤنٹ",
            "description": "اپنے اکاؤنٹ کی معلومات کا انتظام کریں۔",
            "account": "پروفائل",
            "security": "سکیورٹی",
        },
        "start": {
            "headerTitle__account": "پروفائل کی تفصیلات",
            "headerTitle__security": "سکیورٹی",
            "profileSection": {
                "title": "پروفائل",
                "primaryButton": "پروفائل میں تبدیلی کریں",
            },
            "emailAddressesSection": {
                "title": "ای میل ایڈریس",
                "primaryButton": "ای میل ایڈریس شامل کریں",
                "destructiveAction": "ای میل ایڈریس ہٹائیں",
                "detailsAction__nonPrimary": "بنیادی بنائیں",
                "detailsAction__primary": "تصدیق مکمل کریں",
                "detailsAction__unverified": "تصدیق کریں",
            },
            "phoneNumbersSection": {
                "title": "فون نمبر",
                "primaryButton": "فون نمبر شامل کریں",
                "destructiveAction": "فون نمبر ہٹائیں",
                "detailsAction__nonPrimary": "بنیادی بنائیں",
                "detailsAction__primary": "تصدیق مکمل کریں",
                "detailsAction__unverified": "فون نمبر کی تصدیق کریں",
            },
            "passwordSection": {
                "title": "پاس ورڈ",
                "primaryButton__setPassword": "پاس ورڈ بنائیں",
                "primaryButton__updatePassword": "پاس ورڈ تبدیل کریں",
            },
            "activeDevicesSection": {
                "title": "فعال ڈیوائسز",
                "destructiveAction": "اس ڈیوائس سے سائن آؤٹ کریں",
            },
        },
        "profilePage": {
            "title": "پروفائل میں تبدیلی کریں",
            "imageFormTitle": "پروفائل تصویر",
            "imageFormSubtitle": "اپ لوڈ کریں",
            "imageFormDestructiveActionSubtitle": "ہٹائیں",
            "fileDropAreaHint": "مربع تصویر بہتر ہے، زیادہ سے زیادہ " + _LTR.format("10 MB") + "۔",
            "successMessage": "آپ کا پروفائل محفوظ ہو گیا ہے۔",
        },
        "emailAddressPage": {
            "title": "ای میل ایڈریس شامل کریں",
            "verifyTitle": "ای میل ایڈریس کی تصدیق کریں",
            "formHint": "اکاؤنٹ میں شامل ہونے سے پہلے اس ای میل ایڈریس کی تصدیق ضروری ہے۔",
            "emailCode": {
                "formHint": "اس ای میل ایڈریس پر ایک تصدیقی کوڈ بھیجا جائے گا۔",
                "formTitle": "تصدیقی کوڈ",
                "formSubtitle": f"{_IDENTIFIER} پر بھیجا گیا تصدیقی کوڈ لکھیں",
                "resendButton": "کوڈ نہیں ملا؟ دوبارہ بھیجیں",
                "successMessage": f"ای میل ایڈریس {_IDENTIFIER} آپ کے اکاؤنٹ میں شامل ہو گیا ہے۔",
            },
            "removeResource": {
                "title": "ای میل ایڈریس ہٹائیں",
                "messageLine1": f"{_IDENTIFIER} اس اکاؤنٹ سے ہٹا دیا جائے گا۔",
                "messageLine2": "اس کے بعد آپ اس ای میل ایڈریس سے سائن اِن نہیں کر سکیں گے۔",
                "successMessage": _LTR.format("{{emailAddress}}")
                + " آپ کے اکاؤنٹ سے ہٹا دیا گیا ہے۔",
            },
        },
        "phoneNumberPage": {
            "title": "فون نمبر شامل کریں",
            "verifyTitle": "فون نمبر کی تصدیق کریں",
            "verifySubtitle": f"{_IDENTIFIER} پر بھیجا گیا تصدیقی کوڈ لکھیں",
            "infoText": "اس فون نمبر پر تصدیقی کوڈ کا ایس ایم ایس بھیجا جائے گا۔ "
            "آپ کے موبائل نیٹ ورک کے عام چارجز لاگو ہو سکتے ہیں۔",
            "successMessage": f"{_IDENTIFIER} آپ کے اکاؤنٹ میں شامل ہو گیا ہے۔",
            "removeResource": {
                "title": "فون نمبر ہٹائیں",
                "messageLine1": f"{_IDENTIFIER} اس اکاؤنٹ سے ہٹا دیا جائے گا۔",
                "messageLine2": "اس کے بعد آپ اس فون نمبر سے سائن اِن نہیں کر سکیں گے۔",
                "successMessage": _LTR.format("{{phoneNumber}}")
                + " آپ کے اکاؤنٹ سے ہٹا دیا گیا ہے۔",
            },
        },
        "passwordPage": {
            "title__set": "پاس ورڈ بنائیں",
            "title__update": "پاس ورڈ تبدیل کریں",
            "checkboxInfoText__signOutOfOtherSessions": "بہتر ہے کہ اُن تمام دوسری ڈیوائسز سے "
            "سائن آؤٹ کر دیں جن پر آپ کا پرانا پاس ورڈ استعمال ہوا ہو۔",
            "successMessage__set": "آپ کا پاس ورڈ بن گیا ہے۔",
            "successMessage__update": "آپ کا پاس ورڈ تبدیل ہو گیا ہے۔",
            "successMessage__signOutOfOtherSessions": "باقی تمام ڈیوائسز سے "
            "سائن آؤٹ کر دیا گیا ہے۔",
        },
    },
    # The errors these screens can show: clerk-js looks up ``<code>__<param>`` first,
    # then ``<code>``, so ``form_identifier_exists__email_address`` also answers a
    # sign-up with a taken address and says what to do in both places.
    "unstable__errors": {
        "form_identifier_exists__email_address": "یہ ای میل ایڈریس پہلے سے ایک اکاؤنٹ میں "
        "ہے۔ اگر وہ اکاؤنٹ آپ کا ہے تو اسی سے سائن اِن کریں، ورنہ کوئی اور ای میل ایڈریس لکھیں۔",
        "form_identifier_exists__phone_number": "یہ فون نمبر پہلے سے کسی اکاؤنٹ میں ہے۔ "
        "کوئی اور فون نمبر لکھیں۔",
        "form_param_format_invalid__phone_number": "یہ فون نمبر درست نہیں۔ موبائل نمبر "
        + _LTR.format("+92 300 1234567")
        + " کی طرح لکھیں۔",
        "form_identifier_not_verified": "پہلے کوڈ سے اس کی تصدیق کریں، پھر اسے بنیادی بنائیں۔",
        "primary_identification_not_removable": "یہ آپ کا بنیادی ای میل ایڈریس ہے۔ "
        "اسے ہٹانے سے پہلے کسی اور ای میل ایڈریس کو بنیادی بنائیں۔",
        "verification_expired": "اس کوڈ کی مدت ختم ہو گئی ہے۔ نیا کوڈ منگوائیں۔",
        "verification_failed": "یہ کوڈ اب استعمال نہیں ہو سکتا۔ نیا کوڈ منگوائیں۔",
        "form_new_password_matches_current": "نیا پاس ورڈ موجودہ پاس ورڈ سے مختلف ہونا چاہیے۔",
        "form_password_pwned": "یہ پاس ورڈ کسی ڈیٹا لیک میں سامنے آ چکا ہے، اس لیے استعمال "
        "نہیں ہو سکتا۔ کوئی اور پاس ورڈ چنیں۔",
        # The policy's other rule: a letter, a number and a symbol (devauth/passwords.py).
        "form_password_validation_failed": "پاس ورڈ شرائط پوری نہیں کرتا: اس میں کم از کم "
        "ایک حرف، ایک ہندسہ اور ایک علامت (جیسے # یا @) ہونی چاہیے۔",
        # The server's refusals of a picture, in the app's own words for an upload.
        **{
            f"image_{code}": MESSAGES[f"upload.{code}"]["ur"]
            for code in (
                "too_large",
                "not_an_image",
                "corrupt",
                "too_many_pixels",
                "too_small",
                "busy",
            )
        },
        "avatar_file_size_exceeded": "فائل بہت بڑی ہے: زیادہ سے زیادہ "
        + _LTR.format("10 MB")
        + "۔ چھوٹی فائل چنیں۔",
        "avatar_file_type_invalid": "یہ فائل قبول نہیں۔ "
        + _LTR.format("JPG, PNG, GIF, WEBP")
        + " میں سے کسی قسم کی تصویر اپ لوڈ کریں۔",
    },
}
