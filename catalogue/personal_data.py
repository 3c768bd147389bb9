from accounts import personal_data

personal_data.export(
    "catalogue.Enquiry",
    user_field="asked_by",
    fields=("service__title", "question", "answer", "status", "created_at"),
    section="enquiries",
)
personal_data.exclude(
    "catalogue.Enquiry",
    user_field="answered_by",
    reason="An answer given on behalf of the provider.",
)
personal_data.exclude(
    "catalogue.Service",
    user_field="advisor",
    reason="The provider's contact person for the service.",
)
personal_data.files(
    "catalogue.Material",
    field="file",
    owner="uploaded_by",
    erased=False,
    reason="Shared with the network on behalf of the organisation, under its licence.",
    fields=("title", "url", "licence", "created_at"),
    section="shared_materials",
)
personal_data.export(
    "catalogue.EnquiryReply",
    user_field="author",
    fields=("enquiry__service__title", "body", "created_at"),
    section="enquiry_replies",
)
