"""Profile setup, the profile form and its errors, phone verification and the profile pages."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "form.phone.email_unverified": {
        "en": "To change your phone number, first verify your email: use “Verify email” at "
        "the top of the page.",
        "ur": "فون نمبر بدلنے کے لیے پہلے اپنا ای میل تصدیق کریں: صفحے کے اوپر “ای میل "
        "تصدیق کریں” دبائیں۔",
    },
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
}
