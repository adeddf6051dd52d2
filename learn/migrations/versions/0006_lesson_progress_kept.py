"""Lesson summaries keep the steps done, best scores and wrong streaks; indexes for one
lesson's records

Rows from before stay NULL: learn/progress.py fills each when it is next read.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 23:48:18.463051

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('attempt_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_logs_user_id'))
        batch_op.create_index(batch_op.f('ix_attempt_logs_user_id'), ['user_id', 'course_id', 'lesson_id', 'step_id'], unique=False)

    with op.batch_alter_table('lesson_summaries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('steps_done', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('best_scores', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('wrong_streaks', sa.JSON(), nullable=True))

    with op.batch_alter_table('step_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_logs_user_id'))
        batch_op.create_index(batch_op.f('ix_step_logs_user_id'), ['user_id', 'course_id', 'lesson_id'], unique=False)


def downgrade():
    with op.batch_alter_table('step_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_logs_user_id'))
        batch_op.create_index(batch_op.f('ix_step_logs_user_id'), ['user_id', 'course_id'], unique=False)

    with op.batch_alter_table('lesson_summaries', schema=None) as batch_op:
        batch_op.drop_column('wrong_streaks')
        batch_op.drop_column('best_scores')
        batch_op.drop_column('steps_done')

    with op.batch_alter_table('attempt_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_logs_user_id'))
        batch_op.create_index(batch_op.f('ix_attempt_logs_user_id'), ['user_id', 'course_id'], unique=False)
