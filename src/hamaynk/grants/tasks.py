from django_tasks import task

from hamaynk.grants import copies


@task()
def send_submission_copy(application_id: int, recipient_id: int) -> bool:
    return copies.email_submission_copy(application_id=application_id,
                                        recipient_id=recipient_id)


@task()
def send_decision_letter(determination_id: int, recipient_id: int) -> bool:
    return copies.email_decision_letter(determination_id=determination_id,
                                        recipient_id=recipient_id)
