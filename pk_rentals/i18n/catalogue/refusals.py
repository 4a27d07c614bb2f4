"""Why an upload was refused; a moderator's rejection reason and what to do next."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "upload.email_unverified": {
        "en": "Verify your email address before sending ID images: use “Verify email” in the app.",
        "ur": "شناختی تصاویر بھیجنے سے پہلے اپنا ای میل تصدیق کریں: ایپ میں “ای میل تصدیق "
        "کریں” دبائیں۔",
    },
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
}
