"""Views for accounts: register, log in, log out, change password, choose a language."""

from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from learn.auth import bp
from learn.auth.accounts import AccountError, LoginPolicy, authenticate, change_password, register
from learn.auth.forms import ChangePasswordForm, LanguageForm, LoginForm, RegisterForm
from learn.auth.messages import message_for
from learn.extensions import db
from learn.i18n import current_language
from learn.urls import safe_next

# What a visitor started that signing in must finish: an invitation to a group (/join/<code>).
CARRIED_OVER = ("join_code",)


def _start_session(user) -> None:
    """Sign in with a fresh session: nothing a visitor's session held (or someone planted in
    it) carries over but a pending invitation; the account's language replaces the visitor's."""
    kept = {key: session[key] for key in CARRIED_OVER if key in session}
    session.clear()
    session.update(kept)
    login_user(user)


@bp.route("/register", methods=["GET", "POST"])
def register_view():
    """Create an account with a username or phone number, a password and a language."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = RegisterForm()
    if request.method == "GET":
        form.language.data = current_language()
    if form.validate_on_submit():
        try:
            user = register(
                db.session,
                form.login.data,
                form.password.data,
                form.language.data,
                display_name=form.display_name.data or "",
            )
        except AccountError as error:
            field = form.password if error.code.startswith("password") else form.login
            field.errors = [*field.errors, message_for(error)]
        else:
            db.session.commit()
            _start_session(user)
            flash(_("Welcome! Your account is ready."), "success")
            return redirect(url_for("main.home"))
    return render_template("auth/register.html", form=form), 422 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with a username or phone number and a password."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        policy = LoginPolicy(
            current_app.config["LOGIN_MAX_FAILURES"], current_app.config["LOGIN_LOCK_MINUTES"]
        )
        try:
            user = authenticate(db.session, form.login.data, form.password.data, policy)
        except AccountError as refusal:
            # The failure count is part of the refusal: keep it.
            db.session.commit()
            error = message_for(refusal)
        else:
            db.session.commit()
            _start_session(user)
            if user.must_change_password:
                return redirect(url_for("auth.password"))
            return redirect(safe_next(request.args.get("next")))
    status = 422 if (form.errors or error) else 200
    return render_template("auth/login.html", form=form, error=error), status


@bp.post("/logout")
@login_required
def logout():
    """End the session."""
    logout_user()
    flash(_("You have logged out."), "info")
    return redirect(url_for("main.home"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    """Change the password, knowing the current one."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            change_password(db.session, current_user, form.current.data, form.password.data)
        except AccountError as error:
            field = form.current if error.code == "current_password_wrong" else form.password
            field.errors = [*field.errors, message_for(error)]
        else:
            db.session.commit()
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("main.home"))
    return render_template("auth/password.html", form=form), 422 if form.errors else 200


@bp.route("/language", methods=["GET", "POST"])
def language():
    """Choose the interface language: saved on the account, or in the session for visitors."""
    form = LanguageForm()
    if form.validate_on_submit():
        if current_user.is_authenticated:
            current_user.language = form.language.data
            db.session.commit()
        else:
            session["lang"] = form.language.data
        return redirect(safe_next(request.args.get("next")))
    form.language.data = current_language()
    return render_template("auth/language.html", form=form), 422 if form.errors else 200
