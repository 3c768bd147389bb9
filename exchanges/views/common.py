"""What the exchanges pages share."""

from django.http import HttpResponse

PAGE_SIZE = 20


def query_string(request):
    """The page's query string without its page number, for the links of its pager."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
