"""The moderators' review pages: queue, flags, submission, face aids and decisions."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "moderation.flag.card_number_differs": {
        "en": "Card number differs",
        "ur": "کارڈ کا نمبر مختلف",
    },
    "moderation.flag.card_number_differs.explain": {
        "en": "The number read on the card is not the one typed. Read the photo yourself: "
        "the software can misread a digit.",
        "ur": "کارڈ پر پڑھا گیا نمبر درج کردہ نمبر سے مختلف ہے۔ تصویر خود پڑھیں: "
        "سافٹ ویئر کوئی ہندسہ غلط پڑھ سکتا ہے۔",
    },
    "moderation.flag.card_expired": {"en": "Card expired or expiring", "ur": "کارڈ کی میعاد ختم"},
    "moderation.flag.card_expired.explain": {
        "en": "The expiry date read on the card has passed or is within 30 days. "
        "Check the date on the photo.",
        "ur": "کارڈ پر پڑھی گئی میعاد گزر چکی ہے یا 30 دن کے اندر ختم ہو رہی ہے۔ "
        "تصویر پر تاریخ دیکھیں۔",
    },
    "moderation.flag.card_unreadable": {"en": "Card unreadable", "ur": "کارڈ پڑھا نہ جا سکا"},
    "moderation.flag.card_unreadable.explain": {
        "en": "No CNIC number could be read on the card front (blur, glare, cropped). "
        "Read it yourself or ask for a clearer photo.",
        "ur": "کارڈ کے سامنے والے رخ پر شناختی نمبر پڑھا نہ جا سکا (دھندلاہٹ، چمک یا کٹی "
        "تصویر)۔ خود پڑھیں یا واضح تصویر منگوائیں۔",
    },
    "moderation.flag.not_a_cnic": {"en": "Not a CNIC", "ur": "شناختی کارڈ نہیں"},
    "moderation.flag.not_a_cnic.explain": {
        "en": "The front photo shows no CNIC headings and no number: it may be another "
        "picture. Look at it.",
        "ur": "سامنے والی تصویر میں شناختی کارڈ کی سرخیاں یا نمبر نہیں: شاید یہ کوئی اور "
        "تصویر ہے۔ اسے دیکھیں۔",
    },
    "moderation.document": {"en": "The card, read automatically", "ur": "کارڈ کی خودکار پڑھائی"},
    "moderation.document.typed": {"en": "Typed", "ur": "درج کردہ"},
    "moderation.document.read": {"en": "Read on the card", "ur": "کارڈ پر"},
    "moderation.document.expiry": {"en": "Expiry", "ur": "میعاد ختم"},
    "moderation.document.issue": {"en": "Issued", "ur": "اجرا"},
    "moderation.document.birth": {"en": "Born", "ur": "پیدائش"},
    "moderation.document.confidence": {"en": "engine confidence", "ur": "انجن کا اعتماد"},
    "moderation.document.pending": {
        "en": "The card has not been read yet.",
        "ur": "کارڈ ابھی پڑھا نہیں گیا۔",
    },
    "moderation.document.unavailable": {
        "en": "The card could not be read this time; it will be tried again.",
        "ur": "اس بار کارڈ پڑھا نہ جا سکا؛ دوبارہ کوشش ہو گی۔",
    },
    "moderation.document.aid": {
        "en": "Read by software from the photo, which can misread. Compare with the "
        "photo yourself: this decides nothing.",
        "ur": "یہ سافٹ ویئر نے تصویر سے پڑھا ہے اور غلطی ہو سکتی ہے۔ تصویر سے خود موازنہ "
        "کریں: اس سے کوئی فیصلہ نہیں ہوتا۔",
    },
    "moderation.flag.security": {"en": "Many failed attempts", "ur": "بہت سی ناکام کوششیں"},
    "moderation.flag.security.explain": {
        "en": "This account had many failed attempts in the last 24 hours (wrong "
        "passwords or codes, refused selfie codes, rejected IDs). Check it with care.",
        "ur": "اس اکاؤنٹ سے پچھلے 24 گھنٹوں میں بہت سی ناکام کوششیں ہوئیں (غلط پاس ورڈ یا "
        "کوڈ، رد شدہ سیلفی کوڈ، مسترد شناختی کارڈ)۔ احتیاط سے جانچیں۔",
    },
    "moderation.status.pending": {"en": "Pending", "ur": "زیرِ غور"},
    "moderation.status.approved": {"en": "Approved", "ur": "منظور شدہ"},
    "moderation.status.rejected": {"en": "Rejected", "ur": "مسترد"},
    "moderation.status.resubmission_requested": {
        "en": "Resubmission requested",
        "ur": "دوبارہ جمع کروانے کا کہا گیا",
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
}
