"""The account forms; every message a validator can show is translated."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, EqualTo, Length

from learn.forms import clean_text
from learn.i18n import NATIVE_NAMES

REQUIRED = _l("Please fill in this field.")


def language_choices() -> list[SelectChoice]:
    """Each language by its own name, marked with its `lang` so it renders in its script."""
    return [
        SelectChoice(code, name, render_kw={"lang": code}) for code, name in NATIVE_NAMES.items()
    ]


class RegisterForm(FlaskForm):
    login = StringField(
        _l("Username or phone number"),
        validators=[DataRequired(REQUIRED), Length(max=64)],
        filters=[clean_text],
    )
    display_name = StringField(
        _l("Your name (optional)"), validators=[Length(max=100)], filters=[clean_text]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED)])
    confirm = PasswordField(
        _l("Password again"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
    )
    language = RadioField(
        _l("Your language"),
        choices=language_choices(),
        validators=[DataRequired(_l("Choose your language."))],
    )
    submit = SubmitField(_l("Create account"))


class LoginForm(FlaskForm):
    login = StringField(
        _l("Username or phone number"), validators=[DataRequired(REQUIRED)], filters=[clean_text]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(REQUIRED)])
    submit = SubmitField(_l("Log in"))


class ChangePasswordForm(FlaskForm):
    current = PasswordField(_l("Current password"), validators=[DataRequired(REQUIRED)])
    password = PasswordField(_l("New password"), validators=[DataRequired(REQUIRED)])
    confirm = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(REQUIRED),
            EqualTo("password", message=_l("The two passwords are not the same.")),
        ],
    )
    submit = SubmitField(_l("Change password"))


class LanguageForm(FlaskForm):
    language = RadioField(choices=language_choices(), validators=[DataRequired()])
