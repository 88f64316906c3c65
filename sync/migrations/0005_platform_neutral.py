from django.db import migrations, models


def forwards(apps, schema_editor):
    SyncMapEntry = apps.get_model("sync", "SyncMapEntry")
    SyncMapEntry.objects.filter(direction="subscribed").update(direction="matched")
    for entry in SyncMapEntry.objects.exclude(target_mod_count=None).only("pk", "target_mod_count"):
        SyncMapEntry.objects.filter(pk=entry.pk).update(target_version=str(entry.target_mod_count))


def backwards(apps, schema_editor):
    SyncMapEntry = apps.get_model("sync", "SyncMapEntry")
    SyncMapEntry.objects.filter(direction="matched").update(direction="subscribed")
    for entry in SyncMapEntry.objects.exclude(target_version="").only("pk", "target_version"):
        if entry.target_version.isdigit():
            SyncMapEntry.objects.filter(pk=entry.pk).update(target_mod_count=int(entry.target_version))


def diffs_three_way(apps, schema_editor):
    """Run rows kept `field: [target, portfolio]`; pages now read the three-way form."""
    RunItem = apps.get_model("sync", "RunItem")
    changed = []
    for item in RunItem.objects.exclude(diff={}).only("pk", "diff").iterator(chunk_size=2000):
        if not any(isinstance(v, list) for v in item.diff.values()):
            continue
        item.diff = {
            name: {
                "state": "update",
                "portfolio": value[1] if len(value) > 1 else "",
                "last": None,
                "target": value[0] if value else "",
            }
            if isinstance(value, list)
            else value
            for name, value in item.diff.items()
        }
        changed.append(item)
        if len(changed) >= 1000:
            RunItem.objects.bulk_update(changed, ["diff"])
            changed = []
    RunItem.objects.bulk_update(changed, ["diff"])


class Migration(migrations.Migration):
    """Neutral names (target type, target id, target version), the values last agreed with the target,
    "matched" instead of "subscribed", and what a two-sided preview and a restoring rollback keep."""

    dependencies = [("sync", "0004_publish_runs")]

    operations = [
        migrations.RemoveConstraint(model_name="syncmapentry", name="syncmap_unique_target"),
        migrations.RemoveConstraint(model_name="targetrecord", name="targetrecord_unique"),
        migrations.RenameField("syncmapentry", "target_table", "target_type"),
        migrations.RenameField("syncmapentry", "target_sys_id", "target_id"),
        migrations.AlterField("syncmapentry", "target_id", models.CharField(max_length=64)),
        migrations.AddField("syncmapentry", "last_values", models.JSONField(blank=True, default=dict)),
        migrations.AddField("syncmapentry", "last_references", models.JSONField(blank=True, default=dict)),
        migrations.AddField("syncmapentry", "kept", models.JSONField(blank=True, default=dict)),
        migrations.AddField("syncmapentry", "target_version", models.CharField(blank=True, max_length=40)),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField("syncmapentry", "target_mod_count"),
        migrations.AlterField(
            "syncmapentry",
            "direction",
            models.CharField(
                choices=[
                    ("matched", "Matched to an existing record"),
                    ("published", "Published by Portfolio Bridge"),
                    ("adopted", "Adopted: an existing record kept up to date (never deleted)"),
                ],
                max_length=10,
            ),
        ),
        migrations.AddConstraint(
            model_name="syncmapentry",
            constraint=models.UniqueConstraint(
                condition=models.Q(("target_id", ""), _negated=True),
                fields=("connection", "target_type", "target_id"),
                name="syncmap_unique_target",
            ),
        ),
        migrations.RenameField("targetrecord", "table", "target_type"),
        migrations.RenameField("targetrecord", "sys_id", "target_id"),
        migrations.AlterField("targetrecord", "target_id", models.CharField(max_length=64)),
        migrations.AddConstraint(
            model_name="targetrecord",
            constraint=models.UniqueConstraint(
                fields=("connection", "kind", "target_id"), name="targetrecord_unique"
            ),
        ),
        migrations.RenameField("matchchoice", "target_sys_id", "target_id"),
        migrations.AlterField("matchchoice", "target_id", models.CharField(blank=True, max_length=64)),
        migrations.RenameField("runitem", "target_table", "target_type"),
        migrations.RenameField("runitem", "target_sys_id", "target_id"),
        migrations.AlterField("runitem", "target_id", models.CharField(blank=True, max_length=64)),
        migrations.AddField("runitem", "target_version", models.CharField(blank=True, max_length=40)),
        migrations.AddField("runitem", "previous", models.JSONField(blank=True, default=dict)),
        migrations.AddField("runitem", "field_decisions", models.JSONField(blank=True, default=dict)),
        migrations.AddField("runitem", "identified", models.BooleanField(default=False)),
        migrations.AlterField("runitem", "decision", models.CharField(blank=True, max_length=12)),
        migrations.AlterField("runitem", "diff", models.JSONField(blank=True, default=dict)),
        migrations.AlterField(
            model_name="run",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("running", "Running"),
                    ("succeeded", "Succeeded"),
                    ("partial", "Partly succeeded"),
                    ("failed", "Failed"),
                    ("canceled", "Canceled"),
                    ("interrupted", "Interrupted (worker stopped)"),
                    ("rolled_back", "Rolled back"),
                ],
                default="queued",
                max_length=12,
            ),
        ),
        migrations.AlterField(
            model_name="runitem",
            name="outcome",
            field=models.CharField(
                choices=[
                    ("create", "Create"),
                    ("update", "Update"),
                    ("changed_in_target", "Changed in target"),
                    ("unchanged", "Unchanged"),
                    ("adopt", "Adopt"),
                    ("conflict", "Conflict"),
                    ("possible_duplicate", "Possible duplicate"),
                    ("error", "Error"),
                    ("not_published", "Not published"),
                    ("skipped", "Skipped"),
                    ("deleted", "Deleted"),
                    ("restored", "Restored"),
                ],
                max_length=20,
            ),
        ),
        migrations.RunPython(diffs_three_way, migrations.RunPython.noop),
        migrations.AddField("run", "plan_hash", models.CharField(blank=True, max_length=64)),
        migrations.AddField("run", "without_preview", models.BooleanField(default=False)),
    ]
