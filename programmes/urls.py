"""URLs of the programmes app."""

app_name = "programmes"

urlpatterns = []
