from accounts import personal_data

personal_data.export(
    "notifications.Notification",
    user_field="recipient",
    fields=("created_at", "kind", "channel", "state", "sent_at", "read_at"),
    section="notifications",
)
personal_data.export(
    "notifications.Preference",
    fields=("kind", "delivery"),
    section="notification_settings",
)
# Notices to the person's address without an account are theirs: they go.
personal_data.copy("notifications.Notification", field="email", action=personal_data.DELETE)
# Other people's notices keep what happened, with the person's name replaced in the
# recipient's language (the subject and body are rendered from the context).
personal_data.copy(
    "notifications.Notification",
    field="context",
    action=personal_data.MARK,
    language_field="language",
)
personal_data.copy("notifications.Notification", field="last_error", action=personal_data.MARK)
