import { describe, expect, it } from 'vitest';
import {
  assessmentManageScope,
  assessmentReadScope,
  assessmentScoreScope,
  can,
  CAPABILITIES,
  mayOpenProgram,
  PERMISSIONS,
  projectEditScope,
  projectManageScope,
  projectReadScope,
  readsWholeProgram,
  type Actor,
  type Role,
} from '@/lib/rules/authz';

const actor = (role: Role, institutionId: number | null = null, programs: Actor['programs'] = 'ALL'): Actor => ({
  userId: 1,
  role,
  institutionId,
  name: 'x',
  programs,
});

describe('permission map', () => {
  it('fails closed: no actor, or a role the map does not know, can do nothing', () => {
    for (const c of CAPABILITIES) {
      expect(can(null, c)).toBe(false);
      expect(can({ ...actor('LEADER'), role: 'INTRUDER' as Role }, c)).toBe(false);
    }
  });

  it('gives leaders read access only, and only institutions write project data', () => {
    expect(PERMISSIONS.LEADER).toEqual(['program:read', 'project:read', 'assessment:read']);
    // An outside expert reads and scores assessments and nothing else: no project page, no program view.
    expect(PERMISSIONS.REVIEWER).toEqual(['assessment:read', 'assessment:score']);
    expect((Object.keys(PERMISSIONS) as Role[]).filter((r) => can(actor(r), 'assessment:manage'))).toEqual(['REGULATOR']);
    for (const c of ['project:edit', 'metric:record', 'milestone:write', 'stage:propose', 'return:file'] as const) {
      expect((Object.keys(PERMISSIONS) as Role[]).filter((r) => can(actor(r, 1), c))).toEqual(['INSTITUTION']);
    }
    expect((Object.keys(PERMISSIONS) as Role[]).filter((r) => can(actor(r), 'stage:decide'))).toEqual(['REGULATOR']);
    expect((Object.keys(PERMISSIONS) as Role[]).filter((r) => can(actor(r), 'return:review'))).toEqual(['REGULATOR']);
  });

  it('scopes institution reads to projects it takes part in, and edits to those it leads', () => {
    expect(projectReadScope(actor('REGULATOR'))).toEqual({});
    expect(projectReadScope(actor('INSTITUTION', 7))).toEqual({ institutions: { some: { institutionId: 7 } } });
    // A retired project is read-only until an administrator restores it.
    expect(projectEditScope(actor('INSTITUTION', 7))).toEqual({ retiredAt: null, institutions: { some: { institutionId: 7, role: 'LEAD' } } });
    expect(projectEditScope(actor('REGULATOR'))).toEqual({ id: { in: [] } });
    expect(projectReadScope(actor('INSTITUTION', null))).toEqual({ id: { in: [] } });
  });

  it('scopes a regulator or leader granted some programs to those programs, and nothing for none', () => {
    expect(projectReadScope(actor('REGULATOR', null, [3, 5]))).toEqual({ programId: { in: [3, 5] } });
    expect(projectReadScope(actor('LEADER', null, [3]))).toEqual({ programId: { in: [3] } });
    expect(projectReadScope(actor('REGULATOR', null, []))).toEqual({ programId: { in: [] } });
    expect(readsWholeProgram(actor('REGULATOR', null, [3]), 3)).toBe(true);
    expect(readsWholeProgram(actor('REGULATOR', null, [3]), 4)).toBe(false);
    expect(readsWholeProgram(actor('REGULATOR'), 4)).toBe(true);
    // An institution never reads a whole program: its institution scopes it.
    expect(readsWholeProgram(actor('INSTITUTION', 7), 4)).toBe(false);
  });

  it('opens a program to a regulator or leader granted it, and any program to an institution user', () => {
    expect(mayOpenProgram(actor('REGULATOR', null, [3]), 3)).toBe(true);
    expect(mayOpenProgram(actor('LEADER', null, [3]), 4)).toBe(false);
    expect(mayOpenProgram(actor('REGULATOR', null, []), 3)).toBe(false);
    expect(mayOpenProgram(actor('REGULATOR'), 4)).toBe(true);
    expect(mayOpenProgram(actor('INSTITUTION', 7), 4)).toBe(true);
  });

  it('lets only administrators correct, retire and restore projects and the catalogues', () => {
    for (const c of ['project:manage', 'catalogue:manage'] as const) {
      expect((Object.keys(PERMISSIONS) as Role[]).filter((r) => can(actor(r, 1), c))).toEqual(['ADMIN']);
    }
    expect(projectManageScope(actor('ADMIN'))).toEqual({});
    // An administrator granted some programs corrects only their projects.
    expect(projectManageScope(actor('ADMIN', null, [3]))).toEqual({ programId: { in: [3] } });
    for (const role of ['REGULATOR', 'INSTITUTION', 'LEADER'] as const) expect(projectManageScope(actor(role, 7))).toEqual({ id: { in: [] } });
  });
});

describe('assessment scopes', () => {
  it('a reviewer reads and scores only the projects assigned to it, and sees no project otherwise', () => {
    const reviewer = { ...actor('REVIEWER'), userId: 42 };
    expect(assessmentReadScope(reviewer)).toEqual({ retiredAt: null, reviewers: { some: { userId: 42 } } });
    expect(assessmentScoreScope(reviewer)).toEqual({ retiredAt: null, reviewers: { some: { userId: 42 } } });
    expect(projectReadScope(reviewer)).toEqual({ id: { in: [] } });
    expect(mayOpenProgram(reviewer, 1)).toBe(false);
    expect(assessmentManageScope(reviewer)).toEqual({ id: { in: [] } });
  });
  it('an institution scores only projects it leads; a leader scores nothing', () => {
    expect(assessmentScoreScope(actor('INSTITUTION', 7))).toEqual(projectEditScope(actor('INSTITUTION', 7)));
    expect(assessmentScoreScope(actor('LEADER'))).toEqual({ id: { in: [] } });
    expect(assessmentReadScope(actor('LEADER'))).toEqual(projectReadScope(actor('LEADER')));
  });
});
