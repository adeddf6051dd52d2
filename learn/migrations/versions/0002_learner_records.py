"""Learner records: step logs, attempt logs, lesson summaries

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 20:49:52.865330

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0002'
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('attempt_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.String(length=64), nullable=False),
    sa.Column('lesson_id', sa.String(length=64), nullable=False),
    sa.Column('step_id', sa.String(length=64), nullable=True),
    sa.Column('exercise_id', sa.String(length=64), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('answer', sa.JSON(), nullable=False),
    sa.Column('feedback', sa.JSON(), nullable=False),
    sa.Column('hinted', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attempt_logs_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attempt_logs')),
    sa.UniqueConstraint('uuid', name=op.f('uq_attempt_logs_uuid'))
    )
    with op.batch_alter_table('attempt_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_logs_course_id'), ['course_id', 'exercise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempt_logs_user_id'), ['user_id', 'course_id'], unique=False)

    op.create_table('lesson_summaries',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.String(length=64), nullable=False),
    sa.Column('lesson_id', sa.String(length=64), nullable=False),
    sa.Column('progress', sa.Float(), nullable=False),
    sa.Column('best_score', sa.Float(), nullable=False),
    sa.Column('time_spent', sa.Integer(), nullable=False),
    sa.Column('last_step_id', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_lesson_summaries_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'course_id', 'lesson_id', name=op.f('pk_lesson_summaries'))
    )
    op.create_table('step_logs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.String(length=64), nullable=False),
    sa.Column('lesson_id', sa.String(length=64), nullable=False),
    sa.Column('step_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_step_logs_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_step_logs')),
    sa.UniqueConstraint('uuid', name=op.f('uq_step_logs_uuid'))
    )
    with op.batch_alter_table('step_logs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_logs_user_id'), ['user_id', 'course_id'], unique=False)



def downgrade():
    with op.batch_alter_table('step_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_logs_user_id'))

    op.drop_table('step_logs')
    op.drop_table('lesson_summaries')
    with op.batch_alter_table('attempt_logs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attempt_logs_user_id'))
        batch_op.drop_index(batch_op.f('ix_attempt_logs_course_id'))

    op.drop_table('attempt_logs')
