"""The settings page."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "settings.loading": {"en": "Loading your choices…", "ur": "آپ کی ترجیحات لوڈ ہو رہی ہیں…"},
    "settings.notify.email": {"en": "Email", "ur": "ای میل"},
    "settings.notify.sms": {"en": "SMS", "ur": "ایس ایم ایس"},
    "settings.notify.in_app": {"en": "In the app", "ur": "ایپ کے اندر"},
    "settings.saved": {"en": "Saved.", "ur": "محفوظ ہو گیا۔"},
}
