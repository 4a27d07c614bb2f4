"""Text every page shares: brand, navigation, landing, footer, idle warning, durations."""

MESSAGES: dict[str, dict[str, str]] = {
    "brand": {"en": "PK Rentals", "ur": "پی کے رینٹلز"},
    "nav.skip_to_content": {"en": "Skip to content", "ur": "مواد پر جائیں"},
    "nav.sign_in": {"en": "Sign in", "ur": "سائن اِن"},
    "nav.sign_up": {"en": "Create account", "ur": "اکاؤنٹ بنائیں"},
    "nav.language": {"en": "اردو", "ur": "English"},
    "nav.language_label": {"en": "اردو میں دیکھیں", "ur": "Switch to English"},
    "nav.theme_label": {"en": "Switch light or dark theme", "ur": "روشن یا تاریک انداز"},
    "nav.profile": {"en": "Profile", "ur": "پروفائل"},
    "nav.settings": {"en": "Settings", "ur": "ترتیبات"},
    "nav.verify": {"en": "Verify", "ur": "تصدیق"},
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
    "idle.title": {"en": "Are you still there?", "ur": "کیا آپ ابھی موجود ہیں؟"},
    "idle.message": {
        "en": "For your security you will be signed out in",
        "ur": "آپ کی حفاظت کے لیے آپ کو سائن آؤٹ کر دیا جائے گا، باقی وقت:",
    },
    "idle.stay": {"en": "Stay signed in", "ur": "سائن اِن رہیں"},
    "idle.sign_out": {"en": "Sign out", "ur": "سائن آؤٹ"},
    "language.urdu": {"en": "Urdu (اردو)", "ur": "اردو"},
    "language.english": {"en": "English", "ur": "انگریزی"},
    "duration.under_a_minute": {"en": "under 1 min", "ur": "1 منٹ سے کم"},
    "duration.days": {"en": "{n} d", "ur": "{n} دن"},
    "duration.hours": {"en": "{n} h", "ur": "{n} گھنٹے"},
    "duration.minutes": {"en": "{n} min", "ur": "{n} منٹ"},
}
