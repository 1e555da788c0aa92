import ipaddress

from django.db import migrations, models
from django.utils.crypto import salted_hmac


def _address_hash(ip):
    # moderation.flag_sources.address_hash as it was written with this migration.
    address = ipaddress.ip_address(ip)
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    elif address.version == 6:
        address = ipaddress.ip_network(f"{address}/64", strict=False).network_address
    return salted_hmac(
        "moderation.flag_sources.address", str(address), algorithm="sha256"
    ).hexdigest()


def hash_flag_addresses(apps, schema_editor):
    """The flags of the last weeks keep telling one address from another, hashed."""
    Flag = apps.get_model("moderation", "Flag")
    for flag in Flag.objects.exclude(ip_address=None).only("pk", "ip_address"):
        Flag.objects.filter(pk=flag.pk).update(address_hash=_address_hash(flag.ip_address))


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0008_indexes_for_long_threads_and_notifications"),
        ("moderation", "0008_profile_cases_and_flags"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="added_posts",
            field=models.ManyToManyField(blank=True, related_name="gathered_in", to="forum.post"),
        ),
        migrations.AddField(
            model_name="flag",
            name="address_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="flag",
            name="device_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        # Forwards only: a hash cannot give the address back.
        migrations.RunPython(hash_flag_addresses, migrations.RunPython.noop),
        migrations.RemoveField(model_name="flag", name="ip_address"),
    ]
