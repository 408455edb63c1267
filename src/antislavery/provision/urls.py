app_name = "provision"

urlpatterns: list = []
