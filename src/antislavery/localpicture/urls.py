app_name = "localpicture"

urlpatterns: list = []
