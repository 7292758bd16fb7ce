"""URLs of the boroughs app."""

app_name = "boroughs"

urlpatterns = []
