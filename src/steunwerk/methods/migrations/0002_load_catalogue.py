from django.db import migrations


def load_catalogue(apps, schema_editor):
    from steunwerk.methods.catalogue import load, read_catalogue

    load(apps.get_model("methods", "Method"), read_catalogue())


class Migration(migrations.Migration):
    dependencies = [("methods", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
