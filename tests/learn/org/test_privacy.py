"""What a learner can see and do about who sees their progress."""

from __future__ import annotations

from learn.extensions import db
from learn.models import GroupMember, Membership


def test_learner_sees_which_organisations_see_their_progress(world, login_as):
    page = login_as("learner_a").get("/account/organisations").get_data(as_text=True)
    assert "Org A" in page and "Org B" not in page
    assert "They see each of your answers only if you agree." in page
    assert 'href="/account/organisations"' in login_as("learner_a").get("/").text


def test_leaving_ends_the_organisations_access(app, world, login_as):
    client = login_as("learner_a")
    response = client.submit(
        f"/account/organisations/{world.orgs['a']}/leave", {}, page="/account/organisations"
    )
    assert "It no longer sees your progress." in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.query(Membership).filter_by(user_id=world.users["learner_a"]).count() == 0
        assert (
            db.session.query(GroupMember).filter_by(user_id=world.users["learner_a"]).count() == 0
        )
    trainer = login_as("trainer_a")
    assert "learner_a" not in trainer.get(f"/trainer/groups/{world.groups['a']}").text
    assert "learner_a" not in trainer.get(f"/org/{world.orgs['a']}/report").text
    admin = login_as("admin_a")
    path = f"/org/{world.orgs['a']}/workers/{world.users['learner_a']}"
    assert admin.get(path).status_code == 404


def test_one_cannot_leave_an_organisation_one_is_not_in(world, login_as):
    client = login_as("learner_a")
    response = client.submit(
        f"/account/organisations/{world.orgs['b']}/leave", {}, page="/account/organisations"
    )
    assert response.status_code == 404


def _answer(app, world):
    """learner_a answers one exercise of the test course."""
    import uuid

    from learn.catalog import catalog
    from learn.progress import record_answer

    with app.app_context():
        course = catalog().get("mini")
        exercise = course.exercise("hello-meaning")
        record_answer(
            db.session,
            world.users["learner_a"],
            course,
            "hello",
            "hello-practice",
            exercise.id,
            "thanks",
            exercise.grade("thanks"),
            uuid.uuid4(),
        )
        db.session.commit()


def test_answers_are_shown_to_the_organisation_only_with_consent(app, world, login_as):
    _answer(app, world)
    worker = f"/org/{world.orgs['a']}/workers/{world.users['learner_a']}"
    assert "has not agreed to share each answer" in login_as("admin_a").get(worker).text

    learner = login_as("learner_a")
    consent = f"/account/organisations/{world.orgs['a']}/answers"
    learner.submit(consent, {"share": "1"}, page="/account/organisations")
    page = login_as("admin_a").get(worker).get_data(as_text=True)
    assert "<code>hello-meaning</code>" in page and ">thanks<" in page

    learner = login_as("learner_a")
    learner.submit(consent, {"share": "0"}, page="/account/organisations")
    page = login_as("admin_a").get(worker).get_data(as_text=True)
    assert "hello-meaning" not in page and "has not agreed to share each answer" in page


def test_consent_to_an_organisation_one_is_not_in_is_refused(world, login_as):
    client = login_as("learner_a")
    response = client.submit(
        f"/account/organisations/{world.orgs['b']}/answers",
        {"share": "1"},
        page="/account/organisations",
    )
    assert response.status_code == 404
