"""How a refused form looks: the message at its field and linked from the error summary, on a page titled Error."""


def assert_refused_at(response, field_id: str, message: str):
    """The message is at the field (its error id) and linked from the summary; the page says Error."""
    page = response.content.decode()
    assert response.status_code == 200
    assert '<div class="govuk-error-summary"' in page
    assert f'href="#{field_id}">{message}</a>' in page, page[page.find("govuk-error-summary__list") :][:800]
    assert page.count(message) >= 2
    assert "<title>Error:" in page
