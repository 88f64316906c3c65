from django.db import migrations, models


class Migration(migrations.Migration):
    """The deployment's ServiceNow sync scope becomes the platform-neutral "publish as"; values are kept."""

    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RenameField(
            model_name="deploymentprofile", old_name="servicenow_sync_scope", new_name="publish_as"
        ),
        migrations.AlterField(
            model_name="deploymentprofile",
            name="publish_as",
            field=models.CharField(
                choices=[
                    ("none", "Not published"),
                    ("application_service", "Application service"),
                    ("technical_service", "Technical service"),
                    ("technical_service_offering", "Technical service offering"),
                ],
                default="application_service",
                help_text="What this deployment becomes in the targets; “Not published” keeps it out.",
                max_length=30,
            ),
        ),
    ]
