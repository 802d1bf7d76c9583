/** 小小建筑师's project series: stages with dates and outputs; a finished design goes to the joint meeting as an issue. */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { AppError } from '../../errors';
import { activities } from '../activities/schema';
import { issueEvents, issues } from '../issues/schema';
import { mediaFiles } from '../media/schema';
import { members } from '../members/schema';
import { architectProjects, architectStages } from './schema';

export function listProjects(db: TenantDb) {
  return db
    .select({
      id: architectProjects.id,
      title: architectProjects.title,
      summary: architectProjects.summary,
      leadName: members.displayName,
      stages: sql<number>`(SELECT COUNT(*) FROM architect_stages s WHERE s.project_id = ${architectProjects.id})`,
      finished: sql<number>`(SELECT COUNT(*) FROM architect_stages s WHERE s.project_id = ${architectProjects.id} AND s.state = 'finished')`,
    })
    .from(architectProjects)
    .innerJoin(members, eq(members.id, architectProjects.leadMemberId))
    .orderBy(desc(architectProjects.id));
}

export async function createProject(db: TenantDb, leadId: number, input: { title: string; summary: string }) {
  const [row] = await db
    .insert(architectProjects)
    .values({ ...input, leadMemberId: leadId })
    .returning({ id: architectProjects.id });
  return row!.id;
}

export async function projectDetail(db: TenantDb, id: number) {
  const [[project], stages] = await db.batch([
    db
      .select({
        id: architectProjects.id,
        title: architectProjects.title,
        summary: architectProjects.summary,
        leadMemberId: architectProjects.leadMemberId,
        leadName: members.displayName,
      })
      .from(architectProjects)
      .innerJoin(members, eq(members.id, architectProjects.leadMemberId))
      .where(eq(architectProjects.id, id)),
    db
      .select({
        id: architectStages.id,
        position: architectStages.position,
        title: architectStages.title,
        startsOn: architectStages.startsOn,
        endsOn: architectStages.endsOn,
        output: architectStages.output,
        state: architectStages.state,
        finishedAt: architectStages.finishedAt,
        issueId: architectStages.issueId,
        activityId: architectStages.activityId,
        photos: sql<number>`(SELECT COUNT(*) FROM ${mediaFiles} m WHERE m.activity_id = ${architectStages.activityId} AND m.kind = 'activity-photo')`,
      })
      .from(architectStages)
      .where(eq(architectStages.projectId, id))
      .orderBy(asc(architectStages.position), asc(architectStages.id)),
  ]);
  if (!project) throw new AppError('not_found', 'No such project');
  return { ...project, stages: stages.map((s) => ({ ...s, photos: Number(s.photos) })) };
}

export async function addStage(
  db: TenantDb,
  projectId: number,
  input: { title: string; startsOn: string; endsOn: string; output: string; activityId?: number | null },
) {
  if (input.endsOn < input.startsOn)
    throw new AppError('validation_failed', 'A stage ends on or after it starts', { endsOn: ['On or after the start'] });
  await projectDetail(db, projectId);
  if (input.activityId != null) {
    const [activity] = await db.select({ id: activities.id }).from(activities).where(eq(activities.id, input.activityId));
    if (!activity) throw new AppError('validation_failed', 'No such activity', { activityId: ['No such activity'] });
  }
  const [row] = await db
    .insert(architectStages)
    .values({
      projectId,
      title: input.title,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      output: input.output,
      activityId: input.activityId ?? null,
      position: sql`(SELECT COALESCE(MAX(position), 0) + 1 FROM architect_stages WHERE project_id = ${projectId})`,
    })
    .returning({ id: architectStages.id });
  return row!.id;
}

export async function finishStage(db: TenantDb, projectId: number, stageId: number) {
  const updated = await db
    .update(architectStages)
    .set({ state: 'finished', finishedAt: new Date().toISOString() })
    .where(and(eq(architectStages.id, stageId), eq(architectStages.projectId, projectId)))
    .returning({ id: architectStages.id });
  if (updated.length === 0) throw new AppError('not_found', 'No such stage');
}

/**
 * Takes a finished design to the joint meeting: one batch raises the issue (with a link back to the project in its
 * text), records its first step, and marks the stage with it, only if the stage is finished and not yet raised.
 */
export async function raiseDesign(db: TenantDb, projectId: number, stageId: number, memberId: number, origin: string) {
  const project = await projectDetail(db, projectId);
  const stage = project.stages.find((s) => s.id === stageId);
  if (!stage) throw new AppError('not_found', 'No such stage');
  if (stage.state !== 'finished') throw new AppError('conflict', 'Finish the stage before taking its design to the joint meeting');
  if (stage.issueId !== null) return stage.issueId;
  const description = `小小建筑师「${project.title}」的设计：${stage.output}\n\n项目页：${origin}/little-architects/${projectId}`;
  const mine = sql`(SELECT MAX(id) FROM issues WHERE raised_by = ${memberId})`;
  await db.batch([
    db.insert(issues).values({
      title: `${project.title}：${stage.title}`,
      description,
      category: 'facilities',
      raisedBy: memberId,
      state: 'raised',
    }),
    db.insert(issueEvents).values({ issueId: mine, fromState: null, toState: 'raised', actorMemberId: memberId }),
    db
      .update(architectStages)
      .set({ issueId: mine })
      .where(and(eq(architectStages.id, stageId), isNull(architectStages.issueId), eq(architectStages.state, 'finished'))),
  ]);
  const [row] = await db.select({ issueId: architectStages.issueId }).from(architectStages).where(eq(architectStages.id, stageId));
  return row!.issueId!;
}
