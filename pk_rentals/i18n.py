"""User-facing text in Urdu and English, keyed by message id.

Urdu is the default (seed 000: ``preferred_language DEFAULT 'urdu'``). Every
sentence a user reads lives here, so translators have one file to work in.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "brand": {"en": "PK Rentals", "ur": "پی کے رینٹلز"},
    "nav.sign_in": {"en": "Sign in", "ur": "سائن اِن"},
    "nav.sign_up": {"en": "Create account", "ur": "اکاؤنٹ بنائیں"},
    "nav.language": {"en": "اردو", "ur": "English"},
    "nav.language_label": {"en": "اردو میں دیکھیں", "ur": "Switch to English"},
    "nav.theme_label": {"en": "Switch light or dark theme", "ur": "روشن یا تاریک انداز"},
    "landing.title": {
        "en": "Rent from people who have proved who they are",
        "ur": "اُن لوگوں سے کرایہ پر لیں جن کی شناخت تصدیق شدہ ہے",
    },
    "landing.lead": {
        "en": "Owners and renters across Pakistan verify their CNIC and a live selfie. "
        "Our team checks every submission, and the badge on each profile tells you "
        "how far that person has gone.",
        "ur": "پاکستان بھر کے مالکان اور کرایہ دار اپنا شناختی کارڈ اور لائیو سیلفی "
        "تصدیق کرواتے ہیں۔ ہماری ٹیم ہر درخواست خود دیکھتی ہے، اور ہر پروفائل پر "
        "لگا بیج بتاتا ہے کہ اُس شخص کی کتنی تصدیق ہو چکی ہے۔",
    },
    "landing.cta_primary": {"en": "Create a free account", "ur": "مفت اکاؤنٹ بنائیں"},
    "landing.cta_secondary": {"en": "I already have an account", "ur": "میرا اکاؤنٹ پہلے سے ہے"},
    "landing.feature_people.title": {
        "en": "Verified renters and owners",
        "ur": "تصدیق شدہ کرایہ دار اور مالکان",
    },
    "landing.feature_people.body": {
        "en": "See who you are dealing with before you hand over keys or a deposit.",
        "ur": "چابی یا ایڈوانس دینے سے پہلے جانیں کہ آپ کس سے معاملہ کر رہے ہیں۔",
    },
    "landing.feature_cnic.title": {"en": "CNIC + live selfie", "ur": "شناختی کارڈ + لائیو سیلفی"},
    "landing.feature_cnic.body": {
        "en": "Your selfie is taken live in the browser, and your CNIC is encrypted "
        "and never shown to other users.",
        "ur": "سیلفی براؤزر میں اسی وقت لی جاتی ہے، اور آپ کا شناختی کارڈ نمبر خفیہ "
        "رکھا جاتا ہے، کسی دوسرے صارف کو نہیں دکھایا جاتا۔",
    },
    "landing.feature_badges.title": {"en": "Trust badges", "ur": "اعتماد کے بیج"},
    "landing.feature_badges.body": {
        "en": "Each step of verification earns a badge that everyone can see.",
        "ur": "تصدیق کا ہر مرحلہ ایک بیج دیتا ہے جو سب کو نظر آتا ہے۔",
    },
    "landing.steps_title": {"en": "How it works", "ur": "طریقہ کار"},
    "landing.step_1": {"en": "Create your account", "ur": "اپنا اکاؤنٹ بنائیں"},
    "landing.step_2": {"en": "Set up your profile", "ur": "اپنی پروفائل مکمل کریں"},
    "landing.step_3": {
        "en": "Verify your phone, CNIC and a live selfie",
        "ur": "فون، شناختی کارڈ اور لائیو سیلفی کی تصدیق کریں",
    },
    "landing.step_4": {
        "en": "A moderator reviews it and you earn your badge",
        "ur": "موڈریٹر جائزہ لیتا ہے اور آپ کو بیج مل جاتا ہے",
    },
    "footer.privacy": {
        "en": "Your CNIC and selfie are private: only you and our moderators can see them.",
        "ur": "آپ کا شناختی کارڈ اور سیلفی نجی ہیں: صرف آپ اور ہمارے موڈریٹر انہیں دیکھ سکتے ہیں۔",
    },
    "footer.rights": {"en": "PK Rentals, Pakistan", "ur": "پی کے رینٹلز، پاکستان"},
    "not_found.title": {"en": "We could not find that page", "ur": "یہ صفحہ نہیں ملا"},
    "not_found.body": {
        "en": "The link may be old or mistyped. Go back to the home page and try again.",
        "ur": "ہو سکتا ہے لنک پرانا ہو یا غلط لکھا گیا ہو۔ ہوم پیج پر جا کر دوبارہ کوشش کریں۔",
    },
    "not_found.home": {"en": "Go to the home page", "ur": "ہوم پیج پر جائیں"},
    "auth.sign_in.title": {"en": "Sign in to PK Rentals", "ur": "پی کے رینٹلز میں سائن اِن کریں"},
    "auth.sign_up.title": {"en": "Create your account", "ur": "اپنا اکاؤنٹ بنائیں"},
    "auth.loading": {"en": "Loading sign-in…", "ur": "سائن اِن لوڈ ہو رہا ہے…"},
    "auth.checking": {"en": "Checking your session…", "ur": "آپ کا سیشن دیکھا جا رہا ہے…"},
    "auth.reason.idle": {
        "en": "You were signed out after 30 minutes without activity. Sign in again to continue.",
        "ur": "30 منٹ تک کوئی سرگرمی نہ ہونے پر آپ کو سائن آؤٹ کر دیا گیا۔ "
        "جاری رکھنے کے لیے دوبارہ سائن اِن کریں۔",
    },
    "auth.reason.ended": {
        "en": "Your session has ended. Please sign in again.",
        "ur": "آپ کا سیشن ختم ہو گیا ہے۔ براہِ کرم دوبارہ سائن اِن کریں۔",
    },
    "auth.reason.deleted": {
        "en": "This account has been deleted.",
        "ur": "یہ اکاؤنٹ حذف کیا جا چکا ہے۔",
    },
    "session.refreshing": {
        "en": "Your session is being refreshed. Please try again in a moment.",
        "ur": "آپ کا سیشن تازہ کیا جا رہا ہے۔ براہِ کرم ایک لمحے بعد دوبارہ کوشش کریں۔",
    },
    "idle.title": {"en": "Are you still there?", "ur": "کیا آپ ابھی موجود ہیں؟"},
    "idle.message": {
        "en": "For your security you will be signed out in",
        "ur": "آپ کی حفاظت کے لیے آپ کو سائن آؤٹ کر دیا جائے گا، باقی وقت:",
    },
    "idle.stay": {"en": "Stay signed in", "ur": "سائن اِن رہیں"},
    "idle.sign_out": {"en": "Sign out", "ur": "سائن آؤٹ"},
    "setup.title": {
        "en": "Welcome! Let's set up your profile",
        "ur": "خوش آمدید! آئیں اپنا پروفائل بنائیں",
    },
    "setup.lead": {
        "en": "A few details help renters and owners trust you: your name, mobile number and city.",
        "ur": "چند معلومات سے کرایہ دار اور مالکان آپ پر اعتماد کر پاتے ہیں: "
        "آپ کا نام، موبائل نمبر اور شہر۔",
    },
    "setup.signed_in_as": {"en": "Signed in as", "ur": "سائن اِن بطور"},
}


def text(key: str, language_code: str) -> str:
    """The message in ``language_code`` (``ur`` or ``en``); a missing key is a bug."""
    return MESSAGES[key][language_code]
