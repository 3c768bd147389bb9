"""What the exchanges pages share."""

PAGE_SIZE = 20


def query_string(request, drop=("page",)):
    """The page's query string without ``drop``, for the links of its pager."""
    query = request.GET.copy()
    for key in drop:
        query.pop(key, None)
    return query.urlencode()
