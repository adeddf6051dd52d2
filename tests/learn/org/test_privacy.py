"""What a learner can see and do about who sees their progress."""

from __future__ import annotations

from learn.extensions import db
from learn.models import GroupMember, Membership


def test_learner_sees_which_organisations_see_their_progress(world, login_as):
    page = login_as("learner_a").get("/account/organisations").get_data(as_text=True)
    assert "Org A" in page and "Org B" not in page
    assert "They do not see each of your answers." in page
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
