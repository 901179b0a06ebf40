# Indexes for the Overzicht (support/dashboard.py): its counts are answered from these without reading rows.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('support', '0004_trajectory_client_name'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='planstep',
            index=models.Index(fields=['plan', 'actor'], name='planstep_plan_actor'),
        ),
        migrations.AddIndex(
            model_name='trajectory',
            index=models.Index(fields=['team', 'status', 'phase', 'complexity', 'aim'], name='trajectory_overview'),
        ),
        migrations.AddIndex(
            model_name='trajectory',
            index=models.Index(fields=['team', 'started_on'], name='trajectory_team_started'),
        ),
        migrations.AddIndex(
            model_name='trajectory',
            index=models.Index(fields=['team', 'closed_on'], name='trajectory_team_closed'),
        ),
    ]
