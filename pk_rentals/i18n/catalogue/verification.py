"""/verify: CNIC, live selfie and its face check; the prompt to verify; the reminder."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "verify.card.card_unreadable": {
        "en": "We could not read the card number. Retake the photo in better light, "
        "with the whole card in the frame.",
        "ur": "ہم کارڈ کا نمبر نہیں پڑھ سکے۔ بہتر روشنی میں، پورا کارڈ فریم میں رکھ کر "
        "دوبارہ تصویر لیں۔",
    },
    "verify.card.card_not_cnic": {
        "en": "This does not look like the front of a CNIC. Take a photo of the front "
        "of your card.",
        "ur": "یہ شناختی کارڈ کا سامنے والا رخ نہیں لگتا۔ اپنے کارڈ کے سامنے والے رخ کی تصویر لیں۔",
    },
    "verify.card.card_number_differs": {
        "en": "The number on the card is not the one you typed. Correct the number "
        "above, or retake the photo.",
        "ur": "کارڈ پر لکھا نمبر وہ نہیں جو آپ نے لکھا ہے۔ اوپر نمبر درست کریں یا دوبارہ "
        "تصویر لیں۔",
    },
    "verify.card.send_anyway": {
        "en": "You can still send it: a moderator will look at the card.",
        "ur": "آپ پھر بھی بھیج سکتے ہیں: ماڈریٹر کارڈ دیکھے گا۔",
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
}
