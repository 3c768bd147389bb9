from accounts import personal_data

personal_data.export(
    "notifications.Notification",
    user_field="recipient",
    fields=("created_at", "kind", "channel", "state", "sent_at", "read_at"),
    section="notifications",
)
personal_data.export(
    "notifications.Preference",
    user_field="user",
    fields=("kind", "delivery"),
    section="notification_settings",
)
