from django_tasks import task

from hamaynk.notifications import services


@task()
def send_notification_email(notification_id: int) -> bool:
    return services.email_notification(notification_id=notification_id)


@task()
def send_digests() -> int:
    return services.send_digests()
