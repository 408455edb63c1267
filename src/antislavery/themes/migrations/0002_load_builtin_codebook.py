from django.db import migrations


def load(apps, schema_editor):
    from antislavery.themes.codebook_sync import sync

    sync(apps.get_model("themes", "CodebookEntry"))


def unload(apps, schema_editor):
    apps.get_model("themes", "CodebookEntry").objects.filter(builtin=True).delete()


class Migration(migrations.Migration):

    dependencies = [("themes", "0001_codebook")]

    operations = [migrations.RunPython(load, unload)]
