"""Signing in and out, the email-verification banner, and deleting one's own account."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "email.banner.title": {
        "en": "Verify your email address",
        "ur": "اپنا ای میل ایڈریس تصدیق کریں",
    },
    "email.banner.text": {
        "en": "You can set up your profile now. To send your CNIC and selfie or change "
        "your phone number, first verify your email: we send you a 6-digit code.",
        "ur": "آپ ابھی اپنی پروفائل بنا سکتے ہیں۔ شناختی کارڈ اور سیلفی بھیجنے یا فون نمبر "
        "بدلنے کے لیے پہلے اپنا ای میل تصدیق کریں: ہم آپ کو 6 ہندسوں کا کوڈ بھیجیں گے۔",
    },
    "email.start": {"en": "Verify email", "ur": "ای میل تصدیق کریں"},
    "email.sending": {"en": "Sending…", "ur": "بھیجا جا رہا ہے…"},
    "email.sent": {"en": "We sent a 6-digit code to", "ur": "6 ہندسوں کا کوڈ بھیجا گیا:"},
    "email.code": {"en": "Code from the email", "ur": "ای میل والا کوڈ"},
    "email.verify": {"en": "Verify", "ur": "تصدیق کریں"},
    "email.verifying": {"en": "Checking…", "ur": "جانچ ہو رہی ہے…"},
    "email.resend": {"en": "Send a new code", "ur": "نیا کوڈ بھیجیں"},
    "email.code_incorrect": {
        "en": "That code is not right. Check the email and type it again.",
        "ur": "یہ کوڈ درست نہیں۔ ای میل دیکھ کر دوبارہ لکھیں۔",
    },
    "email.code_expired": {
        "en": "That code has expired. Send a new code.",
        "ur": "اس کوڈ کی میعاد ختم ہو گئی۔ نیا کوڈ بھیجیں۔",
    },
    "email.too_many": {
        "en": "Too many tries. Wait a minute, then send a new code.",
        "ur": "بہت زیادہ کوششیں۔ ایک منٹ انتظار کریں، پھر نیا کوڈ بھیجیں۔",
    },
    "email.failed": {
        "en": "We could not reach the sign-in service. Try again in a moment.",
        "ur": "سائن اِن سروس سے رابطہ نہیں ہو سکا۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    },
    "email.verified": {
        "en": "Your email address is verified.",
        "ur": "آپ کا ای میل ایڈریس تصدیق ہو گیا۔",
    },
    "email.pending_sync": {
        "en": "Verified. It can take a minute to show here; reload the page then.",
        "ur": "تصدیق ہو گئی۔ یہاں نظر آنے میں ایک منٹ لگ سکتا ہے؛ پھر صفحہ دوبارہ کھولیں۔",
    },
    "account.delete.title": {"en": "Delete my account", "ur": "میرا اکاؤنٹ حذف کریں"},
    "account.delete.lead": {
        "en": "This cannot be undone. Deleting your account removes, for good:",
        "ur": "یہ عمل واپس نہیں ہو سکتا۔ اکاؤنٹ حذف کرنے سے یہ سب ہمیشہ کے لیے مٹ جائے گا:",
    },
    "account.delete.item.profile": {
        "en": "your profile, settings and trust badges",
        "ur": "آپ کی پروفائل، ترتیبات اور اعتماد کے بیج",
    },
    "account.delete.item.verification": {
        "en": "your CNIC number, CNIC photos and selfies",
        "ur": "آپ کا شناختی کارڈ نمبر، اس کی تصاویر اور سیلفیاں",
    },
    "account.delete.item.sign_in": {
        "en": "your sign-in: email address, password and phone number",
        "ur": "آپ کا سائن اِن: ای میل، پاس ورڈ اور فون نمبر",
    },
    "account.delete.kept": {
        "en": "We keep only a note that a deleted account existed and our moderators' "
        "past decisions, with nothing in them that identifies you.",
        "ur": "ہم صرف یہ نوٹ رکھتے ہیں کہ ایک اکاؤنٹ حذف ہوا تھا، اور موڈریٹرز کے پرانے "
        "فیصلے، جن میں آپ کی شناخت والی کوئی بات نہیں ہوتی۔",
    },
    "account.delete.confirm_label": {
        "en": "To confirm, type DELETE (or حذف)",
        "ur": "تصدیق کے لیے حذف (یا DELETE) لکھیں",
    },
    "account.delete.button": {
        "en": "Delete my account for good",
        "ur": "میرا اکاؤنٹ ہمیشہ کے لیے حذف کریں",
    },
    "account.delete.error.word": {
        "en": "Type DELETE (or حذف) exactly, to show you mean it.",
        "ur": "تصدیق کے لیے بالکل «حذف» (یا DELETE) لکھیں۔",
    },
    "account.delete.error.clerk": {
        "en": "Your account could not be deleted just now, and nothing was removed. "
        "Please try again in a minute.",
        "ur": "ابھی آپ کا اکاؤنٹ حذف نہیں ہو سکا، اور کچھ بھی نہیں مٹایا گیا۔ "
        "براہِ کرم ایک منٹ بعد دوبارہ کوشش کریں۔",
    },
    "goodbye.title": {
        "en": "Your account has been deleted",
        "ur": "آپ کا اکاؤنٹ حذف کر دیا گیا ہے",
    },
    "goodbye.body": {
        "en": "Your profile, verification photos and sign-in are gone, and you have been "
        "signed out. Thank you for using PK Rentals.",
        "ur": "آپ کی پروفائل، تصدیقی تصاویر اور سائن اِن مٹا دیے گئے ہیں اور آپ سائن آؤٹ "
        "ہو چکے ہیں۔ پی کے رینٹلز استعمال کرنے کا شکریہ۔",
    },
    "goodbye.again": {
        "en": "You are welcome back at any time: a new account starts fresh.",
        "ur": "آپ کسی بھی وقت واپس آ سکتے ہیں: نیا اکاؤنٹ بالکل نئے سرے سے شروع ہوگا۔",
    },
}
