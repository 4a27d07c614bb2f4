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
    "setup.step_details": {"en": "Your details", "ur": "آپ کی معلومات"},
    "setup.step_phone": {"en": "Verify your phone", "ur": "فون کی تصدیق"},
    "setup.step_of": {"en": "Step {n} of 2", "ur": "مرحلہ {n} از 2"},
    "setup.phone_lead": {
        "en": "We send a 6-digit code by SMS. A verified phone gives you the blue "
        "“Phone Verified” badge.",
        "ur": "ہم SMS کے ذریعے 6 ہندسوں کا کوڈ بھیجتے ہیں۔ تصدیق شدہ فون سے آپ کو "
        "نیلا “فون تصدیق شدہ” بیج ملتا ہے۔",
    },
    "setup.skip": {"en": "Skip for now", "ur": "ابھی نہیں"},
    "setup.done": {"en": "Go to my profile", "ur": "میری پروفائل پر جائیں"},
    "form.display_name": {"en": "Display name", "ur": "ظاہری نام"},
    "form.display_name.hint": {
        "en": "2–50 characters. Other people see this name.",
        "ur": "2 سے 50 حروف۔ یہ نام دوسرے لوگ دیکھیں گے۔",
    },
    "form.phone": {"en": "Mobile number", "ur": "موبائل نمبر"},
    "form.phone.hint": {
        "en": "A Pakistani mobile, e.g. 0300 1234567",
        "ur": "پاکستانی موبائل نمبر، مثلاً 0300 1234567",
    },
    "form.province": {"en": "Province", "ur": "صوبہ"},
    "form.province.choose": {"en": "Choose your province", "ur": "اپنا صوبہ منتخب کریں"},
    "form.city": {"en": "City", "ur": "شہر"},
    "form.city.choose": {"en": "Choose your city", "ur": "اپنا شہر منتخب کریں"},
    "form.city.other": {"en": "Other (type it)", "ur": "کوئی اور (لکھیں)"},
    "form.city_other": {"en": "Your city", "ur": "آپ کا شہر"},
    "form.area": {"en": "Area (optional)", "ur": "علاقہ (اختیاری)"},
    "form.area.hint": {"en": "e.g. Gulberg, DHA Phase 5", "ur": "مثلاً گلبرگ، ڈی ایچ اے فیز 5"},
    "form.bio": {"en": "About you (optional)", "ur": "آپ کے بارے میں (اختیاری)"},
    "form.bio.hint": {"en": "Up to 500 characters.", "ur": "زیادہ سے زیادہ 500 حروف۔"},
    "form.language": {"en": "Preferred language", "ur": "پسندیدہ زبان"},
    "form.save_continue": {"en": "Save and continue", "ur": "محفوظ کریں اور آگے بڑھیں"},
    "form.save": {"en": "Save changes", "ur": "تبدیلیاں محفوظ کریں"},
    "form.saving": {"en": "Saving…", "ur": "محفوظ ہو رہا ہے…"},
    "form.saved": {"en": "Your profile is saved.", "ur": "آپ کی پروفائل محفوظ ہو گئی۔"},
    "form.fix_errors": {
        "en": "Please correct the highlighted fields. Nothing you typed was lost.",
        "ur": "براہِ کرم نشان زدہ خانے درست کریں۔ آپ کا لکھا ہوا محفوظ ہے۔",
    },
    "form.save_failed": {
        "en": "We could not save just now. Your answers are kept; try again in a moment.",
        "ur": "ابھی محفوظ نہیں ہو سکا۔ آپ کے جوابات محفوظ ہیں، تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    },
    "form.name.required": {"en": "Enter your name.", "ur": "اپنا نام لکھیں۔"},
    "form.name.length": {
        "en": "Your name must be 2 to 50 characters.",
        "ur": "نام 2 سے 50 حروف کا ہونا چاہیے۔",
    },
    "form.name.markup": {
        "en": "A name cannot contain < or >.",
        "ur": "نام میں < یا > نہیں ہو سکتے۔",
    },
    "form.name.letters": {
        "en": "A name needs letters, not only numbers or symbols.",
        "ur": "نام میں حروف ہونے چاہییں، صرف ہندسے یا علامات نہیں۔",
    },
    "form.phone.required": {"en": "Enter your mobile number.", "ur": "اپنا موبائل نمبر لکھیں۔"},
    "form.phone.invalid": {
        "en": "Enter a Pakistani mobile number, like 0300 1234567 or +92 300 1234567.",
        "ur": "پاکستانی موبائل نمبر لکھیں، جیسے 0300 1234567 یا +92 300 1234567۔",
    },
    "form.province.required": {"en": "Choose your province.", "ur": "اپنا صوبہ منتخب کریں۔"},
    "form.city.required": {
        "en": "Choose a city in that province, or “Other”.",
        "ur": "اس صوبے کا کوئی شہر منتخب کریں، یا “کوئی اور”۔",
    },
    "form.city_other.invalid": {
        "en": "Type your city’s name (2–50 characters).",
        "ur": "اپنے شہر کا نام لکھیں (2 سے 50 حروف)۔",
    },
    "form.area.invalid": {
        "en": "The area can be up to 100 characters, without < or >.",
        "ur": "علاقہ زیادہ سے زیادہ 100 حروف کا ہو سکتا ہے، < یا > کے بغیر۔",
    },
    "form.bio.length": {
        "en": "Keep it to 500 characters or fewer.",
        "ur": "500 حروف یا اس سے کم رکھیں۔",
    },
    "form.language.invalid": {"en": "Choose Urdu or English.", "ur": "اردو یا انگریزی منتخب کریں۔"},
    "language.urdu": {"en": "Urdu (اردو)", "ur": "اردو"},
    "language.english": {"en": "English", "ur": "انگریزی"},
    "phone.send": {"en": "Send code", "ur": "کوڈ بھیجیں"},
    "phone.sending": {"en": "Sending…", "ur": "بھیجا جا رہا ہے…"},
    "phone.sent": {"en": "We sent a 6-digit code to", "ur": "6 ہندسوں کا کوڈ بھیجا گیا:"},
    "phone.code": {"en": "Code from the SMS", "ur": "SMS والا کوڈ"},
    "phone.verify": {"en": "Verify", "ur": "تصدیق کریں"},
    "phone.verifying": {"en": "Checking…", "ur": "جانچ ہو رہی ہے…"},
    "phone.resend": {"en": "Send a new code", "ur": "نیا کوڈ بھیجیں"},
    "phone.verified": {"en": "Your phone is verified.", "ur": "آپ کا فون تصدیق شدہ ہے۔"},
    "phone.not_verified": {"en": "Not verified yet", "ur": "ابھی تصدیق نہیں ہوئی"},
    "phone.code_incorrect": {
        "en": "That code is not right. Check the SMS and try again.",
        "ur": "یہ کوڈ درست نہیں۔ SMS دیکھ کر دوبارہ کوشش کریں۔",
    },
    "phone.code_expired": {
        "en": "That code has expired. Send a new code.",
        "ur": "اس کوڈ کی مدت ختم ہو گئی۔ نیا کوڈ منگوائیں۔",
    },
    "phone.too_many": {
        "en": "Too many tries. Wait a few minutes, then send a new code.",
        "ur": "بہت زیادہ کوششیں۔ چند منٹ انتظار کریں، پھر نیا کوڈ منگوائیں۔",
    },
    "phone.taken": {
        "en": "This number is already used by another account.",
        "ur": "یہ نمبر پہلے سے کسی اور اکاؤنٹ میں استعمال ہو رہا ہے۔",
    },
    "phone.failed": {
        "en": "Something went wrong. Check your connection and try again.",
        "ur": "کچھ غلط ہو گیا۔ اپنا انٹرنیٹ دیکھیں اور دوبارہ کوشش کریں۔",
    },
    "phone.pending_sync": {
        "en": "Verified. Your badge will update in a moment.",
        "ur": "تصدیق ہو گئی۔ آپ کا بیج چند لمحوں میں تازہ ہو جائے گا۔",
    },
    "phone.save_first": {
        "en": "Save your profile first; then verify the number on it.",
        "ur": "پہلے اپنی پروفائل محفوظ کریں، پھر اس پر موجود نمبر کی تصدیق کریں۔",
    },
    "profile.title": {"en": "Your profile", "ur": "آپ کی پروفائل"},
    "profile.details": {"en": "Your details", "ur": "آپ کی معلومات"},
    "profile.phone": {"en": "Phone", "ur": "فون"},
    "profile.email": {"en": "Email", "ur": "ای میل"},
    "profile.view_public": {"en": "See your public profile", "ur": "اپنی عوامی پروفائل دیکھیں"},
    "profile.settings": {"en": "Settings", "ur": "ترتیبات"},
    "profile.member_since": {"en": "Member since", "ur": "رکن از"},
    "profile.rating": {"en": "Rating", "ur": "ریٹنگ"},
    "profile.reviews": {"en": "Reviews", "ur": "تبصرے"},
    "profile.response_rate": {"en": "Response rate", "ur": "جواب کی شرح"},
    "profile.bookings": {"en": "Completed bookings", "ur": "مکمل بکنگز"},
    "profile.private_note": {
        "en": "Only you can see your email, phone number and verification selfie.",
        "ur": "آپ کا ای میل، فون نمبر اور تصدیقی سیلفی صرف آپ دیکھ سکتے ہیں۔",
    },
    "profile.not_found": {
        "en": "This profile does not exist or is not public yet.",
        "ur": "یہ پروفائل موجود نہیں یا ابھی عوامی نہیں ہے۔",
    },
    "profile.loading": {"en": "Loading profile…", "ur": "پروفائل لوڈ ہو رہی ہے…"},
    "profile.no_bio": {"en": "No introduction yet.", "ur": "ابھی کوئی تعارف نہیں۔"},
    "settings.title": {"en": "Settings", "ur": "ترتیبات"},
    "settings.theme": {"en": "Theme", "ur": "انداز"},
    "settings.theme.light": {"en": "Light", "ur": "روشن"},
    "settings.theme.dark": {"en": "Dark", "ur": "تاریک"},
    "settings.theme.system": {"en": "Same as my device", "ur": "ڈیوائس کے مطابق"},
    "settings.language": {"en": "Language", "ur": "زبان"},
    "settings.notifications": {"en": "Notifications", "ur": "اطلاعات"},
    "settings.notifications.lead": {
        "en": "How we may tell you about bookings, messages and your verification.",
        "ur": "بکنگ، پیغامات اور تصدیق کے بارے میں ہم آپ کو کیسے بتائیں۔",
    },
    "settings.notify.email": {"en": "Email", "ur": "ای میل"},
    "settings.notify.sms": {"en": "SMS", "ur": "ایس ایم ایس"},
    "settings.notify.in_app": {"en": "In the app", "ur": "ایپ کے اندر"},
    "settings.saved": {"en": "Saved.", "ur": "محفوظ ہو گیا۔"},
    "nav.profile": {"en": "Profile", "ur": "پروفائل"},
    "nav.settings": {"en": "Settings", "ur": "ترتیبات"},
    "nav.verify": {"en": "Verify", "ur": "تصدیق"},
    # --- /verify: CNIC + live selfie (pages/verify.py, components/verification.py) ---
    "verify.title": {"en": "Verify your identity", "ur": "اپنی شناخت کی تصدیق کریں"},
    "verify.lead": {
        "en": "Three steps: your CNIC number, photos of both sides of the card, and a live "
        "selfie. A moderator checks them and you get the green “ID Verified” badge.",
        "ur": "تین مراحل: آپ کا شناختی کارڈ نمبر، کارڈ کے دونوں طرف کی تصاویر، اور ایک لائیو "
        "سیلفی۔ موڈریٹر جائزہ لیتا ہے اور آپ کو سبز “شناخت تصدیق شدہ” بیج مل جاتا ہے۔",
    },
    "verify.loading": {"en": "Loading your verification…", "ur": "آپ کی تصدیق لوڈ ہو رہی ہے…"},
    "verify.link": {"en": "Verify your CNIC", "ur": "شناختی کارڈ کی تصدیق کریں"},
    "verify.step_cnic": {"en": "1. CNIC number", "ur": "1۔ شناختی کارڈ نمبر"},
    "verify.step_photos": {"en": "2. Photos of your CNIC", "ur": "2۔ شناختی کارڈ کی تصاویر"},
    "verify.step_selfie": {"en": "3. Live selfie", "ur": "3۔ لائیو سیلفی"},
    "verify.cnic.label": {"en": "CNIC number", "ur": "شناختی کارڈ نمبر"},
    "verify.cnic.hint": {
        "en": "The 13 digits on the front of your card, with or without dashes.",
        "ur": "کارڈ کے سامنے والے 13 ہندسے، ڈیش کے ساتھ یا بغیر۔",
    },
    "verify.cnic.invalid": {
        "en": "Enter all 13 digits of your CNIC, like 35202-1234567-3.",
        "ur": "شناختی کارڈ کے پورے 13 ہندسے لکھیں، جیسے 35202-1234567-3۔",
    },
    "verify.cnic.region": {
        "en": "A CNIC starts with a digit from 1 to 7 (the province). Check the first digit.",
        "ur": "شناختی کارڈ نمبر 1 سے 7 تک کسی ہندسے (صوبے) سے شروع ہوتا ہے۔ پہلا ہندسہ دیکھیں۔",
    },
    "verify.photos.lead": {
        "en": "Lay the card flat in good light, fill the frame, and make sure every "
        "digit is sharp and there is no glare.",
        "ur": "کارڈ کو اچھی روشنی میں سیدھا رکھیں، پورا کارڈ تصویر میں آئے، تمام ہندسے "
        "صاف پڑھے جائیں اور چمک نہ ہو۔",
    },
    "verify.front.label": {"en": "Front of the card", "ur": "کارڈ کا سامنے والا رخ"},
    "verify.front.hint": {
        "en": "The side with your photo and CNIC number.",
        "ur": "وہ رخ جس پر آپ کی تصویر اور شناختی کارڈ نمبر ہے۔",
    },
    "verify.back.label": {"en": "Back of the card", "ur": "کارڈ کا پچھلا رخ"},
    "verify.back.hint": {
        "en": "The side with your address and the barcode.",
        "ur": "وہ رخ جس پر آپ کا پتہ اور بارکوڈ ہے۔",
    },
    "verify.photo.camera": {"en": "Take a photo", "ur": "تصویر کھینچیں"},
    "verify.photo.file": {"en": "Choose a file", "ur": "فائل منتخب کریں"},
    "verify.photo.retake": {"en": "Take it again", "ur": "دوبارہ کھینچیں"},
    "verify.photo.uploading": {"en": "Uploading…", "ur": "اپ لوڈ ہو رہی ہے…"},
    "verify.photo.uploaded": {"en": "Uploaded", "ur": "اپ لوڈ ہو گئی"},
    "verify.photo.preview": {"en": "your photo", "ur": "آپ کی تصویر"},
    "verify.photo.retry": {"en": "Try again", "ur": "دوبارہ کوشش کریں"},
    "verify.photo.network": {
        "en": "The connection dropped. Your photo is kept: tap “Try again”.",
        "ur": "انٹرنیٹ منقطع ہو گیا۔ آپ کی تصویر محفوظ ہے: “دوبارہ کوشش کریں” دبائیں۔",
    },
    "verify.photo.failed": {
        "en": "We could not upload this photo. Try again in a moment.",
        "ur": "یہ تصویر اپ لوڈ نہیں ہو سکی۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    },
    "verify.photo.signed_out": {
        "en": "Your session has ended. Reload the page and sign in again.",
        "ur": "آپ کا سیشن ختم ہو گیا۔ صفحہ دوبارہ لوڈ کر کے سائن اِن کریں۔",
    },
    "verify.selfie.lead": {
        "en": "Taken live with your front camera, with today’s time and a one-time "
        "code written on it, so nobody can use an old photo of you.",
        "ur": "سامنے والے کیمرے سے اسی وقت لی جاتی ہے، اس پر آج کا وقت اور ایک بار "
        "استعمال ہونے والا کوڈ لکھا جاتا ہے، تاکہ کوئی آپ کی پرانی تصویر استعمال نہ کر سکے۔",
    },
    "verify.selfie.open": {"en": "Open the camera", "ur": "کیمرا کھولیں"},
    "verify.selfie.starting": {"en": "Opening the camera…", "ur": "کیمرا کھل رہا ہے…"},
    "verify.selfie.preview_label": {
        "en": "Live view of your front camera",
        "ur": "سامنے والے کیمرے کا براہِ راست منظر",
    },
    "verify.selfie.tips": {
        "en": "Face the light, remove sunglasses, and keep your whole face inside the oval.",
        "ur": "روشنی کی طرف رخ کریں، دھوپ کا چشمہ اتاریں، اور پورا چہرہ دائرے کے اندر رکھیں۔",
    },
    "verify.selfie.capture": {"en": "Take the selfie", "ur": "سیلفی لیں"},
    "verify.selfie.still_label": {
        "en": "Your selfie, with the time and code written at the bottom",
        "ur": "آپ کی سیلفی، نیچے وقت اور کوڈ لکھا ہے",
    },
    "verify.selfie.check_still": {
        "en": "Is your face clear and the code at the bottom readable?",
        "ur": "کیا آپ کا چہرہ صاف ہے اور نیچے لکھا کوڈ پڑھا جا سکتا ہے؟",
    },
    "verify.selfie.use": {"en": "Use this photo", "ur": "یہی تصویر استعمال کریں"},
    "verify.selfie.retake": {"en": "Retake", "ur": "دوبارہ لیں"},
    "verify.selfie.uploading": {"en": "Uploading your selfie…", "ur": "سیلفی اپ لوڈ ہو رہی ہے…"},
    "verify.selfie.uploaded": {"en": "Selfie uploaded", "ur": "سیلفی اپ لوڈ ہو گئی"},
    "verify.selfie.getting_code": {"en": "Getting a new code…", "ur": "نیا کوڈ لیا جا رہا ہے…"},
    "verify.selfie.code_expired": {
        "en": "The code on that photo had expired. Here is a new one: take the selfie again.",
        "ur": "اس تصویر والے کوڈ کی مدت ختم ہو گئی تھی۔ نیا کوڈ آ گیا ہے: سیلفی دوبارہ لیں۔",
    },
    "verify.selfie.try_again": {"en": "Try the camera again", "ur": "کیمرا دوبارہ آزمائیں"},
    "verify.selfie.problem_denied": {
        "en": "The camera is blocked for this site. Allow it, then tap “Try the camera again”.",
        "ur": "اس ویب سائٹ کے لیے کیمرا بند ہے۔ اجازت دیں، پھر “کیمرا دوبارہ آزمائیں” دبائیں۔",
    },
    "verify.selfie.problem_missing": {
        "en": "We could not find a camera. Use a phone or computer with a front camera.",
        "ur": "کوئی کیمرا نہیں ملا۔ سامنے والے کیمرے والا فون یا کمپیوٹر استعمال کریں۔",
    },
    "verify.selfie.problem_busy": {
        "en": "Another app is using the camera. Close it (a video call or the camera "
        "app), then tap “Try the camera again”.",
        "ur": "کیمرا کسی اور ایپ میں استعمال ہو رہا ہے۔ اسے بند کریں (ویڈیو کال یا "
        "کیمرا ایپ)، پھر “کیمرا دوبارہ آزمائیں” دبائیں۔",
    },
    "verify.selfie.problem_insecure": {
        "en": "This browser cannot open the camera here. Open this page in Chrome or "
        "Safari, at an address starting with https://.",
        "ur": "یہ براؤزر یہاں کیمرا نہیں کھول سکتا۔ یہ صفحہ Chrome یا Safari میں "
        "https:// سے شروع ہونے والے پتے پر کھولیں۔",
    },
    "verify.selfie.problem_failed": {
        "en": "The camera did not start. Close other apps and tap “Try the camera again”.",
        "ur": "کیمرا شروع نہیں ہوا۔ دوسری ایپس بند کریں اور “کیمرا دوبارہ آزمائیں” دبائیں۔",
    },
    "verify.selfie.help_android_title": {
        "en": "Android (Chrome):",
        "ur": "اینڈرائیڈ (Chrome):",
    },
    "verify.selfie.help_android": {
        "en": "Tap the lock icon next to the address\nTap Permissions, then Camera\nChoose Allow",
        "ur": "پتے کے ساتھ تالے کا نشان دبائیں\n“اجازتیں” (Permissions) اور پھر "
        "“کیمرا” دبائیں\n“اجازت دیں” (Allow) منتخب کریں",
    },
    "verify.selfie.help_ios_title": {"en": "iPhone (Safari):", "ur": "آئی فون (Safari):"},
    "verify.selfie.help_ios": {
        "en": "Tap aA in the address bar, then Website Settings\nSet Camera to Allow\n"
        "Or: Settings → Safari → Camera → Allow",
        "ur": "پتے والی پٹی میں aA دبائیں، پھر Website Settings\nCamera کو Allow کریں\n"
        "یا: Settings → Safari → Camera → Allow",
    },
    "verify.submit": {"en": "Send for review", "ur": "جائزے کے لیے بھیجیں"},
    "verify.submitting": {"en": "Sending…", "ur": "بھیجا جا رہا ہے…"},
    "verify.submit.needs": {
        "en": "To send, add your CNIC number, both photos of the card and a live selfie.",
        "ur": "بھیجنے کے لیے شناختی کارڈ نمبر، کارڈ کی دونوں تصاویر اور لائیو سیلفی شامل کریں۔",
    },
    "verify.submitted": {
        "en": "Sent. A moderator will review it soon.",
        "ur": "بھیج دیا گیا۔ موڈریٹر جلد جائزہ لے گا۔",
    },
    "verify.submit_failed": {
        "en": "We could not send it just now. Everything is kept; try again in a moment.",
        "ur": "ابھی بھیجا نہیں جا سکا۔ سب کچھ محفوظ ہے، تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    },
    "verify.status.pending.title": {"en": "Under review", "ur": "جائزہ جاری ہے"},
    "verify.status.pending.body": {
        "en": "We received your CNIC and selfie. A moderator will review them, usually "
        "within 2 working days. You can close this page.",
        "ur": "آپ کا شناختی کارڈ اور سیلفی موصول ہو گئے۔ موڈریٹر عام طور پر 2 کاروباری "
        "دنوں میں جائزہ لیتا ہے۔ آپ یہ صفحہ بند کر سکتے ہیں۔",
    },
    "verify.status.approved.title": {
        "en": "Your identity is verified",
        "ur": "آپ کی شناخت تصدیق شدہ ہے",
    },
    "verify.status.approved.body": {
        "en": "Everyone now sees the green “ID Verified” badge on your profile.",
        "ur": "اب سب کو آپ کی پروفائل پر سبز “شناخت تصدیق شدہ” بیج نظر آتا ہے۔",
    },
    "verify.status.rejected.title": {"en": "Not approved", "ur": "منظور نہیں ہوا"},
    "verify.status.resubmission_requested.title": {
        "en": "Please send it again",
        "ur": "براہِ کرم دوبارہ بھیجیں",
    },
    "verify.status.resubmission_requested.body": {
        "en": "A moderator asked for new photos. Fill in the steps below and send them again.",
        "ur": "موڈریٹر نے نئی تصاویر مانگی ہیں۔ نیچے کے مراحل دوبارہ مکمل کر کے بھیجیں۔",
    },
    "verify.status.reason": {"en": "Why:", "ur": "وجہ:"},
    "verify.status.todo": {"en": "What to do:", "ur": "کیا کریں:"},
    "verify.status.note": {"en": "Moderator’s note:", "ur": "موڈریٹر کا نوٹ:"},
    "verify.status.left": {
        "en": "Tries left to send again:",
        "ur": "دوبارہ بھیجنے کی باقی کوششیں:",
    },
    "verify.status.submitted_at": {"en": "Sent on", "ur": "بھیجا گیا"},
    "verify.status.decided_at": {"en": "Decided on", "ur": "فیصلہ ہوا"},
    "verify.status.cnic": {"en": "CNIC", "ur": "شناختی کارڈ"},
    "verify.status.no_tries": {
        "en": "You have used every try. Please contact our support team "
        "and we will help you verify.",
        "ur": "آپ کی تمام کوششیں استعمال ہو چکی ہیں۔ براہِ کرم ہماری سپورٹ ٹیم سے "
        "رابطہ کریں، ہم تصدیق میں آپ کی مدد کریں گے۔",
    },
    "verify.reason.unknown": {
        "en": "The moderator could not approve these photos.",
        "ur": "موڈریٹر ان تصاویر کو منظور نہیں کر سکا۔",
    },
    "verify.reason.unknown.todo": {
        "en": "Read the moderator’s note, then send clear new photos.",
        "ur": "موڈریٹر کا نوٹ پڑھیں، پھر نئی صاف تصاویر بھیجیں۔",
    },
    "verify.refused.cnic_invalid": {
        "en": "That CNIC number is not valid. Check the 13 digits on your card.",
        "ur": "یہ شناختی کارڈ نمبر درست نہیں۔ اپنے کارڈ کے 13 ہندسے دوبارہ دیکھیں۔",
    },
    "verify.refused.cnic_duplicate": {
        "en": "This CNIC is already used by another account. Please contact our support team.",
        "ur": "یہ شناختی کارڈ پہلے سے کسی اور اکاؤنٹ میں استعمال ہو رہا ہے۔ براہِ کرم "
        "ہماری سپورٹ ٹیم سے رابطہ کریں۔",
    },
    "verify.refused.missing_cnic_front": {
        "en": "Add a photo of the front of your card.",
        "ur": "کارڈ کے سامنے والے رخ کی تصویر شامل کریں۔",
    },
    "verify.refused.missing_cnic_back": {
        "en": "Add a photo of the back of your card.",
        "ur": "کارڈ کے پچھلے رخ کی تصویر شامل کریں۔",
    },
    "verify.refused.missing_selfie": {
        "en": "Take your live selfie first.",
        "ur": "پہلے اپنی لائیو سیلفی لیں۔",
    },
    "verify.refused.selfie_stale": {
        "en": "Your selfie is too old. Take a new one, then send again.",
        "ur": "آپ کی سیلفی پرانی ہو گئی ہے۔ نئی سیلفی لیں، پھر دوبارہ بھیجیں۔",
    },
    "verify.refused.already_pending": {
        "en": "You already sent your documents; they are being reviewed.",
        "ur": "آپ پہلے ہی دستاویزات بھیج چکے ہیں؛ ان کا جائزہ لیا جا رہا ہے۔",
    },
    "verify.refused.already_verified": {
        "en": "Your identity is already verified.",
        "ur": "آپ کی شناخت پہلے ہی تصدیق شدہ ہے۔",
    },
    "verify.refused.no_resubmissions_left": {
        "en": "You have used every try. Please contact our support team.",
        "ur": "آپ کی تمام کوششیں استعمال ہو چکی ہیں۔ براہِ کرم ہماری سپورٹ ٹیم سے رابطہ کریں۔",
    },
    "verify.refused.profile_incomplete": {
        "en": "Complete your profile first (name, mobile number and city).",
        "ur": "پہلے اپنی پروفائل مکمل کریں (نام، موبائل نمبر اور شہر)۔",
    },
    # --- verification: why an image upload was refused (api/verification.py) ---
    "upload.token_missing": {
        "en": "Sign in first: this request has no session token.",
        "ur": "پہلے سائن اِن کریں: اس درخواست کے ساتھ سیشن ٹوکن نہیں ہے۔",
    },
    "upload.token_invalid": {
        "en": "Your session has expired. Reload the page and try again.",
        "ur": "آپ کا سیشن ختم ہو گیا ہے۔ صفحہ دوبارہ لوڈ کر کے پھر کوشش کریں۔",
    },
    "upload.session_ended": {
        "en": "You were signed out. Sign in again and try once more.",
        "ur": "آپ سائن آؤٹ ہو گئے تھے۔ دوبارہ سائن اِن کر کے کوشش کریں۔",
    },
    "upload.no_account": {
        "en": "Set up your profile first, then verify your identity.",
        "ur": "پہلے اپنی پروفائل مکمل کریں، پھر شناخت کی تصدیق کریں۔",
    },
    "upload.length_required": {
        "en": "The upload did not say its size. Try again from the verification page.",
        "ur": "اپ لوڈ کا سائز معلوم نہیں ہو سکا۔ تصدیق والے صفحے سے دوبارہ کوشش کریں۔",
    },
    "upload.not_multipart": {
        "en": "Send the photo as a file upload (multipart/form-data).",
        "ur": "تصویر فائل اپ لوڈ کی صورت میں بھیجیں (multipart/form-data)۔",
    },
    "upload.image_missing": {
        "en": "No photo arrived. Choose or take the photo again.",
        "ur": "کوئی تصویر موصول نہیں ہوئی۔ تصویر دوبارہ منتخب کریں یا کھینچیں۔",
    },
    "upload.unknown_kind": {
        "en": "Unknown photo type: use cnic_front, cnic_back or selfie.",
        "ur": "تصویر کی قسم نامعلوم ہے: cnic_front، cnic_back یا selfie استعمال کریں۔",
    },
    "upload.code_invalid": {
        "en": "This selfie's code is not one we gave you. Take the selfie again.",
        "ur": "اس سیلفی کا کوڈ ہمارا دیا ہوا نہیں ہے۔ سیلفی دوبارہ لیں۔",
    },
    "upload.code_used": {
        "en": "This selfie's code was already used. Take a new selfie.",
        "ur": "اس سیلفی کا کوڈ پہلے استعمال ہو چکا ہے۔ نئی سیلفی لیں۔",
    },
    "upload.code_expired": {
        "en": "The selfie's code expired (it lasts 5 minutes). Take a new selfie.",
        "ur": "سیلفی کا کوڈ ختم ہو گیا (یہ 5 منٹ چلتا ہے)۔ نئی سیلفی لیں۔",
    },
    "upload.rate_limited": {
        "en": "Too many photos in the last hour. Wait a while, then try again.",
        "ur": "پچھلے ایک گھنٹے میں بہت زیادہ تصاویر بھیجی گئیں۔ کچھ دیر بعد کوشش کریں۔",
    },
    "upload.already_pending": {
        "en": "Your documents are already with our team. Wait for their decision.",
        "ur": "آپ کے کاغذات پہلے ہی ہماری ٹیم کے پاس ہیں۔ اُن کے فیصلے کا انتظار کریں۔",
    },
    "upload.already_verified": {
        "en": "Your identity is already verified.",
        "ur": "آپ کی شناخت پہلے ہی تصدیق شدہ ہے۔",
    },
    "upload.no_resubmissions_left": {
        "en": "You have used all your resubmissions. Contact support to continue.",
        "ur": "آپ دوبارہ جمع کروانے کے تمام مواقع استعمال کر چکے ہیں۔ آگے بڑھنے کے لیے "
        "سپورٹ سے رابطہ کریں۔",
    },
    "upload.too_large": {
        "en": "This photo is larger than 8 MB. Take it again or choose a smaller one.",
        "ur": "یہ تصویر 8 ایم بی سے بڑی ہے۔ دوبارہ کھینچیں یا چھوٹی تصویر منتخب کریں۔",
    },
    "upload.not_an_image": {
        "en": "This file is not a photo. Use a JPEG, PNG or WebP picture.",
        "ur": "یہ فائل تصویر نہیں ہے۔ JPEG، PNG یا WebP تصویر استعمال کریں۔",
    },
    "upload.corrupt": {
        "en": "This photo is damaged and cannot be opened. Take it again.",
        "ur": "یہ تصویر خراب ہے اور کھل نہیں سکتی۔ دوبارہ کھینچیں۔",
    },
    "upload.too_small": {
        "en": "This photo is too small to read. Take it closer, in good light.",
        "ur": "یہ تصویر پڑھنے کے لیے بہت چھوٹی ہے۔ قریب سے، اچھی روشنی میں کھینچیں۔",
    },
    "upload.busy": {
        "en": "Many photos are arriving right now. Wait a few seconds, then send it again.",
        "ur": "اس وقت بہت سی تصاویر آ رہی ہیں۔ چند سیکنڈ بعد دوبارہ بھیجیں۔",
    },
    "upload.too_many_pixels": {
        "en": "This picture is far too large in pixels. Use a normal phone photo.",
        "ur": "اس تصویر کے پکسل بہت زیادہ ہیں۔ عام موبائل تصویر استعمال کریں۔",
    },
    "upload.unexpected": {
        "en": "The photo could not be saved. Try again in a moment.",
        "ur": "تصویر محفوظ نہیں ہو سکی۔ تھوڑی دیر بعد دوبارہ کوشش کریں۔",
    },
    # --- verification: a moderator's reason, and what the user should do ---
    "rejection.selfie_unclear": {
        "en": "Your selfie is blurred, dark or does not show your whole face.",
        "ur": "آپ کی سیلفی دھندلی یا اندھیری ہے، یا پورا چہرہ نظر نہیں آتا۔",
    },
    "rejection.selfie_unclear.todo": {
        "en": "Take a new selfie facing a window or a light, without a cap or sunglasses.",
        "ur": "روشنی کی طرف منہ کر کے، ٹوپی یا کالے چشمے کے بغیر نئی سیلفی لیں۔",
    },
    "rejection.selfie_not_live": {
        "en": "Your selfie looks like a photo of a photo or of a screen.",
        "ur": "آپ کی سیلفی کسی تصویر یا اسکرین کی تصویر لگتی ہے۔",
    },
    "rejection.selfie_not_live.todo": {
        "en": "Take the selfie of yourself, live, with the front camera.",
        "ur": "سامنے والے کیمرے سے خود اپنی لائیو سیلفی لیں۔",
    },
    "rejection.face_mismatch": {
        "en": "The face in the selfie does not match the photo on the CNIC.",
        "ur": "سیلفی کا چہرہ شناختی کارڈ کی تصویر سے نہیں ملتا۔",
    },
    "rejection.face_mismatch.todo": {
        "en": "Submit your own CNIC and a selfie of the same person.",
        "ur": "اپنا ہی شناختی کارڈ اور اُسی شخص کی سیلفی جمع کروائیں۔",
    },
    "rejection.cnic_unreadable": {
        "en": "We could not read your CNIC photos.",
        "ur": "ہم آپ کے شناختی کارڈ کی تصاویر نہیں پڑھ سکے۔",
    },
    "rejection.cnic_unreadable.todo": {
        "en": "Photograph the card flat, in good light, filling the frame, without glare.",
        "ur": "کارڈ کو سیدھا رکھ کر، اچھی روشنی میں، پورے فریم میں اور چمک کے بغیر تصویر لیں۔",
    },
    "rejection.cnic_expired": {
        "en": "Your CNIC has expired.",
        "ur": "آپ کے شناختی کارڈ کی میعاد ختم ہو چکی ہے۔",
    },
    "rejection.cnic_expired.todo": {
        "en": "Renew it at NADRA, then submit the new card.",
        "ur": "نادرا سے تجدید کروائیں، پھر نیا کارڈ جمع کروائیں۔",
    },
    "rejection.cnic_number_mismatch": {
        "en": "The CNIC number you typed is not the one on the card.",
        "ur": "آپ کا لکھا ہوا شناختی کارڈ نمبر کارڈ والے نمبر سے مختلف ہے۔",
    },
    "rejection.cnic_number_mismatch.todo": {
        "en": "Type the 13 digits exactly as printed on the card.",
        "ur": "کارڈ پر چھپے 13 ہندسے بالکل ویسے ہی لکھیں۔",
    },
    "rejection.other": {
        "en": "Our team could not accept this submission.",
        "ur": "ہماری ٹیم یہ درخواست قبول نہیں کر سکی۔",
    },
    "rejection.other.todo": {
        "en": "Read the moderator's note below, then submit again.",
        "ur": "نیچے موڈریٹر کا نوٹ پڑھیں، پھر دوبارہ جمع کروائیں۔",
    },
    # --- moderation: the moderators' pages (/moderation, /moderation/audit) ---
    "moderation.nav": {"en": "Moderation", "ur": "موڈریشن"},
    "moderation.title": {"en": "Verification review", "ur": "تصدیق کا جائزہ"},
    "moderation.checking": {"en": "Checking your access…", "ur": "آپ کی رسائی دیکھی جا رہی ہے…"},
    "moderation.no_access": {"en": "You do not have access", "ur": "آپ کو رسائی حاصل نہیں ہے"},
    "moderation.no_access.body": {
        "en": "This page is for moderators. If you should be one, ask an administrator "
        "to give your account the moderator role, then sign in again.",
        "ur": "یہ صفحہ موڈریٹرز کے لیے ہے۔ اگر آپ موڈریٹر ہیں تو ایڈمنسٹریٹر سے کہیں کہ آپ کے "
        "اکاؤنٹ کو موڈریٹر کا کردار دے، پھر دوبارہ سائن اِن کریں۔",
    },
    "moderation.queue": {"en": "Queue", "ur": "قطار"},
    "moderation.filter.status": {"en": "Status", "ur": "کیفیت"},
    "moderation.filter.flag": {"en": "Flag", "ur": "نشان"},
    "moderation.flag.all": {"en": "All submissions", "ur": "تمام درخواستیں"},
    "moderation.status.pending": {"en": "Pending", "ur": "زیرِ غور"},
    "moderation.status.approved": {"en": "Approved", "ur": "منظور شدہ"},
    "moderation.status.rejected": {"en": "Rejected", "ur": "مسترد"},
    "moderation.status.resubmission_requested": {
        "en": "Resubmission requested",
        "ur": "دوبارہ جمع کروانے کا کہا گیا",
    },
    "moderation.flag.province_mismatch": {"en": "Province mismatch", "ur": "صوبہ مختلف"},
    "moderation.flag.duplicate_cnic": {"en": "Duplicate CNIC", "ur": "شناختی کارڈ دہرایا گیا"},
    "moderation.flag.selfie_age": {"en": "Old selfie", "ur": "پرانی سیلفی"},
    "moderation.flag.province_mismatch.explain": {
        "en": "The CNIC's first digit belongs to another province than the profile's. "
        "People move: check the card, do not reject for this alone.",
        "ur": "شناختی کارڈ کا پہلا ہندسہ پروفائل والے صوبے کا نہیں۔ لوگ نقل مکانی کرتے ہیں: "
        "کارڈ دیکھیں، صرف اس وجہ سے مسترد نہ کریں۔",
    },
    "moderation.flag.duplicate_cnic.explain": {
        "en": "This account tried a CNIC that another account holds, or another account "
        "tried this one. Compare the faces carefully.",
        "ur": "اس اکاؤنٹ نے کسی دوسرے اکاؤنٹ کا شناختی کارڈ آزمایا، یا کسی اور نے یہ کارڈ "
        "آزمایا۔ چہروں کو غور سے ملائیں۔",
    },
    "moderation.flag.selfie_age.explain": {
        "en": "The selfie was taken long before the submission. Check that it is live and recent.",
        "ur": "سیلفی درخواست سے کافی پہلے لی گئی تھی۔ دیکھیں کہ یہ لائیو اور تازہ ہے۔",
    },
    "moderation.card_says": {"en": "CNIC", "ur": "شناختی کارڈ"},
    "moderation.profile_says": {"en": "profile", "ur": "پروفائل"},
    "moderation.minutes_before": {
        "en": "minutes before submitting",
        "ur": "منٹ جمع کروانے سے پہلے",
    },
    "moderation.empty": {"en": "Nothing to review here", "ur": "یہاں جائزے کے لیے کچھ نہیں"},
    "moderation.empty.body": {
        "en": "No submission has this status and flag. Try another filter.",
        "ur": "اس کیفیت اور نشان کی کوئی درخواست نہیں۔ کوئی اور فلٹر آزمائیں۔",
    },
    "moderation.next_page": {"en": "Next page", "ur": "اگلا صفحہ"},
    "moderation.previous_page": {"en": "Previous page", "ur": "پچھلا صفحہ"},
    "moderation.page": {"en": "Page", "ur": "صفحہ"},
    "moderation.attempt": {"en": "Attempt", "ur": "کوشش"},
    "moderation.submitted": {"en": "Submitted", "ur": "جمع کروایا"},
    "moderation.decided": {"en": "Decided", "ur": "فیصلہ"},
    "moderation.by": {"en": "by", "ur": "از"},
    "moderation.choose": {
        "en": "Choose a submission in the queue to review it.",
        "ur": "جائزے کے لیے قطار میں سے کوئی درخواست منتخب کریں۔",
    },
    "moderation.loading": {"en": "Loading…", "ur": "لوڈ ہو رہا ہے…"},
    "moderation.back": {"en": "Back to the queue", "ur": "قطار پر واپس"},
    "moderation.selfie": {"en": "Live selfie", "ur": "لائیو سیلفی"},
    "moderation.cnic_front": {"en": "CNIC front", "ur": "شناختی کارڈ سامنے"},
    "moderation.cnic_back": {"en": "CNIC back", "ur": "شناختی کارڈ پیچھے"},
    "moderation.zoom": {"en": "Enlarge", "ur": "بڑا کریں"},
    "moderation.images_purged": {
        "en": "The photos of this submission were deleted under the retention policy; "
        "the decision is kept.",
        "ur": "اس درخواست کی تصاویر ڈیٹا محفوظ رکھنے کی پالیسی کے تحت حذف کر دی گئیں؛ "
        "فیصلہ محفوظ ہے۔",
    },
    "moderation.faces.purged": {
        "en": "Not checked: the photos were deleted before the checks ran.",
        "ur": "جانچ نہیں ہوئی: جانچ سے پہلے تصاویر حذف کر دی گئیں۔",
    },
    "moderation.close": {"en": "Close", "ur": "بند کریں"},
    "moderation.cnic": {"en": "CNIC number", "ur": "شناختی کارڈ نمبر"},
    "moderation.reveal": {"en": "Reveal", "ur": "پورا دکھائیں"},
    "moderation.reveal.note": {
        "en": "Revealing the full number is recorded in the audit log; "
        "it hides again after a minute.",
        "ur": "پورا نمبر دیکھنا آڈٹ لاگ میں درج ہوتا ہے؛ ایک منٹ بعد یہ پھر چھپ جاتا ہے۔",
    },
    "moderation.flags": {"en": "Flags", "ur": "نشانات"},
    "moderation.no_flags": {"en": "No flags.", "ur": "کوئی نشان نہیں۔"},
    "moderation.person": {"en": "The person", "ur": "صارف"},
    "moderation.member_since": {"en": "Member since", "ur": "رکن از"},
    "moderation.phone_verified": {"en": "Phone verified", "ur": "فون تصدیق شدہ"},
    "moderation.phone_not_verified": {"en": "Phone not verified", "ur": "فون تصدیق شدہ نہیں"},
    "moderation.earlier": {"en": "Earlier attempts", "ur": "پچھلی کوششیں"},
    "moderation.earlier.none": {"en": "This is the first attempt.", "ur": "یہ پہلی کوشش ہے۔"},
    "moderation.decision": {"en": "Decision", "ur": "فیصلہ"},
    "moderation.approve": {"en": "Approve", "ur": "منظور کریں"},
    "moderation.reject": {"en": "Reject", "ur": "مسترد کریں"},
    "moderation.request_resubmission": {"en": "Ask to resubmit", "ur": "دوبارہ جمع کروانے کا کہیں"},
    "moderation.reason": {
        "en": "Reason (for reject or resubmit)",
        "ur": "وجہ (مسترد یا دوبارہ کے لیے)",
    },
    "moderation.reason.placeholder": {"en": "Choose a reason", "ur": "وجہ منتخب کریں"},
    "moderation.note": {"en": "Note to the user (optional)", "ur": "صارف کے لیے نوٹ (اختیاری)"},
    "moderation.saving": {"en": "Saving…", "ur": "محفوظ ہو رہا ہے…"},
    "moderation.already": {"en": "Already decided", "ur": "فیصلہ پہلے ہو چکا"},
    "moderation.already.body": {
        "en": "Another moderator decided this submission first:",
        "ur": "کسی دوسرے موڈریٹر نے یہ فیصلہ پہلے کر دیا:",
    },
    "moderation.done.approve": {
        "en": "Approved: the user is now ID Verified.",
        "ur": "منظور: صارف اب شناخت شدہ ہے۔",
    },
    "moderation.done.reject": {
        "en": "Rejected; the user sees the reason.",
        "ur": "مسترد؛ صارف کو وجہ نظر آئے گی۔",
    },
    "moderation.done.request_resubmission": {
        "en": "The user is asked to submit again.",
        "ur": "صارف سے دوبارہ جمع کروانے کا کہا گیا۔",
    },
    "moderation.error.reason_required": {
        "en": "Choose a reason first: the user needs to know what to fix.",
        "ur": "پہلے وجہ منتخب کریں: صارف کو معلوم ہونا چاہیے کہ کیا درست کرنا ہے۔",
    },
    "moderation.error.reason_unknown": {
        "en": "Choose one of the listed reasons.",
        "ur": "فہرست میں سے کوئی وجہ منتخب کریں۔",
    },
    "moderation.error.note_too_long": {
        "en": "The note is too long: keep it under 500 characters.",
        "ur": "نوٹ بہت لمبا ہے: 500 حروف سے کم رکھیں۔",
    },
    "moderation.error.own_submission": {
        "en": "This is your own submission: another moderator must decide it.",
        "ur": "یہ آپ کی اپنی درخواست ہے: اس کا فیصلہ کوئی دوسرا موڈریٹر کرے گا۔",
    },
    "moderation.error.not_found": {
        "en": "This submission no longer exists. Choose another one.",
        "ur": "یہ درخواست اب موجود نہیں۔ کوئی اور منتخب کریں۔",
    },
    "moderation.shortcuts": {"en": "Keyboard shortcuts", "ur": "کی بورڈ شارٹ کٹس"},
    "moderation.shortcut.approve": {"en": "Approve", "ur": "منظور کریں"},
    "moderation.shortcut.reject": {
        "en": "Reject (choose a reason first)",
        "ur": "مسترد کریں (پہلے وجہ منتخب کریں)",
    },
    "moderation.shortcut.resubmit": {
        "en": "Ask to resubmit (choose a reason first)",
        "ur": "دوبارہ جمع کروانے کا کہیں (پہلے وجہ منتخب کریں)",
    },
    "moderation.shortcut.next": {"en": "Next submission", "ur": "اگلی درخواست"},
    "moderation.shortcut.previous": {"en": "Previous submission", "ur": "پچھلی درخواست"},
    "moderation.shortcut.help": {"en": "Show this help", "ur": "یہ مدد دکھائیں"},
    "moderation.shortcut.typing": {
        "en": "Shortcuts do nothing while you type in a field.",
        "ur": "کسی خانے میں لکھتے وقت شارٹ کٹس کام نہیں کرتے۔",
    },
    "moderation.stats.pending": {"en": "Waiting for review", "ur": "جائزے کی منتظر"},
    "moderation.stats.median": {"en": "Median time to decision", "ur": "فیصلے کا درمیانی وقت"},
    "moderation.stats.median.window": {"en": "last 30 days", "ur": "پچھلے 30 دن"},
    "duration.under_a_minute": {"en": "under 1 min", "ur": "1 منٹ سے کم"},
    "duration.days": {"en": "{n} d", "ur": "{n} دن"},
    "duration.hours": {"en": "{n} h", "ur": "{n} گھنٹے"},
    "duration.minutes": {"en": "{n} min", "ur": "{n} منٹ"},
    "moderation.stats.per_day": {"en": "Decisions per day", "ur": "روزانہ فیصلے"},
    "moderation.stats.per_day.window": {"en": "last 14 days", "ur": "پچھلے 14 دن"},
    "moderation.audit": {"en": "Audit log", "ur": "آڈٹ لاگ"},
    "moderation.audit.lead": {
        "en": "Every decision and every CNIC reveal, newest first. Entries cannot be changed.",
        "ur": "ہر فیصلہ اور ہر بار شناختی کارڈ نمبر دیکھنا، تازہ ترین پہلے۔ "
        "اندراج بدلے نہیں جا سکتے۔",
    },
    "moderation.audit.when": {"en": "When", "ur": "کب"},
    "moderation.audit.who": {"en": "Who", "ur": "کس نے"},
    "moderation.audit.what": {"en": "What", "ur": "کیا"},
    "moderation.audit.subject": {"en": "About", "ur": "کس کے بارے میں"},
    "moderation.audit.level": {"en": "Level before → after", "ur": "سطح پہلے ← بعد"},
    "moderation.audit.reason": {"en": "Reason", "ur": "وجہ"},
    "moderation.audit.older": {"en": "Older entries", "ur": "پرانے اندراج"},
    "moderation.audit.newer": {"en": "Newer entries", "ur": "نئے اندراج"},
    "moderation.audit.empty": {"en": "Nothing recorded yet.", "ur": "ابھی کچھ درج نہیں۔"},
    "moderation.audit.action.approve": {"en": "Approved", "ur": "منظور کیا"},
    "moderation.audit.action.reject": {"en": "Rejected", "ur": "مسترد کیا"},
    "moderation.audit.action.request_resubmission": {
        "en": "Asked to resubmit",
        "ur": "دوبارہ جمع کروانے کا کہا",
    },
    "moderation.audit.action.reveal_cnic": {
        "en": "Revealed the CNIC",
        "ur": "شناختی کارڈ نمبر دیکھا",
    },
    "moderation.audit.action.duplicate_cnic": {
        "en": "Tried a CNIC already in use",
        "ur": "پہلے سے استعمال شدہ شناختی کارڈ آزمایا",
    },
    "moderation.audit.action.grant_trusted": {
        "en": "Granted Trusted",
        "ur": "قابلِ اعتماد کا درجہ دیا",
    },
    "moderation.audit.action.revoke_trusted": {
        "en": "Withdrew Trusted",
        "ur": "قابلِ اعتماد کا درجہ واپس لیا",
    },
    "moderation.audit.action.level_change": {"en": "Level changed", "ur": "سطح بدلی"},
    # --- issue 7: deleting one's own account, and the page after it ---
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
    # --- Face checks (issue 11): the selfie's quick check on /verify, and moderators' aids.
    "verify.selfie.checking": {"en": "Checking your selfie…", "ur": "سیلفی چیک ہو رہی ہے…"},
    "verify.selfie.face_ok": {"en": "Your face is clear.", "ur": "آپ کا چہرہ صاف نظر آ رہا ہے۔"},
    "verify.selfie.face_no_face": {
        "en": "We could not find a face in your selfie. Hold the phone at arm's length with "
        "your face inside the oval, then take it again.",
        "ur": "آپ کی سیلفی میں چہرہ نظر نہیں آیا۔ فون بازو کی لمبائی پر رکھیں، چہرہ بیضوی "
        "خانے کے اندر لائیں، پھر دوبارہ لیں۔",
    },
    "verify.selfie.face_several_faces": {
        "en": "We can see more than one face. Take the selfie alone, with nobody behind you.",
        "ur": "تصویر میں ایک سے زیادہ چہرے ہیں۔ سیلفی اکیلے لیں، پیچھے کوئی نہ ہو۔",
    },
    "verify.selfie.face_too_dark": {
        "en": "Your selfie is too dark. Face a window or a light, then take it again.",
        "ur": "سیلفی بہت اندھیری ہے۔ کھڑکی یا روشنی کی طرف منہ کریں، پھر دوبارہ لیں۔",
    },
    "verify.selfie.face_blurry": {
        "en": "Your selfie is blurred. Hold the phone still, then take it again.",
        "ur": "سیلفی دھندلی ہے۔ فون کو ہلائے بغیر پکڑیں، پھر دوبارہ لیں۔",
    },
    "verify.selfie.face_retake": {"en": "Take it again", "ur": "دوبارہ لیں"},
    "verify.selfie.face_send_anyway": {
        "en": "You can still send this selfie: our team will look at it closely.",
        "ur": "آپ یہ سیلفی پھر بھی بھیج سکتے ہیں: ہماری ٹیم اسے غور سے دیکھے گی۔",
    },
    "verify.submit.retake_first": {
        "en": "Take your selfie again first. If the new one has the same problem, you can "
        "send it anyway.",
        "ur": "پہلے سیلفی دوبارہ لیں۔ اگر نئی میں بھی یہی مسئلہ ہو تو "
        "آپ اسے پھر بھی بھیج سکتے ہیں۔",
    },
    "moderation.flag.no_face": {"en": "No face in selfie", "ur": "سیلفی میں چہرہ نہیں"},
    "moderation.flag.several_faces": {"en": "Several faces", "ur": "کئی چہرے"},
    "moderation.flag.no_face_on_cnic": {"en": "No face on CNIC", "ur": "کارڈ پر چہرہ نہیں"},
    "moderation.flag.faces_differ": {"en": "Faces look different", "ur": "چہرے مختلف لگتے ہیں"},
    "moderation.flag.blurry": {"en": "Blurry", "ur": "دھندلی"},
    "moderation.flag.too_dark": {"en": "Too dark", "ur": "بہت اندھیری"},
    "moderation.flag.checks_unavailable": {
        "en": "Checks unavailable",
        "ur": "خودکار جانچ نہیں ہو سکی",
    },
    "moderation.flag.no_face.explain": {
        "en": "No face was found in the selfie. Check that a person is in it at all.",
        "ur": "سیلفی میں کوئی چہرہ نہیں ملا۔ دیکھیں کہ تصویر میں واقعی کوئی شخص ہے۔",
    },
    "moderation.flag.several_faces.explain": {
        "en": "More than one face is in the selfie. Check who is submitting.",
        "ur": "سیلفی میں ایک سے زیادہ چہرے ہیں۔ دیکھیں کہ درخواست کون دے رہا ہے۔",
    },
    "moderation.flag.no_face_on_cnic.explain": {
        "en": "No face was found on the CNIC front, so the faces were not compared.",
        "ur": "شناختی کارڈ کے سامنے والے رخ پر چہرہ نہیں ملا، اس لیے چہروں کا موازنہ نہیں ہوا۔",
    },
    "moderation.flag.faces_differ.explain": {
        "en": "The selfie and the CNIC photo look like different people to the model. "
        "Compare them yourself.",
        "ur": "ماڈل کے مطابق سیلفی اور شناختی کارڈ کی تصویر مختلف افراد کی لگتی ہیں۔ "
        "خود موازنہ کریں۔",
    },
    "moderation.flag.blurry.explain": {
        "en": "A face is blurred, which makes the comparison less reliable.",
        "ur": "ایک چہرہ دھندلا ہے، اس لیے موازنہ کم قابلِ بھروسا ہے۔",
    },
    "moderation.flag.too_dark.explain": {
        "en": "A face is very dark, which makes the comparison less reliable.",
        "ur": "ایک چہرہ بہت اندھیرا ہے، اس لیے موازنہ کم قابلِ بھروسا ہے۔",
    },
    "moderation.flag.checks_unavailable.explain": {
        "en": "The automatic checks could not run. Judge the photos yourself; they will be "
        "tried again later.",
        "ur": "خودکار جانچ نہیں ہو سکی۔ تصویریں خود پرکھیں؛ جانچ بعد میں دوبارہ ہو گی۔",
    },
    "moderation.band.likely_same": {"en": "Likely the same person", "ur": "غالباً ایک ہی شخص"},
    "moderation.band.look_closely": {"en": "Look closely", "ur": "غور سے دیکھیں"},
    "moderation.band.likely_different": {
        "en": "Likely different people",
        "ur": "غالباً مختلف افراد",
    },
    "moderation.faces": {"en": "Automatic face checks", "ur": "چہرے کی خودکار جانچ"},
    "moderation.faces.aid": {
        "en": "These scores are an aid, not a decision: nothing is approved or rejected "
        "automatically. Look at the photos yourself.",
        "ur": "یہ اسکور صرف مدد کے لیے ہیں، فیصلہ نہیں: کوئی درخواست خود بخود منظور یا "
        "مسترد نہیں ہوتی۔ تصویریں خود دیکھیں۔",
    },
    "moderation.faces.pending": {
        "en": "The checks are still running. Open the submission again in a moment.",
        "ur": "جانچ ابھی جاری ہے۔ تھوڑی دیر بعد درخواست دوبارہ کھولیں۔",
    },
    "moderation.faces.distance": {"en": "Face distance", "ur": "چہروں کا فاصلہ"},
    "moderation.faces.scale": {
        "en": "lower is more alike; bands",
        "ur": "کم فاصلہ یعنی زیادہ مشابہ؛ حدیں",
    },
    "moderation.faces.no_distance": {
        "en": "Not compared: a face is missing.",
        "ur": "موازنہ نہیں ہوا: ایک چہرہ موجود نہیں۔",
    },
    "moderation.faces.in_selfie": {"en": "Faces in selfie", "ur": "سیلفی میں چہرے"},
    "moderation.faces.on_cnic": {"en": "Faces on CNIC", "ur": "کارڈ پر چہرے"},
    "moderation.faces.sharpness": {"en": "sharpness", "ur": "واضحیت"},
    "moderation.faces.brightness": {"en": "brightness", "ur": "روشنی"},
    "moderation.faces.took": {"en": "Checked in", "ur": "جانچ میں لگا وقت"},
    "moderation.faces.seconds": {"en": "s", "ur": "سیکنڈ"},
    "moderation.faces.boxes": {
        "en": "Boxes mark the faces the model found.",
        "ur": "خانے اُن چہروں کو دکھاتے ہیں جو ماڈل کو ملے۔",
    },
    # Issue 7: the one-time prompt to verify, and the sign-in reminder.
    "verify_prompt.title": {
        "en": "Verify your identity",
        "ur": "اپنی شناخت کی تصدیق کریں",
    },
    "verify_prompt.body": {
        "en": "Owners and renters trust a green “ID Verified” badge. It takes a few "
        "minutes: your CNIC and a live selfie, checked by our team.",
        "ur": "مالکان اور کرایہ دار سبز “شناخت تصدیق شدہ” بیج پر بھروسا کرتے ہیں۔ اس میں "
        "چند منٹ لگتے ہیں: آپ کا شناختی کارڈ اور ایک لائیو سیلفی، جو ہماری ٹیم دیکھتی ہے۔",
    },
    "verify_prompt.action": {"en": "Verify now", "ur": "ابھی تصدیق کریں"},
    "verify_prompt.dismiss": {"en": "Not now", "ur": "ابھی نہیں"},
    "verify_prompt.label": {"en": "Suggestion", "ur": "تجویز"},
    "reminder.subject": {
        "en": "Your PK Rentals account is waiting for you",
        "ur": "آپ کا پی کے رینٹلز اکاؤنٹ آپ کا منتظر ہے",
    },
    "reminder.body": {
        "en": "Assalam-o-Alaikum {name}, you have not signed in for {days} days. Sign in at "
        "{url} to see your profile and badge. First time here? Enter your email: we send "
        "a code, and you choose a password.",
        "ur": "السلام علیکم {name}، آپ نے {days} دن سے سائن اِن نہیں کیا۔ اپنا پروفائل اور بیج "
        "دیکھنے کے لیے {url} پر سائن اِن کریں۔ پہلی بار؟ اپنا ای میل لکھیں: ہم کوڈ بھیجیں گے "
        "اور آپ اپنا پاس ورڈ چنیں گے۔",
    },
    "reminder.sms": {
        "en": "PK Rentals: you have not signed in for {days} days. Sign in: {url}",
        "ur": "پی کے رینٹلز: آپ نے {days} دن سے سائن اِن نہیں کیا۔ سائن اِن: {url}",
    },
    # --- account rules of seed 004 (issue 9): email verification, Security tab -------
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
    "verify.email_first": {
        "en": "Verify your email address before sending your CNIC and selfie: use "
        "“Verify email” at the top of this page.",
        "ur": "شناختی کارڈ اور سیلفی بھیجنے سے پہلے اپنا ای میل تصدیق کریں: اس صفحے کے اوپر "
        "“ای میل تصدیق کریں” دبائیں۔",
    },
    "verify.refused.email_unverified": {
        "en": "Verify your email address first: use “Verify email” at the top of the page.",
        "ur": "پہلے اپنا ای میل تصدیق کریں: صفحے کے اوپر “ای میل تصدیق کریں” دبائیں۔",
    },
    "upload.email_unverified": {
        "en": "Verify your email address before sending ID images: use “Verify email” in the app.",
        "ur": "شناختی تصاویر بھیجنے سے پہلے اپنا ای میل تصدیق کریں: ایپ میں “ای میل تصدیق "
        "کریں” دبائیں۔",
    },
    "form.phone.email_unverified": {
        "en": "To change your phone number, first verify your email: use “Verify email” at "
        "the top of the page.",
        "ur": "فون نمبر بدلنے کے لیے پہلے اپنا ای میل تصدیق کریں: صفحے کے اوپر “ای میل "
        "تصدیق کریں” دبائیں۔",
    },
    "moderation.tab.queue": {"en": "Review", "ur": "جائزہ"},
    "moderation.tab.security": {"en": "Security", "ur": "سیکیورٹی"},
    "moderation.flag.security": {"en": "Many failed attempts", "ur": "بہت سی ناکام کوششیں"},
    "moderation.flag.security.explain": {
        "en": "This account had many failed attempts in the last 24 hours (wrong "
        "passwords or codes, refused selfie codes, rejected IDs). Check it with care.",
        "ur": "اس اکاؤنٹ سے پچھلے 24 گھنٹوں میں بہت سی ناکام کوششیں ہوئیں (غلط پاس ورڈ یا "
        "کوڈ، رد شدہ سیلفی کوڈ، مسترد شناختی کارڈ)۔ احتیاط سے جانچیں۔",
    },
    "security.per_day": {"en": "Failed attempts per day", "ur": "روزانہ ناکام کوششیں"},
    "security.per_day.window": {"en": "last 14 days", "ur": "پچھلے 14 دن"},
    "security.last_24h": {
        "en": "Failed attempts, last 24 hours",
        "ur": "ناکام کوششیں، پچھلے 24 گھنٹے",
    },
    "security.top": {
        "en": "Accounts with the most failures (24 hours)",
        "ur": "سب سے زیادہ ناکام کوششوں والے اکاؤنٹ (24 گھنٹے)",
    },
    "security.top.none": {
        "en": "No account had a failed attempt in the last 24 hours.",
        "ur": "پچھلے 24 گھنٹوں میں کسی اکاؤنٹ کی کوئی ناکام کوشش نہیں ہوئی۔",
    },
    "security.failures": {"en": "Failures", "ur": "ناکامیاں"},
    "security.flagged": {"en": "Flagged", "ur": "نشان زدہ"},
    "security.threshold": {
        "en": "Accounts at or over this many failures in 24 hours are flagged in the queue:",
        "ur": "24 گھنٹوں میں اتنی یا زیادہ ناکامیوں والے اکاؤنٹ قطار میں نشان زدہ ہوتے ہیں:",
    },
    "security.kind.sign_in_failed": {"en": "Wrong passwords", "ur": "غلط پاس ورڈ"},
    "security.kind.lockout": {"en": "Lockouts", "ur": "اکاؤنٹ بند"},
    "security.kind.email_code_wrong": {"en": "Wrong email codes", "ur": "غلط ای میل کوڈ"},
    "security.kind.sms_code_wrong": {"en": "Wrong SMS codes", "ur": "غلط SMS کوڈ"},
    "security.kind.selfie_code_refused": {"en": "Refused selfie codes", "ur": "رد شدہ سیلفی کوڈ"},
    "security.kind.id_submission_rejected": {
        "en": "Rejected ID submissions",
        "ur": "مسترد شناختی درخواستیں",
    },
    "security.kind.token_forged": {"en": "Forged session tokens", "ur": "جعلی سیشن ٹوکن"},
    "security.kind.webhook_signature_bad": {
        "en": "Bad webhook signatures",
        "ur": "غلط ویب ہُک دستخط",
    },
}


def text(key: str, language_code: str) -> str:
    """The message in ``language_code`` (``ur`` or ``en``); a missing key is a bug."""
    return MESSAGES[key][language_code]


# Clerk's components in Urdu (Clerk ships no Urdu localization). Keys follow the
# LocalizationResource of @clerk/localizations; anything not listed stays English.
CLERK_URDU: dict = {
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
        # Sign-up's email deliverability check (devauth/frontend_api.py EMAIL_REFUSALS).
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
            "minimumLength": "کم از کم {{length}} حروف",
            "maximumLength": "{{length}} سے کم حروف",
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
