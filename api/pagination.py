"""Lists are paged: 25 a page unless `page_size` asks for more, never more than 100."""

from rest_framework.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100


class PortalPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
