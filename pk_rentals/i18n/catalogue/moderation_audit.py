"""The moderators' audit log and statistics."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "moderation.stats.pending": {"en": "Waiting for review", "ur": "جائزے کی منتظر"},
    "moderation.stats.median": {"en": "Median time to decision", "ur": "فیصلے کا درمیانی وقت"},
    "moderation.stats.median.window": {"en": "last 30 days", "ur": "پچھلے 30 دن"},
    "moderation.stats.per_day": {"en": "Decisions per day", "ur": "روزانہ فیصلے"},
    "moderation.stats.per_day.window": {"en": "last 14 days", "ur": "پچھلے 14 دن"},
    "moderation.band.likely_same": {"en": "Likely the same person", "ur": "غالباً ایک ہی شخص"},
    "moderation.band.look_closely": {"en": "Look closely", "ur": "غور سے دیکھیں"},
    "moderation.band.likely_different": {
        "en": "Likely different people",
        "ur": "غالباً مختلف افراد",
    },
    "moderation.tab.queue": {"en": "Review", "ur": "جائزہ"},
    "moderation.tab.security": {"en": "Security", "ur": "سیکیورٹی"},
}
