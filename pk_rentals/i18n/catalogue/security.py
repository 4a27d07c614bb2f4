"""The security log: its kinds of events and their labels."""

MESSAGES: dict[str, dict[str, str]] = {
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
